"""Parsing on a Dask cluster: a real scheduler and real workers, each its own process on 127.0.0.1,
started exactly as the README's recipe starts them (`.venv/bin/dask scheduler --host …`,
`.venv/bin/dask worker … --nworkers auto --nthreads 1`, nannies included), from a folder outside the
repository and without PYTHONPATH: the project is installed into its environment (`make install`).

- A warehouse built through them (by `python -m orchestration.cli run`, as `make run` does) equals
  the in-process build, table by table; the same over TLS, with certificates made by openssl.
- A worker SIGKILLed while it parses: its tasks go to the other workers, same tables.
- An article that crashes the extractor on a worker fails alone, named by its file, and is withheld.
- A scheduler that cannot import the project, and a bad EXTRACT_SCHEDULER or TLS setting, are
  clear errors naming the fix, before any extraction row is written.
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
from orchestration.warehouse.parsing import available_cores
from scripts.soak import compare, kill_group, snapshot
from tests.conftest import SEEDS, build, query

DASK = Path(sys.executable).with_name("dask")

# instrumentation, loaded by the workers of two tests only (dask worker --preload): parsing slowed so a
# kill lands mid-task, and an article whose text carries CRASH_MARKER makes the extractor raise, as a bug would
WORKER_PRELUDE = '''
import os, sys, time
from orchestration.library.extraction import pipeline as _pipeline

# a preload may be imported more than once: wrap the real extractor, never the wrapper
_extract = getattr(_pipeline, "_unwrapped_extract_from_doc", _pipeline.extract_from_doc)
_pipeline._unwrapped_extract_from_doc = _extract


def _slow_or_crashing(doc, article, *args, **kwargs):
    print(f"PARSING {article.article_id} PID {os.getpid()}", flush=True)
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


def _environment(**extra) -> dict:
    """The user's environment as a shell gives it: no PYTHONPATH pointing at the repository."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return {**env, **{k: str(v) for k, v in extra.items()}}


def make_certificates(folder: Path) -> dict[str, Path]:
    """A CA and one certificate signed by it, with openssl, as the README's TLS recipe makes them."""
    folder.mkdir(parents=True, exist_ok=True)

    def openssl(*args):
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)

    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=claims-ca",
            "-keyout", "ca-key.pem", "-out", "ca.pem")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=claims-node", "-keyout", "node-key.pem", "-out", "node.csr")
    openssl("x509", "-req", "-in", "node.csr", "-CA", "ca.pem", "-CAkey", "ca-key.pem", "-CAcreateserial", "-days", "2",
            "-out", "node.pem")
    return {"ca": folder / "ca.pem", "cert": folder / "node.pem", "key": folder / "node-key.pem"}


