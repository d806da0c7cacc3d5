"""Automation: a sensor that builds the seeds folder whenever it differs from what is published,
and a daily rebuild.

The sensor compares the digest of the article files on disk with the one the published warehouse
was built from (``meta.publication.articles_digest``, read from the published file, which runs
never write in place, so reading it never waits for a run). Any folder state that is not the
published one is built, a return to an earlier state included. The run key is that digest and
the publication it would replace: while a run for it is under way or has failed, the same key
launches nothing again, and the next publication (or edit) makes a new key.
"""

import json
import os

import dagster as dg

from orchestration.defs.resources import SeedsFolder, WarehouseResource
from orchestration.warehouse.fingerprint import articles_digest, folder_digests
from orchestration.warehouse.publish import publication

# how often the daemon evaluates the sensor, and when the daily rebuild runs; tests shorten them
SENSOR_INTERVAL_SECONDS = int(os.environ.get("SEEDS_SENSOR_INTERVAL_SECONDS") or 30)
DAILY_REBUILD_CRON = os.environ.get("DAILY_REBUILD_CRON") or "0 3 * * *"

all_assets_job = dg.define_asset_job("build_warehouse", selection=dg.AssetSelection.all(),
                                      description="Ingest, extract, dbt build and quality checks over the whole seeds folder.")


def diff_digests(before: dict[str, str], after: dict[str, str]) -> dict[str, list[str]]:
    return {
        "added": sorted(set(after) - set(before)),
        "changed": sorted(k for k in set(after) & set(before) if after[k] != before[k]),
        "removed": sorted(set(before) - set(after)),
    }


@dg.sensor(job=all_assets_job, minimum_interval_seconds=SENSOR_INTERVAL_SECONDS, default_status=dg.DefaultSensorStatus.RUNNING,
           description="Launches a warehouse build whenever the seeds folder's article files differ from the ones the "
                       "published warehouse was built from: added, changed, removed, or put back as they were.")
def seeds_folder_sensor(context: dg.SensorEvaluationContext, seeds: SeedsFolder, warehouse: WarehouseResource):
    folder = seeds.root
    if not folder.is_dir():
        return dg.SkipReason(f"seeds folder {folder} does not exist")
    current = folder_digests(folder)
    digest = articles_digest(folder, current)
    last = publication(warehouse.path) or {}
    if last.get("articles_digest") == digest:
        context.update_cursor(json.dumps(current, sort_keys=True))
        return dg.SkipReason(f"the published warehouse (run {last.get('run_id')}) was built from these {len(current)} files")
    # the cursor holds the folder as last seen, only to say what changed
    previous = json.loads(context.cursor) if context.cursor else {}
    changes = diff_digests(previous, current)
    summary = ", ".join(f"{len(v)} {k}" for k, v in changes.items() if v) or "not yet published"
    context.update_cursor(json.dumps(current, sort_keys=True))
    run_key = f"{digest}-after-{last.get('run_id') or 'none'}"
    context.log.info(f"seeds differ from the published warehouse: {summary}: {json.dumps(changes)}")
    return dg.RunRequest(run_key=run_key, tags={"seeds_change": summary[:200], "articles_digest": digest})


daily_rebuild = dg.ScheduleDefinition(
    name="daily_rebuild", job=all_assets_job, cron_schedule=DAILY_REBUILD_CRON,
    default_status=dg.DefaultScheduleStatus.RUNNING, description="Rebuilds the whole warehouse every day at 03:00 (DAILY_REBUILD_CRON).",
)
