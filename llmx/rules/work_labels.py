"""Labels and lead-ins that name the work ahead, for telling tasks outside task sections (SPEC 5, 1.1). Pure.

A paragraph's work is next-period work when a label on its line says so (`- Nhiệm vụ trọng tâm tháng 3/2023:
Tập trung ...`), when a web excerpt's sub-heading over it does (`Nhiệm vụ 6 tháng cuối năm`), or when a run-in
lead-in sets the work out for a later time (`Năm 2026, huyện đề ra 3 khâu đột phá: (1) ...; (2) ...`,
`Kỳ họp thông qua Nghị quyết ... năm 2025 với các chỉ tiêu: thu nhập ... đạt 65 triệu đồng; ...`).
"""

from __future__ import annotations

import re

from llmx.contract import Period
from llmx.rules.ahead import FUTURE, Now, names_ahead, names_next
from llmx.rules.sentences import ORDINAL, Unit
from llmx.vn import DIRECTIVE_START

# next-period work named by a label or a lead-in (`Nhiệm vụ trọng tâm tháng 3/2023:`)
WORK = re.compile(
    r"(?:[-+*•]\s*)?(?:phương hướng|nhiệm vụ|kế hoạch|công tác trọng tâm|trọng tâm công tác|"
    r"chương trình (?:công tác|lãnh đạo|làm việc))",
    re.I,
)
_WORK_LABEL = re.compile(rf"^\s*{WORK.pattern}[^:.;]{{0,60}}:\s*$", re.I)
# `b) Nhiệm vụ tháng 6`, `- Kế hoạch tháng 6` on a line of its own over a sector's items (no colon)
# (`II. LÃNH ĐẠO THỰC HIỆN NHIỆM VỤ THÁNG 9` in a Party committee's report on August too)
_WORK_LINE = re.compile(
    rf"(?:(?:lãnh đạo|chỉ đạo|triển khai|tổ chức)(?:,?\s+(?:chỉ đạo|thực hiện))*\s+)?{WORK.pattern}[^:.;\n]{{0,60}}",
    re.I,
)
# `Phương hướng:`, `* Phương hướng, nhiệm vụ:` naming no time: a direction is always the one ahead
_BARE_DIRECTION = re.compile(r"^\s*(?:[-+*•]\s*)?phương hướng(?:,?\s*(?:nhiệm vụ|giải pháp))?\s*:\s*$", re.I)
# a page's sub-heading over the work ahead (`<strong>Nhiệm vụ 6 tháng cuối năm</strong>`): short, no end mark
_WORK_SUBHEAD = re.compile(
    r"(?:(?:Những |Các )?(?:phương hướng|nhiệm vụ|giải pháp)|Thời gian tới)(?:,?\s[^.;:!?\n]{0,50})?$", re.I
)
# `Những giải pháp đột phá` over what was done: solutions name the work ahead only with its time (`Giải pháp thời gian
# tới`, `Giải pháp năm 2026`)
_SOLUTIONS = re.compile(r"(?:Những |Các )?giải pháp", re.I)
_SUBHEAD_WORDS = 12  # a page's sub-heading is a short line without an end mark
_SUBHEAD_REACH = 12  # ... found this many lines up at most
# `Một là, chỉ đạo ...`, `Hai là, ...`: a page's run of numbered work in words (the units start after the number)
_ORDINAL_ITEM = re.compile(rf"{ORDINAL}\s*$")
# `Chủ tịch UBND huyện yêu cầu: ...`, `Hội nghị đề ra nhiệm vụ 6 tháng cuối năm: ...`
ASK_LABEL = re.compile(r"(?<!\w)(?:yêu cầu|đề nghị|nhấn mạnh|chỉ đạo|(?:nhiệm vụ|giải pháp)[^:.;]{0,60})\s*:\s*$", re.I)
_ITEM_NUMBER = re.compile(r"\(?\d{1,2}\)\s*$")  # `đề nghị: 1) ` before the first item, cut off the unit
_INLINE_WORK_LABEL = re.compile(
    r"(?=[^:;.]*:)[^:;.]{0,100}?(?<!\w)(?=[ngyđcmkp])"
    r"(?:nhiệm vụ|giải pháp|yêu cầu|đề nghị|chỉ tiêu|mục tiêu|khâu đột phá|phương hướng)[^:;.]{0,60}:\s+(?=\S)",
    re.I,
)
# the targets a label sets (`... với các chỉ tiêu: thu nhập bình quân ... đạt 65 triệu đồng`): no verb opens them
_TARGETS = re.compile(r"(?<!\w)(?:chỉ tiêu|mục tiêu)[^:;.]{0,60}:\s+$", re.I)
# a run-in lead-in setting out work (`..., huyện đề ra 3 khâu đột phá: `, `Hội nghị thống nhất các nhiệm vụ: `)
_SETS_OUT = re.compile(
    r"(?<!\w)(?:đề ra|xác định|thống nhất|thông qua)\s[^:.;]{0,150}?(?<!\w)"
    r"(?:nhiệm vụ|giải pháp|khâu đột phá|đột phá|chỉ tiêu|mục tiêu)(?!\w)[^:.;]{0,80}:\s*$",
    re.I,
)
# setting work out looks ahead by itself (`huyện đề ra 3 khâu đột phá`), not work set out before (`Tỷ lệ hoàn thành
# các mục tiêu, nhiệm vụ đề ra theo kế hoạch: `, a scoring rule)
_DRAWS_UP = re.compile(
    r"(?<!\w)đề ra\s[^:;.]{0,60}?(?<!\w)(?:nhiệm vụ|giải pháp|khâu đột phá|đột phá|chỉ tiêu|mục tiêu)(?!\w)", re.I
)
# `nhiệm vụ phát triển kinh tế - xã hội năm 2025`: work named for a year (a later one looks ahead; `later` reads a
# year inside a sentence as a cited scope, `Nghị quyết ... đến năm 2030`)
_WORK_YEAR = re.compile(
    r"(?<!\w)(?:nhiệm vụ|kế hoạch|phương hướng|chỉ tiêu|mục tiêu)(?!\w)[^:;.]{0,60}?(?<!\w)năm\s+(\d{4})(?!\d)", re.I
)


