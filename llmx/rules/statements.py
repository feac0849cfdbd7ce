"""Tasks and limitations by rule (SPEC section 5). Pure.

The section role decides what a sentence is (results and task sections use the same verbs): in `tasks` sections
every sentence-level directive is a task; in `limitations`/`causes` sections every statement is a limitation or a
cause; in results sections only sentences with an explicit shortfall cue count as limitations. Paragraphs
interrupted by a page break (a blank line, or a footnote body, then a lower-case continuation) are read as one.

Tasks also stand outside task sections when the words say they are for the next period (SPEC 5, 1.1; the tests are
in `ahead.py`, the labels naming the work ahead in `work_labels.py`): the bullets under a lead-in that looks ahead
(`Để ... trong thời gian tới, tiếp tục yêu cầu các sở, ngành: ...`) or directs (`Chủ tịch UBND tỉnh có ý kiến chỉ
đạo như sau:`), a clause opened by `nhiệm vụ trước mắt là ...` and the directive sentences after it in the same
paragraph, and the numbered items after a body's commitment (`(1) Phân tích ...; (2) ...`). A closing paragraph that
hands the work on (`Trên cơ sở ..., các cấp ủy ... xây dựng kế hoạch ...`) is a task; in a proposals part, the
reporting body's own next step (`..., Sở Nội vụ sẽ báo cáo ...`) is one. Who does a piece of work and by when
(`- Đơn vị chủ trì: ...`, the cells beside an assignment table's work column) is not.

Limitations in results sections also include `chưa rõ`, `chưa có sự ...`, `trả lời/đánh giá thiếu`, and the
findings an inspection or a self-assessment cell states as plain facts (`Cơ sở chưa ban hành ...`, `Thiếu
biên bản ...`, `Hồ sơ ... không đầy đủ`, `... là vi phạm quy định`), but not a field answered `none` (`Nội
dung chưa thực hiện (tồn tại): Không`), a rule's condition (`Trường hợp ... chưa có ... thì ...`), a part of a
quoted rule or a field naming who follows the work up; the sentence right before `Do đó, <shortfall>` is that
shortfall's cause. A `Nguyên nhân ...: ` label makes its item a cause also when it is cut off the item.

Requests to another body (`đề nghị UBND tỉnh ...`) are proposals (`proposals.py`), never tasks or limitations.
The closing formula of a notice (`Trân trọng thông báo kết luận ... để ... biết, thực hiện./.`) is no task.
"""

from __future__ import annotations

import re

from llmx.contract import Limitation, LimitationKind, Metadata, Period, Section, Sector, Task
from llmx.roles import DIRECTED
from llmx.rules.ahead import (
    ASSIGNS,
    FUTURE,
    RUN_START,
    TASK_MARKER,
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
    in_work_column,
    names_topic,
    no_work,
    units,
    work_column,
)
from llmx.rules.task_headings import directive_heading
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
from llmx.vn import DIRECTIVE_START, DIRECTIVE_VERBS, WEAK_NAMES

