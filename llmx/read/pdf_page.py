"""One PDF page's raw material from PDFium: word pieces with their geometry, and ruling lines.

PDFium (through pypdfium2's raw bindings, which cost about a microsecond a call) gives the
page's characters in content-stream order with the spaces and line breaks it infers. A word
piece ("run") is a stretch of characters between those spaces, or between jumps in position;
its geometry is the origin of its first character (left edge and baseline), the right edge of
its last character and its font size. Ruling lines and shapes come from the page's path objects
(`pdf_paths.py`). Coordinates are turned top-down (y grows down the page) and upright for rotated pages.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pypdfium2.raw as pdfium_c

from llmx.read.pdf_gaps import break_points, cuts
from llmx.read.pdf_paths import Rule, Shape, Transform, read_paths, unchecked

if TYPE_CHECKING:  # pypdfium2 ships no type information: these name the classes, mypy takes them as Any
    from pypdfium2 import PdfPage, PdfTextPage


_ORIGIN = unchecked(pdfium_c.FPDFText_GetCharOrigin)
_BOX = unchecked(pdfium_c.FPDFText_GetCharBox)
_LOOSE_BOX = unchecked(pdfium_c.FPDFText_GetLooseCharBox)
_GENERATED = unchecked(pdfium_c.FPDFText_IsGenerated)
_FONT_SIZE = unchecked(pdfium_c.FPDFText_GetFontSize)
_TEXT_OBJECT = unchecked(pdfium_c.FPDFText_GetTextObject)
_OBJ_FONT = unchecked(pdfium_c.FPDFTextObj_GetFont)
_OBJ_FONT_SIZE = unchecked(pdfium_c.FPDFTextObj_GetFontSize)
_UNICODE = unchecked(pdfium_c.FPDFText_GetUnicode)
_GLYPH_WIDTH = unchecked(pdfium_c.FPDFFont_GetGlyphWidth)  # the size goes as a c_float, not a float


@dataclass(slots=True)
class Run:
    """A word piece: text between spaces, with where it sits on the page (points, top-down)."""

    text: str
    x0: float
    x1: float
    y: float  # baseline
    size: float  # font size
    index: int  # position in content-stream order
    lead: str  # what precedes it in the stream: "space" (a real one), "gen" (a space PDFium
    # inferred from a gap), "gap" (a gap PDFium took for none, `llmx.read.pdf_gaps`), "break"
    # (a line break or the page start) or "none" (a piece of a word)


@dataclass(slots=True)
class PageContent:
    width: float
    height: float
    runs: list[Run]
    rules: list[Rule]
    chars: int  # characters with a glyph on the page
    unmapped: int  # characters PDFium could not map to Unicode
    shapes: list[Shape]  # drawn areas that are not rulings (charts are found among them)


Glyphs = dict[tuple[str, float, float], float]  # advance by (character, size, ink width)


def page_content(
    page: PdfPage, textpage: PdfTextPage, rotation: int, width: float, height: float, glyphs: Glyphs | None = None
) -> PageContent:
    """Runs and rulings of one page (`page`/`textpage` are pypdfium2 PdfPage/PdfTextPage);
    `glyphs` keeps glyph advances from page to page of one document."""
    tf = Transform(width, height, rotation)
    runs, chars, unmapped = _runs(textpage, tf, {} if glyphs is None else glyphs)
    paths = read_paths(page, tf)
    w, h = tf.size()
    return PageContent(w, h, runs, paths.rules, chars, unmapped, paths.shapes)


def flattening_adds(page_raw: object) -> bool:
    """Whether flattening the page's annotations (form fields, stamps) may add what is read here,
    text or drawn paths: False when it has none, or when every annotation's appearance was seen
    to hold pictures alone (a signature's image), which spares loading the page a second time."""
    for k in range(pdfium_c.FPDFPage_GetAnnotCount(page_raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page_raw, k)
        if not annot:
            return True
        try:
            n = pdfium_c.FPDFAnnot_GetObjectCount(annot)
            # no appearance found: leave it to the flattening, which looks for one more widely
            if n <= 0 or not _pictures_only([pdfium_c.FPDFAnnot_GetObject(annot, j) for j in range(n)], 0):
                return True
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return False


def _pictures_only(objects: list[Any], depth: int) -> bool:
    """Whether `objects` (and the forms among them) draw only images and shadings."""
    for obj in objects:
        kind = pdfium_c.FPDFPageObj_GetType(obj) if obj else -1
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 8:
            n = pdfium_c.FPDFFormObj_CountObjects(obj)
            if not _pictures_only([pdfium_c.FPDFFormObj_GetObject(obj, j) for j in range(n)], depth + 1):
                return False
        elif kind not in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_SHADING):
            return False
    return True


class _Chars:
    """PDFium calls for one text page, with their ctypes out-parameters made once."""

    def __init__(self, raw: object, tf: Transform) -> None:
        self.raw, self.tf = raw, tf
        self.ox, self.oy = ctypes.c_double(), ctypes.c_double()
        self.porigin = (ctypes.byref(self.ox), ctypes.byref(self.oy))
        self.left, self.right, self.bottom, self.top = (ctypes.c_double() for _ in range(4))
        self.pbox = tuple(ctypes.byref(v) for v in (self.left, self.right, self.bottom, self.top))
        self.upright = tf.rot == 0
        self.font_size, self.width = ctypes.c_float(), ctypes.c_float()
        self.loose = pdfium_c.FS_RECTF()
        self.ploose = ctypes.byref(self.loose)

    def origin(self, i: int) -> tuple[float, float]:
        _ORIGIN(self.raw, i, *self.porigin)
        if self.upright:
            return self.ox.value, self.tf.h - self.oy.value
        return self.tf.point(self.ox.value, self.oy.value)

    def right_edge(self, i: int) -> float:
        _BOX(self.raw, i, *self.pbox)
        if self.upright:
            return self.right.value
        xa, _ = self.tf.point(self.left.value, self.bottom.value)
        xb, _ = self.tf.point(self.right.value, self.top.value)
        return max(xa, xb)

    def advance(self, i: int) -> tuple[float, float]:
        """Where character `i` starts and where its advance ends, left to right (its loose box)."""
        _LOOSE_BOX(self.raw, i, self.ploose)
        box = self.loose
        if self.upright:
            return box.left, box.right
        xa, _ = self.tf.point(box.left, box.bottom)
        xb, _ = self.tf.point(box.right, box.top)
        return (xa, xb) if xa <= xb else (xb, xa)

    def left_of(self, x: float) -> bool:
        """Whether the box last measured starts left of `x` (a glyph drawn out of order)."""
        left = (
            self.left.value
            if self.upright
            else min(self.tf.point(self.left.value, 0.0)[0], self.tf.point(self.right.value, 0.0)[0])
        )
        return left < x - 0.5

    def bottom_raised(self, baseline: float) -> bool:
        """Whether the box last measured sits well above `baseline` (a superscript)."""
        if not self.upright:
            return False
        bottom = self.tf.h - self.bottom.value
        height = self.top.value - self.bottom.value
        return bottom < baseline - 0.35 * max(height, 1.0)

    def size(self, i: int) -> float:
        return float(_FONT_SIZE(self.raw, i)) or 10.0

    def glyph_width(self, i: int) -> float:
        """How far character `i` advances (its font's width for it at its size), -1 when the
        font cannot tell."""
        obj = _TEXT_OBJECT(self.raw, i)
        font = _OBJ_FONT(obj) if obj else None
        if not font or not _OBJ_FONT_SIZE(obj, ctypes.byref(self.font_size)):
            return -1.0
        code = _UNICODE(self.raw, i)
        if not _GLYPH_WIDTH(font, code, self.font_size, ctypes.byref(self.width)):
            return -1.0
        return float(self.width.value)


_WORD = re.compile(r"[^ \r\n\t\x00]+")


def _runs(textpage: PdfTextPage, tf: Transform, widths: Glyphs) -> tuple[list[Run], int, int]:
    """Word pieces in stream order. A word costs three calls (origin of its first and last
    character, font size, right edge); only a word whose ends disagree (a raised note mark glued
    to it, a piece drawn out of order) is walked character by character."""
    raw = textpage.raw
    n = pdfium_c.FPDFText_CountChars(raw)
    if n <= 0:
        return [], 0, 0
    text = textpage.get_text_range(0, n)
    if len(text) != n:  # characters outside the BMP: one call per character keeps indexes aligned
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, i)) for i in range(n))
    c = _Chars(raw, tf)
    runs: list[Run] = []
    prev_y, prev_end, size = -1e9, -10, 10.0
    line_y, reach = -1e9, -1e9  # the baseline being drawn, and the rightmost edge drawn on it so far
    # the calls and their out-parameters as locals: this loop runs once per word of the file
    get_origin, get_box, generated, font_size = _ORIGIN, _BOX, _GENERATED, _FONT_SIZE
    po_x, po_y = c.porigin
    pb_left, pb_right, pb_bottom, pb_top = c.pbox
    ox, oy, box_left, box_right, box_bottom, box_top = c.ox, c.oy, c.left, c.right, c.bottom, c.top
    upright, height = c.upright, tf.h
    append = runs.append
    points = break_points(text)  # where a word may end with no space drawn (`b)Ý`): few per page
    points.append(n)
    gi, next_point = 0, points[0]
    for m in _WORD.finditer(text):
        word = m[0]
        a, b = m.span()
        b -= 1
        # a space PDFium only inferred from a gap is weak evidence: LibreOffice draws Vietnamese
        # glyphs missing from a font later, in the gap they leave (`nghi p` + `ệ`)
        if a and text[a - 1] in " \t":
            space = "gen" if generated(raw, a - 1) else "space"
        else:
            space = "break"
        if upright:
            get_origin(raw, a, po_x, po_y)
            xa, ya = ox.value, height - oy.value
            get_box(raw, b, pb_left, pb_right, pb_bottom, pb_top)
            x1 = box_right.value
            # a glyph drawn out of order (the box of the last starts left of the first), or a
            # raised mark glued on (the last char's box sits well above the first's baseline)
            if b > a:
                bottom = box_bottom.value
                ink = box_top.value - bottom
                jumps = box_left.value < xa - 0.5 or height - bottom < ya - 0.35 * (ink if ink > 1.0 else 1.0)
            else:
                jumps = False
        else:
            xa, ya = c.origin(a)
            x1 = c.right_edge(b)
            jumps = b > a and (c.left_of(xa) or c.bottom_raised(ya))
        # ... or `⁸Trong` at the head of a note
        if jumps or (b > a and word[0].isdigit() and _raised_lead(c, text, a, ya)):
            pieces = _split(c, text, a, b, xa, ya, space)
            runs.extend(pieces)
            prev_y, prev_end, size = pieces[-1].y, b, pieces[-1].size
            continue
        if abs(ya - prev_y) > 0.3 or a - prev_end > 3:  # same line, next word: same font size
            size = font_size(raw, a) or 10.0
        if next_point <= b:  # places in the word where a gap may stand for a space
            inside = []
            while next_point <= b:
                if next_point > a:  # (a word split at its jumps above left its own behind)
                    inside.append(next_point)
                gi += 1
                next_point = points[gi]
            at = cuts(c.advance, a, b, inside, size) if inside else []
            if at:
                pieces = _cut(c, text, a, b, at, xa, ya, size, space)
                runs.extend(pieces)
                if abs(ya - line_y) > 0.3:
                    line_y, reach = ya, -1e9
                reach = max(reach, pieces[-1].x1)
                prev_y, prev_end = ya, b
                continue
        if abs(ya - line_y) > 0.3:
            line_y, reach = ya, -1e9
        elif b - a <= 1 and upright and xa < reach - 0.5:
            # a glyph or two drawn back into its line, after what follows it there: a fallback
            # font's glyph filling the gap LibreOffice left for it (`T` + `ự` + `do`); its ink
            # overhangs its advance, and the advance shows whether a space follows. A glyph
            # (character, size, ink width) advances alike wherever it is drawn: its font is asked once
            glyph = (text[b], size, round(box_right.value - box_left.value, 2))
            width = widths.get(glyph)
            if width is None:
                width = widths[glyph] = c.glyph_width(b)
            if b > a:
                get_origin(raw, b, po_x, po_y)
            end = (ox.value if b > a else xa) + width
            if width > 0 and abs(end - x1) < 0.5 * size:  # else a scaled text matrix: keep the ink
                x1 = end
        append(Run(word, xa, x1 if x1 > xa else xa, ya, size, a, space))
        if x1 > reach:
            reach = x1
        prev_y, prev_end = ya, b
    if "\ufffe" in text:  # PDFium's mark for a hyphen it takes for a soft one: it is printed
        for r in runs:
            r.text = r.text.replace("\ufffe", "-")
    chars = len(text) - sum(text.count(s) for s in " \r\n\t\x00")  # what `_WORD` matched
    return runs, chars, text.count("\ufffd")


