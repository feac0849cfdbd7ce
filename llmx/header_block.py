"""Where the header block of a report or a letter ends. Pure.

The header (issuer lines, `Số`, the motto, the date line, `BÁO CÁO` and its title, or a công văn's
`V/v ...` subject and `Kính gửi:`) is no part of the heading tree; `sections.py` starts the body
after it.
"""

from __future__ import annotations

import re

from llmx.heading_forms import all_caps, heading_match
from llmx.vn import DATE_LINE_SHAPE, DOC_NUMBER_LINE, KINH_GUI, MOTTO, SEPARATOR, SUBJECT_LINE, TITLE_MARK, is_caps


def _title_mark(line: str) -> bool:
    """`BÁO CÁO` alone on its line (the title follows on the next lines), or opening a short
    ALL-CAPS title line (`BÁO CÁO KIỂM ĐIỂM`, its subject on the next lines)."""
    m = TITLE_MARK.match(line)
    return m is not None and (m.group("rest") is None or (len(line) <= 80 and all_caps(line)))


def find_header_end(text: str, lines: list[tuple[int, int]]) -> int:
    """End of the header block: the line after the title under `BÁO CÁO`, or 0 when none.

    The title mark is looked for in the first third of the text (at least its first 4,000
    characters: a web page excerpt can be mostly header)."""
    limit = max(len(text) // 3, 4000)
    for k, (s, e) in enumerate(lines):
        if s > limit:
            break
        if _title_mark(text[s:e].strip()):
            end = e
            j = k + 1
            title_caps: bool | None = None  # whether the title is written in capitals (its wrapped lines are too)
            while j < len(lines):
                t = text[lines[j][0] : lines[j][1]].strip()
                if t and (
                    SEPARATOR.match(t)
                    or heading_match(t)
                    or len(t) > 200
                    or (j > k + 1 and _SENTENCE_LINE.match(t))
                    or (title_caps is False and all_caps(t) and len(t.split()) >= 2)
                ):
                    # (a caps line under a title in small letters is the body's first unnumbered heading:
                    # `Kết quả thực hiện nhiệm vụ tháng 11` / `NHIỆM VỤ THỜI GIAN TỚI`)
                    if SEPARATOR.match(t):
                        end = lines[j][1]
                    break
                if t:
                    end = lines[j][1]
                    if title_caps is None:
                        title_caps = t.isupper()
                j += 1
            return min(end + 1, len(text))
    return letter_header_end(text, lines)


# a full sentence after the title (`Trong tháng 5, UBND xã đã chỉ đạo ... .`): a report without headings begins
# its body here; a title line does not end in a full stop (a wrapped title's lines are shorter). The lead-in
# that opens the body (`Thực hiện Công văn số ..., UBND xã báo cáo ... như sau:`) ends in a colon instead.
_SENTENCE_LINE = re.compile(r"^(?!Kính gửi)[^\n]{60,}(?:[^./]\.|\bnhư\s+sau\s*:)$")
_HEADER_LINES = 30  # a công văn's header block is short
_STAMP = re.compile(r"^[\d\s./-]{1,12}$")  # a bare registration number stamped into the header (`12094`)
_DRAFT_DATE = re.compile(r"^[^\W\d_][^,\d]{0,40},\s*ngày\b[^.;]{0,40}\bnăm\s*$")  # a draft's `ngày ... tháng ... năm`
_SUBJECT_LINES = 3  # the `V/v ...` subject wraps onto at most this many more lines


def letter_header_end(text: str, lines: list[tuple[int, int]]) -> int:
    """End of a công văn-style header (no `BÁO CÁO` block), or 0 when the text opens otherwise.

    The header runs from the first line through issuer lines (ALL CAPS), `Số: .../...`, the
    `V/v ...` subject and its wrapped lines, `Kính gửi:` and the addressee bullets, the motto and
    the date line, in whatever order the two header columns were flattened; it counts only when
    it holds a number line or a date line, so a web page or a bare body keeps its first lines."""
    end, seen_anchor, subject_left, addressed = 0, False, 0, False
    for s, e in lines[:_HEADER_LINES]:
        t = text[s:e].strip()
        if not t:
            continue  # a docx writes a blank line between paragraphs, the subject's wrapped lines too
        anchor = bool(DOC_NUMBER_LINE.match(t) or DATE_LINE_SHAPE.match(t))
        if heading_match(t) and not SUBJECT_LINE.match(t):
            break  # `I. NỘI DUNG` right under `Kính gửi:` opens the body, caps as it is
        if SUBJECT_LINE.match(t):
            subject_left = _SUBJECT_LINES
        elif KINH_GUI.match(t):
            subject_left, addressed = 0, True
        elif (
            anchor
            or MOTTO.search(t)
            or is_caps(t, 4)
            or SEPARATOR.match(t)
            or _STAMP.match(t)
            or _DRAFT_DATE.match(t)
            or t == "*"  # HD 36 `*` rule
        ):
            subject_left = 0
        elif subject_left and len(t) <= 120 and heading_match(t) is None and not t.endswith(":"):
            # (a line ending in `:` is the body's lead-in, `UBND tỉnh đề nghị ... sau:`, no wrapped subject)
            subject_left -= 1
        elif not (addressed and t.startswith(("- ", "+ ")) and len(t) <= 120):
            break
        seen_anchor = seen_anchor or anchor
        end = e
    return min(end + 1, len(text)) if seen_anchor else 0