_SHORTFALL = re.compile(
    r"chưa đạt|chậm tiến độ|còn chậm|chuyển biến chậm|còn hạn chế|đạt thấp|chưa hoàn thành|chưa đảm bảo|"
    r"còn khó khăn|còn nhiều khó khăn|gặp nhiều khó khăn|gây (?:rất )?(?:nhiều )?khó khăn|khó khăn đan xen|"
    r"còn tồn tại|còn nhiều hạn chế|chưa kịp thời|chưa cao|chưa nghiêm|chưa đầy đủ|vẫn chưa|vẫn còn|"
    r"còn diễn ra|còn chưa|chưa chặt chẽ|chưa hiệu quả|chưa\s+(?:\w+\s+){0,2}được|vẫn có[^.;]*chưa|"
    r"tuy nhiên[^.;]*(?:khó khăn|bất ổn|hạn chế|ảnh hưởng|chưa|lạc hậu|không đáp ứng|chậm|vướng mắc|"
    r"không (?:thực hiện|tổ chức|có|đảm bảo|bảo đảm))|"
    # `Tuy nhiên, giá vật tư tăng cao, một số hộ bỏ ruộng ...`: an adverse condition, or its effect, after results
    r"^tuy nhiên,?\s+(?!(?:với|nhờ|được|dưới|bằng)\s)[^.;]*(?:(?<!\w)giá\s[^.;]{0,40}?(?:tăng|biến động|giảm|bấp bênh|"
    r"xuống thấp)|thời tiết|nắng nóng|hạn hán|mưa lớn|mưa bão|lũ lụt|rét đậm|thiên tai|ngập úng|xâm nhập mặn|"
    r"sạt lở|dịch bệnh|bỏ ruộng|bỏ hoang|bị chết|thiệt hại|thua lỗ|ngừng hoạt động|thu hẹp)|"
    r"chưa rõ|chưa có sự|(?:tỷ lệ|số)[^.;]{0,40}\scòn cao|"  # `tỷ lệ hộ nghèo còn cao`
    r"còn\s[^.;]{0,40}?(?:quá hạn|trễ hạn|tồn đọng)(?!\w)|"  # `còn 58 hồ sơ quá hạn do vướng mắc ...`
    r"(?:trả lời|đánh giá|báo cáo|cập nhật|đồng bộ|còn|bị)\s+thiếu(?!\s+(?:niên|nhi)(?!\w))|"
    # duties not done: `04 hội không báo cáo kết quả`, `không đủ điều kiện để tổ chức đại hội`
    r"không đủ điều kiện|không (?:thực hiện )?báo cáo|chưa (?:lập|báo cáo)|(?:hoạt động )?không hiệu quả|"
    r"không có khả năng|không thực hiện (?:trách nhiệm|đúng|đầy đủ)|"
    # a finding stated as a plain fact (an inspection, a self-assessment cell): a duty not done, a document
    # missing, a rule broken (`Cơ sở chưa ban hành nội quy ...`, `Thiếu biên bản nghiệm thu ...`)
    r"chưa (?:ban hành|quan tâm|thực hiện|tổ chức|xây dựng|bố trí|phù hợp|đáp ứng|làm tốt|đủ|tương xứng|"
    r"có (?:hướng dẫn|quy định)|đồng bộ|thống nhất)|"
    r"(?<!\w)chậm\s+(?:được\s+)?(?:giao|triển khai|bàn giao|giải ngân|hoàn thành|đưa vào)(?!\w)|"
    r"còn (?:nhiều )?(?:thấp|lúng túng|hình thức|yếu|bất cập|vướng)|ít tham gia|chỉ đạt\s+[\d.,]+\s*%|"
    r"không (?:đảm bảo|bảo đảm|phù hợp|đầy đủ|có (?:báo cáo|văn bản|tài liệu|chứng chỉ))|là vi phạm|^thiếu\s",
    re.I,
)
# a word every `_SHORTFALL` cue holds, as its first letter and the rest: a sentence without one is no shortfall,
# and this cheap search (the first letter narrows where to try) spares most sentences the long alternation
_SHORTFALL_WORDS = (
    *("chưa", "chậm", "còn", "khó khăn", "vẫn", "tuy nhiên", "thiếu", "không", "ít tham gia"),
    *("là vi phạm", "đạt thấp", "chỉ đạt"),
)
_SHORTFALL_CUE = re.compile(
    "[" + "".join(sorted({w[0] for w in _SHORTFALL_WORDS})) + "](?:" + "|".join(w[1:] for w in _SHORTFALL_WORDS) + ")",
    re.I,
)
# `X. Do đó, <shortfall>`: X is the stated cause of the shortfall that follows from it
_CONSEQUENCE = re.compile(r"^(?:do đó|do vậy|vì vậy|vì thế|chính vì vậy|chính vì thế)\b", re.I)
_NOT_SHORTFALL = re.compile(
    r"không để xảy ra|chưa đủ điều kiện đánh giá|(?<!chưa được )(?<!chưa )khắc phục|"
    r"theo số liệu(?: thống kê)? chưa đầy đủ|"
    r"rà soát[^.;]{0,40}chưa đạt|"  # `các đơn vị rà soát các chỉ tiêu chưa đạt để có giải pháp`: a directive
    # `Tuy nhiên, với sự chỉ đạo ..., huyện đã hoàn thành ...`: a difficulty overcome, not a shortfall
    r"^tuy nhiên,?\s+(?:với|nhờ|được|dưới)\s(?![^.;]*(?:chưa|còn|nhưng|song))[^.;]*(?<!\w)đã\s|"
    # `tuy còn gặp nhiều khó khăn, nhưng Hiệp hội đã duy trì hoạt động ...`: a difficulty overcome
    r"(?:tuy|mặc dù|dù)\s+(?:còn\s+)?(?:gặp\s+)?(?:nhiều\s+)?khó khăn[^.;]*,\s*(?:nhưng|song)\s[^.;]*đã|"
    # `Tuy nhiên, trong bối cảnh khó khăn thách thức nhưng được sự chỉ đạo ..., Hiệp hội tiếp tục ...`
    # `Năm 2026, trong bối cảnh còn nhiều khó khăn, huyện đã đạt và vượt 17/20 chỉ tiêu`: the same, no `nhưng`
    r"trong (?:bối cảnh|điều kiện|hoàn cảnh)\s(?:còn\s+)?(?:nhiều\s+)?khó khăn[^.;,]*,?\s*(?:nhưng|song)\s|"
    r"trong (?:bối cảnh|điều kiện|hoàn cảnh)\s(?:còn\s+)?(?:nhiều\s+)?khó khăn[^.;,]*,\s*[^.;]*(?<!\w)đã\s+(?!không)|"
    # a field answered `none` (`Nội dung chưa thực hiện (tồn tại): Không`), a rule's condition (`Trường hợp
    # địa phương chưa có máy tra cứu thì ...`), what an inspection did not find (`không phát hiện vi phạm`)
    r":\s*(?:không|không có)\s*$|(?:^|\s)(?:nếu|trường hợp|hết thời (?:gian|hạn))\s[^.;]*\sthì\s|^nếu\s|"
    r"\sthì\s[^.;]*\s(?:sẽ|phải)\s|không phát hiện|kính trình|"
    # a scoring rule (`Không đầy đủ: 0`), a directive to those behind (`yêu cầu các đơn vị ... chưa báo cáo ...`)
    r":\s*[\d.,]+(?:\s*điểm)?\s*$|\sthì\s+(?:điểm|coi như|được tính|không được tính)(?!\w)|"
    r"(?:yêu cầu|đề nghị|đôn đốc)\s+(?:các|những)\s[^.;]*chưa",
    re.I,
)
_NAMES_WEAK = re.compile(rf"(?<!\w)(?:{WEAK_NAMES})(?!\w)", re.I)
# `Hội nghị cũng chỉ ra một số tồn tại:` over its bullets (not `... giải pháp khắc phục hạn chế như sau:`)
_LISTS_WEAK = re.compile(
    rf"^(?![^:]*(?:khắc phục|giải pháp|nhiệm vụ|yêu cầu|đề nghị))[^:]*(?<!\w)(?:{WEAK_NAMES})"
    r"(?:\s+(?:như|sau|sau đây|là|cụ thể)|,\s*[^,:]{3,20})?\s*:\s*$",
    re.I,
)
_SUBHEADING_WORDS = 8
_CAUSE_CUE = re.compile(r"^(?:do(?!\s+(?:đó|vậy)\b)|nguyên nhân)\b", re.I)  # (`Do đó, ...` is a consequence)
# `Mặc dù đã ban hành nhiều văn bản ...`: what was done, conceded before the weakness (`Tuy nhiên, ...`)
_CONCESSION = re.compile(r"^(?:[-+•]\s*)?(?:mặc dù|mặc dầu|dù|tuy đã)\b", re.I)
_TURN = re.compile(r"(?<!\w)(?:nhưng|song|tuy nhiên)(?!\w)", re.I)  # the same sentence turns to the weakness
_QUOTED = re.compile(r"^[“\"]")  # a quoted legal text is cited, not stated
# ... but a remark quoted with its speaker (`“...” - đồng chí Giám đốc Sở thẳng thắn nhìn nhận`) is stated
_CLOSE_QUOTE = re.compile(r"[”\"]")
_REMARK = re.compile(
    r"[”\"]\s*[-–—,]\s*[^.“”]{0,80}?(?<!\w)(?:nêu|nói|cho biết|nhấn mạnh|nhìn nhận|khẳng định|chia sẻ|thừa nhận|"
    r"phát biểu|đánh giá)(?!\w)"
)
# `Sở ... có Công văn số ... trả lời: “qua theo dõi ... thì Hội hoạt động không hiệu quả`: a finding reported in quotes
_REPORTED = re.compile(r"(?<!\w)(?:báo cáo|trả lời|cho biết|nêu rõ|phản ánh|nhận thấy|kết luận)\s*:\s*“\s*", re.I)
_TOPIC_LABEL = re.compile(r"^(?:Về|Việc)\s[^.;:]{3,100}$")  # `- Về hồ sơ tham gia đấu giá ...`
_WEAKNESS_WORD = re.compile(r"(?<!\w)(?:chưa|còn|chậm|thiếu|yếu|hạn chế|khó khăn)(?!\w)", re.I)
_ELSEWHERE = re.compile(r"thế giới|quốc tế|trong khu vực|trong nước và", re.I)

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
_HAS_BEEN = re.compile(r"(?<!\w)đã(?!\w)", re.I)
_BUT_BEFORE = re.compile(r"[,\s]*(?:tuy nhiên|nhưng|song)\s*$", re.I)


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
                and not (page and _HAS_BEEN.search(words))
            )
            or (headless and in_words(text, u))
        ):
            out.append((u.start, u.end, u.para))
        elif for_next_period(words, now, nxt) or (headless and leader_asks(words)) or _HANDS_DOWN.match(words):
            out.append((u.start, u.end, u.para))
            run = True
    return out


