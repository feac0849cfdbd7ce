"""Installed the way users install it: build the wheel, install it (not editable) into a fresh venv,
and use the `llmx` command from outside the checkout, so nothing can come from the source tree.

Slow (a venv and a real dependency install, ~30-60 s): in the slow tier (`python -m pytest -m slow`,
which `.ci/run` runs after the default tier); `LLMX_SKIP_WHEEL=1` skips it there too, except under CI
(`CI=true`, as `.ci/run` sets), where it always runs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from llmx.llm import prompts
from llmx.schema import SCHEMA_FILE

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "2023-02-district-party-monthly.txt"

pytestmark = [
    pytest.mark.slow,  # a wheel build, a venv and a real dependency install: the slow tier (`-m slow`)
    pytest.mark.skipif(
        bool(os.environ.get("LLMX_SKIP_WHEEL")) and os.environ.get("CI", "").lower() != "true",
        reason="LLMX_SKIP_WHEEL is set (CI=true runs it anyway)",
    ),
]


@dataclass
class Installed:
    wheel: Path
    venv: Path
    work: Path  # a folder outside the checkout, the cwd of every command
    timings: dict[str, float]

    @property
    def llmx(self) -> str:
        return str(self.venv / "bin" / "llmx")

    def run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LLMX_", "OPENAI_"))}
        env["PATH"] = f"{self.venv / 'bin'}:{env.get('PATH', '')}"
        return subprocess.run(
            [self.llmx, *args], cwd=self.work, env=env, capture_output=True, text=True, timeout=timeout, check=False
        )


def _timed(timings: dict[str, float], name: str, args: list[str], **kw: object) -> None:
    t0 = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, check=False, **kw)  # type: ignore[call-overload]
    timings[name] = time.perf_counter() - t0
    assert done.returncode == 0, f"{name} failed:\n{done.stdout}\n{done.stderr}"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    tmp = tmp_path_factory.mktemp("wheel")
    timings: dict[str, float] = {}
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    _timed(
        timings,
        "build wheel",
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp / "dist"), str(ROOT)],
        env=env,
    )
    (wheel,) = (tmp / "dist").glob("llmx-*.whl")
    _timed(timings, "create venv", [sys.executable, "-m", "venv", str(tmp / "venv")])
    # --no-compile: byte-compiling ~50 packages is a third of the install's CPU and not what is tested
    _timed(
        timings,
        "pip install wheel",
        [str(tmp / "venv" / "bin" / "python"), "-m", "pip", "install", "-q", "--no-compile", str(wheel)],
        env=env,
    )
    work = tmp / "work"
    work.mkdir()
    yield Installed(wheel, tmp / "venv", work, timings)
    print("\nwheel test timings: " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))


def test_the_wheel_ships_prompts_and_schemas_and_no_tests(installed: Installed) -> None:
    names = zipfile.ZipFile(installed.wheel).namelist()
    shipped_prompts = {n.rsplit("/", 1)[1] for n in names if n.startswith("llmx/_prompts/")}
    assert shipped_prompts == {p.name for p in (ROOT / "prompts").glob("*.jinja")}
    assert f"llmx/_schemas/{SCHEMA_FILE}" in names
    assert not [n for n in names if n.startswith(("tests/", "samples/", "eval/", "benchmarks/"))]


def test_the_default_install_is_lean_and_parquet_is_an_extra(installed: Installed) -> None:
    py = installed.venv / "bin" / "python"
    probe = "import importlib.util as u; print(u.find_spec('pyarrow') is None, u.find_spec('openai') is not None)"
    assert subprocess.run([str(py), "-c", probe], capture_output=True, text=True, check=False).stdout.split() == [
        "True",
        "True",
    ]


def test_installed_llmx_extracts_a_report_with_the_rules(installed: Installed) -> None:
    done = installed.run("extract", str(SAMPLE), "-o", "rules.json")
    assert done.returncode == 0, done.stderr
    doc = json.loads((installed.work / "rules.json").read_text(encoding="utf-8"))
    assert doc["extractor"]["backend"] == "rules"
    assert len(doc["indicators"]) > 20 and len(doc["tasks"]) > 10
    assert installed.run("--version").stdout.startswith("llmx ")


def test_installed_prompts_list_shows_the_shipped_templates_with_the_checkouts_hashes(installed: Installed) -> None:
    done = installed.run("prompts", "list")
    assert done.returncode == 0, done.stderr
    listed = {line.split()[0]: line.split()[1] for line in done.stdout.splitlines()[1:]}
    assert listed == {p.ref: p.hash for p in prompts.list_prompts()}


def test_installed_prompts_list_with_an_empty_folder_fails_clearly(installed: Installed) -> None:
    (installed.work / "empty").mkdir(exist_ok=True)
    done = installed.run("prompts", "list", "--prompts-dir", "empty")
    assert done.returncode == 3
    assert "no prompt templates" in done.stderr and "Traceback" not in done.stderr


def test_installed_schema_check_compares_the_shipped_schema(installed: Installed) -> None:
    done = installed.run("schema", "--check")
    assert done.returncode == 0, done.stderr
    assert "up to date" in done.stderr and "site-packages" in done.stderr
    printed = installed.run("schema")  # installed: printed, never written into site-packages
    assert printed.returncode == 0
    assert printed.stdout == (ROOT / "schemas" / SCHEMA_FILE).read_text(encoding="utf-8")


def test_installed_tables_default_to_csv_and_xlsx_and_parquet_asks_for_the_extra(installed: Installed) -> None:
    assert installed.run("extract", str(SAMPLE), "-o", "t.json").returncode == 0
    done = installed.run("tables", "t.json", "--out", "tables")
    assert done.returncode == 0, done.stderr
    assert {p.suffix for p in (installed.work / "tables").iterdir()} == {".csv", ".xlsx"}
    parquet = installed.run("tables", "t.json", "--out", "tables-pq", "-f", "parquet")
    assert parquet.returncode == 3
    assert parquet.stderr.strip().endswith("pip install 'llmx[parquet]'")
    assert not (installed.work / "tables-pq").exists()
    run = installed.run("run", str(SAMPLE), "--out", "run", "--no-progress")  # default tables, no pyarrow
    assert run.returncode == 0, run.stderr
    assert {p.suffix for p in (installed.work / "run" / "tables").iterdir()} == {".csv", ".xlsx"}


def test_installed_llm_extract_against_installed_llmx_serve(installed: Installed) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LLMX_", "OPENAI_"))}
    server = subprocess.Popen(
        [installed.llmx, "serve", "--port", "0"], cwd=installed.work, env=env, stderr=subprocess.PIPE, text=True
    )
    try:
        assert server.stderr is not None
        line = server.stderr.readline()  # "llmx: serving llmx-rules-server at http://127.0.0.1:PORT/v1 (...)"
        url = next(word for word in line.split() if word.startswith("http://"))
        done = installed.run(
            "extract",
            str(SAMPLE),
            "--backend",
            "llm",
            "--model",
            "llmx-rules-server",
            "--base-url",
            url,
            "-o",
            "llm.json",
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert done.returncode == 0, done.stderr
    doc = json.loads((installed.work / "llm.json").read_text(encoding="utf-8"))
    assert doc["extractor"]["backend"] == "llm" and doc["extractor"]["prompt"] == "section@v2"
    assert doc["extractor"]["usage"]["requests"] > 0
    assert len(doc["indicators"]) > 20
