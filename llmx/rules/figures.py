"""Reading one figure of a paragraph: its value, unit, target (`x/y`), percentage, or a bare
count in a list, and the digits that are no figure at all (dates, ordinals, names, codes). Pure.

See `indicators.py` for what counts as an indicator; this module turns each number token of a
paragraph into an `Item` or rejects it.
"""

from __future__ import annotations

import re

from llmx.contract import Comparison
from llmx.numbers import NUMBER_RE, is_rate_of, parse_number
from llmx.rules.attach import attach_comparisons
from llmx.rules.changes import attach_changes, read_change_sentences, regroup_counted_changes, settle_bases
from llmx.rules.compared_figures import change_only, implied_plan, out_of_in_units, out_of_in_words, reached_value
from llmx.rules.comparisons import CHANGE_MANNER, parse_comparison
from llmx.rules.naming import new_item
from llmx.rules.norms import block_norms, earlier_period
from llmx.rules.not_figures import not_a_figure
from llmx.rules.odd_numbers import OddNumber, odd_numbers
from llmx.rules.paragraphs import Item, Para, last_in_sentence, prefix_floor
from llmx.rules.ranks import read_rank
from llmx.rules.respectively import respective_comparisons, shared_by_each
from llmx.rules.targets import fraction_rate, plan_in_parenthesis, plan_then_actual
from llmx.rules.unit_words import SCALE_OF_COUNT
from llmx.rules.units import is_measure, match_unit, read_tail

# a growth rate stated against a basis is a change on it, not a ratio of it
_GROWTH_NAME = re.compile(r"(?:tốc\s+độ\s+)?tăng\s+trưởng|tốc\s+độ\s+tăng(?!\w)", re.IGNORECASE)
_TIMES_AFTER = re.compile(r"\s*lần(?!\w)(?!\s*/)", re.IGNORECASE)


