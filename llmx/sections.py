"""Split a normalized report into its heading tree (SPEC section 3). Pure: no I/O.

The numbering decides the tree, not markdown levels or indentation: each numbering style
(`PHẦN THỨ`, `A.`, `I.`, `1.`, `1.1.`, `a)`, `*`, ALL-CAPS lines) takes the depth at which it
first appears (a style stack). The header block (quốc hiệu, Số, date line, title) and the
closing block (closing formula, Nơi nhận, signature) are recognised and kept out of the tree.
Which lines are headings is `headings.py`; what each part is for, `roles.py`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from llmx.annexes import find_annexes
from llmx.contract import Section, Sector
from llmx.grids import Grid, read_grid
from llmx.header_block import find_header_end
from llmx.headings import Heading, find_headings
from llmx.normalize import line_spans
from llmx.read.model import Table
from llmx.roles import ACTED_ON, DIRECTED, section_role
from llmx.sectors import heading_sector
from llmx.vn import ANNEX, FOOTNOTE_LINE, NOI_NHAN, SIGN_TITLE_LINE

_FORM = re.compile(r"^(?:BIỂU|Biểu)\b")  # a form of an appendix (`Biểu mẫu 1`, `Biểu số 02`)
# `PHỤ LỤC PHÂN CÔNG THỰC HIỆN NHIỆM VỤ`, `DANH MỤC NHIỆM VỤ ... GIAO CÁC SỞ`: the plan's work, by body
_ASSIGNS_WORK = re.compile(r"phân công\s+(?:thực hiện\s+|triển khai\s+)?(?:các\s+)?nhiệm vụ|danh mục nhiệm vụ", re.I)
_SUMMARY_OF_DONE = re.compile(r"kết quả|tình hình|đã thực hiện", re.I)
_PLAN_TITLE = re.compile(r"^[ \t]*KẾ\s+HOẠCH[ \t]*$", re.M)  # the header names the document a plan
_SUMMARY = re.compile(r"đánh giá chung|hạn chế|tồn tại|yếu kém|nguyên nhân|bài học|kiến nghị|đề xuất", re.I)


@dataclass(frozen=True)
class PlacedTable:
    """A data table of the document, where it sits in the heading tree, and its grid."""

    id: str  # `tb1`, `tb2`, ... in document order
    section_id: str | None  # the innermost section holding the table (None: outside every section)
    grid: Grid

    @property
    def table(self) -> Table:
        return self.grid.table


_COVER = 1500  # a body without parts shorter than this is a cover letter for its appendix


@dataclass
class Layout:
    """The document's skeleton: header block, heading tree, closing block."""

    text: str
    sections: list[Section]
    body_start: int  # first character after the header block
    body_end: int  # first character of the closing block (or len(text))
    footnotes: list[tuple[int, int]] = field(default_factory=list)  # footnote body lines
    body_starts: dict[str, int] = field(default_factory=dict)  # section id -> own text start
    tables: list[PlacedTable] = field(default_factory=list)  # data tables, in document order
    _starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    _by_id: dict[str, Section] = field(default_factory=dict, init=False, repr=False, compare=False)

    def own_spans(self) -> list[tuple[Section | None, int, int]]:
        """Each section's own text (heading excluded, children excluded), plus untitled intro text."""
        spans: list[tuple[Section | None, int, int]] = []
        first = self.sections[0].start if self.sections else self.body_end
        if first > self.body_start:
            spans.append((None, self.body_start, first))
        for k, sec in enumerate(self.sections):
            last = self.body_end if sec.start < self.body_end else sec.end  # an appendix runs to its own end
            nxt = self.sections[k + 1].start if k + 1 < len(self.sections) else last
            start = self.body_starts.get(sec.id, sec.heading_end or sec.start)
            end = min(nxt, sec.end) if nxt > start else sec.end
            if end > start:
                spans.append((sec, start, end))
        return spans

    def body_spans(self) -> list[tuple[Section | None, int, int]]:
        """`own_spans` of the report's body: an appendix after the signature holds data (its tables
        and the documents they cite), not the report's own tasks, limitations or proposals; unless the
        body is only a cover letter (no part of its own, a few lines): then the appendix is the report."""
        cover = self._cover_letter()
        return [span for span in self.own_spans() if cover or span[1] < self.body_end]

    def work_spans(self) -> list[tuple[Section | None, int, int]]:
        """`body_spans` and then the appendices that assign work (`PHỤ LỤC PHÂN CÔNG THỰC HIỆN NHIỆM
        VỤ`): their rows are the plan's tasks, though they stand after the signature."""
        cover = self._cover_letter()
        return [
            s for s in self.own_spans() if cover or s[1] < self.body_end or (s[0] is not None and s[0].role == "tasks")
        ]

    def _cover_letter(self) -> bool:
        """Whether the body is only a cover letter for its appendix: no part of its own, a few lines."""
        return not any(sec.start < self.body_end for sec in self.sections) and self.body_end - self.body_start < _COVER

    def table_at(self, offset: int) -> PlacedTable | None:
        """The table whose span holds `offset` (its rows and the line breaks between them)."""
        return next((t for t in self.tables if t.table.start <= offset < t.table.end), None)

    def row_at(self, offset: int) -> tuple[PlacedTable, int] | None:
        """(table, row index) of the table row whose line holds `offset`."""
        placed = self.table_at(offset)
        if placed is None:
            return None
        k = next((k for k, r in enumerate(placed.table.rows) if r.start <= offset <= r.end), None)
        return None if k is None else (placed, k)

    def outline(self) -> list[str]:
        """The tree as `llmx sections` prints it: a line per section, each table under its section."""
        levels = {s.id: s.level for s in self.sections}
        entries: list[tuple[int, int, str]] = []
        for sec in self.sections:
            label = f"{sec.number}." if sec.number else "*"
            about = f"{sec.role}{', ' + sec.sector if sec.sector else ''}; {sec.end - sec.start} chars; {sec.id}"
            entries.append((sec.start, 0, f"{'  ' * (sec.level - 1)}{label} {sec.heading}  [{about}]"))
        for placed in self.tables:
            t, depth = placed.table, levels.get(placed.section_id or "", 0)
            size = f"{len(t.rows)} rows x {t.columns} cols"
            head = f", {placed.grid.header_rows} header" if placed.grid.header_rows else ""
            entries.append((t.start, 1, f"{'  ' * depth}[table {size}{head}; {placed.id}]"))
        return [line for _, _, line in sorted(entries)]

    def section_at(self, offset: int) -> Section | None:
        """Innermost section containing `offset`.

        Sections nest and are in document order, so the innermost one is the last to start at or
        before `offset` that still runs past it: bisect, then walk up its parents (called per item,
        so no scan of every section).
        """
        starts = self._index()
        k = bisect.bisect_right(starts, offset) - 1
        sec = self.sections[k] if k >= 0 else None
        while sec is not None and not (sec.start <= offset < sec.end):
            sec = self._by_id.get(sec.parent_id) if sec.parent_id else None
        return sec

    def lineage(self, section_id: str | None) -> list[Section]:
        """The section with this id and the sections holding it, innermost first (none for None)."""
        self._index()
        out: list[Section] = []
        sec = self._by_id.get(section_id) if section_id else None
        while sec is not None:
            out.append(sec)
            sec = self._by_id.get(sec.parent_id) if sec.parent_id else None
        return out

    def _index(self) -> list[int]:
        """The sections' starts, and `_by_id`, built once (again if the sections were replaced)."""
        if self._starts is None or len(self._starts) != len(self.sections):
            self._starts = [sec.start for sec in self.sections]
            self._by_id = {sec.id: sec for sec in self.sections}
        return self._starts


