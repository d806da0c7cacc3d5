"""Publish stage: the audited working file becomes the warehouse analysts open, in one step."""

import dagster as dg

from orchestration.defs.assets.dbt import dbt_models
from orchestration.defs.checks import suite_digests
from orchestration.defs.resources import WarehouseResource
from orchestration.warehouse import database as wh

# everything published, so that a failed blocking check on any of them stops publishing
PUBLISHED_ASSETS = [dg.AssetKey("raw_articles"), *(dg.AssetKey(f"raw_{t}") for t in wh.EXTRACTION_TABLES),
                    *sorted((k for k in dbt_models.keys if k.path[0] == "marts"), key=lambda k: k.path)]


@dg.asset(
    name="published_warehouse",
    group_name="publish",
    kinds={"duckdb"},
    deps=PUBLISHED_ASSETS,
    description=(
        "The warehouse analysts query (WAREHOUSE_PATH): the raw and marts tables of the run's working file, "
        "copied to a new file and renamed over the old one once every blocking check has passed. A run that "
        "fails a blocking check, or is killed, leaves it as the last good run left it; open read-only sessions "
        "keep reading the old snapshot until they reconnect. meta.publication says which run published it."
    ),
)
def published_warehouse(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    # every blocking suite passed on this run's rows (or Dagster would not run this step): the next
    # run validates row by row only what this publication lacks, while these suites stay as they are
    report = warehouse.publish(run_id=context.run_id, suite_digests=suite_digests())
    before = report.replaced
    replaced = f"replaced the one published by run {before['run_id']} at {before['published_at']}" if before else "first publication"
    context.log.info(f"published {report.tables} tables ({report.rows:,} rows) to {report.path} in {report.seconds:.1f}s; {replaced}")
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(report.path)),
        "tables": report.tables,
        "rows": report.rows,
        "publish_seconds": round(report.seconds, 2),
        "replaced_run": before["run_id"] if before else "none",
        "working_file": dg.MetadataValue.path(str(warehouse.work_path)),
    })
