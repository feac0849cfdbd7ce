"""PDF to text through PDFium's text layer, laid out: reading order, paragraphs, tables, no furniture.

Why PDFium (pypdfium2): measured on the corpus and on LibreOffice exports (`benchmarks/reading.py`),
it reads the text layer as faithfully as pdftotext, pdfminer.six, pdfplumber and pypdf, and is the
only one of them fast enough to stay within a small factor of pdftotext (the pure-Python readers
are 10-40x slower). The layout on top of it is ours (`llmx.read.pdf_layout`, `pdf_tables`):
paragraphs rejoined from hard-wrapped lines (a blank line between paragraphs, as the .docx reader
writes them), ruled tables one row per line (unruled ones too, where their columns line up),
header and signature blocks column by column, footnotes after the paragraph they interrupt,
page numbers and running headers dropped. A text
layer that still reads as garbage is repaired where that is safe and otherwise reported
(`llmx.read.garble`). Scanned PDFs are refused ("needs OCR"), never silently empty.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from statistics import median
from typing import TYPE_CHECKING

from llmx.errors import InputError
from llmx.read.garble import Repairs, page_quality, quality_problems, repair
from llmx.read.guards import Limits, check_pdf_streams
from llmx.read.model import CellSpec, Extracted, TableSpec, TextBuilder, cell_text
from llmx.read.pdf_charts import find_charts
from llmx.read.pdf_closing import closing_block
from llmx.read.pdf_flow import Flow, note_paragraphs
from llmx.read.pdf_layout import (
    SEGMENT_GAP,
    Line,
    build_lines,
    join_line,
    join_runs,
    split_notes,
    strip_furniture,
)
from llmx.read.pdf_page import Glyphs, PageContent, Run, flattening_adds, page_content
from llmx.read.pdf_paths import Rule
from llmx.read.pdf_tables import FIGURE_CELL, Grid, broken_word, find_grids, place, table_spec
from llmx.vn import MOTTO

if TYPE_CHECKING:  # pypdfium2 ships no type information: this names the class, mypy takes it as Any
    from pypdfium2 import PdfDocument

_LAYOUT_WORDS = re.compile(
    r"CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*[-–]\s*Tự do|ĐẢNG CỘNG SẢN VIỆT NAM|Nơi nhận|Kính gửi|"
    r"^(?:T/?M|KT|TL|TUQ)\.?\s|CHỦ TỊCH|GIÁM ĐỐC|BÍ THƯ"
)
# the header's number and date row: `Số:` left apart from its number (filled in on signing), the date
# line across the gutter (`Lâm Đồng, ngày      tháng 12 năm 2025`)
_NUMBER_LABEL = re.compile(r"^Số\s*:?$")
_DATE_LINE = re.compile(r"^[^\d,]{2,40},\s*ngày\b.{0,20}\btháng\b.{0,12}\bnăm\b")
_LEAD_GAP = 1.5  # em: the narrower gap that may split a layout block's first line into its columns
_CELL_GAP = 1.0  # em: a gap this wide may part two cells of an unruled table's row
_NARROW = 0.6  # em: the narrowest gap an unruled table's columns keep on every line
_PERIOD = re.compile(r"^\d{1,2}\s+(?:tháng|quý|năm)\b|^(?:19|20)\d{2}\b")  # `6 tháng`, `2025`
_SPLIT_LINE = 5.0  # em: a lone line with a gap this wide holds two cells (`Số: ...   Hà Nội, ngày ...`)
# a list mark alone in its cell: Word's automatic numbering sets `II.`, `1.`, `a)`, `•` and a tab before the text
_MARK_CELL = re.compile(r"^(?:[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,3})*|[a-zđA-ZĐ])[.)]$|^[-–+•▪◦●○■□➢➤✓*]$")


@dataclass
class _Page:
    number: int
    content: PageContent
    grids: list[Grid]
    loose: list[Rule]
    lines: list[Line]
    notes: list[Line]
    charts: int = 0  # charts found on the page
    chart_words: int = 0  # their words left out of the text


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
        glyphs: Glyphs = {}
        pages = [_read_page(pdf, i, glyphs) for i in range(len(pdf))]
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
    charted = [p for p in pages if p.charts]
    if charted:
        problems.append(
            f"PDF page(s) {', '.join(str(p.number) for p in charted)}: {sum(p.charts for p in charted)} chart(s) "
            f"drawn as graphics; their labels and values ({sum(p.chart_words for p in charted)} words) are left "
            "out of the text, their titles kept"
        )
    repairs = Repairs()
    builder = _layout(pages, lambda s: repair(s, repairs))
    quality = [(p.number, page_quality(repair(_page_text(p)), p.content.unmapped)) for p in pages if p.content.chars]
    problems += quality_problems(quality, repairs)
    return Extracted(builder.text(), builder.tables, problems)


def _page_text(page: _Page) -> str:
    cells = (g.texts.get(k) or _cell_text(runs) for g in page.grids for k, runs in g.runs.items())
    return "\n".join([*(ln.text() for ln in page.lines + page.notes), *cells])


def _read_page(pdf: PdfDocument, i: int, glyphs: Glyphs) -> _Page:
    import pypdfium2.raw as pdfium_c

    page = pdf[i]
    # stamps and form fields (a signed report's number and date) live in annotations:
    # flattened into the page, their text is read in place like the rest (a page whose
    # annotations draw pictures alone, a signature's image, is not loaded a second time)
    if (
        flattening_adds(page.raw)
        and pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY) == pdfium_c.FLATTEN_SUCCESS
    ):
        page.close()
        page = pdf[i]
    textpage = page.get_textpage()
    try:
        content = page_content(page, textpage, page.get_rotation(), page.get_width(), page.get_height(), glyphs)
    finally:
        textpage.close()
        page.close()
    grids, loose = find_grids(content.rules)
    runs = content.runs
    charts = find_charts(content.shapes, content.rules, grids, content.width * content.height)
    dropped = 0
    if charts:  # a chart's words are neither text nor a table; its title stays
        grids = [g for g in grids if not any(c.holds_box(g.xs[0], g.ys[0], g.xs[-1], g.ys[-1]) for c in charts)]
        kept = [r for r in runs if not any(c.holds(r) and not c.title(r) for c in charts)]
        dropped, runs = len(runs) - len(kept), kept
    flow: list[Run] = []
    inside: list[list[Run]] = [[] for _ in grids]
    for run in runs:
        for k, g in enumerate(grids):
            if g.contains(run):
                inside[k].append(run)
                break
        else:
            flow.append(run)
    for grid, runs in zip(grids, inside, strict=True):
        place(grid, runs)
    grids = [g for g in grids if g.runs]  # a ruled frame with no words is a drawing, not a table
    return _Page(i + 1, content, grids, loose, build_lines(flow), [], len(charts), dropped)


def _layout(pages: list[_Page], fix: Callable[[str], str]) -> TextBuilder:
    lines = [ln for p in pages for ln in p.lines]
    if not lines:
        flow = Flow(12.0, 12.0 * 1.2, 0.0, 600.0)
    else:
        sizes: Counter[float] = Counter()
        for ln in lines:
            sizes[round(ln.size)] += len(ln.runs)
        body = float(sizes.most_common(1)[0][0])
        body_lines = [ln for ln in lines if abs(ln.size - body) <= 1.0]
        left = float(Counter(round(ln.x0) for ln in body_lines).most_common(1)[0][0]) if body_lines else 0.0
        pitches = [
            b.y - a.y
            for p in pages
            for a, b in zip(p.lines, p.lines[1:], strict=False)
            if abs(a.size - body) <= 1.0 and abs(b.size - body) <= 1.0 and 0.8 * body < b.y - a.y < 3 * body
        ]
        pitch = median(pitches) if pitches else 1.2 * body
        flow = Flow(body, pitch, left, 600.0)
    rights = _right_edges(pages, flow.body, flow.left)
    strip_furniture([p.lines for p in pages])
    for p in pages:
        flow.right = rights[round(p.content.width)]
        if p.lines:
            k = split_notes(p.lines, p.loose, flow.body, flow.left, p.content.width, flow.has_notes)
            p.lines, p.notes = p.lines[:k], p.lines[k:]
        _page(p, flow)
        flow.page_end(note_paragraphs(p.notes))
    return flow.finish(fix)


def _right_edges(pages: list[_Page], body: float, left: float) -> dict[int, float]:
    """The text's right edge for each page width (a report may turn a page to landscape for a
    wide table): the 90th percentile of body lines' ends, never left of where symmetric
    margins would put it (pages with few lines)."""
    ends: dict[int, list[float]] = {}
    for p in pages:
        bucket = ends.setdefault(round(p.content.width), [])
        bucket.extend(ln.x1 for ln in p.lines if abs(ln.size - body) <= 1.0)
    out: dict[int, float] = {}
    for width, xs in ends.items():
        xs.sort()
        out[width] = max(xs[int(0.9 * (len(xs) - 1))] if xs else 0.0, width - left - 2 * body)
    return out


def _page(page: _Page, flow: Flow) -> None:
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
        elif closed := closing_block(seq, k, flow.open_closing() if first else None) or closing_block(seq, k):
            k, block = closed
            flow.closing(block)
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
    out, last = "", ""  # `last`: the line before, unless it finished a broken word itself
    for ln in build_lines(runs):
        text = ln.text()
        if out and broken_word(last, text):
            out, last = out + text, ""
        else:
            out, last = join_line(out, text) if out else text, text
    return out


def _column_block(seq: list[Line | Grid], k: int) -> tuple[int, list[list[str]] | None, list[list[CellSpec]] | None]:
    """Lines from `k` that share gutters: (end, columns) for a layout block, (end, rows) for an
    unruled table, or (k + 1, None, None) for an ordinary line.

    A header or signature block may set its columns closer than a segment gap on some lines
    (`UBND TỈNH LÂM ĐỒNG   CỘNG HÒA XÃ HỘI ...`, a wrapped `TỈNH LÂM ĐỒNG   NAM`): a line that
    splits at a narrower gap across the block's gutters belongs to it, just above it (its first
    row) or inside it, when the block holds the header's or signature's words."""
    first = seq[k]
    assert isinstance(first, Line)
    if len(first.segments()) >= 2:
        end, columns, _ = _block(seq, k, None, _LEAD_GAP)
        if columns is not None and end > k + 1:
            return end, columns, None
        return _block(seq, k, None, SEGMENT_GAP)
    nxt = seq[k + 1] if k + 1 < len(seq) else None
    if isinstance(nxt, Line) and nxt.y - first.y <= 2.6 * max(nxt.size, first.size) and len(nxt.segments()) >= 2:
        end, columns, _ = _block(seq, k + 1, first, _LEAD_GAP)
        if columns is not None:
            return end, columns, None
    return _staggered(seq, k) or (k + 1, None, None)


def _staggered(seq: list[Line | Grid], k: int) -> tuple[int, list[list[str]], None] | None:
    """A header block whose columns start at different heights: the motto wrapped onto two lines
    (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT` / `NAM`) with the issuer's first line between them, each
    line in one column, above the first line split at the block's gutters. Read top to bottom,
    the motto and the issuer ran together (`... CHỦ NGHĨA VIỆT UBND TỈNH ...`)."""
    run: list[Line] = []
    m = k
    while m < len(seq) and len(run) <= 3:
        ln = seq[m]
        if not isinstance(ln, Line) or (run and ln.y - run[-1].y > 2.6 * max(ln.size, run[-1].size)):
            return None
        if len(ln.segments()) >= 2:
            break
        run.append(ln)
        m += 1
    else:
        return None
    if not run or len(run) > 3:
        return None
    if not any(MOTTO.search(ln.text()) for ln in [*run, seq[m]] if isinstance(ln, Line)):
        return None  # only the header: a closing block has its own reading (`pdf_closing`)
    end, columns, _ = _block(seq, m, None, SEGMENT_GAP, above=run)
    if columns is None or len(columns[-1]) < 2:
        return None
    return end, columns, None


def _block(
    seq: list[Line | Grid], k: int, lead: Line | None, gap: float, above: list[Line] | None = None
) -> tuple[int, list[list[str]] | None, list[list[CellSpec]] | None]:
    """The block from `k` (see `_column_block`); lines cut at `gap` em, narrower than a segment
    gap, join only a layout block."""
    first = seq[k]
    assert isinstance(first, Line)
    segs = first.segments()
    pairs = list(itertools.pairwise(segs))
    gutters = [[a[-1].x1, b[0].x0] for a, b in pairs if not _NUMBER_LABEL.match(join_runs(a))]
    gutters = gutters or [[a[-1].x1, b[0].x0] for a, b in pairs]  # `Số:   12/BC` alone: as before
    members = [first]
    if lead is not None:  # it must reach across every gutter, its pieces clear of them
        pieces = lead.segments(gap)
        crossed = all(pieces[0][0].x0 < g[0] and max(r.x1 for r in pieces[-1]) > g[1] for g in gutters)
        if len(pieces) < 2 or not crossed or not _fits(lead, gutters, first.size, gap):
            return k, None, None
        members.insert(0, lead)
    if above:  # lines above it, each in one of its columns (see `_staggered`)
        trial = [g[:] for g in gutters]
        if not all(_fits(ln, trial, first.size, gap) for ln in above) or all(ln.x0 < trial[0][0] for ln in above):
            return k, None, None
        gutters = trial
        members[:0] = above
    j = k + 1
    while j < len(seq):
        ln = seq[j]
        if not isinstance(ln, Line) or ln.y - members[-1].y > 2.6 * max(ln.size, members[-1].size):
            break
        trial = [g[:] for g in gutters]
        if not _fits(ln, trial, first.size, gap):
            # a table's cell may run close to the next column (`Số doanh nghiệp mới   120`)
            trial = [g[:] for g in gutters]
            if len(gutters) < 2 or gap < SEGMENT_GAP or not _fits(ln, trial, first.size, _CELL_GAP):
                break
        gutters = trial
        members.append(ln)
        j += 1
    grid = _cells(members, gutters, min(gap, _CELL_GAP))
    dated = any(_DATE_LINE.match(t) for row in grid for t in row)
    layout = dated or any(_LAYOUT_WORDS.search(t) for row in grid for t in row)
    if not layout and all(row[0].endswith(":") and _value(row[1:]) for row in grid if any(row[1:])):
        return k + 1, None, None  # `- Số hội trong tỉnh:   326 người`: a label, a tab, its value
    if len(members) == 1 and not dated:
        widest = max(g[1] - g[0] for g in gutters)
        if widest < _SPLIT_LINE * first.size:
            return k + 1, None, None
    if _numbered_lines(grid):
        return k + 1, None, None
    columns = [[t for row in grid if (t := row[c])] for c in range(len(gutters) + 1)]
    full = sum(1 for row in grid if all(row))
    if gap < SEGMENT_GAP and not layout:
        return k, None, None
    if not layout and (len(columns) >= 3 or (len(members) >= 4 and full >= 0.8 * len(members))):
        narrow = _narrow_gutters(members, gutters)
        if narrow:
            grid = _cells(members, sorted(gutters + narrow), _NARROW)
        return j, None, _unruled_rows(grid)
    return j, columns, None


def _value(cells: list[str]) -> bool:
    """A label's value (`326 người`, `Không.`), not a caps title set beside it (`TM. BAN CHẤP HÀNH`)."""
    return any(c.isdigit() or c.islower() for c in "".join(cells))


def _numbered_lines(grid: list[list[str]]) -> bool:
    """Lines whose first column holds only list marks (`II.`, `1.`, `a)`, `•`) and whose second
    holds their text: a run of headings or list items with Word's automatic numbering, each mark
    set apart from its text by a tab, not two columns (the lines are read one by one). A text that
    wraps goes on under the text or back at the margin under the mark (`... HỆ THỐNG CHÍNH` / `TRỊ`)."""
    if not grid or len(grid[0]) != 2 or not _MARK_CELL.match(grid[0][0]) or not grid[0][1]:
        return False
    if any(_LAYOUT_WORDS.search(t) for row in grid for t in row):
        return False
    return all(_MARK_CELL.match(row[0]) if row[0] and row[1] else bool(row[0] or row[1]) for row in grid)


def _cells(members: list[Line], gutters: list[list[float]], gap: float) -> list[list[str]]:
    """Each line's texts between the gutters (cut at gaps of `gap` em)."""
    grid: list[list[str]] = []
    for ln in members:
        cells: list[list[Run]] = [[] for _ in range(len(gutters) + 1)]
        for seg in ln.segments(gap):
            col = sum(1 for g in gutters if seg[0].x0 >= g[1] - 1.0)
            cells[min(col, len(cells) - 1)].extend(seg)
        grid.append([join_runs(c, ln.sup) if c else "" for c in cells])
    return grid


def _narrow_gutters(members: list[Line], gutters: list[list[float]]) -> list[list[float]]:
    """Gaps of an unruled table narrower than a segment gap that no line's words cross and that
    part words on most lines: a narrow column (`STT`, the row numbers) set close to the next."""
    if len(members) < 3:
        return []
    size = members[0].size
    spans = sorted((r.x0, r.x1) for ln in members for r in ln.runs)
    free: list[list[float]] = []
    end = spans[0][1]
    for x0, x1 in spans[1:]:
        if x0 - end >= _NARROW * size and not any(end < g[1] and x0 > g[0] for g in gutters):
            free.append([end, x0])
        end = max(end, x1)
    parted = [
        g
        for g in free
        if sum(1 for ln in members if ln.runs[0].x0 < g[0] and ln.runs[-1].x1 > g[1]) >= 0.8 * len(members)
    ]
    return parted


def _goes_on(text: str) -> bool:
    """A header cell's second line: lowercase, a bracket, a period (`năm 2025`, `(%)`, `6 tháng`)."""
    return text[0].islower() or text[0] == "(" or bool(_PERIOD.match(text))


def _unruled_rows(grid: list[list[str]]) -> list[list[CellSpec]]:
    """An unruled table's lines as rows. A line with one text in lowercase under a text of the
    row above is that cell's wrapped second line (`Tổng mức bán lẻ hàng hóa và` / `dịch vụ`);
    above the first figure, a line whose texts all go on the header cells above them is the
    header's second line (`Kế hoạch` / `năm 2025`, `Tỷ lệ` / `(%)`)."""
    rows: list[list[str]] = []
    header = True  # no figure yet
    for texts in grid:
        filled = [c for c, t in enumerate(texts) if t]
        figures = any(FIGURE_CELL.match(texts[c]) for c in filled)
        under = bool(rows and filled) and all(rows[-1][c] for c in filled) and not figures
        if under and (
            (len(filled) == 1 and texts[filled[0]][0].islower()) or (header and all(_goes_on(texts[c]) for c in filled))
        ):
            for c in filled:
                rows[-1][c] = join_line(rows[-1][c], texts[c])
        else:
            rows.append(list(texts))
        header = header and not figures
    return [[CellSpec(cell_text(t), c) for c, t in enumerate(row)] for row in rows]


def _fits(line: Line, gutters: list[list[float]], size: float, gap: float = SEGMENT_GAP) -> bool:
    """Whether every segment of `line` (cut at gaps of `gap` em) stays out of the gutters (which
    shrink to make room)."""
    if line.size > 1.35 * size or line.size < 0.6 * size:
        return False
    for seg in line.segments(gap):
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
