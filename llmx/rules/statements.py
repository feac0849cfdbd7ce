"""Tasks and limitations by rule (SPEC section 5): the entry the backend calls. Pure.

The section role decides what a sentence is (results and task sections use the same verbs): in `tasks` sections
every sentence-level directive is a task; in `limitations`/`causes` sections every statement is a limitation or a
cause; in results sections only sentences with an explicit shortfall cue count as limitations. Paragraphs
interrupted by a page break (a blank line, or a footnote body, then a lower-case continuation) are read as one
(`sentences.py`). The tasks are read in `tasks.py`, the limitations and causes in `limitations.py`.

Requests to another body (`đề nghị UBND tỉnh ...`) are proposals (`proposals.py`), never tasks or limitations.
"""

from __future__ import annotations

from llmx.rules.limitations import find_limitations
from llmx.rules.tasks import find_tasks

__all__ = ["find_limitations", "find_tasks"]
