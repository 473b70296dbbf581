"""Figure 2 before and after Plotly (issue 12) and its later-models layer (issue 16).

The build-time preview and the Plotly figure come from one definition: every point sits at the same place in
both; names never overlap at phone and desktop widths in either language; Plotly is loaded only when wanted,
and what the reader does before it arrives is kept; the layer of models released since the review appears
only when asked for, in both languages and in the address.
"""

from __future__ import annotations

import itertools

import pytest

from conftest import LANGUAGES
from test_chart import (CHART_PAGES, EMBED_PAGES, chart_config, drawn_ids, open_chart, point_position,  # noqa: F401
                        review_ids)

WIDTHS = (390, 1280)
PLOTLY = "**/vendor/plotly/plotly-basic-*.js"


# Build ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", [*CHART_PAGES.values(), *EMBED_PAGES.values()])
def test_figcaption_is_first_and_nothing_but_flow_content_follows(page, html):
    figure = html(page + "index.html").select_one("figure.model-chart")
    children = [child for child in figure.children if getattr(child, "name", None)]
    assert children[0].name == "figcaption"
    assert sum(child.name == "figcaption" for child in children) == 1


@pytest.mark.parametrize("lang", LANGUAGES)
def test_preview_draws_the_review_models_in_each_frame(lang, html, site_data):
    soup = html(CHART_PAGES[lang] + "index.html")
    previews = soup.select(".model-chart__preview")
    assert [p["data-frame"] for p in previews] == ["narrow", "wide"]
    for preview in previews:
        points = preview.select("a.mcp-point")
        assert sorted(p["data-id"] for p in points) == review_ids(site_data)
        for point in points:
            model = site_data.models[point["data-id"]]
            assert point["href"] == f"../models/#{model.id}"
            assert model.name in point["aria-label"] and point.title.get_text() == point["aria-label"]
            hollow = "mcp-marker--hollow" in point.path["class"]
            assert hollow == (model.parameters is None), model.id
        labels = {label["data-id"]: label.get_text() for label in preview.select("text.mcp-label")}
        assert labels and all(site_data.models[i].label(lang) == text for i, text in labels.items())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_default_figure_is_the_reviews_and_the_layer_holds_the_later_models(lang, html, site_data):
    config = chart_config(html(CHART_PAGES[lang] + "index.html"))
    later = sorted(m.id for m in site_data.models.values() if m.since_review)
    assert len(later) >= 20
    assert sorted(i for i, facts in config["models"].items() if facts["later"]) == later
    for trace in config["figure"]["data"]:
        is_later = trace["meta"]["layer"] == "later"
        assert all(site_data.models[i].since_review == is_later for i in trace["ids"])
        assert trace["marker"]["symbol"].endswith("-open-dot") == is_later
    for frame in config["views"].values():
        for scale in frame.values():
            assert scale["review"]["cutoff"] is None and 0 < scale["all"]["cutoff"] < 1
            assert set(scale["review"]["labels"]) <= set(review_ids(site_data))


def test_mixture_of_experts_shows_total_and_active(html, site_data):
    moe = next(m for m in site_data.models.values() if m.parameters_active)
    soup = html(CHART_PAGES["en"] + "index.html")
    row = soup.select_one(f"tr[data-id='{moe.id}']")
    text = row.select_one(".model-chart__size").get_text()
    assert "in total" in text and "active" in text
    assert int(row.select_one(".model-chart__size")["data-sort-value"]) == round(moe.parameters)


# Browser ----------------------------------------------------------------------------------------------------


