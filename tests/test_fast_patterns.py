"""Patterns written for speed (opening with a character, their look-behind after it) match exactly what
their readable forms match: same spans, same groups, at every start and end of the search."""

from __future__ import annotations

import random
import re

import pytest

from llmx import normalize, numbers
from llmx.rules import changes, odd_numbers, paragraphs, restatements, sentences
from llmx.vn import VN_CAPITALS

_UPPER = VN_CAPITALS
READABLE = {
    "NUMBER_RE": (
        numbers.NUMBER_RE,
        r"(?<![\w.,])(?:\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![.,]?\d)(?![A-ZĐ](?:\d|\b))(?![A-Z]{2,}\d)",
    ),
    "restatements._RUN": (restatements._RUN, r"(?<![\d.,])\d+(?:[.,]\d+)*"),
    "changes._START": (
        changes._START,
        r"(?:(?<!\w)(?-i:So)|(?<=;)(?-i:so)|(?<=;\s)(?-i:so)|(?P<comma>(?<=,\s)(?-i:so)))\s+với\s+",
    ),
    "odd_numbers._MALFORMED": (
        odd_numbers._MALFORMED,
        r"(?<![\w.,])\d{1,4}(?:\.\d{1,4}){1,4}(?:,\d+)?(?![.,]?\d)|(?<![\w.,/])\d{1,3},\s\d+(?![.,]?\d)",
    ),
    "odd_numbers._DOT_DECIMAL": (
        odd_numbers._DOT_DECIMAL,
        r"(?<![\w.,])(?P<whole>\d{1,3})\.(?P<frac>\d{1,2})(?=\s?[%‰])",
    ),
    "normalize._ITALIC": (
        normalize._ITALIC,
        r"(?<![\w*])\*(?=[^\s*])[^*\n]*?[^\s*]\*(?![\w*])|(?<![\w*])\*(?=[^\s*])[^\s*]\*(?![\w*])",
    ),
    "paragraphs._SENTENCE_END": (paragraphs._SENTENCE_END, r"(?<![.\d])[.!?](?=\s|$)(?!\.)|\./\."),
    "sentences._SENTENCE_END": (
        sentences._SENTENCE_END,
        rf"(?:\./\.|\.{{3}}|…|[.;!?])(?=\s+(?:[-+•]\s+)?[\"“(]?[{_UPPER}0-9]|\s*$)|;(?=\s)",
    ),
}
PIECES = [
    "1", "12", "123", "1.250", "12.480,5", "3,5", "97.6", "%", "‰", ".", ",", ", ", ";", "; ", "/", " ", "\n", "a",
    "ha", "Đ", "KCN", "AB1", "So", "so", " với ", "so với", "S", "(", ")", "…", "...", "./.", "!", "?", "Tổng", "x2",
    "So với ", "; so với ", ";so với ", ", so với ", "aso với ", "*", "**", "*x*", " *", "* ", "_",
]  # fmt: skip


def _signature(rx: re.Pattern[str], text: str, pos: int, endpos: int) -> list[tuple[tuple[int, int], ...]]:
    return [m.regs for m in rx.finditer(text, pos, endpos)]


@pytest.mark.parametrize("name", sorted(READABLE))
def test_a_pattern_written_for_speed_matches_as_its_readable_form(name):
    fast, readable = READABLE[name][0], re.compile(READABLE[name][1], READABLE[name][0].flags)
    rng = random.Random(8)
    for _ in range(1500):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 14)))
        for pos in range(len(text) + 1):
            endpos = rng.randint(pos, len(text))
            assert _signature(fast, text, pos, endpos) == _signature(readable, text, pos, endpos), (text, pos)
            for rx_call in ("match", "search"):
                got = getattr(fast, rx_call)(text, pos, endpos)
                want = getattr(readable, rx_call)(text, pos, endpos)
                assert (got and got.regs) == (want and want.regs), (text, pos, rx_call)
