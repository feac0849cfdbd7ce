"""Report metadata (SPEC 2): the three dev reports field by field, invented header and signature
variants, casing and classification of issuers, and periods from titles and part headings."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from llmx.contract import Metadata, Period, Section, Signer
from llmx.rules.issuers import admin_level_of, conventional_case, issuer_type_of
from llmx.rules.metadata import extract_metadata
from llmx.sections import split_sections

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
H1 = [1, 2, 3, 4, 5, 6]
H2 = [7, 8, 9, 10, 11, 12]


def simple_normalize(raw: str) -> str:
    """NFC, NBSP -> space, markdown `**`/`*` emphasis removed (stand-in for llmx.normalize)."""
    text = unicodedata.normalize("NFC", raw).replace("\xa0", " ").replace("**", "")
    return re.sub(r"(?<=[\s“(\"])\*(?=[^\s*])|(?<=[^\s*])\*(?=[\s”),.;:\"]|$)", "", text, flags=re.M)


def dev(stem: str) -> str:
    return simple_normalize((SAMPLES / f"{stem}.txt").read_text(encoding="utf-8"))


EXPECTED: dict[str, Metadata] = {
    "2023-02-district-party-monthly": Metadata(
        title="Kết quả thực hiện công tác tháng 2, nhiệm vụ trọng tâm tháng 3 năm 2023",
        issuer="Ban Thường vụ Huyện ủy",
        issuer_type="party_committee",
        admin_level="district",
        locality="Vụ Bản",
        period=Period(label="tháng 2 năm 2023", kind="month", year=2023, months=[2]),
        next_period=Period(label="tháng 3 năm 2023", kind="month", year=2023, months=[3]),
        signer=Signer(name="Bùi Ánh Nguyệt", title="PHÓ BÍ THƯ", on_behalf_of="T/M BAN THƯỜNG VỤ"),
        recipients=[
            "Các ban XD Đảng, VPTU, (để b/c)",
            "Thường trực Huyện ủy",
            "Các đ/c Ủy viên BCH Đảng bộ huyện",
            "Các TCCSĐ",
            "Lưu VT",
        ],
    ),
    "h1-2018-district-socioeconomic": Metadata(
        title=(
            "Sơ kết thực hiện nhiệm vụ phát triển KT-XH và phong trào thi đua 6 tháng đầu năm 2018; "
            "phương hướng, nhiệm vụ 6 tháng cuối năm 2018"
        ),
        issuer="UBND huyện Thanh Liêm",
        issuer_type="peoples_committee",
        admin_level="district",
        locality="Thanh Liêm",
        period=Period(label="6 tháng đầu năm 2018", kind="half_year", year=2018, months=H1),
        next_period=Period(label="6 tháng cuối năm 2018", kind="half_year", year=2018, months=H2),
    ),
    "h1-2023-commune-party-webpage": Metadata(
        title=("Tình hình, kết quả thực hiện công tác 6 tháng đầu năm nhiệm vụ trọng tâm 6 tháng cuối năm 2023"),
        doc_number=None,
        doc_symbol="BC/HU",
        issuer="Đảng ủy xã Xuân Phú",
        issuer_type="party_committee",
        admin_level="commune",
        locality="Xuân Phú",
        issue_place="Xuân Phú",
        issue_date="2023-07",
        period=Period(label="6 tháng đầu năm 2023", kind="half_year", year=2023, months=H1),
        next_period=Period(label="6 tháng cuối năm 2023", kind="half_year", year=2023, months=H2),
        signer=Signer(name="Bùi Văn Hoàng", title="PHÓ BÍ THƯ THƯỜNG TRỰC", on_behalf_of="T/M ĐẢNG ỦY"),
        recipients=[
            "Văn phòng Huyện ủy (b/c)",
            "Thường trực HĐND, UBND xã",
            "Các đồng chí Đảng ủy viên",
            "MTTQ, các đoàn thể",
            "Các chi bộ trực thuộc",
            "Lưu Văn phòng Đảng ủy",
        ],
        post_date="2023-08-13",
        issue_date_source="date_line",
    ),
}


@pytest.mark.parametrize("stem", list(EXPECTED))
def test_dev_report_metadata_field_by_field(stem):
    got = extract_metadata(dev(stem)).model_dump()
    want = EXPECTED[stem].model_dump()
    assert {k: got[k] for k in want if got[k] != want[k]} == {}


@pytest.mark.parametrize("stem", list(EXPECTED))
def test_real_normalizer_and_sections_give_the_same_metadata(dev_texts, stem):
    text = dev_texts[stem]
    assert extract_metadata(text, split_sections(text).sections) == EXPECTED[stem]
    assert extract_metadata(text) == EXPECTED[stem]


@pytest.mark.parametrize("stem", ["2023-02-district-party-monthly", "h1-2018-district-socioeconomic"])
def test_dev_metadata_agrees_with_the_gold_files(dev_texts, stem):
    gold_path = REPO / "eval" / "gold" / "dev" / f"{stem}.json"
    assert gold_path.exists(), f"gold file moved? {gold_path}"
    gold = Metadata(**json.loads(gold_path.read_text(encoding="utf-8"))["metadata"])
    assert extract_metadata(dev_texts[stem]) == gold


def test_web_page_copy_chrome_and_footer_do_not_leak_into_metadata():
    text = dev("h1-2023-commune-party-webpage")
    meta = extract_metadata(text)
    assert text.count("Lưu Văn phòng Đảng ủy") == 2 and meta.recipients.count("Lưu Văn phòng Đảng ủy") == 1
    assert "UBND Xã Xuân Phú" in text and meta.issuer == "Đảng ủy xã Xuân Phú"  # footer address ignored
    assert meta.locality == "Xuân Phú"  # not `Thọ Xuân` (parent), `Cẩm Thủy` or `Thanh Hóa` from the body


def test_closing_formula_period_does_not_override_the_headings():
    # the monthly closing says `tháng 02/2023` while section B is THÁNG 3
    meta = extract_metadata(dev("2023-02-district-party-monthly"))
    assert meta.next_period is not None and meta.next_period.months == [3]


# --- invented header, date line and signature variants ---------------------------------------

TAM_DUONG = """ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
HUYỆN TAM DƯƠNG                      Độc lập - Tự do - Hạnh phúc
Số: 198/BC-UBND                 Tam Dương, ngày   tháng 5 năm 2021

