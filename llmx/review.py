"""Review pages: the report text with every extracted item highlighted and linked to its row.

One self-contained HTML file per report (inline CSS and JS, no network): metadata and problems
on top, filters by item type, sector and "flagged only" (items carrying SPEC 1.1 `flags`), the
normalized text with highlights, and a table of items with their flags; a highlight selects its
row and a row its highlight (`#i3` / `#row-i3`). Items may overlap or nest (a figure inside a
task sentence), so the text is cut at every item boundary and each piece is one `<mark>` listing
every item covering it, innermost first; a click selects the innermost item still shown by the
filters. One node per piece keeps a 200-page report usable.

Every piece of report text and every field value is HTML-escaped: a report containing
`<script>` shows it as text. No data is embedded as JSON: the script reads `data-` attributes.
"""

from __future__ import annotations

import html
import itertools
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from llmx.contract import Comparison, Indicator, Limitation, Proposal, Reference, ReportDocument, Section, Task
from llmx.errors import InputError
from llmx.output import item_counts, load_report, write_atomic
from llmx.review_assets import CSS, JS, KINDS

_Extracted = Indicator | Task | Limitation | Reference | Proposal


@dataclass(frozen=True)
class _Item:
    id: str
    kind: str
    sector: str  # "" when none; references and headings take their section's
    start: int
    end: int
    section_id: str | None
    detail: str  # already escaped HTML
    quote: str
    in_text: bool  # the span lies inside the text and is not empty: it gets a highlight
    matches: bool = True  # text[start:end] is the item's quote (false: offsets drifted)
    flags: tuple[str, ...] = ()  # SPEC 1.1 reasons to doubt the item


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _num(x: float) -> str:
    return f"{x:,.12g}".replace(",", " ")


def _comparison(c: Comparison) -> str:
    parts = []
    if c.pct is not None:
        parts.append(f"{c.pct:+g}%" if c.relation == "change" else f"{c.pct:g}%")
    if c.amount is not None:
        parts.append(f"{c.amount:+g} {c.amount_unit or ''}".strip())
    return f"{c.basis_text or c.basis} [{c.basis}, {c.relation}] {' '.join(parts)}".strip()


def _indicator_detail(i: Indicator) -> str:
    value = "—" if i.value is None else _num(i.value)
    flags = [
        f"target {_num(i.target)}" if i.target is not None else "",
        "estimated" if i.estimated else "",
        f"approx: {i.approx}" if i.approx else "",
        f"as of {i.as_of}" if i.as_of else "",
    ]
    lines = [f"<b>{_e(i.name)}</b>", f"= {_e(value)} {_e(i.unit or '')}".rstrip()]
    if any(flags):
        lines.append(_e(" · ".join(f for f in flags if f)))
    lines += [f"vs {_e(_comparison(c))}" for c in i.comparisons]
    if i.table_id is not None:
        lines.append(f'<span class="via">table {_e(i.table_id)}, row {_e(i.table_row)}</span>')
    return "<br>".join(lines)


def _items(doc: ReportDocument) -> list[_Item]:
    """Every item of the report, headings first; `in_text` says whether it can be highlighted."""
    text = doc.text
    sections = {s.id: s for s in doc.sections}

    def sector_of(section_id: str | None) -> str:
        s = sections.get(section_id or "")
        return (s.sector or "") if s else ""

    items: list[_Item] = []
    for s in doc.sections:
        if s.heading_start is None or s.heading_end is None:
            continue  # a section with no heading line (preamble) has nothing to highlight or list
        detail = _e(f"level {s.level} · role {s.role}")
        items.append(
            _Item(
                f"h-{s.id}",
                "heading",
                s.sector or "",
                s.heading_start,
                s.heading_end,
                s.id,
                detail,
                s.heading,
                _inside(s.heading_start, s.heading_end, text),
            )
        )
    items += [_grounded(i, "indicator", i.sector, _indicator_detail(i), i.quote, text) for i in doc.indicators]
    items += [_grounded(t, "task", t.sector, "", t.text, text) for t in doc.tasks]
    items += [_grounded(x, "limitation", x.sector, _e(x.kind), x.text, text) for x in doc.limitations]
    items += [
        _grounded(r, "reference", sector_of(r.section_id), _reference_detail(r), r.quote, text) for r in doc.references
    ]
    items += [
        _grounded(p, "proposal", p.sector, f"to: {_e(p.addressee)}" if p.addressee else "", p.text, text)
        for p in doc.proposals
    ]
    return items


