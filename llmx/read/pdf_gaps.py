"""Word breaks a PDF draws as a gap with no space character in it (`b)Ý kiến`, `-Các hội`, `Chỉsố`).

A PDF need not hold a space where one is seen: the next glyph may just be placed further on.
PDFium infers a space from such a gap only past about half a character's width, so a list mark
set apart from its text by a narrower gap (Word's `b)` then `Điểm`, 0.14 em apart) reads glued
to it, and the heading or bullet it opens is lost downstream. pdftotext breaks a word where the
gap between one glyph's advance and the next glyph's origin passes 0.1 em; so do we, measured
against the word's other gaps, so that letter-spaced text (`B Á O C Á O` drawn with character
spacing: every gap wide) stays whole.

Measuring every glyph would cost a PDFium call per character; a break is looked for only where
the text can change words without a space between them: after punctuation (`b)Ý`, `1.Về`, `-Đối`;
not between two digits: `1.234,5`, `15/9/2025`, nor after an opening bracket or quote), between a
digit and a letter (`16tháng`, `ngày15`), and in the consonants between two vowel groups
(`Chỉsố`, `hộisang`: a Vietnamese syllable has one vowel group). Between two digits (a number's
digits a font spaces unevenly) or inside a syllable no break is made. Pure.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from llmx.vn import LOWER, UPPER

MIN_GAP = 0.1  # em beyond the word's usual gap between glyphs: pdftotext's word break

_LETTER = LOWER[1:-1] + UPPER[1:-1]  # the classes' contents, escaped
_LETTERS = re.sub(r"\\(.)", r"\1", _LETTER)
_VOWEL = re.escape("".join(ch for ch in _LETTERS if unicodedata.normalize("NFD", ch)[0].lower() in "aeiouy"))
_CONSONANT = re.escape("bcdđghklmnpqrstvxfjwzBCDĐGHKLMNPQRSTVXFJWZ")
_PUNCT = re.escape(")].,:;/+-–—\"'”’*•…!?%&")  # may end a word (an opening bracket or quote may not)
# places where a word may end without a space: after a mark (`b)|Ý`; not inside a number: `1.|234`
# is tested below), either side of a digit run (`16|tháng`, `ngày|15`: `digit` marks the second),
# and in the consonants between two vowel groups. Every pattern starts at a class that is rare in
# running text or is one plain class, which keeps each scan fast
_AFTER_MARK = re.compile(rf"[{_PUNCT}](?=[0-9{_LETTER}])")
_DIGIT_EDGE = re.compile(rf"[0-9](?:(?=[{_LETTER}])|(?<=[{_LETTER}][0-9])(?P<digit>))")
# two vowel groups: two syllables (a PDF may store a tone mark apart, after its vowel: `XA\u0303HO\u0302\u0323I`)
_SYLLABLES = re.compile(rf"[{_VOWEL}][\u0300-\u036f]*(?P<consonants>[{_CONSONANT}]+)(?=[{_VOWEL}])")


def break_points(text: str) -> list[int]:
    """Indexes `i` of `text` (sorted) where a word may end before `text[i]` with no space drawn."""
    points = {
        i
        for m in _AFTER_MARK.finditer(text)
        if not ((i := m.end()) >= 2 and text[i].isdigit() and text[i - 2].isdigit())  # `1.234,5`, `15/9`
    }
    points.update(m.start() if m.start("digit") >= 0 else m.end() for m in _DIGIT_EDGE.finditer(text))
    for m in _SYLLABLES.finditer(text):
        points.update(range(m.start("consonants"), m.end() + 1))
    return sorted(points)


def cuts(advance: Callable[[int], tuple[float, float]], a: int, b: int, points: list[int], size: float) -> list[int]:
    """Where the word of characters `a`..`b` breaks: the `points` (each in `a + 1`..`b`) whose gap
    passes `MIN_GAP` em beyond the word's usual one. `advance(i)` is where character `i` starts
    and where its advance ends (its origin and the next glyph's natural origin), left to right."""
    spans = [advance(i) for i in range(a, b + 1)]
    gaps = [spans[k + 1][0] - spans[k][1] for k in range(b - a)]
    usual = sorted(gaps)[len(gaps) // 2] if len(gaps) > 2 else 0.0  # letter spacing widens them all
    usual = max(usual, -0.05 * size)  # a tight kerning makes no gap wide
    return [i for i in points if gaps[i - a - 1] - usual > MIN_GAP * size]