class Cluster:
    """A scheduler and one `dask worker --nworkers auto --nthreads 1` (a nanny and one worker per core),
    started as the README says, in ``folder``: neither can import the project from the working directory."""

    def __init__(self, folder: Path, instrument: bool = False, slow_seconds: float = 0.0, tls: dict | None = None,
                 scheduler_preload: Path | None = None):
        self.folder = folder
        self.port = _free_port()
        self.address = f"{'tls' if tls else 'tcp'}://127.0.0.1:{self.port}"
        tls_args = ["--tls-ca-file", str(tls["ca"]), "--tls-cert", str(tls["cert"]), "--tls-key", str(tls["key"])] if tls else []
        self.logs = [folder / "scheduler.log", folder / "workers.log"]
        self.scheduler = subprocess.Popen(
            [str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(self.port), "--dashboard-address", "127.0.0.1:0",
             *(["--protocol", "tls"] if tls else []), *tls_args, *(["--preload", str(scheduler_preload)] if scheduler_preload else [])],
            cwd=folder, env=_environment(), stdout=open(self.logs[0], "wb"), stderr=subprocess.STDOUT,
            start_new_session=True)
        preload = []
        if instrument:
            prelude = folder / "worker_prelude.py"
            prelude.write_text(WORKER_PRELUDE)
            preload = ["--preload", str(prelude)]
        self.workers = subprocess.Popen(
            [str(DASK), "worker", self.address, "--nworkers", "auto", "--nthreads", "1", "--host", "127.0.0.1", *tls_args, *preload],
            cwd=folder, env=_environment(SLOW_SECONDS=slow_seconds), stdout=open(self.logs[1], "wb"), stderr=subprocess.STDOUT,
            start_new_session=True)
        self.tls = tls
        self.expected_workers = available_cores()
        self._wait_for_workers(self.expected_workers)

    def client_env(self) -> dict:
        if not self.tls:
            return {"EXTRACT_SCHEDULER": self.address}
        return {"EXTRACT_SCHEDULER": self.address, "EXTRACT_TLS_CA_FILE": self.tls["ca"], "EXTRACT_TLS_CERT": self.tls["cert"],
                "EXTRACT_TLS_KEY": self.tls["key"]}

    def _wait_for_workers(self, n: int, timeout: float = 120) -> None:
        from distributed import Client
        from distributed.security import Security

        security = Security(tls_ca_file=str(self.tls["ca"]), tls_client_cert=str(self.tls["cert"]),
                            tls_client_key=str(self.tls["key"]), require_encryption=True) if self.tls else None
        client = Client(self.address, timeout="60s", security=security)
        try:
            client.wait_for_workers(n, timeout=timeout)
        finally:
            client.close()

    def parsing_pid(self, timeout: float = 240) -> int:
        """The PID of the first worker process whose log line shows it parsing."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.logs[1].read_text(errors="replace").splitlines():
                if "PARSING" in line and " PID " in line:
                    return int(line.rsplit(" PID ", 1)[1].split()[0])
            time.sleep(0.05)
        raise AssertionError("no worker started parsing")

    def close(self) -> None:
        for process in [self.workers, self.scheduler]:
            kill_group(process)


@pytest.fixture
def cluster(tmp_path):
    made = []

    def start(**kwargs) -> Cluster:
        folder = tmp_path / f"cluster{len(made)}"
        folder.mkdir()
        made.append(Cluster(folder, **kwargs))
        return made[-1]

    yield start
    for c in made:
        c.close()


def _make_run(seeds: Path, warehouse: Path, env: dict, log: Path) -> subprocess.Popen:
    """`make run`'s command, from a folder outside the repository."""
    home = warehouse.parent / "dagster_home"
    home.mkdir(exist_ok=True)
    return subprocess.Popen(
        [sys.executable, "-m", "orchestration.cli", "run"], cwd=warehouse.parent,
        env=_environment(SEEDS_DIR=seeds, WAREHOUSE_PATH=warehouse, DAGSTER_HOME=home, **env),
        stdout=open(log, "wb"), stderr=subprocess.STDOUT, start_new_session=True)


def _built_through(warehouse: Path, seeds: Path, env: dict, log: Path) -> str:
    run = _make_run(seeds, warehouse, env, log)
    try:
        assert run.wait(timeout=600) == 0, log.read_text(errors="replace")[-4000:]
    finally:
        kill_group(run)
    return log.read_text(errors="replace")


@pytest.mark.slow
def test_a_warehouse_built_on_a_cluster_started_as_the_readme_says_equals_the_in_process_build(tmp_path, cluster, seed_warehouse):
    workers = cluster()
    warehouse = tmp_path / "w.duckdb"
    text = _built_through(warehouse, SEEDS, workers.client_env(), tmp_path / "run.log")
    assert f"parsing on a cluster: scheduler {workers.address}, {workers.expected_workers} workers" in text
    assert compare(snapshot(warehouse), snapshot(seed_warehouse)) == []


@pytest.mark.slow
def test_a_cluster_over_tls_builds_the_same_warehouse_and_refuses_clients_without_a_certificate(tmp_path, cluster, seed_warehouse):
    certificates = make_certificates(tmp_path / "certs")
    workers = cluster(tls=certificates)
    warehouse = tmp_path / "w.duckdb"
    text = _built_through(warehouse, SEEDS, workers.client_env(), tmp_path / "run.log")
    assert f"parsing on a cluster: scheduler {workers.address}" in text
    assert compare(snapshot(warehouse), snapshot(seed_warehouse)) == []

    # the scheduler speaks TLS only, and to certificates its CA signed
    from distributed import Client

    with pytest.raises((OSError, TimeoutError)):
        Client(workers.address.replace("tls://", "tcp://"), timeout="3s")
    stranger = make_certificates(tmp_path / "stranger")
    from distributed.security import Security

    with pytest.raises((OSError, TimeoutError)):
        Client(workers.address, timeout="3s", security=Security(
            tls_ca_file=str(stranger["ca"]), tls_client_cert=str(stranger["cert"]), tls_client_key=str(stranger["key"]),
            require_encryption=True))


