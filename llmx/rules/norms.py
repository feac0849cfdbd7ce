"""Norms written with numbers: ranges, thresholds, a rule's condition and consequence, a statute's
quorum, what a figure is per. Their digits are blocked before a paragraph's figures are read, so
none becomes an indicator (eval/LABELING.md: figures are quantities of the period). Pure."""

from __future__ import annotations

import re

from llmx.numbers import NUMBER_PATTERN
from llmx.rules.paragraphs import Para

# `từ 10 đến 15 triệu đồng`, `từ 350m đến hơn 495m`: a range is a norm or a description, no figure
# `(trường hợp dưới 95% thì tiêu chí này đạt 0 điểm)`, `nếu ... thì ...`: a rule's condition and
# its consequence are norms, no figures of the period
_CONDITIONAL = re.compile(
    r"(?<!\w)(?:trường\s+hợp|nếu|chỉ\s+cần)\s[^;.()]{0,160}?\sth[ìi]\s[^;.()]{0,160}", re.IGNORECASE
)
# `Các cuộc họp ... là hợp lệ khi có trên 50% thành viên`, `phải được 2/3 thành viên ... tán thành`:
# the quorum or majority a statute sets is a norm, no figure of the period
_RULE_QUORUM = re.compile(
    rf"(?<!\w)(?:(?:hợp\s+lệ|thông\s+qua|có\s+hiệu\s+lực)\s+khi(?:\s+có)?|phải\s+(?:được|có)(?:\s+ít\s+nhất)?)"
    rf"\s+(?:(?:trên|hơn|ít\s+nhất|tối\s+thiểu|quá)\s+)?{NUMBER_PATTERN}(?:\s*/\s*{NUMBER_PATTERN})?",
    re.IGNORECASE,
)
# `từ 02 hành vi trở lên`, `đạt từ 15 tiêu chí trở lên`: a threshold, no figure
_FROM_UP = re.compile(rf"(?<!\w)[Tt]ừ\s+{NUMBER_PATTERN}\s*(?:%\s*)?(?:[^\s\d,;.()]+\s+){{0,4}}trở\s+(?:lên|xuống)")
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
