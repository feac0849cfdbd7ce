"""The sector of an index table's rows: the index's, not the row label's.

An index report (PAR Index, SIPAS, PAPI, PCI, DDCI, a province's service-quality ranking) scores
departments, fields or component criteria: `Sở Y tế | 86,5 | 3/18`, `Tiếp cận đất đai | 6,22`. The
row label names what is scored, not what the figure is about: a PAR Index score of the health
department is an administrative-reform figure (`government`), a PCI land-access score is a business
environment figure (`trade_services`). The index is named by the row's own parent label
(`PAR Index - Chỉ số chung`), the table's caption, the headings above it, or the report title,
nearest first. Pure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from llmx.contract import Indicator, Metadata, Sector
from llmx.sections import Layout, PlacedTable
from llmx.sectors import heading_sector

# The names of the indices themselves.
_INDEX_NAMES = r"par\s*index|pci|papi|sipas|ddci|chỉ\s+số\s+cải\s+cách\s+hành\s+chính|năng\s+lực\s+cạnh\s+tranh"
# An index by its name: these words alone say a table scores an index.
_NAMED_INDEX = re.compile(
    r"(?<!\w)(?:" + _INDEX_NAMES + r"|(?:mức\s+độ\s+|sự\s+)hài\s+lòng|chất\s+lượng\s+phục\s+vụ)(?!\w)",
    re.IGNORECASE,
)
# In a row's own label only an index's name counts: `Mức độ hài lòng đối với ... dịch vụ` there is a
# component the index scores, not the index.
_ROW_INDEX = re.compile(r"(?<!\w)(?:" + _INDEX_NAMES + r")(?!\w)", re.IGNORECASE)
# `chỉ số` alone (`Kết quả các chỉ số thành phần`) names an index only over a table of scores.
_ANY_INDEX = re.compile(r"(?<!\w)(?:bộ\s+)?chỉ\s+số(?!\w)", re.IGNORECASE)
_SCORE_UNITS = frozenset({"điểm", "hạng"})
_CAPTION_CHARS = 200  # a line before the table longer than this is prose, not a caption


def index_sector(words: str, *, scored: bool) -> Sector | None:
    """The sector of the index these words name (None when they name none, or no sector)."""
    if not (_NAMED_INDEX.search(words) or (scored and _ANY_INDEX.search(words))):
        return None
    return heading_sector(words)


def _caption(text: str, placed: PlacedTable) -> str:
    """The short line just before the table (`Bảng 1. Điểm chỉ số cải cách hành chính các sở`)."""
    before = text[max(0, placed.table.start - 400) : placed.table.start].rstrip()
    line = before.rsplit("\n", 1)[-1].strip()
    return line if len(line) <= _CAPTION_CHARS else ""


def assign_index_sectors(
    text: str, layout: Layout, metadata: Metadata | None, indicators: Sequence[Indicator], theme: Sector | None
) -> None:
    """Give each row of an index table the sector of the index it scores (in place); a row whose
    label, section and index say nothing takes the report's own subject (`theme`), as prose does."""
    if theme is not None:
        for ind in indicators:
            if ind.table_id is not None and ind.sector == "other":
                ind.sector = theme
    by_table: dict[str, list[Indicator]] = {}
    for ind in indicators:
        if ind.table_id is not None:
            by_table.setdefault(ind.table_id, []).append(ind)
    title = metadata.title if metadata is not None and metadata.title else ""
    for placed in layout.tables:
        rows = by_table.get(placed.id)
        if not rows:
            continue
        scored = any(r.unit in _SCORE_UNITS or "điểm" in r.name.lower() for r in rows)
        context = [_caption(text, placed), *(s.heading for s in layout.lineage(placed.section_id)), title]
        table_index = next((s for w in context if w and (s := index_sector(w, scored=scored))), None)
        for row in rows:
            # the part of a `Parent - child` name that names an index (`PAR Index - Chỉ số chung`); the
            # rest names what is scored (`Thanh tra tỉnh - Mức độ hài lòng`: the inspectorate's score)
            own = next((heading_sector(part) for part in row.name.split(" - ") if _ROW_INDEX.search(part)), None)
            if own is not None or table_index is not None:
                row.sector = own or table_index or row.sector
