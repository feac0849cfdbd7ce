"""Sentence-level units of a section's text, as tasks, limitations and proposals count them. Pure.

A unit is a sentence, or a `;` part that stands on its own: a directive part opens with a verb
(`...; kiểm soát chặt chẽ ...`) or an enumerator before one (`...; (2) Chủ trì, phối hợp ...`,
whose `(2) ` is not part of the unit); a `;` inside parentheses or within the first
`MIN_CLAUSE` characters only lists. Bullets, numbers and `Label: ` prefixes are not part of a
unit, nor are end marks. A paragraph that ends in `:` introduces a list: its last sentence is a
lead-in, its earlier sentences are units like any other. Paragraphs interrupted by a page break
(a blank line, or a footnote body, then a lower-case continuation) are read as one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from llmx.grounding import trim_span
from llmx.read.model import CELL_SEP
from llmx.vn import ASSIGNED_BODY, DIRECTIVE_START, DIRECTIVE_VERBS, FOOTNOTE_LINE, LIST_INTRO, VN_CAPITALS, WEAK_NAMES

# In a task section, a sentence that explains rather than directs (`Đây là một chương trình có ý nghĩa ...`,
# `Việc thực hiện các giải pháp này sẽ giúp ...`, `Trụ sở ... là một thành phần quan trọng ...`)
EXPLAINS = re.compile(
    r"(?:Đây|Điều này|Đó)\s+là\b|Việc\s[^,;:]{0,100}?\s(?:sẽ\s+)?(?:giúp|góp phần|tạo ra)\s|"
    r"[^,;:]{3,120}?\s(?:là|sẽ là)\s+(?:một\s+)?(?:điều|yếu tố|thành phần|nhân tố|chương trình|nơi|tiền đề|động lực)\b|"
    # `Năm 2026 là năm có ý nghĩa quan trọng ...`: what the coming period means, said before the work
    r"(?:Năm|Quý|Tháng|Giai đoạn)\s[^,;:]{1,30}?\s(?:là|sẽ là)\s+(?:năm|quý|tháng|giai đoạn)(?!\w)",
)
# `Kỳ họp thứ 12 dự kiến thông qua 32 nghị quyết`: a meeting's announced agenda, not work the report directs
AGENDA = re.compile(
    r"(?:Kỳ họp|Hội nghị|Đại hội|Phiên họp)(?!\w)[^.;:]{0,80}?\sdự kiến\s+(?:sẽ\s+)?(?:thông qua|xem xét|"
    r"tổ chức\s+(?:vào|trong|từ|ngày|tại)|"
    r"cho ý kiến|khai mạc|bế mạc|diễn ra|kéo dài|tiến hành|gồm|thảo luận|bầu|biểu quyết|nghe)(?!\w)",
    re.I,
)
# `a) Trung tâm Phát triển quỹ đất tỉnh` over its bullets: a body's name labels the items below it
# (`Phòng`, `Ban`, `Thanh tra` are verbs too, `Phòng trừ sâu bệnh`: a name goes on in capitals)
BODY_LABEL = re.compile(
    r"(?:UBND|Ủy ban|Công an|Bộ Chỉ huy|Các sở|Các cơ quan)\s|"
    r"(?:Sở|Ban|Phòng|Trung tâm|Văn phòng|Thanh tra|Cục|Chi cục)\s+(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ])",
)
_LABEL_WORDS = 10
# lower case only: a name's own words (`Trung tâm Phát triển quỹ đất`) are capitalised
ANY_VERB = re.compile(rf"(?<!\w)(?:{DIRECTIVE_VERBS}|chịu trách nhiệm|có trách nhiệm)(?!\w)")
# a bullet, a number or a letter (lettered items run on past `e)`: `g) Giao Thanh tra tỉnh ...`)
# (the symbol bullets a Word list leaves, `read.garble` maps its Wingdings ones to: `➢ Tập trung ...`, `▪ ...`)
_BULLET = re.compile(r"[ \t]*(?:[-+•–▪◦●○■□❑❖➢➤➔→✓✔►]\s*|\d{1,2}\s*[./)]\s+|\d{1,2}-[ \t]+|[a-zđ][)-][ \t]+|\*\s+)")
# `Nguyên nhân khách quan: ...`; a topic or work label may hold a number (`Đối với ... Phường 2 Bảo Lộc: ...`,
# `Nhiệm vụ tháng 4/2024: ...`)
_LABEL = re.compile(r"([^:;.\d\n]{3,70}?|(?:Đối với|Về|Nhiệm vụ|Phương hướng|Kế hoạch)\s[^:;.\n]{3,90}?):\s+(?=\S)")
# `- Đẩy mạnh xúc tiến thu hút nhà đầu tư để hình thành các KCN mới: Cốc Mỳ, Thịnh Hưng`: a directive whose
# objects follow its colon is one sentence, not a label and its text (a topic word, `Tuyên truyền: ...`, is)
_DIRECTIVE_LABEL = re.compile(rf"(?!đề nghị)(?:{DIRECTIVE_VERBS})(?!\w)(?:\s+\S+){{3,}}", re.I)
# who does a piece of work and by when, under it in a plan or a directive letter (`- Đơn vị chủ trì thực hiện:
# Sở Khoa học và Công nghệ.`, `- Thời gian hoàn thành: Trong tháng 8/2025.`): fields of the task, not tasks
_FIELD = re.compile(
    r"(?:(?:Đơn vị|Cơ quan)\s+(?:chủ trì|phối hợp|thực hiện|được giao)|Thời gian\s+(?:hoàn thành|thực hiện)|"
    r"Thời hạn(?:\s+hoàn thành)?|Lãnh đạo phụ trách|Sản phẩm(?:\s+đầu ra)?|Kinh phí(?:\s+thực hiện)?)\b",
    re.I,
)
# a table cell runs its bullets inline: `... trong thời gian tới. - Sau khi ban hành ...`
# (capitals only: the range `À-Ỹ` also holds lower-case letters, `… đã tác động ...` goes on)
# (each alternative opens with one character, so the search skips ahead to the next end mark)
# (`TP. Bảo Lộc`, `TX. Phú Mỹ`, `ThS. Lê Văn A`: a title or town abbreviation ends no sentence)
# (the look-behinds after the `.`, so the alternative still opens with its one character)
_ABBREVIATED = "".join(rf"(?<!\b{a}\.)" for a in ("TP", "Tp", "TX", "Tx", "ThS", "TS", "BS", "GS", "KS"))
_SENTENCE_END = re.compile(
    rf"(?:\./\.|\.\.\.|…|\.{_ABBREVIATED}|;|!|\?)(?=\s+(?:[-+•]\s+)?[\"“(]?[{VN_CAPITALS}0-9]|\s*$)|;(?=\s)"
)
_INLINE_BULLET = re.compile(r"[-+•]\s+")
# A directive opens with a verb; a `;` part that does not is a list item of the previous one
# (`... mà trọng tâm là nghị quyết ...; Nghị quyết về lãnh đạo Quốc phòng - an ninh năm 2023`).
_DIRECTIVE_VERB = re.compile(
    rf"(?:{DIRECTIVE_VERBS}|người đứng đầu|[A-ZĐ][\w]*\s+(?:xã|huyện|tỉnh)\b|ubnd|hđnd|mttq|công an|ban chỉ huy|"
    # `...; Giao Ủy ban nhân dân phường Yên Bái chủ trì ...`: an assignment to a named body (not `giao ban`)
    rf"(?:giao|yêu cầu)\s+(?:cho\s+)?(?-i:{ASSIGNED_BODY}|các\s))\b",
    re.I,
)
# `...; đồng thời, giao ...`, `...; trường hợp phải ... chỉ được ...`: a coordinated or conditional directive
_AT_THE_SAME_TIME = re.compile(r"đồng thời\s*,|trường hợp\s", re.I)
# `Thứ nhất, ...; thứ hai, ...`, `Một là, ...`: items numbered in words, whose number is no more part of the item than
# `(2) ` is (lower case only with its comma: `...; năm là, ...`)
ORDINAL = (
    r"(?:[Tt]hứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\s*,|(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười)\s+là\b,?|"
    r"(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+là\s*,)"
)
_ENUMERATOR = re.compile(rf"\s*(?:\(\d{{1,2}}\)|\d{{1,2}}\)|{ORDINAL})\s*")
# Statements (not directives) inside a paragraph: `..., vẫn còn một số khó khăn, tồn tại như sau: Hiện tượng ...`
# (a run-in lead-in, not part of the first item) and `... . Nguyên nhân chủ quan: do ...` (a label, as at a
# paragraph's start); `; các hội nghề nghiệp trong tỉnh` (a bare noun phrase) still lists the clause before it
_RUN_IN_LIST = re.compile(r"(?=[^:;()]*:)[^:;\n()]{3,250}?(?<!\w)(?:như sau|sau đây)\s*:\s+(?=\S)", re.I)
# `..., hội nghị cũng chỉ ra một số hạn chế: A; B`, `... còn gặp nhiều khó khăn: A; B`: a run-in lead-in naming
# weaknesses, cut off its first item; every item after it in the paragraph is one of them
_RUN_IN_WEAK = re.compile(
    rf"(?=[^:;()]*:)[^:;\n()]{{3,250}}?(?<!\w)(?:{WEAK_NAMES})(?:,\s*(?:{WEAK_NAMES}))*"
    r"(?:\s+(?:như|sau|sau đây|là|cụ thể))?\s*:\s+(?=\S)",
    re.I,
)
_NAMES_WEAK_LABEL = re.compile(rf"(?<!\w)(?:{WEAK_NAMES})\s*:\s*$", re.I)
_STATEMENT_LABEL = re.compile(
    r"((?:Nguyên nhân|Hạn chế|Tồn tại|Khó khăn|Vướng mắc|Bài học)[^:;.\d\n]{0,40}?):\s+(?=\S)", re.I
)
_NOUN_PHRASE = re.compile(r"(?:các|những)\s", re.I)
_PREDICATE = re.compile(r"(?<!\w)(?:chưa|còn|không|chậm|thiếu|yếu|hạn chế|khó khăn|bị|đã|đang|là|có)(?!\w)", re.I)
_NOUN_PHRASE_WORDS = 10
# a weakness, or an adverse condition a cause names (`giá vật liệu xây dựng tăng cao; thời tiết diễn biến bất thường`)
_WEAK_PREDICATE = re.compile(
    r"(?<!\w)(?:chưa|còn|chậm|thiếu|yếu|kém|thấp|hạn chế|khó khăn|vướng mắc|tăng cao|bất thường|phức tạp)(?!\w)", re.I
)
_PART_END = re.compile(r"[;.\n]")
MIN_CLAUSE = 35  # a `;` part shorter than this is a list item of the clause, not a directive
MIN_DIRECTIVE = 15  # ... unless it is a directive of this length between two verbs


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence-level unit and where it stands."""

    start: int
    end: int
    para: int  # index of its paragraph in the section
    first: bool  # the first unit of its paragraph
    bullet: bool  # its paragraph opens with a bullet, a number or a letter
    lead_in: bool = False  # it ends in `:` and introduces the list below
    enumerated: bool = False  # it opened with an inline number (`(2) ...`), an item of a run-in list
    cell: bool = False  # its paragraph is a cell of a table row
    field: bool = False  # its paragraph fills a field of the work above (`- Đơn vị chủ trì: Sở Tài chính.`)
    head: int = -1  # where its `Label: ` prefix starts (`Nguyên nhân khách quan: ...`), cut off the unit; -1: none
    listed: bool = False  # it follows a run-in lead-in naming weaknesses in its paragraph (`... hạn chế: A; B`)


