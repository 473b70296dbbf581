"""Figure 1, the training-stage diagram (issue 6).

Unit tests wrap labels and lay the diagram out in Python (no build); build tests read the inline SVG and the text
version of the built pages against data/training_stages.yml; browser tests open the page in Chromium at desktop
and phone widths, light and dark, and measure what the browser really drew: every line inside its box, no box
over another, readable contrast, no sideways scrolling, every link reached with Tab.
"""

from __future__ import annotations

import re
from itertools import combinations
from types import SimpleNamespace

import pytest

from conftest import LANGUAGES, ROOT, resize
from edited_copy import RENAMED_STAGE, STAGE_EXAMPLE, STAGE_NAME

from llm_medicine import diagram as td

PAGES = {lang: f"{prefix}how-llms-are-built/" for lang, prefix in LANGUAGES.items()}
EMBEDS = {lang: f"{prefix}embed/training-stages/" for lang, prefix in LANGUAGES.items()}
VIEWPORTS = {"desktop": (1280, 900), "phone": (375, 740)}
SHOWN = {"desktop": "wide", "phone": "narrow"}
WIDTHS = [320, 375, 599, 700, 960, 1280, 1600]  # narrow layout below 45em (720 px), wide above
HAN = re.compile(r"[\u4e00-\u9fff]")


def test_the_review_has_three_training_stages(site_data):
    assert len(site_data.training_stages) == 3, "data/training_stages.yml should have the review's three stages"


class StubMacros:
    """What `diagram_context()` uses of `PageMacros`, without a build."""

    def __init__(self, data, lang: str):
        self.data, self.lang = data, lang
        self.page = SimpleNamespace(file=SimpleNamespace(src_uri=f"{lang}/how-llms-are-built.md"))

    def ui(self, key: str) -> str:
        return self.data.text(key, self.lang)

    def url(self, target: str, anchor: str | None = None) -> str:
        return f"../{target.removesuffix('.md')}/#{anchor}"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def stage_texts(stage, lang: str) -> list[str]:
    return [stage.name[lang], stage.supervision[lang], stage.output[lang],
            *(text[lang] for text in stage.inputs), *(text[lang] for text in stage.examples),
            *(method.label[lang] for method in stage.methods)]


# Wrapping ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "budget", "expected"), [
    ("Self-supervised: no human labels", 9, ["Self-supervised:", "no human labels"]),
    ("Flan-PaLM, PaLM instruction-tuned on 1,800 general tasks", 8,
     ["Flan-PaLM,", "PaLM", "instruction-", "tuned on 1,800", "general tasks"]),
    # Chinese breaks between characters; （ stays with the next character, ）： with the one before;
    # the last character does not stand alone.
    ("基座模型（基础模型）：通用的语言生成模型", 5, ["基座模型", "（基础模", "型）：通用", "的语言生成", "模型"]),
    ("指令，以及展示期望行为的示例", 13, ["指令，以及展示期望行为的", "示例"]),
    # A word longer than the line is broken between letters, never cut.
    ("pneumonoultramicroscopicsilicovolcanoconiosis", 6, ["pneumonou", "ltramicrosco", "picsilicovolc", "anoconiosis"]),
])
def test_wrap_breaks_where_a_reader_expects(text, budget, expected):
    lines = td.wrap(text, budget)
    assert [line.text for line in lines] == expected
    assert "".join(line.text + " " * line.space_after for line in lines) == text
    assert all(td.text_width(line.text) <= budget for line in lines)


def test_wrap_never_splits_names_with_capitals_or_digits():
    for name in ("GPT-3", "Med-PaLM", "Flan-PaLM", "BioGPT-Large"):
        assert [line.text for line in td.wrap(f"see {name} here", td.text_width(name) + 0.01)] == ["see", name, "here"]


def test_stylesheet_shows_as_many_tooltips_as_a_box_may_have():
    css = (ROOT / "overrides" / "assets" / "stylesheets" / "training-diagram.css").read_text(encoding="utf-8")
    shown = {int(n) for n in re.findall(r':has\(> a\[data-tip="(\d+)"\]:is\(:hover, :focus-visible\)\)', css)}
    assert shown == set(range(1, td.MAX_TIPS + 1))


