"""Analyst tables: CSV with BOM, Parquet and xlsx, with provenance on every row."""

import csv
import io

import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from llmx.cli import app
from llmx.config import Settings
from llmx.contract import ReportDocument
from llmx.pipeline import extract_document
from llmx.tables import COLUMNS, XLSX_CELL_LIMIT, table_rows, write_tables_checked
from tests.conftest import SAMPLES

ITEMS = {"indicators": "quote", "tasks": "text", "limitations": "text", "references": "quote"}


@pytest.fixture(scope="module")
def docs() -> list[ReportDocument]:
    return [extract_document(p, Settings()) for p in sorted(SAMPLES.glob("*.txt"))]


@pytest.fixture(scope="module")
def written(docs, tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    paths = []
    for k, doc in enumerate(docs):
        path = folder / f"r{k}.json"
        path.write_text(doc.model_dump_json(), encoding="utf-8")
        paths.append(path)
    out = tmp_path_factory.mktemp("tables")
    files, counts, problems = write_tables_checked(paths, out)
    return out, files, counts, problems


def _csv(path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    return list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"), newline="")))


def test_row_counts_match_the_reports_item_counts(docs, written):
    _, _, counts, problems = written
    assert problems == []
    assert counts["documents"] == len(docs)
    for table in ("sections", *ITEMS):
        assert counts[table] == sum(len(getattr(d, table)) for d in docs) > 0


def test_every_item_row_is_traceable_to_its_sentence(docs, written):
    out = written[0]
    by_path = {d.source.path: d for d in docs}
    for table in ITEMS:
        rows = _csv(out / f"{table}.csv")
        for row in rows:
            doc = by_path[row["document"]]
            start, end = int(row["start"]), int(row["end"])
            assert doc.text[start:end] == row["quote"]
            assert row["backend"] == "rules" and row["document_sha256"] == doc.source.sha256
            if row["section_id"]:
                section = next(s for s in doc.sections if s.id == row["section_id"])
                assert row["section_heading"] == section.heading and row["section_number"] == (section.number or "")


def test_csv_keeps_vietnamese_diacritics_exactly(docs, written):
    rows = _csv(written[0] / "sections.csv")
    headings = {(r["document"], r["id"]): r["heading"] for r in rows}
    for doc in docs:
        for s in doc.sections:
            assert headings[(doc.source.path, s.id)] == s.heading
    assert any("ế" in h or "ư" in h for h in headings.values())


def test_parquet_reads_back_with_numbers_as_numbers(docs, written):
    table = pq.read_table(written[0] / "indicators.parquet")
    assert table.schema.field("value").type == "double" and table.schema.field("start").type == "int64"
    assert table.schema.field("estimated").type == "bool"
    values = table.column("value").to_pylist()
    assert values == [i.value for d in docs for i in d.indicators]
    assert table.column_names == COLUMNS["indicators"]


def test_xlsx_has_a_sheet_per_table_with_header_and_rows(docs, written):
    out, files = written[0], written[1]
    assert files["xlsx"] == [out / "llmx-tables.xlsx"]
    book = load_workbook(out / "llmx-tables.xlsx", read_only=True)
    assert book.sheetnames == list(COLUMNS)
    sheet = list(book["indicators"].iter_rows(values_only=True))
    assert list(sheet[0]) == COLUMNS["indicators"]
    assert len(sheet) - 1 == sum(len(d.indicators) for d in docs)
    value_col = COLUMNS["indicators"].index("value")
    assert isinstance(sheet[1][value_col], (int, float))


def test_no_temporary_files_are_left_behind(written):
    assert sorted(p.name for p in written[0].iterdir() if p.name.startswith(".")) == []


def test_a_bad_report_file_is_skipped_and_named_and_the_rest_are_written(docs, tmp_path):
    good = tmp_path / "good.json"
    good.write_text(docs[0].model_dump_json(), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": "1.0"}', encoding="utf-8")
    result = CliRunner().invoke(app, ["tables", str(bad), str(good), "--out", str(tmp_path / "t"), "-f", "csv"])
    assert result.exit_code == 2
    assert "bad.json: not a llmx report JSON" in result.stderr
    assert len(_csv(tmp_path / "t" / "indicators.csv")) == len(docs[0].indicators)
    assert str(tmp_path / "t" / "indicators.csv") in result.stdout


def test_xlsx_survives_control_characters_and_overlong_text(docs, tmp_path):
    doc = docs[0]
    task = doc.tasks[0]
    long_text = "Nhiệm vụ \x07 trọng tâm " * 3000
    text = doc.text[: task.start] + long_text + doc.text[task.end :]
    odd = doc.model_copy(update={"text": text, "tasks": [task.model_copy(update={"text": long_text,
                                                                                    "end": task.start + len(long_text)})]})
    path = tmp_path / "odd.json"
    path.write_text(odd.model_dump_json(), encoding="utf-8")
    _, counts, problems = write_tables_checked([path], tmp_path / "t", ("xlsx", "csv"))
    assert problems == [] and counts["tasks"] == 1
    cell = list(load_workbook(tmp_path / "t" / "llmx-tables.xlsx").active.parent["tasks"].iter_rows(values_only=True))[1]
    text_cell = cell[COLUMNS["tasks"].index("text")]
    assert len(text_cell) <= XLSX_CELL_LIMIT and "\x07" not in text_cell and text_cell.endswith("[cut for Excel]")
    assert _csv(tmp_path / "t" / "tasks.csv")[0]["text"] == long_text  # the CSV keeps every character


def test_table_rows_is_pure_and_has_every_column(docs):
    rows = table_rows(docs[0])
    for table, columns in COLUMNS.items():
        for row in rows[table]:
            assert set(columns) <= set(row), (table, set(columns) - set(row))
