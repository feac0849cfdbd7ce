"""The LLM backend end to end against the loopback rules server: grounding, re-asks, faults."""

import time
from dataclasses import replace

import pytest
from pydantic import SecretStr

from llmx.assemble import assemble
from llmx.config import Settings
from llmx.contract import ReportDocument, Source, grounding_errors
from llmx.errors import ConfigError, ModelCallError
from llmx.llm.chunking import plan_jobs
from llmx.llm.client import ModelClient
from llmx.llm.faults import TransportPolicy
from llmx.llm.runner import LlmRun, run_llm
from llmx.llm.tokens import count_tokens
from llmx.normalize import normalize
from llmx.sections import split_sections
from llmx.serve import FABRICATED_QUOTE, SERVED_MODEL, RulesServer, ServerConfig
from tests.conftest import MONTHLY, llm_settings

REPORT = """ĐẢNG BỘ HUYỆN AN PHÚ
ĐẢNG ỦY XÃ AN HÒA
Số: 12-BC/ĐU
An Hòa, ngày 25 tháng 02 năm 2023

BÁO CÁO
Kết quả công tác tháng 2, nhiệm vụ trọng tâm tháng 3 năm 2023

I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 2
1. Kinh tế, ngân sách
Tổng thu NSNN đến 20/02/2023 là 88,8 tỷ đồng, đạt 8,4% dự toán. Diện tích gieo cấy lúa xuân 612,7 ha, đạt 99,65% so với KH.
Giải ngân vốn đầu tư công còn chậm, mới đạt 12% kế hoạch.{marker}
2. Xây dựng Đảng
Thực hiện Nghị quyết số 04-NQ/ĐU ngày 30/12/2022 của Đảng ủy xã, tổ chức học tập cho 350 người tham gia.
II. NHIỆM VỤ TRỌNG TÂM THÁNG 3
- Tập trung chỉ đạo thu ngân sách đạt kế hoạch đề ra.
- Tổ chức tốt các hoạt động mừng Đảng, mừng Xuân.

Nơi nhận:
- Huyện ủy An Phú,
- Lưu VP.
T/M ĐẢNG ỦY
BÍ THƯ
Nguyễn Văn An
"""
FAST = TransportPolicy(attempts=4, initial=0.01, maximum=0.05)


_settings = llm_settings


def _extract(srv: RulesServer, text: str = REPORT.format(marker=""), **kw) -> tuple[ReportDocument, LlmRun]:
    settings = _settings(srv, **kw.pop("settings", {}))
    norm = normalize(text)
    layout = split_sections(norm.text)
    with ModelClient(settings, policy=kw.pop("policy", FAST)) as client:
        run = run_llm(norm.text, layout, settings, client=client, **kw)
    source = Source(path="report.txt", sha256="0" * 64, format="txt", chars=len(norm.text))
    doc = assemble(source=source, norm=norm, layout=layout, extraction=run.extraction, extractor=run.extractor)
    return ReportDocument.model_validate(doc.model_dump()), run


def _items(doc: ReportDocument) -> list[tuple]:
    return (
        [(i.quote, i.value, i.start) for i in doc.indicators]
        + [(t.text, t.start) for t in doc.tasks]
        + [(r.quote, r.start) for r in doc.references]
        + [(x.text, x.kind) for x in doc.limitations]
    )


@pytest.fixture(scope="module")
def clean() -> ReportDocument:
    with RulesServer(ServerConfig()) as srv:
        return _extract(srv)[0]


