"""Figures of a numbered series written one after another (`tiêm vắc xin phòng COVID-19 mũi 3 cho 1.240
người, mũi 4 cho 856 người`): a step named only by its number takes the words the step before it is
named by (`Tiêm vắc xin phòng COVID-19 mũi 4`), not just `Mũi 4`. Pure."""

from __future__ import annotations

import re
from itertools import pairwise

from llmx.rules.name_words import lc_first
from llmx.rules.paragraphs import Item

_STEP_WORDS = r"mũi|liều|đợt|lần"
_OPENS_WITH_STEP = re.compile(rf"(?:{_STEP_WORDS})\s+\d{{1,2}}(?!\d)", re.IGNORECASE)


def name_series_steps(items: list[Item]) -> None:
    """Give a figure whose name opens with a numbered step the head of the previous step's name."""
    for prev, item in pairwise(items):
        opening = _OPENS_WITH_STEP.match(item.local)
        if item.sentence != prev.sentence or opening is None:
            continue
        word = opening.group().split()[0]
        step = re.search(rf"(?<!\w){word}\s+\d{{1,2}}(?!\d)", prev.local, re.IGNORECASE)
        head = prev.local[: step.start()].rstrip() if step is not None else ""
        if not head:
            continue
        local = f"{head} {lc_first(item.local)}"
        if item.child_base == item.local:
            item.child_base = local
        if item.words == item.local:
            item.words = local
        item.local = local
