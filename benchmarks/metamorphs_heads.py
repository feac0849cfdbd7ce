"""Heading surface forms the genre writes, as rewrites of a report's normalized text (see
`metamorphs.py` for `Rewrite` and how the gold is carried over).

The same outline is written with other marks after the numbers (`I/`, `1/`, `a/`; `1)`, `(1)`;
the older Party style `I-`, `1-`), with no space after the number (`1.1.Các văn bản`), in markdown
bold (`**I. KẾT QUẢ**`), with the first sentence run in after the heading (`1. Về kinh tế: Tổng
giá trị ...`), or with the numbers of one level lost (a Word list's automatic numbering the copy
dropped, capital part titles written without `I.`): those headings' gold numbers become null.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from metamorphs import Rewrite, _heading_lines, _is_table  # type: ignore[import-not-found]

from llmx.contract import ReportDocument, Section
from llmx.vn import is_caps

# a heading's number as the gold writes it: `I.`, `1.2.`, `a)`, `3/`, `II-`, `D./`
_NUMBER = re.compile(r"[ \t]*(?P<tok>[IVXLC]+|[A-Z]|\d+(?:\.\d+)*|[a-zđ])(?![^\W\d_])(?P<punct>\./|[.):/-])?[ \t]*")


def _numbered(gold: ReportDocument) -> Iterator[tuple[Section, re.Match[str]]]:
    """Each gold section whose line opens with its own number (not a `PHẦN` part), and that match
    (`tok` the number as written, `punct` the mark after it, then the spaces)."""
    lines = _heading_lines(gold)
    for sec in gold.sections:
        ls, le = lines[sec.id]
        if sec.number is None or sec.number.startswith("PHẦN") or _is_table(gold.text[ls:le]):
            continue
        m = _NUMBER.match(gold.text, ls, le)
        if not m:
            continue
        if "".join(m["tok"].split()).casefold() != "".join(sec.number.split()).casefold().rstrip("."):
            continue
        yield sec, m


def _simple(tok: str) -> bool:
    """One number, not a dotted `1.2` (`I`, `1`, `a`)."""
    return "." not in tok


def mark_after(gold: ReportDocument, mark: str, *, styles: str = "roman arabic lower") -> Rewrite:
    """The mark after single numbers of the given styles replaced (`I.` -> `I/`, `1.` -> `1-`, ...);
    a space stays after it."""
    rw = Rewrite(gold.text)
    for _, m in _numbered(gold):
        tok = m["tok"]
        style = "arabic" if tok.isdigit() else "lower" if tok.islower() else "roman"
        if not _simple(tok) or style not in styles.split():
            continue
        space = "" if m.end() > m.end("punct") else " "
        rw.edits.append((m.end("tok"), m.end("punct"), mark + space))
    return rw


def open_paren(gold: ReportDocument) -> Rewrite:
    """Arabic numbers written `(1)` instead of `1.`."""
    rw = Rewrite(gold.text)
    for _, m in _numbered(gold):
        if m["tok"].isdigit():
            space = "" if m.end() > m.end("punct") else " "
            rw.edits.append((m.start("tok"), m.end("punct"), f"({m['tok']})" + space))
    return rw


def no_space(gold: ReportDocument) -> Rewrite:
    """The space after a heading number's mark dropped (`1.1.Các văn bản`, `a)Về`, `II.KẾT QUẢ`)."""
    rw = Rewrite(gold.text)
    for _, m in _numbered(gold):
        if m["punct"] and m.end() > m.end("punct"):
            rw.edits.append((m.end("punct"), m.end(), ""))
    return rw


def strip_numbers(gold: ReportDocument, pick: Callable[[ReportDocument, list[Section]], set[str]]) -> Rewrite:
    """The numbers (and their marks) of the sections `pick` chooses taken away; their gold
    number becomes null, as a copy that lost a Word list's automatic numbering reads."""
    found = list(_numbered(gold))
    chosen = pick(gold, [s for s, _ in found])
    rw = Rewrite(gold.text)
    for sec, m in found:
        if sec.id in chosen:
            rw.edits.append((m.start("tok"), m.end(), ""))
            rw.section_fields[sec.id] = {"number": None}
    return rw


