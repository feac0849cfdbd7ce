import json

from typer.testing import CliRunner

from llmx.cli import app
from llmx.contract import ReportDocument, grounding_errors
from tests.conftest import MONTHLY

runner = CliRunner()


def test_extract_prints_a_valid_grounded_document_and_names_the_backend():
    result = runner.invoke(app, ["extract", str(MONTHLY)])
    assert result.exit_code == 0, result.stderr
    doc = ReportDocument.model_validate_json(result.stdout)
    assert doc.schema_version == "1.1" and doc.extractor.backend == "rules"
    assert grounding_errors(doc) == []
    assert doc.indicators and doc.tasks and doc.references and doc.sections
    assert "backend: rules" in result.stderr


def test_extract_writes_csv_with_bom_and_jsonl_rows(tmp_path):
    out = tmp_path / "monthly.csv"
    assert runner.invoke(app, ["extract", str(MONTHLY), "-f", "csv", "-o", str(out)]).exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "Tổng thu NSNN".encode() in raw
    result = runner.invoke(app, ["extract", str(MONTHLY), "-f", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and {"name", "value", "unit", "quote", "section_heading", "backend"} <= rows[0].keys()


def test_bad_inputs_give_one_line_errors_and_nonzero_exit(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    png = tmp_path / "scan.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    for path, words in ((empty, "empty"), (png, "binary"), (tmp_path / "missing.txt", "not found")):
        result = runner.invoke(app, ["extract", str(path)])
        assert result.exit_code == 2, result.stderr
        lines = [line for line in result.stderr.splitlines() if line.startswith("llmx: error")]
        assert len(lines) == 1 and str(path.name) in lines[0] and words in lines[0].lower()
        assert "Traceback" not in result.stderr


def test_llm_backend_without_endpoint_or_key_says_what_to_set(monkeypatch):
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "LLMX_API_KEY", "LLMX_BASE_URL", "LLMX_MODEL"):
        monkeypatch.delenv(name, raising=False)
    result = runner.invoke(app, ["extract", str(MONTHLY), "--backend", "llm", "--model", "gpt-4.1-mini"])
    assert result.exit_code == 3
    assert "OPENAI_API_KEY" in result.stderr and "Traceback" not in result.stderr


def test_sections_prints_the_heading_tree():
    result = runner.invoke(app, ["sections", str(MONTHLY)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("A. KẾT QUẢ THỰC HIỆN NHIỆM VỤ THÁNG 2")
    assert any(line.startswith("  * Một số hạn chế, yếu kém  [limitations") for line in lines)


def test_committed_json_schema_matches_the_models():
    result = runner.invoke(app, ["schema", "--check"])
    assert result.exit_code == 0, "schemas/ drifted from llmx.contract: run `llmx schema`"


def test_an_unknown_output_format_is_a_one_line_configuration_error():
    result = runner.invoke(app, ["extract", str(MONTHLY), "--format", "xml"])
    assert result.exit_code == 3
    assert "use json, jsonl or csv" in result.stderr and "internal error" not in result.stderr


def test_output_dash_is_standard_output_not_a_file_named_dash(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["extract", str(MONTHLY), "-o", "-"])
    assert result.exit_code == 0, result.output
    doc = ReportDocument.model_validate_json(result.stdout)
    assert doc.indicators and not (tmp_path / "-").exists()