def _paragraphs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Paragraph spans in `text[start:end]`, joining page-break continuations and skipping footnotes;
    a table row's cells are paragraphs of their own."""
    current: tuple[int, int] | None = None
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        s, e = pos, (end if nl == -1 else nl)
        pos = e + 1
        body = text[s:e].strip()
        if CELL_SEP in body:  # a table row: each cell is a paragraph of its own (no sentence crosses cells)
            if current is not None:
                yield current
                current = None
            yield from _cells(text, s, e)
        elif body and not FOOTNOTE_LINE.match(text[s:e]):  # a footnote body at a page break: skip it
            starts_item = bool(_BULLET.match(text, s, e)) or body[0].isupper() or body[0].isdigit()
            if current is not None and not starts_item and body[0].islower():
                current = (current[0], e)
            else:
                if current is not None:
                    yield current
                current = (s, e)
        if nl == -1:
            break
    if current is not None:
        yield current


def _cells(text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    """The non-empty cells of the row line `text[s:e]`."""
    pos = s
    while pos <= e:
        cut = text.find(CELL_SEP, pos, e)
        c_end = e if cut == -1 else cut
        if text[pos:c_end].strip():
            yield pos, c_end
        if cut == -1:
            break
        pos = cut + len(CELL_SEP)


def _splits_here(text: str, pos: int, sm: re.Match[str], depth: int, *, directives: bool) -> bool:
    """Whether a `;` at `sm` separates two items (see MIN_CLAUSE and _DIRECTIVE_VERB).

    `depth` is how many parentheses are open at the `;` (a `;` inside them lists, never splits)."""
    if depth > 0:
        return False
    if sm.start() - pos < MIN_CLAUSE:
        # `...; đôn đốc thu nợ đọng thuế; đẩy nhanh giải ngân ...`: a short part is a directive of its own
        # when it and the part after it both open with a verb; `quy mô kinh tế còn nhỏ; thu hút đầu tư chưa
        # tương xứng`: a short statement is one when it and the part after it both state a weakness
        if not directives and _WEAK_PREDICATE.search(text, pos, sm.start()):
            nxt_end = _PART_END.search(text, sm.end())
            return bool(_WEAK_PREDICATE.search(text, sm.end(), nxt_end.start() if nxt_end else len(text)))
        return (
            directives
            and sm.start() - pos >= MIN_DIRECTIVE
            and bool(DIRECTIVE_START.match(text, _skip_spaces(text, pos)))
            and bool(DIRECTIVE_START.match(text, _skip_spaces(text, sm.end())))
        )
    if directives:
        after = _ENUMERATOR.match(text, sm.end())
        if after is not None:
            return True  # `...; (3) Đề xuất ...`: a numbered item always starts a new one
        nxt = _skip_spaces(text, sm.end())
        if _AT_THE_SAME_TIME.match(text, nxt):
            return True  # a second directive, coordinated or conditional
        return bool(_DIRECTIVE_VERB.match(text, nxt))
    return True


def _skip_spaces(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


# `Nội dung chủ yếu nhằm: (1) Phân tích ...`: a run-in label before the first numbered item
_RUN_IN_LEAD = re.compile(r"[^:;.\n]{3,80}:\s*(?=\(1\)|1\))")


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    """A unit's span without spaces, a run-in lead-in, a leading enumerator (`(2) `) and a final `.`/`;`."""
    a, b = trim_span(text, a, b)
    if m := _INLINE_BULLET.match(text, a, b):
        a = m.end()
    if (m := _RUN_IN_LEAD.match(text, a, b)) and not _DIRECTIVE_VERB.match(text, a):
        a = m.end()  # a directive lead-in (`Chủ động làm việc ..., như: (1) ...`) stays with its first item
    if m := _ENUMERATOR.match(text, a, b):
        a = m.end()
    if b > a and text[b - 1] in ".;":
        a, b = trim_span(text, a, b - 1)
    return a, b


def units(text: str, start: int, end: int, *, directives: bool = False) -> list[Unit]:
    """Every sentence-level unit of `text[start:end]`. With `directives`, a `;` splits only
    before a verb (task and proposal lists); otherwise at every clause-length `;`."""
    return list(_units(text, start, end, directives))  # a copy: the cached list stays as read


def forget_units() -> None:
    """Empty the cache of units (a new document begins)."""
    _units.cache_clear()


@lru_cache(maxsize=1024)  # tasks and proposals read the same spans of a document
def _units(text: str, start: int, end: int, directives: bool) -> list[Unit]:
    out: list[Unit] = []
    for para, (p_start, p_end) in enumerate(_paragraphs(text, start, end)):
        line_start = text.rfind("\n", 0, p_start) + 1
        line_end = text.find("\n", p_start)
        cell = CELL_SEP in text[line_start : len(text) if line_end == -1 else line_end]
        m = _BULLET.match(text, p_start, p_end)
        bullet = m is not None
        s = m.end() if m else p_start
        s, p_end = trim_span(text, s, p_end)
        label = _LABEL.match(text, s, p_end)
        cut = label is not None and p_end - label.end() > 20 and not LIST_INTRO.search(label.group(1))
        head = -1
        if label and cut and not (directives and _DIRECTIVE_LABEL.match(label.group(1))):
            head, s = s, label.end()
        field = bool(label and _FIELD.match(label.group(1)))
        lead_in = text[s:p_end].rstrip().endswith(":")
        found: list[tuple[int, int]] = []
        pos = s
        depth, counted = 0, s  # open parentheses in text[s:counted], kept up to date per `;`
        for sm in _SENTENCE_END.finditer(text, s, p_end):
            depth += text.count("(", counted, sm.start()) - text.count(")", counted, sm.start())
            counted = sm.start()
            if sm.group().startswith(";") and not _splits_here(text, pos, sm, depth, directives=directives):
                continue  # a list inside one clause (`Việc thực hiện quy chế làm việc; kỷ luật, ...`)
            found.append(_trimmed(text, pos, sm.start()))
            pos = sm.end()
        found.append(_trimmed(text, pos, p_end))
        found = [(a, b) for a, b in found if b - a > 3]
        if not directives:
            found = _joined_noun_phrases(text, found)
        # `Tuy nhiên, kinh tế của huyện vẫn còn một số tồn tại: A; B`: a label naming weaknesses lists them
        listed = head >= 0 and not directives and _NAMES_WEAK_LABEL.search(text, head, s) is not None
        for k, (a, b) in enumerate(found):
            last_lead = lead_in and k == len(found) - 1
            numbered = _numbered_before(text, s, a)
            own_head, own_field = (head, field) if k == 0 else (-1, False)
            if not directives and not (last_lead and text[a:b].rstrip().endswith(":")):
                if (m := _RUN_IN_WEAK.match(text, a, b)) and b - m.end() > 20:
                    a, listed = m.end(), True
                a, own_head, own_field = _statement_start(text, a, b, own_head, own_field)
            unit = Unit(a, b, para, k == 0, bullet, last_lead, numbered, cell, field or own_field, own_head, listed)
            out.append(unit)
    return out


def _statement_start(text: str, a: int, b: int, head: int, field: bool) -> tuple[int, int, bool]:
    """Where a statement inside a paragraph starts: after a run-in lead-in (`... tồn tại như sau: `) or a
    label (`Nguyên nhân chủ quan: `, whose start becomes the unit's `head`); a field label (`Cơ quan chủ trì
    theo dõi: ...`) marks the unit a field."""
    if (m := _RUN_IN_LIST.match(text, a, b)) and b - m.end() > 20:
        a = m.end()
    if (m := _STATEMENT_LABEL.match(text, a, b)) and b - m.end() > 20:
        return m.end(), a, field
    if (m := _LABEL.match(text, a, b)) and _FIELD.match(m.group(1)):
        return a, head, True
    return a, head, field


def _joined_noun_phrases(text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`...; các hội nghề nghiệp trong tỉnh`: a short `;` part that is a bare noun phrase (`các`/`những` and
    no predicate) lists objects of the clause before it; it joins that clause."""
    out: list[tuple[int, int]] = []
    for a, b in found:
        words = text[a:b]
        if (
            out
            and text[out[-1][1] : a].strip() == ";"
            and _NOUN_PHRASE.match(words)
            and len(words.split()) <= _NOUN_PHRASE_WORDS
            and not _PREDICATE.search(words)
        ):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


_NUMBER_BEFORE = re.compile(rf"(?:\(\d{{1,2}}\)|\d{{1,2}}\)|{ORDINAL})\s*$")


def _numbered_before(text: str, para_start: int, a: int) -> bool:
    """Whether the unit at `a` was opened by an inline number (`(2) `, `Thứ hai, `) that `_trimmed` cut off."""
    head = text[max(para_start, a - 14) : a]
    return bool(_NUMBER_BEFORE.search(head))


def body_label(text: str, start: int, end: int) -> bool:
    """`a) Trung tâm Phát triển quỹ đất tỉnh` over its items: a short body's name with no verb, not a
    sentence closed by its end mark (`d) Các cơ quan báo chí đưa tin kịp thời.` is the body's work)."""
    words = text[start:end]
    return (
        bool(BODY_LABEL.match(words))
        and len(words.split()) <= _LABEL_WORDS
        and not ANY_VERB.search(words)
        and text[end : end + 1] not in (".", ";")
    )


def aside(words: str) -> bool:
    """In a task part, a sentence that is no directive: why the work matters (`Đây là ...`), or a meeting's
    announced agenda (`Kỳ họp thứ 12 dự kiến thông qua 32 nghị quyết`)."""
    return bool(EXPLAINS.match(words) or AGENDA.match(words))


# `Hoàn thành trước ngày 20/12/2027.`, `; hoàn thành trong quý III/2027`: when the work before it is due, not work
_DEADLINE = re.compile(
    # (`Thời gian hoàn thành ban hành kế hoạch chậm nhất là ngày 15/01/2027`: the field names what is due)
    r"(?:(?:thời gian|thời hạn)(?: hoàn thành)?\s*:|"
    r"(?:thời gian hoàn thành|thời hạn)(?:\s[^.;:,\d]{0,60}?(?=\s(?:trước|chậm nhất)))?|hoàn thành|xong)"
    r"\s*(?:trước|trong|chậm nhất(?: là)?|vào|trước hoặc trong)?"
    r"\s*(?:ngày|tháng|quý|năm)?\s*[\dIVX][\d/IVX.\-]*(?:\s*năm\s*\d{4})?\s*[.;]?",
    re.I,
)
# `13h30’ ngày 07/7/2027 (Thứ Ba)`, `Hà Giang, ngày 12 tháng 7 năm 2027`: a time or a place and date, no work
_WHEN_ONLY = re.compile(
    r"(?:\d{1,2}\s*(?:h|giờ)\s*\d{0,2}\W?\s*,?\s*)?(?:ngày\s*)?\d{1,2}/\d{1,2}(?:/\d{2,4})?\s*(?:\([^()]{1,20}\))?\.?"
    r"|[^,\d]{2,30},\s*ngày\s[\d\s.]*tháng\s[\d\s.]*năm\s*\d{4}\.?"
)
# `(Phân công nhiệm vụ theo Phụ lục đính kèm)`: a pointer to the annex that lists the work
_ANNEX_NOTE = re.compile(r"\([^()]*(?:phụ lục|biểu)[^()]*(?:kèm theo|đính kèm)[^()]*\)\.?", re.I)


def no_work(words: str) -> bool:
    """A unit of a task part that names no work: when the work before it is due (`Hoàn thành trước ngày
    20/12/2027.`, LABELING: by when is not a task), a time or a place-and-date line, a pointer to the annex."""
    return bool(_DEADLINE.fullmatch(words) or _WHEN_ONLY.fullmatch(words) or _ANNEX_NOTE.fullmatch(words))


# `d) Việc tổ chức tự kiểm tra cải cách hành chính ...` under an inspection plan's `Nội dung kiểm tra`, `Kinh phí thực
# hiện Kế hoạch được bố trí từ nguồn ...`: what is looked at, or what pays for the work, with nothing asked
_TOPIC_ITEM = re.compile(r"(?:Việc|Công tác)\s|Kinh phí\s[^.;]{0,80}?(?<!\w)(?:được|do|từ)\s", re.I)
_ASKS = re.compile(
    r"(?<!\w)(?:cần|phải|yêu cầu|đề nghị|giao(?!\s+ban)|sẽ|chỉ đạo|khẩn trương|tập trung|chủ trì|"
    r"hoàn thành|là)(?!\w)|"  # (`Công tác trọng tâm tháng 6 là ...` states the work)
    # `Công tác chuyển đổi số được đẩy mạnh`, `... tiếp tục được quan tâm`: work asked for in the passive
    r"(?<!\w)được\s+(?:đẩy mạnh|tăng cường|chú trọng|quan tâm|củng cố|nâng cao|duy trì|kiện toàn)(?!\w)",
    re.I,
)


def names_topic(words: str) -> bool:
    """A nominal item (`Việc ...`, `Công tác ...`) or a funding line that asks no one for anything: a topic,
    not work."""
    return bool(_TOPIC_ITEM.match(words)) and not _ASKS.search(words)
