"""Where Figure 2 puts things: the figure's box at each width, the axes, every point and every name label.

Handles no MkDocs event. `chart.py` calls `views()` once per page language; the result feeds both the static
preview (`overrides/components/model-chart-preview.html`, drawn at build time) and the Plotly figure that
replaces it (`model-chart.js`), so the two put every point at the same place.

- The box has fixed margins per frame (no Plotly automargin, no Plotly legend: the legend is HTML), so a point
  is at `left + fx * (width - left - right)` in both drawings whatever the width; the preview places things in
  percent of its plot area and Plotly gets the same ranges, domains and margins.
- Name labels are chosen here, not in the browser: each frame's labels are placed at the frame's narrowest
  width with text widths estimated on the wide side (Arial/Liberation metrics, CJK at one em), so they cannot
  overlap at any width of the frame (points only move apart as the box widens).
- Bubble radii follow plotly.js exactly (area mode: r = max(sqrt(size / 2 / sizeref), sizemin)).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

MAX_BUBBLE_PX = 48  # diameter of the largest bubble on a wide frame
MIN_BUBBLE_PX = 4  # Plotly's sizemin is a radius
UNDISCLOSED_PX = 16
LANE_GAP_DAYS = 150
PLOT_DOMAIN = (0.0, 0.80)
BAND_DOMAIN = (0.86, 1.0)
LABEL_PX = 11
LINE_PX = 14
EPOCH = dt.date(1970, 1, 1)

# How far each Plotly symbol reaches from its centre, in radii (plotly.js symbol_defs).
REACH = {"diamond": 1.3, "star": 1.4, "cross": 1.2, "diamond-wide": 1.4, "diamond-tall": 1.4, "triangle-up": 1.15,
         "triangle-down": 1.15, "triangle-left": 1.15, "triangle-right": 1.15}


@dataclass(frozen=True)
class Frame:
    """The figure's box in one range of widths (the breakpoint is the box's own width, a container query)."""

    name: str
    min_width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    bubble: float  # bubble scale against a wide frame
    year_step: int


FRAMES = (
    Frame("narrow", 340, 560, 66, 10, 6, 44, 0.62, 2),  # left: room for 7000亿 beside the axis title
    Frame("wide", 600, 580, 68, 16, 30, 46, 1.0, 1),  # the top margin holds the mode bar
)
BREAKPOINT = FRAMES[1].min_width


def day_ms(day: dt.date) -> int:
    return (day - EPOCH).days * 86_400_000


def lanes(models) -> dict[str, int]:
    """Undisclosed models share the band; models released close together go to separate lanes."""
    last_day: list[dt.date] = []
    placed = {}
    for model in models:
        day = model.released.as_date
        for number, last in enumerate(last_day):
            if (day - last).days >= LANE_GAP_DAYS:
                last_day[number] = day
                break
        else:
            number = len(last_day)
            last_day.append(day)
        placed[model.id] = number
    return placed


def linear_ticks(largest: float) -> tuple[list[float], list[float]]:
    step = 10 ** math.floor(math.log10(largest))
    step = step if largest / step > 3 else step / 2 if largest / step > 1.5 else step / 5
    top = math.ceil(largest * 1.08 / step) * step
    return [step * n for n in range(int(round(top / step)) + 1)][1:], [0, top * 1.02]


def text_width(text: str) -> float:
    """The width of a label in px, estimated on the wide side (so a label placed here never overlaps)."""
    units = 0.0
    for char in text:
        if ord(char) > 0x2E7F:
            units += 1.0
        elif char in "ijlI.,:;'|! ":
            units += 0.28
        elif char in "ftr()[]-/":
            units += 0.34
        elif char.isupper() or char in "mwMW%@":
            units += 0.72
        else:
            units += 0.56
    return units * LABEL_PX * 1.08 + 2


@dataclass
class Point:
    id: str
    fx: float  # 0..1 across the plot area, from the left
    fy: float  # 0..1 down the plot area (band included), from the top
    radius: float
    reach: float
    sized: bool


def axis_fraction(value: float, low: float, high: float) -> float:
    return (value - low) / (high - low)


class View:
    """One state of the figure (scale x which models) in one frame: ranges, ticks, points, labels."""

    def __init__(self, models, scale: str, frame: Frame, symbol_of, cutoff: dt.date | None = None):
        disclosed = [m for m in models if m.parameters is not None]
        undisclosed = [m for m in models if m.parameters is None]
        self.frame, self.scale = frame, scale
        first = min(m.released.as_date for m in models) - dt.timedelta(days=150)
        last = max(m.released.as_date for m in models) + dt.timedelta(days=150)
        self.x_range = [first.isoformat(), last.isoformat()]
        x0, x1 = day_ms(first), day_ms(last)
        largest = max((m.parameters for m in disclosed), default=1e9)
        smallest = min((m.parameters for m in disclosed), default=1e8)
        self.sizeref = 2 * largest / (MAX_BUBBLE_PX * frame.bubble) ** 2
        self.sizemin = MIN_BUBBLE_PX * frame.bubble
        if scale == "log":
            self.y_ticks = [10.0**k for k in range(math.floor(math.log10(smallest)), math.ceil(math.log10(largest)) + 1)]
            self.y_range = [math.log10(smallest) - 0.35, math.log10(largest) + 0.3]
            to_axis = math.log10
        else:
            self.y_ticks, self.y_range = linear_ticks(largest)
            to_axis = float
        self.y_ticks = [v for v in self.y_ticks if self.y_range[0] <= to_axis(v) <= self.y_range[1]]
        self.lanes = lanes(undisclosed)
        lane_count = max(self.lanes.values(), default=0) + 1
        self.lane_range = [-0.7, lane_count - 0.3]
        years = range(first.year + 1, last.year + 1)
        self.x_ticks = [dt.date(y, 1, 1) for y in years if y % frame.year_step == 0]

        def down(domain, fraction):  # an axis fraction to a fraction of the plot area from its top
            return 1 - (domain[0] + fraction * (domain[1] - domain[0]))

        # A year label centred on a tick near an end would stick out of the box: Plotly drops those, so here too.
        self.x_ticks = [day for day in self.x_ticks if 0.03 < axis_fraction(day_ms(day), x0, x1) < 0.97]
        self.tick_fx = [axis_fraction(day_ms(day), x0, x1) for day in self.x_ticks]
        self.tick_fy = [down(PLOT_DOMAIN, axis_fraction(to_axis(v), *self.y_range)) for v in self.y_ticks]
        self.band = (down(BAND_DOMAIN, 1), down(BAND_DOMAIN, 0)) if undisclosed else None
        self.plot_top = down(PLOT_DOMAIN, 1)
        self.cutoff = axis_fraction(day_ms(cutoff), x0, x1) if cutoff else None
        self.points: list[Point] = []
        for model in models:
            fx = axis_fraction(day_ms(model.released.as_date), x0, x1)
            symbol = symbol_of(model)
            if model.parameters is None:
                fy = down(BAND_DOMAIN, axis_fraction(self.lanes[model.id], *self.lane_range))
                radius = UNDISCLOSED_PX / 2
            else:
                fy = down(PLOT_DOMAIN, axis_fraction(to_axis(model.parameters), *self.y_range))
                radius = max(math.sqrt(model.parameters / 2 / self.sizeref), self.sizemin)
            self.points.append(Point(model.id, fx, fy, radius, radius * REACH.get(symbol, 1.0),
                                     model.parameters is not None))

    def pixels(self, point: Point, width: int) -> tuple[float, float]:
        frame = self.frame
        return (point.fx * (width - frame.left - frame.right),
                point.fy * (frame.height - frame.top - frame.bottom))

    def place_labels(self, names: dict[str, str], band_label: str, cutoff_label: str = "") -> dict[str, tuple[str, float, float]]:
        """`{model id: (anchor, dx, dy)}`: the names that fit beside their marker, biggest models first.

        dx, dy (px) are from the point to the label's anchor on its vertical centre line; anchor is start,
        middle or end (SVG text-anchor; Plotly xanchor left, center, right).
        """
        width = self.frame.min_width
        area_w = width - self.frame.left - self.frame.right
        area_h = self.frame.height - self.frame.top - self.frame.bottom
        located = [(p, *self.pixels(p, width)) for p in self.points]
        taken, avoid = [], []
        if self.band:
            band_top = self.band[0] * area_h
            taken.append((0, band_top, text_width(band_label) * 1.1 + 6, band_top + LINE_PX + 2))
        if self.cutoff is not None:  # the cut-off's tag, centred on its line just above the plot, and the line
            tag_w, tag_x = text_width(cutoff_label), self.cutoff * area_w
            taken.append((tag_x - tag_w / 2, self.plot_top * area_h - LINE_PX, tag_x + tag_w / 2,
                          self.plot_top * area_h))
            avoid = [(tag_x - 2, 0, tag_x + 2, area_h)]
        # The band's names first: its markers sit in fixed lanes with room only beside or under them, while a
        # sized point's name has eight places to try.
        order = sorted(located, key=lambda item: (item[0].sized, -item[0].radius, item[0].fx))
        return place_names([(p.id, x, y, p.reach, p.sized, self._below_band(p, y, area_h)) for p, x, y in order],
                           names, taken, area_w, area_h, avoid)

    def _below_band(self, point: Point, y: float, area_h: float) -> list[tuple[str, float, float]]:
        """For a name in the band's bottom lane with no room beside its marker: just under the band, in the gap
        above the plot, under the marker (the band's lanes are too close for a name above or below)."""
        if point.sized or self.lanes[point.id] != 0:  # lane 0 is the band's bottom lane
            return []
        band_bottom = self.band[1] * area_h
        dy = band_bottom + 1 + LINE_PX / 2 - y
        if band_bottom + 1 + LINE_PX > self.plot_top * area_h:
            return []
        edge = point.reach * 0.8  # the name starts or ends under the marker's edge
        return [("middle", 0, dy), ("start", -edge, dy), ("end", edge, dy), ("start", 0, dy), ("end", 0, dy)]


def place_names(points, names: dict[str, str], taken: list, area_w: float, area_h: float,
                avoid: list = ()) -> dict[str, tuple]:
    """`{id: (anchor, dx, dy)}`: a name beside each point where it fits, in the order of `points`.

    `points` are `(id, x, y, reach, free, more)` in px from the plot area's top left; `reach` is how far the marker
    extends, a point that is not `free` takes its name only to its right or left, and `more` are further places
    `(anchor, dx, dy)` to try last. `taken` holds boxes
    `(left, top, right, bottom)` no name may cover (tags, bands); each placed name is added to it. A name covers a
    box of `avoid` (the cut-off's line) only where no other place is free: it is then drawn on the page's colour,
    which hides the line under it (on a phone the models after the line have no room on its far side). dx, dy (px) are
    from the point to the name's anchor on its vertical centre line; anchor is start, middle or end (SVG
    text-anchor; Plotly xanchor left, center, right).
    """
    markers = {point_id: (x - reach * 0.8, y - reach * 0.8, x + reach * 0.8, y + reach * 0.8)
               for point_id, x, y, reach, *_ in points}
    placed = {}
    for point_id, x, y, reach, free, more in points:
        w, h, gap = text_width(names[point_id]), LINE_PX, reach + 3
        diagonal = reach * 0.75
        candidates = [("start", gap, 0), ("end", -gap, 0), ("middle", 0, -(gap + h / 2 - 2)),
                      ("middle", 0, gap + h / 2 - 2), ("start", diagonal, -(diagonal + h / 2)),
                      ("end", -diagonal, -(diagonal + h / 2)), ("start", diagonal, diagonal + h / 2),
                      ("end", -diagonal, diagonal + h / 2)]
        if not free:
            candidates = candidates[:2]
        chosen = None  # the first free place that keeps off `avoid`, else the first free place
        for anchor, dx, dy in candidates + more:
            left = x + dx - (0 if anchor == "start" else w if anchor == "end" else w / 2)
            box = (left, y + dy - h / 2, left + w, y + dy + h / 2)
            if box[0] < 0 or box[2] > area_w or box[1] < 0 or box[3] > area_h:
                continue
            if any(_overlap(box, other) for other in taken) or \
                    any(_overlap(box, other) for other_id, other in markers.items() if other_id != point_id):
                continue
            clear = not any(_overlap(box, other) for other in avoid)
            if chosen is None or clear:
                chosen = (box, (anchor, round(dx, 1), round(dy, 1)))
            if clear:
                break
        if chosen:
            taken.append(chosen[0])
            placed[point_id] = chosen[1]
    return placed


def _overlap(a, b) -> bool:
    return a[0] < b[2] and a[2] > b[0] and a[1] < b[3] and a[3] > b[1]


def symbol_path(symbol: str, r: float) -> str:
    """The SVG path of a Plotly marker symbol of radius r centred on 0,0 (plotly.js symbol_defs)."""
    def n(value: float) -> str:
        return f"{round(value, 2):g}"

    if symbol == "circle":
        return f"M{n(r)},0A{n(r)},{n(r)} 0 1,1 0,-{n(r)}A{n(r)},{n(r)} 0 0,1 {n(r)},0Z"
    if symbol == "square":
        return f"M{n(r)},{n(r)}H-{n(r)}V-{n(r)}H{n(r)}Z"
    if symbol == "diamond":
        a = r * 1.3
        return f"M{n(a)},0L0,{n(a)}L-{n(a)},0L0,-{n(a)}Z"
    if symbol in ("triangle-up", "triangle-down", "triangle-left", "triangle-right"):
        a, b = r * 2 / math.sqrt(3), r / 2
        return {"triangle-up": f"M-{n(a)},{n(b)}H{n(a)}L0,-{n(r)}Z",
                "triangle-down": f"M-{n(a)},-{n(b)}H{n(a)}L0,{n(r)}Z",
                "triangle-left": f"M{n(b)},-{n(a)}V{n(a)}L-{n(r)},0Z",
                "triangle-right": f"M-{n(b)},-{n(a)}V{n(a)}L{n(r)},0Z"}[symbol]
    if symbol == "pentagon":
        return (f"M{n(r * .951)},{n(-r * .309)}L{n(r * .588)},{n(r * .809)}H{n(-r * .588)}"
                f"L{n(-r * .951)},{n(-r * .309)}L0,{n(-r)}Z")
    if symbol == "hexagon":
        a, b = r * math.sqrt(3) / 2, r / 2
        return f"M{n(a)},-{n(b)}V{n(b)}L0,{n(r)}L-{n(a)},{n(b)}V-{n(b)}L0,-{n(r)}Z"
    if symbol == "star":
        s = r * 1.4
        p = [n(s * k) for k in (.225, .951, .363, .588, -1, -.309, .118, .809, .382)]
        return (f"M{p[0]},{p[5]}H{p[1]}L{p[2]},{p[6]}L{p[3]},{p[7]}L0,{p[8]}L-{p[3]},{p[7]}L-{p[2]},{p[6]}"
                f"L-{p[1]},{p[5]}H-{p[0]}L0,{p[4]}Z")
    if symbol == "hourglass":
        return f"M{n(r)},{n(r)}H-{n(r)}L{n(r)},-{n(r)}H-{n(r)}Z"
    if symbol == "cross":
        a, b = n(r * .4), n(r * 1.2)
        return f"M{b},{a}H{a}V{b}H-{a}V{a}H-{b}V-{a}H-{a}V-{b}H{a}V-{a}H{b}Z"
    if symbol == "octagon":
        a, b = n(r * .924), n(r * .383)
        return f"M-{b},-{a}H{b}L{a},-{b}V{b}L{b},{a}H-{b}L-{a},{b}V-{b}Z"
    if symbol == "bowtie":
        return f"M{n(r)},{n(r)}V-{n(r)}L-{n(r)},{n(r)}V-{n(r)}Z"
    if symbol in ("diamond-wide", "diamond-tall"):
        a, b = (r * 1.4, r * .7) if symbol == "diamond-wide" else (r * .7, r * 1.4)
        return f"M0,{n(b)}L{n(a)},0L0,-{n(b)}L-{n(a)},0Z"
    if symbol == "hexagram":
        a, b, c = n(r * .66), n(r * .38), n(r * .76)
        return (f"M-{c},0l-{b},-{a}h{c}l{b},-{a}l{b},{a}h{c}l-{b},{a}l{b},{a}h-{c}l-{b},{a}l-{b},-{a}h-{c}Z")
    raise ValueError(f"no preview path for marker symbol {symbol!r}")
