"""Breakdowns: the parts a total is split into (`trong đó`, `gồm`, `Bao gồm`, a parenthesis of
same-unit parts, a footnote `² Bao gồm: ...`), named `parent - child`, and what a child inherits
from its total. Pure.
"""

from __future__ import annotations

import re

from llmx.rules.name_start import trim
from llmx.rules.name_words import lc_first, opens_with_verb
from llmx.rules.naming import TOTAL_ONLY
from llmx.rules.paragraphs import Item, Para

_SOFT_HARD = re.compile(r"[;:()\[\]=]|\.(?=\s)")
# `(không bao gồm ...)`, `chưa kể ...` leave a part out of a total: no breakdown
_LEFT_OUT = re.compile(r"\s*(?:không|chưa)\s+(?:bao\s+gồm|kể|tính)(?!\w)", re.IGNORECASE)
_MARKER = re.compile(
    r"(?<!\w)(?:trong\s+đó(?:\s+có)?|(?<!không\s)bao\s+gồm|(?<!bao\s)gồm(?:\s+có)?)(?!\w)\s*:?\s*", re.IGNORECASE
)


_MARKS = " \t\n-+•*[]0123456789¹²³⁴⁵⁶⁷⁸⁹⁰"


_CONTEXT_OWN_WORDS = 5


def link_breakdowns(para: Para, items: list[Item], outer_parent: Item | None = None) -> None:
    """Attach `trong đó`/`gồm`/parenthesis children to their total."""
    scopes: list[tuple[int, int, Item]] = []  # (from, to, parent): children start inside
    for m in _MARKER.finditer(para.text, para.start, para.end):
        if not para.is_blocked(m.start()):
            scope = _marker_scope(para, items, m, scopes, outer_parent)
            if scope is not None:
                scopes.append(scope)
    for o, c in para.parens:
        if _LEFT_OUT.match(para.text, o + 1, c):
            continue  # `(không bao gồm nguồn Trung ương 3.438 triệu đồng)`: what the total leaves out
        # `1.235 hộ nghèo (chiếm 5,2%)`: the share of the count before it is no part of a breakdown
        inside = [it for it in items if o < it.num_start < c and not _share_of_before(items, it, o)]
        if inside:
            before = [it for it in items if it.reach <= o + 1 and it.sentence == para.sentence_of(o)]
            parent = _paren_parent(para.text, o, inside, before)
            if parent is not None:
                scopes.append((o, c, parent))
                _name_by_place(para, inside, c)
            else:
                _name_context_paren(para, o, inside, before)
    for it in items:
        containing = [sc for sc in scopes if sc[0] <= it.num_start < sc[1] and sc[2].num_start < it.num_start]
        if containing:
            it.parent = max(containing, key=lambda sc: sc[0])[2]
    for k, it in enumerate(items):  # a `Tổng số` after a lead-in heads the rest of its sentence
        if it.child_base != it.local and TOTAL_ONLY.fullmatch(it.own):
            for later in items[k + 1 :]:
                if later.sentence == it.sentence and later.parent is None:
                    later.parent = it
    _link_consequences(items)


# `Xảy ra 12 vụ tai nạn giao thông, làm chết 9 người, bị thương 8 người`: the toll of the incidents
_CONSEQUENCE = re.compile(
    r"(?:ước\s+(?:tính\s+)?)?(?:(?:làm|gây)\s+)?(?:người\s+)?(?:chết|tử\s+vong|bị\s+thương|mất\s+tích|thiệt\s+hại|hư\s+hỏng|sập)(?!\w)",
    re.IGNORECASE,
)


def _link_consequences(items: list[Item]) -> None:
    """Deaths, injuries and damage written right after a count of incidents (`vụ`) in the same
    sentence are that count's parts, named `incidents - toll`."""
    incident: Item | None = None
    for it in items:
        if it.unit == "vụ" and not _CONSEQUENCE.match(it.local):
            if it.parent is None or incident is None or it.sentence != incident.sentence:
                incident = it  # a part of the incidents (`(02 vụ cháy rừng)`) leaves their total the owner
        elif incident is None or it.sentence != incident.sentence or not _CONSEQUENCE.match(it.local):
            incident = None
        elif it.parent is None:
            it.parent = incident


