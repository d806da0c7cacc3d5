"""Where articles are parsed: in this process, or as Dask tasks on a cluster.

Parsing and extraction (spaCy plus every extractor) is about 90% of a large run. Each task parses
one chunk of articles and sends back only records, as Arrow tables, never spaCy Docs; the run's
own process writes them, so DuckDB keeps its single writer. The same ``extract_chunk`` runs in
this process and on a worker, so both give the same rows.

- ``EXTRACT_SCHEDULER`` unset: below ``PARALLEL_MIN_ARTICLES`` pending articles, this process
  parses (a worker costs seconds to start and load spaCy); from there on, a local Dask cluster
  with one single-threaded worker process per core (``EXTRACT_PROCESSES`` overrides the count;
  1 means this process).
- ``EXTRACT_SCHEDULER=tcp://host:8786`` (or ``tls://``): that cluster's workers parse, whatever
  the corpus size. The scheduler and its workers need this project installed (`make install`: the
  same code, the same spaCy model); before any task is sent, the run checks that each can import
  it and runs the same extractor version, and fails naming the fix when one cannot. With
  ``tls://`` the run's client presents ``EXTRACT_TLS_CERT``/``EXTRACT_TLS_KEY`` and trusts
  ``EXTRACT_TLS_CA_FILE`` (Dask's TLS: the scheduler and workers are started with the same CA).

Faults: Dask reruns the tasks of a worker that dies on the others. An article whose extractor
raises is reported alone; a chunk that keeps killing workers is retried one article per task,
so only the article that kills them is reported as failed.
"""
from __future__ import annotations

import itertools
import logging
import math
import os
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from orchestration.library.extraction.records import ArticleInput
from orchestration.warehouse import database as warehouse

SCHEDULER_ENV = "EXTRACT_SCHEDULER"
PROCESSES_ENV = "EXTRACT_PROCESSES"
TLS_ENV = ("EXTRACT_TLS_CA_FILE", "EXTRACT_TLS_CERT", "EXTRACT_TLS_KEY")
# below this many pending articles one process wins: a worker pays ~3 s to start and load spaCy
PARALLEL_MIN_ARTICLES = 64
MAX_CHUNK_ARTICLES = 16  # articles per task: enough to amortise a task, small enough to spread a corpus
IN_FLIGHT_PER_WORKER = 4  # tasks submitted ahead per worker: keeps every worker busy, memory bounded
CONNECT_TIMEOUT_SECONDS = 10
WORKERS_TIMEOUT_SECONDS = 60

# The local cluster's workers run one long CPU-bound task after another. Dask's defaults for
# general workloads cost them about a tenth of their speed (measured beside a plain process pool
# on 400 articles): a stack-sampling profiler every 10 ms and event-loop ticks every 20 ms take the
# GIL from the parsing thread, and an aggressive malloc trim slows spaCy's allocations.
LOCAL_WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.nanny.pre-spawn-environ": {},
}

# one pending article: (input, boilerplate, content_sha256, file_name)
Pending = tuple[ArticleInput, str, str, str]
log = logging.getLogger(__name__)


class ParsingClusterError(RuntimeError):
    """The configured cluster cannot be used; the message names the setting."""


class ExtractionBrokenError(RuntimeError):
    """Extraction failed for most articles: the cause is the code or where it runs, not the articles."""


# what an extractor error that most articles share says about its cause, and the fix
_CAUSES = [
    (re.compile(r"No module named '?orchestration|deserializ", re.I),
     "the parsing workers (or the Dask scheduler) cannot import this project: install it into their environment "
     "with `make install` in a checkout of the same code (or start them with PYTHONPATH set to that checkout)"),
    (re.compile(r"\[E050\]|Can't find model|en_core_web_sm", re.I),
     "the spaCy model en_core_web_sm is not installed where parsing runs: `make install` installs it"),
    (re.compile(r"KilledWorker|killed its parser worker", re.I),
     "the parsing workers died (out of memory?): see the workers' logs, or give them more memory"),
    (re.compile(r"MemoryError", re.I), "parsing ran out of memory"),
]


def diagnose(errors: Sequence[str]) -> str:
    """One sentence on why most articles failed, from their errors: the commonest error and its likely cause."""
    from collections import Counter

    commonest, count = Counter(e.split("\n")[0][:300] for e in errors).most_common(1)[0]
    cause = next((fix for pattern, fix in _CAUSES if pattern.search(commonest)), "a bug in the extractor or its environment")
    return f"{cause}. The commonest error ({count} of {len(errors)} articles): {commonest}"


@dataclass
class ChunkResult:
    """What one task sends back: rows per raw table, ledger entries, and the articles that failed."""

    tables: dict  # raw table name -> pyarrow.Table
    ledger: list[tuple[str, str, object]] = field(default_factory=list)  # (article_id, content_sha256, reference_date)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file_name, error)
    words: int = 0


