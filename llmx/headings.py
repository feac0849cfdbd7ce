"""Heading lines of a normalized report. Pure.

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

The numbering styles are read in `heading_forms.py`, wrapped heading lines joined in
`heading_wraps.py`; where the header block ends is `header_block.py`.
"""

from __future__ import annotations

import re

from llmx.heading_content import FIGURE_VALUE, cites_quote, quoted_lines
from llmx.heading_forms import all_caps, clean, heading_match
from llmx.heading_lists import Heading as Heading
from llmx.heading_lists import Numbered, judge_lists, stated_topic
from llmx.heading_parens import PAREN_STYLES, CloseParens, has_body, paren_topic
from llmx.heading_wraps import CAPS_GOES_ON, CAPS_OPEN_END, caps_line, caps_tail, caps_wrap, continuation, next_text
from llmx.vn import ASSIGNED_BODY, DIRECTIVE_START, FOOTNOTE_LINE, LIST_INTRO, MOTTO, SIGN_TITLE_LINE, TABLE_ROW, UPPER

MAX_HEADING_CHARS = 160  # a longer numbered line is a paragraph (a numbered task), not a heading
_MAX_LABEL = 140  # `Label: content`: the label is at most this long

_TOPIC = re.compile(r"^Về\s+[^:;.]{3,100}:$")  # an unnumbered topic line heading what follows
_LABEL_COLON = re.compile(r":\s+\S")
_ENDS_SENTENCE = re.compile(r"[.;!?…][”\"’')]*$")  # a quoted provision ends `... giải thể hội.”`
_BULLET_LINE = re.compile(r"[-+•–]\s")


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


_PART_STYLES = ("PART", "CHAPTER", "SUBCHAPTER")  # their title may stand on the lines under the number
_BARE_NUMBER = re.compile(rf"^(\d{{1,2}})\s+({UPPER}.*)$")


def _bare_number(line: str, nxt: str) -> tuple[str, str | None, str] | None:
    """`7 Biện pháp canh gác ...` (its dot lost) is heading `7` when `7.1.` follows it."""
    m = _BARE_NUMBER.match(line)
    child = heading_match(nxt) if m else None
    if m and child and child[0] == "DOTTED2" and child[1] == f"{int(m.group(1))}.1":
        return "ARABIC", str(int(m.group(1))), m.group(2)
    return None


def _template_heading(text: str, lines: list[tuple[int, int]], k: int, number: str | None, rest: str) -> bool:
    """A long numbered line that is a heading copied from a reporting template, not a paragraph:
    it ends in `:`, or a bullet or a child number follows, or it ends without a full stop and
    what follows is not its next sibling."""
    body = rest.rstrip()
    if body.endswith(":"):
        return True
    nxt = next_text(text, lines, k)
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
    nxt = next_text(text, lines, k)
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
    close_parens = CloseParens()  # `1)` under `1.` headings is a deeper level
    for k in idx:
        if k in skip:
            continue
        s, e = lines[k]
        raw = text[s:e]
        t = raw.strip()
        if not t or FOOTNOTE_LINE.match(t) or t.startswith(("- ", "+ ", "-\t")) or TABLE_ROW.search(t):
            continue  # a table row (`III.1 | Dịch vụ trực tuyến | 8,23 | 14/34`) is never a heading
        lead = len(raw) - len(raw.lstrip())
        hm = heading_match(t) or _bare_number(t, next_text(text, lines, k))
        if hm is None:
            if all_caps(t) and len(t) <= 120 and len(t.split()) >= 2 and not re.search(r"\d{3,}", t):
                if MOTTO.search(t) or SIGN_TITLE_LINE.match(t):
                    continue  # the header's motto or a signature title, wherever those blocks were missed
                heading, h_end = t, s + lead + len(t)
                if (j := caps_wrap(text, lines, k, rows)) is not None:
                    heading = t + " " + text[lines[j][0] : lines[j][1]].strip()
                    h_end = lines[j][0] + len(text[lines[j][0] : lines[j][1]].rstrip())
                    skip.add(j)
                found.append(Heading("CAPS", None, clean(heading), s + lead, h_end, max(e, h_end)))
            elif _TOPIC.match(t):
                found.append(Heading("TOPIC", None, clean(t), s + lead, s + lead + len(t) - 1, e))
            continue
        style, number, rest = hm
        if close_parens.deeper(t, style):
            style = "PAREN"
        if style in PAREN_STYLES:  # a topic line, or (most often) a numbered content line
            like = paren_topic(rest) and has_body(next_text(text, lines, k))
            numbered.append(Numbered(s + lead, style, number, "topic" if like else "content", like, False))
            rank.setdefault(style, len(rank))
            if like:
                text_end = s + lead + len(t)
                found.append(Heading(style, number, clean(rest), s + lead, text_end, e))
            continue
        line = Numbered(s + lead, style, number, "content", _heading_like(rest), bool(DIRECTIVE_START.match(rest)))
        close_parens.seen(line, t)
        if style == "LOWER" and not line.like and not line.directive:
            line.like = stated_topic(rest) and not _bodiless(text, lines, k, style, rank, rest)
        line.listed = rest.rstrip().endswith(";")
        if style != "STAR":
            numbered.append(line)
            rank.setdefault(style, len(rank))
        rest_start = s + lead + (len(t) - len(rest))
        if style in _PART_STYLES:
            heading, h_end = rest, e
            if all_caps(rest):  # `PHẦN I. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN KẾ HOẠCH` / `PHÁT TRIỂN KINH TẾ - XÃ HỘI ...`
                heading, tail_end = caps_tail(text, lines, k, rows, rest, skip)
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
                            and not CAPS_OPEN_END.search(parts[-1])
                            and not CAPS_GOES_ON.match(next_text(text, lines, j))
                        ):
                            break
                        j += 1
                        continue
                    if j in rows or heading_match(nt) or len(nt) > 200 or not (caps_line(nt) or not parts):
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
        while (nj := continuation(text, lines, j, rows)) is not None and len(wrapped) <= MAX_HEADING_CHARS:
            wrapped += " " + text[lines[nj][0] : lines[nj][1]].strip()
            j = nj
        if j > k and len(wrapped) <= MAX_HEADING_CHARS and not all_caps(rest):
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
        after = rest[content_at:] if content_at is not None else next_text(text, lines, j)
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
        if content_at is None and all_caps(heading):
            heading, tail_end = caps_tail(text, lines, k, rows, heading, skip)
            if tail_end is not None:
                text_end = body_start = tail_end
        found.append(Heading(style, number, clean(heading), s + lead, text_end, body_start))
        line.kind = "topic" if content_at is None else "label"
    return judge_lists(found, numbered, _PART_STYLES)
