"""Figure 2, the bubble chart of model sizes. (Being written: see the chart helper.)"""


def chart_context(macros) -> dict:
    return {}
