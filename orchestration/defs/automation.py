"""Automation: a sensor that reruns the pipeline when the seeds folder changes, and a daily rebuild.

The sensor compares content digests of the files on disk with the digests it saw last time
(kept in its cursor), never the database, so it works while a run holds the warehouse lock.
"""

import hashlib
import json

import dagster as dg

from orchestration.defs.resources import SeedsFolder
from orchestration.warehouse.fingerprint import folder_digests

all_assets_job = dg.define_asset_job("build_warehouse", selection=dg.AssetSelection.all(),
                                      description="Ingest, extract, dbt build and quality checks over the whole seeds folder.")


def diff_digests(before: dict[str, str], after: dict[str, str]) -> dict[str, list[str]]:
    return {
        "added": sorted(set(after) - set(before)),
        "changed": sorted(k for k in set(after) & set(before) if after[k] != before[k]),
        "removed": sorted(set(before) - set(after)),
    }


@dg.sensor(job=all_assets_job, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING,
           description="Launches a warehouse build when article files are added, changed or removed in the seeds folder.")
def seeds_folder_sensor(context: dg.SensorEvaluationContext, seeds: SeedsFolder):
    seeds = seeds.root
    if not seeds.is_dir():
        return dg.SkipReason(f"seeds folder {seeds} does not exist")
    current = folder_digests(seeds)
    previous = json.loads(context.cursor) if context.cursor else None
    if previous is not None and previous == current:
        return dg.SkipReason(f"no change in {len(current)} files")
    changes = diff_digests(previous or {}, current)
    summary = ", ".join(f"{len(v)} {k}" for k, v in changes.items() if v) or "first look"
    context.update_cursor(json.dumps(current, sort_keys=True))
    run_key = hashlib.sha256(json.dumps(current, sort_keys=True).encode()).hexdigest()[:16]
    context.log.info(f"seeds changed: {summary}: {json.dumps(changes)}")
    return dg.RunRequest(run_key=run_key, tags={"seeds_change": summary[:200]})


daily_rebuild = dg.ScheduleDefinition(
    name="daily_rebuild", job=all_assets_job, cron_schedule="0 3 * * *",
    default_status=dg.DefaultScheduleStatus.RUNNING, description="Rebuilds the whole warehouse every day at 03:00.",
)
