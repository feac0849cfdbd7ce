"""Assignment tables: whether a cell lies in the work column (`Nội dung`, `Nhiệm vụ`, `Công việc`), beside it
(who does the work, with whom, by when, what it yields) or in the header row. Pure.

Split from `sentences.py`, which cuts text into units: this reads a table's columns, found by walking up its
row lines to the header once per document (a plan's assignment table runs to hundreds of rows), and only the
task reader asks it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from llmx.read.model import CELL_SEP

# the header cell over an assignment table's work column (`STT | Nội dung | Đơn vị chủ trì | Thời gian`)
_WORK_HEADER = re.compile(
    r"(?:nội dung(?: công việc| nhiệm vụ| hoạt động)?|(?:tên )?nhiệm vụ(?:\s*[,/]\s*(?:giải pháp|đề án|dự án))*|"
    r"công việc|giải pháp|hoạt động)"
    r"\s*(?:cụ thể|thực hiện|được giao|triển khai|chủ yếu|trọng tâm|cần (?:thực hiện|triển khai))?\s*$",
    re.I,
)
# ... and over a column beside it: who does the work, with whom, by when, what it yields (`Cơ quan chủ trì`,
# `Thời gian hoàn thành`, `Sản phẩm`); such a column marks an assignment table whatever its work column is called
_BESIDE_HEADER = re.compile(
    r"(?:(?:cơ quan|đơn vị|bộ phận|người|cán bộ)\s+)?(?:chủ trì|phối hợp|phụ trách|chịu trách nhiệm)(?:\s+thực hiện)?|"
    r"(?:cơ quan|đơn vị|bộ phận|người|cán bộ)\s+thực hiện|"
    r"thời (?:gian|hạn|điểm)(?:\s+(?:hoàn thành|thực hiện|triển khai))?|tiến độ(?: thực hiện)?|"
    r"sản phẩm(?: đầu ra| dự kiến)?|kết quả (?:đầu ra|dự kiến)|ghi chú|kinh phí(?: thực hiện)?|nguồn (?:vốn|kinh phí)",
    re.I,
)


_HEADER_CELLS = 2  # a row line naming this many work or beside columns is a table's header


def _header_cells(cells: list[str]) -> tuple[list[int], list[int]]:
    """The work columns and the columns beside them that a row line names, if it is a header."""
    work = [i for i, c in enumerate(cells) if _WORK_HEADER.match(c.strip())]
    beside = [i for i, c in enumerate(cells) if _BESIDE_HEADER.fullmatch(c.strip())]
    return work, beside


def in_work_column(text: str, start: int) -> bool:
    """Whether the cell at `start` lies in the work column of an assignment table: its column's header,
    found on a row line above it, is `Nội dung`, `Nhiệm vụ`, `Công việc` and the like, and its row
    names a body or a time too (not a group row)."""
    return work_column(text, start) is True


def work_column(text: str, start: int) -> bool | None:
    """`in_work_column`, or None when no row line above names a work column (not an assignment table).
    False also for a cell beside the work column (`Công chức Tư pháp - Hộ tịch` under `Cơ quan thực
    hiện`, `Quý II/2027` under `Thời gian hoàn thành`): who does the work, by when, what it yields, never
    the work itself; and for the header row."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    row = text[line_start : len(text) if line_end == -1 else line_end]
    if CELL_SEP in row and sum(map(len, _header_cells(row.split(CELL_SEP)))) >= _HEADER_CELLS:
        return False  # the header row itself (`STT | Nhiệm vụ | Chủ trì thực hiện | Phối hợp thực hiện`)
    column = text.count(CELL_SEP, line_start, start)
    header = _header_above(text, line_start)
    if header is None:
        return None
    kind, cols = header
    if kind == "work":
        # `I | Cải cách thể chế |  |  |`: a group row, a topic with nothing beside it (no body, no time);
        # ` | Tổ chức chấm bài | Người A | ` (no number) is a row of work
        if not any(c.strip() for c in row.split(CELL_SEP)[cols[0] + 1 :]):
            return False
        return column in cols
    # an assignment table whose work column has another name (`Nội dung`, `Tên đề án`)
    return False if column in cols else None


_Header = tuple[str, tuple[int, ...]]  # ("work", its work columns) or ("beside", the columns beside the work)


@lru_cache(maxsize=4)
def _headers_seen(text: str) -> dict[int, _Header | None]:
    """Per document: the header found above each row line already walked (line start -> header)."""
    return {}


def _header_above(text: str, line_start: int) -> _Header | None:
    """The header line above the row at `line_start`, up the table's row lines (a plan's assignment
    table runs to hundreds of rows); None when the table has none. Each row line is walked once per
    document: the rows under one header share its answer."""
    seen = _headers_seen(text)
    walked: list[int] = []
    pos = line_start
    found: _Header | None = None
    while True:
        if pos in seen:
            found = seen[pos]
            break
        walked.append(pos)
        if pos == 0:
            break
        prev = text.rfind("\n", 0, pos - 1) + 1
        line = text[prev : pos - 1]
        if CELL_SEP not in line:
            break
        work, beside = _header_cells(line.split(CELL_SEP))
        if work:
            found = ("work", tuple(work))
            break
        if len(beside) >= _HEADER_CELLS:
            found = ("beside", tuple(beside))
            break
        pos = prev
    for at in walked:
        seen[at] = found
    return found
