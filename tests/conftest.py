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
