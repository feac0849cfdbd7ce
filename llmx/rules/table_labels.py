"""Which column of a table names its rows, and which names who they are about (`llmx.rules.tables`). Pure.

The genre's tables name a row in one text column, but often put others beside it:

* a group column before the specific label (`NHÓM CHỈ TIÊU | CHỈ SỐ`, `Lĩnh vực | Chỉ tiêu`): the
  group is merged down, left blank or repeated on every row of the group, while the column after it
  changes from row to row; the specific label names the indicator (`Điểm công khai minh bạch`, not
  `Tổng hợp`);
* a column of agencies (`Đơn vị`, `Cơ quan`, `Đơn vị thực hiện` holding `Sở Y tế - Tỉnh Lâm Đồng`):
  `đơn vị` is also the word for a unit of measure (`Đơn vị tính`), but a column whose cells are
  names of bodies is no unit column. When the rows are about one body (the cell is merged down or
  repeated), the body is who reports, not part of what is measured; when it changes from row to
  row, each figure is that body's and the body leads the name (`Sở Y tế - Tỷ lệ ...`, as the index
  tables with bodies as rows are named in eval/gold);
* a label column that names places or bodies (`Xã Cốc San`, `Sở Tư pháp`) under whatever header:
  its rows are who, and every figure is named by the column it sits in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

ENTITY_LABEL = re.compile(
    r"đơn vị|địa phương|cơ quan|địa bàn|doanh nghiệp|họ và tên|họ tên|^tên (?!chỉ tiêu)"
    r"|^(?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh|cụm công nghiệp|ccn)\b",
    re.I,
)
# a row label that names a place or body (`Xã Cốc San`, `Phường Bắc Lệnh`, `CCN Bắc Duyên Hải`), not a quantity
_PLACE = re.compile(
    r"^(?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tp\.?|tỉnh|thôn|bản|tổ dân phố|ccn|cụm công nghiệp"
    r"|khu công nghiệp|sở|ubnd|trường)\s+(?=\w)",
    re.I,
)
# a cell that names a body: `Sở Y tế`, `Ban Quản lý các khu công nghiệp`, `Công an tỉnh Hòa Bình`: the
# kind of body, then its name (capitalised, checked in `names_body`), or `UBND`/`HĐND` and anything
_BODY_KIND = re.compile(
    r"^(?:sở|ban|phòng|cục|chi cục|tổng cục|trung tâm|văn phòng|thanh tra|công an|bộ|tòa án|viện|đài|báo"
    r"|hội|liên đoàn|liên minh|trường|bệnh viện|kho bạc|bảo hiểm|ngân hàng|đảng ủy|đảng bộ|huyện ủy|tỉnh ủy"
    r"|thành ủy|ủy ban|mặt trận|đoàn|công ty|hợp tác xã|htx|bộ chỉ huy|chi nhánh|quỹ"
    r"|tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|thôn|bản|tổ dân phố)\s+(?:(?:xã|phường|huyện"
    r"|tỉnh|thành phố|thị xã|thị trấn|quận)\s+)?",
    re.I,
)
_ADMIN_BODY = re.compile(r"^(?:ubnd|hđnd|ub mttq|mttq|ủy ban nhân dân|uỷ ban nhân dân)\s+\w", re.I)
MIN_PLACE_SHARE = 0.6  # a label column names places when at least this share of its labels do
MIN_BODY_SHARE = 0.6  # an `Đơn vị` column holds bodies when at least this share of its filled cells do
_GROUP_HEAD = re.compile(r"^(?:nhóm|lĩnh vực|khối|loại|nhóm chỉ tiêu|nhóm tiêu chí)\b", re.I)


def names_body(cell: str) -> bool:
    """`Sở Y tế - Tỉnh Lâm Đồng`, `UBND xã An Bình`, `Công an tỉnh Hòa Bình`: a cell naming a body
    (the word after its kind is capitalised: `Sở Y tế`, not `sở hữu`; `Ban`, `Hội` count only so)."""
    cell = cell.strip()
    if _ADMIN_BODY.match(cell):
        return True
    m = _BODY_KIND.match(cell)
    return m is not None and cell[m.end() :][:1].isupper()


def names_places(labels: Sequence[str]) -> bool:
    """Whether row labels name places or bodies (`Xã Cốc San`, `Sở Tư pháp`), whatever the header says."""
    labels = [t for t in labels if t]
    places = sum(1 for t in labels if ((m := _PLACE.match(t)) and t[m.end()].isupper()) or names_body(t))
    return bool(labels) and places >= MIN_PLACE_SHARE * len(labels)


def holds_bodies(cells: Sequence[str]) -> bool:
    """Whether a column's filled cells name bodies (an `Đơn vị` column of agencies, not of units)."""
    filled = [t for t in cells if t]
    return bool(filled) and sum(1 for t in filled if names_body(t)) >= MIN_BODY_SHARE * len(filled)


_RESPONSIBLE = re.compile(r"chủ trì|phối hợp|phụ trách|tham mưu|theo dõi", re.I)


def names_whose(header: str) -> bool:
    """Whether a column of bodies says whose each row's figures are (`Đơn vị`, `Cơ quan`, `Đơn vị thực
    hiện`), not who is in charge of them (`Cơ quan chủ trì`, `Đơn vị phối hợp`)."""
    return not _RESPONSIBLE.search(header)


def varies(cells: Sequence[str]) -> bool:
    """Whether a column's filled cells change from row to row (more than one distinct value)."""
    return len({" ".join(t.split()) for t in cells if t}) > 1


def groups_rows(header: str, own: Sequence[str], after: Sequence[str]) -> bool:
    """Whether a text column only groups the rows that the text column after it names: its header
    says so (`Nhóm chỉ tiêu`, `Lĩnh vực`), or its cells repeat where the next column's differ.
    `own` holds the column's cell per data row as read (a merged-down cell repeated), `after` the next's."""
    named = [(g, a) for g, a in zip(own, after, strict=True) if a]
    if len(named) < 1:
        return False
    distinct_after = len({a for _, a in named})
    if _GROUP_HEAD.match(header.strip()) and distinct_after == len(named):
        return True
    distinct_own = len({g for g, _ in named if g})
    return len(named) >= 2 and distinct_own < len(named) and distinct_after > distinct_own
