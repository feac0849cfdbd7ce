"""Heading lines of a normalized report, and where its header and closing blocks lie. Pure.

A heading is a line that starts with a number of one of the genre's styles (`PHẦN THỨ`, `A.`,
`I.`, `1.`, `1.1.`, `a)`, `*`), an ALL-CAPS line, or an unnumbered topic line (`Về khu vực
cấm ...:`). Numbered lines are judged by their shape:

* `Heading: content` on one line is a heading whose text is the part before the colon.
* A long numbered line (over `MAX_HEADING_CHARS`) is a content paragraph (a numbered task),
  unless it reads like a template heading: it ends in `:` or without a full stop, or a bullet or
  a child number follows it (`7.2. Báo cáo hiện trạng ... (có số liệu minh chứng)`).
* Lettered items (`a)`, `b)`) are judged as a list: they are headings only when every item of
  the list is heading-like (a short topic line or `Label: content`); one content paragraph
  among them (`c) Tập hợp kết quả, báo cáo sơ kết ...`) makes the whole list paragraphs.
"""

from __future__ import annotations

import re

from llmx.heading_content import FIGURE_VALUE, cites_quote, quoted_lines
from llmx.heading_lists import Heading as Heading
from llmx.heading_lists import Numbered, judge_lists, stated_topic
from llmx.vn import (
    ASSIGNED_BODY,
    DATE_LINE_SHAPE,
    DIRECTIVE_START,
    DOC_NUMBER_LINE,
    FOOTNOTE_LINE,
    KINH_GUI,
    LIST_INTRO,
    MOTTO,
    SEPARATOR,
    SIGN_TITLE_LINE,
    SUBJECT_LINE,
    TABLE_ROW,
    TITLE_MARK,
    UPPER,
    is_caps,
)

MAX_HEADING_CHARS = 160  # a longer numbered line is a paragraph (a numbered task), not a heading
_MAX_LABEL = 140  # `Label: content`: the label is at most this long

_PART_WORDS = {"nhất": "1", "một": "1", "hai": "2", "ba": "3", "tư": "4", "bốn": "4", "năm": "5", "sáu": "6"}
_PART = re.compile(r"^(?:PHẦN|Phần|phần)\s+(?:THỨ|Thứ|thứ)\s+(\w+)\s*[.:]?\s*(.*)$")
_PART_NUM = re.compile(r"^(?:PHẦN|Phần)\s+([IVX]+|\d+|[A-E](?!\w))\s*[.:]?\s*(.*)$")
# `Chương I` / `CHƯƠNG II. NHIỆM VỤ ...`, `Mục 1. ...`: a plan's or a long report's chapters and their parts
_CHAPTER = re.compile(r"^(CHƯƠNG|Chương|MỤC|Mục)\s+([IVX]{1,4}|\d{1,2})(?!\w)\s*([.:\-–]?)\s*(.*)$")
# `IV- TỔ CHỨC THỰC HIỆN`, `1- Về kinh tế`, `a- ...`: the older Party style numbers with a hyphen (also
# written without the space before an upper-case word: `II-NHIỆM VỤ`)
_HYPHEN = rf"-(?=\s|{UPPER}(?!{UPPER}*[/-]))"  # but `35-CT/TW ...` opens with a Party document's number
_ALPHA = re.compile(r"^([A-E])\s*(?:\./|[.)/]|-(?=\s))\s+(\S.*)$")  # `A.`, `B)`, `C/`, `D./`
_ROMAN = re.compile(rf"^(?!V/v\b)([IVX]{{1,4}})\s*(?:\./|[./)]|{_HYPHEN})\s*(\S.*)$")  # `V/v ...` is a subject line
# `1.2.`, `2.1.3`, and the roman-rooted `I.1.` / `II.2.1` of some issuers (the child of `I.`)
_DOTTED = re.compile(r"^((?:\d{1,2}|[IVX]{1,4})(?:\.\d{1,2})+)\.?\s+(\S.*)$")
_ARABIC = re.compile(rf"^(\d{{1,2}})(?:\s*(?:\./|[./)](?![\d;,.)]))|{_HYPHEN})\s*(\S.*)$")
_LOWER = re.compile(r"^([a-eđgh])(?:\s*[.)/]|-(?=\s))\s+(\S.*)$")  # `a)`, `b.`, `c/`
_ROMAN_WORD = re.compile(r"^[IVX]{1,4}$", re.I)
_STAR = re.compile(r"^\*\s*(\S.*)$")
_TOPIC = re.compile(r"^Về\s+[^:;.]{3,100}:$")  # an unnumbered topic line heading what follows
_LABEL_COLON = re.compile(r":\s+\S")
_ENDS_SENTENCE = re.compile(r"[.;!?…][”\"’')]*$")  # a quoted provision ends `... giải thể hội.”`
_BULLET_LINE = re.compile(r"[-+•–]\s")


