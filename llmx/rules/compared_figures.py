"""Figures whose reading turns on a comparison written around them (SPEC 4): a change by an amount
stated for its own sake (`Số hộ nghèo giảm 38 hộ so với đầu năm`: value null, that change, as
`Tỷ lệ hộ nghèo giảm 1,76%`); an `x/y` form with the unit on both sides (`14.567,3 ha/14.200 ha,
đạt 102,6% KH`: value x, target y, the ratio x's) or in words (`31 trong tổng số 54 doanh nghiệp`);
and a flow that `đạt` a percentage with no basis written (`Thu ngân sách nhà nước đạt 45,7%`: a sum
of money is no percentage, so this is the share of its plan: value null, ratio of the plan, as
eval/gold/dev/h1-2023-commune-party-webpage labels it). Called from `figures.py`. Pure.
"""

from __future__ import annotations

import re

from llmx.contract import Approx, Comparison
from llmx.numbers import NUMBER_RE, parse_number
from llmx.rules.attach import attach_comparisons
from llmx.rules.bases import match_basis
from llmx.rules.comparisons import CHANGE_MANNER, ESTIMATE_RE, Parsed, parse_comparison
from llmx.rules.naming import new_item
from llmx.rules.paragraphs import Item, Para, prefix_floor
from llmx.rules.targets import fraction_rate
from llmx.rules.units import match_unit, read_tail

