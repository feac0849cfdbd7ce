"""The offline rules backend: the embedded default and the baseline every LLM run is measured against.

Runs every rule extractor over each section's own text, so items get the innermost section and
headings never leak into figures. Task and proposal sections are not searched for indicators: the
figures there are next-period targets, which SPEC gives to the tasks that state them, or the terms
of what is proposed. Table rows are read
by `rules/tables.py` (one indicator per measured quantity, the row line as its quote), so the
sentence rules skip the tables and never count a row twice; the table reader is imported only
for a document that has tables (start-up: a one-page extract pays for what it reads). Pure.
"""

from __future__ import annotations

import re

from llmx import __version__
from llmx.assemble import Extraction
from llmx.contract import Extractor, Indicator, Metadata, Section, Sector
from llmx.rules.index_sectors import assign_index_sectors
from llmx.rules.indicators import find_indicators
from llmx.rules.metadata import extract_metadata
from llmx.rules.proposals import find_proposals, request_at
from llmx.rules.references import find_references
from llmx.rules.restatements import FigureIndex
from llmx.rules.sentences import forget_units
from llmx.rules.statements import find_limitations, find_tasks
from llmx.sections import Layout
from llmx.sectors import heading_sector

# sections whose figures are not results: next-period targets (SPEC gives them to the tasks that
# state them) and the terms of what is proposed (`thu 01 lần đối với mỏ dưới 50 tỷ đồng`)
_NO_FIGURES = ("tasks", "proposals")
# `Kết luận của đồng chí X - Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh kiểm tra ...`: the
# speaker's Party office says nothing of what the report is about
_SPEAKER_OFFICE = re.compile(
    r"(?<!\w)(?:đồng\s+chí|ông|bà)\s[^,;:()]{2,40}?\s[-–,]\s*(?:(?:Phó\s+)?Bí\s+thư|Ủy\s+viên|Uỷ\s+viên)"
    r"[^,;:()]{0,40}?(?:ủy|uỷ)(?!\w)",
    re.IGNORECASE,
)
_LABEL_CHARS = 160  # a label heading longer than this is a sentence, not a label


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


def extract(text: str, layout: Layout, page_title: str | None = None) -> Extraction:
    """Everything the rules can find in one normalized document (`page_title`: a web page's
    `<h1>`, the headline of a report without a header block)."""
    forget_units()  # the caches of units and requests hold one document's, never an earlier one's
    request_at.cache_clear()
    extraction = Extraction(metadata=extract_metadata(text, layout.sections, page_title=page_title))
    figures = FigureIndex(text)  # one index of the document's figures, for every section
    theme = report_theme(extraction.metadata)
    tables = [(t.table.start, t.table.end) for t in layout.tables]  # the sentence rules leave these alone
    for section, start, end in layout.own_spans():
        if section is None or section.role not in _NO_FIGURES:
            sector = (section.sector if section else None) or theme
            figures_from = _label_start(text, section, start)
            for s, e in _outside_tables(figures_from, end, tables):  # a table row is read once, as a row
                extraction.indicators.extend(find_indicators(text, s, e, sector=sector, figures=figures))
            if section is not None and figures_from == start:
                extraction.indicators.extend(_heading_figures(text, section, sector, figures))
        extraction.references.extend(find_references(text, start, end))
        if section is not None and section.heading_start is not None and section.heading_end is not None:
            # a template heading cites documents too: `7.1. ... theo quy định tại Nghị định số 136/2025/NĐ-CP`
            extraction.references.extend(find_references(text, section.heading_start, section.heading_end))
    for start, end in layout.footnotes:  # footnote bodies after the signature carry data too
        if start >= layout.body_end:
            extraction.indicators.extend(find_indicators(text, start, end, sector=theme, figures=figures))
            extraction.references.extend(find_references(text, start, end))
    if layout.tables:
        from llmx.rules.table_prose import prose_cells
        from llmx.rules.tables import find_table_indicators

        table_rows = find_table_indicators(text, layout)
        assign_index_sectors(text, layout, extraction.metadata, table_rows, theme)
        extraction.indicators.extend(table_rows)
        for placed in layout.tables:  # sentences in a table's text cells (an evidence column) hold figures too
            section = layout.section_at(placed.table.start)
            if section is not None and section.role in _NO_FIGURES:
                continue
            sector = (section.sector if section else None) or theme
            for _, start, end in prose_cells(text, placed):  # assembly names the table and row
                extraction.indicators.extend(find_indicators(text, start, end, sector=sector, figures=figures))
    extraction.tasks = find_tasks(text, layout, extraction.metadata, theme=theme)
    tasks = [(t.start, t.end) for t in extraction.tasks]  # a directive for the next period is a task, not a weakness
    extraction.limitations = [
        lim
        for lim in find_limitations(text, layout, theme=theme)
        if not any(a < lim.end and lim.start < b for a, b in tasks)
    ]
    issuer = extraction.metadata.issuer if extraction.metadata else None
    extraction.proposals = find_proposals(text, layout, theme=theme, issuer=issuer)
    return extraction


def _heading_figures(text: str, section: Section, sector: Sector | None, figures: FigureIndex) -> list[Indicator]:
    """Figures a heading gives in parentheses (`1.2. Chăn nuôi (tổng đàn trâu 1.120 con, đàn bò ...)`,
    `2. Thu ngân sách (đạt 1 tỷ 250 triệu đồng, bằng 52% dự toán)`); its other numbers are names."""
    h_start, h_end = section.heading_start, section.heading_end
    if h_start is None or h_end is None:
        return []
    opening = text.find("(", h_start, h_end)
    if opening == -1 or not any(ch.isdigit() for ch in text[opening:h_end]):
        return []
    return [i for i in find_indicators(text, h_start, h_end, sector=sector, figures=figures) if i.end > opening]


def _label_start(text: str, section: Section | None, start: int) -> int:
    """Where a section's figures are read from: a `b) Label: value` heading line names the figure
    its own text opens with (`b) Số người làm việc tại hội: 24 người`), so it is read with its label."""
    if section is None or section.heading_start is None or not 0 < start - section.heading_start <= _LABEL_CHARS:
        return start
    line_end = text.find("\n", start)
    if (
        not text[start : len(text) if line_end == -1 else line_end].strip()
        or "\n" in text[section.heading_start : start]
    ):
        return start  # a topic heading: its text starts on the next line
    if not text[section.heading_start : start].rstrip().endswith(":"):
        return start
    return section.heading_start


def report_theme(metadata: Metadata | None) -> Sector | None:
    """The one sector a report's title names (`Công tác quản lý nhà nước về địa chất, khoáng sản`,
    `Tổng kết ... phòng, chống ma túy`): what an item falls back to when neither its own words nor
    its section say. None for general reports (`phát triển kinh tế - xã hội`)."""
    return heading_sector(_SPEAKER_OFFICE.sub(" ", metadata.title)) if metadata is not None and metadata.title else None


def run_rules(text: str, layout: Layout, page_title: str | None = None) -> tuple[Extraction, Extractor]:
    """The rules backend as the pipeline calls it: the extraction and who made it."""
    extractor = Extractor(backend="rules", llmx_version=__version__, metadata_source="rules")
    return extract(text, layout, page_title), extractor
