"""Numbers that are no quantity of the period (eval/LABELING.md): norms (ranges, thresholds, a rule's
condition and consequence, a statute's quorum, what a figure is per), whose digits are blocked
before a paragraph's figures are read; contact numbers and bounds after a label; the operands of a
calculation; the members of a list of durations (`Huy hiệu 30, 40 năm tuổi Đảng`); an earlier
period's figure in brackets after the current one (`128 ca (cùng kỳ 105 ca)`). Pure."""

from __future__ import annotations

import re

from llmx.numbers import NUMBER_PATTERN
from llmx.rules.paragraphs import Item, Para

# `từ 10 đến 15 triệu đồng`, `từ 350m đến hơn 495m`: a range is a norm or a description, no figure
# `(trường hợp dưới 95% thì tiêu chí này đạt 0 điểm)`, `nếu ... thì ...`: a rule's condition and
# its consequence are norms, no figures of the period
_CONDITIONAL = re.compile(
    r"(?<!\w)(?:trường\s+hợp|nếu|chỉ\s+cần)\s[^;.()]{0,160}?\sth[ìi]\s[^;.()]{0,160}", re.IGNORECASE
)
# `Các cuộc họp ... là hợp lệ khi có trên 50% thành viên`, `phải được 2/3 thành viên ... tán thành`:
# the quorum or majority a statute sets is a norm, no figure of the period
_RULE_QUORUM = re.compile(
    rf"(?<!\w)(?:(?:hợp\s+lệ|thông\s+qua|có\s+hiệu\s+lực)\s+khi(?:\s+có)?|phải\s+(?:được|có)(?:\s+ít\s+nhất)?|"
    # `họp bất thường khi có yêu cầu của Ban Thường vụ hoặc trên 50% tổng số thành viên`
    rf"(?:theo|khi\s+có)\s+yêu\s+cầu(?:\s+của)?(?:[^\d;.()]{{0,60}}\s(?:hoặc|và)(?:\s+của)?)?)"
    rf"\s+(?:(?:trên|hơn|ít\s+nhất|tối\s+thiểu|quá)\s+)?{NUMBER_PATTERN}(?:\s*/\s*{NUMBER_PATTERN})?",
    re.IGNORECASE,
)
# `từ 02 hành vi trở lên`, `đạt từ 15 tiêu chí trở lên`: a threshold, no figure
# (also with the amount restated in words: `từ 50 (năm mươi) triệu đồng Việt Nam trở lên`)
_FROM_UP = re.compile(
    rf"(?<!\w)[Tt]ừ\s+{NUMBER_PATTERN}\s*(?:%\s*)?(?:(?:[^\s\d,;.()]+|\([^()\d]{{1,40}}\))\s+){{0,6}}trở\s+(?:lên|xuống)"
)
_FROM_TO = re.compile(  # no IGNORECASE: it would let the number pattern take `350m` for a code
    rf"(?<!\w)[Tt]ừ\s+\+?{NUMBER_PATTERN}\s*(?:[^\s\d,;.()]{{1,12}}\s*){{0,2}}(?:đến|tới)\s+"
    rf"(?:(?:hơn|trên|dưới|gần)\s+)?\+?{NUMBER_PATTERN}"
)
# `Giá trị sản xuất trên 1 ha đất canh tác đạt 120 triệu đồng`: what a figure is per, no figure
_PER_ONE = re.compile(r"(?<!\w)(?:trên|mỗi|/)\s*0?1\s+(?:ha|hộ|người|km2?|m2|lao\s+động|nhân\s+khẩu)(?!\w)", re.I)


def block_norms(para: Para) -> None:
    """Block every norm's span in the paragraph."""
    for rx in (_FROM_TO, _FROM_UP, _CONDITIONAL, _PER_ONE, _RULE_QUORUM):
        for m in rx.finditer(para.text, para.start, para.end):
            para.block(*m.span())


