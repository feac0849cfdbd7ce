"""One report through the whole flow: read -> normalize -> split -> extract -> ground and assemble.

Orchestration only. Each backend returns its own extraction and extractor: the rules backend is
pure and always available; the LLM backend is imported only when chosen, so a fresh machine with
no key never touches the model client.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from llmx.assemble import Extraction, assemble
from llmx.config import Settings
from llmx.contract import Extractor, ReportDocument, Source
from llmx.errors import ConfigError
from llmx.genre import genre_problems
from llmx.normalize import Normalized, normalize
from llmx.read import Limits, RawDocument, read_bytes, read_document
from llmx.sections import Layout, split_sections
from llmx.source_map import SourceMap

if TYPE_CHECKING:
    from llmx.llm.plan import DocumentPlan
    from llmx.llm.seam import StructuredClient

OnSection = Callable[[int, int], None]  # (jobs done, jobs in all), after each job
WEB_FORMATS = frozenset({"txt", "md", "html"})  # may be a saved web page: site chrome, a body copied twice


@dataclass
class Prepared:
    """A report read, normalized and split: everything a backend needs, before any extraction."""

    raw: RawDocument
    norm: Normalized
    layout: Layout
    source: Source

    @property
    def text(self) -> str:
        return self.norm.text

    def slim(self) -> Prepared:
        """This report without what only reading needed (the raw text and its tables, the map
        back to the source): everything `finish` uses, small enough to hand to another process."""
        return replace(
            self,
            raw=replace(self.raw, text="", tables=[]),
            norm=replace(self.norm, source_map=SourceMap.identity(0)),
        )

    def finish(self, extraction: Extraction, extractor: Extractor) -> ReportDocument:
        """The assembled document, with a `genre` problem when it does not look like a periodic
        report (llmx/genre.py: evidence only, no item changed)."""
        doc = assemble(
            source=self.source,
            norm=self.norm,
            layout=self.layout,
            extraction=extraction,
            extractor=extractor,
            read_problems=self.raw.problems,
        )
        return doc.model_copy(update={"problems": [*doc.problems, *genre_problems(doc)]})


def prepare(path: str | Path, settings: Settings | None = None, *, data: bytes | None = None) -> Prepared:
    """Read, normalize and split one report (raises InputError naming the file); the settings
    carry the reader's size limits. `data`: the report's bytes (stdin), `path` then only names it
    (and its extension, if any, says the format; else the content does)."""
    limits = Limits(max_file_mb=settings.max_file_mb) if settings else None
    raw = read_document(path, limits) if data is None else read_bytes(data, str(path), limits=limits)
    norm = normalize(raw.text, raw.tables, web=raw.format in WEB_FORMATS)
    layout = split_sections(norm.text, norm.tables)
    source = Source(path=str(path), sha256=raw.sha256, format=raw.format, chars=len(norm.text))
    return Prepared(raw, norm, layout, source)


def plan_llm(prepared: Prepared, settings: Settings) -> DocumentPlan:
    """The document's LLM plan (every request it will make), shared by extract, run and --batch."""
    from llmx.llm.plan import plan_document

    return plan_document(prepared.text, prepared.layout, settings)


def plan_for_endpoint(
    prepared: Prepared, settings: Settings, sections: set[str] | None = None, *, metadata: bool | None = None
) -> tuple[Settings, DocumentPlan]:
    """The settings tuned to what the endpoint serves (its context and tokenizer, when it says
    them: llmx/llm/endpoint.py) and the document's plan under them, only `sections` if given."""
    from llmx.llm.endpoint import for_endpoint
    from llmx.llm.plan import plan_document

    settings = for_endpoint(settings)
    plan = plan_document(prepared.text, prepared.layout, settings, metadata_llm=metadata)
    return settings, plan.only(sections) if sections is not None else plan


