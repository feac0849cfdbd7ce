"""What a comparison is against (SPEC 4, eval/LABELING.md bases): the same period, the plan, the budget
estimate, the period before, or any other baseline, read where the text writes it (`cùng kỳ năm 2025`,
`KH tỉnh giao`, `dự toán HĐND tỉnh`, `tháng trước`, and only after `so với`: `6 tháng đầu năm 2025`,
`thực hiện năm 2025`, `tháng 11/2025`, `vốn được giao`). `basis_text` is the basis as written. The grammar of
the comparison around it is in `comparisons.py`. Pure.
"""

from __future__ import annotations

import re

from llmx.contract import Basis

_YEAR = r"(?:19|20)\d{2}"
# Qualifiers that belong to a basis: `KH năm`, `KH tỉnh giao`, `KH huyện phấn đấu`, `dự toán giao`.
_QUALIFIERS = (
    r"(?:\s+(?:năm\s+" + _YEAR + r"|năm|" + _YEAR + r"|(?-i:HĐND|UBND)(?:\s+(?:tỉnh|huyện|xã|thị\s+trấn|phường))?"
    r"|nghị\s+quyết(?:\s+đại\s+hội)?|(?-i:NQ)|vốn|tỉnh|huyện|xã|thành\s+phố|thị\s+xã|cấp\s+trên|được\s+giao|giao|phấn\s+đấu|đề\s+ra"
    r"|[Tt]rung\s+ương|Chính\s+phủ"  # `dự toán Trung ương giao`
    r"|địa\s+phương|pháp\s+lệnh|cả\s+năm|đầu\s+năm|điều\s+chỉnh|bổ\s+sung|quyết\s+định|trên\s+giao|đại\s+hội|đã\s+đề\s+ra|đã\s+giao)(?![\w/]))*"
)
# `so với vụ Đông Xuân năm trước`, `cùng vụ năm 2024`: the same season a year before is the same period
_SEASON_LAST_YEAR = (
    r"(?:cùng\s+vụ(?:\s+năm)?|vụ\s+(?:đông\s+xuân|hè\s+thu|thu\s+đông|mùa|chiêm|xuân|hè|đông)\s+năm)"
    r"\s+(?:trước|" + _YEAR + r")"
)
_BASIS_RE = re.compile(
    # `cùng kì`: the same period in the other spelling of `kỳ`; `bình quân cùng kỳ` (a price index's mean)
    r"(?P<same_period>(?:cùng\s+thời\s+điểm\s+năm\s+trước|(?:(?:tháng|quý)\s+|bình\s+quân\s+)?cùng\s+k[ỳì]|"
    + _SEASON_LAST_YEAR
    + r")(?:\s+năm\s+(?:trước|ngoái|rồi)|\s+năm\s+"  # `năm rồi`: the year before, in southern wording
    + _YEAR
    + r"|\s+"
    + _YEAR
    + r")?|(?-i:CK)(?:\s+năm\s+(?:trước|ngoái|rồi|"  # `so với CK năm 2023`: the year is part of the basis
    + _YEAR
    + r")|\s+"
    + _YEAR
    + r")?)(?![\w/])"
    r"|(?P<budget_estimate>(?:dự\s+toán|(?-i:DT))" + _QUALIFIERS + r")(?![\w/])"
    r"|(?P<plan>(?:(?-i:KH|NQ)|kế\s+hoạch|chỉ\s+tiêu|nghị\s+quyết|mục\s+tiêu)" + _QUALIFIERS + r")(?![\w/])"
    # `kỳ báo cáo trước`, `lần báo cáo trước`, `tháng liền trước`: the report before this one
    r"|(?P<previous_period>(?:(?:tháng|tuần|quý|k[ỳì]|năm(?:\s+học)?|(?:niên\s+)?vụ)(?:\s+liền)?"
    # `so với năm ngoái`, `năm rồi`: the year before; `giai đoạn trước`, `nhiệm kỳ trước`: the span of years before
    r"|(?:kỳ|lần)\s+báo\s+cáo|giai\s+đoạn|nhiệm\s+kỳ)\s+trước|năm\s+(?:ngoái|rồi)"
    r"|(?:thời\s+điểm\s+)?đầu\s+(?:năm(?:\s+" + _YEAR + r")?|nhiệm\s+kỳ|kỳ))(?![\w/])",
    re.IGNORECASE,
)
_BASIS_GROUPS: tuple[Basis, ...] = ("same_period", "budget_estimate", "plan", "previous_period")  # of _BASIS_RE
# the body that set a plan or an estimate, named before `giao`/`đề ra`: `Cục Thuế`, `BHXH tỉnh`, `Đảng ủy`
_GIVEN_BY = re.compile(r"\s+([^\W\d_][\w.]*(?:\s+[^\W\d_][\w.]*){0,5}?)\s+(?:giao|đề\s+ra|đặt\s+ra)(?![\w/])")
_DOC_NUMBER = re.compile(r"\s+số\s+\d+[\w/.-]*[\w]", re.IGNORECASE)
# Only after `so với`: the same months of an earlier year (`6 tháng đầu năm 2023`, `9 tháng năm trước`),
# the same period; a named earlier year or month; or any other baseline (`vốn được giao`).
_SAME_MONTHS_BEFORE = re.compile(
    r"(?:\d{1,2}|sáu|chín)\s+tháng(?:\s+(?:đầu|cuối))?\s+năm\s+(?:trước|ngoái|" + _YEAR + r")(?![\w/])", re.IGNORECASE
)
_PREVIOUS_AFTER_SO_VOI = re.compile(
    r"(?:năm\s+"
    + _YEAR
    + r"|tháng\s+\d{1,2}(?:/"
    + _YEAR
    + r"|\s+năm\s+(?:trước|"
    + _YEAR
    + r"))?|quý\s+(?-i:[IV]{1,3})(?:/"
    + _YEAR
    + r"|\s+năm\s+(?:trước|"
    + _YEAR
    + r"))?"
    r"|(?:(?:thời\s+điểm|ngày)\s+)?\d{1,2}/\d{1,2}/"
    + _YEAR
    + r"|(?:thời\s+điểm\s+)?cuối\s+(?:năm|quý|tháng|kỳ)(?:\s+"
    + _YEAR
    + r")?"
    # `so với giai đoạn 2016-2020`, `so với nhiệm kỳ 2015 - 2020`: an earlier span of years
    + r"|(?:giai\s+đoạn|nhiệm\s+kỳ)\s+"
    + _YEAR
    + r"\s*[-–]\s*"
    + _YEAR
    + r")(?![\w/])",
    re.IGNORECASE,
)
_ACTUAL = re.compile(r"(?:(?:kết\s+quả\s+)?thực\s+hiện|kết\s+quả)\s+(?=(?:năm|tháng|quý)\s)", re.IGNORECASE)
_OTHER_WORDS = re.compile(r"[^\s,;.:()\[\]]+(?:\s+[^\s,;.:()\[\]]+){0,5}")
_OTHER_STOP = re.compile(r"\b(?:đạt|tăng|giảm|bằng|và|là|do|nhưng|trong|để|nhằm|đảm|đáp)\b.*", re.IGNORECASE)


