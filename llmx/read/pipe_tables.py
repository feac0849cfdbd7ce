"""Pipe tables in a text or markdown file found as tables (`llmx.read.table_blocks`). Pure.

Analysts hand us markdown (pandoc or markitdown conversions, copies from web pages) whose data
sit in GitHub-style tables, and text files where a table was pasted as ` | ` rows (llmx's own
read text writes tables that way). Without a `Table` the KPI-table rules and the prompt's table
layout never see them, so such blocks are found here and `llmx.read.text_tables` rebuilds the
text around them, exactly as the .docx and .html readers hand tables on. Two shapes count:

- a GitHub-style table: a header row, a delimiter row (`|---|:---:|`, outer pipes optional) with
  as many cells, then body rows up to a blank line or a line without a pipe; the delimiter row is
  dropped, the header cells are marked header, `\\|` stays inside its cell, short rows are padded;
  a two-level header a converter flattened into two rows (a merged cell followed by empty cells)
  is given back its spans, as a Word table with merged header cells is read;
- a run of at least two consecutive lines with the same number (>= 3) of `|`-separated cells and
  a digit somewhere in them (a pasted table has no delimiter row); one blank line between two
  such lines does not end the run (a web copy sets every paragraph apart, rows too). A web menu line
  (`Trang chủ | Giới thiệu | Tin tức`), a single line with pipes or prose with one `|` is not one.

Fenced code blocks and the rebuilding of the text are `text_tables`' part.
"""

from __future__ import annotations

import re

from llmx.read.merged_headers import body_rows, flat_header, label_spans, widen_header
from llmx.read.model import CellSpec, TableSpec
from llmx.read.table_blocks import FENCE, FIGURE, Block, has_figure, past_one_blank, plain_spec

MIN_RUN_ROWS = 2  # lines of a pasted table without a delimiter row
MIN_RUN_CELLS = 3  # cells per such line (two separators): one `a | b` in prose is not a table

_PIPE = re.compile(r"(?<!\\)\|")
_DELIMITER_CELL = re.compile(r"^:?-+:?$")


def split_row(line: str) -> list[str] | None:
    """The cells of a pipe row (outer pipes dropped, `\\|` kept as `|`); None without a pipe.

    Pasted rows (`a | b | `) end with an empty cell, so a trailing pipe is an outer pipe only
    after a leading one."""
    body = line.strip()
    if not _PIPE.search(body):
        return None
    # ` | a | b` (one space before the pipe) is a row whose first cell is empty, as a table is
    # written with ` | ` between cells; a markdown row starts with its pipe or is indented further
    lead = line[: len(line) - len(line.lstrip())]
    outer = not lead or (lead != " " and body.endswith("|"))
    if body.startswith("|") and outer:  # outer pipes: without a leading one, a trailing `|` ends an empty last cell
        body = body[1:]
        if body.endswith("|") and not body.endswith("\\|"):
            body = body[:-1]
    return [cell.strip().replace("\\|", "|") for cell in _PIPE.split(body)]


def _is_delimiter(line: str, width: int) -> bool:
    """A GitHub delimiter row (`|---|:--:|`) with one cell per header cell."""
    if "-" not in line or not _PIPE.search(line):
        return False
    cells = split_row(line)
    return cells is not None and len(cells) == width and all(_DELIMITER_CELL.match(c.replace(" ", "")) for c in cells)


def _groups(head: list[str]) -> dict[int, int]:
    """Header cells followed by empty ones (a merged cell flattened): first column -> width."""
    groups: dict[int, int] = {}
    for col, text in enumerate(head):
        if text and col + 1 < len(head) and not head[col + 1]:
            width = 1
            while col + width < len(head) and not head[col + width]:
                width += 1
            groups[col] = width
    return groups