def _topic_label(u: Unit, sentence: str) -> bool:
    """`- Về hồ sơ tham gia đấu giá ...`: a bullet naming a topic, with no weakness in its words."""
    return u.bullet and bool(_TOPIC_LABEL.match(sentence)) and not _WEAKNESS_WORD.search(sentence)


def find_limitations(text: str, layout: Layout, *, theme: Sector | None = None) -> list[Limitation]:
    """Every weakness or cause in limitation sections, and explicit shortfalls elsewhere."""
    found: list[Limitation] = []
    headless = not layout.sections  # a web excerpt: its sub-headings are lines, not sections
    for section, start, end in layout.body_spans():
        role = section.role if section else None
        if role == "tasks":
            continue
        home = (section.sector if section else None) or theme
        elsewhere = bool(section and _ELSEWHERE.search(section.heading))  # the world's difficulties, not ours
        context = home
        last_para, skip_para = -1, -1
        previous: Unit | None = None
        weak_list, weak_para = False, -1  # bullets under `Hội nghị chỉ ra một số tồn tại:`; under a sub-heading
        remark_para = -1  # a leader's remark quoted in a news item
        for u in units(text, start, end):
            before, previous = previous, u
            if u.first and not u.bullet:
                weak_list = False
            if u.para != last_para:
                context, last_para = home, u.para
            a, b = u.start, u.end
            sentence = text[a:b]
            if u.para == skip_para:
                continue  # the rest of a request or of a quoted legal text
            if _QUOTED.match(sentence) and _REMARK.search(text, b, text.find("\n", b) % (len(text) + 1)):
                remark_para = u.para  # `“... vẫn còn; ...” - đồng chí Giám đốc Sở nhìn nhận`: said, not cited
                a, sentence = a + 1, sentence[1:]
            if u.para == remark_para and (close := _CLOSE_QUOTE.search(sentence)):
                b, sentence = a + close.start(), sentence[: close.start()]
            if request_at(text, a, b) is not None or (_QUOTED.match(sentence) and u.para != remark_para):
                skip_para = u.para
                continue
            if marker := TASK_MARKER.search(sentence):  # `... còn nhiều khó khăn tuy nhiên nhiệm vụ trước mắt là`
                cut = _BUT_BEFORE.search(sentence, 0, marker.start())
                b = a + (cut.start() if cut else marker.start())
                sentence = text[a:b]
            if u.field:
                continue  # who does the work (`Cơ quan chủ trì theo dõi: Sở Tài chính`): a field, not a weakness
            if role in ("limitations", "causes"):
                if u.lead_in or sentence.endswith(":") or _topic_label(u, sentence):
                    continue
                if _CONCESSION.match(sentence) and not _TURN.search(sentence):
                    continue  # the weakness follows in the next sentence (`Tuy nhiên, ...`)
                said = text[u.head : b] if u.head >= 0 else sentence  # with its label (`Nguyên nhân: ...`)
                kind: LimitationKind = "cause" if role == "causes" or _CAUSE_CUE.match(said) else "limitation"
                if kind == "limitation" and _continues_cause(text, found, before, u):
                    kind = "cause"  # `Nguyên nhân: do A; B; C`: every part is a cause
            elif headless and u.lead_in and _LISTS_WEAK.search(sentence):
                weak_list = True
                continue
            elif headless and _weak_subheading(text, u):
                weak_para = u.para + 1
                continue
            elif u.listed or (weak_list and u.bullet) or u.para == weak_para:
                if u.lead_in or sentence.endswith(":"):
                    continue
                kind = "limitation"
            elif (
                _SHORTFALL_CUE.search(sentence)
                and _SHORTFALL.search(sentence)
                and not _NOT_SHORTFALL.search(sentence)
                and not elsewhere
            ):
                if (reported := _REPORTED.search(sentence)) is not None:  # `... trả lời: “<what was found>”`
                    a, sentence = a + reported.end(), sentence[reported.end() :]
                    if sentence.endswith("”") and "“" not in sentence:
                        b, sentence = b - 1, sentence[:-1]
                elif sentence.count("“") != sentence.count("”"):
                    continue  # part of a quoted rule (`khi “Không báo cáo ...; ... liên tục”`): cited, not stated
                kind = "limitation"
            else:
                continue
            sector = statement_sector(sentence, context)
            context = sector if sector != "other" else context
            if before is not None and before.para == u.para and _CONSEQUENCE.match(sentence):
                _mark_cause(text, found, before, sector)
            found.append(Limitation(id="", text=sentence, kind=kind, sector=sector, start=a, end=b))
    return found