def _inside(start: int, end: int, text: str) -> bool:
    """The span lies inside the text and is not empty: it can be highlighted."""
    return 0 <= start < end <= len(text)


def _grounded(x: _Extracted, kind: str, sector: str, detail: str, quote: str, text: str) -> _Item:
    """An extracted item of any kind; `matches` says whether the text at its offsets is its quote."""
    return _Item(
        x.id,
        kind,
        sector,
        x.start,
        x.end,
        x.section_id,
        detail,
        quote,
        _inside(x.start, x.end, text),
        text[x.start : x.end] == quote,
        tuple(x.flags),
    )


def _reference_detail(r: Reference) -> str:
    return "<br>".join(
        f"{label}: {_e(v)}"
        for label, v in (("type", r.doc_type), ("number", r.number), ("date", r.date), ("issuer", r.issuer))
        if v
    )


_SPECIFIC = ("indicator", "reference", "limitation", "proposal", "task", "heading")


def _depth(it: _Item) -> tuple[int, int]:
    """Innermost first: the shorter span, then the more specific kind."""
    return (it.end - it.start, _SPECIFIC.index(it.kind))


def _text_pane(text: str, items: list[_Item], rows: dict[int, tuple[int, str]] | None = None) -> str:
    """The text cut at every item boundary; each covered piece one <mark> naming its items.

    Table rows (`rows`: start -> (end, label)) are outlined: each row line is one span, and no
    piece crosses a row boundary, so the marks nest inside it."""
    rows = rows or {}
    spans = [it for it in items if it.in_text]
    cuts = sorted(
        {0, len(text), *(it.start for it in spans), *(it.end for it in spans), *rows, *(e for e, _ in rows.values())}
    )
    row_end = -1
    starts: dict[int, list[_Item]] = {}
    for it in spans:
        starts.setdefault(it.start, []).append(it)
    active: list[_Item] = []
    out: list[str] = []
    for a, b in itertools.pairwise(cuts):
        if a == row_end:
            out.append("</span>")
        if a in rows:
            row_end, label = rows[a]
            out.append(f'<span class="trow" title="{_e(label)}">')
        active = [it for it in active if it.end > a]
        for it in starts.get(a, []):
            active.append(it)
            out.append(f'<a class="anchor" id="{_e(it.id)}"></a>')
        piece = _e(text[a:b])
        if not active:
            out.append(piece)
            continue
        cover = sorted(active, key=_depth)
        cls = f"k-{cover[0].kind}" + (f" n-{cover[-1].kind}" if len(cover) > 1 else "")
        out.append(
            f'<mark class="{cls}" data-ids="{_e(" ".join(it.id for it in cover))}" '
            f'data-kinds="{" ".join(it.kind for it in cover)}" '
            f'data-sectors="{_e(" ".join(it.sector or "-" for it in cover))}" '
            f'data-flagged="{" ".join("1" if it.flags else "0" for it in cover)}">{piece}</mark>'
        )
    if row_end == len(text):
        out.append("</span>")
    return "".join(out)


def _section_label(sections: dict[str, Section], section_id: str | None) -> str:
    s = sections.get(section_id or "")
    if s is None:
        return ""
    return f"{s.number}. {s.heading}" if s.number else s.heading


