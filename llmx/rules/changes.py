"""Changes stated in a sentence of their own, after the figures they are about (genre-notes 3d):

`Năm 2011, đã phát hiện 209 vụ, 406 đối tượng. So với năm 2010 tăng 54 vụ (209/155), 127 đối
tượng (408/279).` The `So với` sentence gives each earlier figure of the paragraph a change: the
one counted in the same unit (54 vụ -> the 209 vụ, 127 đối tượng -> the 406 đối tượng), with the
sign of the last `tăng`/`giảm`; the parenthesised `(x/y)` pairs restate both years and are no
figures. A run of changes in % or amounts each named by its figure (`so với cùng kỳ đàn lợn tăng 5,2%, đàn bò
giảm 1,5%`, `..., so với cùng kỳ sản lượng tăng 1.230 tấn, năng suất tăng 2,1 tạ/ha`) gives each named
figure its change. Nothing in such a sentence is an indicator of its own. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from llmx.contract import Basis, Comparison
from llmx.numbers import NUMBER_PATTERN, parse_number
from llmx.rules.bases import match_basis
from llmx.rules.comparisons import CHANGE_MANNER
from llmx.rules.paragraphs import Item, Para
from llmx.rules.units import match_unit

# sentence-initial, capital `So`, or a clause after `;` (`... 6 người; so với cùng kỳ giảm 3 vụ`)
# `So với` not inside a word, or `so với` after `;` or `, ` (the latter: `comma`); each alternative opens with
# its letter and looks behind it, so the search skips ahead to the next `S`/`s`
_START = re.compile(r"(?:S(?<!\wS)o|s(?<=;s)o|s(?<=;\ss)o|(?P<comma>s(?<=,\ss)o))\s+với\s+")
_TAIL = re.compile(r"[ \t]+(?P<words>[^\W\d_]+(?:[ \t]+[^\W\d_]+)?)[ \t]*(?=[,;.]|$)")  # `2 người chết`
_STEP = re.compile(
    # `tăng nhẹ 14 vụ`: a manner word after the verb (see comparisons.CHANGE_MANNER)
    # `giảm 2 vụ, thiệt hại giảm 120 triệu đồng`: a later step may name what it changes before its verb
    r"\s*(?:,|:|và)?\s*(?:(?<=,\s)(?P<named>[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,2}?)[ \t]+(?=(?:tăng|giảm|gảm)\s))?"
    r"(?:(?P<dir>tăng|giảm|gảm)" + CHANGE_MANNER + r"\s+)?(?:thêm\s+)?(?:(?:trên|hơn|gần|khoảng)\s+)?"
    rf"(?P<num>{NUMBER_PATTERN})",
    re.IGNORECASE,
)
_PAIR = re.compile(r"\s*\([\d\s/.,]*\)")
_STEP_PCT = re.compile(r"\s*\(\s*(?:tăng|giảm)?\s*[-+−]?\s*(?P<num>\d+(?:,\d+)?)\s*%\s*\)", re.IGNORECASE)
_CHAIN_START = re.compile(r"(?<=[,;(])\s*(?:tăng|giảm)" + CHANGE_MANNER + r"\s+(?=\d)", re.IGNORECASE)
_SO_VOI_AFTER = re.compile(r"\s*,?\s*so\s+với\s+", re.IGNORECASE)


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
    pct: float | None = None  # the same change in % (`giảm 3 vụ (-33%)`)


def read_change_sentences(para: Para) -> list[Change]:
    """The amounts of every `So với <basis> tăng/giảm N unit, M unit ...` sentence (or clause after a
    comma, when its amounts count in several units: `05 vụ, 07 đối tượng, so với tháng trước giảm 02 vụ,
    tăng 01 đối tượng`), and of a chain
    whose basis comes last (`..., giảm 2 vụ, 3 đối tượng so với cùng kỳ`, `giảm 3 vụ (-33%) so với
    cùng kỳ`); their digits are blocked so that no amount becomes an indicator."""
    text, found = para.text, []
    for m in _START.finditer(text, para.start, para.end):
        basis = match_basis(text, m.end(), para.end, after_so_voi=True)
        if basis is None:
            continue
        steps, pos = _read_steps(text, basis[2], para.end)
        if not steps:  # after a comma only when every change names a figure written before it
            steps, pos = _read_named_rates(text, basis[2], para.end, text[para.start : m.start()].lower())
        if m.group("comma") and len({st.unit for st in steps}) < 2 and not any(st.words for st in steps):
            continue  # `12 vụ, so với cùng kỳ tăng 3 vụ`: the figure's own comparison (comparisons.py)
        if steps:
            para.block(m.start(), pos)
            found.extend(_changes(m.start(), basis, steps))
    for m in _CHAIN_START.finditer(text, para.start, para.end):
        if para.is_blocked(m.start()):
            continue
        steps, pos = _read_steps(text, m.start(), para.end)
        so_voi = _SO_VOI_AFTER.match(text, pos, para.end)
        basis = match_basis(text, so_voi.end(), para.end, after_so_voi=True) if so_voi else None
        if basis is None or not (len(steps) > 1 or any(st.pct is not None for st in steps)):
            continue
        para.block(m.start(), basis[2])
        # the basis closes the chain: each figure's quote reaches it (`tăng 1.250 tấn (+8,4%) so với cùng kỳ`)
        found.extend(replace(c, end=basis[2]) for c in _changes(m.start(), basis, steps))
    return found


@dataclass(frozen=True)
class _Step:
    end: int
    amount: float
    unit: str
    words: str
    pct: float | None


def _changes(at: int, basis: tuple[Basis, str, int], steps: list[_Step]) -> list[Change]:
    return [Change(at, st.end, basis[0], basis[1], st.amount, st.unit, st.words, st.pct) for st in steps]


def _read_steps(text: str, pos: int, limit: int) -> tuple[list[_Step], int]:
    """`tăng 54 vụ (209/155), 127 đối tượng`: each amount with its unit and sign (the last
    `tăng`/`giảm` written), a `(-33%)` after it, and where the chain ends."""
    steps: list[_Step] = []
    sign = 0.0
    while (step := _STEP.match(text, pos, limit)) is not None:
        value = parse_number(step.group("num"))
        unit = match_unit(text, step.end("num"), limit)
        if value is None or unit is None or (step.group("named") and (not steps or unit[0] in ("%", "‰"))):
            break  # (named changes in % are read by `_read_named_rates`)
        if step.group("dir"):
            sign = 1.0 if step.group("dir").lower() == "tăng" else -1.0
        if sign == 0.0:
            break
        tail = _TAIL.match(text, unit[2], limit) if unit[0] not in ("%", "‰") else None
        pos = tail.end() if tail else unit[2]  # `tăng 1 người chết, giảm 3 người bị thương`: the chain goes on
        pct = None
        if unit[0] not in ("%", "‰") and (rate := _STEP_PCT.match(text, pos, limit)):
            pct, pos = sign * abs(parse_number(rate.group("num")) or 0.0), rate.end()
        words = step.group("named") or (tail.group("words") if tail else "")
        steps.append(_Step(pos, sign * value, unit[0], words, pct))
        pair = _PAIR.match(text, pos, limit)
        pos = pair.end() if pair else pos
    return steps, pos


# `So với cùng kỳ, đàn lợn tăng 5,2%, đàn bò giảm 1,5%`: each change in % named by its figure's words;
# `so với cùng kỳ sản lượng tăng 1.230 tấn, năng suất tăng 2,1 tạ/ha`: or by an amount in its unit
_NAMED_RATE = re.compile(
    r"\s*[,;]?\s*(?P<words>[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,3}?)[ \t]+(?P<dir>tăng|giảm)" + CHANGE_MANNER + r"[ \t]+"
    rf"(?P<num>{NUMBER_PATTERN})",
    re.IGNORECASE,
)


def _read_named_rates(text: str, pos: int, limit: int, before: str) -> tuple[list[_Step], int]:
    """Two or more `<words> tăng/giảm N%` (or `N tấn`, in the figure's unit) after a basis written first,
    each naming a figure written before (its words are in `before`); otherwise none, and each stays a
    change of its own."""
    steps: list[_Step] = []
    while (m := _NAMED_RATE.match(text, pos, limit)) is not None and (value := parse_number(m.group("num"))):
        if (unit := match_unit(text, m.end(), limit)) is None:
            break
        sign = 1.0 if m.group("dir").lower() == "tăng" else -1.0
        steps.append(_Step(unit[2], sign * value, unit[0], m.group("words"), None))
        pos = unit[2]
    named = len(steps) > 1 and all(_written_before(st.words, before) for st in steps)
    return (steps, pos) if named else ([], pos)


# `đàn trâu giảm 3%` after `trâu 850 con`: the herd of what was counted (`tổng đàn`, `số` as well)
_HERD = re.compile(r"(?:tổng\s+)?(?:đàn|số(?:\s+lượng)?)\s+(?=\S)", re.IGNORECASE)


def _written_before(words: str, before: str) -> bool:
    """The words that name a change name a figure written before (lower-cased), also without `đàn`/`số`."""
    said = words.lower()
    if said in before:
        return True
    herd = _HERD.match(said)
    return herd is not None and re.search(rf"(?<!\w){re.escape(said[herd.end() :])}(?!\w)", before) is not None


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
        if change.unit == "%" and change.words:  # named: the latest earlier figure whose own words hold them
            named = [it for it in free if it.local and _written_before(change.words, it.local.lower())]
            target = named[-1] if named else None
            update: dict[str, object] = {"pct": change.amount}
        elif change.unit in ("%", "‰"):
            before = [it for it in items if it.num_start < change.at]
            if before and _sizes_its_change(before[-1], change):
                continue  # `tăng 5.000 thuê bao, tăng 4,2% so với cùng kỳ`: the same change in %
            target = before[-1] if before and before[-1] in free else None
            update = {"pct": change.amount}
        else:
            same = [it for it in free if it.unit == change.unit]
            named = [it for it in same if change.words and _holds(it.name or it.local, change.words)]
            pick = named or same
            target = pick[-1] if pick else None
            update = {"amount": change.amount, "amount_unit": change.unit, "pct": change.pct}
        if target is None:
            continue
        comparison = Comparison(basis=change.basis, basis_text=change.basis_text, relation="change")
        target.comparisons.append(comparison.model_copy(update=update))
        target.end = max(target.end, change.end)


def _sizes_its_change(item: Item, change: Change) -> bool:
    """Give the % to the change by an amount the item took from the same chain, the same way."""
    for k, c in enumerate(item.comparisons):
        if c.basis_text == change.basis_text and c.pct is None and c.amount and (c.amount > 0) == (change.amount > 0):
            item.comparisons[k] = c.model_copy(update={"pct": change.amount})
            item.end = max(item.end, change.end)
            return True
    return False


def regroup_counted_changes(items: list[Item]) -> None:
    """`Thu hút 5 dự án, tổng vốn 1.250 tỷ đồng, tăng 2 dự án so với cùng kỳ`: a change counted in
    another unit than its figure's belongs to the latest earlier figure of the sentence counted in it."""
    for k, item in enumerate(items):
        if item.value is None and item.unit is None and _NAMES_ITS_COUNT.match(item.own):
            continue  # `1.200 hộ nghèo, số hộ cận nghèo giảm 50 hộ`: a change of the count it names itself
        for c in [c for c in item.comparisons if c.amount_unit and not _counts_in(item.unit, c.amount_unit)]:
            owners = [
                it
                for it in items[:k]
                if it.sentence == item.sentence
                and _counts_in(it.unit, c.amount_unit)
                and not any(o.basis_text == c.basis_text for o in it.comparisons)
            ]
            if owners:
                item.comparisons.remove(c)
                owners[-1].comparisons.append(c)
                owners[-1].end = max(owners[-1].end, item.end)


_NAMES_ITS_COUNT = re.compile(r"(?:tổng\s+)?số(?:\s+lượng)?\s+[^\W\d_]", re.IGNORECASE)


def _counts_in(unit: str | None, amount_unit: str | None) -> bool:
    """`hộ nghèo` counts in `hộ`; `tỷ đồng` not in `dự án`."""
    return bool(unit and amount_unit) and f"{unit} ".startswith(f"{amount_unit} ")


def _holds(name: str, words: str) -> bool:
    """`Làm chết` holds `chết` of `người chết`: the counted words name this figure."""
    own = name.lower().split()
    return any(w in own for w in words.lower().split()[-1:])


def settle_bases(para: Para, items: list[Item]) -> None:
    """Give a basis written once to the comparisons of the paragraph's figures written without one
    (from a sibling, then from a sentence's opening `So với ...,`); a change by an amount that still
    has none is not recorded (SPEC 4), a change in % keeps basis `other`."""
    _share_bases(para, items)
    _unnumbered_basis(para, items)
    _opening_basis(para, items)
    for item in items:
        item.comparisons = [c for c in item.comparisons if not (_bare_change(c) and c.pct is None)]


def _share_bases(para: Para, items: list[Item]) -> None:
    """`Tỷ lệ hộ nghèo giảm 1,76%, hộ cận nghèo giảm 1,51% so với đầu năm`: a change written with
    no basis takes the basis of the next change of the same sentence; one still without a basis
    after that takes the basis of the changes of the figure before it in the sentence (`Diện tích
    cây ăn quả 6.730 ha, tăng 420 ha so với cùng kỳ; sản lượng 58.900 tấn, tăng 6,1%`). In a `;`-list
    whose items state their own bases (`A 4,2% (giảm 0,8% so với năm 2025); B 14,2% (giảm 0,4%); C ...
    (... so với cùng kỳ)`) the basis elided from an item is the one before it, not the next item's."""
    for k, (first, second) in reversed(list(enumerate(pairwise(items)))):  # from the end: `A, B, C tăng z% so với`
        if first.sentence != second.sentence or not second.comparisons:
            continue
        if ";" in para.text[first.end : second.quote_start] and _stated_before(items[:k], first.sentence):
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
    for k, item in enumerate(items):
        if not any(_bare_change(c) for c in item.comparisons):
            continue
        earlier = [
            p for p in items[:k] if p.sentence == item.sentence and any(c.relation == "change" for c in p.comparisons)
        ]
        if not earlier:
            continue
        named = {(c.basis, c.basis_text) for c in earlier[-1].comparisons if c.relation == "change"}
        if len(named) != 1 or any(_bare_change(c) for c in earlier[-1].comparisons):
            continue
        basis, words = named.pop()
        item.comparisons = [
            c.model_copy(update={"basis": basis, "basis_text": words}) if _bare_change(c) else c
            for c in item.comparisons
        ]


def _stated_before(earlier: list[Item], sentence: int) -> bool:
    """An earlier figure of the sentence states a change against a basis of its own."""
    return any(
        p.sentence == sentence and any(c.relation == "change" and c.basis_text for c in p.comparisons) for p in earlier
    )


# `Xảy ra 2 vụ, bằng cùng kỳ năm trước; số người mắc 37 người, tăng 12 người`: a comparison with no number
# (not recorded itself) names the basis the next figure's bare change is written against
_SAME_AS = re.compile(
    r"\s*,\s*(?:(?:bằng|tương\s+đương)(?:\s+(?:so\s+)?với)?|(?:không\s+(?:tăng|giảm)|giữ\s+nguyên)\s+so\s+với)\s+",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"\s*[,;]")


def _unnumbered_basis(para: Para, items: list[Item]) -> None:
    """A bare change takes the basis of a no-number comparison right after the figure before it."""
    text = para.text
    for prev, item in pairwise(items):
        if prev.sentence != item.sentence or not any(_bare_change(c) for c in item.comparisons):
            continue
        same = _SAME_AS.match(text, prev.end, item.quote_start)
        basis = match_basis(text, same.end(), item.quote_start, after_so_voi=True) if same else None
        if basis is None or basis[0] == "other" or not _CLAUSE_BREAK.match(text, basis[2], item.quote_start):
            continue
        item.comparisons = [
            c.model_copy(update={"basis": basis[0], "basis_text": basis[1]}) if _bare_change(c) else c
            for c in item.comparisons
        ]


def _bare_change(c: Comparison) -> bool:
    return c.relation == "change" and c.basis == "other" and not c.basis_text


_OPENING_SO_VOI = re.compile(r"[\s\-+•*]*(?-i:So)\s+với\s+")
_COMMA = re.compile(r"\s*[,:]")  # `So với cùng kỳ năm 2025: số vụ ... giảm 2 vụ`
_RATIO_BEFORE = re.compile(r"(?<!\w)(?:đạt|bằng)\s+$", re.IGNORECASE)


def _opening_basis(para: Para, items: list[Item]) -> None:
    """`So với kế hoạch, sản lượng lúa đạt 98%`: a sentence that opens with its basis gives it to
    the ratios and changes written without one (a bare `đạt 98%` becomes that ratio, no value)."""
    text = para.text
    for item in items:
        start = para.sentence_start(item.num_start)
        opening = _OPENING_SO_VOI.match(text, start, item.num_start)
        basis = match_basis(text, opening.end(), item.num_start, after_so_voi=True) if opening else None
        if opening is None or basis is None or not _COMMA.match(text, basis[2], item.num_start):
            continue
        stated: dict[str, object] = {"basis": basis[0], "basis_text": basis[1]}
        unstated = [c for c in item.comparisons if not c.basis_text]  # `other`, or a plan only implied
        item.comparisons = [c.model_copy(update=stated) if c in unstated else c for c in item.comparisons]
        if item.unit == "%" and not item.comparisons and _RATIO_BEFORE.search(text, start, item.num_start):
            item.comparisons = [Comparison(basis=basis[0], basis_text=basis[1], relation="ratio", pct=item.value)]
            item.value, item.unit, unstated = None, None, item.comparisons
        if unstated:  # the quote holds the basis it took
            lead = opening.group()
            item.quote_start = min(item.quote_start, start + len(lead) - len(lead.lstrip(" \t\n-+•*")))
