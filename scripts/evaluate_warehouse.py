#!/usr/bin/env python
"""Build a warehouse from the real-page development corpus and score it against hand-made gold,
on its two parts: the *tune* part, whose misses developers read, and the blind *check* part,
whose scores are printed as totals only.

    python scripts/evaluate_warehouse.py [--articles DIR] [--gold DIR] [--keep PATH] [--detail]
                                         [--record FILE] [--json FILE]

The build is the product's own run (``python -m orchestration.cli run``) on a temporary
warehouse, Dagster home and reports folder, so what is scored is what users get. The scorer is
the team's shared one (``../shared/tools/score.py``, or ``$SCORER``); it reads the marts contract
the way users' SQL does. ``--detail`` lists the tune part's misses, never the check part's.

The split is fixed: ``part_of`` puts each file in one part by a hash of its name, except the
pages read while writing rules before the split existed (numbers below 50), which are tune pages.
A change that lifts tune while check stays flat memorized the tune pages: take it out.
It is a report: a failed build is said, and whatever the warehouse holds is still scored.
``--record`` writes both parts' headline scores to tests/fixtures/real/scores.json: the regression
guard in ``make test`` (tests/test_extraction_quality.py) fails when a score drops more than 0.02
below what that file records. Record on purpose, after a change that is meant to move them.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "real"
# the team's shared scorer; the repository keeps a copy of it (tests check the two are the same
# wherever the shared one is present) so that a clean clone scores too
SHARED_SCORER = ROOT.parent / "shared" / "tools" / "score.py"
KEPT_SCORER = CORPUS / "score.py"
RECORDED = CORPUS / "scores.json"  # the scores make test holds the extractor to (updated on purpose)
PARTS = ("tune", "check")
# the pages of the corpus before the split (10_... to 49_...): their misses were read, so never check pages
READ_BEFORE_SPLIT = 50
CHECK_SHARE = 50  # percent of the later pages that are check pages: about 40% of the whole corpus
# what the closing notes and the regression guard quote, in this order
HEADLINE = ("figures.recall", "figures.precision", "figures.claimant", "figures.count_type", "sources.recall",
            "meta.publisher", "actors.recall", "actors.precision", "actors.resolution", "quotes.speaker")


def part_of(file_name: str) -> str:
    """tune or check, fixed by the file's name."""
    number = file_name.split("_", 1)[0]
    if number.isdigit() and int(number) < READ_BEFORE_SPLIT:
        return "tune"
    return "check" if int(hashlib.sha256(file_name.encode()).hexdigest(), 16) % 100 < CHECK_SHARE else "tune"


def scorer_path() -> Path:
    """$SCORER, else the shared scorer beside the repository, else the repository's copy of it."""
    if os.environ.get("SCORER"):
        return Path(os.environ["SCORER"])
    return SHARED_SCORER if SHARED_SCORER.exists() else KEPT_SCORER


def headline(parts: dict[str, tuple]) -> dict[str, dict[str, float | None]]:
    """part -> the headline metrics' scores, rounded as printed."""
    return {part: {key: (None if parts[part][0].get(key) is None else round(parts[part][0][key], 3)) for key in HEADLINE}
            for part in PARTS}


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(articles: Path, warehouse: Path, tmp: Path) -> subprocess.CompletedProcess:
    (tmp / "dagster_home").mkdir(exist_ok=True)
    env = {**os.environ, "SEEDS_DIR": str(articles.resolve()), "WAREHOUSE_PATH": str(warehouse),
           "DAGSTER_HOME": str(tmp / "dagster_home"), "REPORTS_DIR": str(tmp / "reports")}
    for name in ("DATA_DOCS_DIR", "CHARTS_DIR"):
        env.pop(name, None)
    return subprocess.run([sys.executable, "-m", "orchestration.cli", "run"], cwd=ROOT, env=env, capture_output=True, text=True)


def score_parts(scorer, warehouse: Path, gold: Path, tmp: Path) -> dict[str, tuple]:
    """part -> the scorer's (result, counts, missing, notes, tally) on that part's gold files."""
    out = {}
    for part in PARTS:
        folder = tmp / f"gold_{part}"
        folder.mkdir(exist_ok=True)
        for path in sorted(gold.glob("*.json")):
            if part_of(path.stem + ".txt") == part:
                shutil.copy(path, folder / path.name)
        out[part] = scorer.score(str(warehouse), str(folder), part == "tune")
    return out


