"""Figure 1, the training-stage diagram: the stages of `data/training_stages.yml` laid out as an inline SVG.

Handles no MkDocs event: `PageMacros.training_diagram()` calls `diagram_context()` and renders
`overrides/components/training-diagram.html` with the result (how-llms-are-built.md#figure-1 and the figure's
embed page). This module only measures and places; the template writes every element, so all text from `data/`
goes through Jinja's autoescaping.

- SVG text does not wrap, so `wrap()` breaks every label here against a width budget in ems: a Chinese character
  is 1 em and may break from its neighbours (closing punctuation never starts a line, opening punctuation never
  ends one); Latin text breaks at spaces and after the hyphen of a lower-case compound, measured with Arial's
  widths (the stylesheet asks for Arial or a font with its metrics first) plus 10 % for Helvetica or Roboto. Nothing is cut: a word longer than a line breaks between its letters
  (as CSS `overflow-wrap: anywhere`). Box heights come from the line counts, so nothing overlaps or spills.
- Two layouts, side by side (rows aligned across the boxes) and stacked for a phone; the stylesheet shows one by
  the figure's own width (a container query: sidebars and embedding iframes count, the window does not).
- Links: stage names and methods go to the glossary, "More on ..." to the section of the page. Each `<a>` holds
  its words and a hit area with the focus ring, named by `aria-label`, so links are read where they are seen.
- Tooltips: SVG paints in document order and a tooltip must cover the text of its box, so each box's tooltips
  come last, numbered like their links (`data-tip`); the stylesheet shows tooltip n while link n is hovered or
  has keyboard focus (`:has()`), and `aria-describedby` gives the same definition to assistive technology.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

log = logging.getLogger("mkdocs.hooks.training_diagram")

# Measuring and wrapping text ----------------------------------------------------------------------------------

# Advance widths of Arial / Liberation Sans (regular), in thousandths of an em, for printable ASCII.
_ARIAL = dict(zip(
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~",
    (278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, *(556,) * 10, 278, 278,
     584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667,
     778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556,
     278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,
     334, 260, 334, 584),
))
LATIN_SAFETY = 1.10  # Helvetica and Roboto, where Arial is missing, run a few per cent wider
BOLD_FACTOR = 1.08
OTHER_LATIN_EM = 0.62  # accented letters and other characters missing from the table
CLOSING = set("，。、；：？！）》」』】〕〉”’%‰·…—～,.;:?!)]}")
OPENING = set("（《「『【〔〈“‘([{")
HYPHEN_BREAK = re.compile(r"(?<=[A-Za-z]{2}-)(?=[a-z][A-Za-z]{2})")  # self-|supervised, not GPT-3, Med-PaLM


class Line(NamedTuple):
    text: str
    space_after: bool = False  # the line ended at a space (kept in the SVG so text read aloud stays whole)


def is_wide(char: str) -> bool:
    """Chinese characters, full-width forms and East Asian punctuation (quotes, ellipsis): 1 em each."""
    return unicodedata.east_asian_width(char) in ("W", "F", "A") and not char.isspace()


@functools.lru_cache(maxsize=4096)
def char_width(char: str, bold: bool = False) -> float:
    """Advance width in ems, on the generous side: overestimating only wraps a little earlier."""
    if is_wide(char):
        return 1.0
    width = _ARIAL[char] / 1000 * LATIN_SAFETY if char in _ARIAL else OTHER_LATIN_EM
    return width * BOLD_FACTOR if bold else width


def text_width(text: str, bold: bool = False) -> float:
    return sum(char_width(char, bold) for char in text)


def _words(text: str) -> list[tuple[str, bool]]:
    """Unbreakable pieces with `space_before`: Latin words (split after hyphens of lower-case compounds),
    single Chinese characters; closing punctuation joins the piece before it, opening punctuation the next."""
    runs: list[list] = []  # [text, space_before, wide]
    space = False
    for char in text:
        if char.isspace():
            space = True
            continue
        wide = is_wide(char)
        if runs and not space and not wide and not runs[-1][2]:
            runs[-1][0] += char
        else:
            runs.append([char, space, wide])
        space = False
    pieces = [(part, space_before and number == 0) for run, space_before, wide in runs
              for number, part in enumerate([run] if wide else HYPHEN_BREAK.split(run))]
    merged: list[list] = []
    glue_next = False
    for piece, space_before in pieces:
        if merged and not space_before and (glue_next or piece[0] in CLOSING):
            merged[-1][0] += piece
        else:
            merged.append([piece, space_before])
        glue_next = piece[-1] in OPENING
    return [(piece, space_before) for piece, space_before in merged]


def _chunks(piece: str, max_em: float, bold: bool) -> list[str]:
    """The piece, or, when it is wider than a line, its characters in runs that fit (as CSS `anywhere`)."""
    if text_width(piece, bold) <= max_em:
        return [piece]
    log.debug("'%s' is wider than its box (%.1f em): broken between characters", piece, max_em)
    chunks = [""]
    for char in piece:
        if chunks[-1] and text_width(chunks[-1] + char, bold) > max_em:
            chunks.append("")
        chunks[-1] += char
    return chunks


def wrap(text: str, max_em: float, bold: bool = False) -> list[Line]:
    """Greedy line breaking within `max_em`; `"".join(l.text + " " * l.space_after)` gives the text back
    (whitespace collapsed). A lone Chinese character on the last line takes the one before it along."""
    return list(_wrap(text, max_em, bold))


@functools.lru_cache(maxsize=2048)
def _wrap(text: str, max_em: float, bold: bool) -> tuple[Line, ...]:
    """Cached: each language's diagram is drawn on two pages (the section and its embed) with the same labels."""
    space = text_width(" ", bold)
    rows: list[list[tuple[str, bool]]] = [[]]
    row_width = 0.0
    for piece, space_before in _words(" ".join(text.split())):
        for number, chunk in enumerate(_chunks(piece, max_em, bold)):
            item = (chunk, space_before and number == 0)
            added = text_width(chunk, bold) + (space if item[1] and rows[-1] else 0.0)
            if rows[-1] and row_width + added > max_em:
                rows.append([])
                row_width, added = 0.0, text_width(chunk, bold)
            rows[-1].append(item)
            row_width += added
    last = rows[-1]
    if len(rows) > 1 and len(rows[-2]) > 2 and len(last) == 1 and is_wide(last[0][0][0]) and not last[0][1]:
        rows[-1] = [rows[-2].pop(), *last]
    return tuple(Line("".join(" " * (gap and number > 0) + piece for number, (piece, gap) in enumerate(row)),
                      following < len(rows) and rows[following][0][1])
                 for following, row in enumerate(rows, start=1) if row)


