"""Linear-time lookups give the answers the plain scans gave.

The rules used to rescan the whole text before a section for every indicator (restatements),
every section for every item (`Layout.section_at`) and every sector pattern for every sentence
(`detect_sector`). Each is now an index or a bisect. These tests run the pipeline both ways, with
the plain scans (kept here as the reference) patched in, on the dev corpus and on scaled documents
(one report's body repeated with its figures shifted, `tests/scaled.py`), and require identical
JSON. Speed itself is measured by `benchmarks/scaling.py`, never by a timed test. The scaled
documents' comparison runs the quadratic scans on purpose, so it is in the slow tier (`-m slow`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from llmx import sectors
from llmx.config import Settings
from llmx.contract import Section, Sector
from llmx.pipeline import extract_document
from llmx.rules import indicators
from llmx.rules.indicators import find_indicators
from llmx.rules.restatements import FigureIndex, is_restatement
from llmx.sections import Layout, split_sections
from llmx.vn import fold
from tests.conftest import DEV_REPORTS, MONTHLY, REPO
from tests.scaled import scaled_report

DEV_CORPUS = sorted(
    p
    for p in (REPO / "eval" / "corpus").glob("*")
    if p.name[:2] in {"03", "05", "14", "15", "20", "23", "25", "29", "34"}
)


# --- the plain scans, as they were -------------------------------------------------------------


def _spaced(words: str, *, whole_figure: bool, ends_with_figure: bool = False) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(w) for w in words.split())
    return re.compile((r"(?<![\d.,])" if whole_figure else "") + body + (r"(?![.,]?\d)" if ends_with_figure else ""))


def scan_is_restatement(
    index: FigureIndex, before: int, quote: tuple[int, int], figure: int, core: tuple[int, int] | None
) -> bool:
    """The quadratic scan: search the whole text before the section for the quote and the core."""
    text = index.text
    if before <= 0 or core is None or core[1] <= core[0]:
        return False
    quote_text, core_text = text[quote[0] : quote[1]], text[core[0] : core[1]]
    run_end = re.compile(r"\d+(?:[.,]\d+)*").match(text, figure).end()  # type: ignore[union-attr]
    # an earlier figure must be whole (`5 ha` is not written inside `15 ha`, `17` not inside `1756`)
    if _spaced(quote_text, whole_figure=quote[0] == figure, ends_with_figure=quote[1] == run_end).search(
        text, 0, before
    ):
        return True
    words = {w for w in re.findall(r"[^\W\d_]+", quote_text.lower()) if len(w) > 1}
    if not words:
        return False
    for m in _spaced(core_text, whole_figure=core[0] == figure, ends_with_figure=core[1] == run_end).finditer(
        text, 0, before
    ):
        window = text[max(0, m.start() - 80) : m.end() + 40].lower()
        if len(words & set(re.findall(r"[^\W\d_]+", window))) / len(words) >= 0.6:
            return True
    return False


def scan_section_at(layout: Layout, offset: int) -> Section | None:
    found = None
    for sec in layout.sections:
        if sec.start <= offset < sec.end and (found is None or sec.level >= found.level):
            found = sec
    return found


def _sector_pattern(cues: tuple[str, ...]) -> re.Pattern[str] | None:
    alts = "|".join(re.escape(fold(c)) for c in sorted(cues, key=len, reverse=True))
    return re.compile(r"(?<![\w])(?:" + alts + r")(?![\w])") if cues else None


_PLAIN_TIERS = [
    [
        (sector, p)
        for sector, cues in sectors.CUES
        if (p := _sector_pattern(tuple(c for c in cues if (c in sectors.WEAK) == weak)))
    ]
    for weak in (False, True)
]


def scan_detect_sector(text: str, *, strong_only: bool = False) -> Sector | None:
    """Every sector's pattern searched on its own; the earliest, then longest, match wins."""
    folded = fold(text)
    for blocker in sectors.BLOCKERS:  # `điện tử` names no sector
        folded = re.sub(rf"(?<!\w){re.escape(blocker)}(?!\w)", " " * len(blocker), folded)
    for tier in _PLAIN_TIERS[:1] if strong_only else _PLAIN_TIERS:
        best: tuple[int, int, Sector] | None = None
        for sector, pattern in tier:
            m = pattern.search(folded)
            if m and (best is None or (m.start(), -len(m.group())) < best[:2]):
                best = (m.start(), -len(m.group()), sector)
        if best:
            return best[2]
    return None


# --- documents -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scaled_paths(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """x1..x8 of the monthly report, x2 and x3 of the two longer ones."""
    folder = tmp_path_factory.mktemp("scaled")
    wanted = [(MONTHLY, n) for n in range(1, 9)] + [(p, n) for p in DEV_REPORTS if p != MONTHLY for n in (2, 3)]
    paths = []
    for report, n in wanted:
        path = folder / f"{report.stem}-x{n}.txt"
        path.write_text(scaled_report(report.read_text(encoding="utf-8"), n), encoding="utf-8")
        paths.append(path)
    return paths


def _json(path: Path) -> str:
    doc = extract_document(path, Settings(backend="rules"))
    return doc.model_dump_json(exclude={"source"})


