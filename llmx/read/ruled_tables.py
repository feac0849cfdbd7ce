"""Pandoc grid, simple and multiline tables (tables drawn with rules of dashes) found as tables. Pure.

A grid table is boxed: `+----+----+` borders, `|` between cells, a cell's text may run over
several lines (joined with a space), and a `+====+` rule under the header rows. It is never
anything else, so any such box of two columns or more and one row or more is read, figures or
not; a one-column box is a boxed note and stays text.

A simple table has a header line over a rule of dash runs, one run a column
(`-----  ---------  -----`), then one row a line up to a blank line; a multiline table opens
and closes with a full-width dashed line, its header may take several lines, and its rows,
whose cells wrap over lines, are parted by blank lines. Either may have no header (it then
opens and closes with the rule of runs). Cells are cut by the dash runs: each word goes to the
column it overlaps most (`llmx.read.columns`), so right-aligned figures and a word a little out
of its column land right. A rule of runs must have at least three columns and the rows a digit:
the `-------      ---------------` under a two-column letterhead is not a table.
"""

from __future__ import annotations

import itertools
import re

from llmx.read.columns import cells_by_extents, display_positions, extents
from llmx.read.grid_spans import PARTIAL_RULE, spanned_grid
from llmx.read.model import CellSpec, TableSpec
from llmx.read.pipe_tables import split_row
from llmx.read.table_blocks import Block, has_figure, plain_spec

MIN_COLUMNS = 3  # dash runs of a simple or multiline table's rule

_BORDER = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_BOXED = re.compile(r"^\s*\|.*\|\s*$")
_RUNS = re.compile(r"^\s*-{2,}(?:[ ]+-{2,})+\s*$")  # a rule of dash runs, one a column
_FULL = re.compile(r"^\s*-{3,}\s*$")  # a full-width dashed line (a multiline table's edge)


def _bars_at(line: str, bounds: list[int]) -> bool:
    """Every column bound of the border has a `|` on this line (no cell spans it)."""
    pos = display_positions(line)
    at = {p: k for k, p in enumerate(pos)}
    return all(b in at and line[at[b]] == "|" for b in bounds)


def _grid_cells(line: str, bounds: list[int]) -> list[str]:
    """A grid table line's cell texts, cut at the border's `+` columns when the `|` stand there."""
    pos = display_positions(line)
    at = {p: k for k, p in enumerate(pos)}
    if all(b in at and line[at[b]] == "|" for b in bounds):
        return [line[at[a] + 1 : at[b]].strip() for a, b in itertools.pairwise(bounds)]
    return split_row(line) or []


def grid_table(lines: list[str], i: int) -> tuple[Block | None, int]:
    """The pandoc grid table whose top border is line `i`, if one is; and the next line to try."""
    if not _BORDER.match(lines[i]):
        return None, i + 1
    pos = display_positions(lines[i])
    bounds = [pos[k] for k, ch in enumerate(lines[i]) if ch == "+"]
    if len(bounds) < 3:  # one column: a boxed note (`+-----+` / `| LƯU Ý: ... |`), not a table
        return None, i + 1
    rows: list[list[str]] = []
    header = 0
    pending: list[list[str]] = []
    j = i + 1
    last = i  # the last border line seen
    spans = False  # a merged cell: a rule a cell spans down past, or a line without a bar at a bound
    while j < len(lines):
        line = lines[j]
        if _BORDER.match(line):
            if pending:
                rows.append([" ".join(p for p in parts if p) for parts in zip(*pending, strict=False)])
                pending = []
            if "=" in line and not header:
                header = len(rows)
            last = j
        elif PARTIAL_RULE.match(line) and "-" in line:  # a cell above spans down past it
            spans = True
        elif _BOXED.match(line):
            spans = spans or not _bars_at(line, bounds)
            cells = _grid_cells(line, bounds)
            width = max(len(bounds) - 1, len(cells))
            pending.append(cells + [""] * (width - len(cells)))
        else:
            break
        j += 1
    if spans and (spanned := spanned_grid(lines[i : last + 1], bounds)) is not None:
        return Block(i, last + 1, spanned), last + 1
    if not rows:
        return None, i + 1
    width = max(map(len, rows))
    spec = plain_spec(rows, width, header=False)
    if header:
        heads = tuple(tuple(CellSpec(c.text, c.col, header=True) for c in r) for r in spec.rows[:header])
        spec = TableSpec(heads + spec.rows[header:], frozenset(range(header)))
    return Block(i, last + 1, spec), last + 1


def _row_blocks(lines: list[str], first: int, last: int, multiline: bool) -> list[list[str]]:
    """The body lines from `first` to `last` (exclusive) grouped into rows: one a line, or in a
    multiline table the lines between blank lines."""
    if not multiline:
        return [[ln] for ln in lines[first:last] if ln.strip()]
    groups: list[list[str]] = [[]]
    for ln in lines[first:last]:
        if ln.strip():
            groups[-1].append(ln)
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def _row_cells(group: list[str], spans: list[tuple[int, int]]) -> list[str]:
    """One row's cells: each line cut by the column spans, a cell's lines joined by a space."""
    parts = [cells_by_extents(ln, spans) for ln in group]
    return [" ".join(p[c] for p in parts if p[c]) for c in range(len(spans))]


def ruled_table(lines: list[str], i: int) -> tuple[Block | None, int]:
    """The pandoc simple or multiline table that starts at line `i`, if one does; and the next
    line to try. Line `i` is a header line over the rule of runs, the rule itself (no header),
    or the full dashed line that opens a multiline table."""
    line = lines[i]
    after = lines[i + 1] if i + 1 < len(lines) else ""
    opened = _FULL.match(line) is not None
    if opened:
        k = i + 1
        while k < len(lines) and lines[k].strip() and not _RUNS.match(lines[k]):
            k += 1  # header lines: any number in a multiline table
    elif _RUNS.match(line):
        k = i  # no header: the rule of runs opens the table
    elif line.strip() and _RUNS.match(after):
        k = i + 1  # the one header line of a simple table
    else:
        return None, i + 1
    if k >= len(lines) or not _RUNS.match(lines[k]):
        return None, i + 1
    head_lines = lines[i + 1 if opened else i : k]
    spans = extents(lines[k])
    if len(spans) < MIN_COLUMNS or (opened and not head_lines):
        return None, i + 1
    closed_by_runs = not head_lines  # a table without header ends with a rule of runs
    end = k + 1
    while end < len(lines):
        ln = lines[end]
        if (opened and _FULL.match(ln)) or _RUNS.match(ln):
            break
        if not ln.strip() and not (opened or closed_by_runs):
            break
        end += 1
    closing = end < len(lines) and ((opened and _FULL.match(lines[end])) or _RUNS.match(lines[end]))
    if (opened or closed_by_runs) and not closing:
        return None, i + 1
    multiline = opened or any(not ln.strip() for ln in lines[k + 1 : end])
    body = [_row_cells(g, spans) for g in _row_blocks(lines, k + 1, end, multiline)]
    if not body or not has_figure(body) or all(sum(1 for c in r if c) < 2 for r in body):
        return None, i + 1
    rows = ([_row_cells(head_lines, spans)] if head_lines else []) + body
    last = end + 1 if closing else end
    return Block(i, last, plain_spec(rows, len(spans), header=bool(head_lines))), last
