"""The command-line conventions people expect, each tried from the command line: -q/-v, stdin,
environment variables in --help, --strict, gate specs checked first, the /v1 hint, unknown prompts
refused, progress that fits a narrow terminal; and the prompt engineer's tools (prompts render,
--section, the request log)."""

import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llmx.cli import app
from llmx.cli.documents import STRICT_EXIT
from llmx.config import REPO_ROOT, Settings
from llmx.run.progress import Progress
from tests.test_llm_extract import REPORT

runner = CliRunner()
ONE_SECTION = Path(__file__).parent / "fixtures" / "reports" / "one-section-budget.txt"
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "an-hoa.txt"
    path.write_text(REPORT.format(marker=""), encoding="utf-8")
    return path


def _llm(srv, *more: str) -> list[str]:
    return ["--backend", "llm", "--model", srv.config.model, "--base-url", srv.base_url, *more]


# -- -q / -v ---------------------------------------------------------------------------------------


def test_quiet_prints_nothing_on_stderr_but_errors(tmp_path):
    done = runner.invoke(app, ["extract", str(ONE_SECTION), "-q", "-o", str(tmp_path / "a.json")])
    assert done.exit_code == 0 and done.stderr == "" and (tmp_path / "a.json").exists()
    done = runner.invoke(app, ["-q", "extract", str(ONE_SECTION), "-o", str(tmp_path / "b.json")])
    assert done.exit_code == 0 and done.stderr == ""
    missing = runner.invoke(app, ["extract", str(tmp_path / "none.txt"), "-q"])
    assert missing.exit_code == 2 and missing.stderr.startswith("llmx: error:") and "file not found" in missing.stderr


def test_verbose_prints_a_line_per_model_request(server, report):
    done = runner.invoke(app, ["extract", str(report), *_llm(server), "-v"])
    assert done.exit_code == 0, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("llmx: request for ")]
    assert len(lines) == len(json.loads(done.stdout)["extractor"]["calls"]) >= 2
    assert "tokens" in lines[0] and "stop" in lines[0]
    plain = runner.invoke(app, ["extract", str(report), *_llm(server)])
    assert "llmx: request for " not in plain.stderr


# -- stdin -----------------------------------------------------------------------------------------


def test_extract_reads_standard_input_named_or_sniffed(tmp_path):
    text = ONE_SECTION.read_text(encoding="utf-8")
    piped = runner.invoke(app, ["extract", "-", "-q"], input=text.encode())
    assert piped.exit_code == 0, piped.stderr
    doc = json.loads(piped.stdout)
    assert doc["source"]["path"] == "<stdin>" and doc["source"]["format"] == "txt" and doc["indicators"]
    from_file = json.loads(runner.invoke(app, ["extract", str(ONE_SECTION), "-q"]).stdout)
    assert doc["indicators"] == from_file["indicators"]
    html = f"<html><body><p>{text.replace(chr(10), '</p><p>')}</p></body></html>"
    named = runner.invoke(app, ["extract", "-", "--stdin-name", "bao-cao.html", "-q"], input=html.encode())
    assert named.exit_code == 0, named.stderr
    source = json.loads(named.stdout)["source"]
    assert source["path"] == "bao-cao.html" and source["format"] == "html"
    docx = (REPO_ROOT / "eval" / "corpus").glob("*.docx")
    sample = next(iter(sorted(docx)))
    sniffed = runner.invoke(app, ["extract", "-", "-q"], input=sample.read_bytes())
    assert sniffed.exit_code == 0 and json.loads(sniffed.stdout)["source"]["format"] == "docx"
    empty = runner.invoke(app, ["extract", "-"], input=b"")
    assert empty.exit_code == 2 and "<stdin>: empty file" in empty.stderr
    wrong = runner.invoke(app, ["extract", str(ONE_SECTION), "--stdin-name", "x.txt"])
    assert wrong.exit_code == 3


# -- environment variables in --help ---------------------------------------------------------------

# settings no flag sets (a traceback switch, the tokenizer choice, an old alias, the validation attempts,
# the halvings of a text whose answer is cut)
_NOT_OPTIONS = {
    "LLMX_DEBUG",
    "LLMX_TOKENIZER",
    "LLMX_PROMPTS_DIR",
    "LLMX_LLAMACPP_API_KEY",
    "LLMX_MAX_RETRIES",
    "LLMX_MAX_SPLIT_DEPTH",
}


def _help(*command: str) -> str:
    done = runner.invoke(app, [*command, "--help"], terminal_width=200)
    assert done.exit_code == 0
    return " ".join(done.stdout.split())


