"""Proposals by rule (SPEC 5, 1.1): recommendations and requests to a higher level or another body. Pure.

* In a `kiến nghị` / `đề xuất` section (role `proposals`) every sentence-level statement is a
  proposal, split like tasks.
* Elsewhere a `;` part or sentence is a proposal when it asks a named body for something:
  `đề nghị UBND tỉnh hỗ trợ ...`, `Do đó, đề nghị Bộ Nông nghiệp và Môi trường tiếp tục ...`,
  `..., kính đề nghị Bộ ... bổ sung ...`, `Tiếp tục đề nghị UBND tỉnh ...`. Not proposals:
  reported actions (`đã đề nghị`, `hồ sơ đề nghị`, `Trình UBND tỉnh ...`, `các đề xuất`), a
  request to no named body, a request made in a cited document (`Công văn số ... đề nghị ...`), an
  attachment note (`(Kèm theo ...)`), and the closing formula (`... báo cáo ... xem xét, chỉ đạo./.`,
  also when it sits inside the last section), and an ask of the levels below (`Đề nghị UBND các xã
  ...`), which directs them: a task.
* `addressee`: the body the request names (`UBND tỉnh, Sở Tài nguyên môi trường`), else the body
  that opens the paragraph (`Bộ Công an đề xuất Chính phủ ...` asks `Bộ Công an`), else the one
  the section heading or its lead-in names (`Kiến nghị Bộ Nông nghiệp và Môi trường`, `Trung tâm
  kính đề xuất UBND tỉnh:`), else null. A body's own next step (`Trung tâm sẽ tổng hợp, báo cáo và
  đề xuất UBND tỉnh ...`) is a task, not a request. Under a heading asking one body (`1. Đề nghị Bộ Công
  Thương`), a statement opening on `Kiến nghị Chính phủ ...` is what that body is asked to put higher: it asks
  the heading's body.
"""

from __future__ import annotations

import re
from functools import lru_cache

from llmx.contract import Proposal, Sector
from llmx.rules.sentences import units
from llmx.sections import Layout
from llmx.sectors import statement_sector
from llmx.vn import DIRECTIVE_VERBS, fold

