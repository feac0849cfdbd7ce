"""A space drawn as a gap, with no space character: `b)` then `Ý kiến đề xuất` placed 0.14 em on
(Word sets a list mark and its text as two pieces), read `b) Ý kiến`, not `b)Ý kiến`; while
letter-spaced text, numbers and touching glyphs stay whole.

The PDFs are written by hand (standard Times-Roman, its widths known), so each gap is exactly
what the test says: a generator would choose the spacing itself.
"""

from __future__ import annotations

from llmx.read import read_bytes
from llmx.read.pdf_gaps import break_points
from tests.docgen import hand_pdf

SIZE = 14.0
_WIDTHS = {"b": 0.5, ")": 0.333, "1": 0.5, ".": 0.25, "-": 0.333, "C": 0.667, "h": 0.5, "i": 0.278}


def _pdf(content: bytes) -> bytes:
    return hand_pdf(content, [b"<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>"])


def _escape(text: str) -> bytes:
    return text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _marked(mark: str, rest: str, gap: float, y: int = 700) -> bytes:
    """`mark` and `rest` as two text objects on one line, `gap` em between the mark's advance and `rest`."""
    x = 72 + SIZE * (sum(_WIDTHS[ch] for ch in mark) + gap)
    return b"BT /F1 14 Tf 72 %d Td (%s) Tj ET\nBT /F1 14 Tf %.3f %d Td (%s) Tj ET\n" % (
        y,
        _escape(mark),
        x,
        y,
        _escape(rest),
    )


def _read(content: bytes) -> str:
    return read_bytes(_pdf(content), "gaps.pdf").text


def test_a_list_mark_set_apart_by_a_gap_is_read_with_a_space() -> None:
    text = _read(
        _marked("b)", "Ý kien de xuat cua So Noi vu", 0.14, 700)
        + _marked("1.", "Ve cong tac to chuc", 0.14, 670)
        + _marked("-", "Cac hoi da to chuc dai hoi", 0.14, 640)
    )
    lines = text.split("\n")
    assert "b) Ý kien de xuat cua So Noi vu" in lines
    assert "1. Ve cong tac to chuc" in lines
    assert "- Cac hoi da to chuc dai hoi" in lines


def test_a_mark_touching_its_text_stays_glued() -> None:
    """The same pieces with no gap: nothing is drawn between them, so no space is read."""
    text = _read(_marked("b)", "Y kien", 0.0, 700) + _marked("1.", "Ve cong tac", 0.02, 670))
    assert text.split("\n") == ["b)Y kien", "", "1.Ve cong tac"]


def test_a_number_drawn_with_a_gap_inside_stays_one_number() -> None:
    """`1.234,5` set in two pieces with a gap after its dot: digits either side of a separator
    are one number, never two words."""
    text = _read(_marked("1.", "234,5 ha", 0.11))
    assert text == "1.234,5 ha"


def test_letter_spaced_text_is_not_torn_apart() -> None:
    """Character spacing widens every gap of a word alike (`K Y  2 0 2 4` drawn as `KY2024`):
    no gap stands out, so the word stays as its characters are."""
    text = _read(b"BT /F1 14 Tf 2 Tc 72 700 Td (BAO CAO KY2024) Tj ET\n")
    assert text == "BAO CAO KY2024"


def test_a_word_run_into_the_next_after_a_gap_is_split() -> None:
    """Two syllables drawn as two pieces with a gap between them (`Chỉsố`): split at the gap."""
    text = _read(_marked("Chi", "so nang luc", 0.19))
    assert text == "Chi so nang luc"


def test_break_points_are_where_words_may_meet_without_a_space() -> None:
    def at(text: str) -> list[str]:
        return [f"{text[:i]}|{text[i:]}" for i in break_points(text)]

    assert at("b)Ý") == ["b)|Ý"]
    assert at("-Các") == ["-|Các"]
    assert at("16tháng") == ["16|tháng"]
    assert at("ngày15") == ["ngày|15"]
    assert at("Chỉsố") == ["Chỉ|số", "Chỉs|ố"]
    assert at("1.234,5 15/9/2025 (nếu nghiêng") == []  # numbers, dates, an opening bracket, one syllable
    # a tone mark stored after its vowel (`XA` + U+0303 + `HO`...): never a break before the mark
    assert at("XA\u0303HO\u0302\u0323I") == ["XA\u0303|HO\u0302\u0323I", "XA\u0303H|O\u0302\u0323I"]
