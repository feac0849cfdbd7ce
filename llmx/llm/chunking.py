"""Which text goes into which request: split long sections, pack small ones. Pure.

Tokens are counted by `llmx.llm.tokens.count_tokens` (see there for which tokenizer).

Everything that can hold an item is sent: each section's own text *with its heading line*
(`II. Về văn hóa - xã hội: tỷ lệ hộ văn hóa đạt 95%` carries a figure, and a numbered content
line the splitter took for a heading carries whole items), the text before the first heading,
the title lines under `BÁO CÁO` (a title may cite a document), the closing paragraph
(`Trên đây là ...`, `Trên cơ sở ...`, which may hold a task or a request), the footnotes after
the signature and the annexes after it (from a `PHỤ LỤC`/`Biểu mẫu` heading to the end of the
text, or, without such a heading, each table standing there). Only the header block's other
lines, `Nơi nhận` and the signature are not.

Packing puts consecutive small sections that want the same items (with section@v2 all of them
do; section@v1 kept task sections apart) into one request, up to PACK_TOKENS of text: the
instructions and schema cost about 2,400 tokens per request, more than most sections' own text.
Splitting keeps whole lines (each report line is a paragraph or bullet), falls back to sentence
ends and then to spaces only when one line alone exceeds the budget, and repeats the previous
chunk's last short line at the start of the next one so a breakdown (`trong đó: ...`) keeps its
parent; the caller deduplicates items found twice in that overlap.

Tables go as tables: a row is one line (`cell | cell | cell`) and is never cut, however long. When
a table is split across requests, each later chunk is sent with the table's header rows on top
(`repeated_header`), so the model can read the columns; the header is context only: answers are
grounded in the chunk's own span, and a quote that starts with the repeated header lines is
grounded on the rows after them (`without_repeated_header`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from llmx.contract import Section
from llmx.llm.tokens import CHARS_PER_TOKEN, count_tokens
from llmx.normalize import line_spans
from llmx.sections import Layout
from llmx.vn import ANNEX, NOI_NHAN, TITLE_MARK, is_caps

MIN_CHARS = 12  # text shorter than this (a bare heading, blank lines) is not sent
CLOSING_CHARS = 1500  # at most this much of the closing paragraph is sent
PACK_TOKENS = 1500  # pack small neighbouring sections up to this many text tokens per request
OVERLAP_SHARE = 0.15  # the repeated line may use at most this share of the budget

_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9+\-])")


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Non-blank lines of text[start:end] as absolute spans, each with its trailing newline."""
    spans: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl + 1
        if text[pos:stop].strip():
            spans.append((pos, stop))
        elif spans:  # blank lines stay with the line before them: chunks stay contiguous
            spans[-1] = (spans[-1][0], stop)
        pos = stop
    return spans


def _pieces(text: str, start: int, end: int, budget: int) -> list[tuple[int, int]]:
    """Split one over-long line at sentence ends, then at spaces, into pieces within budget."""
    cuts = [m.start() for m in _SENTENCE_END.finditer(text, start, end)]
    pieces, pos = [], start
    for cut in [*cuts, end]:
        pieces.append((pos, cut))
        pos = cut
    out: list[tuple[int, int]] = []
    for s, e in pieces:
        while count_tokens(text[s:e]) > budget:
            limit = s + int(budget * CHARS_PER_TOKEN * 0.9)
            space = text.rfind(" ", s + 1, limit)
            cut = space if space > s else limit
            out.append((s, cut))
            s = cut
        if e > s:
            out.append((s, e))
    return out


