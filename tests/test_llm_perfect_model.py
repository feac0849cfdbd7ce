"""The LLM pipeline driven by a model that answers perfectly loses (almost) nothing.

`llmx-gold-server` (llmx/serve/gold.py) answers each request with the gold items whose spans
fall in the request's text and the gold metadata; the pipeline runs over real HTTP (client,
instructor, validators, grounding, merging, assembling) exactly as `llmx extract` does. What it
does not return was lost by the pipeline. The test split is held apart from tuning; it is run
here only as a measure of plumbing, and only its aggregates are ever shown. The two runs over
whole gold splits are in the slow tier (`python -m pytest -m slow`, which `.ci/run` runs).
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from llmx.cli import app
from llmx.config import REPO_ROOT, Settings
from llmx.evaluation.recovery import KINDS, Recovery, recovery
from llmx.evaluation.runner import gold_cases, load_case
from llmx.pipeline import extract_document
from llmx.serve import RulesServer, ServerConfig
from llmx.serve.chat import answer_for
from llmx.serve.gold import GOLD_MODEL, GoldAnswers

GOLD = REPO_ROOT / "eval" / "gold"
ITEMS_MIN, METADATA_MIN = 0.98, 0.95
# every gold report of a split through the whole LLM path over HTTP: the slow tier (`-m slow`)
CORPUS_WIDE = pytest.mark.slow


def _recover(split: str) -> tuple[Recovery, int]:
    folder = GOLD / split
    answers = GoldAnswers(folder)
    total = Recovery()
    with RulesServer(ServerConfig(model=GOLD_MODEL, answerer=answers.answer_for)) as srv:
        settings = Settings(backend="llm", model=GOLD_MODEL, base_url=srv.base_url, timeout=30.0)
        cases = gold_cases(folder)
        for case in cases:
            total.add(recovery(extract_document(case.source_path, settings), load_case(case), case.name))
    return total, len(cases)


@CORPUS_WIDE
def test_a_perfect_model_recovers_the_dev_gold():
    result, documents = _recover("dev")
    print(f"\nperfect-model recovery, dev gold ({documents} reports):\n{result.table()}")
    lost = "\n".join(result.lost[:40])
    for kind in KINDS:
        assert result.share(kind) >= ITEMS_MIN, f"{kind}: {result.share(kind):.3f}; lost:\n{lost}"
    assert result.metadata_share >= METADATA_MIN, f"metadata {result.metadata_share:.3f}; lost:\n{lost}"


@CORPUS_WIDE
def test_a_perfect_model_recovers_the_held_apart_test_gold_in_aggregate():
    """Plumbing only: nothing here is tuned on this split, and only aggregates are printed."""
    result, documents = _recover("test")
    print(f"\nperfect-model recovery, test gold ({documents} reports, aggregates only):\n{result.table()}")
    shares = {kind: round(result.share(kind), 3) for kind in KINDS} | {"metadata": round(result.metadata_share, 3)}
    assert all(shares[kind] >= ITEMS_MIN for kind in KINDS), shares
    assert shares["metadata"] >= METADATA_MIN, shares


@pytest.fixture(scope="module")
def answers() -> GoldAnswers:
    return GoldAnswers(GOLD / "dev")


def _section_prompt(*texts: str, wanted: str = "indicators, tasks, limitations, references, proposals") -> str:
    blocks = "".join(f'\n<section_text path="x" role="results" sector="">\n{t}\n</section_text>' for t in texts)
    return f"Extract {wanted}.{blocks}"


def test_the_gold_server_answers_only_the_items_inside_the_requests_text(answers):
    report = next(r for r in answers.reports if r.name == "2023-02-district-party-monthly")
    item = report.gold["indicators"][10]
    line_start = report.text.rfind("\n", 0, item["start"]) + 1
    line_end = report.text.find("\n", item["end"])
    line = report.text[line_start:line_end]
    answer, texts = answers.answer_for(_section_prompt(line))
    inside = [i for i in report.gold["indicators"] if line_start <= i["start"] and i["end"] <= line_end]
    assert texts == [line] and [i["quote"] for i in answer["indicators"]] == [i["quote"] for i in inside]
    assert all(
        set(i) <= {"quote", "name", "value", "unit", "target", "comparisons", "estimated", "approx", "as_of"}
        for i in answer["indicators"]
    )
    only_refs, _ = answers.answer_for(_section_prompt(line, wanted="references"))
    assert only_refs["indicators"] == []  # what was not asked for is not answered


def test_the_gold_server_answers_metadata_from_the_gold_and_refuses_unknown_text(answers):
    report = next(r for r in answers.reports if r.name == "20-camha-commune-h1-2022")
    prompt = f"<document_head>\n{report.text[:300]}\n</document_head>\n<document_tail>\n\n</document_tail>"
    meta, _ = answers.answer_for(prompt)
    assert meta["doc_number"] == report.gold["metadata"]["doc_number"] and "post_date" not in meta
    with pytest.raises(LookupError, match="not in any gold report"):
        answers.answer_for(_section_prompt("Văn bản này không có trong bộ dữ liệu vàng nào."))
    rules_answer, _ = answer_for(_section_prompt(report.text[:300]))
    assert set(rules_answer) == {"indicators", "tasks", "limitations", "references", "proposals"}  # the rules answer


def test_serve_refuses_an_unknown_answer_source_in_one_line(tmp_path):
    result = CliRunner().invoke(app, ["serve", "--answers", "oracle", "--port", "0"])
    assert result.exit_code != 0 and "--answers 'oracle': use rules or gold" in result.stderr
    (tmp_path / "bad.json").write_text(json.dumps({"source": {}}), encoding="utf-8")
    result = CliRunner().invoke(app, ["serve", "--answers", "gold", "--gold", str(tmp_path), "--port", "0"])
    assert result.exit_code != 0 and "--gold" in result.stderr and "Traceback" not in result.stderr


def test_the_gold_server_reads_a_table_chunk_sent_under_its_repeated_header(answers):
    report = next(r for r in answers.reports if r.name == "10-lamdong-snv-admin-indices-2025-11")
    rows = [i for i in report.gold["indicators"] if " | " in i["quote"]]
    item = rows[len(rows) // 2]
    line_start = report.text.rfind("\n", 0, item["start"]) + 1
    line = report.text[line_start : report.text.find("\n", item["end"])]
    header = "STT | Chỉ số | Kết quả"  # context lines that are not in the report's text there
    answer, _ = answers.answer_for(_section_prompt(f"{header}\n{line}"))
    assert item["quote"] in [i["quote"] for i in answer["indicators"]]
