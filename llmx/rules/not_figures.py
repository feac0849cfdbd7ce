"""Digits that are no figure at all (SPEC 4, Exclude): ordinals, names and place numbers, codes, ranges, date
parts, document and phone numbers, thresholds and a rule's frequencies. Called by `figures.py`. Pure.
"""

from __future__ import annotations

import re

from llmx.rules.norms import duration_list, labelled_or_operand
from llmx.rules.paragraphs import Para
from llmx.rules.units import is_measure, match_unit

_TIME_BEFORE = re.compile(r"(?<!\w)(?:ngày|mùng|mồng|tháng|năm|quý|tuần)\s*$", re.IGNORECASE)
# Words right before a number that make it an ordinal, a name or a document number; a place number (`thôn 3`,
# `tổ 5`, `bản 7`) is never a value, but `mỗi thôn 12 hộ` counts per place (nor `nông thôn`, `biên bản`, `Nhật Bản`).
_NOT_BEFORE = re.compile(
    r"(?<!\w)(?=[ltkmvđgnsqxbấphcifí])(?:lớp|thứ|lần|khóa|khoá|(?<!từ\s)(?<!lên\s)(?<!còn\s)(?<!xuống\s)(?<!ở\s)mức|vòng|đợt|giai\s+đoạn|nhiệm\s+kỳ|(?<!tổng\s)(?<!thiểu\s)(?<!đa\s)(?<!dân\s)số|quốc\s+lộ|"
    r"tỉnh\s+lộ|ql|đt|tl|(?<!mỗi\s)(?:tổ|xóm|(?<!nông\s)thôn|khóm|buôn|(?<!xuất\s)(?<!cơ\s)(?<!căn\s)(?<!phiên\s)(?<!tư\s)(?<!nhật\s)(?<!biên\s)(?<!kịch\s)(?<!tái\s)(?<!nguyên\s)bản|ấp)|đội|phòng|trung\s+ương|tw|hạng|chuẩn\s+mức|điều|khoản|chương|"
    r"kỷ\s+niệm|tuổi|phụ\s+lục|khu|cụm|đường|phố|ca|khối|(?<!phân\s)nhóm|iso|tcvn|km|hội\s+nghị|đại\s+hội|"
    r"covid|nghị\s+quyết|nghị\s+định|quyết\s+định|chỉ\s+thị|kết\s+luận|kế\s+hoạch|thông\s+tư|"
    r"thông\s+tri|văn\s+bản|công\s+văn|quy\s+định|hướng\s+dẫn|chương\s+trình|đề\s+án|(?-i:Luật)|"
    r"thông\s+báo|tờ\s+trình|công\s+điện|tiêu\s+chí\s+số|theo|(?<!danh\s)mục|điện\s+thoại|fax|hotline|"
    r"ít\s+nhất|tối\s+thiểu|tối\s+đa|quá|(?:tháng|quý)\s+[\dIVX]{1,4}\s*/)\s*(?:số\s*)?$",  # `tháng 7/2023 tổ chức`
    re.IGNORECASE,
)
# `Tỷ lệ học sinh lên lớp 99,2%`: no class, course or round is numbered in percent
_NO_PERCENT_ORDINALS = frozenset(
    [
        "lớp",
        "khóa",
        "khoá",
        "lần",
        "vòng",
        "đợt",
        "tổ",
        "đội",
        "xóm",
        "thôn",
        "khóm",
        "buôn",
        "bản",
        "khu",
        "cụm",
        "ấp",
        "khối",
    ]
)
# `vốn ngân sách trung ương 120 tỷ đồng`: money after `trung ương` is an amount, `Trung ương 5` a plenum
_CENTRAL = re.compile(r"(?:trung\s+ương|tw)\s*$", re.IGNORECASE)
_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")  # `1.793.393`: a quantity, never an ordinal
_COMPARED_BEFORE = re.compile(r"[≤≥<>]\s*$")  # `Lk ≤ 2 mét`, `(≥99%)`: a bound, no figure
# `Số điện thoại: 0947034219`, `Số căn cước: 015064000584`, `mã số thuế 5800123456`: identifiers (the
# genre groups every amount this long: `1.500.000.000 đồng`)
_PHONE = re.compile(r"0\d{8,}|\d{9,}")
# `Ban Chấp hành mỗi năm họp 04 lần`, `5 năm 1 lần`: how often a rule says to meet, no count of the period
_FREQUENCY = re.compile(
    r"(?:(?<!\w)(?:mỗi|hằng|hàng)\s+(?:năm|quý|tháng|tuần)\b[^,;.]{0,30}|\d\s+(?:năm|tháng)\s+)$", re.I
)
_TIMES_AFTER = re.compile(r"\s*lần(?!\w)(?!\s*/)", re.IGNORECASE)
# `- Đối với 11 dịch vụ công thiết yếu của ngành Công an: ...`: a topic that names a set, no count
_TOPIC_BEFORE = re.compile(r"(?:^|[.;:]\s+|[-+•*]\s*)(?-i:Đối\s+với)\s+$")
# `- Đối với 288 dự án chậm tiến độ, đã đôn đốc ...`: the topic runs on into a clause, so its count is a figure
_TOPIC_CLAUSE = re.compile(r"[^:;.\n]{0,80},\s")
_HYPHEN_NAME = re.compile(r"[^\W\d_]-\s?$")  # Covid-19
_DOC_AFTER = re.compile(r"\s*(?:-\s*[A-ZĐ]|/\s*[A-ZĐ]|/\d{4}/)")  # 01-KL/TW, 2326/KL-TTCTP
_RANGE_AFTER = re.compile(r"\s*(?:[%‰]\s*)?(?:[-–÷~]|ữ)\s*\d")  # 2022 – 2023, 9001-9008, 85% ÷ 87%
_RANGE_BEFORE = re.compile(r"\d\s*(?:[%‰]\s*)?(?:[-–÷~]|ữ)\s*$")
_PCT = re.compile(r"\s?[%‰]")
# `Tai nạn giao thông giảm cả 3 tiêu chí (số vụ, số người chết, số người bị thương)`: the measures that fell,
# no count of the period
_ALL_CRITERIA = re.compile(r"(?<!\w)(?:tăng|giảm)(?:\s+(?:trên|ở|về))?\s+cả\s*$", re.IGNORECASE)
_CRITERIA_AFTER = re.compile(r"\s*(?:tiêu\s+chí|mặt)(?!\w)", re.IGNORECASE)

