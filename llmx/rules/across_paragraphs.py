"""Comparisons written after their figure's sentence (SPEC 4, eval/LABELING.md: one measured quantity).

A report's lines are paragraphs, and a change is often told on the next one: `... đạt 560 tỷ đồng.` /
`Con số này tăng 18% so với năm 2023.`, `... đạt 108% dự toán tỉnh giao.` / `So với cùng kỳ năm trước tăng
14,5%.`; and a list of bullets writes its basis once (`- Đàn trâu: 1.250 con, giảm 3% so với cùng kỳ;` /
`- Đàn bò: 2.340 con, tăng 5%;`); or a sentence is only a comparison (`... 86 triệu USD. Bằng 102% so với cùng
kỳ.`). Each paragraph is read on its own first (`figures.py`); this joins what a sentence or paragraph says of the
last figure before it. Pure.
"""

from __future__ import annotations

import re

from llmx.rules.compared_figures import restated_by
from llmx.rules.comparisons import parse_comparison
from llmx.rules.paragraphs import Item, Para

# a line that opens with its basis and says only how the figure before compares: `So với cùng kỳ tăng 14,5%.`
_OPENS_SO_VOI = re.compile(r"[\s\-+•*]*(?=(?-i:So)\s+(?:với\s+)?\S)")
_LINE_END = re.compile(r"\s*[.;]?\s*$")


def join_next_paragraph(prev: list[Item], para: Para, found: list[Item]) -> None:
    """Give the last figure of the paragraph before the comparisons this paragraph opens with: a value-less
    statement naming nothing or that figure (`Con số này ...`, `So với dự toán, đạt 112%`), or a bare line
    `So với <basis> tăng X%` that names nothing at all (no indicator of its own)."""
    last = prev[-1] if prev else None
    if last is None or last.value is None:
        return
    first = found[0] if found else None
    if first is not None and first.sentence == 0 and (how := restated_by(last, first, next_sentence=True)):
        owner = _top(last) if how == "unnamed" else last
        owner.comparisons.extend(first.comparisons)
        owner.end = max(owner.end, first.end)
        found.pop(0)
        return
    opening = _OPENS_SO_VOI.match(para.text, para.start, para.end)
    parsed = parse_comparison(para.text, opening.end(), para.end) if opening else None
    if parsed is None or not parsed.explicit_basis or not _LINE_END.match(para.text, parsed.end, para.end):
        return
    if found or any(c.basis == parsed.comparison.basis for c in last.comparisons):
        return
    owner = _top(last)
    owner.comparisons.append(parsed.comparison)
    owner.end = max(owner.end, parsed.end)


def named_in_lines_before(recent: list[Item], para: Para, found: list[Item]) -> None:
    """`- Thu ngân sách: 45,6 tỷ đồng ...` / `- Chi ngân sách: 38,2 tỷ đồng ...` / `So với cùng kỳ, thu ngân sách
    tăng 12%, chi ngân sách tăng 8%.`: a line opening with its basis whose every statement is a value-less
    change naming (in two words or more) a figure of the lines just before gives each that figure's."""
    if not found or not _OPENS_SO_VOI.match(para.text, para.start, para.end):
        return
    owners: list[Item] = []
    for item in found:
        named = [
            p for p in reversed(recent) if p not in owners and restated_by(p, item, next_sentence=False) == "named"
        ]
        if not named:
            return
        owners.append(named[0])
    for owner, item in zip(owners, found, strict=True):
        owner.comparisons.extend(item.comparisons)
        owner.end = max(owner.end, item.end)  # the quote holds the comparison (SPEC 4)
    found.clear()


# a sentence that is only a comparison: `Bằng 102% so với cùng kỳ.`, `Tăng 12% so với năm trước.`
_SENTENCE_OPENS = re.compile(r"\s*(?=(?-i:So|Bằng|Tăng|Giảm|Đạt|Vượt|Gấp|Cao\s+hơn|Thấp\s+hơn)\s)")
_SENTENCE_END = re.compile(r"\s*(?:[.;]|$)")


def bare_sentences(para: Para, items: list[Item]) -> None:
    """`Tổng kim ngạch xuất khẩu đạt 86 triệu USD. Bằng 102% so với cùng kỳ.`: a sentence that is only a
    comparison, naming nothing, is the comparison of the last figure before it (no indicator of its own)."""
    text = para.text
    for start in para.sentence_ends:
        opens = _SENTENCE_OPENS.match(text, start, para.end)
        parsed = parse_comparison(text, opens.end(), para.end) if opens else None
        if parsed is None or not parsed.explicit_basis or not _SENTENCE_END.match(text, parsed.end, para.end):
            continue
        if para.is_blocked(parsed.number_start) or any(start <= it.num_start < parsed.end for it in items):
            continue  # (a `So với ...` sentence of changes is given out by `changes.py`)
        before = [it for it in items if it.num_start < start]
        last = before[-1] if before else None
        if last is None or last.value is None or any(c.basis == parsed.comparison.basis for c in last.comparisons):
            continue
        owner = _top(last)
        owner.comparisons.append(parsed.comparison)
        owner.end = max(owner.end, parsed.end)


def _top(item: Item) -> Item:
    """The total a part belongs to: what `Con số này` after a breakdown speaks of."""
    while item.parent is not None:
        item = item.parent
    return item


def elided_bullet_basis(prev: list[Item], found: list[Item], same_list: bool) -> None:
    """`- Đàn trâu: 1.250 con, giảm 3% so với cùng kỳ;` / `- Đàn bò: 2.340 con, tăng 5%;`: a change written with no
    basis in a bullet takes the one the bullet before stated for its figure (a basis written once for a run)."""
    last = prev[-1] if prev else None
    if not same_list or last is None:
        return
    stated = {(c.basis, c.basis_text) for c in last.comparisons if c.relation == "change" and c.basis_text}
    if len(stated) != 1:
        return
    basis, words = stated.pop()
    for item in found:
        item.comparisons = [
            c.model_copy(update={"basis": basis, "basis_text": words})
            if c.relation == "change" and c.basis == "other" and not c.basis_text
            else c
            for c in item.comparisons
        ]
