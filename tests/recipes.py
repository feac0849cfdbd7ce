"""The README's recipes as commands: a test runs exactly what the README says (see test_recipes.py
and test_llamacpp_server.py). A recipe is the ```bash block after `<!-- recipe: NAME -->`."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def recipe(name: str) -> list[str]:
    """The command lines of the README's recipe `name`, in order."""
    text = README.read_text(encoding="utf-8")
    found = re.search(rf"<!-- recipe: {re.escape(name)} -->\n```bash\n(.*?)\n```", text, re.S)
    assert found, f"README.md has no recipe {name!r}"
    return [line for line in found.group(1).splitlines() if line.strip()]


def argv(line: str, **replace: str) -> list[str]:
    """One command line as arguments, with the given words replaced (a free port for the README's)."""
    for old, new in replace.items():
        line = line.replace(old, new)
    return shlex.split(line.removesuffix("&").strip())
