"""Prompts are versioned files rendered strictly; any change to them shows up here as a diff."""

import difflib
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llmx.cli import app
from llmx.errors import PromptError
from llmx.llm import prompts
from llmx.llm.tokens import count_tokens

GOLDEN = Path(__file__).parent / "fixtures" / "prompts"


def _golden_text(p: prompts.Prompt) -> str:
    parts = [f"# {p.ref} hash={p.hash}"]
    parts += [f"## {m['role']}\n{m['content']}" for m in p.render(**prompts.example(p))]
    parts.append(f"## schema\n{prompts.schema_text(p)}")
    return "\n".join(parts) + "\n"


@pytest.mark.parametrize("ref", ["section@v1", "metadata@v1", "section@v2", "metadata@v2"])
def test_rendered_prompt_matches_its_golden_file(ref):
    """Regenerate with LLMX_UPDATE_GOLDEN=1 after a deliberate prompt or schema change."""
    p = prompts.load(ref)
    path = GOLDEN / f"{p.name}.{p.version}.txt"
    actual = _golden_text(p)
    if os.environ.get("LLMX_UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    expected = path.read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), str(path), "rendered"))
    assert actual == expected, f"prompt {ref} changed (bump its version, re-record cassettes):\n{diff}"


def test_a_missing_variable_is_a_prompt_error_naming_it():
    variables = dict(prompts.EXAMPLES["section"])
    del variables["sections"]
    with pytest.raises(PromptError, match="sections"):
        prompts.render("section@v1", variables)


def test_unknown_or_malformed_references_are_prompt_errors():
    with pytest.raises(PromptError, match="NAME@vN"):
        prompts.load("section-v1")
    with pytest.raises(PromptError, match="available: metadata@v1, metadata@v2, section@v1, section@v2"):
        prompts.load("section@v9")


def test_listing_skips_partials_and_names_every_prompt():
    refs = [p.ref for p in prompts.list_prompts()]
    assert refs == ["metadata@v1", "metadata@v2", "section@v1", "section@v2"]


def test_each_version_asks_for_its_own_answer_and_the_default_is_v2():
    from llmx.config import DEFAULT_PROMPT

    v1, v2 = prompts.load("section@v1"), prompts.load("section@v2")
    assert DEFAULT_PROMPT == "section@v2"
    assert "proposals" not in v1.response_model.model_fields and "proposals" in v2.response_model.model_fields
    assert "addressees" in prompts.load("metadata@v2").response_model.model_fields
    assert "addressees" not in prompts.load("metadata@v1").response_model.model_fields


def test_hash_changes_with_an_included_partial_and_with_the_response_schema(tmp_path, monkeypatch):
    copy = tmp_path / "prompts"
    shutil.copytree(prompts.PROMPTS_DIR, copy)
    before = prompts.load("section@v1", copy).hash
    assert before == prompts.load("section@v1").hash
    partial = copy / "_system.v1.jinja"
    partial.write_text(partial.read_text(encoding="utf-8") + "\nOne more rule.", encoding="utf-8")
    prompts._environment.cache_clear()
    edited = prompts.load("section@v1", copy)
    assert edited.hash != before and "One more rule." in edited.render(**prompts.EXAMPLES["section"])[0]["content"]

    from llmx.llm import responses

    class Wider(responses.SectionItems):
        note: str | None = None

    monkeypatch.setitem(prompts.RESPONSE_MODELS["section"], "v1", Wider)
    assert prompts.load("section@v1").hash != before


def test_fixed_prompt_overhead_stays_within_budget():
    """Instructions and schema are paid on every request: keep them from creeping up."""
    p = prompts.load("section@v1")
    results = p.render(**prompts.EXAMPLES["section"])
    tasks = p.render(**{**prompts.EXAMPLES["section"], "wanted": ["tasks", "references"]})
    schema = count_tokens(prompts.schema_text(p))
    assert count_tokens(results[0]["content"]) + schema < 1800
    assert count_tokens(tasks[0]["content"]) < count_tokens(results[0]["content"]) / 3  # no indicator rules
    v2 = prompts.load("section@v2")  # every kind in every request: one fixed cost, however the text is packed
    assert count_tokens(v2.render(**prompts.example(v2))[0]["content"]) + count_tokens(prompts.schema_text(v2)) < 2600


def test_cli_lists_and_shows_prompts():
    runner = CliRunner()
    listed = runner.invoke(app, ["prompts", "list"])
    assert listed.exit_code == 0 and "section@v1" in listed.stdout and "SectionItems" in listed.stdout
    assert "section@v2" in listed.stdout and "metadata@v2" in listed.stdout
    shown = runner.invoke(app, ["prompts", "show", "section@v1"])
    assert shown.exit_code == 0 and "<section_text path=" in shown.stdout and '"indicators"' in shown.stdout
    source = runner.invoke(app, ["prompts", "show", "section@v1", "--template"])
    assert '{% include "_system.v1.jinja" %}' in source.stdout
    bad = runner.invoke(app, ["prompts", "show", "section@v7"])
    assert bad.exit_code == 3 and "Traceback" not in bad.stderr
