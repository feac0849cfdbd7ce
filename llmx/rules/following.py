"""Everything that follows one figure (SPEC 4, genre-notes 3b-3h): the whole chain of its comparisons
(`đạt 60% kế hoạch và bằng 114% cùng kỳ`, `đạt 62% KH; tăng 12% CK`), a plan figure written after it
(`(KH: 20 km)`), the total it is counted out of (`/62.089 tổng hồ sơ`), the size of a change restated
in the other measure (`..., bằng 13 ha`, `tăng 6,2% (tăng 184 tấn)`), and the basis a restating
comparison takes from the one before it (`đạt 126% KH, vượt 26%`). The grammar of one comparison is
in `comparisons.py`. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from llmx.contract import Basis, Comparison
from llmx.numbers import NUMBER_RE, parse_number
from llmx.rules.bases import match_basis
from llmx.rules.comparisons import CHANGE_MANNER, CLOSE_PAREN, Parsed, basis_after, parse_comparison, same_way
from llmx.rules.units import match_unit

# A plan written after the figure: `, kế hoạch 912 ha`, `(KH: 70 DN)`, `(chỉ tiêu đề ra là tối thiểu 98%)`.
# `(NQ: 40 triệu đồng)`, `(Nghị quyết đề ra: 95%)`: a resolution's figure only after a colon (never `NQ 05/NQ-TU`).
_TARGET = re.compile(
    r"\s*[,(]\s*(?:(?P<basis>(?:(?-i:KH)|kế\s+hoạch|chỉ\s+tiêu)(?:\s+(?:năm|giao|được\s+giao|đề\s+ra))?"
    r"(?:\s+(?:trong\s+)?năm\s+\d{4}(?=\s*:|\s+là\s))?)"  # `(chỉ tiêu đề ra trong năm 2025 là 70%)`
    r"\s*(?::|\s+là)?|(?P<resolution>(?:(?-i:NQ)|nghị\s+quyết|mục\s+tiêu)(?:\s+(?:đề\s+ra|giao))?)\s*:)"
    r"\s*(?:(?:tối\s+thiểu|ít\s+nhất|tối\s+đa)\s+)?(?P<num>\d[\d.,]*)(?![\d/\-])",
    re.IGNORECASE,
)
# `đạt 123% so với Nghị quyết Đại hội đề ra (110 hội viên)`: the plan's own figure after its basis
_PLAN_FIGURE = re.compile(r"\s*\(\s*(?P<num>\d[\d.,]*)")
# a clause that opens with a comparison verb or `so với`, after one that compared the figure already
_SEMICOLON = re.compile(r"\s*;\s*(?=(?:so\s+(?:với\s+)?|đạt|bằng|tăng|giảm|vượt)\s)", re.IGNORECASE)
# ... or, as the first comparison, a clause that opens with its basis (`; so với kế hoạch, đạt 97,2%`)
_SEMICOLON_BASIS = re.compile(r"(?:\s+[^\W\d_]+){0,6}\s*;\s*(?=so\s+với\s)", re.IGNORECASE)
# `tăng 12,3% so với cùng kỳ và 4,5% so với kế hoạch`: a second size after `và`, with no verb of its own
_ELIDED_VERB = re.compile(r"\s*(?:,\s*)?và\s+", re.IGNORECASE)
_CLOSE_AFTER = re.compile(r"\s*\)")
_OPEN = re.compile(r"\s*\(\s*")
_COLON_FIGURE = re.compile(r"\s*:\s*(?P<num>\d[\d.,]*)")
_YEARS_PAIR = re.compile(
    r"\s*\(\s*(?P<now>\d[\d.,]*?)\s*/\s*(?P<before>\d[\d.,]*?)(?:\s+[^\W\d_]+(?:\s+[^\W\d_]+)?)?\s*\)"
)
# The total a count is taken of, after the counted noun's words: `61.660 hồ sơ trực tuyến/62.089
# tổng hồ sơ tiếp nhận`, `10.029 hồ sơ ... trên tổng số 13.633 hồ sơ tiếp nhận`.
_OUT_OF = re.compile(r"\s*/\s*(?P<num>\d[\d.,]*)")
_OF_TOTAL_TARGET = re.compile(
    r"[^,;.()\d]{0,80}?(?:\s+trên\s+|\s*/\s*)tổng\s+số\s+(?P<num>\d[\d.,]*)", re.IGNORECASE
)  # also `120 hồ sơ/tổng số 125 hồ sơ`
# The total's own words, up to what comes next (`, đạt tỷ lệ ...`), digits of an age included.
_TOTAL_WORDS = re.compile(r"[^,;.()]{0,60}?(?=\s*[,;.(]|\s+(?:đạt|bằng|tăng|giảm)\s|$)", re.IGNORECASE)
# Name words a comparison may follow: two after a comma, four without (`chủ yếu là cây keo đạt ...`).
_GAP_COMMA = re.compile(r"\s*,(?:\s+[^\W\d_]+){1,2}(?=\s+(?:đạt|bằng|tăng|giảm)\s)", re.IGNORECASE)
_GAP_WORDS = re.compile(r"(?:\s+[^\W\d_]+){1,4}(?=\s+(?:đạt|bằng|tăng|giảm)\s)", re.IGNORECASE)
# ... or before a baseline written first: `326 hồ sơ đăng ký kinh doanh, so với cùng kỳ tăng 42 hồ sơ`
_GAP_SO_VOI = re.compile(r"(?:\s+[^\W\d_]+){1,4}(?=\s*,\s*so\s+(?:với\s+)?[^\W\d_])", re.IGNORECASE)
# The rate of a count after the rest of its words: `14.368/18.430 cơ quan, tổ chức đủ điều kiện ..., đạt
# tỷ lệ 77,95%`, `3.178.002 dữ liệu ... khớp với CSDLQG (chiếm tỷ lệ 75%)`; no other figure between.
_GAP_RATE = re.compile(r"[^;.()\d]{0,120}?(?=\s*[,(]\s*(?:đạt|chiếm)\s+t[ỷỉ]\s+lệ\s)", re.IGNORECASE)
# ... or a clause of them before a comma or a parenthesis that opens the comparison: `14/18 thôn đạt chuẩn
# văn hóa, đạt 77,8% kế hoạch`, `7.442 tài khoản cho cơ sở lưu trú (tăng 2.592 cơ sở so với tháng trước)`,
# `45 lao động đi làm việc ở nước ngoài, gấp 1,5 lần so với cùng kỳ`
# An age in those words is part of the name, no figure between (`1.245 trẻ dưới 1 tuổi, đạt 48,6% kế hoạch`,
# `57 đoàn viên từ 16 đến 30 tuổi`, `320 lao động trong độ tuổi 15 - 60`, the band after a `tuổi` the name took).
_BAND = r"\d{1,3}(?:\s*(?:-|–|đến)\s*\d{1,3})?"
_AGE = r"(?:(?<=tuổi )" + _BAND + r"|" + _BAND + r"\s+tuổi|tuổi\s+(?:từ\s+)?" + _BAND + r")(?![\w/])"
_GAP_CLAUSE = re.compile(
    r"(?:" + _AGE + r"|(?!trong\s+đó|bao\s+gồm|gồm|so\s+với|chiếm)[^;:.()\d\[\]]){1,100}?"
    r"(?=[ \t]*[,(][ \t]*(?:đạt|bằng|tăng|giảm|vượt|gấp|cao\s+hơn|thấp\s+hơn)\s)",
    re.IGNORECASE,
)
# a closed breakdown in brackets right after a total: `(trong đó ...)`, `(gồm ...)`
_BREAKDOWN = re.compile(r"\s*\(\s*(?:trong\s+đó|bao\s+gồm|gồm)(?!\w)[^()]*\)", re.IGNORECASE)
# `giảm 3,1% so với cùng kỳ, bằng 13 ha`, `tăng 6,2% (tăng 184 tấn)`, `tăng 9,1% (+70 tỷ đồng) so với cùng
# kỳ`, `giảm 3,5% so với cùng kỳ, giảm 100 ha`: the size of the change, in the figure's own unit.
_ABS_DIFF = re.compile(
    r"\s*(?:,\s*|;\s*(?=bằng))?(?P<open>\()?\s*(?:bằng|tương\s+(?:đương|ứng)(?:\s+với)?(?:\s+(?P<said>tăng|giảm))?"
    r"|(?P<dir>tăng|giảm)" + CHANGE_MANNER + r"(?:\s+thêm)?"
    r"|(?<=\()\s*[+\-−])\s*(?P<num>\d[\d.,]*)",
    re.IGNORECASE,
)


@dataclass
class Following:
    """What follows one figure: its comparisons, a stated plan, and where they end."""

    end: int
    comparisons: list[Comparison]
    target: float | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)  # plan figures: digits that are not indicators
    target_unit: str | None = None  # the plan figure's own unit (`%` of `chỉ tiêu ... là 98%`)
    resume: int | None = None  # a closed breakdown the comparisons were read past: its figures are read still


def read_following(
    text: str,
    pos: int,
    limit: int,
    *,
    has_value: bool,
    is_blocked: Callable[[int], bool],
    value: float | None = None,
) -> Following:
    """Comparisons (several, chained by `,`/`và`), a plan figure and an absolute difference."""
    found = Following(pos, [])
    past = pos
    stated: tuple[Basis, str] | None = None  # the basis of an earlier figure written in brackets
    plan_words: str | None = None  # `(KH: 70 DN)`: a plan stated in brackets, the basis of a bare ratio after it
    while True:
        target = _TARGET.match(text, pos, limit)
        raw = target.group("num").rstrip(".,") if target else ""
        if target and found.target is None and (plan_value := parse_number(raw)) is not None:
            num_end = target.start("num") + len(raw)
            unit = match_unit(text, num_end, limit)
            end = unit[2] if unit else num_end
            close = CLOSE_PAREN.match(text, end, limit)
            found.target, found.target_unit = plan_value, unit[0] if unit else None
            found.spans.append((target.start("num"), end))
            pos = found.end = close.end() if close else end
            # `đạt 90% (KH: 50 HTX)`: the ratio was of that plan
            plan = plan_words = " ".join((target.group("basis") or target.group("resolution")).split())
            found.comparisons = [
                c.model_copy(update={"basis": "plan", "basis_text": plan})
                if c.relation == "ratio" and c.basis == "other" and not c.basis_text
                else c
                for c in found.comparisons
            ]
            continue
        if has_value and (earlier := _earlier_figure(text, pos, limit)) is not None:
            found.spans.append(earlier[0])  # `(cùng kỳ năm 2025: 586 ca)`: the earlier figure, no indicator
            stated, pos = earlier[1], earlier[0][1]
            found.end = pos
            continue
        total = (_OUT_OF.match(text, pos, limit) or _OF_TOTAL_TARGET.match(text, pos, limit)) if has_value else None
        raw = total.group("num").rstrip(".,") if total else ""
        if total and found.target is None and not found.comparisons and (of := parse_number(raw)) is not None:
            words = _TOTAL_WORDS.match(text, total.start("num") + len(raw), limit)
            end = words.end() if words else total.start("num") + len(raw)
            found.target = of
            found.spans.append((total.start("num"), end))
            pos = found.end = end
            continue
        parsed = parse_comparison(text, pos, limit)
        if parsed is None and not found.comparisons and has_value:
            parsed = _after_gap(text, pos, limit)
            if parsed is None and (parsed := _after_breakdown(text, pos, limit)) is not None:
                found.resume, past = pos, parsed.number_start  # the breakdown's figures are read still
        if parsed is None and found.comparisons:
            parsed = _elided_amount(text, pos, limit, found.comparisons[-1])
        semi = _SEMICOLON.match(text, pos, limit) if found.comparisons else None
        if semi is None and not found.comparisons and has_value:
            semi = _SEMICOLON_BASIS.match(text, pos, limit)  # `48.600 liều; so với kế hoạch, đạt 97,2%`
        if parsed is None and semi is not None:
            parsed = parse_comparison(text, semi.end(), limit)  # `đạt 62% KH; tăng 12% CK`: no name, same figure
            parsed = parsed if parsed is not None and parsed.explicit_basis else None
        if parsed is None or is_blocked(parsed.number_start):
            if found.resume is not None:
                found.spans.append((past, found.end))  # but not the comparisons past it
            return found
        last = parsed.comparison
        if stated is not None and last.basis == "other" and not last.basis_text:
            last = last.model_copy(
                update={"basis": stated[0], "basis_text": stated[1]}
            )  # `(cùng kỳ: 586 ca), giảm 29,7%`
        stated = None
        if plan_words is not None and last.relation == "ratio" and last.basis == "other" and not last.basis_text:
            last = last.model_copy(update={"basis": "plan", "basis_text": plan_words})  # `(KH: 70 DN), đạt 64,3%`
        prev = found.comparisons[-1] if found.comparisons else None
        if prev is not None and _ELIDED_VERB.fullmatch(text, pos, parsed.number_start):
            last = _elided_change(prev, last)
        # `tăng 1.250 triệu đồng so với cùng kỳ (tăng 11%)`: one change, two sizes
        if prev is not None and _restates(prev, last):
            found.comparisons[-1] = prev.model_copy(update={"pct": last.pct})
        elif prev is not None and _same_basis(prev, last, value):
            found.comparisons.append(last.model_copy(update={"basis": prev.basis, "basis_text": prev.basis_text}))
            last = found.comparisons[-1]
        else:
            found.comparisons.append(last)
        opened = "(" in text[pos : parsed.number_start] and ")" not in text[pos : parsed.end]
        close = _CLOSE_AFTER.match(text, parsed.end, limit) if opened else None
        pos = found.end = close.end() if close else parsed.end
        if last.basis in ("plan", "budget_estimate") and found.target is None:
            pos = found.end = _plan_figure(text, pos, limit, found)
        if last.relation == "change" and last.pct is not None and last.amount is None:
            pos = found.end = _change_size(text, pos, limit, found)
        if (pair := _YEARS_PAIR.match(text, pos, limit)) and _restates_years(pair, found.comparisons[-1]):
            found.spans.append(pair.span())
            pos = found.end = pair.end()  # `giảm 3 vụ so với cùng kỳ (05/08 vụ)`: both years again
        if (before := _earlier_change(text, pos, limit)) is not None:
            found.spans.append(before)  # `(cùng kỳ tăng 3,1%)`: the earlier period's own change, no figure
            pos = before[1]  # (not in the quote: it says nothing of this figure)


def _earlier_figure(text: str, pos: int, limit: int) -> tuple[tuple[int, int], tuple[Basis, str]] | None:
    """`(cùng kỳ năm 2025: 586 ca)`, `(năm 2025: 1.200 vụ)`: the same measure in the period compared with,
    in brackets after the figure: its span and its basis (the change after it, if any, is against that)."""
    m = _OPEN.match(text, pos, limit)
    basis = match_basis(text, m.end(), limit, after_so_voi=True) if m else None
    if m is None or basis is None or basis[0] not in ("same_period", "previous_period"):
        return None
    colon = _COLON_FIGURE.match(text, basis[2], limit)
    raw = colon.group("num").rstrip(".,") if colon else ""
    if colon is None or parse_number(raw) is None:
        return None
    unit = match_unit(text, colon.start("num") + len(raw), limit)
    close = CLOSE_PAREN.match(text, unit[2] if unit else colon.start("num") + len(raw), limit)
    if close is None:
        return None
    return (m.start(), close.end()), (basis[0], basis[1])


_EARLIER_CHANGE = re.compile(
    r"\s*:?\s+(?:tăng|giảm|(?P<ratio>đạt|bằng))\s+\d+(?:,\d+)?\s?(?:%|điểm\s*(?:%|phần\s+trăm))\s*\)",
    re.IGNORECASE,
)


def _earlier_change(text: str, pos: int, limit: int) -> tuple[int, int] | None:
    """`tăng 4,2% so với cùng kỳ năm 2023 (cùng kỳ tăng 3,1%)`, `đạt 68,5% kế hoạch (cùng kỳ năm 2023 đạt 62,4%)`:
    how the period compared with changed in its own year or the rate it reached, in brackets after the
    comparison; it measures the basis, not this period (its span). So does a
    planned change (`giảm 0,85 điểm phần trăm so với đầu năm (kế hoạch giảm 0,8%)`), a target for a rate that
    SPEC 4 has no field for."""
    m = _OPEN.match(text, pos, limit)
    basis = match_basis(text, m.end(), limit, after_so_voi=True) if m else None
    if m is None or basis is None or basis[0] == "other":
        return None
    change = _EARLIER_CHANGE.match(text, basis[2], limit)
    if change is None or (change.group("ratio") and basis[0] not in ("same_period", "previous_period")):
        return None
    return m.start(), change.end()


def _elided_change(prev: Comparison, last: Comparison) -> Comparison:
    """The second size of `tăng 12,3% so với cùng kỳ và 4,5% so với kế hoạch` is the same kind of change,
    the same way (a size of 100% or more is read as the ratio it must be: `... và 104% kế hoạch`)."""
    size = prev.pct if prev.pct is not None else prev.amount
    if prev.relation != "change" or last.relation != "ratio" or last.pct is None or last.pct >= 100 or not size:
        return last
    return last.model_copy(update={"relation": "change", "pct": last.pct if size > 0 else -last.pct})


def _elided_amount(text: str, pos: int, limit: int, prev: Comparison) -> Parsed | None:
    """`tăng 120 tấn so với cùng kỳ và 45 tấn so với kế hoạch`: a second amount after `và`, in the same unit
    and with a basis of its own, is the same kind of change against that basis, the same way."""
    lead = _ELIDED_VERB.match(text, pos, limit)
    if lead is None or prev.relation != "change" or prev.pct is not None or not prev.amount:
        return None
    num = NUMBER_RE.match(text, lead.end(), limit)
    raw = num.group().rstrip(".,") if num else ""
    amount = parse_number(raw) if num else None
    unit = match_unit(text, lead.end() + len(raw), limit) if num else None
    if num is None or amount is None or unit is None or unit[0] != prev.amount_unit:
        return None
    if (basis := basis_after(text, unit[2], limit)) is None:
        return None
    sign = 1.0 if prev.amount > 0 else -1.0
    comp = Comparison(basis=basis[0], basis_text=basis[1], relation="change", amount=sign * amount, amount_unit=unit[0])
    return Parsed(comp, basis[2], num.start(), True)


def _restates_years(pair: re.Match[str], change: Comparison) -> bool:
    """`(05/08 vụ)` after `giảm 3 vụ`: this period's and the earlier figure, whose gap is the change."""
    now, before = parse_number(pair.group("now")), parse_number(pair.group("before"))
    return (
        change.amount is not None
        and now is not None
        and before is not None
        and abs(now - before - change.amount) < 1e-6
    )