def _is_caps(line: str) -> bool:
    return is_caps(line, 4)


def _title_mark(line: str) -> bool:
    """`BÁO CÁO` alone on its line (the title follows on the next lines), or opening a short
    ALL-CAPS title line (`BÁO CÁO KIỂM ĐIỂM`, its subject on the next lines)."""
    m = TITLE_MARK.match(line)
    return m is not None and (m.group("rest") is None or (len(line) <= 80 and _is_caps(line)))


def _label_split(body: str) -> int | None:
    """Where content starts when `body` is `Label: content` (the label short, not a time); a
    colon inside parentheses lists what the heading covers (`(Tóm tắt ... về: Kiến trúc, ...)`), and a
    parenthesised note does not count to the label's length (`Sự tuân thủ ... (thực hiện theo ...): ...`)."""
    m = next(
        (
            c
            for c in _LABEL_COLON.finditer(body[: 3 * _MAX_LABEL])
            if _parens_closed(body[: c.start()]) and len(_NOTE.sub("", body[: c.start()])) <= _MAX_LABEL
        ),
        None,
    )
    label = body[: m.start()] if m else ""
    clock = m is not None and body[m.end() - 1].isdigit() and re.search(r"(?<!năm )(?<!\d)\d{1,2}$", label)
    if m and not clock and not LIST_INTRO.search(label) and not _ASSIGNS_IN.search(label):
        return m.end() - 1  # `lúc 14: 30` is a time, `Đợt 1: Từ ...` a label
    return None


# `5. Trong thời gian chưa di dời, giao các sở và UBND các phường: Yên Bái, Văn Phú tăng cường ...`: a clause
# that assigns work before its colon is a sentence listing names, not a label
# (any body work is assigned to: `giao Công an xã:`, `yêu cầu Trung tâm Phục vụ hành chính công:`)
_ASSIGNS_IN = re.compile(rf",\s*(?:giao|yêu cầu|đề nghị)\s+(?:cho\s+)?(?:các|{ASSIGNED_BODY})\s")


_NOTE = re.compile(r"\([^()]*\)")


def _parens_closed(text: str) -> bool:
    return text.count("(") <= text.count(")")


def _split_label(body: str) -> tuple[str, int | None]:
    """Heading text, and where content starts when the line is `Heading: content`."""
    content_at = _label_split(body)
    if content_at is not None:
        return body[: body.rindex(":", 0, content_at)], content_at
    if len(body) <= MAX_HEADING_CHARS:
        return body, None
    return "", None


def _heading_like(rest: str) -> bool:
    """A lettered item that names a topic: `Label: content`, or a short line that is no sentence."""
    body = rest.strip()
    return _label_split(body) is not None or (len(body) <= MAX_HEADING_CHARS and not _ENDS_SENTENCE.search(body))


# words that cannot end a heading or a sentence: a line ending in one of them goes on
# (`Kết quả đạt được`, `Những việc đã làm được` end a heading: there `được` closes the phrase, as
# `tại` does in `Tồn tại` (shortfalls) and `hiện tại`)
_OPEN_WORD = re.compile(
    r"\s(?:của|và|với|cho|các|những|về|trong|(?<!ồn )(?<!hiện )tại|theo|để|là|(?<!đạt )(?<!làm )được|đã|có|từ|đến|"
    r"như|nhằm)$"
)


