"""Render eval results as JSON and Markdown, compare two runs, and shape a baseline.

Pure string builders: the runner writes the files (the HTML page is `report_html.py`, the gates
`gates.py`). Everything works on the JSON form of a summary, so a stored baseline compares like
a fresh run. A run scores each gold split on its own (`{"run": ..., "splits": {...}}`); the
held-apart `test` split always comes first and is the headline, `dev` is labelled in-sample.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from llmx.evaluation.results import (
    FLAG_GROUPS,
    HEADLINE,
    LOWER_IS_BETTER_SUFFIXES,
    TARGETS,
    EvalSummary,
    flatten,
)

DOC_COLUMNS: tuple[tuple[str, str], ...] = (
    ("indicators.f1", "indicators F1"),
    ("indicators.value_unit.accuracy", "value+unit"),
    ("indicators.comparisons.f1", "comparisons F1"),
    ("tasks.f1", "tasks F1"),
    ("tasks.coverage.f1", "tasks coverage F1"),
    ("limitations.f1", "limitations F1"),
    ("limitations.coverage.f1", "limitations coverage F1"),
    ("references.f1", "references F1"),
    ("proposals.f1", "proposals F1"),
    ("sections.f1", "sections F1"),
    ("metadata.accuracy", "metadata"),
)
SPLIT_NOTES: dict[str, str] = {
    "test": "held apart: never read by whoever tunes the rules or prompts; the honest figures",
    "dev": "in-sample: the rules and prompts are tuned on these reports",
}
NOTE_KINDS: tuple[tuple[str, str], ...] = (
    ("misses", "Misses"),
    ("false_positives", "False positives"),
    ("mismatches", "Disagreements"),
)
EPS = 1e-9

Baselines = Mapping[str, Mapping[str, Any]]


def to_json(summary: EvalSummary | Mapping[str, Any]) -> dict[str, Any]:
    """JSON-ready dict of a summary (derived precision/recall/F1/accuracy included)."""
    if isinstance(summary, EvalSummary):
        return summary.model_dump(mode="json")
    return dict(summary)


def split_summaries(data: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Split name -> that split's summary: a run's `splits` (test first), or a one-split
    summary under its own split name (`all` when it names none)."""
    if "splits" in data:
        return dict(data["splits"])
    return {str(data.get("run", {}).get("split") or "all"): dict(data)}


def as_baselines(baseline: Mapping[str, Any] | None) -> dict[str, dict[str, Any]]:
    """Baselines by split from a run, a one-split summary, or an already split mapping."""
    if baseline is None:
        return {}
    if "splits" in baseline or "micro" in baseline:
        return split_summaries(baseline)
    return {k: dict(v) for k, v in baseline.items()}


def baseline_form(summary: Mapping[str, Any]) -> dict[str, Any]:
    """A split summary as committed for a baseline: every figure and per-document score, no item
    notes (misses, false positives and their sentences are in the run's own reports)."""
    out = dict(summary)
    out["documents"] = [
        {k: v for k, v in doc.items() if k not in dict(NOTE_KINDS)} for doc in summary.get("documents", [])
    ]
    return out


def metrics(summary_json: Mapping[str, Any]) -> dict[str, float]:
    """Flat dotted metric names -> values: micro under the type name, macro under `macro.`."""
    out = flatten(summary_json.get("micro", {}), summary_json.get("metadata", {}))
    out.update({f"macro.{k}": float(v) for k, v in summary_json.get("macro", {}).items() if v is not None})
    return dict(sorted(out.items()))


def lower_is_better(name: str) -> bool:
    """Hallucination rates improve downwards; every other metric improves upwards."""
    return name.endswith(LOWER_IS_BETTER_SUFFIXES)


def fmt(v: float | None) -> str:
    return "—" if v is None else f"{v:.3f}"


def delta(cur: float | None, base: float | None) -> str:
    return "—" if cur is None or base is None else f"{cur - base:+.3f}"


def target_met(name: str, value: float | None) -> str:
    """`yes`/`no` against issue 10's target for `name`, `—` when there is no target or figure."""
    target = TARGETS.get(name)
    if target is None or value is None:
        return "—"
    return "yes" if value >= target - EPS else "no"


def split_title(name: str, summary: Mapping[str, Any]) -> str:
    """`test: held apart (8 documents)` / `dev: in-sample (12 documents)`."""
    n = len(summary.get("documents", []))
    kind = {"test": "held apart", "dev": "in-sample"}.get(name, "")
    return f"{name}: {kind} ({n} document{'s' if n != 1 else ''})" if kind else f"{name} ({n} documents)"


