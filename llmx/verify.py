"""Cross-check (`--verify rules`): the LLM's items against the rules backend's items on the same
prepared text, so an analyst can filter the rows the two backends do not agree on.

Pure: both documents come in assembled (same normalized text, so offsets compare directly);
the LLM document goes out with flags added and `extractor.verify` counting what happened. An
LLM item is compared with the rules items of its type whose span overlaps it:

* none overlaps -> flag `not_in_rules` (the rules saw nothing there: a new find or an invention);
* one overlaps and says the same -> no flag;
* they overlap but none says the same -> flag `backends_disagree`. "The same" is: indicators,
  value, unit, target and the comparisons (basis, relation, % and amount); references, the
  document number; limitations, the kind; tasks and proposals, overlapping is agreeing.

The rules are not the truth: a flag says "look at this row", never which backend is right.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from llmx.contract import (
    Indicator,
    Limitation,
    Proposal,
    Reference,
    ReportDocument,
    Task,
    Verification,
    VerifyCounts,
)

DISAGREE = "backends_disagree"
NOT_IN_RULES = "not_in_rules"
VERIFY_FLAGS: tuple[str, ...] = (DISAGREE, NOT_IN_RULES)
VERIFIED_TYPES: tuple[str, ...] = ("indicators", "references", "tasks", "limitations", "proposals")

Item = Indicator | Reference | Task | Limitation | Proposal


def _overlaps(a: Item, b: Item) -> bool:
    return min(a.end, b.end) > max(a.start, b.start)


def _same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _text_key(value: str | None) -> str:
    """Unit and number comparison key: NFC, case-folded, no spaces (`Tỷ  đồng` == `tỷ đồng`)."""
    return "".join(unicodedata.normalize("NFC", value or "").casefold().split())


def _indicators_agree(a: Indicator, b: Indicator) -> bool:
    return (
        _same_number(a.value, b.value)
        and _text_key(a.unit) == _text_key(b.unit)
        and _same_number(a.target, b.target)
        and Counter(c.key() for c in a.comparisons) == Counter(c.key() for c in b.comparisons)
    )


def _agree(a: Any, b: Any) -> bool:
    """Whether two overlapping items of one type say the same (see the module docstring)."""
    if isinstance(a, Indicator) and isinstance(b, Indicator):
        return _indicators_agree(a, b)
    if isinstance(a, Reference) and isinstance(b, Reference):
        return _text_key(a.number) == _text_key(b.number)
    if isinstance(a, Limitation) and isinstance(b, Limitation):
        return a.kind == b.kind
    return True


def _flagged(item: Item, flag: str | None) -> Item:
    kept = [f for f in item.flags if f not in VERIFY_FLAGS]  # a re-check replaces an older verdict
    flags = [*kept, flag] if flag else kept
    return item if flags == item.flags else item.model_copy(update={"flags": flags})


def check_items(
    llm: Sequence[Item], rules: Sequence[Item], agree: Callable[[Any, Any], bool] = _agree
) -> tuple[list[Item], VerifyCounts]:
    """The LLM items with their verdict flags, and the counts (see the module docstring)."""
    counts = VerifyCounts(checked=len(llm))
    out: list[Item] = []
    seen: set[int] = set()
    for item in llm:
        near = [k for k, r in enumerate(rules) if _overlaps(item, r)]
        seen.update(near)
        if not near:
            counts.not_in_rules += 1
            out.append(_flagged(item, NOT_IN_RULES))
        elif any(agree(item, rules[k]) for k in near):
            counts.agree += 1
            out.append(_flagged(item, None))
        else:
            counts.disagree += 1
            out.append(_flagged(item, DISAGREE))
    counts.rules_only = len(rules) - len(seen)
    return out, counts


def cross_check(llm_doc: ReportDocument, rules_doc: ReportDocument) -> ReportDocument:
    """`llm_doc` with every item of VERIFIED_TYPES checked against `rules_doc` (same text)."""
    if llm_doc.text != rules_doc.text:
        raise ValueError("cross-check needs both backends' output on the same normalized text")
    update: dict[str, Any] = {}
    counts: dict[str, VerifyCounts] = {}
    for t in VERIFIED_TYPES:
        update[t], counts[t] = check_items(getattr(llm_doc, t), getattr(rules_doc, t))
    extractor = llm_doc.extractor.model_copy(update={"verify": Verification(against="rules", counts=counts)})
    return llm_doc.model_copy(update={**update, "extractor": extractor})


def summary_line(verification: Verification) -> str:
    """One line for stderr: `verify rules: indicators 40 agree, 3 disagree, 2 not in rules; ...`."""
    parts = []
    for t, c in verification.counts.items():
        if c.checked or c.rules_only:
            parts.append(
                f"{t} {c.agree} agree, {c.disagree} disagree, {c.not_in_rules} not in rules, {c.rules_only} rules only"
            )
    return f"verify {verification.against}: " + ("; ".join(parts) if parts else "nothing to compare")
