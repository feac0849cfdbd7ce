"""Per-type pairing and field scoring of predicted items against gold items.

Each type has its own similarity (what makes two items "the same item") and its own fields.
Pairing is one-to-one and optimal (`matching.assign`); similarities are built from span
overlap in the gold text, so a prediction is rewarded for pointing at the right words.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from llmx.contract import Indicator, Limitation, Proposal, Reference, Section, Task
from llmx.evaluation.matching import assign
from llmx.evaluation.results import PRF, Ratio, TypeScore
from llmx.evaluation.similarity import (
    find_nearest,
    fold,
    gap,
    numbers_equal,
    overlap,
    reference_key,
    section_number_key,
    token_f1,
    token_overlap,
    words,
)

Item = Indicator | Task | Limitation | Reference | Proposal | Section
Passage = Task | Limitation | Proposal

# thresholds (documented in the report): see each scorer for how the score is built
MIN_INDICATOR = 0.25  # 0.7*span + 0.3*value agreement
INDICATOR_NEAR = 40  # chars: a value+unit match may pair spans this far apart
MIN_SHORTER_OVERLAP = 0.5  # tasks/limitations/proposals/references: overlap over the shorter span
MIN_SECTION = 0.5  # 0.4*heading tokens + 0.3*number + 0.3*heading position


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where an item sits in the gold text (span None when its words could not be found there)."""

    span: tuple[int, int] | None
    tokens: frozenset[str]


@dataclass
class Aligned:
    """Matched (pred index, gold index) pairs plus the unmatched indices on each side."""

    pairs: list[tuple[int, int]]
    unmatched_pred: list[int]
    unmatched_gold: list[int]
    details: dict[tuple[int, int], str] = field(default_factory=dict)  # field disagreements


def item_span(item: Item, text: str) -> tuple[str, int, int]:
    """The words that identify an item and their span in its own document's text."""
    if isinstance(item, Section):
        if item.heading_start is not None and item.heading_end is not None:
            return item.heading, item.heading_start, item.heading_end
        pos = text.find(item.heading, item.start, item.start + len(item.heading) + 40)
        start = pos if pos != -1 else item.start
        return item.heading, start, start + len(item.heading)
    words_of = item.quote if isinstance(item, Indicator | Reference) else item.text
    return words_of, item.start, item.end


def anchor(item: Item, own_text: str, gold_text: str) -> Anchor:
    """Anchor an item in the gold text: its own offsets when they hold, else the nearest occurrence."""
    anchor_text, start, end = item_span(item, own_text)
    tokens = frozenset(words(anchor_text))
    if (own_text is gold_text or own_text == gold_text) and gold_text[start:end] == anchor_text:
        return Anchor((start, end), tokens)
    near = start * len(gold_text) // max(1, len(own_text))
    pos = find_nearest(gold_text, anchor_text, near)
    return Anchor(None if pos is None else (pos, pos + len(anchor_text)), tokens)


def span_similarity(a: Anchor, b: Anchor) -> tuple[float, float]:
    """(IoU, overlap over shorter) by characters, or by word tokens when either is unplaced."""
    if a.span is not None and b.span is not None:
        return overlap(a.span, b.span)
    return token_overlap(a.tokens, b.tokens)


def align(n_pred: int, n_gold: int, sim: Callable[[int, int], float], min_score: float) -> Aligned:
    """Optimal one-to-one pairing under `sim`; pairs below `min_score` stay unmatched."""
    matrix = [[sim(i, j) for j in range(n_gold)] for i in range(n_pred)]
    pairs = [(p.row, p.col) for p in assign(matrix, min_score)]
    matched_p, matched_g = {i for i, _ in pairs}, {j for _, j in pairs}
    return Aligned(
        pairs,
        [i for i in range(n_pred) if i not in matched_p],
        [j for j in range(n_gold) if j not in matched_g],
    )


def _detection(al: Aligned) -> PRF:
    return PRF(tp=len(al.pairs), fp=len(al.unmatched_pred), fn=len(al.unmatched_gold))


def _same(a: str | None, b: str | None) -> bool:
    return fold(a) == fold(b)


# --- indicators ------------------------------------------------------------------------------