def _continuation(text: str, lines: list[tuple[int, int]], k: int, rows: frozenset[int] = frozenset()) -> int | None:
    """Index of the line that continues line `k` (a hard wrap, as in PDF text), or None.

    A wrapped line is not itself a heading or bullet, and starts in lower case or with
    punctuation, or follows a trailing comma or dash; one blank line (a page break) may sit between.
    """
    if k + 1 >= len(lines):
        return None
    cur = text[lines[k][0] : lines[k][1]].rstrip()
    j = k + 1
    nxt = text[lines[j][0] : lines[j][1]].strip()
    if not nxt and j + 1 < len(lines):  # a page break inside a sentence leaves one blank line
        j += 1
        nxt = text[lines[j][0] : lines[j][1]].strip()
        if not nxt or not (nxt[0].islower() or cur.endswith((",", "-"))):
            return None
        if not nxt[0].islower():
            return j  # an upper-case continuation after a trailing comma or dash
    if j in rows or not nxt or heading_match(nxt) or FOOTNOTE_LINE.match(nxt) or nxt.startswith(("- ", "+ ")):
        return None
    if nxt[0].islower() or nxt[0] in ";,()":
        return j
    if j == k + 1 and (cur.endswith((",", "-")) or _OPEN_WORD.search(cur) or _PERIOD_TAIL.match(nxt)):
        return j
    return None


_PERIOD_TAIL = re.compile(r"^\d{1,2}\s+tháng(?:\s+(?:đầu|cuối))?\s+năm(?:\s+\d{4})?\s*:?$")  # `6 tháng đầu năm`
_CAPS_OPEN_END = re.compile(r"(?:[,\-–]|\s(?:CỦA|VÀ|VỚI|CHO|CÁC|VỀ|TRONG|TẠI|THEO|ĐỂ|NHẰM))$")
_CAPS_GOES_ON = re.compile(
    r"^(?:(?:CỦA|VÀ|VỀ|TRONG|TẠI|THEO|ĐỐI\s+VỚI|CHO|NĂM|GIAI\s+ĐOẠN)\s|\d{1,2}\s+THÁNG\s)"  # `6 THÁNG CUỐI NĂM 2025`
)


def _caps_line(line: str) -> bool:
    """An ALL-CAPS line, or a short caps tail of a title (`NĂM 2026`: fewer letters than `_is_caps` asks)."""
    return _is_caps(line) or (line.isupper() and _CAPS_GOES_ON.match(line) is not None)


def _caps_wrap(text: str, lines: list[tuple[int, int]], k: int, rows: frozenset[int]) -> int | None:
    """Index of the ALL-CAPS line that continues the unnumbered caps heading on line `k` (one blank
    line may sit between), or None: the heading ends in a comma or an open word, or the next line
    opens with one (`GIẢI TRÌNH BỔ SUNG` / `CỦA ĐỒNG CHÍ CHỦ TỊCH`)."""
    cur = text[lines[k][0] : lines[k][1]].strip()
    for j in range(k + 1, min(k + 3, len(lines))):
        nxt = text[lines[j][0] : lines[j][1]].strip()
        if not nxt:
            continue
        ok = j not in rows and _caps_line(nxt) and len(nxt) <= 120 and heading_match(nxt) is None
        if ok and not SIGN_TITLE_LINE.match(nxt) and (_CAPS_OPEN_END.search(cur) or _CAPS_GOES_ON.match(nxt)):
            return j
        return None
    return None


def _caps_tail(
    text: str, lines: list[tuple[int, int]], k: int, rows: frozenset[int], heading: str, skip: set[int]
) -> tuple[str, int | None]:
    """The numbered caps heading on line `k` with the caps lines it wraps onto, even mid-word
    (`... THỰC HIỆN C` / `ÔNG TÁC ...`), and where its text ends (None: it does not wrap); the
    lines it takes are added to `skip`."""
    end: int | None = None
    j = k + 1
    while j < len(lines):
        nt = text[lines[j][0] : lines[j][1]].strip()
        if not nt and _CAPS_GOES_ON.match(_next_text(text, lines, j)) and j + 1 not in rows:
            j += 1  # a paragraph break inside the title (`II. NHIỆM VỤ` / `6 THÁNG CUỐI NĂM 2025`)
            continue
        if j in rows or not nt or not _caps_line(nt) or heading_match(nt) or len(nt) > 120:
            break
        glue = "" if re.search(r"\s[A-ZĐ]$", heading.rstrip()) else " "
        heading = heading.rstrip() + glue + nt
        end = lines[j][0] + len(text[lines[j][0] : lines[j][1]].rstrip())
        skip.add(j)
        j += 1
    return heading, end