def two_level(rows: list[list[str]], width: int) -> TableSpec | None:
    """A two-level header a converter flattened (`Năm 2026 |  | ` over `Kế hoạch | Thực hiện | %`):
    the second row names only columns under a cell followed by empty ones and holds no figure.
    Returned as the readers give a merged Word header: the top cell spans its columns, the
    single cells span down, and the covered positions are empty stand-ins."""
    if len(rows) < 3:
        return None
    head, sub = (r + [""] * (width - len(r)) for r in rows[:2])
    groups = _groups(head)
    under = {c for first, w in groups.items() for c in range(first, first + w)}
    filled = [c for c, t in enumerate(sub) if t]
    if not groups or len(filled) < 2 or any(c not in under for c in filled) or any(FIGURE.match(t) for t in sub):
        return None
    top = tuple(
        CellSpec(t, c, colspan=groups.get(c, 1), rowspan=1 if c in groups else 2, header=True)
        for c, t in enumerate(head)
        if c not in under or c in groups
    )
    second = tuple(CellSpec(t, c, header=True, covered=c not in under) for c, t in enumerate(sub))
    body = plain_spec(rows[2:], width, header=False).rows
    return TableSpec((top, second, *body), frozenset({0, 1}))


def github_table(lines: list[str], i: int) -> tuple[Block | None, int]:
    """The GitHub-style table whose header row is line `i`, if line `i + 1` is its delimiter;
    and the next line to try (a finder's answer, as `text_tables` asks for it)."""
    head = split_row(lines[i])
    if head is None or i + 1 >= len(lines) or not _is_delimiter(lines[i + 1], len(head)):
        return None, i + 1
    rows = [head]
    j = i + 2
    while j < len(lines) and lines[j].strip() and not FENCE.match(lines[j]) and (cells := split_row(lines[j])):
        while len(cells) > len(head) and not cells[-1]:  # `a | b |` under a header written without outer pipes
            cells.pop()
        rows.append(cells)
        j += 1
    width = max(map(len, rows))
    return Block(i, j, flat_header(rows, width) or two_level(rows, width) or plain_spec(rows, width, header=True)), j


MAX_SHORT_HEADER_ROWS = 2  # upper header rows pasted with fewer cells than the table (merged cells)


def pasted_run(lines: list[str], i: int) -> tuple[Block | None, int]:
    """Consecutive ` | ` lines from line `i` with the same number of cells and a digit among them,
    and the line after the run (no run can start inside a run that failed: it has no digit).
    Upper header rows with fewer cells (merged header cells written once) are read with the run
    under them (`merged_headers`)."""
    first = split_row(lines[i])
    if first is not None and len(first) >= 2:
        tops, k = [first], i
        for _ in range(MAX_SHORT_HEADER_ROWS):
            k = past_one_blank(lines, k + 1)
            if k >= len(lines) or (cells := split_row(lines[k])) is None or len(cells) <= len(tops[-1]):
                break
            block, j = _same_width_run(lines, k)
            if block is not None and (spec := widen_header([*tops, *block], len(tops), len(block[0]))) is not None:
                return Block(i, j, spec), j
            tops.append(cells)
    if first is None or len(first) < MIN_RUN_CELLS:
        return None, i + 1
    rows, j = _same_width_run(lines, i)
    if rows is None:
        return None, j
    if any(len(r) < len(first) for r in rows):  # a total row whose label spans the first columns
        return Block(i, j, TableSpec(body_rows(rows, len(first)), frozenset())), j
    spec = flat_header(rows, len(first)) or two_level(rows, len(first))
    return Block(i, j, spec or plain_spec(rows, len(first), header=False)), j


def _same_width_run(lines: list[str], i: int) -> tuple[list[list[str]] | None, int]:
    """The rows of the run of same-width ` | ` lines from line `i` (None: not a table), and the
    line after it."""
    first = split_row(lines[i])
    if first is None or len(first) < MIN_RUN_CELLS:
        return None, i + 1
    rows = [first]
    j = i + 1
    while True:
        k = past_one_blank(lines, j)
        if (
            k >= len(lines)
            or FENCE.match(lines[k])
            or (cells := split_row(lines[k])) is None
            or (len(cells) != len(first) and not label_spans(cells, len(first)))
        ):
            break
        rows.append(cells)
        j = k + 1
    if sum(len(r) == len(first) for r in rows) < MIN_RUN_ROWS or not has_figure(rows):
        return None, j
    return rows, j
