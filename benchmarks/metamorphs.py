"""Content-preserving rewrites of a report's normalized text, each with its offset map.

Issuers write the same report in other surface forms: other heading numbering, other bullets,
lines hard-wrapped by a web copy or pdftotext, blank lines dropped or doubled, headings in
capitals or in sentence case, no header or closing block (a web excerpt), `:` after headings or
not. A rewrite here changes only such a form; the gold of the original text is carried over
through the offset map (`Rewrite.old_to_new`), so a rules run on the rewritten text can be scored
as on the original. Used by `metamorphic.py`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from llmx.contract import ReportDocument, Section
from llmx.normalize import line_spans


@dataclass
class Rewrite:
    """Edits `(start, end, new)` on an old text (non-overlapping), the new text they give, and
    per-section overrides of the gold fields a rewrite changes (`number`, `heading`)."""

    old: str
    edits: list[tuple[int, int, str]] = field(default_factory=list)
    section_fields: dict[str, dict[str, str | None]] = field(default_factory=dict)
    keep: tuple[int, int] | None = None  # old span kept (the rest cut away); None: all

    def new_text(self) -> str:
        out, at = [], 0
        for s, e, new in sorted(self.edits):
            out.append(self.old[at:s])
            out.append(new)
            at = e
        out.append(self.old[at:])
        return "".join(out)

    def mapper(self) -> Callable[[int, bool], int]:
        """old offset -> new offset; `end=True` maps an item's end (an insertion at that offset
        stays after it), else a start (an insertion at that offset goes before it)."""
        edits = sorted(self.edits)
        starts = [s for s, _, _ in edits]
        cum, total = [], 0  # shift after each edit
        for s, e, new in edits:
            total += len(new) - (e - s)
            cum.append(total)

        def to_new(old: int, end: bool) -> int:
            k = bisect.bisect_right(starts, old) - 1  # last edit starting at or before `old`
            while k >= 0:
                s, e, new = edits[k]
                before = cum[k - 1] if k > 0 else 0
                if s == e == old:  # an insertion right here
                    if end:
                        k -= 1
                        continue
                    return old + cum[k]
                if s <= old < e or (end and old == e and s < e):
                    return s + before + (len(new) if end else 0)
                return old + cum[k]
            return old

        return to_new


def _heading_lines(gold: ReportDocument) -> dict[str, tuple[int, int]]:
    """Each gold section's heading line span (start of the heading to the end of its line)."""
    text = gold.text
    out = {}
    for sec in gold.sections:
        hs = sec.heading_start if sec.heading_start is not None else sec.start
        ls = text.rfind("\n", 0, hs) + 1
        le = text.find("\n", hs)
        out[sec.id] = (ls, len(text) if le < 0 else le)
    return out


def _is_table(line: str) -> bool:
    return " | " in line


# --- heading numbering ------------------------------------------------------------------

_NUMBER = re.compile(
    r"(?P<lead>[ \t]*)(?P<tok>(?:PHẦN|Phần)\s+[IVXLC\d]+|[IVXLC]+|[A-Z]|\d+(?:\.\d+)*|[a-zđ])(?![^\W\d_])"
    r"(?P<punct>[.):]?)[ \t]*"
)

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]
LETTERS = "abcdđeghiklmnopqrstuvxy"


def _roman(n: int) -> str:
    return ROMAN[n - 1] if n <= len(ROMAN) else str(n)


def _decimal_scheme(path: list[int]) -> tuple[str, str]:
    """1. / 1.1. / 1.1.1. / a) (token as written, gold number)."""
    if len(path) <= 3:
        num = ".".join(map(str, path))
        return num + ".", num
    letter = LETTERS[(path[-1] - 1) % len(LETTERS)]
    return letter + ")", letter


def _letters_scheme(path: list[int]) -> tuple[str, str]:
    """A. / I. / 1. / a)."""
    n = path[-1]
    depth = len(path)
    if depth == 1:
        letter = "ABCDEGHIK"[(n - 1) % 9]
        return letter + ".", letter
    if depth == 2:
        return _roman(n) + ".", _roman(n)
    if depth == 3:
        return f"{n}.", str(n)
    letter = LETTERS[(n - 1) % len(LETTERS)]
    return letter + ")", letter