def _raised_lead(c: _Chars, text: str, a: int, ya: float) -> bool:
    """Whether the word starts with a note number set above the letters after it (`⁸Trong`);
    only a digit glued to a letter costs the extra call."""
    return text[a].isdigit() and text[a + 1].isalpha() and abs(c.origin(a + 1)[1] - ya) > 1.5


def _cut(
    c: _Chars, text: str, a: int, b: int, at: list[int], x0: float, y: float, size: float, space: str
) -> list[Run]:
    """A word glued across gaps (`b)Ý`) cut before each index in `at`; the pieces after the
    first are led by a "gap" (`llmx.read.pdf_gaps`)."""
    out: list[Run] = []
    for start, end in zip([a, *at], [*at, b + 1], strict=True):
        x = x0 if start == a else c.advance(start)[0]
        x1 = c.right_edge(end - 1)
        out.append(Run(text[start:end], x, x1 if x1 > x else x, y, size, start, space if start == a else "gap"))
    return out


def _split(c: _Chars, text: str, a: int, b: int, x0: float, y0: float, space: str) -> list[Run]:
    """A word whose characters jump (baseline or backwards): cut into pieces at the jumps."""
    out: list[Run] = []
    start, last_x = a, x0
    for i in range(a + 1, b + 1):
        x, y = c.origin(i)
        if abs(y - y0) > 1.5 or x < last_x - 1.0:
            out.append(Run(text[start:i], x0, max(c.right_edge(i - 1), x0), y0, c.size(start), start, space))
            start, x0, y0, space = i, x, y, "none"
        last_x = x
    out.append(Run(text[start : b + 1], x0, max(c.right_edge(b), x0), y0, c.size(start), start, space))
    return out
