"""Everything Dagster loads, assembled in one place (`dagster dev -m orchestration.definitions`)."""
from __future__ import annotations

from pathlib import Path

import dagster as dg

from orchestration import settings
from orchestration.defs.assets.brief import claims_brief
from orchestration.defs.assets.charts import figure_estimates_chart
from orchestration.defs.assets.dbt import dbt_models
from orchestration.defs.assets.extract import extract_articles
from orchestration.defs.assets.ingest import raw_articles
from orchestration.defs.assets.publish import published_warehouse
from orchestration.defs.automation import all_assets_job, daily_rebuild, seeds_folder_sensor
from orchestration.defs.checks import expectation_checks
from orchestration.defs.resources import ReportFolders, SeedsFolder, WarehouseResource


def build_definitions(warehouse_path: Path | str | None = None, seeds_dir: Path | str | None = None,
                      data_docs_dir: Path | str | None = None, charts_dir: Path | str | None = None,
                      brief_dir: Path | str | None = None) -> dg.Definitions:
    """The product's definitions, paths from settings (the environment); tests pass temporary ones."""
    return dg.Definitions(
        assets=[raw_articles, extract_articles, dbt_models, figure_estimates_chart, published_warehouse, claims_brief],
        asset_checks=expectation_checks(),
        jobs=[all_assets_job],
        sensors=[seeds_folder_sensor],
        schedules=[daily_rebuild],
        resources={
            "warehouse": WarehouseResource(path=str(Path(warehouse_path or settings.warehouse_path()).resolve())),
            "seeds": SeedsFolder(path=str(Path(seeds_dir or settings.seeds_dir()).resolve())),
            # the reports folder of the warehouse given: another warehouse never writes over them
            "reports": ReportFolders(data_docs=str(Path(data_docs_dir or settings.data_docs_dir(warehouse_path)).resolve()),
                                     charts=str(Path(charts_dir or settings.charts_dir(warehouse_path)).resolve()),
                                     brief=str(Path(brief_dir or settings.brief_dir(warehouse_path)).resolve())),
        },
        # one process runs the steps one after another: DuckDB allows a single writer per file
        executor=dg.in_process_executor,
    )


defs = build_definitions()