# `..., tăng 11,4% so với cùng kỳ, đạt 2.340 tỷ đồng`, `giảm 38 hộ ..., còn 210 hộ`: the figure whose change came first
# (`..., lên 2.640 tỷ đồng`, `..., xuống còn 3,1%`, `..., ở mức 2,6%`: the level the change took it to)
_REACHED = re.compile(
    r"\s*,\s*(?:và\s+)?(?:ước\s+)?(?:đạt|còn|lên(?:\s+mức)?|xuống(?:\s+(?:còn|mức))?|ở\s+mức)\s+"
    r"(?:(?P<q>trên|hơn|gần|khoảng)\s+)?$",
    re.IGNORECASE,
)
_APPROX_WORDS: dict[str, Approx] = {"trên": "over", "hơn": "over", "gần": "under", "khoảng": "about"}
# `So với tháng trước, số vụ cháy giảm 2 vụ; toàn huyện xảy ra 4 vụ`: the count of the next clause, taken
# with a verb that states how many there were, is the figure the change was of; the current period it counts
# in may open the clause (`; năm 2026 toàn huyện tiếp nhận 214 đơn`, `; tháng 9 ...`, `; 6 tháng đầu năm ...`)
_NEXT_CLAUSE = re.compile(
    r"\s*;\s*(?P<period>(?:trong\s+)?(?:(?:năm|tháng|quý)\s+(?:\d{1,2}(?:/\d{4})?|\d{4}|[IVX]{1,4})"
    r"|\d{1,2}\s+tháng(?:\s+đầu)?(?=\s+năm))(?:\s+năm(?:\s+\d{4})?)?\s*,?\s+)?"  # `; 6 tháng đầu năm ...`
    r"(?:[^\W\d_]+\s+){0,5}?(?:xảy\s+ra|có|phát\s+hiện|ghi\s+nhận|tiếp\s+nhận|còn|là)\s+$",
    re.IGNORECASE,
)
# `...; doanh thu du lịch (ước) đạt 186 tỷ đồng`: a clause naming its measure before the figure it reached
_SAME_NAME_CLAUSE = re.compile(
    r"\s*;\s*(?P<name>[^\W\d_][^;,.:()\d]{0,80}?)\s+(?:ước\s+)?(?:đạt|là)\s+$", re.IGNORECASE
)
_TAIL_WORD = re.compile(r" ([^\W\d_]+)")  # the word after a counted unit (`vụ cháy`, `doanh nghiệp thành`)
# `số vụ giảm 7 vụ, số người chết giảm 4 người, số người bị thương giảm 9 người so với cùng kỳ`: one more
# change of the list, up to the `so với` that closes it
_LISTED = re.compile(
    r"\s*,\s*(?:và\s+)?[^,;.()\d]{0,60}?(?<!\w)(?:tăng|giảm)"
    + CHANGE_MANNER
    + r"\s+\d[\d.,]*\s+[^\W\d][^,;.()\d]{0,30}?(?=,|\s+so\s+với\s)",
    re.IGNORECASE,
)
_SO_VOI_AHEAD = re.compile(r"\s+so\s+với\s+", re.IGNORECASE)
_OPENS_SO_VOI = re.compile(r"[\s\-+•*]*so\s+với\s+[^,;.:]{1,40}[,:]", re.IGNORECASE)
# (`Con số này cao hơn 1.200 lượt so với tháng trước`: a comparative is a change too)
_CHANGE_BEFORE = re.compile(
    r"(?<!\w)(?:tăng|giảm|gảm|cao\s+hơn|thấp\s+hơn|nhiều\s+hơn|ít\s+hơn)" + CHANGE_MANNER + r"(?:\s+thêm)?\s+$",
    re.IGNORECASE,
)
_UNIT_SLASH = re.compile(
    r"\s?(?P<u>[^\W\d_]+(?: [^\W\d_]+)?)\s?/\s?"
    r"(?:(?P<plan>(?-i:KH|DT)|kế\s+hoạch|dự\s+toán)\s*:?\s*)?(?P<num>\d[\d.,]*)",
    re.IGNORECASE,
)
# names of flows (money, output, capital) that a percentage can only be a share of the plan of; `Tỷ lệ
# giải ngân ... đạt 45%` is a rate (its name starts with `Tỷ lệ`), not one of these
_FLOW_NAME = re.compile(
    r"(?:tổng\s+)?(?:thu|chi)\s+(?:ngân\s+sách|(?-i:NSNN|NS))|giải\s+ngân|doanh\s+thu|sản\s+lượng|kim\s+ngạch"
    r"|giá\s+trị\s+sản\s+xuất|(?:tổng\s+)?vốn\s+đầu\s+tư|tổng\s+mức\s+bán\s+lẻ",
    re.IGNORECASE,
)
_IN_WORDS_OF = re.compile(r"\s+trong\s+(?:tổng\s+)?số\s+(?P<num>\d[\d.,]*)", re.IGNORECASE)
_ACHIEVED = re.compile(r"(?<!\w)(?:ước\s+)?(?:đạt|bằng)\s+$", re.IGNORECASE)
_ESTIMATE_WORD = re.compile(r"(?-i:DT)|dự\s+toán", re.IGNORECASE)
_PLAN_WORD = re.compile(r"\s+(?P<w>(?-i:KH)|kế\s+hoạch|(?P<estimate>dự\s+toán))(?![\w/])", re.IGNORECASE)


def change_only(para: Para, items: list[Item], s: int) -> Item | None:
    """`Số hộ nghèo giảm 38 hộ so với đầu năm`: a change by an amount that no figure before it took is
    stated for its own sake, value null with that change (SPEC 4, as `Tỷ lệ hộ nghèo giảm 1,76%`)."""
    verb = _CHANGE_BEFORE.search(para.text, max(prefix_floor(items, para.start, s), s - 30), s)
    parsed = parse_comparison(para.text, verb.start(), para.end) if verb else None
    if verb is not None and parsed is None:
        parsed = _listed_change(para, verb, s)
    if verb is None or parsed is None or parsed.number_start != s:
        return None
    if parsed.comparison.amount is None and parsed.comparison.pct is None:
        return None  # (a `pct` here is in points: `Tỷ lệ nợ xấu giảm 0,4 điểm phần trăm so với đầu năm`)
    item = new_item(para, items, verb.start(), None, None, parsed.end, count_unit=False, figure=s)
    if item is None or not item.own:
        return None  # `..., tăng 5 vụ so với cùng kỳ` with no name before it: not a statement of its own
    comparison = parsed.comparison
    if comparison.amount_unit is None and (counted := _counted_noun(para, verb)) is not None:
        comparison = comparison.model_copy(update={"amount_unit": counted})  # `Số tàu cá giảm 6 so với năm 2025`
    item.comparisons.insert(0, comparison)
    rate = item.comparisons[1] if len(item.comparisons) > 1 else None
    if rate is not None and rate.pct is not None and rate.amount is None and _RATE_NEXT.match(para.text, parsed.end):
        # `giảm 2 (-25%)`: the same change in %, one comparison (as `giảm 3 vụ (-30%) so với cùng kỳ`)
        item.comparisons[:2] = [comparison.model_copy(update={"pct": rate.pct})]
    item.core = (s, parsed.end)
    return item


