"""A PDF's blocks in reading order: paragraphs rejoined from lines, tables, column blocks, footnotes.

`llmx.read.pdf` decides what each page holds; the flow strings it together across pages: a
hard-wrapped paragraph is rejoined (indent, short last line, list marks, vertical gaps decide),
a paragraph cut by a page break is joined again, a table split by a page break is one table
(its repeated header flagged, a row the break split joined: `llmx.read.pdf_continue`),
and footnotes wait for the paragraph they interrupted. A note continued on the next page (no
mark of its own, under the full-width continuation rule) joins its note.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from llmx.read.model import TableSpec, TextBuilder
from llmx.read.pdf_closing import Closing
from llmx.read.pdf_continue import continued
from llmx.read.pdf_layout import Line, join_line, join_lines
from llmx.read.pdf_tables import Grid, last_row_lines, same_columns
from llmx.vn import NOI_NHAN

_LIST_START = re.compile(
    r"^(?:[-–—+•*▪◦●○■□➢➤✓]\s?|\(?\d{1,3}(?:\.\d{1,3})*[.)/]\s|\(?[a-zđ][).]\s|[IVXLC]{1,6}[./)]\s|"
    # the roman-rooted `III.1.` / `IV.2.3.` of some issuers (the child of `III.`)
    r"[IVX]{1,4}(?:\.\d{1,3})+\.?\s|"
    r"[A-ZĐ][.)]\s|(?:PHẦN|Phần|CHƯƠNG|Chương|Mục|MỤC|Điều)\s)"
)
# `Điều 16 Nghị định ...`: an article cited in running text (no `.`/`:` after its number, as a heading has)
_CITED = re.compile(r"^(?:Điều|Chương|Mục|Phần)\s+(?:\d{1,3}[a-zđ]?|[IVXLC]{1,6})\s+\w")
# `(i)`, `(b)`, `(2)`: an enumeration in brackets, which a sentence may carry inline (`gồm: (i) ...; (ii) ...`)
_INLINE_ENUM = re.compile(r"^\((?:[a-zđ]|[ivx]{1,4}|\d{1,2})\)\s")
# a note's own mark: `[4]`, `4 `, `4()` (LibreOffice's export of `(4)`), `*`, `⁴`
_NOTE_MARK = re.compile(r"^(?:\[\d{1,3}\]|\d{1,3}\(\)|\d{1,3}\s|[*¹²³⁴⁵⁶⁷⁸⁹])")
_MARK_GLUED = re.compile(r"^(\[\d{1,3}\])(?=\S)")  # `[8]Trong đó`: the mark set without a space
# a raised note number in brackets, as drawn at the head of its note: `(4)`, or `4()` where
# LibreOffice sets the number first and the brackets around it after (Word's `(` + mark + `)`)
_BRACKETED_MARK = re.compile(r"\((\d{1,3})\)|(\d{1,3})\(\)")


def note_paragraphs(lines: list[Line]) -> list[str]:
    """Footnote lines as one paragraph per note (a note starts with its `[n]` mark, written
    `[n] text` as the .docx reader writes it, a raised `(n)` too); lines before the first mark
    continue a note from an earlier page."""
    notes: list[str] = []
    for ln in lines:
        text = ln.text()
        head = ln.runs[0]
        if head.index in ln.sup and (m := _BRACKETED_MARK.fullmatch(head.text)) and text.startswith(head.text):
            text = f"[{m.group(1) or m.group(2)}]{text[len(head.text) :]}"  # its number, as `[n]`
        if notes and not _NOTE_MARK.match(text):
            notes[-1] = join_line(notes[-1], text)
        else:
            notes.append(_MARK_GLUED.sub(r"\1 ", text, count=1))
    return notes


class Flow:
    """Blocks in reading order: paragraphs rejoined from lines, tables, column blocks, footnotes."""

    def __init__(self, body: float, pitch: float, left: float, right: float) -> None:
        self.body, self.pitch, self.left, self.right = body, pitch, left, right
        self.blocks: list[str | TableSpec] = []
        self.para: list[str] = []
        self.last: Line | None = None
        self.notes: list[str] = []  # footnotes waiting for the paragraph they interrupted
        self.last_note: int | None = None  # index in `blocks` of the last footnote written
        self.grid: Grid | None = None  # the last table's grid, while nothing came after it
        self._closing: tuple[Closing, int, int] | None = None  # the closing block, where its columns went

    @property
    def has_notes(self) -> bool:
        return bool(self.notes) or self.last_note is not None

    def _write_notes(self, notes: list[str]) -> None:
        if notes:
            self.blocks.extend(notes)
            self.last_note = len(self.blocks) - 1

    def close(self) -> None:
        if self.para:
            self.blocks.append(join_lines(self.para))
        self.para, self.last = [], None
        self._write_notes(self.notes)
        self.notes = []

    def line(self, line: Line, page_start: bool) -> None:
        text = line.text()
        if self.last is None or self._breaks(self.last, line, text, page_start):
            self.close()
        self.grid = None
        self.para.append(text)
        self.last = line

    def _breaks(self, prev: Line, line: Line, text: str, page_start: bool) -> bool:
        size = max(prev.size, line.size)
        if abs(prev.size - line.size) > 0.15 * size or NOI_NHAN.match(text):
            return True  # (`Nơi nhận:` opens the closing block, never goes on a sentence at the margin)
        if (
            _LIST_START.match(text)
            and not (_CITED.match(text) and self._runs_on(prev))
            and not self._inline(prev, text)
        ):
            return True
        if line.x0 > prev.x0 + 0.8 * line.size and (
            line.x0 > self.left + 0.8 * line.size or self._ended(prev, (".", "!", "?", ";", ":"))
        ):
            # a first-line indent starts a paragraph; where most lines are first lines (a short
            # report of one-line paragraphs and headings, `left` is the indent) the sentence before
            # it must have ended (`... 860 con gia súc.` / `Về văn hóa, giáo dục:`)
            return True
        if prev.x1 < self.right - 2.5 * prev.size:
            return True  # the previous line stopped short: its paragraph ended
        if self._ended(prev, (":",)):
            return True
        if page_start:
            return self.para[-1].rstrip().endswith((".", "!", "?", ";"))
        return line.y - prev.y > 1.2 * max(self.pitch, 1.05 * size)

    def _runs_on(self, prev: Line) -> bool:
        """The previous line fills the measure and stops inside its sentence (`... bổ sung khoản 2`):
        the next line goes on with it, even one that starts like a heading (`Điều 16 Nghị định`)."""
        return prev.x1 >= self.right - 2.5 * prev.size and self.para[-1].rstrip()[-1:].isalnum()

    def _inline(self, prev: Line, text: str) -> bool:
        """`(i) ...` under a line that fills the measure to its last half em (justified, so not its
        paragraph's last line) and stops inside its sentence (`..., gồm:`): the enumeration is inline."""
        return (
            bool(_INLINE_ENUM.match(text))
            and prev.x1 >= self.right - 0.5 * prev.size
            and (self.para[-1].rstrip()[-1:].isalnum() or self.para[-1].rstrip().endswith((":", ";", ",")))
        )

    def _ended(self, last: Line, marks: tuple[str, ...] = (".", "!", "?", ":")) -> bool:
        """Whether the paragraph's last line ends it by its mark: a colon only short of the
        margin (it introduces lines of their own; at the margin, justified text goes on)."""
        text = self.para[-1].rstrip()
        if text.endswith(":"):
            return ":" in marks and last.x1 < self.right - 0.5 * last.size
        return text.endswith(marks)

    def columns(self, columns: list[list[str]]) -> None:
        self.close()
        self.grid = None
        self.blocks.extend("\n".join(col) for col in columns if col)

    def closing(self, block: Closing) -> None:
        """The closing block's columns; written again when it goes on after a page break."""
        if self._closing is not None and self._closing[0] is block:
            del self.blocks[self._closing[1] :]
        else:
            self.close()
            self.grid = None
        at = len(self.blocks)
        self.blocks.extend("\n".join(col) for col in block.columns() if col)
        self._closing = (block, at, len(self.blocks))

    def open_closing(self) -> Closing | None:
        """The closing block, while nothing has come after it (it may go on on this page)."""
        if self._closing is None or self.para or self.notes or len(self.blocks) != self._closing[2]:
            return None
        return self._closing[0]

    def table(self, grid: Grid | None, spec: TableSpec, page_start: bool) -> None:
        prev = self.blocks[-1] if self.blocks and not self.para else None
        if (
            page_start
            and grid is not None
            and self.grid is not None
            and isinstance(prev, TableSpec)
            and same_columns(self.grid, grid)
        ):
            self.blocks[-1] = continued(prev, spec, last_row_lines(self.grid), join_line)  # split by a page break
        else:
            self.close()
            self.blocks.append(spec)
        self.grid = grid

    def page_end(self, notes: list[str]) -> None:
        """Footnotes wait for the paragraph or table that runs on to the next page; otherwise they
        go now. A note's text continued from an earlier page (no mark of its own) joins that note."""
        if notes and not _NOTE_MARK.match(notes[0]) and self.has_notes:
            rest = notes[0]
            if self.notes:
                self.notes[-1] = join_line(self.notes[-1], rest)
            elif self.last_note is not None:
                last = self.blocks[self.last_note]
                assert isinstance(last, str)
                self.blocks[self.last_note] = join_line(last, rest)
            notes = notes[1:]
        if self.para and self.last is not None and not self._ended(self.last):
            self.notes.extend(notes)
            return
        if not self.para and self.grid is not None and self.blocks and isinstance(self.blocks[-1], TableSpec):
            self.notes.extend(notes)  # the table may go on at the top of the next page
            return
        self.close()
        self._write_notes(notes)
        if notes:
            self.grid = None

    def finish(self, fix: Callable[[str], str]) -> TextBuilder:
        """The blocks as text; `fix` repairs each paragraph and cell before offsets are taken."""
        self.close()
        builder = TextBuilder()
        for b in self.blocks:
            if isinstance(b, str):
                builder.paragraph(fix(b))
            else:
                rows = tuple(
                    tuple(c if (t := fix(c.text)) == c.text else replace(c, text=t) for c in row) for row in b.rows
                )
                builder.table(replace(b, rows=rows))
        return builder
