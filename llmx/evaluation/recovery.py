"""How much of the gold a pipeline run returned intact: the perfect-model measure. Pure.

When the model answers with the gold itself (`llmx serve --answers gold`), every gold item
should come back at its exact span with the fields the model gave. A gold item counts as
recovered when the output holds an item of the same kind at the same offsets whose answered
fields are equal (sector, ids and flags are the pipeline's own and not compared). A gold item
whose words no longer sit at its offsets (the reader changed; the gold needs `llmx gold locate`)
cannot be answered by anyone: it is counted as `stale`, apart from the recovery. Metadata fields
are credited as the eval credits them (llmx/evaluation/metadata.py), plus `addressees`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from llmx.contract import Metadata, ReportDocument
from llmx.evaluation.metadata import METADATA_FIELDS, field_credit
from llmx.evaluation.similarity import set_f1

KINDS = ("indicators", "tasks", "limitations", "references", "proposals")
_COMPARED: dict[str, tuple[str, ...]] = {
    "indicators": ("name", "value", "unit", "target", "comparisons", "estimated", "approx", "as_of"),
    "tasks": ("text",),
    "limitations": ("text", "kind"),
    "references": ("quote", "doc_type", "number", "date", "issuer"),
    "proposals": ("text", "addressee"),
}
RECOVERY_METADATA_FIELDS = (*METADATA_FIELDS, "addressees")


@dataclass
class Recovery:
    """Recovered / gold counts per item kind, metadata credit, and what was lost (for messages)."""

    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    stale: int = 0
    metadata_credit: float = 0.0
    metadata_fields: int = 0
    lost: list[str] = field(default_factory=list)

    def add(self, other: Recovery) -> None:
        for kind in KINDS:
            self.found[kind] += other.found[kind]
            self.gold[kind] += other.gold[kind]
        self.stale += other.stale
        self.metadata_credit += other.metadata_credit
        self.metadata_fields += other.metadata_fields
        self.lost += other.lost

    def share(self, kind: str) -> float:
        return self.found[kind] / self.gold[kind] if self.gold[kind] else 1.0

    @property
    def metadata_share(self) -> float:
        return self.metadata_credit / self.metadata_fields if self.metadata_fields else 1.0

    def table(self) -> str:
        rows = [f"{kind:12} {self.found[kind]:5} / {self.gold[kind]:5}  {self.share(kind):.3f}" for kind in KINDS]
        credit, fields = self.metadata_credit, self.metadata_fields
        rows.append(f"{'metadata':12} {credit:5.1f} / {fields:5}  {self.metadata_share:.3f}")
        if self.stale:
            rows.append(f"({self.stale} gold items no longer sit at their offsets: not counted; run llmx gold locate)")
        return "\n".join(rows)


def _key(item: Any, kind: str) -> tuple[Any, ...]:
    data = item.model_dump(mode="json", include={"start", "end", *_COMPARED[kind]})
    if kind == "indicators":
        data["comparisons"] = sorted(
            (c["basis"], c["relation"], c["pct"], c["amount"], c["amount_unit"], c["basis_text"])
            for c in data["comparisons"]
        )
    return tuple(sorted((k, repr(v)) for k, v in data.items()))


def _metadata_credit(pred: Metadata, gold: Metadata, name: str) -> float | None:
    if name == "addressees":
        if not pred.addressees and not gold.addressees:
            return None
        return set_f1(pred.addressees, gold.addressees)
    return field_credit(pred, gold, name)


def recovery(pred: ReportDocument, gold: ReportDocument, name: str = "") -> Recovery:
    """What of `gold` came back intact in `pred` (both over the same normalized text)."""
    out = Recovery()
    for kind in KINDS:
        have = {_key(item, kind) for item in getattr(pred, kind)}
        for item in getattr(gold, kind):
            words = str(getattr(item, "quote", None) or getattr(item, "text", ""))
            if gold.text[item.start : item.end] != words:
                out.stale += 1
                continue
            out.gold[kind] += 1
            if _key(item, kind) in have:
                out.found[kind] += 1
            else:
                out.lost.append(f"{name}: {kind[:-1]} {item.id} {words[:70]!r}")
    for field_name in RECOVERY_METADATA_FIELDS:
        credit = _metadata_credit(pred.metadata, gold.metadata, field_name)
        if credit is not None:
            out.metadata_fields += 1
            out.metadata_credit += credit
            if credit < 1:
                out.lost.append(f"{name}: metadata {field_name}")
    return out