def _row_lines(lines: list[tuple[int, int]], tables: Sequence[Table]) -> frozenset[int]:
    """Indices of the lines that are table rows."""
    starts = [s for s, _ in lines]
    found: set[int] = set()
    for table in tables:
        for row in table.rows:
            k = bisect.bisect_right(starts, row.start) - 1
            found.update(range(max(k, 0), bisect.bisect_right(starts, row.end - 1)))
    return frozenset(found)


def split_sections(text: str, tables: Sequence[Table] = ()) -> Layout:
    """Find the header, the heading tree and the closing block of a normalized report.

    `tables` (the normalized document's tables) are placed in the tree; their row lines are
    never headings, so a table inside a section never splits it."""
    lines = line_spans(text)
    rows = _row_lines(lines, tables)
    body_start = find_header_end(text, lines)
    headings = find_headings(text, lines, body_start, len(text), rows)
    signed = _signature_before_annex(text, lines, body_start, rows)
    numbered = [h.end for h in headings if h.style not in _UNNUMBERED and h.start < signed]
    body_end = find_closing_start(text, lines, max(numbered, default=body_start))
    body_end = min(body_end, _annex_document_start(text, lines, body_start, body_end))
    headings = [h for h in headings if h.start < body_end]
    footnotes = [(s, e) for s, e in lines if body_start <= s and FOOTNOTE_LINE.match(text[s:e].strip())]

    sections: list[Section] = []
    body_starts: dict[str, int] = {}
    stack: list[tuple[str, Section]] = []  # (style, section)
    prev_end = -1
    seen: dict[str, int] = {}  # the level each numbering style first took
    after_tasks = False  # a task part has been seen: later untitled parts are not results
    plan = bool(_PLAN_TITLE.search(text[:body_start]))
    opening = text[body_start : headings[0].start].rstrip() if headings else ""
    # `... kết luận và chỉ đạo như sau:`, also when content items stand between it and the first heading
    directed = any(DIRECTED.search(line[-300:]) for line in opening.splitlines())
    for n, h in enumerate(headings, start=1):
        style = h.style
        summary = style in ("STAR", "CAPS") and bool(_SUMMARY.search(ACTED_ON.sub(" ", h.heading)))
        if style == "PART":
            stack.clear()
        elif summary:
            keep = 1 if stack and stack[0][0] in ("PART", "CHAPTER", "ALPHA") else 0
            del stack[keep:]
        elif style.startswith("DOTTED") and h.number:
            parent_num = h.number.rsplit(".", 1)[0]
            pos = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][1].number == parent_num), None)
            if pos is not None:
                del stack[pos + 1 :]
            elif any(st == style for st, _ in stack):
                del stack[[st for st, _ in stack].index(style) :]
            else:  # `1.6.` after `1.5.2.` whose `1.5.` is no section: never the child of a deeper number
                depth = h.number.count(".")
                while stack and stack[-1][0].startswith("DOTTED") and (stack[-1][1].number or "").count(".") >= depth:
                    stack.pop()
        elif style in _ABOVE_LETTERS and stack and stack[-1][0] == "LOWER" and not any(st == style for st, _ in stack):
            del stack[[st for st, _ in stack].index("LOWER") :]  # `a)`, `b)` then `1.`: a letter list holds no numbers
        elif not any(st == style for st, _ in stack) and _back_to(stack, seen.get(style)):
            del stack[seen[style] - 1 :]  # `II.` after `ĐÁNH GIÁ CHUNG` / `* Hạn chế:`: back to the level of `I.`
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
        if h.number is not None:
            seen.setdefault(style, level)
        role = section_role(
            h.heading, parent.role if parent else None, after_tasks=after_tasks, directed=directed, plan=plan
        )
        after_tasks = after_tasks or (parent is None and role == "tasks")
        sector: Sector | None = None
        if parent is not None:  # top-level parts span every sector
            sector = heading_sector(h.heading, parent.sector)
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
    _place_annexes(sections, body_starts, find_annexes(text, lines, body_end, rows), len(text))
    layout = Layout(text, sections, body_start, body_end, footnotes, body_starts)
    for n, table in enumerate(sorted(tables, key=lambda t: t.start), start=1):
        section = layout.section_at(table.start)
        layout.tables.append(PlacedTable(f"tb{n}", section.id if section else None, read_grid(text, table)))
    return layout


