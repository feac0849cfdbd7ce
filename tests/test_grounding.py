"""Grounding: quotes placed in the text exactly, whitespace-tolerantly, nearest first; never invented."""

from llmx.grounding import ground, occurs, reground, trim_span

TEXT = "Tổng thu NSNN là 88,8 tỷ đồng.\nChi NSNN là 40 tỷ đồng.\nTổng thu NSNN là 88,8 tỷ đồng."


def test_an_exact_quote_is_found_where_it_is_written():
    span = ground(TEXT, "Chi NSNN là 40 tỷ đồng")
    assert span is not None and TEXT[span[0] : span[1]] == "Chi NSNN là 40 tỷ đồng"


def test_whitespace_differences_are_tolerated_and_the_span_is_the_text_as_written():
    span = ground(TEXT, "tỷ đồng. Chi   NSNN")  # a line break read as a space, spaces doubled
    assert span is not None and TEXT[span[0] : span[1]] == "tỷ đồng.\nChi NSNN"


def test_of_several_occurrences_the_first_or_the_one_nearest_wins():
    first, _ = ground(TEXT, "Tổng thu NSNN") or (None, None)
    last, _ = ground(TEXT, "Tổng thu NSNN", near=len(TEXT)) or (None, None)
    assert first == 0 and last == TEXT.rindex("Tổng thu NSNN")


def test_a_window_limits_where_a_quote_may_be_found():
    window = (TEXT.index("Chi"), TEXT.index("Chi") + 25)
    assert ground(TEXT, "Tổng thu NSNN", start=window[0], end=window[1]) is None
    assert ground(TEXT, "Chi NSNN", start=window[0], end=window[1]) == (window[0], window[0] + 8)


def test_nothing_is_invented_for_a_quote_that_is_not_there():
    assert ground(TEXT, "Tổng thu NSNN là 99,9 tỷ đồng") is None
    assert ground(TEXT, "") is None and ground(TEXT, "   ") is None
    assert not occurs(TEXT, "88,9 tỷ") and occurs(TEXT, "88,8   tỷ")


def test_reground_keeps_offsets_that_still_hold_and_moves_the_rest_to_the_nearest_occurrence():
    second = TEXT.rindex("Tổng thu")
    assert reground(TEXT, "Tổng thu NSNN", (second, second + 13)) == (second, second + 13)
    assert reground(TEXT, "Tổng thu NSNN", (second + 3, second + 16)) == (second, second + 13)  # drifted
    assert reground(TEXT, "Tổng thu NSNN", (1000, 1013)) == (second, second + 13)  # out of range: nearest
    assert reground(TEXT, "Tổng thu NSNN", (2, 15)) == (0, 13)


def test_reground_with_markup_tolerates_markdown_markers_between_words():
    marked = "Kết quả: **Tổng thu** NSNN là _88,8_ tỷ đồng"
    assert reground(marked, "Tổng thu NSNN là 88,8 tỷ đồng") is None
    span = reground(marked, "Tổng thu NSNN là 88,8 tỷ đồng", markup=True)
    assert span is not None and marked[span[0] : span[1]] == "Tổng thu** NSNN là _88,8_ tỷ đồng"


def test_trim_span_drops_surrounding_whitespace_only():
    text = "  - Tập trung chỉ đạo.\n"
    assert text[slice(*trim_span(text, 0, len(text)))] == "- Tập trung chỉ đạo."
    assert trim_span(text, 0, 2) == (2, 2)
