"""Indicators by rule (SPEC 4): the figures an analyst would put in a spreadsheet.

A figure is an indicator value when a unit follows it (`units.py`), when it is a percentage
that is not a comparison (`tỷ lệ thu gom rác thải đạt 70%`), or when it is a ratio with no value
(`Trồng cây nhân dân đạt 80% KH` -> value null, one comparison). Comparisons, an `x/y` target and
a plan in parentheses attach to the figure they follow (`comparisons.py`). Everything else that
contains digits is dropped: dates, years and terms, ordinals and names (`lớp 8`, `Quốc lộ 10`,
`Cụm thi đua số 1`), document numbers, ages and time spans (`dưới 05 tuổi`, `6 tháng`), quoted
titles, footnote anchors, ranges, and figures in a `phấn đấu ...` clause (next-period targets).

Names are the document's words before the figure (trailing verbs such as `đạt`, `là`, `ước`
and an `đến 20/02/2023` removed), plus the counted noun and the words after it when they say what
is counted (`Cấp 1027 căn cước công dân` -> `Cấp căn cước công dân`). The quote runs from the name
through the last comparison.

Decisions the SPEC leaves open (kept consistent across the corpus):
* A share after a count, `37 hộ nghèo chiếm 1,87%`, gives two indicators with the same name:
  the count (37, `hộ nghèo`) and the share (1.87, `%`), whose quote runs from the count's name
  through the percentage. A share with no count before it (`tỷ lệ nợ quá hạn chiếm 0,28%`) is one
  indicator with unit `%`.
* `đạt X%` after a figure with no basis written gives basis `other` and `basis_text` ``;
  `đạt tỷ lệ X%` gives `basis_text` `tỷ lệ`. With no figure before it, `đạt X%` is the value.
* Counts of indicators or criteria (`08/10 chỉ tiêu ... đạt và vượt trên 50% KH năm`) keep the
  threshold in their name and get no comparison; a threshold with no count (`các chỉ tiêu cơ bản
  đều đạt và vượt 50% kế hoạch năm`) is not an indicator.
* `as_of` is null when the date has no year (`đến ngày 30/6`): the year is never guessed.
* Breakdown children (`trong đó`, `gồm`, `Bao gồm`, a parenthesis of same-unit parts, a footnote
  `² Bao gồm: ...`) are named `parent - child`; they inherit the parent's `as_of` and `estimated`,
  and a bare child count (`khiển trách 21`) the parent's unit. Two lists of one total (`trong đó`
  by level, `Bao gồm` by type) are both children of that total, never chained.
* A total that closes its paragraph with `trong đó:`/`gồm:` heads the same-unit figures of the bullet lines
  one level below it (`- Tổng ... 3.420 ha, trong đó:` / `+ Cây lúa: 2.150 ha`); a `;` clause of another
  subject with no figure before a `trong đó` heads its parts by its words. A note that leaves a part out
  (`(không bao gồm ... 3.438 triệu đồng)`, `chưa kể`) is no breakdown; a figure right after it is named by
  the words before the note.
* A plan written as a figure before the result that meets it, with a rate equal to result/plan
  (`Kế hoạch vốn ... là 240 tỷ đồng; đã giải ngân 174 tỷ đồng; đạt tỷ lệ 72,5%`), is that result's target.
* Figures in a parenthesis after plain words share those words: `chi trả ... Hợp Hưng (12 hộ,
  số tiền là 1,01 tỷ đồng)` -> `... Hợp Hưng` (12 hộ) and `... Hợp Hưng - số tiền` (1.01).
* A figure restated from an earlier section (same figure, most of its words nearby) is dropped,
  so a summary block does not count a result twice.
* `sector`: the paragraph's label (`- Sản xuất nông nghiệp: ...`, `- Ngành Công an, ...`), else
  a specific cue in the indicator's own name, else a neighbour's in the same sentence, else the
  section's sector; a general-economy answer gives way to any more specific one; `other` last. A later
  sentence of a labelled paragraph that opens on a topic of its own (`Về công nghiệp, ...`) takes the
  label's place from there on.
Pure: no I/O.
"""

from __future__ import annotations

import re

from llmx.contract import Indicator, Sector
from llmx.rules.across_paragraphs import (
    bare_sentences,
    elided_bullet_basis,
    join_next_paragraph,
    named_in_lines_before,
)
from llmx.rules.breakdowns import bullet_of, finish, link_breakdowns, link_listed_parts, listed_total
from llmx.rules.compared_figures import merge_restated_changes
from llmx.rules.figures import read_paragraph
from llmx.rules.name_start import DIGIT
from llmx.rules.paragraphs import (
    OPEN_END,
    Item,
    Para,
    footnote_anchor,
    paragraph_spans,
    sector_of_label,
)
from llmx.rules.restatements import FigureIndex, is_restatement, restates_a_row
from llmx.rules.steps import name_series_steps
from llmx.sectors import detect_sector
from llmx.vn import TABLE_ROW

