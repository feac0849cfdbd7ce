"""What a KPI table's column holds, read from its header words (`llmx.rules.tables`). Pure.

Headers of the genre's appendices (Biểu, Phụ lục) name a column's role (`STT`, `Chỉ tiêu`, `ĐVT`,
`Kế hoạch`, `Thực hiện`, `Ước TH`, `ƯTH`, `Lũy kế`, `% so KH`, `So với cùng kỳ (%)`), its unit
(`Giá trị (tỷ đồng)`, `Tỷ lệ (%)`, `Số hồ sơ`) and, for a comparison, its basis. A comparison
column often names no basis (`Tỷ lệ (%)`, `Đạt (%)`, `So sánh (%)`, `Tăng/giảm`, `Chênh lệch`):
its basis is then what the table sets the value beside: the plan column for a ratio (its own
basis: `Dự toán` is a budget estimate), else an earlier column (`Cùng kỳ năm trước` -> same
period, `Năm 2024` beside `Năm 2025` -> previous period); a change is measured from the earlier
column first. With nothing to compare with, such a column is a column of values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from llmx.contract import Basis, Comparison, Relation
from llmx.rules.table_cells import Cell
from llmx.rules.table_scores import POINTS_UNIT, header_max, points_unit
from llmx.rules.units import match_unit

_UNIT_IN_WORDS = re.compile(
    r"(?:\(\s*(?:(?:đvt|đơn vị(?: tính)?)\s*:\s*)?([^()]{1,30}?)\s*\)|(?:đvt|đơn vị tính)\s*:\s*([^,;()]{1,30}))", re.I
)
_RANK = re.compile(r"thứ hạng|xếp hạng|xếp loại|^hạng\b", re.I)
NUMBER_HEAD = re.compile(r"^(?:stt|tt|số tt|thứ tự|số thứ tự)\.?$", re.I)
_NOTE = re.compile(r"ghi chú|lý do|nhận xét|mã số|^mã\b|điện thoại|^fax\b|^email\b|số hiệu|ký hiệu", re.I)
UNIT_HEAD = re.compile(r"^(?:đvt|đv tính|đơn vị tính|đơn vị)\b", re.I)
COMPARE = re.compile(r"%|tỷ lệ|tỉ lệ|so sánh|so với|\bso\b|/", re.I)
_CHANGE = re.compile(r"tăng|giảm|\+/-|±|chênh lệch", re.I)
_YEAR_PAIR = r"(?:19|20)\d{2}\s*/\s*(?:19|20)\d{2}"
_OVER_YEAR = r"/\s*(?:th|tt|ước|ưth)?\s*(?:năm\s*)?(?:19|20)\d{2}(?!\d)"  # `TH2025/TH2024`: over an earlier year
_BASES: tuple[tuple[Basis, re.Pattern[str]], ...] = (
    ("same_period", re.compile(r"cùng kỳ|cùng kì|(?<!\w)ck(?![^\W\d_])", re.I)),
    ("budget_estimate", re.compile(r"dự toán|(?<!\w)dt(?![^\W\d_])", re.I)),
    ("plan", re.compile(r"kế hoạch|(?<!\w)kh(?![^\W\d_])|chỉ tiêu|nghị quyết|(?<!\w)nq(?![^\W\d_])|mục tiêu", re.I)),
    (
        "previous_period",
        re.compile(
            rf"(?:tháng|quý|kỳ|năm|vụ) trước|năm (?:19|20)\d{{2}}|so với\s+(?:năm\s+)?(?:19|20)\d{{2}}|{_YEAR_PAIR}"
            rf"|{_OVER_YEAR}",
            re.I,
        ),
    ),
)
# a comparison header that names no basis, once `(%)` and a `2025/2024` are taken out
_BARE = re.compile(
    r"^(?:(?:t[ỷỉ] lệ|đạt)(?: đạt| hoàn thành| tỷ lệ| tăng\s*[/,-]?\s*giảm| tăng| giảm)?|so sánh"
    r"|tăng\s*[/,-]?\s*giảm|tăng|giảm|\+\s*/\s*-|±|chênh lệch)?\s*%?$",
    re.I,
)
PLAN = re.compile(r"^(?:theo\s+)?(?:kế hoạch|kh\b|dự toán|chỉ tiêu|mục tiêu|nghị quyết|nq\b)|tối đa|điểm chuẩn", re.I)
ACTUAL = re.compile(r"thực hiện|(?<!\w)(?:th|ưth|uth)(?!\w)|ước|kết quả|số liệu|lũy kế|luỹ kế|đạt được|tổng số", re.I)
EARLIER = re.compile(r"cùng kỳ|cùng kì|(?<!\w)ck(?!\w)|năm trước|kỳ trước|tháng trước|tự đánh giá|tự chấm", re.I)
_SELF_SCORED = re.compile(r"tự đánh giá|tự chấm", re.I)  # beside an appraised score (`Điểm thẩm định`)
_SCORED = re.compile(r"chấm|đánh giá|thẩm định|đạt được|kết quả", re.I)  # a score's column, beside a maximum
_MAXIMUM = re.compile(r"tối đa|điểm chuẩn", re.I)  # a plan column that is a score's maximum
ESTIMATE = re.compile(r"(?<!\w)(?:ước|ưth|uth)(?!\w)", re.I)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_PART_OF_YEAR = re.compile(r"tháng|quý|tuần|kỳ|vụ", re.I)
_COUNT_HEAD = re.compile(r"^(?:tổng\s+)?số(?:\s+lượng)?\s+(\S.{0,30}?)\s*$", re.I)
_COUNT_LABEL = re.compile(r"^(?:tổng\s+)?số(?:\s+lượng)?\s+(?=\S)", re.I)
_RATE = re.compile(r"t[ỷỉ] lệ(?!\s*\()", re.I)  # a `Tỷ lệ` column holds percentages
_PARENS = re.compile(r"\([^()]*\)")


@dataclass
class Column:
    """One grid column: its header words and what it holds."""

    col: int
    words: tuple[str, ...]
    role: str = "value"  # number, label, unit, note, rank, plan, compare, share, value, text
    basis: Basis = "other"
    relation: Relation = "ratio"
    unit: str | None = None
    of: int | None = None  # a `share`: the score it is the share of; a `compare` of one measure: its figure
    bare: bool = False  # a comparison header that names no basis: the basis comes from the other columns
    top: float | None = None  # a score column's maximum named in its header (`(tối đa 18 điểm)`)

    @property
    def header(self) -> str:
        return " - ".join(self.words)

    @property
    def written(self) -> str:
        """The header as written for a comparison: the lowest cell, with its parent when it needs it."""
        if not self.words:
            return ""
        leaf = self.words[-1]
        if COMPARE.search(leaf) or len(self.words) == 1:
            return leaf
        if not _basis(leaf) and (said := [w for w in self.words[:-1] if COMPARE.search(w) or _CHANGE.search(w)]):
            return said[-1]  # `So sánh (%)` over the measure `Số vụ`: the comparison is the parent's
        return " ".join(self.words)


def unit_in(words: str) -> str | None:
    """A unit named in a header or label: `(tỷ đồng)`, `(%)`, `ĐVT: ha`."""
    for m in _UNIT_IN_WORDS.finditer(words):
        candidate = (m.group(1) or m.group(2) or "").strip()
        if candidate in ("%", "‰"):
            return candidate
        found = match_unit(" " + candidate, 0)
        if found is not None and found[2] == len(candidate) + 1:
            return found[0]
    return None


def classify(column: Column, has_figures: bool) -> None:
    """Set a column's role (and basis, relation, unit) from its header words."""
    column.unit = unit_in(" ".join(column.words))
    words = [_PARENS.sub("", w).strip() for w in column.words]  # `(điểm chuẩn tối đa: 15đ)` is a note
    head, leaf = " ".join(words), words[-1] if words else ""
    column.unit = column.unit or _counted(leaf) or ("%" if _RATE.match(leaf) else None) or points_unit(leaf)
    column.unit = column.unit or next(
        (u for w in words[:-1] if (u := points_unit(w))), None
    )  # `Điểm ...` over `Tự đánh giá`
    column.top = header_max(column.words) if column.unit == POINTS_UNIT else None
    if NUMBER_HEAD.match(leaf):
        column.role = "number"
    elif _RANK.search(head):
        column.role = "rank"
    elif _NOTE.search(head):
        column.role = "note"
    elif UNIT_HEAD.match(leaf) and not has_figures:
        column.role = "unit"
    elif not has_figures:
        column.role = "text"
    elif COMPARE.search(head) and (basis := _basis(_comparing(words))) is not None:
        column.role, column.basis = "compare", basis
        column.relation = "change" if _CHANGE.search(head) else "ratio"
    elif PLAN.search(leaf) or (PLAN.search(head) and not ACTUAL.search(leaf)):
        column.role = "plan"
    else:
        column.role = "value"
        full = " ".join(column.words)
        column.bare = bool(COMPARE.search(full) or _CHANGE.search(full)) and all(
            _BARE.match(re.sub(_YEAR_PAIR, "", w).strip()) for w in words
        )
        column.relation = "change" if _CHANGE.search(head) else "ratio"


