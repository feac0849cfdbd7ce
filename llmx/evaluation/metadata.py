"""Metadata agreement over the SPEC section 2 fields.

A field both sides leave empty says nothing about quality, so it is not counted; a field one
side fills and the other does not counts as wrong (a miss or a hallucination).
"""

from __future__ import annotations

from llmx.contract import Metadata, Period, Signer
from llmx.evaluation.results import MetadataScore, Ratio
from llmx.evaluation.similarity import fold, set_f1, symbol_key

STRING_FIELDS: tuple[str, ...] = (
    "title",
    "doc_number",
    "doc_symbol",
    "issuer",
    "issuer_type",
    "admin_level",
    "locality",
    "issue_place",
    "issue_date",
)
LIST_FIELDS: tuple[str, ...] = ("recipients", "addressees")
METADATA_FIELDS: tuple[str, ...] = (*STRING_FIELDS, "period", "next_period", "signer", *LIST_FIELDS)
_SIGNER_PARTS: tuple[str, ...] = ("name", "title", "on_behalf_of")


def _period_key(p: Period | None) -> tuple[str, int | None, tuple[int, ...]] | None:
    return None if p is None else (p.kind, p.year, tuple(sorted(p.months)))


def _signer_credit(p: Signer | None, g: Signer | None) -> float | None:
    """Share of signer parts that agree, over the parts either side gives (None when none)."""
    parts = [
        fold(getattr(p, k, None)) == fold(getattr(g, k, None))
        for k in _SIGNER_PARTS
        if getattr(p, k, None) or getattr(g, k, None)
    ]
    return sum(parts) / len(parts) if parts else None


def field_credit(pred: Metadata, gold: Metadata, name: str) -> float | None:
    """Credit in [0, 1] for one field, or None when both sides leave it empty."""
    if name in STRING_FIELDS:
        p, g = getattr(pred, name), getattr(gold, name)
        if not p and not g:
            return None
        key = symbol_key if name == "doc_symbol" else fold
        return float(key(p) == key(g))
    if name in ("period", "next_period"):
        pk, gk = _period_key(getattr(pred, name)), _period_key(getattr(gold, name))
        return None if pk is None and gk is None else float(pk == gk)
    if name == "signer":
        return _signer_credit(pred.signer, gold.signer)
    if name in LIST_FIELDS:
        p_list, g_list = getattr(pred, name), getattr(gold, name)
        if not p_list and not g_list:
            return None
        return set_f1(p_list, g_list)
    raise ValueError(f"unknown metadata field {name!r}")


def score_metadata(pred: Metadata, gold: Metadata) -> MetadataScore:
    """Per-field credit of one document (each counted field has total 1)."""
    fields: dict[str, Ratio] = {}
    for name in METADATA_FIELDS:
        credit = field_credit(pred, gold, name)
        fields[name] = Ratio() if credit is None else Ratio(hits=credit, total=1)
    return MetadataScore(fields=fields)
