"""Split a normalized report into its heading tree (SPEC section 3). Pure: no I/O.

The numbering decides the tree, not markdown levels or indentation: each numbering style
(`PHẦN THỨ`, `A.`, `I.`, `1.`, `1.1.`, `a)`, `*`, ALL-CAPS lines) takes the depth at which it
first appears (a style stack). The header block (quốc hiệu, Số, date line, title) and the
closing block (closing formula, Nơi nhận, signature) are recognised and kept out of the tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from llmx.contract import Role, Section, Sector
from llmx.normalize import line_spans
from llmx.sectors import heading_sector
from llmx.vn import FOOTNOTE_LINE, NOI_NHAN, SEPARATOR, TITLE_MARK, is_caps

MAX_HEADING_CHARS = 160  # a longer numbered line is a paragraph (a numbered task), not a heading

_PART_WORDS = {"nhất": "1", "một": "1", "hai": "2", "ba": "3", "tư": "4", "bốn": "4", "năm": "5", "sáu": "6"}
_PART = re.compile(r"^(?:PHẦN|Phần|phần)\s+(?:THỨ|Thứ|thứ)\s+(\w+)\s*[.:]?\s*(.*)$")
_PART_NUM = re.compile(r"^(?:PHẦN|Phần)\s+([IVX]+|\d+)\s*[.:]?\s*(.*)$")
_ALPHA = re.compile(r"^([A-E])\s*[.)/]\s+(\S.*)$")
_ROMAN = re.compile(r"^([IVX]{1,4})\s*[./)]\s*(\S.*)$")
_DOTTED = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)$")
_ARABIC = re.compile(r"^(\d{1,2})\s*[./)](?![\d;,.)])\s*(\S.*)$")
_LOWER = re.compile(r"^([a-eđ])\s*[.)]\s+(\S.*)$")
_STAR = re.compile(r"^\*\s*(\S.*)$")
_CLOSING = re.compile(r"^(?:Trên đây là|Trên cơ sở .*\./\.\s*$|Nơi nhận\s*:?)", re.I)
_SUMMARY = re.compile(r"đánh giá chung|hạn chế|tồn tại|yếu kém|nguyên nhân|bài học|kiến nghị|đề xuất", re.I)


@dataclass
class Heading:
    style: str
    number: str | None
    heading: str
    start: int  # heading line start
    end: int  # end of heading text (content may follow on the same line after ': ')
    body_start: int  # where the section's own text begins


@dataclass
class Layout:
    """The document's skeleton: header block, heading tree, closing block."""

    text: str
    sections: list[Section]
    body_start: int  # first character after the header block
    body_end: int  # first character of the closing block (or len(text))
    footnotes: list[tuple[int, int]] = field(default_factory=list)  # footnote body lines
    body_starts: dict[str, int] = field(default_factory=dict)  # section id -> own text start

    def own_spans(self) -> list[tuple[Section | None, int, int]]:
        """Each section's own text (heading excluded, children excluded), plus untitled intro text."""
        spans: list[tuple[Section | None, int, int]] = []
        first = self.sections[0].start if self.sections else self.body_end
        if first > self.body_start:
            spans.append((None, self.body_start, first))
        for k, sec in enumerate(self.sections):
            nxt = self.sections[k + 1].start if k + 1 < len(self.sections) else self.body_end
            start = self.body_starts.get(sec.id, sec.heading_end or sec.start)
            end = min(nxt, sec.end) if nxt > start else sec.end
            if end > start:
                spans.append((sec, start, end))
        return spans

    def section_at(self, offset: int) -> Section | None:
        """Innermost section containing `offset`."""
        found = None
        for sec in self.sections:
            if sec.start <= offset < sec.end and (found is None or sec.level >= found.level):
                found = sec
        return found


def _is_caps(line: str) -> bool:
    return is_caps(line, 4)


def _title_mark(line: str) -> bool:
    """`BÁO CÁO` alone on its line (the title follows on the next lines)."""
    m = TITLE_MARK.match(line)
    return m is not None and m.group("rest") is None


