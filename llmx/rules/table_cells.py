"""One cell of a KPI table read as a figure (`llmx.rules.tables`). Pure.

A figure cell holds one number, written the Vietnamese way (`1.234,5`), with what may come with it
in the genre's tables: a unit (`99,9%`, `120 ha`), a qualifier (`~120`, `Trên 45`, `≥ 8`), how it
compares (`Tăng 12,5%`, `giảm 3 vụ`, `Đạt 95%`: in a comparison column), a plan
(`9,49/ 9,5`, `862/1.266 (68,1%)`) and a footnote mark (`46(*)`). `1.700/2.912/3.141` is not one
figure but three nested totals, which only a header naming them one by one can tell apart
(`read_parts`; the rows read them as x of y and y of z). A `.` that can only be a decimal mark (one
dot and one or two digits: `90.91`, `8.00`, as score tables exported from spreadsheets write them)
is read as one and flagged `dot_decimal` (issue 10; eval/LABELING.md); any other number written
against the convention is still a figure, with no value (flag `malformed_number`, never repaired):
`17, 66`, `1.23.400`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from llmx.contract import Approx
from llmx.numbers import dot_decimal, parse_number
from llmx.rules.comparisons import APPROX
from llmx.rules.units import match_unit

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_CELL = re.compile(
    rf"^(?P<verb>tăng|giảm|vượt|đạt|bằng)?\s*"
    rf"(?P<approx>khoảng|xấp xỉ|trên|hơn|gần|dưới|~|≈|≥|>=|>|≤|<=|<)?\s*(?P<sign>[-+–])?\s*(?P<x>{_NUM})"
    rf"(?:\s*/\s*(?P<y>{_NUM}))?(?P<rest>[^()]*?)\s*(?:\(\s*(?P<pct>{_NUM})\s*%\s*\))?\.?$",
    re.I,
)
# a cell holding one number written against the convention: a space after the decimal comma (`17, 66`),
# wrong group lengths (`1.23.400`), or a `.` decimal that no thousands group can be (`97.6`)
_ODD_CELL = re.compile(
    r"^(?P<x>\d+,\s+\d+|\d{1,4}(?:\.\d{1,4}){1,4}(?:,\d+)?)\s*(?P<rest>%|‰|[^\W\d_][^\d]{0,29})?\.?$"
)
_PARTS = re.compile(rf"^(?:{_NUM})(?:\s*/\s*(?:{_NUM})){{2,}}$")
# a cell that only numbers its row: `1`, `1.2.3`, `II`, `a)`, `-`
NUMBERING = re.compile(r"^(?:[IVXLC]+(?:\.\d+)*|\d{1,3}(?:\.\d{1,3})*|[a-zđ])[.)]?$|^[-+*•]$")
_SIGNS: dict[str, Approx] = {"~": "about", "≈": "about", "≥": "over", ">=": "over", ">": "over"}
_SIGNS |= {"≤": "under", "<=": "under", "<": "under"}
_NOTE_MARK = re.compile(r"\s*(?:\(\s*\*+\s*\)|\*+|\[\d{1,2}\])$")  # a footnote mark after a figure: `46(*)`


@dataclass(frozen=True)
class Cell:
    value: float | None
    target: float | None = None
    unit: str | None = None
    approx: Approx | None = None
    pct: float | None = None
    change: bool | None = None  # the cell says how it compares: `Tăng 12%`, `giảm 3 vụ` (True), `Đạt 95%` (False)
    flag: str | None = None  # `dot_decimal` (`90.91`) or `malformed_number` (`17, 66`: no value, never repaired)


@lru_cache(maxsize=8192)  # a table's cells are read once per question asked of its columns
def read_cell(raw: str) -> Cell | None:
    """A figure cell: `1.234,5`, `99,9%`, `~120 ha`, `9,49/ 9,5`, `862/1.266 (68,1%)`; None otherwise."""
    raw = _NOTE_MARK.sub("", raw.strip())
    m = _CELL.match(raw)
    value = parse_number(m.group("x")) if m is not None else None
    if m is None or value is None:
        return _odd_cell(raw.strip())
    if m.group("sign") in ("-", "–") or (m.group("verb") or "").lower() == "giảm":
        value = -value
    rest = m.group("rest").strip()
    unit: str | None = None
    if rest in ("%", "‰"):
        unit = rest
    elif rest:
        found = match_unit(" " + rest, 0)
        if found is None or found[2] != len(rest) + 1:
            return _odd_cell(raw.strip())  # words after the number that are not a unit: not a figure
        unit = found[0]
    target = parse_number(m.group("y")) if m.group("y") else None
    pct = parse_number(m.group("pct")) if m.group("pct") else None
    approx = APPROX.get((m.group("approx") or "").lower()) or _SIGNS.get(m.group("approx") or "")
    verb = (m.group("verb") or "").lower()
    return Cell(value, target, unit, approx, pct, change=verb in ("tăng", "giảm", "vượt") if verb else None)


def _odd_cell(raw: str) -> Cell | None:
    """A cell of one number written against the convention (`_ODD_CELL`): a `.` decimal is read and
    flagged, anything else is a figure with no value, flagged `malformed_number` (LABELING.md)."""
    m = _ODD_CELL.match(raw)
    if m is None or (parse_number(m.group("x")) is not None and ", " not in m.group("x")):
        return None
    rest, unit = (m.group("rest") or "").strip(), None
    if rest in ("%", "‰"):
        unit = rest
    elif rest:
        found = match_unit(" " + rest, 0)
        if found is None or found[2] != len(rest) + 1:
            return None
        unit = found[0]
    if (value := dot_decimal(m.group("x"))) is not None:
        return Cell(value, unit=unit, flag="dot_decimal")
    return Cell(None, unit=unit, flag="malformed_number")


def unit_cell(raw: str) -> str | None:
    """A unit column's cell as a unit (`Văn bản` -> `văn bản`); a code list (`Chưa = 0 Có = 1`) is not one."""
    unit = " ".join(raw.lower().split())
    return unit if unit and len(unit) <= 30 and "=" not in unit and re.search(r"[^\W\d_]|[%‰]", unit) else None


@lru_cache(maxsize=8192)
def read_parts(raw: str) -> tuple[float, ...]:
    """The figures of a cell of three or more (`1.700/2.912/3.141`); empty for any other cell."""
    raw = _NOTE_MARK.sub("", raw.strip())
    if not _PARTS.match(raw):
        return ()
    parts = tuple(v for t in raw.split("/") if (v := parse_number(t)) is not None)
    return parts if len(parts) == raw.count("/") + 1 else ()
