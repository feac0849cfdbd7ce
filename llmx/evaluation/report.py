"""Render eval results (JSON, Markdown, self-contained HTML), compare two runs, and check gates.

Pure string builders: the CLI writes the files and maps a failed gate to `GateFailed`.
Everything works on the JSON form of a summary, so a stored baseline compares like a fresh run.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

from llmx.errors import ConfigError, EvalError, GateFailed
from llmx.evaluation.results import LOWER_IS_BETTER_SUFFIXES, EvalSummary, flatten

# metrics a baseline drop is checked on (plus every metric named in fail_under)
HEADLINE: tuple[str, ...] = (
    "indicators.f1",
    "indicators.value_unit.accuracy",
    "indicators.comparisons.f1",
    "tasks.f1",
    "tasks.coverage.f1",
    "limitations.f1",
    "limitations.coverage.f1",
    "references.f1",
    "sections.f1",
    "metadata.accuracy",
)
_DOC_COLUMNS: tuple[tuple[str, str], ...] = (
    ("indicators.f1", "indicators F1"),
    ("indicators.value_unit.accuracy", "value+unit"),
    ("indicators.comparisons.f1", "comparisons F1"),
    ("tasks.f1", "tasks F1"),
    ("tasks.coverage.f1", "tasks coverage F1"),
    ("limitations.f1", "limitations F1"),
    ("limitations.coverage.f1", "limitations coverage F1"),
    ("references.f1", "references F1"),
    ("sections.f1", "sections F1"),
    ("metadata.accuracy", "metadata"),
)
_EPS = 1e-9


def to_json(summary: EvalSummary | Mapping[str, Any]) -> dict[str, Any]:
    """JSON-ready dict of a summary (derived precision/recall/F1/accuracy included)."""
    if isinstance(summary, EvalSummary):
        return summary.model_dump(mode="json")
    return dict(summary)


def metrics(summary_json: Mapping[str, Any]) -> dict[str, float]:
    """Flat dotted metric names -> values: micro under the type name, macro under `macro.`."""
    out = flatten(summary_json.get("micro", {}), summary_json.get("metadata", {}))
    out.update({f"macro.{k}": float(v) for k, v in summary_json.get("macro", {}).items() if v is not None})
    return dict(sorted(out.items()))


def lower_is_better(name: str) -> bool:
    """Hallucination rates improve downwards; every other metric improves upwards."""
    return name.endswith(LOWER_IS_BETTER_SUFFIXES)


def _fmt(v: float | None) -> str:
    return "—" if v is None else f"{v:.3f}"


def _delta(cur: float | None, base: float | None) -> str:
    return "—" if cur is None or base is None else f"{cur - base:+.3f}"


def _cell(text: str) -> str:
    """One Markdown table cell: one line, pipes escaped, HTML-significant characters escaped."""
    return html.escape(" ".join(text.split()), quote=False).replace("|", "\\|")


def _doc_rows(summary_json: Mapping[str, Any]) -> list[tuple[str, dict[str, float], int, int]]:
    rows = []
    for doc in summary_json.get("documents", []):
        m = flatten(doc.get("types", {}), doc.get("metadata", {}))
        rows.append((doc["name"], m, len(doc.get("misses", [])), len(doc.get("false_positives", []))))
    return rows


def to_markdown(
    summary: EvalSummary | Mapping[str, Any], baseline: Mapping[str, Any] | None = None, max_items: int = 20
) -> str:
    """Per-metric table (with deltas vs `baseline` when given), a per-document table, and each
    document's misses and false positives (at most `max_items` of each)."""
    data = to_json(summary)
    cur = metrics(data)
    base = metrics(baseline) if baseline is not None else {}
    out = [f"# llmx eval: {len(data.get('documents', []))} document(s)", ""]
    head = "| metric | value |" + (" baseline | Δ |" if baseline is not None else "")
    out += [head, "|---|---:|" + ("---:|---:|" if baseline is not None else "")]
    for name in sorted(set(cur) | set(base)):
        row = f"| {name} | {_fmt(cur.get(name))} |"
        if baseline is not None:
            row += f" {_fmt(base.get(name))} | {_delta(cur.get(name), base.get(name))} |"
        out.append(row)
    out += [
        "",
        "## Documents",
        "",
        "| document | " + " | ".join(t for _, t in _DOC_COLUMNS) + " | misses | false positives |",
        "|---|" + "---:|" * (len(_DOC_COLUMNS) + 2),
    ]
    for name, m, misses, fps in _doc_rows(data):
        cells = " | ".join(_fmt(m.get(k)) for k, _ in _DOC_COLUMNS)
        out.append(f"| {_cell(name)} | {cells} | {misses} | {fps} |")
    for doc in data.get("documents", []):
        for key, title in (
            ("misses", "Misses"),
            ("false_positives", "False positives"),
            ("mismatches", "Disagreements"),
        ):
            notes = doc.get(key, [])
            if not notes:
                continue
            out += [
                "",
                f"### {_cell(doc['name'])}: {title} ({len(notes)})",
                "",
                "| type | id | item | detail |",
                "|---|---|---|---|",
            ]
            for n in notes[:max_items]:
                item, detail = _cell(n["text"][:160]), _cell(n.get("detail") or "")
                out.append(f"| {n['type']} | {_cell(n['id'])} | {item} | {detail} |")
            if len(notes) > max_items:
                out.append(f"| … | | {len(notes) - max_items} more | |")
    return "\n".join(out) + "\n"