_STATUS = re.compile(
    r"^(?:đã|đang|chưa|đúng hạn|trễ hạn|quá hạn|trước hạn|sớm hạn|tồn|còn lại|hoàn thành|kỳ trước chuyển sang"
    r"|mới tiếp nhận|tiếp nhận mới|trực tuyến|trực tiếp|qua bưu chính)\b",
    re.I,
)


def inherit_counts(columns: list[Column]) -> None:
    """A status column after a count (`Tổng số hồ sơ | Đúng hạn | Trễ hạn`) counts the same things:
    it takes the counted noun of the nearest value column before it that names one."""
    counted: str | None = None
    for c in columns:
        if c.role != "value":
            continue
        if c.unit is None and counted and _STATUS.match(_PARENS.sub("", c.words[-1] if c.words else "").strip()):
            c.unit = counted
        elif c.unit not in (None, "%", POINTS_UNIT):
            counted = c.unit


def infer_bases(columns: list[Column]) -> None:
    """Give each bare comparison column (see the module docstring) its basis, or leave it a value column."""
    if any(c.role == "plan" and c.unit == POINTS_UNIT for c in columns):  # `Điểm chuẩn` beside `Kết quả tự chấm`
        for c in columns:
            if c.role == "value" and c.unit is None and _SCORED.search(c.words[-1] if c.words else ""):
                c.unit = POINTS_UNIT
    plan = next((c for c in columns if c.role == "plan"), None)
    plan_basis_: Basis | None = plan_basis(plan) if plan is not None else None
    repeated = measures(columns)
    for c in columns:  # `So sánh (%)` over `Số vụ | Số đối tượng`: a bare comparison of each measure
        if c.role == "value" and not c.bare and len(c.words) > 1 and c.words[-1] in repeated:
            c.bare = all(_BARE.match(re.sub(_YEAR_PAIR, "", _PARENS.sub("", w)).strip()) for w in c.words[:-1])
    values = [c for c in columns if c.role == "value" and not c.bare]
    earlier = next((b for c in values if (b := earlier_basis(c, values)) is not None), None)
    for c in columns:
        if c.role != "value" or not c.bare:
            continue
        basis = (earlier or plan_basis_) if c.relation == "change" else (plan_basis_ or earlier)
        if basis is not None:
            c.role, c.basis = "compare", basis
    for c in columns:  # a comparison of one measure compares that measure's latest figure, not the row's main one
        if c.role == "compare" and len(c.words) > 1 and c.words[-1] in repeated:
            mine = [v for v in values if v.words[-1] == c.words[-1]]
            latest = [v for v in mine if earlier_basis(v, values) is None]
            c.of = (latest or mine)[-1].col if mine else None


