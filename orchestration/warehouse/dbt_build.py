"""`dbt build` in the run's own process, its node results streamed as they finish.

dagster-dbt runs dbt as a subprocess. On the seeds that subprocess's start-up (a new interpreter
importing dbt, loading the profile and the adapter, partially parsing the project) took longer
than the 86 nodes it then ran: the dbt step took 7.0 s in the run, of which dbt reported 2.9 s
running nodes. In this process dbt is already imported (dagster-dbt imports it to define the
assets), so `dbtRunner` costs only the parse and the nodes.

dbt runs in a worker thread and reports through a callback; its result events are handed to
the caller as they come, so the UI shows each model materialized when dbt finishes it, not
when the whole build ends. No Dagster here: the asset converts the events (defs/assets/dbt.py).
"""
from __future__ import annotations

import queue
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

# the events that say a node finished; dagster-dbt turns these into materializations and checks
RESULT_EVENTS = frozenset({"LogSeedResult", "LogModelResult", "LogSnapshotResult", "LogTestResult"})
_DONE = object()


class DbtBuildFailed(RuntimeError):
    """dbt finished with failed nodes or could not run at all; the message carries dbt's own errors."""


def stream_build(args: Sequence[str], project_dir: str | Path, target_path: str | Path) -> Iterator[dict[str, Any]]:
    """Run `dbt <args>` in this process; yield each node result as dbt's structured-log dict.

    Raises DbtBuildFailed after the last event when the build did not succeed, so every node that
    did finish is still reported first.
    """
    from dbt.cli.main import dbtRunner
    from dbt_common.events.functions import msg_to_dict

    events: queue.Queue = queue.Queue()
    errors: list[str] = []
    outcome: dict[str, Any] = {}

    def on_event(msg) -> None:
        name, level = msg.info.name, msg.info.level
        if name in RESULT_EVENTS:
            events.put(msg_to_dict(msg))
        if level == "error" and msg.info.msg:
            errors.append(msg.info.msg)

    target = str(Path(target_path).resolve())
    argv = [*args, "--project-dir", str(Path(project_dir).resolve()), "--profiles-dir", str(Path(project_dir).resolve()),
            "--target-path", target, "--log-path", target]

    def build() -> None:
        try:
            outcome["result"] = dbtRunner(callbacks=[on_event]).invoke(argv)
        except BaseException as exc:  # handed to the caller's thread below
            outcome["exception"] = exc
        finally:
            _close_duckdb()
            events.put(_DONE)

    worker = threading.Thread(target=build, name="dbt-build", daemon=True)
    worker.start()
    while (event := events.get()) is not _DONE:
        yield event
    worker.join()

    if "exception" in outcome:
        raise DbtBuildFailed(f"dbt {' '.join(args)} could not run: {outcome['exception']}") from outcome["exception"]
    result = outcome["result"]
    if not result.success:
        detail = "\n\n".join(errors) or str(result.exception or "no error message from dbt")
        raise DbtBuildFailed(f"dbt {' '.join(args)} failed:\n\n{detail}")


def _close_duckdb() -> None:
    """Close the DuckDB database dbt-duckdb keeps open in this process after a build.

    dbt-duckdb holds one database per process in a class attribute and leaves it open when the
    invocation ends. The run's next steps open the same file read-only, which DuckDB refuses
    while a read-write instance of it is open in the process ("different configuration"), and a
    DuckDB file must be closed before the publish step copies it. dbt-duckdb has no public call
    for this; tests/test_dbt_resource.py fails if these attributes move.
    """
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    with DuckDBConnectionManager._LOCK:
        environment = DuckDBConnectionManager._ENV
        if environment is not None:
            environment.close()
        DuckDBConnectionManager._ENV = None