def _parts_scheme(path: list[int]) -> tuple[str, str]:
    """PHẦN I. / 1. / 1.1. / a)."""
    n = path[-1]
    if len(path) == 1:
        return f"PHẦN {_roman(n)}.", f"PHẦN {_roman(n)}"
    if len(path) <= 3:
        num = ".".join(map(str, path[1:]))
        return num + ".", num
    letter = LETTERS[(n - 1) % len(LETTERS)]
    return letter + ")", letter


ORDINALS = ["NHẤT", "HAI", "BA", "TƯ", "NĂM", "SÁU", "BẢY", "TÁM", "CHÍN", "MƯỜI"]


def _ordinal_parts_scheme(path: list[int]) -> tuple[str, str]:
    """PHẦN THỨ NHẤT. / I. / 1. / 1.1. / a) (parts spelt out in words, roman below). Used with
    `parts`: under a report's own `Phần thứ nhất` / `PHẦN I` the count starts at `I.`, never a
    `PHẦN THỨ NHẤT` inside a part, which no issuer writes."""
    n = path[-1]
    depth = len(path)
    if depth == 1:
        return f"PHẦN THỨ {ORDINALS[(n - 1) % len(ORDINALS)]}.", f"PHẦN {n}"
    if depth == 2:
        return _roman(n) + ".", _roman(n)
    if depth <= 4:
        num = ".".join(map(str, path[2:]))
        return num + ".", num
    letter = LETTERS[(n - 1) % len(LETTERS)]
    return letter + ")", letter


def renumber(gold: ReportDocument, scheme: Callable[[list[int]], tuple[str, str]], *, parts: bool = False) -> Rewrite:
    """Every numbered heading whose line starts with its number takes the scheme's number for
    its place in the tree. A heading the rewrite keeps (a `PHẦN` line, a number not at the line
    start) restarts the count below it, as issuers number anew under a part; `parts`: the scheme
    spends its first depth on `PHẦN`, which such a kept part already is."""
    rw = Rewrite(gold.text)
    lines = _heading_lines(gold)
    counters: dict[str, int] = {}
    paths: dict[str, list[int]] = {}
    under_part: dict[str, bool] = {}
    for sec in gold.sections:
        parent = sec.parent_id or ""
        above = paths.get(parent, [])
        under_part[sec.id] = under_part.get(parent, False)
        hs = sec.heading_start if sec.heading_start is not None else sec.start
        if not gold.text[lines[sec.id][0] : hs].strip(" \t*"):
            hs = lines[sec.id][0]  # the number may sit before the gold heading start (`c) Chủng ...`)
        m = _NUMBER.match(gold.text, hs, lines[sec.id][1])
        kept = (
            sec.number is None
            or not m
            or m["tok"].casefold().startswith("phần")
            or "".join(m["tok"].split()).casefold() != "".join(sec.number.split()).casefold().rstrip(".")
        )
        if kept:
            paths[sec.id] = [] if sec.number is not None else above
            under_part[sec.id] = under_part[sec.id] or sec.number is not None
            continue
        assert m is not None
        counters[parent] = counters.get(parent, 0) + 1
        path = [*above, counters[parent]]
        paths[sec.id] = path
        written, number = scheme([1, *path] if parts and under_part[sec.id] else path)
        rw.edits.append((m.start("tok"), m.end("punct"), written))
        rw.section_fields[sec.id] = {"number": number}
    return rw


# --- bullets -------------------------------------------------------------------------------

_BULLET = re.compile(r"^([ \t]*)([-+•*–])([ \t])", re.M)


def bullets(gold: ReportDocument, swap: dict[str, str]) -> Rewrite:
    """Line-leading bullet marks swapped (`-` <-> `+`, all to `•`, ...); table rows untouched."""
    rw = Rewrite(gold.text)
    for m in _BULLET.finditer(gold.text):
        new = swap.get(m[2])
        if new is not None and new != m[2]:
            rw.edits.append((m.start(2), m.end(2), new))
    return rw


# --- line layout ---------------------------------------------------------------------------

_MARKERISH = re.compile(r"(?:[-+•*–]|\d+[.)]|[IVXLC]+\.|[a-zđ]\))$")