def _plan_figure(text: str, pos: int, limit: int, found: Following) -> int:
    """`(110 hội viên)` right after a plan basis: the plan's figure, the target (never an indicator)."""
    m = _PLAN_FIGURE.match(text, pos, limit)
    raw = m.group("num").rstrip(".,") if m else ""
    plan = parse_number(raw) if m else None
    unit = match_unit(text, m.start("num") + len(raw), limit) if m else None
    close = CLOSE_PAREN.match(text, unit[2], limit) if unit else None
    if m is None or plan is None or unit is None or close is None:
        return pos
    found.target, found.target_unit = plan, unit[0]
    found.spans.append((m.start("num"), unit[2]))
    return close.end()


def _change_size(text: str, pos: int, limit: int, found: Following) -> int:
    """The amount after a change in % (`, bằng 13 ha`, `(tăng 184 tấn)`): it joins that change; a
    basis of its own after it (`tăng 5 ha so với kế hoạch`) makes it another comparison, not this one."""
    last = found.comparisons[-1]
    diff = _ABS_DIFF.match(text, pos, limit)
    if diff is None or last.pct is None or not same_way(diff.group("dir") or diff.group("said"), last.pct):
        return pos
    raw = diff.group("num").rstrip(".,")
    amount = parse_number(raw)
    unit = match_unit(text, diff.start("num") + len(raw), limit)
    if amount is None or unit is None or unit[0] in ("%", "‰"):
        return pos
    end = unit[2]
    if diff.group("open"):
        if (close := CLOSE_PAREN.match(text, end, limit)) is None:
            return pos
        end = close.end()
    after = basis_after(text, end, limit)
    if after is not None and (last.basis_text or (diff.group("dir") and not diff.group("open"))):
        return pos  # `..., tăng 5 ha so với kế hoạch`: a comparison of its own
    update: dict[str, object] = {"amount": (1.0 if last.pct > 0 else -1.0) * amount, "amount_unit": unit[0]}
    if (
        after is not None
    ):  # `tăng 9,1% (+70 tỷ đồng) so với cùng kỳ`, `tăng 2,3% (tăng 280 ha) so với ...`: both's basis
        update |= {"basis": after[0], "basis_text": after[1]}
        end = after[2]
    found.comparisons[-1] = last.model_copy(update=update)
    return end


