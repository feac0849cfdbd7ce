"""The offline rules backend: the embedded default and the baseline every LLM run is measured against.

Runs every rule extractor over each section's own text, so items get the innermost section and
headings never leak into figures. Task sections are not searched for indicators: the figures
there are next-period targets, which SPEC gives to the tasks that state them. Table rows are read
by `rules/tables.py` (one indicator per measured quantity, the row line as its quote), so the
sentence rules skip the tables and never count a row twice. Pure.
"""

from __future__ import annotations

from llmx import __version__
from llmx.assemble import Extraction
from llmx.contract import Extractor
from llmx.rules.indicators import find_indicators
from llmx.rules.metadata import extract_metadata
from llmx.rules.references import find_references
from llmx.rules.statements import find_limitations, find_tasks
from llmx.rules.tables import find_table_indicators, table_row_spans
from llmx.sections import Layout


def _outside_tables(start: int, end: int, tables: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of text[start:end] that are not table rows (tables are read by rules/tables.py)."""
    parts, pos = [], start
    for t_start, t_end in tables:
        if t_end <= pos or t_start >= end:
            continue
        if t_start > pos:
            parts.append((pos, t_start))
        pos = max(pos, t_end)
    if pos < end:
        parts.append((pos, end))
    return parts


def extract(text: str, layout: Layout) -> Extraction:
    """Everything the rules can find in one normalized document."""
    extraction = Extraction(metadata=extract_metadata(text, layout.sections))
    tables = table_row_spans(layout)
    for section, start, end in layout.own_spans():
        if section is None or section.role != "tasks":
            for s, e in _outside_tables(start, end, tables):  # a table row is read once, as a row
                extraction.indicators.extend(find_indicators(text, s, e, sector=section.sector if section else None))
        extraction.references.extend(find_references(text, start, end))
    for start, end in layout.footnotes:  # footnote bodies after the signature carry data too
        if start >= layout.body_end:
            extraction.indicators.extend(find_indicators(text, start, end))
            extraction.references.extend(find_references(text, start, end))
    extraction.indicators.extend(find_table_indicators(text, layout))
    extraction.tasks = find_tasks(text, layout)
    extraction.limitations = find_limitations(text, layout)
    return extraction


def run_rules(text: str, layout: Layout) -> tuple[Extraction, Extractor]:
    """The rules backend as the pipeline calls it: the extraction and who made it."""
    return extract(text, layout), Extractor(backend="rules", llmx_version=__version__, metadata_source="rules")
