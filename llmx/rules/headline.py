"""Metadata from a report's own words when it has no header block: a web page's headline and first
sentences (`UBND xã Vĩnh tổ chức Hội nghị ... 9 tháng đầu năm 2023`, `Chiều ngày 06/10/2023, ...`),
or the opening sentence of a report that names itself (`Ban chỉ đạo ... tỉnh Lâm Đồng báo cáo
kết quả ...`). Pure.

* **Issuer**: the first issuing body the headline names, else the first sentences: `UBND|HĐND|
  Ủy ban nhân dân|Đảng ủy|BCH Đảng bộ|Huyện ủy|MTTQ ...` with its unit word and place (`xã Trung
  Đồng`), in conventional form (`UBND`, `HĐND`, `Đảng bộ`); `UBND huyện` stays without a place when
  the text gives none.
* **Title**: the report's name when a sentence opens with `Báo cáo <name> ... năm 2020`, else the
  headline without its final full stop.
* **Issue date**: a date opening a sentence of the lead (`Ngày 25/12/2020,`, `Sáng 26/3,`), the
  year taken from the period when it is not written; the page's posting time is kept apart.
* **Periods**: the first period the headline or title names, and the next period: a later one in
  a next-period context (`nhiệm vụ quý 2 năm 2024`, `3 tháng cuối năm`, `Năm 2021, ... phấn đấu`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from llmx.rules.periods import PeriodSpan, period_matches
from llmx.vn import LOWER, UPPER

_BODY = re.compile(
    r"(?<!\w)(?P<body>UBND|HĐND|[ỦU][yỷ]\s+ban\s+nhân\s+dân|Hội\s+đồng\s+nhân\s+dân|"
    r"(?:BCH|Ban\s+[Cc]hấp\s+hành)\s+[Đđ]ảng\s+bộ|[Đđ]ảng\s+[ủu][yỷ]|Đảng\s+bộ|"
    r"(?:Ban\s+Thường\s+vụ\s+)?(?:Huyện|Tỉnh|Thành|Thị|Quận)\s+[ủu][yỷ]|"
    r"(?:[ỦU][yỷ]\s+ban\s+)?(?:UBMTTQ(?:VN)?|MTTQ(?:VN)?|Mặt\s+trận\s+Tổ\s+quốc)(?:\s+Việt\s+Nam)?)"
    r"(?:\s+(?P<unit>xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|thành\s+phố|tỉnh)(?!\w))?"
    rf"(?P<place>(?:[ \t]+{UPPER}{LOWER}*){{0,3}})"
)
_CANONICAL = (
    (re.compile(r"^[ỦU][yỷ]\s+ban\s+nhân\s+dân"), "UBND"),
    (re.compile(r"^Hội\s+đồng\s+nhân\s+dân"), "HĐND"),
    (re.compile(r"^(BCH|Ban\s+[Cc]hấp\s+hành)\s+[Đđ]ảng\s+bộ"), r"\1 Đảng bộ"),
    (re.compile(r"^[Đđ]ảng\s+([ủu][yỷ])"), r"Đảng \1"),
)
_SHARED_PLACE = re.compile(
    r"(?:\s*(?:,|và)\s*(?:UBND|HĐND|MTTQ|UBMTTQ|Ủy ban MTTQ|Đảng ủy|Ủy ban nhân dân|Hội đồng nhân dân))+\s+"
    r"(?P<unit>xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|thành\s+phố|tỉnh)\s+"
    rf"(?P<place>{UPPER}{LOWER}*(?:[ \t]+{UPPER}{LOWER}*){{0,2}})"
)
# an office or steering body named with its place: `Ban Chỉ đạo các chương trình ... huyện Bình Gia`, `Công an xã X`,
# `Sở Y tế tỉnh Hải Dương`
_OFFICE = re.compile(
    r"(?<!\w)(?:Phòng|Ban\s+[Cc]hỉ\s+đạo|Công\s+an|Trung\s+tâm|Sở|Chi\s+cục)\s(?:[^\W\d]+\s){0,12}?"
    rf"(?:xã|phường|thị\s+trấn|huyện|quận|thị\s+xã|thành\s+phố|tỉnh)\s+{UPPER}{LOWER}*(?:[ \t]+{UPPER}{LOWER}*){{0,2}}"
)
_UNPLACED = re.compile(r"(?<!\w)(?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh)$")
_PLACED_COMMITTEE = re.compile(r"(?:Huyện|Tỉnh|Thành|Thị|Quận)\s+[ủu][yỷ]$")
_NOT_PLACE = re.compile(r"^(?:Đã|Đảng|Sơ|Tổng|Tổ|Triển|Họp|Ban|Chỉ|Lãnh|Thực|Kỷ|Hội|Ngày|Sáng|Chiều)$")
_TIME_OF_DAY = r"(?:Sáng|Chiều|Tối|Trưa|Sáng\s+nay|Chiều\s+nay)"
# a news dateline before the lead: `(BNO) - `, `BNO - `, or the place first, `Đồi Mai (BNO) - `
_DATELINE = rf"(?:(?:{UPPER}\w*(?:\s+{UPPER}\w*){{0,3}}\s*)?\([^()]{{1,40}}\)|{UPPER}{{2,6}})\s*[-–—]\s*"
_BODY_DATE = re.compile(
    rf"(?:^(?:{_DATELINE})?|(?<=[.;]\s))(?:{_TIME_OF_DAY}\s+(?:ngày\s+)?|[Nn]gày\s+)"
    r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{4}))?(?![\d/])"
    r"(?!\s*(?:[-|,]?\s*\d{1,2}:\d{2}\b[^.;]*)?$)"  # `Ngày 01/04/2025` alone on its line: the page's posting date
)
_TIMESTAMP = re.compile(r"^\s*\d{1,2}[-/]\d{1,2}[-/]\d{4}\b.{0,20}$")
_CHROME = re.compile(r"^(?:Ảnh\s*:|Ảnh\s+minh\s+họa|Xem\s+thêm|Chia\s+sẻ|In\s+bài)", re.I)
_NAMED_REPORT = re.compile(
    r"(?:^|(?<=[.;]\s))Báo cáo\s+(?!(?:của|cho|mới|này|trên)\s)(?P<name>[^.;:]{10,240}?)"
    r"(?=\s+(?:đánh giá|nêu|cho thấy|khẳng định|nhận định)\b|[.;:]|$)"
)
_MID_YEAR = re.compile(r"(?<!\w)giữa\s+$", re.I)  # `kỳ họp giữa năm 2025`: a session's time, no period
_NEXT_CONTEXT = re.compile(r"(?:nhiệm\s+vụ|phương\s+hướng|kế\s+hoạch|triển\s+khai)[^.;]{0,40}$", re.I)
# in a headline only a span the words right before it call the work ahead is the next period
# (`Xã X triển khai nhiệm vụ tháng 9`; not `kết quả thực hiện nhiệm vụ ... năm 2021`)
_HEADLINE_NEXT = re.compile(
    r"(?:triển\s+khai|bàn|đề\s+ra|phương\s+hướng,?|lãnh\s+đạo)\s+(?:nhiệm\s+vụ|phương\s+hướng|kế\s+hoạch)\s+$|"
    r"(?:đặt|đề\s+ra|xác\s+định)\s+mục\s+tiêu[^.;:]{0,50}$",  # `Huyện X đặt mục tiêu tăng trưởng 9,5% năm 2025`
    re.I,
)
_STRIVE_AFTER = re.compile(r"[^.;]{0,80}\bphấn\s+đấu\b", re.I)
_LEAD_CHARS = 3000


@dataclass
class Lead:
    """What the opening of a report without a header block says about it."""

    title: str | None = None
    issuer: str | None = None
    issue_date: str | None = None
    period: PeriodSpan | None = None
    next_period: PeriodSpan | None = None


def canonical_body(name: str) -> str:
    """`Ủy ban nhân dân huyện X` -> `UBND huyện X`, `BCH đảng bộ xã` -> `BCH Đảng bộ xã`."""
    name = " ".join(name.split())
    for pattern, rep in _CANONICAL:
        name = pattern.sub(rep, name, count=1)
    return name


def find_body(text: str) -> str | None:
    """The first issuing body `text` names, with its unit word and place, in conventional form; an office
    named with its place (`Phòng Tài nguyên và Môi trường huyện Đức Trọng`) when it comes first."""
    m = _BODY.search(text)
    office = _OFFICE.search(text)
    if office is not None and (m is None or office.start() < m.start()):
        return " ".join(office.group().split())
    if m is None:
        return None
    parts = [m.group("body")]
    if not m.group("unit") and (shared := _SHARED_PLACE.match(text, m.end())):
        return canonical_body(f"{m.group('body')} {' '.join(shared.group('unit').split())} {shared.group('place')}")
    if m.group("unit"):
        parts.append(" ".join(m.group("unit").split()))
        if m.group("place").strip():
            parts.append(" ".join(m.group("place").split()))
    elif _PLACED_COMMITTEE.search(m.group("body")) and (place := _place_words(m.group("place"))):
        parts.append(place)  # `Huyện ủy Long Hồ`: a Party committee names its place without a unit word
    return canonical_body(" ".join(parts))


def _place_words(words: str) -> str:
    """The capitalised words after a body that name its place, up to a sentence-opening word."""
    out: list[str] = []
    for w in words.split():
        if _NOT_PLACE.match(w):
            break
        out.append(w)
    return " ".join(out)


def _paragraphs(text: str) -> list[str]:
    """Non-empty lines of the opening, without a page's timestamp and photo captions."""
    out = []
    for line in text[:_LEAD_CHARS].split("\n"):
        t = line.strip()
        if t and not _TIMESTAMP.match(t) and not _CHROME.match(t):
            out.append(t)
    return out