def test_widths_count_chinese_as_one_em_and_latin_narrower():
    assert td.text_width("预训练") == 3.0
    assert td.text_width("（）：，。") == 5.0
    assert 0.5 <= td.text_width("e") <= 0.65
    assert td.text_width("m") > td.text_width("i")
    assert td.text_width("Wm", bold=True) > td.text_width("Wm")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_longest_label_wraps_within_its_box(lang, site_data):
    """Every label of the data, at the narrowest width it is drawn (a column of the wide layout): no line over
    its budget, no character lost, and the longest label really needs several lines."""
    stages = site_data.training_stages
    column = (td.WIDE_WIDTH - 2 * td.EDGE - td.COLUMN_GAP * (len(stages) - 1)) / len(stages)
    budget = (column - 2 * td.PAD_X - td.INDENT) / td.FONT["item"]
    labels = [text for stage in stages for text in stage_texts(stage, lang)]
    longest = max(labels, key=td.text_width)
    assert len(td.wrap(longest, budget)) >= 3, f"the longest label should wrap: {longest!r}"
    for label in labels:
        lines = td.wrap(label, budget)
        too_wide = [line.text for line in lines if td.text_width(line.text) > budget]
        assert not too_wide, f"{label!r}: {too_wide} over {budget:.1f} em"
        assert "".join(line.text + " " * line.space_after for line in lines) == " ".join(label.split())
        assert not any(line.text[0] in td.CLOSING for line in lines[1:]), [line.text for line in lines]
        assert not any(line.text[-1] in td.OPENING for line in lines), [line.text for line in lines]


# Layout (Python) --------------------------------------------------------------------------------------------


def check_layout(layout) -> list[str]:
    """Every block, hit area and tooltip inside its box, no two blocks or boxes overlapping."""
    problems = []
    for box in layout.boxes:
        bottom, right = box.y + box.h, box.x + box.w
        for block in box.blocks:
            in_header = block.kind in ("stage", "name")
            floor = box.y + box.header_h if in_header else bottom
            widest = max(td.text_width(line.text, block.bold) for line in block.lines) * block.size
            if block.top < (box.y if in_header else box.y + box.header_h) or block.bottom > floor - 1:
                problems.append(f"{box.stage.id}: {block.kind} block runs out of its box vertically")
            if block.lines[0].x < box.x + td.PAD_X or block.lines[0].x + widest > right - td.PAD_X + 0.01:
                problems.append(f"{box.stage.id}: {block.kind} {block.lines[0].text!r} runs out sideways")
        for one, two in combinations(box.blocks, 2):
            if one.top < two.bottom - 0.01 and two.top < one.bottom - 0.01:
                problems.append(f"{box.stage.id}: {one.kind} and {two.kind} blocks overlap")
        for link in box.links:
            if link.x < box.x or link.x + link.w > right or link.y < box.y or link.y + link.h > bottom:
                problems.append(f"{box.stage.id}: the hit area of {link.label!r} leaves the box")
            if link.tip and (link.tip.y < box.y + box.header_h or link.tip.y + link.tip.h > bottom
                             or link.tip.text.bottom > link.tip.y + link.tip.h):
                problems.append(f"{box.stage.id}: the tooltip of {link.label!r} leaves the box")
    for one, two in combinations(layout.boxes, 2):
        if one.x < two.x + two.w and two.x < one.x + one.w and one.y < two.y + two.h and two.y < one.y + one.h:
            problems.append(f"boxes {one.stage.id} and {two.stage.id} overlap")
    if any(box.y + box.h > layout.height or box.x + box.w > layout.width for box in layout.boxes):
        problems.append("a box leaves the view box")
    return problems


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("build", [td.wide_layout, td.narrow_layout])
def test_layout_keeps_every_line_in_its_box(build, lang, site_data):
    layout = build(StubMacros(site_data, lang), "test")
    assert [box.stage.id for box in layout.boxes] == [stage.id for stage in site_data.training_stages]
    assert not check_layout(layout)
    for box in layout.boxes:
        drawn = squash("".join(line.text for block in box.blocks for line in block.lines))
        for text in stage_texts(box.stage, lang):
            assert squash(text) in drawn, f"{box.stage.id}: {text!r} is not drawn whole"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_boxes_grow_with_longer_labels(lang, site_data):
    """Labels four times as long: the boxes grow to hold them and still nothing overlaps or spills."""
    def longer(text):
        return text.model_copy(update={lang: " ".join([text[lang]] * 4)})

    stages = [stage.model_copy(update={"output": longer(stage.output), "inputs": [longer(t) for t in stage.inputs],
                                       "name": longer(stage.name)}) for stage in site_data.training_stages]
    data = SimpleNamespace(training_stages=stages, glossary=site_data.glossary, text=site_data.text)
    for build in (td.wide_layout, td.narrow_layout):
        normal, long = build(StubMacros(site_data, lang), "a"), build(StubMacros(data, lang), "b")
        assert long.height > normal.height + 100
        assert not check_layout(long), check_layout(long)