_FRACTION = re.compile(r"\s*/\s*")
# `(trong đó: Nhật Bản 30, Hàn Quốc 10, ...)`: the parts of a total, named by places or countries
_LISTED_PARTS = re.compile(r"(?:trong\s+đó|bao\s+gồm|gồm)\s*:?\s*(?:[^\d;()]{1,40}\d+\s*,\s*)*[^\d;()]{1,40}\Z", re.I)
_PAREN_CLOSE_AFTER = re.compile(r"\s*\)")
_FIGURE_OF_CLASS = re.compile(r"\s+là\s+\d")
_OUT_OF_WORDS = re.compile(r"\s+(?:trong|trên)\s+tổng\s+số\s+(?=\d)", re.IGNORECASE)
_DATE_REST = re.compile(r"\s*/\s*\d")
# a map scale: `tỷ lệ 1/500`, `quy hoạch chi tiết 1/2000`, `bản đồ địa chính 1/1000`
_SCALE_BEFORE = re.compile(
    r"(?:t[ỷỉ]\s+lệ|quy\s+hoạch(?:\s+(?:chi\s+tiết|phân\s+khu|chung))?(?:\s+xây\s+dựng)?|bản\s+đồ(?:\s+địa\s+chính)?)\s+$",
    re.IGNORECASE,
)
_FRACTION_VERB = re.compile(r"(?:đạt|hoàn\s+thành|có|giải\s+quyết|thực\s+hiện|được)\s+$", re.IGNORECASE)
_PCT = re.compile(r"\s?[%‰]")
_RATE_AFTER = re.compile(r"\s*[(,]\s*(?:đạt\s+)?(?:tỷ\s+lệ\s+)?(\d+(?:,\d+)?)\s*%", re.IGNORECASE)
_SLASH_CHAIN = re.compile(r"\d/\Z")
_COUNT_LABEL = re.compile(r"[ \t]*:[ \t]*")  # a counted figure, then `: ` and the figure it labels
_BARE_END = re.compile(r"\s*(?:[;,.)(]|trong\s+đó|$)", re.IGNORECASE)  # `(`: a note after it, `01 (Hội Y học ...)`
_WORD_BEFORE = re.compile(r"[^\W\d_]\s+$")
# lower-case names only: `02 nhà văn hóa: thôn Đanh Xá, ...` lists places, and counts them
_LOWER_RUN = r"(?:(?![A-ZĐ])[^;.\d])*"
_CATEGORY_LIST = re.compile(rf"\s*:\s*(?-i:[^\W\dA-ZĐ]){_LOWER_RUN},{_LOWER_RUN},{_LOWER_RUN}(?:[;.]|$)")
# `6 tỷ 200 triệu đồng` is 6,2 tỷ đồng; `1 nghìn 200 tỷ đồng` is 1,2 nghìn tỷ đồng
_AMOUNT_IN_WORDS = re.compile(
    r"\s*(?:(?P<big>tỷ|tỉ|triệu)\s+(?P<rest>\d{1,3}(?:,\d+)?)\s+(?:triệu|nghìn|ngàn)"
    r"|(?P<big_k>nghìn|ngàn)\s+(?P<rest_k>\d{1,3})\s+t[ỷỉ])(?P<cur>\s+đồng)?(?!\w)",
    re.IGNORECASE,
)
# `01 (một) giấy phép`, `45 (bốn mươi lăm) đại biểu`: the number restated in words before its unit
_IN_WORDS = re.compile(
    r"\s*\((?:\s*(?:một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi|mười|trăm|linh|lẻ|nghìn|ngàn|"
    r"triệu|tỷ|tỉ|phẩy)(?!\w))+\s*\)",
    re.IGNORECASE,
)
# a short note between a count and its noun: `kết nạp 49 (tính đến tháng 4/2025) hội viên`
_NOTE_BEFORE_UNIT = re.compile(r"[ \t]*\((?![^()\n]*[%‰])[^()\n]{1,60}\)(?=[ \t]*[^\W\d_])")
# `1,2 triệu lượt`, `410 nghìn con`, `2,5 tỷ tấn`, `2,5 vạn lượt` (vạn: ten thousand); but `tỷ đồng` is a unit
_SCALED_COUNT = re.compile(rf"\s*(?P<scale>{SCALE_OF_COUNT})(?=\s)", re.IGNORECASE)
# the words before the new value: `từ 09 tỷ lên 20 tỷ`, `từ 12,5% năm 2015 giảm xuống còn 3,2%`
_NEW_VALUE = re.compile(
    r"[\s,]*(?:(?:năm|tháng|quý)\s+[\d/]+\s+)?(?:(?:(?:tăng|giảm)\s+)?(?:lên|xuống)(?:\s+còn)?|(?:tăng|giảm)\s+còn)"
    r"(?:\s+mức)?\s*",
    re.IGNORECASE,
)
_IS_BEFORE = re.compile(r"(?<!\w)là[ \t]*:?[ \t]*\Z", re.IGNORECASE)  # `... là 165`
_DIGIT_NEXT = re.compile(r"\s*\d")
_COUNT_OF = re.compile(r"(?<!\w)(?:tổng\s+)?số(?:\s+(?:lượng|liệu))?(?=\s)", re.IGNORECASE)  # `Tổng số X`, `Số X`
_LABEL_BEFORE = re.compile(r"[^\W\d_][ \t]*:[ \t]*\Z")  # `người nghiện ở ngoài xã hội: 814`


_META_NAME = re.compile(r"(?<!\w)(?:chỉ\s+tiêu|tiêu\s+chí)(?!\w)", re.IGNORECASE)
_BEFORE_PCT = re.compile(
    r"(?:(?<!\w)(?:so\s+(?:với\s+)?[^,;.()\d]{1,30}?\s+)?"  # `so với cùng kỳ tăng 4,2%`
    r"(?:đạt\s+và\s+vượt|đạt\s+được|đạt|hoàn\s+thành|bằng|vượt|(?:tăng|giảm)"
    + CHANGE_MANNER  # `giảm nhẹ 1,1%`
    + r"|cao\s+hơn|thấp\s+hơn)\s+"
    r"(?:(?:[^\W\d_]+|(?:19|20)\d{2})(?:\s+(?:[^\W\d_]+|(?:19|20)\d{2})){0,7}\s+là\s+)?)?"  # `thấp hơn cùng kỳ là 0,5%`
    r"(?:t[ỷỉ]\s+lệ\s+)?(?:(?:trên|hơn|dưới|gần|khoảng|xấp\s+xỉ)\s+)?$",
    re.IGNORECASE,
)