def _back_to(stack: list[tuple[str, Section]], level: int | None) -> bool:
    """Whether a numbered heading whose style first stood at `level` returns there: everything from
    that level down is unnumbered (a summary line such as `ĐÁNH GIÁ CHUNG` or `* Hạn chế:` that sits
    between `I.` and `II.`), so the next `II.` is its sibling, not its child."""
    return level is not None and len(stack) >= level and all(st in _UNNUMBERED for st, _ in stack[level - 1 :])


_UNNUMBERED = ("STAR", "CAPS", "TOPIC")
_CLOSING = re.compile(r"^(?:Trên đây là|Trên cơ sở .*\./\.\s*$|Nơi nhận\s*:?)", re.I)
# a letter that ends without `Trên đây` / `Nơi nhận`: its courtesy line (`Trân trọng./.`, `Kính trình
# UBND huyện xem xét, chỉ đạo./.`) or, failing that, its signature block opens the closing block
_COURTESY = re.compile(r"^(?:Trân\s+trọng\b.{0,40}|Kính\s+(?:trình|báo\s+cáo)\b.{0,200}\./\.)\s*$")


def find_closing_start(text: str, lines: list[tuple[int, int]], after: int) -> int:
    """Start of the closing block: the closing formula after the last numbered heading, or
    `Nơi nhận`, whichever comes first."""
    formula = [s for s, e in lines if s >= after and _CLOSING.match(text[s:e].strip())]
    noi_nhan = [s for s, e in lines if NOI_NHAN.match(text[s:e].strip())]
    candidates = formula[:1] + noi_nhan[-1:]
    if not candidates:
        courtesy = [s for s, e in lines if s >= after and _COURTESY.match(text[s:e].strip())]
        signature = [s for s, e in lines if s >= after and SIGN_TITLE_LINE.match(text[s:e].strip())]
        candidates = courtesy[:1] or signature[:1]
    return min(candidates) if candidates else len(text)