def clean(heading: str) -> str:
    return re.sub(r"[\s.:;,]+$", "", heading).strip()


def find_header_end(text: str, lines: list[tuple[int, int]]) -> int:
    """End of the header block: the line after the title under `BÁO CÁO`, or 0 when none.

    The title mark is looked for in the first third of the text (at least its first 4,000
    characters: a web page excerpt can be mostly header)."""
    limit = max(len(text) // 3, 4000)
    for k, (s, e) in enumerate(lines):
        if s > limit:
            break
        if _title_mark(text[s:e].strip()):
            end = e
            j = k + 1
            title_caps: bool | None = None  # whether the title is written in capitals (its wrapped lines are too)
            while j < len(lines):
                t = text[lines[j][0] : lines[j][1]].strip()
                if t and (
                    SEPARATOR.match(t)
                    or heading_match(t)
                    or len(t) > 200
                    or (j > k + 1 and _SENTENCE_LINE.match(t))
                    or (title_caps is False and _is_caps(t) and len(t.split()) >= 2)
                ):
                    # (a caps line under a title in small letters is the body's first unnumbered heading:
                    # `Kết quả thực hiện nhiệm vụ tháng 11` / `NHIỆM VỤ THỜI GIAN TỚI`)
                    if SEPARATOR.match(t):
                        end = lines[j][1]
                    break
                if t:
                    end = lines[j][1]
                    if title_caps is None:
                        title_caps = t.isupper()
                j += 1
            return min(end + 1, len(text))
    return letter_header_end(text, lines)


# a full sentence after the title (`Trong tháng 5, UBND xã đã chỉ đạo ... .`): a report without headings begins
# its body here; a title line does not end in a full stop (a wrapped title's lines are shorter). The lead-in
# that opens the body (`Thực hiện Công văn số ..., UBND xã báo cáo ... như sau:`) ends in a colon instead.
_SENTENCE_LINE = re.compile(r"^(?!Kính gửi)[^\n]{60,}(?:[^./]\.|\bnhư\s+sau\s*:)$")
_HEADER_LINES = 30  # a công văn's header block is short
_STAMP = re.compile(r"^[\d\s./-]{1,12}$")  # a bare registration number stamped into the header (`12094`)
_DRAFT_DATE = re.compile(r"^[^\W\d_][^,\d]{0,40},\s*ngày\b[^.;]{0,40}\bnăm\s*$")  # a draft's `ngày ... tháng ... năm`
_SUBJECT_LINES = 3  # the `V/v ...` subject wraps onto at most this many more lines


def letter_header_end(text: str, lines: list[tuple[int, int]]) -> int:
    """End of a công văn-style header (no `BÁO CÁO` block), or 0 when the text opens otherwise.

    The header runs from the first line through issuer lines (ALL CAPS), `Số: .../...`, the
    `V/v ...` subject and its wrapped lines, `Kính gửi:` and the addressee bullets, the motto and
    the date line, in whatever order the two header columns were flattened; it counts only when
    it holds a number line or a date line, so a web page or a bare body keeps its first lines."""
    end, seen_anchor, subject_left, addressed = 0, False, 0, False
    for s, e in lines[:_HEADER_LINES]:
        t = text[s:e].strip()
        if not t:
            continue  # a docx writes a blank line between paragraphs, the subject's wrapped lines too
        anchor = bool(DOC_NUMBER_LINE.match(t) or DATE_LINE_SHAPE.match(t))
        if heading_match(t) and not SUBJECT_LINE.match(t):
            break  # `I. NỘI DUNG` right under `Kính gửi:` opens the body, caps as it is
        if SUBJECT_LINE.match(t):
            subject_left = _SUBJECT_LINES
        elif KINH_GUI.match(t):
            subject_left, addressed = 0, True
        elif (
            anchor
            or MOTTO.search(t)
            or is_caps(t, 4)
            or SEPARATOR.match(t)
            or _STAMP.match(t)
            or _DRAFT_DATE.match(t)
            or t == "*"  # HD 36 `*` rule
        ):
            subject_left = 0
        elif subject_left and len(t) <= 120 and heading_match(t) is None and not t.endswith(":"):
            # (a line ending in `:` is the body's lead-in, `UBND tỉnh đề nghị ... sau:`, no wrapped subject)
            subject_left -= 1
        elif not (addressed and t.startswith(("- ", "+ ")) and len(t) <= 120):
            break
        seen_anchor = seen_anchor or anchor
        end = e
    return min(end + 1, len(text)) if seen_anchor else 0


def heading_match(t: str) -> tuple[str, str | None, str] | None:
    """(style, number, rest) when the stripped line starts like a heading."""
    if m := _PART.match(t):
        word = m.group(1)
        number = word.upper() if _ROMAN_WORD.match(word) else _PART_WORDS.get(word.lower(), word)
        return "PART", "PHẦN " + number, m.group(2)  # `Phần thứ II` is `PHẦN II`, `Phần thứ hai` `PHẦN 2`
    if m := _PART_NUM.match(t):
        return "PART", "PHẦN " + m.group(1), m.group(2)
    if (m := _CHAPTER.match(t)) and (m.group(3) or not m.group(4) or is_caps(m.group(4), 2)):
        word = m.group(1).upper()  # (a wrapped `... quy định tại` / `Mục 2 Chương III Luật ...` is no chapter)
        return ("CHAPTER" if word == "CHƯƠNG" else "SUBCHAPTER"), f"{word} {m.group(2)}", m.group(4)
    if m := _DOTTED.match(t):  # before the roman numbers: `I.1.` is the first child of `I.`
        return f"DOTTED{m.group(1).count('.') + 1}", m.group(1), m.group(2)
    if m := _ALPHA.match(t):
        return "ALPHA", m.group(1), m.group(2)
    if m := _ROMAN.match(t):
        return "ROMAN", m.group(1), m.group(2)
    if m := _ARABIC.match(t):
        return "ARABIC", str(int(m.group(1))), m.group(2)
    if m := _LOWER.match(t):
        return "LOWER", m.group(1), m.group(2)
    if m := _STAR.match(t):
        return "STAR", None, m.group(1)
    return None


_PART_STYLES = ("PART", "CHAPTER", "SUBCHAPTER")  # their title may stand on the lines under the number
_BARE_NUMBER = re.compile(rf"^(\d{{1,2}})\s+({UPPER}.*)$")


def _bare_number(line: str, nxt: str) -> tuple[str, str | None, str] | None:
    """`7 Biện pháp canh gác ...` (its dot lost) is heading `7` when `7.1.` follows it."""
    m = _BARE_NUMBER.match(line)
    child = heading_match(nxt) if m else None
    if m and child and child[0] == "DOTTED2" and child[1] == f"{int(m.group(1))}.1":
        return "ARABIC", str(int(m.group(1))), m.group(2)
    return None


def _next_text(text: str, lines: list[tuple[int, int]], k: int) -> str:
    """The next non-blank line after line `k`, stripped ('' at the end)."""
    for s, e in lines[k + 1 : k + 4]:
        t = text[s:e].strip()
        if t:
            return t
    return ""


def _template_heading(text: str, lines: list[tuple[int, int]], k: int, number: str | None, rest: str) -> bool:
    """A long numbered line that is a heading copied from a reporting template, not a paragraph:
    it ends in `:`, or a bullet or a child number follows, or it ends without a full stop and
    what follows is not its next sibling."""
    body = rest.rstrip()
    if body.endswith(":"):
        return True
    nxt = _next_text(text, lines, k)
    if _BULLET_LINE.match(nxt):
        return True
    nm = heading_match(nxt)
    child = bool(nm and number and nm[1] and nm[1].startswith(number + ".")) or bool(nm and nm[0] == "LOWER")
    if child:
        return True
    return not _ENDS_SENTENCE.search(body) and nm is None


_STAR_ITEM = re.compile(r"\d[^:]*[.;]\s*$")  # a figure, then the end of a sentence: a `* ` bullet's statement
_SENTENCE_END = re.compile(r"(?<![.…])[.!?][”\"’')]*$")  # dotted leaders (`Lý do:……`) are blanks to fill
_CLOSING_LINE = re.compile(r"^(?:Trên đây|Nơi nhận|Kính trình|Trân trọng)", re.I)


def _bodiless(text: str, lines: list[tuple[int, int]], k: int, style: str, rank: dict[str, int], item: str) -> bool:
    """A numbered sentence with nothing of its own under it: it ends like a sentence and the next
    line is its next sibling, an outer heading, the closing block or the letter's closing sentence
    (`2. Phấn đấu ... đạt trên 85%.` then `3. ...`). LABELING: such an item is content (a numbered
    task, target or finding), not a heading; a heading has text or children under it."""
    if not _SENTENCE_END.search(item.rstrip()):
        return False
    nxt = _next_text(text, lines, k)
    if not nxt or _CLOSING_LINE.match(nxt) or SIGN_TITLE_LINE.match(nxt) or nxt.endswith("./."):
        return True  # `./.` ends the letter's last sentence (`... thông báo để Hội biết./.`)
    nm = heading_match(nxt)
    return nm is not None and nm[0] in rank and style in rank and rank[nm[0]] <= rank[style]


def find_headings(
    text: str, lines: list[tuple[int, int]], start: int, end: int, rows: frozenset[int] = frozenset()
) -> list[Heading]:
    """Every heading line between `start` and `end` (see the module docstring for the shapes);
    the lines of the document's tables (`rows`) never are."""
    found: list[Heading] = []
    numbered: list[Numbered] = []  # every numbered line, for judging lists of siblings
    rank: dict[str, int] = {}  # numbering styles in the order they first appear (outer first)
    idx = [k for k, (s, _) in enumerate(lines) if start <= s < end]
    skip: set[int] = set(rows) | quoted_lines(text, lines, idx)
    for k in idx:
        if k in skip:
            continue
        s, e = lines[k]
        raw = text[s:e]
        t = raw.strip()
        if not t or FOOTNOTE_LINE.match(t) or t.startswith(("- ", "+ ", "-\t")) or TABLE_ROW.search(t):
            continue  # a table row (`III.1 | Dịch vụ trực tuyến | 8,23 | 14/34`) is never a heading
        lead = len(raw) - len(raw.lstrip())
        hm = heading_match(t) or _bare_number(t, _next_text(text, lines, k))
        if hm is None:
            if _is_caps(t) and len(t) <= 120 and len(t.split()) >= 2 and not re.search(r"\d{3,}", t):
                if MOTTO.search(t) or SIGN_TITLE_LINE.match(t):
                    continue  # the header's motto or a signature title, wherever those blocks were missed
                heading, h_end = t, s + lead + len(t)
                if (j := _caps_wrap(text, lines, k, rows)) is not None:
                    heading = t + " " + text[lines[j][0] : lines[j][1]].strip()
                    h_end = lines[j][0] + len(text[lines[j][0] : lines[j][1]].rstrip())
                    skip.add(j)
                found.append(Heading("CAPS", None, clean(heading), s + lead, h_end, max(e, h_end)))
            elif _TOPIC.match(t):
                found.append(Heading("TOPIC", None, clean(t), s + lead, s + lead + len(t) - 1, e))
            continue
        style, number, rest = hm
        line = Numbered(s + lead, style, number, "content", _heading_like(rest), bool(DIRECTIVE_START.match(rest)))
        if style == "LOWER" and not line.like and not line.directive:
            line.like = stated_topic(rest) and not _bodiless(text, lines, k, style, rank, rest)
        line.listed = rest.rstrip().endswith(";")
        if style != "STAR":
            numbered.append(line)
            rank.setdefault(style, len(rank))
        rest_start = s + lead + (len(t) - len(rest))
        if style in _PART_STYLES:
            heading, h_end = rest, e
            if _is_caps(rest):  # `PHẦN I. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN KẾ HOẠCH` / `PHÁT TRIỂN KINH TẾ - XÃ HỘI ...`
                heading, tail_end = _caps_tail(text, lines, k, rows, rest, skip)
                h_end = tail_end or h_end
            elif not clean(rest):  # title on the next 1-2 lines
                parts: list[str] = []
                j = k + 1
                while j < len(lines) and len(parts) < 3:
                    nt = text[lines[j][0] : lines[j][1]].strip()
                    if (
                        not nt
                    ):  # `PHỤ LỤC DÀNH CHO CÁC TỈNH,` or `NHIỆM VỤ` / `6 THÁNG CUỐI NĂM` go on past a blank line
                        if (
                            parts
                            and not _CAPS_OPEN_END.search(parts[-1])
                            and not _CAPS_GOES_ON.match(_next_text(text, lines, j))
                        ):
                            break
                        j += 1
                        continue
                    if j in rows or heading_match(nt) or len(nt) > 200 or not (_caps_line(nt) or not parts):
                        break
                    parts.append(nt)
                    h_end = lines[j][1]
                    skip.add(j)
                    j += 1
                heading = " ".join(parts)
            found.append(Heading(style, number, clean(heading), s + lead, h_end, h_end))
            line.kind = "topic"
            continue
        # a hard-wrapped line (PDF) is judged with its continuation lines
        wrapped, j = rest, k
        while (nj := _continuation(text, lines, j, rows)) is not None and len(wrapped) <= MAX_HEADING_CHARS:
            wrapped += " " + text[lines[nj][0] : lines[nj][1]].strip()
            j = nj
        if j > k and len(wrapped) <= MAX_HEADING_CHARS and not _is_caps(rest):
            skip.update(range(k + 1, j + 1))
            if _bodiless(text, lines, j, style, rank, wrapped):
                continue  # a wrapped numbered sentence
            found.append(Heading(style, number, clean(wrapped), s + lead, lines[j][1], lines[j][1]))
            line.kind = "topic"
            continue
        heading, content_at = _split_label(rest)
        if j > k:
            heading, content_at = _split_label(wrapped)
            if not heading or content_at is None or content_at > len(rest):
                continue  # a wrapped numbered paragraph, not a heading
        if not heading and style != "STAR":
            if _template_heading(text, lines, k, number, rest):
                heading = rest
            elif not _bodiless(text, lines, k, style, rank, rest):  # a paragraph, unless its siblings are
                line.template = Heading(style, number, clean(rest), s + lead, rest_start + len(clean(rest)), e)
        if heading and content_at is None and style != "STAR" and _bodiless(text, lines, j, style, rank, heading):
            heading = ""  # `3. Phấn đấu ... đạt trên 85%.` between its siblings: a numbered sentence
        after = rest[content_at:] if content_at is not None else _next_text(text, lines, j)
        if heading and cites_quote(heading, after):
            heading, line.like = "", False
        line.figure = bool(heading and content_at is not None and FIGURE_VALUE.match(after))
        line.alone = content_at is not None and _bodiless(text, lines, j, style, rank, rest)
        if not heading:
            continue  # a numbered paragraph, not a heading
        if style == "STAR" and content_at is None and (len(rest) > MAX_HEADING_CHARS or _STAR_ITEM.search(rest)):
            continue  # `* Tổng sản lượng lương thực đạt 6.850 tấn, đạt 101,5% kế hoạch.`: a bullet, not a heading
        h_end = rest_start + len(heading) if content_at is None else rest_start + content_at
        body_start = e if content_at is None else rest_start + content_at
        text_end = rest_start + len(heading.rstrip())
        if content_at is None and _is_caps(heading):
            heading, tail_end = _caps_tail(text, lines, k, rows, heading, skip)
            if tail_end is not None:
                text_end = body_start = tail_end
        found.append(Heading(style, number, clean(heading), s + lead, text_end, body_start))
        line.kind = "topic" if content_at is None else "label"
    return judge_lists(found, numbered, _PART_STYLES)