def preview_positions(page) -> dict[str, tuple[float, float]]:
    """Each visible preview point's centre, relative to the figure's box."""
    return page.evaluate("""() => {
        const stage = document.querySelector('.model-chart__stage').getBoundingClientRect();
        const found = {};
        for (const link of document.querySelectorAll('.model-chart__preview a.mcp-point')) {
            if (!link.getClientRects().length) continue;
            const area = link.closest('svg').getBoundingClientRect();  // the plot area; points in percent of it
            const point = link.querySelector('svg');
            found[link.dataset.id] = [area.left - stage.left + parseFloat(point.getAttribute('x')) / 100 * area.width,
                                      area.top - stage.top + parseFloat(point.getAttribute('y')) / 100 * area.height];
        }
        return found;
    }""")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_preview_and_plotly_put_every_point_in_the_same_place(lang, width, new_page, site_url, site_data):
    page, log = new_page(viewport=(width, 900))
    blocked = []
    page.route(PLOTLY, lambda route: blocked.append(route))
    page.goto(site_url + CHART_PAGES[lang], wait_until="load")
    page.locator(".model-chart__stage").scroll_into_view_if_needed()
    before = preview_positions(page)
    assert sorted(before) == review_ids(site_data)
    for _ in range(300):
        if blocked:
            break
        page.wait_for_timeout(100)
    assert blocked, "Plotly was not asked for when the figure came into view"
    blocked[0].continue_()
    page.wait_for_selector(".model-chart[data-ready]", state="attached")
    stage = page.locator(".model-chart__stage").bounding_box()
    for model_id, (x, y) in before.items():
        drawn = point_position(page, model_id)
        assert abs(drawn["x"] - stage["x"] - x) <= 3 and abs(drawn["y"] - stage["y"] - y) <= 3, \
            (model_id, (x, y), (drawn["x"] - stage["x"], drawn["y"] - stage["y"]))
    assert not page.locator(".model-chart__preview").first.is_visible()
    assert not log.problems(), log.problems()


# The names that the review's cut-off (the one upright line among the figure's shapes) crosses without a background
# of their own to hide it; null when there is no such line.
NAMES_THE_LINE_RUNS_THROUGH = """() => {
    const line = [...document.querySelectorAll('.model-chart__plot .shapelayer path')]
        .map((e) => e.getBoundingClientRect()).find((r) => r.width < 4 && r.height > 100);
    if (!line) return null;
    const gd = document.querySelector('.model-chart__plot');
    return [...gd.querySelectorAll('.annotation')].filter((a) => {
        const text = a.querySelector('.annotation-text'), box = text.getBoundingClientRect();
        if (gd.layout.annotations[a.dataset.index].name === 'cutoff' || !box.width) return false;  // its own tag
        const fill = getComputedStyle(a.querySelector('rect.bg')).fill;
        return box.left < line.left && box.right > line.right && (fill === 'none' || fill.endsWith(', 0)'));
    }).map((a) => a.textContent);
}"""


def overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    return [(a["text"], b["text"]) for a, b in itertools.combinations(boxes, 2)
            if a["l"] < b["r"] - 0.5 and b["l"] < a["r"] - 0.5 and a["t"] < b["b"] - 0.5 and b["t"] < a["b"] - 0.5]