def test_every_environment_variable_an_option_reads_is_named_in_that_commands_help():
    source = (REPO_ROOT / "llmx" / "config.py").read_text(encoding="utf-8")
    read = set(re.findall(r'"((?:LLMX|OPENAI)_[A-Z_]+)"', source)) - _NOT_OPTIONS
    helps = {c: _help(*c.split()) for c in ("extract", "run", "eval", "record", "prompts render")}
    assert read <= set(re.findall(r"(?:LLMX|OPENAI)_[A-Z_]+", " ".join(helps.values()))), read
    flags = {  # option -> its variable, in every command that has the option
        "--model": "LLMX_MODEL",
        "--base-url": "OPENAI_BASE_URL",
        "--api-key": "OPENAI_API_KEY",
        "--mode": "LLMX_MODE",
        "--prompt ": "LLMX_PROMPT",
        "--prompts-dir": "LLMX_PROMPTS",
        "--backend": "LLMX_BACKEND",
        "--max-answer-tokens": "LLMX_MAX_ANSWER_TOKENS",
        "--timeout ": "LLMX_TIMEOUT",
        "--log ": "LLMX_LOG",
        "--max-file-mb": "LLMX_MAX_FILE_MB",
        "--concurrency": "LLMX_CONCURRENCY",
        "--cache ": "LLMX_CACHE",
        "--throttle-budget": "LLMX_THROTTLE_BUDGET",
    }
    for command, text in helps.items():
        for flag, env in flags.items():
            option = f"{flag.strip()} <"  # the option's own line: its name and metavar
            if option in text:
                after = text[text.index(option) :]
                assert f"env {env}" in after[:400], (command, flag, env)


# -- --strict ----------------------------------------------------------------------------------------


def test_strict_exits_9_when_a_section_ended_in_problems_and_still_writes_the_output(rules_server, report, tmp_path):
    srv = rules_server(faults=["schema_invalid"] * 100)
    out = tmp_path / "out.json"
    done = runner.invoke(app, ["extract", str(report), *_llm(srv), "--strict", "-o", str(out)])
    assert done.exit_code == STRICT_EXIT == 9 and "--strict" in done.stderr and out.exists()
    assert json.loads(out.read_text(encoding="utf-8"))["problems"]
    lenient = runner.invoke(app, ["extract", str(report), *_llm(srv), "-o", str(out)])
    assert lenient.exit_code == 0
    clean = runner.invoke(app, ["extract", str(report), "--strict", "-q"])  # rules: no section in problems
    assert clean.exit_code == 0


# -- gates checked before the eval runs -------------------------------------------------------------


@pytest.mark.parametrize(
    "gate", ["indicators.f1", "indicators.f1=high", "indicator.f1=0.9", "tasks.value.accuracy=0.5"]
)
def test_a_malformed_or_unknown_gate_is_refused_before_anything_is_scored(gate, tmp_path):
    done = runner.invoke(app, ["eval", "--fail-under", gate, "--out", str(tmp_path)])
    assert done.exit_code == 3 and "bad gate" in done.stderr
    assert "scoring" not in done.stderr and not list(tmp_path.iterdir())


# -- the /v1 hint, unknown prompts ---------------------------------------------------------------------


def test_a_base_url_without_v1_gets_a_hint_when_the_server_answers_404(server, report):
    bare = server.base_url.removesuffix("/v1")
    done = runner.invoke(app, ["extract", str(report), "--model", server.config.model, "--base-url", bare])
    assert done.exit_code == 4
    assert "the base URL has no /v1" in done.stderr and f"--base-url {bare}/v1" in done.stderr


@pytest.mark.parametrize("how", ["flag", "env"])
def test_an_unknown_prompt_is_refused_even_with_the_rules_backend(how, monkeypatch):
    args = ["extract", str(ONE_SECTION), "--backend", "rules"]
    if how == "flag":
        args += ["--prompt", "section@v99"]
    else:
        monkeypatch.setenv("LLMX_PROMPT", "section@v99")
    done = runner.invoke(app, args)
    assert done.exit_code == 3 and "section.v99.jinja not found" in done.stderr
    bad = runner.invoke(app, ["extract", str(ONE_SECTION), "--prompt", "section-v1"])
    assert bad.exit_code == 3 and "NAME@vN" in bad.stderr


# -- progress ---------------------------------------------------------------------------------------


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("width", [30, 50, 120])
def test_the_progress_bar_fits_the_terminal_on_one_line(width):
    stream = _Terminal()
    bar = Progress(stream, width=width)
    bar.update(docs_total=1500, jobs_total=21_000, tokens=12_345_678, cost=12.3456)
    for _k in range(1, 4):
        bar.add(docs_done=1, jobs_done=7, cached=3)
        bar._drawn = 0.0  # draw every update (the bar redraws at most 5 times a second)
    bar.close()
    drawn = [_ANSI.sub("", line) for line in re.split(r"[\r\n]", stream.getvalue())]
    assert any("3/1500" in line for line in drawn)
    assert all(len(line) <= width for line in drawn), max(drawn, key=len)


