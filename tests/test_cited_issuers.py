"""The issuer finders built around one compiled body grammar match exactly what the three whole
patterns they replace match: same issuer text, same end, same date parts."""

import re
from pathlib import Path

import pytest

from llmx.rules import cited_issuers as C
from llmx.rules.references import TYPE_RE

ROOT = Path(__file__).resolve().parent.parent
AFTER = re.compile(C.ISSUER_AFTER)
BEFORE = re.compile(C.ISSUER_BEFORE)
ACTOR = re.compile(C.ACTOR_BEFORE)

# the dev reports (samples and the in-sample corpus texts); the held-apart test split is not read
TEXTS = sorted(ROOT.glob("samples/*.txt")) + [
    p for p in sorted(ROOT.glob("eval/corpus/*.txt")) if p.name[:2] in {"20", "23", "25", "29", "34"}
]

# windows where the fast path cannot decide alone (ORG may end before or after a capitalised
# `Đã`, `Có`, `Tại`), line breaks in gaps, a date before the actor, two bodies joined by `và`
CRAFTED = [
    "Chỉ thị, của Ban Bí thư và của UBND tỉnh",
    "Nghị định số 45, của Chính phủ và UBND tỉnh Lâm Đồng về",
    "x của  UBND tỉnh Lâm Đồng Đã ban hành ",
    "theo yêu cầu của Thủ tướng Chính phủ tại ",
    "theo của Chính phủ  \n  tại  ",
    "Ngày 24/02/2020, Chính phủ ban hành ",
    "ngày 4/2/2020 ,\nChính phủ đã ban hành ",
    "Công an tỉnh Lâm Đồng đã xây dựng ",
    "UBND huyện Đã Có ",
    "UBND tỉnh Lâm Đồng Có Ý Kiến Tại ",
    "của UBND tỉnh Tại tại ",
    "của UBND tỉnh\n\ntại ",
    "của UBND xã Phú Có có ",
    "của\tHội nghị lần thứ 6 Ban Chấp hành Trung ương Đảng và của Bộ Chính trị",
    "UBND tỉnh Lào Cai đã tham gia ý kiến tại ",
    "đã được Thủ tướng Chính phủ phê duyệt tại ",
    "được UBND tỉnh Ban Hành Tại ",
]


def _after(text: str, pos: int) -> tuple[str, int] | None:
    m = AFTER.match(text, pos, len(text))
    return None if m is None else (m.group("issuer"), m.end())


def _before(text: str, lo: int, hi: int) -> str | None:
    m = BEFORE.search(text, lo, hi)
    return None if m is None else m.group("issuer")


def _actor(text: str, lo: int, hi: int) -> tuple[str, str | None, str | None, str | None] | None:
    m = ACTOR.search(text, lo, hi)
    return None if m is None else (m.group("issuer"), m.group("d"), m.group("m"), m.group("y"))


@pytest.mark.parametrize("text", CRAFTED)
def test_every_window_of_a_crafted_phrase_matches_as_the_whole_patterns_do(text: str) -> None:
    for pos in range(len(text) + 1):
        assert C.issuer_after(text, pos, len(text)) == _after(text, pos), pos
    for hi in range(len(text) + 1):
        for lo in range(hi + 1):
            assert C.issuer_before(text, lo, hi) == _before(text, lo, hi), (lo, hi)
            assert C.actor_before(text, lo, hi) == _actor(text, lo, hi), (lo, hi)


def test_the_crafted_phrases_do_find_issuers() -> None:
    assert C.issuer_after(CRAFTED[0], 7, len(CRAFTED[0])) == ("Ban Bí thư", 23)  # `và của` is not `và ORG`
    assert C.issuer_after(CRAFTED[1], 15, len(CRAFTED[1])) == ("Chính phủ và UBND tỉnh Lâm Đồng", 52)
    assert C.issuer_before(CRAFTED[3], 0, len(CRAFTED[3])) == "Thủ tướng Chính phủ"
    assert C.actor_before(CRAFTED[5], 0, len(CRAFTED[5])) == ("Chính phủ", "24", "02", "2020")
    assert C.actor_before(CRAFTED[8], 0, len(CRAFTED[8])) == ("UBND huyện Đã", None, None, None)  # the whole pattern


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_the_reports_match_as_the_whole_patterns_do(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for pos, ch in enumerate(text):
        if ch in " ,\t\n":
            assert C.issuer_after(text, pos, len(text)) == _after(text, pos), pos
    # where the finders are asked (a type word) and where a tail ends (`tại `, `ban hành `, `có `)
    ends = {m.start() for m in TYPE_RE.finditer(text)}
    ends |= {m.end() for m in re.finditer(r"(?i:tại|hành|dựng|duyệt|kiến|có)[ \t]*\n?[ \t]*", text)}
    for hi in sorted(ends):
        lo = max(0, hi - 160)
        assert C.issuer_before(text, lo, hi) == _before(text, lo, hi), hi
        assert C.actor_before(text, lo, hi) == _actor(text, lo, hi), hi


def test_the_reports_do_name_issuers_there() -> None:
    """The comparison above is not empty: the reports name issuers after and before citations."""
    texts = [p.read_text(encoding="utf-8") for p in TEXTS]
    after = sum(C.issuer_after(t, pos, len(t)) is not None for t in texts for pos in range(len(t)) if t[pos] == " ")
    before = sum(
        C.actor_before(t, max(0, m.start() - 160), m.start()) is not None for t in texts for m in TYPE_RE.finditer(t)
    )
    assert after >= 100
    assert before >= 2
