"""The LLM path with an in-process FakeClient: planning, grounding, re-asks, salvage, splits, merging.

No server and no HTTP: each queued answer is validated by the real response models, so what is
tested is the runner's own behaviour. Transport and wire behaviour are tested against the
loopback server in test_llm_extract.py.
"""

from __future__ import annotations

from dataclasses import replace

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


def results(*indicators: dict, references: tuple[dict, ...] = (), tasks: tuple[str, ...] = ()) -> dict:
    return {"indicators": list(indicators), "references": list(references), "tasks": [{"text": t} for t in tasks]}


def indicator(quote: str, name: str, value: float, unit: str) -> dict:
    return {"quote": quote, "name": name, "value": value, "unit": unit}


REFERENCE = {"quote": RESOLUTION, "doc_type": "nghị quyết", "number": "04-NQ/ĐU", "date": "2022-12-30"}
TASKS = {"tasks": [{"text": TASK}]}


def no_metadata(request: FakeRequest) -> dict:
    """The model's answer to the metadata request (asked for every report): nothing found."""
    assert request.response_model.__name__ == "ReportMetadata", "a section request found no queued answer"
    return {}


def fake(*answers: object) -> FakeClient:
    """Queued section answers; the metadata request, asked last, is answered empty."""
    return FakeClient(answers, respond=no_metadata)


def run(client: FakeClient, settings: Settings = SETTINGS, **plan_options: object) -> LlmRun:
    plan = plan_document(TEXT, LAYOUT, settings, **plan_options)  # type: ignore[arg-type]
    return run_plan(plan, settings, client)


SEPARATE = {"pack_tokens": 0}  # every block its own request: title, s1 (its heading), s2, s3, s4


def test_answers_become_grounded_items_with_sectors_and_usage():
    answer = results(indicator(REVENUE, "Tổng thu NSNN", 88.8, "tỷ đồng"), references=(REFERENCE,), tasks=(TASK,))
    client = fake(answer)
    out = run(client)
    [ind] = out.extraction.indicators
    assert TEXT[ind.start : ind.end] == ind.quote == REVENUE and ind.sector == "budget"
    [ref] = out.extraction.references
    assert TEXT[ref.start : ref.end] == RESOLUTION and ref.number == "04-NQ/ĐU"
    [task] = out.extraction.tasks
    assert TEXT[task.start : task.end] == TASK
    assert out.extraction.problems == [] and out.extractor.backend == "llm" and out.extractor.model == "fake"
    assert out.extractor.usage is not None and out.extractor.usage.requests == len(client.requests) == 2
    # the whole small report is one request (its title and every section, whatever their role), then metadata
    assert [c.section_ids for c in out.extractor.calls or []] == [["s1", "s2", "s3", "s4"], []]
    assert (
        out.extractor.metadata_source == "rules"
        and out.extraction.metadata == plan_document(TEXT, LAYOUT, SETTINGS).metadata.base
    )


def test_every_section_is_asked_for_every_kind_with_its_heading_line_and_role():
    client = fake({})
    run(client)
    user = client.requests[0].user
    assert user.startswith("Extract indicators, tasks, limitations, references, proposals.")
    assert "I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 2" in user and "1. Kinh tế, ngân sách\nTổng thu" in user
    assert 'path="(title)" role="preamble"' in user and "Kết quả công tác tháng 2, nhiệm vụ" in user
    assert 'role="tasks"' in user and 'role="results"' in user


def test_a_task_outside_a_task_section_and_a_figure_in_a_heading_line_are_kept():
    text = normalize(
        "I. KẾT QUẢ\n1. Về văn hóa - xã hội: tỷ lệ hộ văn hóa đạt 92%\nTổ chức 12 lớp tập huấn.\n"
        "Thời gian tới, tiếp tục duy trì các lớp tập huấn.\n"
    ).text
    layout = split_sections(text)
    heading_figure = "tỷ lệ hộ văn hóa đạt 92%"
    future = "Thời gian tới, tiếp tục duy trì các lớp tập huấn"
    answer = {
        "indicators": [{"quote": heading_figure, "name": "Tỷ lệ hộ văn hóa", "value": 92, "unit": "%"}],
        "tasks": [{"text": future}],
    }
    out = run_plan(plan_document(text, layout, SETTINGS), SETTINGS, fake(answer))
    assert [i.quote for i in out.extraction.indicators] == [heading_figure]
    assert [t.text for t in out.extraction.tasks] == [future] and out.extraction.problems == []


def test_a_quote_with_other_whitespace_is_grounded_to_the_text_as_written():
    spaced = REVENUE.replace(" là ", "   là\n")
    out = run(fake(results(indicator(spaced, "Tổng thu NSNN", 88.8, "tỷ đồng"))))
    [ind] = out.extraction.indicators
    assert ind.quote == REVENUE == TEXT[ind.start : ind.end]


