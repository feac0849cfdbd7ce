"""Index reports (PAR Index, SIPAS, PCI, a province's service-quality ranking) score departments,
fields and component criteria: a row's sector is the index's, which its caption, headings or the
report title name, not the sector its label happens to name. Every report here is invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from llmx.config import Settings
from llmx.contract import ReportDocument
from llmx.pipeline import extract_document
from llmx.sectors import detect_sector, heading_sector

_HEAD = "ỦY BAN NHÂN DÂN\nTỈNH {p}\nSố: 17/BC-UBND\n\n{p}, ngày 12 tháng 9 năm 2026\n\nBÁO CÁO\n{title}\n\n"
_END = "\nTrên đây là báo cáo của UBND tỉnh./.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"


def _report(tmp_path: Path, title: str, body: str) -> ReportDocument:
    path = tmp_path / "report.txt"
    path.write_text(_HEAD.format(p="Hòa Bình Mới", title=title) + body + _END, encoding="utf-8")
    return extract_document(path, Settings(backend="rules"))


def _sectors(doc: ReportDocument) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for i in doc.indicators:
        out.setdefault(i.name.split(" - ")[0], set()).add(i.sector)
    return out


def test_a_par_index_table_of_departments_is_administrative_reform_not_each_department_s_sector(
    tmp_path: Path,
) -> None:
    doc = _report(
        tmp_path,
        "Kết quả Chỉ số cải cách hành chính năm 2025 của các sở, ngành",
        "I. KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH\n\nBảng 1. Điểm chỉ số cải cách hành chính các sở\n\n"
        "STT | Đơn vị | Điểm đạt | Xếp hạng\n1 | Sở Y tế | 86,5 | 3/18\n2 | Sở Tài chính | 88,2 | 1/18\n"
        "3 | Sở Giáo dục và Đào tạo | 80,4 | 9/18\n",
    )
    got = _sectors(doc)
    assert {k: got.get(k) for k in ("Sở Y tế", "Sở Tài chính", "Sở Giáo dục và Đào tạo")} == {
        "Sở Y tế": {"government"},
        "Sở Tài chính": {"government"},
        "Sở Giáo dục và Đào tạo": {"government"},
    }


def test_a_pci_component_table_is_the_business_environment_under_its_heading(tmp_path: Path) -> None:
    doc = _report(
        tmp_path,
        "Tình hình thực hiện các chỉ số năm 2025",
        "1. Kết quả chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2024\n\n"
        "Chỉ số thành phần | Điểm số 2023 | Điểm số 2024\nTiếp cận đất đai | 6,12 | 6,45\n"
        "Đào tạo lao động | 5,90 | 6,20\nThiết chế pháp lý và an ninh trật tự | 7,01 | 7,33\n",
    )
    got = _sectors(doc)
    assert [got.get(k) for k in ("Tiếp cận đất đai", "Đào tạo lao động", "Thiết chế pháp lý và an ninh trật tự")] == [
        {"trade_services"}
    ] * 3


def test_a_department_ranking_by_service_quality_takes_the_index_the_title_names(tmp_path: Path) -> None:
    doc = _report(
        tmp_path,
        "Kết quả đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính quý III",
        "1. Kết quả của các sở, ngành\n\nSTT | Cơ quan | Tổng điểm | Xếp loại\n1 | Sở Xây dựng | 82,15 | Tốt\n"
        "2 | Sở Tư pháp | 90,30 | Xuất sắc\n3 | Công an tỉnh | 88,90 | Tốt\n",
    )
    got = _sectors(doc)
    assert [got.get(k) for k in ("Sở Xây dựng", "Sở Tư pháp", "Công an tỉnh")] == [{"government"}] * 3


def test_a_plain_kpi_table_keeps_each_row_s_own_sector(tmp_path: Path) -> None:
    doc = _report(
        tmp_path,
        "Tình hình kinh tế - xã hội 9 tháng năm 2026",
        "I. KẾT QUẢ THỰC HIỆN\n\nChỉ tiêu | ĐVT | Kế hoạch | Thực hiện | % KH\n"
        "Tổng diện tích gieo trồng | ha | 12.000 | 11.650 | 97,1\nThu ngân sách nhà nước | tỷ đồng | 450 | 320 | 71,1\n"
        "Tỷ lệ trẻ em được tiêm chủng đầy đủ | % | 98 | 96,5 | 98,5\n",
    )
    got = _sectors(doc)
    assert [got.get(k) for k in ("Tổng diện tích gieo trồng", "Thu ngân sách nhà nước")] == [
        {"agriculture"},
        {"budget"},
    ]
    assert got["Tỷ lệ trẻ em được tiêm chủng đầy đủ"] == {"health"}


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Cải thiện môi trường đầu tư kinh doanh", "trade_services"),
        ("Nâng cao năng lực cạnh tranh cấp tỉnh", "trade_services"),
        ("Kết quả chỉ số DDCI", "trade_services"),
        ("Bảo vệ môi trường", "land_environment"),  # the environment itself stays where it was
        ("Chỉ số SIPAS", "government"),
        ("Diện tích gieo cấy lúa mùa", "agriculture"),
    ],
)
def test_business_environment_and_index_names_are_cues(text: str, sector: str) -> None:
    assert detect_sector(text) == sector


def test_a_satisfaction_component_named_in_a_row_is_scored_under_the_index_of_its_heading(tmp_path: Path) -> None:
    doc = _report(
        tmp_path,
        "Tình hình thực hiện các chỉ số năm 2025",
        "II. CHỈ SỐ HÀI LÒNG CỦA NGƯỜI DÂN ĐỐI VỚI SỰ PHỤC VỤ CỦA CƠ QUAN HÀNH CHÍNH NHÀ NƯỚC (SIPAS)\n\n"
        "1. Kết quả năm 2025\n\nNội dung | Chỉ số | Xếp hạng\n"
        "Mức độ hài lòng đối với tiếp cận dịch vụ | 83,1% | 21/63\n"
        "Mức độ hài lòng về sự tham gia xây dựng chính sách | 80,2% | 30/63\n"
        "Thanh tra tỉnh - Mức độ hài lòng | 88,0% | 5/63\n",
    )
    assert {i.sector for i in doc.indicators if i.table_id is not None} == {"government"}


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Cấp 12 giấy chứng nhận đăng ký đầu tư", "investment"),
        ("Trao quyết định chấp thuận chủ trương đầu tư", "investment"),
        ("Số dự án đầu tư còn hiệu lực", "investment"),
    ],
)
def test_licensing_investment_projects_is_investment(text: str, sector: str) -> None:
    assert detect_sector(text) == sector


@pytest.mark.parametrize(
    "heading",
    [
        "Kết quả thực hiện Công văn số 1520/UBND-VX",
        "Triển khai Kế hoạch 45/KH-SYT ngày 02/3/2026",
        "Thực hiện Nghị định 136/2025/NĐ-CP",
    ],
)
def test_a_cited_document_number_names_its_issuer_not_the_heading_s_sector(heading: str) -> None:
    assert heading_sector(heading) is None


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Tổ chức, hoạt động và quản lý hội năm 2026", "mass_organizations"),
        ("Phương án xử lý các hội quần chúng cấp tỉnh", "mass_organizations"),
        ("Tổng số hội trên địa bàn huyện", "mass_organizations"),
        ("Số hội nghị tuyên truyền đã tổ chức", "culture_information"),  # meetings, not associations
    ],
)
def test_associations_the_state_manages_are_mass_organizations(text: str, sector: str) -> None:
    assert detect_sector(text) == sector


def test_a_table_row_naming_no_sector_takes_the_report_s_subject_as_prose_does(tmp_path: Path) -> None:
    doc = _report(
        tmp_path,
        "Tình hình sử dụng vật liệu nổ công nghiệp trên địa bàn tỉnh năm 2026",
        "1. Số tổ chức được cấp phép\n\nLoại hình | Số tổ chức | Số giấy phép\n"
        "Thi công công trình | 14 | 15\nNổ mìn phá đá | 6 | 6\n",
    )
    assert {i.sector for i in doc.indicators if i.table_id is not None} == {"industry_construction"}


@pytest.mark.parametrize(
    ("heading", "sector"),
    [
        ("Cấp Giấy chứng nhận huấn luyện kỹ thuật an toàn vật liệu nổ công nghiệp", "industry_construction"),
        ("Huấn luyện dân quân tự vệ năm 2026", "defense"),
        ("Công tác huấn luyện", "defense"),  # alone, the word still says drills
    ],
)
def test_training_is_defense_only_when_nothing_more_specific_is_named(heading: str, sector: str) -> None:
    assert heading_sector(heading) == sector
