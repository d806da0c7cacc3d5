"""Staging and marts stages: the dbt project, one Dagster asset per dbt model and seed."""

import hashlib
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtProject, dbt_assets

# private to dagster-dbt, used as its DbtCliResource.cli() uses them; tests/test_dbt_resource.py
# fails when an upgrade moves them (dagster-dbt is pinned in pyproject.toml)
from dagster_dbt.asset_utils import get_updated_cli_invocation_params_for_context
from dagster_dbt.core.dbt_cli_event import DbtCoreCliEventMessage
from dagster_dbt.dbt_manifest import validate_manifest

from orchestration import settings
from orchestration.defs.assets.previews import table_preview
from orchestration.defs.resources import WarehouseResource
from orchestration.warehouse.dbt_build import stream_build
from orchestration.warehouse.dbt_manifest import dbt_env, ensure_manifest

dbt_project = DbtProject(project_dir=settings.DBT_PROJECT_DIR, profiles_dir=settings.DBT_PROJECT_DIR)


class WarehouseTranslator(DagsterDbtTranslator):
    """Models keyed by schema and name (marts/dim_articles); groups named after the dbt layers."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] in ("model", "seed", "snapshot"):
            return dg.AssetKey([dbt_resource_props["schema"], dbt_resource_props["name"]])
        return super().get_asset_key(dbt_resource_props)

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        schema = dbt_resource_props.get("schema")
        return schema if schema in ("intermediate", "marts") else "staging"  # dbt seeds go with staging


translator = WarehouseTranslator(settings=DagsterDbtTranslatorSettings(enable_duplicate_source_asset_keys=True))


TARGETS = settings.DBT_PROJECT_DIR / "target"


def run_target(warehouse_path: str | Path) -> Path:
    """One dbt target folder per warehouse, re-used by every run that builds it.

    dagster-dbt's default, a new folder per run, left ~6 MB per run behind and made dbt parse the
    whole project each time; a folder per warehouse keeps dbt's partial parse of the previous run.
    Runs on one warehouse never overlap (WarehouseResource holds its run lock); runs on two
    warehouses write to two folders.
    """
    digest = hashlib.sha256(str(Path(warehouse_path).resolve()).encode()).hexdigest()[:12]
    return TARGETS / f"run-{digest}"


@dbt_assets(manifest=ensure_manifest(), project=dbt_project, dagster_dbt_translator=translator, name="dbt_models")
def dbt_models(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    """`dbt build` in this process (orchestration/warehouse/dbt_build.py), each node result turned
    into Dagster events by dagster-dbt's own conversion, as `DbtCliResource.cli().stream()` does."""
    dbt_env(warehouse.work_path)  # dbt must write the same file the Python assets wrote
    _remove_per_run_targets()
    # what the UI asked for: a subset of models or checks becomes dbt selection arguments
    params = get_updated_cli_invocation_params_for_context(context=context, manifest=validate_manifest(ensure_manifest()),
                                                           dagster_dbt_translator=translator)
    args = ["build", *params.selection_args]
    if params.indirect_selection:
        args += ["--indirect-selection", params.indirect_selection]
    target = run_target(warehouse.path)
    for raw_event in stream_build(args, settings.DBT_PROJECT_DIR, target):
        event = DbtCoreCliEventMessage(raw_event=raw_event, event_history_metadata={})
        for output in event.to_default_asset_events(manifest=params.manifest, dagster_dbt_translator=params.dagster_dbt_translator,
                                                    context=context, target_path=target, project=dbt_project):
            yield _with_rows(output, raw_event, warehouse)


# a model's first rows as its asset page shows them: at most this many columns, text shortened
PREVIEW_COLUMNS = 12


def _with_rows(output, raw_event: dict, warehouse: WarehouseResource):
    """A model's materialization with its row count and a preview of its first rows, as the Python
    assets carry; dbt's own metadata (timings, columns) stays. Read through DuckDB in this process,
    which shares the database dbt-duckdb holds open (same file, same configuration)."""
    node = (raw_event.get("data") or {}).get("node_info") or {}
    relation = node.get("node_relation") or {}
    if not isinstance(output, dg.Output) or node.get("resource_type") not in ("model", "seed") or node.get("node_status") != "success":
        return output
    schema, name = relation.get("schema"), relation.get("alias") or relation.get("name")
    if not schema or not name:
        return output
    import duckdb

    table = f'"{schema}"."{name}"'  # from dbt's manifest, not from any input
    con = duckdb.connect(str(warehouse.work_path))
    try:
        rows = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        select = ", ".join('"' + r[0] + '"' for r in con.execute(f"DESCRIBE {table}").fetchall()[:PREVIEW_COLUMNS])
        frame = con.execute(f"SELECT {select} FROM {table} LIMIT 10").df()
    finally:
        con.close()
    return output.with_metadata({**output.metadata, "dagster/row_count": rows, "preview": table_preview(frame)})


def _remove_per_run_targets() -> None:
    """Earlier versions left a target/dbt_models-<run> folder per run; they are never read again."""
    for folder in TARGETS.glob("dbt_models-*"):
        shutil.rmtree(folder, ignore_errors=True)
