"""One report through the whole flow: read -> normalize -> split -> extract -> ground and assemble.

Orchestration only. Each backend returns its own extraction and extractor: the rules backend is
pure and always available; the LLM backend is imported only when chosen, so a fresh machine with
no key never touches the model client.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from llmx.assemble import Extraction, assemble
from llmx.config import Settings
from llmx.contract import Extractor, ReportDocument, Source
from llmx.normalize import Normalized, normalize
from llmx.read import Limits, RawDocument, read_document
from llmx.sections import Layout, split_sections

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
    """Extract one report with the backend the settings choose."""
    prepared = prepare(path, settings)
    extraction, extractor = run_backend(prepared, settings, client=client, on_section=on_section)
    return prepared.finish(extraction, extractor)


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
    from llmx.llm.endpoint import for_endpoint
    from llmx.llm.runner import run_plan

    if plan is None:  # planned here: for the served model's context and tokenizer, when it says them
        settings = for_endpoint(settings)
    run = run_plan(plan or plan_llm(prepared, settings), settings, client, on_section=on_section)
    return run.extraction, run.extractor