def _split_label(body: str) -> tuple[str, int | None]:
    """Heading text, and where content starts when a long line is `Heading: content`."""
    if len(body) <= MAX_HEADING_CHARS:
        return body, None
    m = re.search(r":\s+\S", body[:110])
    if m and not re.search(r"\d$", body[: m.start()]):
        return body[: m.start()], m.end() - 1
    return "", None


# words that cannot end a heading or a sentence: a line ending in one of them goes on
_OPEN_WORD = re.compile(r"\s(?:của|và|với|cho|các|những|về|trong|tại|theo|để|là|được|đã|có|từ|đến|như|nhằm)$")


def _continuation(text: str, lines: list[tuple[int, int]], k: int) -> int | None:
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
    if not nxt or _heading_match(nxt) or FOOTNOTE_LINE.match(nxt) or nxt.startswith(("- ", "+ ")):
        return None
    if nxt[0].islower() or nxt[0] in ";,()":
        return j
    if j == k + 1 and (cur.endswith((",", "-")) or _OPEN_WORD.search(cur)):
        return j
    return None


def _clean(heading: str) -> str:
    return re.sub(r"[\s.:;,]+$", "", heading).strip()


def find_header_end(text: str, lines: list[tuple[int, int]]) -> int:
    """End of the header block: the line after the title under `BÁO CÁO`, or 0 when none."""
    limit = len(text) // 3
    for k, (s, e) in enumerate(lines):
        if s > limit:
            break
        if _title_mark(text[s:e].strip()):
            end = e
            j = k + 1
            while j < len(lines):
                t = text[lines[j][0] : lines[j][1]].strip()
                if t and (SEPARATOR.match(t) or _heading_match(t) or len(t) > 200):
                    if SEPARATOR.match(t):
                        end = lines[j][1]
                    break
                if t:
                    end = lines[j][1]
                j += 1
            return min(end + 1, len(text))
    return 0


def find_closing_start(text: str, lines: list[tuple[int, int]], after: int) -> int:
    """Start of the closing block: the closing formula after the last numbered heading, or
    `Nơi nhận`, whichever comes first."""
    formula = [s for s, e in lines if s >= after and _CLOSING.match(text[s:e].strip())]
    noi_nhan = [s for s, e in lines if NOI_NHAN.match(text[s:e].strip())]
    candidates = formula[:1] + noi_nhan[-1:]
    return min(candidates) if candidates else len(text)


def _heading_match(t: str) -> tuple[str, str | None, str] | None:
    """(style, number, rest) when the stripped line starts like a heading."""
    if m := _PART.match(t):
        word = m.group(1).lower()
        return "PART", "PHẦN " + _PART_WORDS.get(word, word), m.group(2)
    if m := _PART_NUM.match(t):
        return "PART", "PHẦN " + m.group(1), m.group(2)
    if m := _ALPHA.match(t):
        return "ALPHA", m.group(1), m.group(2)
    if m := _ROMAN.match(t):
        return "ROMAN", m.group(1), m.group(2)
    if m := _DOTTED.match(t):
        return f"DOTTED{m.group(1).count('.') + 1}", m.group(1), m.group(2)
    if m := _ARABIC.match(t):
        return "ARABIC", str(int(m.group(1))), m.group(2)
    if m := _LOWER.match(t):
        return "LOWER", m.group(1), m.group(2)
    if m := _STAR.match(t):
        return "STAR", None, m.group(1)
    return None


