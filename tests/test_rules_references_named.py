"""Citations in inspection and appraisal reports (SPEC 6): licences, certificates, blasting
passports and minutes cited by a descriptive name before their number, laws by name and year,
and documents of companies, agencies and departments of other provinces. Invented text."""

from __future__ import annotations

import pytest

from llmx.rules.references import find_references


def cite(text: str) -> list[tuple[str, str, str | None, str | None, str | None]]:
    return [(r.quote, r.doc_type, r.number, r.date, r.issuer) for r in find_references(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Công ty đã được cấp Giấy phép khai thác khoáng sản số 12/GP-UBND ngày 05/3/2024 của UBND tỉnh Hà Giang.",
            (
                "Giấy phép khai thác khoáng sản số 12/GP-UBND ngày 05/3/2024 của UBND tỉnh Hà Giang",
                "giấy phép",
                "12/GP-UBND",
                "2024-03-05",
                "UBND tỉnh Hà Giang",
            ),
        ),
        (
            "Cơ sở có Giấy chứng nhận đủ điều kiện về an toàn thực phẩm số 45/2023/ATTP-CNĐK ngày 10/8/2023.",
            (
                "Giấy chứng nhận đủ điều kiện về an toàn thực phẩm số 45/2023/ATTP-CNĐK ngày 10/8/2023",
                "giấy chứng nhận",
                "45/2023/ATTP-CNĐK",
                "2023-08-10",
                None,
            ),
        ),
        (
            "Biên bản kiểm tra số 14/BB-ĐKT ngày 22/4/2025 của Đoàn kiểm tra ghi nhận.",
            (
                "Biên bản kiểm tra số 14/BB-ĐKT ngày 22/4/2025 của Đoàn kiểm tra",
                "biên bản",
                "14/BB-ĐKT",
                "2025-04-22",
                "Đoàn kiểm tra",
            ),
        ),
        (
            "Báo cáo đánh giá tác động môi trường số 02/BC-CT ngày 11/11/2024 đã được phê duyệt.",
            (
                "Báo cáo đánh giá tác động môi trường số 02/BC-CT ngày 11/11/2024",
                "báo cáo",
                "02/BC-CT",
                "2024-11-11",
                None,
            ),
        ),
    ],
)
def test_a_descriptive_name_may_stand_between_the_type_word_and_the_number(sentence, expected):
    assert cite(sentence) == [expected]


def test_blasting_passports_and_plans_are_cited_by_their_numbers():
    text = "Đơn vị đã lập hộ chiếu nổ mìn số 05/2025/HCNM và Phương án nổ mìn số 11/PANM-CT ngày 02/3/2025."
    assert cite(text) == [
        ("hộ chiếu nổ mìn số 05/2025/HCNM", "hộ chiếu", "05/2025/HCNM", None, None),
        ("Phương án nổ mìn số 11/PANM-CT ngày 02/3/2025", "phương án", "11/PANM-CT", "2025-03-02", None),
    ]


def test_numbers_with_several_number_parts_or_a_spaced_hyphen_are_read_whole():
    assert [r.number for r in find_references("theo Văn bản số 11/QĐ - CTY ngày 01/7/2025.")] == ["11/QĐ - CTY"]
    assert [r.number for r in find_references("lập hộ chiếu số 03/3527/2026/HCNM - G7 đúng mẫu")] == [
        "03/3527/2026/HCNM - G7"
    ]


def test_a_package_number_inside_a_name_is_not_the_documents_number():
    assert cite("- Hộ chiếu nổ mìn Gói thầu số 16 (từ 29/01/2026 đến nay): 03 hộ chiếu.") == []


def test_a_law_named_with_its_year_or_number_is_a_citation_even_when_its_name_starts_with_hoa():
    assert cite("theo quy định tại Luật Đầu tư 2020 và Nghị định số 31/2021/NĐ-CP.") == [
        ("Luật Đầu tư 2020", "luật", None, "2020", None),
        ("Nghị định số 31/2021/NĐ-CP", "nghị định", "31/2021/NĐ-CP", None, None),
    ]
    assert cite("Căn cứ Luật Hóa chất số 06/2007/QH12 và các văn bản hướng dẫn.") == [
        ("Luật Hóa chất số 06/2007/QH12", "luật", "06/2007/QH12", None, None)
    ]
    assert cite("Đẩy mạnh công tác Dân số - Kế hoạch hóa gia đình.") == []


