"""One report through the whole flow: read -> normalize -> split -> extract -> ground and assemble.

Orchestration only. The rules backend is pure and always available; the LLM backend is imported
only when chosen, so a fresh machine with no key never touches the model client.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from llmx import __version__
from llmx.assemble import Extraction, assemble
from llmx.config import Settings
from llmx.contract import Extractor, ReportDocument, Source
from llmx.normalize import Normalized, normalize
from llmx.read import Limits, RawDocument, read_document
from llmx.sections import Layout, split_sections

if TYPE_CHECKING:
    from collections.abc import Callable


@dataclass
class Prepared:
    """A report read, normalized and split: everything a backend needs, before any extraction."""

    raw: RawDocument
    norm: Normalized
    layout: Layout
    source: Source

    def finish(self, extraction: Extraction, extractor: Extractor) -> ReportDocument:
        return assemble(
            source=self.source,
            norm=self.norm,
            layout=self.layout,
            extraction=extraction,
            extractor=extractor,
            read_problems=self.raw.problems,
        )


def prepare(path: str | Path, limits: Limits | None = None) -> Prepared:
    """Read, normalize and split one report (raises InputError naming the file)."""
    raw = read_document(path, limits)
    norm = normalize(raw.text, raw.tables)
    layout = split_sections(norm.text)
    source = Source(path=str(path), sha256=raw.sha256, format=raw.format, chars=len(norm.text))
    return Prepared(raw, norm, layout, source)


def extract_document(
    path: str | Path,
    settings: Settings,
    *,
    client: Any = None,
    on_section: Callable[[int, int], None] | None = None,
) -> ReportDocument:
    """Extract one report with the backend the settings choose."""
    prepared = prepare(path, Limits(max_file_mb=settings.max_file_mb))
    extraction, extractor = run_backend(
        prepared.norm.text, prepared.layout, settings, client=client, on_section=on_section
    )
    return prepared.finish(extraction, extractor)


def run_backend(
    text: str,
    layout: Layout,
    settings: Settings,
    *,
    client: Any = None,
    on_section: Callable[[int, int], None] | None = None,
) -> tuple[Extraction, Extractor]:
    """Run the chosen backend over an already split document."""
    if settings.effective_backend == "rules":
        from llmx.rules.backend import extract

        extractor = Extractor(backend="rules", llmx_version=__version__, metadata_source="rules")
        return extract(text, layout), extractor
    from llmx.llm import extract_with_llm

    return extract_with_llm(text, layout, settings, client=client, on_section=on_section)
