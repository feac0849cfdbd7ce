"""DOCX to text: body order, table cells, Word's automatic numbering rendered, legacy fonts decoded.

Vietnamese reports number their headings (`I.`, `1.`, `1.1.`, `a)`) with Word's automatic
numbering, which lives in `numbering.xml`, not in the paragraph text. Without rendering it the
section tree loses every number, so the counters are replayed here as Word does: per abstract
list (every `w:num` of one `w:abstractNum` continues the same count, ECMA-376 §17.9), restarted
by higher levels (`lvlRestart`) and by a `startOverride` the first time its `w:num` is used.
Runs in the legacy .VnTime (TCVN3) or VNI-Times fonts hold 8-bit text and are decoded by font,
which is exact.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from llmx.errors import InputError
from llmx.read.legacy import LegacyEncoding, decode

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_MAX_PART = 150 * 1024 * 1024
_ENCODING_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _val(el: etree._Element | None, attr: str = "val") -> str | None:
    return None if el is None else el.get(_w(attr))


def _int(value: str | None, default: int) -> int:
    """Attribute as int; a damaged value falls back instead of aborting the whole document."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def format_number(n: int, fmt: str) -> str:
    """Render counter `n` in a Word `numFmt` (decimal, upperRoman, lowerLetter, ...)."""
    if fmt in ("upperRoman", "lowerRoman") and 0 < n < 4000:
        out, rest = "", n
        for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
            count, rest = divmod(rest, value)
            out += sym * count
        return out if fmt == "upperRoman" else out.lower()
    if fmt in ("upperLetter", "lowerLetter") and 0 < n <= 26 * 30:
        letters = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)  # Word: Z, AA, BB ...
        return letters if fmt == "upperLetter" else letters.lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # lvlRestart: None = after any higher level, 0 = never
    legal: bool = False
    suffix: str = " "


def _parse_level(lvl: etree._Element) -> _Level:
    restart = _val(lvl.find(_w("lvlRestart")))
    return _Level(
        start=_int(_val(lvl.find(_w("start"))), 1),
        fmt=_val(lvl.find(_w("numFmt"))) or "decimal",
        text=_val(lvl.find(_w("lvlText"))) or "",
        restart=_int(restart, 0) if restart is not None else None,
        legal=lvl.find(_w("isLgl")) is not None,
        suffix="" if _val(lvl.find(_w("suff"))) == "nothing" else " ",
    )


@dataclass
class _Styles:
    """Paragraph/character styles: numbering and fonts, following `basedOn` chains."""

    based_on: dict[str, str] = field(default_factory=dict)
    num: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # style -> (numId, ilvl)
    font: dict[str, str] = field(default_factory=dict)
    default_para: str | None = None
    default_font: str | None = None

    @classmethod
    def parse(cls, root: etree._Element | None) -> _Styles:
        st = cls()
        if root is None:
            return st
        st.default_font = _font_of(root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}"))
        for s in root.iter(_w("style")):
            sid = s.get(_w("styleId")) or ""
            if s.get(_w("type")) == "paragraph" and s.get(_w("default")) in ("1", "true", "on"):
                st.default_para = sid
            if (base := _val(s.find(_w("basedOn")))) is not None:
                st.based_on[sid] = base
            numpr = s.find(f"{_w('pPr')}/{_w('numPr')}")
            if numpr is not None:
                st.num[sid] = (_val(numpr.find(_w("numId"))), _val(numpr.find(_w("ilvl"))))
            if (font := _font_of(s.find(_w("rPr")))) is not None:
                st.font[sid] = font
        return st

    def chain(self, sid: str | None) -> Iterator[str]:
        seen: set[str] = set()
        while sid and sid not in seen:
            seen.add(sid)
            yield sid
            sid = self.based_on.get(sid)

    def numbering(self, sid: str | None) -> tuple[str | None, str | None]:
        for s in self.chain(sid):
            if s in self.num:
                return self.num[s]
        return None, None

    def font_of(self, *sids: str | None) -> str | None:
        for sid in sids:
            for s in self.chain(sid):
                if s in self.font:
                    return self.font[s]
        return self.default_font


