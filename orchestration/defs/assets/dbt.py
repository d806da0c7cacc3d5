"""Staging and marts stages: the dbt project, one Dagster asset per dbt model and seed."""

import hashlib
import importlib.metadata
import shutil
import sys
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, DbtProject, dbt_assets
from packaging import version

from orchestration import settings
from orchestration.defs.resources import WarehouseResource
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


class WarehouseDbtCli(DbtCliResource):
    """dbt as a subprocess, without two start-up costs of dagster-dbt (0.29) that ran before dbt
    itself started, on every run:
    - it ran `dbt --version` in a subprocess (~1.6 s) to learn the version of the dbt beside
      this interpreter, which the installed dbt-core package already says;
    - it opened a dbt adapter in the Dagster process (~2 s importing dbt and loading the
      profile), used only to fetch column metadata and row counts, which this project does not ask for.
    dagster-dbt has no public setting for either, so these two private methods are overridden, with
    dagster-dbt pinned (pyproject.toml); tests/test_dbt_resource.py fails when an upgrade moves them.
    """

    @cached_property
    def _cli_version(self) -> version.Version:
        return version.parse(importlib.metadata.version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args):
        return None


@dbt_assets(manifest=ensure_manifest(), project=dbt_project, dagster_dbt_translator=translator, name="dbt_models")
def dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource):
    dbt_env(warehouse.work_path)  # dbt must write the same file the Python assets wrote
    _remove_per_run_targets()
    yield from dbt.cli(["build"], context=context, target_path=run_target(warehouse.path)).stream()


def _remove_per_run_targets() -> None:
    """Earlier versions left a target/dbt_models-<run> folder per run; they are never read again."""
    for folder in TARGETS.glob("dbt_models-*"):
        shutil.rmtree(folder, ignore_errors=True)


def dbt_resource() -> DbtCliResource:
    # the dbt next to this interpreter: the venv's bin/ need not be on PATH (make run, the UI)
    executable = Path(sys.executable).with_name("dbt")
    return WarehouseDbtCli(project_dir=dbt_project, profiles_dir=str(settings.DBT_PROJECT_DIR), dbt_executable=str(executable))
