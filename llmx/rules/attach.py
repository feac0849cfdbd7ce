"""What follows a figure, attached to its item: the comparisons and plan figure `following.py` reads
after it, the spans they cover blocked from other readers, and the level a rate's change left it at
(`giảm 5,2%, còn 38,6%`). The last step of naming an item; a module of its own because the figure readers
(`figures.py`, `compared_figures.py`) attach again after adjusting an item `naming.py` made. Pure.
"""

from __future__ import annotations

import re

from llmx.numbers import NUMBER_PATTERN, is_rate_of, parse_number
from llmx.rules.following import read_following
from llmx.rules.paragraphs import Item, Para
from llmx.rules.unit_words import META_UNITS
from llmx.rules.units import match_unit

_PAIRED_COUNT = re.compile(r"\s*/\s*\d[\d.,]*")


def attach_comparisons(para: Para, item: Item) -> None:
    """Comparisons, a plan figure and an absolute difference that follow the figure."""
    if item.unit in META_UNITS:
        return  # `đạt từ 50% kế hoạch trở lên` after a count of indicators is a threshold
    if _paired_count(para, item):
        return  # `bắt giữ 12 vụ/25 đối tượng`: the count after the slash is a figure of its own
    following = read_following(
        para.text,
        item.end,
        para.end,
        has_value=item.value is not None,
        is_blocked=para.is_blocked,
        value=item.value,
    )
    item.comparisons.extend(following.comparisons)
    item.end = following.end
    item.resume = following.resume
    rate_plan = following.target_unit == "%"
    if following.target is not None and item.target is None and (not rate_plan or item.unit == "%"):
        item.target = following.target  # never a `%` plan as the target of a count
    for span in following.spans or ():
        para.block(*span)
    changed = any(c.relation == "change" for c in item.comparisons)  # `Tỷ lệ hộ nghèo giảm 5,2%, còn 38,6%`
    if item.value is None and changed and (left := _LEFT_AT.match(para.text, item.end, para.end)):
        item.value, item.unit, item.end = parse_number(left.group("num")), "%", left.end()
        para.block(left.start("num"), left.end())


# `..., còn 38,6%`, `..., xuống còn 2,1%`: the level a rate's change brought it to, the rate's value
_LEFT_AT = re.compile(rf",?\s*(?:xuống\s+|lên\s+)?còn\s+(?P<num>{NUMBER_PATTERN})\s?%")
_PAIR_RATE = re.compile(r"[^;.]{0,80}?đạt\s+(?:t[ỷỉ]\s+lệ\s+)?(\d+(?:,\d+)?)\s*%", re.IGNORECASE)


def _paired_count(para: Para, item: Item) -> bool:
    """`12 vụ/25 đối tượng`: a count of another noun after the slash, not the total of a fraction
    (`2.846.632 tài khoản/2.935.139 công dân ..., đạt 97%` is one: the rate is its quotient)."""
    text = para.text
    pair = _PAIRED_COUNT.match(text, item.end, para.end)
    other = match_unit(text, pair.end(), para.end) if pair else None
    if pair is None or other is None or other[0] == item.unit or item.value is None:
        return False
    total = parse_number(pair.group().strip(" \t/"))
    rate = _PAIR_RATE.match(text, other[2], para.end)
    pct = parse_number(rate.group(1)) if rate else None
    return not (total and pct is not None and is_rate_of(item.value, total, pct))