def reached_value(para: Para, items: list[Item], s: int, value: float, unit: tuple[str, int, int]) -> Item | None:
    """`Tổng mức bán lẻ hàng hóa tăng 11,4% so với cùng kỳ, đạt 2.340 tỷ đồng`: the change is written
    before the figure it is the change of; the figure after `, đạt` is the value of the change-only
    statement just before it (one indicator, not a value-less change and a nameless amount)."""
    prev = items[-1] if items else None
    if prev is None or prev.value is not None or prev.unit is not None or not prev.comparisons:
        return None
    reached = _REACHED.match(para.text, prev.end, s) or _restated_name(para, prev, s)
    if reached is None and (clause := _NEXT_CLAUSE.match(para.text, prev.end, s)) is not None:
        if (counted := _counts_the_same(para, prev, unit)) is None or _the_basis_period(para, clause, prev):
            return None
        reached, unit = clause, (unit[0], unit[1], counted)
    if reached is None or reached.end() != s or prev.sentence != para.sentence_of(s):
        return None
    if any(c.amount_unit not in (None, unit[0]) for c in prev.comparisons) and reached.re is not _NEXT_CLAUSE:
        return None  # `Số hộ nghèo giảm 38 hộ ..., đạt 2,1 tỷ đồng` counts something else
    items.pop()
    prev.value, prev.unit, prev.num_start, prev.end, prev.core = value, unit[0], s, unit[2], (s, unit[2])
    prev.estimated = prev.estimated or bool(ESTIMATE_RE.search(para.text, reached.start(), s))  # `, ước đạt`
    if reached.groupdict().get("q"):  # (the next-clause pattern has no qualifier group)
        prev.approx = _APPROX_WORDS[reached.group("q").lower()]
    attach_comparisons(para, prev)
    return prev


def _restated_name(para: Para, prev: Item, s: int) -> re.Match[str] | None:
    """`Doanh thu du lịch tăng 9,6% so với cùng kỳ; doanh thu du lịch đạt 186 tỷ đồng`: the next clause names
    the very measure again (one measured quantity, eval/LABELING.md); `...; tổng thu đạt 2,4 tỷ đồng` names another."""
    clause = _SAME_NAME_CLAUSE.match(para.text, prev.end, s)
    if clause is None or not prev.own:
        return None
    return clause if clause.group("name").lower().split() == prev.own.lower().split() else None


def _the_basis_period(para: Para, clause: re.Match[str], prev: Item) -> bool:
    """`So với năm 2025, ... giảm 31 đơn; năm 2025 có 245 đơn`: the clause counts the earlier period, not this one
    (the basis, written before the change, is not among the item's comparisons yet). Looked for in this
    paragraph only: a `so với năm 2025` closing the paragraph before compares another figure."""
    period = clause.group("period")
    words = " ".join(period.strip(" ,").lower().split()).removeprefix("trong ") if period else ""
    before = " ".join(para.text[max(para.start, prev.end - 200) : prev.end].lower().split())
    # the whole period, not its prefix: `6 tháng đầu năm` is this period when the basis is `6 tháng đầu năm 2025`
    return bool(words) and re.search(rf"so với {re.escape(words)}(?!\w|\s*\d)", before) is not None


