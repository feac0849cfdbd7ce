"""Load, check and re-anchor gold documents (`eval/gold/<name>.json`, SPEC report documents).

Gold is only worth scoring against when it is internally consistent: every quote sits at its
offsets, every number is written in its quote, the section tree holds together. `check_gold`
says what is wrong item by item; `locate` moves offsets after a normalizer change so gold does
not have to be relabelled when a few characters shift.
"""

from __future__ import annotations

import bisect
import json
from pathlib import Path

from pydantic import ValidationError

from llmx.contract import (
    Indicator,
    Limitation,
    Problem,
    Reference,
    ReportDocument,
    Section,
    Task,
    grounding_errors,
)
from llmx.errors import EvalError
from llmx.grounding import reground
from llmx.numbers import occurs_in


def load_gold(path: str | Path, text: str | None = None) -> ReportDocument:
    """Read a gold file; `text` (the normalized source) replaces or supplies the `text` field.

    Gold files may omit `text` to stay small and reviewable; the caller then normalizes the
    source report and passes its text here.
    """
    p = Path(path)
    try:
        raw = json.loads(p.read_text(encoding="utf-8"))
    except OSError as e:
        raise EvalError(f"cannot read gold file: {e.strerror or e}", path=str(p)) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise EvalError(f"gold file is not UTF-8 JSON: {e}", path=str(p)) from None
    if not isinstance(raw, dict):
        raise EvalError("gold file must hold one JSON object (a SPEC report document)", path=str(p))
    raw.pop("labeler_notes", None)  # free-text notes of the labeler, not part of the SPEC document
    raw.pop("scope_sections", None)  # gold-only: which sections are labelled exhaustively (see LABELING.md)
    if text is not None:
        raw["text"] = text
    elif "text" not in raw:
        raise EvalError("gold file has no `text`; pass the normalized source text", path=str(p))
    try:
        return ReportDocument.model_validate(raw)
    except ValidationError as e:
        shown = "; ".join(f"{'.'.join(map(str, err['loc']))}: {err['msg']}" for err in e.errors()[:5])
        more = f" (+{e.error_count() - 5} more)" if e.error_count() > 5 else ""
        raise EvalError(f"not a SPEC document: {shown}{more}", path=str(p)) from None


def check_gold(doc: ReportDocument) -> list[str]:
    """Every inconsistency of a gold document as `<kind> <id>: <problem>` messages."""
    errors = grounding_errors(doc)
    for ind in doc.indicators:
        for label, value in (("value", ind.value), ("target", ind.target)):
            if value is not None and not occurs_in(value, ind.quote):
                errors.append(f"indicator {ind.id}: {label} {value:g} is not written in its quote {ind.quote[:60]!r}")
        for k, c in enumerate(ind.comparisons, 1):
            for label, value in (("pct", c.pct), ("amount", c.amount)):
                if value is not None and not occurs_in(value, ind.quote):
                    errors.append(f"indicator {ind.id}: comparison {k} {label} {value:g} is not written in its quote")
        if ind.unit is not None and ind.unit != ind.unit.strip().lower():
            errors.append(f"indicator {ind.id}: unit {ind.unit!r} must be lower-case and trimmed")
    for ref in doc.references:
        if ref.doc_type != ref.doc_type.strip().lower():
            errors.append(f"reference {ref.id}: doc_type {ref.doc_type!r} must be lower-case")
    errors += _section_errors(doc)
    for label, period in (("period", doc.metadata.period), ("next_period", doc.metadata.next_period)):
        if period is not None and any(not 1 <= m <= 12 for m in period.months):
            errors.append(f"metadata: {label} months {period.months} outside 1..12")
    return errors