_WITH_COUNT = re.compile(
    r"(?:\s+[^\W\d_]+){0,3}?\s+với\s+(?:tổng\s+số\s+)?(?P<num>\d[\d.,]*)", re.IGNORECASE
)  # `... chỉ tiêu với 14 thanh niên`, `... chỉ tiêu giao quân với 186 thanh niên`
_SHARE_GAP = re.compile(
    r"[\s,]*(?P<paren>\(\s*)?(?:và\s+)?chiếm\s+(?:t[ỷỉ]\s+lệ\s+)?$", re.IGNORECASE
)  # `(chiếm 5,2%)`
# `Có 70/139 kiến nghị đã được trả lời, có thể kết thúc nội dung, chiếm 50%`: the share closes the
# count's sentence after a clause that holds no figure and opens no breakdown
_SHARE_LATE = re.compile(
    r"(?:(?!trong\s+đó|bao\s+gồm|gồm|so\s+với|tăng|giảm)[^\d;:()\[\]%.]){0,160},\s*chiếm\s+(?:t[ỷỉ]\s+lệ\s+)?$",
    re.IGNORECASE,
)
# `Các kiến nghị đã được trả lời, chiếm 96%`: a share named by the clause before its comma
_SHARE_OF_CLAUSE = re.compile(r",\s*chiếm\s+(?:t[ỷỉ]\s+lệ\s+)?$", re.IGNORECASE)


def read_paragraph(para: Para) -> list[Item]:
    """Every figure of the paragraph, in order, with the changes a `So với ...` sentence gives."""
    items: list[Item] = []
    changes = read_change_sentences(para)
    block_norms(para)
    odd = odd_numbers(para)
    read_to = para.start  # numbers before this offset belong to an earlier figure

    def take(item: Item | None) -> None:
        nonlocal read_to
        if item is not None:
            items.append(item)
            read_to = max(read_to, item.reach)

    def take_odd(number: OddNumber) -> None:
        item: Item | None
        if number.unit is not None:  # malformed: a figure with no value
            unit, _, unit_end = number.unit
            item = new_item(para, items, number.start, None, unit, unit_end, count_unit=True)
            if item is not None:
                item.core = (number.start, unit_end)
        else:
            readable = number.value is not None and number.start >= read_to and not para.is_blocked(number.start)
            if not readable or number.value is None or not_a_figure(para, number.start, number.end):
                return
            item = _read_figure(para, items, number.start, number.end, number.value)
        if item is not None:
            item.flags.append(number.flag)
        take(item)

    for num in NUMBER_RE.finditer(para.text, para.start, para.end):
        s, e = num.span()
        while odd and odd[0].start < s:
            take_odd(odd.pop(0))
        if s < read_to or para.is_blocked(s):
            continue
        value = parse_number(num.group())
        if value is not None and (rank := read_rank(para, items, s, e, value)) is not None:
            take(rank)
            continue
        if value is None or not_a_figure(para, s, e) or earlier_period(para, items, s):
            continue
        item = _read_figure(para, items, s, e, value)
        if item is not None and items and _NEW_VALUE.fullmatch(para.text, items[-1].end, s):  # `từ 09 tỷ lên 20 tỷ`
            item.local, item.words, item.quote_start = items[-1].local, items[-1].words, items[-1].quote_start
        if item is None and items and _COUNT_LABEL.fullmatch(para.text, items[-1].end, s):
            item = _labelled_by_count(para, items, s, e, value)
        take(item)
    for number in odd:
        take_odd(number)
    attach_changes(items, changes)
    regroup_counted_changes(items)
    respective_comparisons(para, items)
    shared_by_each(para, items)
    settle_bases(para, items)
    plan_in_parenthesis(para, items)
    plan_then_actual(para, items)
    for item in items:
        _implied_amount_unit(item)
    return items


