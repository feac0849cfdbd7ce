"""Tasks by rule (SPEC section 5; `statements.py` says how the section role decides). Pure.

In `tasks` sections every sentence-level directive is a task. Tasks also stand outside task sections when
the words say they are for the next period (SPEC 5, 1.1; the tests are in `ahead.py`, the labels naming the
work ahead in `work_labels.py`): the bullets under a lead-in that looks ahead (`Để ... trong thời gian tới,
tiếp tục yêu cầu các sở, ngành: ...`) or directs (`Chủ tịch UBND tỉnh có ý kiến chỉ đạo như sau:`), a clause
opened by `nhiệm vụ trước mắt là ...` and the directive sentences after it in the same paragraph, and the
numbered items after a body's commitment (`(1) Phân tích ...; (2) ...`). A closing paragraph that hands the
work on (`Trên cơ sở ..., các cấp ủy ... xây dựng kế hoạch ...`) is a task; in a proposals part, the
reporting body's own next step (`..., Sở Nội vụ sẽ báo cáo ...`) is one. Who does a piece of work and by when
(`- Đơn vị chủ trì: ...`, the cells beside an assignment table's work column) is not. The closing formula of
a notice (`Trân trọng thông báo kết luận ... để ... biết, thực hiện./.`) is no task.

A module of its own (split from `statements.py`): tasks and limitations read the same sentence units but
share no cue and no decision; each is one stage's grammar.
"""

from __future__ import annotations

import re

from llmx.contract import Metadata, Period, Section, Sector, Task
from llmx.roles import DIRECTED
from llmx.rules.ahead import (
    ASSIGNS,
    FUTURE,
    HAS_BEEN,
    RUN_START,
    Now,
    for_next_period,
    goes_on,
    later,
    leader_asks,
    report_now,
    strives_over,
    task_marker,
)
from llmx.rules.proposals import CLOSING_NOTICE, own_next_step, request_at
from llmx.rules.sentences import (
    Unit,
    aside,
    body_label,
    names_topic,
    no_work,
    units,
)
from llmx.rules.task_headings import directive_heading
from llmx.rules.work_columns import in_work_column, work_column
from llmx.rules.work_labels import (
    ASK_LABEL,
    WORK,
    in_words,
    inline_work,
    labelled_ahead,
    under_work_subhead,
    work_line_ahead,
)
from llmx.sections import Layout
from llmx.sectors import statement_sector
from llmx.vn import DIRECTIVE_START, DIRECTIVE_VERBS

# In a task part, a sentence that reports where things stand (`Đến nay, 13/14 sở đã ...; tuy nhiên ... còn
# chậm`) rather than asking for work: an opening of time, then what was done or is still lacking
_STATUS = re.compile(
    r"(?:Đến nay|Hiện nay|Hiện tại|Tính đến|Đến thời điểm|Đến hết|Thời gian qua|Trong thời gian qua)"
    r"[^;]*?(?<!\w)(?:đã|còn|chưa|mới)(?!\w)",
    re.I,
)
_STILL_ASKS = re.compile(
    r"(?<!\w)(?:cần|phải|yêu cầu|đề nghị|(?<!bàn )giao(?!\s+ban)|sẽ|đề xuất|chỉ đạo|khẩn trương|tập trung|"
    r"hoàn thành trước)(?!\w)",
    re.I,
)
# `Chi tiết tại Phụ lục kèm theo`, `(Kèm theo Kế hoạch số 12/KH-UBND ...)`: a pointer to where the work is
_POINTER = re.compile(r"\(?\s*(?:Kèm theo|Chi tiết (?:tại|theo|như|có)|(?:Có|Theo) (?:phụ lục|biểu))\b", re.I)
# `Các nhiệm vụ trọng tâm năm 2027 có Phụ lục kèm theo`: a sentence that only says where the work is listed
_POINTS_TO = re.compile(
    r"[^.;]{0,80}?\s(?:có|tại|theo|như)\s+(?:phụ lục|biểu)(?:\s+số)?[\s\w]{0,20}?(?:kèm theo)?$", re.I
)
# `Trên cơ sở <the tasks above>, các cấp ủy, các ban, ngành ... xây dựng kế hoạch ...`: the closing directive
_HANDS_ON = re.compile(
    rf"Trên cơ sở\s[^.;\n]{{0,200}}?,\s*(?:các|toàn thể|mỗi|từng)\s[^.;\n]{{0,160}}?(?<!\w)(?:{DIRECTIVE_VERBS})(?!\w)"
)
# `Đề nghị các phòng, ban, đơn vị căn cứ ... triển khai thực hiện.` closing a report or its conclusion: the
# work handed down to those who carry it out, a task wherever it stands
_HANDS_DOWN = re.compile(
    r"(?:Đề nghị|Yêu cầu)\s+(?:các|những|toàn thể|mỗi|từng)\s[^.;]{0,240}?(?<!\w)(?:triển khai|tổ chức)"
    r"(?:\s+thực hiện)?(?!\w)",
)
_PART_NAME = re.compile(r"(?:Kết luận|Phần kết luận|Kết thúc|Tổ chức thực hiện)\s*$", re.I)
_CELL_WORDS = 6  # a table cell that does not open with a verb is a task only when it says this much