def test_an_invalid_answer_is_asked_again_and_the_valid_one_kept():
    invented = indicator("Tổng thu NSNN đạt 99,9 tỷ đồng", "Tổng thu NSNN", 99.9, "tỷ đồng")
    good = indicator(REVENUE, "Tổng thu NSNN", 88.8, "tỷ đồng")
    client = fake(results(invented), results(good))
    out = run(client)
    assert [i.quote for i in out.extraction.indicators] == [REVENUE] and out.extraction.problems == []
    first = (out.extractor.calls or [])[0].attempts
    assert [a["kind"] for a in first] == ["answer", "answer"] and "does not occur" in str(first[0]["error"])


def test_a_hopeless_section_keeps_the_items_that_passed_and_says_why():
    invented = indicator("Tổng thu NSNN đạt 99,9 tỷ đồng", "Tổng thu NSNN", 99.9, "tỷ đồng")
    mixed = results(indicator(RICE, "Diện tích gieo cấy lúa xuân", 612.7, "ha"), invented)
    client = fake({}, {}, mixed, mixed, mixed, {}, TASKS)
    out = run(client, **SEPARATE)
    [problem] = out.extraction.problems
    assert problem.stage == "extract" and problem.section_id == "s2"
    assert "validation failed 3 times" in problem.message and "kept 1 items" in problem.message
    assert [i.quote for i in out.extraction.indicators] == [RICE]  # salvaged, grounded
    assert len(out.extraction.tasks) == 1  # the rest of the report is extracted


def test_a_failed_packed_request_names_every_section_it_covered():
    client = fake(*[results(indicator("không có trong văn bản 1 ha", "x", 1, "ha"))] * 3)
    out = run(client)
    assert [p.section_id for p in out.extraction.problems] == ["s1", "s2", "s3", "s4"]
    assert all("one request for sections s1, s2, s3, s4" in p.message for p in out.extraction.problems)


def test_a_truncated_answer_splits_its_job_and_asks_for_each_half():
    second = results(indicator(REVENUE, "Tổng thu NSNN", 88.8, "tỷ đồng"), references=(REFERENCE,), tasks=(TASK,))
    client = fake(TRUNCATED, {}, second)
    out = run(client)
    sent = [r.context.get("section_text", "") for r in client.requests]
    assert "Kết quả công tác tháng 2" in sent[1] and REVENUE not in sent[1]  # the title and s1's heading
    assert REVENUE in sent[2] and RESOLUTION in sent[2] and TASK in sent[2]  # s2, s3 and s4
    kinds = [[a["kind"] for a in call.attempts] for call in out.extractor.calls or []]
    assert kinds[:3] == [["answer", "split"], ["answer"], ["answer"]]  # each half logged as its own request
    assert len(out.extraction.indicators) == 1 and len(out.extraction.references) == 1
    assert out.extraction.problems == []


def test_transport_and_rejected_requests_are_problems_of_their_section_only():
    client = fake({}, {}, TransientFailure("the endpoint kept failing (500)"), {}, RequestRejected("too long (413)"))
    out = run(client, **SEPARATE)
    stages = [(p.section_id, p.stage) for p in out.extraction.problems]
    assert stages == [("s2", "transport"), ("s4", "extract")]
    assert "(413)" in out.extraction.problems[1].message


def test_items_found_twice_in_overlapping_chunks_are_kept_once():
    answer = results(indicator(REVENUE, "Tổng thu NSNN", 88.8, "tỷ đồng"))
    client = FakeClient(respond=lambda request: answer if REVENUE in request.user else {})
    # tiny budgets: every line is its own job; the revenue line is also repeated into its neighbour
    out = run(client, replace(SETTINGS, max_section_tokens=40), pack_tokens=0)
    assert len(client.requests) > 3
    assert [i.quote for i in out.extraction.indicators] == [REVENUE]


def test_metadata_the_rules_left_empty_is_completed_by_the_model(monkeypatch):
    import llmx.rules.metadata as rules_metadata

    rules = Metadata(title="Kết quả", locality="Bình An")
    monkeypatch.setattr(rules_metadata, "extract_metadata", lambda text, sections: rules)

    def answer(request: FakeRequest) -> dict:
        if request.response_model.__name__ == "ReportMetadata":
            return {"title": "Kết quả công tác tháng 2", "doc_number": "12-BC/ĐU", "locality": "An Bình"}
        return {}

    out = run(FakeClient(respond=answer))
    meta = out.extraction.metadata
    assert meta is not None
    # a field the rules left empty is filled; a grounded answer replaces the rules' guess; an
    # answer not written in the text ("An Bình") does not displace what the rules found
    assert (meta.title, meta.doc_number, meta.locality) == ("Kết quả công tác tháng 2", "12-BC/ĐU", "Bình An")
    assert out.extractor.metadata_source == "rules+llm"


