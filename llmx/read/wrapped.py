"""Plain text hard-wrapped at a fixed width (a document site's text copy) rejoined into paragraphs.

Some page excerpts carry a Word document's text wrapped at ~80 characters, a page break as a run
of blank lines in mid-sentence, and a header field split over lines (`Số:` / `/BC-UBND`). Later
stages read one paragraph per line, so such a file is rejoined here, and only when it is plainly
wrapped: many lines stop mid-sentence and the next line goes on in lower case. A file written one
paragraph per line has (almost) no such breaks and is returned unchanged. Table rows split by
`|` and the lines of any table `llmx.read.text_tables` finds (`keep`) are never joined. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Collection

MIN_WRAPS = 3  # soft breaks before a file counts as hard-wrapped
MIN_WRAP_SHARE = 0.2  # ... and their share of the lines long enough to have been wrapped
MIN_WRAPPED_LINE = 40
MAX_BLANKS = 3  # a page break inside a sentence leaves at most this many blank lines

_SENTENCE_END = re.compile(r"[.:;!?…]$")
_FULL_STOP = re.compile(r"[.!?…]$")
_RULE_LINE = re.compile(r"^[-_=*~·–—. ]+$")  # `-----` under a title
_OPEN_WORD = re.compile(r"\s(?:của|và|với|cho|các|những|về|trong|tại|theo|để|là|được|đã|có|từ|đến|như|nhằm)$")
_LIST_MARK = re.compile(r"^(?:[a-zđ][.)]|[-+•*]\s)")
# a numbered heading (`2.`, `1.2.`, `II.`, `PHẦN II`, `Chương 3`), never the rest of a cut sentence
_HEADING_MARK = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]|[IVXLC]{1,5}[.)]|(?:PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)\s)")
_NUMBER_LABEL = re.compile(r"^Số\s*:$")  # `Số:` whose number and symbol went to a later line
_PIPE_ROW = re.compile(r"\|(?:(?<=^\|)|.*\|)")  # a table row (`| a | b |`, `a | b | c`), never a wrapped sentence


def _next_filled(lines: list[str], k: int) -> int | None:
    """Index of the next non-blank line after `k`, if at most MAX_BLANKS blank lines come first."""
    j = k + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    if j >= len(lines) or j - k - 1 > MAX_BLANKS:
        return None
    return j


def _goes_on(cur: str, nxt: str, blanks: int) -> bool:
    """True when `nxt` continues the sentence `cur` was cut in."""
    if _SENTENCE_END.search(cur) or _LIST_MARK.match(nxt):
        return False
    if nxt[0].islower():
        return True
    return blanks == 0 and (cur.endswith(",") or _OPEN_WORD.search(cur) is not None)


def _join_full_lines(lines: list[str], joins: dict[int, int], keep: Collection[int]) -> None:
    """In a file known to be hard-wrapped, also join a line cut before a capital or a figure
    (`... theo Nghị định` / `số 15/2025/NĐ-CP`, `... đạt` / `92%`, `...; Công văn số ...` after a `;`)
    when the break was forced by the width: the next line's first word would not have fitted on
    it. The width is that of the longest line already seen going on; a line that ends its
    sentence, a short line (a heading), a table line and a next line that opens a list item or a
    numbered heading stay apart."""
    width = max(len(lines[k].rstrip()) for k in joins)
    for k in range(len(lines) - 1):
        cur, nxt = lines[k].rstrip(), lines[k + 1].strip()
        if k in joins or k in keep or k + 1 in keep or not cur.strip() or not nxt or _FULL_STOP.search(cur):
            continue
        if lines[k + 1][:1].isspace() or _RULE_LINE.match(nxt):
            continue  # an indented line opens a paragraph; a `-----` rule under a title goes on nothing
        if cur.endswith(":") and not (nxt[0].islower() or nxt[0].isdigit()):
            continue  # `... như sau:` / `Tăng cường ...`: a list; `Heroin:` / `17; ...` goes on
        if _PIPE_ROW.search(cur) or _PIPE_ROW.search(nxt) or _LIST_MARK.match(nxt) or _HEADING_MARK.match(nxt):
            continue
        if len(cur) + 1 + len(nxt.split(" ", 1)[0]) > width:
            joins[k] = k + 1


def unwrap(text: str, keep: Collection[int] = ()) -> str:
    """`text` with its hard wraps joined by one space when the file is hard-wrapped, else as is."""
    lines = text.split("\n")
    long_lines = sum(1 for ln in lines if len(ln.strip()) >= MIN_WRAPPED_LINE)
    joins: dict[int, int] = {}  # line index -> index of the line that continues it
    for k, line in enumerate(lines):
        cur = line.strip()
        if not cur or (j := _next_filled(lines, k)) is None:
            continue
        nxt = lines[j].strip()
        if _PIPE_ROW.search(cur) or _PIPE_ROW.search(nxt) or k in keep or j in keep:
            continue
        split_number = _NUMBER_LABEL.match(cur) is not None and nxt.startswith("/")
        if split_number or (len(cur) >= MIN_WRAPPED_LINE and _goes_on(cur, nxt, j - k - 1)):
            joins[k] = j
    soft = sum(1 for k in joins if len(lines[k].strip()) >= MIN_WRAPPED_LINE)
    if soft < MIN_WRAPS or soft < MIN_WRAP_SHARE * long_lines:
        return text
    _join_full_lines(lines, joins, keep)
    out: list[str] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        while k in joins:
            k = joins[k]
            line = f"{line.rstrip()} {lines[k].strip()}"
        out.append(line)
        k += 1
    return "\n".join(out)