def find_tasks(
    text: str, layout: Layout, metadata: Metadata | None = None, *, theme: Sector | None = None
) -> list[Task]:
    """Every directive in task sections, and the next-period directives elsewhere (see above).

    `metadata` gives the report's period and date, for telling a later time from its own; `theme`
    is the report's sector, for items nothing else places."""
    now = report_now(metadata)
    headless = not layout.sections  # a web excerpt: a headline, a lead and prose paragraphs
    tasks: list[Task] = []
    nxt = metadata.next_period if metadata else None
    # (`b) Nhiệm vụ tháng 6` under a sector of a results part: its items are the work ahead)
    spans = [(sec, a, b, sec is not None and _work_part(sec, now, nxt)) for sec, a, b in layout.work_spans()]
    parents = {sec.parent_id for sec in layout.sections}
    listed = {sec.id for sec, *_ in spans if sec is not None} | parents
    for sec in layout.sections:  # a numbered line with nothing under it (`3. Chuẩn bị tốt công tác giao quân.`)
        if sec.id not in listed and sec.start < layout.body_end and sec.role == "tasks":
            spans.append((sec, sec.end, sec.end, True))
    spans.sort(key=lambda span: span[1])
    if closing := _closing_paragraph(text, layout):
        spans.append((None, *closing, True))
    for section, start, end, in_tasks in spans:
        role = section.role if section else None
        home = (section.sector if section else None) or theme
        if role in ("limitations", "causes", "lessons") and not in_tasks:
            # the work ahead in a paragraph after the heading's own (`* Hạn chế: A; B` over `Quý IV, Ban Chấp
            # hành ... yêu cầu ... tập trung ...`): an excerpt goes on past a run-in weakness heading
            later_paras = [u for u in units(text, start, end, directives=True) if u.para > 0]
            found = _task_spans(text, later_paras, in_tasks=False, now=now, nxt=nxt)
        elif role == "proposals":  # only the reporting body's own next steps (`..., Sở Nội vụ sẽ báo cáo ...`)
            issuer = metadata.issuer if metadata else None
            found = [
                (u.start, u.end, u.para)
                for u in units(text, start, end, directives=True)
                if request_at(text, u.start, u.end) is None and own_next_step(text[u.start : u.end], issuer)
            ]
        else:
            found = _task_spans(
                text,
                units(text, start, end, directives=True),
                in_tasks=in_tasks,
                now=now,
                headless=headless,
                nxt=nxt,
            )
        # nothing under the heading (no text, no sub-parts): the numbered line is the content
        under = text[start:end].strip()  # (a pointer to the annex, a deadline, under it: still nothing)
        bare = (
            section is not None
            and section.level > 1
            and section.id not in parents
            and not (under and not no_work(under))
        )
        if (in_tasks or role == "tasks") and section and (own := directive_heading(text, section, bare)) is not None:
            found.insert(0, (*own, -1))
        context: Sector | None = home
        last_para = -1
        for a, b, para in found:
            if para != last_para:
                context, last_para = home, para
            sector = statement_sector(text[a:b], context)
            context = sector if sector != "other" else context
            tasks.append(Task(id="", text=text[a:b], sector=sector, start=a, end=b))
    return tasks


def _work_part(section: Section, now: Now, nxt: Period | None) -> bool:
    return section.role == "tasks" or work_line_ahead(section.heading, now, nxt)


def _closing_paragraph(text: str, layout: Layout) -> tuple[int, int] | None:
    """The closing paragraph when it hands the work on (`Trên cơ sở những nhiệm vụ trọng tâm tháng 3, các
    cấp ủy, ... xây dựng kế hoạch triển khai thực hiện ./.`): its directive is a task (LABELING: a task
    outside every section), unlike the report's own `Trên đây là báo cáo ...`; so is an order handed down after that
    formula (`... Đề nghị các phòng, ban, đơn vị ... triển khai thực hiện./.`)."""
    start = layout.body_end
    line_end = text.find("\n", start)
    line_end = len(text) if line_end == -1 else line_end
    if _HANDS_ON.match(text, start, line_end):
        return (start, line_end)
    # `Trên đây là báo cáo ... Đề nghị các phòng, ban, đơn vị ... triển khai thực hiện./.`: the order after the formula
    down = _HANDS_DOWN.search(text, start, line_end)
    return (down.start(), line_end) if down else None


