"""End to end over every dev report, and over .docx/.pdf/.html versions made from them."""

import pytest

from llmx.config import Settings
from llmx.contract import ReportDocument, grounding_errors
from llmx.normalize import normalize
from llmx.pipeline import extract_document
from tests.conftest import DEV_REPORTS

RULES = Settings(backend="rules")


@pytest.mark.parametrize("path", DEV_REPORTS, ids=lambda p: p.stem)
def test_every_dev_report_gives_valid_schema_with_consistent_offsets(path):
    doc = extract_document(path, RULES)
    ReportDocument.model_validate_json(doc.model_dump_json())
    assert grounding_errors(doc) == []
    assert doc.sections and doc.indicators and doc.references
    for sec in doc.sections:
        assert doc.text[sec.heading_start : sec.heading_end].strip()


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
@pytest.mark.parametrize("path", DEV_REPORTS, ids=lambda p: p.stem)
def test_other_formats_of_the_same_report_extract_alike(path, fmt, tmp_path):
    from tests import docgen

    out = tmp_path / f"{path.stem}.{fmt}"
    # the report as its text file gives it: a saved web page's site chrome and second copy of the
    # body are removed from .txt/.html only (office files and PDFs keep every line of their own)
    text = normalize(path.read_text(encoding="utf-8")).text
    getattr(docgen, f"make_{fmt}")(text, out)
    doc = extract_document(out, RULES)
    baseline = extract_document(path, RULES)
    assert doc.source.format == fmt
    assert grounding_errors(doc) == []
    # the same headings and citations come out whatever the container format
    assert [s.number for s in doc.sections] == [s.number for s in baseline.sections]
    assert {r.number for r in doc.references} == {r.number for r in baseline.references}
    assert abs(len(doc.indicators) - len(baseline.indicators)) <= max(2, len(baseline.indicators) // 20)