def test_a_valid_answer_is_grounded_end_to_end(server):
    doc, run = _extract(server)
    assert grounding_errors(doc) == [] and doc.problems == []
    assert doc.indicators and doc.tasks and doc.references
    for item in doc.indicators + doc.references:
        assert doc.text[item.start : item.end] == item.quote
    for item in doc.tasks + doc.limitations:
        assert doc.text[item.start : item.end] == item.text
    ex = doc.extractor
    assert (ex.backend, ex.model, ex.prompt) == ("llm", SERVED_MODEL, "section@v2")
    assert ex.usage is not None and ex.usage.requests == len(server.requests) == len(run.calls)
    assert ex.usage.prompt_tokens > 0 and ex.usage.completion_tokens > 0
    assert {t.sector for t in doc.tasks} <= {"budget", "party", "other"}  # computed, not asked for


def test_an_invalid_answer_is_reasked_with_the_validator_message_then_accepted(rules_server, clean):
    srv = rules_server(faults=["schema_invalid"])
    doc, run = _extract(srv)
    assert len(srv.requests) == len(clean.problems) + clean.extractor.usage.requests + 1
    first, second = srv.requests[0]["messages"], srv.requests[1]["messages"]
    assert len(second) == len(first) + 2  # the failed answer and the validator's message
    reask = second[-1]["content"]
    assert FABRICATED_QUOTE[:40] in reask and "does not occur in the section text" in reask
    assert _items(doc) == _items(clean) and doc.problems == []
    assert run.calls[0].attempts[0]["error"].startswith("indicators.")


def _sections_asked(srv: RulesServer) -> list[dict]:
    return [r for r in srv.requests if r["tool_choice"]["function"]["name"] == "SectionItems"]


def test_a_hopeless_section_is_reported_and_the_rest_is_written(rules_server, clean):
    srv = rules_server()
    doc, _run = _extract(srv, REPORT.format(marker=" LLMX-FAULT:schema_invalid"), pack_tokens=0)
    hopeless = [r for r in _sections_asked(srv) if "LLMX-FAULT" in r["messages"][1]["content"]]
    assert len(hopeless) == 3  # settings.max_validation_retries attempts, then give up
    [problem] = doc.problems
    assert problem.stage == "extract" and problem.section_id == "s2"
    assert "validation failed 3 times" in problem.message and "does not occur" in problem.message
    assert "kept" in problem.message  # the items that passed are not thrown away
    assert all(i.quote != FABRICATED_QUOTE for i in doc.indicators) and grounding_errors(doc) == []
    assert [t.text for t in doc.tasks] == [t.text for t in clean.tasks]
    assert any(r.number == "04-NQ/ĐU" for r in doc.references)  # section s3 still extracted


def test_429_with_retry_after_500_and_timeout_are_recovered(rules_server, clean):
    config = ServerConfig(faults=["429", "500", "timeout"], retry_after=0.3, timeout_sleep=1.5)
    srv = rules_server(config)
    t0 = time.perf_counter()
    doc, run = _extract(srv, settings={"timeout": 0.5})
    elapsed = time.perf_counter() - t0
    assert _items(doc) == _items(clean) and doc.problems == []
    faults = [a["error"] for a in run.calls[0].attempts if a["kind"] == "transport"]
    assert [f.split(";")[0] for f in faults] == ["HTTP 429", "HTTP 500", "timeout"]
    assert "retried after 0.30 s" in faults[0] and elapsed >= 0.3 + 0.5  # Retry-After honoured, timeout waited
    assert doc.extractor.usage.requests == clean.extractor.usage.requests + 3


def test_a_section_failing_transport_after_every_retry_is_a_problem_not_a_crash(rules_server, clean):
    srv = rules_server()
    doc, _ = _extract(srv, REPORT.format(marker=" LLMX-FAULT:500"), pack_tokens=0)
    [problem] = doc.problems
    assert problem.section_id == "s2" and "kept failing (500) after 4 attempts" in problem.message
    assert [t.text for t in doc.tasks] == [t.text for t in clean.tasks]


def test_a_truncated_answer_is_recovered_by_splitting_the_input(rules_server, clean):
    srv = rules_server(faults=["truncate"])
    doc, run = _extract(srv)
    assert _items(doc) == _items(clean) and doc.problems == []
    assert any(a["kind"] == "split" for a in run.calls[0].attempts)
    assert len(srv.requests) == len(clean.problems) + clean.extractor.usage.requests + 2  # one cut, two halves