# Bodies a report asks things of (not the verb `Ban hành Kế hoạch ...` opening a request, nor `Sở hữu`).
_BODY = (
    r"(?:Bộ|UBND|HĐND|[ỦU][yỷ]\s+ban|Thủ\s+tướng|Chính\s+phủ|Quốc\s+hội|Sở(?!\s+hữu)|Ban(?!\s+hành)|Tỉnh\s+[ủu][yỷ]|Huyện\s+[ủu][yỷ]|"
    r"Thành\s+[ủu][yỷ]|Trung\s+ương|Tổng\s+cục|Cục|Văn\s+phòng|Ngân\s+hàng|Công\s+an|MTTQ|Hội\s+đồng|"
    r"cấp\s+trên|các\s+cấp|các\s+Bộ|các\s+bộ|Chủ\s+tịch)(?!\w)"
)
# the levels below the reporting body: asking them is directing them (a task, not a proposal)
DOWNWARD = (
    r"(?:UBND|Ủy ban nhân dân|Chủ tịch UBND|Chủ tịch Ủy ban nhân dân)\s+các\s+(?:xã|phường|thị trấn)|"
    r"các\s+(?:xã|phường|thị trấn|chi bộ|đơn vị trực thuộc|tổ chức cơ sở đảng|tổ chức đảng|thôn|bản|tổ dân phố)(?!\w)|"
    r"các\s+cấp\s+[ủu][ỷy](?!\w)"
)
_DOWNWARD = re.compile(DOWNWARD, re.I)
# (`UBND xã kiến nghị với UBND huyện ...`: `với` before the body)
_REQUEST = re.compile(
    rf"(?<!\w)(?:[Kk]ính\s+)?(?:[Đđ]ề\s+nghị|[Kk]iến\s+nghị|[Đđ]ề\s+xuất)\s+(?:với\s+)?(?P<addr>{_BODY})"
)
_REPORTED = re.compile(
    # (`rà soát ... để kiến nghị Cục ... xem xét`: the purpose of the body's own work, a task)
    # (`Đối với kiến nghị Trung ương tại Kết luận số 257: ...`: the topic, a request made by someone else)
    # (`giao Công an tỉnh nghiên cứu ... để tham mưu, đề xuất UBND tỉnh chỉ đạo ...`: advice the body gives, a task)
    r"(?:đã|được|hồ\s+sơ|theo|tại|các|những|trình|lập|báo\s+cáo,?|giải\s+quyết|tiếp\s+nhận|xử\s+lý|việc|để|nhằm|"
    r"đối\s+với|tham\s+mưu,?)"
    r"\s+(?:kính\s+)?$",
    re.I,
)
_IN_A_DOCUMENT = re.compile(
    r"(?:Công\s+văn|Văn\s+bản|Tờ\s+trình|Báo\s+cáo|Thông\s+báo)\s+số\s+[^\s,;]+(?:\s+ngày\s+[\d/]+)?\s*,?\s*$"
)
# `(Kèm theo dự thảo ...)`, `Sở Nội vụ báo cáo Chủ tịch UBND tỉnh xem xét, chỉ đạo./.`: no request
_ATTACHMENT = re.compile(r"\(\s*Kèm\s+theo", re.I)
_SO_REQUIRE = re.compile(r",\s*theo\s+đó\s*,\s*[^,;]{0,40}:$", re.I)  # `..., theo đó, yêu cầu:`
_CLOSING_ASK = re.compile(r"(?:báo\s+cáo|trình)\s[^.;]{0,80}xem\s+xét", re.I)
# `Trân trọng thông báo kết luận ... để các sở, ngành biết, thực hiện./.`: the closing formula of a notice
CLOSING_NOTICE = re.compile(r"(?=[tk])(?:(?:trân trọng|kính)\s+thông báo|thông báo (?:để|cho)\s[^.;]*biết)", re.I)
_OWN_LATER = re.compile(r"(?<!\w)sẽ\s[^.;]*$", re.I)
# In a proposals section, what is not asked of anyone: the background the request rests on. A
# sentence that opens on a date or a state of affairs (`Ngày 24/7/2024, ...`, `Đến nay, ...`,
# `Qua theo dõi, ...`) or reports what was done (`... đã kết thúc`, no request word in it), and a
# bare label line (`Đối với Hội Tin học`, `Điều 35 Nghị định số 126/2024/NĐ-CP`).
_BACKGROUND_OPENING = re.compile(
    r"(?:Ngày\s+\d|Năm\s+\d{4}|Tính\s+đến|Đến\s+nay|Đến\s+ngày|Qua\s+theo\s+dõi|Ngoài\s+ra|Hiện\s+nay|"
    r"Nhiệm\s+kỳ\s+[IVX\d]+\s*\(|Trước\s+đó)",
)
_DONE = re.compile(r"(?<!\w)đã\s+(?!được)", re.I)  # `đã được phê duyệt` qualifies a noun; `đã kết thúc` reports
_ASK_WORD = re.compile(r"(?<!\w)(?:đề\s+nghị|kiến\s+nghị|đề\s+xuất)(?!\w)", re.I)
_LABEL = re.compile(r"(?:Đối\s+với|Về|Điều\s+\d+)\s[^.;:]{0,160}$")
_TRINH = re.compile(r"(?:Trình|Đã|Được)\s", re.I)  # used with a position: no `^`
# The first words of what a body is asked to do end its name.
_ASK_VERBS = (
    r"hỗ\s+trợ|tặng|triển\s+khai|tiếp\s+tục|có|xem\s+xét|sớm|nghiên\s+cứu|quan\s+tâm|bố\s+trí|cấp|ban\s+hành|"
    r"hướng\s+dẫn|chỉ\s+đạo|cho|phê\s+duyệt|điều\s+chỉnh|bổ\s+sung|tổ\s+chức|giải\s+quyết|thẩm\s+định|chấp\s+thuận|"
    r"tạo|sửa\s+đổi|trang\s+bị|mở|đầu\s+tư|phân\s+bổ|xây\s+dựng|thực\s+hiện|ưu\s+tiên|kiểm\s+tra|làm\s+rõ|"
    r"tham\s+mưu|đề\s+xuất|kiến\s+nghị|đề\s+nghị|giao|công\s+nhận|khen\s+thưởng|trình|xử\s+lý|rà\s+soát|"
    r"đo\s+đạc|gia\s+hạn|thu\s+hồi|cải\s+tạo|nâng\s+cấp|tăng\s+cường|hoàn\s+thiện|ban\s+hành|tổng\s+hợp|"
    r"phối\s+hợp|chủ\s+trì|tăng|giảm"  # `Đề nghị Sở Tài nguyên và Môi trường phối hợp với huyện ...`
)
# lower case: `Sở Giao thông` is a name; `đề xuất Bộ Công Thương một số nội dung như sau:` names what is asked
_NAME_END = re.compile(
    rf"\s+(?:{_ASK_VERBS}|như\s+sau|một\s+số|(?:các|những)\s+(?:nội\s+dung|vấn\s+đề|việc)|nội\s+dung|"
    r"về\s+(?:việc|các|những|một\s+số))(?!\w)|[.;:(]"
)
_OPENING_BODY = re.compile(rf"(?P<body>{_BODY}[^,;:.]{{0,60}}?)\s+(?:{_ASK_VERBS})(?!\w)")
_HEADING_BODY = re.compile(rf"(?:kiến\s+nghị|đề\s+xuất|đề\s+nghị)\s+(?:với\s+)?(?P<body>{_BODY}.*)$", re.I)
_MAX_NAME_WORDS = 10
# a statement under a heading that asks one named body, opening on `Kiến nghị`/`Đề xuất` with no body of its
# own: what that body is asked to put to a higher one (not under `Kiến nghị với cấp trên`)
_RELAYED = re.compile(r"(?:Kiến\s+nghị|Đề\s+xuất)\s")
_GENERIC_BODY = re.compile(r"(?:cấp\s+trên|các\s+cấp|các\s+[Bb]ộ)(?!\w)")


