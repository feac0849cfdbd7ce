"""Where prompts and schemas come from (shipped, checkout, or the user's folder) and what a lean
install without pyarrow does with tables. The installed wheel itself is tested in test_wheel.py."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from llmx import resources
from llmx.cli import app
from llmx.config import resolve
from llmx.errors import ConfigError
from llmx.tables import FORMATS, default_formats
from tests.conftest import MONTHLY, REPO


def test_a_checkout_reads_the_top_level_prompts_and_schemas():
    assert resources.prompts_dir() == REPO / "prompts"
    assert resources.schemas_dir() == REPO / "schemas"
    assert resources.in_checkout()
    assert resolve(env={}).prompts_dir == REPO / "prompts"


def test_shipped_package_data_is_preferred_when_present(tmp_path, monkeypatch):
    package = tmp_path / "site-packages" / "llmx"
    (package / "_prompts").mkdir(parents=True)
    (package / "_schemas").mkdir()
    monkeypatch.setattr(resources, "_PACKAGE", package)
    assert resources.prompts_dir() == package / "_prompts"
    assert resources.schemas_dir() == package / "_schemas"
    assert not resources.in_checkout()


def test_prompts_folder_flag_beats_env_and_a_missing_folder_is_a_config_error(tmp_path):
    flag, env_dir = tmp_path / "flag", tmp_path / "env"
    flag.mkdir()
    env_dir.mkdir()
    assert resolve(env={"LLMX_PROMPTS": str(env_dir)}).prompts_dir == env_dir
    assert resolve(env={"LLMX_PROMPTS_DIR": str(env_dir)}).prompts_dir == env_dir  # the older name still works
    assert resolve(prompts_dir=flag, env={"LLMX_PROMPTS": str(env_dir)}).prompts_dir == flag
    with pytest.raises(ConfigError, match="does not exist"):
        resolve(prompts_dir=tmp_path / "nope", env={})


def test_prompts_list_reads_the_users_folder_and_refuses_an_empty_one(tmp_path, monkeypatch):
    mine = tmp_path / "mine"
    shutil.copytree(REPO / "prompts", mine)
    shutil.copy(mine / "section.v1.jinja", mine / "section.v3.jinja")  # a user's own version
    monkeypatch.setenv("LLMX_PROMPTS", str(mine))
    listed = CliRunner().invoke(app, ["prompts", "list"])
    assert listed.exit_code == 0
    refs = [line.split()[0] for line in listed.stdout.splitlines()[1:]]
    assert refs == ["metadata@v1", "metadata@v2", "section@v1", "section@v2", "section@v3"]
    (tmp_path / "empty").mkdir()
    empty = CliRunner().invoke(app, ["prompts", "list", "--prompts-dir", str(tmp_path / "empty")])
    assert empty.exit_code == 3
    assert f"no prompt templates (NAME.vN.jinja) in {tmp_path / 'empty'}" in empty.stderr
    shown = CliRunner().invoke(app, ["prompts", "show", "section@v2", "--prompts-dir", str(mine)])
    assert shown.exit_code == 0 and str(mine / "section.v2.jinja") in shown.stdout


@pytest.fixture
def no_pyarrow(monkeypatch):
    """As in the lean default install: `import pyarrow` fails and find_spec finds nothing."""
    for name in [m for m in sys.modules if m == "pyarrow" or m.startswith("pyarrow.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pyarrow", None)


def test_without_pyarrow_tables_default_to_csv_and_xlsx(no_pyarrow, tmp_path):
    assert default_formats() == ("csv", "xlsx")
    report = tmp_path / "r.json"
    assert CliRunner().invoke(app, ["extract", str(MONTHLY), "-o", str(report)]).exit_code == 0
    done = CliRunner().invoke(app, ["tables", str(report), "--out", str(tmp_path / "t")])
    assert done.exit_code == 0, done.stderr
    assert {p.suffix for p in (tmp_path / "t").iterdir()} == {".csv", ".xlsx"}


def test_without_pyarrow_asking_for_parquet_is_one_line_with_the_install_hint(no_pyarrow, tmp_path):
    report = tmp_path / "r.json"
    assert CliRunner().invoke(app, ["extract", str(MONTHLY), "-o", str(report)]).exit_code == 0
    done = CliRunner().invoke(app, ["tables", str(report), "--out", str(tmp_path / "t"), "-f", "parquet"])
    assert done.exit_code == 3
    assert done.stderr.strip().splitlines() == [
        "llmx: error: Parquet tables need pyarrow, which the default install leaves out: pip install 'llmx[parquet]'"
    ]
    assert not (tmp_path / "t").exists()


def test_without_pyarrow_llmx_run_writes_csv_and_xlsx_and_refuses_parquet_before_any_work(no_pyarrow, tmp_path):
    done = CliRunner().invoke(
        app, ["run", str(MONTHLY), "--out", str(tmp_path / "run"), "--no-review", "--no-progress"]
    )
    assert done.exit_code == 0, done.stderr
    assert {p.suffix for p in (tmp_path / "run" / "tables").iterdir()} == {".csv", ".xlsx"}
    refused = CliRunner().invoke(app, ["run", str(MONTHLY), "--out", str(tmp_path / "pq"), "--tables", "csv,parquet"])
    assert refused.exit_code == 3 and "llmx[parquet]" in refused.stderr
    assert not (tmp_path / "pq" / "reports").exists()


def test_with_pyarrow_every_format_is_the_default():
    pytest.importorskip("pyarrow")
    assert default_formats() == FORMATS


def test_a_schema_check_against_a_drifted_copy_fails(tmp_path):
    from llmx.schema import SCHEMA_FILE

    (tmp_path / SCHEMA_FILE).write_text("{}\n", encoding="utf-8")
    done = CliRunner().invoke(app, ["schema", "--check", "--out", str(tmp_path)])
    assert done.exit_code == 1 and "out of date" in done.stderr
    assert CliRunner().invoke(app, ["schema", "--check"]).exit_code == 0
    assert Path(REPO / "schemas" / SCHEMA_FILE).is_file()