def _counts_the_same(para: Para, prev: Item, unit: tuple[str, int, int]) -> int | None:
    """`số vụ cháy giảm 2 vụ; ... xảy ra 4 vụ cháy`: a change by that very count whose name holds the
    counted noun (`4 vụ tai nạn` and `210 hộ cận nghèo` count something else); where the counted phrase ends."""
    tail = _TAIL_WORD.match(para.text, unit[2], para.end)
    noun = f"{unit[0]} {tail.group(1)}" if tail else unit[0]
    own = " ".join(prev.own.lower().split())
    if not all(c.amount_unit == noun or noun.lower() in own for c in prev.comparisons):
        return None
    if not tail or noun.lower() not in own:
        return unit[2]
    return read_tail(para.text, unit[2], para.end, unit[0]).end  # the whole counted phrase, as any count's


def _listed_change(para: Para, verb: re.Match[str], s: int) -> Parsed | None:
    """A change by an amount in a list of such changes whose basis is written once, after the last
    (`..., số người chết giảm 4 người, số người bị thương giảm 9 người so với cùng kỳ`) or opening the
    sentence (`So với cùng kỳ, số vụ vi phạm giảm 6 vụ, ...`: left bare here, the opening fills it)."""
    text = para.text
    num = NUMBER_RE.match(text, s, para.end)
    value = parse_number(num.group()) if num else None
    unit = match_unit(text, num.end(), para.end) if num else None
    if num is not None and value is not None and unit is None:
        return _count_change(para, verb, (s, num.end()), value)
    if num is None or value is None or unit is None or unit[0] in ("%", "‰"):
        return None
    sign = _sign(verb)
    pos, listed = unit[2], 0
    while (more := _LISTED.match(text, pos, para.end)) is not None:
        pos, listed = more.end(), listed + 1
    so_voi = _SO_VOI_AHEAD.match(text, pos, para.end) if listed else None
    basis = match_basis(text, so_voi.end(), para.end, after_so_voi=True) if so_voi else None
    if basis is None and not _OPENS_SO_VOI.match(text, para.sentence_start(s), verb.start()):
        return None
    kind, words = (basis[0], basis[1]) if basis else ("other", "")
    comp = Comparison(basis=kind, basis_text=words, relation="change", amount=sign * value, amount_unit=unit[0])
    return Parsed(comp, unit[2], s, basis is not None)


# `So với cùng kỳ, số doanh nghiệp thành lập mới tăng 22; ...`: the count a change with no unit is of, named
# by `số <noun>` in its own clause (the noun is the unit the change counts in)
_COUNT_NAME = re.compile(r"(?<!\w)(?:tổng\s+)?số(?:\s+lượng)?(?=\s+[^\W\d_])", re.IGNORECASE)
_RATE_NEXT = re.compile(r"\s*\(\s*[-+−]?\s*\d+(?:,\d+)?\s*%\s*\)")
_COUNT_END = re.compile(r"\s*(?:[,;.()]|$)")  # `giảm 2 (-25%), ...`: its rate may follow


def _count_change(para: Para, verb: re.Match[str], num: tuple[int, int], value: float) -> Parsed | None:
    """`So với cùng kỳ, số vụ tai nạn giảm 3, số người bị thương giảm 5`: an amount written without its
    unit changes the count its name holds (`số vụ ...` counts `vụ`); a basis opens the sentence or follows."""
    text, num_end = para.text, num[1]
    if value != int(value) or (
        not _COUNT_END.match(text, num_end, para.end) and not _SO_VOI_AHEAD.match(text, num_end)
    ):
        return None
    if (counted := _counted_noun(para, verb)) is None:
        return None
    so_voi = _SO_VOI_AHEAD.match(text, num_end, para.end)
    basis = match_basis(text, so_voi.end(), para.end, after_so_voi=True) if so_voi else None
    if basis is None and not _OPENS_SO_VOI.match(text, para.sentence_start(verb.start()), verb.start()):
        return None
    kind, words = (basis[0], basis[1]) if basis else ("other", "")
    sign = _sign(verb)
    comp = Comparison(basis=kind, basis_text=words, relation="change", amount=sign * value, amount_unit=counted)
    return Parsed(comp, basis[2] if basis else num_end, num[0], basis is not None)


