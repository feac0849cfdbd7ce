"""PDF to text through PDFium's text layer, laid out: reading order, paragraphs, tables, no furniture.

Why PDFium (pypdfium2): measured on the corpus and on LibreOffice exports (`benchmarks/reading.py`),
it reads the text layer as faithfully as pdftotext, pdfminer.six, pdfplumber and pypdf, and is the
only one of them fast enough to stay within a small factor of pdftotext (the pure-Python readers
are 10-40x slower). The layout on top of it is ours (`llmx.read.pdf_layout`, `pdf_tables`):
paragraphs rejoined from hard-wrapped lines (a blank line between paragraphs, as the .docx reader
writes them), ruled tables one row per line, header and signature blocks column by column,
footnotes after the paragraph they interrupt, page numbers and running headers dropped. A text
layer that still reads as garbage is repaired where that is safe and otherwise reported
(`llmx.read.garble`). Scanned PDFs are refused ("needs OCR"), never silently empty.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from statistics import median

from llmx.errors import InputError
from llmx.read.garble import Repairs, page_quality, quality_problems, repair
from llmx.read.guards import Limits, check_pdf_streams
from llmx.read.model import CellSpec, Extracted, TableSpec, TextBuilder, cell_text
from llmx.read.pdf_layout import Line, build_lines, join_runs, split_notes, strip_furniture
from llmx.read.pdf_page import PageContent, Rule, Run, page_content
from llmx.read.pdf_tables import Grid, find_grids, place, same_columns, table_spec

_LIST_START = re.compile(
    r"^(?:[-–—+•*▪◦●○■□➢➤✓]\s?|\(?\d{1,3}(?:\.\d{1,3})*[.)/]\s|\(?[a-zđ][).]\s|[IVXLC]{1,6}[./)]\s|"
    r"[A-ZĐ][.)]\s|(?:PHẦN|Phần|CHƯƠNG|Chương|Mục|MỤC|Điều)\s)"
)
_LAYOUT_WORDS = re.compile(
    r"CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*[-–]\s*Tự do|ĐẢNG CỘNG SẢN VIỆT NAM|Nơi nhận|Kính gửi|"
    r"^(?:T/?M|KT|TL|TUQ)\.?\s|CHỦ TỊCH|GIÁM ĐỐC|BÍ THƯ"
)
_NOTE_MARK = re.compile(r"^(?:\[\d{1,3}\]|\d{1,3}\s|[*¹²³⁴⁵⁶⁷⁸⁹])")
_SPLIT_LINE = 5.0  # em: a lone line with a gap this wide holds two cells (`Số: ...   Hà Nội, ngày ...`)


@dataclass
class _Page:
    number: int
    content: PageContent
    grids: list[Grid]
    loose: list[Rule]
    lines: list[Line]
    notes: list[Line]


def read_pdf(data: bytes, path: str, limits: Limits | None = None) -> Extracted:
    """Text of a PDF's text layer laid out as paragraphs and tables, plus problem messages."""
    import pypdfium2 as pdfium

    check_pdf_streams(data, limits or Limits(), path)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError("PDF is encrypted with a password; remove the password first", path=path) from exc
        raise InputError(f"damaged or unreadable PDF ({exc})", path=path) from exc
    try:
        pages = [_read_page(pdf, i) for i in range(len(pdf))]
    except pdfium.PdfiumError as exc:
        raise InputError(f"damaged or unreadable PDF ({exc})", path=path) from exc
    finally:
        pdf.close()
    if not any(p.content.chars for p in pages):
        raise InputError("PDF has no text layer (scanned image?); it needs OCR first", path=path)
    problems: list[str] = []
    empty = [str(p.number) for p in pages if not p.content.chars]
    if empty:
        problems.append(
            f"PDF page(s) {', '.join(empty)} of {len(pages)} have no text layer (scanned?); their content is missing"
        )
    repairs = Repairs()
    builder = _layout(pages, lambda s: repair(s, repairs))
    quality = [(p.number, page_quality(repair(_page_text(p)), p.content.unmapped)) for p in pages if p.content.chars]
    problems += quality_problems(quality, repairs)
    return Extracted(builder.text(), builder.tables, problems)


def _page_text(page: _Page) -> str:
    cells = (g.texts.get(k) or _cell_text(runs) for g in page.grids for k, runs in g.runs.items())
    return "\n".join([*(ln.text() for ln in page.lines + page.notes), *cells])


