"""SmolLM2-135M-Instruct's eval, replayed offline from cassettes recorded against a real llama.cpp
server (`llmx serve --gguf smollm2`), as CI runs it: no server, no network, no key.

The recording command is in the README ("A real model's scores"); these settings must be the ones
it used, since the request bodies (max_tokens, mode) are part of what a replay matches on. The
scores are a 135M-parameter model's on one short dev report (in-sample split): low, and real.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from llmx.config import REPO_ROOT, Settings
from llmx.evaluation.recording import replay_report
from llmx.evaluation.report import metrics
from llmx.evaluation.runner import gold_cases, run_eval
from llmx.llm.cassettes import cassette_path
from llmx.serve.llamacpp import SMOLLM2

RECORDED = {"model": SMOLLM2, "prompt": "section@v2", "mode": "json_schema", "max_answer_tokens": 384}
DOCS = ["29-phuocson-district-q1-2024"]
CASSETTES = REPO_ROOT / "eval" / "cassettes"


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> Settings:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "LLMX_API_KEY", "LLMX_BASE_URL", "LLMX_MAX_ANSWER_TOKENS"):
        monkeypatch.delenv(name, raising=False)
    return Settings(backend="llm", **RECORDED)  # type: ignore[arg-type]


def _cassettes() -> list[Path]:
    return [cassette_path(CASSETTES, SMOLLM2, RECORDED["prompt"], case.source_path) for case in gold_cases(only=DOCS)]


def _chats(path: Path) -> list[tuple[dict, dict]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        (json.loads(i["request"]["body"]), json.loads(i["response"]["body"]["string"]))
        for i in data["interactions"]
        if i["request"]["uri"].endswith("/chat/completions")
    ]


def test_smollm2_eval_replays_offline_under_its_own_name_and_is_scored(offline):
    summary = run_eval(offline, only=DOCS)
    assert summary["run"]["replayed"] is True and summary["run"]["model"] == SMOLLM2
    assert summary["run"]["documents"] == DOCS and list(summary["splits"]) == ["dev"]
    scores = metrics(summary["splits"]["dev"])
    assert {"indicators.f1", "limitations.f1", "metadata.accuracy"} <= set(scores)
    assert all(0.0 <= v <= 1.0 for k, v in scores.items() if not k.endswith("hallucination_rate"))
    doc = replay_report(gold_cases(only=DOCS)[0].source_path, offline)
    assert doc.extractor.model == doc.extractor.served_model == SMOLLM2
    assert doc.extractor.usage.completion_tokens > 0


def test_the_cassettes_hold_llama_cpp_answers_from_smollm2_in_json_schema_mode():
    """Honest recordings: llama.cpp's own answer shape (its `timings`), the model's own name, and
    every answer within the max_tokens its request sent."""
    for path in _cassettes():
        chats = _chats(path)
        # one section request (at most 7 after two halvings, 3 attempts each) and one metadata request
        assert 2 <= len(chats) <= 7 * 3 + 3, path
        for body, answer in chats:
            assert body["model"] == answer["model"] == SMOLLM2
            assert body["response_format"]["type"] == "json_schema"
            assert 0 < body["max_tokens"] <= RECORDED["max_answer_tokens"]
            assert "timings" in answer and answer["usage"]["completion_tokens"] <= body["max_tokens"]
            assert answer["choices"][0]["finish_reason"] in ("stop", "length")


def test_the_readme_publishes_the_replayed_scores(offline):
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    scores = metrics(run_eval(offline, only=DOCS)["splits"]["dev"])
    section = readme.split("### A real model's scores")[1].split("\n### ")[0]
    rows = dict(re.findall(r"^\| (\S+) \| [^|]+ \| ([0-9.]+|—) \|$", section, re.M))
    assert rows, "the README's SmolLM2 table is missing"
    for name, shown in rows.items():
        assert shown == (f"{scores[name]:.3f}" if name in scores else "—"), name