@pytest.mark.parametrize(
    ("sentence", "issuer"),
    [
        (
            "Văn bản số 215/CV-XD ngày 12/4/2025 của Công ty cổ phần Xây dựng Sông Đà về việc bàn giao.",
            "Công ty cổ phần Xây dựng Sông Đà",
        ),
        ("Văn bản số 19/CV-MT ngày 03/01/2026 của Công ty TNHH Minh Tâm đề nghị gia hạn.", "Công ty TNHH Minh Tâm"),
        (
            "Báo cáo số 77/BC-TCT ngày 14/02/2026 của Tổng công ty Đầu tư Phát triển nhà Hà Nội về tiến độ.",
            "Tổng công ty Đầu tư Phát triển nhà Hà Nội",
        ),
        (
            "Giấy phép số 20/2025/GP-BCT ngày 31/12/2025 của Cục Kỹ thuật an toàn và Môi trường công nghiệp.",
            "Cục Kỹ thuật an toàn và Môi trường công nghiệp",
        ),
        (
            "Giấy chứng nhận thẩm duyệt về PCCC số 12/TD-PCCC ngày 08/5/2024 của Phòng Cảnh sát PCCC và CNCH - "
            "Công an tỉnh Sơn La.",
            "Phòng Cảnh sát PCCC và CNCH - Công an tỉnh Sơn La",
        ),
        (
            "Văn bản số 62/NT-PCCC ngày 07/11/2024 của phòng cảnh sát PCCC và CNCH - Công an tỉnh Sơn La.",
            "phòng cảnh sát PCCC và CNCH - Công an tỉnh Sơn La",
        ),
        ("Thông báo số 88/TB-SXD ngày 02/6/2025 của Sở Xây dựng Phú Thọ về kết quả thẩm định.", "Sở Xây dựng Phú Thọ"),
        (
            "Quyết định số 301/QĐ-SNV ngày 20/3/2025 của Giám đốc Sở Nội vụ tỉnh Tuyên Quang về việc thành lập.",
            "Giám đốc Sở Nội vụ tỉnh Tuyên Quang",
        ),
    ],
)
def test_companies_agencies_and_departments_of_other_provinces_are_issuers(sentence, issuer):
    refs = find_references(sentence)
    assert [r.issuer for r in refs] == [issuer]
    assert refs[0].quote.endswith(issuer) and sentence[refs[0].start : refs[0].end] == refs[0].quote


def test_two_companies_joined_by_va_stay_two_bodies():
    text = "Văn bản số 5/CV ngày 02/3/2025 của Công ty TNHH An Phú và Công ty cổ phần Hòa Bình về phối hợp."
    assert [r.issuer for r in find_references(text)] == ["Công ty TNHH An Phú và Công ty cổ phần Hòa Bình"]


def test_the_body_that_issued_the_first_of_a_series_issued_the_next():
    text = (
        "Năm 2025, Sở Công Thương đã ban hành Văn bản số 101/SCT-KT ngày 10/4/2025 về việc tăng cường quản lý, "
        "Văn bản số 285/SCT-KT ngày 03/12/2025 về việc triển khai."
    )
    assert [r.issuer for r in find_references(text)] == ["Sở Công Thương", "Sở Công Thương"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Đã cấp 15 giấy phép xây dựng, 03 giấy chứng nhận quyền sử dụng đất.",
        "Hướng dẫn doanh nghiệp làm thủ tục cấp Giấy phép sử dụng vật liệu nổ công nghiệp.",
        "Chưa lập biên bản vi phạm hành chính đối với 02 trường hợp.",
        "Báo cáo của Công ty cổ phần Xây dựng Sông Đà về việc bàn giao mặt bằng còn chậm.",
    ],
)
def test_un_numbered_licences_minutes_and_reports_are_not_citations(sentence):
    assert cite(sentence) == []


