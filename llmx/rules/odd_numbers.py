"""Numbers written against the Vietnamese convention, which the number lexer does not take. Pure.

* **Malformed** (`3.923.7448g`, `5.378.7000.000 đồng`, a space after the decimal comma `2, 356kg`):
  kept as a figure with no value, flagged `malformed_number`, never repaired; their digits are
  blocked so no part of them becomes a figure of its own.
* **A `.` decimal** where nothing else can be meant (`97.6%`, `84.86 điểm`: one or two digits after
  a single dot can be no thousands group): read as a decimal, flagged `dot_decimal` (a number
  without a unit or `%` after it is left alone: `ngày 12.5` is not a figure).
* **Glued to the word before** (`đạt12.480 ha`, a lost space after a verb): read, flagged
  `glued_number`. Only after a lower-case word that ends a name or introduces a figure, so that
  codes (`QL21B`, `K65B3`) stay out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from llmx.numbers import dot_decimal, parse_number
from llmx.rules.paragraphs import Para
from llmx.rules.units import match_unit

_MALFORMED = re.compile(
    r"\d(?<![\w.,]\d)\d{0,3}(?:\.\d{1,4}){1,4}(?:,\d+)?(?![.,]?\d)|\d(?<![\w.,/]\d)\d{0,2},\s\d+(?![.,]?\d)"
)
# `tháng 6, 120 hộ`, `ngày 30/6, 45 xã`, `mức 2, 15 hộ`, `mức độ 1, 2 trường`: a date or a level and then a
# count, not `2, 356kg`
_DATE_BEFORE = re.compile(
    r"(?<!\w)(?:ngày|mùng|mồng|tháng|năm|quý|tuần|khoản|điều|điểm|lần|đợt|khóa|số|mức(?:\s+độ)?|loại|cấp|nhóm|hạng)\s*$",
    re.I,
)
_DAY_BEFORE = re.compile(r"(?<!\w)(?:ngày|mùng|mồng|hôm)\s*$", re.IGNORECASE)
_DOT_DECIMAL = re.compile(r"(?P<whole>\d(?<![\w.,]\d)\d{0,2})\.(?P<frac>\d{1,2})(?=\s?[%‰])")
_GLUED = re.compile(
    r"(?<!\w)(?P<word>đạt|là|có|được|gồm|tăng|giảm|bằng|chiếm|khoảng|trên|hơn|dưới|gần|cấp|thu|chi|còn)"
    r"(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![.,]?\d)(?![A-ZĐ])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class OddNumber:
    """A number the lexer missed: where it is, its value (None when malformed) and its flag."""

    start: int
    end: int
    value: float | None
    flag: str
    unit: tuple[str, int, int] | None = None  # a malformed number's unit (it is a figure only with one)


def odd_numbers(para: Para) -> list[OddNumber]:
    """Every odd number of the paragraph, in order; the digits of malformed ones are blocked."""
    text, found = para.text, []
    for m in _MALFORMED.finditer(text, para.start, para.end):
        if parse_number(m.group()) is not None and ", " not in m.group():
            continue
        if ", " in m.group() and _DATE_BEFORE.search(text, max(para.start, m.start() - 12), m.start()):
            continue
        if _DOT_DECIMAL.match(text, m.start(), para.end):
            continue  # `97.6%` is a decimal, read below
        unit = match_unit(text, m.end(), para.end)
        if unit is None or para.is_blocked(m.start()):
            continue
        if (value := dot_decimal(m.group())) is not None:  # `84.86 điểm`: its unit read like any figure's
            if _DAY_BEFORE.search(text, max(para.start, m.start() - 8), m.start()):
                para.block(m.start(), m.end())  # `Ngày 12.5 tổ chức hội nghị`: a day and month, no figure
                continue
            found.append(OddNumber(m.start(), m.end(), value, "dot_decimal"))
            continue
        para.block(m.start(), m.end())
        found.append(OddNumber(m.start(), m.end(), None, "malformed_number", unit))
    for m in _DOT_DECIMAL.finditer(text, para.start, para.end):
        found.append(OddNumber(m.start(), m.end(), dot_decimal(m.group()), "dot_decimal"))
    for m in _GLUED.finditer(text, para.start, para.end):
        value = parse_number(m.group("num"))
        if value is not None:
            found.append(OddNumber(m.start("num"), m.end("num"), value, "glued_number"))
    return sorted(found, key=lambda o: o.start)