def test_without_a_terminal_progress_is_a_plain_line_now_and_then():
    stream = io.StringIO()
    bar = Progress(stream)
    bar.update(docs_total=100)
    for _ in range(100):
        bar.add(docs_done=1)
    bar.close()
    lines = stream.getvalue().splitlines()
    assert 5 <= len(lines) <= 12 and all(line.startswith("llmx: ") and "\x1b" not in line for line in lines)


def test_extract_on_the_llm_backend_draws_its_requests_on_a_terminal(server, report, monkeypatch):
    from llmx.cli import common

    stream = _Terminal()  # the runner's stderr is no terminal: the bar draws here instead

    def on_a_terminal(self, enabled: bool) -> None:
        self.bar = Progress(stream, enabled=enabled)

    monkeypatch.setattr(common.SectionProgress, "__init__", on_a_terminal)
    done = runner.invoke(app, ["extract", str(report), *_llm(server)])
    assert done.exit_code == 0
    drawn = _ANSI.sub("", stream.getvalue())
    assert re.search(r"\b(\d+)/\1\b", drawn)  # the bar reached n/n requests


# -- prompt engineers ------------------------------------------------------------------------------


def test_prompts_render_prints_exactly_the_requests_extract_sends(server, report):
    rendered = runner.invoke(
        app,
        [
            "prompts",
            "render",
            Settings().prompt,
            str(report),
            "--json",
            "--model",
            server.config.model,
            "--base-url",
            server.base_url,
        ],
    )
    assert rendered.exit_code == 0, rendered.stderr
    bodies = json.loads(rendered.stdout)
    runner.invoke(app, ["extract", str(report), *_llm(server), "-q"])
    sent = [{k: v for k, v in b.items() if k != "extra_headers"} for b in server.requests if "tools" in b]
    section_sent = [b for b in sent if "<section_text" in b["messages"][-1]["content"]]
    assert bodies == section_sent  # messages, tools schema with its bounds, max_tokens, temperature, model
    text = runner.invoke(app, ["prompts", "render", Settings().prompt, str(report), "--section", "s2"])
    assert text.exit_code == 0 and len(re.findall(r"^# request ", text.stdout, re.M)) == 1
    assert "## system" in text.stdout
    assert re.search(r"sections [^;]*\bs2\b", text.stdout.splitlines()[0])  # with the sections packed beside it


def test_section_reruns_one_section_only_and_keeps_only_its_items(server, report):
    whole = json.loads(runner.invoke(app, ["extract", str(report), *_llm(server), "-q"]).stdout)
    sent_whole = len(server.requests)
    server.requests.clear()
    one = runner.invoke(app, ["extract", str(report), *_llm(server), "--section", "s2", "-q"])
    assert one.exit_code == 0, one.stderr
    doc = json.loads(one.stdout)
    s2 = next(s for s in doc["sections"] if s["id"] == "s2")
    assert 0 < len(server.requests) < sent_whole
    assert doc["indicators"] and all(s2["start"] <= i["start"] < s2["end"] for i in doc["indicators"])
    assert [i for i in whole["indicators"] if s2["start"] <= i["start"] < s2["end"]] == doc["indicators"]
    assert doc["sections"] == whole["sections"]  # the tree stays whole
    unknown = runner.invoke(app, ["extract", str(report), "--section", "s99"])
    assert unknown.exit_code == 3 and "no section s99" in unknown.stderr and "s1 (I)" in unknown.stderr


def test_the_request_log_holds_every_request_and_answer_with_keys_and_url_credentials_redacted(
    rules_server, report, tmp_path
):
    srv = rules_server(faults=["429", "schema_invalid"], retry_after=0.1)  # no auth: the URL carries user:pass
    url = srv.base_url.replace("http://", "http://user:hunter2pass@")
    log = tmp_path / "requests.jsonl"
    done = runner.invoke(
        app,
        [
            "extract",
            str(report),
            "--model",
            srv.config.model,
            "--base-url",
            url,
            "--api-key",
            "sk-live-secret-key-123456",
            "--log",
            str(log),
            "-q",
        ],
    )
    assert done.exit_code == 0, done.stderr
    raw = log.read_text(encoding="utf-8")
    assert "sk-live-secret-key-123456" not in raw and "hunter2pass" not in raw
    entries = [json.loads(line) for line in raw.splitlines()]
    assert len(entries) == len(srv.requests)  # every HTTP request, the 429 and the re-ask included
    assert "error" in entries[0] and "429" in entries[0]["error"]
    assert all(e["request"]["messages"] and e["endpoint"] == srv.base_url for e in entries)
    answered = [e for e in entries if "answer" in e]
    assert answered and all(e["answer"]["choices"] for e in answered)
    assert any("does not occur in the section text" in json.dumps(e["request"], ensure_ascii=False) for e in entries)