def _implied_amount_unit(item: Item) -> None:
    """`Tổng đàn bò 12.400 con, tăng 320 so với cùng kỳ`: an amount written without its unit counts in the
    figure's own (a rate's change in points stays as written)."""
    if item.value is None or item.unit is None or item.unit in ("%", "‰"):
        return
    item.comparisons = [
        c.model_copy(update={"amount_unit": item.unit}) if c.amount is not None and c.amount_unit is None else c
        for c in item.comparisons
    ]


def _labelled_by_count(para: Para, items: list[Item], s: int, e: int, value: float) -> Item | None:
    """`Thu tiền cấp quyền ... cho 59 điểm mỏ: 142.343.395.324 đồng`: the amount after the colon is
    named by the words before the count that labels it (two indicators: the count and the amount)."""
    unit = match_unit(para.text, e, para.end)
    if unit is None or _PCT.match(para.text, e, para.end):
        return None
    counted = items.pop()  # named from the words before the count (the count stays an indicator too)
    item = new_item(para, items, counted.num_start, value, unit[0], unit[2], count_unit=True, figure=s)
    items.append(counted)
    if item is not None:
        item.core = (s, unit[2])
    return item


def _read_figure(para: Para, items: list[Item], s: int, e: int, value: float) -> Item | None:
    text = para.text
    if (frac := _FRACTION.match(text, e, para.end) or _OUT_OF_WORDS.match(text, e, para.end)) and NUMBER_RE.match(
        text, frac.end(), para.end
    ):
        return _read_fraction(para, items, s, value, frac.end())  # `05/51 dự án`, `31 trong tổng số 54 doanh nghiệp`
    if pct := _PCT.match(text, e, para.end):
        return _read_percent(para, items, s, pct.end(), value)
    if words := _AMOUNT_IN_WORDS.match(text, e, para.end):  # `6 tỷ 200 triệu đồng` is 6,2 tỷ đồng
        rest = parse_number(words.group("rest") or words.group("rest_k")) or 0.0
        big = words.group("big") or f"{words.group('big_k')} tỷ"
        unit_name = big.lower() + (" đồng" if words.group("cur") else "")
        item = new_item(para, items, s, value + rest / 1000, unit_name, words.end(), count_unit=True)
        if item is not None:
            item.core = (s, words.end())
        return item
    if (out_of := out_of_in_units(para, items, s, e, value) or out_of_in_words(para, items, s, e, value)) is not None:
        return out_of
    spelled = _IN_WORDS.match(text, e, para.end)
    if spelled and _TIMES_AFTER.match(text, spelled.end(), para.end):
        return None  # `nộp 01 (một) lần`: how often, in the words of a rule
    if (scaled := _SCALED_COUNT.match(text, e, para.end)) and (counted := match_unit(text, scaled.end(), para.end)):
        unit_name = f"{scaled.group('scale').lower()} {counted[0]}"  # `1,2 triệu lượt`, `3 nghìn tỷ đồng`
        if (change := reached_value(para, items, s, value, (unit_name, s, counted[2]))) is not None:
            return change  # `tăng 8,2% so với cùng kỳ, đạt 1,2 triệu lượt`: the value of that change
        item = new_item(para, items, s, value, unit_name, counted[2], count_unit=True)
        if item is not None:
            item.core = (s, counted[2])
        return item
    unit_from = spelled.end() if spelled else e
    if (
        not spelled
        and not _SLASH_CHAIN.search(text, max(para.start, s - 4), s)  # `30/4 (...)`: the tail of a date
        and (note := _NOTE_BEFORE_UNIT.match(text, e, para.end))
        and match_unit(text, note.end(), para.end)
    ):
        para.block(note.start(), note.end())  # `kết nạp 49 (đến tháng 4 năm 2025) hội viên`: the note is no figure
        unit_from = note.end()
    if (unit := match_unit(text, unit_from, para.end)) is not None:
        if _CATEGORY_LIST.match(text, unit[2], para.end):
            return None  # `05 nhóm: pháp lý, hạ tầng, dữ liệu, ...` names categories, it counts nothing
        if (change := reached_value(para, items, s, value, unit) or change_only(para, items, s)) is not None:
            return change
        item = new_item(para, items, s, value, unit[0], unit[2], count_unit=True)
        if item is not None:
            item.core = (s, unit[2])
        return item
    if (change := change_only(para, items, s)) is not None:
        return change  # `So với cùng kỳ, số doanh nghiệp thành lập mới tăng 22`: its unit is the counted noun
    return _read_bare(para, items, s, e, value)