def test_a_single_block_truncated_answer_is_halved_on_a_line_boundary(rules_server, clean):
    text = normalize(REPORT.format(marker="")).text
    jobs = plan_jobs(text, split_sections(text), 3000, pack_tokens=0)
    k = next(n for n, job in enumerate(jobs) if "Tổng thu NSNN" in text[job.start : job.end])
    srv = rules_server(faults=["ok"] * k + ["truncate"])
    doc, _ = _extract(srv, pack_tokens=0)
    assert _items(doc) == _items(clean)
    halves = [r["messages"][1]["content"] for r in srv.requests[k + 1 : k + 3]]
    assert "Tổng thu NSNN" in halves[0] and "Tổng thu NSNN" not in halves[1] and "Giải ngân" in halves[1]


@pytest.mark.parametrize("mode", ["json_schema", "json", "md_json"])
def test_every_instructor_mode_gives_the_same_items(server, clean, mode):
    doc, _ = _extract(server, settings={"mode": mode})
    assert _items(doc) == _items(clean)
    body = server.requests[0]
    assert ("tools" in body) is False and (("response_format" in body) == (mode != "md_json"))


def test_report_text_reaches_the_model_verbatim_even_with_template_syntax(server):
    text = REPORT.format(marker=" Ghi chú {{ x }} {% raw %} {#")
    doc, _ = _extract(server, text)
    assert "Ghi chú {{ x }} {% raw %} {#" in server.requests[0]["messages"][1]["content"]
    assert grounding_errors(doc) == []


def test_long_sections_are_split_and_small_neighbours_packed():
    text = normalize(MONTHLY.read_text(encoding="utf-8")).text
    layout = split_sections(text)
    spans = [1 for _, s, e in layout.own_spans() if len(text[s:e].strip()) >= 12]
    packed = plan_jobs(text, layout, max_tokens=3000)
    assert len(packed) < len(spans)
    assert all(job.wanted == ("indicators", "tasks", "limitations", "references", "proposals") for job in packed)
    gated = plan_jobs(text, layout, max_tokens=3000, kinds=packed[0].wanted[:4], role_gated=True)  # section@v1
    assert all(len({b.section.role == "tasks" for b in job.blocks if b.section}) <= 1 for job in gated)
    small = plan_jobs(text, layout, max_tokens=300, pack_tokens=0)
    assert all(count_tokens(text[b.start : b.end]) <= 300 for job in small for b in job.blocks)
    assert len(small) > len(spans)


def test_metadata_is_asked_for_every_report_and_a_grounded_answer_replaces_a_rules_guess(monkeypatch, server):
    import llmx.rules.metadata as rules_metadata
    from llmx.contract import Metadata
    from llmx.llm import runner as llm
    from llmx.serve import chat as server_module

    guess = Metadata(title="Kết quả", issuer="Đảng ủy xã Bình An", locality="Bình An")
    monkeypatch.setattr(rules_metadata, "extract_metadata", lambda text, sections: guess)
    monkeypatch.setattr(
        server_module,
        "_rules_metadata",
        lambda head, tail: {
            "title": "Kết quả công tác tháng 2, nhiệm vụ trọng tâm tháng 3 năm 2023",  # written in the text
            "doc_number": "12-BC/ĐU",
            "issuer": "Đảng ủy xã An Hòa",  # "ĐẢNG ỦY XÃ AN HÒA" in the header
            "locality": "Hòa An",  # not written anywhere: does not replace the rules' value
            "signer": {"name": "Nguyễn Văn An"},
        },
    )
    norm = normalize(REPORT.format(marker=""))
    settings = _settings(server)
    with ModelClient(settings, policy=FAST) as client:
        run = llm.run_llm(norm.text, split_sections(norm.text), settings, client=client)
    meta = run.extraction.metadata
    assert meta.title == "Kết quả công tác tháng 2, nhiệm vụ trọng tâm tháng 3 năm 2023"
    assert (meta.doc_number, meta.issuer, meta.signer.name) == ("12-BC/ĐU", "Đảng ủy xã An Hòa", "Nguyễn Văn An")
    assert meta.locality == "Bình An"  # the model's ungrounded locality does not displace the rules'
    assert run.extractor.metadata_source == "rules+llm"