# Geometry -------------------------------------------------------------------------------------------------------

# Sizes in SVG user units. The wide SVG is drawn 720 units across for a text column of ~690 px, the stacked
# one 330 units for a phone (343 px at 375 px), so text of 13 units reads as 12.5-13.5 px in both.
WIDE_WIDTH, NARROW_WIDTH = 720, 330
EDGE = 1.5  # room for the box strokes at the edges of the view box
COLUMN_GAP, ROW_GAP = 34, 30  # between boxes: room for the arrows
PAD_X, PAD_Y, INDENT = 12, 10, 11  # list items hang INDENT after their bullet
FONT = {"stage": 11.5, "name": 16, "supervision": 12.5, "label": 11.5, "item": 13, "term": 13, "output": 13,
        "section": 12.5, "tip": 12.5}
BOLD = {"label", "name"}
LINE_HEIGHT = {"en": 1.3, "zh": 1.62}  # Chinese fonts (Noto Sans CJK) have taller line boxes (1.45 em)
ASCENT, DESCENT = {"en": 0.95, "zh": 1.16}, {"en": 0.25, "zh": 0.29}
SECTION_GAP, LABEL_GAP, ITEM_GAP = 9, 2, 3
TIP_MARGIN, TIP_PAD, TIP_GAP = 6, 8, 4
RADIUS = 6
MAX_TIPS = 12  # tooltips per box that training-diagram.css can show (a rule per `data-tip` number)
LIST_SEPARATOR = {"en": "; ", "zh": "；"}


TextLine = NamedTuple("TextLine", [("text", str), ("x", float), ("y", float), ("space_after", bool)])  # y: baseline
Bullet = NamedTuple("Bullet", [("cx", float), ("cy", float)])


@dataclass
class TextBlock:
    kind: str  # stage, name, supervision, label, item, term, output, section, tip: a CSS modifier
    lines: list[TextLine]
    top: float
    bottom: float
    is_link = False
    size = property(lambda self: FONT[self.kind])
    bold = property(lambda self: self.kind in BOLD)

    def shifted(self, dx: float, dy: float) -> TextBlock:
        lines = [TextLine(line.text, line.x + dx, line.y + dy, line.space_after) for line in self.lines]
        return TextBlock(self.kind, lines, self.top + dy, self.bottom + dy)


