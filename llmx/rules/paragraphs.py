"""A paragraph as the indicator rules read it: its sentences, clauses, parentheses, labels and
footnote anchors, and the figure items found in it. Pure.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from llmx.contract import Approx, Comparison, Sector
from llmx.rules.comparisons import CURRENT_YEAR_FORECAST
from llmx.sectors import detect_sector
from llmx.vn import DIRECTIVE_VERBS, TABLE_ROW

_QUOTED = re.compile(r"[“\"][^“”\"]{0,200}[”\"]")  # titles: “Xây dựng gia đình 5 có 3 sạch”
_ANCHOR = re.compile(r"\[\d{1,3}\]")
_INLINE_ITEM = re.compile(r"(?<=[:;])\s*\(?\d{1,2}\)(?=\s)")  # `đề nghị: 1) Tập trung ...; 2) ...`: item numbers
_NEXT_PERIOD = re.compile(
    r"(?<!\w)(?:phấn\s+đấu|dự\s+kiến(?!" + CURRENT_YEAR_FORECAST + r")|nhiệm\s+vụ\s+trước\s+mắt"
    r"|(?:đặt|đề\s+ra|xác\s+định)\s+mục\s+tiêu"
    r"|sẽ\s+(?:hoàn\s+thành|đạt))(?!\w)",
    re.IGNORECASE,
)
# `Nhiệm vụ tháng 12/2024: tập trung thu ngân sách đạt 100% dự toán; ...`: the work ahead, its figures targets
_WORK_LINE = re.compile(
    rf"^[ \t]*(?:[-+*•][ \t]*)?(?:nhiệm\s+vụ|phương\s+hướng)[^:.;\n]{{0,60}}:[ \t]*(?:{DIRECTIVE_VERBS})(?!\w)",
    re.IGNORECASE | re.MULTILINE,
)
_BASIS_BEFORE_TARGET = re.compile(r"(?:(?-i:KH)|kế\s+hoạch)(?:\s+\w+)?\s+$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\.(?=\s|$)")  # `phấn đấu A; B; C.`: the targets run on past `;` to the sentence's end


_PAREN = re.compile(r"[()]")
# (the end mark first, its look-behind after it: a pattern that opens with a character lets the search skip ahead)
_SENTENCE_END = re.compile(r"[.!?](?<![.\d][.!?])(?=\s|$)(?!\.)|\./\.")
OPEN_END = re.compile(r"[.;:!?…]\s*$")
_SENTENCE_DONE = re.compile(r"[.!?]\s*$")
_BROKEN_END = re.compile(r"[,\-–]\s*$")
# A line that starts a new block: bullet, heading number, lettered item.
_BLOCK_START = re.compile(
    r"[ \t]*(?:[-+•–*][ \t]|\d{1,2}(?:\.\d{1,2})*[./)-][ \t]|[IVX]{1,4}[./-][ \t]|[a-zđ][)-][ \t])"
)


_LABEL = re.compile(r"\s*(?:[-+•–*]\s*)?(?P<label>[^:;.\d\n]{3,80}?)\s*:\s")
_ACTOR = re.compile(r"\s*(?:[-+•–]\s*)?(?P<label>[A-ZĐ][^,:;.\d\n]{1,45}?),\s")
_BULLET = re.compile(r"\s*[-+•–]")
_FOOTNOTE_MARK = re.compile(r"\s*(\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)")


@dataclass
class Item:
    """One indicator under construction (offsets absolute)."""

    value: float | None
    unit: str | None
    num_start: int  # the figure (value, or the percentage of a ratio-only statement)
    end: int  # end of figure, unit, trailing name words and comparisons
    quote_start: int
    own: str  # the name words before the figure
    sentence: int
    words: str = ""  # own words, or those borrowed from a sibling (`khởi tố 02 vụ, 08 đối tượng`)
    local: str = ""  # name within its own clause, counted noun and trailing words included
    name: str = ""
    child_base: str = ""  # what the names of its children start with
    target: float | None = None
    comparisons: list[Comparison] = field(default_factory=list)
    estimated: bool = False
    approx: Approx | None = None
    as_of: str | None = None
    carried: bool = False  # a bare count takes its parent's unit
    parent: Item | None = None
    core: tuple[int, int] | None = None  # span of the figure and unit, to recognise restatements
    sector: Sector = "other"
    flags: list[str] = field(default_factory=list)  # reasons to doubt it (README: flag vocabulary)
    bare_name: bool = False  # no words before the figure named it
    resume: int | None = None  # where later figures are read from, when its quote spans a breakdown

    @property
    def reach(self) -> int:
        """End of its own words: before a breakdown its comparisons were read past (`resume`)."""
        return self.end if self.resume is None else self.resume


@dataclass
class Para:
    """One paragraph (line) of a section body: sentences, parentheses, digits not to read."""

    text: str
    start: int
    end: int
    sector: Sector | None
    label_sector: Sector | None
    label_strong: bool = True  # the label names its sector in specific words
    blocked: bytearray = field(init=False)
    parens: list[tuple[int, int]] = field(init=False)
    sentence_ends: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.blocked = bytearray(self.end - self.start)
        self.parens = _parens(self.text, self.start, self.end)
        self.sentence_ends = [m.end() for m in _SENTENCE_END.finditer(self.text, self.start, self.end)]
        for pattern in (_QUOTED, _ANCHOR, _INLINE_ITEM):
            for m in pattern.finditer(self.text, self.start, self.end):
                self.block(m.start(), m.end())
        for m in _NEXT_PERIOD.finditer(self.text, self.start, self.end):
            if _BASIS_BEFORE_TARGET.search(self.text, max(self.start, m.start() - 30), m.start()):
                continue  # `KH huyện phấn đấu` is a basis, not a target
            stop = _CLAUSE_END.search(self.text, m.end(), self.end)
            self.block(m.start(), stop.start() if stop else self.end)
        for m in _WORK_LINE.finditer(self.text, self.start, self.end):
            line_end = self.text.find("\n", m.end(), self.end)
            self.block(m.start(), self.end if line_end == -1 else line_end)

    def block(self, s: int, e: int) -> None:
        lo, hi = max(s, self.start) - self.start, min(e, self.end) - self.start
        if hi > lo:
            self.blocked[lo:hi] = b"\x01" * (hi - lo)

    def is_blocked(self, pos: int) -> bool:
        return self.start <= pos < self.end and bool(self.blocked[pos - self.start])

    def sentence_of(self, pos: int) -> int:
        return bisect.bisect_right(self.sentence_ends, pos)

    def sentence_start(self, pos: int) -> int:
        k = self.sentence_of(pos)
        return self.sentence_ends[k - 1] if k > 0 else self.start

    def sentence_end(self, pos: int) -> int:
        k = self.sentence_of(pos)
        return self.sentence_ends[k] if k < len(self.sentence_ends) else self.end

    def paren_at(self, pos: int) -> tuple[int, int] | None:
        """Innermost parenthesis (open, close) around `pos`."""
        inside = [(o, c) for o, c in self.parens if o < pos < c]
        return max(inside) if inside else None


def paragraph_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Paragraphs of `text[start:end]`: runs of lines, since PDF and DOCX text is hard-wrapped.

    A line continues the paragraph unless it opens a bullet, heading or footnote, or the previous
    line ended a sentence and it starts with a capital or a digit. A blank line ends the paragraph,
    except at a page break inside a sentence (genre-notes 2.3): the paragraph did not end a clause
    and goes on in lower case or with a figure, or it broke after a comma or a dash.
    """
    spans: list[tuple[int, int]] = []
    gap = True  # a blank line since the last paragraph line
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        stripped = text[pos:stop].strip()
        if not stripped:
            gap = True
        elif spans and _continues(text, spans[-1], pos, stop, stripped, gap):
            spans[-1] = (spans[-1][0], stop)
            gap = False
        else:
            spans.append((pos, stop))
            gap = False
        pos = stop + 1
    return spans


