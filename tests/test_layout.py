"""The package stays readable: modest modules, settings read in one place (import contracts: .ci/run)."""

import re
from pathlib import Path

import llmx

MAX_LINES = 500


def test_no_module_of_the_package_is_over_500_lines():
    root = Path(llmx.__file__).parent
    sizes = {str(p.relative_to(root)): len(p.read_text(encoding="utf-8").splitlines()) for p in root.rglob("*.py")}
    assert sizes and {name: n for name, n in sizes.items() if n > MAX_LINES} == {}


# where the package may touch the process environment outside llmx/config.py, and why
_ENVIRONMENT_USES = {
    # the llama.cpp child process inherits the parent's environment (PATH, OpenMP, the venv) and
    # gets the key in it, not on its command line: a process-level use, not a setting read
    "serve/llamacpp.py": ["env = dict(os.environ)"],
}


def test_settings_are_read_from_the_environment_only_in_config():
    root = Path(llmx.__file__).parent
    reads = re.compile(r"\bos\.environ\b|\bgetenv\b|\bfrom os import\b.*\benviron\b")
    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        name = str(path.relative_to(root))
        lines = [ln.split("#")[0].strip() for ln in path.read_text(encoding="utf-8").splitlines()]
        hits = [ln for ln in lines if reads.search(ln)]
        if hits and name != "config.py":
            found[name] = hits
    assert found == _ENVIRONMENT_USES
