"""The normalizer's run-length source map and slice-wise passes against the per-character
implementation they replaced (kept here as the reference): same text, same map, character by
character, on the dev reports, the corpus text files and hostile strings."""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_left
from pathlib import Path

import pytest

from llmx import normalize as norm
from llmx.characters import SPACE_LIKE, ZERO_WIDTH
from llmx.normalize import normalize
from llmx.source_map import SourceMap

ROOT = Path(__file__).resolve().parent.parent


def _ref_char_pass(raw: str) -> tuple[str, array[int]]:
    out: list[str] = []
    smap = array("l")
    i, n = 0, len(raw)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(raw[j]):
            j += 1
        cluster = raw[i:j]
        if cluster == "\r":
            if j < n and raw[j] == "\n":
                i = j
                continue
            cluster = "\n"
        if cluster in ZERO_WIDTH:
            i = j
            continue
        cluster = SPACE_LIKE.get(cluster, cluster)
        composed = unicodedata.normalize("NFC", cluster) if not cluster.isascii() else cluster
        out.append(composed)
        # the one change from the old map: a mark NFC leaves apart maps to itself, not to its base
        smap.extend(range(i, j) if composed == cluster else [i] * len(composed))
        i = j
    return "".join(out), smap


def _ref_delete(text: str, smap: array[int], spans: list[tuple[int, int]]) -> tuple[str, array[int]]:
    if not spans:
        return text, smap
    keep_text: list[str] = []
    keep_map = array("l")
    pos = 0
    for start, end in norm._merge(spans):
        if start > pos:
            keep_text.append(text[pos:start])
            keep_map.extend(smap[pos:start])
        pos = max(pos, end)
    keep_text.append(text[pos:])
    keep_map.extend(smap[pos:])
    return "".join(keep_text), keep_map


def _ref_markdown_spans(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in norm._ESCAPE.finditer(text)]
    masked = list(text)
    for start, _ in spans:
        masked[start] = "\0"
        masked[start + 1] = "\0"
    masked_text = "".join(masked)
    for m in norm._ATX.finditer(masked_text):
        spans.append((m.start(1), m.end()))
    bold = [(m.start(), m.end()) for m in norm._BOLD.finditer(masked_text)]
    spans.extend(bold)
    blanked = list(masked_text)
    for start, end in bold:
        for k in range(start, end):
            blanked[k] = "\0"
    blanked_text = "".join(blanked).replace("\0", "")
    index = [k for k, ch in enumerate("".join(blanked)) if ch != "\0"]
    for m in norm._ITALIC.finditer(blanked_text):
        first, last = index[m.start()], index[m.end() - 1]
        if text[first] == "*" and text[last] == "*":
            spans.append((first, first + 1))
            spans.append((last, last + 1))
    return spans


def _reference(raw: str) -> tuple[str, list[int]]:
    text, smap = _ref_char_pass(raw)
    text, smap = _ref_delete(text, smap, _ref_markdown_spans(text))
    spans, _ = norm._duplicate_body_spans(text)
    text, smap = _ref_delete(text, smap, spans + norm._chrome_spans(text))
    return text, list(smap)


HOSTILE = [
    "",
    "a",
    "Dòng\u00a0một\r\nDòng\u200b hai\ufeff\r\n",
    "BÁO CÁO\rKết quả\r\rI. KẾT QUẢ\r\n",
    "Ho\u0300a bi\u0300nh \u0111a\u0323t 99,9% ke\u0302\u0301 hoa\u0323ch\r\n" * 3,  # decomposed (Windows-1258)
    "\u00a0\u0301 dấu trên khoảng trắng; \r\u0301 và \u200b\u0301 giữ nguyên",  # specials carrying marks
    "\u0301đầu dòng\n\u0301\u0302 và \u0344 \u212b \u0958 \u1100\u1161 \u0cbf\u0cd5",  # expansions, singletons
    "\\* *Thương mại:* \\\\*x* **đậm** ***y** \\**z** \0*nul*\0 * a*b *",
    "#### **1. Sản xuất**\n*** Hạn chế**\n  *  ĐÁNH GIÁ\n" + "x" * 70_000 + "\r\n\u00a0cuối\r\n",  # chunked
    ("Ho\u0300a bi\u0300nh\r\n" + "y" * 1000 + "\n") * 80,  # several chunks, some not NFC
]


def _files() -> list[Path]:
    return sorted(ROOT.glob("samples/*")) + sorted((ROOT / "eval" / "corpus").glob("*.txt"))


@pytest.mark.parametrize("raw", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_strings_normalize_as_the_per_character_reference(raw: str) -> None:
    got = normalize(raw)
    assert (got.text, list(got.source_map)) == _reference(raw)


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.stem)
def test_reports_normalize_as_the_per_character_reference(path: Path) -> None:
    from llmx.read import read_document

    raw = read_document(path).text
    for variant in (raw, raw.replace("\n", "\r\n"), unicodedata.normalize("NFD", raw)):
        got = normalize(variant)
        text, smap = _reference(variant)
        assert got.text == text and list(got.source_map) == smap
        for source in range(0, len(variant) + 1, 97):  # tables map through the first char at or after
            assert got.source_map.normalized_index(source) == bisect_left(smap, source)


def test_the_map_is_a_few_runs_not_a_cell_per_character() -> None:
    raw = (ROOT / "samples" / "2023-02-district-party-monthly.txt").read_text(encoding="utf-8")
    n = normalize(raw.replace("\n", "\r\n"))
    assert len(n.source_map) == len(n.text) > 20_000
    # a run per CRLF and per markdown marker deleted, not a cell per character
    assert n.source_map.runs <= raw.count("\n") + raw.count("*") + 1


def test_source_map_indexing_slicing_and_deleting() -> None:
    smap = SourceMap(array("q", [0, 3, 4]), array("q", [10, 20, 20]), 6)
    assert list(smap) == [10, 11, 12, 20, 20, 21] and smap[-1] == 21 and smap[1:3] == [11, 12]
    assert [smap.normalized_index(s) for s in (0, 11, 13, 20, 21, 22)] == [0, 1, 3, 3, 5, 6]
    assert list(smap.without([(1, 2), (3, 5)])) == [10, 12, 21]
    with pytest.raises(IndexError):
        smap[6]
    assert list(SourceMap.identity(0)) == [] and list(SourceMap.identity(3)) == [0, 1, 2]


def test_memory_of_the_map_does_not_grow_with_the_text() -> None:
    """Not a timing test: the number of runs, which is what the map stores, for a text 64x longer."""
    line = "Tổng thu ngân sách đạt 88,8 tỷ đồng, bằng 54,1% dự toán.\n"
    small, big = normalize(line * 1000), normalize(line * 64_000)
    assert small.source_map.runs == big.source_map.runs == 1
    assert re.fullmatch(r"(?:Tổng thu .*\n)+", big.text)
