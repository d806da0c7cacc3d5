#!/usr/bin/env python
"""Build a warehouse from a folder of real articles and score it against hand-made gold.

    python scripts/evaluate_warehouse.py [--articles DIR] [--gold DIR] [--keep PATH]

The build is the product's own run (``python -m orchestration.cli run``) on a temporary
warehouse, Dagster home and report folders, so what is scored is what users get. The scorer is
the team's shared one (``../shared/tools/score.py``, or ``$SCORER``); it reads the marts
contract the way users' SQL does and prints every miss with ``--detail``.
It is a report: a failed build is said, and whatever the warehouse holds is still scored.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SCORER = ROOT.parent / "shared" / "tools" / "score.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=ROOT / "tests" / "fixtures" / "real" / "articles")
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "fixtures" / "real" / "gold")
    parser.add_argument("--keep", type=Path, help="write the warehouse here instead of a temporary file")
    parser.add_argument("--detail", action="store_true", help="print every miss")
    args = parser.parse_args()
    scorer = Path(os.environ.get("SCORER") or DEFAULT_SCORER)
    if not scorer.exists():
        print(f"scorer not found: {scorer} (set SCORER to its path)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="evaluate-") as tmp:
        tmp = Path(tmp)
        warehouse = args.keep.resolve() if args.keep else tmp / "warehouse.duckdb"
        (tmp / "dagster_home").mkdir()
        env = {**os.environ, "SEEDS_DIR": str(args.articles.resolve()), "WAREHOUSE_PATH": str(warehouse),
               "DAGSTER_HOME": str(tmp / "dagster_home"), "DATA_DOCS_DIR": str(tmp / "docs"),
               "CHARTS_DIR": str(tmp / "charts")}
        n = len(list(args.articles.glob("*.txt")))
        print(f"== building a warehouse from {n} articles in {args.articles} ...", flush=True)
        build = subprocess.run([sys.executable, "-m", "orchestration.cli", "run"], cwd=ROOT, env=env,
                               capture_output=True, text=True)
        if build.returncode != 0:
            tail = "\n".join((build.stdout + build.stderr).strip().splitlines()[-15:])
            print(f"build FAILED (exit {build.returncode}); scoring what the warehouse holds.\n{tail}")
        print(f"== {scorer.name} {warehouse.name} {args.gold}", flush=True)
        cmd = [sys.executable, str(scorer), str(warehouse), str(args.gold)] + (["--detail"] if args.detail else [])
        return subprocess.run(cmd, cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main())
