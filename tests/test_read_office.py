"""Word 97 .doc, .rtf and .odt go through LibreOffice and are then read as .docx."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from llmx.cli import app
from llmx.errors import InputError
from llmx.read import office, read_bytes, read_document
from tests.conftest import CORPUS
from tests.docgen import make_docx
from tests.tools import need, soffice_convert

DOC = CORPUS / "04-lamdong-de-an-06-monthly-2025-10.doc"


def test_word_97_doc_is_converted_and_read_with_numbering_and_header() -> None:
    need("soffice")
    doc = read_document(DOC)
    assert doc.format == "doc"
    paragraphs = doc.text.split("\n\n")
    assert "UBND TỈNH LÂM ĐỒNG" in paragraphs[:3]
    assert any(p.startswith("I. ") for p in paragraphs)  # Word's automatic numbering, rendered
    assert "Đề án 06" in doc.text


@pytest.mark.slow  # four LibreOffice runs (two make the files, two read them): the slow tier
def test_rtf_and_odt_are_read_like_the_docx_they_came_from(tmp_path: Path) -> None:
    need("soffice")
    source = make_docx(
        "BÁO CÁO\nKết quả tháng 2\nThu ngân sách đạt 88,8 tỷ đồng, bằng 8,4% dự toán.", tmp_path / "r.docx"
    )
    soffice_convert([source], "rtf", tmp_path / "rtf")
    soffice_convert([source], "odt", tmp_path / "odt")
    expected = read_document(source).text
    for path, fmt in ((tmp_path / "rtf" / "r.rtf", "rtf"), (tmp_path / "odt" / "r.odt", "odt")):
        doc = read_document(path)
        assert doc.format == fmt
        assert doc.text == expected


def test_missing_libreoffice_is_one_line_naming_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(office, "find_soffice", lambda: None)
    with pytest.raises(InputError) as info:
        read_bytes(DOC.read_bytes(), "old.doc")
    message = str(info.value)
    assert message.startswith("old.doc: a .doc file needs LibreOffice")
    assert "apt-get install libreoffice-writer-nogui" in message and "\n" not in message
    path = tmp_path / "old.doc"
    path.write_bytes(DOC.read_bytes())
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 2 and "needs LibreOffice" in result.output


def test_damaged_doc_is_one_line_and_exit_2(tmp_path: Path) -> None:
    need("soffice")
    path = tmp_path / "broken.doc"
    path.write_bytes(DOC.read_bytes()[:4096])
    with pytest.raises(InputError, match=r"LibreOffice could not convert this \.doc file"):
        read_document(path)


def test_conversion_leaves_no_trace_in_the_users_libreoffice_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    need("soffice")
    monkeypatch.setenv("HOME", str(tmp_path))
    read_document(DOC)
    assert not (tmp_path / ".config" / "libreoffice").exists()
