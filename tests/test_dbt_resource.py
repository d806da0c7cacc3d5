"""dbt as the product runs it: the private dagster-dbt methods it overrides, and the one actor_key."""
from __future__ import annotations

import functools
import inspect

import duckdb
import pytest


def test_the_private_dagster_dbt_methods_overridden_still_exist_and_are_still_called():
    """WarehouseDbtCli overrides two private methods to skip ~3.5 s of start-up per run. An upgrade
    that renames or stops calling them would silently bring the cost back (or break the run):
    this test is the tripwire."""
    from dagster_dbt import DbtCliResource

    from orchestration.defs.assets.dbt import WarehouseDbtCli

    assert isinstance(inspect.getattr_static(DbtCliResource, "_cli_version"), functools.cached_property)
    assert list(inspect.signature(DbtCliResource._initialize_dbt_core_adapter).parameters) == ["self", "args"]
    calls = inspect.getsource(DbtCliResource.cli)
    assert "self._cli_version" in calls and "self._initialize_dbt_core_adapter(args)" in calls
    assert "_cli_version" in vars(WarehouseDbtCli) and "_initialize_dbt_core_adapter" in vars(WarehouseDbtCli)


@pytest.mark.parametrize("name", ["Ahmed Al-Sharaa", "Khmeimim", "Russian Defense Ministry", "Moscow Times (The)", "Ukraine’s"])
def test_sql_actor_key_is_the_extraction_librarys_own_function(name):
    """dbt's models call actor_key() in SQL: the plugin registers the Python function itself."""
    from orchestration.library.extraction.actors import actor_key
    from orchestration.warehouse.dbt_functions import register

    con = duckdb.connect()
    register(con)
    assert con.execute("SELECT actor_key(?)", [name]).fetchone()[0] == actor_key(name)
    assert con.execute("SELECT actor_key(NULL)").fetchone()[0] is None


def test_dbt_loads_the_plugin_that_defines_actor_key():
    from pathlib import Path

    import yaml

    from orchestration.settings import DBT_PROJECT_DIR

    profile = yaml.safe_load(Path(DBT_PROJECT_DIR, "profiles.yml").read_text())
    output = profile["conflict_claims"]["outputs"]["warehouse"]
    assert {"module": "orchestration.warehouse.dbt_functions"} in output["plugins"]
    macros = "".join(p.read_text() for p in Path(DBT_PROJECT_DIR, "macros").glob("*.sql"))
    assert "macro actor_key" not in macros  # one implementation: no SQL copy
