"""Changes stated in a sentence of their own, after the figures they are about (genre-notes 3d):

`Năm 2011, đã phát hiện 209 vụ, 406 đối tượng. So với năm 2010 tăng 54 vụ (209/155), 127 đối
tượng (408/279).` The `So với` sentence gives each earlier figure of the paragraph a change: the
one counted in the same unit (54 vụ -> the 209 vụ, 127 đối tượng -> the 406 đối tượng), with the
sign of the last `tăng`/`giảm`; the parenthesised `(x/y)` pairs restate both years and are no
figures. Nothing in such a sentence is an indicator of its own. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from llmx.contract import Basis, Comparison
from llmx.numbers import NUMBER_PATTERN, parse_number
from llmx.rules.comparisons import match_basis
from llmx.rules.paragraphs import Item, Para
from llmx.rules.units import match_unit

_START = re.compile(r"(?<!\w)(?-i:So)\s+với\s+")  # sentence-initial, capital `So`
_STEP = re.compile(
    r"\s*(?:,|và)?\s*(?:(?P<dir>tăng|giảm|gảm)\s+)?(?:thêm\s+)?(?:(?:trên|hơn|gần|khoảng)\s+)?"
    rf"(?P<num>{NUMBER_PATTERN})",
    re.IGNORECASE,
)
_PAIR = re.compile(r"\s*\([\d\s/.,]*\)")


@dataclass(frozen=True)
class Change:
    """One change amount of a `So với` sentence, waiting for the figure it belongs to."""

    at: int  # where the sentence starts: only figures before it can take the change
    end: int  # end of the amount's unit
    basis: Basis
    basis_text: str
    amount: float
    unit: str


def read_change_sentences(para: Para) -> list[Change]:
    """The amounts of every `So với <basis> tăng/giảm N unit, M unit ...` sentence; their digits
    are blocked so that no amount becomes an indicator."""
    text, found = para.text, []
    for m in _START.finditer(text, para.start, para.end):
        basis = match_basis(text, m.end(), para.end, after_so_voi=True)
        if basis is None:
            continue
        pos, sign = basis[2], 0.0
        steps: list[Change] = []
        while (step := _STEP.match(text, pos, para.end)) is not None:
            value = parse_number(step.group("num"))
            unit = match_unit(text, step.end("num"), para.end)
            if value is None or unit is None or unit[0] in ("%", "‰"):
                break
            if step.group("dir"):
                sign = 1.0 if step.group("dir").lower() == "tăng" else -1.0
            if sign == 0.0:
                break
            steps.append(Change(m.start(), unit[2], basis[0], basis[1], sign * value, unit[0]))
            pair = _PAIR.match(text, unit[2], para.end)
            pos = pair.end() if pair else unit[2]
        if steps:
            para.block(m.start(), pos)
            found.extend(steps)
    return found


def attach_changes(items: list[Item], changes: list[Change]) -> None:
    """Give each change to the latest earlier figure counted in its unit that has none yet."""
    for change in changes:
        target = next(
            (
                it
                for it in reversed(items)
                if it.num_start < change.at
                and it.unit == change.unit
                and not any(c.basis_text == change.basis_text for c in it.comparisons)
            ),
            None,
        )
        if target is None:
            continue
        target.comparisons.append(
            Comparison(
                basis=change.basis,
                basis_text=change.basis_text,
                relation="change",
                amount=change.amount,
                amount_unit=change.unit,
            )
        )
        target.end = max(target.end, change.end)


def share_bases(items: list[Item]) -> None:
    """`Tỷ lệ hộ nghèo giảm 1,76%, hộ cận nghèo giảm 1,51% so với đầu năm`: a change written with
    no basis takes the basis of the next change of the same sentence."""
    for first, second in pairwise(items):
        if first.sentence != second.sentence or not second.comparisons:
            continue
        stated = second.comparisons[0]
        if stated.relation != "change" or not stated.basis_text:
            continue
        first.comparisons = [
            c.model_copy(update={"basis": stated.basis, "basis_text": stated.basis_text})
            if c.relation == "change" and c.basis == "other" and not c.basis_text
            else c
            for c in first.comparisons
        ]