@pytest.mark.slow
def test_a_worker_killed_while_it_parses_loses_nothing(tmp_path, cluster, seed_warehouse):
    workers = cluster(instrument=True, slow_seconds=1.5)
    warehouse = tmp_path / "w.duckdb"
    log = tmp_path / "run.log"
    run = _make_run(SEEDS, warehouse, workers.client_env(), log)
    try:
        victim = workers.parsing_pid()
        time.sleep(0.3)
        os.kill(victim, signal.SIGKILL)  # the worker process, not its nanny (which starts a new one)
        assert run.wait(timeout=600) == 0, log.read_text(errors="replace")[-4000:]
    finally:
        kill_group(run)
    with pytest.raises(ProcessLookupError):
        os.kill(victim, 0)
    assert compare(snapshot(warehouse), snapshot(seed_warehouse)) == []


@pytest.mark.slow
def test_an_article_that_crashes_the_extractor_on_a_worker_fails_alone(tmp_path, cluster):
    workers = cluster(instrument=True)
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "crash.txt").write_text("Shelling kills 3\n\nAt least 3 people were killed, officials said. CRASH_MARKER\n")
    warehouse = tmp_path / "w.duckdb"
    text = _built_through(warehouse, seeds, workers.client_env(), tmp_path / "run.log")
    assert "extraction failed for crash.txt: RuntimeError: extractor bug on purpose" in text
    assert "crash.txt: extraction: extraction failed: RuntimeError: extractor bug on purpose" in text  # the summary
    parsed = query(warehouse, "SELECT a.file_name FROM raw.articles a JOIN raw.extraction_ledger USING (article_id) ORDER BY 1")
    assert [r[0] for r in parsed] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert query(warehouse, "SELECT file_name, failed_check FROM raw.withheld_articles") == [("crash.txt", "extraction")]


# preloaded by a scheduler to stand for one started in an environment the project is not installed in
WITHOUT_PROJECT = '''
import sys
REPO = %r
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f).lower()]
sys.path[:] = [p for p in sys.path if not p.startswith(REPO) and p not in ("", ".")]
for name in [m for m in sys.modules if m == "orchestration" or m.startswith("orchestration.")]:
    del sys.modules[name]
'''


@pytest.mark.slow
def test_a_scheduler_that_cannot_import_the_project_is_named_with_the_fix(tmp_path, cluster):
    from tests.conftest import REPO

    blind = tmp_path / "without_project.py"
    blind.write_text(WITHOUT_PROJECT % str(REPO))
    workers = cluster(scheduler_preload=blind)
    warehouse = tmp_path / "w.duckdb"
    log = tmp_path / "run.log"
    run = _make_run(SEEDS, warehouse, workers.client_env(), log)
    try:
        assert run.wait(timeout=600) == 1
    finally:
        kill_group(run)
    text = log.read_text(errors="replace")
    assert f"the Dask scheduler at {workers.address} cannot import this project (orchestration)" in text
    assert "make install" in text
    assert query(work_path_for(warehouse), "SELECT count(*) FROM raw.extraction_ledger") == [(0,)]
    assert not warehouse.exists()


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


def test_tls_settings_are_checked_before_connecting(monkeypatch, tmp_path):
    from orchestration.warehouse.parsing import ParsingClusterError, cluster_security

    for name in ("EXTRACT_TLS_CA_FILE", "EXTRACT_TLS_CERT", "EXTRACT_TLS_KEY"):
        monkeypatch.delenv(name, raising=False)
    assert cluster_security("tcp://10.0.0.5:8786") is None
    with pytest.raises(ParsingClusterError, match="set EXTRACT_TLS_CA_FILE, EXTRACT_TLS_CERT, EXTRACT_TLS_KEY"):
        cluster_security("tls://10.0.0.5:8786")
    monkeypatch.setenv("EXTRACT_TLS_CA_FILE", str(tmp_path / "ca.pem"))
    with pytest.raises(ParsingClusterError, match="not a tls:// address"):
        cluster_security("tcp://10.0.0.5:8786")
    monkeypatch.setenv("EXTRACT_TLS_CERT", str(tmp_path / "c.pem"))
    monkeypatch.setenv("EXTRACT_TLS_KEY", str(tmp_path / "k.pem"))
    with pytest.raises(ParsingClusterError, match="TLS files not found"):
        cluster_security("tls://10.0.0.5:8786")


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