Tip = NamedTuple("Tip", [("id", str), ("number", int), ("x", float), ("y", float), ("w", float), ("h", float),
                         ("text", TextBlock)])


@dataclass
class Link:
    """A link with its visible words (`blocks`) and hit area (x, y, w, h); `tip_text` becomes its tooltip."""
    kind: str  # stage, term, section
    href: str
    label: str
    tip_text: str | None = None
    blocks: list[TextBlock] = field(default_factory=list)
    x: float = 0.0
    y: float = 0.0
    w: float = 0.0
    h: float = 0.0
    tip: Tip | None = None
    is_link = True

    def around(self, *blocks: TextBlock, margin: float = 0) -> Link:
        """Holds `blocks`; the hit area is their measured extent, 4 units wider on each side."""
        self.blocks = list(blocks)
        longest = max(text_width(line.text, b.bold) * b.size for b in blocks for line in b.lines)
        self.x, self.y, self.w = blocks[0].lines[0].x - 4, blocks[0].top - margin, longest + 8
        self.h = blocks[-1].bottom + margin - self.y
        return self

    def shifted(self, dx: float, dy: float) -> Link:
        return Link(self.kind, self.href, self.label, self.tip_text, [b.shifted(dx, dy) for b in self.blocks],
                    self.x + dx, self.y + dy, self.w, self.h)


@dataclass
class Part:
    """A row of a stage box (header, inputs...) relative to its top left; `items`: text and links in reading order."""
    height: float = 0.0
    items: list[TextBlock | Link] = field(default_factory=list)
    bullets: list[Bullet] = field(default_factory=list)


@dataclass
class Box:
    stage: object
    label: str
    x: float
    y: float
    w: float
    h: float
    header_h: float
    items: list[TextBlock | Link] = field(default_factory=list)
    bullets: list[Bullet] = field(default_factory=list)

    links = property(lambda self: [item for item in self.items if item.is_link])
    tips = property(lambda self: [link.tip for link in self.links if link.tip])
    blocks = property(lambda self: [b for item in self.items for b in (item.blocks if item.is_link else [item])])

    @property
    def header_path(self) -> str:
        """The header band: the box's top with its rounded corners, square at the bottom."""
        x, y, w, h, r = self.x, self.y, self.w, self.header_h, RADIUS
        return (f"M{x:.2f} {y + h:.2f}V{y + r:.2f}A{r} {r} 0 0 1 {x + r:.2f} {y:.2f}H{x + w - r:.2f}"
                f"A{r} {r} 0 0 1 {x + w:.2f} {y + r:.2f}V{y + h:.2f}Z")


class Arrow(NamedTuple("Line", [("x1", float), ("y1", float), ("x2", float), ("y2", float)])):
    @property
    def head(self) -> str:
        """A filled arrowhead at (x2, y2), pointing along the arrow."""
        length = ((self.x2 - self.x1) ** 2 + (self.y2 - self.y1) ** 2) ** 0.5 or 1
        ux, uy = (self.x2 - self.x1) / length, (self.y2 - self.y1) / length
        bx, by = self.x2 - 9 * ux, self.y2 - 9 * uy
        return f"{self.x2:.2f},{self.y2:.2f} {bx - 5 * uy:.2f},{by + 5 * ux:.2f} {bx + 5 * uy:.2f},{by - 5 * ux:.2f}"


Layout = NamedTuple("Layout", [("name", str), ("id", str), ("width", float), ("height", float),  # name: wide, narrow
                               ("boxes", list[Box]), ("arrows", list[Arrow])])


# The rows of one stage's box --------------------------------------------------------------------------------


