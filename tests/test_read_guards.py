"""Size guards: oversized files, zip bombs and flate bombs are refused with one line, exit 2."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llmx.cli import app
from llmx.config import resolve
from llmx.errors import ConfigError, InputError
from llmx.read import Limits, read_bytes, read_document
from tests.docgen import make_docx, make_pdf

BODY = "Báo cáo tháng 2\n\nI. Kết quả\n\nTổng thu ngân sách đạt 88,8 tỷ đồng."


def _zeros_deflated(size: int) -> bytes:
    z = zlib.compressobj(9)
    chunk = b"\0" * (1 << 20)
    return b"".join(z.compress(chunk) for _ in range(size >> 20)) + z.flush()


def test_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(("Báo cáo. " * 200_000).encode())  # about 2 MB
    with pytest.raises(InputError, match=r"file too large \(2\.\d MB; the limit is 1 MB"):
        read_document(path, Limits(max_file_mb=1))
    assert read_document(path, Limits(max_file_mb=3)).text.startswith("Báo cáo.")


def test_max_file_mb_comes_from_flag_then_environment_then_default() -> None:
    assert resolve(env={}).max_file_mb == 100
    assert resolve(env={"LLMX_MAX_FILE_MB": "5"}).max_file_mb == 5
    assert resolve(max_file_mb=2, env={"LLMX_MAX_FILE_MB": "5"}).max_file_mb == 2
    with pytest.raises(ConfigError, match="LLMX_MAX_FILE_MB"):
        resolve(env={"LLMX_MAX_FILE_MB": "lots"})


def test_cli_refuses_an_oversized_file_with_one_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(("Báo cáo. " * 200_000).encode())
    result = CliRunner().invoke(app, ["extract", str(path), "--max-file-mb", "1"])
    assert result.exit_code == 2
    assert "file too large" in result.output and "Traceback" not in result.output
    env = {"LLMX_MAX_FILE_MB": "1"}
    assert CliRunner().invoke(app, ["extract", str(path)], env=env).exit_code == 2


def test_docx_zip_bomb_is_refused_from_its_declared_size(tmp_path: Path) -> None:
    good = make_docx(BODY, tmp_path / "good.docx").read_bytes()
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":  # 300 MB of padding inside the XML
                data = data.replace(b"<w:body>", b"<w:body>" + b" " * (300 << 20), 1)
            dst.writestr(item, data)
    bomb = buf.getvalue()
    assert len(bomb) < 2 << 20  # small on disk
    with pytest.raises(InputError, match=r"inflates to .* MB.*zip bomb"):
        read_bytes(bomb, "bomb.docx")


def test_docx_part_inflating_past_its_budget_is_refused(tmp_path: Path) -> None:
    """Many parts, each modest, together far over what the small file could hold."""
    good = make_docx(BODY, tmp_path / "good.docx").read_bytes()
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename in ("word/styles.xml", "word/numbering.xml", "word/footnotes.xml"):
                data = data + b" " * (100 << 20)
            dst.writestr(item, data)
    with pytest.raises(InputError, match="zip bomb"):
        read_bytes(buf.getvalue(), "many.docx", limits=Limits())


def test_pdf_flate_bomb_is_refused_before_the_pdf_library_opens_it() -> None:
    stream = _zeros_deflated(200 << 20)  # 200 MB of zeros in about 200 KB
    pdf = (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
        b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj\n"
        b"4 0 obj << /Length "
        + str(len(stream)).encode()
        + b" /Filter /FlateDecode >>\nstream\n"
        + stream
        + b"\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )
    assert len(pdf) < 1 << 20
    with pytest.raises(InputError, match=r"inflate to over .* MB .*flate bomb"):
        read_bytes(pdf, "bomb.pdf")


def test_pdf_flate_bomb_split_over_streams_is_refused_as_a_whole() -> None:
    """40 MB each passes the 64 MB budget alone; the guard finds the second stream after the
    first one's `endstream` and counts both."""
    stream = _zeros_deflated(40 << 20)
    head = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"

    def obj(n: int) -> bytes:
        return (
            f"{n} 0 obj << /Length {len(stream)} /Filter /FlateDecode >>\nstream\n".encode()
            + stream
            + b"\nendstream\nendobj\n"
        )

    one = head + obj(4) + b"trailer << /Root 1 0 R >>\n%%EOF\n"
    with pytest.raises(InputError, match=r"damaged or unreadable"):  # past the guard, then PDFium
        read_bytes(one, "one.pdf")
    with pytest.raises(InputError, match=r"inflate to over .* MB .*flate bomb"):
        read_bytes(head + obj(4) + obj(5) + b"trailer << /Root 1 0 R >>\n%%EOF\n", "two.pdf")


def test_ordinary_pdf_streams_pass_the_flate_guard(tmp_path: Path) -> None:
    doc = read_document(make_pdf(BODY, tmp_path / "ok.pdf"))
    assert "88,8 tỷ đồng" in doc.text
