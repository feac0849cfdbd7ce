"""Section budgets: long sections split on line boundaries, truncated ones halve sensibly."""

import itertools

from llmx.llm.chunking import halve, split_span
from llmx.llm.tokens import CHARS_PER_TOKEN, count_tokens, tokenizer
from llmx.sections import Layout


def _report(lines: int) -> str:
    return "".join(f"- Dòng {k}: xã đã thực hiện {k} nhiệm vụ, đạt {k},5% kế hoạch năm.\n\n" for k in range(lines))


def test_count_tokens_is_positive_and_names_its_method():
    name, _ = tokenizer()
    assert count_tokens("") == 0 and count_tokens("Tổng thu NSNN 88,8 tỷ đồng") > 3
    assert "o200k" in name or f"1 token per {CHARS_PER_TOKEN:g}" in name


def test_a_short_section_is_one_chunk():
    text = _report(3)
    assert split_span(text, 0, len(text), 3000) == [(0, len(text))]


def test_long_sections_split_on_line_boundaries_within_budget_and_cover_everything():
    text = "Mở đầu.\n" + _report(60)
    budget = 120
    chunks = split_span(text, 0, len(text), budget)
    assert len(chunks) > 3
    assert chunks[0][0] == 0 and chunks[-1][1] == len(text)
    for (_, e1), (s2, e2) in itertools.pairwise(chunks):
        assert s2 <= e1 and e2 > e1  # contiguous, at most one repeated line of overlap
        assert s2 == 0 or text[s2 - 1] == "\n"  # every chunk starts at a line start
    assert all(count_tokens(text[s:e]) <= budget for s, e in chunks)


def test_a_single_overlong_line_is_cut_at_sentence_ends():
    line = " ".join(f"Câu số {k} nói về kết quả thực hiện nhiệm vụ." for k in range(80))
    chunks = split_span(line, 0, len(line), 60)
    assert len(chunks) > 2 and all(count_tokens(line[s:e]) <= 60 for s, e in chunks)
    assert all(line[s:e].strip().startswith("Câu") for s, e in chunks)


def test_halving_cuts_at_the_line_nearest_the_middle_and_refuses_a_single_sentence():
    text = _report(10)
    (a, m), (m2, b) = halve(text, 0, len(text))
    assert (a, b) == (0, len(text)) and m == m2 and text[m - 1] == "\n" and abs(m - len(text) / 2) < len(text) / 8
    sentence = "Một câu duy nhất không thể chia đôi"
    assert halve(sentence, 0, len(sentence)) is None


# --- tables go as tables -----------------------------------------------------------------------


def _table_report(rows: int) -> tuple[str, Layout]:
    """A report whose one section holds a long KPI table (header row + `rows` data rows)."""
    from llmx.normalize import normalize
    from llmx.read import read_bytes
    from llmx.sections import split_sections

    body = "".join(
        f"<tr><td>{k}</td><td>Chỉ tiêu số {k} về thu ngân sách xã trên địa bàn</td><td>tỷ đồng</td>"
        f"<td>{k},5</td><td>{k + 1},25</td></tr>"
        for k in range(1, rows + 1)
    )
    page = (
        "<html><body><p>BÁO CÁO</p><p>Kết quả năm 2025</p><p>I. KẾT QUẢ THỰC HIỆN</p><p>Các chỉ tiêu đạt như sau:</p>"
        "<table><tr><th>STT</th><th>Chỉ tiêu</th><th>ĐVT</th><th>Kế hoạch</th><th>Thực hiện</th></tr>"
        f"{body}</table><p>Trên đây là báo cáo./.</p></body></html>"
    )
    raw = read_bytes(page.encode(), "table.html")
    norm = normalize(raw.text, raw.tables)
    return norm.text, split_sections(norm.text, norm.tables)


HEADER = "STT | Chỉ tiêu | ĐVT | Kế hoạch | Thực hiện"


