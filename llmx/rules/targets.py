"""What a figure is measured against, found past the words the comparison reader takes: a plan
in parentheses after a plan basis, and the rate of a fraction stated after more of its words. Pure.
"""

from __future__ import annotations

import re

from llmx.contract import Comparison
from llmx.numbers import is_rate_of
from llmx.rules.paragraphs import Item, Para

# `2.775.718/2.935.139 công dân từ đủ 14 tuổi, đạt tỷ lệ 94,6%`: more words (an age too), then the rate
_FRACTION_RATE_GAP = re.compile(r"[^;.]{0,120}?[,(]\s*đạt\s+t[ỷỉ]\s+lệ\s+\Z", re.IGNORECASE)
_CLOSE_PAREN = re.compile(r"\s*\)?")


def fraction_rate(para: Para, prev: Item, s: int, pct: float, pct_end: int) -> bool:
    """Whether `đạt tỷ lệ X%` at `s` is the rate of the fraction `prev` before it (X = 100 x/y, give
    or take 1); if so it becomes that fraction's comparison and the fraction's quote runs through it."""
    text = para.text
    if prev.value is None or not prev.target or any(c.relation == "ratio" for c in prev.comparisons):
        return False
    if not _FRACTION_RATE_GAP.match(text[prev.end : s]) or not is_rate_of(prev.value, prev.target, pct):
        return False
    prev.comparisons.append(Comparison(basis="other", basis_text="tỷ lệ", relation="ratio", pct=pct))
    prev.end = _CLOSE_PAREN.match(text, pct_end, para.end).end()  # type: ignore[union-attr]
    return True


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
