"""Shared fixtures: the bundled dev reports, settings for the LLM path, and the loopback server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from pydantic import SecretStr

from llmx.config import Settings
from llmx.normalize import normalize
from llmx.serve import SERVED_MODEL, RulesServer, ServerConfig

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
MONTHLY = SAMPLES / "2023-02-district-party-monthly.txt"
SOCIO = SAMPLES / "h1-2018-district-socioeconomic.txt"
WEBPAGE = SAMPLES / "h1-2023-commune-party-webpage.txt"
DEV_REPORTS = [MONTHLY, SOCIO, WEBPAGE]


@dataclass(frozen=True)
class Samples:
    """Where the bundled reports are, for tests that take them as a fixture."""

    folder: Path = SAMPLES
    monthly: Path = MONTHLY
    socio: Path = SOCIO
    webpage: Path = WEBPAGE

    @property
    def dev(self) -> list[Path]:
        return list(DEV_REPORTS)


@pytest.fixture(scope="session")
def samples() -> Samples:
    return Samples()


@pytest.fixture(scope="session")
def dev_texts() -> dict[str, str]:
    """Normalized text of each dev report, keyed by file stem."""
    return {p.stem: normalize(p.read_text(encoding="utf-8")).text for p in DEV_REPORTS}


def llm_settings(srv: RulesServer, **changes: object) -> Settings:
    """LLM settings for a loopback server: its model, URL and key, short timeouts and backoff."""
    key = SecretStr(srv.config.api_key) if srv.config.api_key else None
    base = Settings(
        backend="llm", model=SERVED_MODEL, base_url=srv.base_url, api_key=key, timeout=2.0, retry_backoff=0.01
    )
    return replace(base, **changes)


@pytest.fixture
def rules_server() -> Iterator[Callable[..., RulesServer]]:
    """Start loopback servers: `rules_server(faults=[...])` or `rules_server(config)`; all stop after the test."""
    started: list[RulesServer] = []

    def start(config: ServerConfig | None = None, **options: object) -> RulesServer:
        srv = RulesServer(config or ServerConfig(**options)).start()  # type: ignore[arg-type]
        started.append(srv)
        return srv

    yield start
    for srv in started:
        srv.stop()


@pytest.fixture
def server(rules_server: Callable[..., RulesServer]) -> RulesServer:
    """One loopback server with no faults."""
    return rules_server()


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
