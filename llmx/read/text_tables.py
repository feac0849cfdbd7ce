"""Tables written as text in a .txt or .md file rebuilt as real tables (`llmx.read.model`). Pure.

Analysts bring text files whose tables were written in many ways: markdown pipe tables and
pasted ` | ` rows (`pipe_tables`), tab-separated rows pasted from Excel or Word (`tab_tables`),
pandoc grid, simple and multiline tables (`ruled_tables`) and columns aligned by spaces as
`pdftotext -layout` writes them (`aligned_tables`). Without a `Table` the KPI-table rules and
the prompt's table layout never see their rows, so each finder is asked, line by line, whether
a table starts there; the text is then rebuilt through `TextBuilder` exactly as the .docx and
.html readers hand tables on: one row per line, cells joined by ` | `, a blank line around.

Nothing inside a fenced code block (``` or ~~~) is read as a table. A text without any table is
returned unchanged (same text, same offsets); prose around a table keeps its wording, only the
blank lines that set the table apart are made exactly one, as every reader does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from llmx.read.aligned_tables import aligned_table
from llmx.read.model import Extracted, TextBuilder
from llmx.read.pipe_tables import github_table, pasted_run
from llmx.read.ruled_tables import grid_table, ruled_table
from llmx.read.tab_tables import tab_run
from llmx.read.table_blocks import FENCE, Block

Finder = Callable[[list[str], int], tuple[Block | None, int]]

# Most certain first: a form with rules or a delimiter row is claimed before a looser reading
# (a grid table's rows also hold pipes, a simple table's rows are also aligned by spaces).
FINDERS: tuple[Finder, ...] = (grid_table, github_table, ruled_table, tab_run, pasted_run, aligned_table)

# What a line needs for any finder to start a table on it (a pipe, a tab, a border or dash rule,
# a gap of two spaces) or just before a rule; a line of plain prose is passed over at once.
_MAY_START = re.compile(r"[|\t+]|--| {2}\S")


@lru_cache(maxsize=1)  # a .txt is scanned for its table lines, then (mostly unchanged by unwrap) read
def _blocks_of(text: str) -> tuple[Block, ...]:
    return tuple(find_blocks(text.split("\n")))


def find_blocks(lines: list[str]) -> list[Block]:
    """Every table written as text in `lines`, outside fenced code blocks, in order."""
    found: list[Block] = []
    fence: str | None = None
    retry = [0] * len(FINDERS)  # a finder that failed over a run of lines is not asked inside it again
    i = 0
    while i < len(lines):
        mark = FENCE.match(lines[i])
        if fence is not None:
            if mark and mark.group(1)[0] == fence[0] and len(mark.group(1)) >= len(fence):
                fence = None
            i += 1
            continue
        if mark:
            fence = mark.group(1)
            i += 1
            continue
        block = None
        if not _MAY_START.search(lines[i]) and not (i + 1 < len(lines) and "--" in lines[i + 1]):
            i += 1
            continue
        for k, finder in enumerate(FINDERS):
            if i < retry[k]:
                continue
            block, retry[k] = finder(lines, i)
            if block is not None:
                break
        if block is None:
            i += 1
            continue
        found.append(block)
        i = block.last
    return found


def table_lines(text: str) -> set[int]:
    """Indices of the lines of `text` that belong to a table (kept apart when prose is rejoined)."""
    return {n for b in _blocks_of(text) for n in range(b.first, b.last)}


def read_text_tables(text: str) -> Extracted:
    """`text` with its text tables laid out as the readers lay out tables, and those tables."""
    blocks = _blocks_of(text)
    if not blocks:
        return Extracted(text)
    lines = text.split("\n")
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
