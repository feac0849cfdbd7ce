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

import re

from llmx.contract import Indicator, Sector
from llmx.numbers import NUMBER_RE, parse_number
from llmx.rules.comparisons import (
    parse_comparison,
)
from llmx.rules.naming import DIGIT, TOTAL_ONLY, attach_comparisons, lc_first, new_item, trim
from llmx.rules.paragraphs import (
    OPEN_END,
    Item,
    Para,
    footnote_anchor,
    last_in_sentence,
    paragraph_spans,
    prefix_floor,
    sector_of_label,
)
from llmx.rules.units import match_unit
from llmx.sectors import detect_sector

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


_FRACTION = re.compile(r"\s*/\s*")
_DATE_REST = re.compile(r"\s*/\s*\d")
_SCALE_BEFORE = re.compile(r"t[ỷỉ]\s+lệ\s+$", re.IGNORECASE)  # tỷ lệ 1/500
_FRACTION_VERB = re.compile(r"(?:đạt|hoàn\s+thành|có|giải\s+quyết|thực\s+hiện|được)\s+$", re.IGNORECASE)
_PCT = re.compile(r"\s?[%‰]")
_BARE_END = re.compile(r"\s*(?:[;,.)]|trong\s+đó|$)", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"[^\W\d_]\s+$")


_SOFT_HARD = re.compile(r"[;:()\[\]=]|\.(?=\s)")
_MARKER = re.compile(r"(?<!\w)(?:trong\s+đó(?:\s+có)?|bao\s+gồm|gồm(?:\s+có)?)(?!\w)\s*:?\s*", re.IGNORECASE)


_MARKS = " \t\n-+•*[]0123456789¹²³⁴⁵⁶⁷⁸⁹⁰"


_META_NAME = re.compile(r"(?<!\w)(?:chỉ\s+tiêu|tiêu\s+chí)(?!\w)", re.IGNORECASE)
_BEFORE_PCT = re.compile(
    r"(?:(?<!\w)(?:đạt\s+và\s+vượt|đạt\s+được|đạt|bằng|vượt|tăng|giảm)\s+)?"
    r"(?:t[ỷỉ]\s+lệ\s+)?(?:(?:trên|hơn|dưới|gần|khoảng|xấp\s+xỉ)\s+)?$",
    re.IGNORECASE,
)


_SHARE_GAP = re.compile(r"[\s,]*(?:và\s+)?chiếm\s+(?:t[ỷỉ]\s+lệ\s+)?$", re.IGNORECASE)


_CONTEXT_OWN_WORDS = 5
_RESTATED = 0.6  # share of a figure's quote words found near the same figure earlier
_GENERAL: Sector = "economy_general"
_GENERAL_CUES = re.compile(
    r"giá\s+trị\s+sản\s+xuất|kinh\s+tế|tăng\s+trưởng|cơ\s+cấu|thu\s+nhập|thống\s+kê", re.IGNORECASE
)


def find_indicators(
    text: str, start: int = 0, end: int | None = None, *, sector: Sector | None = None
) -> list[Indicator]:
    """Indicators in `text[start:end]` (one section's own body), with absolute offsets.

    Ids and section ids are left for the caller. `sector` is the section's sector; a paragraph
    label or the indicator's own name may override it.
    """
    end = len(text) if end is None else min(end, len(text))
    items: list[Item] = []
    label_sector: Sector | None = None
    continues = False
    for ps, pe in paragraph_spans(text, start, end):
        if not continues and not text[ps:pe].lstrip()[0].islower():
            label_sector = sector_of_label(text, ps, pe)
        # a paragraph cut by a page break (`... các xã Kim Thái,` / `Tân Khánh, ...`) keeps its label
        continues = not OPEN_END.search(text, ps, pe)
        if not DIGIT.search(text, ps, pe):
            continue
        para_sector, parent = sector, None
        anchor = footnote_anchor(text, ps, pe)
        if anchor is not None:  # a footnote body belongs with the sentence that cites it
            para_sector, parent = _anchor_context(text, anchor, sector)
        para = Para(text, ps, pe, para_sector, label_sector)
        found = _read_paragraph(para)
        _link_breakdowns(para, found, outer_parent=parent)
        for item in found:
            _finish(item)
        _assign_sectors(para, found)
        items.extend(found)
    return [_indicator(text, it) for it in items if not _is_restatement(text, start, it)]


