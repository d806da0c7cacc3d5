"""Parsing on a Dask cluster: a real scheduler and two real workers, each its own process on
127.0.0.1 (``dask scheduler``, ``dask worker``), as a team would start them on other machines.

- A warehouse built through them equals the in-process build, table by table.
- A worker SIGKILLed while it parses: its tasks go to the other worker, same tables.
- An article that crashes the extractor on a worker fails alone, named by its file.
- A bad EXTRACT_SCHEDULER is a clear error naming the setting, before any extraction row is written.
"""
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

from orchestration.settings import work_path_for
from scripts.soak import compare, kill_group, snapshot, start_job_process
from tests.conftest import REPO, SEEDS, build, query

DASK = Path(sys.executable).with_name("dask")

# loaded by each worker (dask worker --preload): parsing slowed so a kill lands mid-task, and an
# article whose text carries CRASH_MARKER makes the extractor raise, as a bug would
WORKER_PRELUDE = '''
import os, sys, time
from orchestration.library.extraction import pipeline as _pipeline

# a preload may be imported more than once: wrap the real extractor, never the wrapper
_extract = getattr(_pipeline, "_unwrapped_extract_from_doc", _pipeline.extract_from_doc)
_pipeline._unwrapped_extract_from_doc = _extract


def _slow_or_crashing(doc, article, *args, **kwargs):
    print(f"PARSING {article.article_id}", flush=True)
    if "CRASH_MARKER" in article.body:
        raise RuntimeError("extractor bug on purpose")
    time.sleep(float(os.environ.get("SLOW_SECONDS", "0")))
    return _extract(doc, article, *args, **kwargs)


_pipeline.extract_from_doc = _slow_or_crashing
'''


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """A scheduler and ``n`` single-threaded workers without nannies (a killed worker stays dead)."""

    def __init__(self, folder: Path, workers: int = 2, slow_seconds: float = 0.0):
        self.folder = folder
        self.port = _free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        env = {**os.environ, "PYTHONPATH": str(REPO), "SLOW_SECONDS": str(slow_seconds),
               "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
        prelude = folder / "worker_prelude.py"
        prelude.write_text(WORKER_PRELUDE)
        self.logs = [folder / "scheduler.log"] + [folder / f"worker{i}.log" for i in range(workers)]
        self.scheduler = subprocess.Popen(
            [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(self.port), "--no-dashboard"],
            cwd=REPO, env=env, stdout=open(self.logs[0], "wb"), stderr=subprocess.STDOUT, start_new_session=True)
        self.workers = [
            subprocess.Popen([str(DASK), "worker", self.address, "--nworkers", "1", "--nthreads", "1", "--no-nanny",
                              "--no-dashboard", "--preload", str(prelude)],
                             cwd=REPO, env=env, stdout=open(log, "wb"), stderr=subprocess.STDOUT, start_new_session=True)
            for log in self.logs[1:]]
        self._wait_for_workers(workers)

    def _wait_for_workers(self, n: int, timeout: float = 120) -> None:
        from distributed import Client

        client = Client(self.address, timeout="60s")
        try:
            client.wait_for_workers(n, timeout=timeout)
        finally:
            client.close()

    def parsing_worker(self, timeout: float = 240) -> subprocess.Popen:
        """The first worker whose log shows it parsing."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for worker, log in zip(self.workers, self.logs[1:]):
                if "PARSING" in log.read_text(errors="replace"):
                    return worker
            time.sleep(0.05)
        raise AssertionError("no worker started parsing")

    def close(self) -> None:
        for process in [*self.workers, self.scheduler]:
            kill_group(process)


@pytest.fixture
def cluster(tmp_path):
    made = []

    def start(**kwargs) -> Cluster:
        made.append(Cluster(tmp_path, **kwargs))
        return made[-1]

    yield start
    for c in made:
        c.close()


def _built_through(warehouse: Path, seeds: Path, scheduler: str, log: Path) -> str:
    run = start_job_process(seeds, warehouse, env={"EXTRACT_SCHEDULER": scheduler}, log_path=log, log_level="INFO")
    assert run.wait(timeout=600) == 0, log.read_text(errors="replace")[-4000:]
    return log.read_text(errors="replace")


@pytest.mark.slow
def test_a_warehouse_built_on_a_dask_cluster_equals_the_in_process_build(tmp_path, cluster, seed_warehouse):
    workers = cluster(workers=2)
    warehouse = tmp_path / "w.duckdb"
    text = _built_through(warehouse, SEEDS, workers.address, tmp_path / "run.log")
    assert f"parsing on a cluster: scheduler {workers.address}, 2 workers" in text
    assert compare(snapshot(warehouse), snapshot(seed_warehouse)) == []
    # both workers parsed: the tasks were spread, not all sent to one
    assert all("PARSING" in log.read_text(errors="replace") for log in workers.logs[1:])


@pytest.mark.slow
def test_a_worker_killed_while_it_parses_loses_nothing(tmp_path, cluster, seed_warehouse):
    workers = cluster(workers=2, slow_seconds=1.5)
    warehouse = tmp_path / "w.duckdb"
    log = tmp_path / "run.log"
    run = start_job_process(SEEDS, warehouse, env={"EXTRACT_SCHEDULER": workers.address}, log_path=log, log_level="INFO")
    try:
        victim = workers.parsing_worker()
        time.sleep(0.3)
        os.kill(victim.pid, signal.SIGKILL)
        assert run.wait(timeout=600) == 0, log.read_text(errors="replace")[-4000:]
    finally:
        kill_group(run)
    assert victim.wait() == -signal.SIGKILL
    assert compare(snapshot(warehouse), snapshot(seed_warehouse)) == []


@pytest.mark.slow
def test_an_article_that_crashes_the_extractor_on_a_worker_fails_alone(tmp_path, cluster):
    workers = cluster(workers=2)
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "crash.txt").write_text("Shelling kills 3\n\nAt least 3 people were killed, officials said. CRASH_MARKER\n")
    warehouse = tmp_path / "w.duckdb"
    text = _built_through(warehouse, seeds, workers.address, tmp_path / "run.log")
    assert "extraction failed for crash.txt: RuntimeError: extractor bug on purpose" in text
    parsed = query(warehouse, "SELECT a.file_name FROM raw.articles a JOIN raw.extraction_ledger USING (article_id) ORDER BY 1")
    assert [r[0] for r in parsed] == sorted(p.name for p in SEEDS.glob("*.txt"))


def test_a_bad_scheduler_address_names_the_setting_and_writes_no_extraction(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(next(SEEDS.glob("002_*.txt")), seeds)
    warehouse = tmp_path / "w.duckdb"
    for address, expected in (("not an address", "is not a Dask scheduler address"),
                              (f"tcp://127.0.0.1:{_free_port()}", "no Dask scheduler answered")):
        monkeypatch.setenv("EXTRACT_SCHEDULER", address)
        result = build(warehouse, seeds)
        assert not result.success
        failure = next(e for e in result.all_events if e.is_step_failure)
        assert failure.step_key == "extract_articles"
        error, messages = failure.event_specific_data.error, []
        while error is not None:  # Dagster wraps the step's own error
            messages.append(error.message)
            error = error.cause
        message = "\n".join(messages)
        assert "EXTRACT_SCHEDULER" in message and expected in message, message
        assert query(work_path_for(warehouse), "SELECT count(*) FROM raw.extraction_ledger") == [(0,)]
        assert not warehouse.exists()  # nothing published


def test_parsing_engine_defaults(monkeypatch):
    from orchestration.warehouse import parsing

    monkeypatch.delenv("EXTRACT_PROCESSES", raising=False)
    monkeypatch.delenv("EXTRACT_SCHEDULER", raising=False)
    assert parsing.local_workers(5) == 1  # a worker's start-up costs more than parsing a few articles
    assert parsing.local_workers(parsing.PARALLEL_MIN_ARTICLES) == parsing.available_cores()
    monkeypatch.setenv("EXTRACT_PROCESSES", "1")
    assert parsing.local_workers(10_000) == 1
    monkeypatch.setenv("EXTRACT_PROCESSES", "two")
    with pytest.raises(ValueError, match="EXTRACT_PROCESSES must be a whole number, got 'two'"):
        parsing.local_workers(100)
    monkeypatch.setenv("EXTRACT_SCHEDULER", "10.0.0.5:8786")
    assert parsing.scheduler_address() == "tcp://10.0.0.5:8786"
    # chunks: two per worker while small, never more than MAX_CHUNK_ARTICLES
    assert [len(c) for c in parsing.chunks(list(range(5)), 2)] == [2, 2, 1]
    assert max(len(c) for c in parsing.chunks(list(range(1000)), 2)) == parsing.MAX_CHUNK_ARTICLES
