"""On a phone (390 x 844, touch), in both languages: the pages with figures, the glossary terms and the model cards
read without sideways scrolling, short rows and labels that stay on the screen (issue 25).

- Figure 2's data table and the table of later models have no row taller than 160 px (the scores table is held
  to the same in test_scores.py), and no table's caption is squeezed into a narrow column.
- No hover label of either figure leaves the screen, for any point: long family names and source titles wrap; a
  tap on a point labels it and leaves it where it is.
- A glossary term's definition stays inside the screen wherever the term sits, focusing a term never makes the
  page scroll sideways, and a first tap shows the definition while a second follows the link.
- `models/` is at most 40 screens long, measured with every card laid out (the cards skip layout off screen).
- In dark mode every mark of Figure 2's drawing and legend stands out from the page (contrast of at least 3:1).
"""

from __future__ import annotations

import pytest

from conftest import LANGUAGES

PHONE = {"viewport": (390, 844), "has_touch": True, "is_mobile": True}
MAX_ROW_HEIGHT = 160
MAX_SCREENS = 40
MIN_MARK_CONTRAST = 3.0
RENDER_ALL = "* { content-visibility: visible !important; }"

FIGURES = {
    "figure-2": ("current-llms/?later=1#figure-2", ".model-chart"),
    "scores": ("exam-scores/#scores-figure", ".scores-chart"),
    "scores-chinese-exam": ("exam-scores/?benchmark=cnple-2023&variant=pharmacy#scores-figure", ".scores-chart"),
}

# Every point of the figure hovered in turn, as a finger or the arrow keys do; each hover label's left and right.
HOVER_EVERY_POINT = """(selector) => {
    const gd = document.querySelector(selector);
    const found = [];
    gd.data.forEach((trace, curveNumber) => trace.ids.forEach((id, pointNumber) => {
        window.Plotly.Fx.hover(gd, [{curveNumber, pointNumber}], trace.yaxis === 'y2' ? 'xy2' : 'xy');
        const label = gd.querySelector('.hovertext');
        if (label) {
            const box = label.getBoundingClientRect();
            found.push({id, left: box.left, right: box.right});
        }
    }));
    return found;
}"""

# Contrast of each mark's outline (the colour that tells it apart) against the page, as WCAG computes it.
MARK_CONTRAST = """(selector) => {
    const luminance = (colour) => {
        const [r, g, b] = colour.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number).map((v) => v / 255)
            .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const page = luminance(getComputedStyle(document.body).backgroundColor);
    return [...document.querySelectorAll(selector)].filter((mark) => mark.getClientRects().length).map((mark) => {
        const ink = luminance(getComputedStyle(mark).stroke);
        return {mark: mark.closest('[data-id], li')?.textContent.trim() || mark.outerHTML.slice(0, 80),
                ratio: (Math.max(ink, page) + 0.05) / (Math.min(ink, page) + 0.05)};
    });
}"""


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_figure_2_table_rows_are_short_on_a_phone(lang, new_page, site_url):
    page, log = new_page(**PHONE)
    page.goto(site_url + LANGUAGES[lang] + "current-llms/?later=1", wait_until="networkidle")
    page.locator(".model-chart__data > summary").tap()  # the table opens closed where JavaScript runs
    caption = page.locator(".model-chart__table caption")
    caption.scroll_into_view_if_needed()
    assert caption.bounding_box()["width"] >= 300, "the caption is squeezed into a narrow column"
    rows = page.locator(".model-chart__table tbody tr").evaluate_all(
        "rows => rows.filter((row) => row.getClientRects().length)"
        ".map((row) => [row.dataset.id, row.getBoundingClientRect().height])")
    assert len(rows) > 60, "the table does not list the later models with ?later=1"
    tall = [(model, round(height)) for model, height in rows if height > MAX_ROW_HEIGHT]
    assert not tall, f"rows taller than {MAX_ROW_HEIGHT} px: {tall}"
    assert page_width(page) <= 390
    # What the narrow table leaves out is named in its caption, and a tap away on the card.
    assert page.locator(".model-chart__phone-note").is_visible()
    assert not log.problems(), log.problems()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_later_models_table_rows_are_short_on_a_phone(lang, new_page, site_url, site_data):
    """Six columns of short values read as a card per model (they were six labelled blocks, 396 px a model)."""
    page, log = new_page(**PHONE)
    page.goto(site_url + LANGUAGES[lang] + "since-the-review/", wait_until="networkidle")
    heights = page.locator(".since-review-table tbody tr").evaluate_all(
        "rows => rows.map((row) => [row.textContent.trim().slice(0, 30), row.getBoundingClientRect().height])")
    assert len(heights) == sum(model.since_review for model in site_data.models.values())
    tall = [(model, round(height)) for model, height in heights if height > MAX_ROW_HEIGHT]
    assert not tall, f"rows taller than {MAX_ROW_HEIGHT} px: {tall}"
    assert page_width(page) <= 390
    assert not log.problems(), log.problems()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_table_captions_keep_the_width_of_the_page_on_a_phone(lang, new_page, site_url):
    """A table laid out as blocks on a phone squeezed its caption into a column a word wide (48-75 px)."""
    page, log = new_page(**PHONE)
    narrow = []
    for path in ("current-llms/", "medical-tasks/", "benchmarks/", "since-the-review/", "exam-scores/"):
        page.goto(site_url + LANGUAGES[lang] + path, wait_until="networkidle")
        page.evaluate("document.querySelectorAll('article details').forEach((details) => { details.open = true; })")
        widths = page.locator("article table caption").evaluate_all(
            "captions => captions.map((caption) => caption.getBoundingClientRect().width)")
        assert widths, f"{path}: no table caption"
        narrow += [(path, round(width)) for width in widths if width < 300]
    assert not narrow, f"captions narrower than 300 px: {narrow}"
    assert not log.problems(), log.problems()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("figure", FIGURES)