def _rate_follows(text: str, pos: int, end: int, x: float, y: float) -> bool:
    """`15/15 (đạt 100%)`, `42/139, đạt 30,2%`: the rate after it is x/y, so x/y is a fraction
    (never a date or a code, whatever stands before it)."""
    m = _RATE_AFTER.match(text, pos, end)
    pct = parse_number(m.group(1)) if m else None
    return pct is not None and is_rate_of(x, y, pct)


def _read_fraction(para: Para, items: list[Item], s: int, value: float, y_pos: int) -> Item | None:
    """`927/912 ha`, `05/51 dự án`: value and target. Dates, scales and codes are blocked."""
    text = para.text
    den = NUMBER_RE.match(text, y_pos, para.end)
    target = parse_number(den.group()) if den else None
    if den is None or target is None:
        return None
    if _SLASH_CHAIN.search(text, max(para.start, s - 4), s):  # `19/8/2024`: the tail of a date or a code
        para.block(s, den.end())
        return None
    after = den.end()
    unit = match_unit(text, after, para.end)
    before = text[max(para.start, s - 20) : s]
    full_date = bool(_DATE_REST.match(text, after, para.end))  # 19/05/2023
    day_month = "," not in den.group() and target <= 12  # 30/4, 1/6
    if _SCALE_BEFORE.search(before) or (unit is None and (full_date or day_month)):
        para.block(s, after + (8 if full_date else 0))
        return None
    if unit is None and not _FRACTION_VERB.search(before) and not _rate_follows(text, after, para.end, value, target):
        para.block(s, after)
        return None
    if unit is not None and unit[0] in ("%", "‰"):
        return None
    item = new_item(
        para, items, s, value, unit[0] if unit else None, unit[2] if unit else after, count_unit=unit is not None
    )
    if item is not None:
        item.target = target
        item.core = (s, unit[2] if unit else after)
        # `12/40 xã đạt chuẩn (đạt 85%)`: a bare rate that is not x/y is not this fraction's
        item.comparisons = [c for c in item.comparisons if not _foreign_rate(c, value, target)]
        if item.comparisons and all(_foreign_rate(c, value, target, stated=True) for c in item.comparisons):
            # `48.000/60.000 hồ sơ ..., đạt tỷ lệ 95%`: a rate that is not x/y is a figure of its own
            item.comparisons, item.end = [], read_tail(text, item.core[1], para.end, item.unit).end
        if not item.comparisons and (rate := fraction_rate(text, para.end, item)) is not None:
            item.comparisons, item.end = [rate.comparison], rate.end  # `553/553 TTHC có ... (đạt 100%)`
    return item


def _foreign_rate(c: Comparison, x: float, y: float, *, stated: bool = False) -> bool:
    """A bare rate (with `stated`, one written `tỷ lệ`) that is not x/y."""
    bare = c.relation == "ratio" and c.basis == "other" and c.basis_text == ("tỷ lệ" if stated else "")
    return bare and y > 0 and not is_rate_of(x, y, c.pct or 0)


