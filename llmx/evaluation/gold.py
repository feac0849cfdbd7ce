"""Load, check and re-anchor gold documents (`eval/gold/<name>.json`, SPEC report documents).

Gold is only worth scoring against when it is internally consistent: every quote sits at its
offsets, every number is written in its quote, the section tree holds together. `check_gold`
says what is wrong item by item; `locate` moves offsets after a normalizer change so gold does
not have to be relabelled when a few characters shift.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from llmx.contract import (
    Indicator,
    Limitation,
    Problem,
    Proposal,
    Reference,
    ReportDocument,
    Section,
    Task,
    grounding_errors,
)
from llmx.errors import EvalError
from llmx.grounding import reground
from llmx.numbers import reading_of


@dataclass(frozen=True)
class GoldFile:
    """A gold file: the SPEC document plus the gold-only fields LABELING.md defines.

    `scope_sections`: ids of the gold sections labelled exhaustively (None: the whole report);
    `labeler_notes`: the labeller's judgment calls, kept when a tool rewrites the file.
    """

    doc: ReportDocument
    scope_sections: tuple[str, ...] | None = None
    labeler_notes: tuple[str, ...] = ()


GOLD_ONLY_FIELDS: tuple[str, ...] = ("labeler_notes", "scope_sections")


def read_gold_json(path: str | Path) -> dict[str, Any]:
    """The raw JSON object of a gold file; EvalError naming the file when it is not one."""
    p = Path(path)
    try:
        raw = json.loads(p.read_text(encoding="utf-8"))
    except OSError as e:
        raise EvalError(f"cannot read gold file: {e.strerror or e}", path=str(p)) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise EvalError(f"gold file is not UTF-8 JSON: {e}", path=str(p)) from None
    if not isinstance(raw, dict):
        raise EvalError("gold file must hold one JSON object (a SPEC report document)", path=str(p))
    return raw


def load_gold_file(path: str | Path, text: str | None = None) -> GoldFile:
    """Read a gold file; `text` (the normalized source) replaces or supplies the `text` field.

    Gold files may omit `text` to stay small and reviewable; the caller then normalizes the
    source report and passes its text here.
    """
    p = Path(path)
    raw = read_gold_json(p)
    notes = raw.pop("labeler_notes", None) or []
    scope = raw.pop("scope_sections", None)
    if not isinstance(notes, list) or not all(isinstance(n, str) for n in notes):
        raise EvalError("labeler_notes must be a list of strings", path=str(p))
    if scope is not None and (not isinstance(scope, list) or not all(isinstance(s, str) for s in scope)):
        raise EvalError("scope_sections must be a list of section ids", path=str(p))
    if text is not None:
        raw["text"] = text
    elif "text" not in raw:
        raise EvalError("gold file has no `text`; pass the normalized source text", path=str(p))
    try:
        doc = ReportDocument.model_validate(raw)
    except ValidationError as e:
        shown = "; ".join(f"{'.'.join(map(str, err['loc']))}: {err['msg']}" for err in e.errors()[:5])
        more = f" (+{e.error_count() - 5} more)" if e.error_count() > 5 else ""
        raise EvalError(f"not a SPEC document: {shown}{more}", path=str(p)) from None
    if scope is not None:
        unknown = sorted(set(scope) - {s.id for s in doc.sections})
        if unknown:
            raise EvalError(f"scope_sections names unknown section(s) {', '.join(unknown)}", path=str(p))
    return GoldFile(doc, None if scope is None else tuple(scope), tuple(notes))


def load_gold(path: str | Path, text: str | None = None) -> ReportDocument:
    """The SPEC document of a gold file (gold-only fields set aside; see `load_gold_file`)."""
    return load_gold_file(path, text).doc


def scope_spans(doc: ReportDocument, scope: Sequence[str] | None) -> list[tuple[int, int]] | None:
    """Spans of the scoped sections (None: the whole report is in scope)."""
    if scope is None:
        return None
    wanted = set(scope)
    return sorted((s.start, s.end) for s in doc.sections if s.id in wanted)


def in_scope(start: int, spans: Sequence[tuple[int, int]] | None) -> bool:
    """Whether an item starting at `start` lies in the union of `spans` (always, without a scope)."""
    return spans is None or any(s <= start < e for s, e in spans)


ITEM_GROUPS: tuple[tuple[str, str], ...] = (
    ("indicators", "quote"),
    ("references", "quote"),
    ("tasks", "text"),
    ("limitations", "text"),
    ("proposals", "text"),
)


def _written(value: float, quote: str) -> bool:
    """The value is in its quote as the convention writes it, or as a `.` that can only be a
    decimal mark (`19.31`: LABELING.md reads those as decimals, flagged `dot_decimal`)."""
    reading = reading_of(value, quote)
    return reading is not None and reading.how in ("vn", "dot_decimal")


def check_gold(doc: ReportDocument, scope: Sequence[str] | None = None) -> list[str]:
    """Every inconsistency of a gold document as `<kind> <id>: <problem>` messages.

    With `scope` (the file's `scope_sections`), an item labelled outside the scoped sections is
    an error too: it would never be scored, so it is either a slip or the scope is too narrow.
    """
    errors = grounding_errors(doc)
    spans = scope_spans(doc, scope)
    for group, _ in ITEM_GROUPS:
        for item in getattr(doc, group):
            if not in_scope(item.start, spans):
                errors.append(f"{group[:-1]} {item.id}: outside scope_sections (not labelled there, not scored)")
    for ind in doc.indicators:
        for label, value in (("value", ind.value), ("target", ind.target)):
            if value is not None and not _written(value, ind.quote):
                errors.append(f"indicator {ind.id}: {label} {value:g} is not written in its quote {ind.quote[:60]!r}")
        for k, c in enumerate(ind.comparisons, 1):
            for label, value in (("pct", c.pct), ("amount", c.amount)):
                if value is not None and not _written(value, ind.quote):
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
    updated: dict[str, list[Indicator | Task | Limitation | Reference | Proposal]] = {}
    for group, field in ITEM_GROUPS:
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
        span = _place_heading(text, sec, shift)
        if span is None:
            problems.append(
                Problem(
                    section_id=sec.id,
                    stage="locate",
                    message=f"section {sec.id}: heading {sec.heading[:60]!r} not found; span shifted",
                )
            )
        h_old = sec.heading_start if sec.heading_start is not None else sec.start
        start = shift(sec.start) if span is None else max(0, span[0] - (h_old - sec.start))
        update: dict[str, int | None] = {"start": start, "end": max(start, shift(sec.end))}
        if sec.heading_start is not None:
            update["heading_start"], update["heading_end"] = span if span else (None, None)
        sections.append(sec.model_copy(update=update))
    return doc.model_copy(update={"text": text, "sections": sections, "problems": problems, **updated})


def _squash(value: str) -> str:
    return "".join(value.split())


def _place_heading(text: str, sec: Section, shift: Callable[[int], int]) -> tuple[int, int] | None:
    """Where a section's heading span (`heading_start`..`heading_end`, else the start of its
    heading line) sits in the new text, or None.

    First the old span moved as the items before it moved, kept when it still holds the heading
    words (an unchanged text changes nothing). Else the words are searched near there, and the
    span keeps what stood before the words (the number, `PHẦN 1` lines) at the same length.
    """
    words = _squash(sec.heading)
    hs = sec.heading_start if sec.heading_start is not None else sec.start
    he = sec.heading_end if sec.heading_end is not None else hs + len(sec.heading) + 40
    delta = shift(hs) - hs
    if hs + delta >= 0 and words in _squash(text[hs + delta : he + delta]):
        return hs + delta, min(len(text), he + delta)
    found = reground(text, sec.heading, near=hs + delta, markup=True)
    if found is None:
        return None
    if sec.heading_end is None:  # no stored span: the heading line starts where its text starts
        line = text.rfind("\n", 0, found[0]) + 1
        return line + len(text[line : found[0]]) - len(text[line : found[0]].lstrip()), found[1]
    prefix = max(0, (he - hs) - (found[1] - found[0]))
    return max(0, found[0] - prefix), found[1]


def relocated_json(raw: dict[str, Any], moved: ReportDocument) -> dict[str, Any]:
    """The raw gold JSON with only what `locate` moved written back: item offsets and quotes,
    section spans, `source.chars`. Everything else (key order, notes, `scope_sections`, fields
    left at their defaults) stays as the labeller wrote it, so the diff shows only the moves."""
    out: dict[str, Any] = json.loads(json.dumps(raw))
    out.pop("text", None)
    if isinstance(out.get("source"), dict):
        out["source"]["chars"] = len(moved.text)
    for group, field in ITEM_GROUPS:
        by_id = {item.id: item for item in getattr(moved, group)}
        for entry in out.get(group, []):
            item = by_id.get(entry.get("id"))
            if item is not None:
                entry.update({"start": item.start, "end": item.end, field: getattr(item, field)})
    by_id_sec = {sec.id: sec for sec in moved.sections}
    for entry in out.get("sections", []):
        sec = by_id_sec.get(entry.get("id"))
        if sec is None:
            continue
        entry.update({"start": sec.start, "end": sec.end})
        if "heading_start" in entry or sec.heading_start is not None:
            entry.update({"heading_start": sec.heading_start, "heading_end": sec.heading_end})
    return out
