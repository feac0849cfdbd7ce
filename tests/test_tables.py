"""Analyst tables: CSV with BOM, Parquet and xlsx, with provenance on every row."""

import csv
import functools
import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from llmx.cli import app
from llmx.config import resolve
from llmx.contract import Proposal, ReportDocument
from llmx.output import cell_text
from llmx.pipeline import extract_document
from llmx.table_files import XLSX_CELL_LIMIT
from llmx.tables import COLUMNS, table_inputs, table_rows, write_tables, write_tables_checked
from tests.conftest import SAMPLES

ITEMS = {"indicators": "quote", "tasks": "text", "limitations": "text", "references": "quote", "proposals": "text"}
PROVENANCE = [
    "document",
    "document_sha256",
    "section_id",
    "section_number",
    "section_heading",
    "start",
    "end",
    "quote",
    "backend",
    "model",
    "prompt",
]


def with_additions(doc: ReportDocument) -> ReportDocument:
    """A report with known SPEC 1.1 additions: one proposal (the last task sentence of a section, as a request
    to a named body), metadata addressees, and flags on the first item of each type only."""
    task = [t for t in doc.tasks if t.section_id][-1]  # (a closing paragraph's task stands in no section)
    proposal = Proposal(
        id="p1", section_id=task.section_id, text=task.text, addressee="UBND tỉnh", start=task.start, end=task.end
    )

    def flag_first(items: list, flags: list[str]) -> list:
        return [x.model_copy(update={"flags": flags if k == 0 else []}) for k, x in enumerate(items)]

    return doc.model_copy(
        update={
            "source": doc.source.model_copy(update={"path": "flagged/" + doc.source.path}),
            "metadata": doc.metadata.model_copy(update={"addressees": ["UBND tỉnh", "Sở Tài chính"]}),
            "indicators": flag_first(doc.indicators, ["backends_disagree", "unit_missing"]),
            "tasks": flag_first([t for t in doc.tasks if t is not task], []),
            "limitations": flag_first(doc.limitations, ["not_in_rules"]),
            "references": flag_first(doc.references, ["not_in_rules"]),
            "proposals": [proposal.model_copy(update={"flags": ["not_in_rules"]})],
        }
    )


@pytest.fixture(scope="module")
def docs() -> list[ReportDocument]:
    settings = resolve(backend="rules", env={})
    tables = next((SAMPLES.parent / "eval" / "corpus").glob("17-*.docx"))  # a report with a KPI table
    plain = [extract_document(p, settings) for p in [*sorted(SAMPLES.glob("*.txt")), tables]]
    return [*plain, with_additions(plain[0])]