def _marker_scope(
    para: Para,
    items: list[Item],
    m: re.Match[str],
    scopes: list[tuple[int, int, Item]],
    outer_parent: Item | None,
) -> tuple[int, int, Item] | None:
    """The total a `trong đó`/`gồm` breaks down, and how far its list runs."""
    sentence = para.sentence_of(m.start())
    before = [it for it in items if it.reach <= m.start() + 1]
    same = [it for it in before if it.sentence == sentence]
    parent = same[-1] if same else None
    if parent is not None and len(same) > 1 and parent.unit == "%" and parent.local == same[-2].local:
        parent = same[-2]  # `120 hộ (chiếm 2%), trong đó ...`: the count is broken down, not its share
    if parent is not None and (clause := _clause_between(para, parent.reach, m.start())) is not None:
        parent = clause  # `tăng trưởng đạt 8,6%; cơ cấu kinh tế chuyển dịch ..., trong đó ...`: another subject's parts
    if parent is None:  # `... 35,7 tỷ đồng. Bao gồm: ...`: a second list of the same total
        if para.text[para.sentence_start(m.start()) : m.start()].strip(_MARKS):
            return None
        roots = [
            it
            for it in before
            if it.sentence == sentence - 1 and not any(sc[0] <= it.num_start < sc[1] for sc in scopes)
        ]
        parent = _root_of(roots, items, m.end()) if roots else (outer_parent if sentence == 0 else None)
    if parent is None:
        return None
    if para.text.startswith("(", m.end()) and (p := para.paren_at(m.end() + 1)) is not None:
        return p[0], p[1], parent  # `đã xử lý 34 trong đó (...)`
    if (p := para.paren_at(m.start())) is not None:
        return m.start(), p[1], parent  # `(trong đó: Tiền sử dụng đất ...)`
    return m.start(), _list_end(para, items, m.end(), parent), parent


_CLAUSE_WORDS = 3


def _clause_between(para: Para, a: int, b: int) -> Item | None:
    """A `;` clause of its own words (a new subject, no figure) between a figure and a `trong đó`: the total
    its parts are named after (`số chưa thu trong đó có 13 tỷ đồng ...` -> `Số chưa thu - ...`)."""
    semi = para.text.rfind(";", a, b)
    words = trim(para.text[semi + 1 : b].split("(")[0], prep=True) if semi != -1 else ""
    if len(words.split()) < _CLAUSE_WORDS:
        return None
    clause = Item(None, None, semi + 1, b, semi + 1, words, para.sentence_of(b))
    clause.local = clause.child_base = words[:1].upper() + words[1:]
    return clause


def _root_of(roots: list[Item], items: list[Item], list_start: int) -> Item:
    """`... đón 215.000 lượt khách; doanh thu 164 tỷ đồng. Trong đó, khách quốc tế 9.600 lượt`: the total of the
    sentence before that counts what the first part counts, else that sentence's last figure."""
    first = next((it for it in items if it.num_start >= list_start), None)
    if first is not None and first.unit is not None:
        alike = [r for r in roots if _alike(r.unit, first.unit)]
        if alike:
            return alike[-1]
    return roots[-1]


def _alike(a: str | None, b: str | None) -> bool:
    """Units that count the same thing (`lượt` and `lượt khách`; any two amounts of money)."""
    if a is None or b is None:
        return False
    return _kind(a) == _kind(b) or a.split()[0] == b.split()[0]


def _list_end(para: Para, items: list[Item], list_start: int, parent: Item) -> int:
    """Where a `trong đó` list ends: its sentence's end, or a `;` after which the figures count
    something else (`trong đó xuất khẩu lao động 126 người; tổ chức 14 phiên giao dịch ...`)."""
    end = para.sentence_end(list_start)
    inside = [it for it in items if list_start <= it.num_start < end]
    kinds = {_kind(parent.unit), _kind(inside[0].unit)} if inside else {_kind(parent.unit)}
    nouns = bool(inside) and not _opens_with_verb(para.text[list_start : inside[0].num_start])
    for k in range(list_start, end):
        if para.text[k] == ";" and para.paren_at(k) == para.paren_at(list_start):  # not an inner list's `;`
            nxt = next((it for it in inside if it.num_start > k), None)
            if nxt is not None and _kind(nxt.unit) not in kinds and nxt.unit != "%":
                return k
            # `trong đó hồ sơ trực tuyến 1.602 hồ sơ; giải quyết đúng hạn 1.850 hồ sơ`: after parts named by nouns,
            # a clause that opens with an action verb is the total's next fact, not a part
            if nxt is not None and nouns and _opens_with_verb(para.text[k + 1 : nxt.num_start]):
                return k
    return end


