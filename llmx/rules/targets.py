"""What a figure is measured against, found past the words the comparison reader takes: a plan
in parentheses after a plan basis, and the rate of a fraction stated after more of its words. Pure.
"""

from __future__ import annotations

import re

from llmx.contract import Comparison
from llmx.numbers import is_rate_of, parse_number
from llmx.rules.comparisons import Parsed
from llmx.rules.paragraphs import Item, Para

# The rate of a fraction after more of its words: `553/553 TTHC có phát sinh giao dịch (đạt 100%)`,
# `2.775.718/2.935.139 công dân từ đủ 14 tuổi, đạt tỷ lệ 94,6%`, `17/19 chỉ tiêu (89,5%)`. Read ahead from the
# fraction, the words between are name words (an age or a parenthesis of words may be one); once the percentage
# is read as the next figure, any words but a sentence end may stand between, and the rate must say `tỷ lệ`.
_RATE_LEAD = r"(?:[,(]\s*đạt\s+(?P<rate>t[ỷỉ]\s+lệ\s+)?|\(\s*)"  # `312/400 giấy chứng nhận (78%)` too
_RATE_AFTER_NAME = re.compile(
    r"(?:[^;.()\d]|\d{1,2}\s+tuổi|\([^()\d]{0,80}\)){0,120}?" + _RATE_LEAD + r"(?P<num>\d+(?:,\d+)?)\s?%",
    re.IGNORECASE,
)
_RATE_AFTER_ANY = re.compile(r"[^;.]{0,120}?" + _RATE_LEAD + r"\Z", re.IGNORECASE)
_CLOSE_PAREN = re.compile(r"\s*\)")


def fraction_rate(
    text: str, limit: int, fraction: Item, *, read: tuple[int, float, int] | None = None
) -> Parsed | None:
    """The rate of the fraction x/y `fraction` holds, stated after more of its words with no basis: found
    only when it is 100·x/y (give or take a point) and the fraction has no ratio yet. Without `read` it is
    looked for ahead; `read` = (start, pct, end) is a percentage already read, whose words back to the
    fraction are checked."""
    value, target, pos = fraction.value, fraction.target, fraction.end
    if value is None or target is None or any(c.relation == "ratio" for c in fraction.comparisons):
        return None
    if read is None:
        m = _RATE_AFTER_NAME.match(text, pos, limit)
        rate = parse_number(m.group("num")) if m else None
        if m is None or rate is None:
            return None
        num_start, end = m.start("num"), m.end()
    else:
        num_start, rate, end = read
        m = _RATE_AFTER_ANY.match(text, pos, num_start)
        if m is None or not m.group("rate"):
            return None
    if not is_rate_of(value, target, rate):
        return None
    comp = Comparison(basis="other", basis_text="tỷ lệ" if m.group("rate") else "", relation="ratio", pct=rate)
    close = _CLOSE_PAREN.match(text, end, limit)
    return Parsed(comp, close.end() if close else end, num_start, False)


# the rest of a plan basis up to a parenthesis: `so với Nghị quyết Đại hội đã đề ra (`
_PLAN_PAREN_GAP = re.compile(r"[^;.()\d]{0,60}\(\s*\Z")
_PAREN_CLOSE = re.compile(r"\s*\)")


def plan_in_parenthesis(para: Para, items: list[Item]) -> None:
    """`kết nạp 49 hội viên, đạt 123% so với Nghị quyết Đại hội đã đề ra (110 hội viên)`: the
    parenthesis after a plan basis states the plan, the target of the figure, not a figure of its own."""
    text = para.text
    for k in range(len(items) - 1, 0, -1):
        figure, plan = items[k - 1], items[k]
        if (
            figure.sentence != plan.sentence
            or figure.target is not None
            or plan.value is None
            or plan.unit is None
            or plan.unit != figure.unit
            or not figure.comparisons
            or figure.comparisons[-1].basis != "plan"
            or not _PLAN_PAREN_GAP.search(text[figure.end : plan.num_start])
            or plan.core is None
            or not (close := _PAREN_CLOSE.match(text, plan.core[1], para.end))
        ):
            continue
        figure.target, figure.end = plan.value, close.end()
        del items[k]


# a plan stated as a figure of its own, before the result that meets it
_PLAN_NAME = re.compile(r"(?:tổng\s+)?(?:kế\s+hoạch|chỉ\s+tiêu)(?!\w)", re.IGNORECASE)


def plan_then_actual(para: Para, items: list[Item]) -> None:
    """`Tổng kế hoạch vốn ... là 17.715.000 triệu đồng; số tiền đã giải ngân ... là 12.721.668 triệu đồng; đạt
    tỷ lệ 71,8%`: a plan written before the result of its sentence, with a rate after the result that is
    result/plan, is that result's target (the rate its ratio), not a figure of its own."""
    k = 0
    while k < len(items):
        plan = items[k]
        later = [
            it
            for it in items[k + 1 :]
            if it.sentence == plan.sentence and it.unit == plan.unit and para.paren_at(it.num_start) is None
        ]
        actual = later[0] if later else None
        if (
            actual is None
            or not plan.value
            or plan.unit is None
            or actual.value is None
            or actual.target is not None
            or not _PLAN_NAME.match(plan.local)
        ):
            k += 1
            continue
        after = items.index(actual) + 1
        rate = items[after] if after < len(items) and items[after].sentence == actual.sentence else None
        own = [c.pct for c in actual.comparisons if c.relation == "ratio"]  # `giải ngân 84 tỷ đồng, đạt 70%`
        pct = own[0] if len(own) == 1 else None if own else _rate_of(rate)
        if pct is None or not is_rate_of(actual.value, plan.value, pct):
            k += 1
            continue
        actual.target, actual.quote_start = plan.value, plan.quote_start
        if not own and rate is not None:
            words = "tỷ lệ" if "tỷ lệ" in rate.local.lower() else ""
            actual.comparisons.append(Comparison(basis="other", basis_text=words, relation="ratio", pct=pct))
            actual.end = rate.end
            items.remove(rate)
        del items[k]


def _rate_of(item: Item | None) -> float | None:
    """The percentage an item states on its own (`đạt tỷ lệ 71,8%`, as a value or a ratio with no figure)."""
    if item is None:
        return None
    if item.unit == "%" and item.value is not None and not item.comparisons:
        return item.value
    if item.value is None and len(item.comparisons) == 1 and item.comparisons[0].relation == "ratio":
        return item.comparisons[0].pct
    return None