def _read_bare(para: Para, items: list[Item], s: int, e: int, value: float) -> Item | None:
    """A count with no unit in a list (`đã xử lý 34`, `khiển trách 21`): the unit is carried.

    After a label (`Giới tính: nam: 1800, nữ: 122`) the count is the label's, with the unit of the
    paragraph's last count, or none (flagged `unit_missing`)."""
    text = para.text
    total = (
        _total_of(para, s, e, value)
        if value == int(value)
        and _IS_BEFORE.search(text, max(para.start, s - 6), s)
        and _BARE_END.match(text, e, para.end)
        else None
    )
    if total is not None:
        return total
    if (
        value == int(value)
        and _LABEL_BEFORE.search(text, max(para.start, s - 60), s)
        and _BARE_END.match(text, e, para.end)
    ):
        counted = next((it.unit for it in reversed(items) if it.unit and not is_measure(it.unit)), None)
        item = new_item(para, items, s, value, counted, e, count_unit=False)
        if item is not None:
            item.core = (item.quote_start, e)
            if counted is None:
                item.flags.append("unit_missing")
        return item
    prev = last_in_sentence(para, items, s)
    if prev is None or prev.unit is None or value != int(value) or 1900 <= value <= 2100:
        return None
    if not _BARE_END.match(text, e, para.end) or not _WORD_BEFORE.search(text, max(para.start, s - 3), s):
        return None
    before = text[max(para.start, s - 20) : s].split()
    if before and before[-1][:1].isupper() and not _LISTED_PARTS.search(text, para.sentence_start(s), s):
        return None  # `khu vực Mỹ Gia 5,`, `Phường 1`: a name that ends in a number
    item = new_item(para, items, s, value, prev.unit, e, count_unit=False)
    if item is not None:
        item.carried = True
        item.core = (item.quote_start, e)
    return item


def _total_of(para: Para, s: int, e: int, value: float) -> Item | None:
    """`Tổng số kiến nghị khó khăn, vướng mắc là 165`, `Số người có mặt (...) là 8.429`: the count
    of what `số` names, its unit the noun after `số` (none known: flagged `unit_missing`)."""
    text = para.text
    # the first `số` of the clause that counts something (`số 347/BC-UBND` in a note numbers a document)
    count_of = next(
        (m for m in _COUNT_OF.finditer(text, para.sentence_start(s), s) if not _DIGIT_NEXT.match(text, m.end())), None
    )
    if count_of is None or (1900 <= value <= 2100):
        return None
    unit = match_unit(text, count_of.end(), s)
    item = new_item(para, [], s, value, unit[0] if unit else None, e, count_unit=False)
    if item is not None:
        item.core = (item.quote_start, e)
        if unit is None:
            item.flags.append("unit_missing")
    return item


def _reached_with(para: Para, item: Item, pos: int) -> None:
    """`hoàn thành 100% chỉ tiêu với 14 thanh niên`: the count the plan was reached with is the
    figure, the ratio its comparison (one indicator, as when the count comes first)."""
    text = para.text
    if item.value is not None or item.comparisons[0].basis not in ("plan", "budget_estimate"):
        return
    num = _WITH_COUNT.match(text, pos, para.end)
    value = parse_number(num.group("num").rstrip(".,")) if num else None
    unit = match_unit(text, num.start("num") + len(num.group("num").rstrip(".,")), para.end) if num else None
    if num is None or value is None or unit is None or unit[0] in ("%", "‰") or para.is_blocked(num.start("num")):
        return
    item.value, item.unit, item.core = value, unit[0], (num.start("num"), unit[2])
    tail = read_tail(text, unit[2], para.end, unit[0])  # `186 thanh niên nhập ngũ`: a counted phrase
    if not item.own.strip() and tail.words:  # names a figure no words before its verb name
        counted = " ".join([*text[num.end("num") : unit[2]].split(), tail.words])
        item.local, item.end = counted[:1].upper() + counted[1:], max(item.end, unit[2], tail.end)
    item.end = max(item.end, unit[2])
    para.block(num.start("num"), item.end)