def _same_basis(prev: Comparison, last: Comparison, value: float | None) -> bool:
    """`đạt 120,5% KH, vượt 20,5%`, `tăng 500 tấn so với cùng kỳ, bằng 104,3%`, `gấp 1,3 lần so với cùng
    kỳ, tăng 4.250 m3`: a comparison with no basis of its own whose number the one before it implies
    restates it against that basis."""
    if last.basis != "other" or last.basis_text or not prev.basis_text:
        return False
    if last.pct is None:  # an amount after a ratio: the figure's rise or fall from that basis
        if last.amount is None or prev.relation != "ratio" or not prev.pct or value is None:
            return False
        before = value - last.amount
        return before > 0 and abs(100 * value / before - prev.pct) <= 0.6
    if prev.pct is not None and {prev.relation, last.relation} == {"ratio", "change"}:
        ratio, change = (prev.pct, last.pct) if prev.relation == "ratio" else (last.pct, prev.pct)
        return abs(ratio - 100 - change) <= 0.15
    if prev.amount is None or prev.pct is not None or last.relation != "ratio" or value is None:
        return False
    before = value - prev.amount
    return before > 0 and abs(100 * value / before - last.pct) <= 0.6


def _restates(prev: Comparison, last: Comparison) -> bool:
    """A change in % with no basis of its own right after a change by an amount, the same way."""
    return (
        prev.relation == last.relation == "change"
        and prev.amount is not None
        and prev.pct is None
        and last.pct is not None
        and last.basis == "other"
        and not last.basis_text
        and (prev.amount > 0) == (last.pct > 0)
    )


def _after_breakdown(text: str, pos: int, limit: int) -> Parsed | None:
    """`312.000 lượt (trong đó khách quốc tế 18.500 lượt, tăng 22,4%), tăng 15,8% so với cùng kỳ`: the
    comparison after a closed breakdown is the total's (the parts inside are figures of their own)."""
    m = _BREAKDOWN.match(text, pos, limit)
    parsed = parse_comparison(text, m.end(), limit) if m else None
    return parsed if parsed is not None and parsed.explicit_basis else None


def _after_gap(text: str, pos: int, limit: int) -> Parsed | None:
    """A comparison after a few more name words: `05/06 đơn khiếu nại, tố cáo đạt tỷ lệ 83,3%`."""
    for gap in (_GAP_COMMA, _GAP_WORDS, _GAP_SO_VOI, _GAP_RATE, _GAP_CLAUSE):
        m = gap.match(text, pos, limit)
        if m is None:
            continue
        parsed = parse_comparison(text, m.end(), limit)
        if parsed is not None and (parsed.explicit_basis or parsed.comparison.basis_text):
            return parsed
    return None