BOXES = """(selector) => [...document.querySelectorAll(selector)].filter((e) => e.getClientRects().length)
    .map((e) => { const r = e.getBoundingClientRect();
                  return {text: e.textContent, l: r.left, r: r.right, t: r.top, b: r.bottom}; })
    .filter((box) => box.r > box.l)"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_model_of_undisclosed_size_is_named_in_every_view(lang, html, site_data):
    """The band of undisclosed sizes holds few models, close together; each is named in every frame, scale and
    layer (Med-PaLM 2, in the band's bottom lane with no room beside it, is named just under the band), except
    where the later models crowd a phone's band after the cut-off (Gemini 1.0 Ultra, Med-Gemini)."""
    views = chart_config(html(CHART_PAGES[lang] + "index.html"))["views"]
    unnamed = []
    for frame, scales in views.items():
        for scale, layers in scales.items():
            for layer, view in layers.items():
                undisclosed = [m.id for m in site_data.models.values() if m.parameters is None
                               and (layer == "all" or not m.since_review)]
                crowded = {"gemini-1-0-ultra", "med-gemini"} if (frame, layer) == ("narrow", "all") else set()
                unnamed += [f"{frame}/{scale}/{layer}: {m}" for m in undisclosed
                            if m not in view["labels"] and m not in crowded]
    assert not unnamed, unnamed


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_names_never_overlap(lang, width, new_page, site_url, site_data):
    page, log = new_page(viewport=(width, 900))
    page.route(PLOTLY, lambda route: route.abort())
    page.goto(site_url + CHART_PAGES[lang], wait_until="load")
    preview = page.evaluate(BOXES, ".model-chart__preview text.mcp-label")
    assert len(preview) >= 10, f"only {len(preview)} names on the preview"
    assert not overlapping(preview), overlapping(preview)
    page, log = open_chart(new_page, site_url, CHART_PAGES[lang] + "?later=1", viewport=(width, 900))
    for later in (True, False):
        drawn = page.evaluate(BOXES, ".model-chart__plot .annotation-text")  # names, the band's and the cut-off's
        assert len(drawn) >= 10, f"only {len(drawn)} names on the chart"
        assert not overlapping(drawn), overlapping(drawn)
        if later:  # no name has the cut-off line running through it: a name that covers the line hides it
            through = page.evaluate(NAMES_THE_LINE_RUNS_THROUGH)
            assert through is not None, "no cut-off line drawn"
            assert not through, f"names the cut-off line runs through: {through}"
        page.locator(".model-chart input[name='later']").uncheck()
        page.wait_for_function(f"document.querySelector('.model-chart__plot').data.flatMap(t => t.ids).length === {len(review_ids(site_data))}")
        # Plotly moves the names over a transition: read them once they have kept still for 100 ms.
        page.wait_for_function(f"""() => {{ const boxes = JSON.stringify(({BOXES})('.model-chart__plot .annotation-text'));
                                           const still = window.namesBefore === boxes; window.namesBefore = boxes; return still; }}""",
                               polling=100)
    assert not log.problems(), log.problems()


def open_on_a_phone(new_page, site_url, path):
    """A phone-sized page, and the addresses it has requested so far (a list that grows)."""
    page, log = new_page(viewport=(412, 823), has_touch=True, is_mobile=True, fresh=True)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + path, wait_until="networkidle")
    return page, log, requested


def test_plotly_waits_until_the_figure_is_near(new_page, site_url):
    page, log, requested = open_on_a_phone(new_page, site_url, CHART_PAGES["en"])
    assert not [url for url in requested if "vendor/plotly" in url], "Plotly loaded with the figure far away"
    assert page.locator(".model-chart__controls").is_visible()
    page.locator(".model-chart__stage").scroll_into_view_if_needed()
    page.wait_for_selector(".model-chart[data-ready]", state="attached")
    assert [url for url in requested if "plotly-basic" in url]
    assert not log.problems(), log.problems()


def test_a_choice_made_before_plotly_arrives_is_kept(new_page, site_url, site_data):
    page, log = new_page(viewport=(1280, 900))
    held = []
    page.route(PLOTLY, lambda route: held.append(route))
    page.goto(site_url + CHART_PAGES["en"], wait_until="load")
    review = [m for m in site_data.models.values() if not m.since_review]
    family = next(f for f in site_data.families if sum(m.family == f for m in review) > 1)
    members = sorted(m.id for m in review if m.family == family)
    page.select_option(".model-chart select[name='family']", family)
    page.locator(".model-chart input[name='later']").check()
    assert "later=1" in page.url and f"family={family}" in page.url
    with_later = sorted(m.id for m in site_data.models.values() if m.family == family)
    assert page.locator(".model-chart__table tbody tr:not([hidden])").count() == len(with_later)
    shown = page.evaluate("[...document.querySelectorAll('.model-chart__preview--wide a.mcp-point')]"
                          ".filter((a) => getComputedStyle(a).display !== 'none').map((a) => a.dataset.id)")
    assert sorted(shown) == members
    for _ in range(300):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "a control was used but Plotly was not asked for"
    assert page.locator(".model-chart[data-ready]").count() == 0
    held[0].continue_()
    page.wait_for_selector(".model-chart[data-ready]", state="attached")
    page.wait_for_function(f"document.querySelector('.model-chart__plot').data.flatMap(t => t.ids).length === {len(with_later)}")
    assert sorted(drawn_ids(page)) == with_later
    assert not log.problems(), log.problems()