def extract_chunk(chunk: Sequence[Pending]) -> ChunkResult:
    """Parse and extract a chunk of articles; one article's extractor error never loses the others."""
    from orchestration.library.extraction.nlp import load_nlp
    from orchestration.library.extraction.pipeline import extract_from_doc

    nlp = load_nlp()
    rows: dict[str, list] = {table: [] for table in warehouse.EXTRACTION_TABLES}
    result = ChunkResult(tables={})
    for (article, boilerplate, sha, file_name), doc in zip(chunk, nlp.pipe((c[0].body for c in chunk), batch_size=16)):
        try:
            extraction = extract_from_doc(doc, article, boilerplate)
        except Exception as exc:  # reported per article, the run goes on
            result.failed.append((file_name, f"{type(exc).__name__}: {exc}"))
            continue
        for table in warehouse.EXTRACTION_TABLES:
            rows[table].extend(getattr(extraction, warehouse.EXTRACTION_ATTRS[table]))
        result.ledger.append((extraction.article_id, sha, article.reference_date))
        result.words += len(article.body.split())
    result.tables = {table: warehouse.rows_to_arrow(record_type, rows[table])
                     for table, record_type in warehouse.EXTRACTION_TABLES.items()}
    return result


def chunks(items: Sequence, workers: int) -> list[list]:
    """Chunks of at most MAX_CHUNK_ARTICLES, at least two per worker where the corpus allows."""
    size = max(1, min(MAX_CHUNK_ARTICLES, math.ceil(len(items) / max(1, 2 * workers))))
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def local_workers(n_articles: int) -> int:
    """Worker processes of the local cluster, or 1 for this process alone."""
    configured = os.environ.get(PROCESSES_ENV)
    if configured:
        try:
            wanted = int(configured)
        except ValueError:
            raise ValueError(f"{PROCESSES_ENV} must be a whole number, got {configured!r}") from None
        return max(1, wanted) if n_articles >= 2 else 1
    return available_cores() if n_articles >= PARALLEL_MIN_ARTICLES else 1


def scheduler_address() -> str | None:
    """EXTRACT_SCHEDULER, checked for form: tcp://host:port (or host:port)."""
    address = (os.environ.get(SCHEDULER_ENV) or "").strip()
    if not address:
        return None
    if not re.fullmatch(r"(?:(?:tcp|tls)://)?[\w.\-\[\]:]+:\d{1,5}", address):
        raise ParsingClusterError(
            f"{SCHEDULER_ENV}={address!r} is not a Dask scheduler address: expected tcp://host:port, "
            "for example tcp://10.0.0.5:8786. Unset it to parse on this machine.")
    return address if "://" in address else f"tcp://{address}"


def cluster_security(address: str):
    """Dask TLS settings for ``address``: a tls:// scheduler needs all of EXTRACT_TLS_CA_FILE,
    EXTRACT_TLS_CERT and EXTRACT_TLS_KEY; TLS settings beside a tcp:// address are a mistake
    (the traffic would go in the clear), so both are errors naming the settings."""
    given = {name: (os.environ.get(name) or "").strip() for name in TLS_ENV}
    if not address.startswith("tls://"):
        if any(given.values()):
            raise ParsingClusterError(
                f"{', '.join(n for n, v in given.items() if v)} set, but {SCHEDULER_ENV}={address} is not a tls:// "
                "address: the scheduler would be reached without encryption. Use tls://host:port.")
        return None
    missing = [name for name, value in given.items() if not value]
    if missing:
        raise ParsingClusterError(f"{SCHEDULER_ENV}={address} uses TLS: set {', '.join(missing)} (the CA that "
                                  "signed the cluster's certificates, and this client's certificate and key).")
    absent = [f"{name}={value}" for name, value in given.items() if not os.path.isfile(value)]
    if absent:
        raise ParsingClusterError(f"TLS files not found: {', '.join(absent)}")
    from distributed.security import Security

    ca, cert, key = (given[name] for name in TLS_ENV)
    return Security(tls_ca_file=ca, tls_client_cert=cert, tls_client_key=key, require_encryption=True)


def check_cluster_code(client, address: str) -> None:
    """Before any task: the scheduler (which unpickles the task graph) and every worker can import
    this project, and the workers run the extractor version this run would record in the ledger."""
    from importlib.util import find_spec

    from orchestration.warehouse.extract_pending import extractor_version

    fix = ("install the project into its environment (`make install` in a checkout of the same code, which installs "
           "it editable) and restart it; or start it with PYTHONPATH set to that checkout")
    if client.run_on_scheduler(find_spec, "orchestration") is None:
        raise ParsingClusterError(f"the Dask scheduler at {address} cannot import this project (orchestration): {fix}.")
    blind = sorted(worker for worker, spec in client.run(find_spec, "orchestration").items() if spec is None)
    if blind:
        raise ParsingClusterError(f"{len(blind)} Dask worker(s) of {address} cannot import this project (orchestration): "
                                  f"{', '.join(blind[:5])}: {fix}.")
    ours = extractor_version()
    other = sorted(worker for worker, version in client.run(extractor_version).items() if version != ours)
    if other:
        raise ParsingClusterError(
            f"{len(other)} Dask worker(s) of {address} run other extraction code than this run ({', '.join(other[:5])}): "
            "their rows would not match the ledger. Update their checkout to the same commit and restart them.")


