"""What an indicator is called: the words before (and around) a figure, trimmed to the name an
analyst would write in a spreadsheet, with its unit and comparisons attached. Pure.
"""

from __future__ import annotations

import re

from llmx.numbers import NUMBER_PATTERN, is_rate_of, parse_number
from llmx.rules.comparisons import (
    APPROX,
    APPROX_BEFORE,
    AS_OF_RE,
    ESTIMATE_RE,
    as_of_date,
)
from llmx.rules.following import read_following
from llmx.rules.name_words import (
    ONLY_LEAD,
    RATIO_VERB,
    TRAIL,
    TRAIL_WITH_PREPOSITION,
    closes_with_verb,
    names_back,
    opens_with_verb,
    parallel_place,
    without_figure_notes,
)
from llmx.rules.norms import DURATION_LIST
from llmx.rules.paragraphs import Item, Para, last_in_sentence, name_floor
from llmx.rules.unit_words import CLASSIFIERS, META_UNITS, SCALE_WORDS
from llmx.rules.units import is_measure, match_unit, named_after, read_tail

DIGIT = re.compile(r"\d")


_HARD = re.compile(
    r"[;:()\[\]=…]|\.(?=\s)|(?<!\w)(?:trong\s+đó|bao\s+gồm|gồm(?:\s+có)?|cụ\s+thể|như\s+sau)(?!\w)",
    re.IGNORECASE,
)