def _anchor_context(text: str, anchor: int, sector: Sector | None) -> tuple[Sector | None, Item | None]:
    """Sector of the citing paragraph, and the figure a footnote breaks down (`136 hồ sơ²`)."""
    ls = text.rfind("\n", 0, anchor) + 1
    le = text.find("\n", anchor)
    le = len(text) if le == -1 else le
    para = Para(text, ls, le, sector, sector_of_label(text, ls, le))
    found = para.label_sector or detect_sector(text[para.sentence_start(anchor) : anchor]) or sector
    items = _read_paragraph(para)
    _link_breakdowns(para, items)
    for item in items:
        _finish(item)
    cited = [it for it in items if it.end <= anchor and it.sentence == para.sentence_of(anchor)]
    return found, (cited[-1] if cited else None)


def _read_paragraph(para: Para) -> list[Item]:
    items: list[Item] = []
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


def _not_a_figure(para: Para, s: int, e: int) -> bool:
    """Digits of an ordinal, a name, a code, a range, a date part or a document number."""
    text = para.text
    window = text[max(para.start, s - 30) : s]
    if _NOT_BEFORE.search(window) or _HYPHEN_NAME.search(window) or _RANGE_BEFORE.search(window):
        return True
    if _TIME_BEFORE.search(window) and match_unit(text, e, para.end) is None:
        return True  # `năm 2023`, `tháng 02`; but `6 tháng đầu năm 1535 con` is a count
    return bool(_DOC_AFTER.match(text, e, para.end) or _RANGE_AFTER.match(text, e, para.end))


def _read_figure(para: Para, items: list[Item], s: int, e: int, value: float) -> Item | None:
    text = para.text
    if frac := _FRACTION.match(text, e, para.end):
        return _read_fraction(para, items, s, value, frac.end())
    if _PCT.match(text, e, para.end):
        return _read_percent(para, items, s, e, value)
    if (unit := match_unit(text, e, para.end)) is not None:
        item = new_item(para, items, s, value, unit[0], unit[2], count_unit=True)
        if item is not None:
            item.core = text[s : unit[2]]
        return item
    return _read_bare(para, items, s, e, value)


def _read_fraction(para: Para, items: list[Item], s: int, value: float, y_pos: int) -> Item | None:
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
    item = new_item(
        para, items, s, value, unit[0] if unit else None, unit[2] if unit else after, count_unit=unit is not None
    )
    if item is not None:
        item.target = target
        item.core = text[s : unit[2] if unit else after]
    return item


def _read_bare(para: Para, items: list[Item], s: int, e: int, value: float) -> Item | None:
    """A count with no unit in a list (`đã xử lý 34`, `khiển trách 21`): the unit is carried."""
    text = para.text
    prev = last_in_sentence(para, items, s)
    if prev is None or prev.unit is None or value != int(value) or 1900 <= value <= 2100:
        return None
    if not _BARE_END.match(text, e, para.end) or not _WORD_BEFORE.search(text, max(para.start, s - 3), s):
        return None
    item = new_item(para, items, s, value, prev.unit, e, count_unit=False)
    if item is not None:
        item.carried = True
        item.core = text[item.quote_start : e]
    return item