def _continues(text: str, current: tuple[int, int], pos: int, stop: int, stripped: str, gap: bool) -> bool:
    if _BLOCK_START.match(text, pos, stop) or _FOOTNOTE_MARK.match(text, pos, stop):
        return False
    if TABLE_ROW.search(text, pos, stop) or TABLE_ROW.search(text, *current):
        return False  # every table row is a paragraph of its own
    if gap:
        if OPEN_END.search(text, *current):
            return False
        return stripped[0].islower() or stripped[0].isdigit() or bool(_BROKEN_END.search(text, *current))
    return not _SENTENCE_DONE.search(text, *current) or stripped[0].islower()


def sector_of_label(text: str, ps: int, pe: int) -> tuple[Sector | None, bool]:
    """Sector named by a paragraph label (`- Sản xuất nông nghiệp: ...`, `- Ngành Công an, ...`),
    and whether it names it in specific words.

    A `Label:` may use generic words; an actor before the first comma must name a specific
    sector (`- MTTQ, làm việc ...`), so that `Tích cực tuyên truyền, ...` is not a label.
    """
    m = _LABEL.match(text, ps, pe)
    if m and len(re.findall(r"\w+", m.group("label"))) <= 12:
        found = detect_sector(m.group("label"))
        if found is not None:
            return found, detect_sector(m.group("label"), strong_only=True) is not None
    m = _ACTOR.match(text, ps, pe)
    if m and len(m.group("label").split()) <= (8 if _BULLET.match(text, ps, pe) else 4):
        return detect_sector(m.group("label"), strong_only=True), True
    return None, True


