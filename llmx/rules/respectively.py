"""Comparisons written once for several figures with `lần lượt` (respectively), genre-notes 3:
`Thu ngân sách 25,6 tỷ đồng, chi 21,3 tỷ đồng, đạt lần lượt 56% và 48% dự toán`, `... 12.450 người,
tự nguyện 2.130 người, tăng lần lượt 4,5% và 18,2% so với cùng kỳ`. The k-th percentage belongs to the
k-th of the figures written before it in the sentence; the percentages are no figures of their own. Pure.
"""

from __future__ import annotations

import re

from llmx.contract import Comparison, Relation
from llmx.numbers import parse_number
from llmx.rules.comparisons import basis_after
from llmx.rules.paragraphs import Item, Para

_RESPECTIVELY = re.compile(
    r"(?:(?P<verb>đạt|bằng|tăng|giảm)\s+lần\s+lượt|lần\s+lượt\s+(?P<verb_after>đạt|bằng|tăng|giảm))(?:\s+là)?\s+",
    re.IGNORECASE,
)
_NEXT_PCT = re.compile(r"\s*(?:,|;|và|,\s*và)?\s*(?P<num>\d+(?:,\d+)?)\s?%", re.IGNORECASE)


def respective_comparisons(para: Para, items: list[Item]) -> None:
    """Give each figure before a `lần lượt` run of percentages its own comparison, in order."""
    text = para.text
    for m in _RESPECTIVELY.finditer(text, para.start, para.end):
        pcts: list[float] = []
        end = m.end()
        while (pct := _NEXT_PCT.match(text, end, para.end)) and (value := parse_number(pct.group("num"))) is not None:
            pcts.append(value)
            end = pct.end()
        sentence = para.sentence_of(m.start())
        before = [it for it in items if it.sentence == sentence and it.num_start < m.start() and it.value is not None]
        if len(pcts) < 2 or len(before) < len(pcts) or any(it.comparisons for it in before[-len(pcts) :]):
            continue
        verb = (m.group("verb") or m.group("verb_after")).lower()
        basis = basis_after(text, end, para.end)
        kind, words = (basis[0], basis[1]) if basis else ("other", "")
        end = basis[2] if basis else end
        sign = -1.0 if verb == "giảm" else 1.0
        relation: Relation = "ratio" if verb in ("đạt", "bằng") else "change"
        for figure, size in zip(before[-len(pcts) :], pcts, strict=True):
            figure.comparisons = [Comparison(basis=kind, basis_text=words, relation=relation, pct=sign * size)]
            figure.end = max(figure.end, end)
        items[:] = [it for it in items if not m.start() <= it.num_start < end]