# `doanh nghiệp có 100% vốn nhà nước`, `dự án 100% vốn đầu tư của nước ngoài`, `nắm giữ 51% vốn điều lệ`: who
# owns the capital, a condition naming a kind of investor, no measured quantity (not `giải ngân 100% vốn được giao`)
_OWNED_BY = (
    r"(?:nhà\s+nước|nước\s+ngoài|tư\s+nhân|ngân\s+sách|ODA|FDI|(?:các\s+|những\s+)?(?:Tổng\s+công\s+ty|Tập\s+đoàn|"
    r"doanh\s+nghiệp\s+nhà\s+nước))(?!\w)"
)
_OWNERSHIP_AFTER = re.compile(
    rf"\s?%\s+vốn(?:\s+(?:đầu\s+tư|điều\s+lệ|góp))?(?:\s+(?:của|thuộc))?\s+{_OWNED_BY}", re.IGNORECASE
)
_OWNING_BEFORE = re.compile(r"(?<!\w)(?:có|nắm\s+giữ|sở\s+hữu|nắm)\s+$", re.IGNORECASE)
_CAPITAL_AFTER = re.compile(r"\s?%\s+vốn(?:\s+(?:đầu\s+tư|điều\s+lệ|góp))?(?!\w)(?!\s+(?:được|đã|giao|kế))", re.I)


def _ownership(text: str, window: str, e: int) -> bool:
    """A share of capital that says who owns it (`có 100% vốn nhà nước`): a kind of investor, no figure."""
    return bool(_OWNERSHIP_AFTER.match(text, e) or (_OWNING_BEFORE.search(window) and _CAPITAL_AFTER.match(text, e)))