_GENERAL: Sector = "economy_general"
_GENERAL_CUES = re.compile(
    r"giá\s+trị\s+sản\s+xuất|kinh\s+tế|tăng\s+trưởng|cơ\s+cấu|thu\s+nhập|thống\s+kê", re.IGNORECASE
)


def find_indicators(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    sector: Sector | None = None,
    figures: FigureIndex | None = None,
) -> list[Indicator]:
    """Indicators in `text[start:end]` (one section's own body), with absolute offsets.

    Ids and section ids are left for the caller. `sector` is the section's sector; a paragraph
    label or the indicator's own name may override it. `figures` indexes the document's figures
    for recognising restatements; pass one per document when calling section by section.
    """
    end = len(text) if end is None else min(end, len(text))
    items: list[Item] = []
    label_sector: Sector | None = None
    label_strong = True
    continues = False
    listed: tuple[Item, str | None] | None = None  # a total whose list runs on in the bullets under it
    before: tuple[list[Item], str | None] = ([], None)  # the figures of the paragraph before, and its bullet
    recent: list[Item] = []  # the figures of the lines of figures just before (a run with no line between)
    for ps, pe in paragraph_spans(text, start, end):
        bullet = bullet_of(text, ps, pe)
        previous, before = before, ([], bullet)
        if listed is not None and (bullet is None or bullet == listed[1]):
            listed = None  # the list ended: a paragraph at the lead's own level or not a bullet
        if not continues and not text[ps:pe].lstrip()[0].islower():
            label_sector, label_strong = sector_of_label(text, ps, pe)
        # a paragraph cut by a page break (`... các xã Kim Thái,` / `Tân Khánh, ...`) keeps its label
        continues = not OPEN_END.search(text, ps, pe)
        if not DIGIT.search(text, ps, pe) or TABLE_ROW.search(text, ps, pe):
            recent = []
            continue  # no figure, or a table row: table rows are read as tables, not as prose
        para_sector, parent = sector, None
        anchor = footnote_anchor(text, ps, pe)
        if anchor is not None:  # a footnote body belongs with the sentence that cites it
            para_sector, parent = _anchor_context(text, anchor, sector)
        para = Para(text, ps, pe, para_sector, label_sector, label_strong)
        found = read_paragraph(para)
        merge_restated_changes(para, found)
        bare_sentences(para, found)
        join_next_paragraph(previous[0], para, found)
        named_in_lines_before(recent, para, found)
        elided_bullet_basis(previous[0], found, bullet is not None and bullet == previous[1])
        before, recent = (found, bullet), [*recent, *found][-12:]
        name_series_steps(found)
        link_breakdowns(para, found, outer_parent=parent)
        if listed is not None:
            link_listed_parts(para, found, listed[0])
        else:
            listed = listed_total(para, found)
        for item in found:
            finish(item)
        _assign_sectors(para, found)
        items.extend(found)
    figures = figures if figures is not None else FigureIndex(text)
    return [
        _indicator(text, it)
        for it in items
        if not is_restatement(figures, start, (it.quote_start, it.end), it.num_start, it.core)
        and not restates_a_row(figures, start, (it.quote_start, it.end), it.num_start)
    ]


def _anchor_context(text: str, anchor: int, sector: Sector | None) -> tuple[Sector | None, Item | None]:
    """Sector of the citing paragraph, and the figure a footnote breaks down (`136 hồ sơ²`)."""
    ls = text.rfind("\n", 0, anchor) + 1
    le = text.find("\n", anchor)
    le = len(text) if le == -1 else le
    para = Para(text, ls, le, sector, *sector_of_label(text, ls, le))
    found = para.label_sector or detect_sector(text[para.sentence_start(anchor) : anchor]) or sector
    items = read_paragraph(para)
    link_breakdowns(para, items)
    for item in items:
        finish(item)
    cited = [it for it in items if it.end <= anchor and it.sentence == para.sentence_of(anchor)]
    return found, (cited[-1] if cited else None)


