"""Charts drawn as vector graphics on a PDF page: found by their bars, so their labels stay out of the text.

Word and LibreOffice export a chart as drawings plus loose words: tick values (`0`, `2`, ...,
`16`), data labels over the bars, category names wrapped under the axis, a legend. Read as
text they become runs of numbers, torn phrases and even tables (the category names line up in
columns). The words carry nothing the report does not say in its own tables and sentences, and
none of them can be quoted as a sentence, so the reader leaves them out and says so in
`problems`; the chart's title (the lines above everything drawn inside the chart) stays, as the
caption it is.

Detection is deliberately narrow, so that ordinary pages never lose words:

* **bars**: three or more filled, coloured rectangles (not white) standing on one baseline with
  equal widths and different heights (a column chart), or starting at one left edge with equal
  heights and different lengths (a bar chart); rectangles inside a ruled table are cell
  shading, and a row of shaded cells has equal heights, so neither is ever a chart;
* **the chart's area**: the smallest rectangle drawn around the bars (Word and LibreOffice draw
  the chart area as one); without one only the words over the bars themselves are left out.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

from llmx.read.pdf_page import Run
from llmx.read.pdf_paths import Rule, Shape
from llmx.read.pdf_tables import Grid

_MIN_BARS = 3
_SAME = 1.0  # points: one baseline, one edge


@dataclass(frozen=True, slots=True)
class Chart:
    """Where a chart sits (top-down box) and where its drawing starts (its title is above)."""

    x0: float
    y0: float
    x1: float
    y1: float
    drawing_top: float

    def holds(self, run: Run) -> bool:
        cx, cy = (run.x0 + run.x1) / 2, run.y - 0.3 * run.size
        return self.x0 - 1 <= cx <= self.x1 + 1 and self.y0 - 1 <= cy <= self.y1 + 1

    def holds_box(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        return _inside(_box(x0, y0, x1, y1), self.x0, self.y0, self.x1, self.y1)

    def title(self, run: Run) -> bool:
        """A word of the chart's title: above everything drawn inside the chart."""
        return run.y < self.drawing_top - 0.3 * run.size


def _bar_groups(bars: list[Shape], vertical: bool) -> list[list[Shape]]:
    """Bars standing on one baseline (column chart) or starting at one edge (bar chart)."""

    def base(s: Shape) -> float:
        return s.y1 if vertical else s.x0

    def thickness(s: Shape) -> float:
        return s.x1 - s.x0 if vertical else s.y1 - s.y0

    def length(s: Shape) -> float:
        return s.y1 - s.y0 if vertical else s.x1 - s.x0

    groups: list[list[Shape]] = []
    for s in sorted(bars, key=base):
        if groups and base(s) - base(groups[-1][-1]) <= _SAME:
            groups[-1].append(s)
        else:
            groups.append([s])
    out: list[list[Shape]] = []
    for g in groups:
        if len(g) < _MIN_BARS:
            continue
        widths = [thickness(s) for s in g]
        lengths = [length(s) for s in g]
        if max(widths) > 1.5 * min(widths) or max(lengths) - min(lengths) <= 2.0:
            continue
        spans = sorted((s.x0, s.x1) if vertical else (s.y0, s.y1) for s in g)
        if any(b[0] < a[1] - 0.5 for a, b in itertools.pairwise(spans)):
            continue  # bars side by side never overlap
        out.append(g)
    return out


def find_charts(shapes: Sequence[Shape], rules: Sequence[Rule], grids: Sequence[Grid], area: float) -> list[Chart]:
    """The charts of a page: bar groups, each widened to the rectangle drawn around it."""
    bars = [
        s
        for s in shapes
        if s.filled and s.rect and not any(_inside(s, g.xs[0], g.ys[0], g.xs[-1], g.ys[-1]) for g in grids)
    ]
    if len(bars) < _MIN_BARS:
        return []
    charts: list[Chart] = []
    for group in _bar_groups(bars, True) + _bar_groups(bars, False):
        x0, y0 = min(s.x0 for s in group), min(s.y0 for s in group)
        x1, y1 = max(s.x1 for s in group), max(s.y1 for s in group)
        frames = [
            s
            for s in shapes
            if s.rect
            and s.x0 <= x0 + _SAME
            and s.y0 <= y0 + _SAME
            and s.x1 >= x1 - _SAME
            and s.y1 >= y1 - _SAME
            and (s.x1 - s.x0) * (s.y1 - s.y0) < 0.8 * area
            and (s.x1 - s.x0 > x1 - x0 + 2 or s.y1 - s.y0 > y1 - y0 + 2)
        ]
        if frames:
            f = min(frames, key=lambda s: (s.x1 - s.x0) * (s.y1 - s.y0))
            x0, y0, x1, y1 = f.x0, f.y0, f.x1, f.y1
        if any(_inside(c, x0, y0, x1, y1) or _inside(_box(x0, y0, x1, y1), c.x0, c.y0, c.x1, c.y1) for c in charts):
            continue  # a second series of a chart already found
        inner = [
            s.y0
            for s in shapes
            if _inside(s, x0, y0, x1, y1) and (s.x1 - s.x0) * (s.y1 - s.y0) < 0.9 * (x1 - x0) * (y1 - y0)
        ]
        inner += [
            r.y0 for r in rules if r.y0 > y0 + 2 * _SAME and _inside(_box(r.x0, r.y0, r.x1, r.y1), x0, y0, x1, y1)
        ]  # the frame's own sides are not inside it
        charts.append(Chart(x0, y0, x1, y1, min(inner, default=y0)))
    return charts


def _box(x0: float, y0: float, x1: float, y1: float) -> Shape:
    return Shape(x0, y0, x1, y1, False, True)


def _inside(s: Shape | Chart, x0: float, y0: float, x1: float, y1: float) -> bool:
    return s.x0 >= x0 - _SAME and s.y0 >= y0 - _SAME and s.x1 <= x1 + _SAME and s.y1 <= y1 + _SAME