def plan_report(
    path: str | Path,
    settings: Settings,
    *,
    sections: Sequence[str] | None = None,
    metadata: bool | None = None,
    data: bytes | None = None,
) -> DocumentPlan:
    """Every request the LLM backend would send for this report, rendered, nothing sent (`llmx
    prompts render`): the very plan `extract` runs (`metadata=True`: with the metadata request)."""
    prepared = prepare(path, settings, data=data)
    chosen = chosen_sections(prepared, sections) if sections else None
    return plan_for_endpoint(prepared, settings, chosen, metadata=metadata)[1]


def extract_document(
    path: str | Path,
    settings: Settings,
    *,
    client: StructuredClient | None = None,
    on_section: OnSection | None = None,
    sections: Sequence[str] | None = None,
    data: bytes | None = None,
) -> ReportDocument:
    """Extract one report with the backend the settings choose (cross-checked when they say so);
    `sections`: only these sections (and their sub-sections) are extracted and kept (see `only_sections`)."""
    prepared = prepare(path, settings, data=data)
    chosen = chosen_sections(prepared, sections) if sections else None
    extraction, extractor = run_backend(prepared, settings, client=client, on_section=on_section, sections=chosen)
    doc = verified(prepared, prepared.finish(extraction, extractor), settings)
    return only_sections(doc, chosen) if chosen else doc


def chosen_sections(prepared: Prepared, ids: Sequence[str]) -> set[str]:
    """These section ids and every sub-section's; an unknown id is a ConfigError listing the known."""
    known = {s.id: s for s in prepared.layout.sections}
    missing = [i for i in ids if i not in known]
    if missing:
        listed = ", ".join(f"{s.id} ({s.number or s.heading[:30]})" for s in prepared.layout.sections[:40])
        raise ConfigError(
            f"no section {', '.join(missing)} in {prepared.source.path}; its sections: {listed or 'none'}"
        )
    chosen = set(ids)
    for section in prepared.layout.sections:  # parents come before their children
        if section.parent_id in chosen:
            chosen.add(section.id)
    return chosen


def only_sections(doc: ReportDocument, chosen: set[str]) -> ReportDocument:
    """The document with only the items inside these sections (and their problems); the section
    tree, tables and metadata stay whole, so the output reads (and reviews) like a full one."""
    spans = [(s.start, s.end) for s in doc.sections if s.id in chosen]

    def inside(start: int) -> bool:
        return any(a <= start < b for a, b in spans)

    kinds = ("indicators", "tasks", "limitations", "references", "proposals")
    update: dict[str, object] = {k: [i for i in getattr(doc, k) if inside(i.start)] for k in kinds}
    update["problems"] = [p for p in doc.problems if p.section_id is None or p.section_id in chosen]
    return doc.model_copy(update=update)


def verified(prepared: Prepared, doc: ReportDocument, settings: Settings) -> ReportDocument:
    """With `settings.verify == "rules"`, the LLM's document with its items flagged where the
    rules backend, run on the same prepared text, disagrees (llmx/verify.py); else `doc` as is."""
    if settings.verify != "rules" or doc.extractor.backend != "llm":
        return doc
    from llmx.rules.backend import run_rules
    from llmx.verify import cross_check

    return cross_check(doc, prepared.finish(*run_rules(prepared.text, prepared.layout)))


def run_backend(
    prepared: Prepared,
    settings: Settings,
    *,
    client: StructuredClient | None = None,
    plan: DocumentPlan | None = None,
    on_section: OnSection | None = None,
    sections: set[str] | None = None,
) -> tuple[Extraction, Extractor]:
    """Run the chosen backend over an already split document (a given plan is used as is);
    `sections`: the LLM backend asks only the requests carrying them."""
    if settings.effective_backend == "rules":
        from llmx.rules.backend import run_rules

        return run_rules(prepared.text, prepared.layout, prepared.raw.title)
    if client is None:  # the settings are checked before anything is planned
        from llmx.llm.client import ModelClient

        with ModelClient(settings) as own:
            return run_backend(prepared, settings, client=own, plan=plan, on_section=on_section, sections=sections)
    from llmx.llm.runner import run_plan

    if plan is None:
        settings, plan = plan_for_endpoint(prepared, settings, sections)
    run = run_plan(plan, settings, client, on_section=on_section)
    return run.extraction, run.extractor
