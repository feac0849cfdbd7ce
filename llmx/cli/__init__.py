"""The `llmx` command line: parses arguments, resolves settings once, calls the library.

common.py holds the app, the shared options and the error mapping; documents.py, evaluation.py
and run.py add their commands to it.
"""

from llmx.cli import documents, evaluation, run
from llmx.cli.common import app

__all__ = ["app", "documents", "evaluation", "run"]
