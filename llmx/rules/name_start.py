"""Where a figure's name begins, and the words trimmed off its ends: the first step of naming an
indicator (`naming.py` then borrows, composes and attaches what follows). A module of its own because
the boundary is a grammar of its own (hard delimiters; commas that do not part clauses, as in `xã, thị
trấn` or `nông, lâm, thủy sản`; parallel words sharing one name), and `trim` serves breakdowns too. Pure.
"""

from __future__ import annotations

import re

from llmx.rules.name_words import (
    ONLY_LEAD,
    TRAIL,
    TRAIL_WITH_PREPOSITION,
    closes_with_verb,
    names_back,
    opens_with_verb,
)
from llmx.rules.norms import DURATION_LIST
from llmx.rules.paragraphs import Para

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
OPENING = re.compile(r"(?<!\w)(?:" + _OPENINGS + r")(?!\w)", re.IGNORECASE)
LEAD_TRIM = re.compile(
    r"(?:[\s,.\-+•*–/]+|(?:và|còn|đồng\s+thời|trong\s+đó|đối\s+với|với|(?-i:Về)(?!\s+đích)|bao\s+gồm|gồm|trong\s+tháng|trong\s+kỳ|"
    r"trong\s+quý|trong\s+năm(?!\s+\d)|trong\s+tuần|kết\s+quả|lũy\s+kế|luỹ\s+kế|đến\s+nay|hiện\s+nay|"
    r"tính\s+đến\s+nay|qua\s+đó|qua\s+kiểm\s+tra|có|nhưng|song|tuy\s+nhiên|ngoài\s+ra|như|" + _OPENINGS + r"|"
    r"(?:trong\s+)?\d+\s+tháng(?:\s+(?:đầu|cuối)\s+năm)?(?:\s+\d{4})?|"
    r"(?:[IVX]{1,4}|\d{1,2})\s*/\s*\d{4})(?=[\s,:]|$)[\s,:]*)",  # `Trong quý I/2024 kết nạp ...`
    re.IGNORECASE,
)
ATTRIBUTES = (
    r"tổng\s+số\s+tiền|tổng\s+số|trị\s+giá|giá\s+trị|số\s+tiền|tổng\s+kinh\s+phí|kinh\s+ph[íi]|"
    r"tổng\s+diện\s+tích|diện\s+tích|"
    # `thành lập mới 37 doanh nghiệp với tổng vốn đăng ký 412 tỷ đồng`
    r"tổng\s+vốn(?:\s+(?:đăng\s+ký|đầu\s+tư))?|vốn\s+(?:đăng\s+ký|đầu\s+tư)|tổng\s+mức\s+đầu\s+tư"
)
ATTRIBUTE = re.compile(r"(?:" + ATTRIBUTES + r")(?!\w)", re.IGNORECASE)
_WITH_TAIL = re.compile(r"(?:^|\s)với\s+(?:" + ATTRIBUTES + r")(?!\w).*$", re.IGNORECASE)
PREPOSITION_ONLY = re.compile(r"(?:tại|cho|với|ở|đối\s+với|của|từ)", re.IGNORECASE)

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


def name_start(para: Para, floor: int, s: int) -> tuple[int, str]:
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
    if not head and s0.strip() and names_back(lead, text, s) and (prev := name_start(para, floor, comma))[0] < comma:
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
            PREPOSITION_ONLY.fullmatch(s1_words[0]) and not ATTRIBUTE.match(head)
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
    while k != -1 and (_decimal_comma(text, k) or fixed_comma(text, k)):
        k = text.rfind(",", lo, k)
    return k


def _decimal_comma(text: str, k: int) -> bool:
    return text[k - 1 : k].isdigit() and text[k + 1 : k + 2].isdigit()


def fixed_comma(text: str, k: int) -> bool:
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
    while (m := LEAD_TRIM.match(words, pos)) and m.end() > pos:
        pos = m.end()
    return words[:pos].strip(" \t\n,.-+•*–")


def trim(words: str, *, prep: bool) -> str:
    """Name words without leading conjunctions and trailing verbs, dates and prepositions."""
    s = " ".join(words.split())
    while (m := LEAD_TRIM.match(s)) and m.end() > 0:
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
