"""Section budgets: long sections split on line boundaries, truncated ones halve sensibly."""

import itertools

from llmx.llm.chunking import halve, split_span
from llmx.llm.tokens import CHARS_PER_TOKEN, count_tokens, tokenizer


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