_ABOVE_LETTERS = ("ROMAN", "ARABIC", "DOTTED2", "DOTTED3")


def _signature_before_annex(text: str, lines: list[tuple[int, int]], body_start: int, rows: frozenset[int]) -> int:
    """Start of a signature line (`TM. ỦY BAN NHÂN DÂN`, `CHỦ TỊCH`) that an appendix follows: the
    numbered parts of the appendix (`I. Chỉ tiêu kinh tế`) are not the report's last part, so the
    closing block is looked for before them (len(text) when there is no such signature)."""
    sign = next(
        (
            s
            for k, (s, e) in enumerate(lines)
            if s >= body_start and k not in rows and SIGN_TITLE_LINE.match(text[s:e].strip())
        ),
        None,
    )
    if sign is None or not any(s > sign and ANNEX.match(text[s:e].strip()) for s, e in lines):
        return len(text)
    return sign


def _annex_document_start(text: str, lines: list[tuple[int, int]], body_start: int, body_end: int) -> int:
    """Where a document that is an appendix sent on its own (`Phụ lục` on its first line, no
    closing block) begins: all of it is the appendix (LABELING: a level-1 section, no number)."""
    if body_end < len(text):
        return body_end
    first = next(((s, e) for s, e in lines if s >= body_start and text[s:e].strip()), None)
    return first[0] if first and ANNEX.match(text[first[0] : first[1]].strip()) else body_end


def _place_annexes(sections: list[Section], body_starts: dict[str, int], annexes: list[Heading], end: int) -> None:
    """Appendices after the signature (LABELING.md): a `PHỤ LỤC` is a level-1 section with no
    number, the forms under it (`Biểu mẫu 1`, `Biểu số 02`) its children; a form with no
    appendix above it is a level-1 section of its own. Each runs to the next at its level. Their
    role is `results`: an appendix reports what was done, even when its title names tasks."""
    parent: Section | None = None
    first = annexes[0].start if annexes else end
    for h in annexes:
        form = bool(_FORM.match(h.heading))
        if not form:
            parent = None
        under = parent if form else None
        sec = Section(
            id=f"s{len(sections) + 1}",
            parent_id=under.id if under else None,
            number=None,
            heading=h.heading,
            level=2 if under else 1,
            # data, whatever its title names (`KẾT QUẢ THỰC HIỆN NHIỆM VỤ ...`), except a table assigning work
            role="tasks" if _ASSIGNS_WORK.search(h.heading) and not _SUMMARY_OF_DONE.search(h.heading) else "results",
            start=h.start,
            end=end,
            heading_start=h.start,
            heading_end=h.end,
        )
        for prev in sections:  # the open annex sections at this level or below end here
            if prev.start >= first and prev.end == end and prev.level >= sec.level:
                prev.end = h.start
        sections.append(sec)
        body_starts[sec.id] = h.body_start
        if not form:
            parent = sec


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