def _parens(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []
    for m in _PAREN.finditer(text, start, end):
        if m.group() == "(":
            stack.append(m.start())
        elif stack:
            pairs.append((stack.pop(), m.start()))
    pairs.extend((o, end) for o in stack)  # unclosed: runs to the paragraph end
    return pairs


def footnote_anchor(text: str, ps: int, pe: int) -> int | None:
    """Where the footnote body at `ps` (`² Bao gồm: ...`, `[1]Kết quả ...`) is cited."""
    m = _FOOTNOTE_MARK.match(text, ps, pe)
    if m is None:
        return None
    mark = m.group(1)
    pos = text.rfind(mark, 0, ps)
    while pos != -1:
        if text[text.rfind("\n", 0, pos) + 1 : pos].strip():  # glued to a sentence, not a body
            return pos
        pos = text.rfind(mark, 0, pos)
    return None


def last_in_sentence(para: Para, items: list[Item], pos: int) -> Item | None:
    sentence = para.sentence_of(pos)
    return next((it for it in reversed(items) if it.sentence == sentence), None)


def prefix_floor(items: list[Item], floor: int, s: int) -> int:
    """Where the words naming a figure at `s` may start: after the previous figure."""
    if items and items[-1].end <= s:
        return max(floor, items[-1].end)
    return floor


_AFTER_NOTE = re.compile(r"\)\s*(?:là|đạt|được|ước\s+đạt|:)?\s*", re.IGNORECASE)


def name_floor(para: Para, items: list[Item], s: int) -> int:
    """Where the words naming a figure at `s` may start: after the previous figure, unless that figure sits in
    a note that closes right before this one (`Thu ngân sách (không kể tiền sử dụng đất 12 tỷ đồng) đạt 48 tỷ
    đồng`): then the name is before the note, as for a note with no figure."""
    floor = prefix_floor(items, para.start, s)
    for o, c in para.parens:
        if o < floor <= c + 1 and _AFTER_NOTE.fullmatch(para.text, c, s):
            before = prefix_floor([it for it in items if it.end <= o], para.start, o)
            # a note right after a figure (`12 đảng viên (nữ 5 đồng chí) đạt 80%`) is that figure's
            return before if _words(para.text, before, o) else floor
    return floor


def _words(text: str, a: int, b: int) -> bool:
    """Whether name words (not only punctuation) stand between two offsets."""
    return any(ch.isalpha() for ch in text[a:b])
