"""Pipe tables in a text or markdown file rebuilt as real tables (`llmx.read.model`). Pure.

Analysts hand us markdown (pandoc or markitdown conversions, copies from web pages) whose data
sit in GitHub-style tables, and text files where a table was pasted as ` | ` rows (llmx's own
read text writes tables that way). Without a `Table` the KPI-table rules and the prompt's table
layout never see them, so such blocks are found here and the text is rebuilt through
`TextBuilder`, exactly as the .docx and .html readers hand tables on. Two shapes count:

- a GitHub-style table: a header row, a delimiter row (`|---|:---:|`, outer pipes optional) with
  as many cells, then body rows up to a blank line or a line without a pipe; the delimiter row is
  dropped, the header cells are marked header, `\\|` stays inside its cell, short rows are padded;
  a two-level header a converter flattened into two rows (a merged cell followed by empty cells)
  is given back its spans, as a Word table with merged header cells is read;
- a run of at least two consecutive lines with the same number (>= 3) of `|`-separated cells and
  a digit somewhere in them (a pasted table has no delimiter row); one blank line between two
  such lines does not end the run (a web copy sets every paragraph apart, rows too). A web menu line
  (`Trang chủ | Giới thiệu | Tin tức`), a single line with pipes or prose with one `|` is not one.

Nothing inside a fenced code block (``` or ~~~) is read as a table. A text without any pipe
table is returned unchanged (same text, same offsets); prose around a table keeps its wording,
only the blank lines that set the table apart are made exactly one, as every reader does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from llmx.read.model import CellSpec, Extracted, TableSpec, TextBuilder

MIN_RUN_ROWS = 2  # lines of a pasted table without a delimiter row
MIN_RUN_CELLS = 3  # cells per such line (two separators): one `a | b` in prose is not a table

_PIPE = re.compile(r"(?<!\\)\|")
_DELIMITER_CELL = re.compile(r"^:?-+:?$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"^[-+–]?\s*\d[\d.,%\s]*$")  # a cell that is a figure, not a column name


@dataclass(frozen=True)
class _Block:
    """A table found in the text: its first and past-the-last line, and its cells."""

    first: int
    last: int  # exclusive
    spec: TableSpec


def split_row(line: str) -> list[str] | None:
    """The cells of a pipe row (outer pipes dropped, `\\|` kept as `|`); None without a pipe.

    Pasted rows (`a | b | `) end with an empty cell, so a trailing pipe is an outer pipe only
    after a leading one."""
    body = line.strip()
    if not _PIPE.search(body):
        return None
    if body.startswith("|"):  # outer pipes: without a leading one, a trailing `|` ends an empty last cell
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


def _spec(rows: list[list[str]], width: int, header: bool) -> TableSpec:
    """Rows of cell texts as a table spec, short rows padded to `width` with empty cells."""
    out = []
    for k, cells in enumerate(rows):
        padded = cells + [""] * (width - len(cells))
        out.append(tuple(CellSpec(t, col, header=header and k == 0) for col, t in enumerate(padded)))
    return TableSpec(tuple(out), frozenset({0}) if header else frozenset())


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


def _two_level(rows: list[list[str]], width: int) -> TableSpec | None:
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
    if not groups or len(filled) < 2 or any(c not in under for c in filled) or any(_NUMBER.match(t) for t in sub):
        return None
    top = tuple(
        CellSpec(t, c, colspan=groups.get(c, 1), rowspan=1 if c in groups else 2, header=True)
        for c, t in enumerate(head)
        if c not in under or c in groups
    )
    second = tuple(CellSpec(t, c, header=True, covered=c not in under) for c, t in enumerate(sub))
    body = _spec(rows[2:], width, header=False).rows
    return TableSpec((top, second, *body), frozenset({0, 1}))


def _github_table(lines: list[str], i: int) -> _Block | None:
    """The GitHub-style table whose header row is line `i`, if line `i + 1` is its delimiter."""
    head = split_row(lines[i])
    if head is None or i + 1 >= len(lines) or not _is_delimiter(lines[i + 1], len(head)):
        return None
    rows = [head]
    j = i + 2
    while j < len(lines) and lines[j].strip() and not _FENCE.match(lines[j]) and (cells := split_row(lines[j])):
        while len(cells) > len(head) and not cells[-1]:  # `a | b |` under a header written without outer pipes
            cells.pop()
        rows.append(cells)
        j += 1
    width = max(map(len, rows))
    return _Block(i, j, _two_level(rows, width) or _spec(rows, width, header=True))


def _pasted_run(lines: list[str], i: int) -> tuple[_Block | None, int]:
    """Consecutive ` | ` lines from line `i` with the same number of cells and a digit among them,
    and the line after the run (no run can start inside a run that failed: it has no digit)."""
    first = split_row(lines[i])
    if first is None or len(first) < MIN_RUN_CELLS:
        return None, i + 1
    rows = [first]
    j = i + 1
    while True:
        # one blank line between rows of the same width (a web copy sets every paragraph apart) goes on
        k = j + 1 if j + 1 < len(lines) and not lines[j].strip() else j
        if (
            k >= len(lines)
            or _FENCE.match(lines[k])
            or (cells := split_row(lines[k])) is None
            or len(cells) != len(first)
        ):
            break
        rows.append(cells)
        j = k + 1
    if len(rows) < MIN_RUN_ROWS or not any(_DIGIT.search(c) for row in rows for c in row):
        return None, j
    return _Block(i, j, _spec(rows, len(first), header=False)), j


def _blocks(lines: list[str]) -> list[_Block]:
    """Every pipe table in `lines`, outside fenced code blocks, in order."""
    found: list[_Block] = []
    fence: str | None = None
    no_run_before = 0  # lines of a failed pasted run are not tried again (keeps the scan linear)
    i = 0
    while i < len(lines):
        line = lines[i]
        mark = _FENCE.match(line)
        if fence is not None:
            if mark and mark.group(1)[0] == fence[0] and len(mark.group(1)) >= len(fence):
                fence = None
            i += 1
            continue
        if mark:
            fence = mark.group(1)
            i += 1
            continue
        block = _github_table(lines, i)
        if block is None and i >= no_run_before:
            block, no_run_before = _pasted_run(lines, i)
        if block is None:
            i += 1
            continue
        found.append(block)
        i = block.last
    return found


def read_pipe_tables(text: str) -> Extracted:
    """`text` with its pipe tables laid out as the readers lay out tables, and those tables."""
    if "|" not in text:
        return Extracted(text)
    lines = text.split("\n")
    blocks = _blocks(lines)
    if not blocks:
        return Extracted(text)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    builder = TextBuilder()
    pos = 0
    for block in blocks:
        before = text[pos : starts[block.first]].strip("\r\n") if pos else text[: starts[block.first]].rstrip("\r\n")
        if before:
            builder.paragraph(before)
        builder.table(block.spec)
        pos = min(starts[block.last], len(text))
        if block.last == len(lines):
            pos = len(text)
    rest = text[pos:].lstrip("\r\n")
    if rest:
        builder.paragraph(rest)
    return Extracted(builder.text(), tables=builder.tables)
