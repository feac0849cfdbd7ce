"""Indicators by rule (SPEC 4): the figures an analyst would put in a spreadsheet.

A figure is an indicator value when a unit follows it (`units.py`), when it is a percentage
that is not a comparison (`tỷ lệ thu gom rác thải đạt 70%`), or when it is a ratio with no value
(`Trồng cây nhân dân đạt 80% KH` -> value null, one comparison). Comparisons, an `x/y` target and
a plan in parentheses attach to the figure they follow (`comparisons.py`). Everything else that
contains digits is dropped: dates, years and terms, ordinals and names (`lớp 8`, `Quốc lộ 10`,
`Cụm thi đua số 1`), document numbers, ages and time spans (`dưới 05 tuổi`, `6 tháng`), quoted
titles, footnote anchors, ranges, and figures in a `phấn đấu ...` clause (next-period targets).

Names are the document's words before the figure (trailing verbs such as `đạt`, `là`, `ước`
and an `đến 20/02/2023` removed), plus the counted noun and the words after it when they say what
is counted (`Cấp 1027 căn cước công dân` -> `Cấp căn cước công dân`). The quote runs from the name
through the last comparison.

Decisions the SPEC leaves open (kept consistent across the corpus):
* A share after a count, `37 hộ nghèo chiếm 1,87%`, gives two indicators with the same name:
  the count (37, `hộ nghèo`) and the share (1.87, `%`), whose quote runs from the count's name
  through the percentage. A share with no count before it (`tỷ lệ nợ quá hạn chiếm 0,28%`) is one
  indicator with unit `%`.
* `đạt X%` after a figure with no basis written gives basis `other` and `basis_text` ``;
  `đạt tỷ lệ X%` gives `basis_text` `tỷ lệ`. With no figure before it, `đạt X%` is the value.
* Counts of indicators or criteria (`08/10 chỉ tiêu ... đạt và vượt trên 50% KH năm`) keep the
  threshold in their name and get no comparison; a threshold with no count (`các chỉ tiêu cơ bản
  đều đạt và vượt 50% kế hoạch năm`) is not an indicator.
* `as_of` is null when the date has no year (`đến ngày 30/6`): the year is never guessed.
* Breakdown children (`trong đó`, `gồm`, `Bao gồm`, a parenthesis of same-unit parts, a footnote
  `² Bao gồm: ...`) are named `parent - child`; they inherit the parent's `as_of` and `estimated`,
  and a bare child count (`khiển trách 21`) the parent's unit. Two lists of one total (`trong đó`
  by level, `Bao gồm` by type) are both children of that total, never chained.
* Figures in a parenthesis after plain words share those words: `chi trả ... Hợp Hưng (12 hộ,
  số tiền là 1,01 tỷ đồng)` -> `... Hợp Hưng` (12 hộ) and `... Hợp Hưng - số tiền` (1.01).
* A figure restated from an earlier section (same figure, most of its words nearby) is dropped,
  so a summary block does not count a result twice.
* `sector`: the paragraph's label (`- Sản xuất nông nghiệp: ...`, `- Ngành Công an, ...`), else
  a specific cue in the indicator's own name, else a neighbour's in the same sentence, else the
  section's sector; a general-economy answer gives way to any more specific one; `other` last.
Pure: no I/O.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from llmx.contract import Approx, Comparison, Indicator, Sector
from llmx.numbers import NUMBER_RE, parse_number
from llmx.rules.comparisons import (
    APPROX,
    APPROX_BEFORE,
    AS_OF_RE,
    ESTIMATE_RE,
    as_of_date,
    parse_comparison,
    read_following,
)
from llmx.rules.units import CLASSIFIERS, META_UNITS, is_measure, match_unit, read_tail
from llmx.sectors import detect_sector

# --- digits that are not figures -------------------------------------------------------------

_TIME_BEFORE = re.compile(r"(?<!\w)(?:ngày|mùng|mồng|tháng|năm|quý|tuần)\s*$", re.IGNORECASE)
# Words right before a number that make it an ordinal, a name or a document number.
_NOT_BEFORE = re.compile(
    r"(?<!\w)(?:lớp|thứ|lần|khóa|khoá|mức|vòng|đợt|giai\s+đoạn|nhiệm\s+kỳ|(?<!tổng\s)số|quốc\s+lộ|"
    r"tỉnh\s+lộ|ql|đt|tl|tổ|đội|phòng|xóm|trung\s+ương|tw|hạng|chuẩn\s+mức|điều|khoản|chương|"
    r"kỷ\s+niệm|tuổi|phụ\s+lục|khu|cụm|đường|phố|ấp|ca|khối|nhóm|iso|tcvn|km|hội\s+nghị|đại\s+hội|"
    r"covid|nghị\s+quyết|nghị\s+định|quyết\s+định|chỉ\s+thị|kết\s+luận|kế\s+hoạch|thông\s+tư|"
    r"thông\s+tri|văn\s+bản|công\s+văn|quy\s+định|hướng\s+dẫn|chương\s+trình|đề\s+án|(?-i:Luật)|"
    r"thông\s+báo|tờ\s+trình|công\s+điện|tiêu\s+chí\s+số)\s*(?:số\s*)?$",
    re.IGNORECASE,
)
_HYPHEN_NAME = re.compile(r"[^\W\d_]-\s?$")  # Covid-19
_DOC_AFTER = re.compile(r"\s*(?:-\s*[A-ZĐ]|/\s*[A-ZĐ]|/\d{4}/)")  # 01-KL/TW, 2326/KL-TTCTP
_RANGE_AFTER = re.compile(r"\s*[-–]\s*\d")  # 2022 – 2023, 9001-9008
_RANGE_BEFORE = re.compile(r"\d\s*[-–]\s*$")
_QUOTED = re.compile(r"[“\"][^“”\"]{0,200}[”\"]")  # titles: “Xây dựng gia đình 5 có 3 sạch”
_ANCHOR = re.compile(r"\[\d{1,3}\]")
_NEXT_PERIOD = re.compile(r"(?<!\w)(?:phấn\s+đấu|dự\s+kiến)(?!\w)", re.IGNORECASE)
_BASIS_BEFORE_TARGET = re.compile(r"(?:(?-i:KH)|kế\s+hoạch)(?:\s+\w+)?\s+$", re.IGNORECASE)
_CLAUSE_END = re.compile(r";|\.(?=\s|$)")
_FRACTION = re.compile(r"\s*/\s*")
_DATE_REST = re.compile(r"\s*/\s*\d")
_SCALE_BEFORE = re.compile(r"t[ỷỉ]\s+lệ\s+$", re.IGNORECASE)  # tỷ lệ 1/500
_FRACTION_VERB = re.compile(r"(?:đạt|hoàn\s+thành|có|giải\s+quyết|thực\s+hiện|được)\s+$", re.IGNORECASE)
_PCT = re.compile(r"\s?[%‰]")
_BARE_END = re.compile(r"\s*(?:[;,.)]|trong\s+đó|$)", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"[^\W\d_]\s+$")

# --- layout of a paragraph -------------------------------------------------------------------

_DIGIT = re.compile(r"\d")
_PAREN = re.compile(r"[()]")
_SENTENCE_END = re.compile(r"(?<![.\d])[.!?](?=\s|$)(?!\.)|\./\.")
_OPEN_END = re.compile(r"[.;:!?…]\s*$")
_SENTENCE_DONE = re.compile(r"[.!?]\s*$")
_BROKEN_END = re.compile(r"[,\-–]\s*$")
# A line that starts a new block: bullet, heading number, lettered item.
_BLOCK_START = re.compile(r"[ \t]*(?:[-+•–*][ \t]|\d{1,2}(?:\.\d{1,2})*[./)][ \t]|[IVX]{1,4}[./][ \t]|[a-eđ]\)[ \t])")
_HARD = re.compile(
    r"[;:()\[\]=…]|\.(?=\s)|(?<!\w)(?:trong\s+đó|bao\s+gồm|gồm(?:\s+có)?|cụ\s+thể|như\s+sau)(?!\w)",
    re.IGNORECASE,
)
_SOFT_HARD = re.compile(r"[;:()\[\]=]|\.(?=\s)")
_MARKER = re.compile(r"(?<!\w)(?:trong\s+đó(?:\s+có)?|bao\s+gồm|gồm(?:\s+có)?)(?!\w)\s*:?\s*", re.IGNORECASE)
_LABEL = re.compile(r"\s*(?:[-+•–*]\s*)?(?P<label>[^:;.\d\n]{3,80}?)\s*:\s")
_ACTOR = re.compile(r"\s*(?:[-+•–]\s*)?(?P<label>[A-ZĐ][^,:;.\d\n]{1,45}?),\s")
_BULLET = re.compile(r"\s*[-+•–]")
_FOOTNOTE_MARK = re.compile(r"\s*(\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)")
_MARKS = " \t\n-+•*[]0123456789¹²³⁴⁵⁶⁷⁸⁹⁰"

# --- names ---------------------------------------------------------------------------------------

_LEAD_TRIM = re.compile(
    r"(?:[\s,.\-+•*–/]+|(?:và|còn|đồng\s+thời|trong\s+đó|bao\s+gồm|gồm|trong\s+tháng|trong\s+kỳ|"
    r"trong\s+quý|trong\s+năm|trong\s+tuần|kết\s+quả|lũy\s+kế|luỹ\s+kế|đến\s+nay|hiện\s+nay|"
    r"tính\s+đến\s+nay|qua\s+đó|qua\s+kiểm\s+tra|có|nhưng|song|tuy\s+nhiên|ngoài\s+ra|như|"
    r"(?:trong\s+)?\d+\s+tháng(?:\s+(?:đầu|cuối)\s+năm)?(?:\s+\d{4})?)(?=[\s,:]|$)[\s,:]*)",
    re.IGNORECASE,
)
_TRAIL_WORDS = (
    r"đạt\s+được|đạt|là|được|đã|ước\s+đạt|ước\s+tính|ước\s+thực\s+hiện|ước\s+còn|ước|còn|"
    r"chiếm|(?<!mặt\s)bằng|gồm|tổng\s+cộng|trên|hơn|dưới|gần|khoảng|xấp\s+xỉ|chừng|"
    r"đến\s+nay|hiện\s+nay|trong\s+tháng|(?:thực\s+hiện\s+)?(?:tháng|quý)\s+\d{1,2}|"
    r"(?:thực\s+hiện\s+)?(?:tính\s+)?đến(?:\s+hết)?(?:\s+ngày)?\s+\d{1,2}/\d{1,2}(?:/\d{4})?"
)
_TRAIL = re.compile(r"(?:(?<=\s)|^)(?:" + _TRAIL_WORDS + r")[\s,:\-–]*$|[\s,:\-–]+$", re.IGNORECASE)
_TRAIL_PREP = re.compile(
    r"(?:(?<=\s)|^)(?:" + _TRAIL_WORDS + r"|cho|tại|của|với|về|có|đối\s+với)[\s,:\-–]*$|[\s,:\-–]+$",
    re.IGNORECASE,
)
_ATTRIBUTES = (
    r"tổng\s+số\s+tiền|tổng\s+số|trị\s+giá|giá\s+trị|số\s+tiền|tổng\s+kinh\s+phí|kinh\s+ph[íi]|"
    r"tổng\s+diện\s+tích|diện\s+tích"
)
_ATTRIBUTE = re.compile(r"(?:" + _ATTRIBUTES + r")(?!\w)", re.IGNORECASE)
# `A với B`: B an attribute of A (`kiểm kê xong 108 hộ với diện tích 70,9 ha`), not `phối hợp với`
_WITH = re.compile(r"(?:^|\s)với\s+(?=(?:" + _ATTRIBUTES + r")(?!\w))", re.IGNORECASE)
_WITH_TAIL = re.compile(r"(?:^|\s)với\s+(?:" + _ATTRIBUTES + r")(?!\w).*$", re.IGNORECASE)
_PREPOSITION_ONLY = re.compile(r"(?:tại|cho|với|ở|đối\s+với|của|từ)", re.IGNORECASE)
_SIBLING_WORDS = re.compile(r"[\s,;=]*(?:(?:và|hoặc|bằng)[\s,]*)?", re.IGNORECASE)
_TOTAL_ONLY = re.compile(r"(?:tổng\s+số|tổng\s+cộng|tổng)", re.IGNORECASE)
_GENERIC_INTRO = re.compile(r"(?:như\s+sau|cụ\s+thể|kết\s+quả|sau)$", re.IGNORECASE)
_META_NAME = re.compile(r"(?<!\w)(?:chỉ\s+tiêu|tiêu\s+chí)(?!\w)", re.IGNORECASE)
_BEFORE_PCT = re.compile(
    r"(?:(?<!\w)(?:đạt\s+và\s+vượt|đạt\s+được|đạt|bằng|vượt|tăng|giảm)\s+)?"
    r"(?:t[ỷỉ]\s+lệ\s+)?(?:(?:trên|hơn|dưới|gần|khoảng|xấp\s+xỉ)\s+)?$",
    re.IGNORECASE,
)
_PLAN_BEFORE = re.compile(
    r"(?<!\w)(?:chỉ\s+tiêu|kế\s+hoạch|(?-i:KH))(?:\s+(?:năm|tỉnh|huyện|xã|giao|được\s+giao))*\s+là\s+$",
    re.IGNORECASE,
)
_SHARE_GAP = re.compile(r"[\s,]*(?:và\s+)?chiếm\s+(?:t[ỷỉ]\s+lệ\s+)?$", re.IGNORECASE)
_FIXED_BEFORE = ("xã", "phường", "cơ quan", "đơn vị")  # commas inside `xã, thị trấn`, ...
_FIXED_AFTER = ("phường", "thị trấn", "đơn vị", "doanh nghiệp")
_FUNCTION_WORDS = frozenset({"các", "của", "cho", "và", "được", "đã", "là", "tại", "với", "thu", "chi", "số"})
_SHORT_HEAD = 2  # `Phát hiện, khởi tố`: a head this short may share the words before a comma
_SHORT_S1 = 3
_PARALLEL_S1 = 7
_ATTRIBUTE_S1 = 15  # `... nhân dịp lễ, tết với tổng số tiền trên 4,06 tỷ đồng`
_MAX_NAME_WORDS = 25
_MAX_LEAD_IN_WORDS = 20
_CONTEXT_OWN_WORDS = 5
_RESTATED = 0.6  # share of a figure's quote words found near the same figure earlier
_GENERAL: Sector = "economy_general"
_GENERAL_CUES = re.compile(
    r"giá\s+trị\s+sản\s+xuất|kinh\s+tế|tăng\s+trưởng|cơ\s+cấu|thu\s+nhập|thống\s+kê", re.IGNORECASE
)


@dataclass
class _Item:
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
    parent: _Item | None = None
    core: str = ""  # figure and unit as written, to recognise restatements
    sector: Sector = "other"


@dataclass
class _Para:
    """One paragraph (line) of a section body: sentences, parentheses, digits not to read."""

    text: str
    start: int
    end: int
    sector: Sector | None
    label_sector: Sector | None
    blocked: bytearray = field(init=False)
    parens: list[tuple[int, int]] = field(init=False)
    sentence_ends: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.blocked = bytearray(self.end - self.start)
        self.parens = _parens(self.text, self.start, self.end)
        self.sentence_ends = [m.end() for m in _SENTENCE_END.finditer(self.text, self.start, self.end)]
        for pattern in (_QUOTED, _ANCHOR):
            for m in pattern.finditer(self.text, self.start, self.end):
                self.block(m.start(), m.end())
        for m in _NEXT_PERIOD.finditer(self.text, self.start, self.end):
            if _BASIS_BEFORE_TARGET.search(self.text, max(self.start, m.start() - 30), m.start()):
                continue  # `KH huyện phấn đấu` is a basis, not a target
            stop = _CLAUSE_END.search(self.text, m.end(), self.end)
            self.block(m.start(), stop.start() if stop else self.end)

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


def find_indicators(
    text: str, start: int = 0, end: int | None = None, *, sector: Sector | None = None
) -> list[Indicator]:
    """Indicators in `text[start:end]` (one section's own body), with absolute offsets.

    Ids and section ids are left for the caller. `sector` is the section's sector; a paragraph
    label or the indicator's own name may override it.
    """
    end = len(text) if end is None else min(end, len(text))
    items: list[_Item] = []
    label_sector: Sector | None = None
    continues = False
    for ps, pe in _paragraphs(text, start, end):
        if not continues and not text[ps:pe].lstrip()[0].islower():
            label_sector = _label_sector(text, ps, pe)
        # a paragraph cut by a page break (`... các xã Kim Thái,` / `Tân Khánh, ...`) keeps its label
        continues = not _OPEN_END.search(text, ps, pe)
        if not _DIGIT.search(text, ps, pe):
            continue
        para_sector, parent = sector, None
        anchor = _footnote_anchor(text, ps, pe)
        if anchor is not None:  # a footnote body belongs with the sentence that cites it
            para_sector, parent = _anchor_context(text, anchor, sector)
        para = _Para(text, ps, pe, para_sector, label_sector)
        found = _read_paragraph(para)
        _link_breakdowns(para, found, outer_parent=parent)
        for item in found:
            _finish(item)
        _assign_sectors(para, found)
        items.extend(found)
    return [_indicator(text, it) for it in items if not _is_restatement(text, start, it)]


# --- paragraphs, labels, footnotes ----------------------------------------------------------------


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
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
    if gap:
        if _OPEN_END.search(text, *current):
            return False
        return stripped[0].islower() or stripped[0].isdigit() or bool(_BROKEN_END.search(text, *current))
    return not _SENTENCE_DONE.search(text, *current) or stripped[0].islower()


def _label_sector(text: str, ps: int, pe: int) -> Sector | None:
    """Sector named by a paragraph label: `- Sản xuất nông nghiệp: ...`, `- Ngành Công an, ...`.

    A `Label:` may use generic words; an actor before the first comma must name a specific
    sector (`- MTTQ, làm việc ...`), so that `Tích cực tuyên truyền, ...` is not a label.
    """
    m = _LABEL.match(text, ps, pe)
    if m and len(re.findall(r"\w+", m.group("label"))) <= 12:
        found = detect_sector(m.group("label"))
        if found is not None:
            return found
    m = _ACTOR.match(text, ps, pe)
    if m and len(m.group("label").split()) <= (8 if _BULLET.match(text, ps, pe) else 4):
        return detect_sector(m.group("label"), strong_only=True)
    return None


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


def _footnote_anchor(text: str, ps: int, pe: int) -> int | None:
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


def _anchor_context(text: str, anchor: int, sector: Sector | None) -> tuple[Sector | None, _Item | None]:
    """Sector of the citing paragraph, and the figure a footnote breaks down (`136 hồ sơ²`)."""
    ls = text.rfind("\n", 0, anchor) + 1
    le = text.find("\n", anchor)
    le = len(text) if le == -1 else le
    para = _Para(text, ls, le, sector, _label_sector(text, ls, le))
    found = para.label_sector or detect_sector(text[para.sentence_start(anchor) : anchor]) or sector
    items = _read_paragraph(para)
    _link_breakdowns(para, items)
    for item in items:
        _finish(item)
    cited = [it for it in items if it.end <= anchor and it.sentence == para.sentence_of(anchor)]
    return found, (cited[-1] if cited else None)


# --- reading figures ---------------------------------------------------------------------------------


def _read_paragraph(para: _Para) -> list[_Item]:
    items: list[_Item] = []
    read_to = para.start  # numbers before this offset belong to an earlier figure
    for num in NUMBER_RE.finditer(para.text, para.start, para.end):
        s, e = num.span()
        if s < read_to or para.is_blocked(s):
            continue
        value = parse_number(num.group())
        if value is None or _not_a_figure(para, s, e):
            continue
        item = _read_figure(para, items, s, e, value)
        if item is not None:
            items.append(item)
            read_to = max(read_to, item.end)
    return items


def _not_a_figure(para: _Para, s: int, e: int) -> bool:
    """Digits of an ordinal, a name, a code, a range, a date part or a document number."""
    text = para.text
    window = text[max(para.start, s - 30) : s]
    if _NOT_BEFORE.search(window) or _HYPHEN_NAME.search(window) or _RANGE_BEFORE.search(window):
        return True
    if _TIME_BEFORE.search(window) and match_unit(text, e, para.end) is None:
        return True  # `năm 2023`, `tháng 02`; but `6 tháng đầu năm 1535 con` is a count
    return bool(_DOC_AFTER.match(text, e, para.end) or _RANGE_AFTER.match(text, e, para.end))


def _read_figure(para: _Para, items: list[_Item], s: int, e: int, value: float) -> _Item | None:
    text = para.text
    if frac := _FRACTION.match(text, e, para.end):
        return _read_fraction(para, items, s, value, frac.end())
    if _PCT.match(text, e, para.end):
        return _read_percent(para, items, s, e, value)
    if (unit := match_unit(text, e, para.end)) is not None:
        item = _new_item(para, items, s, value, unit[0], unit[2], count_unit=True)
        if item is not None:
            item.core = text[s : unit[2]]
        return item
    return _read_bare(para, items, s, e, value)


def _read_fraction(para: _Para, items: list[_Item], s: int, value: float, y_pos: int) -> _Item | None:
    """`927/912 ha`, `05/51 dự án`: value and target. Dates, scales and codes are blocked."""
    text = para.text
    den = NUMBER_RE.match(text, y_pos, para.end)
    target = parse_number(den.group()) if den else None
    if den is None or target is None:
        return None
    after = den.end()
    unit = match_unit(text, after, para.end)
    before = text[max(para.start, s - 20) : s]
    full_date = bool(_DATE_REST.match(text, after, para.end))  # 19/05/2023
    day_month = "," not in den.group() and target <= 12  # 30/4, 1/6
    if _SCALE_BEFORE.search(before) or (unit is None and (full_date or day_month)):
        para.block(s, after + (8 if full_date else 0))
        return None
    if unit is None and not _FRACTION_VERB.search(before):
        para.block(s, after)
        return None
    if unit is not None and unit[0] in ("%", "‰"):
        return None
    item = _new_item(
        para, items, s, value, unit[0] if unit else None, unit[2] if unit else after, count_unit=unit is not None
    )
    if item is not None:
        item.target = target
        item.core = text[s : unit[2] if unit else after]
    return item


def _read_bare(para: _Para, items: list[_Item], s: int, e: int, value: float) -> _Item | None:
    """A count with no unit in a list (`đã xử lý 34`, `khiển trách 21`): the unit is carried."""
    text = para.text
    prev = _last_in_sentence(para, items, s)
    if prev is None or prev.unit is None or value != int(value) or 1900 <= value <= 2100:
        return None
    if not _BARE_END.match(text, e, para.end) or not _WORD_BEFORE.search(text, max(para.start, s - 3), s):
        return None
    item = _new_item(para, items, s, value, prev.unit, e, count_unit=False)
    if item is not None:
        item.carried = True
        item.core = text[item.quote_start : e]
    return item


def _read_percent(para: _Para, items: list[_Item], s: int, e: int, value: float) -> _Item | None:
    """A percentage no earlier figure took: a share, a ratio-only statement, or a rate."""
    text = para.text
    pct_end = _PCT.match(text, e, para.end).end()  # type: ignore[union-attr]
    unit = text[pct_end - 1]
    prev = _last_in_sentence(para, items, s)
    if prev is not None and prev.value is not None and _SHARE_GAP.match(text, prev.end, s):
        share = _Item(value, unit, s, pct_end, prev.quote_start, prev.own, prev.sentence, words=prev.words)
        share.local, share.core = prev.local, text[s:pct_end]
        _attach_comparisons(para, share)
        return share
    verb = _BEFORE_PCT.search(text, max(_prefix_floor(items, para.start, s), s - 40), s)
    c_start = verb.start() if verb and verb.group() else s
    parsed = parse_comparison(text, c_start, para.end)
    if (
        parsed is not None
        and parsed.number_start == s
        and (parsed.explicit_basis or parsed.comparison.relation == "change")
    ):
        item = _new_item(para, items, c_start, None, None, parsed.end, count_unit=False, figure=s)
        if item is None or _META_NAME.search(item.own):
            return None  # `các chỉ tiêu cơ bản đều đạt và vượt 50% kế hoạch năm`: a threshold
        item.comparisons.append(parsed.comparison)
        item.approx = parsed.qualifier
        item.core = text[s : parsed.end]
        _attach_comparisons(para, item)
        return item
    item = _new_item(para, items, s, value, unit, pct_end, count_unit=True)
    if item is not None:
        item.core = text[s:pct_end]
    return item


def _last_in_sentence(para: _Para, items: list[_Item], pos: int) -> _Item | None:
    sentence = para.sentence_of(pos)
    return next((it for it in reversed(items) if it.sentence == sentence), None)


def _prefix_floor(items: list[_Item], floor: int, s: int) -> int:
    """Where the words naming a figure at `s` may start: after the previous figure."""
    if items and items[-1].end <= s:
        return max(floor, items[-1].end)
    return floor


def _new_item(
    para: _Para,
    items: list[_Item],
    s: int,
    value: float | None,
    unit: str | None,
    unit_end: int,
    *,
    count_unit: bool,
    figure: int | None = None,
) -> _Item | None:
    """The item for a figure at `s` (for a ratio-only statement, `s` is where its verb starts)."""
    text = para.text
    figure = s if figure is None else figure
    floor = _prefix_floor(items, para.start, s)
    approx = APPROX_BEFORE.search(text, max(floor, s - 12), s)
    name_from, delim = _name_start(para, floor, s)
    own_from = name_from
    while (lead := _LEAD_TRIM.match(text, own_from, s)) and lead.end() > own_from:
        own_from = lead.end()
    tail = read_tail(text, unit_end, para.end, unit)
    if tail.swallowed:
        para.block(*tail.swallowed)
    # `cho 123 hộ` keeps its `cho` when the counted noun follows in the name; `cho 1.715 người` not
    own = _trim(text[own_from:s], prep=not (count_unit and _names_unit(unit, tail.words)))
    prev = _last_in_sentence(para, items, figure)
    item = _Item(
        value,
        unit,
        figure,
        tail.end,
        own_from if own else (approx.start() if approx else s),
        own,
        para.sentence_of(figure),
    )
    item.approx = APPROX[" ".join(approx.group("q").lower().split())] if approx else None
    if value is not None and _PLAN_BEFORE.search(text, max(floor, s - 40), s):
        item.target = value  # `theo chỉ tiêu giao là 16 thanh niên đạt 100% KH`: the plan was met
    item.estimated = bool(ESTIMATE_RE.search(text, name_from, figure))
    for m in AS_OF_RE.finditer(text, para.sentence_start(figure), figure):
        item.as_of = as_of_date(m)
    base, child_base = _base_name(para, item, prev, text[name_from:s], name_from, delim, floor)
    item.local = _compose(base, unit if count_unit else None, tail.words)
    item.child_base = child_base or item.local
    if not item.local:
        return None
    _attach_comparisons(para, item)
    return item


def _base_name(
    para: _Para, item: _Item, prev: _Item | None, raw: str, name_from: int, delim: str, floor: int
) -> tuple[str, str]:
    """Name words before the figure and the base for its children; may borrow a sibling's words."""
    text, own = para.text, item.own
    follows = prev is not None and _adjacent(text, prev.end, name_from)
    item.words = own
    if not own and _SIBLING_WORDS.fullmatch(raw) and prev is not None and prev.words and delim != "(":
        item.words = prev.words  # `khởi tố 02 vụ, 08 đối tượng`, `cho 09 tập thể và 05 cá nhân`
        return prev.words, ""
    with_m = None
    for with_m in _WITH.finditer(own):  # noqa: B007 -- the last match is the one wanted
        pass
    if with_m is not None and len(own[with_m.end() :].split()) <= 6:
        head, attr = own[: with_m.start()].strip(" ,"), own[with_m.end() :]
        if follows and prev is not None and (not head or _PREPOSITION_ONLY.match(head)):
            head = f"{prev.local} {head}".strip()  # `10 nhà tình nghĩa cho ... với kinh phí ...`
            item.quote_start = min(item.quote_start, prev.quote_start)
        if head:
            return f"{head} - {attr}", head  # `kiểm kê xong 108 hộ với diện tích 70,9 ha`
    elif follows and prev is not None and (_PREPOSITION_ONLY.fullmatch(own) or (_ATTRIBUTE.match(own) and prev.own)):
        item.quote_start = prev.quote_start  # `thưởng nóng 60 triệu đồng cho 02 đơn vị`
        return f"{prev.local} - {own}", ""  # `tặng 770 xuất quà, trị giá 286 triệu đồng`
    elif own and delim == ":" and _TOTAL_ONLY.fullmatch(own):
        lead_from = _lead_in(para, floor, name_from - 1)
        lead_in = _trim(text[lead_from : name_from - 1], prep=False)
        if lead_in and len(lead_in.split()) <= _MAX_LEAD_IN_WORDS and not _GENERIC_INTRO.search(lead_in):
            item.quote_start = lead_from + len(text[lead_from:name_from]) - len(text[lead_from:name_from].lstrip())
            return f"{lead_in} - {own.lower()}", lead_in  # `Xem xét xử lý ...: Tổng số 35 đ/c`
    return own, ""


def _name_start(para: _Para, floor: int, s: int) -> tuple[int, str]:
    """Start of the words naming a figure at `s`, and the hard delimiter before them.

    A comma usually separates clauses, but parallel words share one name: two short verbs or
    nouns (`Phát hiện, khởi tố 02 vụ`, `đàn lợn, trâu bò`) or phrases with a common head
    (`Giá trị sản xuất công nghiệp, tiểu thủ công nghiệp 5.999,8 tỷ đồng`).
    """
    text = para.text
    b, delim = _hard_start(text, floor, s)
    if delim == ")" and not _trim(text[b:s], prep=True):
        # `thu NSNN (trừ tiền cấp quyền sử dụng đất) đạt 683 triệu đồng`: the note is in the name
        opening = next((o for o, c in para.parens if c == b - 1 and o >= floor), None)
        if opening is not None:
            b, delim = _hard_start(text, floor, opening)
    comma = _last_comma(text, b, s)
    if comma == -1:
        return b, delim
    s0 = text[comma + 1 : s]
    trimmed = _trim(s0, prep=True)
    head = _WITH_TAIL.sub("", trimmed)
    if not head or _lead_words(s0):
        return comma + 1, ","
    short_limit = _ATTRIBUTE_S1 if head != trimmed else _SHORT_S1
    head_words = head.lower().split()
    start = comma + 1
    while start > b:
        prev_comma = _last_comma(text, b, start - 1)
        s1_start = prev_comma + 1 if prev_comma != -1 else b
        s1_words = text[s1_start : start - 1].split()
        if not s1_words or len(s1_words) > max(_PARALLEL_S1, short_limit) or _lead_words(" ".join(s1_words)):
            break
        if _DIGIT.search(text, s1_start, start - 1):
            break
        s1_lower = [w.lower() for w in s1_words]
        parallel = s1_lower[-1] == head_words[-1] or (
            head_words[0] not in _FUNCTION_WORDS and head_words[0] in s1_lower
        )  # `Số thu Bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm tự nguyện 105,9 tỷ đồng`
        if not ((len(head_words) <= _SHORT_HEAD and len(s1_words) <= short_limit) or parallel):
            break
        start = s1_start
        if prev_comma == -1:
            return start, delim
    return start, ","


def _hard_start(text: str, lo: int, hi: int) -> tuple[int, str]:
    b, delim = lo, ""
    for m in _HARD.finditer(text, lo, hi):
        b, delim = m.end(), m.group()
    return b, delim


def _last_comma(text: str, lo: int, hi: int) -> int:
    """Last clause comma in `text[lo:hi]`: not a decimal mark, not inside `xã, thị trấn`."""
    k = text.rfind(",", lo, hi)
    while k != -1 and (_decimal_comma(text, k) or _fixed_comma(text, k)):
        k = text.rfind(",", lo, k)
    return k


def _decimal_comma(text: str, k: int) -> bool:
    return text[k - 1 : k].isdigit() and text[k + 1 : k + 2].isdigit()


def _fixed_comma(text: str, k: int) -> bool:
    before, after = text[max(0, k - 8) : k].lower(), text[k + 1 : k + 15].lower().lstrip()
    return before.endswith(_FIXED_BEFORE) and after.startswith(_FIXED_AFTER)


def _lead_words(words: str) -> str:
    """Leading conjunctions and time phrases (`trong tháng`, `đến nay`) that open a new clause."""
    pos = 0
    while (m := _LEAD_TRIM.match(words, pos)) and m.end() > pos:
        pos = m.end()
    return words[:pos].strip(" \t\n,.-+•*–")


def _adjacent(text: str, a: int, b: int) -> bool:
    return a <= b and not text[a:b].strip(" \t\n,")


def _lead_in(para: _Para, floor: int, colon: int) -> int:
    """Start of the words before a `:` that introduce a `Tổng số ...` figure."""
    start = max(floor, para.sentence_start(colon))
    for m in re.finditer(r"[;()]", para.text[start:colon]):
        start = max(floor, para.sentence_start(colon)) + m.end()
    return start


def _attach_comparisons(para: _Para, item: _Item) -> None:
    """Comparisons, a plan figure and an absolute difference that follow the figure."""
    if item.unit in META_UNITS:
        return  # `đạt từ 50% kế hoạch trở lên` after a count of indicators is a threshold
    following = read_following(
        para.text, item.end, para.end, has_value=item.value is not None, is_blocked=para.is_blocked
    )
    item.comparisons.extend(following.comparisons)
    item.end = following.end
    if following.target is not None and item.target is None:
        item.target = following.target
    for span in following.spans or ():
        para.block(*span)


def _trim(words: str, *, prep: bool) -> str:
    """Name words without leading conjunctions and trailing verbs, dates and prepositions."""
    s = " ".join(words.split())
    while (m := _LEAD_TRIM.match(s)) and m.end() > 0:
        s = s[m.end() :]
    pattern = _TRAIL_PREP if prep else _TRAIL
    while s and (m := pattern.search(s)) is not None:
        s = s[: m.start()]
    while len(s.split()) > _MAX_NAME_WORDS and ", " in s:  # drop whole leading clauses first
        s = s.split(", ", 1)[1]
    if len(s.split()) > _MAX_NAME_WORDS:
        s = " ".join(s.split()[-_MAX_NAME_WORDS:])
    return s.strip(" ,;:-–")


def _compose(base: str, count_unit: str | None, tail: str) -> str:
    parts = (base, count_unit if count_unit and _names_unit(count_unit, tail) else "", tail)
    return " ".join(p for p in parts if p).strip()


def _names_unit(unit: str | None, tail: str) -> bool:
    """A counted noun belongs in the name (`kết nạp đảng viên`); a classifier alone does not."""
    return unit is not None and not is_measure(unit) and (unit not in CLASSIFIERS or bool(tail))


# --- breakdowns --------------------------------------------------------------------------------------


def _link_breakdowns(para: _Para, items: list[_Item], outer_parent: _Item | None = None) -> None:
    """Attach `trong đó`/`gồm`/parenthesis children to their total."""
    scopes: list[tuple[int, int, _Item]] = []  # (from, to, parent): children start inside
    for m in _MARKER.finditer(para.text, para.start, para.end):
        if not para.is_blocked(m.start()):
            scope = _marker_scope(para, items, m, scopes, outer_parent)
            if scope is not None:
                scopes.append(scope)
    for o, c in para.parens:
        inside = [it for it in items if o < it.num_start < c]
        if inside:
            before = [it for it in items if it.end <= o + 1 and it.sentence == para.sentence_of(o)]
            parent = _paren_parent(para.text, o, inside, before)
            if parent is not None:
                scopes.append((o, c, parent))
            else:
                _name_context_paren(para, o, inside, before)
    for it in items:
        containing = [sc for sc in scopes if sc[0] <= it.num_start < sc[1] and sc[2].num_start < it.num_start]
        if containing:
            it.parent = max(containing, key=lambda sc: sc[0])[2]
    for k, it in enumerate(items):  # a `Tổng số` after a lead-in heads the rest of its sentence
        if it.child_base != it.local and _TOTAL_ONLY.fullmatch(it.own):
            for later in items[k + 1 :]:
                if later.sentence == it.sentence and later.parent is None:
                    later.parent = it


def _marker_scope(
    para: _Para,
    items: list[_Item],
    m: re.Match[str],
    scopes: list[tuple[int, int, _Item]],
    outer_parent: _Item | None,
) -> tuple[int, int, _Item] | None:
    """The total a `trong đó`/`gồm` breaks down, and how far its list runs."""
    sentence = para.sentence_of(m.start())
    before = [it for it in items if it.end <= m.start() + 1]
    same = [it for it in before if it.sentence == sentence]
    parent = same[-1] if same else None
    if parent is None:  # `... 35,7 tỷ đồng. Bao gồm: ...`: a second list of the same total
        if para.text[para.sentence_start(m.start()) : m.start()].strip(_MARKS):
            return None
        roots = [
            it
            for it in before
            if it.sentence == sentence - 1 and not any(sc[0] <= it.num_start < sc[1] for sc in scopes)
        ]
        parent = roots[-1] if roots else (outer_parent if sentence == 0 else None)
    if parent is None:
        return None
    if para.text.startswith("(", m.end()) and (p := para.paren_at(m.end() + 1)) is not None:
        return p[0], p[1], parent  # `đã xử lý 34 trong đó (...)`
    if (p := para.paren_at(m.start())) is not None:
        return m.start(), p[1], parent  # `(trong đó: Tiền sử dụng đất ...)`
    return m.start(), para.sentence_end(m.start()), parent


def _paren_parent(text: str, o: int, inside: list[_Item], before: list[_Item]) -> _Item | None:
    """A figure right before a parenthesis of same-unit figures is their total."""
    if not before or inside[0].unit is None:
        return None
    if not text[before[-1].end : o].strip(" \t\n,") and before[-1].unit == inside[0].unit:
        return before[-1]  # `cây màu 950 ha, đạt 100% KH (cây lạc 650 ha, ...)`
    same_unit = [it for it in before[-2:] if it.unit == inside[0].unit]
    if same_unit and inside[0].own:
        return same_unit[-1]  # `tiếp nhận 11 đơn = 15 vụ việc (đã giải quyết 02 đơn, ...)`
    return None


def _name_context_paren(para: _Para, o: int, inside: list[_Item], before: list[_Item]) -> None:
    """Figures in a parenthesis after plain words share them: `chi trả ... (12 hộ, số tiền ...)`."""
    text = para.text
    gap = text[before[-1].end : o] if before else ""
    if before and (not gap.strip() or (len(gap.split()) <= 3 and len(gap) < 14)):
        base, base_start = _trim(before[-1].words, prep=True) or before[-1].local, before[-1].quote_start
    else:
        floor = before[-1].end if before else para.start
        b = floor
        for m in _SOFT_HARD.finditer(text, floor, o):
            b = m.end()
        raw = text[b:o]
        base, base_start = _trim(raw, prep=True), b + len(raw) - len(raw.lstrip(" \t\n,.-+•*"))
    if not base:
        return
    for k, it in enumerate(inside):
        if not it.own and k == 0:
            it.local = base if not it.local or it.local == it.unit else f"{base} - {it.local}"
            it.quote_start = base_start
        elif len(it.own.split()) <= _CONTEXT_OWN_WORDS:
            it.local = f"{base} - {_lc_first(it.local)}"
        it.child_base = it.local


def _lc_first(name: str) -> str:
    if len(name) > 1 and name[0].isupper() and name[1].islower():
        return name[0].lower() + name[1:]
    return name


# --- finishing ----------------------------------------------------------------------------------------


def _finish(item: _Item) -> None:
    """Final name (`parent - child`), and what a child inherits from its total."""
    parent = item.parent
    if parent is None:
        item.name = item.local
    else:
        item.name = f"{parent.child_base} - {_lc_first(item.local)}"
        if item.child_base == item.local:
            item.child_base = item.name
        item.as_of = item.as_of or parent.as_of
        item.estimated = item.estimated or parent.estimated
        if item.carried and parent.unit is not None:
            item.unit = parent.unit
    item.name = item.name[:1].upper() + item.name[1:]


def _assign_sectors(para: _Para, items: list[_Item]) -> None:
    """Label, then the name's own cue, then a sentence-mate's cue, then the section's sector.

    A general-economy answer (`Về thực hiện nhiệm vụ phát triển kinh tế xã hội:`) gives way to
    any more specific one.
    """
    mate: dict[int, Sector] = {}
    last: Sector | None = None
    for item in items:
        own = _name_sector(item.name)
        specific = own if own != _GENERAL else None
        if specific is None and item.parent is not None and item.parent.sector != "other":
            specific = item.parent.sector
        order = (para.label_sector, specific, mate.get(item.sentence), para.sector, last, own)
        found = [c for c in order if c is not None]
        chosen = next((c for c in found if c != _GENERAL), found[0] if found else None)
        item.sector = chosen or detect_sector(item.name) or "other"
        if specific is not None:
            mate[item.sentence] = last = specific


def _name_sector(name: str) -> Sector | None:
    """Strong sector cue of a name; `Giá trị sản xuất nông nghiệp` is agriculture, not general."""
    own = detect_sector(name, strong_only=True)
    if own == _GENERAL:
        return detect_sector(_GENERAL_CUES.sub(" ", name), strong_only=True) or own
    return own


def _indicator(text: str, item: _Item) -> Indicator:
    return Indicator(
        id="",
        section_id=None,
        name=item.name,
        value=item.value,
        unit=item.unit,
        target=item.target,
        comparisons=item.comparisons,
        estimated=item.estimated,
        approx=item.approx,
        as_of=item.as_of,
        sector=item.sector,
        quote=text[item.quote_start : item.end],
        start=item.quote_start,
        end=item.end,
    )


def _is_restatement(text: str, start: int, item: _Item) -> bool:
    """Same figure, same words nearby, in an earlier section: a summary repeating a result.

    Whitespace-insensitive, since a wrapped PDF line breaks a repeated phrase differently.
    """
    if start <= 0 or not item.core:
        return False
    figure = NUMBER_RE.match(text, item.num_start)
    if figure is None or text.find(figure.group(), 0, start) == -1:
        return False  # the digits never occurred before: nothing to restate
    quote = text[item.quote_start : item.end]
    if _spaced(quote).search(text, 0, start):
        return True
    words = {w for w in re.findall(r"[^\W\d_]+", quote.lower()) if len(w) > 1}
    if not words:
        return False
    for m in _spaced(item.core).finditer(text, 0, start):
        window = text[max(0, m.start() - 80) : m.end() + 40].lower()
        if len(words & set(re.findall(r"[^\W\d_]+", window))) / len(words) >= _RESTATED:
            return True
    return False


def _spaced(words: str) -> re.Pattern[str]:
    return re.compile(r"\s+".join(re.escape(w) for w in words.split()))