# `- Điện thoại: 02603. 913202`, `Fax: (0263) 3822 115`, `mức thu tối thiểu là 500.000 đồng`: after a
# label, a contact number or a bound is written in parts the lexer takes for figures
_LABELLED_NOT_FIGURE = re.compile(
    r"(?<!\w)(?=[sđfhmt])(?:(?:số\s+)?điện\s+thoại|đt|fax|hotline|đường\s+dây\s+nóng|mã\s+số\s+thuế|(?:số\s+)?tài\s+khoản)"
    r"\s*[:.]?\s*\(?\s*$|(?<!\w)(?=[tík])(?:tối\s+thiểu|tối\s+đa|ít\s+nhất|không\s+(?:vượt\s+)?quá)\s+(?:là|:)\s*$",
    re.IGNORECASE,
)
# an operand of a calculation (`= 14.631.302.504 đồng x 0,19% x 50%`, `rc = 27,7 m < 63 m`) or the `02`
# of `giữa 02 kỳ Đại hội`: no figure of its own
_OPERAND_BEFORE = re.compile(r"(?:^|\s)[x×]\s*$", re.IGNORECASE)
_BETWEEN_TERMS = re.compile(r"(?<!\w)giữa\s+$", re.IGNORECASE)
_TERM_AFTER = re.compile(r"\s*kỳ(?!\w)(?!\s+(?:họp|thi))", re.IGNORECASE)
_OPERAND_AFTER = re.compile(r"[^\S\n]*(?:[%‰]|[^\W\d_]{1,5}\d?)?[^\S\n]*(?:[x×][^\S\n]+[\d(A-Za-z]|[<>≤≥])")


def labelled_or_operand(text: str, window: str, e: int) -> bool:
    """A number after a contact or bound label, an operand of a calculation, or `giữa 02 kỳ`
    (`window`: the text just before the number, `e`: where the number ends)."""
    return bool(
        _LABELLED_NOT_FIGURE.search(window)
        or _OPERAND_BEFORE.search(window)
        or (_BETWEEN_TERMS.search(window) and _TERM_AFTER.match(text, e))
        or _OPERAND_AFTER.match(text, e)
    )


# `Huy hiệu 30, 40, 45 và 50 năm tuổi Đảng`, `kỷ niệm 10, 15 năm`, `cho vay thời hạn 1, 1,5 và 2 năm`: the
# rest of a list of durations or ages after one member (matched at its end, or at the comma after it), the
# last member carrying the time word. Every member is a term, no figure (eval/LABELING.md), also a decimal
# one (`1,5`); a thousands group (`1.250`) or a longer fraction is no member. One definition: the names
# (naming.py) keep such a list whole as this module blocks its members.
DURATION_LIST = re.compile(
    r"(?:\s*(?:,|và|hoặc)\s*\d{1,3}(?:,\d{1,2})?(?![\d.,]\d))+\s+(?:năm|tháng|tuổi)(?!\w)", re.IGNORECASE
)
_DURATIONS_BEFORE = re.compile(r"\d{1,3}\s*(?:,|và|hoặc)\s*$", re.IGNORECASE)


def duration_list(text: str, floor: int, s: int, e: int, end: int) -> bool:
    """`Huy hiệu 30, 40, 45 và 50 năm tuổi Đảng`: a member of a list of durations or ages whose last
    member carries the time word (`30` at `s`..`e`, or the last one, after its earlier members)."""
    if DURATION_LIST.match(text, e, end):
        return True
    if not _DURATIONS_BEFORE.search(text, max(floor, s - 8), s):
        return False
    head = s
    while (m := _DURATIONS_BEFORE.search(text, max(floor, head - 8), head)) is not None:
        head = m.start()
    first = re.match(r"\d{1,3}", text[head:])
    return first is not None and bool(DURATION_LIST.match(text, head + first.end()))


# `tiếp nhận 128 ca (cùng kỳ 105 ca)`, `(năm 2025: 96 vụ)`: the earlier period's figure is the
# basis of the one before the parenthesis, no indicator (a comparison holds no basis value)
_EARLIER_PERIOD = re.compile(
    r"\(\s*(?:cùng\s+kỳ(?:\s+năm\s+(?:trước|\d{4}))?|ck|(?:(?:\d+\s+tháng(?:\s+đầu)?|quý\s+[IV\d]+)\s+)?năm\s+(?:trước|\d{4}))"
    r"(?:\s+là)?\s*:?\s*\Z",
    re.IGNORECASE,
)


def earlier_period(para: Para, items: list[Item], s: int) -> bool:
    """Whether the number at `s` is an earlier period's figure in brackets after a figure of its sentence."""
    paren = para.paren_at(s)
    if paren is None or not _EARLIER_PERIOD.search(para.text, paren[0], s):
        return False
    return any(it.reach <= paren[0] + 1 and it.sentence == para.sentence_of(s) for it in items)