def _weak_subheading(text: str, u: Unit) -> bool:
    """`Còn nhiều khó khăn` as a page's sub-heading: a short line of its own without an end mark that names
    weaknesses; it is no limitation, the paragraph below it lists them."""
    line_start = text.rfind("\n", 0, u.start) + 1
    line_end = text.find("\n", u.end)
    line = text[line_start : len(text) if line_end == -1 else line_end].strip()
    return (
        line == text[u.start : u.end]
        and len(line.split()) <= _SUBHEADING_WORDS
        and line[-1:] not in ".;:!?"
        and bool(_NAMES_WEAK.search(line))
    )


def _continues_cause(text: str, found: list[Limitation], before: Unit | None, u: Unit) -> bool:
    """`u` is the next `;` part of the same sentence as a cause just found."""
    return (
        before is not None
        and before.para == u.para
        and bool(found)
        and found[-1].kind == "cause"
        and found[-1].start <= before.start < found[-1].end + 2
        and ";" in text[before.end : u.start]
    )


def _mark_cause(text: str, found: list[Limitation], cause: Unit, sector: Sector) -> None:
    """The sentence before `Do đó, <shortfall>` is that shortfall's cause: relabel it, or add it."""
    if found and found[-1].start == cause.start:
        found[-1].kind = "cause"
        return
    sentence = text[cause.start : cause.end]
    if cause.lead_in or _QUOTED.match(sentence) or request_at(text, cause.start, cause.end) is not None:
        return
    found.append(Limitation(id="", text=sentence, kind="cause", sector=sector, start=cause.start, end=cause.end))
