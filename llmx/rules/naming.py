"""What an indicator is called: the words before (and around) a figure, trimmed to the name an
analyst would write in a spreadsheet, with its unit and comparisons attached. Pure.

Naming runs in three steps, one module each: where the name begins and what is trimmed off it
(`name_start.py`); here, the base name (borrowed from a sibling, an owner or a `Label:` line) composed
with the counted noun; then what follows the figure (`attach.py`).
"""

from __future__ import annotations

import re

from llmx.rules.attach import attach_comparisons
from llmx.rules.comparisons import (
    APPROX,
    APPROX_BEFORE,
    AS_OF_RE,
    ESTIMATE_RE,
    as_of_date,
)
from llmx.rules.name_start import (
    ATTRIBUTE,
    ATTRIBUTES,
    LEAD_TRIM,
    OPENING,
    PREPOSITION_ONLY,
    fixed_comma,
    name_start,
    trim,
)
from llmx.rules.name_words import RATIO_VERB, parallel_place, without_figure_notes
from llmx.rules.paragraphs import Item, Para, last_in_sentence, name_floor
from llmx.rules.unit_words import CLASSIFIERS, SCALE_WORDS
from llmx.rules.units import is_measure, named_after, read_tail

# `A với B`: B an attribute of A (`kiểm kê xong 108 hộ với diện tích 70,9 ha`), not `phối hợp với`
_WITH = re.compile(r"(?:^|\s)với\s+(?=(?:" + ATTRIBUTES + r")(?!\w))", re.IGNORECASE)
# `... cho hộ nghèo, gia đình chính sách với tổng trị giá`: whom the figure before went to, then its attribute
_RECIPIENT_ATTRIBUTE = re.compile(r"(?:,|\svới)\s*((?:tổng\s+)?(?:" + ATTRIBUTES + r"))$", re.IGNORECASE)
_SIBLING_WORDS = re.compile(r"[\s,;=/]*(?:(?:và|hoặc|bằng)[\s,]*)?", re.IGNORECASE)
TOTAL_ONLY = re.compile(r"(?:tổng\s+số|tổng\s+cộng|tổng)", re.IGNORECASE)
_GENERIC_INTRO = re.compile(r"(?:như\s+sau|cụ\s+thể|kết\s+quả|sau)$", re.IGNORECASE)


_CUMULATIVE = re.compile(
    r"[\s;,]*(?P<words>(?:lũy|luỹ)\s+kế(?:\s+(?:\d+\s+tháng(?:\s+đầu\s+năm)?|từ\s+đầu\s+năm(?:\s+đến\s+nay)?"
    r"|đến\s+nay))?)(?:\s+từ\s+(?:năm|tháng)\s+[\d/]+(?:\s+đến\s+nay)?)?"  # `lũy kế từ năm 2021 đến nay`
    r"\s*(?:ước\s+)?(?:đạt\s+được|đạt|là)?[\s:]*",
    re.IGNORECASE,
)
_PLAN_BEFORE = re.compile(
    r"(?<!\w)(?:chỉ\s+tiêu|kế\s+hoạch|(?-i:KH))(?:\s+(?:năm|tỉnh|huyện|xã|giao|được\s+giao))*\s+là\s+$",
    re.IGNORECASE,
)
_MAX_LEAD_IN_WORDS = 20
_MAX_LABEL_WORDS = 30  # a `Label: <figure>` line's label is cut to a name's length, not dropped


