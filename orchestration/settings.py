"""Where things live. One place, overridable by environment variables.

SEEDS_DIR       folder of article files (default: <repo>/seeds)
WAREHOUSE_PATH  the published DuckDB file analysts query (default: <repo>/warehouse.duckdb);
                runs build into its working file beside it (see ``work_path_for``)
REPORTS_DIR     the warehouse's reports (default: "<warehouse stem>_reports" beside the warehouse
                file, so two warehouses never write over each other's reports)
DATA_DOCS_DIR   Great Expectations' Data Docs (default: <REPORTS_DIR>/data_docs)
CHARTS_DIR      chart PNGs (default: <REPORTS_DIR>/charts)
BRIEF_DIR       the claims brief, claims_brief.html and claims_brief.md (default: <REPORTS_DIR>)
DAGSTER_HOME    the Dagster instance (default: <repo>/dagster_home, as `make` sets it)
All are resolved to absolute paths so Dagster, dbt (which runs in its own working
directory) and the user's SQL session all see the same files.
"""
from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DBT_PROJECT_DIR = REPO_ROOT / "dbt_project"
EXPECTATIONS_DIR = REPO_ROOT / "expectations"
DAGSTER_HOME = REPO_ROOT / "dagster_home"


def expectations_dir() -> Path:
    """The Great Expectations suites the checks run (EXPECTATIONS_DIR; default the repository's)."""
    return Path(os.environ.get("EXPECTATIONS_DIR") or EXPECTATIONS_DIR).expanduser().resolve()


def seeds_dir() -> Path:
    return Path(os.environ.get("SEEDS_DIR") or REPO_ROOT / "seeds").expanduser().resolve()


# DuckDB's own catalog names. dbt-duckdb names the database after the file's first dotted part, so
# a warehouse file called "main.duckdb" fails every model ("schema main.raw does not exist"), and
# "temp." or "system." fails dbt at once ("Cannot create schema in system catalog"); say so before
# anything runs.
RESERVED_DATABASE_NAMES = frozenset({"main", "temp", "system"})


class SettingError(ValueError):
    """A setting that cannot work, with what to do instead."""


def warehouse_path() -> Path:
    path = Path(os.environ.get("WAREHOUSE_PATH") or REPO_ROOT / "warehouse.duckdb").expanduser().resolve()
    check_warehouse_name(path)
    return path


def check_warehouse_name(path: Path) -> None:
    first = path.name.split(".")[0]
    if first.lower() in RESERVED_DATABASE_NAMES:
        raise SettingError(
            f"WAREHOUSE_PATH {path}: DuckDB reserves the database name {first!r} (as it does "
            f"{', '.join(sorted(RESERVED_DATABASE_NAMES - {first.lower()}))}), and dbt names the database after "
            f"the file; name the warehouse file otherwise, e.g. {path.with_name(first + '_warehouse.duckdb').name}")


def work_path_for(published: Path | str) -> Path:
    """The working file a run builds and audits before publishing: "warehouse.duckdb" →
    "warehouse.work.duckdb", beside it. It keeps the per-article ledger and the staging and
    intermediate models between runs; analysts never need to open it."""
    published = Path(published)
    return published.with_name(f"{published.stem}.work{published.suffix or '.duckdb'}")


def reports_dir(warehouse: Path | str | None = None) -> Path:
    """The warehouse's own reports folder: "warehouse.duckdb" → "warehouse_reports/" beside it
    (``warehouse``: that file, when not WAREHOUSE_PATH's)."""
    if os.environ.get("REPORTS_DIR"):
        return Path(os.environ["REPORTS_DIR"]).expanduser().resolve()
    published = Path(warehouse).expanduser().resolve() if warehouse else warehouse_path()
    return published.with_name(f"{published.stem}_reports")


def data_docs_dir(warehouse: Path | str | None = None) -> Path:
    return Path(os.environ.get("DATA_DOCS_DIR") or reports_dir(warehouse) / "data_docs").expanduser().resolve()


def charts_dir(warehouse: Path | str | None = None) -> Path:
    return Path(os.environ.get("CHARTS_DIR") or reports_dir(warehouse) / "charts").expanduser().resolve()


def brief_dir(warehouse: Path | str | None = None) -> Path:
    """Where the claims brief is written: the reports folder of ``warehouse`` (default WAREHOUSE_PATH)."""
    return Path(os.environ.get("BRIEF_DIR") or reports_dir(warehouse)).expanduser().resolve()


def ensure_dagster_home() -> Path:
    """DAGSTER_HOME, set to the project's dagster_home/ when unset (as `make` does), so the CLI's
    runs land in the instance the UI shows."""
    if not os.environ.get("DAGSTER_HOME"):
        os.environ["DAGSTER_HOME"] = str(DAGSTER_HOME)
    home = Path(os.environ["DAGSTER_HOME"]).expanduser().resolve()
    home.mkdir(parents=True, exist_ok=True)
    return home
