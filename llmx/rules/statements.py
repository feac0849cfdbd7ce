"""Tasks and limitations by rule (SPEC section 5). Pure.

The section role decides what a sentence is (results and task sections use the same verbs):
in `tasks` sections every sentence-level directive is a task; in `limitations`/`causes`
sections every statement is a limitation or a cause; in results sections only sentences with
an explicit shortfall cue count as limitations. Paragraphs interrupted by a page break (a blank
line, or a footnote body, then a lower-case continuation) are read as one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from llmx.contract import Limitation, LimitationKind, Sector, Task
from llmx.grounding import trim_span
from llmx.sections import Layout
from llmx.sectors import detect_sector
from llmx.vn import FOOTNOTE_LINE

_BULLET = re.compile(r"[ \t]*(?:[-+•–]\s*|\d{1,2}\s*[./)]\s+|[a-eđ]\)\s+|\*\s+)")
_LABEL = re.compile(r"([^:;.\d\n]{3,70}?):\s+(?=\S)")
_SENTENCE_END = re.compile(r"(?:\./\.|\.{3}|…|[.;!?])(?=\s+[\"“(]?[A-ZĐÀ-Ỹ0-9]|\s*$)|;(?=\s)")
_SHORTFALL = re.compile(
    r"chưa đạt|chậm tiến độ|còn chậm|còn hạn chế|đạt thấp|chưa hoàn thành|chưa đảm bảo|còn khó khăn|"
    r"gặp nhiều khó khăn|còn tồn tại|còn nhiều hạn chế|chưa kịp thời|chưa cao|chưa nghiêm|"
    r"tuy nhiên[^.;]*(?:khó khăn|bất ổn|hạn chế|ảnh hưởng|chưa)",
    re.I,
)
_NOT_SHORTFALL = re.compile(r"không để xảy ra|chưa đủ điều kiện đánh giá|khắc phục", re.I)
# A directive opens with a verb; a `;` part that does not is a list item of the previous one
# (`... mà trọng tâm là nghị quyết ...; Nghị quyết về lãnh đạo Quốc phòng - an ninh năm 2023`).
_DIRECTIVE_VERB = re.compile(
    r"(?:tiếp tục|tăng cường|đẩy mạnh|đẩy nhanh|tập trung|chỉ đạo|triển khai|thực hiện|nâng cao|duy trì|phấn đấu|"
    r"quán triệt|chủ động|chuẩn bị|tổ chức|chú trọng|rà soát|hướng dẫn|đảm bảo|bảo đảm|kiểm tra|xây dựng|"
    r"phối hợp|giải quyết|quản lý|hoàn thành|hoàn thiện|thường xuyên|quan tâm|phát huy|phát động|phát triển|"
    r"làm tốt|giữ vững|kiện toàn|củng cố|đôn đốc|khắc phục|đề nghị|lập|giải ngân|bàn giao|luyện tập|giáo dục|"
    r"huấn luyện|tuyên truyền|vận động|đổi mới|mở|ban hành|theo dõi|ưu tiên|khẩn trương|tham mưu|người đứng đầu|"
    r"[A-ZĐ][\w]*\s+(?:xã|huyện|tỉnh)\b|ubnd|hđnd|mttq|công an|ban chỉ huy)\b",
    re.I,
)
MIN_CLAUSE = 35  # a `;` part shorter than this is a list item of the clause, not a directive
_PARAGRAPH = (-1, -1, True)  # marker yielded by _units before each paragraph
_CAUSE_CUE = re.compile(r"^(?:do|nguyên nhân)\b", re.I)


def _paragraphs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Paragraph spans in `text[start:end]`, joining page-break continuations and skipping footnotes."""
    lines: list[tuple[int, int]] = []
    pos = start
    for line in text[start:end].split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    current: tuple[int, int] | None = None
    for s, e in lines:
        body = text[s:e].strip()
        if not body:
            continue
        if FOOTNOTE_LINE.match(text[s:e]):
            continue  # a footnote body sitting at a page break: the paragraph goes on after it
        starts_item = bool(_BULLET.match(text[s:e])) or body[0].isupper() or body[0].isdigit()
        continues = current is not None and not starts_item and body[0].islower()
        if continues and current is not None:
            current = (current[0], e)
            continue
        if current is not None:
            yield current
        current = (s, e)
    if current is not None:
        yield current