@pytest.mark.parametrize("lang,label", [("en", "Add the models released since the review"), ("zh", "加入综述之后发布的模型")])
def test_later_models_layer_is_one_control_kept_in_the_address(lang, label, new_page, site_url, site_data):
    page, log = open_chart(new_page, site_url, CHART_PAGES[lang])
    later = [m for m in site_data.models.values() if m.since_review]
    assert page.locator(".model-chart__legend [data-layer='later']").first.is_hidden()
    assert page.locator(".model-chart__table tbody tr[data-layer='later']:not([hidden])").count() == 0
    page.get_by_label(label).check()
    page.wait_for_function("location.search.includes('later=1')")
    page.wait_for_function(f"document.querySelector('.model-chart__plot').data.flatMap(t => t.ids).length === {len(site_data.models)}")
    assert sorted(drawn_ids(page)) == sorted(site_data.models)
    assert page.locator(".model-chart__legend li[data-layer='later']").last.is_visible()
    assert page.locator(".model-chart__table tbody tr[data-layer='later']:not([hidden])").count() == len(later)
    shapes = page.evaluate("document.querySelector('.model-chart__plot').layout.shapes.filter((s) => s.type === 'line').length")
    assert shapes == 1, "no line at the review's cut-off"
    undisclosed = next(m for m in later if m.parameters is None)
    trace_axis = page.evaluate("(id) => document.querySelector('.model-chart__plot').data.find((t) => t.ids.includes(id)).yaxis",
                               undisclosed.id)
    assert trace_axis == "y2", "a later model of undisclosed size is plotted on the size axis"
    page, log = open_chart(new_page, site_url, page.url[len(site_url):])
    assert page.get_by_label(label).is_checked()
    assert sorted(drawn_ids(page)) == sorted(site_data.models)
    assert not log.problems(), log.problems()


def test_every_point_is_reachable_by_keyboard(new_page, site_url, site_data):
    page, log = open_chart(new_page, site_url, CHART_PAGES["en"])
    page.locator(".model-chart__plot").focus()
    order = page.evaluate("""() => document.querySelector('.model-chart__plot').data
        .flatMap((trace) => trace.ids.map((id, i) => [trace.x[i], id])).sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)
        .map((pair) => pair[1])""")
    assert sorted(order) == review_ids(site_data)
    for number, model_id in enumerate(order):
        page.keyboard.press("Home" if number == 0 else "ArrowRight")
        name = site_data.models[model_id].name
        page.wait_for_function("""(name) => [...document.querySelectorAll('.model-chart .hovertext')]
            .some((label) => label.textContent.startsWith(name))""", arg=name)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/models/#" in page.url
    assert not log.problems(), log.problems()


def test_embed_in_view_waits_for_the_reader(new_page, site_url):
    page, log, requested = open_on_a_phone(new_page, site_url, EMBED_PAGES["zh"])
    page.wait_for_timeout(500)
    assert not [url for url in requested if "vendor/plotly" in url], "Plotly loaded with the page"
    height = page.evaluate("document.querySelector('.model-chart__stage').getBoundingClientRect().height")
    assert height == 560, "the figure's box is not the narrow frame's height"
    page.locator(".model-chart__preview--narrow a.mcp-point").first.tap()
    page.wait_for_selector(".model-chart[data-ready]", state="attached")
    page.wait_for_selector(".model-chart .hovertext")
    assert not log.problems(), log.problems()


def test_preview_points_are_links_without_javascript(new_page, site_url, site_data):
    page, log = new_page(javascript=False, viewport=(390, 800))
    page.goto(site_url + CHART_PAGES["zh"], wait_until="networkidle")
    points = page.locator(".model-chart__preview--narrow a.mcp-point")
    assert points.count() == len(review_ids(site_data))
    assert page.locator(".model-chart__preview--wide").is_hidden()
    points.first.focus()
    assert page.evaluate("document.activeElement.classList.contains('mcp-point')")
    assert not log.problems(), log.problems()
