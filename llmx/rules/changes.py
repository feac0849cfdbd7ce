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

# sentence-initial, capital `So`, or a clause after `;` (`... 6 người; so với cùng kỳ giảm 3 vụ`)
_START = re.compile(r"(?:(?<!\w)(?-i:So)|(?<=;)(?-i:so)|(?<=;\s)(?-i:so))\s+với\s+")
_TAIL = re.compile(r"[ \t]+(?P<words>[^\W\d_]+(?:[ \t]+[^\W\d_]+)?)[ \t]*(?=[,;.]|$)")  # `2 người chết`
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
    words: str = ""  # what the unit counts, when written (`người chết`)


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
            if value is None or unit is None:
                break
            if step.group("dir"):
                sign = 1.0 if step.group("dir").lower() == "tăng" else -1.0
            if sign == 0.0:
                break
            tail = _TAIL.match(text, unit[2], para.end) if unit[0] not in ("%", "‰") else None
            words = tail.group("words") if tail else ""
            steps.append(Change(m.start(), unit[2], basis[0], basis[1], sign * value, unit[0], words))
            pair = _PAIR.match(text, unit[2], para.end)
            pos = pair.end() if pair else unit[2]
        if steps:
            para.block(m.start(), pos)
            found.extend(steps)
    return found


def attach_changes(items: list[Item], changes: list[Change]) -> None:
    """Give each change to the latest earlier figure counted in its unit that has none yet (the one
    whose name holds the counted words, when the change writes them: `giảm 2 người chết`); a change
    in `%` to the figure right before the sentence."""
    for change in changes:
        free = [
            it
            for it in items
            if it.num_start < change.at and not any(c.basis_text == change.basis_text for c in it.comparisons)
        ]
        if change.unit in ("%", "‰"):
            before = [it for it in items if it.num_start < change.at]
            target = before[-1] if before and before[-1] in free else None
            update: dict[str, object] = {"pct": change.amount}
        else:
            same = [it for it in free if it.unit == change.unit]
            named = [it for it in same if change.words and _holds(it.name or it.local, change.words)]
            pick = named or same
            target = pick[-1] if pick else None
            update = {"amount": change.amount, "amount_unit": change.unit}
        if target is None:
            continue
        comparison = Comparison(basis=change.basis, basis_text=change.basis_text, relation="change")
        target.comparisons.append(comparison.model_copy(update=update))
        target.end = max(target.end, change.end)


def _holds(name: str, words: str) -> bool:
    """`Làm chết` holds `chết` of `người chết`: the counted words name this figure."""
    own = name.lower().split()
    return any(w in own for w in words.lower().split()[-1:])


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
