"""One PDF page's drawn paths from PDFium: ruling segments (table borders) and the shapes that are
not rulings (a chart's bars, frames, shading); and what the page's two readers share, PDFium calls
without pypdfium2's argument checks and the upright top-down transform. Split from `pdf_page.py`,
which reads the page's text into word pieces: paths and text are read by separate PDFium calls and
meet only in `PageContent`.

Ruling lines are thin path objects (Word draws table borders as thin filled rectangles, LibreOffice
as stroked lines); both come out as segments.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pypdfium2.raw as pdfium_c

if TYPE_CHECKING:  # pypdfium2 ships no type information: this names the class, mypy takes it as Any
    from pypdfium2 import PdfPage


def unchecked(fn: Any) -> Callable[..., Any]:
    """PDFium's `fn` (same result type) without pypdfium2's argument types: ctypes then passes
    ints, handles and byref() out-parameters as they are instead of checking each against the
    prototype, which makes a call about three times cheaper (0.25 vs 0.8 µs); these run once per
    word or page object. Callers pass only what needs no conversion: small non-negative ints
    (indexes, codes), handles, ctypes values and byref()s."""
    address = ctypes.cast(fn, ctypes.c_void_p).value
    if not address:
        raise ImportError(f"PDFium function {fn!r} has no address")
    return ctypes.CFUNCTYPE(fn.restype)(address)


_OBJECT = unchecked(pdfium_c.FPDFPage_GetObject)
_FORM_OBJECT = unchecked(pdfium_c.FPDFFormObj_GetObject)
_OBJ_TYPE = unchecked(pdfium_c.FPDFPageObj_GetType)
_OBJ_BOUNDS = unchecked(pdfium_c.FPDFPageObj_GetBounds)
_RULE_MAX = 2.5  # a ruling is at most this thick (points)
_RULE_MIN = 4.0  # ...and at least this long


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
class Shape:
    """A drawn area that is not a ruling (top-down box): a chart's bar, a frame, a shaded cell."""

    x0: float
    y0: float
    x1: float
    y1: float
    filled: bool  # filled with a colour other than white (a bar, a legend key, shading)
    rect: bool  # one rectangle (a frame or a bar), not a curve or a polyline


class Transform:
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


_MAX_SUBPATHS = 200  # a filled path of more rectangles than this is not read piece by piece


class Paths:
    """Ruling segments and shapes of one page, from its path objects."""

    def __init__(self, tf: Transform) -> None:
        self.tf = tf
        self.rules: list[Rule] = []
        self.shapes: list[Shape] = []
        self.fill, self.stroke = ctypes.c_int(), ctypes.c_int()
        self.rgba = tuple(ctypes.c_uint() for _ in range(4))
        self.matrix = pdfium_c.FS_MATRIX()
        self.px, self.py = ctypes.c_float(), ctypes.c_float()

    def path(self, obj: object, x0: float, y0: float, x1: float, y1: float) -> None:
        w, hgt = x1 - x0, y1 - y0
        if hgt <= _RULE_MAX and w >= _RULE_MIN:
            self.rules.append(Rule(x0, (y0 + y1) / 2, x1, (y0 + y1) / 2))
            return
        if w <= _RULE_MAX and hgt >= _RULE_MIN:
            self.rules.append(Rule((x0 + x1) / 2, y0, (x0 + x1) / 2, y1))
            return
        if w <= 1.0 or hgt <= 1.0:
            return
        segments = pdfium_c.FPDFPath_CountSegments(obj)
        if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(self.fill), ctypes.byref(self.stroke)):
            return
        filled = self.fill.value != 0 and not self._white(obj)
        if segments <= 6:
            if w > _RULE_MIN and hgt > _RULE_MIN and self.stroke.value and self.fill.value == 0:
                # a stroked rectangle is a cell's border; a filled one is shading or a highlight
                # behind text, which must not turn into a table
                self.rules.extend(
                    [Rule(x0, y0, x1, y0), Rule(x0, y1, x1, y1), Rule(x0, y0, x0, y1), Rule(x1, y0, x1, y1)]
                )
            self.shapes.append(Shape(x0, y0, x1, y1, filled, True))
        elif filled and segments <= 5 * _MAX_SUBPATHS:
            self.shapes.extend(self._rectangles(obj, segments) or [Shape(x0, y0, x1, y1, True, False)])
        else:
            self.shapes.append(Shape(x0, y0, x1, y1, filled, False))

    def _white(self, obj: object) -> bool:
        r, g, b, _ = self.rgba
        if not pdfium_c.FPDFPageObj_GetFillColor(obj, *(ctypes.byref(v) for v in self.rgba)):
            return False
        return min(r.value, g.value, b.value) >= 245

    def _rectangles(self, obj: object, count: int) -> list[Shape]:
        """A filled path drawn as several rectangles (Word draws a chart's series as one path):
        each rectangle as a shape, or nothing when the path holds curves or other polygons."""
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(self.matrix)):
            return []
        m = self.matrix
        subpaths: list[list[tuple[float, float]]] = []
        for k in range(count):
            seg = pdfium_c.FPDFPath_GetPathSegment(obj, k)
            kind = pdfium_c.FPDFPathSegment_GetType(seg)
            if kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
                return []
            if not pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(self.px), ctypes.byref(self.py)):
                return []
            x, y = self.px.value, self.py.value
            point = self.tf.point(m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f)
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not subpaths:
                subpaths.append([point])
            else:
                subpaths[-1].append(point)
        out: list[Shape] = []
        for points in subpaths:
            xs = sorted({round(p[0], 1) for p in points})
            ys = sorted({round(p[1], 1) for p in points})
            if len(points) not in (4, 5) or len(xs) != 2 or len(ys) != 2:
                return []
            out.append(Shape(xs[0], ys[0], xs[1], ys[1], True, True))
        return out


def read_paths(page: PdfPage, tf: Transform) -> Paths:
    """Rulings and shapes of the page's path objects (top level and inside form XObjects)."""
    raw = page.raw
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    r_left, r_bottom, r_right, r_top = (ctypes.byref(v) for v in (left, bottom, right, top))
    out = Paths(tf)
    get_type, bounds = _OBJ_TYPE, _OBJ_BOUNDS
    path, form = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM
    upright, height = tf.rot == 0, tf.h

    def visit(holder: object, count: int, get: Callable[..., Any], depth: int) -> None:
        for k in range(count):
            obj = get(holder, k)
            kind = get_type(obj)
            if kind == path:
                if not bounds(obj, r_left, r_bottom, r_right, r_top):
                    continue
                if upright:  # most pages: the transform inlined, this runs once per path object
                    xa, xb, ya, yb = left.value, right.value, height - bottom.value, height - top.value
                else:
                    xa, ya = tf.point(left.value, bottom.value)
                    xb, yb = tf.point(right.value, top.value)
                out.path(obj, min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb))
            elif kind == form and depth < 4:
                visit(obj, pdfium_c.FPDFFormObj_CountObjects(obj), _FORM_OBJECT, depth + 1)

    visit(raw, pdfium_c.FPDFPage_CountObjects(raw), _OBJECT, 0)
    return out
