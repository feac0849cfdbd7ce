"""Shared fixtures: the bundled dev reports and their normalized text."""

from __future__ import annotations

from pathlib import Path

import pytest

from llmx.normalize import normalize

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
MONTHLY = SAMPLES / "2023-02-district-party-monthly.txt"
SOCIO = SAMPLES / "h1-2018-district-socioeconomic.txt"
WEBPAGE = SAMPLES / "h1-2023-commune-party-webpage.txt"
DEV_REPORTS = [MONTHLY, SOCIO, WEBPAGE]


@pytest.fixture(scope="session")
def dev_texts() -> dict[str, str]:
    """Normalized text of each dev report, keyed by file stem."""
    return {p.stem: normalize(p.read_text(encoding="utf-8")).text for p in DEV_REPORTS}


CORPUS = REPO / "eval" / "corpus"
CORPUS_FILES = sorted(p for p in CORPUS.iterdir() if p.suffix in (".docx", ".doc", ".pdf", ".txt"))
CORPUS_WORD = [p for p in CORPUS_FILES if p.suffix in (".docx", ".doc")]


@pytest.fixture(scope="session")
def lo_exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """LibreOffice PDF exports of the corpus .docx/.doc files, made once per test session."""
    from tests.tools import soffice_convert

    out = tmp_path_factory.mktemp("lo-pdf")
    soffice_convert(CORPUS_WORD, "pdf", out)
    return {p.stem: out / f"{p.stem}.pdf" for p in CORPUS_WORD}


@pytest.fixture(scope="session")
def lo_texts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """LibreOffice's own plain-text export of the corpus .docx/.doc files (the reference text)."""
    from tests.tools import soffice_convert

    out = tmp_path_factory.mktemp("lo-txt")
    soffice_convert(CORPUS_WORD, "txt:Text (encoded):UTF8", out)
    return {p.stem: (out / f"{p.stem}.txt").read_text(encoding="utf-8-sig") for p in CORPUS_WORD}
