"""Signed reports keep their number and date in form fields; a signature's picture is skipped cheaply.

Corpus file 11 (a dev-split report signed by the provincial department) draws its number (`181`)
and day (`05`) in form fields on page 1 and the signature as an image widget on page 8.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

import llmx.read.pdf as pdf_reader
from llmx.read import read_bytes
from llmx.read.pdf_page import flattening_adds

SIGNED = Path(__file__).resolve().parent.parent / "eval" / "corpus" / "11-lamdong-snv-cchc-pilot-review-2025.pdf"


def test_form_field_number_and_date_of_a_signed_report_are_read_in_place() -> None:
    text = read_bytes(SIGNED.read_bytes(), str(SIGNED)).text
    assert "Số: 181 /BC-SNV" in text
    assert "ngày 05 tháng 11 năm 2025" in text


def test_only_a_page_whose_annotations_draw_text_or_lines_needs_flattening() -> None:
    pdf = pdfium.PdfDocument(str(SIGNED))
    try:
        needs = []
        for i in range(len(pdf)):
            page = pdf[i]
            needs.append(flattening_adds(page.raw))
            page.close()
    finally:
        pdf.close()
    # page 1: the number and date fields; page 8: the signature image; the rest: no annotations
    assert needs == [True, False, False, False, False, False, False, False]


def test_skipping_a_picture_only_page_reads_exactly_what_flattening_it_would(monkeypatch: pytest.MonkeyPatch) -> None:
    data = SIGNED.read_bytes()
    skipped = read_bytes(data, str(SIGNED))
    monkeypatch.setattr(pdf_reader, "flattening_adds", lambda raw: pdfium.raw.FPDFPage_GetAnnotCount(raw) > 0)
    flattened = read_bytes(data, str(SIGNED))
    assert (skipped.text, skipped.tables, skipped.problems) == (flattened.text, flattened.tables, flattened.problems)