# Built pages ------------------------------------------------------------------------------------------------


def svgs(soup):
    return soup.select("div.training-diagram figure svg.training-diagram__svg")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_svg_is_inline_with_title_and_description_in_the_page_language(lang, html, site_data):
    soup = html(PAGES[lang] + "index.html")
    figure = soup.select_one("h2#figure-1 ~ div.training-diagram")
    assert figure is not None, "the diagram is not under the #figure-1 heading"
    assert not figure.select("img, object, iframe, script, foreignObject")
    drawn = svgs(soup)
    assert [svg["data-layout"] for svg in drawn] == ["wide", "narrow"]
    stages = site_data.training_stages
    name = site_data.text("diagram-stage-name", lang)
    names = td.LIST_SEPARATOR[lang].join(name.format(number=s.order, name=s.name[lang]) for s in stages)
    for svg in drawn:
        assert svg["role"] == "group", "an SVG holding links must not be role=img"
        title = soup.find(id=svg["aria-labelledby"])
        desc = soup.find(id=svg["aria-describedby"])
        assert title.name == "title" and title.parent is svg
        assert desc.name == "desc" and desc.parent is svg
        assert title.get_text() == site_data.text("diagram-title", lang)
        assert desc.get_text() == site_data.text("diagram-desc", lang).format(count=len(stages), stages=names)
        if lang == "zh":
            assert HAN.search(title.get_text()) and HAN.search(desc.get_text())
            assert "Stage" not in desc.get_text() and "Figure" not in title.get_text()
    caption = figure.select_one("figcaption")
    assert caption.get_text(" ", strip=True).startswith(site_data.text("diagram-caption-title", lang))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_stage_is_drawn_and_linked_to_glossary_and_section(lang, html, site_data):
    soup = html(PAGES[lang] + "index.html")
    glossary = html(LANGUAGES[lang] + "glossary/index.html")
    for svg in svgs(soup):
        groups = svg.select("g.training-diagram__stage")
        assert [g["data-stage"] for g in groups] == [stage.id for stage in site_data.training_stages]
        for group, stage in zip(groups, site_data.training_stages):
            drawn = squash(group.get_text())
            for text in stage_texts(stage, lang):
                assert squash(text) in drawn, f"{stage.id}: {text!r} missing from the {svg['data-layout']} SVG"
            links = {a["href"]: a for a in group.select("a.training-diagram__link")}
            name_link = links[f"../glossary/#{stage.glossary}"]
            assert stage.name[lang] in name_link["aria-label"]
            tip = soup.find(id=name_link["aria-describedby"])
            assert squash(tip.get_text()) == squash(stage.definition[lang])
            assert f"./#{stage.section}" in links, f"{stage.id}: no link to its section"
            assert soup.find(id=stage.section).name == "h2", f"no section #{stage.section} on the page"
            assert glossary.find(id=stage.glossary) is not None
            for method in stage.methods:
                if method.glossary:
                    assert links[f"../glossary/#{method.glossary}"]["aria-label"] == method.label[lang]
                    assert glossary.find(id=method.glossary) is not None
            assert all(a.get("aria-label") for a in links.values())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_text_version_lists_the_stages_in_order(lang, html, site_data):
    soup = html(PAGES[lang] + "index.html")
    version = soup.select_one("div.training-diagram details.training-diagram__text-version")
    assert version.summary.get_text(strip=True)
    steps = version.select("ol.training-diagram__list > li")
    assert [step["data-stage"] for step in steps] == [stage.id for stage in site_data.training_stages]
    for step, stage in zip(steps, site_data.training_stages):
        name = step.select_one(".training-diagram__step-name a")
        assert name.get_text() == stage.name[lang] and name["href"] == f"../glossary/#{stage.glossary}"
        hrefs = [a["href"] for a in step.select("a")]
        assert f"./#{stage.section}" in hrefs
        assert [f"../glossary/#{m.glossary}" for m in stage.methods if m.glossary] == hrefs[1:-1]
        text = step.get_text(" ")
        for item in stage_texts(stage, lang) + [stage.definition[lang]]:
            assert item in text, item


