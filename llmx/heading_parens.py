"""Lines numbered `(1)`, `(2)` / `(a)` (and `1)`, `2)` under `1.` headings): the deepest heading level
of district, commune and province reports, and far more often the mark of numbered content: proposals
(`(1) Đề nghị UBND tỉnh ...`), tasks (`(2) Tăng cường ...`), shortfalls, causes, figure sentences,
quoted provisions. LABELING: a short numbered line that names a topic is a section, a numbered line
that is a content paragraph is not. So such a line is a heading only when it names a topic (a short
noun phrase: `(1) Về nông nghiệp`, `(2) Công tác cải cách hành chính:`, `1) Lĩnh vực y tế`), text of
its own follows it, and every sibling of its list is such a line too (judged in `heading_lists`).
Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from llmx.heading_forms import all_caps, heading_match
from llmx.heading_lists import PAREN_STYLES as PAREN_STYLES
from llmx.heading_lists import Numbered

MAX_TOPIC_CHARS = 90  # `(2) Công tác quản lý nhà nước về đất đai, tài nguyên và môi trường:` fits
MAX_TOPIC_WORDS = 14

# what a statement opens with: a directive, a request, a cause (not the nouns the verbs also are:
# `Giáo dục`, `Xây dựng nông thôn mới`, `Quản lý nhà nước`, `Tổ chức, cán bộ` name topics)
_ACTION_START = re.compile(
    r"(?:tiếp tục|tăng cường|đẩy mạnh|đẩy nhanh|tập trung|chỉ đạo|triển khai|thực hiện|nâng cao|duy trì|"
    r"phấn đấu|quán triệt|chủ động|chuẩn bị|chú trọng|rà soát|hướng dẫn|đảm bảo|bảo đảm|kiểm tra|phối hợp|"
    r"giải quyết|hoàn thành|hoàn thiện|thường xuyên|quan tâm|phát huy|phát động|làm tốt|giữ vững|kiện toàn|"
    r"củng cố|đôn đốc|khắc phục|đề nghị|kiến nghị|đề xuất|giải ngân|ban hành|theo dõi|ưu tiên|khẩn trương|"
    r"tham mưu|chủ trì|tham gia|cải thiện|siết chặt|huy động|lồng ghép|hỗ trợ|bố trí|xem xét|sớm|quyết liệt|"
    r"xử lý|yêu cầu|giao|cho phép|do|tạo|mở|lập|trang bị|bổ sung|sửa đổi|tổ chức(?!\s*(?:,|bộ máy|cán bộ)))(?!\w)",
    re.I,
)
# words a sentence holds and a topic does not (`... còn chậm`, `... chưa đạt`, `... đã hoàn thành`)
_STATEMENT = re.compile(
    r"(?<!\w)(?:còn|chưa|đã|đang|sẽ|bị|cần|phải|được|đạt|thiếu|không|vẫn|gặp|đề nghị|kiến nghị|đề xuất|"
    r"tăng|giảm(?!\s+nghèo)|so với)(?!\w)",
    re.I,
)
_NAMES_WITH_NUMBERS = re.compile(r"\d+[/-][\w/.-]+|(?<!\d)(?:19|20)\d{2}(?!\d)")  # `05-NQ/HU`, `năm 2025`
_LABEL_CONTENT = re.compile(r":\s*\S")
_SENTENCE_MARK = re.compile(r"[.;!?…]")


def paren_topic(rest: str) -> bool:
    """Whether the text after a `(1)` mark names a topic rather than stating something."""
    body = rest.strip()
    if all_caps(body):
        return True  # `(1) VỀ KINH TẾ`
    body = body.removesuffix(":").rstrip()
    return (
        0 < len(body) <= MAX_TOPIC_CHARS
        and len(body.split()) <= MAX_TOPIC_WORDS
        and not _SENTENCE_MARK.search(body)
        and not _LABEL_CONTENT.search(body)
        and not _ACTION_START.match(body)
        and not _STATEMENT.search(body)
        and not re.search(r"\d", _NAMES_WITH_NUMBERS.sub("", body))
    )


_CLOSING = re.compile(r"^(?:Trên đây|Nơi nhận|Kính trình|Trân trọng|TM\.|KT\.)", re.I)


# `12.500 triệu đồng, đạt 85% dự toán.`, `ước đạt 12.500 ...`: the value of the quantity the line names,
# or the rest of its sentence; the numbered line is then that figure's name, content
_VALUE = re.compile(r"^(?:(?:ước\s+)?(?:đạt|tính)|ước|khoảng|trên|gần|dưới|là)?\s*\d", re.I)


def has_body(nxt: str) -> bool:
    """Whether the next line is text of the heading's own (not its sibling, an outer number, the
    closing block, the value of a quantity the line names or the rest of its sentence): a topic
    heads text; a list of one-line items does not."""
    nm = heading_match(nxt)
    if not nxt or nxt[0].islower() or _CLOSING.match(nxt) or _VALUE.match(nxt):
        return False
    return nm is None or nm[0] == "STAR"


_CLOSE_MARK = re.compile(r"^(\d{1,2})\)")
_OUTER = ("PART", "CHAPTER", "SUBCHAPTER", "ALPHA", "ROMAN")  # under these, `1)` is the `1.` level itself


@dataclass
class CloseParens:
    """`1)`, `2)` in a report whose `1.` headings number an outer level: the `(1)` level written another
    way. Such a list opens at `1)` under a `1.` heading (or deeper: under its `a)`, `1.1.`) and runs to
    the next `1.`-style line. Not a deeper level: `1)` right under `II.` (the `1.` level itself), a
    lone `3)` among `2.` and `4.` (a typo), `1)` after numbered paragraphs (`1. Tăng cường ...`)."""

    outer: Numbered | None = None  # the last `1.`-style line
    last_style: str = ""  # the style of the last numbered line
    open: bool = False  # a `1)` list is open under `outer`

    def deeper(self, t: str, style: str) -> bool:
        """Whether this numbered line is one of such a list (call it for every numbered line)."""
        last, self.last_style = self.last_style, style
        m = _CLOSE_MARK.match(t) if style == "ARABIC" else None
        if m is None:
            return False
        if not self.open and m.group(1) == "1" and self.outer is not None:
            self.open = self.outer.kind != "content" and last not in _OUTER
        if self.open:
            self.last_style = "PAREN"
        return self.open

    def seen(self, line: Numbered, t: str) -> None:
        """Note a numbered line that stays in its style (its kind is judged after this call)."""
        if line.style == "ARABIC" and not _CLOSE_MARK.match(t):
            self.outer, self.open = line, False