def _deepest(gold: ReportDocument, numbered: list[Section]) -> set[str]:
    deepest = max((s.level for s in numbered), default=0)
    return {s.id for s in numbered if s.level == deepest and deepest > 1}


def _top(gold: ReportDocument, numbered: list[Section]) -> set[str]:
    """The outermost numbered level (under a kept `PHẦN` part, the level below it)."""
    top = min((s.level for s in numbered), default=0)
    return {s.id for s in numbered if s.level == top}


def _heading_text_end(gold: ReportDocument, sec: Section, ls: int, le: int) -> int | None:
    """Where the heading's own text ends on its line, with a trailing `:`/`.`; None when the
    heading is not the whole line (`Label: content` already runs in) or goes on to the next line."""
    he = sec.heading_end
    line_end = len(gold.text[:le].rstrip(" \t"))
    if he is None or not ls < he <= line_end or gold.text[he:line_end].strip(" \t:.*"):
        return None
    return line_end


def bold(gold: ReportDocument) -> Rewrite:
    """Each heading (number and text, with its trailing `:`) in markdown bold: `**I. KẾT QUẢ**`."""
    rw = Rewrite(gold.text)
    lines = _heading_lines(gold)
    for sec in gold.sections:
        ls, le = lines[sec.id]
        line = gold.text[ls:le]
        if _is_table(line) or sec.heading_end is None or not ls < sec.heading_end <= le or "*" in line:
            continue  # (a part's title on the lines under `PHẦN THỨ NHẤT` is left alone)
        first = ls + len(line) - len(line.lstrip())
        end = sec.heading_end
        while end < le and gold.text[end] in ":.":
            end += 1
        if end <= first:
            continue
        rw.edits.append((first, first, "**"))
        rw.edits.append((end, end, "**"))
    return rw


_PROSE = re.compile(r"^[^\W\d_]")  # a paragraph opens with a letter (not a bullet, a number, a table)
_LIST_MARK = re.compile(r"^(?:[a-zđ]|[IVXLC]+)[.)/-]\s")  # `a) ...`: a list item, not the section's first sentence


def run_in(gold: ReportDocument) -> Rewrite:
    """A heading that is its whole line takes the first sentence of its text onto its line after
    a colon (`1. Về kinh tế: Tổng giá trị sản xuất ...`), when that text is a paragraph."""
    rw = Rewrite(gold.text)
    lines = _heading_lines(gold)
    starts = {lines[s.id][0] for s in gold.sections}
    text = gold.text
    for sec in gold.sections:
        ls, le = lines[sec.id]
        if _is_table(text[ls:le]) or le >= len(text):
            continue
        end = _heading_text_end(gold, sec, ls, le)
        if end is None or sec.number is None or sec.number.startswith("PHẦN") or is_caps(sec.heading, 4):
            continue  # (a capital part title runs on alone: the genre runs text in after topic lines)
        nxt = le + 1
        while nxt < len(text) and text[nxt] in " \t\n":
            nxt += 1
        nls = text.rfind("\n", 0, nxt) + 1
        nle = text.find("\n", nxt)
        nline = text[nxt : len(text) if nle < 0 else nle]
        if nls in starts or not _PROSE.match(nline) or _LIST_MARK.match(nline) or _is_table(nline) or nxt >= sec.end:
            continue
        cut = end
        while cut > ls and text[cut - 1] in ":. \t":
            cut -= 1
        rw.edits.append((cut, nxt, ": "))
    return rw


Transform = Callable[[ReportDocument], Rewrite]

TRANSFORMS: dict[str, Transform] = {
    "num_slash": lambda g: mark_after(g, "/"),
    "num_paren": lambda g: mark_after(g, ")", styles="arabic"),
    "num_nospace": no_space,
    "heads_bold": bold,
    "heads_run_in": run_in,
    "strip_deepest": lambda g: strip_numbers(g, _deepest),
    # held back: never looked at while fixing, scored at the end
    "num_hyphen": lambda g: mark_after(g, "-"),
    "num_open_paren": open_paren,
    "strip_top": lambda g: strip_numbers(g, _top),
}
HELD_BACK: frozenset[str] = frozenset({"num_hyphen", "num_open_paren", "strip_top"})
