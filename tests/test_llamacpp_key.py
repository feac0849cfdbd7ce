"""The key llmx's llama.cpp server requires: resolved once in llmx/config.py (flag > environment >
none), handed down to the server's options, and never shown (no xllamacpp needed: the server's
start is replaced by a recorder)."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

import llmx.serve.llamacpp as llamacpp
from llmx.cli import app
from llmx.config import llamacpp_api_key
from llmx.serve.llamacpp import ServerOptions

KEY = "sk-llamacpp-secret-123456"


def test_the_llamacpp_key_resolves_flag_over_environment_over_none():
    env = {"LLMX_LLAMACPP_API_KEY": KEY}
    assert llamacpp_api_key("from-the-flag", env) == "from-the-flag"
    assert llamacpp_api_key(None, env) == KEY
    assert llamacpp_api_key("", env) == KEY  # an empty flag is no flag
    assert llamacpp_api_key(None, {}) is None
    assert llamacpp_api_key(None, {"LLMX_LLAMACPP_API_KEY": ""}) is None


@pytest.fixture
def served(monkeypatch, tmp_path: Path) -> tuple[Path, list[ServerOptions]]:
    """A GGUF file (only its name is read) and the options the server would be started with."""
    monkeypatch.delenv("LLMX_LLAMACPP_API_KEY", raising=False)
    started: list[ServerOptions] = []
    monkeypatch.setattr(llamacpp, "serve_forever", lambda options, announce: started.append(options))
    gguf = tmp_path / "tiny.gguf"
    gguf.write_bytes(b"GGUF")
    return gguf, started


def test_llmx_serve_gguf_requires_the_flag_key_before_the_environment_one(served):
    gguf, started = served
    runner = CliRunner()
    env = {"LLMX_LLAMACPP_API_KEY": KEY}
    flagged = runner.invoke(app, ["serve", "--gguf", str(gguf), "--api-key", "flag-key-789"], env=env)
    from_env = runner.invoke(app, ["serve", "--gguf", str(gguf)], env=env)
    without = runner.invoke(app, ["serve", "--gguf", str(gguf)])
    assert flagged.exit_code == from_env.exit_code == without.exit_code == 0, flagged.output
    assert [o.api_key for o in started] == ["flag-key-789", KEY, None]
    assert KEY not in from_env.output and KEY not in from_env.stderr


def test_python_m_llmx_serve_llamacpp_takes_its_key_from_the_environment(served, monkeypatch):
    gguf, started = served
    monkeypatch.setenv("LLMX_LLAMACPP_API_KEY", KEY)
    llamacpp.main([str(gguf), "--port", "0"])
    assert started[0].api_key == KEY and started[0].model_path == gguf


def test_the_server_options_never_show_the_key():
    options = ServerOptions(model_path=Path("m.gguf"), api_key=KEY)
    assert KEY not in repr(options) and KEY not in str(options)