def _read_percent(para: Para, items: list[Item], s: int, pct_end: int, value: float) -> Item | None:
    """A percentage no earlier figure took: a share, a ratio-only statement, or a rate."""
    text = para.text
    if _FIGURE_OF_CLASS.match(text, pct_end, para.end):
        return None  # `thiệt hại trên 70% là 12 ha`: the share names a class, the figure follows
    unit = text[pct_end - 1]
    if (change := reached_value(para, items, s, value, (unit, s, pct_end))) is not None:
        return change  # `Tỷ lệ nợ xấu giảm 0,4 điểm phần trăm so với đầu năm, xuống còn 1,9%`
    prev = last_in_sentence(para, items, s)
    if prev is not None and (rate := fraction_rate(text, para.end, prev, read=(s, value, pct_end))):
        prev.comparisons, prev.end = [*prev.comparisons, rate.comparison], rate.end  # `x/y công dân ..., đạt tỷ lệ X%`
        return None
    gap = _SHARE_GAP.match(text, prev.end, s) if prev is not None else None
    if prev is not None and prev.value is not None and (gap or _SHARE_LATE.match(text, prev.end, s)):
        if gap and gap.group("paren") and (close := _PAREN_CLOSE_AFTER.match(text, pct_end, para.end)):
            pct_end = close.end()  # `1.235 hộ nghèo (chiếm 5,2%)`
        if prev.target is not None:  # `Có 63/139 kiến nghị ..., chiếm 46%`: the fraction's own rate
            prev.comparisons.append(Comparison(basis="other", basis_text="chiếm", relation="ratio", pct=value))
            prev.end = pct_end
            return None
        share = Item(value, unit, s, pct_end, prev.quote_start, prev.own, prev.sentence, words=prev.words)
        share.local, share.child_base, share.core = prev.local, prev.child_base, (s, pct_end)
        attach_comparisons(para, share)
        # `120 hộ, chiếm 2,5%, giảm 35 hộ so với đầu năm`: a change counted in hộ is the count's, and so is a
        # ratio to a stated basis (`146 triệu kWh, chiếm 8,2% tổng sản lượng, tăng gấp 2,4 lần cùng kỳ`)
        counted = [
            c
            for c in share.comparisons
            if (c.amount_unit and f"{prev.unit} ".startswith(f"{c.amount_unit} "))
            or (c.relation == "ratio" and c.basis != "other")
        ]
        if counted:
            share.comparisons = [c for c in share.comparisons if c not in counted]
            prev.comparisons.extend(counted)
            prev.end = share.end
            if not share.comparisons:
                para.block(pct_end, share.end)  # the change's digits stay read
                share.end = pct_end
        return share
    floor = prefix_floor(items, para.start, s)
    if prev is None and (clause := _SHARE_OF_CLAUSE.search(text, max(floor, s - 20), s)) is not None:
        item = new_item(para, items, clause.start(), value, unit, pct_end, count_unit=True, figure=s)
        if item is not None:
            item.core = (s, pct_end)
            return item
    verb = _BEFORE_PCT.search(text, max(floor, s - 40), s)
    c_start = verb.start() if verb and verb.group() else s
    parsed = parse_comparison(text, c_start, para.end)
    if (
        parsed is not None
        and parsed.number_start == s
        and (parsed.explicit_basis or parsed.comparison.relation == "change")
    ):
        item = new_item(para, items, c_start, None, None, parsed.end, count_unit=False, figure=s)
        if item is None and c_start < s:  # `Hoàn thành 100% chỉ tiêu`: no words before the verb, it names it
            item = new_item(para, items, s, None, None, parsed.end, count_unit=False)
        if item is None or _META_NAME.search(item.own):
            return None  # `các chỉ tiêu cơ bản đều đạt và vượt 50% kế hoạch năm`: a threshold
        comp = parsed.comparison
        if comp.relation == "ratio" and comp.basis != "other" and _GROWTH_NAME.match(item.own):
            comp = comp.model_copy(update={"relation": "change"})  # `Tăng trưởng kinh tế đạt 7,2% so với cùng kỳ`
        item.comparisons.insert(0, comp)  # new_item read the ones after it already
        item.approx = parsed.qualifier
        item.core = (s, parsed.end)
        attach_comparisons(para, item)
        _reached_with(para, item, parsed.end)
        return item
    item = new_item(para, items, s, value, unit, pct_end, count_unit=True)
    if item is not None:
        item.core = (s, pct_end)
        implied_plan(para, item)  # `Thu ngân sách nhà nước đạt 45,7%`: of the plan
    return item