def hard_wrap(gold: ReportDocument, width: int) -> Rewrite:
    """Every prose line longer than `width` broken at its last space before the width (a space
    becomes a line break: offsets do not move), never before a word that would read as a list
    mark or a heading number."""
    rw = Rewrite(gold.text)
    for ls, le in line_spans(gold.text):
        line = gold.text[ls:le]
        if _is_table(line):
            continue
        at = 0
        while len(line) - at > width:
            cut = line.rfind(" ", at + 1, at + width)
            while cut > at:
                nxt = line[cut + 1 :].split(" ", 1)[0]
                if nxt and not _MARKERISH.match(nxt):
                    break
                cut = line.rfind(" ", at + 1, cut)
            if cut <= at:
                break
            rw.edits.append((ls + cut, ls + cut + 1, "\n"))
            at = cut + 1
    return rw


def blank_lines(gold: ReportDocument, *, double: bool) -> Rewrite:
    """Blank lines removed (`double=False`) or one added after every non-blank line."""
    rw = Rewrite(gold.text)
    lines = line_spans(gold.text)
    for k, (ls, le) in enumerate(lines[:-1]):
        blank = not gold.text[ls:le].strip()
        if double:
            nxt_blank = not gold.text[lines[k + 1][0] : lines[k + 1][1]].strip()
            if not blank and not nxt_blank:
                rw.edits.append((le + 1, le + 1, "\n"))
        elif blank and k > 0:
            rw.edits.append((ls, le + 1, ""))
    return rw


# --- heading case and colon ---------------------------------------------------------------


def _acronyms(gold: ReportDocument, heading_spans: list[tuple[int, int]]) -> set[str]:
    """Upper-case words that the body also writes in capitals (UBND, PCI): kept as they are."""
    body = list(gold.text)
    for s, e in heading_spans:
        body[s:e] = " " * (e - s)
    return {w for w in re.findall(r"\w+", "".join(body)) if len(w) > 1 and w.isupper()}


_ROMAN = re.compile(r"[IVXLC]+")  # `NHIỆM KỲ IV`


def _sentence_case(line: str, keep: set[str]) -> str:
    """A capital line in sentence case: its first word capitalised, acronyms in `keep` kept."""
    words, first = [], True
    for part in re.split(r"(\w+)", line):
        if part and part.isalpha() and part not in keep and not _ROMAN.fullmatch(part):
            part = part[0] + part[1:].lower() if first else part.lower()
            first = False
        elif part and part.isalpha():
            first = False
        words.append(part)
    return "".join(words)


def heading_case(gold: ReportDocument, *, upper: bool) -> Rewrite:
    """Heading lines in capitals (`upper=True`) or capital headings in sentence case."""
    rw = Rewrite(gold.text)
    spans = _heading_lines(gold)
    keep = set() if upper else _acronyms(gold, list(spans.values()))
    for sec in gold.sections:
        hs = sec.heading_start if sec.heading_start is not None else sec.start
        le = spans[sec.id][1]
        off = gold.text.find(sec.heading[:15], hs, le)  # the heading's words: its number stays as written
        line = gold.text[off:le]
        if off < 0 or _is_table(line):
            continue
        if upper:
            new, heading = line.upper(), sec.heading.upper()
        else:
            letters = [c for c in line if c.isalpha()]
            if not letters or not all(c.isupper() for c in letters):
                continue
            new, heading = _sentence_case(line, keep), _sentence_case(sec.heading, keep)
        if new == line or len(new) != len(line):
            continue
        rw.edits.append((off, le, new))
        rw.section_fields[sec.id] = {"heading": heading}
    return rw


def heading_colon(gold: ReportDocument, *, add: bool) -> Rewrite:
    """A `:` added after headings that end without one, or dropped where a heading line ends with
    one (only headings that are the whole line)."""
    rw = Rewrite(gold.text)
    for sec in gold.sections:
        ls, le = _heading_lines(gold)[sec.id]
        line = gold.text[ls:le].rstrip()
        end = ls + len(line)
        if not line or _is_table(line) or not line.rstrip(":.").endswith(sec.heading.rstrip()[-8:]):
            continue
        if add and line[-1] not in ":.":
            rw.edits.append((end, end, ":"))
        elif not add and line.endswith(":"):
            rw.edits.append((end - 1, end, ""))
    return rw


# --- frame ---------------------------------------------------------------------------------


