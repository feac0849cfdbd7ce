"""The package stays readable: modules of modest size (the import contracts run in .ci/run)."""

from pathlib import Path

import llmx

MAX_LINES = 500


def test_no_module_of_the_package_is_over_500_lines():
    root = Path(llmx.__file__).parent
    sizes = {str(p.relative_to(root)): len(p.read_text(encoding="utf-8").splitlines()) for p in root.rglob("*.py")}
    assert sizes and {name: n for name, n in sizes.items() if n > MAX_LINES} == {}
