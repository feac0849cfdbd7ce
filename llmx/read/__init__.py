"""The "read document" stage: bytes on disk -> one Unicode text plus what went wrong on the way.

Format is decided by content first (a `.txt` that is really a PDF is read as a PDF) and by the
file extension second. Text files are decoded strictly (UTF-8, UTF-16, Windows-1258) before
charset-normalizer is allowed to guess, because a wrong guess silently garbles Vietnamese.
Lines in the legacy TCVN3/VNI font encodings are decoded in every format and reported.
Nothing is normalized here (NFC, NBSP, markdown, chrome): `llmx.normalize` does that, so this
stage's output stays as close to the source as decoding allows. Every failure is an
`InputError` naming the file; bad input never produces a traceback.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from llmx.contract import Format, Problem
from llmx.errors import InputError
from llmx.read.legacy import repair_legacy, repair_messages, vietnamese_ratio

MAX_BYTES = 200 * 1024 * 1024

_EXTENSIONS: dict[str, Format] = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".pdf": "pdf",
    ".docx": "docx", ".docm": "docx", ".html": "html", ".htm": "html", ".xhtml": "html",
}
_MAGIC: dict[bytes, str] = {
    b"\x89PNG": "PNG image; a scanned page needs OCR first",
    b"\xff\xd8\xff": "JPEG image; a scanned page needs OCR first",
    b"GIF8": "GIF image",
    b"II*\x00": "TIFF image; a scanned page needs OCR first",
    b"MM\x00*": "TIFF image; a scanned page needs OCR first",
    b"\xd0\xcf\x11\xe0": "legacy Word .doc/.xls or a password-protected Office file; save it as .docx",
    b"{\\rtf": "RTF document; save it as .docx",
    b"\x1f\x8b": "gzip archive",
    b"Rar!": "RAR archive",
    b"7z\xbc\xaf": "7z archive",
    b"%!PS": "PostScript file",
}
_ZIP_KINDS = {"xl/": ".xlsx workbook", "ppt/": ".pptx presentation", "content.xml": "OpenDocument file; save it as .docx"}
_HTML_START = re.compile(r"^(?:\s|<\?xml[^>]*>|<!--.*?-->)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


@dataclass(frozen=True)
class RawDocument:
    """A report as read from disk: decoded, legacy passages repaired, not yet normalized."""

    path: str
    format: Format
    text: str
    sha256: str
    problems: list[Problem] = field(default_factory=list)


def read_document(path: str | Path) -> RawDocument:
    """Read a report file; raises InputError (naming the file) when it cannot be used."""
    shown = str(path)
    p = Path(path)
    try:
        if not p.exists():
            raise InputError("file not found", path=shown)
        if p.is_dir():
            raise InputError("is a directory, not a report file", path=shown)
        if not p.is_file():
            raise InputError("not a regular file (device, socket or pipe)", path=shown)
        with p.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError(f"file too large (over {MAX_BYTES // 1024 // 1024} MB)", path=shown)
    except (OSError, ValueError) as exc:  # permission denied, name too long, NUL in the name
        raise InputError(f"cannot read file ({getattr(exc, 'strerror', None) or exc})", path=shown) from exc
    return read_bytes(data, shown)


def read_bytes(data: bytes, path: str, fmt: Format | None = None) -> RawDocument:
    """Read an in-memory report; `path` names it in messages; the format is sniffed when None."""
    if not data.strip():
        raise InputError("empty file", path=path)
    fmt = fmt or sniff_format(data, path)
    problems: list[str] = []
    try:
        text = _extract(data, path, fmt, problems)
    except RecursionError as exc:
        raise InputError(f"binary or unsupported format ({fmt} nested too deeply)", path=path) from exc
    if not text.replace("\ufeff", "").strip():
        raise InputError(f"empty file (no text in this {fmt} document)", path=path)
    repaired, repairs = repair_legacy(text)
    problems += repair_messages(text, repairs)
    return RawDocument(
        path=path,
        format=fmt,
        text=repaired,
        sha256=hashlib.sha256(data).hexdigest(),
        problems=[Problem(stage="read", message=m) for m in problems],
    )


def _extract(data: bytes, path: str, fmt: Format, problems: list[str]) -> str:
    """The format's reader; readers are imported lazily so plain text needs no lxml or pypdf."""
    if fmt == "pdf":
        from llmx.read.pdf import read_pdf

        text, more = read_pdf(data, path)
    elif fmt == "docx":
        from llmx.read.docx import read_docx

        text, more = read_docx(data, path)
    elif fmt == "html":
        from llmx.read.html import html_to_text

        text, more = html_to_text(decode_html(data, path, problems), path)
    else:
        return decode_text(data, path, problems)
    problems += more
    return text


def sniff_format(data: bytes, path: str) -> Format:
    """Decide the format from the content first, then from the extension."""
    ext = Path(path).suffix.lower()
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _sniff_zip(data, path)
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"binary or unsupported format ({what})", path=path)
    if ext == ".pdf":
        raise InputError("binary or unsupported format (named .pdf but has no %PDF header)", path=path)
    if ext in (".md", ".markdown"):
        return "md"
    if _EXTENSIONS.get(ext) == "html":
        return "html"
    text = decode_text(data, path, [])  # raises on binary content
    if _HTML_START.match(text[:4096]) or re.search(r"<html\b|<body\b", text[:4096], re.I):
        return "html"  # also a web page saved as .doc, common on government sites
    if ext in (".docx", ".docm", ".doc"):
        raise InputError(f"binary or unsupported format (named {ext} but is not a Word zip package)", path=path)
    return "txt"


def _sniff_zip(data: bytes, path: str) -> Format:
    """A zip is a report only when it is a Word package."""
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise InputError(f"binary or unsupported format (damaged zip archive: {exc})", path=path) from exc
    if "word/document.xml" in names:
        return "docx"
    kind = next((what for prefix, what in _ZIP_KINDS.items() if any(n.startswith(prefix) for n in names)), None)
    raise InputError(f"binary or unsupported format ({kind or 'zip archive that is not a .docx'})", path=path)


def decode_text(data: bytes, path: str, problems: list[str]) -> str:
    """Decode a text file: BOM, UTF-16 without BOM, strict UTF-8, Windows-1258, legacy 8-bit, guess."""
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
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
