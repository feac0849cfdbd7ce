"""Review pages: the report text with every extracted item highlighted and linked to its row.

One self-contained HTML file per report (inline CSS and JS, no network): metadata and problems
on top, filters by item type and sector, the normalized text with highlights, and a table of
items; a highlight links to its row and a row back to its highlight. Items may overlap or nest
(a figure inside a task sentence), so the text is cut at every item boundary and each piece is
one `<mark>` listing every item covering it; clicking selects the innermost.

Every piece of report text and every field value is HTML-escaped: a report containing
`<script>` shows it as text. Pure rendering, plus `write_run_review` for a run folder.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from llmx.contract import ReportDocument, Section
from llmx.output import write_atomic

KINDS = ("heading", "indicator", "task", "limitation", "reference")
COLOURS = {
    "heading": "#d9d2e9",
    "indicator": "#ffe08a",
    "task": "#c6e9c6",
    "limitation": "#f8c4c4",
    "reference": "#bcd7f5",
}


@dataclass(frozen=True)
class _Item:
    id: str
    kind: str
    sector: str
    start: int
    end: int
    section_id: str | None
    detail: str
    quote: str


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _items(doc: ReportDocument) -> list[_Item]:
    items: list[_Item] = []
    for s in doc.sections:
        if s.heading_start is not None and s.heading_end is not None and s.heading_end > s.heading_start:
            label = f"{s.number}. " if s.number else ""
            items.append(_Item(f"h-{s.id}", "heading", s.sector or "", s.heading_start, s.heading_end, s.id,
                               f"{label}level {s.level}, role {s.role}", doc.text[s.heading_start : s.heading_end]))
    for i in doc.indicators:
        comparisons = "; ".join(
            f"{c.basis_text} {c.relation} {c.pct if c.pct is not None else ''}{'%' if c.pct is not None else ''}"
            for c in i.comparisons
        )
        detail = " ".join(
            x for x in (
                i.name, "=", f"{i.value:g}" if i.value is not None else "—", i.unit or "",
                f"(target {i.target:g})" if i.target is not None else "",
                "[ước]" if i.estimated else "", f"[{i.approx}]" if i.approx else "",
                f"as of {i.as_of}" if i.as_of else "", f"| {comparisons}" if comparisons else "",
            ) if x
        )
        items.append(_Item(i.id, "indicator", i.sector, i.start, i.end, i.section_id, detail, i.quote))
    for t in doc.tasks:
        items.append(_Item(t.id, "task", t.sector, t.start, t.end, t.section_id, "", t.text))
    for x in doc.limitations:
        items.append(_Item(x.id, "limitation", x.sector, x.start, x.end, x.section_id, x.kind, x.text))
    for r in doc.references:
        detail = " ".join(v for v in (r.doc_type, r.number or "", r.date or "", r.issuer or "") if v)
        items.append(_Item(r.id, "reference", "", r.start, r.end, r.section_id, detail, r.quote))
    return [it for it in items if 0 <= it.start < it.end <= len(doc.text)]


def _text_pane(text: str, items: list[_Item]) -> str:
    """The text cut at every item boundary; each covered piece a <mark> naming its items."""
    cuts = sorted({0, len(text), *(it.start for it in items), *(it.end for it in items)})
    starts: dict[int, list[_Item]] = {}
    for it in items:
        starts.setdefault(it.start, []).append(it)
    active: list[_Item] = []
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [it for it in active if it.end > a]
        for it in starts.get(a, []):
            active.append(it)
            out.append(f'<a class="anchor" id="{_e(it.id)}"></a>')
        piece = _e(text[a:b])
        if not active:
            out.append(piece)
            continue
        inner = min(active, key=lambda it: (it.end - it.start, KINDS.index(it.kind)))
        ids = " ".join(it.id for it in active)
        kinds = " ".join(it.kind for it in active)
        sectors = " ".join(it.sector or "-" for it in active)
        out.append(
            f'<mark class="k-{inner.kind}" data-ids="{_e(ids)}" data-kinds="{kinds}" data-sectors="{_e(sectors)}" '
            f'data-inner="{_e(inner.id)}">{piece}</mark>'
        )
    return "".join(out)


def _section_label(sections: dict[str, Section], section_id: str | None) -> str:
    s = sections.get(section_id or "")
    if s is None:
        return ""
    return f"{s.number}. {s.heading}" if s.number else s.heading


def _table(doc: ReportDocument, items: list[_Item]) -> str:
    sections = {s.id: s for s in doc.sections}
    rows = []
    for it in sorted(items, key=lambda it: (it.start, it.end)):
        rows.append(
            f'<tr id="row-{_e(it.id)}" data-kind="{it.kind}" data-sector="{_e(it.sector or "-")}">'
            f'<td><a href="#{_e(it.id)}" class="to-text">{_e(it.id)}</a></td><td>{it.kind}</td>'
            f"<td>{_e(it.sector)}</td><td>{_e(_section_label(sections, it.section_id))}</td>"
            f"<td>{_e(it.detail)}</td><td class=\"quote\">{_e(it.quote)}</td><td>{it.start}–{it.end}</td></tr>"
        )
    head = "<tr><th>id</th><th>type</th><th>sector</th><th>section</th><th>details</th><th>quote</th><th>span</th></tr>"
    return f'<table id="items"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _metadata(doc: ReportDocument) -> str:
    m, ex = doc.metadata, doc.extractor
    usage = ex.usage
    pairs = [
        ("source", f"{doc.source.path} ({doc.source.format}, {doc.source.chars:,} chars)"),
        ("title", m.title), ("symbol", m.doc_symbol), ("issuer", m.issuer), ("date", m.issue_date),
        ("period", m.period.label if m.period else None), ("signer", m.signer.name if m.signer else None),
        ("extracted by", " · ".join(x for x in (ex.backend, ex.model or "", ex.prompt or "") if x)),
        ("usage", f"{usage.requests} requests, {usage.prompt_tokens:,}+{usage.completion_tokens:,} tokens"
         if usage and usage.requests else None),
    ]
    rows = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in pairs if v)
    problems = "".join(f"<li><b>{_e(p.stage)}</b> {_e(p.section_id or '')} {_e(p.message)}</li>" for p in doc.problems)
    block = f'<details open><summary>{len(doc.problems)} problems</summary><ul>{problems}</ul></details>' if problems else ""
    return f'<table class="meta">{rows}</table>{block}'


def _controls(items: list[_Item]) -> str:
    counts = {k: sum(1 for it in items if it.kind == k) for k in KINDS}
    boxes = "".join(
        f'<label style="background:{COLOURS[k]}"><input type="checkbox" class="kind" value="{k}" checked> '
        f"{k} ({counts[k]})</label>"
        for k in KINDS
    )
    sectors = sorted({it.sector for it in items if it.sector})
    options = '<option value="">all sectors</option>' + "".join(f'<option value="{_e(s)}">{_e(s)}</option>' for s in sectors)
    return f'<div id="controls">{boxes} <select id="sector">{options}</select></div>'


_CSS = """
body{font-family:system-ui,sans-serif;margin:0;color:#222}
header{padding:.6em 1em;background:#f4f4f4;border-bottom:1px solid #ddd}
h1{font-size:1.15em;margin:.2em 0}
table.meta th{text-align:left;padding-right:1em;font-weight:600}
#controls{position:sticky;top:0;background:#fff;padding:.5em 1em;border-bottom:1px solid #ddd;z-index:2}
#controls label{padding:.15em .5em;margin-right:.3em;border-radius:3px;cursor:pointer}
main{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1em;padding:0 1em}
pre.text{white-space:pre-wrap;font:14px/1.5 ui-monospace,monospace;max-height:85vh;overflow:auto}
.panel{max-height:85vh;overflow:auto}
mark{cursor:pointer;border-radius:2px;padding:0}
mark.off{background:none}
""" + "".join(f"mark.k-{k}{{background:{c}}}" for k, c in COLOURS.items()) + """
mark.flash,tr.flash{outline:2px solid #e67e22}
#items{border-collapse:collapse;font-size:13px}
#items td,#items th{border-bottom:1px solid #eee;padding:.25em .4em;vertical-align:top;text-align:left}
#items tr.hidden{display:none}
td.quote{max-width:28em}
"""

_JS = """
(function(){
  var marks = Array.prototype.slice.call(document.querySelectorAll('pre.text mark'));
  var rows = Array.prototype.slice.call(document.querySelectorAll('#items tbody tr'));
  function shown(kind, sector, kinds, sec){
    return kinds.indexOf(kind) >= 0 && (!sec || sector === sec);
  }
  function apply(){
    var kinds = Array.prototype.slice.call(document.querySelectorAll('input.kind:checked')).map(function(b){return b.value;});
    var sec = document.getElementById('sector').value;
    rows.forEach(function(r){
      r.classList.toggle('hidden', !shown(r.dataset.kind, r.dataset.sector, kinds, sec));
    });
    marks.forEach(function(m){
      var ks = m.dataset.kinds.split(' '), ss = m.dataset.sectors.split(' '), on = false;
      for (var i = 0; i < ks.length; i++) { if (shown(ks[i], ss[i], kinds, sec)) { on = true; break; } }
      m.classList.toggle('off', !on);
    });
  }
  function flash(el){ if(!el) return; el.scrollIntoView({block:'center'}); el.classList.add('flash');
    setTimeout(function(){ el.classList.remove('flash'); }, 1200); }
  marks.forEach(function(m){ m.addEventListener('click', function(){
    flash(document.getElementById('row-' + m.dataset.inner)); }); });
  document.querySelectorAll('a.to-text').forEach(function(a){ a.addEventListener('click', function(ev){
    ev.preventDefault(); var id = a.getAttribute('href').slice(1);
    var first = document.querySelector('pre.text mark[data-ids~="' + CSS.escape(id) + '"]');
    flash(first); }); });
  document.querySelectorAll('input.kind, #sector').forEach(function(c){ c.addEventListener('change', apply); });
  apply();
  document.body.setAttribute('data-ready', '1');
})();
"""


def render_review(doc: ReportDocument) -> str:
    """The self-contained review page of one report."""
    items = _items(doc)
    title = doc.metadata.title or Path(doc.source.path).name
    return (
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
        f"<title>llmx review: {_e(title)}</title><style>{_CSS}</style></head><body>"
        f"<header><h1>{_e(title)}</h1>{_metadata(doc)}</header>{_controls(items)}"
        f'<main><pre class="text">{_text_pane(doc.text, items)}</pre>'
        f'<div class="panel">{_table(doc, items)}</div></main>'
        f"<script>{_JS}</script></body></html>\n"
    )


def write_review(report_path: Path, out_path: Path) -> Path:
    doc = ReportDocument.model_validate_json(Path(report_path).read_bytes())
    write_atomic(out_path, render_review(doc))
    return out_path


def write_run_review(report_paths: Iterable[Path], out_dir: Path) -> Path:
    """One page per report plus an index.html listing them; returns the index path."""
    rows = []
    for path in report_paths:
        try:
            doc = ReportDocument.model_validate_json(Path(path).read_bytes())
        except (OSError, ValueError) as exc:
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            rows.append(f"<tr><td colspan=7>{_e(path)}: not a llmx report JSON ({_e(first)})</td></tr>")
            continue
        page = out_dir / f"{Path(path).stem}.html"
        write_atomic(page, render_review(doc))
        rows.append(
            f'<tr><td><a href="{_e(page.name)}">{_e(doc.metadata.title or Path(doc.source.path).name)}</a></td>'
            f"<td>{_e(doc.source.path)}</td><td>{len(doc.indicators)}</td><td>{len(doc.tasks)}</td>"
            f"<td>{len(doc.limitations)}</td><td>{len(doc.references)}</td><td>{len(doc.problems)}</td></tr>"
        )
    head = "<tr><th>report</th><th>source</th><th>indicators</th><th>tasks</th><th>limitations</th><th>references</th><th>problems</th></tr>"
    index = out_dir / "index.html"
    write_atomic(
        index,
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>llmx review</title>"
        f"<style>{_CSS}</style></head><body><header><h1>llmx review: {len(rows)} reports</h1></header>"
        f'<main style="display:block"><table id="items"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'
        "</main></body></html>\n",
    )
    return index