def _font_of(rpr: etree._Element | None) -> str | None:
    fonts = None if rpr is None else rpr.find(_w("rFonts"))
    return None if fonts is None else (fonts.get(_w("ascii")) or fonts.get(_w("hAnsi")))


def legacy_font(name: str | None) -> tuple[LegacyEncoding, bool] | None:
    """(encoding, upper-case variant) for a legacy Vietnamese font name such as `.VnTimeH`."""
    low = (name or "").strip().lower()
    if low.startswith(".vn"):
        return "tcvn3", low.endswith("h")  # .VnTimeH shows lower-case codes as capitals
    if low.startswith(("vni-", "vni ")):
        return "vni", False
    return None


class _Numbering:
    """Counters of Word's automatic numbering, advanced paragraph by paragraph."""

    def __init__(self, root: etree._Element | None, styles: _Styles) -> None:
        self.levels: dict[str, dict[int, _Level]] = {}
        self.style_level: dict[tuple[str, str], int] = {}  # (abstractId, pStyle) -> ilvl
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self.counters: dict[str, dict[int, int]] = {}  # per abstract list, shared by its nums
        self.pending: dict[str, dict[int, int]] = {}  # startOverride values not yet used
        self.seen: set[str] = set()
        if root is None:
            return
        links: dict[str, str] = {}
        for ab in root.iter(_w("abstractNum")):
            aid = ab.get(_w("abstractNumId")) or ""
            self.levels[aid] = {}
            for lvl in ab.findall(_w("lvl")):
                ilvl = _int(lvl.get(_w("ilvl")), 0)
                self.levels[aid][ilvl] = _parse_level(lvl)
                if (ps := _val(lvl.find(_w("pStyle")))) is not None:
                    self.style_level[(aid, ps)] = ilvl
            if (link := _val(ab.find(_w("numStyleLink")))) is not None:
                links[aid] = link
        for num in root.iter(_w("num")):
            starts: dict[int, int] = {}
            over: dict[int, _Level] = {}
            for ov in num.findall(_w("lvlOverride")):
                ilvl = _int(ov.get(_w("ilvl")), 0)
                if (s := _val(ov.find(_w("startOverride")))) is not None:
                    starts[ilvl] = _int(s, 1)
                if (lvl := ov.find(_w("lvl"))) is not None:
                    over[ilvl] = _parse_level(lvl)
            self.nums[num.get(_w("numId")) or ""] = (_val(num.find(_w("abstractNumId"))) or "", starts, over)
        for aid, style in links.items():  # a list defined through a numbering style
            linked = styles.numbering(style)[0]
            if linked in self.nums and not self.levels.get(aid):
                self.levels[aid] = self.levels.get(self.nums[linked][0], {})

    def level_of(self, num_id: str, style: str | None) -> int:
        aid = self.nums.get(num_id, ("", {}, {}))[0]
        return self.style_level.get((aid, style or ""), 0)

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counter of (num_id, ilvl) and render its label, e.g. `1.2.` or `- `."""
        if num_id not in self.nums:
            return ""
        aid, starts, over = self.nums[num_id]
        levels = {**self.levels.get(aid, {}), **over}
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(aid, {})
        pending = self.pending.setdefault(aid, {})
        if num_id not in self.seen:  # "Restart at n": only the overridden levels restart
            self.seen.add(num_id)
            for k, value in {**{k: lvl.start for k, lvl in over.items()}, **starts}.items():
                counters.pop(k, None)
                pending[k] = value

        def start(k: int) -> int:
            return levels[k].start if k in levels else 1

        if ilvl in pending:
            counters[ilvl] = pending.pop(ilvl)
        else:
            counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start(ilvl)
        for deeper, lvl in levels.items():
            if deeper > ilvl and (lvl.restart is None or (lvl.restart and ilvl < lvl.restart)):
                counters.pop(deeper, None)
        lvl = levels[ilvl]
        if lvl.fmt == "bullet":
            return "- "
        text = lvl.text
        for k in range(9):
            if f"%{k + 1}" in text:
                fmt = "decimal" if lvl.legal else (levels[k].fmt if k in levels else "decimal")
                text = text.replace(f"%{k + 1}", format_number(counters.get(k, pending.get(k, start(k))), fmt))
        return text + lvl.suffix if text.strip() else ""


class _DocxText:
    """Walks the document body and produces one text line per paragraph."""

    def __init__(self, parts: dict[str, etree._Element | None]) -> None:
        self.styles = _Styles.parse(parts["styles"])
        self.numbering = _Numbering(parts["numbering"], self.styles)
        self.notes: dict[str, etree._Element] = {}
        for key in ("footnotes", "endnotes"):
            if (root := parts[key]) is not None:
                for note in root:
                    if note.get(_w("type")) in (None, "normal"):
                        self.notes[f"{key}:{note.get(_w('id'))}"] = note
        self.note_order: list[str] = []
        self.legacy_paragraphs: dict[str, int] = {}
        self.paragraphs: list[str] = []

    def blocks(self, container: etree._Element) -> None:
        for el in container:
            if el.tag == _w("p"):
                self.paragraph(el)
            elif el.tag == _w("tbl"):
                for tr in el.iter(_w("tr")):
                    if _nearest(tr, _w("tbl")) is el:  # rows and cells may sit in content controls
                        for tc in tr.iter(_w("tc")):
                            if _nearest(tc, _w("tr")) is tr:
                                self.blocks(tc)
            elif el.tag not in (_w("sectPr"), _w("tblPr"), _w("tblGrid"), _MC_FALLBACK):
                self.blocks(el)  # sdt, sdtContent, customXml, ins, AlternateContent ...

    def paragraph(self, p: etree._Element) -> None:
        ppr = p.find(_w("pPr"))
        style = _val(ppr.find(_w("pStyle"))) if ppr is not None else None
        style = style or self.styles.default_para
        boxes: list[etree._Element] = []
        fonts: set[str] = set()
        text = "".join(self._inline(p, style, boxes, fonts))
        label = self._label(ppr, style)
        if text.strip():
            self.paragraphs.append(label + text)
            for name in fonts:
                self.legacy_paragraphs[name] = self.legacy_paragraphs.get(name, 0) + 1
        for box in boxes:
            self.blocks(box)

    def _label(self, ppr: etree._Element | None, style: str | None) -> str:
        numpr = ppr.find(_w("numPr")) if ppr is not None else None
        num_id, ilvl = (_val(numpr.find(_w("numId"))), _val(numpr.find(_w("ilvl")))) if numpr is not None else (None, None)
        style_num, style_ilvl = self.styles.numbering(style)
        num_id = num_id if num_id is not None else style_num
        if not num_id or num_id == "0":
            return ""
        if ilvl is None:
            ilvl = style_ilvl
        level = _int(ilvl, 0) if ilvl is not None else self.numbering.level_of(num_id, style)
        return self.numbering.label(num_id, level)

    def _inline(self, el: etree._Element, style: str | None, boxes: list, fonts: set[str]) -> Iterator[str]:
        for child in el:
            tag = child.tag
            if tag == _w("r"):
                yield self._run(child, style, boxes, fonts)
            elif tag == _w("txbxContent"):
                boxes.append(child)
            elif tag not in (_w("pPr"), _w("rPr"), _w("del"), _w("moveFrom"), _MC_FALLBACK):
                yield from self._inline(child, style, boxes, fonts)  # hyperlink, ins, fldSimple, smartTag ...

    def _run(self, r: etree._Element, style: str | None, boxes: list, fonts: set[str]) -> str:
        rpr = r.find(_w("rPr"))
        if rpr is not None and rpr.find(_w("vanish")) is not None and _val(rpr.find(_w("vanish"))) not in ("0", "false"):
            return ""
        pieces: list[str] = []
        for c in r:
            tag = c.tag
            if tag == _w("t"):
                pieces.append(c.text or "")
            elif tag in (_w("tab"), _w("ptab")):
                pieces.append("\t")
            elif tag == _w("br") and c.get(_w("type")) in (None, "textWrapping") or tag == _w("cr"):
                pieces.append("\n")
            elif tag == _w("noBreakHyphen"):
                pieces.append("-")
            elif tag in (_w("footnoteReference"), _w("endnoteReference")):
                key = f"{'footnotes' if tag == _w('footnoteReference') else 'endnotes'}:{c.get(_w('id'))}"
                if key in self.notes:
                    self.note_order.append(key)
                    pieces.append(f"[{len(self.note_order)}]")
            elif tag != _w("rPr"):
                boxes.extend(_text_boxes(c))
        text = "".join(pieces)
        font = _font_of(rpr)
        if font is None:
            rstyle = _val(rpr.find(_w("rStyle"))) if rpr is not None else None
            font = self.styles.font_of(rstyle, style)
        legacy = legacy_font(font)
        if legacy and text:  # decode what the 8-bit font draws; Word draws other chars in Unicode
            enc, upper = legacy
            decoded = decode(text, enc)
            decoded = decoded.upper() if upper else decoded
            if decoded != text:
                fonts.add(font or "")
                text = decoded
        return text

    def footnotes(self) -> None:
        """Note bodies after the body text, as `[n] text`, the way web pages print them."""
        for n, key in enumerate(self.note_order, 1):
            start = len(self.paragraphs)
            self.blocks(self.notes[key])
            if len(self.paragraphs) > start:
                self.paragraphs[start] = f"[{n}] {self.paragraphs[start].lstrip()}"


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
        if child.tag == _w("txbxContent"):
            yield child
        else:
            yield from _text_boxes(child)


def _part(z: zipfile.ZipFile, name: str, path: str) -> etree._Element | None:
    try:
        info = z.getinfo(name)
    except KeyError:
        return None
    if info.file_size > _MAX_PART:
        raise InputError(f"binary or unsupported format ({name} is too large: {info.file_size} bytes)", path=path)
    data = z.read(info).replace(_STRICT_W, W.encode())
    return etree.fromstring(data, _PARSER)


def read_docx(data: bytes, path: str) -> tuple[str, list[str]]:
    """Paragraph lines separated by blank lines, plus problem messages."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = ("document", "styles", "numbering", "footnotes", "endnotes")
            parts = {n: _part(z, f"word/{n}.xml", path) for n in names}
    except InputError:
        raise
    except (zipfile.BadZipFile, zlib.error, etree.XMLSyntaxError, ValueError, OSError, EOFError,
            RuntimeError, NotImplementedError) as exc:
        raise InputError(f"damaged .docx ({type(exc).__name__}: {exc})", path=path) from exc
    body = parts["document"].find(_w("body")) if parts["document"] is not None else None
    if body is None:
        raise InputError("binary or unsupported format (.docx without a document body)", path=path)
    try:
        doc = _DocxText(parts)
        doc.blocks(body)
        doc.footnotes()
    except RecursionError as exc:
        raise InputError("damaged .docx (nesting too deep)", path=path) from exc
    problems = [
        f"{count} paragraph(s) in the legacy font {name} decoded from {_ENCODING_NAMES[legacy[0]]} to Unicode"
        for name, count in sorted(doc.legacy_paragraphs.items())
        if (legacy := legacy_font(name))
    ]
    return "\n\n".join(doc.paragraphs), problems
