"""Text files and HTML bytes to Unicode, strictly first: a wrong guess silently garbles Vietnamese.

Order: a BOM, UTF-16 without BOM, strict UTF-8, UTF-8 with a few damaged bytes, Windows-1258 or
a legacy 8-bit font encoding when that reads as Vietnamese, and only then charset-normalizer.
Every failure is an `InputError` naming the file.
"""

from __future__ import annotations

import codecs
import re

from llmx.errors import InputError
from llmx.read.legacy import repair_legacy, vietnamese_ratio

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def decode_text(data: bytes, path: str, problems: list[str]) -> str:
    """Decode a text file: BOM, UTF-16 without BOM, strict UTF-8, Windows-1258, legacy 8-bit, guess."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _checked(_decode_or_fail(data, codec, path), path)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _checked(_decode_or_fail(data[: len(data) // 2 * 2], utf16, path), path)
    if b"\x00" in data:
        raise InputError("binary or unsupported format (NUL bytes in a text file)", path=path)
    try:
        return _checked(data.decode("utf-8"), path)
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        text, bad = damaged
        problems.append(f"{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD (damaged or truncated file)")
        return _checked(text, path)
    return _checked(_decode_8bit(data, path, problems), path)


def _damaged_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 with a few bad bytes (a cut-off last character, a flipped byte) is still UTF-8."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    good = sum(1 for c in text if ord(c) > 0x7F and c != "\ufffd")
    return (text, bad) if good >= 20 * bad else None


def _decode_or_fail(data: bytes, codec: str, path: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid {codec.upper()} text ({exc.reason} at byte {exc.start})", path=path) from exc


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without BOM: ASCII-heavy text leaves NUL in every other byte."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.2 and even_nul < 0.02:
        return "utf-16-le"
    if even_nul > 0.2 and odd_nul < 0.02:
        return "utf-16-be"
    return None


def _decode_8bit(data: bytes, path: str, problems: list[str]) -> str:
    """Non-UTF-8 bytes: Windows-1258 or a legacy font encoding when it reads as Vietnamese."""
    cp1258 = data.decode("cp1258", errors="replace")
    latin = "".join(map(_cp1252_char, data))
    repaired, repairs = repair_legacy(latin)
    scores = {"cp1258": vietnamese_ratio(cp1258), "legacy": vietnamese_ratio(repaired) if repairs else 0.0}
    best = max(scores, key=lambda k: scores[k])
    if scores[best] >= 0.6:
        return cp1258 if best == "cp1258" else latin
    from charset_normalizer import from_bytes

    guess = from_bytes(data).best()
    if guess is None:
        raise InputError("unknown text encoding (not UTF-8, UTF-16 or Windows-1258)", path=path)
    problems.append(f"text encoding guessed as {guess.encoding} (not UTF-8); check the decoded text")
    return str(guess)


def _cp1252_char(b: int) -> str:
    """Windows-1252 as legacy-font documents were typed in, Latin-1 for its five holes."""
    return _CP1252_TABLE[b]


_CP1252_TABLE = [bytes([b]).decode("cp1252", errors="replace").replace("\ufffd", chr(b)) for b in range(256)]


def _checked(text: str, path: str) -> str:
    """Reject decoded text that is mostly control characters (a binary file that decoded)."""
    if len(_CONTROL.findall(text[:65536])) > max(8, len(text[:65536]) // 100):
        raise InputError("binary or unsupported format (control characters in a text file)", path=path)
    return text


def decode_html(data: bytes, path: str, problems: list[str]) -> str:
    """HTML bytes: BOM wins, then a `<meta charset>` that decodes cleanly, then text decoding."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(data):
        return decode_text(data, path, problems)
    m = _META_CHARSET.search(data[:8192])
    if m:
        declared = m.group(1).decode("ascii", "ignore").lower()
        try:
            codec = codecs.lookup(declared).name
        except LookupError:
            problems.append(f"unknown <meta charset> {declared!r} ignored")
            codec = ""
        latin_like = codec in ("latin-1", "iso8859-1", "cp1252", "ascii")
        if codec and not (latin_like and _is_utf8(data)):
            try:
                return _checked(data.decode(codec), path)
            except UnicodeDecodeError:
                problems.append(f"<meta charset> {declared!r} does not match the bytes; decoded by content")
    return decode_text(data, path, problems)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