def _section_errors(doc: ReportDocument) -> list[str]:
    """Parents exist and precede their children, levels follow the tree, spans nest, and each
    item names the innermost section holding it."""
    errors: list[str] = []
    by_id: dict[str, Section] = {}
    children: dict[str, list[Section]] = {}
    for sec in doc.sections:
        parent = by_id.get(sec.parent_id) if sec.parent_id else None
        if sec.parent_id is not None and parent is None:
            errors.append(f"section {sec.id}: parent {sec.parent_id} is unknown or comes after it")
        expected_level = parent.level + 1 if parent else 1
        if (parent or sec.parent_id is None) and sec.level != expected_level:
            errors.append(f"section {sec.id}: level {sec.level}, expected {expected_level}")
        if parent and not (parent.start <= sec.start and sec.end <= parent.end):
            errors.append(f"section {sec.id}: span {sec.start}:{sec.end} outside parent {parent.id}")
        # a heading may wrap over lines (even mid-word), so compare with whitespace removed
        heading = "".join(sec.heading.split())
        if heading not in "".join(doc.text[sec.start : sec.end].split()):
            errors.append(f"section {sec.id}: heading {sec.heading[:60]!r} not found in its span")
        hs, he = sec.heading_start, sec.heading_end
        if hs is not None and he is not None and heading not in "".join(doc.text[hs:he].split()):
            errors.append(f"section {sec.id}: text[heading_start:heading_end] does not hold the heading")
        by_id[sec.id] = sec
        if sec.parent_id:
            children.setdefault(sec.parent_id, []).append(sec)
    for kind, items in (
        ("indicator", doc.indicators),
        ("task", doc.tasks),
        ("limitation", doc.limitations),
        ("reference", doc.references),
        ("proposal", doc.proposals),
    ):
        for item in items:
            home = by_id.get(item.section_id) if item.section_id else None
            if home is None:
                continue
            if not (home.start <= item.start and item.end <= home.end):
                errors.append(f"{kind} {item.id}: outside its section {home.id}")
                continue
            inner = [c.id for c in children.get(home.id, []) if c.start <= item.start and item.end <= c.end]
            if inner:
                errors.append(f"{kind} {item.id}: innermost section is {inner[0]}, not {home.id}")
    return errors


def locate(doc: ReportDocument, text: str) -> ReportDocument:
    """Gold re-anchored in `text`: items whose words are not at their offsets move to the nearest
    occurrence (their quote/text then takes the new wording); section spans shift with the
    items around them. Items that cannot be placed keep their offsets and are listed in
    `problems` (stage `locate`)."""
    moves: list[tuple[int, int]] = []  # (old offset, new offset) of placed items
    problems = list(doc.problems)
    updated: dict[str, list[Indicator | Task | Limitation | Reference]] = {}
    for group, field in (
        ("indicators", "quote"),
        ("references", "quote"),
        ("tasks", "text"),
        ("limitations", "text"),
    ):
        updated[group] = []
        for item in getattr(doc, group):
            words = getattr(item, field)
            if text[item.start : item.end] == words:
                span: tuple[int, int] | None = (item.start, item.end)
            else:
                span = reground(text, words, near=item.start, markup=True)
            if span is None:
                problems.append(
                    Problem(
                        section_id=item.section_id,
                        stage="locate",
                        message=f"{group[:-1]} {item.id}: {words[:60]!r} not found in the text",
                    )
                )
                updated[group].append(item)
                continue
            moves += [(item.start, span[0]), (item.end, span[1])]
            updated[group].append(
                item.model_copy(update={"start": span[0], "end": span[1], field: text[span[0] : span[1]]})
            )
    moves.sort()

    def shift(old: int) -> int:
        if not moves:
            return min(old, len(text))
        k = max(0, bisect.bisect_right(moves, (old, len(text) + 1)) - 1)
        return max(0, min(len(text), old + moves[k][1] - moves[k][0]))

    sections = []
    for sec in doc.sections:
        h_old = sec.heading_start if sec.heading_start is not None else sec.start
        found = reground(text, sec.heading, near=shift(h_old), markup=True)
        start = shift(sec.start) if found is None else max(0, found[0] - (h_old - sec.start))
        update: dict[str, int | None] = {"start": start, "end": max(start, shift(sec.end))}
        if sec.heading_start is not None:
            update["heading_start"], update["heading_end"] = found if found else (None, None)
        if found is None:
            problems.append(
                Problem(
                    section_id=sec.id,
                    stage="locate",
                    message=f"section {sec.id}: heading {sec.heading[:60]!r} not found; span shifted",
                )
            )
        sections.append(sec.model_copy(update=update))
    return doc.model_copy(update={"text": text, "sections": sections, "problems": problems, **updated})