@pytest.mark.parametrize("lang", LANGUAGES)
def test_embedded_diagram_opens_links_in_a_new_tab(lang, html):
    soup = html(EMBEDS[lang] + "index.html")
    links = soup.select("div.training-diagram a[href]")
    assert links and all(a.get("target") == "_blank" and a.get("rel") == ["noopener"] for a in links)
    assert all(a["href"].startswith("../../") for a in links)


def test_changing_a_stage_changes_the_diagram_in_both_languages(edited_site):
    """In the edited copy (edited_copy.py) the fine-tuning stage has a new name and one more example."""
    from bs4 import BeautifulSoup

    for lang in LANGUAGES:
        soup = BeautifulSoup((edited_site / PAGES[lang] / "index.html").read_text(encoding="utf-8"), "html.parser")
        for svg in svgs(soup):
            group = svg.select_one(f"g[data-stage='{RENAMED_STAGE}']")
            assert squash(STAGE_NAME[lang]) in squash(group.get_text())
            assert squash(STAGE_EXAMPLE[lang]) in squash(group.get_text())
        step = soup.select_one(f"li.training-diagram__step[data-stage='{RENAMED_STAGE}']")
        assert STAGE_NAME[lang] in step.get_text() and STAGE_EXAMPLE[lang] in step.get_text()


# Browser ----------------------------------------------------------------------------------------------------

MEASURE = """() => {
  const svg = [...document.querySelectorAll('.training-diagram__svg')].find(s => getComputedStyle(s).display !== 'none');
  const rect = (el) => { const b = el.getBoundingClientRect(); return {l: b.left, t: b.top, r: b.right, b: b.bottom}; };
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return {
    layout: svg.dataset.layout, scale,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    hidden: [...document.querySelectorAll('.training-diagram__svg')].filter(s => s !== svg).map(s => getComputedStyle(s).display),
    stages: [...svg.querySelectorAll('.training-diagram__stage')].map((g) => ({
      id: g.dataset.stage,
      box: rect(g.querySelector('.training-diagram__box')),
      header: rect(g.querySelector('.training-diagram__header')),
      boxFill: getComputedStyle(g.querySelector('.training-diagram__box')).fill,
      headerFill: getComputedStyle(g.querySelector('.training-diagram__header')).fill,
      lines: [...g.querySelectorAll(':scope > text, :scope > a > text')].flatMap((text, block) => [...text.querySelectorAll('tspan')].map(
        (tspan) => ({block, text: tspan.textContent, kind: text.classList[1].split('--')[1],
                     size: parseFloat(text.getAttribute('font-size')), fill: getComputedStyle(text).fill, ...rect(tspan)}))),
      tips: [...g.querySelectorAll('.training-diagram__tip')].map((tip) => ({
        id: tip.id, shown: getComputedStyle(tip).display !== 'none', ...rect(tip.querySelector('rect')),
        fill: getComputedStyle(tip.querySelector('rect')).fill,
        lines: [...tip.querySelectorAll('tspan')].map((t) => ({text: t.textContent, fill: getComputedStyle(t).fill, ...rect(t)})),
      })),
    })),
  };
}"""
TOLERANCE = 0.5