def measures(columns: list[Column]) -> set[str]:
    """Leaves repeated under several groups of value columns (`Số vụ` under `Năm 2024` and `Năm 2025`)."""
    seen: dict[str, set[tuple[str, ...]]] = {}
    for c in columns:
        if c.role == "value" and len(c.words) > 1 and not (COMPARE.search(c.words[-1]) or _CHANGE.search(c.words[-1])):
            seen.setdefault(c.words[-1], set()).add(c.words[:-1])
    return {leaf for leaf, groups in seen.items() if len(groups) > 1}


def plan_basis(plan: Column) -> Basis:
    """What a plan column is: a budget estimate (`Dự toán`), a plan, or a score's maximum (`Điểm tối
    đa`, `Điểm chuẩn`: a `%` beside the score is its share of that maximum, basis `other` as
    eval/LABELING.md reads index tables)."""
    if _MAXIMUM.search(plan.header) and not _BASES[2][1].search(plan.header):
        return "other"
    return "budget_estimate" if _BASES[1][1].search(plan.header) else "plan"


def earlier_basis(column: Column, values: list[Column]) -> Basis | None:
    """The basis a value column is when it is the earlier figure (`Cùng kỳ`, `Năm 2024` beside
    `Năm 2025`, `6 tháng 2025` beside `6 tháng 2026`); None when it is not an earlier figure."""
    if _SELF_SCORED.search(column.header):
        return "other"  # what an appraisal (`Điểm thẩm định`) is set against: neither a plan nor a period
    if EARLIER.search(column.header):
        return "same_period" if _BASES[0][1].search(column.header) else "previous_period"
    if older_year(column, values):
        return "same_period" if _same_months(column, values) else "previous_period"
    return None


