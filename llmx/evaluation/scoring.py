"""Score one predicted `ReportDocument` against its gold, and pool scores over a gold set.

Pure: imports no model client, so the same scorer serves CI replays, live runs and the rules
backend. Items are aligned per type with an optimal one-to-one matching (see `items`), then
counted; misses, false positives and disagreeing pairs are kept with their source sentence so
the report can show a reviewer what went wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from statistics import fmean
from typing import TypeVar

from llmx.contract import ReportDocument
from llmx.evaluation.gold import in_scope, scope_spans
from llmx.evaluation.items import (
    Aligned,
    Anchor,
    Item,
    anchor,
    item_span,
    score_indicators,
    score_passages,
    score_references,
    score_sections,
)
from llmx.evaluation.metadata import score_metadata
from llmx.evaluation.results import (
    ITEM_TYPES,
    DocScore,
    EvalSummary,
    ItemNote,
    MetadataScore,
    Ratio,
    TypeScore,
    flatten,
    is_macro_metric,
)
from llmx.evaluation.similarity import sentence_around

__all__ = ["DocScore", "EvalSummary", "aggregate", "doc_metrics", "score_document"]


def score_document(
    pred: ReportDocument, gold: ReportDocument, name: str | None = None, scope: Sequence[str] | None = None
) -> DocScore:
    """Per-type detection, field and coverage scores of `pred` against `gold`.

    Offsets are compared in the gold text. When `pred.text` differs (another normalizer), each
    predicted item is re-anchored by finding its quote in the gold text, and items that cannot
    be found fall back to word-token overlap.

    `scope` (a gold file's `scope_sections`): only items starting inside the union of those
    gold sections' spans are scored, on both sides (a predicted item whose words cannot be
    placed in the gold text is kept: nothing shows it is out of scope). Sections and metadata
    are always scored in full.
    """
    doc = DocScore(name=name or gold.source.path, metadata=score_metadata(pred.metadata, gold.metadata))
    spans = scope_spans(gold, scope)
    for t in ITEM_TYPES:
        score, al, p_items, g_items = _score_type(t, pred, gold, None if t == "sections" else spans)
        if t != "sections":
            score.flags = _flag_shares(p_items, al)
        doc.types[t] = score
        doc.misses += [_note(t, g_items[j], gold.text) for j in al.unmatched_gold]
        doc.false_positives += [_note(t, p_items[i], pred.text) for i in al.unmatched_pred]
        doc.mismatches += [
            _note(t, g_items[j], gold.text, f"predicted {p_items[i].id}: {detail}")
            for (i, j), detail in sorted(al.details.items())
        ]
    return doc


_Spans = Sequence[tuple[int, int]] | None  # the scoped sections' spans (None: all in scope)
_Scored = tuple[TypeScore, Aligned, Sequence[Item], Sequence[Item]]  # score, alignment, items in scope
_I = TypeVar("_I", bound=Item)


def _score_type(t: str, pred: ReportDocument, gold: ReportDocument, spans: _Spans) -> _Scored:
    """Type `t`'s scorer on the items in scope, read from each document's own typed list."""
    texts = (pred.text, gold.text)
    if t == "indicators":
        return _scored(pred.indicators, gold.indicators, texts, spans, score_indicators)
    if t == "references":
        return _scored(pred.references, gold.references, texts, spans, score_references)
    if t == "sections":
        return _scored(pred.sections, gold.sections, texts, spans, score_sections)
    passages = partial(score_passages, gold_text=gold.text)
    if t == "tasks":
        return _scored(pred.tasks, gold.tasks, texts, spans, passages)
    if t == "limitations":
        return _scored(pred.limitations, gold.limitations, texts, spans, passages)
    return _scored(pred.proposals, gold.proposals, texts, spans, passages)


def _scored(
    pred: Sequence[_I],
    gold: Sequence[_I],
    texts: tuple[str, str],
    spans: _Spans,
    scorer: Callable[[list[_I], list[_I], list[Anchor], list[Anchor]], tuple[TypeScore, Aligned]],
) -> tuple[TypeScore, Aligned, list[_I], list[_I]]:
    """Anchor each side's items in the gold text, keep those in scope (once), score them with `scorer`."""
    p_items, pa = _in_scope(pred, texts[0], texts[1], spans)
    g_items, ga = _in_scope(gold, texts[1], texts[1], spans)
    score, al = scorer(p_items, g_items, pa, ga)
    return score, al, p_items, g_items


def _in_scope(items: Sequence[_I], own_text: str, gold_text: str, spans: _Spans) -> tuple[list[_I], list[Anchor]]:
    """The items starting inside `spans` (all of them without a scope; an item whose words cannot be
    placed in the gold text is kept) and their anchors."""
    anchored = [(x, anchor(x, own_text, gold_text)) for x in items]
    kept = [(x, a) for x, a in anchored if a.span is None or in_scope(a.span[0], spans)]
    return [x for x, _ in kept], [a for _, a in kept]


def _flag_shares(pred: Sequence[Item], al: Aligned) -> dict[str, Ratio]:
    """How many predicted items carry flags among those matched and agreeing with gold, matched
    but disagreeing on a field, and false positives (FLAG_GROUPS)."""
    groups: dict[str, list[int]] = {
        "correct": [i for i, j in al.pairs if (i, j) not in al.details],
        "disagreeing": [i for i, j in al.pairs if (i, j) in al.details],
        "false_positives": list(al.unmatched_pred),
    }
    return {
        g: Ratio(hits=float(sum(bool(getattr(pred[i], "flags", None)) for i in idx)), total=len(idx))
        for g, idx in groups.items()
    }


def _note(t: str, item: Item, text: str, detail: str | None = None) -> ItemNote:
    words, start, end = item_span(item, text)
    grounded = 0 <= start <= end <= len(text) and text[start:end] == words
    if not grounded:
        detail = "; ".join(x for x in (detail, "not found at its offsets") if x)
    return ItemNote(
        type=t,
        id=item.id,
        text=words,
        sentence=sentence_around(text, start, end) if grounded else "",
        start=start,
        end=end,
        detail=detail,
    )


def doc_metrics(doc: DocScore) -> dict[str, float]:
    """Flat metric names -> values for one document (same names as the summary's)."""
    dumped = doc.model_dump(mode="json")
    return flatten(dumped["types"], dumped["metadata"])


def aggregate(scores: list[DocScore]) -> EvalSummary:
    """Micro averages pool counts over documents; macro averages are means of per-document values.

    Macro covers the F1s and `metadata.accuracy`; a document where a metric is undefined (no
    gold and no predicted items of that type) is left out of that metric's mean.
    """
    micro = {t: sum((d.types.get(t, TypeScore()) for d in scores), TypeScore()) for t in ITEM_TYPES}
    metadata = sum((d.metadata for d in scores), MetadataScore())
    per_doc = [doc_metrics(d) for d in scores]
    names = sorted({k for m in per_doc for k in m if is_macro_metric(k)})
    macro = {k: fmean(vals) if (vals := [m[k] for m in per_doc if k in m]) else None for k in names}
    return EvalSummary(documents=scores, micro=micro, metadata=metadata, macro=macro)
