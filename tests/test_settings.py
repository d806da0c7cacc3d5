"""Settings a user gives: one that cannot work is refused up front, naming the fix."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from orchestration import settings
from orchestration.settings import REPO_ROOT


@pytest.mark.parametrize("name", ["main.duckdb", "TEMP.duckdb", "system.cases.duckdb"])
def test_a_warehouse_named_as_a_duckdb_database_is_refused_before_anything_runs(tmp_path, name):
    # dbt-duckdb names the database after the file: "main.duckdb" made every model fail with
    # "schema main.raw does not exist" and published nothing
    env = {**os.environ, "WAREHOUSE_PATH": str(tmp_path / name), "SEEDS_DIR": str(REPO_ROOT / "seeds"),
           "DAGSTER_HOME": str(tmp_path / "dagster_home")}
    done = subprocess.run([sys.executable, "-m", "orchestration.cli", "run"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert f"WAREHOUSE_PATH {tmp_path / name}" in done.stderr and "_warehouse.duckdb" in done.stderr
    assert list(tmp_path.iterdir()) == []  # nothing written, not even a Dagster home


@pytest.mark.parametrize("name", ["warehouse.duckdb", "cases.sudan.duckdb", "main_warehouse.duckdb", "maintenance.duckdb",
                                  "memory.duckdb"])
def test_other_warehouse_names_are_accepted(tmp_path, monkeypatch, name):
    monkeypatch.setenv("WAREHOUSE_PATH", str(tmp_path / name))
    assert settings.warehouse_path() == tmp_path / name
