"""The eval report as one self-contained HTML page (inline CSS, no scripts, nothing external).

Same content as the Markdown report (`report.py`), split by split with the held-apart `test`
split first; every piece of document text is HTML-escaped.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from llmx.evaluation.report import (
    DOC_COLUMNS,
    EPS,
    SPLIT_NOTES,
    as_baselines,
    doc_rows,
    flag_rows,
    fmt,
    lower_is_better,
    metrics,
    share,
    split_summaries,
    split_title,
    target_met,
    to_json,
)
from llmx.evaluation.results import HEADLINE, TARGETS, EvalSummary

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#1f2328}
body{line-height:1.45}
h1{font-size:1.5rem}h2{font-size:1.25rem;margin-top:2.5rem;border-bottom:1px solid #d0d7de}
h3{font-size:1.05rem;margin-top:1.5rem}h4{font-size:1rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}
th,td{border:1px solid #d0d7de;padding:.25rem .5rem;vertical-align:top;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}th{background:#f6f8fa}
.better{color:#1a7f37}.worse{color:#cf222e;font-weight:600}.met{color:#1a7f37}.unmet{color:#cf222e}
.note{color:#57606a;font-style:italic}
mark{background:#fff3b0}.detail{color:#57606a}details{margin:.5rem 0}summary{cursor:pointer;font-weight:600}
"""
_NOTE_TITLES: tuple[tuple[str, str], ...] = (
    ("misses", "Misses (gold not found)"),
    ("false_positives", "False positives (not in gold)"),
    ("mismatches", "Disagreements on matched items"),
)


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
    good = (d < -EPS) if lower_is_better(name) else (d > EPS)
    bad = (d > EPS) if lower_is_better(name) else (d < -EPS)
    cls = " better" if good else " worse" if bad else ""
    return f"<td class='num{cls}'>{d:+.3f}</td>"


def _headline(data: Mapping[str, Any], base: Mapping[str, Any] | None) -> list[str]:
    cur = metrics(data)
    old = metrics(base) if base is not None else {}
    parts = ["<table><tr><th>metric</th><th>micro</th><th>macro</th><th>target</th><th>met</th>"]
    parts.append("<th>baseline</th><th>Δ</th></tr>" if base is not None else "</tr>")
    for name in HEADLINE:
        met = target_met(name, cur.get(name))
        cls = {"yes": " class=met", "no": " class=unmet"}.get(met, "")
        row = (
            f"<tr><td>{_e(name)}</td><td class=num>{fmt(cur.get(name))}</td>"
            f"<td class=num>{fmt(cur.get('macro.' + name))}</td><td class=num>{fmt(TARGETS.get(name))}</td>"
            f"<td{cls}>{met}</td>"
        )
        if base is not None:
            row += f"<td class=num>{fmt(old.get(name))}</td>" + _delta_html(name, cur.get(name), old.get(name))
        parts.append(row + "</tr>")
    parts.append("</table>")
    return parts


def _split(data: Mapping[str, Any], base: Mapping[str, Any] | None, h: int) -> list[str]:
    """One split: headline with targets, every metric, documents, flags, per-document notes."""
    cur = metrics(data)
    old = metrics(base) if base is not None else {}
    parts = _headline(data, base)
    parts.append(f"<details><summary>All metrics ({len(cur)})</summary><table><tr><th>metric</th><th>value</th>")
    parts.append("<th>baseline</th><th>Δ</th></tr>" if base is not None else "</tr>")
    for name in sorted(set(cur) | set(old)):
        row = f"<tr><td>{_e(name)}</td><td class=num>{fmt(cur.get(name))}</td>"
        if base is not None:
            row += f"<td class=num>{fmt(old.get(name))}</td>" + _delta_html(name, cur.get(name), old.get(name))
        parts.append(row + "</tr>")
    parts.append(f"</table></details><h{h}>Documents</h{h}><table><tr><th>document</th>")
    parts.append("".join(f"<th>{_e(t)}</th>" for _, t in DOC_COLUMNS) + "<th>misses</th><th>FPs</th></tr>")
    for name, m, misses, fps in doc_rows(data):
        cells = "".join(f"<td class=num>{fmt(m.get(k))}</td>" for k, _ in DOC_COLUMNS)
        parts.append(f"<tr><td>{_e(name)}</td>{cells}<td class=num>{misses}</td><td class=num>{fps}</td></tr>")
    parts.append("</table>")
    flags = flag_rows(data)
    if flags:
        parts.append(f"<h{h}>Flags: do they point at the doubtful rows?</h{h}><table><tr><th>type</th>")
        parts.append("<th>flagged among correct</th><th>among disagreeing</th><th>among false positives</th></tr>")
        for t, groups in flags:
            parts.append(f"<tr><td>{_e(t)}</td>" + "".join(f"<td class=num>{share(f, n)}</td>" for f, n in groups))
        parts.append("</table>")
    for doc in data.get("documents", []):
        parts.append(f"<h{h}>{_e(doc['name'])}</h{h}>")
        for key, title in _NOTE_TITLES:
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
    return parts


def to_html(summary: EvalSummary | Mapping[str, Any], baseline: Mapping[str, Any] | None = None) -> str:
    """A single self-contained page; all document text is HTML-escaped. A run: the overview,
    per split (test first) the headline with targets and baseline deltas and a link to the
    split's page. One split: its headline, every metric, the documents, flag shares, then each
    document's misses, false positives and disagreements with their source sentences."""
    data = to_json(summary)
    parts_by_split = split_summaries(data)
    bases = as_baselines(baseline)
    title = data.get("run", {}).get("label") or f"{len(data.get('documents', []))} document(s)"
    parts = [
        "<!DOCTYPE html><html lang=vi><head><meta charset=utf-8><title>llmx eval</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>llmx eval: {_e(title)}</h1>",
    ]
    if "splits" not in data:
        name = next(iter(parts_by_split))
        if name != "all":
            parts[-1] = f"<h1>llmx eval: {_e(title)}, {_e(split_title(name, data))}</h1>"
        if name in SPLIT_NOTES:
            parts.append(f"<p class=note>{_e(SPLIT_NOTES[name])}</p>")
        parts += _split(data, bases.get(name), 2)
    else:
        parts.append(
            "<p class=note>Targets are issue 10's, to be met on the held-apart test split; "
            "CI fails on regressions against each split's baseline only.</p>"
        )
        for name, part in parts_by_split.items():
            parts.append(f"<h2 id=split-{_e(name)}>{_e(split_title(name, part))}</h2>")
            if name in SPLIT_NOTES:
                parts.append(f"<p class=note>{_e(SPLIT_NOTES[name])}</p>")
            parts += _headline(part, bases.get(name))
            page = f"{title}-{name}.html"
            parts.append(f"<p>Details: <a href='{_e(page)}'>{_e(page)}</a></p>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
