"""Ruled tables on a PDF page: grids from ruling lines, merged cells, words placed in cells.

Word and LibreOffice draw every table border, so a table is a connected set of horizontal and
vertical rulings. Their distinct positions give the grid; a missing border between two grid
cells means the cells are merged (colspan when the vertical border is missing, rowspan when
the horizontal one is). Each word goes to the cell its centre falls in; a cell's lines are read
top to bottom and joined with a space. Tables drawn without rulings are left to the column
logic of `llmx.read.pdf_layout`, which reads aligned columns as rows when it can.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field

from llmx.read.model import CellSpec, TableSpec, grid_rows
from llmx.read.pdf_page import Run
from llmx.read.pdf_paths import Rule

_SNAP = 2.0  # positions closer than this are one grid line
_TOUCH = 3.0  # segments this close are connected
_BOX = 6.0  # a column line this close to another is no column (no text fits between them)
FIGURE_CELL = re.compile(r"^[-–+]?\d[\d.,]*\s?%?$")  # one number alone in a cell (`12,451`, `83,009%`, `2`)
_WORD = re.compile(r"^[^\W\d_]+")  # the letters a line starts with
_UNITS = frozenset({"km", "cm", "mm", "kg", "ml", "kw", "kwh", "mw", "mwh", "đ", "tr", "vnđ"})


@dataclass
class Grid:
    """A ruled table: grid line positions and its merged cells (row0, col0, row1, col1), ends exclusive."""

    xs: list[float]
    ys: list[float]
    cells: list[tuple[int, int, int, int]]
    runs: dict[int, list[Run]] = field(default_factory=dict)  # merged cell index -> its words
    texts: dict[int, str] = field(default_factory=dict)  # merged cell index -> its text, once read

    @property
    def top(self) -> float:
        return self.ys[0]

    @property
    def bottom(self) -> float:
        return self.ys[-1]

    def contains(self, r: Run) -> bool:
        cx = (r.x0 + r.x1) / 2
        cy = r.y - 0.3 * r.size
        return self.xs[0] - 1 <= cx <= self.xs[-1] + 1 and self.ys[0] - 1 <= cy <= self.ys[-1] + 1


def _merge(segments: list[Rule], horizontal: bool) -> list[Rule]:
    """Collinear pieces (one per cell border) joined into whole lines."""
    pos: Callable[[Rule], float] = (lambda s: s.y0) if horizontal else (lambda s: s.x0)
    start: Callable[[Rule], float] = (lambda s: s.x0) if horizontal else (lambda s: s.y0)
    end: Callable[[Rule], float] = (lambda s: s.x1) if horizontal else (lambda s: s.y1)
    out: list[Rule] = []
    group: list[Rule] = []
    for s in [*sorted(segments, key=pos), None]:
        if s is not None and (not group or pos(s) - pos(group[-1]) <= 1.0):
            group.append(s)
            continue
        at = sum(pos(g) for g in group) / len(group) if group else 0.0
        lo = hi = None
        for g in sorted(group, key=start):
            if lo is not None and hi is not None and start(g) <= hi + _TOUCH:
                hi = max(hi, end(g))
                continue
            if lo is not None and hi is not None:
                out.append(Rule(lo, at, hi, at) if horizontal else Rule(at, lo, at, hi))
            lo, hi = start(g), end(g)
        if lo is not None and hi is not None:
            out.append(Rule(lo, at, hi, at) if horizontal else Rule(at, lo, at, hi))
        group = [s] if s is not None else []
    return out


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= _SNAP:
            continue
        out.append(v)
    return out


def find_grids(rules: list[Rule]) -> tuple[list[Grid], list[Rule]]:
    """Tables made by the rulings, and the horizontal rulings that belong to no table."""
    hs = _merge([r for r in rules if r.horizontal], True)
    vs = _merge([r for r in rules if not r.horizontal], False)
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_y = sorted(range(len(hs)), key=lambda i: hs[i].y0)
    ys = [hs[i].y0 for i in by_y]
    for j, v in enumerate(vs):
        lo = bisect_left(ys, v.y0 - _TOUCH)
        hi = bisect_right(ys, v.y1 + _TOUCH)
        for i in by_y[lo:hi]:
            h = hs[i]
            if h.x0 - _TOUCH <= v.x0 <= h.x1 + _TOUCH:
                a, b = find(i), find(len(hs) + j)
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    grids: list[Grid] = []
    loose: list[Rule] = []
    for gh, gv in groups.values():
        grid = _grid(gh, gv) if len(gh) >= 2 and len(gv) >= 3 else None
        if grid is None:
            loose.extend(gh)
        else:
            grids.append(grid)
    grids.sort(key=lambda g: g.top)
    return grids, loose


def _without_boxes(hs: list[Rule], vs: list[Rule]) -> tuple[list[Rule], list[Rule]]:
    """The rulings less a box drawn inside a cell (a bordered paragraph: its sides a few points
    inside the cell's, touching the table only where it sits on a cell border). A column line
    that close to another, and much shorter, is such a side; a horizontal ruling that then
    reaches no column line at either end is its top or bottom."""
    xs = _cluster([v.x0 for v in vs])
    length = [sum(v.y1 - v.y0 for v in vs if abs(v.x0 - x) <= _SNAP) for x in xs]
    inner = {
        k
        for k, x in enumerate(xs)
        if any(j != k and abs(xs[j] - x) < _BOX and length[k] < 0.5 * length[j] for j in range(len(xs)))
    }
    if not inner:
        return hs, vs
    kept = [x for k, x in enumerate(xs) if k not in inner]
    vs = [v for v in vs if any(abs(v.x0 - x) <= _SNAP for x in kept)]
    hs = [h for h in hs if any(abs(h.x0 - x) <= _TOUCH or abs(h.x1 - x) <= _TOUCH for x in kept)]
    return hs, vs


def _grid(hs: list[Rule], vs: list[Rule]) -> Grid | None:
    hs, vs = _without_boxes(hs, vs)
    ys = _cluster([h.y0 for h in hs])
    xs = _cluster([v.x0 for v in vs])
    rows, cols = len(ys) - 1, len(xs) - 1
    if rows < 1 or cols < 2 or (rows < 2 and cols < 3):
        return None
    parent = list(range(rows * cols))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb

    at_x: dict[int, list[Rule]] = {}  # grid line index -> its segments
    for v in vs:
        at_x.setdefault(min(range(len(xs)), key=lambda k: abs(xs[k] - v.x0)), []).append(v)
    at_y: dict[int, list[Rule]] = {}
    for h in hs:
        at_y.setdefault(min(range(len(ys)), key=lambda k: abs(ys[k] - h.y0)), []).append(h)
    for r in range(rows):
        mid_y = (ys[r] + ys[r + 1]) / 2
        for c in range(cols - 1):
            if not any(v.y0 - 1 <= mid_y <= v.y1 + 1 for v in at_x.get(c + 1, ())):
                union(r * cols + c, r * cols + c + 1)
    for c in range(cols):
        mid_x = (xs[c] + xs[c + 1]) / 2
        for r in range(rows - 1):
            if not any(h.x0 - 1 <= mid_x <= h.x1 + 1 for h in at_y.get(r + 1, ())):
                union(r * cols + c, (r + 1) * cols + c)
    boxes: dict[int, list[int]] = {}
    for i in range(rows * cols):
        r, c = divmod(i, cols)
        b = boxes.setdefault(find(i), [r, c, r + 1, c + 1])
        b[0], b[1], b[2], b[3] = min(b[0], r), min(b[1], c), max(b[2], r + 1), max(b[3], c + 1)
    cells = sorted((b[0], b[1], b[2], b[3]) for b in boxes.values())
    if len(cells) < 2:
        return None
    return Grid(xs, ys, cells)


def _row_of(grid: Grid, run: Run) -> int:
    return min(max(bisect_right(grid.ys, run.y - 0.3 * run.size) - 1, 0), len(grid.ys) - 2)


def place(grid: Grid, runs: list[Run]) -> None:
    """Put each word of `runs` (already known to be inside the grid) into its merged cell."""
    index: dict[tuple[int, int], int] = {}
    for k, (r0, c0, r1, c1) in enumerate(grid.cells):
        for r in range(r0, r1):
            for c in range(c0, c1):
                index[(r, c)] = k
    last_col = len(grid.xs) - 2
    for run in runs:
        cx = (run.x0 + run.x1) / 2
        c = min(max(bisect_right(grid.xs, cx) - 1, 0), last_col)
        grid.runs.setdefault(index[(_row_of(grid, run), c)], []).append(run)
    _split_false_merges(grid)


def _split_false_merges(grid: Grid) -> None:
    """Cut a cell merged down only because a border was not drawn (Word leaves out the rule under
    a repeated header's cells at a page break, so `Tỷ lệ (%)` swallows the `83,009%` below it).

    The evidence must be plain: the cell's words fall apart at a row line, the part below is a
    single figure in the merge's last row, and that row holds a figure of its own in another cell
    (its row number). A real merged cell (a label beside several rows, a header over sub-headers)
    keeps its rowspan."""
    cut: dict[int, int] = {}
    for k, (r0, c0, r1, _) in enumerate(grid.cells):
        runs = grid.runs.get(k)
        if r1 - r0 < 2 or not runs:
            continue
        last = max(_row_of(grid, r) for r in runs)
        upper = [r for r in runs if _row_of(grid, r) < last]
        lower = [r for r in runs if _row_of(grid, r) == last]
        line = grid.ys[last]
        if not upper or any(r.y - 0.8 * r.size < line for r in lower) or any(r.y > line for r in upper):
            continue
        if not FIGURE_CELL.match(" ".join(r.text for r in sorted(lower, key=lambda r: r.x0))):
            continue
        beside = (
            " ".join(r.text for r in grid.runs.get(j, []))
            for j, (a0, b0, a1, _) in enumerate(grid.cells)
            if j != k and a0 == last and a1 == last + 1 and b0 != c0
        )
        if any(FIGURE_CELL.match(t) for t in beside):
            cut[k] = last
    if not cut:
        return
    cells: list[tuple[tuple[int, int, int, int], list[Run]]] = []
    for k, (r0, c0, r1, c1) in enumerate(grid.cells):
        runs = grid.runs.get(k, [])
        if k in cut:
            at = cut[k]
            cells.append(((r0, c0, at, c1), [r for r in runs if _row_of(grid, r) < at]))
            cells.append(((at, c0, r1, c1), [r for r in runs if _row_of(grid, r) >= at]))
        else:
            cells.append(((r0, c0, r1, c1), runs))
    cells.sort(key=lambda item: item[0])
    grid.cells = [box for box, _ in cells]
    grid.runs = {k: runs for k, (_, runs) in enumerate(cells) if runs}


def table_spec(grid: Grid, join: Callable[[list[Run]], str], page: int) -> TableSpec:
    """The grid as rows of cells; `join(runs) -> str` reads a cell's words as text."""
    starts: dict[int, list[CellSpec]] = {}
    for k, (r0, c0, r1, c1) in enumerate(grid.cells):
        text = grid.texts.get(k)
        if text is None:
            text = grid.texts[k] = join(grid.runs.get(k, []))
        starts.setdefault(r0, []).append(CellSpec(text, c0, c1 - c0, r1 - r0))
    rows = [sorted(starts.get(r, []), key=lambda c: c.col) for r in range(len(grid.ys) - 1)]
    return TableSpec(grid_rows(rows), page=page)


def _has_vowel(word: str) -> bool:
    return any(unicodedata.normalize("NFD", ch)[0].lower() in "aeiouy" for ch in word)


def broken_word(line: str, next_line: str) -> bool:
    """Whether a cell's line ends inside a word the next line finishes: a narrow cell (a header
    column a few letters wide) breaks a word that does not fit (`Điể` / `m đánh giá`, `TTH` / `C`).
    Only the first word of a line is ever broken, so the line holds that one piece; and a
    Vietnamese syllable always has a vowel, so one of the two pieces has none."""
    if not line or " " in line:
        return False
    line, next_line = unicodedata.normalize("NFC", line), unicodedata.normalize("NFC", next_line)
    if not line.isalpha():
        return False
    m = _WORD.match(next_line)
    if m is None:
        return False
    tail = m.group(0)
    if next_line[len(tail) : len(tail) + 1].isdigit():  # `m2`, `km2`: a unit, not a word's end
        return False
    if tail.isupper():  # an acronym cut: `TTH` / `C`
        return line.isupper() and not _has_vowel(line) and len(tail) <= 2 and not _has_vowel(tail)
    if not tail[0].islower():
        return False
    if not _has_vowel(tail):  # `Điể` / `m`, `tron` / `g`
        return tail.lower() not in _UNITS
    return not _has_vowel(line) and line[-1].islower()  # `ngh` / `ĩa`


def last_row_lines(grid: Grid) -> dict[int, int]:
    """For each cell of the grid's last row (by its first column): how many lines its words take."""
    last = len(grid.ys) - 1
    out: dict[int, int] = {}
    for k, (_, c0, r1, _) in enumerate(grid.cells):
        if r1 == last:
            out[c0] = len({round(r.y) for r in grid.runs.get(k, [])})
    return out


def same_columns(a: Grid, b: Grid) -> bool:
    """Two grids with the same column lines: one table split by a page break."""
    return len(a.xs) == len(b.xs) and all(abs(x - y) <= 3.0 for x, y in zip(a.xs, b.xs, strict=True))
