"""Where the prompt templates and the JSON Schema files are: shipped in the package, or the checkout's.

`prompts/` and `schemas/` live at the top of the repository, where prompt engineers edit them, and
the wheel ships them as package data (`llmx/_prompts`, `llmx/_schemas`; see setup.py). An
installed llmx reads its own copies; a source checkout (an editable install, or running from the
repo) reads the top-level folders, so an edited prompt is used at once. `--prompts-dir` or
`LLMX_PROMPTS` point at another folder (resolved in config.py, not here).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
CHECKOUT = _PACKAGE.parent  # the repository root when running from a source checkout


def _shipped_or_checkout(shipped: str, top_level: str) -> Path:
    installed = _PACKAGE / shipped
    if installed.is_dir():
        return installed
    return CHECKOUT / top_level


def in_checkout() -> bool:
    """True when llmx runs from its source tree (editable install or the repo), not from a wheel."""
    return (CHECKOUT / "pyproject.toml").is_file() and not (_PACKAGE / "_schemas").is_dir()


def prompts_dir() -> Path:
    """The default prompt folder: the installed package's templates, else the checkout's prompts/."""
    return _shipped_or_checkout("_prompts", "prompts")


def schemas_dir() -> Path:
    """The shipped JSON Schema folder, else the checkout's schemas/."""
    return _shipped_or_checkout("_schemas", "schemas")