def score_indicators(
    pred: Sequence[Indicator], gold: Sequence[Indicator], pa: list[Anchor], ga: list[Anchor]
) -> tuple[TypeScore, Aligned]:
    """Pair by span overlap plus value/unit agreement; score fields and comparisons.

    A span several gold indicators share (a table row gives one indicator per measured column,
    each quoting the whole row) does not say which of them a prediction is: there a pair needs
    the same value (names break ties between equal values), else a wrong number on the right
    row would count as found."""
    shared = Counter(a.span for a in ga if a.span is not None)

    def sim(i: int, j: int) -> float:
        p, g = pred[i], gold[j]
        iou, shorter = span_similarity(pa[i], ga[j])
        value_ok = numbers_equal(p.value, g.value)
        agree = (1.0 if _same(p.unit, g.unit) else 0.5) if value_ok else 0.0
        ps, gs = pa[i].span, ga[j].span
        close = ps is not None and gs is not None and gap(ps, gs) <= INDICATOR_NEAR
        if shorter == 0 and not (agree == 1.0 and close):
            return 0.0
        if gs is not None and shared[gs] > 1:
            return 0.7 * (iou + shorter) / 2 + 0.3 * agree + 0.05 * token_f1(p.name, g.name) if value_ok else 0.0
        return 0.7 * (iou + shorter) / 2 + 0.3 * agree

    al = align(len(pred), len(gold), sim, MIN_INDICATOR)
    names = ("value_unit", "value", "unit", "target", "estimated", "approx", "as_of", "sector")
    fields = {k: Ratio() for k in names}
    name_sim = Ratio()
    comparisons = PRF()
    for i, j in al.pairs:
        p, g = pred[i], gold[j]
        value_ok, unit_ok = numbers_equal(p.value, g.value), _same(p.unit, g.unit)
        fields["value_unit"].add(value_ok and unit_ok)
        fields["value"].add(value_ok)
        fields["unit"].add(unit_ok)
        if p.target is not None or g.target is not None:
            fields["target"].add(numbers_equal(p.target, g.target))
        fields["estimated"].add(p.estimated == g.estimated)
        if p.approx is not None or g.approx is not None:
            fields["approx"].add(p.approx == g.approx)
        if p.as_of is not None or g.as_of is not None:
            fields["as_of"].add(p.as_of == g.as_of)
        fields["sector"].add(p.sector == g.sector)
        name_sim.add(token_f1(p.name, g.name))
        pc = Counter(c.key() for c in p.comparisons)
        gc = Counter(c.key() for c in g.comparisons)
        hit = sum((pc & gc).values())
        comparisons += PRF(tp=hit, fp=sum(pc.values()) - hit, fn=sum(gc.values()) - hit)
        if not (value_ok and unit_ok):
            al.details[(i, j)] = f"value {p.value} {p.unit or ''} vs gold {g.value} {g.unit or ''}".strip()
        elif pc != gc:
            al.details[(i, j)] = "comparisons differ from gold"
    comparisons += PRF(
        fp=sum(len(pred[i].comparisons) for i in al.unmatched_pred),
        fn=sum(len(gold[j].comparisons) for j in al.unmatched_gold),
    )
    score = TypeScore(
        detection=_detection(al),
        sets={"comparisons": comparisons},
        fields=fields,
        similarity={"name": name_sim},
    )
    return score, al


# --- tasks, limitations and proposals --------------------------------------------------------


def score_passages(
    pred: Sequence[Passage],
    gold: Sequence[Passage],
    pa: list[Anchor],
    ga: list[Anchor],
    gold_text: str,
) -> tuple[TypeScore, Aligned]:
    """Pair passages overlapping >= half of the shorter one; add granularity-free coverage.

    Limitations also score `kind`; proposals score `addressee` (folded; counted when either
    side names one)."""

    def sim(i: int, j: int) -> float:
        iou, shorter = span_similarity(pa[i], ga[j])
        return (iou + shorter) / 2 if shorter >= MIN_SHORTER_OVERLAP else 0.0

    al = align(len(pred), len(gold), sim, MIN_SHORTER_OVERLAP / 2)
    fields = {"sector": Ratio()}
    if any(isinstance(x, Limitation) for x in (*pred, *gold)):
        fields["kind"] = Ratio()
    if any(isinstance(x, Proposal) for x in (*pred, *gold)):
        fields["addressee"] = Ratio()
    for i, j in al.pairs:
        p, g = pred[i], gold[j]
        fields["sector"].add(p.sector == g.sector)
        if isinstance(p, Limitation) and isinstance(g, Limitation):
            fields["kind"].add(p.kind == g.kind)
            if p.kind != g.kind:
                al.details[(i, j)] = f"kind {p.kind} vs gold {g.kind}"
        if isinstance(p, Proposal) and isinstance(g, Proposal) and (p.addressee or g.addressee):
            fields["addressee"].add(_same(p.addressee, g.addressee))
            if not _same(p.addressee, g.addressee):
                al.details[(i, j)] = f"addressee {p.addressee!r} vs gold {g.addressee!r}"
    unplaced = sum(len("".join(p.text.split())) for p, a in zip(pred, pa, strict=True) if a.span is None)
    coverage = char_coverage([a.span for a in pa if a.span], [a.span for a in ga if a.span], gold_text)
    coverage.fp += unplaced
    return TypeScore(detection=_detection(al), sets={"coverage": coverage}, fields=fields), al