_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#1f2328}
body{line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}h3{font-size:1rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}
th,td{border:1px solid #d0d7de;padding:.25rem .5rem;vertical-align:top;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}th{background:#f6f8fa}
.better{color:#1a7f37}.worse{color:#cf222e;font-weight:600}
mark{background:#fff3b0}.detail{color:#57606a}details{margin:.5rem 0}summary{cursor:pointer;font-weight:600}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _highlight(sentence: str, item: str) -> str:
    """Escape a source sentence, marking the item's words inside it."""
    pos = sentence.find(item) if item else -1
    if pos == -1:
        return _e(sentence)
    return _e(sentence[:pos]) + "<mark>" + _e(item) + "</mark>" + _e(sentence[pos + len(item) :])


def _delta_html(name: str, cur: float | None, base: float | None) -> str:
    if cur is None or base is None:
        return "<td class=num>—</td>"
    d = cur - base
    good = (d < -_EPS) if lower_is_better(name) else (d > _EPS)
    bad = (d > _EPS) if lower_is_better(name) else (d < -_EPS)
    cls = " better" if good else " worse" if bad else ""
    return f"<td class='num{cls}'>{d:+.3f}</td>"


def to_html(summary: EvalSummary | Mapping[str, Any], baseline: Mapping[str, Any] | None = None) -> str:
    """A single self-contained page (inline CSS, no scripts or external assets); all document
    text is HTML-escaped. Metric table, per-document table, then each document's misses, false
    positives and disagreements with their source sentences."""
    data = to_json(summary)
    cur = metrics(data)
    base = metrics(baseline) if baseline is not None else {}
    docs = data.get("documents", [])
    parts = [
        "<!DOCTYPE html><html lang=vi><head><meta charset=utf-8><title>llmx eval</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>llmx eval: {len(docs)} document(s)</h1>",
        "<h2>Metrics</h2><table><tr><th>metric</th><th>value</th>",
    ]
    if baseline is not None:
        parts.append("<th>baseline</th><th>Δ</th>")
    parts.append("</tr>")
    for name in sorted(set(cur) | set(base)):
        row = f"<tr><td>{_e(name)}</td><td class=num>{_fmt(cur.get(name))}</td>"
        if baseline is not None:
            row += f"<td class=num>{_fmt(base.get(name))}</td>" + _delta_html(name, cur.get(name), base.get(name))
        parts.append(row + "</tr>")
    parts.append(
        "</table><h2>Documents</h2><table><tr><th>document</th>"
        + "".join(f"<th>{_e(t)}</th>" for _, t in _DOC_COLUMNS)
        + "<th>misses</th><th>false positives</th></tr>"
    )
    for name, m, misses, fps in _doc_rows(data):
        cells = "".join(f"<td class=num>{_fmt(m.get(k))}</td>" for k, _ in _DOC_COLUMNS)
        parts.append(f"<tr><td>{_e(name)}</td>{cells}<td class=num>{misses}</td><td class=num>{fps}</td></tr>")
    parts.append("</table>")
    for doc in docs:
        parts.append(f"<h2>{_e(doc['name'])}</h2>")
        for key, title in (
            ("misses", "Misses (gold not found)"),
            ("false_positives", "False positives (not in gold)"),
            ("mismatches", "Disagreements on matched items"),
        ):
            notes = doc.get(key, [])
            parts.append(f"<details{' open' if notes else ''}><summary>{_e(title)}: {len(notes)}</summary>")
            if notes:
                parts.append("<table><tr><th>type</th><th>id</th><th>source sentence</th><th>detail</th></tr>")
                for n in notes:
                    sentence = (
                        _highlight(n["sentence"], n["text"])
                        if n.get("sentence")
                        else "<mark>" + _e(n["text"]) + "</mark>"
                    )
                    parts.append(
                        f"<tr><td>{_e(n['type'])}</td><td>{_e(n['id'])}</td><td>{sentence}</td>"
                        f"<td class=detail>{_e(n.get('detail') or '')}</td></tr>"
                    )
                parts.append("</table>")
            parts.append("</details>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def compare(a: Mapping[str, Any], b: Mapping[str, Any], labels: tuple[str, str] = ("A", "B")) -> str:
    """Markdown side-by-side table of two eval JSONs with deltas (B - A), for `llmx eval --compare`."""
    ma, mb = metrics(a), metrics(b)
    out = [f"| metric | {_cell(labels[0])} | {_cell(labels[1])} | Δ |", "|---|---:|---:|---:|"]
    for name in sorted(set(ma) | set(mb)):
        out.append(f"| {name} | {_fmt(ma.get(name))} | {_fmt(mb.get(name))} | {_delta(mb.get(name), ma.get(name))} |")
    return "\n".join(out) + "\n"


# what each item type is scored on (llmx/evaluation/items.py): the names `flatten` can produce
_SCORED: dict[str, dict[str, tuple[str, ...]]] = {
    "indicators": {
        "sets": ("comparisons",),
        "fields": ("value_unit", "value", "unit", "target", "estimated", "approx", "as_of", "sector"),
        "similarity": ("name",),
    },
    "tasks": {"sets": ("coverage",), "fields": ("sector",)},
    "limitations": {"sets": ("coverage",), "fields": ("sector", "kind")},
    "references": {"fields": ("doc_type", "number", "date", "issuer")},
    "sections": {"fields": ("level", "parent", "role", "sector")},
}


def metric_names() -> frozenset[str]:
    """Every metric an eval can report (a gate naming anything else is a typo)."""
    from llmx.evaluation.metadata import METADATA_FIELDS

    names = {"metadata.accuracy", *(f"metadata.{f}.accuracy" for f in METADATA_FIELDS)}
    for kind, scored in _SCORED.items():
        names |= {f"{kind}.{m}" for m in ("precision", "recall", "f1", "hallucination_rate")}
        names |= {f"{kind}.{s}.{m}" for s in scored.get("sets", ()) for m in ("precision", "recall", "f1")}
        names |= {f"{kind}.{f}.accuracy" for f in scored.get("fields", ())}
        names |= {f"{kind}.{f}.similarity" for f in scored.get("similarity", ())}
    return frozenset(names | {f"macro.{n}" for n in names if n.endswith(".f1") or n == "metadata.accuracy"})


def parse_fail_under(specs: Iterable[str]) -> dict[str, float]:
    """`["indicators.f1=0.9", ...]` -> `{"indicators.f1": 0.9}`; a ConfigError (exit 3, before any
    eval runs) on a malformed item or a metric no eval reports."""
    out: dict[str, float] = {}
    known = metric_names()
    for spec in specs:
        name, sep, value = spec.partition("=")
        try:
            if not sep or not name.strip():
                raise ValueError
            out[name.strip()] = float(value)
        except ValueError:
            raise ConfigError(f"bad gate {spec!r}: expected METRIC=NUMBER, e.g. indicators.f1=0.9") from None
        if name.strip() not in known:
            close = sorted(k for k in known if k.split(".")[0] == name.strip().split(".")[0])[:8]
            hint = f"; {name.strip().split('.')[0]} metrics include {', '.join(close)}" if close else ""
            raise ConfigError(f"bad gate {spec!r}: no eval reports a metric {name.strip()!r}{hint}")
    return out


def check_gates(
    summary_json: Mapping[str, Any],
    fail_under: Mapping[str, float],
    baseline_json: Mapping[str, Any] | None = None,
    max_drop: float | None = None,
) -> list[str]:
    """Violated gates as readable messages (empty when all pass).

    `fail_under`: each metric must reach its threshold (for `*.hallucination_rate`, must not
    exceed it); a gated metric the run did not measure is a violation. `max_drop`: no headline
    metric (nor any metric in `fail_under`) may fall more than this below the baseline.
    """
    if max_drop is not None and baseline_json is None:
        raise EvalError("max_drop needs a baseline eval JSON to compare against")
    cur = metrics(summary_json)
    problems: list[str] = []
    for name, threshold in fail_under.items():
        value = cur.get(name)
        if value is None:
            problems.append(f"{name}: not measured in this run (gate {threshold:.3f})")
        elif lower_is_better(name) and value > threshold + _EPS:
            problems.append(f"{name} = {value:.3f}, above the allowed {threshold:.3f}")
        elif not lower_is_better(name) and value < threshold - _EPS:
            problems.append(f"{name} = {value:.3f}, under the required {threshold:.3f}")
    if baseline_json is not None and max_drop is not None:
        base = metrics(baseline_json)
        for name in sorted(set(HEADLINE) | set(fail_under)):
            if name not in base or name not in cur:
                continue
            drop = cur[name] - base[name] if lower_is_better(name) else base[name] - cur[name]
            if drop > max_drop + _EPS:
                problems.append(
                    f"{name} moved from {base[name]:.3f} to {cur[name]:.3f} vs baseline, "
                    f"worse by {drop:.3f} (allowed {max_drop:.3f})"
                )
    return problems


def enforce_gates(
    summary_json: Mapping[str, Any],
    fail_under: Mapping[str, float],
    baseline_json: Mapping[str, Any] | None = None,
    max_drop: float | None = None,
) -> None:
    """Raise `GateFailed` listing every violated gate (the CLI maps it to exit code 7)."""
    problems = check_gates(summary_json, fail_under, baseline_json, max_drop)
    if problems:
        raise GateFailed("quality gate failed: " + "; ".join(problems))


def headline(summary: EvalSummary | Mapping[str, Any], baseline: Mapping[str, Any] | None = None) -> str:
    """The few numbers a prompt engineer looks at first, as a Markdown table (for the terminal)."""
    data = to_json(summary)
    cur = metrics(data)
    base = metrics(baseline) if baseline is not None else {}
    head = "| metric | micro | macro |" + (" baseline | Δ |" if baseline is not None else "")
    out = [head, "|---|---:|---:|" + ("---:|---:|" if baseline is not None else "")]
    for name in HEADLINE:
        row = f"| {name} | {_fmt(cur.get(name))} | {_fmt(cur.get('macro.' + name))} |"
        if baseline is not None:
            row += f" {_fmt(base.get(name))} | {_delta(cur.get(name), base.get(name))} |"
        out.append(row)
    return "\n".join(out) + "\n"