def test_a_metadata_answer_that_keeps_failing_validation_keeps_its_valid_fields(rules_server, clean):
    requests = clean.extractor.usage.requests  # the metadata request is the last one
    srv = rules_server(faults=["ok"] * (requests - 1) + ["schema_invalid"] * 3)
    doc, _ = _extract(srv)
    [problem] = doc.problems
    assert problem.stage == "metadata" and problem.message.startswith("metadata@v2: validation failed 3 times")
    assert "title" in problem.message and "kept" in problem.message
    assert doc.metadata.title != FABRICATED_QUOTE and doc.metadata.doc_number == clean.metadata.doc_number
    assert _items(doc) == _items(clean)


def test_a_wrong_key_fails_at_once_without_showing_the_key(rules_server):
    srv = rules_server(api_key="right-key-123")
    settings = replace(_settings(srv), api_key=SecretStr("sk-wrong-key-456789"))
    with pytest.raises(ModelCallError) as info, ModelClient(settings, policy=FAST) as client:
        norm = normalize(REPORT.format(marker=""))
        run_llm(norm.text, split_sections(norm.text), settings, client=client)
    assert "(401)" in str(info.value) and "wrong-key" not in str(info.value) and "right-key" not in str(info.value)
    assert len(srv.requests) == 1  # auth errors are not retried


def test_no_key_and_no_endpoint_is_a_config_error_saying_what_to_set():
    with pytest.raises(ConfigError, match=r"OPENAI_API_KEY.*--base-url"):
        ModelClient(Settings(backend="llm", model="gpt-4.1-mini"))
    ModelClient(Settings(backend="llm", model="qwen", base_url="http://127.0.0.1:9/v1"))  # local: no key needed


CITED_TWICE = """BÁO CÁO
Kết quả Tháng hành động năm 2026

I. KẾT QUẢ
1. Công tác chỉ đạo
Thực hiện Nghị định số 44/2016/NĐ-CP ngày 15/5/2016 của Chính phủ, Sở đã kiểm tra 12 cơ sở.
2. Công tác huấn luyện
Theo Nghị định số 44/2016/NĐ-CP, các cơ sở phải huấn luyện định kỳ.
"""


def test_a_short_second_citation_is_placed_at_its_own_occurrence_not_inside_the_full_one():
    full, short = "Nghị định số 44/2016/NĐ-CP ngày 15/5/2016 của Chính phủ", "Nghị định số 44/2016/NĐ-CP"

    def answer(user: str) -> tuple[dict, list[str]]:
        kinds = {"indicators": [], "tasks": [], "limitations": [], "references": [], "proposals": []}
        if "<section_text" not in user:  # the metadata request
            return {"title": None}, [user]
        wanted = [full] if full in user else []
        wanted += [short] if "Theo Nghị định" in user else []
        kinds["references"] = [{"quote": q, "doc_type": "nghị định", "number": "44/2016/NĐ-CP"} for q in wanted]
        return kinds, [user]

    with RulesServer(ServerConfig(model=SERVED_MODEL, answerer=answer)) as srv:
        doc, _ = _extract(srv, CITED_TWICE)
    spans = [(r.start, r.quote) for r in doc.references]
    second = CITED_TWICE.index("Theo Nghị định") + len("Theo ")
    assert spans == [(CITED_TWICE.index(full), full), (second, short)]
