"""Word patterns written for speed match exactly what their readable forms match: same spans, same groups,
with match, search, fullmatch and finditer, at every start and end.

Each opens with a look-ahead that a match implies: the first letters of its alternatives (a position where
none starts fails at one character class instead of trying every word), or, for a label that must end in
`:`, that the first of `:;()` ahead is a colon. Under re.I the class folds case exactly as the words do
(`K` and the Kelvin sign, `s` and the long s), so dropping the look-ahead gives the readable form back.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from re import _constants as sre  # the parsed form, to read a pattern's first letters
from re import _parser as sre_parse

import pytest

from llmx import read, sectors
from llmx.read import wrapped
from llmx.rules import ahead, limitations, name_words, norms, not_figures, proposals, sentences, work_labels

# name: (the fast pattern, the look-ahead it opens with, or the readable form when it was rewritten)
FAST: dict[str, tuple[re.Pattern[str], str]] = {
    "ahead.FUTURE": (ahead.FUTURE, "(?=[tsnqk])"),
    "ahead._FOCUS_IS": (ahead._FOCUS_IS, "(?=[nc])"),
    "proposals.CLOSING_NOTICE": (proposals.CLOSING_NOTICE, "(?=[tk])"),
    "work_labels._INLINE_WORK_LABEL": (work_labels._INLINE_WORK_LABEL, "(?=[^:;.]*:)|(?=[ngyđcmkp])"),
    "sentences._RUN_IN_WEAK": (sentences._RUN_IN_WEAK, "(?=[^:;()]*:)"),
    "sentences._RUN_IN_LIST": (sentences._RUN_IN_LIST, "(?=[^:;()]*:)"),
    "not_figures._NOT_BEFORE": (not_figures._NOT_BEFORE, "(?=[ltkmvđgnsqxbấphcifí])"),
    "ahead._STRIVE": (ahead._STRIVE, "(?=[pđ])"),
    "ahead._ASKS_AHEAD": (ahead._ASKS_AHEAD, "(?=[cgntyđ])"),
    "ahead._LEADER_ASK": (ahead._LEADER_ASK, "(?=[lntyđ])"),
    "ahead._OUTLOOK": (ahead._OUTLOOK, "(?=[cdknt])"),
    "limitations._REPORTED": (limitations._REPORTED, "(?=[bcknpt])"),
    "limitations._WEAKNESS_WORD": (limitations._WEAKNESS_WORD, "(?=[chkty])"),
    "limitations._ELSEWHERE": (limitations._ELSEWHERE, "(?=[qt])"),
    "limitations._SHORTFALL": (limitations._SHORTFALL, "(?=[bcghklstvíđ])"),
    "name_words.TRAIL": (name_words.TRAIL, "(?=[bcdghklmqrtvxđư])"),
    "name_words.TRAIL_WITH_PREPOSITION": (name_words.TRAIL_WITH_PREPOSITION, "(?=[bcdghklmqrtvxđư])"),
    "norms._LABELLED_NOT_FIGURE": (norms._LABELLED_NOT_FIGURE, "(?=[sđfhmt])|(?=[tík])"),
    "read._LINK": (read._LINK, "(?=[hw])"),
    "sectors._ACTOR": (sectors._ACTOR, "(?=[bchmstuđủ])"),
}
REWRITTEN = {"wrapped._PIPE_ROW": (wrapped._PIPE_ROW, r"^\||\|.*\|")}

PIECES = [
    *("thời gian tới", "sắp tới", "tới đây", "tháng", "Tháng", "quý", "năm", "tuần", "kỳ", " tới", " TỚI", "những"),
    *(" tháng còn lại", "từ nay đến hết năm", "nhiệm vụ", "Nhiệm vụ", "công tác", "công việc", " trước mắt"),
    *(" trọng tâm", " là", "trân trọng", "Kính", "thông báo", " để", " cho", " biết", "giải pháp", "yêu cầu"),
    *("đề nghị", "chỉ tiêu", "mục tiêu", "khâu đột phá", "hạn chế", "khó khăn", "tồn tại", " như sau", " sau đây"),
    *(" cụ thể", "lớp", "thứ", "mức", "từ ", "lên ", "số", "tổng ", "thôn", "nông ", "bản", "biên ", "ít nhất"),
    *("Luật", "luật", "tháng 7/", "ấp", "Ấp", "đội", "Điều", "iso", "fax", "km", "covid", "theo", "quá", "tw"),
    *("phấn đấu", "đặt ra mục tiêu", "chỉ đạo", "tình hình", "dự báo", "có thể", "báo cáo", "trả lời", "chưa"),
    *("còn", "chậm", "thiếu", "thế giới", "quốc tế", "đạt", "được", "ước đạt", "chiếm", "khoảng", "năm ", "gian "),
    *(" tới", "của", "với", "điện thoại", "hotline", "tối thiểu", "không quá", "http://a.vn", "WWW.x", "đảng ủy"),
    *("ủy ban nhân dân", "ubnd", "các ", " huyện", "mttq và các đoàn thể", "xã", "ban, ngành", " tập trung"),
    *("\u212a", "\u017f", "K", "S", "|", ":", ": ", ";", ".", ",", ", ", "(", ")", " ", "  ", "\n", "x", "a", "1"),
]  # fmt: skip


def _same(fast: re.Pattern[str], readable: re.Pattern[str], text: str, pos: int, endpos: int) -> None:
    assert [m.regs for m in fast.finditer(text, pos, endpos)] == [
        m.regs for m in readable.finditer(text, pos, endpos)
    ], (text, pos, endpos)
    for call in ("match", "search", "fullmatch"):
        got, want = getattr(fast, call)(text, pos, endpos), getattr(readable, call)(text, pos, endpos)
        assert (got and got.regs) == (want and want.regs), (text, pos, endpos, call)


def _pairs() -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    pairs = {}
    for name, (fast, looks) in FAST.items():
        pattern = fast.pattern
        for look in looks.split("|"):
            assert look in pattern, name
            pattern = pattern.replace(look, "", 1)
        pairs[name] = (fast, re.compile(pattern, fast.flags))
    for name, (fast, readable) in REWRITTEN.items():
        pairs[name] = (fast, re.compile(readable, fast.flags))
    return pairs


PAIRS = _pairs()


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_a_word_pattern_written_for_speed_matches_as_its_readable_form(name: str) -> None:
    fast, readable = PAIRS[name]
    rng = random.Random(12)
    for _ in range(60):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 9)))
        for pos in range(len(text) + 1):
            _same(fast, readable, text, pos, rng.randint(pos, len(text)))


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_a_word_pattern_written_for_speed_matches_as_its_readable_form_on_the_sample_reports(name: str) -> None:
    fast, readable = PAIRS[name]
    samples = Path(__file__).resolve().parent.parent / "samples"
    for path in sorted(samples.glob("*.txt")):
        for whole in path.read_text(encoding="utf-8").splitlines():
            line = whole[:240]  # (every match of a long line is the random test's work)
            for call in ("match", "search"):
                got, want = getattr(fast, call)(line), getattr(readable, call)(line)
                assert (got and got.regs) == (want and want.regs), (line, call)


def _first(seq: list) -> tuple[set[str] | None, bool]:  # type: ignore[type-arg]
    """Every character a match of the parsed sequence can start with (None: any), and whether it can be empty."""
    out: set[str] = set()
    for op, av in seq:
        chars, empty = _first_item(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not empty:
            return out, False
    return out, True


def _first_item(op: object, av: object) -> tuple[set[str] | None, bool]:
    if op is sre.LITERAL:
        return {chr(av)}, False  # type: ignore[call-overload]
    if op is sre.IN:
        chars: set[str] = set()
        for o, a in av:  # type: ignore[attr-defined]
            if o is sre.LITERAL:
                chars.add(chr(a))
            elif o is sre.RANGE:
                chars |= {chr(c) for c in range(a[0], a[1] + 1)}
            else:
                return None, False  # a category or a negated class
        return chars, False
    if op is sre.BRANCH:
        chars, empty = set(), False
        for branch in av[1]:  # type: ignore[index]
            got, can_be_empty = _first(branch)
            if got is None:
                return None, False
            chars, empty = chars | got, empty or can_be_empty
        return chars, empty
    if op is sre.SUBPATTERN:
        return _first(av[-1])  # type: ignore[index]
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        got, empty = _first(av[2])  # type: ignore[index]
        return got, empty or av[0] == 0  # type: ignore[index]
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return set(), True  # zero-width: the next item gives the letter
    return None, False


@pytest.mark.parametrize("name", sorted(FAST))
def test_a_first_letter_look_ahead_admits_every_letter_its_words_can_start_with(name: str) -> None:
    fast, looks = FAST[name]
    for look in (lk for lk in looks.split("|") if not lk.endswith(":)")):
        rest = fast.pattern[fast.pattern.index(look) + len(look) :]
        parsed = list(sre_parse.parse(rest, fast.flags))  # type: ignore[arg-type]
        if len(parsed) == 1 and parsed[0][0] is sre.BRANCH:
            parsed = parsed[0][1][1][0]  # the look-ahead opens the first of the alternatives that follow it
        letters, empty = _first(parsed)
        assert letters is not None and not empty, name
        admits = re.compile(look[3:-1], fast.flags)
        assert sorted(c for c in letters if not admits.fullmatch(c)) == [], name
