"""Where things live. One place, overridable by environment variables.

SEEDS_DIR       folder of article files (default: <repo>/seeds)
WAREHOUSE_PATH  the published DuckDB file analysts query (default: <repo>/warehouse.duckdb);
                runs build into its working file beside it (see ``work_path_for``)
CHARTS_DIR      where chart PNGs are written (default: <repo>/reports/charts)
Both are resolved to absolute paths so Dagster, dbt (which runs in its own working
directory) and the user's SQL session all see the same files.
"""
from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"
EXPECTATIONS_DIR = REPO_ROOT / "expectations"
REPORTS_DIR = REPO_ROOT / "reports"


def seeds_dir() -> Path:
    return Path(os.environ.get("SEEDS_DIR") or REPO_ROOT / "seeds").expanduser().resolve()


def warehouse_path() -> Path:
    return Path(os.environ.get("WAREHOUSE_PATH") or REPO_ROOT / "warehouse.duckdb").expanduser().resolve()


def work_path_for(published: Path | str) -> Path:
    """The working file a run builds and audits before publishing: "warehouse.duckdb" →
    "warehouse.work.duckdb", beside it. It keeps the per-article ledger and the staging and
    intermediate models between runs; analysts never need to open it."""
    published = Path(published)
    return published.with_name(f"{published.stem}.work{published.suffix or '.duckdb'}")


def data_docs_dir() -> Path:
    return Path(os.environ.get("DATA_DOCS_DIR") or REPORTS_DIR / "data_docs").expanduser().resolve()


def charts_dir() -> Path:
    return Path(os.environ.get("CHARTS_DIR") or REPORTS_DIR / "charts").expanduser().resolve()