def _relayed(text: str, start: int, end: int, heading_body: str) -> bool:
    return bool(_RELAYED.match(text, start, end)) and not _GENERIC_BODY.match(heading_body)


# `UBND tỉnh ... đề nghị Cục X ...` asks Cục X; `Bộ Công an đề xuất Chính phủ ...` asks Bộ Công an to
_ASKS = re.compile(r"(?:[Kk]ính\s+)?(?:[Đđ]ề\s+nghị|[Kk]iến\s+nghị)\s")


def _name_from(text: str, pos: int, limit: int) -> str | None:
    """A body's name starting at `pos`: the words up to what it is asked to do."""
    m = _NAME_END.search(text, pos, min(limit, pos + 160))
    name = " ".join(text[pos : m.start() if m else min(limit, pos + 160)].split()).rstrip(",")
    return name if name and len(name.split()) <= _MAX_NAME_WORDS else None


@lru_cache(maxsize=4096)  # tasks, limitations and proposals ask it of the same units
def request_at(text: str, start: int, end: int) -> tuple[int, str | None] | None:
    """(where the request starts, addressee) when `text[start:end]` asks a named body for something."""
    if _TRINH.match(text, start, end):
        return None
    for m in _REQUEST.finditer(text, start, end):
        if _REPORTED.search(text, max(start, m.start() - 20), m.start()):
            continue
        if _OWN_LATER.search(text, max(start, m.start() - 80), m.start()):
            continue  # `Trung tâm sẽ tổng hợp, báo cáo và đề xuất UBND tỉnh ...`: its own next step, a task
        if _IN_A_DOCUMENT.search(text, max(start, m.start() - 80), m.start()):
            continue  # `đã có Công văn số 1014/SNV ngày 22/8/2025 đề nghị UBND các xã ...`: reported
        if _DOWNWARD.match(text, m.start("addr")):
            continue  # `Đề nghị UBND các xã chỉ đạo ...`: a directive to the level below
        if _asks_own_level(text, start, m):
            continue  # `Phát biểu bế mạc, đồng chí Chủ tịch HĐND huyện đề nghị UBND huyện ...`: directs, a task
        return m.start(), _name_from(text, m.start("addr"), end)
    return None


# a leader speaking at a meeting (`Phát biểu bế mạc kỳ họp, đồng chí Chủ tịch HĐND huyện ...`) and their level
_SPEAKER = re.compile(
    r"(?:Phát\s+biểu|Kết\s+luận)[^,;.]{0,60},\s*(?:đồng\s+chí\s+)?[^,;.]{0,80}?(?<!\w)"
    r"(?P<unit>xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|thành\s+phố|tỉnh)(?!\w)[^,;.]{0,40}$",
    re.I,
)
_ADDRESSEE_UNIT = re.compile(
    r"(?:UBND|HĐND|[ỦU][yỷ]\s+ban\s+nhân\s+dân|Ban\s+[^,;.]{0,40}?)\s+"
    r"(?P<unit>xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|thành\s+phố|tỉnh)(?!\w)"
)


def _asks_own_level(text: str, start: int, m: re.Match[str]) -> bool:
    """A leader's ask at a meeting of a body at their own level (the session's executive, its boards): the
    meeting's conclusion, directing the work ahead, not a request to a higher level."""
    speaker = _SPEAKER.search(text, start, m.start())
    addressee = _ADDRESSEE_UNIT.match(text, m.start("addr"))
    if speaker is None or addressee is None:
        return False
    return " ".join(speaker.group("unit").lower().split()) == " ".join(addressee.group("unit").lower().split())


