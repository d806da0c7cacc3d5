"""Benchmark: the whole pipeline on the seeds and on generated corpora, and extraction
throughput next to bare spaCy ``nlp.pipe`` on the same text, in the same run.

    python scripts/benchmark.py                      # seeds + 100 generated articles
    python scripts/benchmark.py --sizes 100 1000 10000 --repeats 3

For each corpus it prints: wall time per stage (ingest, extract, dbt, checks), articles and
words per second, peak memory, the time to rerun after one article changes; then extraction
throughput (parse + every extractor) and bare nlp.pipe throughput on the same bodies with the
same process count, alternated and repeated, as medians and their ratio. Each pipeline run is
a fresh subprocess so its peak memory is its own.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def _one_pipeline_run(seeds: Path, warehouse: Path) -> dict:
    """Run in a child process: the product's job, with step durations and peak memory."""
    import resource

    os.environ["DATA_DOCS_DIR"] = str(warehouse.parent / "data_docs")
    started = time.perf_counter()
    from orchestration.definitions import build_definitions

    import dagster as dg

    defs = build_definitions(warehouse, seeds)
    instance = dg.DagsterInstance.ephemeral()
    result = defs.resolve_job_def("build_warehouse").execute_in_process(
        instance=instance, raise_on_error=False, run_config={"loggers": {"console": {"config": {"log_level": "ERROR"}}}})
    wall = time.perf_counter() - started
    stages = {"ingest": 0.0, "extract": 0.0, "dbt": 0.0, "checks": 0.0, "chart": 0.0}
    named = {"raw_articles": "ingest", "extract_articles": "extract", "dbt_models": "dbt", "figure_estimates_chart": "chart"}
    for step in instance.get_run_step_stats(result.run_id):
        stage = "checks" if step.step_key.startswith("quality_") else named.get(step.step_key, "dbt")
        stages[stage] += (step.end_time or 0) - (step.start_time or 0)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss + resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    failures = [f"{e.step_key}: {e.event_specific_data.error.message.strip()[:300]}" for e in result.all_events if e.is_step_failure]
    return {"success": result.success, "failures": failures, "wall_s": wall, "stages": stages, "peak_mb": peak_kb / 1024}


def run_pipeline(seeds: Path, warehouse: Path) -> dict:
    out = subprocess.run(
        [sys.executable, __file__, "--one-run", str(seeds), str(warehouse)],
        capture_output=True, text=True, cwd=REPO,
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def throughput(warehouse: Path, repeats: int, processes: int) -> dict:
    """Extraction (parse + extractors) vs bare nlp.pipe on the same bodies, alternated."""
    import duckdb

    from orchestration.extraction.nlp import load_nlp
    from orchestration.extraction.pipeline import extract_from_doc
    from orchestration.extraction.records import ArticleInput

    con = duckdb.connect(str(warehouse), read_only=True)
    rows = con.execute("SELECT article_id, body_text, published_date, publisher, title, boilerplate_text FROM raw.articles").fetchall()
    con.close()
    items = [(ArticleInput(r[0], r[1], r[2], r[3], r[4]), r[5] or "") for r in rows]
    words = sum(len(a.body.split()) for a, _ in items)
    nlp = load_nlp()
    bare, full = [], []
    for _ in range(repeats):
        t = time.perf_counter()
        for _doc in nlp.pipe((a.body for a, _ in items), batch_size=16, n_process=processes):
            pass
        bare.append(time.perf_counter() - t)
        t = time.perf_counter()
        docs = nlp.pipe((a.body for a, _ in items), batch_size=16, n_process=processes)
        for (article, boilerplate), doc in zip(items, docs):
            extract_from_doc(doc, article, boilerplate)
        full.append(time.perf_counter() - t)
    bare_wps, full_wps = words / statistics.median(bare), words / statistics.median(full)
    return {"words": words, "bare_wps": bare_wps, "extract_wps": full_wps, "ratio": full_wps / bare_wps}


def bench_corpus(name: str, seeds: Path, repeats: int, processes: int) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"bench_{name}_"))
    try:
        files = sorted(seeds.glob("**/*.txt"))
        words = sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in files)
        cold = run_pipeline(seeds, work / "w.duckdb")
        # one changed article, same warehouse
        changed_seeds = work / "seeds"
        shutil.copytree(seeds, changed_seeds)
        run_pipeline(changed_seeds, work / "w2.duckdb")
        first = sorted(changed_seeds.glob("**/*.txt"))[0]
        first.write_text(first.read_text(encoding="utf-8") + "\nOfficials said 12 more people were killed on Friday.\n", encoding="utf-8")
        rerun = run_pipeline(changed_seeds, work / "w2.duckdb")
        tp = throughput(work / "w.duckdb", repeats, processes)
        return {"name": name, "articles": len(files), "words": words, "cold": cold, "rerun_one_changed_s": rerun["wall_s"], **tp}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(r: dict) -> str:
    c = r["cold"]
    s = c["stages"]
    return "\n".join([
        f"== {r['name']}: {r['articles']:,} articles, {r['words']:,} words",
        f"  full run (fresh warehouse): {c['wall_s']:.1f} s wall  [ingest {s['ingest']:.1f} | extract {s['extract']:.1f} | dbt {s['dbt']:.1f} | checks {s['checks']:.1f} | chart {s['chart']:.1f}]  success={c['success']}",
        f"  throughput: {r['articles'] / c['wall_s']:.1f} articles/s, {r['words'] / c['wall_s']:,.0f} words/s end to end; peak memory {c['peak_mb']:,.0f} MB",
        *[f"  FAILED {f}" for f in c.get("failures", [])],
        f"  rerun after one article changed: {r['rerun_one_changed_s']:.1f} s",
        f"  extraction {r['extract_wps']:,.0f} words/s vs bare nlp.pipe {r['bare_wps']:,.0f} words/s "
        f"on the same text → ratio {r['ratio']:.2f} (median of the repeats)",
    ])


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--one-run":
        print(json.dumps(_one_pipeline_run(Path(sys.argv[2]), Path(sys.argv[3]))))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100], help="generated corpus sizes (default: 100)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--processes", type=int, default=1, help="parser processes for the throughput comparison")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    from scripts.generate_corpus import generate

    results = [bench_corpus("seeds", REPO / "seeds", args.repeats, args.processes)]
    print(report(results[-1]), flush=True)
    for n in args.sizes:
        corpus = Path(tempfile.mkdtemp(prefix=f"corpus_{n}_"))
        try:
            generate(n, corpus)
            results.append(bench_corpus(f"generated_{n}", corpus, args.repeats, args.processes))
            print(report(results[-1]), flush=True)
        finally:
            shutil.rmtree(corpus, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, default=str))


if __name__ == "__main__":
    main()