def split_span(text: str, start: int, end: int, max_tokens: int, rows: Collection[int] = ()) -> list[tuple[int, int]]:
    """Chunks of text[start:end] of at most `max_tokens` each, on line boundaries when possible.

    Consecutive chunks may overlap by one short line (see module docstring). A line starting at
    one of `rows` (a table row) is never cut, even when it alone is over the budget.
    """
    if count_tokens(text[start:end]) <= max_tokens:
        return [(start, end)]
    units: list[tuple[int, int]] = []
    for s, e in _lines(text, start, end) or [(start, end)]:
        too_long = s not in rows and count_tokens(text[s:e]) > max_tokens
        units.extend(_pieces(text, s, e, max_tokens) if too_long else [(s, e)])
    chunks: list[tuple[int, int]] = []
    cur_start, cur_end, last = units[0][0], units[0][1], units[0]
    for s, e in units[1:]:
        if count_tokens(text[cur_start:e]) <= max_tokens:
            cur_end, last = e, (s, e)
            continue
        chunks.append((cur_start, cur_end))
        short = count_tokens(text[last[0] : last[1]]) <= max_tokens * OVERLAP_SHARE
        cur_start = last[0] if short and count_tokens(text[last[0] : e]) <= max_tokens else s
        cur_end, last = e, (s, e)
    chunks.append((cur_start, cur_end))
    return chunks


