"""Numbered directives the sections stage took for headings (LABELING "Sections": a numbered line that is itself
a whole content paragraph, `5. Đào tạo, bồi dưỡng ...; chú trọng ...`, is a task, not a section). Pure."""

from __future__ import annotations

import re

from llmx.contract import Section
from llmx.grounding import trim_span
from llmx.rules.sentences import ANY_VERB, BODY_LABEL
from llmx.vn import DIRECTIVE_START, LIST_INTRO

_HEADING_TASK_CHARS = 100  # a numbered line this long that opens with a verb is a task, not a topic
# ... and a shorter one too when it says more than a topic: a target (`1. Phấn đấu ...`), an assignment
# (`3. Giao Sở Tài chính chủ trì ...:`), a steering phrase (`2. Tập trung chỉ đạo ...`) or a figure
_LEADS = re.compile(r"Lãnh đạo,?\s+(?:chỉ đạo|tổ chức|thực hiện|triển khai)", re.I)  # a Party body's directive
_HEADING_GIVES = re.compile(r"(?:Giao|Yêu cầu)\s+(?!ban\b|thông\b|lưu\b|dịch\b|diện\b|nhận\b)", re.I)
_HEADING_DIRECTS = re.compile(
    r"^(?:Phấn đấu|Giao|Yêu cầu|Tập trung chỉ đạo)\s|(?<!\w)(?:chủ trì|phối hợp với)(?!\w)|\d\s*%",
)


def directive_heading(text: str, section: Section, bare: bool = False) -> tuple[int, int] | None:
    """The span of a numbered directive the sections stage took for a heading (`5. Đào tạo, bồi dưỡng
    ...; chú trọng ...`): LABELING counts such a whole content line as a task, not a section. A `bare`
    heading (nothing under it, the next item follows) is such a line whatever its length."""
    heading = section.heading
    if section.heading_start is None or section.heading_end is None:
        return None
    opens = DIRECTIVE_START.match(heading) or _HEADING_GIVES.match(heading) or (bare and _LEADS.match(heading))
    if (gives := _HEADING_GIVES.match(heading)) and not ANY_VERB.search(heading, gives.end()):
        return None  # `2. Giao Sở Xây dựng` over its items: a body's name, its work below
    # `2. Ban Tổ chức Tỉnh ủy chủ trì, phối hợp ... tham mưu xây dựng ...`: a body, then its work
    body_work = len(heading) >= _HEADING_TASK_CHARS and BODY_LABEL.match(heading) and ANY_VERB.search(heading)
    if not (opens or body_work):
        return None
    if not bare and len(heading) < _HEADING_TASK_CHARS and ";" not in heading and not _HEADING_DIRECTS.search(heading):
        return None  # a topic heading (`2. Tăng cường công tác tuyên truyền`)
    at = text.find(heading[:20], section.heading_start, section.heading_end)
    if at == -1:
        return None
    a, b = trim_span(text, at, section.heading_end)
    if b > a and text[b - 1] == ":" and LIST_INTRO.search(text, a, b - 1):  # `1. Phấn đấu đạt ... sau:`: a lead-in
        return None
    return (a, b - 1) if b > a and text[b - 1] in ".;:" else (a, b)
