"""The LLM path with an in-process FakeClient: planning, grounding, re-asks, salvage, splits, merging.

No server and no HTTP: each queued answer is validated by the real response models, so what is
tested is the runner's own behaviour. Transport and wire behaviour are tested against the
loopback server in test_llm_extract.py.
"""

from __future__ import annotations

import pytest

from llmx.config import Settings
from llmx.contract import Metadata, grounding_errors
from llmx.errors import RequestRejected
from llmx.llm.cache import AnswerCache, CachedClient
from llmx.llm.fake import TRUNCATED, FakeClient, FakeRequest
from llmx.llm.plan import plan_document
from llmx.llm.runner import LlmRun, run_plan
from llmx.llm.seam import TransientFailure
from llmx.normalize import normalize
from llmx.pipeline import prepare, run_backend
from llmx.sections import split_sections
from tests.test_llm_extract import REPORT

SETTINGS = Settings(backend="llm", model="fake")
TEXT = normalize(REPORT.format(marker="")).text
LAYOUT = split_sections(TEXT)
REVENUE = "Tổng thu NSNN đến 20/02/2023 là 88,8 tỷ đồng"
RICE = "Diện tích gieo cấy lúa xuân 612,7 ha"
RESOLUTION = "Nghị quyết số 04-NQ/ĐU ngày 30/12/2022"
TASK = "Tập trung chỉ đạo thu ngân sách đạt kế hoạch đề ra."


def results(*indicators: dict, references: tuple[dict, ...] = ()) -> dict:
    return {"indicators": list(indicators), "references": list(references)}


def indicator(quote: str, name: str, value: float, unit: str) -> dict:
    return {"quote": quote, "name": name, "value": value, "unit": unit}


REFERENCE = {"quote": RESOLUTION, "doc_type": "nghị quyết", "number": "04-NQ/ĐU", "date": "2022-12-30"}
TASKS = {"tasks": [{"text": TASK}]}


def run(client: FakeClient, settings: Settings = SETTINGS, **plan_options: object) -> LlmRun:
    plan = plan_document(TEXT, LAYOUT, settings, **plan_options)  # type: ignore[arg-type]
    return run_plan(plan, settings, client)


def test_answers_become_grounded_items_with_sectors_and_usage():
    client = FakeClient([results(indicator(REVENUE, "Tổng thu NSNN", 88.8, "tỷ đồng"), references=(REFERENCE,)), TASKS])
    out = run(client)
    [ind] = out.extraction.indicators
    assert TEXT[ind.start : ind.end] == ind.quote == REVENUE and ind.sector == "budget"
    [ref] = out.extraction.references
    assert TEXT[ref.start : ref.end] == RESOLUTION and ref.number == "04-NQ/ĐU"
    [task] = out.extraction.tasks
    assert TEXT[task.start : task.end] == TASK
    assert out.extraction.problems == [] and out.extractor.backend == "llm" and out.extractor.model == "fake"
    assert out.extractor.usage is not None and out.extractor.usage.requests == len(client.requests) == 2
    assert [c.section_ids for c in out.extractor.calls or []] == [["s2", "s3"], ["s4"]]
    assert (
        out.extractor.metadata_source == "rules"
        and out.extraction.metadata == plan_document(TEXT, LAYOUT, SETTINGS).metadata.base
    )


def test_a_quote_with_other_whitespace_is_grounded_to_the_text_as_written():
    spaced = REVENUE.replace(" là ", "   là\n")
    out = run(FakeClient([results(indicator(spaced, "Tổng thu NSNN", 88.8, "tỷ đồng")), {}]))
    [ind] = out.extraction.indicators
    assert ind.quote == REVENUE == TEXT[ind.start : ind.end]


def test_an_invalid_answer_is_asked_again_and_the_valid_one_kept():
    invented = indicator("Tổng thu NSNN đạt 99,9 tỷ đồng", "Tổng thu NSNN", 99.9, "tỷ đồng")
    good = indicator(REVENUE, "Tổng thu NSNN", 88.8, "tỷ đồng")
    client = FakeClient([results(invented), results(good), {}])
    out = run(client)
    assert [i.quote for i in out.extraction.indicators] == [REVENUE] and out.extraction.problems == []
    first = (out.extractor.calls or [])[0].attempts
    assert [a["kind"] for a in first] == ["answer", "answer"] and "does not occur" in str(first[0]["error"])


def test_a_hopeless_section_keeps_the_items_that_passed_and_says_why():
    invented = indicator("Tổng thu NSNN đạt 99,9 tỷ đồng", "Tổng thu NSNN", 99.9, "tỷ đồng")
    mixed = results(indicator(RICE, "Diện tích gieo cấy lúa xuân", 612.7, "ha"), invented)
    client = FakeClient([mixed, mixed, mixed, TASKS])
    out = run(client)
    # the failed request packed sections s2 and s3: each is listed, with the same reason
    assert [p.section_id for p in out.extraction.problems] == ["s2", "s3"]
    for problem in out.extraction.problems:
        assert problem.stage == "extract"
        assert "validation failed 3 times" in problem.message and "kept 1 items" in problem.message
    assert [i.quote for i in out.extraction.indicators] == [RICE]  # salvaged, grounded
    assert len(out.extraction.tasks) == 1  # the rest of the report is extracted