def test_a_split_table_keeps_its_rows_whole_and_repeats_its_header_in_later_requests():
    from llmx.config import Settings
    from llmx.llm.plan import plan_document

    text, layout = _table_report(120)
    plan = plan_document(text, layout, Settings(backend="llm", model="fake", max_section_tokens=400), pack_tokens=400)
    rows = {(r.start, r.end) for r in layout.tables[0].table.rows}
    row_starts = {s for s, _ in rows}
    in_table = [job for job in plan.jobs if layout.table_at(job.start)]
    assert len(in_table) > 3
    for job, request in zip(plan.jobs, plan.requests_by_job, strict=True):
        section_text = request.context["section_text"]
        for block in job.blocks:
            assert block.start in row_starts or not layout.table_at(block.start)  # never inside a row
            assert block.end - 1 in {e for _, e in rows} or text[block.end - 1] == "\n" or block.end == len(text)
        later = layout.table_at(job.start) is not None and job.start > layout.tables[0].table.start
        assert section_text.startswith(HEADER + "\n") == later
        assert section_text.count(HEADER) == 1 or not later
        assert HEADER in request.messages[-1]["content"] or not later


def test_an_answer_quoting_the_repeated_header_is_grounded_on_the_real_row():
    from llmx.config import Settings
    from llmx.llm.convert import Part, convert
    from llmx.llm.plan import plan_document
    from llmx.llm.responses import SectionItems

    text, layout = _table_report(120)
    plan = plan_document(text, layout, Settings(backend="llm", model="fake", max_section_tokens=400), pack_tokens=400)
    job = next(j for j in plan.jobs if layout.table_at(j.start) and j.start > layout.tables[0].table.start)
    request = plan.request(job)
    first_row = request.context["section_text"].split("\n")[1]
    with_header = f"{HEADER}\n{first_row}"
    items = SectionItems.model_validate(
        {
            "indicators": [
                {"quote": with_header, "name": "Chỉ tiêu", "value": float(first_row.split(" | ")[4].replace(",", "."))},
                {"quote": HEADER, "name": "Kế hoạch", "value": None},
            ]
        },
        context=request.context,
    )
    part = Part()
    convert(part, text, layout, job, items)
    [ind] = part.out.indicators
    assert ind.quote == first_row == text[ind.start : ind.end] and ind.start >= job.start
    header_start = layout.tables[0].table.rows[0].start
    assert ind.start != header_start  # the real header row is never a grounding target here
    assert [p.stage for p in part.out.problems] == ["ground"]  # the header alone is not an item


APPENDED = (
    "UBND HUYỆN A\n\nBÁO CÁO\nKết quả công tác năm 2025\n\n"
    "1. Kết quả\nThu ngân sách đạt 120 tỷ đồng.\n\n"
    "Trên đây là báo cáo kết quả công tác năm 2025 của UBND huyện A./.\n\n"
    "Nơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\n\nCHỦ TỊCH\n\nNguyễn Văn A\n\n"
    "PHỤ LỤC\n\nBiểu mẫu 1\n\nKẾT QUẢ THU NGÂN SÁCH\n\n"
)


def test_appendix_sections_are_sent_in_document_order_and_a_rows_trailing_space_is_kept():
    from llmx.config import Settings
    from llmx.llm.chunking import text_spans
    from llmx.llm.plan import plan_document
    from llmx.sections import split_sections

    text = APPENDED + "Chỉ tiêu | ĐVT | Kết quả | Ghi chú\nThu ngân sách | tỷ đồng | 120 | \n"
    layout = split_sections(text)
    blocks = text_spans(text, layout)
    assert [b.start for b in blocks] == sorted(b.start for b in blocks)  # the closing block comes before the appendix
    plan = plan_document(text, layout, Settings(backend="llm", model="fake"))
    assert all(job.start < job.end for job in plan.jobs)
    sent = "\n".join(r.context["section_text"] for r in plan.requests_by_job)
    assert "Thu ngân sách | tỷ đồng | 120 | " in sent  # the last row's empty cell stays: it is in the row's quote
