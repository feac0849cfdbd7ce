"""`llmx run`: many reports into one folder, concurrent, cached, resumable.

options.py (flags over the environment) -> discover.py (inputs and their output names) ->
bulk.py (`run()`: checks, the folder lock, the summary) -> resume.py (what is still to do) ->
scheduler.py (asyncio over documents and section jobs; report_work.py is what its report pool
runs) with limits.py (the run-wide gate the model client is admitted by), batch.py (the
provider's Batch API) -> journal.py and manifest.py (each report's entry and status) ->
summary.py (run.json, tables, review pages, the summary).
pricing.py and progress.py serve the gate and the terminal.
"""

from llmx.run.bulk import run
from llmx.run.options import RunOptions, resolve_options
from llmx.run.summary import RunSummary, summary_lines

__all__ = ["RunOptions", "RunSummary", "resolve_options", "run", "summary_lines"]
