"""Automation follows the folder: the sensor builds any folder state the published warehouse was not
built from, an edit and its revert alike; under `dagster dev`, its daemon does it with no one
launching anything."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO, build, query


def _tick(seeds: Path, warehouse: Path, cursor=None):
    import dagster as dg

    from orchestration.defs.automation import seeds_folder_sensor
    from orchestration.defs.resources import SeedsFolder, WarehouseResource

    # the paths come from the resources, as in the UI
    with dg.build_sensor_context(cursor=cursor, resources={
            "seeds": SeedsFolder(path=str(seeds)), "warehouse": WarehouseResource(path=str(warehouse))}) as context:
        return context, seeds_folder_sensor(context)


@pytest.mark.slow
def test_the_sensor_builds_every_folder_state_not_published_a_revert_included(tmp_path, seeds_copy):
    import dagster as dg

    warehouse = tmp_path / "w.duckdb"
    ctx, first = _tick(seeds_copy, warehouse)
    assert isinstance(first, dg.RunRequest), "nothing published yet: build"
    assert build(warehouse, seeds_copy).success
    ctx, tick = _tick(seeds_copy, warehouse, ctx.cursor)
    assert isinstance(tick, dg.SkipReason) and "was built from these 5 files" in tick.skip_message

    article = next(seeds_copy.glob("002_*.txt"))
    original = article.read_bytes()
    article.write_bytes(original + b"\nAn edit the sensor must publish.\n")
    (seeds_copy / "new.txt").write_text("New article\n\nFive people were killed.\n", encoding="utf-8")
    next(seeds_copy.glob("004_*.txt")).unlink()
    ctx, edit = _tick(seeds_copy, warehouse, ctx.cursor)
    assert isinstance(edit, dg.RunRequest) and edit.tags["seeds_change"] == "1 added, 1 changed, 1 removed"
    # while that run is under way (or after it failed) the same request is made again, with the same key:
    # Dagster launches a run key once
    assert _tick(seeds_copy, warehouse, ctx.cursor)[1].run_key == edit.run_key
    assert build(warehouse, seeds_copy).success
    assert isinstance(_tick(seeds_copy, warehouse, ctx.cursor)[1], dg.SkipReason)

    article.write_bytes(original)  # the revert: a folder state an earlier run built, but not the published one
    ctx, revert = _tick(seeds_copy, warehouse, ctx.cursor)
    assert isinstance(revert, dg.RunRequest) and revert.run_key not in (first.run_key, edit.run_key)
    assert revert.tags["seeds_change"] == "1 changed"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _published_body(warehouse: Path, name: str) -> str | None:
    try:
        rows = query(warehouse, "SELECT body_text FROM raw.articles WHERE file_name = ?", [name])
    except Exception:  # not published yet, or being replaced this instant
        return None
    return rows[0][0] if rows else None


def _wait_for(condition, what: str, log: Path, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(1)
    raise AssertionError(f"timed out waiting for {what}; dagster dev said:\n{log.read_text(errors='replace')[-5000:]}")


@pytest.mark.slow
def test_under_dagster_dev_the_sensor_publishes_an_edit_and_its_revert_and_the_schedule_runs(tmp_path, seeds_copy):
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(REPO / "dagster_home" / "dagster.yaml", home)
    warehouse = tmp_path / "w.duckdb"
    log = tmp_path / "dagster_dev.log"
    env = {**os.environ, "DAGSTER_HOME": str(home), "SEEDS_DIR": str(seeds_copy), "WAREHOUSE_PATH": str(warehouse),
           "REPORTS_DIR": str(tmp_path / "reports"), "SEEDS_SENSOR_INTERVAL_SECONDS": "3",
           "DAILY_REBUILD_CRON": "* * * * *"}  # the daily rebuild every minute, so the daemon's scheduler shows
    env.pop("DATA_DOCS_DIR", None)
    env.pop("CHARTS_DIR", None)
    dev = subprocess.Popen([str(Path(sys.executable).with_name("dagster")), "dev", "-m", "orchestration.definitions",
                            "-h", "127.0.0.1", "-p", str(_free_port())],
                           cwd=tmp_path, env=env, stdout=open(log, "wb"), stderr=subprocess.STDOUT, start_new_session=True)
    try:
        article = next(seeds_copy.glob("002_*.txt"))
        original = article.read_text(encoding="utf-8")
        _wait_for(lambda: _published_body(warehouse, article.name) is not None, "the sensor's first build", log)

        article.write_text(original + "\nAn edit the sensor must publish.\n", encoding="utf-8")
        _wait_for(lambda: "An edit the sensor must publish." in (_published_body(warehouse, article.name) or ""),
                  "the edit to be published", log)

        article.write_text(original, encoding="utf-8")
        _wait_for(lambda: "An edit the sensor must publish." not in (_published_body(warehouse, article.name) or "edit"),
                  "the revert to be published", log)

        # the schedule: the daemon launches daily_rebuild on its own, and the run succeeds (it finds
        # nothing changed since the last publication and skips every step, saying why)
        import dagster as dg

        def scheduled_runs():
            with dg.DagsterInstance.from_config(str(home)) as instance:
                return instance.get_runs(filters=dg.RunsFilter(tags={"dagster/schedule_name": "daily_rebuild"}))

        _wait_for(lambda: any(r.status == dg.DagsterRunStatus.SUCCESS for r in scheduled_runs()),
                  "a scheduled daily_rebuild run to succeed", log, timeout=240)
    finally:
        os.killpg(dev.pid, signal.SIGTERM)
        try:
            dev.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(dev.pid, signal.SIGKILL)
            dev.wait()