def _ahead(said: str, now: Now) -> bool:
    """Whether a label looks ahead: `names_ahead`, or work named for a year after the report's."""
    if names_ahead(said, now):
        return True
    return now is not None and any(int(m.group(1)) > now[0] for m in _WORK_YEAR.finditer(said))


def labelled_ahead(text: str, start: int, now: Now, *, headless: bool = False) -> bool:
    """Whether the unit at `start` follows a label naming next-period work on its line
    (`- Nhiệm vụ trọng tâm tháng 3/2023: Tập trung ...`, `* Phương hướng thời gian tới: ...`) or a run-in
    lead-in setting out later work (`Năm 2026, huyện đề ra 3 khâu đột phá: (1) ...`); in a web excerpt
    without headings, any work label (`Nhiệm vụ tháng 5: ...` after a meeting on April held in May) or a
    leader's ask (`Chủ tịch UBND huyện yêu cầu: ...`)."""
    line = text.rfind("\n", 0, start) + 1
    head = _ITEM_NUMBER.sub("", text[line:start])
    if headless and (_WORK_LABEL.search(head) or ASK_LABEL.search(head)) and not _LOOKS_BACK.search(head):
        return True
    if headless and not head.strip() and _work_subhead(_line_above(text, line)):
        return True  # `Nhiệm vụ 6 tháng cuối năm` as the page's sub-heading over this paragraph
    if _SETS_OUT.search(head) and (_ahead(head, now) or (headless and _DRAWS_UP.search(head))):
        return True
    if _BARE_DIRECTION.match(head):
        return True  # `Phương hướng: Các xã triển khai ...` closing a sector's results: the direction is ahead
    label = _WORK_LABEL.search(head)
    return label is not None and names_ahead(label.group(), now)


# a long run-in lead-in naming the tasks it lists (`Đồng chí Bí thư yêu cầu các ngành ... trong thời gian tới cần tập
# trung làm tốt một số nhiệm vụ trọng tâm: `, `... thực hiện một số nhiệm vụ trọng tâm sau: Một là, `)
_LONG_WORK_LABEL = re.compile(
    r"[^:;.]{0,200}?(?<!\w)(?:nhiệm vụ|giải pháp)(?:\s+(?:trọng tâm|chủ yếu|cụ thể))?(?:\s+(?:sau|sau đây|như sau))?"
    r"\s*:\s+(?=\S)",
    re.I,
)
_ORDINAL_AFTER = re.compile(rf"{ORDINAL}\s*")
# `Trong tháng 11, huyện tập trung chỉ đạo: thu hoạch ...`: a short lead-in steering the work listed after its colon
_STEERS = re.compile(r"[^:;.]{0,100}?(?<!\w)(?:tập trung|chỉ đạo|thống nhất|nhấn mạnh|lưu ý)\s*:\s+(?=\S)", re.I)
# `Thời gian qua, huyện tập trung chỉ đạo: ...`: what was steered, reported
_LOOKS_BACK = re.compile(
    r"(?<!\w)(?:(?:thời gian|năm|tháng|quý|tuần) (?:qua|vừa qua)|vừa qua|đã\s+(?:tập trung|chỉ đạo|thống nhất|yêu cầu|"
    r"đề nghị|nhấn mạnh|lưu ý))(?!\w)",
    re.I,
)