def new_item(
    para: Para,
    items: list[Item],
    s: int,
    value: float | None,
    unit: str | None,
    unit_end: int,
    *,
    count_unit: bool,
    figure: int | None = None,
) -> Item | None:
    """The item for a figure at `s` (for a ratio-only statement, `s` is where its verb starts)."""
    text = para.text
    figure = s if figure is None else figure
    floor = name_floor(para, items, s)
    approx = APPROX_BEFORE.search(text, max(floor, s - 12), s)
    name_from, delim = name_start(para, floor, s)
    own_from = name_from
    while (lead := LEAD_TRIM.match(text, own_from, s)) and lead.end() > own_from:
        own_from = lead.end()
    tail = read_tail(text, unit_end, para.end, unit)
    if tail.swallowed:
        para.block(*tail.swallowed)
    # `cho 123 hộ` keeps `cho` before its counted noun; a ratio-only verb (`mới đạt 45% dự toán`) shows the name
    own_to = verb.end() if figure > s and (verb := RATIO_VERB.match(text, s, figure)) else s
    own = trim(without_figure_notes(text[own_from:own_to]), prep=not (count_unit and _names_unit(unit, tail.words)))
    if not own and not tail.words and unit in ("%", "‰"):  # `Có trên 95% dân số tham gia BHYT`
        tail = read_tail(text, unit_end, para.end, unit, named_before=False)
    prev = last_in_sentence(para, items, figure)
    opening = OPENING.search(text, name_from, s)  # up to the figure: a year opening looks at the word after it
    if opening is not None and opening.start() >= own_from:
        opening = None
    item = Item(
        value,
        unit,
        figure,
        tail.end,
        opening.start() if opening else own_from if own else (approx.start() if approx else s),
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
    if base == own and prev is not None and prev.unit == unit and (parallel := parallel_place(own, prev.own)):
        base = child_base = parallel  # `Tỷ lệ thu gom rác tại đô thị đạt 95%, tại nông thôn đạt 70%`
    borrowed = bool(base) and not own and prev is not None and base == prev.words
    if borrowed and unit in ("%", "‰") and tail.words and prev is not None and prev.unit != unit:
        base, child_base, item.words = "", "", ""  # `...; 98,5% trẻ em ... được tiêm chủng`: the share names itself
    item.bare_name = not base  # named by its counted noun and trailing words only: `03 vụ`
    # `đạt 89,15 điểm` is a score, not a count of points (`13 điểm mỏ`): the name does not end in `điểm`
    score = unit == "điểm" and value is not None and not float(value).is_integer()
    item.local = _compose(
        base, _as_written(text, figure, unit_end, unit) if count_unit and not score else None, tail.words
    )
    if not item.local and not own and (named := named_after(text, tail.end, para.end)) is not None:
        item.local, item.end = named.words[:1].upper() + named.words[1:], named.end
    item.child_base = child_base or item.local
    if not item.local:
        return None
    attach_comparisons(para, item)
    return item


def _base_name(
    para: Para, item: Item, prev: Item | None, raw: str, name_from: int, delim: str, floor: int
) -> tuple[str, str]:
    """Name words before the figure and the base for its children; may borrow a sibling's words."""
    text, own = para.text, item.own
    follows = prev is not None and _adjacent(text, prev.end, name_from)
    item.words = own
    cumulative = _CUMULATIVE.fullmatch(raw) if not own and prev is not None and _same_measure(prev, item) else None
    if cumulative and prev is not None and (prev.words or prev.local):
        # `Giá trị sản xuất ... 245 tỷ đồng, ...; lũy kế 5 tháng đạt 1.200 tỷ đồng`: the same measure, summed
        item.words = f"{prev.words or prev.local} {' '.join(cumulative.group('words').lower().split())}"
        item.quote_start = name_from + cumulative.start("words")
        return item.words, ""
    breakdown = delim.lower().split()[:1] in (["trong"], ["gồm"], ["bao"], ["cụ"])  # `...; trong đó 50% ...`
    if (
        not own
        and _SIBLING_WORDS.fullmatch(raw)
        and prev is not None
        and prev.words
        and delim not in ("(", ":")
        and not breakdown
    ):
        item.words = prev.words  # `khởi tố 02 vụ, 08 đối tượng`, `cho 09 tập thể và 05 cá nhân`
        return prev.words, ""
    with_m = ([None, *_WITH.finditer(own)])[-1]  # the last match is the one wanted
    if with_m is not None and len(own[with_m.end() :].split()) <= 6:
        head, attr = own[: with_m.start()].strip(" ,"), own[with_m.end() :]
        if follows and prev is not None and (not head or PREPOSITION_ONLY.match(head)):
            head = f"{prev.local} {head}".strip()  # `10 nhà tình nghĩa cho ... với kinh phí ...`
            item.quote_start = min(item.quote_start, prev.quote_start)
            # `thành lập 37 doanh nghiệp với tổng vốn 412 tỷ đồng; 4 hợp tác xã`: a count after the
            # attribute is the owner's sibling and borrows the owner's words, not the attribute's
            item.words = prev.words
        if head:
            return f"{head} - {attr}", head  # `kiểm kê xong 108 hộ với diện tích 70,9 ha`
    elif (
        follows
        and prev is not None
        and prev.own
        and PREPOSITION_ONLY.match(own)
        and (given := _RECIPIENT_ATTRIBUTE.search(own)) is not None
    ):
        item.quote_start = prev.quote_start  # `tặng 230 suất quà cho hộ nghèo, trị giá 69 triệu đồng`
        return f"{prev.local} - {' '.join(given.group(1).split())}", ""
    elif (
        follows
        and prev is not None
        # `diện tích lúa 120 ha, diện tích ngô 85 ha`: an area after an area is a sibling, not its attribute
        and (PREPOSITION_ONLY.fullmatch(own) or (ATTRIBUTE.match(own) and prev.own and not _same_measure(prev, item)))
    ):
        item.quote_start = prev.quote_start  # `thưởng nóng 60 triệu đồng cho 02 đơn vị`
        item.words = prev.words
        return f"{prev.local} - {own}", ""  # `tặng 770 xuất quà, trị giá 286 triệu đồng`
    elif own and delim == ":" and TOTAL_ONLY.fullmatch(own):
        lead_from = _lead_in(para, floor, name_from - 1)
        lead_in = trim(text[lead_from : name_from - 1], prep=False)
        if lead_in and len(lead_in.split()) <= _MAX_LEAD_IN_WORDS and not _GENERIC_INTRO.search(lead_in):
            item.quote_start = (
                lead_from + len(text[lead_from:name_from]) - len(text[lead_from:name_from].lstrip(_MARKS))
            )
            return f"{lead_in} - {own.lower()}", lead_in  # `Xem xét xử lý ...: Tổng số 35 đ/c`
    elif (
        not own
        and delim == ":"
        and not OPENING.search(raw)  # `Tình hình ...: Trong năm 2025 có 06 đơn vị ...` is named by its own words
        and (label := _label_before(para, floor, name_from - 1)) is not None
    ):
        item.quote_start = label[0]  # `Số tiền phải thu năm 2025: 242.684.254.344 đồng`
        return label[1], ""
    return own, ""


def _same_measure(prev: Item, item: Item) -> bool:
    """Units of one measure: the same unit, or money in two scales (`520 triệu đồng, lũy kế 5,85 tỷ đồng`)."""
    money = ("đồng", "tỷ")
    return prev.unit == item.unit or bool(
        prev.unit and item.unit and prev.unit.endswith(money) and item.unit.endswith(money)
    )


_LABEL_STOP = re.compile(r"[;:(),]|\.(?=\s)")


def _label_before(para: Para, floor: int, colon: int) -> tuple[int, str] | None:
    """(start, words) of the label a `Label: <figure>` line gives its figure."""
    text = para.text
    start = max(floor, para.sentence_start(colon))
    stop = colon
    if text[start:colon].rstrip().endswith(")") and (opening := text.rfind("(", start, colon)) > start:
        stop = opening  # `- Benzaldehyde (≥99%): 210 tấn/năm`: the note stays in the label
    for m in _LABEL_STOP.finditer(text, start, stop):
        if m.group() != "," or not fixed_comma(text, m.start()):
            start = m.end()
    if text[start - 1 : start] == ",":  # `- Tổng đàn trâu, bò: 3.450 con`: parallel nouns share the label
        start = min(start, name_start(para, max(floor, para.sentence_start(colon)), stop)[0])
    raw = text[start:colon]
    words = trim(raw, prep=False)
    if not words or len(raw.split()) > _MAX_LABEL_WORDS or _GENERIC_INTRO.search(words):
        return None
    return start + len(raw) - len(raw.lstrip(" \t\n-+•*")), words


def _adjacent(text: str, a: int, b: int) -> bool:
    return a <= b and not text[a:b].strip(" \t\n,")


def _lead_in(para: Para, floor: int, colon: int) -> int:
    """Start of the words before a `:` that introduce a `Tổng số ...` figure."""
    start = max(floor, para.sentence_start(colon))
    for m in re.finditer(r"[;()]", para.text[start:colon]):
        start = max(floor, para.sentence_start(colon)) + m.end()
    return start


def _as_written(text: str, figure: int, unit_end: int, unit: str | None) -> str | None:
    """The counted noun as the text writes it (`15 UBND cấp xã` is named with `UBND`, not `ubnd`)."""
    if unit is None:
        return None
    written = " ".join(text[figure:unit_end].split())
    tail = written[len(written) - len(unit) :]
    return tail if len(written) >= len(unit) and tail.lower() == unit else unit


_PER_POPULATION = re.compile(r"/(?:\d|vạn\s).*$")
_MARKS = " \t\n-+•*"  # a bullet before the words is not part of a quote
_GENERIC_HEAD = re.compile(r"(?:^|[\s-])(?:tổng\s+số|tổng|số)$", re.IGNORECASE)


def _compose(base: str, count_unit: str | None, tail: str) -> str:
    if count_unit is not None and not tail and _GENERIC_HEAD.search(base) and not is_measure(count_unit.lower()):
        return f"{base} {_SCALE.sub('', count_unit)}"  # `...: Tổng số 35 đảng viên` counts `đảng viên`
    named = count_unit is not None and _names_unit(count_unit, tail) and not (not tail and _says(base, count_unit))
    if named and tail and count_unit is not None and count_unit.lower() in _OBJECT_CLASSIFIERS:
        named = False  # `04 chiếc xe ô tô cứu thương`: the noun after the classifier is what is counted
    # `28,5 thuê bao/100 hộ gia đình` is named by what is counted, not by the population it is per
    counted = _PER_POPULATION.sub("", count_unit) if count_unit else ""
    parts = (base, _SCALE.sub("", counted) if count_unit and named else "", tail)
    return " ".join(p for p in parts if p).strip()


_OBJECT_CLASSIFIERS = frozenset({"cái", "chiếc", "con"})
_SCALE = re.compile(rf"^(?:{SCALE_WORDS}|t[ỷỉ](?!\s+(?:đồng|usd|đ)$))\s+")  # `1,2 triệu lượt` counts `lượt`


def _says(base: str, noun: str) -> bool:
    """The name already holds the counted noun: `Tổng số đảng viên của Đảng bộ là 1.250 đảng viên`
    is named `Tổng số đảng viên của Đảng bộ`, not `... Đảng bộ đảng viên`."""
    counted = _SCALE.sub("", noun).split()
    if counted[:1] == ["lượt"] and len(counted) > 1:
        counted = counted[1:]  # `Lượng khách du lịch đạt 215.000 lượt khách`: the name holds whom the turns count
    words = r"\s+".join(map(re.escape, counted))
    return re.search(r"(?<!\w)" + words + r"(?!\w)", base, re.IGNORECASE) is not None


def _names_unit(unit: str | None, tail: str) -> bool:
    """A counted noun belongs in the name (`kết nạp đảng viên`); a classifier alone does not."""
    counted = _SCALE.sub("", unit.lower()) if unit is not None else None
    return counted is not None and not is_measure(counted) and (counted not in CLASSIFIERS or bool(tail))