def test_a_truncated_answer_splits_its_job_and_asks_for_each_half():
    client = FakeClient(
        [TRUNCATED, results(indicator(REVENUE, "Tổng thu NSNN", 88.8, "tỷ đồng")), results(references=(REFERENCE,))]
    ).add(TASKS)
    out = run(client)
    sent = [r.context["section_text"] for r in client.requests]
    assert REVENUE in sent[1] and RESOLUTION not in sent[1] and RESOLUTION in sent[2]  # two halves, in order
    kinds = [[a["kind"] for a in call.attempts] for call in out.extractor.calls or []]
    assert kinds[:3] == [["answer", "split"], ["answer"], ["answer"]]  # each half logged as its own request
    assert len(out.extraction.indicators) == 1 and len(out.extraction.references) == 1
    assert out.extraction.problems == []


def test_transport_and_rejected_requests_are_problems_of_their_section_only():
    client = FakeClient([TransientFailure("the endpoint kept failing (500)"), RequestRejected("too long (413)")])
    out = run(client)
    stages = [(p.section_id, p.stage) for p in out.extraction.problems]
    assert stages == [("s2", "transport"), ("s3", "transport"), ("s4", "extract")]  # s2+s3 were one request
    assert "(413)" in out.extraction.problems[2].message


def test_items_found_twice_in_overlapping_chunks_are_kept_once():
    answer = results(indicator(REVENUE, "Tổng thu NSNN", 88.8, "tỷ đồng"))
    client = FakeClient(respond=lambda request: answer if "indicators" in request.user.split("\n")[0] else {})
    # tiny budgets: every line is its own job; the revenue line is also repeated into its neighbour
    out = run(client, SETTINGS.with_overrides(max_section_tokens=40), pack_tokens=0)
    assert len(client.requests) > 3
    assert [i.quote for i in out.extraction.indicators] == [REVENUE]


def test_metadata_the_rules_left_empty_is_completed_by_the_model(monkeypatch):
    import llmx.rules.metadata as rules_metadata

    monkeypatch.setattr(rules_metadata, "extract_metadata", lambda text, sections: Metadata(title="Kết quả"))

    def answer(request: FakeRequest) -> dict:
        if request.response_model.__name__ == "ReportMetadata":
            return {"title": "Kết quả công tác tháng 2", "doc_number": "12-BC/ĐU", "signer": {"name": "Nguyễn Văn An"}}
        return {}

    out = run(FakeClient(respond=answer))
    meta = out.extraction.metadata
    assert meta is not None
    assert (meta.title, meta.doc_number, meta.signer and meta.signer.name) == ("Kết quả", "12-BC/ĐU", "Nguyễn Văn An")
    assert out.extractor.metadata_source == "rules+llm"


def test_metadata_the_model_invents_is_refused_by_its_validators(monkeypatch):
    import llmx.rules.metadata as rules_metadata

    monkeypatch.setattr(rules_metadata, "extract_metadata", lambda text, sections: Metadata())
    invented = {"title": "Báo cáo không có trong văn bản"}
    client = FakeClient(respond=lambda r: invented if r.response_model.__name__ == "ReportMetadata" else {})
    out = run(client)
    [problem] = out.extraction.problems
    assert problem.stage == "metadata" and "does not occur in the document text" in problem.message
    assert out.extractor.metadata_source == "rules"


def test_the_cache_in_front_of_any_client_answers_a_second_run_alone(tmp_path):
    answers = [results(indicator(REVENUE, "Tổng thu NSNN", 88.8, "tỷ đồng")), TASKS]
    cache = AnswerCache(tmp_path / "cache.sqlite")
    first = run(CachedClient(FakeClient(answers), cache))
    fake = FakeClient()  # an empty queue: any request would fail
    cached = CachedClient(fake, cache)
    second = run(cached)
    assert fake.requests == [] and cached.hits == 2
    assert second.extraction.indicators == first.extraction.indicators
    assert second.extractor.usage == first.extractor.usage  # usage recorded as when it was paid for
    cache.close()


def test_one_plan_carries_every_request_the_document_will_make(monkeypatch):
    import llmx.rules.metadata as rules_metadata

    plan = plan_document(TEXT, LAYOUT, SETTINGS)
    assert [r.tag for r in plan.requests()] == [plan.tag] * 2  # the rules found the key metadata
    monkeypatch.setattr(rules_metadata, "extract_metadata", lambda text, sections: Metadata())
    full = plan_document(TEXT, LAYOUT, SETTINGS)
    assert len(full.requests()) == 3 and full.requests()[-1].tag.startswith("metadata@v1#")
    client = FakeClient(respond=lambda r: {})
    run_plan(full, SETTINGS, client)
    assert [r.messages for r in client.requests] == [r.messages for r in full.requests()]  # exactly what was planned


def test_the_pipeline_runs_a_plan_through_any_client_and_assembles_it(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT.format(marker=""), encoding="utf-8")
    client = FakeClient([results(indicator(REVENUE, "Tổng thu NSNN", 88.8, "tỷ đồng")), TASKS])
    prepared = prepare(path)
    doc = prepared.finish(*run_backend(prepared, SETTINGS, client=client))
    assert grounding_errors(doc) == [] and [i.id for i in doc.indicators] == ["i1"] and doc.text == TEXT
    assert doc.indicators[0].section_id == "s2" and [t.section_id for t in doc.tasks] == ["s4"]


@pytest.mark.parametrize("answer", ["{not json", '{"indicators": [{"quote": 1}]}'])
def test_broken_json_is_a_validation_failure_not_a_crash(answer):
    out = run(FakeClient([answer] * 3 + [TASKS]))
    assert (
        out.extraction.problems[0].stage == "extract"
        and "validation failed 3 times" in out.extraction.problems[0].message
    )
