"""Command line: `python -m orchestration.cli run` builds the warehouse; `summary` prints what it holds.

`run` executes the same job the UI and the sensor launch, on the Dagster instance in
DAGSTER_HOME (default: the project's dagster_home/, which the UI uses too, so the run shows in its
history), then prints rows per table, the quarantined and withheld files and the warehouse path.
"""
from __future__ import annotations

import argparse
import sys
import time

SKIPPED_SHOWN = 30  # a folder of pictures beside the articles is listed in the warehouse, not all here


def summary_text(path) -> str:
    from pathlib import Path

    from orchestration import settings
    from orchestration.library.brief import HTML_FILE, MARKDOWN_FILE
    from orchestration.library.quality.suites import data_docs_index
    from orchestration.warehouse import database as warehouse
    from orchestration.warehouse.publish import publication
    from orchestration.warehouse.withhold import describe, withheld_rows

    if not Path(path).exists():
        return f"\nNothing is published at {path} yet: `make run` builds it (the file appears once a run passes every blocking check)."
    with warehouse.connect(path, read_only=True) as con:
        counts = warehouse.table_counts(con)
        errors = con.execute("SELECT file_name, reason FROM raw.ingest_errors ORDER BY file_name").fetchall()
        skipped = warehouse.skipped_files(con)
        withheld = withheld_rows(con)
    lines = ["", "Warehouse summary", "================="]
    last = publication(path)
    if last:
        lines.append(f"  published by run {last['run_id']} at {last['published_at']:%Y-%m-%d %H:%M:%S} UTC")
    width = max((len(f"{s}.{t}") for s, t, _ in counts), default=10)
    for schema, table, rows in counts:
        if schema not in ("raw", "marts"):
            continue  # what analysts query; staging and intermediate stay in the working file
        lines.append(f"  {schema}.{table}".ljust(width + 4) + f"{rows:>10,}")
    lines.append(f"\nFiles quarantined: {len(errors)}")
    lines += [f"  - {name}: {reason}" for name, reason in errors]
    if skipped:
        lines.append(f"Not articles, left alone: {len(skipped)} (raw.skipped_files)")
        lines += [f"  - {name}: {reason}" for name, _, reason in skipped[:SKIPPED_SHOWN]]
        if len(skipped) > SKIPPED_SHOWN:
            lines.append(f"  … and {len(skipped) - SKIPPED_SHOWN:,} more: SELECT * FROM raw.skipped_files")
    lines.append(f"Articles withheld: {len(withheld)}" + (" (their rows broke a check; every other article is published)"
                                                          if withheld else ""))
    lines += [f"  - {describe(row)}" for row in withheld]
    lines.append(f"\nWarehouse: {path}")
    docs = data_docs_index(settings.data_docs_dir(path))
    if docs.exists():
        lines.append(f"Data Docs: {docs}")
    brief = settings.brief_dir(path) / HTML_FILE
    if brief.exists():
        lines.append(f"Claims brief: {brief} (and {MARKDOWN_FILE} beside it)")
    lines.append(f"Query it:  duckdb -readonly {path}   (or python -c \"import duckdb; "
                 f"print(duckdb.connect('{path}', read_only=True).sql('from marts.dim_articles'))\")")
    return "\n".join(lines)


STEPS = ("raw_articles (ingest)", "extract_articles", "dbt_models", "quality checks", "figure_estimates_chart",
         "published_warehouse", "claims_brief")


def up_to_date(started: float) -> bool:
    """Before Dagster starts: when nothing changed since the last publication, say so and stop.

    Like make, the check that there is nothing to do comes before the tool that would do it:
    importing Dagster and the definitions alone costs several times what the check does. The
    sensor and the schedule still launch Dagster runs, whose first asset makes the same check and
    skips every later step (the UI shows why)."""
    from orchestration import settings
    from orchestration.warehouse.publish import skipped_text, unchanged_since

    published = settings.warehouse_path()
    digest, last = unchanged_since(published, settings.work_path_for(published), settings.seeds_dir())
    if last is None:
        return False
    print(summary_text(published))
    print(f"\n{skipped_text(published, last, digest)}.")
    for step in STEPS:
        print(f"  skipped: {step}")
    print(f"\nNo run launched ({time.perf_counter() - started:.1f}s): edit an article or the code to rebuild.")
    return True


