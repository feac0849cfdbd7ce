"""Export the output contract as JSON Schema into `schemas/`, so downstream users can validate
reports without reading our code. A test fails when the committed files drift from the models;
an installed llmx checks the copy its wheel ships (`llmx/_schemas`)."""

from __future__ import annotations

import json
from pathlib import Path

from llmx import SCHEMA_VERSION
from llmx.contract import ReportDocument
from llmx.output import write_atomic
from llmx.resources import schemas_dir

SCHEMA_DIR = schemas_dir()
SCHEMA_FILE = f"report-{SCHEMA_VERSION}.schema.json"


def report_schema() -> dict[str, object]:
    schema = ReportDocument.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://llmx.invalid/schemas/{SCHEMA_FILE}"
    return schema


def render_schema() -> str:
    return json.dumps(report_schema(), ensure_ascii=False, indent=2) + "\n"


def export_schemas(out_dir: Path = SCHEMA_DIR) -> list[Path]:
    """Write every schema file; return the paths written."""
    path = out_dir / SCHEMA_FILE
    write_atomic(path, render_schema())
    return [path]