def doc_rows(summary_json: Mapping[str, Any]) -> list[tuple[str, dict[str, float], int, int]]:
    """Per document: name, flat metrics, number of misses and of false positives."""
    rows = []
    for doc in summary_json.get("documents", []):
        m = flatten(doc.get("types", {}), doc.get("metadata", {}))
        rows.append((doc["name"], m, len(doc.get("misses", [])), len(doc.get("false_positives", []))))
    return rows


def flag_rows(summary_json: Mapping[str, Any]) -> list[tuple[str, list[tuple[float, int]]]]:
    """Per item type with flag counts: (flagged, total) for each FLAG_GROUPS group."""
    rows = []
    for t, score in summary_json.get("micro", {}).items():
        flags = score.get("flags") or {}
        if not flags:
            continue
        rows.append((t, [(flags.get(g, {}).get("hits", 0.0), flags.get(g, {}).get("total", 0)) for g in FLAG_GROUPS]))
    return rows


def share(flagged: float, total: int) -> str:
    return "—" if not total else f"{int(flagged)}/{total} ({flagged / total:.0%})"


def cell(text: str) -> str:
    """One Markdown table cell: one line, pipes escaped, HTML-significant characters escaped."""
    return html.escape(" ".join(text.split()), quote=False).replace("|", "\\|")


def _headline_table(summary: Mapping[str, Any], base: Mapping[str, Any] | None) -> list[str]:
    cur = metrics(summary)
    old = metrics(base) if base is not None else {}
    head = "| metric | micro | macro | target | met |" + (" baseline | Δ |" if base is not None else "")
    out = [head, "|---|---:|---:|---:|:---:|" + ("---:|---:|" if base is not None else "")]
    for name in HEADLINE:
        target = TARGETS.get(name)
        row = (
            f"| {name} | {fmt(cur.get(name))} | {fmt(cur.get('macro.' + name))} | "
            f"{fmt(target)} | {target_met(name, cur.get(name))} |"
        )
        if base is not None:
            row += f" {fmt(old.get(name))} | {delta(cur.get(name), old.get(name))} |"
        out.append(row)
    return out


def _split_markdown(data: Mapping[str, Any], base: Mapping[str, Any] | None, max_items: int, h: str) -> list[str]:
    """One split's tables: headline with targets, every metric, documents, flags, notes."""
    cur = metrics(data)
    old = metrics(base) if base is not None else {}
    out = [*_headline_table(data, base), "", f"{h}# All metrics", ""]
    out += ["| metric | value |" + (" baseline | Δ |" if base is not None else "")]
    out += ["|---|---:|" + ("---:|---:|" if base is not None else "")]
    for name in sorted(set(cur) | set(old)):
        row = f"| {name} | {fmt(cur.get(name))} |"
        if base is not None:
            row += f" {fmt(old.get(name))} | {delta(cur.get(name), old.get(name))} |"
        out.append(row)
    out += ["", f"{h}# Documents", "", "| document | " + " | ".join(t for _, t in DOC_COLUMNS) + " | misses | FPs |"]
    out.append("|---|" + "---:|" * (len(DOC_COLUMNS) + 2))
    for name, m, misses, fps in doc_rows(data):
        cells = " | ".join(fmt(m.get(k)) for k, _ in DOC_COLUMNS)
        out.append(f"| {cell(name)} | {cells} | {misses} | {fps} |")
    flags = flag_rows(data)
    if flags:
        out += ["", f"{h}# Flags: do they point at the doubtful rows?", ""]
        out += ["| type | flagged among correct | among disagreeing with gold | among false positives |"]
        out += ["|---|---:|---:|---:|"]
        out += [f"| {t} | " + " | ".join(share(f, n) for f, n in groups) + " |" for t, groups in flags]
    for doc in data.get("documents", []):
        for key, title in NOTE_KINDS:
            notes = doc.get(key, [])
            if not notes:
                continue
            out += ["", f"{h}# {cell(doc['name'])}: {title} ({len(notes)})", ""]
            out += ["| type | id | item | detail |", "|---|---|---|---|"]
            for n in notes[:max_items]:
                item, detail = cell(n["text"][:160]), cell(n.get("detail") or "")
                out.append(f"| {n['type']} | {cell(n['id'])} | {item} | {detail} |")
            if len(notes) > max_items:
                out.append(f"| … | | {len(notes) - max_items} more | |")
    return out


def overview(run_json: Mapping[str, Any]) -> dict[str, Any]:
    """A run's figures per split without anything per document: what the run overview files
    hold, so that opening them never shows a held-apart document's misses to whoever tunes."""
    parts = {
        name: {k: part[k] for k in ("run", "micro", "metadata", "macro") if k in part}
        for name, part in split_summaries(run_json).items()
    }
    return {"run": dict(run_json.get("run", {})), "splits": parts}


