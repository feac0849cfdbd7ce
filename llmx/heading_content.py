"""Numbered lines that hold content, whatever their shape says (see `llmx.headings`). Pure.

A quoted provision's numbers (`“4. Người thuộc hộ nghèo ...` / `5. ... pháp luật.”`), a citation that
introduces a quotation (`b) Khoản 2 Điều 30 Nghị định ... quy định:` then `“c) ...`), a `Label: figure`
value line (`a) Số biên chế được giao: 326 biên chế.`) are the report's text, not its parts.
"""

from __future__ import annotations

import re

# `Khoản 3 Điều 15 Nghị định số 126/2024/NĐ-CP quy định: “...”`: a citation introducing a quotation
_CITES = re.compile(r"(?:quy định|nêu rõ|nêu|ghi rõ|xác định|khẳng định|chỉ rõ)(?:\s+(?:như sau|rằng|cụ thể))?\s*:?$")
_QUOTE_OPEN = ("“", '"')


def cites_quote(heading: str, after: str) -> bool:
    """The line cites a provision and the quotation follows (on the line or the next one): a
    paragraph of the argument, not a heading."""
    return bool(_CITES.search(heading.rstrip())) and after.lstrip().startswith(_QUOTE_OPEN)


# `b) Số biên chế được giao: 326 biên chế.`: the rest of the line is only a figure (a number, its
# unit and a few words, a note in parentheses); a list of such lines states values, it names no parts
FIGURE_VALUE = re.compile(
    r"^(?:khoảng|gần|trên|dưới|đạt|có|là|tổng cộng|tổng số)?\s*\d[\d.,]*(?:/\d[\d.,]*)?\s*%?"
    r"(?!\s*(?:ngày|tháng|năm|giờ|buổi|tuần|phút)\b)"  # `Thời gian: 1,5 ngày` is a plan's item, no figure
    r"(?:\s+[^\W\d_]+){0,4}\s*(?:\([^()]*\))?\s*[.;]?\s*$",
    re.I,
)


_MAX_QUOTE_LINES = 40  # a quotation left open longer than this is a typo, not a quoted provision


def quoted_lines(text: str, lines: list[tuple[int, int]], idx: list[int]) -> set[int]:
    """Lines inside a quotation that opens on an earlier line (`“4. Người thuộc hộ nghèo ...` /
    `5. Người cư trú ... pháp luật.”`): a quoted provision's numbers are not the report's headings.
    A quotation counts only when it opens its line (a quoted block, not a phrase quoted in a
    sentence) and closes within `_MAX_QUOTE_LINES` lines."""
    quoted: set[int] = set()
    n = 0
    while n < len(idx):
        k = idx[n]
        depth = text.count("“", *lines[k]) - text.count("”", *lines[k])
        if depth <= 0 or not text[lines[k][0] : lines[k][1]].lstrip().startswith("“"):  # a quoted block opens a line
            n += 1
            continue
        inside: list[int] = []
        for m in idx[n + 1 : n + 1 + _MAX_QUOTE_LINES]:
            inside.append(m)
            depth += text.count("“", *lines[m]) - text.count("”", *lines[m])
            if depth <= 0:
                quoted.update(inside)
                n = idx.index(m, n)  # the closing line may open the next quotation
                break
        n += 1
    return quoted