_NAME_WORD_AFTER = r"(?=,?\s+(?!(?:tăng|giảm|đạt|là|lên|xuống|còn|so)(?!\w))[^\W\d_])"
# openings that set the time or place: not in the name, but in the quote (`trên địa bàn tỉnh có 96 giấy phép`)
_OPENINGS = (
    r"trong\s+nhiệm\s+kỳ|(?:trong\s+)?thời\s+gian\s+qua|từ\s+đầu\s+năm|"
    r"từ\s+(?:năm\s+\d{4}|tháng\s+\d{1,2}(?:/\d{4})?)(?:\s+đến\s+(?:nay|năm\s+\d{4}|tháng\s+\d{1,2}(?:/\d{4})?))?|"
    r"từ\s+ngày\s+\d{1,2}/\d{1,2}(?:/\d{4})?(?:\s+đến\s+(?:nay|ngày\s+\d{1,2}/\d{1,2}(?:/\d{4})?))?|"
    r"trên\s+địa\s+bàn(?:\s+(?:toàn\s+)?(?:tỉnh|huyện|xã|thành\s+phố|thị\s+xã|phường))?(?-i:(?:\s+[A-ZĐ]\w*){0,3})"
    r"(?:\s*\((?:mới|cũ)\))?|"  # `Trên địa bàn tỉnh X (mới) có 03 Hội` (a merged province)
    # `Năm học 2024-2025 toàn huyện có 12.450 học sinh`: the period and the whole area, not what is counted;
    # but `Năm 2011: 2126 người nghiện` is named by its year, and `9,8% năm 2016 giảm còn ...` dates a figure
    r"(?:học\s+kỳ\s+(?:I{1,2}|[12])\s+)?năm\s+học\s+\d{4}\s*[-–]\s*\d{4}" + _NAME_WORD_AFTER + "|"
    r"(?:trong\s+)?năm\s+(?:\d{4}|nay)" + _NAME_WORD_AFTER + "|"  # `Năm nay toàn xã có ...` (web news)
    r"toàn\s+(?:tỉnh|huyện|xã|thành\s+phố|thị\s+xã|phường|thị\s+trấn)(?-i:(?:\s+[A-ZĐ]\w*){0,3})(?:\s*\((?:mới|cũ)\))?"
)
_OPENING = re.compile(r"(?<!\w)(?:" + _OPENINGS + r")(?!\w)", re.IGNORECASE)
_LEAD_TRIM = re.compile(
    r"(?:[\s,.\-+•*–/]+|(?:và|còn|đồng\s+thời|trong\s+đó|đối\s+với|với|(?-i:Về)(?!\s+đích)|bao\s+gồm|gồm|trong\s+tháng|trong\s+kỳ|"
    r"trong\s+quý|trong\s+năm(?!\s+\d)|trong\s+tuần|kết\s+quả|lũy\s+kế|luỹ\s+kế|đến\s+nay|hiện\s+nay|"
    r"tính\s+đến\s+nay|qua\s+đó|qua\s+kiểm\s+tra|có|nhưng|song|tuy\s+nhiên|ngoài\s+ra|như|" + _OPENINGS + r"|"
    r"(?:trong\s+)?\d+\s+tháng(?:\s+(?:đầu|cuối)\s+năm)?(?:\s+\d{4})?|"
    r"(?:[IVX]{1,4}|\d{1,2})\s*/\s*\d{4})(?=[\s,:]|$)[\s,:]*)",  # `Trong quý I/2024 kết nạp ...`
    re.IGNORECASE,
)
_ATTRIBUTES = (
    r"tổng\s+số\s+tiền|tổng\s+số|trị\s+giá|giá\s+trị|số\s+tiền|tổng\s+kinh\s+phí|kinh\s+ph[íi]|"
    r"tổng\s+diện\s+tích|diện\s+tích|"
    # `thành lập mới 37 doanh nghiệp với tổng vốn đăng ký 412 tỷ đồng`
    r"tổng\s+vốn(?:\s+(?:đăng\s+ký|đầu\s+tư))?|vốn\s+(?:đăng\s+ký|đầu\s+tư)|tổng\s+mức\s+đầu\s+tư"
)
_ATTRIBUTE = re.compile(r"(?:" + _ATTRIBUTES + r")(?!\w)", re.IGNORECASE)
# `A với B`: B an attribute of A (`kiểm kê xong 108 hộ với diện tích 70,9 ha`), not `phối hợp với`
_WITH = re.compile(r"(?:^|\s)với\s+(?=(?:" + _ATTRIBUTES + r")(?!\w))", re.IGNORECASE)
_WITH_TAIL = re.compile(r"(?:^|\s)với\s+(?:" + _ATTRIBUTES + r")(?!\w).*$", re.IGNORECASE)
# `... cho hộ nghèo, gia đình chính sách với tổng trị giá`: whom the figure before went to, then its attribute
_RECIPIENT_ATTRIBUTE = re.compile(r"(?:,|\svới)\s*((?:tổng\s+)?(?:" + _ATTRIBUTES + r"))$", re.IGNORECASE)
_PREPOSITION_ONLY = re.compile(r"(?:tại|cho|với|ở|đối\s+với|của|từ)", re.IGNORECASE)
_SIBLING_WORDS = re.compile(r"[\s,;=/]*(?:(?:và|hoặc|bằng)[\s,]*)?", re.IGNORECASE)
_PAIRED_COUNT = re.compile(r"\s*/\s*\d[\d.,]*")
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
_FIXED_BEFORE = (
    "xã",
    "phường",
    "cơ quan",
    "đơn vị",
    "cả nước",
    "sở",
    " ban",
    "phản ánh",
)  # commas inside `xã, thị trấn`, ...
_FIXED_AFTER = ("phường", "thị trấn", "đơn vị", "doanh nghiệp", "liên tỉnh", "ban, ngành", "ngành", "kiến nghị")
_FUNCTION_WORDS = frozenset({"các", "của", "cho", "và", "được", "đã", "là", "tại", "với", "thu", "chi", "số"})
_SHORT_HEAD = 2  # `Phát hiện, khởi tố`: a head this short may share the words before a comma
_SHORT_S1 = 3
_PARALLEL_S1 = 7
_VERB_S1 = 12  # `Đội vệ sinh môi trường thu gom, xử lý ...`: the verb's subject comes along
_ATTRIBUTE_S1 = 15  # `... nhân dịp lễ, tết với tổng số tiền trên 4,06 tỷ đồng`
_MAX_NAME_WORDS = 25
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
    name_from, delim = _name_start(para, floor, s)
    own_from = name_from
    while (lead := _LEAD_TRIM.match(text, own_from, s)) and lead.end() > own_from:
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
    opening = _OPENING.search(text, name_from, s)  # up to the figure: a year opening looks at the word after it
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
        if follows and prev is not None and (not head or _PREPOSITION_ONLY.match(head)):
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
        and _PREPOSITION_ONLY.match(own)
        and (given := _RECIPIENT_ATTRIBUTE.search(own)) is not None
    ):
        item.quote_start = prev.quote_start  # `tặng 230 suất quà cho hộ nghèo, trị giá 69 triệu đồng`
        return f"{prev.local} - {' '.join(given.group(1).split())}", ""
    elif (
        follows
        and prev is not None
        # `diện tích lúa 120 ha, diện tích ngô 85 ha`: an area after an area is a sibling, not its attribute
        and (_PREPOSITION_ONLY.fullmatch(own) or (_ATTRIBUTE.match(own) and prev.own and not _same_measure(prev, item)))
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
        and not _OPENING.search(raw)  # `Tình hình ...: Trong năm 2025 có 06 đơn vị ...` is named by its own words
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
        if m.group() != "," or not _fixed_comma(text, m.start()):
            start = m.end()
    if text[start - 1 : start] == ",":  # `- Tổng đàn trâu, bò: 3.450 con`: parallel nouns share the label
        start = min(start, _name_start(para, max(floor, para.sentence_start(colon)), stop)[0])
    raw = text[start:colon]
    words = trim(raw, prep=False)
    if not words or len(raw.split()) > _MAX_LABEL_WORDS or _GENERIC_INTRO.search(words):
        return None
    return start + len(raw) - len(raw.lstrip(" \t\n-+•*")), words


def _name_start(para: Para, floor: int, s: int) -> tuple[int, str]:
    """Start of the words naming a figure at `s`, and the hard delimiter before them.

    A comma usually separates clauses, but parallel words share one name: two short verbs or
    nouns (`Phát hiện, khởi tố 02 vụ`, `đàn lợn, trâu bò`) or phrases with a common head
    (`Giá trị sản xuất công nghiệp, tiểu thủ công nghiệp 5.999,8 tỷ đồng`).
    """
    text = para.text
    b, delim = _hard_start(text, floor, s)
    if delim == ")" and not trim(text[b:s], prep=True):
        # `thu NSNN (trừ tiền cấp quyền sử dụng đất) đạt 683 triệu đồng`: the note is in the name
        opening = next((o for o, c in para.parens if c == b - 1 and o >= floor), None)
        if opening is not None:
            b, delim = _hard_start(text, floor, opening)
    comma = _last_comma(text, b, s)
    if comma == -1:
        return b, delim
    s0 = text[comma + 1 : s]
    trimmed = trim(s0, prep=True)
    head = _WITH_TAIL.sub("", trimmed)
    lead = _lead_words(s0)
    if not head and s0.strip() and names_back(lead, text, s) and (prev := _name_start(para, floor, comma))[0] < comma:
        return prev  # `Tỷ lệ hồ sơ ... còn thấp, chỉ đạt 51,79%`: the clause before names it
    if not head or lead:
        return comma + 1, ","
    short_limit = _ATTRIBUTE_S1 if head != trimmed else _SHORT_S1
    head_words = head.lower().split()
    start = comma + 1
    while start > b:
        prev_comma = _last_comma(text, b, start - 1)
        s1_start = prev_comma + 1 if prev_comma != -1 else b
        s1_words = [w for w in text[s1_start : start - 1].split() if w.strip("-+•*")]  # not a bullet's mark
        # `Đội vệ sinh thu gom, xử lý bình quân 12 tấn rác`: two verbs share the counted object
        verbs = closes_with_verb(s1_words) and opens_with_verb(head_words)
        limit = _VERB_S1 if verbs else max(_PARALLEL_S1, short_limit)
        if not s1_words or len(s1_words) > limit or (_lead_words(" ".join(s1_words)) and not verbs):
            break
        if DIGIT.search(text, s1_start, start - 1) or (
            _PREPOSITION_ONLY.fullmatch(s1_words[0]) and not _ATTRIBUTE.match(head)
        ):
            break  # `... 3.400 tấn nông sản cho thành viên, doanh thu ...`: the words left of a figure before
        s1_lower = [w.lower() for w in s1_words]
        parallel = s1_lower[-1] == head_words[-1] or (
            head_words[0] not in _FUNCTION_WORDS and head_words[0] in s1_lower
        )  # `Số thu Bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm tự nguyện 105,9 tỷ đồng`
        if not ((len(head_words) <= _SHORT_HEAD and len(s1_words) <= short_limit) or parallel or verbs):
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
    if _LEVEL_LIST.match(text, k):
        return True  # `tài khoản định danh mức 1, mức 2`: one name with its levels
    if text[k - 1 : k].isdigit() and DURATION_LIST.match(text, k):
        return True  # `Huy hiệu 30, 40, 45 năm tuổi Đảng`: one name with its durations
    if _FARM_WORD.search(text[max(0, k - 16) : k].lower()) and after.startswith(("lâm", "thủy", "thuỷ", "ngư", "diêm")):
        return True  # `giá trị sản xuất nông, lâm, thủy sản`: one sector's name
    return before.endswith(_FIXED_BEFORE) and after.startswith(_FIXED_AFTER)


_FARM_WORD = re.compile(r"(?<!\w)(?:nông|lâm)(?:\s+nghiệp)?$")
_LEVEL_LIST = re.compile(r",\s*(?:(?:mức|loại|cấp|nhóm)\s+)?\d{1,2}(?!\d)(?![.,]\d)(?=\s*[,:)]|\s+(?:trên|và)\s|\s*$)")


def _lead_words(words: str) -> str:
    """Leading conjunctions and time phrases (`trong tháng`, `đến nay`) that open a new clause."""
    pos = 0
    while (m := _LEAD_TRIM.match(words, pos)) and m.end() > pos:
        pos = m.end()
    return words[:pos].strip(" \t\n,.-+•*–")


def _adjacent(text: str, a: int, b: int) -> bool:
    return a <= b and not text[a:b].strip(" \t\n,")


def _lead_in(para: Para, floor: int, colon: int) -> int:
    """Start of the words before a `:` that introduce a `Tổng số ...` figure."""
    start = max(floor, para.sentence_start(colon))
    for m in re.finditer(r"[;()]", para.text[start:colon]):
        start = max(floor, para.sentence_start(colon)) + m.end()
    return start


def attach_comparisons(para: Para, item: Item) -> None:
    """Comparisons, a plan figure and an absolute difference that follow the figure."""
    if item.unit in META_UNITS:
        return  # `đạt từ 50% kế hoạch trở lên` after a count of indicators is a threshold
    if _paired_count(para, item):
        return  # `bắt giữ 12 vụ/25 đối tượng`: the count after the slash is a figure of its own
    following = read_following(
        para.text,
        item.end,
        para.end,
        has_value=item.value is not None,
        is_blocked=para.is_blocked,
        value=item.value,
    )
    item.comparisons.extend(following.comparisons)
    item.end = following.end
    item.resume = following.resume
    rate_plan = following.target_unit == "%"
    if following.target is not None and item.target is None and (not rate_plan or item.unit == "%"):
        item.target = following.target  # never a `%` plan as the target of a count
    for span in following.spans or ():
        para.block(*span)
    changed = any(c.relation == "change" for c in item.comparisons)  # `Tỷ lệ hộ nghèo giảm 5,2%, còn 38,6%`
    if item.value is None and changed and (left := _LEFT_AT.match(para.text, item.end, para.end)):
        item.value, item.unit, item.end = parse_number(left.group("num")), "%", left.end()
        para.block(left.start("num"), left.end())


# `..., còn 38,6%`, `..., xuống còn 2,1%`: the level a rate's change brought it to, the rate's value
_LEFT_AT = re.compile(rf",?\s*(?:xuống\s+|lên\s+)?còn\s+(?P<num>{NUMBER_PATTERN})\s?%")
_PAIR_RATE = re.compile(r"[^;.]{0,80}?đạt\s+(?:t[ỷỉ]\s+lệ\s+)?(\d+(?:,\d+)?)\s*%", re.IGNORECASE)


def _paired_count(para: Para, item: Item) -> bool:
    """`12 vụ/25 đối tượng`: a count of another noun after the slash, not the total of a fraction
    (`2.846.632 tài khoản/2.935.139 công dân ..., đạt 97%` is one: the rate is its quotient)."""
    text = para.text
    pair = _PAIRED_COUNT.match(text, item.end, para.end)
    other = match_unit(text, pair.end(), para.end) if pair else None
    if pair is None or other is None or other[0] == item.unit or item.value is None:
        return False
    total = parse_number(pair.group().strip(" \t/"))
    rate = _PAIR_RATE.match(text, other[2], para.end)
    pct = parse_number(rate.group(1)) if rate else None
    return not (total and pct is not None and is_rate_of(item.value, total, pct))


def trim(words: str, *, prep: bool) -> str:
    """Name words without leading conjunctions and trailing verbs, dates and prepositions."""
    s = " ".join(words.split())
    while (m := _LEAD_TRIM.match(s)) and m.end() > 0:
        s = s[m.end() :]
    s = ONLY_LEAD.sub("", s)  # `..., mới cấp được 126/310 hồ sơ`: "only", a judgement opening the clause
    pattern = TRAIL_WITH_PREPOSITION if prep else TRAIL
    while s and (m := pattern.search(s)) is not None:
        s = s[: m.start()]
    while len(s.split()) > _MAX_NAME_WORDS and ", " in s:  # drop whole leading clauses first
        s = s.split(", ", 1)[1]
    if len(s.split()) > _MAX_NAME_WORDS:
        s = " ".join(s.split()[-_MAX_NAME_WORDS:])
    return s.strip(" ,;:-–")


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