def test_invitations_and_abbreviated_type_words_before_so_are_citations():
    assert cite("theo Giấy mời số 12/GM-UBND ngày 03/3/2025 của UBND huyện.") == [
        ("Giấy mời số 12/GM-UBND ngày 03/3/2025 của UBND huyện", "giấy mời", "12/GM-UBND", "2025-03-03", "UBND huyện")
    ]
    assert cite("Đoàn kiểm tra theo QĐ số 215/QĐ-SNN ngày 10/4/2025 đã làm việc.") == [
        ("QĐ số 215/QĐ-SNN ngày 10/4/2025", "quyết định", "215/QĐ-SNN", "2025-04-10", None)
    ]
    assert cite("UBND xã đã gửi giấy mời các hộ dân dự họp. Tổng số QĐ ban hành: 45 quyết định.") == []


def test_a_national_technical_regulation_is_cited_by_its_code():
    assert cite("đảm bảo theo Quy chuẩn kỹ thuật quốc gia QCVN 05:2023/BTNMT của Bộ Tài nguyên và Môi trường.") == [
        (
            "Quy chuẩn kỹ thuật quốc gia QCVN 05:2023/BTNMT của Bộ Tài nguyên và Môi trường",
            "quy chuẩn",
            "QCVN 05:2023/BTNMT",
            None,
            "Bộ Tài nguyên và Môi trường",
        )
    ]
    assert cite("kết quả quan trắc đạt QCVN 14:2008/BTNMT về nước thải sinh hoạt.") == [
        ("QCVN 14:2008/BTNMT", "quy chuẩn", "QCVN 14:2008/BTNMT", None, None)
    ]


def test_a_law_named_with_its_date_is_a_citation_but_a_clause_word_ends_its_title():
    assert cite("thực hiện Luật Phòng, chống tác hại của rượu, bia ngày 14/6/2019 và các văn bản.") == [
        ("Luật Phòng, chống tác hại của rượu, bia ngày 14/6/2019", "luật", None, "2019-06-14", None)
    ]
    assert cite("Luật Đất đai được triển khai sâu rộng đến toàn thể nhân dân năm 2024.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "- Biên bản nghiệm thu công trình ngày 20/11/2025.",
            ("Biên bản nghiệm thu công trình ngày 20/11/2025", "biên bản", None, "2025-11-20", None),
        ),
        (
            "- Phương án phòng cháy chữa cháy lập ngày 15/02/2025 đã được phê duyệt.",
            ("Phương án phòng cháy chữa cháy lập ngày 15/02/2025", "phương án", None, "2025-02-15", None),
        ),
        (
            "- Kế hoạch phòng ngừa sự cố môi trường đã lập tháng 3 năm 2024.",
            ("Kế hoạch phòng ngừa sự cố môi trường đã lập tháng 3 năm 2024", "kế hoạch", None, "2024-03", None),
        ),
    ],
)
def test_an_un_numbered_document_with_the_date_it_was_made_is_a_citation(sentence, expected):
    assert cite(sentence) == [expected]


def test_a_plan_year_or_an_event_date_after_a_plan_is_not_the_date_it_was_made():
    assert cite("Tổ chức Hội nghị triển khai Kế hoạch tuyên truyền năm 2025 vào ngày 12/3/2025.") == []
    assert cite("Các biện pháp phòng ngừa đã lập tháng 7 năm 2025.") == []


@pytest.mark.parametrize(
    ("sentence", "issuer"),
    [
        ("Giấy mời số 30/GM-TT ngày 25/12/2025 của Trung tâm về việc dự hội nghị.", "Trung tâm"),
        (
            "Quyết định số 80/QĐ-KCN ngày 10/12/2025 của Ban quản lý các khu công nghiệp về việc.",
            "Ban quản lý các khu công nghiệp",
        ),
        ("Kết luận kiểm tra số 22/KL-ĐKT ngày 12/6/2025 của Đoàn kiểm tra LN 300 về công tác.", "Đoàn kiểm tra LN 300"),
        ("Báo cáo số 237/BC-ĐKS ngày 28/11/2025 của Đoàn khảo sát.", "Đoàn khảo sát"),
    ],
)
def test_a_centre_a_management_board_or_an_inspection_team_is_an_issuer(sentence, issuer):
    assert [r.issuer for r in find_references(sentence)] == [issuer]