def inside(inner: dict, outer: dict) -> bool:
    return (inner["l"] >= outer["l"] - TOLERANCE and inner["r"] <= outer["r"] + TOLERANCE
            and inner["t"] >= outer["t"] - TOLERANCE and inner["b"] <= outer["b"] + TOLERANCE)


def overlap(one: dict, two: dict) -> bool:
    across = min(one["r"], two["r"]) - max(one["l"], two["l"])
    down = min(one["b"], two["b"]) - max(one["t"], two["t"])
    return across > 1 and down > 1


def colour(value: str) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", value)]
    assert len(numbers) in (3, 4), value
    return (*numbers[:3], numbers[3] if len(numbers) == 4 else 1.0)


def contrast(foreground: str, background: str) -> float:
    *fg, alpha = colour(foreground)
    *bg, bg_alpha = colour(background)
    assert bg_alpha == 1, f"the background {background} should be opaque"
    mixed = [alpha * f + (1 - alpha) * b for f, b in zip(fg, bg)]

    def luminance(rgb):
        linear = [(c / 255 / 12.92) if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(mixed), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def open_diagram(new_page, site_url, lang, viewport, scheme):
    page, log = new_page(viewport=VIEWPORTS[viewport], color_scheme=scheme)
    page.goto(site_url + PAGES[lang], wait_until="networkidle")
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
    return page, log


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_drawn_text_stays_in_its_box_and_is_readable(lang, viewport, scheme, new_page, site_url, site_data):
    page, log = open_diagram(new_page, site_url, lang, viewport, scheme)
    drawn = page.evaluate(MEASURE)
    assert drawn["layout"] == SHOWN[viewport]
    assert drawn["hidden"] == ["none"], "the other layout must be display:none"
    assert drawn["overflow"] <= 0, f"the page scrolls sideways by {drawn['overflow']}px"
    assert [s["id"] for s in drawn["stages"]] == [stage.id for stage in site_data.training_stages]
    smallest = min(line["size"] for s in drawn["stages"] for line in s["lines"]) * drawn["scale"]
    assert smallest >= 10.5, f"text drawn at {smallest:.1f}px"
    problems = []
    for one, two in combinations(drawn["stages"], 2):
        if overlap(one["box"], two["box"]):
            problems.append(f"boxes {one['id']} and {two['id']} overlap")
    for stage in drawn["stages"]:
        for line in stage["lines"]:
            frame = stage["header"] if line["kind"] in ("stage", "name") else stage["box"]
            if not inside(line, frame):
                problems.append(f"{stage['id']}: {line['text']!r} ({line['kind']}) leaves its box: {line} vs {frame}")
            background = stage["headerFill"] if line["kind"] in ("stage", "name") else stage["boxFill"]
            ratio = contrast(line["fill"], background)
            if ratio < 4.5:
                problems.append(f"{stage['id']}: {line['text']!r}: contrast {ratio:.2f} ({line['fill']} on {background})")
        for one, two in combinations(stage["lines"], 2):
            if overlap(one, two):
                problems.append(f"{stage['id']}: {one['text']!r} overlaps {two['text']!r}")
        assert all(not tip["shown"] for tip in stage["tips"]), "tooltips show only on hover and focus"
    assert not problems, "\n".join(problems)

    page.add_style_tag(content=".training-diagram__tip { display: inline !important; }")
    drawn = page.evaluate(MEASURE)
    for stage in drawn["stages"]:
        assert stage["tips"], f"{stage['id']} has no tooltip"
        for tip in stage["tips"]:
            assert inside(tip, stage["box"]), f"{tip['id']} leaves its box"
            assert tip["t"] >= stage["header"]["b"] - TOLERANCE, f"{tip['id']} covers the header"
            for line in tip["lines"]:
                assert inside(line, tip), f"{tip['id']}: {line['text']!r} leaves the tooltip"
                assert contrast(line["fill"], tip["fill"]) >= 4.5
    assert not log.problems(), log.problems()


@pytest.mark.parametrize("path", [PAGES["en"], EMBEDS["zh"]])
def test_text_size_stays_readable_at_every_width(path, new_page, site_url):
    """List text (13 units) at least 10.5 px and at most 10 % over the page's body text; no sideways scroll. One
    load, then every width in turn, as a reader resizes the window (the layouts are chosen by CSS alone)."""
    page, log = new_page(viewport=(WIDTHS[0], 900))
    page.goto(site_url + path, wait_until="networkidle")
    for width in WIDTHS:
        resize(page, width, 900)  # Material's closed search panel changes width with a transition at 60em
        drawn = page.evaluate(MEASURE)
        size = td.FONT["item"] * drawn["scale"]
        body = float(page.evaluate("parseFloat(getComputedStyle(document.querySelector('article.md-typeset')).fontSize)"))
        assert 10.5 <= size <= body * 1.1, f"{path} at {width}px: list text {size:.1f}px, body text {body}px"
        assert drawn["overflow"] <= 0, f"{path} at {width}px scrolls sideways"
    assert not log.problems(), log.problems()


FOCUSED = """() => {
  const el = document.activeElement;
  const svg = el.closest('.training-diagram__svg');
  if (!svg) return {inside: false};
  const tip = el.getAttribute('aria-describedby') && document.getElementById(el.getAttribute('aria-describedby'));
  const hit = getComputedStyle(el.querySelector('.training-diagram__hit'));
  return {inside: true, layout: svg.dataset.layout, href: el.getAttribute('href'), label: el.getAttribute('aria-label'),
          tip: tip ? getComputedStyle(tip).display !== 'none' : null, ring: hit.stroke !== 'none' && parseFloat(hit.strokeWidth) >= 2};
}"""


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_tab_reaches_every_link_with_focus_ring_and_definition(lang, viewport, new_page, site_url, site_data):
    page, log = open_diagram(new_page, site_url, lang, viewport, "light")
    layout = SHOWN[viewport]
    expected = page.locator(f".training-diagram__svg--{layout} a.training-diagram__link").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    assert len(expected) >= 3 * len(site_data.training_stages), expected
    page.focus("#figure-1 a.headerlink")
    reached, steps = [], 0
    while steps < len(expected) + 30:
        page.keyboard.press("Tab")
        steps += 1
        focused = page.evaluate(FOCUSED)
        if not focused["inside"]:
            if reached:
                break
            continue
        assert focused["layout"] == layout, "a link of the hidden layout took the focus"
        assert focused["ring"], f"{focused['label']}: no visible focus ring"
        assert focused["tip"] in (None, True), f"{focused['label']}: the definition does not show on focus"
        reached.append(focused["href"])
    assert reached == expected
    for stage in site_data.training_stages:
        assert f"../glossary/#{stage.glossary}" in reached and f"./#{stage.section}" in reached
    assert not log.problems(), log.problems()


def test_hover_shows_the_definition_and_leaving_hides_it(new_page, site_url, site_data):
    page, log = open_diagram(new_page, site_url, "en", "desktop", "light")
    stage = next(s for s in site_data.training_stages if any(m.glossary for m in s.methods))
    method = next(m for m in stage.methods if m.glossary)
    link = page.locator(f".training-diagram__svg--wide a[href='../glossary/#{method.glossary}']")
    tip = page.locator("#" + link.get_attribute("aria-describedby"))
    assert not tip.is_visible()
    link.hover()
    assert tip.is_visible()
    assert squash(tip.text_content()) == squash(site_data.glossary[method.glossary].definition.en)
    page.mouse.move(0, 0)
    assert not tip.is_visible()
    with page.expect_navigation():
        link.click()
    assert page.url.endswith(f"/glossary/#{method.glossary}")
    assert not log.problems(), log.problems()
