"""Legacy Vietnamese font encodings (TCVN3/ABC and VNI-Windows) that survive as mojibake.

Before Unicode, Vietnamese offices typed with 8-bit fonts (.VnTime = TCVN3, VNI-Times = VNI).
When such text is copied into a Unicode file, each byte shows up as the Latin-1 character with
the same number: `Sè thu B¶o hiÓm x· héi` is TCVN3 for `Số thu Bảo hiểm xã hội`, and
`Vieät Nam` is VNI for `Việt Nam`. This module finds such lines and decodes them. Pure: no I/O.

Detection is two-step so that ordinary Vietnamese (`é`, `ô`, `ê`), foreign names and footnote
marks (`quy định¹.`) never trip it: a cheap trigger (the genre-notes rules: >= 3 characters that
never occur in NFC Vietnamese, an upper-case Latin-1 letter inside a lower-case word, or a VNI
modifier glued to a vowel), then a check that decoding turns invalid syllables into valid ones.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from typing import Literal

LegacyEncoding = Literal["tcvn3", "vni"]
ENCODINGS: tuple[LegacyEncoding, ...] = ("tcvn3", "vni")

# TCVN 5712:1993 code chart, bytes 0xA1-0xFF (the VN3 subset used by the ABC fonts keeps all of
# them; 0xB0-0xB4 are combining tones in VN1 only and are left alone so real `°`, `²`, `³`
# survive). Position i of this string is byte 0xA1 + i; "\0" marks an unmapped byte.
_TCVN3_A1_FF = (
    "ĂÂÊÔƠƯĐăâêôơưđẰ"  # A1-AF
    "\0\0\0\0\0àảãáạẲằẳẵắẴ"  # B0-BF
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"  # C0-CF
    "éẹềểễếệìỉỄẾỒĩíịò"  # D0-DF
    "Ổỏõóọồổỗốộờởỡớợù"  # E0-EF
    "ỖủũúụừửữứựỳỷỹýỵỐ"  # F0-FF
)
TCVN3_TABLE: dict[str, str] = {chr(0xA1 + i): u for i, u in enumerate(_TCVN3_A1_FF) if u != "\0"}

# VNI-Windows: a base letter followed by one modifier byte; a few letters are single bytes.
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "ñ": "đ", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}
_VNI_SINGLE.update({k.upper(): v.upper() for k, v in list(_VNI_SINGLE.items())})
_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_CIRCUMFLEX = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
# modifier (lower case) -> (bases it applies to, combining marks it adds)
_VNI_MODIFIERS: dict[str, tuple[str, str]] = {}
for _m, _tone in _TONES.items():
    _VNI_MODIFIERS[_m] = ("aeouyơư", _tone)
for _m, _tone in _CIRCUMFLEX.items():
    _VNI_MODIFIERS[_m] = ("aeo", "\u0302" + _tone)
for _m, _tone in _BREVE.items():
    _VNI_MODIFIERS[_m] = ("a", "\u0306" + _tone)

# Characters that never occur in NFC Vietnamese but are common TCVN3/VNI bytes (genre-notes §2.5).
_ODD = set("¶·¸µ®©«¬ª¨»¼½¾ÆÇËÎÏÑÖ×ØÜÞßäåæçëîïñö÷øûüþ")
_ODD_CHAR = re.compile("[" + re.escape("".join(sorted(_ODD))) + "]")  # counted per line of every report
_MIXED_CASE = re.compile(r"[a-zß-öø-ÿ][À-ÖØ-Þ]")
_VNI_GLUE = re.compile(r"[aeouyAEOUY][øûïäåëüØÛÏÄÅËÜ]")
_WORDISH = set(TCVN3_TABLE) | set(_VNI_SINGLE) | set(_VNI_MODIFIERS) | {m.upper() for m in _VNI_MODIFIERS}

# Vietnamese syllable shape: onset + vowel nucleus + coda (loose: no nucleus/coda pairing rules).
_NUCLEI = (  # noqa: SIM905 (one string reads better than 53 quoted items)
    "uyê uya uyu oai oay oeo uây uôi ươi ươu iêu yêu "
    "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi ua uâ uê ui uô uơ uy ưa ưi ươ ưu yê "
    "a ă â e ê i o ô ơ u ư y"
).split()
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    rf"(?:{'|'.join(_NUCLEI)})"
    r"(?:ch|ng|nh|[cmnpt])?"
)
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_TRIGGER_ODD = 3


def decode_tcvn3(text: str) -> str:
    """Map every TCVN3 byte-character of `text` to Unicode; ASCII passes through."""
    return "".join(TCVN3_TABLE.get(c, c) for c in text)


def decode_vni(text: str) -> str:
    """Join VNI base letters with their modifier characters into Unicode letters."""
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = _VNI_SINGLE.get(text[i], text[i])
        nxt = text[i + 1] if i + 1 < len(text) else ""
        rule = _VNI_MODIFIERS.get(nxt.lower())
        if rule and ch.lower() in rule[0]:
            out.append(unicodedata.normalize("NFC", ch + rule[1]))
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def decode(text: str, encoding: LegacyEncoding) -> str:
    """Decode `text` written in the given legacy encoding."""
    return decode_tcvn3(text) if encoding == "tcvn3" else decode_vni(text)


def _words(line: str) -> list[str]:
    """Runs of letters (and legacy byte-characters), the unit syllables are judged on."""
    words: list[str] = []
    cur: list[str] = []
    for c in line:
        if c.isalpha() or c in _WORDISH or unicodedata.combining(c):
            cur.append(c)
        elif cur:
            words.append("".join(cur))
            cur = []
    if cur:
        words.append("".join(cur))
    return words


def is_syllable(word: str) -> bool:
    """True when `word` has the shape of one Vietnamese syllable with at most one tone mark."""
    nfd = unicodedata.normalize("NFD", word.lower())
    if sum(c in _TONE_MARKS for c in nfd) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONE_MARKS))
    return _SYLLABLE.fullmatch(bare) is not None


def _score(line: str) -> tuple[int, int]:
    """(valid, invalid) syllable counts over the words that are not plain ASCII."""
    valid = invalid = 0
    for w in _words(line):
        if w.isascii():
            continue
        if is_syllable(w):
            valid += 1
        else:
            invalid += 1
    return valid, invalid


def vietnamese_ratio(text: str) -> float:
    """Share of non-ASCII words that are valid Vietnamese syllables (0.0 when there are none)."""
    valid, invalid = _score(unicodedata.normalize("NFC", text))
    return valid / (valid + invalid) if valid + invalid else 0.0


def _triggered(line: str) -> bool:
    """The cheap genre-notes rules; a hit only means "worth trying to decode"."""
    odd = len(_ODD_CHAR.findall(line)) if not line.isascii() else 0
    # `¹` is a TCVN3 byte (ạ) between letters, a footnote mark elsewhere (`quy định¹.`)
    if "¹" in line:
        odd += len(re.findall(r"(?<=\w)¹(?=\w)", line))
    return odd >= _TRIGGER_ODD or bool(_MIXED_CASE.search(line) or _VNI_GLUE.search(line))


def _improves(line: str, decoded: str, strict: bool) -> bool:
    """Whether `decoded` reads as Vietnamese clearly better than `line` (or, loosely, no worse)."""
    if decoded == line:
        return False
    ov, oi = _score(line)
    nv, ni = _score(decoded)
    if not strict:
        return nv >= ov and ni <= oi
    return ni < oi and nv > ov and (nv - ni) >= (ov - oi) + 2 and ni * 4 <= nv + ni


# The 8-bit fonts draw byte values, which Word stores as the Windows-1252 characters of those
# bytes; a letter outside that repertoire (`ả`, `ử`, `đ`) cannot come from a legacy font.
_CP1252_LETTERS = frozenset("ŠšŒœŽžŸƒ")


def already_unicode(text: str) -> bool:
    """Whether `text` holds a letter (or combining mark) no 8-bit legacy font can store, so it is
    already Unicode even when Word says its font is `.VnTime` or `VNI-Times`."""
    return any(ord(c) > 0xFF and c not in _CP1252_LETTERS and unicodedata.category(c)[0] in "LM" for c in text)


def reads_better(text: str, decoded: str) -> bool:
    """Whether `decoded` reads as Vietnamese strictly better than `text` (more valid syllables
    net of invalid ones): the evidence a run really is legacy when its font alone is in doubt."""
    ov, oi = _score(text)
    nv, ni = _score(decoded)
    return nv - ni > ov - oi


def detect_legacy(line: str) -> LegacyEncoding | None:
    """The legacy encoding `line` is written in, or None for ordinary (Unicode) text."""
    if not _triggered(line):
        return None
    best: tuple[int, LegacyEncoding] | None = None
    for enc in ENCODINGS:
        decoded = decode(line, enc)
        if _improves(line, decoded, strict=True):
            v, i = _score(decoded)
            if best is None or v - i > best[0]:
                best = (v - i, enc)
    return best[1] if best else None


def repair_legacy(text: str) -> tuple[str, list[tuple[int, LegacyEncoding]]]:
    """Decode every legacy-encoded line of `text`; returns the text and (1-based line, encoding).

    When most lines that carry Latin-1 letters are legacy, the whole file is taken to be legacy
    and its remaining lines are decoded too whenever that does not make them read worse (short
    lines such as `Tæng sè` are too small for the per-line rules).
    """
    lines = text.split("\n")
    repairs: dict[int, LegacyEncoding] = {}
    for n, line in enumerate(lines):
        enc = detect_legacy(line)
        if enc:
            repairs[n] = enc
    candidates = [n for n, line in enumerate(lines) if re.search(r"[\xa1-\xff]", line)]
    if len(repairs) >= 3 and len(repairs) * 2 >= len(candidates):
        dominant = Counter(repairs.values()).most_common(1)[0][0]
        for n in candidates:
            if n not in repairs and _improves(lines[n], decode(lines[n], dominant), strict=False):
                repairs[n] = dominant
    out = [decode(line, repairs[n]) if n in repairs else line for n, line in enumerate(lines)]
    return "\n".join(out), [(n + 1, repairs[n]) for n in sorted(repairs)]


_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}


def _ranges(numbers: list[int]) -> str:
    """`[3, 4, 5, 9]` -> `3-5, 9`: keeps a whole-file repair to one readable message."""
    parts: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], 0]:
        if n != prev + 1:
            parts.append(f"{start}-{prev}" if prev > start else str(start))
            start = n
        prev = n
    return ", ".join(parts)


def repair_messages(original: str, repairs: Sequence[tuple[int, str]], max_lines: int = 10) -> list[str]:
    """Problem messages for `repairs`: one per line, or one per encoding when there are many."""
    lines = original.split("\n")

    def note(enc: str, nums: list[int]) -> str:
        lost = enc == "tcvn3" and not any("\xad" in lines[n - 1] for n in nums)
        return f"{_NAMES[enc]} legacy encoding decoded to Unicode" + ("; 'ư' may be lost" if lost else "")

    if len(repairs) <= max_lines:
        return [f"line {n}: {note(enc, [n])}" for n, enc in repairs]
    by_enc: dict[str, list[int]] = {}
    for n, enc in repairs:
        by_enc.setdefault(enc, []).append(n)
    return [f"{len(nums)} lines ({_ranges(nums)}): {note(enc, nums)}" for enc, nums in by_enc.items()]