def _counted_noun(para: Para, verb: re.Match[str]) -> str | None:
    """The noun `số <noun>` counts in the change's own clause (`số vụ tai nạn giảm 3` counts `vụ`), or None."""
    text = para.text
    clause = max(text.rfind(",", para.start, verb.start()), text.rfind(";", para.start, verb.start()))
    clause = max(clause + 1, para.sentence_start(verb.start()))
    named = list(_COUNT_NAME.finditer(text, clause, verb.start()))
    counted = match_unit(text, named[0].end(), verb.start()) if named else None
    return None if counted is None or counted[0] in ("%", "‰") else counted[0]


def out_of_in_units(para: Para, items: list[Item], s: int, e: int, value: float) -> Item | None:
    """`14.567,3 ha/14.200 ha`, `12,5 tỷ đồng/15 tỷ đồng KH, đạt 83%`: an `x/y` form with the unit
    written on both sides (SPEC 4: value x, target y); a `KH` after it makes the ratio one of the plan,
    a `dự toán` one of the budget estimate (`215,6 tỷ đồng/185 tỷ đồng dự toán, đạt 116,5%`, `125,6 tỷ
    đồng/DT 110 tỷ đồng, đạt 114,2%`)."""
    text = para.text
    m = _UNIT_SLASH.match(text, e, para.end)
    raw = m.group("num").rstrip(".,") if m else ""
    target = parse_number(raw) if m else None
    unit = match_unit(text, m.start("num") + len(raw), para.end) if m else None
    if m is None or target is None or unit is None or " ".join(m.group("u").lower().split()) != unit[0]:
        return None
    plan = _PLAN_WORD.match(text, unit[2], para.end)
    item = new_item(para, items, s, value, unit[0], plan.end() if plan else unit[2], count_unit=True)
    words = plan.group("w") if plan else m.group("plan")  # `x tỷ đồng/KH y tỷ đồng`
    if item is None:
        return None
    item.target, item.core = target, (s, unit[2])
    if words:
        basis = "budget_estimate" if (plan and plan.group("estimate")) or _ESTIMATE_WORD.match(words) else "plan"
        item.comparisons = [
            c.model_copy(update={"basis": basis, "basis_text": words}) if c.basis == "other" and not c.basis_text else c
            for c in item.comparisons
        ]
    return item


def out_of_in_words(para: Para, items: list[Item], s: int, e: int, value: float) -> Item | None:
    """`31 trong tổng số 54 doanh nghiệp ..., đạt 57,4%`: an `x/y` form in words (value x, target y),
    whose rate after its words is its comparison when it is 100·x/y."""
    text = para.text
    m = _IN_WORDS_OF.match(text, e, para.end)
    raw = m.group("num").rstrip(".,") if m else ""
    target = parse_number(raw) if m else None
    unit = match_unit(text, m.start("num") + len(raw), para.end) if m else None
    if m is None or target is None or unit is None or not 0 < value <= target:
        return None
    item = new_item(para, items, s, value, unit[0], unit[2], count_unit=True)
    if item is None:
        return None
    item.target, item.core = target, (s, unit[2])
    if not item.comparisons and (rate := fraction_rate(text, para.end, item)) is not None:
        item.comparisons, item.end = [rate.comparison], rate.end
    return item


def implied_plan(para: Para, item: Item) -> None:
    """`Thu ngân sách nhà nước đạt 45,7%`: a flow named before `đạt X%` makes X its plan ratio."""
    if item.unit != "%" or item.value is None or item.comparisons or not _FLOW_NAME.match(item.own):
        return
    if not _ACHIEVED.search(para.text, max(para.start, item.num_start - 12), item.num_start):
        return
    item.comparisons = [Comparison(basis="plan", basis_text="", relation="ratio", pct=item.value)]
    item.value, item.unit = None, None