def _task_spans(
    text: str, found: list[Unit], *, in_tasks: bool, now: Now, headless: bool = False, nxt: Period | None = None
) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of the task units among `found`; `headless`: a web excerpt without headings."""
    out: list[tuple[int, int, int]] = []
    list_open = False  # the bullets under a forward-looking lead-in are tasks
    run = False  # a task clause opened a run of directives in this paragraph
    labelled = False  # the paragraph's label names next-period work
    lead_para = -2  # the paragraph of the last lead-in
    page = plain = False  # the paragraph goes on with a page's work ahead (no sentence reported as done: `đã`)

    for u in found:
        words = text[u.start : u.end]
        if u.first:  # (plain paragraphs under a lead-in that opens a list: a run while each is work)
            kept = u.para - 1 == (out[-1][2] if out else -2)  # (a chain of plain paragraphs, not one after bullets)
            plain = list_open and not u.bullet and (u.para - 1 == lead_para or (plain and kept))
            page = plain or (headless and under_work_subhead(text, u.start))  # or further down under a work sub-heading
            run = page
            labelled = labelled_ahead(text, u.start, now, headless=headless)  # `- Nhiệm vụ tháng tới: ...; ...`
            list_open = list_open and (u.bullet or plain)
        if u.first and not in_tasks and text[u.end : u.end + 1] in ("\n", "") and work_line_ahead(words, now, nxt):
            list_open, lead_para = True, u.para  # `- Nhiệm vụ tháng 6` on a line of its own over the sector's items
            continue
        if u.lead_in:  # `Để ... thời gian tới, yêu cầu các sở:`, `Đề nghị UBND các xã:`, `... chỉ đạo như sau:`
            ahead = FUTURE.search(words) or (WORK.match(words) and later(words, now)) or DIRECTED.search(words)
            list_open = bool(ahead or ASSIGNS.match(words)) and not in_tasks
            asks = headless and bool(ASK_LABEL.search(words))  # `Hội nghị đề ra nhiệm vụ ...:`
            labelled = labelled or asks
            list_open = list_open or asks  # `Năm 2023, UBND xã đề ra các nhiệm vụ:` over its bullets
            list_open = list_open or strives_over(words, now, headless=headless)  # `Năm 2026, xã phấn đấu:`
            lead_para = u.para
            continue
        if (work := inline_work(words, now, headless=headless, in_tasks=in_tasks, nxt=nxt)) is not None:
            # `Hội nghị đề ra nhiệm vụ quý IV: tiếp tục ...`; `Nhiệm vụ tháng 7: chỉ đạo ...` after a results sentence
            out.append((u.start + work, u.end, u.para))
            labelled = True
            continue
        if request_at(text, u.start, u.end) is not None or CLOSING_NOTICE.search(words):
            continue  # a proposal, or the closing formula of a notice
        if u.cell and not (
            DIRECTIVE_START.match(words) or len(words.split()) >= _CELL_WORDS or in_work_column(text, u.start)
        ):
            continue  # a table's header, body or date cell (`Đơn vị chủ trì`, `Sở Nội vụ`, `Quý I/2025`)
        if u.cell and work_column(text, u.start) is False:
            continue  # beside an assignment table's work column: who does it, by when, what it yields
        if aside(words) and not DIRECTIVE_START.match(words):
            continue  # why the work matters, or a meeting's agenda: not a directive
        if _PART_NAME.match(words) and text[u.end : u.end + 1] in ("\n", ""):
            continue  # `Kết luận` on a line of its own: the name of the closing part, not work
        if _POINTER.match(words) or u.field or (_POINTS_TO.fullmatch(words) and not DIRECTIVE_START.match(words)):
            continue  # where the work is listed, or who does it and by when: not the work
        if no_work(words) or (names_topic(words) and not u.cell and not (list_open and u.bullet and not in_tasks)):
            continue  # when the work is due, a time or a date line, an annex pointer, a topic (not as a listed item)
        if in_tasks and _STATUS.match(words) and not _STILL_ASKS.search(words):
            continue  # where things stand, not a directive
        if body_label(text, u.start, u.end):
            continue  # a body's name over its items
        if in_tasks or (list_open and u.bullet):
            out.append((u.start, u.end, u.para))
            continue
        marker = task_marker(words, now)
        if marker is not None:
            out.append((u.start + marker, u.end, u.para))
            run = True
        elif (
            labelled
            or (
                run
                and (RUN_START.match(words) or u.enumerated or goes_on(words))
                and not (page and HAS_BEEN.search(words))
            )
            or (headless and in_words(text, u))
        ):
            out.append((u.start, u.end, u.para))
        elif for_next_period(words, now, nxt) or (headless and leader_asks(words)) or _HANDS_DOWN.match(words):
            out.append((u.start, u.end, u.para))
            run = True
    return out
