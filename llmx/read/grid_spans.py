"""Pandoc grid tables with merged cells read with their spans. Pure.

Pandoc writes a Word table whose header has merged cells as a grid table in which a cell
spanning columns has no `|` at the column bounds it covers, and a cell spanning rows has blanks
instead of dashes in the rule under it (`|     |  +------+------+`, a partial rule):

    +-----+----------+---------------------+
    | STT | Chỉ tiêu | Kết quả thực hiện   |
    |     |          +----------+----------+
    |     |          | Kế hoạch | Thực hiện|
    +=====+==========+==========+==========+

`grid_table` (`ruled_tables`) hands such a table here: each cell is the box between the rules
and bars around it, given as the .docx reader gives a merged Word cell (colspan, rowspan, a
covered stand-in where a cell above spans down, `model.grid_rows`).
"""

from __future__ import annotations

import re
from itertools import pairwise

from llmx.read.columns import display_positions
from llmx.read.model import CellSpec, TableSpec, grid_rows

PARTIAL_RULE = re.compile(r"^\s*[+|](?:(?:[-=:]+|\s+)[+|])+\s*$")  # `|     |   +-----+`


def _at(line: str, pos: list[int], col: int) -> str:
    """The character of `line` at display column `col` (a space past its end)."""
    for k, p in enumerate(pos):
        if p == col:
            return line[k]
    return " "


def _between(line: str, pos: list[int], left: int, right: int) -> str:
    return "".join(ch for k, ch in enumerate(line) if left < pos[k] < right).strip()


def spanned_grid(lines: list[str], bounds: list[int]) -> TableSpec | None:
    """The grid table of `lines` (top border first, bottom border last) with its spans, or None
    when its rules and rows do not fit together."""
    rule_lines = [ln for ln in lines if PARTIAL_RULE.match(ln) and ("-" in ln or "=" in ln)]
    # a rule may set a bound the top border has not (pandoc draws the top over the first row's cells)
    bounds = sorted({p for ln in rule_lines for k, p in enumerate(display_positions(ln)) if ln[k] == "+"} | set(bounds))
    bands: list[list[str]] = [[]]
    rules: list[tuple[bool, ...]] = []  # per rule under a band: which columns it closes
    header = 0
    cols = len(bounds) - 1
    for line in lines[1:]:
        pos = display_positions(line)
        if PARTIAL_RULE.match(line) and ("-" in line or "=" in line):
            segments = [_between(line, pos, a, b) for a, b in pairwise(bounds)]
            closes = tuple(bool(t) and not t.strip("-=:") for t in segments)
            rules.append(closes)
            if "=" in line and not header:
                header = len(bands)
            bands.append([])
        else:
            bands[-1].append(line)
    bands = bands[:-1]
    if not bands or any(not b for b in bands) or len(rules) != len(bands):
        return None
    owner: dict[tuple[int, int], bool] = {}
    rows: list[list[CellSpec]] = []
    for r, band in enumerate(bands):
        first = band[0]
        pos = display_positions(first)
        row: list[CellSpec] = []
        for c in range(cols):
            if (r, c) in owner:
                continue
            span = 1
            while c + span < cols and _at(first, pos, bounds[c + span]) not in "|+":
                span += 1
            down = 1
            while r + down - 1 < len(rules) - 1 and not rules[r + down - 1][c]:
                down += 1
            texts = []
            for b in bands[r : r + down]:
                for ln in b:
                    t = _between(ln, display_positions(ln), bounds[c], bounds[c + span])
                    if t and set(t) - set("-=+:| "):
                        texts.append(t)
            for dr in range(down):
                for dc in range(span):
                    owner[(r + dr, c + dc)] = True
            row.append(CellSpec(" ".join(texts), c, span, down, header=r < header))
        rows.append(row)
    return TableSpec(grid_rows(rows), frozenset(range(header)))
