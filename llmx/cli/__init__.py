"""The `llmx` command line: parses arguments, resolves settings once, calls the library.

common.py holds the app, the shared options and the error mapping; documents.py, evaluation.py
and run.py add their commands to it.
"""

import gc

from llmx.cli import documents, evaluation, run
from llmx.cli.common import app

__all__ = ["app", "documents", "evaluation", "main", "run"]


def main() -> None:
    """The `llmx` command (and `python -m llmx`): the app, then a quick exit."""
    gc.disable()  # until a command needs it: see llmx.cli.common.resume_gc
    try:
        app(prog_name="llmx")
    finally:
        # the process ends here: without this the interpreter's exit walks every object once more,
        # about a second after the model SDK's thousands of classes were imported
        gc.freeze()
