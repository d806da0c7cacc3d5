"""Dagster resources: the warehouse (published file and working file), the seeds folder, and the
report folders. Every path a definition reads comes through one of them."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import dagster as dg
from pydantic import PrivateAttr

from orchestration import settings
from orchestration.warehouse import database as warehouse
from orchestration.warehouse import publish


class WarehouseResource(dg.ConfigurableResource):
    """The warehouse: ``path`` is the published file analysts open (WAREHOUSE_PATH); every step
    of a run reads and writes its working file beside it (``work_path``) through ``connect``,
    and only ``publish`` replaces the published file, once every blocking check has passed.

    For the length of a run the resource holds the warehouse's run lock (``warehouse.RunLock``):
    a second run on the same file, launched from the CLI, the sensor, the schedule or the UI,
    waits for the first to finish (and says which run it waits for), so the steps of two runs
    never interleave. dbt runs inside the run's dbt step, so it is covered too.
    """

    path: str
    # None: WAREHOUSE_LOCK_WAIT_SECONDS (default 1800) / WAREHOUSE_CONNECT_WAIT_SECONDS (default 120)
    lock_wait_seconds: float | None = None
    connect_wait_seconds: float | None = None

    _run_lock: warehouse.RunLock | None = PrivateAttr(default=None)
    _log = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        self._log = context.log
        run = context.dagster_run
        if run is None:
            return  # a sensor tick reads the published file only: it never waits for a run's lock
        lock = warehouse.RunLock(self.path, run_id=context.run_id, job=run.job_name if run else None)

        def waiting(message: str) -> None:
            if context.log:
                context.log.warning(message)

        lock.acquire(self.lock_wait_seconds, on_wait=waiting)
        self._run_lock = lock
        if context.log:
            context.log.debug(f"run lock taken on {lock.path}")
        started = publish.prepare_work_file(self.work_path, self.path)  # under the run lock: no other run copies
        if started and context.log:
            context.log.info(started)

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._run_lock is not None:
            self._run_lock.release()
            self._run_lock = None

    @property
    def work_path(self) -> Path:
        return settings.work_path_for(self.path)

    def publish(self, run_id: str | None = None, suite_digests: dict[str, str] | None = None) -> publish.PublishReport:
        with self.connect() as con:
            return publish.publish(con, Path(self.path), run_id=run_id, suite_digests=suite_digests)

    @contextmanager
    def connect_published(self):
        """The published file, read-only: what analysts see (reports drawn from it show only what passed)."""
        with warehouse.connect(self.path, read_only=True, wait_seconds=self.connect_wait_seconds) as con:
            yield con

    @contextmanager
    def connect(self, read_only: bool = False):
        """The run's working file (never the published one, which analysts may hold open)."""
        log = self._log

        def waiting(message: str) -> None:
            if log:
                log.warning(message)

        with warehouse.connect(self.work_path, read_only=read_only, wait_seconds=self.connect_wait_seconds,
                               on_wait=waiting) as con:
            yield con


class ReportFolders(dg.ConfigurableResource):
    """Where the checks write Great Expectations' Data Docs, the chart asset its PNG and the brief its pages."""

    data_docs: str
    charts: str
    brief: str


class SeedsFolder(dg.ConfigurableResource):
    """The folder of article files the warehouse is built from."""

    path: str

    @property
    def root(self) -> Path:
        return Path(self.path).resolve()
