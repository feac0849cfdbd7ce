"""Comparisons written once for several figures with `lần lượt` (respectively), genre-notes 3:
`Thu ngân sách 25,6 tỷ đồng, chi 21,3 tỷ đồng, đạt lần lượt 56% và 48% dự toán`, `... 12.450 người,
tự nguyện 2.130 người, tăng lần lượt 4,5% và 18,2% so với cùng kỳ`; also changes by amounts, each
with its own verb and the basis written first (`..., so với cùng kỳ lần lượt giảm 14 tàu và tăng 320
lao động`). The k-th size belongs to the k-th of the figures written before it in the sentence; the
sizes are no figures of their own. One comparison written once with `đều` (both, all) holds for each figure
of the run before it (`Diện tích lúa 3.560 ha, ngô 820 ha, đều tăng 4% so với cùng kỳ`). Pure.
"""

from __future__ import annotations

import re

from llmx.contract import Basis, Comparison, Relation
from llmx.numbers import parse_number
from llmx.rules.bases import match_basis
from llmx.rules.comparisons import basis_after
from llmx.rules.paragraphs import Item, Para
from llmx.rules.units import match_unit

_RESPECTIVELY = re.compile(
    r"(?:(?P<verb>đạt|bằng|tăng|giảm)\s+lần\s+lượt|lần\s+lượt(?:\s+(?P<verb_after>đạt|bằng|tăng|giảm))?)(?:\s+là)?\s+",
    re.IGNORECASE,
)
# one size of the run: `56%`, `và 48%`, `giảm 14 chiếc`, `và tăng 1.250 lao động`
_NEXT = re.compile(
    r"\s*(?:,|;|và|,\s*và)?\s*(?:(?P<dir>đạt|bằng|tăng|giảm)\s+)?(?P<num>\d[\d.,]*?)(?:(?P<pct>\s?%)|(?=\s))",
    re.IGNORECASE,
)
# `so với cùng kỳ năm 2025 lần lượt ...`: the basis written before the run
_SO_VOI_BEFORE = re.compile(r"(?<!\w)so\s+với\s+(?=[^,;.]*$)", re.IGNORECASE)
_BEFORE_RUN = re.compile(r"\s*,?\s*")

Size = tuple[str, float, str | None]  # verb, number, unit (None for a percentage)


def respective_comparisons(para: Para, items: list[Item]) -> None:
    """Give each figure before a `lần lượt` run of percentages or amounts its own comparison, in order."""
    text = para.text
    for m in _RESPECTIVELY.finditer(text, para.start, para.end):
        default = (m.group("verb") or m.group("verb_after") or "").lower()
        sizes, end = _sizes(text, m.end(), para.end, default)
        start, stated = _basis_before(para, m.start())
        sentence = para.sentence_of(m.start())
        before = [it for it in items if it.sentence == sentence and it.num_start < start and it.value is not None]
        if len(sizes) >= 2 and not before and (named := _names_before(para, start)) and len(named[0]) == len(sizes):
            _named_changes(para, items, named, sizes, (m.end(), end))
            continue
        if len(sizes) < 2 or len(before) < len(sizes) or any(it.comparisons for it in before[-len(sizes) :]):
            continue
        basis = stated or basis_after(text, end, para.end)
        if basis is None and any(unit is not None for _, _, unit in sizes):
            continue  # changes by amounts with no basis are not recorded
        kind, words = (basis[0], basis[1]) if basis else ("other", "")
        end = basis[2] if basis and not stated else end
        for figure, (verb, size, unit) in zip(before[-len(sizes) :], sizes, strict=True):
            sign = -1.0 if verb == "giảm" else 1.0
            relation: Relation = "ratio" if verb in ("đạt", "bằng") else "change"
            if unit is None:
                comp = Comparison(basis=kind, basis_text=words, relation=relation, pct=sign * size)
            else:
                comp = Comparison(basis=kind, basis_text=words, relation="change", amount=sign * size, amount_unit=unit)
            figure.comparisons = [comp]
            figure.end = max(figure.end, end)
        items[:] = [it for it in items if not start <= it.num_start < end]


# `Số vụ tai nạn giao thông và số người chết giảm lần lượt 2 vụ và 1 người ...`: the measures the run's changes are of
_NAME_SPLIT = re.compile(r"\s*,\s*(?:và\s+)?|\s+và\s+", re.IGNORECASE)
_CLAUSE_OPEN = re.compile(r"[,;:]\s*(?=[^,;:]*$)")


_OPENING_BASIS = re.compile(r"[\s\-+•*]*(?-i:So)\s+với\s+", re.IGNORECASE)
_OPENING_COMMA = re.compile(r"\s*,\s*")
Named = tuple[list[tuple[int, str]], tuple[Basis, str, int] | None]  # the names with their starts, an opening basis