def _worker_plugin():
    """A worker plugin: each worker loads the spaCy model once, when it joins, not once per task."""
    from distributed import WorkerPlugin

    class LoadModel(WorkerPlugin):
        name = "conflict-claims-spacy"

        def setup(self, worker) -> None:
            from orchestration.library.extraction.nlp import load_nlp

            load_nlp()

    return LoadModel()


@dataclass
class Engine:
    """Parses pending articles; ``describe`` is what the run's log and the asset's metadata say."""

    client: object = None  # distributed.Client, or None for this process
    kind: str = "in-process"  # in-process, local cluster, or cluster
    address: str | None = None
    dashboard: str | None = None
    workers: int = 1
    tasks: int = 0

    def describe(self) -> dict:
        return {"engine": self.kind, "scheduler": self.address or "none", "workers": self.workers,
                "tasks": self.tasks, "dashboard": self.dashboard or "none"}

    def results(self, pending: Sequence[Pending]) -> Iterator[ChunkResult]:
        parts = chunks(pending, self.workers)
        self.tasks = len(parts)
        if self.client is None:
            for part in parts:
                yield extract_chunk(part)
            return
        yield from self._on_cluster(parts)

    def _on_cluster(self, parts: list[list]) -> Iterator[ChunkResult]:
        """Results as tasks finish. At most IN_FLIGHT_PER_WORKER tasks per worker are submitted at a
        time, so the scheduler and the workers hold a few chunks each, not the whole corpus."""
        from distributed import as_completed

        waiting = iter(parts)
        part_of = {}
        running = as_completed()
        retry_alone = []

        def submit(part: list) -> None:
            future = self.client.submit(extract_chunk, part, pure=False)
            part_of[future.key] = part
            running.add(future)

        for part in itertools.islice(waiting, IN_FLIGHT_PER_WORKER * max(1, self.workers)):
            submit(part)
        for future in running:
            part = part_of.pop(future.key)
            try:
                yield future.result()
            except Exception as exc:  # the chunk killed its workers (KilledWorker) or could not run
                log.warning(f"a task of {len(part)} articles failed ({type(exc).__name__}: {exc}); "
                            "retrying its articles one per task")
                retry_alone.extend(part)
            future.release()  # its records are written: free the worker's copy
            following = next(waiting, None)
            if following is not None:
                submit(following)
        for item in retry_alone:
            self.tasks += 1
            future = self.client.submit(extract_chunk, [item], pure=False)
            try:
                yield future.result()
            except Exception as exc:
                yield ChunkResult(tables={}, failed=[(item[3], f"killed its parser worker: {type(exc).__name__}: {exc}")])
            future.release()


@contextmanager
def engine(n_pending: int, on_info=None) -> Iterator[Engine]:
    """The engine for ``n_pending`` articles, connected before anything is written; closed after."""
    say = on_info or log.info
    address = scheduler_address()
    if address is None and local_workers(n_pending) <= 1:
        yield Engine()
        return
    from distributed import Client, LocalCluster

    if address is not None:
        security = cluster_security(address)
        try:
            client = Client(address, timeout=f"{CONNECT_TIMEOUT_SECONDS}s", security=security)
        except (OSError, TimeoutError) as exc:
            raise ParsingClusterError(
                f"{SCHEDULER_ENV}={address}: no Dask scheduler answered within {CONNECT_TIMEOUT_SECONDS}s ({exc}). "
                "Start one there (dask scheduler) with workers (dask worker <address>), or unset "
                f"{SCHEDULER_ENV} to parse on this machine.") from exc
        try:
            client.wait_for_workers(1, timeout=WORKERS_TIMEOUT_SECONDS)
        except (OSError, TimeoutError) as exc:
            client.close()
            raise ParsingClusterError(
                f"{SCHEDULER_ENV}={address}: the scheduler has no workers after {WORKERS_TIMEOUT_SECONDS}s; "
                "start some with: dask worker " + address) from exc
        try:
            check_cluster_code(client, address)
        except BaseException:
            client.close()
            raise
        cluster = None
        kind = "cluster"
    else:
        import dask

        workers = local_workers(n_pending)
        with dask.config.set(LOCAL_WORKER_CONFIG):  # read when the workers are spawned
            cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                                   dashboard_address="127.0.0.1:0")
        client = Client(cluster)
        kind = "local cluster"
    try:
        client.register_plugin(_worker_plugin())
        current = Engine(client=client, kind=kind, address=client.scheduler.address,
                         dashboard=client.dashboard_link, workers=len(client.scheduler_info()["workers"]))
        say(f"parsing on a {kind}: scheduler {current.address}, {current.workers} workers, "
            f"dashboard {current.dashboard or 'unavailable'}")
        yield current
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
