"""The README's Ollama and vLLM recipes: the llmx line, run as written against the loopback server
answering at the same URL path under the same model name (the servers themselves are not run here;
llama.cpp's recipe runs whole with a real model in test_llamacpp_server.py)."""

import json
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from llmx.serve import RulesServer, ServerConfig
from tests.recipes import argv, recipe

FIXTURE = Path(__file__).parent / "fixtures" / "reports" / "one-section-budget.txt"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize(
    ("name", "port", "model"), [("ollama", "11434", "qwen2.5:7b"), ("vllm", "8000", "Qwen/Qwen2.5-7B-Instruct")]
)
def test_the_readme_recipe_runs_against_a_server_at_that_url_with_that_model(name, port, model, tmp_path):
    lines = recipe(name)
    assert lines[0].split()[0] in ("ollama", "vllm")  # the server's own command: not run here
    free = str(_free_port())
    (tmp_path / FIXTURE.relative_to(FIXTURE.parents[3])).parent.mkdir(parents=True)
    shutil.copy(FIXTURE, tmp_path / FIXTURE.relative_to(FIXTURE.parents[3]))
    with RulesServer(ServerConfig(model=model), port=int(free)):
        for line in lines[1:]:
            args = argv(line, **{f"127.0.0.1:{port}/": f"127.0.0.1:{free}/"})
            assert args[0] == "llmx"
            done = subprocess.run(
                [sys.executable, "-m", "llmx", *args[1:]], cwd=tmp_path, capture_output=True, text=True
            )
            assert done.returncode == 0, done.stderr
    doc = json.loads((tmp_path / "one-section.json").read_text(encoding="utf-8"))
    assert doc["extractor"]["model"] == model and doc["indicators"] and doc["problems"] == []