def _names_before(para: Para, pos: int) -> Named | None:
    """The names joined by `và` (or commas) before a `lần lượt` run, opening its sentence or after an opening
    `So với <basis>,` (returned too)."""
    text = para.text
    at = para.sentence_start(pos)
    opening = _OPENING_BASIS.match(text, at, pos)
    basis = match_basis(text, opening.end(), pos, after_so_voi=True) if opening else None
    comma = _OPENING_COMMA.match(text, basis[2], pos) if basis else None
    at = comma.end() if basis and comma else at
    if any(ch.isdigit() for ch in text[at:pos]):
        return None
    at += len(text[at:pos]) - len(text[at:pos].lstrip(" \t-+•*"))
    names = []
    for piece in _NAME_SPLIT.split(text[at:pos].rstrip()):
        if not piece.strip() or not any(ch.isalpha() for ch in piece):
            return None
        at = text.index(piece, at)
        names.append((at, piece.strip()))
        at += len(piece)
    return (names, basis if comma else None) if len(names) >= 2 else None


def _named_changes(para: Para, items: list[Item], named: Named, sizes: list[Size], run: tuple[int, int]) -> None:
    """Each size of a run of changes by amounts after as many names is the value-less change of its name
    (SPEC 4, as `Số hộ nghèo giảm 38 hộ so với đầu năm`), against the basis opening the sentence or after the run."""
    names, opening = named
    basis = opening or basis_after(para.text, run[1], para.end)
    amounts = [it for it in items if run[0] <= it.num_start < run[1]]
    if (
        basis is None
        or len(amounts) != len(sizes)
        or any(unit is None or verb not in ("tăng", "giảm") for verb, _, unit in sizes)
    ):
        return
    for item, (at, name), (verb, size, unit) in zip(amounts, names, sizes, strict=True):
        sign = -1.0 if verb == "giảm" else 1.0
        item.comparisons = [
            Comparison(basis=basis[0], basis_text=basis[1], relation="change", amount=sign * size, amount_unit=unit)
        ]
        item.value, item.unit, item.core, item.target = None, None, None, None
        item.own = item.local = item.words = name
        item.quote_start, item.end = at, run[1] if opening else basis[2]


def _sizes(text: str, pos: int, limit: int, default: str) -> tuple[list[Size], int]:
    """The sizes of the run from `pos` and where it ends; a run mixes no percentages and amounts, and an
    amount needs its unit and a change verb (its own or the run's)."""
    sizes: list[Size] = []
    end = pos
    while (step := _NEXT.match(text, end, limit)) is not None:
        verb = (step.group("dir") or default).lower()
        value = parse_number(step.group("num"))
        if value is None or not verb:
            break
        if step.group("pct"):
            unit, stop = None, step.end()
        elif verb in ("tăng", "giảm") and (counted := match_unit(text, step.end(), limit)) is not None:
            unit, stop = counted[0], counted[2]
        else:
            break
        if sizes and (sizes[0][2] is None) != (unit is None):
            break
        sizes.append((verb, value, unit))
        end = stop
    return sizes, end


def _basis_before(para: Para, pos: int) -> tuple[int, tuple[Basis, str, int] | None]:
    """`..., so với cùng kỳ năm 2025 lần lượt ...`: (where the run's words start, that basis)."""
    text = para.text
    so_voi = _SO_VOI_BEFORE.search(text, max(para.sentence_start(pos), pos - 60), pos)
    basis = match_basis(text, so_voi.end(), pos, after_so_voi=True) if so_voi else None
    if so_voi is None or basis is None or _BEFORE_RUN.fullmatch(text, basis[2], pos) is None:
        return pos, None
    return so_voi.start(), basis


# `..., đều tăng 4% so với cùng kỳ`, `và đều đạt 100% kế hoạch`: the comparison after `đều` is each figure's
_BOTH = re.compile(r"\s*,?\s*(?:và\s+)?đều\s", re.IGNORECASE)
_RUN_GAP = re.compile(r"\s*(?:,|;|và|,\s*và)\s*", re.IGNORECASE)


def shared_by_each(para: Para, items: list[Item]) -> None:
    """Give the comparisons read after `đều` to each figure of the run before it: the same sentence, the
    same unit, joined by `,`/`và` only, none compared yet."""
    text = para.text
    for k, item in enumerate(items):
        if not item.comparisons or item.core is None or not _BOTH.match(text, item.core[1], para.end):
            continue
        j = k
        while (
            j > 0
            and (prev := items[j - 1]).sentence == item.sentence
            and not prev.comparisons
            and prev.unit == item.unit
            and prev.value is not None
            and _RUN_GAP.fullmatch(text, prev.end, items[j].quote_start)
        ):
            prev.comparisons = list(item.comparisons)
            prev.end = max(prev.end, item.end)
            j -= 1