class _Rows:
    """Builds the rows of boxes `width` wide in one language."""

    def __init__(self, lang: str, width: float):
        self.lang, self.width, self.inner = lang, width, width - 2 * PAD_X

    def step(self, kind: str) -> float:
        return FONT[kind] * LINE_HEIGHT[self.lang]

    def block(self, kind: str, text: str, x: float, top: float, width: float) -> TextBlock:
        size, step = FONT[kind], self.step(kind)
        lines = wrap(text, width / size, bold=kind in BOLD)
        first = top + (step - (ASCENT[self.lang] + DESCENT[self.lang]) * size) / 2 + ASCENT[self.lang] * size
        placed = [TextLine(line.text, x, first + number * step, line.space_after) for number, line in enumerate(lines)]
        return TextBlock(kind, placed, top, top + step * len(lines))

    def header(self, stage_label: str, name: str, link: Link) -> Part:
        stage = self.block("stage", stage_label, PAD_X, PAD_Y, self.inner)
        title = self.block("name", name, PAD_X, stage.bottom, self.inner)
        link.around(stage, title)
        height = title.bottom + PAD_Y
        link.x, link.y, link.w, link.h = 3, 3, self.width - 6, height - 6  # the whole band, its ring inside
        return Part(height, [link])

    def paragraph(self, kind: str, text: str, label: str | None = None) -> Part:
        items = [self.block("label", label, PAD_X, SECTION_GAP, self.inner)] if label else []
        top = items[0].bottom + LABEL_GAP if label else SECTION_GAP
        items.append(self.block(kind, text, PAD_X, top, self.inner))
        return Part(items[-1].bottom, items)

    def listing(self, label: str, entries: list[tuple[str, Link | None]]) -> Part:
        """A labelled list; an entry with a link is drawn inside it."""
        if not entries:
            return Part()
        part = Part(items=[self.block("label", label, PAD_X, SECTION_GAP, self.inner)])
        top, x, width = part.items[0].bottom + LABEL_GAP, PAD_X + INDENT, self.inner - INDENT
        for text, link in entries:
            kind = "term" if link else "item"
            block = self.block(kind, text, x, top, width)
            part.items.append(link.around(block) if link else block)
            part.bullets.append(Bullet(PAD_X + 3.5, top + self.step(kind) / 2))
            top = block.bottom + ITEM_GAP
        part.height = top - ITEM_GAP
        return part

    def section(self, link: Link) -> Part:
        block = self.block("section", link.label, PAD_X, SECTION_GAP + 2, self.inner)
        return Part(block.bottom + 2, [link.around(block, margin=2)])


def stage_rows(macros, stage, width: float) -> list[Part]:
    """The rows of one stage's box, top to bottom, for a box `width` wide."""
    lang, ui, rows = macros.lang, macros.ui, _Rows(macros.lang, width)
    name = stage.name[lang]
    methods = [(method.label[lang], Link("term", macros.url("glossary.md", method.glossary), method.label[lang],
                                         macros.data.glossary[method.glossary].definition[lang])
                if method.glossary else None) for method in stage.methods]
    stage_link = Link("stage", macros.url("glossary.md", stage.glossary),
                      ui("diagram-stage-name").format(number=stage.order, name=name), stage.definition[lang])
    section_link = Link("section", macros.url("how-llms-are-built.md", stage.section),
                        ui("diagram-section-link").format(stage=name))
    return [
        rows.header(ui("diagram-stage").format(number=stage.order), name, stage_link),
        rows.paragraph("supervision", stage.supervision[lang]),
        rows.listing(ui("diagram-inputs"), [(text[lang], None) for text in stage.inputs]),
        rows.listing(ui("diagram-methods"), methods),
        rows.paragraph("output", stage.output[lang], ui("diagram-output")),
        rows.listing(ui("diagram-examples"), [(text[lang], None) for text in stage.examples]),
        rows.section(section_link),
    ]


# Layouts ----------------------------------------------------------------------------------------------------


def _tip_height(lang: str, text: str, box_width: float) -> float:
    lines = wrap(text, (box_width - 2 * TIP_MARGIN - 2 * TIP_PAD) / FONT["tip"])
    return 2 * TIP_PAD + len(lines) * FONT["tip"] * LINE_HEIGHT[lang]


def _body_needed(lang: str, parts: list[Part], box_width: float) -> float:
    """Room under the header for the tallest tooltip of a box."""
    tips = [_tip_height(lang, item.tip_text, box_width) for part in parts for item in part.items
            if item.is_link and item.tip_text]
    return max(tips, default=0.0) + TIP_GAP + TIP_MARGIN