# `Con số này tăng 15% ...`, `Mức này bằng 85% cùng kỳ`: a figure's change told in a sentence of its own
_ANAPHOR = re.compile(
    r"(?:con\s+số|số\s+liệu|mức|kết\s+quả|chỉ\s+số|số\s+tiền|t[ỷỉ]\s+lệ|tổng\s+số|giá\s+trị|số\s+lượng)"
    r"\s+(?:này|trên|đó|nói\s+trên)|này",
    re.IGNORECASE,
)
_COUNT_WORDS = ("tổng", "số", "lượng")  # `số tàu cá giảm 9 chiếc` after `412 tàu cá`: the count of the same
# `...; so với cùng kỳ tăng 7%, so với kế hoạch đạt 76%`: one more comparison opening with its basis
_NEXT_BASIS = re.compile(r"[\s,;]*so\s+với\s", re.IGNORECASE)
_NAME_WORD = re.compile(r"[^\W\d_]+")


def merge_restated_changes(para: Para, items: list[Item]) -> None:
    """`Đàn lợn hiện có 312.000 con. So với cùng kỳ, đàn lợn tăng 4,6%.`, `... đạt 1.250 tỷ đồng. Con số
    này tăng 15% so với cùng kỳ`: a value-less change right after a figure (same or next sentence), named
    by `con số này` or by words of the figure's own name, is that figure's comparison (one measured
    quantity, eval/LABELING.md), not a statement of its own."""
    k = 1
    while k < len(items):
        prev, item = items[k - 1], items[k]
        if (restated := _restates_figure(prev, item)) or _next_basis(para, prev, item):
            if restated == "unnamed":  # `..., trong đó ... 185 người. Kết quả này vượt 17,5% kế hoạch`: the total's
                prev = _counted_in(items, k, item) or _total_before_breakdown(para, items, k - 1)
            prev.comparisons.extend(item.comparisons)
            prev.end = max(prev.end, item.end)
            del items[k]
        else:
            k += 1


def _restates_figure(prev: Item, item: Item) -> str | None:
    """How the value-less comparison `item` restates the figure `prev`: `named` by words of its name,
    `unnamed` (`Con số này ...`, `So với dự toán, đạt 112%`, `Đây là ..., tăng 18%`: it names nothing), or None."""
    if prev.value is None or item.value is not None or item.unit is not None or not item.comparisons:
        return None
    if item.sentence - prev.sentence not in (0, 1) or item.parent is not None or prev.parent is not None:
        return None
    return restated_by(prev, item, next_sentence=item.sentence == prev.sentence + 1)


def restated_by(prev: Item, item: Item, *, next_sentence: bool) -> str | None:
    """Whether the value-less comparison `item` is one of `prev`'s, wherever it is written: `named`, `unnamed`
    or None (see `_restates_figure`); in a sentence after the figure's one name word is enough."""
    if prev.value is None or item.value is not None or item.unit is not None or not item.comparisons:
        return None
    if any(c.basis == "other" and not c.basis_text for c in item.comparisons):
        return None  # no basis of its own: not clearly about the figure before
    if {c.basis for c in item.comparisons} & {c.basis for c in prev.comparisons}:
        return None  # the figure was compared with that basis already
    if _ANAPHOR.fullmatch(item.own.strip()) or _names_nothing(item, next_sentence=next_sentence):
        return "unnamed"
    if any(ch.isdigit() for ch in item.own):
        return None  # `kim ngạch xuất khẩu 5 tháng`: a period of its own, maybe not the figure's
    said = [w.lower() for w in _NAME_WORD.findall(item.own)]
    while said[:1] and said[0] in _COUNT_WORDS:
        said = said[1:]
    named = [w.lower() for w in _NAME_WORD.findall(f"{prev.own} {prev.local} {prev.unit or ''}")]
    # one word is enough in the next sentence (`... 215.000 lượt khách. So với năm 2022, lượng khách tăng 25%`)
    least = 1 if next_sentence else 2
    found = any(named[i : i + len(said)] == said for i in range(len(named) - len(said) + 1))
    return "named" if len(said) >= least and found else None