def unframed(gold: ReportDocument) -> Rewrite:
    """The header block (issuer, number, date, title) and the closing block (closing formula,
    `Nơi nhận`, signature) cut away, as a web excerpt of the body: the text runs from the first
    heading (else the first item's line) to the end of the last section (else the last item's line)."""
    text = gold.text
    items = [
        it for group in ("indicators", "tasks", "limitations", "references", "proposals") for it in getattr(gold, group)
    ]
    if gold.sections:
        first = min(s.heading_start if s.heading_start is not None else s.start for s in gold.sections)
        last = max(s.end for s in gold.sections)
    elif items:
        first, last = min(i.start for i in items), max(i.end for i in items)
        le = text.find("\n", last)
        last = len(text) if le < 0 else le
    else:
        return Rewrite(text)
    first = text.rfind("\n", 0, first) + 1
    return Rewrite(text, edits=[(0, first, ""), (last, len(text), "")], keep=(first, last))


# --- the catalogue -------------------------------------------------------------------------

Transform = Callable[[ReportDocument], Rewrite]

TRANSFORMS: dict[str, Transform] = {
    "num_decimal": lambda g: renumber(g, _decimal_scheme),
    "num_parts": lambda g: renumber(g, _parts_scheme, parts=True),
    "bullet_swap": lambda g: bullets(g, {"-": "+", "+": "-"}),
    "bullet_dot": lambda g: bullets(g, {"-": "•", "+": "◦"}),
    "bullet_endash": lambda g: bullets(g, {"-": "–", "+": "-"}),
    "wrap80": lambda g: hard_wrap(g, 80),
    "blank_none": lambda g: blank_lines(g, double=False),
    "blank_double": lambda g: blank_lines(g, double=True),
    "heads_caps": lambda g: heading_case(g, upper=True),
    "heads_sentence": lambda g: heading_case(g, upper=False),
    "colon_add": lambda g: heading_colon(g, add=True),
    "colon_drop": lambda g: heading_colon(g, add=False),
    "unframed": unframed,
    # held back: never looked at while fixing, scored at the end
    "num_letters": lambda g: renumber(g, _letters_scheme),
    "num_ordinal_parts": lambda g: renumber(g, _ordinal_parts_scheme, parts=True),
    "wrap72_blank_none": lambda g: _chain(g, lambda x: blank_lines(x, double=False), lambda x: hard_wrap(x, 72)),
}
HELD_BACK: frozenset[str] = frozenset({"num_letters", "num_ordinal_parts", "wrap72_blank_none"})


def _chain(gold: ReportDocument, *parts: Transform) -> Rewrite:
    """Rewrites whose edits never overlap (blank lines vs spaces inside lines) applied as one."""
    out = Rewrite(gold.text)
    for part in parts:
        out.edits += part(gold).edits
    return out


def carry_gold(gold: ReportDocument, rw: Rewrite) -> ReportDocument:
    """The gold moved onto the rewritten text: offsets through the map, quotes re-read, section
    numbers/headings as the rewrite set them; items outside a cut are dropped."""
    new = rw.new_text()
    to_new = rw.mapper()
    keep = rw.keep

    def inside(s: int, e: int) -> bool:
        return keep is None or (keep[0] <= s and e <= keep[1])

    update: dict[str, object] = {"text": new}
    for group, fld in (
        ("indicators", "quote"),
        ("references", "quote"),
        ("tasks", "text"),
        ("limitations", "text"),
        ("proposals", "text"),
    ):
        moved = []
        for it in getattr(gold, group):
            if not inside(it.start, it.end):
                continue
            s, e = to_new(it.start, False), to_new(it.end, True)
            moved.append(it.model_copy(update={"start": s, "end": e, fld: new[s:e]}))
        update[group] = moved
    sections: list[Section] = []
    for sec in gold.sections:
        up: dict[str, object] = {"start": to_new(sec.start, False), "end": to_new(sec.end, True)}
        if sec.heading_start is not None and sec.heading_end is not None:
            up["heading_start"] = to_new(sec.heading_start, False)
            up["heading_end"] = to_new(sec.heading_end, True)
        up.update(rw.section_fields.get(sec.id, {}))
        sections.append(sec.model_copy(update=up))
    update["sections"] = sections
    return gold.model_copy(update=update)
