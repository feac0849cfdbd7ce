"""The numbering styles a heading line opens with, and the number it carries. Pure.

The genre numbers its parts `PHẦN THỨ NHẤT` / `PHẦN I`, `CHƯƠNG II`, `A.`, `I.`, `1.`, `1.1.`,
`a)`, `*`, `(1)`, some issuers with `-`, `/` or `)` after the number; `heading_match` names a line's
style and number. Whether the line is a heading is judged in `headings.py`.
"""

from __future__ import annotations

import re

from llmx.vn import UPPER, is_caps

_PART_WORDS = {
    **{"nhất": "1", "một": "1", "hai": "2", "ba": "3", "tư": "4", "bốn": "4", "năm": "5", "sáu": "6"},
    **{"bảy": "7", "bẩy": "7", "tám": "8", "chín": "9", "mười": "10"},
}
_PART = re.compile(r"^(?:PHẦN|Phần|phần)\s+(?:THỨ|Thứ|thứ)\s+(\w+)\s*[.:]?\s*(.*)$")
_PART_NUM = re.compile(r"^(?:PHẦN|Phần)\s+([IVX]+|\d+|[A-H](?!\w))\s*[.:]?\s*(.*)$")
# `Chương I` / `CHƯƠNG II. NHIỆM VỤ ...`, `Mục 1. ...`: a plan's or a long report's chapters and their parts
_CHAPTER = re.compile(r"^(CHƯƠNG|Chương|MỤC|Mục)\s+([IVX]{1,4}|\d{1,2})(?!\w)\s*([.:\-–]?)\s*(.*)$")
# `IV- TỔ CHỨC THỰC HIỆN`, `1- Về kinh tế`, `a- ...`: the older Party style numbers with a hyphen (also
# written without the space before an upper-case word: `II-NHIỆM VỤ`)
_HYPHEN = rf"-(?=\s|{UPPER}(?!{UPPER}*[/-]))"  # but `35-CT/TW ...` opens with a Party document's number
# a number typed with no space before its text (`A.KẾT QUẢ`, `1.1.Cấp giấy`, `a)Về ...`): the mark, then a
# capital letter (a lower-case word after `a.` is no heading: `v.v.`, `đ.c`)
_TIGHT = rf"(?:\./|[.)/])(?={UPPER}[^\W\d_])"  # (`H.C.N`, initials, is no heading)
_ALPHA = re.compile(
    rf"^([A-H])(?:\s*(?:\./|[.)/]|-(?=\s))\s+|{_TIGHT})(\S.*)$"
)  # `A.`, `B)`, `C/`, `D./`, past `E.` too
_ROMAN = re.compile(rf"^(?!V/v\b)([IVX]{{1,4}})\s*(?:\./|[./)]|{_HYPHEN})\s*(\S.*)$")  # `V/v ...` is a subject line
# `1.2.`, `2.1.3`, and the roman-rooted `I.1.` / `II.2.1` of some issuers (the child of `I.`)
_DOTTED = re.compile(rf"^((?:\d{{1,2}}|[IVX]{{1,4}})(?:\.\d{{1,2}})+)(?:\.?\s+|\.(?={UPPER}[^\W\d_]))(\S.*)$")
_ARABIC = re.compile(rf"^(\d{{1,2}})(?:\s*(?:\./|[./)](?![\d;,.)]))|{_HYPHEN})\s*(\S.*)$")
_LOWER = re.compile(rf"^([a-eđgh])(?:(?:\s*[.)/]|-(?=\s))\s+|{_TIGHT})(\S.*)$")  # `a)`, `b.`, `c/`
_ROMAN_WORD = re.compile(r"^[IVX]{1,4}$", re.I)
_STAR = re.compile(r"^\*\s*(\S.*)$")
# `(1) Về nông nghiệp`, `(a) Giáo dục`: the deepest level of district and province reports, and the
# mark of many numbered proposals, tasks and figure sentences (`headings.py` tells them apart); a
# capital letter follows (`(1) sản xuất vụ mùa; (2) ...` wrapped mid-sentence is no such line)
_PAREN = re.compile(rf"^\((\d{{1,2}}|[a-eđgh])\)\s*({UPPER}.*)$")


def all_caps(line: str) -> bool:
    """An ALL-CAPS line (at least four capital letters)."""
    return is_caps(line, 4)


def clean(heading: str) -> str:
    return re.sub(r"[\s.:;,]+$", "", heading).strip()


def heading_match(t: str) -> tuple[str, str | None, str] | None:
    """(style, number, rest) when the stripped line starts like a heading."""
    if m := _PART.match(t):
        word = m.group(1)
        number = word.upper() if _ROMAN_WORD.match(word) else _PART_WORDS.get(word.lower(), word)
        return "PART", "PHẦN " + number, m.group(2)  # `Phần thứ II` is `PHẦN II`, `Phần thứ hai` `PHẦN 2`
    if m := _PART_NUM.match(t):
        return "PART", "PHẦN " + m.group(1), m.group(2)
    if (m := _CHAPTER.match(t)) and (m.group(3) or not m.group(4) or is_caps(m.group(4), 2)):
        word = m.group(1).upper()  # (a wrapped `... quy định tại` / `Mục 2 Chương III Luật ...` is no chapter)
        return ("CHAPTER" if word == "CHƯƠNG" else "SUBCHAPTER"), f"{word} {m.group(2)}", m.group(4)
    if m := _DOTTED.match(t):  # before the roman numbers: `I.1.` is the first child of `I.`
        return f"DOTTED{m.group(1).count('.') + 1}", m.group(1), m.group(2)
    if m := _ALPHA.match(t):
        return "ALPHA", m.group(1), m.group(2)
    if m := _ROMAN.match(t):
        return "ROMAN", m.group(1), m.group(2)
    if m := _ARABIC.match(t):
        return "ARABIC", str(int(m.group(1))), m.group(2)
    if m := _LOWER.match(t):
        return "LOWER", m.group(1), m.group(2)
    if m := _STAR.match(t):
        return "STAR", None, m.group(1)
    if m := _PAREN.match(t):
        if m.group(1).isdigit():
            return "PAREN", str(int(m.group(1))), m.group(2)
        return "PAREN_LOWER", m.group(1), m.group(2)
    return None
