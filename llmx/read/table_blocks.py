"""A table found among the lines of a text file, before the text is rebuilt around it. Pure.

Every finder of text tables (`pipe_tables`, `tab_tables`, `ruled_tables`, `aligned_tables`)
hands on the same thing: the lines the table takes and its cells as a `TableSpec`, so
`text_tables` lays every form out the one way the .docx and .html readers lay out tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from llmx.read.model import CellSpec, TableSpec

DIGIT = re.compile(r"\d")
# A piece that fills no cell of its own: punctuation only (the `:` of `label\t:\tvalue`) or a list
# mark (`a)`, `1.`, `II.`, `-`) that opens a line of a list or of a table of contents.
_FILLER = re.compile(r"^(?:[\s:;,.\-–—+*•…]*|(?:[IVXLC]+|\d{1,2}|[a-zđ])[.)])$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")  # a fenced code block opens or closes: nothing in it is a table
FIGURE = re.compile(r"^[-+–]?\s*\d[\d.,%\s]*$")  # a cell that is a figure, not a column name


@dataclass(frozen=True)
class Block:
    """A table found in the text: its first and past-the-last line, and its cells."""

    first: int
    last: int  # exclusive
    spec: TableSpec


def plain_spec(rows: list[list[str]], width: int, header: bool) -> TableSpec:
    """Rows of cell texts as a table spec, short rows padded to `width` with empty cells;
    with `header` the first row is the header row."""
    out = []
    for k, cells in enumerate(rows):
        padded = cells + [""] * (width - len(cells))
        out.append(tuple(CellSpec(t, col, header=header and k == 0) for col, t in enumerate(padded)))
    return TableSpec(tuple(out), frozenset({0}) if header else frozenset())


def has_figure(rows: list[list[str]]) -> bool:
    """Some cell of `rows` holds a digit (a table of figures, not a row of words)."""
    return any(DIGIT.search(c) for row in rows for c in row)


def fills_a_cell(piece: str) -> bool:
    """`piece` is a cell's content, not punctuation or a list mark set apart by tabs or spaces."""
    return _FILLER.match(piece) is None


def past_one_blank(lines: list[str], j: int) -> int:
    """Line `j`, or the line after it when `j` is blank: a web copy sets every line apart, a
    table's rows and header rows too, so one blank line never ends a table by itself."""
    return j + 1 if j + 1 < len(lines) and not lines[j].strip() else j
