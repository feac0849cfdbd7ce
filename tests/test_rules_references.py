"""Document citations (SPEC 6): every form the genre uses, the false positives it invites, the
three dev reports against hand labels, and the grounding invariant `text[start:end] == quote`."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from llmx.rules.references import find_references

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
STEMS = ("2023-02-district-party-monthly", "h1-2018-district-socioeconomic", "h1-2023-commune-party-webpage")


def simple_normalize(raw: str) -> str:
    """NFC, NBSP -> space, markdown `**`/`*` emphasis removed (stand-in for llmx.normalize)."""
    text = unicodedata.normalize("NFC", raw).replace("\xa0", " ").replace("**", "")
    return re.sub(r"(?<=[\s“(\"])\*(?=[^\s*])|(?<=[^\s*])\*(?=[\s”),.;:\"]|$)", "", text, flags=re.M)


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {stem: simple_normalize((SAMPLES / f"{stem}.txt").read_text(encoding="utf-8")) for stem in STEMS}


def fields(text: str) -> list[tuple[str, str, str | None, str | None, str | None]]:
    return [(r.quote, r.doc_type, r.number, r.date, r.issuer) for r in find_references(text)]


# --- every citation form ---------------------------------------------------------------------

POSITIVE = [
    # (sentence, quote, doc_type, number, date, issuer)
    (
        "Thực hiện Nghị quyết số 04-NQ/ĐU ngày 30/12/2022 về phương hướng.",
        "Nghị quyết số 04-NQ/ĐU ngày 30/12/2022",
        "nghị quyết",
        "04-NQ/ĐU",
        "2022-12-30",
        None,
    ),
    (
        "Ban hành Kế hoạch số 31-KH/HU, ngày 09/02/2023 về thực hiện.",
        "Kế hoạch số 31-KH/HU, ngày 09/02/2023",
        "kế hoạch",
        "31-KH/HU",
        "2023-02-09",
        None,
    ),
    (
        "Triển khai thực hiện nghiêm Thông tư 04/2023/TT-BTC về hướng dẫn quản lý.",
        "Thông tư 04/2023/TT-BTC",
        "thông tư",
        "04/2023/TT-BTC",
        None,
        None,
    ),
    (
        "theo Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 quy định chi tiết",
        "Nghị định số 91/2017/NĐ-CP ngày 31/7/2017",
        "nghị định",
        "91/2017/NĐ-CP",
        "2017-07-31",
        None,
    ),
    (
        "thực hiện Chỉ thị số 17 ngày 21/10/2022 của Ban Bí thư về tăng cường",
        "Chỉ thị số 17 ngày 21/10/2022 của Ban Bí thư",
        "chỉ thị",
        "17",
        "2022-10-21",
        "Ban Bí thư",
    ),
    (
        "Theo Văn bản số 3969/UBND-TH3 ngày 25/5/2021 của UBND tỉnh.",
        "Văn bản số 3969/UBND-TH3 ngày 25/5/2021 của UBND tỉnh",
        "văn bản",
        "3969/UBND-TH3",
        "2021-05-25",
        "UBND tỉnh",
    ),
    (
        "về tiếp tục thực hiệnChỉ thị số 05 - CT/TW của Bộ Chính trị về học tập",
        "Chỉ thị số 05 - CT/TW của Bộ Chính trị",
        "chỉ thị",
        "05 - CT/TW",
        None,
        "Bộ Chính trị",
    ),
    (
        "Triển khai thực hiện kết luận số 2326/KL-TTCTP ngày 29/12/2022 của Thanh tra Chính phủ về trách nhiệm",
        "kết luận số 2326/KL-TTCTP ngày 29/12/2022 của Thanh tra Chính phủ",
        "kết luận",
        "2326/KL-TTCTP",
        "2022-12-29",
        "Thanh tra Chính phủ",
    ),
    (
        "Thực hiện nghiêm túc Kết luận 47 của Ban Thường vụ Tỉnh ủy về xử lý",
        "Kết luận 47 của Ban Thường vụ Tỉnh ủy",
        "kết luận",
        "47",
        None,
        "Ban Thường vụ Tỉnh ủy",
    ),
    (
        "phê duyệt thực hiện Kết luận 47 của Tỉnh ủy, Kế hoạch 2923 của UBND tỉnh.",
        "Kế hoạch 2923 của UBND tỉnh",
        "kế hoạch",
        "2923",
        None,
        "UBND tỉnh",
    ),
    (
        "tổ chức thực hiện Nghị định số 91 của Chính phủ quy định chi tiết thi hành",
        "Nghị định số 91 của Chính phủ",
        "nghị định",
        "91",
        None,
        "Chính phủ",
    ),
    (
        "Tổng kết 15 năm thực hiện Nghị quyết số 10 của Tỉnh ủy (khóa XVII) về “Nâng cao”",
        "Nghị quyết số 10 của Tỉnh ủy (khóa XVII)",
        "nghị quyết",
        "10",
        None,
        "Tỉnh ủy",
    ),
    (
        "ứng phó với các thảm họa theo Nghị định số 02 của Chính phủ về phòng thủ dân sự.",
        "Nghị định số 02 của Chính phủ",
        "nghị định",
        "02",
        None,
        "Chính phủ",
    ),
    (
        "Chỉ đạo thực hiện nghiêm Chỉ thị 01-CT/HU của Huyện uỷ về tăng cường",
        "Chỉ thị 01-CT/HU của Huyện uỷ",
        "chỉ thị",
        "01-CT/HU",
        None,
        "Huyện uỷ",
    ),
    (
        "Thực hiện Chỉ thị số 34-CT/TW, ngày 07/4/2014 của Bộ Chính trị “Về tiếp tục đổi mới”",
        "Chỉ thị số 34-CT/TW, ngày 07/4/2014 của Bộ Chính trị",
        "chỉ thị",
        "34-CT/TW",
        "2014-04-07",
        "Bộ Chính trị",
    ),
    (
        "và Thông tri số 19-TTr/HU ngày 15/01/2018 của Ban Thường vụ Huyện ủy “Về tiếp tục”",
        "Thông tri số 19-TTr/HU ngày 15/01/2018 của Ban Thường vụ Huyện ủy",
        "thông tri",
        "19-TTr/HU",
        "2018-01-15",
        "Ban Thường vụ Huyện ủy",
    ),
    (
        "Nghị quyết số 58 - NQ/TW, ngày 05/8/2020 của Bộ Chính trị về xây dựng",
        "Nghị quyết số 58 - NQ/TW, ngày 05/8/2020 của Bộ Chính trị",
        "nghị quyết",
        "58 - NQ/TW",
        "2020-08-05",
        "Bộ Chính trị",
    ),
    (
        "theo tinh thần Nghị quyết số 04 - NQ/ĐU, ngày 28/12/2022 của Ban Chấp hành Đảng bộ xã về mục tiêu",
        "Nghị quyết số 04 - NQ/ĐU, ngày 28/12/2022 của Ban Chấp hành Đảng bộ xã",
        "nghị quyết",
        "04 - NQ/ĐU",
        "2022-12-28",
        "Ban Chấp hành Đảng bộ xã",
    ),
    (
        "Kế hoạch số 45/KH-UBND ngày 3/9/2019 của UBND huyện Tam Dương về",
        "Kế hoạch số 45/KH-UBND ngày 3/9/2019 của UBND huyện Tam Dương",
        "kế hoạch",
        "45/KH-UBND",
        "2019-09-03",
        "UBND huyện Tam Dương",
    ),
    (
        "Nghị quyết số 12/2020/NQ-HĐND ngày 10 tháng 7 năm 2020 của HĐND tỉnh Vĩnh Phúc về",
        "Nghị quyết số 12/2020/NQ-HĐND ngày 10 tháng 7 năm 2020 của HĐND tỉnh Vĩnh Phúc",
        "nghị quyết",
        "12/2020/NQ-HĐND",
        "2020-07-10",
        "HĐND tỉnh Vĩnh Phúc",
    ),
    (
        "Quyết định số 1234/QĐ-UBND ngày 12/5/2021 của Chủ tịch UBND tỉnh về",
        "Quyết định số 1234/QĐ-UBND ngày 12/5/2021 của Chủ tịch UBND tỉnh",
        "quyết định",
        "1234/QĐ-UBND",
        "2021-05-12",
        "Chủ tịch UBND tỉnh",
    ),
    (
        "Thông báo kết luận số 123-TB/HU ngày 03/09/2019 của Ban Thường vụ Huyện ủy.",
        "Thông báo kết luận số 123-TB/HU ngày 03/09/2019 của Ban Thường vụ Huyện ủy",
        "thông báo",
        "123-TB/HU",
        "2019-09-03",
        "Ban Thường vụ Huyện ủy",
    ),
    # plenums and congresses: no number, the ordinal identifies the resolution
    (
        "triển khai thực hiện nghiêm túc, quyết liệt các Nghị quyết Hội nghị Trung ương 7 (khóa XII) của Đảng về",
        "Nghị quyết Hội nghị Trung ương 7 (khóa XII) của Đảng",
        "nghị quyết",
        None,
        None,
        "Đảng",
    ),
    (
        "theo tinh thần Nghị quyết TW6 (khóa XII) của Đảng. Chỉ đạo",
        "Nghị quyết TW6 (khóa XII) của Đảng",
        "nghị quyết",
        None,
        None,
        "Đảng",
    ),
    (
        "theo đúng Nghị quyết Trung ương 6 khóa XII của Đảng và theo yêu cầu",
        "Nghị quyết Trung ương 6 khóa XII của Đảng",
        "nghị quyết",
        None,
        None,
        "Đảng",
    ),
    (
        "mà trọng tâm là nghị quyết hội nghị lần thứ 6 của BCH trung ương đảng, Kết luận",
        "nghị quyết hội nghị lần thứ 6 của BCH trung ương đảng",
        "nghị quyết",
        None,
        None,
        "BCH trung ương đảng",
    ),
    (
        "Tuyên truyền kết quả thực hiện Nghị quyết đại hội Đảng các cấp, Nghị quyết đại hội lần thứ XIII của Đảng;",
        "Nghị quyết đại hội lần thứ XIII của Đảng",
        "nghị quyết",
        None,
        None,
        "Đảng",
    ),
    # un-numbered, but naming an issuer (a short title may come first)
    (
        "Tổ chức Hội nghị triển khai Quyết định của Ban Thường vụ Tỉnh ủy về việc luân chuyển",
        "Quyết định của Ban Thường vụ Tỉnh ủy",
        "quyết định",
        None,
        None,
        "Ban Thường vụ Tỉnh ủy",
    ),
    (
        "Lực lượng vũ trang triển khai thực hiện nghị quyết của Huyện uỷ về nhiệm vụ quân sự",
        "nghị quyết của Huyện uỷ",
        "nghị quyết",
        None,
        None,
        "Huyện uỷ",
    ),
    (
        "diện tích 10 ha theo Đề án ứng dụng một số cây trồng mới của tỉnh. Mô hình",
        "Đề án ứng dụng một số cây trồng mới của tỉnh",
        "đề án",
        None,
        None,
        "tỉnh",
    ),
    (
        "Duy trì và thực hiện nghiêm Quy chế làm việc của UBND huyện nhiệm kỳ 2016-2021",
        "Quy chế làm việc của UBND huyện",
        "quy chế",
        None,
        None,
        "UBND huyện",
    ),
    (
        "năm 2013, Thông tư hướng dẫn của Bộ Nội vụ và các quy định của tỉnh",
        "Thông tư hướng dẫn của Bộ Nội vụ",
        "thông tư",
        None,
        None,
        "Bộ Nội vụ",
    ),
    # laws: the year after the title is the enactment year
    (
        "quy định chi tiết thi hành Luật sửa đổi bổ sung của Luật thi đua, khen thưởng năm 2013, Thông tư",
        "Luật sửa đổi bổ sung của Luật thi đua, khen thưởng năm 2013",
        "luật",
        None,
        "2013",
        None,
    ),
    (
        "Theo Luật Thi đua, Khen thưởng số 06/2022/QH15 và các văn bản",
        "Luật Thi đua, Khen thưởng số 06/2022/QH15",
        "luật",
        "06/2022/QH15",
        None,
        None,
    ),
]


@pytest.mark.parametrize(("sentence", "quote", "doc_type", "number", "date", "issuer"), POSITIVE)
def test_each_citation_form_gives_one_grounded_reference(sentence, quote, doc_type, number, date, issuer):
    refs = [r for r in find_references(sentence) if r.quote == quote]
    assert len(refs) == 1, fields(sentence)
    ref = refs[0]
    assert (ref.doc_type, ref.number, ref.date, ref.issuer) == (doc_type, number, date, issuer)
    assert sentence[ref.start : ref.end] == quote
    assert ref.id == "" and ref.section_id is None


NEGATIVE = [
    "Đẩy mạnh tuyên truyền chính sách Dân số - Kế hoạch hóa gia đình nhằm giảm tỷ lệ sinh",
    "4. Công tác Tài chính - Kế hoạch",
    "- Tài chính - Kế hoạch: Triển khai thực hiện nhiệm vụ năm 2023.",
    "Phối hợp với Sở Kế hoạch và Đầu tư của tỉnh.",
    "Chỉ đạo các cơ quan, đơn vị đẩy mạnh thực hiện Kế hoạch cải cách hành chính năm 2018.",
    "Thực hiện Chương trình công tác năm 2023, Ban Thường vụ, Thường trực Huyện ủy đã tập trung",
    "nghiêm túc triển khai học tập, tổ chức thực hiện các Nghị quyết, Chỉ thị của Đảng các cấp.",
    "triển khai các Chỉ thị, Nghị quyết, kết luận của Trung ương, tỉnh, huyện; mà trọng tâm",
    "Hội đồng nhân dân huyện giám sát việc triển khai thực hiện các Nghị quyết của HĐND huyện",
    "giải quyết các kết luận thanh tra và các thông báo kết luận của Ban Thường vụ Huyện ủy.",
    "tuyên truyền Nghị quyết của Đảng, pháp luật của Nhà nước và các gương điển hình",
    "theo quy định của pháp luật; giữ vững kỷ cương, kỷ luật của Đảng; theo luật định.",
    "Phối hợp với hội luật gia Thanh hóa tuyên truyền, phổ biến giáo dục pháp luật",
    "Đã xử lý 34 đảng viên (không kỷ luật 02; khiển trách 21).",
    "trong quý phát hành 1.170 Quyết định, 90 Kế hoạch và 41 Công văn",
    "Tiếp tục thực hiện 02 nghị quyết chuyên đề (khóa XXII) của Huyện ủy.",
    "Tổ chức tập huấn Luật tín ngưỡng tôn giáo và các văn bản hướng dẫn thi hành.",
    "quán triệt và triển khai Luật sửa đổi bổ sung một số điều của Luật thi đua khen thưởng, Nghị quyết",
    "Triển khai lấy ý kiến nhân dân đối với dự thảo Luật Đất đai (sửa đổi).",
    "Nghị quyết về lãnh đạo Quốc phòng - an ninh năm 2023; Nghi quyết chuyên đề về lãnh đạo",
    "Triển khai thực hiện Đề án “Tăng cường năng lực tiếp cận pháp luật của người dân”.",
    "thực hiện tốt Quy định Bí thư cấp ủy trực tiếp đối thoại và tiếp công dân.",
    "Chỉ đạo thực hiện tốt Quy chế công tác dân vận của hệ thống chính trị trên địa bàn huyện",
    "kiện toàn các tổ dân vận thôn theo hướng dẫn của ban dân vận huyện; theo kế hoạch của cấp trên",
    "Tiếp tục triển khai Quyết định thành lập các khối thi đua, phân công các đồng chí",
    "xây dựng Chương trình hành động thực hiện Chỉ thị, nghị quyết phù hợp với tình hình thực tế",
    "Tổ chức kỷ niệm 80 năm ra đời “Đề cương Văn hoá Việt Nam”. Báo cáo thống kê cán bộ.",
    "cấp có thẩm quyền quyết định chủ trương đầu tư; Kế hoạch 5 năm của huyện",
]


@pytest.mark.parametrize("sentence", NEGATIVE)
def test_counts_departments_classes_titles_and_common_words_are_not_references(sentence):
    assert fields(sentence) == []


@pytest.mark.parametrize(
    ("wrapped", "number", "issuer"),
    [
        ("tiếp tục thực hiện Chỉ thị số\n05-CT/TW về đẩy mạnh", "05-CT/TW", None),
        ("về thực hiện Chỉ thị\nsố 18-CT/TW ngày 26/10/2022 của Ban Bí thư về", "18-CT/TW", "Ban Bí thư"),
        ("ứng phó với các thảm họa theo Nghị định số\n02 của Chính phủ về", "02", "Chính phủ"),
        ("thực hiện nghiêm Quy chế\nlàm việc của UBND huyện nhiệm kỳ", None, "UBND huyện"),
    ],
)
def test_citations_wrapped_by_a_single_line_break_are_still_found(wrapped, number, issuer):
    refs = find_references(wrapped)
    assert [(r.number, r.issuer) for r in refs] == [(number, issuer)]
    assert wrapped[refs[0].start : refs[0].end] == refs[0].quote and "\n" in refs[0].quote


def test_a_paragraph_break_or_a_new_capitalised_line_ends_a_citation():
    assert fields("Ban hành Kế hoạch số\n\n12 nội dung") == []
    assert fields("4. Công tác Kế hoạch\nThu ngân sách của huyện đạt 59% KH.") == []


def test_a_type_word_inside_an_issuer_or_a_law_title_does_not_start_a_second_reference():
    text = "thi hành Luật sửa đổi bổ sung của Luật thi đua, khen thưởng năm 2013 của Quốc hội."
    assert [r.quote for r in find_references(text)] == [
        "Luật sửa đổi bổ sung của Luật thi đua, khen thưởng năm 2013 của Quốc hội"
    ]


def test_the_window_limits_where_citations_may_start_and_offsets_stay_absolute():
    text = "Mở đầu. Thực hiện Chỉ thị số 17 ngày 21/10/2022 của Ban Bí thư. Theo Kết luận 47 của Tỉnh ủy."
    second = text.index("Theo")
    refs = find_references(text, second, len(text))
    assert [r.quote for r in refs] == ["Kết luận 47 của Tỉnh ủy"]
    assert refs[0].start == text.index("Kết luận") and text[refs[0].start : refs[0].end] == refs[0].quote
    assert [r.quote for r in find_references(text, 0, second)] == ["Chỉ thị số 17 ngày 21/10/2022 của Ban Bí thư"]


# --- the dev reports -------------------------------------------------------------------------

MONTHLY = [
    ("Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ chính trị", "kết luận", "01-KL/TW", "2021-05-18", "Bộ chính trị"),
    ("Chỉ thị số 05-CT/TW", "chỉ thị", "05-CT/TW", None, None),
    ("Quyết định của Ban Thường vụ Tỉnh ủy", "quyết định", None, None, "Ban Thường vụ Tỉnh ủy"),
    ("Kế hoạch số 31-KH/HU, ngày 09/02/2023", "kế hoạch", "31-KH/HU", "2023-02-09", None),
    ("Chỉ thị số 18-CT/TW ngày 26/10/2022 của Ban Bí thư", "chỉ thị", "18-CT/TW", "2022-10-26", "Ban Bí thư"),
    (
        "kết luận số 2326/KL-TTCTP ngày 29/12/2022 của Thanh tra Chính phủ",
        "kết luận",
        "2326/KL-TTCTP",
        "2022-12-29",
        "Thanh tra Chính phủ",
    ),
    ("Chỉ thị số 17 ngày 21/10/2022 của Ban Bí thư", "chỉ thị", "17", "2022-10-21", "Ban Bí thư"),
    ("nghị quyết của Huyện uỷ", "nghị quyết", None, None, "Huyện uỷ"),
    ("Nghị định số 02 của Chính phủ", "nghị định", "02", None, "Chính phủ"),
    ("Nghị quyết số 10 của Tỉnh ủy (khóa XVII)", "nghị quyết", "10", None, "Tỉnh ủy"),
    ("Chỉ thị 01-CT/HU của Huyện uỷ", "chỉ thị", "01-CT/HU", None, "Huyện uỷ"),
    ("Thông tư 04/2023/TT-BTC", "thông tư", "04/2023/TT-BTC", None, None),
]

SOCIO = [
    ("Đề án ứng dụng một số cây trồng mới của tỉnh", "đề án", None, None, "tỉnh"),
    ("Kết luận 47 của Ban Thường vụ Tỉnh ủy", "kết luận", "47", None, "Ban Thường vụ Tỉnh ủy"),
    ("Kế hoạch 2923 của UBND tỉnh", "kế hoạch", "2923", None, "UBND tỉnh"),
    ("Chỉ thị số 34-CT/TW, ngày 07/4/2014 của Bộ Chính trị", "chỉ thị", "34-CT/TW", "2014-04-07", "Bộ Chính trị"),
    (
        "Thông tri số 19-TTr/HU ngày 15/01/2018 của Ban Thường vụ Huyện ủy",
        "thông tri",
        "19-TTr/HU",
        "2018-01-15",
        "Ban Thường vụ Huyện ủy",
    ),
    ("Kết luận 47 của Ban Thường vụ Tỉnh ủy", "kết luận", "47", None, "Ban Thường vụ Tỉnh ủy"),
    ("Nghị quyết Hội nghị Trung ương 7 (khóa XII) của Đảng", "nghị quyết", None, None, "Đảng"),
    ("Nghị quyết Trung ương 6 khóa XII của Đảng", "nghị quyết", None, None, "Đảng"),
    ("Quy chế làm việc của UBND huyện", "quy chế", None, None, "UBND huyện"),
    ("Quyết định 1436 của UBND tỉnh", "quyết định", "1436", None, "UBND tỉnh"),
    ("Kết luận 47 của Tỉnh ủy", "kết luận", "47", None, "Tỉnh ủy"),
    ("Kế hoạch 2923 của UBND tỉnh", "kế hoạch", "2923", None, "UBND tỉnh"),
    ("Nghị quyết TW6 (khóa XII) của Đảng", "nghị quyết", None, None, "Đảng"),
    ("Chỉ thị số 34-CT/TW ngày 07/4/2014 của Bộ Chính trị", "chỉ thị", "34-CT/TW", "2014-04-07", "Bộ Chính trị"),
    ("Nghị định số 91 của Chính phủ", "nghị định", "91", None, "Chính phủ"),
    ("Luật sửa đổi bổ sung của Luật thi đua, khen thưởng năm 2013", "luật", None, "2013", None),
    ("Thông tư hướng dẫn của Bộ Nội vụ", "thông tư", None, None, "Bộ Nội vụ"),
]

WEBPAGE_FIRST_COPY = [
    ("nghị quyết số 04-NQ/ĐU ngày 30/12/2022", "nghị quyết", "04-NQ/ĐU", "2022-12-30", None),
    ("nghị quyết hội nghị lần thứ 6 của BCH trung ương đảng", "nghị quyết", None, None, "BCH trung ương đảng"),
    ("Kết luận số 01-KL/TW của Bộ Chính trị", "kết luận", "01-KL/TW", None, "Bộ Chính trị"),
    ("Chỉ thị số 05 - CT/TW của Bộ Chính trị", "chỉ thị", "05 - CT/TW", None, "Bộ Chính trị"),
    (
        "Nghị quyết số 58 - NQ/TW, ngày 05/8/2020 của Bộ Chính trị",
        "nghị quyết",
        "58 - NQ/TW",
        "2020-08-05",
        "Bộ Chính trị",
    ),
    (
        "Nghị quyết số 04-NQ/ĐU ngày 28/12/2022 của Ban Chấp hành Đảng bộ xã",
        "nghị quyết",
        "04-NQ/ĐU",
        "2022-12-28",
        "Ban Chấp hành Đảng bộ xã",
    ),
    ("nghị quyết của HĐND xã", "nghị quyết", None, None, "HĐND xã"),
    ("Kế hoạch của UBND huyện", "kế hoạch", None, None, "UBND huyện"),
    ("Nghị quyết của Đảng ủy", "nghị quyết", None, None, "Đảng ủy"),
    ("Nghị quyết của HĐND xã", "nghị quyết", None, None, "HĐND xã"),
    ("nghị quyết đại hội Cựu chiến binh xã lần thứ VII", "nghị quyết", None, None, None),
    (
        "Nghị quyết số 04 - NQ/ĐU, ngày 28/12/2022 của Ban Chấp hành Đảng bộ xã",
        "nghị quyết",
        "04 - NQ/ĐU",
        "2022-12-28",
        "Ban Chấp hành Đảng bộ xã",
    ),
    ("Nghị quyết đại hội lần thứ XIII của Đảng", "nghị quyết", None, None, "Đảng"),
    ("nghị quyết của Ban Chấp hành Đảng bộ xã", "nghị quyết", None, None, "Ban Chấp hành Đảng bộ xã"),
]


def test_monthly_report_references_match_the_hand_labels(texts):
    assert fields(texts["2023-02-district-party-monthly"]) == MONTHLY


def test_socioeconomic_report_references_match_the_hand_labels(texts):
    assert fields(texts["h1-2018-district-socioeconomic"]) == SOCIO


def test_webpage_references_in_the_first_copy(texts):
    text = texts["h1-2023-commune-party-webpage"]
    second_copy = text.index("Đăng lúc:")
    got = [(r.quote, r.doc_type, r.number, r.date, r.issuer) for r in find_references(text, 0, second_copy)]
    assert got == WEBPAGE_FIRST_COPY
    # the repeated body repeats its citations (the real normalizer drops that copy)
    assert len(find_references(text)) == 2 * len(WEBPAGE_FIRST_COPY)


def test_every_reference_in_the_dev_corpus_is_grounded(texts, dev_texts):
    for text in [*texts.values(), *dev_texts.values()]:
        refs = find_references(text)
        assert refs
        for ref in refs:
            assert text[ref.start : ref.end] == ref.quote
            assert ref.quote == ref.quote.strip() and ref.doc_type == ref.doc_type.lower()


@pytest.mark.parametrize("stem", STEMS[:2])
def test_gold_references_are_found_exactly_on_the_normalized_text(dev_texts, stem):
    gold_path = REPO / "eval" / "gold" / "dev" / f"{stem}.json"
    assert gold_path.exists(), f"gold file moved? {gold_path}"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["references"]
    text = dev_texts[stem]
    expected = [(g["quote"], g["doc_type"], g["number"], g["date"], g["issuer"]) for g in gold]
    assert fields(text) == expected


# --- citations in reports of other issuers -------------------------------------------------------


def cite(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(r.quote, r.number, r.date, r.issuer) for r in find_references(text)]


def test_the_issuer_named_before_a_citation_is_its_issuer_and_carries_to_the_next_of_the_series():
    text = (
        "Thực hiện theo yêu cầu của Thủ tướng Chính phủ tại Chỉ thị số 07/CT-TTg ngày 14/3/2025 về việc "
        "đẩy mạnh chuyển đổi số và Chỉ thị số 24/CT-TTg ngày 13/9/2025 về dữ liệu."
    )
    assert [r[3] for r in cite(text)] == ["Thủ tướng Chính phủ", "Thủ tướng Chính phủ"]


def test_the_actor_that_issues_a_document_and_the_date_opening_the_sentence():
    text = "Ngày 24/02/2020, Chính phủ ban hành Nghị định số 23/2020/NĐ-CP quy định về quản lý cát, sỏi."
    assert cite(text) == [("Nghị định số 23/2020/NĐ-CP", "23/2020/NĐ-CP", "2020-02-24", "Chính phủ")]


def test_the_body_that_gave_its_opinion_or_approved_a_document_issued_it():
    text = (
        "UBND tỉnh Lào Cai đã tham gia ý kiến tại Văn bản số 1203/UBND-KT ngày 13/02/2026. Quy hoạch đã được "
        "Thủ tướng Chính phủ phê duyệt tại Quyết định số 866/QĐ-TTg ngày 18/7/2023; thủ tục đã được UBND tỉnh "
        "ban hành tại Quyết định số 1067/QĐ-UBND ngày 09/9/2025."
    )
    assert [r[3] for r in cite(text)] == ["UBND tỉnh Lào Cai", "Thủ tướng Chính phủ", "UBND tỉnh"]


def test_an_issuer_written_after_a_series_names_every_member():
    text = "Thực hiện Kết luận số 05-KL/TW ngày 15/7/2016, Kết luận số 13-KL/TW ngày 16/8/2021 của Ban Bí thư."
    assert [r[3] for r in cite(text)] == ["Ban Bí thư", "Ban Bí thư"]


def test_symbols_with_ampersands_dotted_numbers_and_stray_spaces_are_numbers():
    text = (
        "Tại Kế hoạch số 515/KH-BCA-BNN&MT ngày 31/8/2025 của Bộ Công an và Bộ Nông nghiệp và Môi trường; "
        "theo Nghị quyết 66.4/2025/NQ-CP ngày 21/9/2025; ban hành Kế hoạch số 40/KH- STTTT ngày 11/6/2024."
    )
    assert [(r[1], r[3]) for r in cite(text)] == [
        ("515/KH-BCA-BNN&MT", "Bộ Công an và Bộ Nông nghiệp và Môi trường"),
        ("66.4/2025/NQ-CP", None),
        ("40/KH- STTTT", None),
    ]


def test_a_programme_name_is_no_citation_but_an_article_number_does_not_make_a_count():
    assert cite("Đẩy mạnh triển khai Đề án 06 trên địa bàn tỉnh.") == []
    text = "Tại Điều 34 Nghị định 136/2025/NĐ-CP ngày 12/6/2025 của Chính phủ quy định phân cấp."
    assert cite(text) == [
        ("Nghị định 136/2025/NĐ-CP ngày 12/6/2025 của Chính phủ", "136/2025/NĐ-CP", "2025-06-12", "Chính phủ")
    ]


def test_a_dated_draft_law_and_a_numbered_plan_of_operations_are_citations():
    text = "Góp ý dự thảo Luật phòng, chống ma túy năm 2021 và Phương án số 02/PA-BCA ngày 09/8/2021 của Bộ Công an."
    assert [(r[0], r[2]) for r in cite(text)] == [
        ("Luật phòng, chống ma túy năm 2021", "2021"),
        ("Phương án số 02/PA-BCA ngày 09/8/2021 của Bộ Công an", "2021-08-09"),
    ]
