"""The periods a report is about: `6 tháng đầu năm 2023`, `tháng 2`, `quý I`..., found in the title
and the part headings, years filled in from their neighbours. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from llmx.contract import Period, PeriodKind, Section
from llmx.rules.lines import ReportLine, caps_line

HEADING = re.compile(
    r"^(?:(?:PHẦN|Phần)\s+(?:THỨ|thứ|[IVX\d])|[A-E]\s*[.)/]\s|[IVX]{1,4}\s*[./)]|\d{1,2}\s*[./)]\s|"
    r"\*\s|Kính\s+gửi)"
)


_PERIOD_RE = re.compile(
    r"(?i)(?<!\w)(?:"
    r"(?P<week>tuần(?:\s+(?:thứ\s+)?\d{1,2}(?!\s*/))?\s*\(?\s*(?:từ\s+)?(?:ngày\s+)?\d{1,2}\s*/\s*(?P<wm1>\d{1,2})"
    r"(?:\s*/\s*\d{4})?\s*(?:đến|tới|-|–)\s*(?:ngày\s+)?\d{1,2}\s*/\s*(?P<wm2>\d{1,2})(?:\s*/\s*(?P<wy>\d{4}))?\)?)"
    r"|(?P<campaign>(?:tháng|tuần(?:\s+lễ)?)\s+(?:hành\s+động|cao\s+điểm)[^.;:\n]{0,120}?\s+năm\s+(?P<cy>\d{4}))"
    r"|(?P<half>(?:6|06|sáu)\s+tháng\s+(?P<hpos>đầu|cuối)(?:\s+năm)?(?:\s+(?P<hy>\d{4}))?)"
    r"|(?P<nine>(?:9|09|chín)\s+tháng(?:\s+đầu)?(?:\s+năm)?(?:\s+(?P<ny>\d{4}))?)"
    r"|(?P<some>(?P<n>[1-9]|1[01]|0[1-9])\s+tháng(?:\s+(?P<spos>đầu|cuối))?\s+năm(?:\s+(?P<sy>\d{4}))?)"
    r"|(?P<quarter>quý\s+(?P<q>IV|I{1,3}|[1-4])(?!\w)(?:\s*(?:/|năm)\s*(?P<qy>\d{4}))?)"
    r"|(?P<month>tháng\s+(?P<m>\d{1,2})(?!\d)(?:\s*(?:/|năm)\s*(?P<my>\d{4}))?)"
    r"|(?P<multi>giai\s+đoạn\s+(?P<y1>\d{4})\s*[-–]\s*(?P<y2>\d{4})"
    r"|nhiệm\s+kỳ(?:\s+(?:[IVXLC]+|\d{1,2}))?\s*\(?\s*\d{4}\s*[-–]\s*\d{4}\s*\)?)"  # `nhiệm kỳ IV (2019-2025)`
    r"|(?<!đến\s)(?<!tới\s)(?<!trước\s)(?P<year>năm\s+(?P<yy>\d{4}))"  # `đến năm 2030`: a horizon
    r")(?!\d)"
)
_ROMAN_Q = {"I": 1, "II": 2, "III": 3, "IV": 4}
_CAMPAIGN = re.compile(r"(?:Tháng|Tuần)\s+(?:lễ\s+)?(?:hành\s+động|cao\s+điểm)")  # a name: its capital stays
_RESULTS_CUE = re.compile(r"kết quả|tình hình|đánh giá|sơ kết|tổng kết|đã đạt", re.I)
_TASKS_CUE = re.compile(r"nhiệm vụ trọng tâm|phương hướng|giải pháp|nhiệm vụ chủ yếu|kế hoạch", re.I)


@dataclass
class PeriodSpan:
    kind: PeriodKind
    months: list[int]
    year: int | None
    words: str  # as written, whitespace collapsed

    def to_period(self) -> Period:
        label = self.words
        if caps_line(label):  # `6 THÁNG ĐẦU NĂM 2023` -> `6 tháng đầu năm 2023`, `QUÝ II` -> `quý II`
            label = " ".join(w if re.fullmatch(r"[IVX]+", w) else w.lower() for w in label.split())
        elif label[:1].isupper() and label[1:2].islower() and not _CAMPAIGN.match(label):  # sentence-initial `Năm 2021`
            label = label[0].lower() + label[1:]
        if self.year is not None and not re.search(r"\d{4}", label):
            label = f"{label} {self.year}" if label.endswith(("năm", "NĂM")) else f"{label} năm {self.year}"
        return Period(label=label, kind=self.kind, year=self.year, months=self.months)


def period_matches(text: str) -> list[tuple[PeriodSpan, int, int]]:
    """Every period expression in `text` with its offsets (years left None when not written)."""
    out: list[tuple[PeriodSpan, int, int]] = []
    for m in _PERIOD_RE.finditer(text):
        words = " ".join(m.group().split())
        span: PeriodSpan | None = None
        if m.group("campaign"):  # `Tháng hành động về an toàn, vệ sinh lao động năm 2026`: no calendar months
            span = PeriodSpan("other", [], int(m.group("cy")), words)
        elif m.group("week"):  # `tuần từ ngày 12/8 đến 18/8/2021`
            m1, m2, yr = int(m.group("wm1")), int(m.group("wm2")), m.group("wy")
            months = list(range(m1, m2 + 1)) if 1 <= m1 <= m2 <= 12 else [m for m in (m1, m2) if 1 <= m <= 12]
            span = PeriodSpan("week", months, int(yr) if yr else None, words)
        elif m.group("half"):
            first = m.group("hpos").lower() == "đầu"
            yr = m.group("hy")
            months = list(range(1, 7) if first else range(7, 13))
            span = PeriodSpan("half_year", months, int(yr) if yr else None, words)
        elif m.group("nine"):
            yr = m.group("ny")
            span = PeriodSpan("nine_months", list(range(1, 10)), int(yr) if yr else None, words)
        elif m.group("some"):
            # `7 tháng đầu năm`, `5 tháng cuối năm`, `8 tháng năm 2021`; the last 3 months are quý IV
            n, yr = int(m.group("n")), m.group("sy")
            last = (m.group("spos") or "").lower() == "cuối"
            months = list(range(13 - n, 13)) if last else list(range(1, n + 1))
            kind: PeriodKind = "quarter" if last and n == 3 else "other"
            span = PeriodSpan(kind, months, int(yr) if yr else None, words)
        elif m.group("quarter"):
            q = m.group("q").upper()
            n = _ROMAN_Q.get(q) or int(q)
            yr = m.group("qy")
            span = PeriodSpan("quarter", list(range(3 * n - 2, 3 * n + 1)), int(yr) if yr else None, words)
        elif m.group("month"):
            mo = int(m.group("m"))
            if 1 <= mo <= 12:
                yr = m.group("my")
                span = PeriodSpan("month", [mo], int(yr) if yr else None, words)
        elif m.group("multi"):
            span = PeriodSpan("multi_year", [], None, words)
        elif m.group("year"):
            span = PeriodSpan("year", list(range(1, 13)), int(m.group("yy")), words)
        if span is not None:
            out.append((span, m.start(), m.end()))
    return out


def find_periods(text: str) -> list[PeriodSpan]:
    """Period expressions in a title or heading, in order (years left None when not written).

    A bare `năm 2023` right after another period only dates it; it is not a period of its own.
    """
    out = [span for span, _, _ in period_matches(text)]
    return [s for s in out if s.kind != "year" or len(out) == 1 or all(o.kind == "year" for o in out)]


def _fill_years(spans: list[PeriodSpan], fallback: int | None) -> None:
    """Give each period without a year the year of the nearest period that has one."""
    for k, sp in enumerate(spans):
        if sp.year is not None or sp.kind == "multi_year":
            continue
        later = next((o for o in spans[k + 1 :] if o.year is not None), None)
        earlier = next((o for o in reversed(spans[:k]) if o.year is not None), None)
        if later is not None and later.year is not None:
            wraps = sp.months and later.months and min(sp.months) > max(later.months)
            sp.year = later.year - 1 if wraps else later.year
        elif earlier is not None and earlier.year is not None:
            wraps = sp.months and earlier.months and max(sp.months) < min(earlier.months)
            sp.year = earlier.year + 1 if wraps else earlier.year
        else:
            sp.year = fallback


def report_periods(
    title: str | None,
    lines: list[ReportLine],
    title_end: int,
    copy_end: int,
    sections: list[Section] | None,
    body_end: int,
    fallback_year: int | None,
) -> tuple[Period | None, Period | None]:
    """Reporting period and next period from the title, completed by the part headings."""
    heading_spans: dict[str, list[PeriodSpan]] = {"results": [], "tasks": []}
    for heading, role in _part_headings(lines, title_end, copy_end, sections, body_end):
        spans = [s for s in find_periods(heading) if s.kind != "multi_year"]
        if spans and role in heading_spans:
            heading_spans[role].extend(spans[:1])
    title_spans = [s for s in find_periods(title or "") if s.kind != "multi_year"]
    if not title_spans:  # `Tổng kết Chương trình ... giai đoạn 2021 - 2025`
        title_spans = [s for s in find_periods(title or "") if s.kind == "multi_year"]
    heading_years = [s.year for group in heading_spans.values() for s in group if s.year is not None]
    _fill_years(title_spans, heading_years[0] if heading_years else fallback_year)
    for group in heading_spans.values():
        _fill_years(group, title_spans[0].year if title_spans and title_spans[0].year else fallback_year)

    results = heading_spans["results"]
    period = title_spans[0] if title_spans else _current(results, fallback_year)
    if period is None:  # a snapshot: `Kết quả thực hiện: đến thời điểm báo cáo ngày 06/11/2025`
        period = _snapshot([h for h, role in _part_headings(lines, title_end, copy_end, sections, body_end)])
    if period is None:  # `... thời gian thực hiện thí điểm từ ngày 26/8/2025 đến hết ngày 30/9/2025`
        period = _opening_range(lines, title_end, sections)
    # `tháng 8 và 8 tháng năm 2021; nhiệm vụ tháng 9`: the running total is no next period
    nxt = next((s for s in title_spans[1:] if not _runs_into(s, period)), None)
    if nxt is None:
        nxt = next((s for s in heading_spans["tasks"] if not _same_span(s, period)), None)
    if nxt is None:  # `III. PHƯƠNG HƯỚNG ... THỜI GIAN TỚI` / `Trong tháng 9/2025, tập trung ...`
        nxt = next((s for s in _task_lead_spans(lines, sections) if not _same_span(s, period)), None)
        if nxt is not None and nxt.year is None and period is not None:
            nxt.year = period.year
    if period is not None and nxt is not None:  # one of them may still lack its year
        turns = bool(nxt.months and period.months and min(nxt.months) < min(period.months))
        if nxt.year is None and period.year is not None:
            nxt.year = period.year + turns
        elif period.year is None and nxt.year is not None:
            period.year = nxt.year - turns
    return (period.to_period() if period else None, nxt.to_period() if nxt else None)


_SNAPSHOT = re.compile(
    r"(?<!\w)(?:tính\s+)?đến\s+(?:(?:thời\s+điểm|thời\s+gian)\s+báo\s+cáo\s+)?(?:ngày\s+)?"
    r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?P<y>\d{4})(?!\d)",
    re.I,
)


def _current(results: list[PeriodSpan], issue_year: int | None) -> PeriodSpan | None:
    """The results headings' period: when they name several years (`Kết quả Chỉ số năm 2024`,
    `Tình hình thực hiện năm 2025`), the one of the report's own year; earlier years are the
    background the report starts from."""
    if not results:
        return None
    if issue_year is not None and len({s.year for s in results}) > 1:
        return next((s for s in results if s.year == issue_year), results[0])
    return results[0]


_RANGE = re.compile(
    r"(?<!\w)từ\s+(?:ngày\s+)?\d{1,2}\s*/\s*(?P<m1>\d{1,2})\s*/\s*(?P<y1>\d{4})\s+"
    r"(?:đến|tới)\s+(?:hết\s+)?(?:ngày\s+)?\d{1,2}\s*/\s*(?P<m2>\d{1,2})\s*/\s*(?P<y2>\d{4})(?!\d)",
    re.I,
)
_OPENING_CHARS = 2000


def _opening_range(lines: list[ReportLine], title_end: int, sections: list[Section] | None) -> PeriodSpan | None:
    """A report that names no period but whose opening sentences give the span it covers (`thời gian
    thực hiện thí điểm từ ngày 26/8/2025 đến hết ngày 30/9/2025`): kind `other`, its months."""
    if title_end >= len(lines):
        return None
    first = min((sec.start for sec in sections or []), default=None)
    start = lines[title_end].start
    stop = min(first if first is not None and first > start else start + _OPENING_CHARS, start + _OPENING_CHARS)
    words = " ".join(ln.text for ln in lines[title_end:] if ln.start < stop)
    m = _RANGE.search(words)
    if m is None:
        return None
    (m1, y1), (m2, y2) = (int(m.group("m1")), int(m.group("y1"))), (int(m.group("m2")), int(m.group("y2")))
    months = list(range(m1, m2 + 1)) if y1 == y2 and 1 <= m1 <= m2 <= 12 else []
    return PeriodSpan("other", months, y2, " ".join(m.group().split()))


def _snapshot(headings: list[str]) -> PeriodSpan | None:
    """A report with no period but a cut-off date in a part heading (`đến thời điểm báo cáo ngày
    06/11/2025`): kind `other`, its year, no months."""
    for heading in headings:
        if m := _SNAPSHOT.search(heading):
            return PeriodSpan("other", [], int(m.group("y")), " ".join(m.group().split()))
    return None


_LEAD_IN_CHARS = 600


def _task_lead_spans(lines: list[ReportLine], sections: list[Section] | None) -> list[PeriodSpan]:
    """Periods in the opening words of the first task part, before its first sub-heading."""
    secs = sorted(sections or [], key=lambda s: s.start)
    for k, sec in enumerate(secs):
        if sec.role != "tasks":
            continue
        start = sec.heading_end if sec.heading_end is not None else sec.start
        stop = min(secs[k + 1].start if k + 1 < len(secs) else sec.end, start + _LEAD_IN_CHARS)
        words = " ".join(ln.text for ln in lines if start <= ln.start < stop or ln.start < start < ln.end)
        return [s for s in find_periods(words) if s.kind != "multi_year"]
    return []


def _runs_into(later: PeriodSpan, period: PeriodSpan | None) -> bool:
    """`8 tháng năm 2021` after `tháng 8`: a span of the same year that starts before the period ends
    (a running total, the period itself) is not the period after it."""
    if period is None or not later.months or not period.months or later.year != period.year:
        return False
    return min(later.months) <= max(period.months)


def _same_span(a: PeriodSpan, b: PeriodSpan | None) -> bool:
    return b is not None and (a.kind, a.months) == (b.kind, b.months)


def _part_headings(
    lines: list[ReportLine], title_end: int, copy_end: int, sections: list[Section] | None, body_end: int
) -> list[tuple[str, str]]:
    """(heading text, results|tasks) of the part headings; given sections first, then a line scan
    (caps lines and numbered headings) so that the function also works without sections."""
    out: list[tuple[str, str]] = []
    for sec in sorted(sections or [], key=lambda s: (s.level, s.start)):
        if sec.level <= 2 and sec.role in ("results", "tasks") and sec.start < body_end:
            out.append((sec.heading, sec.role))
    prev_caps = ""
    for k in range(title_end, copy_end):
        t = lines[k].text
        if not t or len(t) > 160:
            prev_caps = ""
            continue
        if caps_line(t) or HEADING.match(t):
            joined = f"{prev_caps} {t}".strip() if prev_caps and caps_line(t) else t
            role = _heading_role(joined)
            if role:
                out.append((t, role))
            prev_caps = t if caps_line(t) else ""
        else:
            prev_caps = ""
    return out


def _heading_role(heading: str) -> str | None:
    if _TASKS_CUE.search(heading) and not re.search(r"kết quả|tình hình", heading, re.I):
        return "tasks"
    if _RESULTS_CUE.search(heading):
        return "results"
    if re.search(r"cuối\s+năm|tiếp\s+theo", heading, re.I):
        return "tasks"
    return None