def _read_page(pdf: object, i: int) -> _Page:
    import pypdfium2.raw as pdfium_c

    page = pdf[i]  # type: ignore[index]
    # stamps and form fields (a signed report's number and date) live in annotations:
    # flattened into the page, their text is read in place like the rest
    if (
        pdfium_c.FPDFPage_GetAnnotCount(page.raw) > 0
        and pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY) == pdfium_c.FLATTEN_SUCCESS
    ):
        page.close()
        page = pdf[i]  # type: ignore[index]
    textpage = page.get_textpage()
    try:
        content = page_content(page, textpage, page.get_rotation(), page.get_width(), page.get_height())
    finally:
        textpage.close()
        page.close()
    grids, loose = find_grids(content.rules)
    flow: list[Run] = []
    inside: list[list[Run]] = [[] for _ in grids]
    for run in content.runs:
        k = next((k for k, g in enumerate(grids) if g.contains(run)), -1)
        if k < 0:
            flow.append(run)
        else:
            inside[k].append(run)
    for grid, runs in zip(grids, inside, strict=True):
        place(grid, runs)
    grids = [g for g in grids if g.runs]  # a ruled frame with no words is a drawing, not a table
    return _Page(i + 1, content, grids, loose, build_lines(flow), [])


def _layout(pages: list[_Page], fix: Callable[[str], str]) -> TextBuilder:
    lines = [ln for p in pages for ln in p.lines]
    if not lines:
        flow = _Flow(12.0, 12.0 * 1.2, 0.0, 600.0)
    else:
        sizes: Counter[float] = Counter()
        for ln in lines:
            sizes[round(ln.size)] += len(ln.runs)
        body = float(sizes.most_common(1)[0][0])
        body_lines = [ln for ln in lines if abs(ln.size - body) <= 1.0]
        left = float(Counter(round(ln.x0) for ln in body_lines).most_common(1)[0][0]) if body_lines else 0.0
        rights = sorted(ln.x1 for ln in body_lines) or [600.0]
        width = max(p.content.width for p in pages)
        # the text's right edge; never left of where symmetric margins would put it (few lines)
        right = max(rights[int(0.9 * (len(rights) - 1))], width - left - 2 * body)
        pitches = [
            b.y - a.y
            for p in pages
            for a, b in zip(p.lines, p.lines[1:], strict=False)
            if abs(a.size - body) <= 1.0 and abs(b.size - body) <= 1.0 and 0.8 * body < b.y - a.y < 3 * body
        ]
        pitch = median(pitches) if pitches else 1.2 * body
        flow = _Flow(body, pitch, left, right)
    strip_furniture([p.lines for p in pages])
    for p in pages:
        if p.lines:
            k = split_notes(p.lines, p.loose, flow.body, flow.left, p.content.width)
            p.lines, p.notes = p.lines[:k], p.lines[k:]
        _page(p, flow)
        flow.page_end(_notes(p.notes))
    return flow.finish(fix)


def _notes(lines: list[Line]) -> list[str]:
    """Footnote lines as one paragraph per note (a note starts with its `[n]` mark)."""
    notes: list[str] = []
    for ln in lines:
        text = ln.text()
        if notes and not _NOTE_MARK.match(text):
            notes[-1] += " " + text
        else:
            notes.append(text)
    return notes


def _page(page: _Page, flow: _Flow) -> None:
    """The page's lines and tables, top to bottom, into the flow."""
    items: list[tuple[float, int, Line | Grid]] = [(ln.y, 1, ln) for ln in page.lines]
    items += [(g.top, 0, g) for g in page.grids]
    items.sort(key=lambda t: (t[0], t[1]))
    seq = [it[2] for it in items]
    k = 0
    first = True
    while k < len(seq):
        item = seq[k]
        if isinstance(item, Grid):
            spec = table_spec(item, _cell_text, page.number)
            if _layout_grid(spec):  # a framed header or signature block, read like its .docx table
                flow.columns([[c.text for c in col if c.text] for col in _by_column(spec)])
            else:
                flow.table(item, spec, first)
            k += 1
        else:
            end, columns, rows = _column_block(seq, k)
            if columns is None and rows is None:
                flow.line(item, first)
            elif rows is not None:
                flow.table(None, TableSpec(tuple(tuple(r) for r in rows), page=page.number), first)
            else:
                flow.columns(columns or [])
            k = end
        first = False


def _layout_grid(spec: TableSpec) -> bool:
    width = max((c.col + c.colspan for row in spec.rows for c in row), default=0)
    return len(spec.rows) <= 4 and width <= 3 and any(_LAYOUT_WORDS.search(c.text) for row in spec.rows for c in row)


def _by_column(spec: TableSpec) -> list[list[CellSpec]]:
    """A layout grid's cells column by column (the header's left cell, then its right cell)."""
    width = max((c.col + c.colspan for row in spec.rows for c in row), default=0)
    return [[c for row in spec.rows for c in row if c.col == k and not c.covered] for k in range(width)]


def _cell_text(runs: list[Run]) -> str:
    """A table cell's words: its lines top to bottom, joined with a space."""
    if not runs:
        return ""
    y = runs[0].y
    if all(abs(r.y - y) <= 1.0 for r in runs):  # one line, already in reading order
        return join_runs(sorted(runs, key=lambda r: r.x0))
    return " ".join(ln.text() for ln in build_lines(runs))