def test_no_hover_label_leaves_a_phone_screen(figure, lang, new_page, site_url):
    path, root = FIGURES[figure]
    page, log = new_page(**PHONE)
    page.goto(site_url + LANGUAGES[lang] + path, wait_until="networkidle")
    page.wait_for_selector(f"{root}[data-ready]", state="attached")
    labels = page.evaluate(HOVER_EVERY_POINT, f"{root}__plot")
    assert len(labels) >= 3, "too few hover labels shown to test"
    width = page.evaluate("window.innerWidth")
    outside = [label for label in labels if label["left"] < 0 or label["right"] > width]
    assert not outside, f"hover labels off the {width}-px screen: {outside[:5]}"
    assert not log.problems(), log.problems()


# Where the biggest point of the figure is on the screen (Plotly's own axes), and its id.
BIGGEST_POINT = """(selector) => {
    const gd = document.querySelector(selector), box = gd.getBoundingClientRect(), layout = gd._fullLayout;
    const points = gd.calcdata.flatMap((calc) => calc.map((point, index) => ({trace: calc[0].trace, point, index})))
        .filter(({trace, point}) => trace.ids && Number.isFinite(point.mrc));
    const {trace, point, index} = points.sort((a, b) => b.point.mrc - a.point.mrc)[0];
    const ya = trace.yaxis === 'y2' ? layout.yaxis2 : layout.yaxis;
    return {id: trace.ids[index], x: box.left + layout.xaxis._offset + layout.xaxis.c2p(point.x),
            y: box.top + ya._offset + ya.c2p(point.y)};
}"""


@pytest.mark.parametrize("figure", ["figure-2", "scores"])
def test_a_tap_on_a_point_labels_it_without_moving_it(figure, new_page, site_url):
    """Plotly takes a tap for a double click, which by default recomputed the ranges: the figure redrew and the
    tapped point moved 9 px. Now the label shows and the point stays where the finger is."""
    path, root = FIGURES[figure]
    page, log = new_page(**PHONE)
    page.goto(site_url + path, wait_until="networkidle")
    page.wait_for_selector(f"{root}[data-ready]", state="attached")
    page.locator(f"{root}__plot").scroll_into_view_if_needed()
    before = page.evaluate(BIGGEST_POINT, f"{root}__plot")
    page.touchscreen.tap(before["x"], before["y"])
    page.wait_for_selector(f"{root} .hovertext")
    page.wait_for_timeout(600)  # the redraw ran over a 250 ms transition
    after = page.evaluate(BIGGEST_POINT, f"{root}__plot")
    assert after["id"] == before["id"]
    assert abs(after["x"] - before["x"]) < 1 and abs(after["y"] - before["y"]) < 1, (before, after)
    assert not log.problems(), log.problems()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_definitions_stay_on_a_phone_screen(lang, new_page, site_url):
    page, log = new_page(**PHONE)
    page.goto(site_url + LANGUAGES[lang] + "how-llms-are-built/", wait_until="networkidle")
    links = page.locator(".glossary-term__link")
    assert links.count() > 10
    problems = []
    for index in range(links.count()):
        links.nth(index).focus()
        box = page.evaluate("""() => {
            const tip = document.activeElement.closest('.glossary-term').querySelector('.glossary-term__tip');
            const box = tip.getBoundingClientRect();
            return {left: box.left, right: box.right, visible: getComputedStyle(tip).visibility !== 'hidden'};
        }""")
        if not box["visible"] or box["left"] < 0 or box["right"] > 390 or page_width(page) > 390:
            problems.append((links.nth(index).inner_text(), box, page_width(page)))
    assert not problems, f"definitions off the screen, hidden, or a page scrolled sideways: {problems[:5]}"
    assert not log.problems(), log.problems()


