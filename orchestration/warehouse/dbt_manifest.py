"""The dbt project as Dagster sees it, and keeping its manifest up to date.

dagster-dbt builds assets from target/manifest.json. ``prepare_if_dev`` only runs under
``dagster dev``, so the CLI, the tests and the UI all call ``ensure_manifest`` instead: it
runs ``dbt parse`` when the manifest is missing or older than any dbt source file.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from orchestration import settings

PROJECT_DIR = settings.DBT_PROJECT_DIR
MANIFEST = PROJECT_DIR / "target" / "manifest.json"


def dbt_env(work_path: str | Path | None = None) -> dict[str, str]:
    """dbt reads the file it builds from DBT_DUCKDB_PATH (profiles.yml): the run's working file,
    never the published one (WAREHOUSE_PATH), which only the publish step replaces."""
    path = Path(work_path) if work_path else settings.work_path_for(settings.warehouse_path())
    os.environ["DBT_DUCKDB_PATH"] = str(path.resolve())
    # dbt imports orchestration.warehouse.dbt_functions (its DuckDB plugin) from its own working directory
    paths = os.environ.get("PYTHONPATH", "").split(os.pathsep)
    if str(settings.REPO_ROOT) not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join([str(settings.REPO_ROOT), *filter(None, paths)])
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")  # offline: no telemetry calls
    return dict(os.environ)


def _sources() -> list[Path]:
    files = [PROJECT_DIR / "dbt_project.yml", PROJECT_DIR / "profiles.yml"]
    for folder in ("models", "macros", "seeds", "tests"):
        files += [p for p in (PROJECT_DIR / folder).rglob("*") if p.is_file()]
    return files


def manifest_is_stale() -> bool:
    if not MANIFEST.exists():
        return True
    built = MANIFEST.stat().st_mtime
    return any(p.stat().st_mtime > built for p in _sources())


def ensure_manifest() -> Path:
    if manifest_is_stale():
        dbt = Path(sys.executable).with_name("dbt")
        result = subprocess.run(
            [str(dbt), "parse", "--quiet", "--project-dir", str(PROJECT_DIR), "--profiles-dir", str(PROJECT_DIR)],
            cwd=PROJECT_DIR, env=dbt_env(), capture_output=True, text=True,
        )
        if result.returncode != 0:
            raise RuntimeError(f"dbt parse failed:\n{result.stdout}\n{result.stderr}")
    return MANIFEST


if __name__ == "__main__":
    # `make` runs this after installing, so the first pipeline run does not parse the dbt project
    print(f"dbt manifest: {ensure_manifest()}")