def older_year(column: Column, values: list[Column]) -> bool:
    """A value column of an earlier year than another value column (`Năm 2024` beside `Năm 2025`)."""
    years = [int(y) for c in values for y in _YEAR.findall(c.header)]
    own = [int(y) for y in _YEAR.findall(column.header)]
    return bool(own) and max(own) < max(years)


def _same_months(column: Column, values: list[Column]) -> bool:
    """An earlier year's column that names the same part of the year as a later one (`6 tháng đầu năm
    2025` beside `6 tháng đầu năm 2026`): the same period of the year before, not a previous period."""
    own = _dated(column)
    return bool(_PART_OF_YEAR.search(own)) and any(c is not column and _dated(c) == own for c in values)


def _dated(column: Column) -> str:
    """The header words that name a year, the year taken out (`6 tháng đầu năm`), not the measure
    under them (`Năm 2024` over `Số vụ`: `vụ` is no crop season there)."""
    return " ".join(_YEAR.sub("", w).strip().lower() for w in column.words if _YEAR.search(w))


def label_unit(label: str) -> str | None:
    """The unit a row label implies: the counted noun of `Số đối tượng ...`, `%` for `Tỷ lệ ...`."""
    if _RATE.match(label):
        return "%"
    if m := _COUNT_LABEL.match(label):
        found = match_unit(" " + label[m.end() :], 0)
        return found[0] if found is not None else None
    return None


def _counted(leaf: str) -> str | None:
    """The counted noun of a `Số lượng giấy phép` / `Số hồ sơ` header, as the column's unit."""
    m = _COUNT_HEAD.match(leaf)
    if m is None:
        return None
    found = match_unit(" " + m.group(1), 0)  # the noun may go on: `Số hồ sơ tiếp nhận`
    return found[0] if found is not None else None


def _comparing(words: list[str]) -> str:
    """The header words that say what a column compares with: all of them when the comparison is the
    group (`So sánh (%)` over `Kế hoạch`), only the comparing ones when it is the leaf, whose group then
    names the period of the figures under it (`Năm 2024` over `Số lượng | Tỷ lệ (%)`: no basis)."""
    if not words or not (COMPARE.search(words[-1]) or _CHANGE.search(words[-1])):
        return " ".join(words)
    return " ".join(w for w in words if COMPARE.search(w) or _CHANGE.search(w))


def _basis(head: str) -> Basis | None:
    for basis, pattern in _BASES:
        if pattern.search(head):
            return basis
    return None


def part_names(column: Column, count: int) -> list[tuple[str, str | None]] | None:
    """(name, unit) of each figure of a `x/y/z` cell, from a header that names as many
    (`Số lượng hồ sơ hỗ trợ/Tổng hồ sơ trực tuyến/Tổng số hồ sơ`); None when it does not."""
    names = [n.strip() for n in (column.words[-1] if column.words else "").split("/")]
    if len(names) != count or not all(names):
        return None
    out: list[tuple[str, str | None]] = []
    for name in names:
        noun = re.sub(r"^(?:tổng\s+)?(?:số(?:\s+lượng)?\s+)?", "", name, flags=re.I)
        found = match_unit(" " + noun, 0)
        out.append((name, found[0] if found is not None else None))
    return out


def cell_comparison(column: Column, got: Cell, row_unit: str | None) -> Comparison:
    """A comparison cell: a percentage, or (a change column with no `%` anywhere) an amount in the
    unit of the row's figure (`row_unit`); a cell that says `Tăng`/`Giảm`/`Đạt` decides the relation itself."""
    relation = column.relation if got.change is None else "change" if got.change else "ratio"
    if got.change and got.unit != "%" and got.unit is not None:
        return Comparison(
            basis=column.basis, basis_text=column.written, relation="change", amount=got.value, amount_unit=got.unit
        )  # `Tăng 3 vụ`
    if (
        got.change is None
        and relation == "change"
        and got.unit != "%"
        and column.unit != "%"
        and "%" not in column.header
        and row_unit != "%"  # a change of a rate is in points, written as its pct (SPEC 4)
    ):
        unit = got.unit or row_unit
        return Comparison(
            basis=column.basis, basis_text=column.written, relation="change", amount=got.value, amount_unit=unit
        )
    return Comparison(basis=column.basis, basis_text=column.written, relation=relation, pct=got.value)
