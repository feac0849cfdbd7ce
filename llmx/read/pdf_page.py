"""One PDF page's raw material from PDFium: word pieces with their geometry, and ruling lines.

PDFium (through pypdfium2's raw bindings, which cost about a microsecond a call) gives the
page's characters in content-stream order with the spaces and line breaks it infers. A word
piece ("run") is a stretch of characters between those spaces, or between jumps in position;
its geometry is the origin of its first character (left edge and baseline), the right edge of
its last character and its font size. Ruling lines are thin path objects (Word draws table
borders as thin filled rectangles, LibreOffice as stroked lines); both come out as segments.
Coordinates are turned top-down (y grows down the page) and upright for rotated pages.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass

import pypdfium2.raw as pdfium_c

_RULE_MAX = 2.5  # a ruling is at most this thick (points)
_RULE_MIN = 4.0  # ...and at least this long


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
    # inferred from a gap), "break" (a line break or the page start) or "none" (a piece of a word)


@dataclass(slots=True)
class Rule:
    """A ruling segment: horizontal (y0 == y1 within its thickness) or vertical."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def horizontal(self) -> bool:
        return (self.x1 - self.x0) >= (self.y1 - self.y0)


@dataclass(slots=True)
class PageContent:
    width: float
    height: float
    runs: list[Run]
    rules: list[Rule]
    chars: int  # characters with a glyph on the page
    unmapped: int  # characters PDFium could not map to Unicode


class _Transform:
    """PDF user space (y up, possibly rotated page) -> upright top-down coordinates."""

    def __init__(self, width: float, height: float, rotation: int) -> None:
        self.w, self.h, self.rot = width, height, rotation % 360

    def point(self, x: float, y: float) -> tuple[float, float]:
        if self.rot == 90:
            return y, x
        if self.rot == 180:
            return self.w - x, y
        if self.rot == 270:
            return self.h - y, self.w - x
        return x, self.h - y

    def size(self) -> tuple[float, float]:
        return (self.h, self.w) if self.rot in (90, 270) else (self.w, self.h)


def page_content(page: object, textpage: object, rotation: int, width: float, height: float) -> PageContent:
    """Runs and rulings of one page (`page`/`textpage` are pypdfium2 PdfPage/PdfTextPage)."""
    tf = _Transform(width, height, rotation)
    runs, chars, unmapped = _runs(textpage, tf)
    rules = _rules(page, tf)
    w, h = tf.size()
    return PageContent(w, h, runs, rules, chars, unmapped)


class _Chars:
    """PDFium calls for one text page, with their ctypes out-parameters made once."""

    def __init__(self, raw: object, tf: _Transform) -> None:
        self.raw, self.tf = raw, tf
        self.ox, self.oy = ctypes.c_double(), ctypes.c_double()
        self.porigin = (ctypes.byref(self.ox), ctypes.byref(self.oy))
        self.left, self.right, self.bottom, self.top = (ctypes.c_double() for _ in range(4))
        self.pbox = tuple(ctypes.byref(v) for v in (self.left, self.right, self.bottom, self.top))
        self.upright = tf.rot == 0

    def origin(self, i: int) -> tuple[float, float]:
        pdfium_c.FPDFText_GetCharOrigin(self.raw, i, *self.porigin)
        if self.upright:
            return self.ox.value, self.tf.h - self.oy.value
        return self.tf.point(self.ox.value, self.oy.value)

    def right_edge(self, i: int) -> float:
        pdfium_c.FPDFText_GetCharBox(self.raw, i, *self.pbox)
        if self.upright:
            return self.right.value
        xa, _ = self.tf.point(self.left.value, self.bottom.value)
        xb, _ = self.tf.point(self.right.value, self.top.value)
        return max(xa, xb)

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
        return float(pdfium_c.FPDFText_GetFontSize(self.raw, i)) or 10.0


_WORD = re.compile(r"[^ \r\n\t\x00]+")