def to_markdown(
    summary: EvalSummary | Mapping[str, Any], baseline: Mapping[str, Any] | None = None, max_items: int = 20
) -> str:
    """A run (`splits`): the overview, per split (test first) the headline table with targets
    and deltas vs that split's baseline. One split's summary: its headline, every metric, a
    per-document table, flag shares, and each document's misses, false positives and
    disagreements (at most `max_items` of each)."""
    data = to_json(summary)
    parts = split_summaries(data)
    bases = as_baselines(baseline)
    run = data.get("run", {})
    title = str(run.get("label") or f"{len(data.get('documents', []))} document(s)")
    if "splits" not in data:
        name = next(iter(parts))
        head = f"# llmx eval: {cell(title)}" + (f", {split_title(name, data)}" if name != "all" else "")
        note = [SPLIT_NOTES[name][0].upper() + SPLIT_NOTES[name][1:] + ".", ""] if name in SPLIT_NOTES else []
        return "\n".join([head, "", *note, *_split_markdown(data, bases.get(name), max_items, "#")]) + "\n"
    out = [f"# llmx eval: {cell(title)}", ""]
    out.append("Splits: " + "; ".join(f"`{split_title(n, s)}`" for n, s in parts.items()) + ".")
    out.append("Targets are issue 10's, to be met on the held-apart test split; CI fails on regressions only.")
    for name, part in parts.items():
        out += ["", f"## {split_title(name, part)}", ""]
        if name in SPLIT_NOTES:
            out += [SPLIT_NOTES[name][0].upper() + SPLIT_NOTES[name][1:] + ".", ""]
        out += [*_headline_table(part, bases.get(name)), "", f"Details: `{cell(title)}-{name}.md`."]
    return "\n".join(out) + "\n"


def headline(summary: EvalSummary | Mapping[str, Any], baseline: Mapping[str, Any] | None = None) -> str:
    """The few numbers a prompt engineer looks at first, per split (test first), for the terminal."""
    data = to_json(summary)
    bases = as_baselines(baseline)
    out: list[str] = []
    for name, part in split_summaries(data).items():
        if "splits" in data:
            out += [f"{split_title(name, part)}", ""]
        out += [*_headline_table(part, bases.get(name)), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def figures_table(runs: Mapping[str, Mapping[str, Mapping[str, Any]]]) -> str:
    """The README's figures: headline metrics (micro) of each run label and split, held-apart
    test first, with issue 10's targets. `runs`: label -> split -> summary (e.g. the baselines)."""
    columns = [(label, split) for label, splits in runs.items() for split in split_order_of(splits)]
    values = {(label, split): metrics(runs[label][split]) for label, split in columns}
    head = "| metric | target | " + " | ".join(f"{label} `{split}`" for label, split in columns) + " |"
    out = [head, "|---|---:|" + "---:|" * len(columns)]
    for name in HEADLINE:
        cells = " | ".join(fmt(values[c].get(name)) for c in columns)
        out.append(f"| {name} | {fmt(TARGETS.get(name))} | {cells} |")
    return "\n".join(out) + "\n"


def split_order_of(splits: Mapping[str, Any]) -> list[str]:
    """Split names with `test` first, then `dev`, then the rest by name."""
    order = ("test", "dev")
    return sorted(splits, key=lambda n: (order.index(n) if n in order else len(order), n))


def compare(a: Mapping[str, Any], b: Mapping[str, Any], labels: tuple[str, str] = ("A", "B")) -> str:
    """Markdown side-by-side tables of two eval JSONs with deltas (B - A), one per split both
    scored (test first), for `llmx eval --compare`."""
    sa, sb = split_summaries(a), split_summaries(b)
    pairs = [(n, sa[n], sb[n]) for n in sa if n in sb]
    if not pairs and len(sa) == len(sb) == 1:
        (na, pa), (nb, pb) = next(iter(sa.items())), next(iter(sb.items()))
        pairs = [(na if na == nb else f"{na} vs {nb}", pa, pb)]
    if not pairs:
        return f"no split in common: {', '.join(sa)} vs {', '.join(sb)}\n"
    out: list[str] = []
    for name, pa, pb in pairs:
        ma, mb = metrics(pa), metrics(pb)
        if len(pairs) > 1 or "splits" in a or "splits" in b:
            out += [f"## {name}", ""]
        out += [f"| metric | {cell(labels[0])} | {cell(labels[1])} | Δ |", "|---|---:|---:|---:|"]
        for m in sorted(set(ma) | set(mb)):
            out.append(f"| {m} | {fmt(ma.get(m))} | {fmt(mb.get(m))} | {delta(mb.get(m), ma.get(m))} |")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
