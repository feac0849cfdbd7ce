"""What follows a figure in Vietnamese reports: its unit (genre-notes 5) and the words that
still say what is counted (`4,86km đường huyện`).

A number is an indicator value only when a unit follows it, so this lexicon is also the main
guard against names, ordinals and codes that contain digits. Units are matched longest first,
case-insensitively, glued (`6.128,7ha`, `91%KH`) or after spaces (also the wide ones of justified
PDF text, `hồ  sơ`), and returned as written, lower-cased. `tháng`, `năm`, `ngày`, `tuổi` are
deliberately absent: a figure followed by them is a time span or an age, never a quantity of
the period. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from llmx.rules.name_words import ACTION_VERBS, MAX_VERB_WORDS, opens_with_verb
from llmx.rules.unit_words import COUNTS, MEASURES, META_UNITS

# Denominators that make a rate unit: `tạ/ha`, `tiêu chí/xã`, `triệu đồng/nhà`, `đồng/kg`, `kg/người/năm`,
# `tỷ đồng/HTX/năm`, `triệu đồng/sào/vụ`.
_PER = (
    r"(?:/(?:ha|xã|nhà|người|hộ|ngày|tháng|năm|km2?|m2|m3|con|kg|tấn|tạ|lít|lao\s+động|năm\s+học"
    r"|htx|hợp\s+tác\s+xã|doanh\s+nghiệp|dn|thôn|cơ\s+sở|lớp|học\s+sinh|tuần|quý|vụ|sào"
    # per 100 / 1.000 / 10.000 people: `28,5 thuê bao/100 hộ gia đình`, `115 máy/100 dân`, `9 bác sĩ/vạn dân`
    r"|(?:100|1\.000|10\.000|vạn)\s+(?:dân|người|hộ(?:\s+gia\s+đình)?|trẻ\s+đẻ\s+sống|trẻ)"
    # an amount per event, also per a counted few: `100 kg/lần nổ`, `1.604kg/11 lần nổ`, `45 tấn/3 chuyến`
    r"|(?:\d{1,3}\s+)?(?:(?:lần|đợt)(?:\s+nổ)?|chuyến))){1,2}"
)

_SYMBOLS = ("%", "‰")
_ALL = sorted({*MEASURES, *COUNTS} - set(_SYMBOLS), key=len, reverse=True)
_ALTS = "|".join(r"\s+".join(re.escape(w) for w in u.split()) for u in _ALL)  # justified text: `hồ  sơ`
# A word unit must end at a word boundary, and a `/` after it makes a rate (`kg/cm²`) unless the
# total or another count follows (`120 hồ sơ/tổng số 125 hồ sơ`, `12 vụ/25 đối tượng`); `%` may be
# glued to what follows (`91%KH`).
UNIT_RE = re.compile(
    r"\s{0,2}(?P<unit>[%‰]|(?:" + _ALTS + r")(?:" + _PER + r")?(?!\w)(?!/(?!\s*(?:tổng(?!\w)|\d))))",
    re.IGNORECASE,
)
# `xã, thị trấn` is one unit, except before a list of place names (`xã, thị trấn Gôi`).
_COMPOUND_PLACE = re.compile(r"(?:xã,\s+thị\s+trấn|đơn\s+vị,\s+doanh\s+nghiệp)\s+[A-ZĐ]")

_MEASURE_SET = frozenset(MEASURES)
_UNIT_SET = frozenset({*MEASURES, *COUNTS})
_CUT_RATE = re.compile(r"[ \t]+([^\W\d_]+)/")


def match_unit(text: str, pos: int, end: int | None = None) -> tuple[str, int, int] | None:
    """(unit as written lower-cased, start, end) of the unit right after `pos`, or None."""
    m = UNIT_RE.match(text, pos, len(text) if end is None else end)
    if m is None:
        return None
    u_start, u_end = m.span("unit")
    if _VERB_NOT_NOUN.match(text, u_start):
        return None  # `Tháng 7 giải ngân ...`: a verb, not the prize `giải`
    if _MINISTRY.fullmatch(m.group("unit")):
        return None  # `Năm 2026 Bộ Nông nghiệp ...`: a ministry, not the count `bộ`
    if (longer := _CUT_RATE.match(text, u_end)) and f"{_lower(m.group('unit'))} {longer.group(1).lower()}" in _UNIT_SET:
        return None  # `2,1 tỷ đồng/năm/Sở`: a rate the lexicon does not know, never the bare `tỷ`
    if _COMPOUND_PLACE.match(text, u_start):
        comma = text.index(",", u_start)
        return _lower(text[u_start:comma]), u_start, comma
    if not is_measure(_lower(m.group("unit"))):
        u_end = _list_end(text, u_start, u_end, len(text) if end is None else end)
    return _lower(text[u_start:u_end]), u_start, u_end


_LIST_COMMA = re.compile(r",[ \t]*")
_LIST_MAX = 3
# not the prize `giải` (`giải thể` dissolves, but `12 giải thể thao` are sports tournaments), nor the count
# `lần` in the adverb `lần lượt` (respectively: `9 người, lần lượt giảm ...`), nor the elders `cụ` in `cụ thể`
# (`06 nhiệm vụ, cụ thể: ...`)
_VERB_NOT_NOUN = re.compile(
    r"giải\s+(?:quyết|ngân|phóng|thể(?!\s+thao)|trình|đáp)(?!\w)|lần\s+lượt(?!\w)|cụ\s+thể(?!\w)", re.I
)
# `tuần tra 96 lượt, tổ chức gọi hỏi ...`: a count of times or events heads no list of nouns (`tổ chức` is the verb)
_NO_LIST_AFTER = frozenset({"lượt", "lần", "buổi", "cuộc", "đợt", "phiên"})
_MINISTRY = re.compile(r"B(?:ộ|Ộ)")  # case-sensitive: `Bộ Tài chính`; the count `bộ` is written lower-case
_NAME_AFTER = re.compile(r"\s+[A-ZĐ]")
_FIGURE_AFTER = re.compile(r"\s+\d")


def _list_end(text: str, u_start: int, u_end: int, limit: int) -> int:
    """End of a list of counted nouns: `67/124 xã, phường`, `cơ quan, tổ chức, hợp tác xã,
    doanh nghiệp` (one unit as written). A list followed by names is a list of places, whose
    names belong to each noun (`02 xã, phường Chấn Thịnh ...`): the unit stays the first noun."""
    end = u_end
    if _lower(text[u_start:u_end]) in _NO_LIST_AFTER:
        return u_end
    for _ in range(_LIST_MAX):
        comma = _LIST_COMMA.match(text, end, limit)
        nxt = UNIT_RE.match(text, comma.end(), limit) if comma else None
        if comma is None or nxt is None or is_measure(_lower(nxt.group("unit"))) or nxt.start("unit") != comma.end():
            break
        if _lower(nxt.group("unit")) in META_UNITS or _VERB_NOT_NOUN.match(text, nxt.start("unit")):
            break  # `38/124 UBND cấp xã, chỉ tiêu đề ra là ...`; `156 hồ sơ, giải quyết đúng hạn ...`
        end = nxt.end("unit")
    if end != u_end and (_NAME_AFTER.match(text, end, limit) or _FIGURE_AFTER.match(text, end, limit)):
        return u_end  # names of places, or the words of the next figure (`tố cáo 2 đơn, kiến nghị 18 đơn`)
    return end


def is_measure(unit: str | None) -> bool:
    """True for units of measure (money, area, mass, percent...), whose name never repeats them."""
    if unit is None:
        return True
    return unit.split("/", 1)[0] in _MEASURE_SET


def _lower(unit: str) -> str:
    return " ".join(unit.lower().split())


# --- the words after a unit that still name the figure -------------------------------------

# `45,6% trên tổng số chi phí,`, `85,6% tổng số hồ sơ tiếp nhận;`: the whole a rate is of, up to the clause's end
_RATE_OF = re.compile(
    r"[ \t]+(?:trên[ \t]+)?tổng(?:[ \t]+số)?(?:[ \t]+[^\W\d_]+){1,6}?(?=[ \t]*(?:[,;.()]|$))", re.IGNORECASE
)
_TAIL_WORD = re.compile(r"\s+([^\s,;:()\[\]=“”\"/]+)")  # `hồ sơ trực tuyến/62.089`: the `/` ends the words
# `đạt chuẩn`, `đạt NTM`, `đạt yêu cầu`, `đạt giải`, `đạt danh hiệu`, `đạt học sinh giỏi`: the standard
# met says what is counted
# An age after the counted noun is part of what is counted: `trẻ dưới 1 tuổi`, `người từ 60 tuổi trở lên`,
# `lao động trong độ tuổi 15 - 60` (its digits are no figure).
_AGE_TAIL = re.compile(
    r"\s+((?:(?:dưới|trên|từ|đủ)\s+\d{1,3}(?:\s*(?:-|–|đến)\s*\d{1,3})?\s+tuổi(?:\s+trở\s+(?:lên|xuống))?"
    r"|(?:trong\s+)?độ\s+tuổi\s+(?:từ\s+)?\d{1,3}(?:\s*(?:-|–|đến)\s*\d{1,3})(?:\s+tuổi)?))(?![\w/])",
    re.IGNORECASE,
)
_STANDARD_WORDS = frozenset({"chuẩn", "nông", "ntm", "yêu", "giải", "danh", "học"})
_TAIL_STOP = frozenset(
    {
        "đạt",
        "bằng",
        "tăng",
        "giảm",
        "so",
        "với",
        "trị",
        "tại",
        "trên",
        "dưới",
        "theo",
        "từ",
        "đến",
        "cho",
        "và",
        "trong",
        "là",
        "được",
        "đã",
        "ước",
        "chiếm",
        "gồm",
        "để",
        "nhằm",
        "do",
        "nhưng",
        "hoặc",
        "thuộc",
        "ở",
        "sau",
        "trước",
        "khi",
        "còn",
        "như",
        "số",
        "kinh",
        "phấn",
    }
)
_TOLL = re.compile(r"\s+(?:\d|chết|bị\s|hư\s+hỏng|sập|ngập|thiệt\s+hại|mất\s+tích|cháy|tử\s+vong)", re.IGNORECASE)
_STATE_AFTER_CON = frozenset({"dư", "tồn", "nợ", "hoạt", "hiệu", "sống"})
_CAPITALISED_COMMON = frozenset({"Tết"})  # `1.850 suất quà Tết cho người có công`: a feast, no proper name
_LEVEL_WORDS = frozenset({"mức", "cấp", "loại", "hạng", "độ", "nhóm"})
_LEVEL = re.compile(r"\d{1,2}|[IVX]{1,4}")
_MORE_LEVELS = re.compile(r",\s*(?:mức\s+)?\d{1,2}(?![\d.,])")
_TIME_WORDS = frozenset({"năm", "tháng", "ngày", "quý", "tuần", "đợt"})
_DANGLING = ("chưa", "đã", "đang", "và", "được", "vào")  # `kết nạp 08 quần chúng ưu tú vào Đảng`
_MAX_TAIL_WORDS = 10
# A count of indicators keeps its threshold: `08/10 chỉ tiêu ... đạt và vượt trên 50% KH năm`.
_META_TAIL_END = re.compile(r"[,;.()\[:]|\s+và\s+(?=\d)|\s+(?:trong\s+đó|gồm)(?!\w)", re.IGNORECASE)
# Communes counted by criteria met: `07 xã đạt chuẩn 18 tiêu chí` (the 18 is part of the name).
_CRITERIA_TAIL = re.compile(r"[^;.\d]{0,80}?(?P<words>đạt\s+chuẩn\s+\d{1,2}\s+tiêu\s+chí)", re.IGNORECASE)
_PLACES = frozenset({"xã", "thôn", "trường", "xã, thị trấn"})


@dataclass(frozen=True, slots=True)
class Tail:
    """Name words after the unit, where they end, and a span whose digits are not figures."""

    end: int
    words: str
    swallowed: tuple[int, int] | None = None


def read_tail(text: str, pos: int, limit: int, unit: str | None, *, named_before: bool = True) -> Tail:
    """Words after a unit that still say what is counted: `4,86km đường huyện`, `đơn vị được thanh tra`.

    Stops at a verb or preposition that starts a comparison or a new clause, a proper name, a
    number, or a `và` that introduces another figure (`09 tập thể và 05 cá nhân`). A rate with no
    name before it (`named_before=False`) is named by `dân số ...` or `tổng số ...` after it (`Có trên 95% dân
    số tham gia BHYT`); after a name they say what the rate is of (`Tỷ lệ bao phủ BHYT đạt 92,5% dân số`,
    `Hồ sơ trực tuyến chiếm 85,6% tổng số hồ sơ`) and stay out of the name.
    """
    if unit in META_UNITS:
        stop = _META_TAIL_END.search(text, pos, limit)
        end = pos + len(text[pos : stop.start() if stop else limit].rstrip())
        return Tail(end, " ".join(text[pos:end].split()), (pos, end))
    if unit in _PLACES and (criteria := _CRITERIA_TAIL.match(text, pos, limit)):
        return Tail(criteria.end(), " ".join(criteria.group("words").split()), (pos, criteria.end()))
    if unit in _SYMBOLS and named_before and (of := _RATE_OF.match(text, pos, limit)):
        return Tail(of.end(), "")  # `chiếm 85,6% tổng số hồ sơ`: what the rate is of, in its quote, not its name
    words: list[str] = []
    end = pos
    if unit in _SYMBOLS and (listed := match_unit(text, pos, limit)) is not None and not is_measure(listed[0]):
        words, end = [text[listed[1] : listed[2]]], listed[2]  # `100% sở, ngành bố trí ...`: the list as one
    new_figure = False
    swallowed = None
    while len(words) < _MAX_TAIL_WORDS:
        if swallowed is None and (age := _AGE_TAIL.match(text, end, limit)):
            words.append(age.group(1))  # `trẻ dưới 1 tuổi`: the age says who is counted
            end, swallowed = age.end(), age.span(1)
            continue
        m = _TAIL_WORD.match(text, end, limit)
        if m is None:
            break
        word = m.group(1)
        bare = word.rstrip(".…")
        low = bare.lower()
        nxt = _TAIL_WORD.match(text, m.end(), limit)
        nxt_word = nxt.group(1) if nxt else ""
        if (
            words
            and words[-1].lower() in _LEVEL_WORDS
            and _LEVEL.fullmatch(bare)
            and not match_unit(text, m.end(), limit)
            and not (words[-1].lower() == "cấp" and len(bare) > 1)  # `cấp 95 chứng chỉ` grants; levels are `cấp 1`-`4`
        ):
            words.append(bare)  # `tài khoản định danh điện tử mức 2`: the level is part of the name
            end = m.start(1) + len(bare)
            while (more := _MORE_LEVELS.match(text, end, limit)) and not match_unit(text, more.end(), limit):
                words[-1] += text[end : more.end()]  # `mức 1, 2` / `mức 1, mức 2`
                end = more.end()
            if bare != word:
                break
            continue
        if not bare or any(ch.isdigit() for ch in bare) or "%" in bare:
            new_figure = bare[:1].isdigit()
            break
        if bare[0].isupper() and not bare.isupper() and bare not in _CAPITALISED_COMMON:
            break  # a proper name (`xã Liêm Túc`) or a new sentence
        if low in _TIME_WORDS and nxt_word[:1].isdigit():
            break  # `tại 13 xã năm 2022`, but `tài sản hàng năm`
        if low in ("lên", "xuống") and (nxt_word[:1].isdigit() or nxt_word in ("còn", "mức")):
            break  # `từ 09 tỷ lên 20 tỷ`: the new value follows
        population = (low, nxt_word) == ("dân", "số") and not named_before and not words and nxt is not None
        if population and nxt and (after := _TAIL_WORD.match(text, nxt.end(), limit)) and after.group(1)[:1].islower():
            words.append(f"{bare} số")  # `Có trên 95% dân số tham gia BHYT`: the population, what follows says
            end = nxt.end()
            continue
        if (low, nxt_word.lower().rstrip(".…")) in (("đối", "với"), ("dân", "số")):
            break  # `02 cuộc thanh tra đối với 10 đơn vị`; `92,5% dân số` is what the rate is of
        if low == "làm" and _TOLL.match(text, m.end(), limit):
            break  # `2 vụ sạt lở đất làm hư hỏng 3 căn nhà`: the toll is the next figure's name
        if low in _TAIL_STOP:
            joins = low == "và" and nxt_word[:1].islower()  # `tập trung và xen kẹp`
            relative = (
                low in ("được", "đã")
                and (  # `đơn vị được thanh tra`, `98% đảng viên được đánh giá ...`
                    not words
                    or words[-1] == "đã"
                    or (unit in _SYMBOLS and len(words) == 1)
                    or (low == "được" and nxt_word[:1].islower() and nxt_word.lower() not in _TAIL_STOP)
                )
            )  # `12 cụm công nghiệp được thành lập`, `văn bản điện tử được xử lý`
            arriving = low == "đến" and not words and not nxt_word  # `889.551 văn bản đi, 5.150.865 văn bản đến)`
            price = (low, nxt_word.lower()) in (("trị", ""), ("kinh", "")) or (
                low in ("trị", "kinh") and nxt_word.lower() not in ("giá", "phí")
            )  # `lý luận chính trị`, `cơ sở kinh doanh`; not `trị giá`, `kinh phí`
            # `12/15 xã đạt chuẩn nông thôn mới`, `3 xã đạt NTM nâng cao`: the standard says what is counted
            standard = low == "đạt" and nxt_word.lower().rstrip(".…,;") in _STANDARD_WORDS
            attached = low == "thuộc" and bool(words) and words[-1].lower() == "trực"  # `45 chi hội trực thuộc`
            # `Gần 70% số hộ sử dụng nước sạch`: a share of the number of what follows
            share_of = low == "số" and unit in _SYMBOLS and not words and nxt_word[:1].islower()
            # `14.236 hộ còn dư nợ`, `35 hợp tác xã còn hoạt động`: a state of what is counted, not `còn 12 hộ`
            state = low == "còn" and nxt_word.lower() in _STATE_AFTER_CON
            if not (joins or relative or attached or price or standard or arriving or share_of or state):
                # `120 ha và diện tích ngô là 85 ha`: the words after `và` name the next figure
                new_figure = low in ("là", "đạt") and nxt_word[:1].isdigit()
                break
        words.append(bare)
        end = m.start(1) + len(bare)
        if bare != word:
            break
    if new_figure:  # `02 phiên giao dịch việc làm thu hút 320 lao động`: the verb before a figure is that figure's
        words = _without_next_verb(words)
    joined = [k for k, w in enumerate(words) if w.lower() == "và"]
    if joined and (len(words) - joined[-1] <= 2 or new_figure):  # `01 tập thể và tặng Bằng khen`
        words = words[: joined[-1] + 1]
    while words and words[-1].lower() in _DANGLING:
        words.pop()
    end = _end_of_words(text, pos, words)
    name = " ".join(words)
    if words and unit not in _SYMBOLS and (list_end := _listed_nouns(text, end, limit)):
        end = list_end  # `35 đơn thư khiếu nại, tố cáo, kiến nghị`: the listed nouns are what is counted
        name = " ".join(text[pos:end].split())
    return Tail(end, name, swallowed if swallowed and swallowed[1] <= end else None)


def _without_next_verb(words: list[str]) -> list[str]:
    """The tail without the action verb that closes it right before the next figure (which it names)."""
    for n in range(MAX_VERB_WORDS, 0, -1):
        if len(words) > n and " ".join(words[-n:]).lower() in ACTION_VERBS:
            return words[:-n]
    return words


_LIST_COMMA = re.compile(r",[ \t]*")
_MAX_LIST_ITEMS = 8
_MAX_ITEM_WORDS = 4
# words that open a clause, not a listed noun (`..., cụ thể`, `..., không gây phiền hà`, `..., tổng vốn ...`)
_ITEM_OPENERS = frozenset(
    {"cụ", "như", "nhất", "chủ", "tổng", "trong", "bao", "thông", "không", "chưa", "đang", "sẽ", "cần", "đều", "cùng"}
    | {"diện", "giá", "vốn", "sản", "doanh"}  # `..., diện tích 5 ha`, `..., giá trị ...`, `..., sản lượng ...`
    | {
        "bình",
        "lũy",
        "luỹ",
    }  # `12.560 hộ nghèo, bình quân giảm 1,45%/năm`, `..., lũy kế ...`: an average, a running total
    # `3 vụ cháy rừng, ít hơn năm trước là 2 vụ`: a comparison of the figure, not a listed noun
    | {"ít", "nhiều", "cao", "thấp", "bằng", "gấp", "so", "vượt", "hơn", "tăng", "giảm", "đạt", "chiếm"}
)
# words that introduce a figure: the item before them names the next figure (`..., lũy kế là 5 ha`);
# `đạt`/`chiếm` after an item compare the listed figure itself (`05/06 đơn khiếu nại, tố cáo đạt 83,3%`)
_FIGURE_WORDS = frozenset({"là", "ước", "còn", "gồm", "có"})


def _listed_nouns(text: str, pos: int, limit: int) -> int:
    """End of the short nouns listed after a counted noun's words (`khiếu nại, tố cáo, kiến nghị`), or 0.

    An item is a few lowercase words; one that opens with an action verb, holds a number or a proper
    name, or runs long starts a new clause (`..., xử lý nghiêm theo quy định`, `..., trực tuyến 20 hồ sơ`).
    """
    end = 0
    for _ in range(_MAX_LIST_ITEMS):
        comma = _LIST_COMMA.match(text, pos, limit)
        if comma is None:
            break
        item: list[str] = []
        at, stopped = comma.end() - 1, False
        while (m := _TAIL_WORD.match(text, at, limit)) is not None and len(item) <= _MAX_ITEM_WORDS:
            bare = m.group(1).rstrip(".…")
            low = bare.lower()
            if not bare or (not item and (low in _ITEM_OPENERS or bare[0].isupper())) or low in _FIGURE_WORDS:
                return end  # `..., tổng vốn đầu tư là 224 tỷ`, `..., UBND tỉnh đã ban hành`: a new clause
            if low in _TAIL_STOP:
                stopped = True  # `tố cáo thuộc thẩm quyền`: the list ends, what follows is no name word
                break
            if any(ch.isdigit() for ch in bare) or "%" in bare or (bare[0].isupper() and not bare.isupper()):
                return end
            item.append(bare)
            at = m.start(1) + len(bare)
            if bare != m.group(1):
                stopped = True
                break
        if not item or len(item) > _MAX_ITEM_WORDS or opens_with_verb(item):
            break
        end = pos = at
        if stopped:
            break
    return end


def _end_of_words(text: str, pos: int, words: list[str]) -> int:
    """End offset of the first `len(words)` words after `pos`."""
    end = pos
    for word in words:
        end = text.index(word, end) + len(word)
    return end


_IS_NAMED = re.compile(r"[ \t]+là(?=[ \t])", re.IGNORECASE)


def named_after(text: str, pos: int, limit: int) -> Tail | None:
    """`45 tỷ đồng là tổng thu ngân sách ...`: a figure opening its clause, named by the words after `là`."""
    if (m := _IS_NAMED.match(text, pos, limit)) is None:
        return None
    tail = read_tail(text, m.end(), limit, None)
    return tail if tail.words else None