def char_coverage(pred: list[tuple[int, int]], gold: list[tuple[int, int]], text: str) -> PRF:
    """TP/FP/FN over the non-space characters covered by predicted vs gold spans.

    Indifferent to how the passages were split: two half-tasks covering one gold task score
    like the whole task.
    """
    n = len(text)
    mask = bytearray(n)
    for bit, spans in ((1, pred), (2, gold)):
        for s, e in spans:
            for k in range(max(0, s), min(n, e)):
                mask[k] |= bit
    counts = Counter(m for m, ch in zip(mask, text, strict=True) if m and not ch.isspace())
    return PRF(tp=counts[3], fp=counts[1], fn=counts[2])


# --- references ------------------------------------------------------------------------------


def score_references(
    pred: Sequence[Reference], gold: Sequence[Reference], pa: list[Anchor], ga: list[Anchor]
) -> tuple[TypeScore, Aligned]:
    """Pair by normalized number; un-numbered citations by type + date or overlapping quotes."""

    def sim(i: int, j: int) -> float:
        p, g = pred[i], gold[j]
        _, shorter = span_similarity(pa[i], ga[j])
        pk, gk = reference_key(p.number), reference_key(g.number)
        if pk and gk:
            return 0.7 + 0.3 * shorter if pk == gk else 0.0
        type_date = _same(p.doc_type, g.doc_type) and p.date is not None and p.date == g.date
        return 0.5 + 0.5 * shorter if type_date or shorter >= MIN_SHORTER_OVERLAP else 0.0

    al = align(len(pred), len(gold), sim, MIN_SHORTER_OVERLAP)
    fields = {k: Ratio() for k in ("doc_type", "number", "date", "issuer")}
    for i, j in al.pairs:
        p, g = pred[i], gold[j]
        checks = {
            "doc_type": _same(p.doc_type, g.doc_type),
            "number": reference_key(p.number) == reference_key(g.number),
            "date": p.date == g.date,
            "issuer": _same(p.issuer, g.issuer),
        }
        for k, ok in checks.items():
            if k in ("doc_type", "number") or getattr(p, k) is not None or getattr(g, k) is not None:
                fields[k].add(ok)
        wrong = [k for k, ok in checks.items() if not ok]
        if wrong:
            al.details[(i, j)] = "differs from gold in " + ", ".join(wrong)
    return TypeScore(detection=_detection(al), fields=fields), al


# --- sections --------------------------------------------------------------------------------


def score_sections(
    pred: Sequence[Section], gold: Sequence[Section], pa: list[Anchor], ga: list[Anchor]
) -> tuple[TypeScore, Aligned]:
    """Pair headings by words, number and position; score role, level, parent and sector."""

    def sim(i: int, j: int) -> float:
        p, g = pred[i], gold[j]
        head = token_f1(pa[i].tokens, ga[j].tokens)
        _, position = span_similarity(pa[i], ga[j]) if pa[i].span and ga[j].span else (0.0, 0.0)
        if head < 0.5 and position < 0.5:
            return 0.0
        number = 1.0 if section_number_key(p.number) == section_number_key(g.number) else 0.0
        return 0.4 * head + 0.3 * number + 0.3 * position

    al = align(len(pred), len(gold), sim, MIN_SECTION)
    to_gold = {pred[i].id: gold[j].id for i, j in al.pairs}
    fields = {k: Ratio() for k in ("role", "level", "parent", "sector")}
    for i, j in al.pairs:
        p, g = pred[i], gold[j]
        parent_ok = (p.parent_id is None and g.parent_id is None) or (
            p.parent_id is not None and to_gold.get(p.parent_id) == g.parent_id
        )
        checks = {"role": p.role == g.role, "level": p.level == g.level, "parent": parent_ok}
        for k, ok in checks.items():
            fields[k].add(ok)
        if p.sector is not None or g.sector is not None:
            fields["sector"].add(p.sector == g.sector)
        wrong = [k for k, ok in checks.items() if not ok]
        if wrong:
            al.details[(i, j)] = "differs from gold in " + ", ".join(wrong)
    return TypeScore(detection=_detection(al), fields=fields), al
