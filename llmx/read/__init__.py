"""The "read document" stage: bytes on disk -> one Unicode text, its tables, and what went wrong.

Format is decided by content first (a `.txt` that is really a PDF is read as a PDF) and by the
file extension second; only a file named .html/.htm or with no known extension is sniffed for
HTML, so a `.txt` that quotes `<body>` stays text. Text files are decoded strictly before
charset-normalizer may guess (`llmx.read.text`). Word 97 .doc, .rtf and .odt go through
LibreOffice (`llmx.read.office`) and are then read as .docx. Tables come out one row per line
with exact offsets (`llmx.read.model`); a .txt/.md file's tables written as text (pipe,
tab-separated, pandoc grid/simple/multiline, space-aligned) are found by
`llmx.read.text_tables`. Lines in the legacy TCVN3/VNI font encodings are decoded in every
format and reported. Size guards (`llmx.read.guards`) refuse oversized files and zip or
flate bombs. Nothing is normalized here (NFC, NBSP, markdown, chrome): `llmx.normalize` does
that. Every failure is an `InputError` naming the file; bad input never produces a traceback.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path

from llmx.contract import Format, Problem
from llmx.errors import InputError
from llmx.read.guards import Limits, check_file_size
from llmx.read.legacy import LegacyEncoding, decode, repair_legacy, repair_messages
from llmx.read.model import Extracted, Table
from llmx.read.text import decode_html, decode_text

__all__ = ["Limits", "RawDocument", "Table", "read_bytes", "read_document", "sniff_format"]

_EXTENSIONS: dict[str, Format] = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".pdf": "pdf",
    ".docx": "docx", ".docm": "docx", ".html": "html", ".htm": "html", ".xhtml": "html",
    ".doc": "doc", ".rtf": "rtf", ".odt": "odt",
}  # fmt: skip
_MAGIC: dict[bytes, str] = {
    b"\x89PNG": "PNG image; a scanned page needs OCR first",
    b"\xff\xd8\xff": "JPEG image; a scanned page needs OCR first",
    b"GIF8": "GIF image",
    b"II*\x00": "TIFF image; a scanned page needs OCR first",
    b"MM\x00*": "TIFF image; a scanned page needs OCR first",
    b"\x1f\x8b": "gzip archive",
    b"Rar!": "RAR archive",
    b"7z\xbc\xaf": "7z archive",
    b"%!PS": "PostScript file",
}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OLE_KINDS = {  # stream names (UTF-16LE in the directory) that say what an OLE file holds
    "EncryptedPackage": "password-protected Office file; remove the password first",
    "Workbook": "Excel .xls workbook",
    "PowerPoint Document": "PowerPoint .ppt presentation",
}
_ZIP_KINDS = {"xl/": ".xlsx workbook", "ppt/": ".pptx presentation"}
_ODF_TEXT = b"application/vnd.oasis.opendocument.text"
_HTML_START = re.compile(r"^(?:\s|<\?xml[^>]*>|<!--.*?-->)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_TEXT_EXTENSIONS = frozenset({".txt", ".text", ".md", ".markdown", ".csv"})


@dataclass(frozen=True)
class RawDocument:
    """A report as read from disk: decoded, legacy passages repaired, not yet normalized."""

    path: str
    format: Format
    text: str
    sha256: str
    problems: list[Problem] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)  # data tables, offsets into `text`
    title: str | None = None  # a web page's article title (<h1>), when it has one


def read_document(path: str | Path, limits: Limits | None = None) -> RawDocument:
    """Read a report file; raises InputError (naming the file) when it cannot be used."""
    limits = limits or Limits()
    shown = str(path)
    p = Path(path)
    try:
        if not p.exists():
            raise InputError("file not found", path=shown)
        if p.is_dir():
            raise InputError("is a directory, not a report file", path=shown)
        if not p.is_file():
            raise InputError("not a regular file (device, socket or pipe)", path=shown)
        check_file_size(p.stat().st_size, limits, shown)
        # read in pieces: read(limit + 1) would reserve the whole limit (100 MB) for any file,
        # which a per-report memory budget (llmx run --report-memory, RLIMIT_AS) counts
        chunks: list[bytes] = []
        with p.open("rb") as f:
            while sum(map(len, chunks)) <= limits.max_file_bytes and (chunk := f.read(1 << 22)):
                chunks.append(chunk)
        data = b"".join(chunks)
        check_file_size(len(data), limits, shown)
    except (OSError, ValueError) as exc:  # permission denied, name too long, NUL in the name
        raise InputError(f"cannot read file ({getattr(exc, 'strerror', None) or exc})", path=shown) from exc
    return read_bytes(data, shown, limits=limits)


_LINK = re.compile(r"(?=[hw])(?:https?://|www\.)\S+", re.I)
_WORD = re.compile(r"[^\W\d_]{2,}")


def _check_has_words(text: str, path: str) -> None:
    """A text with no word outside its links (a saved URL, a page of numbers) holds no report:
    refused like an empty file, rather than written as an empty document without a word."""
    lowered = text.lower()  # (no `http`/`www.` in it: no link to take out, and no scan of a long text for one)
    linked = "http" in lowered or "www." in lowered
    if _WORD.search(_LINK.sub(" ", text) if linked else text):
        return
    link = _LINK.search(text)
    if link:
        shown = link.group()[:80]
        raise InputError(f"no report text: the file holds only a link ({shown}); save the page itself", path=path)
    raise InputError("no report text: no words, only numbers and signs", path=path)


def read_bytes(data: bytes, path: str, fmt: Format | None = None, limits: Limits | None = None) -> RawDocument:
    """Read an in-memory report; `path` names it in messages; the format is sniffed when None."""
    limits = limits or Limits()
    check_file_size(len(data), limits, path)
    if not data.strip():
        raise InputError("empty file", path=path)
    fmt = fmt or sniff_format(data, path)
    try:
        got = _extract(data, path, fmt, limits)
    except RecursionError as exc:
        raise InputError(f"binary or unsupported format ({fmt} nested too deeply)", path=path) from exc
    if not got.text.replace("\ufeff", "").strip():
        raise InputError(f"empty file (no text in this {fmt} document)", path=path)
    _check_has_words(got.text, path)
    repaired, repairs = repair_legacy(got.text)
    tables = got.tables
    if repairs and tables:
        where = _legacy_offsets(got.text, repairs)
        tables = [t.mapped(where) for t in tables]
    problems = got.problems + repair_messages(got.text, repairs)
    return RawDocument(
        path=path,
        format=fmt,
        text=repaired,
        sha256=hashlib.sha256(data).hexdigest(),
        problems=[Problem(stage="read", message=m) for m in problems],
        tables=tables,
        title=got.title,
    )


def _extract(data: bytes, path: str, fmt: Format, limits: Limits) -> Extracted:
    """The format's reader; readers are imported lazily so plain text needs no lxml or pdfium."""
    if fmt == "pdf":
        from llmx.read.pdf import read_pdf

        return read_pdf(data, path, limits)
    if fmt in ("docx", "doc", "rtf", "odt"):
        from llmx.read.docx import read_docx

        if fmt != "docx":
            from llmx.read.office import convert_to_docx

            data = convert_to_docx(data, f".{fmt}", path)
        return read_docx(data, path, limits)
    problems: list[str] = []
    if fmt == "html":
        from llmx.read.html import html_to_text

        got = html_to_text(decode_html(data, path, problems), path)
        got.problems[:0] = problems
        return got
    text = decode_text(data, path, problems)
    from llmx.read.text_tables import read_text_tables, table_lines

    if fmt == "txt":
        from llmx.read.wrapped import unwrap

        text = unwrap(text, keep=table_lines(text))  # a table's rows are never joined as wrapped prose
    got = read_text_tables(text)  # pipe, tab-separated, pandoc and space-aligned tables become real tables
    got.problems[:0] = problems
    return got