def _find_headings(text: str, lines: list[tuple[int, int]], start: int, end: int) -> list[Heading]:
    found: list[Heading] = []
    idx = [k for k, (s, _) in enumerate(lines) if start <= s < end]
    skip: set[int] = set()
    for k in idx:
        if k in skip:
            continue
        s, e = lines[k]
        raw = text[s:e]
        t = raw.strip()
        if not t or FOOTNOTE_LINE.match(t) or t.startswith(("- ", "+ ", "-\t")):
            continue
        lead = len(raw) - len(raw.lstrip())
        hm = _heading_match(t)
        if hm is None:
            if _is_caps(t) and len(t) <= 120 and len(t.split()) >= 2 and not re.search(r"\d{3,}", t):
                found.append(Heading("CAPS", None, _clean(t), s + lead, s + lead + len(t), e))
            continue
        style, number, rest = hm
        rest_start = s + lead + (len(t) - len(rest))
        if style == "PART":
            heading, h_end = rest, e
            if not _clean(rest):  # title on the next 1-2 lines
                parts: list[str] = []
                j = k + 1
                while j < len(lines) and len(parts) < 3:
                    nt = text[lines[j][0] : lines[j][1]].strip()
                    if not nt:
                        if parts:
                            break
                        j += 1
                        continue
                    if _heading_match(nt) or len(nt) > 200 or not (_is_caps(nt) or not parts):
                        break
                    parts.append(nt)
                    h_end = lines[j][1]
                    skip.add(j)
                    j += 1
                heading = " ".join(parts)
            found.append(Heading(style, number, _clean(heading), s + lead, h_end, h_end))
            continue
        # a hard-wrapped line (PDF) is judged with its continuation lines
        wrapped, j = rest, k
        while (nj := _continuation(text, lines, j)) is not None and len(wrapped) <= MAX_HEADING_CHARS:
            wrapped += " " + text[lines[nj][0] : lines[nj][1]].strip()
            j = nj
        if j > k and len(wrapped) <= MAX_HEADING_CHARS and not _is_caps(rest):
            skip.update(range(k + 1, j + 1))
            found.append(Heading(style, number, _clean(wrapped), s + lead, lines[j][1], lines[j][1]))
            continue
        heading, content_at = _split_label(rest)
        if j > k:
            heading, content_at = _split_label(wrapped)
            if not heading or content_at is None or content_at > len(rest):
                continue  # a wrapped numbered paragraph, not a heading
        if not heading:
            continue  # a numbered paragraph, not a heading
        if style == "STAR" and len(rest) > MAX_HEADING_CHARS and content_at is None:
            continue
        h_end = rest_start + len(heading) if content_at is None else rest_start + content_at
        body_start = e if content_at is None else rest_start + content_at
        text_end = rest_start + len(heading.rstrip())
        if content_at is None and _is_caps(heading):
            # a caps heading can wrap, even mid-word (`... THỰC HIỆN C` / `ÔNG TÁC ...`)
            j = k + 1
            while j < len(lines):
                nt = text[lines[j][0] : lines[j][1]].strip()
                if not nt or not _is_caps(nt) or _heading_match(nt) or len(nt) > 120:
                    break
                glue = "" if re.search(r"\s[A-ZĐ]$", heading.rstrip()) else " "
                heading = heading.rstrip() + glue + nt
                text_end = body_start = lines[j][0] + len(text[lines[j][0] : lines[j][1]].rstrip())
                skip.add(j)
                j += 1
        found.append(Heading(style, number, _clean(heading), s + lead, text_end, body_start))
    return found


_RESULTS = re.compile(r"kết quả|tình hình|đã đạt|đạt được|đầu năm|sơ kết|tổng kết", re.I)
_TASKS = re.compile(
    r"phương hướng|giải pháp|nhiệm vụ trọng tâm|nhiệm vụ chủ yếu|nhiệm vụ.*(?:cuối năm|thời gian tới|năm tới)|"
    r"kế hoạch.*(?:cuối năm|thời gian tới)",
    re.I,
)
_CAUSES = re.compile(r"nguyên nhân", re.I)
_LIMITS = re.compile(r"hạn chế|tồn tại|yếu kém|khó khăn|vướng mắc|bất cập", re.I)
_LESSONS = re.compile(r"bài học", re.I)
_PROPOSALS = re.compile(r"kiến nghị|đề xuất", re.I)
_PREAMBLE = re.compile(r"đặc điểm", re.I)


