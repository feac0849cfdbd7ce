"""The offline rules backend: the embedded default and the baseline every LLM run is measured against.

Runs every rule extractor over each section's own text, so items get the innermost section and
headings never leak into figures. Task sections are not searched for indicators: the figures
there are next-period targets, which SPEC gives to the tasks that state them. Pure.
"""

from __future__ import annotations

from llmx import __version__
from llmx.assemble import Extraction
from llmx.contract import Extractor
from llmx.rules.indicators import find_indicators
from llmx.rules.metadata import extract_metadata
from llmx.rules.references import find_references
from llmx.rules.statements import find_limitations, find_tasks
from llmx.sections import Layout


def extract(text: str, layout: Layout) -> Extraction:
    """Everything the rules can find in one normalized document."""
    extraction = Extraction(metadata=extract_metadata(text, layout.sections))
    for section, start, end in layout.own_spans():
        if section is None or section.role != "tasks":
            extraction.indicators.extend(find_indicators(text, start, end, sector=section.sector if section else None))
        extraction.references.extend(find_references(text, start, end))
    for start, end in layout.footnotes:  # footnote bodies after the signature carry data too
        if start >= layout.body_end:
            extraction.indicators.extend(find_indicators(text, start, end))
            extraction.references.extend(find_references(text, start, end))
    extraction.tasks = find_tasks(text, layout)
    extraction.limitations = find_limitations(text, layout)
    return extraction


def run_rules(text: str, layout: Layout) -> tuple[Extraction, Extractor]:
    """The rules backend as the pipeline calls it: the extraction and who made it."""
    return extract(text, layout), Extractor(backend="rules", llmx_version=__version__, metadata_source="rules")