def _iso(y: int | None, m: str, d: str) -> str | None:
    if y is None or not 1 <= int(m) <= 12 or not 1 <= int(d) <= 31:
        return None
    return f"{y:04d}-{int(m):02d}-{int(d):02d}"


def _same(a: PeriodSpan, b: PeriodSpan) -> bool:
    """The same period, or one of them undated (`9 tháng đầu năm` and `9 tháng đầu năm 2023`)."""
    return (a.kind, a.months) == (b.kind, b.months) and (a.year == b.year or a.year is None or b.year is None)


def _running_total(later: PeriodSpan, first: PeriodSpan) -> bool:
    """`8 tháng năm 2023` after `tháng 8`: a span of the same year starting before the period ends is
    the running total, not the period the tasks are for (`nhiệm vụ tháng 9`)."""
    if not later.months or not first.months or (later.year and first.year and later.year != first.year):
        return False
    return min(later.months) <= max(first.months)


def _earlier(later: PeriodSpan, first: PeriodSpan) -> bool:
    """`Năm 2025, xã đã nỗ lực phấn đấu ...` in a news item on 2026: a year before the period is looked back
    on, never the period the work ahead is for."""
    return later.year is not None and first.year is not None and later.year < first.year


def read_lead(text: str, page_title: str | None = None) -> Lead:
    """Title, issuer, date and periods from the headline and first sentences of `text`.

    A web page's `<h1>` (`page_title`) is the headline when the reader found one; the text's
    first line otherwise."""
    paras = _paragraphs(text)
    if page_title and page_title.strip():
        title = " ".join(page_title.split())
        # the page's own copy of its headline, also below a menu line (`Trang chủ Tin tức Liên hệ`)
        head = [p for p in paras[:3] if " ".join(p.split()) != title]
        paras = [title, *head, *paras[3:]]
    if len(paras) < 2:  # a headline heads something
        return Lead()
    headline, rest = paras[0], paras[1:]
    lead = Lead()
    named = next((m.group("name") for p in rest[:3] if (m := _NAMED_REPORT.search(p))), None)
    lead.title = named.strip() if named else headline.rstrip(" .")
    lead.issuer = find_body(headline) or next((b for p in rest[:2] if (b := find_body(p))), None)
    if lead.issuer and _UNPLACED.search(lead.issuer):  # `HĐND xã khóa XXI` in the headline, the place in the lead
        named = (find_body(p[m.start() :]) for p in rest[:3] for m in _BODY.finditer(p))
        placed = (b for b in named if b and b.startswith(lead.issuer + " "))
        lead.issuer = next(placed, lead.issuer)

    # a headline span in a next-period context (`... triển khai nhiệm vụ tháng 9`) is the next period
    title_matches = [
        (sp, _HEADLINE_NEXT.search(lead.title, max(0, st - 60), st) is not None)
        for sp, st, _ in period_matches(lead.title)
        if not _MID_YEAR.search(lead.title, max(0, st - 10), st)
    ]
    kinds = [sp.kind for sp, _ in title_matches]  # `năm 2023` right after a period only dates it
    title_matches = [(sp, n) for sp, n in title_matches if sp.kind != "year" or set(kinds) == {"year"}]
    first = next((sp for sp, nxt in title_matches if not nxt), None)
    later: list[PeriodSpan] = [sp for sp, _ in title_matches if sp is not first]
    body = " ".join(rest)
    dated: list[PeriodSpan] = []  # every body span with its year, to date an undated headline span
    for span, start, end in period_matches(body):
        nxt_ctx = _NEXT_CONTEXT.search(body, max(0, start - 60), start) or "cuối" in span.words.lower()
        if span.year is not None:
            dated.append(span)
        if _MID_YEAR.search(body, max(0, start - 10), start):
            continue  # `kỳ họp thường lệ giữa năm 2024`: dates the session, the half-year is the period
        if span.kind == "multi_year" and re.search(r"nhiệm\s+kỳ\s+(?:\d|$)", body[max(0, start - 12) : end], re.I):
            continue  # `HĐND huyện khóa XX, nhiệm kỳ 2021 - 2026 khai mạc ...`: the body's term, not the period
        if first is None and not nxt_ctx:
            first = span
        elif nxt_ctx or _STRIVE_AFTER.match(body, end):
            later.append(span)
    if first is None and later:
        first = later.pop(0)
    if first is not None:
        if first.year is None:  # `6 tháng đầu năm` in the headline, `6 tháng đầu năm 2023` in the lead
            same = next((d.year for d in dated if _same(d, first)), None)
            first.year = same or next((d.year for d in [*later, *dated] if d.year is not None), None)
        later = [s for s in later if not _same(s, first) and not _running_total(s, first) and not _earlier(s, first)]
        lead.period = first
        lead.next_period = later[0] if later else None
        if lead.next_period is not None and lead.next_period.year is None and first.year is not None:
            turns = bool(lead.next_period.months and first.months and min(lead.next_period.months) < min(first.months))
            lead.next_period.year = first.year + turns

    year = first.year if first is not None else None
    for p in rest[:3]:
        if dm := _BODY_DATE.search(p):
            y = int(dm.group("y")) if dm.group("y") else year
            lead.issue_date = _iso(y, dm.group("m"), dm.group("d"))
            break
    return lead