def halve(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """Two halves of text[start:end] cut at the line (else sentence) boundary nearest the middle.

    Used when a model's answer was truncated (`finish_reason=length`): each half needs about half
    the answer. None when the span holds a single sentence and cannot be cut sensibly.
    """
    middle = (start + end) // 2
    lines = _lines(text, start, end)
    cuts = [s for s, _ in lines[1:]]
    if not cuts:
        cuts = [m.start() for m in _SENTENCE_END.finditer(text, start, end) if text[start : m.start()].strip()]
    if not cuts:
        return None
    cut = min(cuts, key=lambda c: abs(c - middle))
    return [(start, cut), (cut, end)]


@dataclass
class Block:
    section: Section | None
    start: int
    end: int
    label: str = ""  # what text outside the sections is: title, preamble, closing, footnote


@dataclass
class Job:
    """One request's worth of text: one or more consecutive blocks with the same wanted items."""

    blocks: list[Block]
    wanted: tuple[str, ...]

    @property
    def start(self) -> int:
        return self.blocks[0].start

    @property
    def end(self) -> int:
        return self.blocks[-1].end

    @property
    def section_ids(self) -> list[str]:
        return [b.section.id for b in self.blocks if b.section is not None]


def _gated(role: str | None, kinds: Sequence[str]) -> tuple[str, ...]:
    """section@v1's role-gated asking: tasks only in task sections, figures only outside them."""
    wanted = ("tasks", "references") if role == "tasks" else ("indicators", "limitations", "references")
    return tuple(k for k in kinds if k in wanted)


def repeated_header(layout: Layout, start: int) -> tuple[int, int] | None:
    """The header rows of the table a chunk starting at `start` cuts into (None: no table is cut)."""
    placed = layout.table_at(start)
    header = placed.grid.header_span() if placed is not None else None
    return header if header is not None and start >= header[1] else None


def without_repeated_header(text: str, layout: Layout, job: Job, quote: str) -> str:
    """`quote` without the repeated header lines it starts with (they are not in the job's span);
    otherwise unchanged (a row's trailing space, after an empty last cell, is part of the row)."""
    lines = quote.split("\n")
    header = {
        " ".join(line.split())
        for b in job.blocks
        if (span := repeated_header(layout, b.start)) is not None
        for line in text[span[0] : span[1]].split("\n")
    }
    while len(lines) > 1 and " ".join(lines[0].split()) in header:
        lines.pop(0)
    return "\n".join(lines)


def _header_tokens(text: str, layout: Layout, start: int, end: int) -> int:
    """The most tokens a repeated table header adds to a chunk of text[start:end]."""
    spans = [p.grid.header_span() for p in layout.tables if start <= p.table.start < end]
    return max((count_tokens(text[h[0] : h[1]]) for h in spans if h is not None), default=0)


def _title_span(text: str, layout: Layout) -> tuple[int, int] | None:
    """The `BÁO CÁO` line and the title under it, up to the end of the header block."""
    head = text[: layout.body_start]
    for s, e in reversed(line_spans(head)):
        if TITLE_MARK.match(head[s:e].strip()):
            return s, layout.body_start
    return None


def _closing_span(text: str, layout: Layout) -> tuple[int, int] | None:
    """The closing paragraph: from the closing formula to `Nơi nhận` or the signature's caps lines."""
    start = layout.body_end
    end = start
    for s, e in line_spans(text[start : start + CLOSING_CHARS]):
        line = text[start + s : start + e].strip()
        if line and (NOI_NHAN.match(line) or is_caps(line, 4)):
            break
        end = start + e
    return (start, end) if end > start else None


def _annex_spans(text: str, layout: Layout) -> list[tuple[int, int]]:
    """What stands after the closing block and holds data: from an annex heading (`PHỤ LỤC`,
    `Biểu mẫu 1`) to the end of the text, else each table placed there."""
    tail = layout.body_end
    if any(sec.start >= tail for sec in layout.sections):
        return []  # the appendices are sections of their own (sections.py): sent with the others
    for s, e in line_spans(text[tail:]):
        if ANNEX.match(text[tail + s : tail + e].strip()):
            return [(tail + s, len(text))]
    return [(p.table.start, p.table.end) for p in layout.tables if p.table.start >= tail]


def text_spans(text: str, layout: Layout) -> list[Block]:
    """Every span of the document worth sending, in document order (see the module docstring)."""
    blocks: list[Block] = []
    if title := _title_span(text, layout):
        blocks.append(Block(None, *title, label="title"))
    for sec, s, e in layout.own_spans():
        if sec is None:
            blocks.append(Block(None, s, e, label="preamble"))
            continue
        head = sec.heading_start if sec.heading_start is not None else sec.start
        blocks.append(Block(sec, min(head, s), e))
    after: list[Block] = []
    if closing := _closing_span(text, layout):
        after.append(Block(None, *closing, label="closing"))
    annexes = [Block(None, s, e, label="annex") for s, e in _annex_spans(text, layout)]
    sent = [(b.start, b.end) for b in [*blocks, *after, *annexes]]
    notes = [(s, e) for s, e in layout.footnotes if s >= layout.body_end]
    after += [Block(None, s, e, label="footnote") for s, e in notes if not any(a <= s < b for a, b in sent)]
    return sorted(blocks + after + annexes, key=lambda b: b.start)  # appendix sections follow the closing block


def plan_jobs(
    text: str,
    layout: Layout,
    max_tokens: int,
    pack_tokens: int = PACK_TOKENS,
    *,
    kinds: Sequence[str] = ("indicators", "tasks", "limitations", "references", "proposals"),
    role_gated: bool = False,
) -> list[Job]:
    """Spans worth sending, split to `max_tokens` and packed up to `pack_tokens`.

    Each job asks for `kinds` (every kind the response model has), or, `role_gated` (v1), only
    the kinds the section's role suggests. A table row is never cut, and a chunk of a split table
    leaves room for the header rows repeated on top of it.
    """
    rows = {r.start for p in layout.tables for r in p.table.rows}
    blocks: list[Block] = []
    for span in text_spans(text, layout):
        s, e = span.start, span.end
        if len(text[s:e].strip()) < MIN_CHARS:
            continue
        budget = max(max_tokens - _header_tokens(text, layout, s, e), max_tokens // 2)
        blocks.extend(Block(span.section, cs, ce, span.label) for cs, ce in split_span(text, s, e, budget, rows))
    jobs: list[Job] = []
    for block in blocks:
        role = block.section.role if block.section else None
        wanted = _gated(role, kinds) if role_gated else tuple(kinds)
        last = jobs[-1] if jobs else None
        if last and last.wanted == wanted and count_tokens(text[last.start : block.end]) <= pack_tokens:
            last.blocks.append(block)
        else:
            jobs.append(Job([block], wanted))
    return jobs