# `Doanh thu của 4 chợ trên địa bàn đạt 120 tỷ đồng`, `Tổng vốn đầu tư của 5 dự án là 1.250 tỷ đồng`: the set a
# measure is taken over is part of the measure's name; the amount its clause reaches is the figure
_MEASURE_OF = re.compile(
    r"(?<!\w)(?:doanh\s+thu|lợi\s+nhuận|vốn(?:\s+đầu\s+tư)?|tổng\s+mức\s+đầu\s+tư|giá\s+trị(?:\s+sản\s+xuất)?"
    r"|kinh\s+phí|sản\s+lượng|diện\s+tích|thu\s+nhập(?:\s+bình\s+quân)?|công\s+suất|số\s+nộp\s+ngân\s+sách)"
    r"\s+của\s+$",
    re.IGNORECASE,
)
_MEASURE_REACHED = re.compile(
    r"[^,;.:()\d]{0,60}?(?<!\w)(?:ước\s+)?(?:đạt|là)\s+(?:(?:trên|hơn|gần|khoảng|xấp\s+xỉ)\s+)?(?=\d)", re.IGNORECASE
)


_DIGITS = re.compile(r"\d[\d.,]*\d|\d")


def _set_of_a_measure(text: str, window: str, e: int, end: int) -> bool:
    """A count after `<measure> của` whose clause goes on to the measure's amount in another unit."""
    counted = match_unit(text, e, end) if _MEASURE_OF.search(window) else None
    reached = _MEASURE_REACHED.match(text, counted[2], end) if counted else None
    digits = _DIGITS.match(text, reached.end(), end) if reached else None
    amount = match_unit(text, digits.end(), end) if digits else None
    return counted is not None and amount is not None and amount[0] != counted[0] and is_measure(amount[0])


def not_a_figure(para: Para, s: int, e: int) -> bool:
    """Digits of an ordinal, a name, a code, a range, a date part, a document or phone number, a
    threshold (`tối thiểu 98%`, `không quá 02 hội`) or a rule's frequency (`mỗi năm họp 04 lần`)."""
    text = para.text
    window = text[max(para.start, s - 30) : s]
    if (
        _COMPARED_BEFORE.search(window)
        or labelled_or_operand(text, window, e)
        or _PHONE.fullmatch(text, s, e)
        or (_TIMES_AFTER.match(text, e) and _FREQUENCY.search(text, para.sentence_start(s), s))  # the rare one first
        or (_ALL_CRITERIA.search(window) and _CRITERIA_AFTER.match(text, e, para.end))
        or _ownership(text, window, e)
    ):
        return True
    if (
        (before := _NOT_BEFORE.search(window))
        and not (_GROUPED.fullmatch(text, s, e) and match_unit(text, e, para.end))
        and not (_PCT.match(text, e, para.end) and before.group().split()[0].lower() in _NO_PERCENT_ORDINALS)
        and not (_CENTRAL.match(before.group()) and _measured(text, e, para.end))
    ):
        return True  # `tổ 5`, `khóa 12`; but `theo 1.250 hồ sơ`: no ordinal or name runs into thousands
    if _HYPHEN_NAME.search(window) or _RANGE_BEFORE.search(window) or _set_of_a_measure(text, window, e, para.end):
        return True
    if e - s <= 3 and duration_list(text, para.start, s, e, para.end):
        return True
    topic = _TOPIC_BEFORE.search(text, max(para.start, s - 14), s) or (
        s - para.start < 12 and _TOPIC_BEFORE.search(window)
    )
    if topic and not _TOPIC_CLAUSE.match(text, e, para.end):
        return True
    if _TIME_BEFORE.search(window) and match_unit(text, e, para.end) is None:
        return True  # `năm 2023`, `tháng 02`; but `6 tháng đầu năm 1535 con` is a count
    return bool(_DOC_AFTER.match(text, e, para.end) or _RANGE_AFTER.match(text, e, para.end))


def _measured(text: str, e: int, end: int) -> bool:
    unit = match_unit(text, e, end)
    return unit is not None and is_measure(unit[0])