def _plain_scans(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(indicators, "is_restatement", scan_is_restatement)
    monkeypatch.setattr(Layout, "section_at", scan_section_at)
    # `llmx.sectors` itself: tasks, limitations and proposals reach it through `statement_sector`
    for module in ("llmx.rules.indicators", "llmx.rules.paragraphs", "llmx.sectors", "llmx.llm.convert"):
        monkeypatch.setattr(f"{module}.detect_sector", scan_detect_sector)


def test_scaled_documents_grow_by_whole_copies_with_new_figures() -> None:
    raw = MONTHLY.read_text(encoding="utf-8")
    one, three = scaled_report(raw, 1), scaled_report(raw, 3)
    assert 2.8 < len(three) / len(one) < 3.2
    assert three.count("Tổng thu NSNN đến 20/02/2023 là ") == 3
    assert "là 88,8 tỷ đồng" in three and "là 89,8 tỷ đồng" in three and "là 90,8 tỷ đồng" in three


@pytest.mark.parametrize("path", DEV_REPORTS + DEV_CORPUS, ids=lambda p: p.name[:24])
def test_dev_reports_give_the_same_json_as_the_plain_scans(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _json(path)
    _plain_scans(monkeypatch)
    assert _json(path) == fast


@pytest.mark.slow  # the quadratic reference scans on documents up to 8x a report: ~20 s on 2 cores
def test_scaled_documents_give_the_same_json_as_the_plain_scans(
    scaled_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = {p.name: _json(p) for p in scaled_paths}
    _plain_scans(monkeypatch)
    for p in scaled_paths:
        assert _json(p) == fast[p.name], p.name


def test_scaled_copies_keep_their_own_figures() -> None:
    """Shifted copies are new results: each copy keeps most of its figures (x/y pairs and figures
    next to dates are not shifted, so those are restatements in later copies)."""
    raw = MONTHLY.read_text(encoding="utf-8")
    counts = []
    for n in (1, 4):
        path_text = scaled_report(raw, n)
        layout = split_sections(path_text)
        figures = FigureIndex(path_text)
        counts.append(
            sum(
                len(find_indicators(path_text, s, e, sector=sec.sector if sec else None, figures=figures))
                for sec, s, e in layout.own_spans()
                if sec is None or sec.role != "tasks"
            )
        )
    assert counts[1] >= 3.6 * counts[0]


# --- behaviour of the index itself ---------------------------------------------------------------


def test_a_figure_written_inside_a_longer_number_is_not_a_restatement() -> None:
    text = "1. Trồng trọt\nDiện tích lúa 15 ha.\n2. Tổng hợp\nDiện tích lúa 5 ha.\n"
    later = text.index("2. Tổng hợp")
    assert [i.value for i in find_indicators(text, later)] == [5]


def test_a_figure_restated_with_other_line_breaks_is_still_a_restatement() -> None:
    text = (
        "1. Trồng trọt\nDiện tích gieo cấy\nlúa xuân 6.128,7 ha.\n"
        "2. Tổng hợp\nDiện tích gieo cấy lúa xuân 6.128,7 ha.\n"
    )
    later = text.index("2. Tổng hợp")
    assert find_indicators(text, later) == []


def test_the_figure_index_answers_only_for_text_before_the_bound() -> None:
    text = "thu 12 tỷ đồng; chi 12 tỷ đồng; vay 12 triệu đồng; 112 tỷ đồng"
    index = FigureIndex(text)
    second = text.index("12", text.index("chi"))
    assert list(index.places("12", " t", second)) == [text.index("12")]
    assert list(index.places("12", " t", len(text))) == [text.index("12"), second, text.index("12", second + 2)]
    assert list(index.places("12", " tỷ", len(text)))[:2] == [text.index("12"), second]
    assert list(index.places("112", "", len(text))) == [text.index("112")]


def test_is_restatement_needs_the_words_near_an_earlier_figure() -> None:
    filler = " Công tác tuyên truyền được quan tâm thường xuyên, nhân dân đồng tình ủng hộ."
    text = (
        f"Thu ngân sách xã 12 tỷ đồng.{filler} Đầu tư trường học 12 tỷ đồng.{filler} Thu ngân sách xã đạt 12 tỷ đồng."
    )
    index = FigureIndex(text)
    invest = text.index("Đầu tư")
    fig = text.index("12", invest)
    quote = (invest, text.index(".", fig))
    core = (fig, quote[1])
    assert not is_restatement(index, invest, quote, fig, core)  # other words near the earlier 12
    last = text.rindex("Thu")
    fig = text.index("12", last)
    assert is_restatement(index, last, (last, text.rindex(".")), fig, (fig, text.rindex(".")))


def test_section_at_is_the_innermost_section_everywhere() -> None:
    raw = MONTHLY.read_text(encoding="utf-8")
    text = scaled_report(raw, 2)
    layout = split_sections(text)
    for offset in range(0, len(text), 7):
        assert layout.section_at(offset) == scan_section_at(layout, offset), offset


def test_detect_sector_agrees_with_the_per_sector_scan_on_every_line() -> None:
    lines = [line for p in DEV_REPORTS for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    for line in lines:
        for strong_only in (False, True):
            got = sectors.detect_sector(line[:120], strong_only=strong_only)
            assert got == scan_detect_sector(line[:120], strong_only=strong_only), line