def _runs(textpage: object, tf: _Transform) -> tuple[list[Run], int, int]:
    """Word pieces in stream order. A word costs three calls (origin of its first and last
    character, font size, right edge); only a word whose ends disagree (a raised note mark glued
    to it, a piece drawn out of order) is walked character by character."""
    raw = textpage.raw  # type: ignore[attr-defined]
    n = pdfium_c.FPDFText_CountChars(raw)
    if n <= 0:
        return [], 0, 0
    text = textpage.get_text_range(0, n)  # type: ignore[attr-defined]
    if len(text) != n:  # characters outside the BMP: one call per character keeps indexes aligned
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, i)) for i in range(n))
    c = _Chars(raw, tf)
    runs: list[Run] = []
    chars = 0
    prev_y, prev_end, size = -1e9, -10, 10.0
    for m in _WORD.finditer(text):
        a, b = m.start(), m.end() - 1
        chars += b - a + 1
        # a space PDFium only inferred from a gap is weak evidence: LibreOffice draws Vietnamese
        # glyphs missing from a font later, in the gap they leave (`nghi p` + `ệ`)
        before = text[a - 1] if a else "\n"
        if before in " \t":
            space = "gen" if pdfium_c.FPDFText_IsGenerated(raw, a - 1) else "space"
        else:
            space = "break"
        xa, ya = c.origin(a)
        x1 = c.right_edge(b)
        if b > a and (c.left_of(xa) or c.bottom_raised(ya)):  # a raised mark glued on, or drawn out of order
            pieces = _split(c, text, a, b, xa, ya, space)
            runs.extend(pieces)
            prev_y, prev_end, size = pieces[-1].y, b, pieces[-1].size
            continue
        if abs(ya - prev_y) > 0.3 or a - prev_end > 3:  # same line, next word: same font size
            size = c.size(a)
        runs.append(Run(text[a : b + 1], xa, max(x1, xa), ya, size, a, space))
        prev_y, prev_end = ya, b
    for r in runs:
        if "\ufffe" in r.text:  # PDFium's mark for a hyphen it takes for a soft one: it is printed
            r.text = r.text.replace("\ufffe", "-")
    return runs, chars, text.count("\ufffd")


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


def _stroked_box(obj: object) -> bool:
    """A rectangle path that is drawn as an outline and not filled."""
    if pdfium_c.FPDFPath_CountSegments(obj) > 6:
        return False
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
        return False
    return bool(stroke.value) and fill.value == 0


def _rules(page: object, tf: _Transform) -> list[Rule]:
    """Thin path objects (top level and inside form XObjects) as ruling segments."""
    raw = page.raw  # type: ignore[attr-defined]
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    refs = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    out: list[Rule] = []
    get_type = pdfium_c.FPDFPageObj_GetType
    bounds = pdfium_c.FPDFPageObj_GetBounds
    path, form = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM

    def visit(objects: list[object], depth: int) -> None:
        for obj in objects:
            kind = get_type(obj)
            if kind == path:
                if not bounds(obj, *refs):
                    continue
                xa, ya = tf.point(left.value, bottom.value)
                xb, yb = tf.point(right.value, top.value)
                x0, x1, y0, y1 = min(xa, xb), max(xa, xb), min(ya, yb), max(ya, yb)
                w, hgt = x1 - x0, y1 - y0
                if hgt <= _RULE_MAX and w >= _RULE_MIN:
                    out.append(Rule(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2))
                elif w <= _RULE_MAX and hgt >= _RULE_MIN:
                    out.append(Rule((x0 + x1) / 2, y0, (x0 + x1) / 2, y1))
                elif w > _RULE_MIN and hgt > _RULE_MIN and _stroked_box(obj):
                    # a stroked rectangle is a cell's border; a filled one is shading or a
                    # highlight behind text, which must not turn into a table
                    out.extend([Rule(x0, y0, x1, y0), Rule(x0, y1, x1, y1), Rule(x0, y0, x0, y1), Rule(x1, y0, x1, y1)])
            elif kind == form and depth < 4:
                count = pdfium_c.FPDFFormObj_CountObjects(obj)
                visit([pdfium_c.FPDFFormObj_GetObject(obj, k) for k in range(count)], depth + 1)

    count = pdfium_c.FPDFPage_CountObjects(raw)
    visit([pdfium_c.FPDFPage_GetObject(raw, k) for k in range(count)], 0)
    return out
