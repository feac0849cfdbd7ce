"""Glyphs drawn from a second font into gaps the first font left, as LibreOffice exports a
Vietnamese text whose font lacks some glyphs: the line is one text object with holes, the
missing glyphs come after it, each in the hole left for it. PDFium reads them last; the reader
puts them back into their words, with a space after one only where its advance (not its ink,
which may overhang) leaves a gap.

The PDFs are written by hand here: a generator such as fpdf2 draws every piece as its own
text object in order, which PDFium sorts back into place and which tests nothing.
"""

from __future__ import annotations

import pytest

from llmx.read import read_bytes
from tests.docgen import hand_pdf

SIZE = 14.0
TIMES_T = 0.611  # advances of Times-Roman `T` and `C`, Times-Italic `f` (em, the standard metrics)
TIMES_C = 0.667
ITALIC_F = 0.278
SPACE = 0.25  # Times-Roman's space


def _pdf(content: bytes) -> bytes:
    return hand_pdf(
        content,
        [
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Italic >>",
        ],
    )


def _line(after_filler: float, after_c: float) -> str:
    """`Doc lap - T` [hole] `do - C`, then an italic `f` drawn into the hole (a gap of
    `after_filler` em after its advance) and a `o` drawn `after_c` em after `C`."""
    hole = round((ITALIC_F + after_filler) * 1000)
    base = b"[(Doc lap - T) -%d (do - C)] TJ" % hole
    # where `T` ends and `C` ends, from the standard widths of the text before them
    t_end = 72 + SIZE * (_times("Doc lap - ") + TIMES_T)
    c_end = t_end + SIZE * (ITALIC_F + after_filler + _times("do - ") + TIMES_C)
    content = b"BT /F1 14 Tf 72 700 Td %s ET\n" % base
    content += b"BT /F2 14 Tf %.3f 700 Td (f) Tj ET\n" % t_end
    content += b"BT /F1 14 Tf %.3f 700 Td (o) Tj ET\n" % (c_end + SIZE * after_c)
    return read_bytes(_pdf(content), "fallback.pdf").text


def _times(text: str) -> float:
    widths = {"D": 0.722, "o": 0.5, "c": 0.444, " ": 0.25, "l": 0.278, "a": 0.444, "p": 0.5, "-": 0.333, "d": 0.5}
    return sum(widths[ch] for ch in text)


@pytest.mark.parametrize("gap", [SPACE, 0.2])
def test_a_space_after_a_filler_glyph_is_measured_from_its_advance_not_its_ink(gap: float) -> None:
    """Italic `f` overhangs its advance, so its ink nearly reaches `do`: `Tf do`, not `Tfdo`."""
    assert _line(gap, 0.0).startswith("Doc lap - Tf do - C")


def test_a_filler_glyph_set_tight_against_the_next_piece_is_glued() -> None:
    assert _line(0.0, 0.0).startswith("Doc lap - Tfdo - C")


def test_a_filler_glyph_last_on_its_line_joins_the_piece_before_it() -> None:
    """`Công an tỉnh - C` + `ơ`: the last glyph, drawn after the line, a hair from `C`."""
    assert _line(SPACE, 0.08) == "Doc lap - Tf do - Co"