def _own_role(heading: str, top: bool) -> Role | None:
    """The role a heading states itself, or None to inherit."""
    if _LIMITS.search(heading):
        return "limitations"
    if _CAUSES.search(heading):
        return "causes"
    if _LESSONS.search(heading):
        return "lessons"
    if _PROPOSALS.search(heading) and not _RESULTS.search(heading):
        return "proposals"
    if top:
        if _RESULTS.search(heading) and not re.search(r"phương hướng|nhiệm vụ trọng tâm", heading, re.I):
            return "results"
        if _TASKS.search(heading) or re.match(r"nhiệm vụ", heading, re.I):
            return "tasks"
        if _PREAMBLE.search(heading):
            return "preamble"
        return None
    if re.search(r"phương hướng|nhiệm vụ trọng tâm|giải pháp chủ yếu", heading, re.I):
        return "tasks"
    return None


def split_sections(text: str) -> Layout:
    """Find the header, the heading tree and the closing block of a normalized report."""
    lines = line_spans(text)
    body_start = find_header_end(text, lines)
    headings = _find_headings(text, lines, body_start, len(text))
    numbered = [h.end for h in headings if h.style not in ("CAPS", "STAR")]
    body_end = find_closing_start(text, lines, max(numbered, default=body_start))
    headings = [h for h in headings if h.start < body_end]
    footnotes = [(s, e) for s, e in lines if body_start <= s and FOOTNOTE_LINE.match(text[s:e].strip())]

    sections: list[Section] = []
    body_starts: dict[str, int] = {}
    stack: list[tuple[str, Section]] = []  # (style, section)
    prev_end = -1
    for n, h in enumerate(headings, start=1):
        style = h.style
        summary = style in ("STAR", "CAPS") and bool(_SUMMARY.search(h.heading))
        if style == "PART":
            stack.clear()
        elif summary:
            keep = 1 if stack and stack[0][0] in ("PART", "ALPHA") else 0
            del stack[keep:]
        elif style.startswith("DOTTED") and h.number:
            parent_num = h.number.rsplit(".", 1)[0]
            pos = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][1].number == parent_num), None)
            if pos is not None:
                del stack[pos + 1 :]
            elif any(st == style for st, _ in stack):
                del stack[[st for st, _ in stack].index(style) :]
        elif any(st == style for st, _ in stack):
            pos = max(i for i, (st, _) in enumerate(stack) if st == style)  # the innermost list of this style
            restart = (
                pos == len(stack) - 1
                and h.number in ("1", "a", "I")
                and stack[pos][1].number not in (None, "1", "a", "I")
                and prev_end == h.start
            )
            if not restart:
                del stack[pos:]
        parent = stack[-1][1] if stack else None
        level = len(stack) + 1
        role = _own_role(h.heading, parent is None) or (parent.role if parent else "other")
        sector: Sector | None = None
        if style not in ("PART", "ALPHA"):  # parts span every sector
            sector = heading_sector(h.heading)
        if sector is None and parent is not None:
            sector = parent.sector
        sec = Section(
            id=f"s{n}",
            parent_id=parent.id if parent else None,
            number=h.number,
            heading=h.heading,
            level=level,
            role=role,
            sector=sector,
            start=h.start,
            end=body_end,
            heading_start=h.start,
            heading_end=h.end,
        )
        sections.append(sec)
        body_starts[sec.id] = h.body_start
        stack.append((style, sec))
        prev_end = _next_line_start(text, h.body_start)
    _close_spans(sections, body_end)
    return Layout(text, sections, body_start, body_end, footnotes, body_starts)


def _next_line_start(text: str, pos: int) -> int:
    """Start of the line holding the next non-blank character after `pos`."""
    m = re.compile(r"\S").search(text, pos)
    return text.rfind("\n", 0, m.start()) + 1 if m else len(text)


def _close_spans(sections: list[Section], body_end: int) -> None:
    """A section ends where the next section at the same or a higher level begins."""
    for k, sec in enumerate(sections):
        end = body_end
        for later in sections[k + 1 :]:
            if later.level <= sec.level:
                end = later.start
                break
        sec.end = max(end, sec.heading_end or sec.start)