def _column_block(seq: list[Line | Grid], k: int) -> tuple[int, list[list[str]] | None, list[list[CellSpec]] | None]:
    """Lines from `k` that share gutters: (end, columns) for a layout block, (end, rows) for an
    unruled table, or (k + 1, None, None) for an ordinary line."""
    first = seq[k]
    assert isinstance(first, Line)
    segs = first.segments()
    if len(segs) < 2:
        return k + 1, None, None
    gutters = [[a[-1].x1, b[0].x0] for a, b in itertools.pairwise(segs)]
    members = [first]
    j = k + 1
    while j < len(seq):
        ln = seq[j]
        if not isinstance(ln, Line) or ln.y - members[-1].y > 2.6 * max(ln.size, members[-1].size):
            break
        trial = [g[:] for g in gutters]
        if not _fits(ln, trial, first.size):
            break
        gutters = trial
        members.append(ln)
        j += 1
    if len(members) == 1:
        gap = max(b[0].x0 - a[-1].x1 for a, b in itertools.pairwise(segs))
        if gap < _SPLIT_LINE * first.size:
            return k + 1, None, None
    columns: list[list[str]] = [[] for _ in range(len(gutters) + 1)]
    grid: list[list[str]] = []
    for ln in members:
        cells = [[] for _ in columns]  # type: list[list[Run]]
        for seg in ln.segments():
            col = sum(1 for g in gutters if seg[0].x0 >= g[1] - 1.0)
            cells[min(col, len(cells) - 1)].extend(seg)
        texts = [join_runs(c, ln.sup) if c else "" for c in cells]
        grid.append(texts)
        for c, t in enumerate(texts):
            if t:
                columns[c].append(t)
    full = sum(1 for row in grid if all(row))
    layout = any(_LAYOUT_WORDS.search(t) for row in grid for t in row)
    if not layout and (len(columns) >= 3 or (len(members) >= 4 and full >= 0.8 * len(members))):
        rows = [[CellSpec(cell_text(t), c) for c, t in enumerate(row)] for row in grid]
        return j, None, rows
    return j, columns, None


def _fits(line: Line, gutters: list[list[float]], size: float) -> bool:
    """Whether every segment of `line` stays out of the gutters (which shrink to make room)."""
    if line.size > 1.35 * size or line.size < 0.6 * size:
        return False
    for seg in line.segments():
        x0, x1 = seg[0].x0, max(r.x1 for r in seg)
        for g in gutters:
            if x0 < g[1] and x1 > g[0]:
                if (x0 + x1) / 2 < (g[0] + g[1]) / 2:
                    g[0] = x1
                else:
                    g[1] = x0
                if g[1] - g[0] < 0.5 * size:
                    return False
    return True


class _Flow:
    """Blocks in reading order: paragraphs rejoined from lines, tables, column blocks, footnotes."""

    def __init__(self, body: float, pitch: float, left: float, right: float) -> None:
        self.body, self.pitch, self.left, self.right = body, pitch, left, right
        self.blocks: list[str | TableSpec] = []
        self.para: list[str] = []
        self.last: Line | None = None
        self.notes: list[str] = []
        self.grid: Grid | None = None  # the last table's grid, while nothing came after it

    def close(self) -> None:
        if self.para:
            self.blocks.append(" ".join(self.para))
        self.para, self.last = [], None
        if self.notes:
            self.blocks.extend(self.notes)
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
        if abs(prev.size - line.size) > 0.15 * size or _LIST_START.match(text):
            return True
        if line.x0 > self.left + 0.8 * line.size and line.x0 > prev.x0 + 0.8 * line.size:
            return True  # a first-line indent starts a paragraph
        if prev.x1 < self.right - 2.5 * prev.size or self.para[-1].rstrip().endswith(":"):
            return True  # the previous line stopped short: its paragraph ended
        if page_start:
            return self.para[-1].rstrip().endswith((".", "!", "?", ";"))
        return line.y - prev.y > 1.2 * max(self.pitch, 1.05 * size)

    def columns(self, columns: list[list[str]]) -> None:
        self.close()
        self.grid = None
        self.blocks.extend("\n".join(col) for col in columns if col)

    def table(self, grid: Grid | None, spec: TableSpec, page_start: bool) -> None:
        prev = self.blocks[-1] if self.blocks and not self.para else None
        if (
            page_start
            and grid is not None
            and self.grid is not None
            and isinstance(prev, TableSpec)
            and same_columns(self.grid, grid)
        ):
            self.blocks[-1] = TableSpec(prev.rows + spec.rows, prev.header_rows, prev.page)  # split by a page break
        else:
            self.close()
            self.blocks.append(spec)
        self.grid = grid

    def page_end(self, notes: list[str]) -> None:
        """Footnotes wait for the paragraph that runs on to the next page; otherwise they go now."""
        if self.para and self.last is not None and not self.para[-1].rstrip().endswith((".", "!", "?", ":")):
            self.notes.extend(notes)
            return
        self.close()
        self.blocks.extend(notes)
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
