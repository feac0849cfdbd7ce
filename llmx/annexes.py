"""Appendices after the signature (LABELING.md: level-1 sections with no number). Pure.

A `PHỤ LỤC` / `Biểu số 02` line opens one; so does an ALL-CAPS title right above a
`(Kèm theo Kế hoạch số ...)` line, the genre's mark of an attachment, when it has no `Phụ lục` word.
"""

from __future__ import annotations

import re

from llmx.headings import MAX_HEADING_CHARS, Heading
from llmx.vn import ANNEX, MOTTO, SIGN_TITLE_LINE, is_caps

# a bare annex line (`Phụ lục 02`, `PHỤ LỤC II`): its title follows on the next lines
_ANNEX_ONLY = re.compile(r"^\S+\s+\S+(?:\s+(?:số\s+|SỐ\s+)?[\dIVXLC]{1,5}[a-zA-Z]?)?\s*[.:]?$")
_MAX_ANNEX_TITLE = 3  # caps title lines under a bare `Phụ lục`


def find_annexes(
    text: str, lines: list[tuple[int, int]], after: int, rows: frozenset[int] = frozenset()
) -> list[Heading]:
    """Appendix headings after the closing block (LABELING.md: level-1 sections with no number).

    A bare `Phụ lục` / `PHỤ LỤC 02` line takes the caps title lines under it as its heading;
    a line that names its content (`PHỤ LỤC I: KẾT QUẢ ...`) is the whole heading. Table rows
    never are (`rows`: indices of table row lines)."""
    found: list[Heading] = []
    for k, (s, e) in enumerate(lines):
        line = text[s:e].strip()
        if s < after or k in rows or not line or len(line) > MAX_HEADING_CHARS or not ANNEX.match(line):
            continue
        end, parts = e, [line]
        if _ANNEX_ONLY.match(line):
            for j, (s2, e2) in enumerate(lines[k + 1 :], start=k + 1):
                nxt = text[s2:e2].strip()
                if not nxt:
                    continue
                if j in rows or len(parts) > _MAX_ANNEX_TITLE or not is_caps(nxt, 4) or ANNEX.match(nxt):
                    break
                parts.append(nxt)
                end = e2
        found.append(Heading("ANNEX", None, " ".join(parts), s, end, _line_after(text, end)))
    return sorted(found + _untitled_annexes(text, lines, after, rows, found), key=lambda h: h.start)


_ATTACHED = re.compile(r"^\((?:Ban hành\s+)?[Kk]èm theo\b")  # `(Kèm theo Kế hoạch số .../KH-UBND ...)`


def _untitled_annexes(
    text: str, lines: list[tuple[int, int]], after: int, rows: frozenset[int], known: list[Heading]
) -> list[Heading]:
    """Appendices after the signature that carry no `Phụ lục` word: the ALL-CAPS title lines
    right above a `(Kèm theo ...)` line (`PHÂN CÔNG NHIỆM VỤ CỦA TỔ CÔNG TÁC ...`)."""
    found: list[Heading] = []
    for k, (s, e) in enumerate(lines):
        if s < after or not _ATTACHED.match(text[s:e].strip()):
            continue
        title: list[int] = []
        for j in range(k - 1, max(k - 7, -1), -1):
            t = text[lines[j][0] : lines[j][1]].strip()
            if not t:
                continue
            if lines[j][0] < after or j in rows or len(title) >= _MAX_ANNEX_TITLE:
                break
            if not is_caps(t, 4) or MOTTO.search(t) or SIGN_TITLE_LINE.match(t) or ANNEX.match(t):
                break
            title.insert(0, j)
        if not title:
            continue
        start, end = lines[title[0]][0], lines[title[-1]][1]
        if any(h.start <= start < h.end or h.start <= end <= h.end for h in known):
            continue  # the title of a `Phụ lục` line
        heading = " ".join(text[lines[j][0] : lines[j][1]].strip() for j in title)
        found.append(Heading("ANNEX", None, heading, start, end, _line_after(text, end)))
    return found


def _line_after(text: str, pos: int) -> int:
    """Start of the line after the one holding `pos`."""
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl + 1