def source_precision(scorer, warehouse: Path, gold: Path) -> dict[str, tuple[int, int]]:
    """part -> (cited sources that are gold sources, cited sources): the team's own measure, since the
    shared scorer counts sources found, never sources wrongly cited. Per article, each distinct
    source its citations or figures' outlets name (the publisher row left out), matched with the
    scorer's loose name equality against the page's gold sources, borderline ones included."""
    arts, _actors, sources, _m, figs, _e, _q, cites = scorer.load(scorer.Warehouse(warehouse))
    by_stem = {Path(a["file_name"]).stem: a["article_id"] for a in arts}
    out = {part: (0, 0) for part in PARTS}
    for path in sorted(gold.glob("*.json")):
        aid = by_stem.get(path.stem)
        if aid is None:
            continue
        wanted = [s if isinstance(s, str) else s["name"] for s in json.loads(path.read_text()).get("sources", [])]
        ids = {c["source_id"] for c in cites if c["article_id"] == aid and c.get("source_id")}
        ids |= {f["reported_via_source_id"] for f in figs if f["article_id"] == aid and f.get("reported_via_source_id")}
        hit = sum(scorer.any_match(scorer.source_names(sources, sid), wanted) for sid in ids)
        part = part_of(path.stem + ".txt")
        out[part] = (out[part][0] + hit, out[part][1] + len(ids))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=CORPUS / "articles")
    parser.add_argument("--gold", type=Path, default=CORPUS / "gold")
    parser.add_argument("--keep", type=Path, help="write the warehouse here instead of a temporary file")
    parser.add_argument("--warehouse", type=Path, help="score this built warehouse instead of building one")
    parser.add_argument("--detail", action="store_true", help="print every miss of the tune part")
    parser.add_argument("--json", type=Path, help="write both parts' scores and counts here")
    parser.add_argument("--record", action="store_true",
                        help=f"write both parts' headline scores to {RECORDED.relative_to(ROOT)} (what make test holds to)")
    args = parser.parse_args()
    scoring = scorer_path()
    if not scoring.exists():
        print(f"scorer not found: {scoring} (set SCORER to its path)", file=sys.stderr)
        return 2
    scorer = load_scorer(scoring)
    with tempfile.TemporaryDirectory(prefix="evaluate-") as tmp:
        tmp = Path(tmp)
        warehouse = args.warehouse or (args.keep.resolve() if args.keep else tmp / "warehouse.duckdb")
        if not args.warehouse:
            n = sum(1 for p in args.articles.iterdir() if p.is_file())
            print(f"== building a warehouse from {n} articles in {args.articles} ...", flush=True)
            done = build(args.articles, warehouse, tmp)
            if done.returncode != 0:
                tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-15:])
                print(f"build FAILED (exit {done.returncode}); scoring what the warehouse holds.\n{tail}")
        parts = score_parts(scorer, warehouse, args.gold, tmp)
        precision = source_precision(scorer, warehouse, args.gold)
    files = {part: sum(1 for p in args.gold.glob("*.json") if part_of(p.stem + ".txt") == part) for part in PARTS}
    print(f"== {scoring.name}: tune part ({files['tune']} pages, misses readable) | check part ({files['check']} pages, "
          "blind: totals only)")
    keys = list(parts["tune"][0])
    for key in keys:
        print(f"{key:22s} {parts['tune'][4].fmt(key):>18s} | {parts['check'][4].fmt(key):>18s}")
    # the team's own measure beside the scorer's (the scorer has no sources precision)
    cells = [f"{h / n:.2f} ({h}/{n})" if n else "-" for h, n in (precision[part] for part in PARTS)]
    print(f"{'sources.precision*':22s} {cells[0]:>18s} | {cells[1]:>18s}   (* team measure: cited sources that are gold sources)")
    for part in PARTS:
        for missing in parts[part][2]:
            print(f"missing ({part}): {missing}")
    if args.detail:
        print("== tune part, every miss:")
        for note in parts["tune"][3]:
            print("  ", note)
    if args.record:
        RECORDED.write_text(json.dumps(headline(parts), indent=1, sort_keys=True) + "\n")
        print(f"recorded the headline scores in {RECORDED.relative_to(ROOT)}")
    if args.json:
        args.json.write_text(json.dumps({part: {"scores": parts[part][0], "counts": parts[part][1], "pages": files[part]}
                                         for part in PARTS}, indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