def inline_work(
    words: str, now: Now, *, headless: bool = False, in_tasks: bool = False, nxt: Period | None = None
) -> int | None:
    """Where the work starts after a label inside the unit that names next-period work (`Hội nghị đề ra
    nhiệm vụ quý IV: tiếp tục ...`, `Nhiệm vụ tháng 7: chỉ đạo ...`, `... năm 2025 với các chỉ tiêu: thu
    nhập ...`), else None. Targets need the label to look ahead also in a web excerpt (`Năm 2024, xã đạt
    các chỉ tiêu: ...` reports results). In a task part, a run-in lead-in that sets the work out (`Hội nghị
    thống nhất đề ra 5 nhiệm vụ trọng tâm: A; B`) is cut off the first item whatever time it names."""
    label = _INLINE_WORK_LABEL.match(words) or _LONG_WORK_LABEL.match(words)
    if label is None:
        steers = _STEERS.match(words)
        if steers is None or _LOOKS_BACK.search(steers.group()):
            return None  # (a steering lead-in: its coming period may be the one the report calls next)
        return steers.end() if _ahead(steers.group(), now) or names_next(steers.group(), nxt) else None
    said = label.group()
    start = m.end() if (m := _ORDINAL_AFTER.match(words, label.end())) else label.end()  # (`...sau: Một là, `)
    if _INLINE_WORK_LABEL.match(words) is None:  # a long lead-in: the work ahead after it, when it says so
        return start if DIRECTIVE_START.match(words, start) and _ahead(said, now) else None
    if in_tasks and _SETS_OUT.search(said):
        return start
    if DIRECTIVE_START.match(words, start):
        return start if headless or names_ahead(said, now) else None
    if _TARGETS.search(said) and (_ahead(said, now) or _DRAWS_UP.search(said)):
        return label.end()
    return None


def _work_subhead(line: str) -> bool:
    """A page's sub-heading over the work ahead (`Nhiệm vụ 6 tháng cuối năm`, `Phương hướng, nhiệm vụ thời gian
    tới`); solutions only with their time (see `_SOLUTIONS`)."""
    if not _WORK_SUBHEAD.match(line):
        return False
    return not _SOLUTIONS.match(line) or bool(FUTURE.search(line) or re.search(r"\d{4}", line))


def under_work_subhead(text: str, start: int) -> bool:
    """Whether the paragraph at `start` lies further down under a page's sub-heading over the work ahead
    (`Phương hướng, nhiệm vụ thời gian tới` over several paragraphs): the nearest short line without an end mark
    above it is that sub-heading, and not the page's headline (some text stands above the sub-heading)."""
    line = text.rfind("\n", 0, start) + 1
    for _ in range(_SUBHEAD_REACH):
        if line <= 0:
            return False
        above = text.rfind("\n", 0, line - 1) + 1
        said = text[above : line - 1].strip()
        line = above
        if said and said[-1] not in ".;:!?…" and len(said.split()) <= _SUBHEAD_WORDS and "|" not in said:
            return _work_subhead(said) and bool(text[:above].strip())
    return False


def _line_above(text: str, line: int) -> str:
    """The last non-blank line before the line starting at `line`."""
    above = text[:line].rstrip()
    return above[above.rfind("\n") + 1 :].strip()


def in_words(text: str, u: Unit) -> bool:
    """`Một là, chỉ đạo ...`: an item of work numbered in words, opening with a directive."""
    return (
        u.enumerated
        and _ORDINAL_ITEM.search(text, max(0, u.start - 14), u.start) is not None
        and DIRECTIVE_START.match(text, u.start, u.end) is not None
    )


def work_line_ahead(words: str, now: Now, nxt: Period | None = None) -> bool:
    """A sub-heading or a line with no colon that names the work of a later period over the items below it
    (`b) Nhiệm vụ tháng 6` after `a) Kết quả tháng 5` in a sector of a report on May)."""
    return bool(_WORK_LINE.fullmatch(words.strip())) and (_ahead(words, now) or names_next(words, nxt))