def _table(doc: ReportDocument, items: list[_Item]) -> str:
    sections = {s.id: s for s in doc.sections}
    rows = []
    for it in sorted(items, key=lambda it: (it.start, -it.end, KINDS.index(it.kind))):
        if it.in_text:
            link = f'<a href="#{_e(it.id)}" class="to-text">{_e(it.id)}</a>'
            if not it.matches:
                link += ' <span class="warn" title="text[start:end] differs from the quote">offsets drifted</span>'
        else:
            link = f'{_e(it.id)} <span class="warn" title="span outside the text or empty">not in text</span>'
        sector = _e(it.sector)
        if it.kind == "reference" and it.sector:
            sector = f'<span class="via" title="the section\'s sector">{sector}</span>'
        flags = "".join(f'<span class="flag">{_e(f)}</span>' for f in it.flags)
        rows.append(
            f'<tr id="row-{_e(it.id)}" data-kind="{it.kind}" data-sector="{_e(it.sector or "-")}" '
            f'data-flagged="{1 if it.flags else 0}">'
            f'<td>{link}<br><small title="start–end in the text">{it.start}–{it.end}</small></td>'
            f'<td><span class="k-{it.kind}">{it.kind}</span></td><td class="sector">{sector}</td>'
            f'<td class="sec">{_e(_section_label(sections, it.section_id))}</td><td class="det">{it.detail}</td>'
            f'<td class="flags">{flags}</td><td class="quote">{_e(it.quote)}</td></tr>'
        )
    head = (
        "<tr><th>id</th><th>type</th><th>sector</th><th>section</th><th>details</th><th>flags</th><th>quote</th></tr>"
    )
    return f'<table id="items"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def _metadata(doc: ReportDocument) -> str:
    m, ex = doc.metadata, doc.extractor
    usage = ex.usage
    pairs = [
        (
            "source",
            f"{doc.source.path} ({doc.source.format}, {doc.source.chars:,} chars, sha256 {doc.source.sha256[:12]})",
        ),
        ("title", m.title),
        ("number", " ".join(x for x in (m.doc_number, m.doc_symbol) if x)),
        ("issuer", m.issuer),
        ("addressees", "; ".join(m.addressees)),
        (
            "date",
            " · ".join(
                x
                for x in (
                    m.issue_date,
                    f"{m.issue_place}" if m.issue_place else "",
                    f"posted {m.post_date}" if m.post_date else "",
                )
                if x
            ),
        ),
        ("period", m.period.label if m.period else None),
        ("next period", m.next_period.label if m.next_period else None),
        ("signer", " · ".join(x for x in (m.signer.name, m.signer.title) if x) if m.signer else None),
        ("backend", f"{ex.backend} (llmx {ex.llmx_version})"),
        ("model", ex.model),
        ("prompt", ex.prompt),
        (
            "usage",
            f"{usage.requests} requests, {usage.prompt_tokens:,} prompt + {usage.completion_tokens:,} completion tokens"
            if usage and usage.requests
            else None,
        ),
        (
            "items",
            item_counts(doc, ("sections", "indicators", "tasks", "limitations", "references", "proposals", "tables")),
        ),
        ("cross-check", _verify_line(doc)),
    ]
    rows = "".join(f"<tr><th>{_e(k)}</th><td>{_e(v)}</td></tr>" for k, v in pairs if v)
    headed = {s.id for s in doc.sections if s.heading_start is not None and s.heading_end is not None}
    problems = "".join(
        f"<li><b>{_e(p.stage)}</b> "
        + (
            f'<a href="#h-{_e(p.section_id)}" class="to-text">{_e(p.section_id)}</a> '
            if p.section_id in headed
            else f"{_e(p.section_id or '')} "
        )
        + f"{_e(p.message)}</li>"
        for p in doc.problems
    )
    block = (
        f'<details id="problems" open><summary>{len(doc.problems)} problems</summary><ul>{problems}</ul></details>'
        if doc.problems
        else '<p id="problems">no problems</p>'
    )
    return f'<table class="meta">{rows}</table>{block}'


def _verify_line(doc: ReportDocument) -> str | None:
    """`--verify rules` counts, per item type that had any."""
    v = doc.extractor.verify
    if v is None:
        return None
    parts = [
        f"{t}: {c.agree} agree, {c.disagree} disagree, {c.not_in_rules} not in {v.against}"
        for t, c in v.counts.items()
        if c.checked
    ]
    return f"against {v.against}: " + ("; ".join(parts) or "nothing to compare")


def _controls(items: list[_Item]) -> str:
    counts = {k: sum(1 for it in items if it.kind == k) for k in KINDS}
    flagged = sum(1 for it in items if it.flags)
    boxes = "".join(
        f'<label class="legend k-{k}"><input type="checkbox" class="kind" value="{k}" checked> '
        f"{k} ({counts[k]})</label>"
        for k in KINDS
    )
    sectors = sorted({it.sector for it in items if it.sector})
    options = '<option value="">all sectors</option>' + "".join(
        f'<option value="{_e(s)}">{_e(s)}</option>' for s in sectors
    )
    return (
        f'<div id="controls">{boxes} <label class="flagged"><input type="checkbox" id="flagged"> '
        f"flagged only ({flagged})</label> "
        f'<select id="sector">{options}</select> <span id="shown"></span>'
        '<span class="hint">click a highlight for its row, an id for its text; '
        "<u>underlined</u>: inside another item</span></div>"
    )