def test_a_first_tap_on_a_glossary_term_shows_its_definition(new_page, site_url):
    page, log = new_page(**PHONE)
    page.goto(site_url + "zh/how-llms-are-built/", wait_until="networkidle")
    term = page.locator(".glossary-term").nth(2)
    term.scroll_into_view_if_needed()
    address = page.url
    term.locator(".glossary-term__link").tap()
    tip = term.locator(".glossary-term__tip")
    tip.wait_for(state="visible")
    assert page.url == address, "the first tap left the page before the reader saw the definition"
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    with page.expect_navigation():
        term.locator(".glossary-term__link").tap()
    assert "/zh/glossary/" in page.url, page.url
    assert not log.problems(), log.problems()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_model_cards_page_is_at_most_40_screens_on_a_phone(lang, new_page, site_url, site_data):
    page, log = new_page(**PHONE)
    page.goto(site_url + LANGUAGES[lang] + "models/", wait_until="networkidle")
    page.add_style_tag(content=RENDER_ALL)
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height <= MAX_SCREENS * 844, f"models/ is {height / 844:.1f} screens long"
    assert page.locator(".model-card").count() == len(site_data.models)
    assert page_width(page) <= 390
    assert not log.problems(), log.problems()


def test_a_screen_reader_reaches_every_card_heading_before_it_is_laid_out(new_screen_reader_page, site_url):
    """The cards lay themselves out only near the viewport; a screen reader listing the page's headings still gets
    every card's, as the page holds them, from the first screen."""
    page, log = new_screen_reader_page(**PHONE, fresh=True)
    page.goto(site_url + "models/", wait_until="networkidle")
    in_page = page.evaluate("""[...document.querySelectorAll('article :is(h1, h2, h3, h4)')]
        .map(h => h.textContent.replace('¶', '').trim())""")
    nodes = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    exposed = [node.get("name", {}).get("value", "").strip() for node in nodes
               if node.get("role", {}).get("value") == "heading" and not node.get("ignored")]
    missing = [text for text in in_page if not any(name.startswith(text[:20]) for name in exposed)]
    assert len(in_page) > 90 and not missing, missing[:5]
    assert not log.problems(), log.problems()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_figure_2_marks_stand_out_in_dark_mode(lang, new_page, site_url, site_data):
    """The drawing made at build time (shown until Plotly is wanted), its legend, and Plotly's drawing with the later
    models added: the Claude star was black on the near-black page in the first two."""
    page, log = new_page(color_scheme="dark", **PHONE)
    page.goto(site_url + LANGUAGES[lang] + "current-llms/", wait_until="networkidle")
    marks = page.evaluate(MARK_CONTRAST, ".model-chart__preview--narrow .mcp-marker, .model-chart__legend .mcp-marker")
    page.goto(site_url + LANGUAGES[lang] + "current-llms/?later=1#figure-2", wait_until="networkidle")
    page.wait_for_selector(".model-chart[data-ready]", state="attached")
    marks += page.evaluate(MARK_CONTRAST, ".model-chart__plot .scatterlayer .point")
    assert len(marks) > len(site_data.models), "too few marks found to test"
    faint = [mark for mark in marks if mark["ratio"] < MIN_MARK_CONTRAST]
    assert not faint, f"marks under {MIN_MARK_CONTRAST}:1 against the dark page: {faint[:5]}"
    assert not log.problems(), log.problems()
