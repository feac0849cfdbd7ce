"""Who issued a cited document: the grammar of issuing bodies (`của Ban Bí thư`, `của UBND tỉnh
Lâm Đồng`, `Chính phủ ban hành ...`) and the three places a citation looks for one. Pure: no I/O.

Why this is its own module: the body grammar (`_ORG`, some 15,000 characters of alternatives,
place names and line-wrap gaps) is the costliest regular expression llmx has to compile, and the
three places used to embed it in three patterns (four copies: after a citation the grammar stands
twice, `X và Y`), 65-100 ms of a one-page `llmx extract`. Here it is compiled once and the three
places are small patterns around it, with the same matches:

* after a citation, `, của ORG (và ORG)?`: nothing after the optional `và ORG` can fail, so the
  whole match is the head, then ORG's first match, then the `và` part's first match, if any;
* before it, `của ORG tại` and `(ngày d/m/y, )? ORG (đã)? ban hành|xây dựng|có ...` ending the
  window: the tail decides where ORG may end (the positions it matches from to the window's end), and
  ORG must match exactly up to one of them (`fullmatch`). When ORG could end at more than one of
  them from the same start, which one wins depends on the order the regex engine tries ORG's
  alternatives, so those rare windows go to the whole pattern (compiled then, once).

The whole patterns stay here (`ISSUER_AFTER`, `ISSUER_BEFORE`, `ACTOR_BEFORE`) as that fallback
and as the definition tests compare with.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from llmx.vn import LOWER, UPPER

S = r"(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)"  # spaces, at most one line break (PDF text wraps lines)
W = r"[ \t]*(?:\n[ \t]*)?"  # optional space, at most one line break
SP = r"[ \t]+"  # spaces on one line: titles and place names never continue on the next line
_S, _W, _SP = S, W, SP

ORD = (
    r"(?:\d{1,2}|(?-i:[IVXLC]+)|nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín"
    rf"|mười(?:{_S}(?:một|hai|ba|bốn|lăm|năm|sáu|bảy|tám|chín))?)(?!\w)"
)

# --- issuers -------------------------------------------------------------------------------
_PLACE = rf"(?:{_SP}{UPPER}{LOWER}*){{1,4}}"  # Vĩnh Phúc, Xuân Phú, Hồ Chí Minh
_UNIT = rf"(?i:thị{_S}xã|thị{_S}trấn|thành{_S}phố|tỉnh|huyện|xã|phường|quận)(?!\w)"
_UY = r"(?:ủy|uỷ|Ủy|Uỷ|ỦY|UỶ)"
_LEVEL_UY = rf"(?i:tỉnh|huyện|thành|quận|thị|đảng){_S}{_UY}(?!\w)"
_MINISTRIES = (
    "Giáo dục và Đào tạo",
    "Giáo dục - Đào tạo",
    "Giao thông vận tải",
    "Tài nguyên và Môi trường",
    "Tài nguyên - Môi trường",
    "Nông nghiệp và Phát triển nông thôn",
    "Nông nghiệp và Môi trường",
    "Dân tộc và Tôn giáo",
    "Lao động - Thương binh và Xã hội",
    "Lao động, Thương binh và Xã hội",
    "Kế hoạch và Đầu tư",
    "Văn hóa, Thể thao và Du lịch",
    "Văn hoá, Thể thao và Du lịch",
    "Thông tin và Truyền thông",
    "Khoa học và Công nghệ",
    "Tài chính - Kế hoạch",
    "Tài chính",
    "Nội vụ",
    "Quốc phòng",
    "Công an",
    "Y tế",
    "Tư pháp",
    "Xây dựng",
    "Công Thương",
    "Ngoại giao",
    "Chính trị",
    "Văn hóa",
    "Văn hoá",
)
_MINISTRY = "|".join(re.escape(m).replace(r"\ ", _S) for m in _MINISTRIES)
# a department of another province names its province bare: `Sở Công Thương Yên Bái` (not `... Về việc`)
# (two or three words, as every province name has; only after `Sở`/`Phòng`, not `Bộ ... Cho phép`)
_BARE_PLACE = (
    rf"(?:{_SP}(?!(?:Về|Và|V/v|Theo|Tại|Ngày|Năm|Trong|Đã|Được|Quy|Hướng|Ban|Thực|Cho)(?!\w)){UPPER}{LOWER}*){{2,3}}"
)

# bodies known by a proper name: companies (`Công ty cổ phần Xây dựng giao thông Yên Bái`, `Tổng công ty
# ...`) and agencies (`Tổng cục Công nghiệp quốc phòng`, `phòng Cảnh sát PCCC và CHCN - Công an tỉnh Yên
# Bái`). The name starts with a capital and runs on one line to punctuation or a word that begins the
# clause (`về việc`, `đề nghị`, `đã`, `thực hiện`); `và` and `về` stay inside before a capitalised name or
# acronym (`PCCC và CHCN`, `QLHC về TTXH`) unless another body begins (`Công ty A và Công ty B`)
_NAME_STOP = (
    r"(?:về|và|theo|tại|đã|được|đang|sẽ|chưa|không|có|là|thì|xin|gửi|do|cho|để|với|trong|trên|ngày|số"
    r"|năm|lập|nhằm|khi|sau|trước|từ|đến|tới|nay|này|đó|tháng|quý|kèm|gồm|như|hiện"
    rf"|(?:đề{_SP}(?:nghị|xuất)|thực{_SP}hiện|triển{_SP}khai|ban{_SP}hành|phê{_SP}duyệt|báo{_SP}cáo"
    rf"|thông{_SP}báo|yêu{_SP}cầu|tổ{_SP}chức|kiểm{_SP}tra|quy{_SP}định|giai{_SP}đoạn|đối{_SP}với|cấp{_SP}phép))(?!\w)"
)
_BODY_HEAD = r"(?:Công|Tổng|Sở|Bộ|Phòng|Cục|Chi|UBND|Ủy|Uỷ|Ban|Trung|Viện|Chính|Thủ)(?!\w)"
_NAME_RUN = (
    rf"(?={_SP}(?:{UPPER}|\d))(?:{_SP}(?:(?!{_NAME_STOP}|[-–])[^\s,;:.()“”\"…/]+"
    rf"|(?:và|[-–])(?={_SP}(?!{_BODY_HEAD}){UPPER})|[-–](?={_SP}(?i:công{_SP}an|sở|bộ)(?!\w))"
    rf"|về(?={_SP}[A-ZĐ]{{2,}}(?!\w)))){{1,12}}"
)
_COMPANY = (
    rf"(?i:tổng{_SP}công{_SP}ty|công{_SP}ty)(?:{_SP}(?i:cổ{_SP}phần|cp|tnhh|trách{_SP}nhiệm{_SP}hữu{_SP}hạn)"
    rf"(?:{_SP}(?i:mtv|một{_SP}thành{_SP}viên))?)?{_NAME_RUN}"
)
_AGENCY_HEAD = rf"(?i:tổng{_SP}cục|chi{_SP}cục|cục|phòng|trung{_SP}tâm|viện|ban{_SP}quản{_SP}lý)"
_AGENCY = rf"{_AGENCY_HEAD}{_NAME_RUN}"
# a capitalised head may name itself alone or go on in lower case (`của Trung tâm`, `Trung tâm xúc tiến đầu
# tư thương mại`, `Ban quản lý các khu công nghiệp`); an inspection or survey team by its number or
# acronym (`Đoàn kiểm tra LN 500`, `Đoàn Kiểm tra liên ngành 500-UBND tỉnh`, `Đoàn khảo sát`)
_NAMED_HEAD = rf"(?:Tổng{_SP}cục|Chi{_SP}cục|Cục|Trung{_SP}tâm|Viện|Ban{_SP}(?i:quản{_SP}lý))(?!\w)"
_LOWER_RUN = rf"(?:{_SP}(?!{_NAME_STOP}|[-–])[^\s,;:.()“”\"…/]+){{0,10}}"
_TEAM = (
    rf"Đoàn{_SP}(?i:kiểm{_SP}tra|khảo{_SP}sát|thanh{_SP}tra|giám{_SP}sát|công{_SP}tác)(?:{_SP}(?i:liên{_SP}ngành))?"
    rf"(?:{_SP}(?:[A-ZĐ]+|\d+)(?:-[A-ZĐ]+)?(?!\w)){{0,3}}(?:{_SP}{_UNIT}(?:{_PLACE})?)?(?!\w)"
)
# a unit of a provincial police or department, in any case: `phòng cảnh sát PCCC và CHCN - Công an tỉnh Yên Bái`
_UNIT_OF = (
    rf"{_AGENCY_HEAD}(?:{_SP}(?!{_NAME_STOP}|[-–])[^\s,;:.()“”\"…/]+|{_SP}(?:và|về)(?={_SP}[A-ZĐ]{{2,}}(?!\w))){{1,8}}"
    rf"{_SP}[-–]{_SP}(?:(?i:công{_S}an){_S}{_UNIT}(?:{_PLACE})?|(?i:sở|bộ){_S}(?i:{_MINISTRY})(?:{_SP}{_UNIT}(?:{_PLACE})?)?)"
)
_ORG = "|".join(
    (
        rf"(?i:ban{_S}bí{_S}thư)(?:{_S}(?i:trung{_S}ương)(?:{_S}(?i:đảng))?)?",
        rf"(?i:bộ{_S}chính{_S}trị)",
        rf"(?i:hội{_S}nghị)(?:{_S}(?i:lần{_S})?(?i:thứ){_S}(?i:{ORD}))?{_S}(?i:ban{_S}chấp{_S}hành|bch)"
        rf"{_S}(?i:trung{_S}ương)(?:{_S}(?i:đảng))?",
        rf"(?i:ủy{_S}ban|uỷ{_S}ban|ub){_S}(?i:thường{_S}vụ){_S}(?i:quốc{_S}hội)",
        rf"(?i:văn{_S}phòng){_S}(?i:chính{_S}phủ|trung{_S}ương{_S}đảng|quốc{_S}hội)",
        rf"(?i:thủ{_S}tướng{_S}chính{_S}phủ|thanh{_S}tra{_S}chính{_S}phủ|chính{_S}phủ|quốc{_S}hội"
        rf"|chủ{_S}tịch{_S}nước|kiểm{_S}toán{_S}nhà{_S}nước)(?!\w)",
        rf"(?i:ban{_S}chấp{_S}hành|bch)(?:{_S}(?i:trung{_S}ương)(?:{_S}(?i:đảng))?"
        rf"|{_S}(?i:đảng{_S}bộ)(?:{_S}{_UNIT}(?:{_PLACE})?)?)?(?!\w)",
        rf"(?i:ban{_S}thường{_S}vụ|btv|thường{_S}trực|ủy{_S}ban{_S}kiểm{_S}tra|ubkt){_S}"
        rf"{_LEVEL_UY}(?:{_S}{_UNIT})?(?:{_PLACE})?",
        rf"{_LEVEL_UY}(?:{_S}{_UNIT})?(?:{_PLACE})?",
        rf"(?:(?i:chủ{_S}tịch){_S})?(?i:ubnd|ủy{_S}ban{_S}nhân{_S}dân|uỷ{_S}ban{_S}nhân{_S}dân|hđnd"
        rf"|hội{_S}đồng{_S}nhân{_S}dân|ủy{_S}ban{_S}mttq|mttq|thanh{_S}tra)"
        rf"(?:{_S}{_UNIT}(?:{_PLACE})?)?(?!\w)",
        rf"(?:(?i:giám{_S}đốc|bộ{_S}trưởng|trưởng{_S}phòng){_S})?(?i:sở|phòng){_S}(?i:{_MINISTRY})(?!\w)"
        rf"(?:{_SP}{_UNIT}(?:{_PLACE})?|{_BARE_PLACE})?",
        rf"(?:(?i:bộ{_S}trưởng){_S})?(?i:bộ){_S}(?i:{_MINISTRY})(?!\w)",
        rf"(?i:ban{_S}chỉ{_S}đạo){_S}(?:(?i:trung{_S}ương)|{_UNIT}(?:{_PLACE})?)(?!\w)",
        rf"(?i:công{_S}an){_S}{_UNIT}(?:{_PLACE})?(?!\w)",
        rf"(?i:ban{_S}(?:tuyên{_S}giáo|tổ{_S}chức|dân{_S}vận|nội{_S}chính|kinh{_S}tế)){_S}"
        rf"(?:(?i:trung{_S}ương)|{_LEVEL_UY})",
        _COMPANY,
        _UNIT_OF,
        _AGENCY,
        rf"{_NAMED_HEAD}{_LOWER_RUN}",
        _TEAM,
        rf"(?i:trung{_S}ương)(?:{_S}(?i:đảng))?(?!\w)|TW(?!\w)|TƯ(?!\w)",
        rf"Đảng(?:{_S}(?i:cộng{_S}sản{_S}việt{_S}nam))?(?!\w)|đảng(?!\w)|Nhà{_S}nước(?!\w)",
        rf"(?:tỉnh|huyện|xã|thành{_S}phố)(?:{_PLACE})?(?!\w)",
    )
)

# the whole patterns: the definition, and the fallback for the rare ambiguous window
ISSUER_AFTER = rf"{_W},?{_W}của{_S}(?P<issuer>(?:{_ORG})(?:{_S}và{_S}(?:{_ORG}))?)"
# `theo yêu cầu của Thủ tướng Chính phủ tại Chỉ thị số 07/CT-TTg`: the issuer stands before the type word
ISSUER_BEFORE = rf"của{_S}(?P<issuer>{_ORG}){_S}tại{_S}\Z"
# `Ngày 24/02/2020, Chính phủ ban hành Nghị định ...`, `Công an tỉnh Lâm Đồng đã xây dựng Kế hoạch ...`,
# `UBND tỉnh đã tham gia ý kiến tại Văn bản số ...`, `(đã) được Thủ tướng Chính phủ phê duyệt tại Quyết định ...`
_ACTOR_DATE = rf"(?<!\w)(?i:ngày){_S}(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}}){_W},"
_ACTOR_VERB = rf"(?i:ban{_S}hành|xây{_S}dựng|phê{_S}duyệt|(?:tham{_S}gia{_S})?(?:có{_S})?ý{_S}kiến)"
_ACTOR_TAIL = rf"(?:{_S}(?i:đã))?{_S}(?:{_ACTOR_VERB}(?:{_S}(?i:tại))?|(?i:có)){_S}"
ACTOR_BEFORE = rf"(?:{_ACTOR_DATE}{_S})?(?P<issuer>{_ORG}){_ACTOR_TAIL}\Z"

# the parts, each compiled once
_ORG_RE = re.compile(_ORG)
_GAP = re.compile(_S)
_HEAD = re.compile(rf"{_W},?{_W}của(?=[ \t\n])")  # then a gap, then ORG
_AND = re.compile(rf"{_S}và(?=[ \t\n])")
_TAI_TAIL = re.compile(rf"{_S}tại{_S}")
_TAI_END = re.compile(rf"{_S}tại{_S}\Z")
_ACTOR_DATE_RE = re.compile(_ACTOR_DATE)
_ACTOR_TAIL_RE = re.compile(_ACTOR_TAIL)
_ACTOR_END = re.compile(rf"{_ACTOR_TAIL}\Z")


@functools.cache
def whole(pattern: str) -> re.Pattern[str]:
    """One of the whole patterns, compiled on first use."""
    return re.compile(pattern)


def _gap_ends(text: str, i: int, stop: int) -> Iterator[int]:
    """Where a gap (`S`) that starts at `i` may end, in the order the regex engine tries them
    (longest first: a line break is taken only after every space before it)."""
    if (m := _GAP.match(text, i, stop)) is None:
        return
    for end in range(m.end(), i, -1):
        if _GAP.fullmatch(text, i, end):
            yield end


def issuer_after(text: str, pos: int, stop: int) -> tuple[str, int] | None:
    """(issuer as written, end) of `, của ORG` or `của ORG và ORG` at `pos`: `ISSUER_AFTER.match`."""
    if (head := _HEAD.match(text, pos, stop)) is None:
        return None
    org = next((m for p in _gap_ends(text, head.end(), stop) if (m := _ORG_RE.match(text, p, stop))), None)
    if org is None:
        return None
    end = org.end()
    if (joint := _AND.match(text, end, stop)) is not None:
        more = next((m for p in _gap_ends(text, joint.end(), stop) if (m := _ORG_RE.match(text, p, stop))), None)
        if more is not None:
            end = more.end()
    return text[org.start() : end], end


def _ends(tail: re.Pattern[str], last: re.Pattern[str], text: str, lo: int, hi: int) -> list[int]:
    """Every position in `text[lo:hi]` from which `tail` matches to `hi`: where ORG may end."""
    if (m := last.search(text, lo, hi)) is None:
        return []
    return [q for q in range(m.start(), hi) if tail.fullmatch(text, q, hi)]


_AMBIGUOUS = -1


def _org_to(text: str, p: int, ends: list[int]) -> int | None:
    """The one end ORG can reach from `p` exactly: None for none, _AMBIGUOUS for more than one."""
    reached = [q for q in ends if q >= p and _ORG_RE.fullmatch(text, p, q)]
    if len(reached) > 1:
        return _AMBIGUOUS
    return reached[0] if reached else None


def issuer_before(text: str, lo: int, hi: int) -> str | None:
    """The issuer of `của ORG tại ` ending at `hi` (as written): `ISSUER_BEFORE.search(text, lo, hi)`."""
    ends = _ends(_TAI_TAIL, _TAI_END, text, lo, hi)
    if not ends:
        return None
    s = text.find("của", lo, hi)
    while s >= 0:
        for p in _gap_ends(text, s + 3, hi):
            q = _org_to(text, p, ends)
            if q == _AMBIGUOUS:
                m = whole(ISSUER_BEFORE).search(text, lo, hi)
                return None if m is None else m.group("issuer")
            if q is not None:
                return text[p:q]
        s = text.find("của", s + 1, hi)
    return None


def actor_before(text: str, lo: int, hi: int) -> tuple[str, str | None, str | None, str | None] | None:
    """(issuer, day, month, year) of `(ngày d/m/y, )ORG (đã) ban hành ` ending at `hi`:
    `ACTOR_BEFORE.search(text, lo, hi)`, the date's parts None when it has none."""
    ends = _ends(_ACTOR_TAIL_RE, _ACTOR_END, text, lo, hi)
    if not ends:
        return None
    for s in range(lo, hi):
        if (dm := _ACTOR_DATE_RE.match(text, s, hi)) is not None:
            for p in _gap_ends(text, dm.end(), hi):
                q = _org_to(text, p, ends)
                if q == _AMBIGUOUS:
                    return _whole_actor(text, lo, hi)
                if q is not None:
                    return text[p:q], dm.group("d"), dm.group("m"), dm.group("y")
        q = _org_to(text, s, ends)
        if q == _AMBIGUOUS:
            return _whole_actor(text, lo, hi)
        if q is not None:
            return text[s:q], None, None, None
    return None


def _whole_actor(text: str, lo: int, hi: int) -> tuple[str, str | None, str | None, str | None] | None:
    m = whole(ACTOR_BEFORE).search(text, lo, hi)
    return None if m is None else (m.group("issuer"), m.group("d"), m.group("m"), m.group("y"))