_OPENING_SO = re.compile(r"so\s+(?:với\s+)?", re.IGNORECASE)
_VERBS_ONLY = re.compile(r"[\s,:]*(?:(?:tăng|giảm|đạt|bằng|vượt|cao\s+hơn|thấp\s+hơn)[\s,:]*)*", re.IGNORECASE)


def _names_nothing(item: Item, *, next_sentence: bool) -> bool:
    """`So với dự toán`, `So cùng kỳ tăng`, `tăng`: name words that are only a basis written first and verbs. In
    its figure's sentence a statement with no words at all continues it (`3.757 tỷ đồng (...), bằng 38,27% dự
    toán`); after it, `Hoàn thành 100% kế hoạch đào tạo` names `đào tạo` after its figure."""
    if not item.own.strip():
        return not next_sentence
    return _only_basis_and_verbs(item.own) and _only_basis_and_verbs(item.local)


def _only_basis_and_verbs(words: str) -> bool:
    rest = words.strip()
    if (opening := _OPENING_SO.match(rest)) is not None:
        basis = match_basis(rest, opening.end(), len(rest), after_so_voi=True)
        rest = rest[basis[2] :] if basis is not None else rest
    return _VERBS_ONLY.fullmatch(rest) is not None


def _counted_in(items: list[Item], k: int, item: Item) -> Item | None:
    """`... giải ngân 125 tỷ đồng cho 2.450 hộ vay vốn. Số tiền này tăng 18 tỷ đồng ...`: a change by an amount
    speaks of the latest figure before it counted in the amount's unit, not of the last figure."""
    units = {c.amount_unit for c in item.comparisons if c.amount_unit}
    if len(units) != 1 or items[k - 1].unit in units:
        return None
    counted = [p for p in items[:k] if p.unit in units and p.value is not None and item.sentence - p.sentence in (0, 1)]
    return counted[-1] if counted and not counted[-1].comparisons else None


_BREAKDOWN_OPENS = re.compile(r"[,;:]\s*(?:trong\s+đó|bao\s+gồm|gồm)(?!\w)", re.IGNORECASE)


def _total_before_breakdown(para: Para, items: list[Item], k: int) -> Item:
    """The figure a sentence breaks down with `trong đó` when `items[k]` is one of its parts, else `items[k]`."""
    part = items[k]
    start = para.sentence_start(part.num_start)
    opens = [m.start() for m in _BREAKDOWN_OPENS.finditer(para.text, start, part.num_start)]
    totals = [it for it in items[:k] if opens and it.sentence == part.sentence and it.num_start < opens[0]]
    return totals[-1] if totals and totals[-1].value is not None and not totals[-1].comparisons else part


def _next_basis(para: Para, prev: Item, item: Item) -> bool:
    """`28.460 tỷ đồng; so với cùng kỳ tăng 7%, so với kế hoạch đạt 76%`: a value-less comparison right after
    the figure's own, opening with its basis, is one more of that figure's."""
    if prev.value is None or item.value is not None or item.unit is not None or not item.comparisons:
        return False
    if not prev.comparisons or item.sentence != prev.sentence or item.parent is not None:
        return False
    if any(c.basis == "other" and not c.basis_text for c in item.comparisons):
        return False
    gap = _NEXT_BASIS.match(para.text, prev.end, para.end)
    return gap is not None and para.text[prev.end : item.quote_start].strip(" ,;") == ""


def _sign(verb: re.Match[str]) -> float:
    """-1 for a change by `giảm`, `thấp hơn`, `ít hơn`; +1 for one by `tăng`, `cao hơn`, `nhiều hơn`."""
    return -1.0 if verb.group().lower().lstrip().startswith(("g", "thấp", "ít")) else 1.0
