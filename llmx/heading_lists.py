"""Numbered lines judged as lists of siblings (see `llmx.headings`). Pure.

A numbered line's shape alone can mislead: an enumeration (`1. Hội Nông dân;`), a list of letter
items one of which is a paragraph, a list of `Label: figure` values, template headings around one
long line. Each list of siblings is
judged as a whole here; `headings.py` finds the lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PAREN_STYLES = ("PAREN", "PAREN_LOWER")  # `(1)`, `(a)`: see `heading_parens`

_ONE_CLAUSE = re.compile(r"[^.;:!?…]{3,90}\.")  # `Sản xuất nông nghiệp duy trì ổn định.`


def stated_topic(rest: str) -> bool:
    """A lettered heading written as a short statement with a full stop (`a) Sản xuất nông
    nghiệp duy trì ổn định.`): one clause of a few words, the way `1.1.` headings are written
    too; the caller asks that text follows under it (a list of one-line findings does not)."""
    body = rest.strip()
    return _ONE_CLAUSE.fullmatch(body) is not None and len(body.split()) <= 14


@dataclass
class Heading:
    style: str
    number: str | None
    heading: str
    start: int  # heading line start
    end: int  # end of heading text (content may follow on the same line after ': ')
    body_start: int  # where the section's own text begins


@dataclass
class Numbered:
    """One numbered line, as a member of its list of siblings."""

    start: int
    style: str
    number: str | None
    kind: str  # "topic" (a heading), "label" (`Label: content` on the line), "content" (a paragraph)
    like: bool  # reads like a heading on its own (lettered items)
    directive: bool  # opens with a directive verb (`Tăng cường ...`): a task paragraph's shape
    listed: bool = False  # ends in `;`: an item of an enumeration (`1. Hội Nhà báo tỉnh;`), never a heading
    figure: bool = False  # `Label: value`, the value only a figure (`b) Số người làm việc: 24 người.`)
    alone: bool = False  # `Label: content` ending as a sentence, nothing under it (its next sibling follows)
    template: Heading | None = None  # the heading it makes if its siblings say it is one


def _groups(lines: list[Numbered]) -> list[list[Numbered]]:
    """Lists of siblings: consecutive lines of one style, broken by a line of an outer style
    (one that first appears earlier) or, for `1.1.` numbers, by another parent number."""
    rank: dict[str, int] = {}
    for ln in lines:
        rank.setdefault(ln.style, len(rank))
    groups: list[list[Numbered]] = []
    open_groups: dict[str, list[Numbered]] = {}
    for ln in lines:
        for style in [st for st in open_groups if rank[st] > rank[ln.style]]:
            groups.append(open_groups.pop(style))  # an outer line closes the inner lists
        current = open_groups.get(ln.style)
        parent = ln.number.rsplit(".", 1)[0] if ln.style.startswith("DOTTED") and ln.number else None
        if current and parent is not None and current[-1].number and current[-1].number.rsplit(".", 1)[0] != parent:
            groups.append(open_groups.pop(ln.style))
            current = None
        if current is None:
            current = open_groups[ln.style] = []
        current.append(ln)
    groups.extend(open_groups.values())
    return groups


def judge_lists(found: list[Heading], lines: list[Numbered], parts: tuple[str, ...]) -> list[Heading]:
    """Headings after judging each list of siblings as a whole (see `llmx.headings`)."""
    drop: set[int] = set()
    add: list[Heading] = []
    for group in _groups(lines):
        if group[0].style in parts:
            continue
        if 2 * sum(ln.listed for ln in group) >= len(group):  # an enumeration, its last item ends in `.`
            drop.update(ln.start for ln in group)  # `1. Ông Nguyễn Văn A, Sở Nội vụ: Thành viên;` too
            continue
        drop.update(ln.start for ln in group if ln.listed and ln.kind == "topic")
        if all(ln.figure for ln in group):  # a list of values (LABELING: content); one value among
            drop.update(ln.start for ln in group)  # template headings stays a heading (`c) ...: 1.939 kg`)
            continue
        content = sum(ln.kind == "content" for ln in group)
        topics = sum(ln.kind == "topic" for ln in group)
        if group[0].style in ("ALPHA", "ROMAN"):  # parts: a long one among titled siblings is titled too
            if topics >= content:
                add.extend(
                    ln.template
                    for k, ln in enumerate(group)
                    if ln.template and k and not ln.directive and _in_sequence(group[k - 1], ln)
                )
            continue
        if group[0].style in PAREN_STYLES:  # topics only when the whole list is topics (`heading_parens`)
            if len(group) < 2 or not all(ln.like for ln in group):
                drop.update(ln.start for ln in group)
            continue
        if group[0].style == "LOWER":
            if not all(ln.like for ln in group):
                drop.update(ln.start for ln in group)
            continue
        if content >= 2 and content == len(group) - 1 and group[-1].kind == "topic" and not group[-1].like:
            drop.add(group[-1].start)  # the last of a run of numbered sentences, a paragraph after it: content
        if content:  # `2.7. Đẩy mạnh phong trào ...: Lồng ghép ...` among directive paragraphs
            drop.update(ln.start for ln in group if ln.kind == "label" and ln.directive)
        labels = sum(ln.kind == "label" for ln in group)
        if content >= 2 and not topics and content >= 2 * labels:
            # `3. Chủ tịch hội: ông A; Phó Chủ tịch: bà B.` among numbered sentences: one more sentence
            drop.update(ln.start for ln in group if ln.kind == "label" and ln.alone)
        if topics >= 2 and topics > content:  # template headings around one long line
            add.extend(
                ln.template
                for k, ln in enumerate(group)
                if ln.template is not None and not ln.directive and _in_sequence(group[k - 1] if k else None, ln)
            )
    return sorted([h for h in found if h.start not in drop] + add, key=lambda h: h.start)


def _in_sequence(prev: Numbered | None, line: Numbered) -> bool:
    """`line`'s number follows its previous sibling's (`7.1.` then `7.2.`): a template heading
    keeps the count, a quoted provision (`3. Sau khi hội ...` after `1.`) does not."""
    last = (line.number or "").rsplit(".", 1)[-1]
    if prev is None:
        return last in ("1", "a", "I")
    before = (prev.number or "").rsplit(".", 1)[-1]
    if before.isdigit() and last.isdigit():
        return int(last) == int(before) + 1
    return _ORDINALS.get(last, 0) == _ORDINALS.get(before, -1) + 1  # `A.` then `B.`, `IV.` then `V.`


_ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]
_ORDINALS = {**{r: k + 1 for k, r in enumerate(_ROMANS)}, **{c: k + 1 for k, c in enumerate("ABCDE")}}