def _assign_sectors(para: Para, items: list[Item]) -> None:
    """Label, then the name's own cue, then a sentence-mate's cue, then the section's sector.

    A general-economy answer (`Về thực hiện nhiệm vụ phát triển kinh tế xã hội:`) gives way to
    any more specific one.
    """
    mate: dict[int, Sector] = {}
    last: Sector | None = None
    topics = _sentence_topics(para, max((it.sentence for it in items), default=0))
    generic: dict[int, Sector] = {}
    for item in items:
        if (cue := detect_sector(item.name)) is not None and cue != _GENERAL:
            generic.setdefault(item.sentence, cue)
    for item in items:
        own = _name_sector(item.name)
        specific = own if own != _GENERAL else None
        if specific is None and item.parent is not None and item.parent.sector != "other":
            specific = item.parent.sector
        label = topics.get(item.sentence, para.label_sector)
        weak_label = label is not None and not para.label_strong and item.sentence not in topics
        # the words that open the item's sentence name its topic (`Công tác cải cách hành chính được đẩy
        # mạnh, tỷ lệ hồ sơ ...`) when the name says nothing
        opening = None
        if own is None and detect_sector(item.name) is None:  # not even a generic cue (`doanh nghiệp`)
            s0 = max(para.sentence_start(item.quote_start), item.quote_start - _OPENING_CHARS)
            opening = detect_sector(para.text[s0 : item.quote_start], strong_only=True)
        # a label in generic words (`- Các dữ liệu khác: ...`) gives way to the item's own cue; neither a
        # sentence-mate's, the sentence opening's nor an earlier sentence's sector outranks a name that says
        # general economy (`Tốc độ tăng trưởng`, `thu nhập bình quân đầu người`)
        order = (
            None if weak_label else label,
            specific,
            label if weak_label else None,
            None if own == _GENERAL else mate.get(item.sentence),
            opening,
            para.sector,
            None if own == _GENERAL else last,
            own,
        )
        found = [c for c in order if c is not None]
        chosen = next((c for c in found if c != _GENERAL), found[0] if found else None)
        # `..., số doanh nghiệp thành lập mới tăng 22; vốn đăng ký tăng 15,3%`: a sentence-mate's generic cue
        # before `other`
        item.sector = chosen or detect_sector(item.name) or generic.get(item.sentence) or "other"
        if specific is not None:
            mate[item.sentence] = last = specific


_OPENING_CHARS = 80  # the clause just before the figure, not a long sentence's far beginning
_TOPIC_WORDS = 8  # a sentence's topic is named in its first words (`Về đất đai, ...`, `Công an xã tiếp nhận ...`)
_CLAUSE_END = re.compile(r"[,:;(]")


def _sentence_topics(para: Para, last: int) -> dict[int, Sector]:
    """`- Sản xuất nông nghiệp: ... Về công nghiệp, giá trị sản xuất ...`: a later sentence of a labelled paragraph
    that opens on a topic of its own (a specific cue in its first words) changes the paragraph's topic from there
    on, until a sentence opens on another; {sentence: its topic} for the sentences the label no longer covers."""
    label = para.label_sector
    if label is None or label == _GENERAL:
        return {}  # a general label gives way to any specific cue already
    text, topics, current = para.text, {}, None
    for k in range(para.sentence_of(para.start) + 1, last + 1):
        start = para.sentence_ends[k - 1]
        clause = _CLAUSE_END.search(text, start, para.end)
        words = text[start : clause.start() if clause else para.end].split()[:_TOPIC_WORDS]
        cue = detect_sector(" ".join(words), strong_only=True)
        if cue is not None and cue != _GENERAL:
            current = None if cue == label else cue
        if current is not None:
            topics[k] = current
    return topics


def _name_sector(name: str) -> Sector | None:
    """Strong sector cue of a name; `Giá trị sản xuất nông nghiệp` is agriculture, not general."""
    own = detect_sector(name, strong_only=True)
    if own == _GENERAL:
        return detect_sector(_GENERAL_CUES.sub(" ", name), strong_only=True) or own
    return own


_BARE_NAME_WORDS = 3


def _flags(item: Item) -> list[str]:
    """Reasons to doubt an item (README: flag vocabulary), in a stable order."""
    flags = list(item.flags)
    if item.bare_name and item.parent is None and len(item.name.split()) <= _BARE_NAME_WORDS:
        flags.append("name_fallback")  # only its counted noun names it (`05 trường`)
    if item.value is not None and item.unit is None and "unit_missing" not in flags:
        flags.append("unit_missing")
    if any(c.basis == "other" and not c.basis_text for c in item.comparisons):
        flags.append("basis_unstated")
    return flags


def _indicator(text: str, item: Item) -> Indicator:
    return Indicator(
        id="",
        section_id=None,
        name=item.name,
        value=item.value,
        unit=item.unit,
        target=item.target,
        comparisons=item.comparisons,
        estimated=item.estimated,
        approx=item.approx,
        as_of=item.as_of,
        sector=item.sector,
        quote=text[item.quote_start : item.end],
        start=item.quote_start,
        end=item.end,
        flags=_flags(item),
    )
