"""The lines of a report's header and closing block as the metadata rules read them: cleaned,
split into the columns of a flattened two-column table. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from llmx.vn import is_caps


@dataclass(frozen=True, slots=True)
class ReportLine:
    start: int
    end: int
    raw: str
    text: str  # stripped, NBSP-free, without wrapping emphasis markers


def _clean_line(raw: str) -> str:
    """A line without surrounding space, NBSP or stray emphasis markers."""
    return raw.replace("\xa0", " ").strip().strip("*_").strip()


def report_lines(text: str) -> list[ReportLine]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(ReportLine(pos, pos + len(raw), raw, _clean_line(raw)))
        pos += len(raw) + 1
    return out


HEADER_LINES = 15  # a report without a `BÁO CÁO` block: its header is read from this many lines


def header_end(lines: list[ReportLine], filled: int = HEADER_LINES) -> int:
    """Index just past the `filled`-th non-blank line: a header is so many lines of text however
    many blank lines a copy sets between them (a web copy puts one after every line)."""
    seen = 0
    for k, ln in enumerate(lines):
        seen += bool(ln.text)
        if seen == filled:
            return k + 1
    return len(lines)


def columns(line: str) -> list[str]:
    """Columns of a flattened two-column table line (cells apart by 3+ spaces, or ` | ` as the
    reader writes a .docx table row)."""
    parts = re.split(r"\s{3,}|\s+\|\s+", line.replace("\xa0", " ").strip())
    return [c.strip().strip("*_").strip() for c in parts if c.strip()]


def caps_line(s: str) -> bool:
    return is_caps(s, 2)