BÁO CÁO
Sơ kết phong trào thi đua, công tác khen thưởng 6 tháng đầu năm,
triển khai nhiệm vụ 6 tháng cuối năm 2021

I. KẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2021
1. Công tác chỉ đạo
Thực hiện Kế hoạch số 12/KH-UBND ngày 3/2/2021 của UBND huyện Tam Dương, các xã đã triển khai.
II. NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2021
- Tiếp tục chỉ đạo.
Trên đây là báo cáo của UBND huyện Tam Dương./.

Nơi nhận:                              TM. ỦY BAN NHÂN DÂN
- UBND tỉnh (b/c);                     KT. CHỦ TỊCH
- TT Huyện ủy, HĐND huyện;             PHÓ CHỦ TỊCH
- Lưu: VT, VP.

                                       **Nguyễn Văn An**
"""


def test_two_column_district_header_with_blank_day_and_kt_signature():
    meta = extract_metadata(TAM_DUONG)
    assert meta.title == (
        "Sơ kết phong trào thi đua, công tác khen thưởng 6 tháng đầu năm, triển khai nhiệm vụ 6 tháng cuối năm 2021"
    )
    assert (meta.doc_number, meta.doc_symbol) == ("198/BC-UBND", "BC-UBND")
    assert meta.issuer == "Ủy ban nhân dân huyện Tam Dương"
    assert (meta.issuer_type, meta.admin_level, meta.locality) == ("peoples_committee", "district", "Tam Dương")
    assert (meta.issue_place, meta.issue_date, meta.issue_date_source) == ("Tam Dương", "2021-05", "date_line")
    assert meta.period == Period(label="6 tháng đầu năm 2021", kind="half_year", year=2021, months=H1)
    assert meta.next_period == Period(label="6 tháng cuối năm 2021", kind="half_year", year=2021, months=H2)
    assert meta.signer == Signer(
        name="Nguyễn Văn An", title="PHÓ CHỦ TỊCH", on_behalf_of="TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH"
    )
    assert meta.recipients == ["UBND tỉnh (b/c)", "TT Huyện ủy, HĐND huyện", "Lưu: VT, VP"]


def test_province_department_header_takes_locality_from_the_parent_line():
    text = (
        "UBND TỈNH VĨNH PHÚC\nSỞ TÀI CHÍNH\nSố: 45/BC-STC\n"
        "                         Vĩnh Yên, ngày 15 tháng 6 năm 2022\n"
        "BÁO CÁO TÌNH HÌNH THU CHI NGÂN SÁCH QUÝ II NĂM 2022\n-----\n"
        "I. Tình hình thu ngân sách\nTổng thu đạt 1.000 tỷ đồng.\n"
        "II. Nhiệm vụ trọng tâm quý III\n- Tăng cường thu.\n"
        "Nơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\nGIÁM ĐỐC\n\n\nTrần Thị Bình\n"
    )
    meta = extract_metadata(text)
    assert meta.title == "TÌNH HÌNH THU CHI NGÂN SÁCH QUÝ II NĂM 2022"
    assert (meta.issuer, meta.issuer_type, meta.admin_level, meta.locality) == (
        "Sở Tài chính",
        "department",
        "province",
        "Vĩnh Phúc",
    )
    assert (meta.issue_place, meta.issue_date) == ("Vĩnh Yên", "2022-06-15")
    assert meta.period == Period(label="quý II năm 2022", kind="quarter", year=2022, months=[4, 5, 6])
    assert meta.next_period == Period(label="quý III năm 2022", kind="quarter", year=2022, months=[7, 8, 9])
    assert meta.signer == Signer(name="Trần Thị Bình", title="GIÁM ĐỐC", on_behalf_of=None)
    assert meta.recipients == ["UBND tỉnh", "Lưu: VT"]


def test_commune_council_header_with_blank_number():
    text = "HĐND XÃ ĐẠI AN\nSố:    /BC-HĐND\n\nBÁO CÁO\nKết quả hoạt động giám sát tháng 9 năm 2023\n\n1. KQ\n"
    meta = extract_metadata(text)
    assert (meta.doc_number, meta.doc_symbol) == (None, "BC-HĐND")
    assert (meta.issuer, meta.issuer_type, meta.admin_level, meta.locality) == (
        "HĐND xã Đại An",
        "peoples_council",
        "commune",
        "Đại An",
    )
    assert meta.period == Period(label="tháng 9 năm 2023", kind="month", year=2023, months=[9])
    assert meta.next_period is None


def test_party_header_with_numbered_symbol_and_signature_notes():
    text = (
        "ĐẢNG BỘ TỈNH VĨNH PHÚC\nHUYỆN ỦY TAM DƯƠNG\n*\nSố 12-BC/HU\nBÁO CÁO\n"
        "sơ kết quý I năm 2024, phương hướng quý II\nA. KẾT QUẢ\nNội dung.\n"
        "T/M BAN THƯỜNG VỤ\nBÍ THƯ\n(Đã ký)\nLê Văn Cường\n"
    )
    meta = extract_metadata(text)
    assert (meta.doc_number, meta.doc_symbol) == ("12-BC/HU", "BC/HU")
    assert meta.issuer == "Huyện ủy Tam Dương"
    assert (meta.issuer_type, meta.admin_level) == ("party_committee", "district")
    assert meta.next_period == Period(label="quý II năm 2024", kind="quarter", year=2024, months=[4, 5, 6])
    assert meta.signer == Signer(name="Lê Văn Cường", title="BÍ THƯ", on_behalf_of="T/M BAN THƯỜNG VỤ")


def test_kt_signature_with_nbsp_blank_lines_and_bold_name_is_not_an_issuer():
    text = (
        "BÁO CÁO\nKết quả 9 tháng đầu năm 2022\n\nI. Kết quả\nND.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\n"
        "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\xa0\n \n**Phạm Văn Đức**  \n"
    )
    meta = extract_metadata(text)
    assert meta.signer == Signer(name="Phạm Văn Đức", title="PHÓ CHỦ TỊCH", on_behalf_of="KT. CHỦ TỊCH")
    assert meta.issuer is None and meta.issuer_type is None
    assert meta.recipients == ["Như trên", "Lưu: VT"]
    nine = Period(label="9 tháng đầu năm 2022", kind="nine_months", year=2022, months=list(range(1, 10)))
    assert meta.period == nine


def test_post_date_fills_issue_date_only_without_a_date_line():
    text = (
        "Ngày 05/01/2024 08:00:00\n\nBÁO CÁO\nTổng kết năm 2023 và phương hướng nhiệm vụ năm 2024\n\n"
        "I. Kết quả\nNội dung.\nỦy ban nhân dân xã trân trọng báo cáo./.\n"
    )
    meta = extract_metadata(text)
    assert (meta.post_date, meta.issue_date, meta.issue_date_source) == ("2024-01-05", "2024-01-05", "post_date")
    assert meta.period == Period(label="năm 2023", kind="year", year=2023, months=list(range(1, 13)))
    assert meta.next_period is not None and (meta.next_period.kind, meta.next_period.year) == ("year", 2024)
    assert (meta.issuer, meta.admin_level) == ("Ủy ban nhân dân xã", "commune")


def test_a_month_without_year_before_a_january_belongs_to_the_previous_year():
    meta = extract_metadata("BÁO CÁO\nKết quả công tác tháng 12, nhiệm vụ tháng 1 năm 2024\n\nI. KẾT QUẢ\n")
    assert meta.period == Period(label="tháng 12 năm 2023", kind="month", year=2023, months=[12])
    assert meta.next_period == Period(label="tháng 1 năm 2024", kind="month", year=2024, months=[1])


def test_sections_supply_periods_the_title_does_not_state():
    text = "BÁO CÁO\nCông tác tuyên giáo\n\nPHẦN I\nNội dung.\nPHẦN II\nNội dung.\n"
    sections = [
        Section(
            id="s1",
            number="PHẦN 1",
            heading="Kết quả công tác quý I năm 2024",
            level=1,
            role="results",
            start=27,
            end=40,
        ),
        Section(id="s2", number="PHẦN 2", heading="Nhiệm vụ quý II", level=1, role="tasks", start=40, end=len(text)),
    ]
    meta = extract_metadata(text, sections)
    assert meta.period == Period(label="quý I năm 2024", kind="quarter", year=2024, months=[1, 2, 3])
    assert meta.next_period == Period(label="quý II năm 2024", kind="quarter", year=2024, months=[4, 5, 6])
    assert extract_metadata(text).period is None  # without sections nothing names the period


def test_a_title_wrapped_over_a_blank_line_is_joined_but_a_body_paragraph_is_not():
    docx_like = (
        " BÁO CÁO\n\nSơ kết thực hiện nhiệm vụ phát triển KT-XH và phong trào thi đua\n\n"
        "6 tháng đầu năm 2018; phương hướng, nhiệm vụ 6 tháng cuối năm 2018\n\nPHẦN THỨ NHẤT\n"
    )
    assert extract_metadata(docx_like).title == (
        "Sơ kết thực hiện nhiệm vụ phát triển KT-XH và phong trào thi đua 6 tháng đầu năm 2018; "
        "phương hướng, nhiệm vụ 6 tháng cuối năm 2018"
    )
    body_after = "BÁO CÁO\nKết quả công tác tháng 5\n\n" + "6 tháng đầu năm, toàn huyện đã " * 8 + "\n"
    assert extract_metadata(body_after).title == "Kết quả công tác tháng 5"


def test_text_without_any_header_gives_empty_metadata_not_an_error():
    meta = extract_metadata("Một đoạn văn không có tiêu đề.\n")
    assert meta == Metadata()


# --- casing and classification ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("ĐẢNG ỦY XÃ XUÂN PHÚ", "Đảng ủy xã Xuân Phú"),
        ("ĐẢNG BỘ HUYỆN THỌ XUÂN", "Đảng bộ huyện Thọ Xuân"),
        ("ỦY BAN NHÂN DÂN HUYỆN TAM DƯƠNG", "Ủy ban nhân dân huyện Tam Dương"),
        ("UBND TỈNH VĨNH PHÚC", "UBND tỉnh Vĩnh Phúc"),
        ("HĐND XÃ ĐẠI AN", "HĐND xã Đại An"),
        ("HUYỆN ỦY TAM DƯƠNG", "Huyện ủy Tam Dương"),
        ("PHÒNG TÀI CHÍNH - KẾ HOẠCH", "Phòng Tài chính - Kế hoạch"),
        ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội"),
        ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM HUYỆN VỤ BẢN", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Vụ Bản"),
        ("Đảng ủy xã Xuân Phú", "Đảng ủy xã Xuân Phú"),
    ],
)
def test_all_caps_header_lines_take_conventional_casing(header, expected):
    assert conventional_case(header) == expected


@pytest.mark.parametrize(
    ("issuer", "issuer_type", "level"),
    [
        ("UBND huyện Triệu Sơn", "peoples_committee", "district"),
        ("Đảng ủy xã Xuân Phú", "party_committee", "commune"),
        ("Ban Thường vụ Huyện ủy", "party_committee", "district"),
        ("Tỉnh uỷ Nam Định", "party_committee", "province"),
        ("HĐND thị trấn Gôi", "peoples_council", "commune"),
        ("Ủy ban MTTQ huyện Vụ Bản", "fatherland_front", "district"),
        ("Sở Tài chính", "department", "province"),
        ("Phòng Tài chính - Kế hoạch", "department", "district"),
        ("UBND thành phố Hà Nội", "peoples_committee", "province"),
        ("UBND thành phố Vĩnh Yên", "peoples_committee", "district"),
    ],
)
def test_issuer_type_and_admin_level_follow_the_body_and_unit_words(issuer, issuer_type, level):
    assert issuer_type_of(issuer) == issuer_type
    assert admin_level_of(issuer) == level