def test_metadata_the_model_invents_is_refused_and_its_valid_fields_kept(monkeypatch):
    import llmx.rules.metadata as rules_metadata

    monkeypatch.setattr(rules_metadata, "extract_metadata", lambda text, sections: Metadata())
    invented = {"title": "Báo cáo không có trong văn bản", "doc_number": "12-BC/ĐU", "recipients": ["Lưu VP", "Bộ X"]}
    client = FakeClient(respond=lambda r: invented if r.response_model.__name__ == "ReportMetadata" else {})
    out = run(client)
    [problem] = out.extraction.problems
    assert problem.stage == "metadata" and "does not occur in the document text" in problem.message
    assert "kept 2 fields" in problem.message
    meta = out.extraction.metadata
    assert meta is not None and (meta.title, meta.doc_number, meta.recipients) == (None, "12-BC/ĐU", ["Lưu VP"])
    assert out.extractor.metadata_source == "llm"


def test_a_web_page_without_a_header_block_still_gets_a_metadata_request():
    text = normalize(
        "UBND xã Vĩnh Hảo tổ chức hội nghị đánh giá 9 tháng đầu năm 2023.\nThu ngân sách đạt 5 tỷ đồng."
    ).text
    plan = plan_document(text, split_sections(text), SETTINGS)
    assert plan.metadata.request is not None and plan.metadata.request.tag.startswith("metadata@v2#")
    assert "UBND xã Vĩnh Hảo" in plan.metadata.request.messages[1]["content"]


def test_the_cache_in_front_of_any_client_answers_a_second_run_alone(tmp_path):
    answers = [results(indicator(REVENUE, "Tổng thu NSNN", 88.8, "tỷ đồng"), tasks=(TASK,)), {}]
    cache = AnswerCache(tmp_path / "cache.sqlite")
    first = run(CachedClient(FakeClient(answers), cache))
    fake = FakeClient()  # an empty queue: any request would fail
    cached = CachedClient(fake, cache)
    second = run(cached)
    assert fake.requests == [] and cached.hits == 2
    assert second.extraction.indicators == first.extraction.indicators
    assert second.extractor.usage == first.extractor.usage  # usage recorded as when it was paid for
    cache.close()


def test_one_plan_carries_every_request_the_document_will_make():
    plan = plan_document(TEXT, LAYOUT, SETTINGS)
    assert len(plan.requests()) == 2 and plan.requests()[0].tag == plan.tag
    assert plan.requests()[-1].tag.startswith("metadata@v2#")  # asked even when the rules found the metadata
    client = FakeClient(respond=lambda r: {})
    run_plan(plan, SETTINGS, client)
    assert [r.messages for r in client.requests] == [r.messages for r in plan.requests()]  # exactly what was planned
    never = plan_document(TEXT, LAYOUT, SETTINGS, metadata_llm=False)
    assert len(never.requests()) == 1


def test_section_v1_still_asks_by_role_with_its_own_metadata_prompt():
    v1 = replace(SETTINGS, prompt="section@v1")
    plan = plan_document(TEXT, LAYOUT, v1)
    assert [job.wanted for job in plan.jobs] == [
        ("indicators", "limitations", "references"),
        ("tasks", "references"),
    ]
    assert plan.requests()[-1].tag.startswith("metadata@v1#")


def test_the_pipeline_runs_a_plan_through_any_client_and_assembles_it(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT.format(marker=""), encoding="utf-8")
    client = fake(results(indicator(REVENUE, "Tổng thu NSNN", 88.8, "tỷ đồng"), tasks=(TASK,)))
    prepared = prepare(path)
    doc = prepared.finish(*run_backend(prepared, SETTINGS, client=client))
    assert grounding_errors(doc) == [] and [i.id for i in doc.indicators] == ["i1"] and doc.text == TEXT
    assert doc.indicators[0].section_id == "s2" and [t.section_id for t in doc.tasks] == ["s4"]


@pytest.mark.parametrize("answer", ["{not json", '{"indicators": [{"quote": 1}]}'])
def test_broken_json_is_a_validation_failure_not_a_crash(answer):
    out = run(fake(*[answer] * 3))
    assert (
        out.extraction.problems[0].stage == "extract"
        and "validation failed 3 times" in out.extraction.problems[0].message
    )


def _one_section(body: str) -> tuple[str, object]:
    text = normalize(f"I. KẾT QUẢ\n{body}\n").text
    return text, split_sections(text)