def _read_percent(para: Para, items: list[Item], s: int, e: int, value: float) -> Item | None:
    """A percentage no earlier figure took: a share, a ratio-only statement, or a rate."""
    text = para.text
    pct_end = _PCT.match(text, e, para.end).end()  # type: ignore[union-attr]
    unit = text[pct_end - 1]
    prev = last_in_sentence(para, items, s)
    if prev is not None and prev.value is not None and _SHARE_GAP.match(text, prev.end, s):
        share = Item(value, unit, s, pct_end, prev.quote_start, prev.own, prev.sentence, words=prev.words)
        share.local, share.core = prev.local, text[s:pct_end]
        attach_comparisons(para, share)
        return share
    verb = _BEFORE_PCT.search(text, max(prefix_floor(items, para.start, s), s - 40), s)
    c_start = verb.start() if verb and verb.group() else s
    parsed = parse_comparison(text, c_start, para.end)
    if (
        parsed is not None
        and parsed.number_start == s
        and (parsed.explicit_basis or parsed.comparison.relation == "change")
    ):
        item = new_item(para, items, c_start, None, None, parsed.end, count_unit=False, figure=s)
        if item is None or _META_NAME.search(item.own):
            return None  # `các chỉ tiêu cơ bản đều đạt và vượt 50% kế hoạch năm`: a threshold
        item.comparisons.append(parsed.comparison)
        item.approx = parsed.qualifier
        item.core = text[s : parsed.end]
        attach_comparisons(para, item)
        return item
    item = new_item(para, items, s, value, unit, pct_end, count_unit=True)
    if item is not None:
        item.core = text[s:pct_end]
    return item


def _link_breakdowns(para: Para, items: list[Item], outer_parent: Item | None = None) -> None:
    """Attach `trong đó`/`gồm`/parenthesis children to their total."""
    scopes: list[tuple[int, int, Item]] = []  # (from, to, parent): children start inside
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
        if it.child_base != it.local and TOTAL_ONLY.fullmatch(it.own):
            for later in items[k + 1 :]:
                if later.sentence == it.sentence and later.parent is None:
                    later.parent = it


def _marker_scope(
    para: Para,
    items: list[Item],
    m: re.Match[str],
    scopes: list[tuple[int, int, Item]],
    outer_parent: Item | None,
) -> tuple[int, int, Item] | None:
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


def _paren_parent(text: str, o: int, inside: list[Item], before: list[Item]) -> Item | None:
    """A figure right before a parenthesis of same-unit figures is their total."""
    if not before or inside[0].unit is None:
        return None
    if not text[before[-1].end : o].strip(" \t\n,") and before[-1].unit == inside[0].unit:
        return before[-1]  # `cây màu 950 ha, đạt 100% KH (cây lạc 650 ha, ...)`
    same_unit = [it for it in before[-2:] if it.unit == inside[0].unit]
    if same_unit and inside[0].own:
        return same_unit[-1]  # `tiếp nhận 11 đơn = 15 vụ việc (đã giải quyết 02 đơn, ...)`
    return None


def _name_context_paren(para: Para, o: int, inside: list[Item], before: list[Item]) -> None:
    """Figures in a parenthesis after plain words share them: `chi trả ... (12 hộ, số tiền ...)`."""
    text = para.text
    gap = text[before[-1].end : o] if before else ""
    if before and (not gap.strip() or (len(gap.split()) <= 3 and len(gap) < 14)):
        base, base_start = trim(before[-1].words, prep=True) or before[-1].local, before[-1].quote_start
    else:
        floor = before[-1].end if before else para.start
        b = floor
        for m in _SOFT_HARD.finditer(text, floor, o):
            b = m.end()
        raw = text[b:o]
        base, base_start = trim(raw, prep=True), b + len(raw) - len(raw.lstrip(" \t\n,.-+•*"))
    if not base:
        return
    for k, it in enumerate(inside):
        if not it.own and k == 0:
            it.local = base if not it.local or it.local == it.unit else f"{base} - {it.local}"
            it.quote_start = base_start
        elif len(it.own.split()) <= _CONTEXT_OWN_WORDS:
            it.local = f"{base} - {lc_first(it.local)}"
        it.child_base = it.local


def _finish(item: Item) -> None:
    """Final name (`parent - child`), and what a child inherits from its total."""
    parent = item.parent
    if parent is None:
        item.name = item.local
    else:
        item.name = f"{parent.child_base} - {lc_first(item.local)}"
        if item.child_base == item.local:
            item.child_base = item.name
        item.as_of = item.as_of or parent.as_of
        item.estimated = item.estimated or parent.estimated
        if item.carried and parent.unit is not None:
            item.unit = parent.unit
    item.name = item.name[:1].upper() + item.name[1:]


def _assign_sectors(para: Para, items: list[Item]) -> None:
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


def _indicator(text: str, item: Item) -> Indicator:
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


def _is_restatement(text: str, start: int, item: Item) -> bool:
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
