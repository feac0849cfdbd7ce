"""Reading a rank out of N in prose (`xếp hạng 19/63`, `đứng thứ 15/34 tỉnh, thành phố`): its own
indicator, unit `hạng`, target N (eval/LABELING.md). Pure."""

from __future__ import annotations

import re

from llmx.numbers import NUMBER_RE, parse_number
from llmx.rules.naming import new_item
from llmx.rules.paragraphs import Item, Para, last_in_sentence
from llmx.rules.table_scores import RANK_UNIT

_RANK_BEFORE = re.compile(r"(?<!\w)(?:xếp\s+hạng|xếp\s+thứ|đứng\s+thứ|đứng\s+hạng)(?:\s+thứ)?\s*$", re.IGNORECASE)
_RANK_ONLY = re.compile(r"(?:xếp\s+hạng|xếp\s+thứ|đứng\s+thứ|đứng\s+hạng)(?:\s+thứ)?", re.IGNORECASE)
_RANK_CLAUSE = re.compile(r"\s*,\s*(?:xếp\s+hạng|xếp\s+thứ|đứng\s+thứ|đứng\s+hạng)(?:\s+thứ)?\s*", re.IGNORECASE)
_RANKED_AMONG = re.compile(
    r"\s+(?:tỉnh,\s*thành(?:\s+phố)?|huyện,\s*thị\s+xã,\s*thành\s+phố|huyện,\s*thành\s+phố|tỉnh|thành\s+phố|"
    r"địa\s+phương|đơn\s+vị|sở,\s*ngành|huyện|xã)(?!\w)"
)
_OUT_OF = re.compile(r"\s*/\s*")
_DATE_REST = re.compile(r"\s*/\s*\d")


def read_rank(para: Para, items: list[Item], s: int, e: int, value: float) -> Item | None:
    """A rank out of N (`xếp hạng 19/63`, `đứng thứ 15/34 tỉnh, thành phố`): its own indicator, unit
    `hạng`, target N (eval/LABELING.md); a bare `thứ 03` stays an ordinal."""
    text = para.text
    if not _RANK_BEFORE.search(text, max(para.start, s - 20), s) or not (frac := _OUT_OF.match(text, e, para.end)):
        return None
    den = NUMBER_RE.match(text, frac.end(), para.end)
    of = parse_number(den.group()) if den else None
    if den is None or of is None or not 0 < value <= of or _DATE_REST.match(text, den.end(), para.end):
        return None
    end = m.end() if (m := _RANKED_AMONG.match(text, den.end(), para.end)) else den.end()
    item = new_item(para, items, s, value, RANK_UNIT, end, count_unit=False)
    if item is not None:
        item.target, item.core = of, (s, end)
        prev = last_in_sentence(para, items, s)
        rank_only = _RANK_ONLY.fullmatch(item.local) is not None
        if prev is not None and prev.own and rank_only and _RANK_CLAUSE.fullmatch(text, prev.end, s):
            # `Chỉ số CCHC đạt 89,15 điểm, xếp thứ 5/63`: the rank is of what the figure before measures
            item.local = item.child_base = f"{prev.own} - {item.local[:1].lower()}{item.local[1:]}"
        elif rank_only and (label := _LABEL.search(text, para.sentence_start(s), item.quote_start)) is not None:
            # `Xếp hạng chỉ số DTI năm 2024: đứng thứ 8/15 huyện`: the label says what is ranked
            item.local = item.child_base = f"{' '.join(label.group('label').split())} - {item.local.lower()}"
            item.quote_start = label.start("label")
    return item


_LABEL = re.compile(r"(?:^|(?<=[\s\-+•*]))(?P<label>[^\W\d_][^.;:\n]{2,120}?)\s*:\s*\Z")
