"""Limitations and causes by rule (SPEC section 5; `statements.py` says how the section role decides). Pure.

In `limitations`/`causes` sections every statement is a limitation or a cause; in results sections only
sentences with an explicit shortfall cue count: also `chưa rõ`, `chưa có sự ...`, `trả lời/đánh giá thiếu`,
and the findings an inspection or a self-assessment cell states as plain facts (`Cơ sở chưa ban hành ...`,
`Thiếu biên bản ...`, `Hồ sơ ... không đầy đủ`, `... là vi phạm quy định`), but not a field answered `none`
(`Nội dung chưa thực hiện (tồn tại): Không`), a rule's condition (`Trường hợp ... chưa có ... thì ...`), a
part of a quoted rule or a field naming who follows the work up; the sentence right before `Do đó,
<shortfall>` is that shortfall's cause. A `Nguyên nhân ...: ` label makes its item a cause also when it is
cut off the item.

A module of its own (split from `statements.py`): tasks and limitations read the same sentence units but
share no cue and no decision; each is one stage's grammar.
"""

from __future__ import annotations

import re

from llmx.contract import Limitation, LimitationKind, Sector
from llmx.rules.ahead import (
    TASK_MARKER,
)
from llmx.rules.proposals import request_at
from llmx.rules.sentences import (
    Unit,
    units,
)
from llmx.sections import Layout
from llmx.sectors import statement_sector
from llmx.vn import WEAK_NAMES

_SHORTFALL = re.compile(
    r"(?=[bcghklstvíđ])"  # (the first letters of the cues: tests/test_fast_word_patterns.py)
    r"(?:chưa đạt|chậm tiến độ|còn chậm|chuyển biến chậm|còn hạn chế|đạt thấp|chưa hoàn thành|chưa đảm bảo|"
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
    r"không (?:đảm bảo|bảo đảm|phù hợp|đầy đủ|có (?:báo cáo|văn bản|tài liệu|chứng chỉ))|là vi phạm|^thiếu\s)",
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
_REPORTED = re.compile(
    r"(?<!\w)(?=[bcknpt])(?:báo cáo|trả lời|cho biết|nêu rõ|phản ánh|nhận thấy|kết luận)\s*:\s*“\s*", re.I
)
_TOPIC_LABEL = re.compile(r"^(?:Về|Việc)\s[^.;:]{3,100}$")  # `- Về hồ sơ tham gia đấu giá ...`
_WEAKNESS_WORD = re.compile(r"(?<!\w)(?=[chkty])(?:chưa|còn|chậm|thiếu|yếu|hạn chế|khó khăn)(?!\w)", re.I)
_ELSEWHERE = re.compile(r"(?=[qt])(?:thế giới|quốc tế|trong khu vực|trong nước và)", re.I)
_BUT_BEFORE = re.compile(r"[,\s]*(?:tuy nhiên|nhưng|song)\s*$", re.I)


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
