"""dbt as the product runs it: the private dagster-dbt methods it overrides, and the one actor_key."""
from __future__ import annotations

import inspect

import duckdb
import pytest


def test_the_private_dagster_dbt_and_dbt_duckdb_names_the_run_relies_on_still_exist():
    """dbt runs in-process (orchestration/warehouse/dbt_build.py): the dbt asset uses dagster-dbt's
    own selection and event conversion, and closes dbt-duckdb's database after a build. An upgrade
    that moves these would break the run or bring back a held database: this is the tripwire."""
    from dagster_dbt.asset_utils import get_updated_cli_invocation_params_for_context
    from dagster_dbt.core.dbt_cli_event import DbtCoreCliEventMessage
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    params = inspect.signature(get_updated_cli_invocation_params_for_context).parameters
    assert {"context", "manifest", "dagster_dbt_translator"} <= set(params)
    event = DbtCoreCliEventMessage(raw_event={"info": {"name": "LogModelResult", "msg": "m"}, "data": {"node_info": {"unique_id": "model.x.y"}}},
                                   event_history_metadata={})
    assert event.is_result_event
    assert hasattr(DuckDBConnectionManager, "_ENV") and hasattr(DuckDBConnectionManager, "_LOCK")


def test_an_in_process_build_streams_node_results_and_lets_go_of_the_database(seed_warehouse, tmp_path, monkeypatch):
    """The run opens the working file read-only right after dbt (the chart): DuckDB refuses that
    while dbt-duckdb still holds the file open read-write in the same process."""
    import shutil

    from orchestration import settings
    from orchestration.warehouse.dbt_build import stream_build
    from orchestration.warehouse.dbt_manifest import dbt_env

    work = tmp_path / "w.work.duckdb"
    shutil.copy(settings.work_path_for(seed_warehouse), work)
    monkeypatch.setenv("DBT_DUCKDB_PATH", "")
    dbt_env(work)
    events = list(stream_build(["build", "--select", "stg_articles"], settings.DBT_PROJECT_DIR, tmp_path / "target"))
    finished = {(e["info"]["name"], e["data"]["node_info"]["unique_id"]) for e in events}
    assert ("LogModelResult", "model.conflict_claims.stg_articles") in finished
    assert any(name == "LogTestResult" and "unique_stg_articles_article_id" in uid for name, uid in finished)
    con = duckdb.connect(str(work), read_only=True)  # raised "different configuration" while dbt held it
    assert con.execute("SELECT count(*) FROM staging.stg_articles").fetchone()[0] == 5
    con.close()


def test_a_failed_dbt_command_raises_with_dbts_own_error(tmp_path, monkeypatch):
    from orchestration import settings
    from orchestration.warehouse.dbt_build import DbtBuildFailed, stream_build
    from orchestration.warehouse.dbt_manifest import dbt_env

    dbt_env(tmp_path / "empty.duckdb")
    with pytest.raises(DbtBuildFailed, match="no_such_macro"):
        list(stream_build(["run-operation", "no_such_macro"], settings.DBT_PROJECT_DIR, tmp_path / "target"))


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
