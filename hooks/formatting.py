"""How numbers and dates read in each language.

Handles no MkDocs event; templates, pages and the chart call these so a size or a date is written the same
way everywhere it appears.
"""

from __future__ import annotations

import data_schema as schema

EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _trim(value: float, digits: int = 3) -> str:
    text = f"{value:.{digits}g}"
    if "e" in text:
        text = f"{value:.0f}"
    return text


def format_parameters(count: float | None, lang: str, undisclosed: str) -> str:
    """`8.9 B` / `89 亿`; `undisclosed` is the page-language word used when the size is not public."""
    if count is None:
        return undisclosed
    if lang == "zh":
        if count >= 1e12:
            return f"{_trim(count / 1e12)} 万亿"
        if count >= 1e8:
            return f"{_trim(count / 1e8)} 亿"
        return f"{_trim(count / 1e4)} 万"
    if count >= 1e12:
        return f"{_trim(count / 1e12)} T"
    if count >= 1e9:
        return f"{_trim(count / 1e9)} B"
    return f"{_trim(count / 1e6)} M"


def format_release(date: schema.ReleaseDate, lang: str) -> str:
    if lang == "zh":
        return f"{date.year}年{date.month}月" + (f"{date.day}日" if date.day else "")
    month = EN_MONTHS[date.month - 1]
    return (f"{date.day} " if date.day else "") + f"{month} {date.year}"