def run(launch: bool = False) -> int:
    started = time.perf_counter()
    if not launch and up_to_date(started):
        return 0
    import dagster as dg

    from orchestration import settings
    from orchestration.definitions import defs

    job = defs.resolve_job_def("build_warehouse")
    settings.ensure_dagster_home()
    instance = dg.DagsterInstance.get()
    print(f"Building {settings.warehouse_path()} from {settings.seeds_dir()} ...", flush=True)
    # INFO, not DEBUG: the user wants progress and problems, not every engine event
    run_config = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}
    result = job.execute_in_process(instance=instance, raise_on_error=False, run_config=run_config)
    elapsed = time.perf_counter() - started
    failed_checks = [
        evt.asset_check_evaluation_data for evt in result.all_events
        if evt.event_type_value == "ASSET_CHECK_EVALUATION" and not evt.asset_check_evaluation_data.passed
    ]
    blocking_failures = 0
    for check in failed_checks:
        level = "CHECK FAILED" if check.severity.value == "ERROR" else "CHECK WARNING"
        blocking_failures += check.severity.value == "ERROR"
        print(f"{level}: {check.asset_key.to_user_string()} {check.check_name}: {check.description}", file=sys.stderr)
    if not result.success or blocking_failures:
        failures = [e for e in result.all_events if e.is_step_failure]
        for event in failures:
            error = event.event_specific_data.error
            while error.cause is not None and (error.cls_name or "").startswith("Dagster"):
                error = error.cause  # the step's own error, not Dagster's wrapper around it
            print(f"STEP FAILED: {event.step_key}: {error.message.strip()}", file=sys.stderr)
        for event in result.all_events:
            # a run that fails outside any step (e.g. it could not get the warehouse lock) says why here
            if event.event_type_value == "PIPELINE_FAILURE" and not failures:
                error = getattr(event.event_specific_data, "error", None)
                print(f"RUN FAILED: {(error.message if error else event.message or '').strip()}", file=sys.stderr)
        from orchestration.warehouse.publish import unchanged_text

        print(f"\nRun {result.run_id} failed after {elapsed:.1f}s: {unchanged_text(settings.warehouse_path())}.\n"
              "See the run in the UI (make ui) for details.", file=sys.stderr)
        return 1
    print(summary_text(settings.warehouse_path()))
    if not any(evt.event_type_value == "ASSET_MATERIALIZATION" for evt in result.all_events):
        print("\nNothing changed since the last publication (the same article files and code): every step was skipped.")
    print(f"\nRun {result.run_id} succeeded in {elapsed:.1f}s.")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m orchestration.cli", description=__doc__)
    parser.add_argument("command", choices=["run", "summary", "checks"],
                        help="run: build and publish; summary: what the published warehouse holds; "
                             "checks: every expectation, its kind (blocking or warning) and why")
    parser.add_argument("--launch", action="store_true",
                        help="run: launch a Dagster run even when nothing changed (it then records, in the UI, each step skipped and why)")
    args = parser.parse_args(argv)
    from orchestration import settings

    try:
        return _command(args, settings)
    except settings.SettingError as err:  # a setting that cannot work: say which and what to do, no traceback
        print(f"error: {err}", file=sys.stderr)
        return 2


def _command(args, settings) -> int:
    if args.command == "run":
        return run(launch=args.launch)

    if args.command == "checks":
        from orchestration.library.quality.suites import checks_table, load_suites

        print(checks_table(load_suites(settings.expectations_dir())))
        return 0

    print(summary_text(settings.warehouse_path()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