_ASPECT = re.compile(r"\s*(?:(?:đã|đang|và)\s+)*", re.IGNORECASE)


def _opens_with_verb(words: str) -> bool:
    return opens_with_verb(words[_ASPECT.match(words).end() :].split())  # type: ignore[union-attr]


_MONEY = ("đồng", "tỷ", "tỉ", "usd")


def _kind(unit: str | None) -> str | None:
    """What a unit measures, for telling a list's parts from the next clause's figures (`14,9 tỷ` is money)."""
    return "money" if unit is not None and unit.endswith(_MONEY) else unit


def _share_of_before(items: list[Item], item: Item, opening: int) -> bool:
    """Whether `item` is the `%` share of the count that ends right before the parenthesis."""
    before = [it for it in items if it.num_start < opening and it is not item]
    return (
        bool(before)
        and item.unit == "%"
        and item.local == before[-1].local
        and item.quote_start == before[-1].quote_start
    )


# `5 vụ tai nạn (03 vụ trên quốc lộ, 02 vụ tại xã A)`: a part with no words of its own is named by its place
_PLACE_AFTER = re.compile(r"[ \t]+((?:trên|tại|ở|thuộc)[ \t]+[^,;()\d\n]{1,60}?)[ \t]*(?=[,;)])", re.IGNORECASE)


def _name_by_place(para: Para, inside: list[Item], close: int) -> None:
    for it in inside:
        if it.local.lower() not in ("", (it.unit or "").lower()):
            continue
        m = _PLACE_AFTER.match(para.text, it.end, close + 1)
        if m is not None and not any(it.end < other.num_start < m.end() for other in inside):
            it.local, it.end = " ".join(m.group(1).split()), m.end()


def _paren_parent(text: str, o: int, inside: list[Item], before: list[Item]) -> Item | None:
    """A figure right before a parenthesis of same-unit figures is their total."""
    if not before or inside[0].unit is None:
        return None
    if not text[before[-1].reach : o].strip(" \t\n,") and before[-1].unit == inside[0].unit:
        return before[-1]  # `cây màu 950 ha, đạt 100% KH (cây lạc 650 ha, ...)`
    same_unit = [it for it in before[-2:] if it.unit == inside[0].unit]
    parts = len(inside) > 1 and all(it.unit == inside[0].unit for it in inside)
    if same_unit and (inside[0].own or parts):
        # `tiếp nhận 11 đơn = 15 vụ việc (đã giải quyết 02 đơn, ...)`,
        # `mở 04 lớp cho 140 học viên (02 lớp may, 02 lớp chăn nuôi)`
        return same_unit[-1]
    return None


def _name_context_paren(para: Para, o: int, inside: list[Item], before: list[Item]) -> None:
    """Figures in a parenthesis after plain words share them: `chi trả ... (12 hộ, số tiền ...)`."""
    text = para.text
    gap = text[before[-1].reach : o] if before else ""
    if before and (not gap.strip() or (len(gap.split()) <= 3 and len(gap) < 14)):
        base, base_start = trim(before[-1].words, prep=True) or before[-1].local, before[-1].quote_start
    else:
        floor = before[-1].reach if before else para.start
        b = floor
        for m in _SOFT_HARD.finditer(text, floor, o):
            b = m.end()
        raw = text[b:o]
        base, base_start = trim(raw, prep=True), b + len(raw) - len(raw.lstrip(" \t\n,.-+•*"))
    if not base:
        return
    for k, it in enumerate(inside):
        it.flags.append("name_fallback")  # named by the words before the parenthesis
        if not it.own and k == 0:
            it.local = base if not it.local or it.local == it.unit else f"{base} - {it.local}"
            it.quote_start = base_start
        elif len(it.own.split()) <= _CONTEXT_OWN_WORDS:
            it.local = f"{base} - {lc_first(it.local)}"
        it.child_base = it.local


