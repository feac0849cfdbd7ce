"""One report's CPU work, as a process of the report pool (pool.py) runs it.

Module-level functions, so a worker process can be handed them by reference: the whole rules
extraction of a report, or the reading, splitting and planning of an LLM report (its requests
are then sent by the request workers, dispatch.py and worker.py).
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

from llmx.config import Settings
from llmx.output import output_error, write_atomic
from llmx.pipeline import plan_llm, prepare
from llmx.run.manifest import genre_of, status_of
from llmx.tables import item_counts


def rules_document(path: str, out_path: str, settings: Settings) -> dict[str, Any]:
    """One report through the rules backend, written to `out_path`."""
    from llmx.pipeline import run_backend

    prepared = prepare(path, settings)
    doc = prepared.finish(*run_backend(prepared, settings))
    write_atomic(Path(out_path), doc.model_dump_json(indent=2) + "\n")
    (status, failed), genre = status_of(doc), genre_of(doc)
    return {"status": status, "failed_sections": failed, "items": item_counts(doc), "usage": None, "genre": genre}


def plan_document(path: str, settings: Settings, plan_file: str) -> int:
    """One report read, split and planned into `plan_file` (the pickled Prepared and
    DocumentPlan a request worker picks up: big data never goes through the run's process);
    returns how many requests it plans."""
    prepared = prepare(path, settings)
    plan = plan_llm(prepared, settings)
    try:
        Path(plan_file).write_bytes(pickle.dumps((prepared.slim(), plan), protocol=pickle.HIGHEST_PROTOCOL))
    except OSError as exc:  # a full disk stops the run (DiskFull); anything else fails this report
        raise output_error(exc, plan_file) from None
    return len(plan.jobs) + 1
