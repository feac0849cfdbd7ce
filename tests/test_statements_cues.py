"""The shortfall search's quick pre-check (limitations._SHORTFALL_CUE) never hides a shortfall."""

from __future__ import annotations

from llmx.rules import limitations


def _top_level_branches(pattern: str) -> list[str]:
    """The `|`-separated alternatives of a pattern outside every group and character class."""
    branches, depth, klass, escaped, current = [], 0, False, False, []
    for c in pattern:
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif klass:
            klass = c != "]"
        elif c == "[":
            klass = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            branches.append("".join(current))
            current = []
            continue
        current.append(c)
    return [*branches, "".join(current)]


def test_every_shortfall_cue_holds_a_word_of_the_quick_pre_check():
    # a cue added to _SHORTFALL without one of _SHORTFALL_WORDS would never be searched: add its word there
    look = "(?=[bcghklstvíđ])(?:"  # the first-letter look-ahead written for speed, around the cues
    pattern = limitations._SHORTFALL.pattern
    assert pattern.startswith(look) and pattern.endswith(")")
    branches = _top_level_branches(pattern[len(look) : -1])
    assert len(branches) > 40
    missing = [b for b in branches if not any(w in b for w in limitations._SHORTFALL_WORDS)]
    assert missing == []


def test_the_pre_check_passes_every_sentence_the_shortfall_search_finds_whatever_its_case():
    sentences = [
        "Tiến độ giải ngân vốn đầu tư công CÒN CHẬM so với kế hoạch.",
        "Thiếu biên bản nghiệm thu công trình.",
        "Tỷ lệ hộ nghèo trên địa bàn xã còn cao.",
        "Kết quả thu ngân sách Đạt Thấp.",
        "Một số hội ÍT THAM GIA các hoạt động chung.",
        "Việc sử dụng đất như vậy Là Vi Phạm quy định.",
        "Tuy nhiên, thời tiết diễn biến bất ổn.",
        "Công tác phối hợp giữa các ngành chưa được chặt chẽ.",
        "Toàn xã thu hoạch 1.200 ha lúa, năng suất bình quân 62 tạ/ha.",
    ]
    for s in sentences:
        found = limitations._SHORTFALL.search(s) is not None
        assert (limitations._SHORTFALL_CUE.search(s) is not None and found) == found, s
    assert limitations._SHORTFALL_CUE.search(sentences[-1]) is None  # the usual sentence is spared the long search