def test_a_document_cited_twice_gives_two_references_and_a_repeated_answer_one_item():
    law = "Luật Khoáng sản năm 2010"
    text, layout = _one_section(f"Thực hiện {law}, kiểm tra 12 mỏ.\nTheo {law}, xử phạt 3 vụ.\nThu 5 tỷ đồng.")
    ref = {"quote": law, "doc_type": "luật"}
    revenue = {"quote": "Thu 5 tỷ đồng", "name": "Thu", "value": 5, "unit": "tỷ đồng"}
    out = run_plan(
        plan_document(text, layout, SETTINGS),
        SETTINGS,
        fake({"references": [ref, ref], "indicators": [revenue, revenue]}),
    )
    starts = [r.start for r in out.extraction.references]
    assert len(starts) == 2 and starts[0] < starts[1] and all(text[s : s + len(law)] == law for s in starts)
    assert len(out.extraction.indicators) == 1  # said twice, written once: one item
    assert all(not r.flags for r in out.extraction.references)  # the answer's order placed them


def test_a_quote_placed_against_the_answers_order_is_flagged_regrounded():
    text, layout = _one_section("Trồng 5 ha rừng.\nTrồng 5 ha rừng.\nCấp 40 thẻ.")
    # listed after "Cấp 40 thẻ" although both of its occurrences come before it: which one is a guess
    answer = {"tasks": [{"text": "Cấp 40 thẻ"}, {"text": "Trồng 5 ha rừng"}]}
    out = run_plan(plan_document(text, layout, SETTINGS), SETTINGS, fake(answer))
    by_text = {t.text: t for t in out.extraction.tasks}
    assert by_text["Cấp 40 thẻ"].flags == []
    guessed = by_text["Trồng 5 ha rừng"]
    assert guessed.flags == ["regrounded"] and guessed.start == text.rfind("Trồng 5 ha rừng")  # the nearest


def test_items_carry_the_flags_their_answer_justifies():
    text, layout = _one_section(
        "Diện tích | 120 | 97.6\nSố hộ nghèo giảm 12, tăng 5% so với cùng kỳ.\nTăng 3%.\nThu giữ 3.923.7448g Heroin."
        "\nTiếp nhận đạt12.480 hồ sơ."
    )
    answer = {
        "indicators": [
            {"quote": "Diện tích | 120 | 97.6", "name": "Diện tích", "value": 120, "unit": "ha"},
            {"quote": "Diện tích | 120 | 97.6", "name": "Diện tích - tỷ lệ", "value": 97.6, "unit": "%"},
            {"quote": "Số hộ nghèo giảm 12", "name": "Số hộ nghèo giảm", "value": 12},
            {
                "quote": "Tăng 3%",
                "name": "Tăng",
                "value": None,
                "comparisons": [{"basis": "same_period", "basis_text": None, "relation": "change", "pct": 3}],
            },
            {"quote": "Thu giữ 3.923.7448g Heroin", "name": "Heroin thu giữ", "value": None, "unit": "g"},
            {"quote": "Tiếp nhận đạt12.480 hồ sơ", "name": "Hồ sơ tiếp nhận", "value": 12480, "unit": "hồ sơ"},
        ]
    }
    out = run_plan(plan_document(text, layout, SETTINGS), SETTINGS, fake(answer))
    flags = [i.flags for i in out.extraction.indicators]
    assert flags == [
        ["table_cell"],
        ["dot_decimal", "table_cell"],  # 97.6 read with a decimal point
        ["unit_missing"],
        ["basis_unstated"],
        ["malformed_number"],  # no value: its number reads no way
        ["glued_number"],
    ]
    assert out.extraction.indicators[3].comparisons[0].basis_text == ""


def test_an_annex_after_the_signature_is_sent_and_the_signature_is_not():
    text = normalize(
        "I. KẾT QUẢ\nThu ngân sách đạt 5 tỷ đồng.\nTrên đây là báo cáo của UBND xã./.\n"
        "Nơi nhận:\n- UBND huyện;\n- Lưu VT.\nCHỦ TỊCH\nNguyễn Văn An\n"
        "PHỤ LỤC 1\nKết quả thu ngân sách\nThu tiền sử dụng đất đạt 2 tỷ đồng.\n"
    ).text
    client = fake({})
    run_plan(plan_document(text, split_sections(text), SETTINGS), SETTINGS, client)
    sent = client.requests[0].user
    # the appendix is a section of its own (llmx sections), sent with its heading as its path
    assert 'path="PHỤ LỤC 1" role="results"' in sent and "Thu tiền sử dụng đất đạt 2 tỷ đồng" in sent
    assert "Trên đây là báo cáo" in sent and "Nơi nhận" not in sent and "Nguyễn Văn An" not in sent
