"""DOCX to text: body order, data tables as rows, automatic numbering rendered, legacy fonts decoded.

Paragraphs are blocks separated by a blank line, as Word shows them. Tables are of two kinds:
the header block (issuer | national motto) and the signature block (Nơi nhận | KT. CHỦ TỊCH) are
borderless layout grids, read cell by cell as the paragraphs they hold, where the metadata rules
look for them; every other table is data, written one row per line (`llmx.read.model`), with a
merged cell's text once (`gridSpan` -> colspan, `vMerge` -> rowspan) and nested tables flattened
into their cell. Numbering is replayed by `llmx.read.numbering`. Runs in the legacy .VnTime
(TCVN3) or VNI-Times fonts hold 8-bit text and are decoded by font, which is exact.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from llmx.errors import InputError
from llmx.read.guards import Limits, check_zip, read_part
from llmx.read.legacy import already_unicode, decode, reads_better
from llmx.read.model import CellSpec, Extracted, TableSpec, TextBuilder, cell_text, grid_rows
from llmx.read.numbering import Numbering, Styles, font_of, legacy_font, to_int, val, w
from llmx.vn import NOI_NHAN

_STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_W_NS = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_ENCODING_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)
_PARTS = ("document", "styles", "numbering", "footnotes", "endnotes")
# words of the header and signature blocks, which Word lays out with borderless tables
_LAYOUT_WORDS = re.compile(
    r"CỘNG HÒA XÃ HỘI|CỘNG HOÀ XÃ HỘI|Độc lập\s*[-–]\s*Tự do|ĐẢNG CỘNG SẢN VIỆT NAM|Nơi nhận|Kính gửi|"
    r"^(?:T/?M|KT|TL|TUQ|Q)\.?\s|CHỦ TỊCH|GIÁM ĐỐC|BÍ THƯ|TRƯỞNG BAN",
    re.M,
)

# what a note body's own mark leaves when it is wrapped, `(¹)` with the mark itself not rendered
_OWN_MARK_RESIDUE = re.compile(r"^\s*(?:\(\s*\)|\[\s*\])")
_COLUMN_GAP = re.compile(r"[ \t]*\t[ \t]*")  # tabs (and spaces) pushing text into a second column
_BULLET = re.compile(r"^\s*[-+•–]")
_MAX_CLOSING_LINE = 300

Block = str | TableSpec


@dataclass(frozen=True)
class _LegacyRun:
    """A run in a legacy font, before its paragraph decides whether it really is 8-bit text."""

    text: str
    decoded: str
    font: str
    unicode: bool  # holds letters no 8-bit font can store: already Unicode


@dataclass
class _Cell:
    tc: etree._Element
    col: int
    span: int
    merge: str | None  # None, "restart" or "continue" (vMerge)
    blocks: list[Block]


class _DocxText:
    """Walks the document body and produces its blocks: paragraph texts and data tables."""

    def __init__(self, parts: dict[str, etree._Element | None]) -> None:
        self.styles = Styles.parse(parts["styles"])
        self.numbering = Numbering(parts["numbering"], self.styles)
        self.notes: dict[str, etree._Element] = {}
        for key in ("footnotes", "endnotes"):
            if (root := parts[key]) is not None:
                for note in root:
                    if note.get(w("type")) in (None, "normal"):
                        self.notes[f"{key}:{note.get(w('id'))}"] = note
        self.note_order: list[str] = []
        self.decoded: list[tuple[str, str]] = []  # (font, paragraph text) of each legacy decode

    def blocks(self, container: etree._Element, out: list[Block]) -> None:
        for el in container:
            if el.tag == w("p"):
                self.paragraph(el, out)
            elif el.tag == w("tbl"):
                self.table(el, out)
            elif el.tag not in (w("sectPr"), w("tblPr"), w("tblGrid"), _MC_FALLBACK):
                self.blocks(el, out)  # sdt, sdtContent, customXml, ins, AlternateContent ...

    def table(self, tbl: etree._Element, out: list[Block]) -> None:
        rows: list[list[_Cell]] = []
        header_rows: set[int] = set()
        # rows and cells may sit in content controls, so they are found by their nearest table/row
        for tr in (tr for tr in tbl.iter(w("tr")) if _nearest(tr, w("tbl")) is tbl):
            trpr = tr.find(w("trPr"))
            col = to_int(val(trpr.find(w("gridBefore"))), 0) if trpr is not None else 0
            if trpr is not None and trpr.find(w("tblHeader")) is not None:
                header_rows.add(len(rows))
            cells: list[_Cell] = []
            for tc in (tc for tc in tr.iter(w("tc")) if _nearest(tc, w("tr")) is tr):
                tcpr = tc.find(w("tcPr"))
                span = max(1, to_int(val(tcpr.find(w("gridSpan"))), 1)) if tcpr is not None else 1
                vmerge = tcpr.find(w("vMerge")) if tcpr is not None else None
                merge = None if vmerge is None else ("restart" if val(vmerge) == "restart" else "continue")
                blocks: list[Block] = []
                self.blocks(tc, blocks)
                cells.append(_Cell(tc, col, span, merge, blocks))
                col += span
            rows.append(cells)
        if _is_layout(rows):  # cell by cell, without the spaces that padded the grid
            for cells in rows:
                for cell in cells:
                    out.extend(b.strip() if isinstance(b, str) else b for b in cell.blocks)
            return
        out.append(TableSpec(grid_rows(_cell_specs(rows, header_rows)), frozenset(header_rows)))

    def paragraph(self, p: etree._Element, out: list[Block]) -> None:
        ppr = p.find(w("pPr"))
        style = val(ppr.find(w("pStyle"))) if ppr is not None else None
        style = style or self.styles.default_para
        boxes: list[etree._Element] = []
        fonts: set[str] = set()
        text = "".join(self._legacy(list(self._inline(p, style, boxes)), fonts))
        label = self._label(ppr, style)
        if text.strip():
            out.append(label + text)
            self.decoded.extend((name, text) for name in sorted(fonts))
        for box in boxes:
            self.blocks(box, out)

    def _label(self, ppr: etree._Element | None, style: str | None) -> str:
        numpr = ppr.find(w("numPr")) if ppr is not None else None
        num_id, ilvl = (val(numpr.find(w("numId"))), val(numpr.find(w("ilvl")))) if numpr is not None else (None, None)
        style_num, style_ilvl = self.styles.numbering(style)
        num_id = num_id if num_id is not None else style_num
        if not num_id or num_id == "0":
            return ""
        if ilvl is None:
            ilvl = style_ilvl
        level = to_int(ilvl, 0) if ilvl is not None else self.numbering.level_of(num_id, style)
        return self.numbering.label(num_id, level)

    @staticmethod
    def _legacy(pieces: list[str | _LegacyRun], fonts: set[str]) -> Iterator[str]:
        """The paragraph's runs with legacy-font runs decoded where they really are 8-bit text.

        The font says legacy, but Word keeps a font name on text typed later in Unicode (a
        document whose default font is .VnTime): a run holding a letter no 8-bit font can store
        is Unicode as it stands, and once a paragraph has such a run, its other runs in legacy
        fonts are decoded only when that reads clearly better (`Tình hình` stays itself,
        `Sè liÖu` still becomes `Số liệu`). `fonts` collects the fonts decoded."""
        unicode_seen = any(isinstance(p, _LegacyRun) and p.unicode for p in pieces)
        for p in pieces:
            if isinstance(p, str):
                yield p
            elif p.unicode or (unicode_seen and not reads_better(p.text, p.decoded)):
                yield p.text
            else:
                fonts.add(p.font)
                yield p.decoded

    def _inline(self, el: etree._Element, style: str | None, boxes: list[etree._Element]) -> Iterator[str | _LegacyRun]:
        for child in el:
            tag = child.tag
            if tag == w("r"):
                yield self._run(child, style, boxes)
            elif tag == w("txbxContent"):
                boxes.append(child)
            elif tag not in (w("pPr"), w("rPr"), w("del"), w("moveFrom"), _MC_FALLBACK):
                yield from self._inline(child, style, boxes)  # hyperlink, ins, fldSimple, smartTag ...

    def _run(self, r: etree._Element, style: str | None, boxes: list[etree._Element]) -> str | _LegacyRun:
        rpr = r.find(w("rPr"))
        if rpr is not None and rpr.find(w("vanish")) is not None and val(rpr.find(w("vanish"))) not in ("0", "false"):
            return ""
        pieces: list[str] = []
        for c in r:
            tag = c.tag
            if tag == w("t"):
                pieces.append(c.text or "")
            elif tag in (w("tab"), w("ptab")):
                pieces.append("\t")
            elif (tag == w("br") and c.get(w("type")) in (None, "textWrapping")) or tag == w("cr"):
                pieces.append("\n")
            elif tag == w("noBreakHyphen"):
                pieces.append("-")
            elif tag in (w("footnoteReference"), w("endnoteReference")):
                key = f"{'footnotes' if tag == w('footnoteReference') else 'endnotes'}:{c.get(w('id'))}"
                if key in self.notes:
                    self.note_order.append(key)
                    pieces.append(f"[{len(self.note_order)}]")
            elif tag != w("rPr"):
                boxes.extend(_text_boxes(c))
        text = "".join(pieces)
        font = font_of(rpr)
        if font is None:
            rstyle = val(rpr.find(w("rStyle"))) if rpr is not None else None
            font = self.styles.font_of(rstyle, style)
        legacy = legacy_font(font)
        if legacy and text:  # decode what the 8-bit font draws; Word draws other chars in Unicode
            enc, upper = legacy
            decoded = decode(text, enc)
            decoded = decoded.upper() if upper else decoded
            unicode = already_unicode(text)
            if decoded != text or unicode:
                return _LegacyRun(text, decoded, font or "", unicode)
        return text

    def footnotes(self, out: list[Block]) -> None:
        """Note bodies after the body text, as `[n] text`, the way web pages print them."""
        for n, key in enumerate(self.note_order, 1):
            note: list[Block] = []
            self.blocks(self.notes[key], note)
            if note and isinstance(note[0], str):
                note[0] = f"[{n}] {_OWN_MARK_RESIDUE.sub('', note[0]).lstrip()}"
            out.extend(note)


def closing_columns(blocks: list[Block]) -> list[Block]:
    """The `Nơi nhận` block read as Word shows it: a recipient wrapped onto a second paragraph is
    joined again, and when tabs push the signature into a second column on the same lines
    (`Nơi nhận:\t\tKT. CHỦ TỊCH`), the left column is read first, then the right one."""
    start = next(
        (
            k
            for k in range(len(blocks) - 1, -1, -1)
            if isinstance(b := blocks[k], str) and len(b) <= _MAX_CLOSING_LINE and NOI_NHAN.match(_nfc(b))
        ),
        None,
    )  # a long paragraph opening `Nơi nhận hồ sơ ...` (a decree's article) is no distribution list
    if start is None:
        return blocks
    end = start
    while end < len(blocks) and isinstance(b := blocks[end], str) and len(b) <= _MAX_CLOSING_LINE:
        end += 1
    lines = [b for b in blocks[start:end] if isinstance(b, str)]
    two_columns = len(_COLUMN_GAP.split(_recipients_first(lines[0].strip(" "))[-1], maxsplit=1)) == 2
    left: list[str] = []
    right: list[str] = []
    for line in lines:
        *texts, last = _recipients_first(line)
        parts = _COLUMN_GAP.split(last, maxsplit=1) if two_columns else [last]
        if len(parts) == 2 and parts[1].strip():
            right.append(parts[1].strip())
        for text in (*texts, parts[0]):
            if left and not _BULLET.match(text) and left[-1].rstrip().endswith(",") and text.strip():
                left[-1] = f"{left[-1].rstrip()} {text.strip()}"  # a recipient wrapped onto a new paragraph
            elif text.strip():
                left.append(text)
    return [*blocks[:start], *left, *right, *blocks[end:]]


def _recipients_first(line: str) -> list[str]:
    """The line cut before each recipient that a column gap pushes along it: the `Nơi nhận:` cell
    of a narrow layout table often holds `Nơi nhận:\t\t\t   - Như trên;`, tabs and spaces wrapping
    the first recipient onto the cell's next line. A bullet after a gap continues the list in its
    own column; only other text after a gap (`KT. CHỦ TỊCH`) is the signature's column. A gap
    before any text is an indent (`\t+ Quyển 5.1`), kept."""
    pieces: list[str] = []
    while len(parts := _COLUMN_GAP.split(line, maxsplit=1)) == 2 and parts[0].strip() and _BULLET.match(parts[1]):
        pieces.append(parts[0])
        line = parts[1]
    return [*pieces, line]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text.strip())  # Word may store decomposed letters


def _is_layout(rows: list[list[_Cell]]) -> bool:
    """A header/signature grid or a framed box, not a table of data."""
    width = max((c.col + c.span for cells in rows for c in cells), default=0)
    if len(rows) <= 1 or width <= 1:
        return True
    if len(rows) > 4 or width > 3:
        return False
    texts = [b for cells in rows for c in cells for b in c.blocks if isinstance(b, str)]
    many = any(sum(isinstance(b, str) for b in c.blocks) > 1 for cells in rows for c in cells)
    return many or any(_LAYOUT_WORDS.search(t) for t in texts)


def _flatten(blocks: list[Block]) -> str:
    """A data cell's text: its paragraphs, and a nested table's rows (`a, b; c, d`), on one line."""
    parts: list[str] = []
    for b in blocks:
        if isinstance(b, str):
            parts.append(cell_text(b))
        else:
            rows = ("; " if parts else "").join(", ".join(t for c in r if (t := cell_text(c.text))) for r in b.rows)
            parts.append(rows)
    return " ".join(p for p in parts if p)


def _cell_specs(rows: list[list[_Cell]], header_rows: set[int]) -> list[list[CellSpec]]:
    """Cells that start in each row; a vMerge run becomes one cell with a rowspan."""
    specs: list[list[CellSpec]] = []
    origin: dict[int, tuple[int, int]] = {}  # grid col -> (row, index in specs[row]) of the open merge
    for r, cells in enumerate(rows):
        row: list[CellSpec] = []
        for cell in cells:
            text = _flatten(cell.blocks)
            if cell.merge == "continue" and cell.col in origin:
                k, i = origin[cell.col]
                above = specs[k][i]
                joined = f"{above.text} {text}".strip() if text else above.text
                specs[k][i] = CellSpec(joined, above.col, above.colspan, above.rowspan + 1, above.header)
                continue
            if cell.merge == "restart":
                origin[cell.col] = (r, len(row))
            else:
                origin.pop(cell.col, None)
            row.append(CellSpec(text, cell.col, cell.span, 1, r in header_rows))
        specs.append(row)
    return specs


def _nearest(el: etree._Element, tag: str) -> etree._Element | None:
    parent = el.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _text_boxes(el: etree._Element) -> Iterator[etree._Element]:
    """Text boxes inside a drawing, skipping the VML fallback copy of the same box."""
    for child in el:
        if child.tag == _MC_FALLBACK:
            continue
        if child.tag == w("txbxContent"):
            yield child
        else:
            yield from _text_boxes(child)


def read_docx(data: bytes, path: str, limits: Limits | None = None) -> Extracted:
    """Paragraphs separated by blank lines, data tables one row per line, plus problem messages."""
    limits = limits or Limits()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = [f"word/{n}.xml" for n in _PARTS]
            check_zip(z, names, len(data), limits, path)
            parts: dict[str, etree._Element | None] = {}
            for n, name in zip(_PARTS, names, strict=True):
                raw = read_part(z, name, path)
                parts[n] = None if raw is None else etree.fromstring(raw.replace(_STRICT_W, _W_NS), _PARSER)
    except InputError:
        raise
    except (
        zipfile.BadZipFile, zlib.error, etree.XMLSyntaxError, ValueError, OSError, EOFError, RuntimeError,
        NotImplementedError,
    ) as exc:  # fmt: skip
        raise InputError(f"damaged .docx ({type(exc).__name__}: {exc})", path=path) from exc
    body = parts["document"].find(w("body")) if parts["document"] is not None else None
    if body is None:
        raise InputError("binary or unsupported format (.docx without a document body)", path=path)
    blocks: list[Block] = []
    try:
        doc = _DocxText(parts)
        doc.blocks(body, blocks)
        blocks = closing_columns(blocks)
        doc.footnotes(blocks)
    except RecursionError as exc:
        raise InputError("damaged .docx (nesting too deep)", path=path) from exc
    builder = TextBuilder()
    for b in blocks:
        if isinstance(b, str):
            builder.paragraph(b)
        else:
            builder.table(b)
    return Extracted(builder.text(), builder.tables, _decode_messages(doc.decoded))


def _decode_messages(decoded: list[tuple[str, str]], max_quoted: int = 10) -> list[str]:
    """One problem per decoded paragraph, quoting its start so it can be found and checked; a
    font with many decoded paragraphs (a whole legacy document) gets one message."""
    by_font: dict[str, list[str]] = {}
    for font, text in decoded:
        by_font.setdefault(font, []).append(text)
    out: list[str] = []
    for font, texts in sorted(by_font.items()):
        legacy = legacy_font(font)
        enc = _ENCODING_NAMES[legacy[0]] if legacy else font
        if len(texts) > max_quoted:
            out.append(f"{len(texts)} paragraph(s) in the legacy font {font} decoded from {enc} to Unicode")
            continue
        for text in texts:
            quoted = " ".join(text.split())
            quoted = quoted if len(quoted) <= 60 else quoted[:60].rstrip() + "…"
            out.append(f'paragraph "{quoted}" in the legacy font {font} decoded from {enc} to Unicode')
    return out
