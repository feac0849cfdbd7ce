"""Every found report reads, extracts offline with exact offsets, and matches an independent reference.

The corpus is `eval/corpus/` (real .docx, Word 97 .doc, Word PDFs and web-page excerpts) plus
LibreOffice PDF exports of its Word files, made here. References come from other programs:
pdftotext for a PDF, LibreOffice's own rendering (exported to PDF, read by pdftotext) for a
Word file. Fidelity is measured by words and word order (`tests.fidelity`).

Whatever runs LibreOffice (the exports and text renderings of every Word file, and reading the
Word 97 `.doc`, which LibreOffice converts first) is in the slow tier (`python -m pytest -m slow`,
which `.ci/run` runs after the default tier): a dozen LibreOffice runs take a minute on 2 cores.
The Word 97 path itself stays in the default tier through `tests/test_read_office.py`.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from llmx.config import Settings
from llmx.contract import grounding_errors
from llmx.normalize import normalize
from llmx.pipeline import extract_document
from llmx.read import read_document
from tests.conftest import CORPUS_FILES, CORPUS_WORD
from tests.fidelity import fidelity
from tests.tools import need, pdftotext

RULES = Settings(backend="rules")
MIN_FIDELITY = 0.97
LIBREOFFICE = pytest.mark.slow  # LibreOffice runs: see the module docstring


def _lo_slow(paths: list[Path]) -> list[object]:
    """The files, the Word 97 ones (read through LibreOffice) in the slow tier."""
    return [pytest.param(p, marks=LIBREOFFICE) if p.suffix == ".doc" else p for p in paths]


def _check_extraction(path: Path) -> None:
    doc = extract_document(path, RULES)
    assert grounding_errors(doc) == []
    assert doc.text.strip()
    items = doc.indicators + doc.references
    assert all(doc.text[i.start : i.end] == i.quote for i in items)
    assert all(doc.text[t.start : t.end] == t.text for t in doc.tasks + doc.limitations)


@pytest.mark.parametrize("path", _lo_slow(CORPUS_FILES), ids=lambda p: p.name)
def test_every_corpus_file_extracts_offline_with_exact_quotes(path: Path) -> None:
    if path.suffix == ".doc":
        need("soffice")
    _check_extraction(path)


@LIBREOFFICE
@pytest.mark.parametrize("path", CORPUS_WORD, ids=lambda p: p.stem)
def test_libreoffice_pdf_export_of_each_word_file_extracts_with_exact_quotes(
    path: Path, lo_exports: dict[str, Path]
) -> None:
    _check_extraction(lo_exports[path.stem])


def _tables_hold(path: Path) -> int:
    raw = read_document(path)
    for t in raw.tables:
        block = raw.text[t.start : t.end]
        assert block.count("\n") == len(t.rows) - 1  # one line per row
        for row in t.rows:
            line = raw.text[row.start : row.end]
            assert "\n" not in line
            assert " | ".join(raw.text[c.start : c.end] for c in row.cells) == line
    norm = normalize(raw.text, raw.tables)
    assert len(norm.tables) == len(raw.tables)
    for t in norm.tables:
        for row in t.rows:
            assert " | ".join(norm.text[c.start : c.end] for c in row.cells) == norm.text[row.start : row.end]
    return len(raw.tables)


@pytest.mark.parametrize("path", _lo_slow([p for p in CORPUS_FILES if p.suffix != ".txt"]), ids=lambda p: p.name)
def test_table_offsets_are_exact_before_and_after_normalizing(path: Path) -> None:
    if path.suffix == ".doc":
        need("soffice")
    _tables_hold(path)


@LIBREOFFICE
def test_table_offsets_are_exact_in_libreoffice_exports(lo_exports: dict[str, Path]) -> None:
    assert sum(_tables_hold(pdf) for pdf in lo_exports.values()) >= 8  # 01 alone has 8 (one split by a page)


@pytest.mark.parametrize("path", [p for p in CORPUS_FILES if p.suffix == ".pdf"], ids=lambda p: p.stem)
def test_corpus_pdf_matches_pdftotext_by_words_and_order(path: Path) -> None:
    words, order = fidelity(read_document(path), pdftotext(path))
    assert words >= MIN_FIDELITY and order >= MIN_FIDELITY, (words, order)


@LIBREOFFICE
@pytest.mark.parametrize("path", CORPUS_WORD, ids=lambda p: p.stem)
def test_word_file_matches_libreoffice_text_by_words_and_order(path: Path, lo_texts: dict[str, str]) -> None:
    words, order = fidelity(read_document(path), lo_texts[path.stem], notes=False)
    assert words >= MIN_FIDELITY and order >= MIN_FIDELITY, (words, order)


@LIBREOFFICE
@pytest.mark.parametrize("path", CORPUS_WORD, ids=lambda p: p.stem)
def test_libreoffice_pdf_export_matches_the_source_text_by_words_and_order(
    path: Path, lo_exports: dict[str, Path], lo_texts: dict[str, str]
) -> None:
    """The export is read against LibreOffice's text of the file it was made from (pdftotext of
    such an export tears words where LibreOffice mixed fonts for Vietnamese glyphs; 06 is the
    file with the most such glyphs, and with notes marked `(n)`, which the export draws `n()`).
    The header rows the export repeats on each page of a long table (37: 57 pages) are in that
    text once, so they are left out here."""
    words, order = fidelity(read_document(lo_exports[path.stem]), lo_texts[path.stem], notes=False, repeats=False)
    assert words >= MIN_FIDELITY and order >= MIN_FIDELITY, (words, order)


def test_fidelity_measure_catches_torn_words_and_scrambled_lines() -> None:
    """The measure can fail: the same words shuffled by line, or torn apart, score far below."""
    path = next(p for p in CORPUS_FILES if p.suffix == ".pdf")
    doc = read_document(path)
    reference = pdftotext(path)
    rng = random.Random(7)
    lines = []
    for line in doc.text.split("\n"):
        words = line.split(" ")
        rng.shuffle(words)
        lines.append(" ".join(words))
    from dataclasses import replace

    shuffled = replace(doc, text="\n".join(lines), tables=[])
    assert fidelity(shuffled, reference)[1] < 0.8
    torn = replace(doc, text=" ".join(doc.text.replace("á", " ").replace("ư", " ").split()), tables=[])
    words, order = fidelity(torn, reference)
    assert words < MIN_FIDELITY and order < MIN_FIDELITY