def _splits_here(text: str, pos: int, sm: re.Match[str], p_start: int, *, directives: bool) -> bool:
    """Whether a `;` at `sm` separates two items (see MIN_CLAUSE and _DIRECTIVE_VERB)."""
    if _inside_parens(text, p_start, sm.start()) or sm.start() - pos < MIN_CLAUSE:
        return False
    if directives:
        return bool(_DIRECTIVE_VERB.match(text, sm.end() + len(text[sm.end() :]) - len(text[sm.end() :].lstrip())))
    return True


def _units(
    text: str, start: int, end: int, *, split_semicolons: bool, directives: bool = False
) -> Iterator[tuple[int, int, bool]]:
    """(start, end, is_lead_in) of every sentence-level unit, without bullets, labels and end marks.

    A unit that starts a paragraph is yielded after `_PARAGRAPH` so callers can reset context."""
    for p_start, p_end in _paragraphs(text, start, end):
        yield _PARAGRAPH
        m = _BULLET.match(text, p_start, p_end)
        s = m.end() if m else p_start
        s, p_end = trim_span(text, s, p_end)
        label = _LABEL.match(text, s, p_end)
        if label and p_end - label.end() > 20:
            s = label.end()
        if text[s:p_end].rstrip().endswith(":"):
            yield s, p_end, True  # a lead-in introduces the list below; none of it is an item
            continue
        pos = s
        for sm in _SENTENCE_END.finditer(text, s, p_end):
            if sm.group().startswith(";") and (
                not split_semicolons or not _splits_here(text, pos, sm, s, directives=directives)
            ):
                continue  # a list inside one clause (`Việc thực hiện quy chế làm việc; kỷ luật, ...`)
            a, b = trim_span(text, pos, sm.start())
            if b - a > 3:
                yield a, b, False
            pos = sm.end()
        a, b = trim_span(text, pos, p_end)
        if b > a and text[b - 1] in ".;":
            b -= 1
            a, b = trim_span(text, a, b)
        if b - a > 3:
            yield a, b, False


def _inside_parens(text: str, start: int, pos: int) -> bool:
    chunk = text[start:pos]
    return chunk.count("(") > chunk.count(")")


def _sector_of(sentence: str, fallback: Sector | None) -> Sector:
    """The sector the sentence itself names, else the context's (previous sentence of the same
    paragraph, then the section), else any weaker cue."""
    head = sentence[:120]
    return detect_sector(head, strong_only=True) or fallback or detect_sector(head) or "other"


def find_tasks(text: str, layout: Layout) -> list[Task]:
    """Every directive in task sections."""
    tasks: list[Task] = []
    for section, start, end in layout.own_spans():
        if section is None or section.role != "tasks":
            continue
        context: Sector | None = section.sector
        for unit in _units(text, start, end, split_semicolons=True, directives=True):
            a, b, lead_in = unit
            if unit == _PARAGRAPH:
                context = section.sector
                continue
            if lead_in or text[a:b].endswith(":"):
                continue
            sector = _sector_of(text[a:b], context)
            context = sector if sector != "other" else context
            tasks.append(Task(id="", text=text[a:b], sector=sector, start=a, end=b))
    return tasks


def find_limitations(text: str, layout: Layout) -> list[Limitation]:
    """Every weakness or cause in limitation sections, and explicit shortfalls elsewhere."""
    found: list[Limitation] = []
    for section, start, end in layout.own_spans():
        role = section.role if section else None
        if role == "tasks":
            continue
        home = section.sector if section else None
        context = home
        for unit in _units(text, start, end, split_semicolons=True):
            a, b, lead_in = unit
            if unit == _PARAGRAPH:
                context = home
                continue
            sentence = text[a:b]
            if role in ("limitations", "causes"):
                if lead_in or sentence.endswith(":"):
                    continue
                kind: LimitationKind = "cause" if role == "causes" or _CAUSE_CUE.match(sentence) else "limitation"
            elif _SHORTFALL.search(sentence) and not _NOT_SHORTFALL.search(sentence):
                kind = "limitation"
            else:
                continue
            sector = _sector_of(sentence, context)
            context = sector if sector != "other" else context
            found.append(Limitation(id="", text=sentence, kind=kind, sector=sector, start=a, end=b))
    return found