def match_basis(text: str, pos: int, limit: int, *, after_so_voi: bool = False) -> tuple[Basis, str, int] | None:
    """The basis written at `pos`: (basis, words as written, end)."""
    m = _BASIS_RE.match(text, pos, limit)
    if m:
        kind = next(k for k in _BASIS_GROUPS if m.group(k) is not None)
        end = m.end()
        if (
            kind in ("plan", "budget_estimate")
            and (by := _GIVEN_BY.match(text, end, limit))
            and by.group(1)[0].isupper()
        ):
            end = by.end()  # `chỉ tiêu Cục Thuế giao`, `kế hoạch BHXH tỉnh giao`
        elif kind == "plan" and (doc := _DOC_NUMBER.match(text, end, limit)):
            end = doc.end()  # `chỉ tiêu Nghị quyết số 12-NQ/HU`: the document that set the plan
        return kind, " ".join(text[pos:end].split()), end
    if not after_so_voi:
        return None
    if m := _SAME_MONTHS_BEFORE.match(text, pos, limit):
        return "same_period", " ".join(m.group().split()), m.end()
    actual = _ACTUAL.match(text, pos, limit)  # `so với thực hiện năm 2025`, `so với kết quả năm trước`
    m = _PREVIOUS_AFTER_SO_VOI.match(text, actual.end() if actual else pos, limit)
    if m:
        dated: Basis = "same_period" if _same_month_before(text, pos, m.group()) else "previous_period"
        return dated, " ".join(text[pos : m.end()].split()), m.end()
    m = _OTHER_WORDS.match(text, pos, limit)
    if m:
        words = _OTHER_STOP.sub("", m.group()).strip()
        if words:
            return "other", " ".join(words.split()), pos + len(words)
    return None


# `tháng 11/2025`, `quý II năm 2025`: a month or quarter of a named year, the same one as the clause's own
# (`Doanh thu tháng 11 đạt ..., tăng 10,4% so với tháng 11/2025`) is the same period a year before
_DATED_MONTH = re.compile(r"(?P<kind>tháng|quý)\s+(?P<n>\d{1,2}|[IV]{1,3})(?:/|\s+năm\s+)" + _YEAR, re.IGNORECASE)
_CLAUSE_BACK = 200  # how far back the clause's own month is looked for
_CLAUSE_STOP = re.compile(r"[.;](?=\s)|\n")  # not the `.` of `64.200`
_SPACES = re.compile(r"\s*")


def _same_month_before(text: str, pos: int, basis: str) -> bool:
    """`so với tháng 11/2025` after a `tháng 11` of this clause: that month a year before (same period)."""
    dated = _DATED_MONTH.fullmatch(basis)
    if dated is None:
        return False
    back = text[max(0, pos - _CLAUSE_BACK) : pos]
    cut = max((m.end() for m in _CLAUSE_STOP.finditer(back)), default=0)
    own = re.compile(rf"(?<!so với ){dated.group('kind')}\s+0?{dated.group('n').lstrip('0')}(?![\w/])", re.IGNORECASE)
    return own.search(back, cut) is not None


def earlier_period(text: str, pos: int, limit: int) -> tuple[Basis, str, int] | None:
    """`gấp 2 lần năm 2025`: after a multiple, an earlier year or month is its basis without `so với`."""
    spaces = _SPACES.match(text, pos, limit)
    q = spaces.end() if spaces else pos
    if m := _SAME_MONTHS_BEFORE.match(text, q, limit):
        return "same_period", " ".join(m.group().split()), m.end()
    if m := _PREVIOUS_AFTER_SO_VOI.match(text, q, limit):
        return "previous_period", " ".join(m.group().split()), m.end()
    return None