# `..., Sở Nội vụ sẽ báo cáo Chủ tịch UBND tỉnh xem xét, xử lý ...`: what a body will do itself
_WILL = re.compile(rf"(?<!\w)sẽ\s+(?:tiếp tục\s+)?(?:{DIRECTIVE_VERBS}|tổng hợp|báo cáo|đề xuất)(?!\w)", re.I)


def _body_key(name: str) -> str:
    return fold(name).replace("ủy ban nhân dân", "ubnd")


def own_next_step(words: str, issuer: str | None) -> bool:
    """Whether `words` state the reporting body's own next step (`Qua thời gian này, ..., Sở Nội vụ sẽ báo
    cáo Chủ tịch UBND tỉnh xem xét, xử lý ...` in a report of Sở Nội vụ): a task, though it stands in a
    proposals part; what the addressee will do (`... thì UBND tỉnh sẽ xem xét`) is the proposal's terms."""
    m = _WILL.search(words) if issuer else None
    if m is None or issuer is None:
        return False
    subject = re.split(r"[,;:]\s*", words[: m.start()])[-1].strip()
    return len(subject.split()) >= 2 and _body_key(issuer).startswith(_body_key(subject))


def _background(text: str, start: int, end: int) -> bool:
    """A statement of a proposals section that asks nothing: a report of what was done, or a label."""
    if _LABEL.fullmatch(text, start, end):
        return True
    done = _DONE.search(text, start, end) is not None
    return done and _ASK_WORD.search(text, start, end) is None and _OWN_LATER.search(text, start, end) is None


def find_proposals(
    text: str, layout: Layout, *, theme: Sector | None = None, issuer: str | None = None
) -> list[Proposal]:
    """Every request of a proposals section, and the requests to a named body elsewhere (`issuer`: the
    reporting body, whose own next steps are tasks, not requests)."""
    found: list[Proposal] = []
    asked_by_lead_in: dict[str, str] = {}  # section id -> the body its lead-in asks (children inherit it)
    for section, start, end in layout.body_spans():
        in_section = section is not None and section.role == "proposals"
        home = (section.sector if section else None) or theme
        heading = _HEADING_BODY.search(section.heading) if in_section and section else None
        fallback = " ".join(heading.group("body").split()) if heading else None
        if fallback is None and section is not None and section.parent_id:
            fallback = asked_by_lead_in.get(section.parent_id)
        para_addressee: str | None = None
        last_para = -1
        for u in units(text, start, end, directives=True):
            if u.para != last_para:
                last_para = u.para
                opening = _OPENING_BODY.match(text, u.start, u.end)
                para_addressee = " ".join(opening.group("body").split()) if opening else None
            a, b = u.start, u.end
            closing = text.startswith("./.", b) and bool(_CLOSING_ASK.search(text, a, b))
            if _ATTACHMENT.match(text, a, b) or closing or CLOSING_NOTICE.search(text, a, b):
                continue  # an attachment note, or the closing formula inside the last section
            request = request_at(text, a, b)
            if in_section:
                if u.lead_in and (so := _SO_REQUIRE.search(text, a, b)):
                    b = so.start()  # `Thống nhất chủ trương ..., theo đó, yêu cầu:`: a request, then a lead-in
                elif u.lead_in:  # `Trung tâm kính đề xuất UBND tỉnh:` names who the list below asks
                    fallback = request[1] if request and request[1] else fallback
                    if fallback and section is not None:
                        asked_by_lead_in[section.id] = fallback
                    continue
                if _BACKGROUND_OPENING.match(text, a, b) or (request is None and _background(text, a, b)):
                    continue  # the facts a request rests on (a request inside them is a cited one)
                if request is None and own_next_step(text[a:b], issuer):
                    continue  # the body's own next step: a task (tasks.py)
                asked = request[1] if request and _ASKS.match(text, request[0], b) else None
                named = request[1] if request else None
                if heading and request and request[0] == a and _relayed(text, a, b, heading.group("body")):
                    asked = named = None  # `1. Đề nghị Bộ Công Thương` / `- Kiến nghị Chính phủ ...`: the Bộ relays it
                addressee = asked or para_addressee or named or fallback
            elif request is not None:
                cut = text.find(";", request[0], b)  # a request covers its own `;` clause
                b = cut if cut != -1 else b
                addressee = request[1]
            else:
                continue
            words = text[a:b]
            found.append(
                Proposal(id="", text=words, addressee=addressee, sector=statement_sector(words, home), start=a, end=b)
            )
    return found