def _save(docs, folder) -> list:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k, doc in enumerate(docs):
        path = folder / f"r{k}.json"
        path.write_text(doc.model_dump_json(), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def written(docs, tmp_path_factory):
    paths = _save(docs, tmp_path_factory.mktemp("reports"))
    out = tmp_path_factory.mktemp("tables")
    files, counts, problems = write_tables_checked(paths, out)
    return out, files, counts, problems


def _expected(docs, table) -> list[dict]:
    """Rows as every format stores them: lists (flags, addressees) as JSON text."""
    return [{c: cell_text(row[c]) for c in COLUMNS[table]} for d in docs for row in table_rows(d)[table]]


def _csv(path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    return list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"), newline="")))


@functools.cache
def _book(path: str, mtime_ns: int, size: int) -> dict[str, list[tuple]]:
    """Every sheet's rows of one written workbook, read once (keyed by the file's mtime and size)."""
    book = load_workbook(path, read_only=True)
    return {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}


def _sheet(path, table) -> list[tuple]:
    width = len(COLUMNS[table])  # read-only mode drops trailing empty cells
    stat = path.stat()
    rows = _book(str(path), stat.st_mtime_ns, stat.st_size)[table]
    return [tuple(row) + (None,) * (width - len(row)) for row in rows]


def test_every_format_has_one_row_per_item_of_every_report(docs, written):
    out, files, counts, problems = written
    assert problems == []
    assert [p.name for p in files["csv"]] == [f"{t}.csv" for t in COLUMNS]
    assert [p.name for p in files["parquet"]] == [f"{t}.parquet" for t in COLUMNS]
    expected = {
        "documents": len(docs),
        **{t: sum(len(getattr(d, t)) for d in docs) for t in ("sections", "tables", *ITEMS)},
    }
    expected["comparisons"] = sum(len(i.comparisons) for d in docs for i in d.indicators)
    assert all(expected[t] > 0 for t in ("sections", "tables", "comparisons", *ITEMS))
    assert counts == {t: expected[t] for t in COLUMNS}
    for table, n in expected.items():
        assert len(_csv(out / f"{table}.csv")) == n
        assert pq.read_metadata(out / f"{table}.parquet").num_rows == n
        assert len(_sheet(out / "llmx-tables.xlsx", table)) == n + 1  # header


def test_item_tables_carry_provenance_columns(docs):
    for table in ITEMS:
        assert set(PROVENANCE) <= set(COLUMNS[table]), table
    for table, columns in COLUMNS.items():
        assert len(columns) == len(set(columns)), table
        for row in table_rows(docs[0])[table]:
            assert list(row) == columns or set(columns) == set(row), (table, set(columns) ^ set(row))


def test_every_item_row_is_traceable_to_its_sentence(docs, written):
    out = written[0]
    by_path = {d.source.path: d for d in docs}
    for table, _field in ITEMS.items():
        rows = _csv(out / f"{table}.csv")
        for row in rows:
            doc = by_path[row["document"]]
            start, end = int(row["start"]), int(row["end"])
            assert doc.text[start:end] == row["quote"] == row.get("text", row["quote"])
            assert row["backend"] == "rules" and row["document_sha256"] == doc.source.sha256
            if row["section_id"]:
                section = next(s for s in doc.sections if s.id == row["section_id"])
                assert row["section_heading"] == section.heading and row["section_number"] == (section.number or "")


def test_csv_keeps_vietnamese_diacritics_exactly(docs, written):
    raw = (written[0] / "sections.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b"\r\r" not in raw
    rows = _csv(written[0] / "sections.csv")
    headings = {(r["document"], r["id"]): r["heading"] for r in rows}
    for doc in docs:
        for s in doc.sections:
            assert headings[(doc.source.path, s.id)] == s.heading
    assert any("ế" in h or "ư" in h for h in headings.values())


def test_csv_numbers_are_plain_numbers(docs, written):
    rows = _csv(written[0] / "indicators.csv")
    values = [i.value for d in docs for i in d.indicators]
    assert any(v is not None and v >= 1000 for v in values)
    for row, value in zip(rows, values, strict=True):
        assert (row["value"] == "") if value is None else (float(row["value"]) == value and "," not in row["value"])


def test_parquet_reads_back_the_same_rows_with_typed_columns(docs, written):
    for table in COLUMNS:
        read = pq.read_table(written[0] / f"{table}.parquet")
        assert read.column_names == COLUMNS[table]
        assert read.to_pylist() == _expected(docs, table), table
    indicators = pq.read_table(written[0] / "indicators.parquet").schema
    assert indicators.field("value").type == pa.float64() and indicators.field("target").type == pa.float64()
    assert indicators.field("start").type == pa.int64() and indicators.field("end").type == pa.int64()
    assert indicators.field("estimated").type == pa.bool_()


def test_xlsx_has_a_sheet_per_table_with_header_and_rows(docs, written):
    out, files = written[0], written[1]
    assert files["xlsx"] == [out / "llmx-tables.xlsx"]
    book = load_workbook(out / "llmx-tables.xlsx", read_only=True)
    assert book.sheetnames == list(COLUMNS) and all(len(name) <= 31 for name in book.sheetnames)
    for table in COLUMNS:
        sheet = _sheet(out / "llmx-tables.xlsx", table)
        assert list(sheet[0]) == COLUMNS[table]
        expected = [{k: None if v == "" else v for k, v in row.items()} for row in _expected(docs, table)]
        assert [dict(zip(COLUMNS[table], row, strict=True)) for row in sheet[1:]] == expected, table
    value_col = COLUMNS["indicators"].index("value")
    assert isinstance(_sheet(out / "llmx-tables.xlsx", "indicators")[1][value_col], (int, float))


def test_no_temporary_files_are_left_behind(written):
    names = {p.name for p in written[0].iterdir()}
    assert names == {f"{t}.{ext}" for t in COLUMNS for ext in ("csv", "parquet")} | {"llmx-tables.xlsx"}


def test_empty_tables_still_have_typed_columns(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    _files, counts, problems = write_tables_checked([bad], tmp_path / "t")
    assert len(problems) == 1 and set(counts.values()) == {0}
    schema = pq.read_schema(tmp_path / "t" / "indicators.parquet")
    assert schema.field("value").type == pa.float64() and schema.field("model").type == pa.string()
    assert pq.read_schema(tmp_path / "t" / "documents.parquet").field("prompt_tokens").type == pa.int64()
    assert _csv(tmp_path / "t" / "tasks.csv") == []
    assert [list(r) for r in _sheet(tmp_path / "t" / "llmx-tables.xlsx", "tasks")] == [COLUMNS["tasks"]]


@pytest.mark.parametrize(
    ("content", "why"),
    [('{"schema_version": "1.0"}', "source: Field required"), ("not json at all", "Invalid JSON")],
)
def test_a_bad_report_file_is_skipped_and_named_and_the_rest_are_written(docs, tmp_path, content, why):
    good = tmp_path / "good.json"
    good.write_text(docs[0].model_dump_json(), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["tables", str(bad), str(good), "--out", str(tmp_path / "t"), "-f", "csv"])
    assert result.exit_code == 2
    skipped = [line for line in result.stderr.splitlines() if "bad.json" in line]
    assert len(skipped) == 1 and "not a llmx report JSON" in skipped[0] and why in skipped[0]
    assert len(_csv(tmp_path / "t" / "indicators.csv")) == len(docs[0].indicators)
    assert result.stdout.splitlines() == [str(tmp_path / "t" / f"{t}.csv") for t in COLUMNS]
    assert f"{len(docs[0].indicators)} indicators" in result.stderr


def test_cli_reads_a_run_folder_and_writes_only_the_asked_formats(docs, tmp_path):
    _save(docs, tmp_path / "run" / "reports")
    (tmp_path / "run" / "run.json").write_text(json.dumps({"complete": True}), encoding="utf-8")
    result = CliRunner().invoke(app, ["tables", str(tmp_path / "run"), "--out", str(tmp_path / "t"), "-f", "parquet"])
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "t").iterdir()) == sorted(f"{t}.parquet" for t in COLUMNS)
    assert pq.read_metadata(tmp_path / "t" / "documents.parquet").num_rows == len(docs)


def test_a_report_named_twice_is_read_once(docs, tmp_path):
    paths = _save(docs, tmp_path / "r")
    assert table_inputs([tmp_path / "r", paths[0]]) == paths


def test_an_interrupted_run_keeps_the_previous_tables_whole(docs, tmp_path):
    paths = _save(docs, tmp_path / "r")
    out = tmp_path / "t"
    write_tables(paths, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def interrupted():
        yield paths[0]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_tables(interrupted(), out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no half files, no temp folder


def test_rows_are_written_in_row_groups_not_all_at_once(docs, tmp_path, monkeypatch):
    monkeypatch.setattr("llmx.table_files.ROW_GROUP", 10)
    write_tables(_save(docs, tmp_path / "r"), tmp_path / "t", ("parquet",))
    meta = pq.read_metadata(tmp_path / "t" / "indicators.parquet")
    assert meta.num_row_groups > 1 and meta.num_rows == sum(len(d.indicators) for d in docs)


def test_xlsx_survives_control_characters_overlong_text_and_leading_equals(docs, tmp_path):
    doc = docs[0]
    task = doc.tasks[0]
    long_text = "Nhiệm vụ \x07 trọng tâm " * 3000
    assert len(long_text) > XLSX_CELL_LIMIT
    text = doc.text[: task.start] + long_text + doc.text[task.end :]
    odd = doc.model_copy(
        update={
            "text": text,
            "tasks": [task.model_copy(update={"text": long_text, "end": task.start + len(long_text)})],
            "indicators": [doc.indicators[0].model_copy(update={"name": "=SUM(A1"})],
        }
    )
    path = tmp_path / "odd.json"
    path.write_text(odd.model_dump_json(), encoding="utf-8")
    _, counts, problems = write_tables_checked([path], tmp_path / "t", ("xlsx", "csv"))
    assert problems == [] and counts["tasks"] == 1
    book = load_workbook(tmp_path / "t" / "llmx-tables.xlsx")  # a corrupt sheet would fail to load
    row = [c.value for c in book["tasks"][2]]
    text_cell = row[COLUMNS["tasks"].index("text")]
    assert len(text_cell) <= XLSX_CELL_LIMIT and "\x07" not in text_cell and text_cell.endswith("[cut for Excel]")
    assert text_cell.startswith("Nhiệm vụ  trọng tâm")
    name = book["indicators"].cell(row=2, column=COLUMNS["indicators"].index("name") + 1)
    assert name.value == "=SUM(A1" and name.data_type == "s"  # text, not a formula
    assert _csv(tmp_path / "t" / "tasks.csv")[0]["text"] == long_text  # the CSV keeps every character


def test_documents_row_sums_up_the_report(docs):
    for doc in docs:
        (row,) = table_rows(doc)["documents"]
        assert row["document"] == doc.source.path and row["chars"] == len(doc.text)
        assert [row[t] for t in ("sections", *ITEMS, "problems")] == [
            len(getattr(doc, t)) for t in ("sections", *ITEMS, "problems")
        ]
        assert row["period"] == (doc.metadata.period.label if doc.metadata.period else None)
        assert row["title"] == doc.metadata.title


def test_sections_rows_measure_their_span(docs):
    for doc in docs:
        for row, section in zip(table_rows(doc)["sections"], doc.sections, strict=True):
            assert row["chars"] == section.end - section.start and row["heading"] == section.heading
            assert (row["id"], row["parent_id"], row["level"]) == (section.id, section.parent_id, section.level)


def test_proposals_and_flags_reach_every_format(docs, written):
    out = written[0]
    doc = docs[-1]
    [proposal] = [r for r in _csv(out / "proposals.csv") if r["document"] == doc.source.path]
    assert proposal["addressee"] == "UBND tỉnh" and proposal["flags"] == '["not_in_rules"]'
    assert doc.text[int(proposal["start"]) : int(proposal["end"])] == proposal["text"] == proposal["quote"]
    assert proposal["section_heading"] and proposal["document"] == doc.source.path
    flagged = next(r for r in _csv(out / "indicators.csv") if r["document"] == doc.source.path)
    assert json.loads(flagged["flags"]) == ["backends_disagree", "unit_missing"]
    unflagged = [r["flags"] for r in _csv(out / "tasks.csv") if r["document"] == doc.source.path]
    assert unflagged and set(unflagged) == {"[]"}  # no flags: an empty JSON list
    documents = {r["document"]: r for r in _csv(out / "documents.csv")}
    assert json.loads(documents[doc.source.path]["addressees"]) == ["UBND tỉnh", "Sở Tài chính"]
    assert documents[doc.source.path]["proposals"] == "1"
    parquet = [r for r in pq.read_table(out / "proposals.parquet").to_pylist() if r["document"] == doc.source.path]
    assert [json.loads(r["flags"]) for r in parquet] == [["not_in_rules"]]
    sheet = _sheet(out / "llmx-tables.xlsx", "proposals")
    mine = [r for r in sheet[1:] if r[COLUMNS["proposals"].index("document")] == doc.source.path]
    assert [r[COLUMNS["proposals"].index("addressee")] for r in mine] == ["UBND tỉnh"]


def test_extract_csv_and_jsonl_carry_flags(docs, tmp_path):
    from llmx.output import render

    doc = docs[-1]
    lines = [json.loads(line) for line in render(doc, "jsonl").splitlines()]
    assert lines[0]["flags"] == ["backends_disagree", "unit_missing"] and lines[1]["flags"] == []
    rows = list(csv.DictReader(io.StringIO(render(doc, "csv"))))
    assert json.loads(rows[0]["flags"]) == ["backends_disagree", "unit_missing"] and rows[1]["flags"] == "[]"


def test_indicators_read_from_a_table_name_its_table_and_row(docs, written):
    out = written[0]
    tables = {(r["document"], r["id"]): r for r in _csv(out / "tables.csv")}
    by_path = {d.source.path: d for d in docs}
    from_tables = [r for r in _csv(out / "indicators.csv") if r["table_id"]]
    assert from_tables and all(r["table_row"] for r in from_tables)
    for row in from_tables:
        table = tables[(row["document"], row["table_id"])]
        doc = by_path[row["document"]]
        span = next(t for t in doc.tables if t.id == row["table_id"]).row_spans[int(row["table_row"])]
        assert (span.start, span.end) == (int(row["start"]), int(row["end"]))
        assert int(table["start"]) <= int(row["start"]) < int(row["end"]) <= int(table["end"])
    counted = {(r["document"], r["id"]): int(r["indicators"]) for r in tables.values()}
    assert sum(counted.values()) == len(from_tables)
    assert json.loads(next(iter(tables.values()))["column_headers"])[1] == "Loại hình hoạt động của tổ chức"
