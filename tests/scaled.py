"""Scaled documents: one real report's body repeated N times, its figures shifted per copy.

Used by the linear-time test (`tests/test_rules_scaling.py`) and `benchmarks/scaling.py`. Copy k
adds k to the whole part of every figure (`41.675 tấn` -> `41.676 tấn`, `6.128,7` -> `6.129,7`),
so each copy reports new results instead of restating the first; heading ordinals, dates and
years are kept, so every copy has the same shape. The header block comes once at the top and the
closing block (closing formula, Nơi nhận, signature) once at the end, like a real long report.
"""

from __future__ import annotations

import re

from llmx.normalize import normalize
from llmx.numbers import NUMBER_RE
from llmx.sections import split_sections

_DATE_SIDE = re.compile(r"/\s*\d|\d\s*/$")
_LINE_LEAD = re.compile(r"[\s#*\-+•]*(?:[IVX]+|[A-Za-z]|\d{1,2}(?:\.\d{1,2})*)?[.)/]?\s*$")


def _shift(token: str, k: int) -> str:
    """`token` with k added to its whole part, written the same way (grouping, decimals, zeros)."""
    whole, comma, frac = token.partition(",")
    grouped = "." in whole
    value = int(whole.replace(".", "")) + k
    if grouped:
        text = f"{value:,}".replace(",", ".")
    else:
        text = str(value).zfill(len(whole))
    return text + comma + frac


def _shift_figures(body: str, k: int) -> str:
    if k == 0:
        return body
    out: list[str] = []
    pos = 0
    for m in NUMBER_RE.finditer(body):
        s, e = m.span()
        line_start = body.rfind("\n", 0, s) + 1
        token = m.group()
        keep = (
            _LINE_LEAD.fullmatch(body, line_start, s) is not None  # a heading ordinal
            or (len(token) == 4 and token.isdigit() and 1900 <= int(token) <= 2100)  # a year
            or _DATE_SIDE.match(body, e, e + 3) is not None  # a date or a fraction's first part
            or _DATE_SIDE.search(body, max(0, s - 3), s) is not None
        )
        out.append(body[pos:s])
        out.append(token if keep else _shift(token, k))
        pos = e
    out.append(body[pos:])
    return "".join(out)


def scaled_report(raw: str, copies: int) -> str:
    """The report `raw` with its body repeated `copies` times (copy k's figures shifted by k)."""
    text = normalize(raw).text
    layout = split_sections(text)
    head, body, tail = text[: layout.body_start], text[layout.body_start : layout.body_end], text[layout.body_end :]
    if not body.endswith("\n"):
        body += "\n"
    return head + "".join(_shift_figures(body, k) for k in range(copies)) + tail
