"""Is a PDF's text layer Vietnamese, or garbage that only looks like text? Repair what is safe.

A PDF can draw perfect Vietnamese while its text layer says `B o cáo t nh hình` (glyphs without
a Unicode mapping dropped, tone marks stored as separate glyphs), or private-use code points
from a symbol font. Such text must never pass as a clean report. Safe repairs: a combining tone
mark separated from its letter by spaces is put back on it; a mark written before its vowel is
moved after it; the private-use bullets of the Symbol/Wingdings fonts become the bullet they
draw; `ƣ`/`Ƣ` (Latin letter oi, which no Vietnamese word uses: a font mapping `ư` to the wrong code
point, `PHƢƠNG HƢỚNG`) becomes `ư`/`Ư`. What cannot be repaired is measured per page (share of words that are Vietnamese
syllables, stray combining marks, private-use and unmapped glyphs) and reported.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from llmx.read.legacy import is_syllable as _is_syllable

is_syllable = lru_cache(maxsize=8192)(_is_syllable)

GARBLED = "PDF text layer looks garbled"  # start of the problem message the CLI repeats on stderr
MIN_WORDS = 30  # a page with fewer words is not judged
MIN_SYLLABLE_SHARE = 0.75  # below this share of Vietnamese-shaped words a page reads as garbled

_MARK_AFTER_SPACE = re.compile(r"(?<=[^\W\d_])[ \t]+(?=[\u0300-\u036f])")
_MARK_BEFORE_VOWEL = re.compile(r"(?<![^\W\d_])([\u0300-\u036f]+)([aăâeêioôơuưyAĂÂEÊIOÔƠUƯY])")
_STRAY_MARK = re.compile(r"(?<![^\W\d_\u0300-\u036f])[\u0300-\u036f]")
_COMBINING = re.compile(r"[\u0300-\u036f]")
_PRIVATE = re.compile(r"[\ue000-\uf8ff]")
_WORD = re.compile(r"[^\W\d_]+")
_OI = str.maketrans({"ƣ": "ư", "Ƣ": "Ư"})
_SYMBOL_BULLETS = {
    "\uf0b7": "•", "\uf0a7": "▪", "\uf06c": "●", "\uf06e": "■", "\uf071": "❑", "\uf076": "❖",
    "\uf0d8": "➢", "\uf0e0": "→", "\uf0e8": "➔", "\uf0fc": "✓", "\uf0a8": "□", "\uf02d": "-", "\uf02b": "+",
}  # fmt: skip


@dataclass
class Repairs:
    marks: int = 0  # tone marks put back on their letter
    bullets: int = 0  # symbol-font bullets mapped
    letters: int = 0  # `ƣ` read as the `ư` it draws


def repair(text: str, counts: Repairs | None = None) -> str:
    """`text` with separated tone marks rejoined and symbol-font bullets mapped."""
    if not text.isascii():
        n = m = 0
        fixed = text
        if _COMBINING.search(text):  # both repairs need a combining mark: most text has none
            fixed, n = _MARK_AFTER_SPACE.subn("", text)
            fixed, m = _MARK_BEFORE_VOWEL.subn(r"\2\1", fixed)
        b, o = 0, fixed.count("ƣ") + fixed.count("Ƣ")
        if o:
            fixed = fixed.translate(_OI)
        if _PRIVATE.search(fixed):
            b = sum(fixed.count(k) for k in _SYMBOL_BULLETS)
            for k, v in _SYMBOL_BULLETS.items():
                fixed = fixed.replace(k, v)
        if counts is not None:
            counts.marks += n + m
            counts.bullets += b
            counts.letters += o
        return fixed
    return text


@dataclass
class PageQuality:
    words: int
    syllables: int
    stray_marks: int
    private: int
    unmapped: int
    chars: int = 0  # characters other than spaces
    alnum: int = 0  # letters and digits among them

    @property
    def share(self) -> float:
        return self.syllables / self.words if self.words else 1.0

    @property
    def garbled(self) -> bool:
        return (
            (self.words >= MIN_WORDS and self.share < MIN_SYLLABLE_SHARE)
            or self.stray_marks + self.private + self.unmapped > max(3, self.words // 50)
            or (self.chars >= 100 and self.alnum < 0.5 * self.chars)  # symbols where letters should be
        )


def page_quality(text: str, unmapped: int = 0) -> PageQuality:
    """How Vietnamese a page's text reads (NFC words; all-caps abbreviations are not judged)."""
    text = unicodedata.normalize("NFC", text)
    words = syllables = 0
    for w in _WORD.findall(text):
        if len(w) > 1 and w.isupper() and not is_syllable(w):
            continue  # UBND, HĐND, CCHC, KT-XH
        words += 1
        syllables += is_syllable(w)
    chars = len(text) - sum(text.count(c) for c in " \n\t")
    alnum = sum(map(str.isalnum, text))  # what `[^\W_]` matches, counted without a list of matches
    stray = len(_STRAY_MARK.findall(text)) if _COMBINING.search(text) else 0  # the lookbehind is slow
    return PageQuality(words, syllables, stray, len(_PRIVATE.findall(text)), unmapped, chars, alnum)


def quality_problems(pages: list[tuple[int, PageQuality]], repairs: Repairs) -> list[str]:
    """Problem messages: what was repaired, and which pages still read as garbage."""
    out: list[str] = []
    if repairs.marks:
        out.append(f"PDF text layer: {repairs.marks} tone mark(s) stored apart from their letter were rejoined")
    if repairs.letters:
        out.append(f"PDF text layer: {repairs.letters} 'ƣ' (a font's wrong code point for 'ư') read as 'ư'")
    bad = [(n, q) for n, q in pages if q.garbled]
    if bad:
        words = sum(q.words for _, q in bad)
        share = sum(q.syllables for _, q in bad) / words if words else 0.0
        details = [f"{share:.0%} of words read as Vietnamese syllables"]
        chars = sum(q.chars for _, q in bad)
        if chars and sum(q.alnum for _, q in bad) < 0.5 * chars:
            details.append(f"only {sum(q.alnum for _, q in bad) / chars:.0%} of characters are letters or digits")
        for label, count in (
            ("stray tone marks", sum(q.stray_marks for _, q in bad)),
            ("private-use glyphs", sum(q.private for _, q in bad)),
            ("glyphs without Unicode", sum(q.unmapped for _, q in bad)),
        ):
            if count:
                details.append(f"{count} {label}")
        pages_list = ", ".join(str(n) for n, _ in bad[:20]) + (", ..." if len(bad) > 20 else "")
        out.append(
            f"{GARBLED} on page(s) {pages_list} ({'; '.join(details)}): the text there is "
            "probably wrong; check it against the PDF or OCR those pages"
        )
    return out