def _legacy_offsets(text: str, repairs: list[tuple[int, LegacyEncoding]]) -> _OffsetMap:
    """Where offsets of `text` land once the legacy lines in `repairs` are decoded."""
    return _OffsetMap(text, dict(repairs))


class _OffsetMap:
    """Offset map across a per-line legacy repair (decoding is per character, so prefixes map)."""

    def __init__(self, text: str, repairs: dict[int, LegacyEncoding]) -> None:
        self.lines = text.split("\n")
        self.repairs = repairs
        self.old_starts: list[int] = []
        self.new_starts: list[int] = []
        old = new = 0
        for n, line in enumerate(self.lines, 1):
            self.old_starts.append(old)
            self.new_starts.append(new)
            old += len(line) + 1
            new += len(decode(line, repairs[n]) if n in repairs else line) + 1

    def __call__(self, offset: int) -> int:
        k = bisect_right(self.old_starts, offset) - 1
        within = offset - self.old_starts[k]
        enc = self.repairs.get(k + 1)
        if enc is not None:
            within = len(decode(self.lines[k][:within], enc))
        return self.new_starts[k] + within


def sniff_format(data: bytes, path: str) -> Format:
    """Decide the format from the content first, then from the extension."""
    ext = Path(path).suffix.lower()
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _sniff_zip(data, path)
    if data.startswith(_OLE):
        return _sniff_ole(data, path, ext)
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
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
    if ext not in _TEXT_EXTENSIONS and (
        _HTML_START.match(text[:4096]) or re.search(r"<html\b|<body\b", text[:4096], re.I)
    ):
        return "html"  # also a web page saved as .doc, common on government sites
    if ext in (".docx", ".docm", ".doc", ".odt"):
        raise InputError(f"binary or unsupported format (named {ext} but is not a Word document)", path=path)
    return "txt"


def _sniff_zip(data: bytes, path: str) -> Format:
    """A zip is a report only when it is a Word package or an OpenDocument text."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        names = z.namelist()
        mimetype = z.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise InputError(f"binary or unsupported format (damaged zip archive: {exc})", path=path) from exc
    if "word/document.xml" in names:
        return "docx"
    if mimetype.strip() == _ODF_TEXT:
        return "odt"
    kind = next((what for prefix, what in _ZIP_KINDS.items() if any(n.startswith(prefix) for n in names)), None)
    if kind is None and mimetype.startswith(b"application/vnd.oasis.opendocument"):
        kind = "OpenDocument file that is not a text document"
    raise InputError(f"binary or unsupported format ({kind or 'zip archive that is not a .docx'})", path=path)


def _sniff_ole(data: bytes, path: str, ext: str) -> Format:
    """An OLE compound file is a Word 97 .doc unless its directory names another kind."""
    if "WordDocument".encode("utf-16-le") in data and ext not in (".xls", ".ppt"):
        return "doc"
    for name, what in _OLE_KINDS.items():
        if name.encode("utf-16-le") in data:
            raise InputError(f"binary or unsupported format ({what})", path=path)
    if ext in (".xls", ".ppt", ".msg"):
        raise InputError(f"binary or unsupported format (Office {ext} file)", path=path)
    return "doc"