def _box(macros, layout_id: str, stage, parts: list[Part], x: float, y: float, w: float, rows: list[float],
         body: float) -> Box:
    """Moves the rows (each `rows[n]` tall) into a box at (x, y) and places each tooltip inside the box."""
    label = macros.ui("diagram-stage-name").format(number=stage.order, name=stage.name[macros.lang])
    box = Box(stage, label, x, y, w, rows[0] + max(body, sum(rows[1:]) + PAD_Y), rows[0])
    top = y
    for part, height in zip(parts, rows):
        box.items += [item.shifted(x, top) for item in part.items]
        box.bullets += [Bullet(b.cx + x, b.cy + top) for b in part.bullets]
        top += height
    floor, ceiling = y + box.h - TIP_MARGIN, y + box.header_h + TIP_GAP
    for number, link in enumerate((link for link in box.links if link.tip_text), start=1):
        if number > MAX_TIPS:
            log.warning("data/training_stages.yml: stage '%s' has more than %d linked methods; the others get no "
                        "tooltip (training-diagram.css shows %d per stage)", stage.id, MAX_TIPS - 1, MAX_TIPS)
            break
        h = _tip_height(macros.lang, link.tip_text, w)
        below, above = link.y + link.h + TIP_GAP, link.y - TIP_GAP - h
        if link.kind == "stage":
            top = ceiling
        else:
            top = below if below + h <= floor else above if above >= ceiling else floor - h
        tip_x, tip_w = x + TIP_MARGIN, w - 2 * TIP_MARGIN
        text = _Rows(macros.lang, tip_w).block("tip", link.tip_text, tip_x + TIP_PAD, top + TIP_PAD,
                                               tip_w - 2 * TIP_PAD)
        link.tip = Tip(f"{layout_id}-tip-{stage.id}-{number}", number, tip_x, top, tip_w, h, text)
    return box


def wide_layout(macros, layout_id: str) -> Layout:
    """The stages side by side, as tall as each other; each row has the height of its tallest box."""
    stages = macros.data.training_stages
    width = (WIDE_WIDTH - 2 * EDGE - COLUMN_GAP * (len(stages) - 1)) / len(stages)
    parts = [stage_rows(macros, stage, width) for stage in stages]
    rows = [max(column[n].height for column in parts) for n in range(len(parts[0]))]
    body = max(_body_needed(macros.lang, column, width) for column in parts)
    boxes = [_box(macros, layout_id, stage, column, EDGE + number * (width + COLUMN_GAP), EDGE, width, rows, body)
             for number, (stage, column) in enumerate(zip(stages, parts))]
    arrows = [Arrow(a.x + a.w + 5, a.y + a.header_h / 2, b.x - 5, b.y + b.header_h / 2)
              for a, b in zip(boxes, boxes[1:])]
    return Layout("wide", layout_id, WIDE_WIDTH, boxes[0].h + 2 * EDGE, boxes, arrows)


def narrow_layout(macros, layout_id: str) -> Layout:
    """The stages stacked top to bottom, each box as tall as its own content."""
    width, boxes, y = NARROW_WIDTH - 2 * EDGE, [], EDGE
    for stage in macros.data.training_stages:
        parts = stage_rows(macros, stage, width)
        boxes.append(_box(macros, layout_id, stage, parts, EDGE, y, width, [part.height for part in parts],
                          _body_needed(macros.lang, parts, width)))
        y += boxes[-1].h + ROW_GAP
    arrows = [Arrow(NARROW_WIDTH / 2, a.y + a.h + 4, NARROW_WIDTH / 2, b.y - 4) for a, b in zip(boxes, boxes[1:])]
    return Layout("narrow", layout_id, NARROW_WIDTH, y - ROW_GAP + EDGE, boxes, arrows)


def diagram_context(macros) -> dict:
    """Everything `components/training-diagram.html` draws: both layouts, the description, the stages."""
    stages, lang = macros.data.training_stages, macros.lang
    names = LIST_SEPARATOR.get(lang, "; ").join(
        macros.ui("diagram-stage-name").format(number=stage.order, name=stage.name[lang]) for stage in stages)
    return {
        "layouts": [wide_layout(macros, "training-diagram-wide"), narrow_layout(macros, "training-diagram-narrow")],
        "description": macros.ui("diagram-desc").format(count=len(stages), stages=names),
        "stages": stages,
        "radius": RADIUS,
        "embedded": macros.page.file.src_uri.startswith(f"{lang}/embed/"),
    }


STAGE_FIELDS = ("id", "order", "name", "definition", "supervision", "inputs", "methods", "output", "examples",
                "glossary_term", "section")


def download_rows(data, lang: str, page_url) -> list[dict]:
    """One row per stage of Figure 1 for its downloads, in the figure's order; lists are joined by `; ` in the CSV
    (JSON keeps them as lists); `page_url(path)` makes the section's address absolute."""
    return [{
        "id": stage.id, "order": stage.order, "name": stage.name[lang], "definition": stage.definition[lang],
        "supervision": stage.supervision[lang], "inputs": [item[lang] for item in stage.inputs],
        "methods": [method.label[lang] for method in stage.methods], "output": stage.output[lang],
        "examples": [item[lang] for item in stage.examples], "glossary_term": stage.glossary,
        "section": page_url(f"how-llms-are-built/#{stage.section}"),
    } for stage in data.training_stages]