def finish(item: Item) -> None:
    """Final name (`parent - child`), and what a child inherits from its total."""
    parent = item.parent
    if parent is None:
        item.name = item.local
    else:
        item.name = f"{parent.child_base} - {lc_first(_without_shared_noun(item, parent))}"
        if item.child_base == item.local:
            item.child_base = item.name
        item.as_of = item.as_of or parent.as_of
        item.estimated = item.estimated or parent.estimated
        if item.carried and parent.unit is not None:
            item.unit = parent.unit
        _parent_basis(item, parent)
    item.name = item.name[:1].upper() + item.name[1:]


def _without_shared_noun(item: Item, parent: Item) -> str:
    """A child's own words without the counted noun its total already names: `Số giấy phép được
    cấp: 12 giấy phép, trong đó gia hạn 01 giấy phép` -> `... - gia hạn`, not `... - gia hạn giấy phép`."""
    unit = item.unit
    local = item.local
    if unit is None or unit != parent.unit or not local.lower().endswith(" " + unit):
        return local
    if unit not in f"{parent.child_base} {parent.local}".lower():
        return local
    return local[: len(local) - len(unit)].rstrip()


def _parent_basis(item: Item, parent: Item) -> None:
    """`... 1.250 tỷ đồng, tăng 3,2% so với cùng kỳ; trong đó trồng trọt 850 tỷ đồng, tăng 2,5%`: a
    part's change (or ratio) written with no basis is against the basis its total's is."""
    for k, c in enumerate(item.comparisons):
        if c.basis != "other" or c.basis_text:
            continue
        stated = [p for p in parent.comparisons if p.relation == c.relation and p.basis_text and p.basis != "other"]
        if len({(p.basis, p.basis_text) for p in stated}) == 1:
            item.comparisons[k] = c.model_copy(update={"basis": stated[0].basis, "basis_text": stated[0].basis_text})


# `Tổng diện tích gieo trồng 3.420 ha, trong đó:` closing its paragraph: the list is the bullet lines under it
_LIST_LEAD = re.compile(r"(?<!\w)(?:trong\s+đó|bao\s+gồm|gồm(?:\s+có)?)\s*:\s*$", re.IGNORECASE)
_BULLET = re.compile(r"[ \t]*([-+•–*])[ \t]")


def listed_total(para: Para, items: list[Item]) -> tuple[Item, str | None] | None:
    """The total whose `trong đó:`/`gồm:` list runs on in the bullet lines under its paragraph, and the
    paragraph's own bullet (its parts are written one level down: `-` then `+`)."""
    m = _LIST_LEAD.search(para.text, para.start, para.end)
    if m is None:
        return None
    sentence = para.sentence_of(m.start())
    before = [it for it in items if it.reach <= m.start() + 1 and it.sentence == sentence]
    if not before:
        return None
    return before[-1], bullet_of(para.text, para.start, para.end)


def bullet_of(text: str, start: int, end: int) -> str | None:
    """The bullet (`-`, `+`, `•`) a paragraph opens with, if any."""
    m = _BULLET.match(text, start, end)
    return m.group(1) if m else None


def link_listed_parts(para: Para, items: list[Item], total: Item) -> None:
    """Figures of a bullet under a listed total that measure what it measures (`+ Cây lúa: 2.150 ha`
    under a total in `ha`) are its parts; others (`năng suất 62 tạ/ha`) describe the part itself. After a part,
    another part follows a `;` or a new sentence (`Cây ngô: 480 ha; rau màu 790 ha`); one after a comma is the
    part's own (`Lĩnh vực đất đai: 640 hồ sơ, đã giải quyết 612 hồ sơ`)."""
    last: Item | None = None
    for it in items:
        if it.parent is not None or it.value is None or _kind(it.unit) != _kind(total.unit):
            continue
        if last is None or last.sentence != it.sentence or ";" in para.text[last.end : it.quote_start]:
            it.parent = total
        last = it