def _table_rows(doc: ReportDocument) -> dict[int, tuple[int, str]]:
    """Every table row inside the text: start -> (end, `tb1 row 3`)."""
    n = len(doc.text)
    return {
        r.start: (r.end, f"table {t.id} row {k}")
        for t in doc.tables
        for k, r in enumerate(t.row_spans)
        if 0 <= r.start < r.end <= n
    }


def render_review(doc: ReportDocument) -> str:
    """The self-contained review page of one report."""
    items = _items(doc)
    title = doc.metadata.title or Path(doc.source.path).name
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>llmx review: {_e(title)}</title><style>{CSS}</style></head><body>"
        f"<header><h1>{_e(title)}</h1>{_metadata(doc)}</header>{_controls(items)}"
        # a newline right after <pre> is dropped by HTML parsers: the extra one keeps a leading newline
        f'<main><pre class="text">\n{_text_pane(doc.text, items, _table_rows(doc))}</pre>'
        f'<div class="panel">{_table(doc, items)}</div></main>'
        f"<script>{JS}</script></body></html>\n"
    )


def write_review(report_path: Path, out_path: Path) -> Path:
    """The page of one report at `out_path` (or `out_path/<stem>.html` if that is a folder)."""
    doc = load_report(report_path)
    if out_path.is_dir():
        out_path = out_path / f"{unicodedata.normalize('NFC', Path(report_path).stem)}.html"
    write_atomic(out_path, render_review(doc))
    return out_path


@dataclass
class ReviewRun:
    index: Path
    pages: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one line per report that is not a report


def _relative_link(name: str) -> str:
    """A link to a file beside the index, whatever it is called: `./` and percent-encoding keep a
    name like `javascript:alert(1).html` a relative file link instead of a URL scheme."""
    return "./" + quote(name, safe="")


def write_run_review_checked(report_paths: Iterable[Path], out_dir: Path) -> ReviewRun:
    """One page per report plus an index.html; a bad file is listed in the index and in `problems`."""
    run = ReviewRun(index=out_dir / "index.html")
    rows: list[str] = []
    used: set[str] = set()
    for path in report_paths:
        try:
            doc = load_report(path)
        except InputError as exc:
            run.problems.append(str(exc))
            rows.append(f'<tr class="bad"><td colspan="10">{_e(exc)}</td></tr>')
            continue
        base = unicodedata.normalize("NFC", Path(path).stem)  # a macOS (NFD) name keeps its accents readable
        stem, k = base, 1
        while f"{stem}.html".lower() in used or stem.lower() == "index":  # two reports may share a name
            k += 1
            stem = f"{base}-{k}"
        used.add(f"{stem}.html".lower())
        page = out_dir / f"{stem}.html"
        write_atomic(page, render_review(doc))
        run.pages.append(page)
        counts = (
            len(doc.sections),
            len(doc.indicators),
            len(doc.tasks),
            len(doc.limitations),
            len(doc.references),
            len(doc.proposals),
        )
        title = doc.metadata.title or Path(doc.source.path).name
        rows.append(
            f'<tr><td><a href="{_e(_relative_link(page.name))}">{_e(title)}</a></td>'
            f"<td>{_e(doc.source.path)}<br><small>{_e(path)}</small></td>"
            + "".join(f"<td>{n}</td>" for n in counts)
            + f"<td>{len(doc.problems)}</td><td>{_e(doc.extractor.backend)} {_e(doc.extractor.model or '')}</td></tr>"
        )
    head = (
        "<tr><th>report</th><th>source / report file</th><th>sections</th><th>indicators</th><th>tasks</th>"
        "<th>limitations</th><th>references</th><th>proposals</th><th>problems</th><th>backend</th></tr>"
    )
    skipped = f", {len(run.problems)} unreadable" if run.problems else ""
    write_atomic(
        run.index,
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>llmx review</title>'
        f"<style>{CSS}tr.bad td{{color:#b71c1c}}</style></head><body><header><h1>llmx review: "
        f"{len(run.pages)} reports{skipped}</h1></header>"
        f'<main style="display:block"><table id="items"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'
        "</main></body></html>\n",
    )
    return run


def write_run_review(report_paths: Iterable[Path], out_dir: Path) -> Path:
    """One page per report plus an index.html listing them; returns the index path."""
    return write_run_review_checked(report_paths, out_dir).index
