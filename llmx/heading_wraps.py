"""Heading lines that wrap onto the next lines (hard-wrapped PDF text, titles on two lines). Pure.

A numbered line is judged with the lines it continues onto; an ALL-CAPS heading takes the caps
lines it wraps onto, even mid-word. Used by `headings.py`.
"""

from __future__ import annotations

import re

from llmx.heading_forms import all_caps, heading_match
from llmx.vn import FOOTNOTE_LINE, SIGN_TITLE_LINE

# words that cannot end a heading or a sentence: a line ending in one of them goes on
# (`Kết quả đạt được`, `Những việc đã làm được` end a heading: there `được` closes the phrase, as
# `tại` does in `Tồn tại` (shortfalls) and `hiện tại`)
_OPEN_WORD = re.compile(
    r"\s(?:của|và|với|cho|các|những|về|trong|(?<!ồn )(?<!hiện )tại|theo|để|là|(?<!đạt )(?<!làm )được|đã|có|từ|đến|"
    r"như|nhằm)$"
)


def continuation(text: str, lines: list[tuple[int, int]], k: int, rows: frozenset[int] = frozenset()) -> int | None:
    """Index of the line that continues line `k` (a hard wrap, as in PDF text), or None.

    A wrapped line is not itself a heading or bullet, and starts in lower case or with
    punctuation, or follows a trailing comma or dash; one blank line (a page break) may sit between.
    """
    if k + 1 >= len(lines):
        return None
    cur = text[lines[k][0] : lines[k][1]].rstrip()
    j = k + 1
    nxt = text[lines[j][0] : lines[j][1]].strip()
    if not nxt and j + 1 < len(lines):  # a page break inside a sentence leaves one blank line
        j += 1
        nxt = text[lines[j][0] : lines[j][1]].strip()
        if not nxt or not (nxt[0].islower() or cur.endswith((",", "-"))):
            return None
        if not nxt[0].islower():
            return j  # an upper-case continuation after a trailing comma or dash
    if j in rows or not nxt or heading_match(nxt) or FOOTNOTE_LINE.match(nxt) or nxt.startswith(("- ", "+ ")):
        return None
    if nxt[0].islower() or nxt[0] in ";,()":
        return j
    if j == k + 1 and (cur.endswith((",", "-")) or _OPEN_WORD.search(cur) or _PERIOD_TAIL.match(nxt)):
        return j
    return None


_PERIOD_TAIL = re.compile(r"^\d{1,2}\s+tháng(?:\s+(?:đầu|cuối))?\s+năm(?:\s+\d{4})?\s*:?$")  # `6 tháng đầu năm`
CAPS_OPEN_END = re.compile(r"(?:[,\-–]|\s(?:CỦA|VÀ|VỚI|CHO|CÁC|VỀ|TRONG|TẠI|THEO|ĐỂ|NHẰM))$")
CAPS_GOES_ON = re.compile(
    r"^(?:(?:CỦA|VÀ|VỀ|TRONG|TẠI|THEO|ĐỐI\s+VỚI|CHO|NĂM|GIAI\s+ĐOẠN)\s|\d{1,2}\s+THÁNG\s)"  # `6 THÁNG CUỐI NĂM 2025`
)


def caps_line(line: str) -> bool:
    """An ALL-CAPS line, or a short caps tail of a title (`NĂM 2026`: fewer letters than `all_caps` asks)."""
    return all_caps(line) or (line.isupper() and CAPS_GOES_ON.match(line) is not None)


def caps_wrap(text: str, lines: list[tuple[int, int]], k: int, rows: frozenset[int]) -> int | None:
    """Index of the ALL-CAPS line that continues the unnumbered caps heading on line `k` (one blank
    line may sit between), or None: the heading ends in a comma or an open word, or the next line
    opens with one (`GIẢI TRÌNH BỔ SUNG` / `CỦA ĐỒNG CHÍ CHỦ TỊCH`)."""
    cur = text[lines[k][0] : lines[k][1]].strip()
    for j in range(k + 1, min(k + 3, len(lines))):
        nxt = text[lines[j][0] : lines[j][1]].strip()
        if not nxt:
            continue
        ok = j not in rows and caps_line(nxt) and len(nxt) <= 120 and heading_match(nxt) is None
        if ok and not SIGN_TITLE_LINE.match(nxt) and (CAPS_OPEN_END.search(cur) or CAPS_GOES_ON.match(nxt)):
            return j
        return None
    return None


def caps_tail(
    text: str, lines: list[tuple[int, int]], k: int, rows: frozenset[int], heading: str, skip: set[int]
) -> tuple[str, int | None]:
    """The numbered caps heading on line `k` with the caps lines it wraps onto, even mid-word
    (`... THỰC HIỆN C` / `ÔNG TÁC ...`), and where its text ends (None: it does not wrap); the
    lines it takes are added to `skip`."""
    end: int | None = None
    j = k + 1
    while j < len(lines):
        nt = text[lines[j][0] : lines[j][1]].strip()
        if not nt and CAPS_GOES_ON.match(next_text(text, lines, j)) and j + 1 not in rows:
            j += 1  # a paragraph break inside the title (`II. NHIỆM VỤ` / `6 THÁNG CUỐI NĂM 2025`)
            continue
        if j in rows or not nt or not caps_line(nt) or heading_match(nt) or len(nt) > 120:
            break
        glue = "" if re.search(r"\s[A-ZĐ]$", heading.rstrip()) else " "
        heading = heading.rstrip() + glue + nt
        end = lines[j][0] + len(text[lines[j][0] : lines[j][1]].rstrip())
        skip.add(j)
        j += 1
    return heading, end


def next_text(text: str, lines: list[tuple[int, int]], k: int) -> str:
    """The next non-blank line after line `k`, stripped ('' at the end)."""
    for s, e in lines[k + 1 : k + 4]:
        t = text[s:e].strip()
        if t:
            return t
    return ""
