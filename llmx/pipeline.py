"""One report through the whole flow: read -> normalize -> split -> extract -> ground and assemble.

Orchestration only. Each backend returns its own extraction and extractor: the rules backend is
pure and always available; the LLM backend is imported only when chosen, so a fresh machine with
no key never touches the model client.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from llmx.assemble import Extraction, assemble
from llmx.config import Settings
from llmx.contract import Extractor, ReportDocument, Source
from llmx.normalize import Normalized, normalize
from llmx.read import Limits, RawDocument, read_document
from llmx.sections import Layout, split_sections
from llmx.source_map import SourceMap

if TYPE_CHECKING:
    from llmx.llm.plan import DocumentPlan
    from llmx.llm.seam import StructuredClient

OnSection = Callable[[int, int], None]  # (jobs done, jobs in all), after each job


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
        return assemble(
            source=self.source,
            norm=self.norm,
            layout=self.layout,
            extraction=extraction,
            extractor=extractor,
            read_problems=self.raw.problems,
        )


def prepare(path: str | Path, settings: Settings | None = None) -> Prepared:
    """Read, normalize and split one report (raises InputError naming the file); the settings
    carry the reader's size limits."""
    raw = read_document(path, Limits(max_file_mb=settings.max_file_mb) if settings else None)
    norm = normalize(raw.text, raw.tables)
    layout = split_sections(norm.text, norm.tables)
    source = Source(path=str(path), sha256=raw.sha256, format=raw.format, chars=len(norm.text))
    return Prepared(raw, norm, layout, source)


def plan_llm(prepared: Prepared, settings: Settings) -> DocumentPlan:
    """The document's LLM plan (every request it will make), shared by extract, run and --batch."""
    from llmx.llm.plan import plan_document

    return plan_document(prepared.text, prepared.layout, settings)


def extract_document(
    path: str | Path,
    settings: Settings,
    *,
    client: StructuredClient | None = None,
    on_section: OnSection | None = None,
) -> ReportDocument:
    """Extract one report with the backend the settings choose (cross-checked when they say so)."""
    prepared = prepare(path, settings)
    extraction, extractor = run_backend(prepared, settings, client=client, on_section=on_section)
    return verified(prepared, prepared.finish(extraction, extractor), settings)


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
) -> tuple[Extraction, Extractor]:
    """Run the chosen backend over an already split document (a given plan is used as is)."""
    if settings.effective_backend == "rules":
        from llmx.rules.backend import run_rules

        return run_rules(prepared.text, prepared.layout, prepared.raw.title)
    if client is None:  # the settings are checked before anything is planned
        from llmx.llm.client import ModelClient

        with ModelClient(settings) as own:
            return run_backend(prepared, settings, client=own, plan=plan, on_section=on_section)
    from llmx.llm.runner import run_plan

    run = run_plan(plan or plan_llm(prepared, settings), settings, client, on_section=on_section)
    return run.extraction, run.extractor
