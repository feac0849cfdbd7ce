"""Size guards: a file that would take minutes or gigabytes to read is refused in one line.

Three ways a small file can be huge: the file itself (over `max_file_mb`), a zip package whose
parts inflate far beyond the file (a .docx/.odt "zip bomb"), and a PDF whose Flate streams do the
same (a "flate bomb"). Zip parts are judged by the sizes their headers declare (Python's zipfile
never inflates past a declared size: a lying header ends in a CRC error, not in memory), and the
reader caps what it actually inflates. PDF streams are inflated chunk by chunk with a running
budget before the PDF library sees them, skipping images, which text extraction never decodes.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass

from llmx.errors import InputError

DEFAULT_MAX_FILE_MB = 100.0
MAX_PART_BYTES = 256 * 1024 * 1024  # one XML part of a package
MAX_UNZIPPED_BYTES = 512 * 1024 * 1024  # all parts of a package that are read
MAX_ZIP_RATIO = 200  # inflated size over file size beyond which a package is a bomb
MIN_BOMB_BYTES = 64 * 1024 * 1024  # small packages may inflate this much whatever the ratio
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """How much one report may take; `max_file_mb` comes from settings (flag > env > default)."""

    max_file_mb: float = DEFAULT_MAX_FILE_MB

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    def inflate_budget(self, file_size: int) -> int:
        """Bytes a package or PDF of `file_size` may inflate to before it counts as a bomb."""
        return min(MAX_UNZIPPED_BYTES, max(MIN_BOMB_BYTES, MAX_ZIP_RATIO * file_size))


def check_file_size(size: int, limits: Limits, path: str) -> None:
    if size > limits.max_file_bytes:
        raise InputError(
            f"file too large ({size / 1024 / 1024:.1f} MB; the limit is {limits.max_file_mb:g} MB, "
            "set by --max-file-mb or LLMX_MAX_FILE_MB)",
            path=path,
        )


def check_zip(z: zipfile.ZipFile, names: list[str], file_size: int, limits: Limits, path: str) -> None:
    """Refuse a package whose parts to be read declare more than the inflate budget."""
    budget = limits.inflate_budget(file_size)
    total = 0
    for name in names:
        try:
            info = z.getinfo(name)
        except KeyError:
            continue
        if info.file_size > MAX_PART_BYTES:
            raise InputError(
                f"refused: {name} inflates to {info.file_size / 1024 / 1024:.0f} MB (zip bomb?)", path=path
            )
        total += info.file_size
    if total > budget:
        raise InputError(
            f"refused: the package inflates to {total / 1024 / 1024:.0f} MB from a "
            f"{file_size / 1024:.0f} KB file (zip bomb?)",
            path=path,
        )


def read_part(z: zipfile.ZipFile, name: str, path: str) -> bytes | None:
    """A part's bytes, never more than `MAX_PART_BYTES` whatever its header says; None if absent."""
    try:
        info = z.getinfo(name)
    except KeyError:
        return None
    with z.open(info) as f:
        data = f.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES:
        raise InputError(f"refused: {name} inflates to over {MAX_PART_BYTES // 1024 // 1024} MB", path=path)
    return data


_STREAM = re.compile(rb"stream\r?\n")  # `endstream` is skipped by hand: a lookbehind here is 6x slower
_FLATE = re.compile(rb"/(?:FlateDecode|Fl)\b")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")


def check_pdf_streams(data: bytes, limits: Limits, path: str) -> None:
    """Inflate every Flate stream but images, counting bytes; refuse once past the budget."""
    budget = limits.inflate_budget(len(data))
    total = 0
    pos = 0
    while (m := _STREAM.search(data, pos)) is not None:
        begin = m.end()
        if data[max(0, m.start() - 3) : m.start()] == b"end":
            pos = begin
            continue
        end = data.find(b"endstream", begin)
        end = len(data) if end < 0 else end
        pos = max(end, begin)
        head = data[max(0, m.start() - 1024) : m.start()]
        head = head[head.rfind(b"obj") + 3 :] if b"obj" in head else head
        if not _FLATE.search(head) or _IMAGE.search(head):
            continue
        total += _inflated_size(data[begin:end], budget - total)
        if total > budget:
            raise InputError(
                f"refused: the PDF's streams inflate to over {budget / 1024 / 1024:.0f} MB from a "
                f"{len(data) / 1024:.0f} KB file (flate bomb?)",
                path=path,
            )


def _inflated_size(raw: bytes, room: int) -> int:
    """Bytes `raw` inflates to, counting no further than `room` + 1; damaged streams count as read."""
    inflater = zlib.decompressobj()
    size = 0
    pending = raw
    try:
        while pending and size <= room:
            size += len(inflater.decompress(pending, _CHUNK))
            pending = inflater.unconsumed_tail
            if inflater.eof:
                break
    except zlib.error:
        pass  # the PDF library reports a damaged stream better than we can
    return size
