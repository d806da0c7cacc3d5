"""Benchmark: the whole pipeline on the seeds and on generated corpora, and extraction
throughput next to bare spaCy ``nlp.pipe`` on the same text, in the same run.

    python scripts/benchmark.py                            # seeds + 100 generated articles
    python scripts/benchmark.py --sizes 100 1000 10000     # the issue's three sizes

First it times the floor, the stack's own start-up: one process that imports dagster,
dagster_dbt, dbt and great_expectations, loads the spaCy model and runs nlp.pipe over the
seeds (median of --runs). For each corpus it prints:
  * the full run from a fresh warehouse: wall time per stage (ingest, extract, dbt, checks,
    chart, publish, brief), articles and words per second, peak memory of the whole process tree (the
    run and its parser workers, sampled); the median of --runs fresh runs for corpora up to 100
    articles, one run above that;
  * a rerun with nothing changed, as `make run` (which checks before starting Dagster) and as a
    Dagster run that skips every step (`run --launch`, what the sensor and schedule launch), then
    a rerun after one article changes, in that same warehouse;
  * each of those runs as a ratio to the floor, and at the end the one-change reruns by warehouse size;
  * extraction (parse + every extractor) vs bare ``nlp.pipe`` with the same model on the same
    text, one process, alternated and repeated (medians and their ratio); and the extract
    stage's own rate in the run (parser workers, database writes) vs bare ``nlp.pipe`` with
    the same number of processes. Corpora over --sample articles are compared on an evenly
    spaced sample of that many articles, which the line says.
Each pipeline run is `python -m orchestration.cli run`, the command `make run` runs, timed from
the outside (interpreter start-up included) with a Dagster instance of its own.

Ingest throughput by kind of file comes first: the ingest stage's own code (sync_articles: list
the folder, read each file, store raw.articles) on a folder of --ingest-files files of one kind,
text (the seeds), Markdown, saved web pages, single-file archives, PDFs (a printed page and a
report), Word documents, into a fresh DuckDB file: files, words and megabytes per second. The web
pages are tests/fixtures/formats/article.html, or the 181 real pages of the article-extraction
benchmark with --pages (its html/ folder of .html.gz files). `--ingest-only` stops there.
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
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def _stage_times(dagster_home: Path) -> dict:
    """Step durations and parse counts of the newest run in ``dagster_home``, grouped by stage."""
    import dagster as dg

    os.environ["DAGSTER_HOME"] = str(dagster_home)
    with dg.DagsterInstance.get() as instance:
        run = instance.get_runs(limit=1)[0]
        stages = {"ingest": 0.0, "extract": 0.0, "dbt": 0.0, "checks": 0.0, "chart": 0.0, "publish": 0.0, "brief": 0.0}
        named = {"raw_articles": "ingest", "extract_articles": "extract", "dbt_models": "dbt",
                 "figure_estimates_chart": "chart", "published_warehouse": "publish", "claims_brief": "brief"}
        for step in instance.get_run_step_stats(run.run_id):
            stage = "checks" if step.step_key.startswith("quality_") else named.get(step.step_key, "dbt")
            stages[stage] += (step.end_time or 0) - (step.start_time or 0)
        parsed = {}
        for record in instance.get_records_for_run(run.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION).records:
            meta = record.event_log_entry.dagster_event.event_specific_data.materialization.metadata
            if "articles_parsed" in meta:
                parsed = {"articles_parsed": meta["articles_parsed"].value, "parse_processes": meta["parse_processes"].value}
    return {"stages": stages, **parsed}


def _tree_rss_mb(root: int) -> float:
    """Resident memory of ``root`` and all its descendants (parser workers, dbt), from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                ppid = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            pass
        todo.extend(children.get(pid, []))
    return total / 2**20


def run_pipeline(seeds: Path, warehouse: Path, *extra: str) -> dict:
    """`python -m orchestration.cli run` (what `make run` runs) on ``seeds`` into ``warehouse``, timed
    from the outside, sampling the process tree's memory every 0.2 s; stage times come from the
    run's record in a Dagster instance of its own."""
    home = warehouse.parent / "dagster_home"
    home.mkdir(exist_ok=True)
    shutil.copy(REPO / "dagster_home" / "dagster.yaml", home / "dagster.yaml")
    env = {**os.environ, "SEEDS_DIR": str(seeds), "WAREHOUSE_PATH": str(warehouse), "DAGSTER_HOME": str(home),
           "DATA_DOCS_DIR": str(warehouse.parent / "data_docs"), "CHARTS_DIR": str(warehouse.parent / "charts")}
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "orchestration.cli", "run", *extra], env=env, cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0.0]

    def sample():
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss_mb(proc.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _out, err = proc.communicate()
    wall = time.perf_counter() - started
    sampler.join()
    failures = [line for line in err.splitlines() if line.startswith(("STEP FAILED", "CHECK FAILED", "RUN FAILED"))]
    if proc.returncode != 0 and not failures:
        raise RuntimeError(err[-3000:])
    return {"success": proc.returncode == 0, "failures": failures, "wall_s": wall, "peak_mb": peak[0],
            **_stage_times(home)}


FLOOR_CODE = """
import sys
from pathlib import Path
import dagster, dagster_dbt, dbt.cli.main, great_expectations  # the stack's imports
from orchestration.library.extraction.nlp import load_nlp
nlp = load_nlp()
texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
for _doc in nlp.pipe(texts, batch_size=16):
    pass
"""


def floor_seconds(seeds: Path, runs: int) -> list[float]:
    """The stack's own start-up floor, timed from the outside like a pipeline run: one process that
    imports dagster, dagster_dbt, dbt and great_expectations, loads the spaCy model and runs
    nlp.pipe over the seed articles. A run can hardly cost less than this."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", FLOOR_CODE, str(seeds)], cwd=REPO, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return times


def _sample(items: list, size: int) -> list:
    if len(items) <= size:
        return items
    step = len(items) / size
    return [items[int(k * step)] for k in range(size)]


def throughput(warehouse: Path, repeats: int, sample: int, processes: int) -> dict:
    """Extraction (parse + extractors) vs bare nlp.pipe on the same bodies, one process, alternated;
    and bare nlp.pipe with ``processes`` processes, to set beside the extract stage's own rate."""
    import duckdb

    from orchestration.library.extraction.nlp import load_nlp
    from orchestration.library.extraction.pipeline import extract_from_doc
    from orchestration.library.extraction.records import ArticleInput

    con = duckdb.connect(str(warehouse), read_only=True)
    rows = con.execute("SELECT article_id, body_text, published_date, publisher, title, boilerplate_text "
                       "FROM raw.articles ORDER BY file_name").fetchall()
    con.close()
    items = _sample([(ArticleInput(r[0], r[1], r[2], r[3], r[4]), r[5] or "") for r in rows], sample)
    bodies = [a.body for a, _ in items]
    words = sum(len(b.split()) for b in bodies)
    nlp = load_nlp()
    bare, full = [], []
    for _ in range(repeats):
        t = time.perf_counter()
        for _doc in nlp.pipe(bodies, batch_size=16):
            pass
        bare.append(time.perf_counter() - t)
        t = time.perf_counter()
        for (article, boilerplate), doc in zip(items, nlp.pipe(bodies, batch_size=16)):
            extract_from_doc(doc, article, boilerplate)
        full.append(time.perf_counter() - t)
    bare_wps, full_wps = words / statistics.median(bare), words / statistics.median(full)
    out = {"sample_articles": len(items), "total_articles": len(rows), "sample_words": words,
           "bare_wps": bare_wps, "extract_wps": full_wps, "ratio": full_wps / bare_wps, "processes": processes}
    if processes > 1:  # worker start-up included, as it is in the pipeline
        t = time.perf_counter()
        for _doc in nlp.pipe(bodies, batch_size=16, n_process=processes):
            pass
        out["bare_parallel_wps"] = words / (time.perf_counter() - t)
    return out


def bench_corpus(name: str, seeds: Path, runs: int, repeats: int, sample: int) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"bench_{name}_"))
    try:
        corpus = work / "seeds"
        shutil.copytree(seeds, corpus)
        files = sorted(corpus.glob("**/*.txt"))
        words = sum(len(p.read_text(encoding="utf-8", errors="replace").split()) for p in files)
        colds = []
        for k in range(runs):  # each from a fresh warehouse; the last one is kept for the rerun
            shutil.rmtree(work / "w", ignore_errors=True)
            (work / "w").mkdir()
            colds.append(run_pipeline(corpus, work / "w" / "w.duckdb"))
            print(f"  [{name}] fresh run {k + 1}/{runs}: {colds[-1]['wall_s']:.1f} s", file=sys.stderr, flush=True)
        colds.sort(key=lambda c: c["wall_s"])
        cold = colds[len(colds) // 2]
        unchanged = run_pipeline(corpus, work / "w" / "w.duckdb")  # the same folder again: nothing changed
        # what the sensor and the schedule launch: a Dagster run whose first step finds nothing changed
        unchanged_launched = run_pipeline(corpus, work / "w" / "w.duckdb", "--launch")
        first = files[0]
        first.write_text(first.read_text(encoding="utf-8") + "\nOfficials said 12 more people were killed on Friday.\n",
                         encoding="utf-8")
        rerun = run_pipeline(corpus, work / "w" / "w.duckdb")
        tp = throughput(work / "w" / "w.duckdb", repeats, sample, cold.get("parse_processes", 1))
        return {"name": name, "articles": len(files), "words": words, "cold": cold, "runs": runs,
                "cold_walls": [c["wall_s"] for c in colds], "rerun": rerun, "unchanged": unchanged,
                "unchanged_launched": unchanged_launched, **tp}
    finally:
        from orchestration.defs.assets.dbt import run_target

        shutil.rmtree(run_target(work / "w" / "w.duckdb"), ignore_errors=True)  # dbt's folder for this warehouse
        shutil.rmtree(work, ignore_errors=True)


def report(r: dict) -> str:
    c, rerun = r["cold"], r["rerun"]
    s = c["stages"]
    runs = f"median of {r['runs']} fresh runs {', '.join(f'{w:.1f}' for w in r['cold_walls'])}" if r["runs"] > 1 else "one run"
    processes = c.get("parse_processes", 1)
    sampled = (f"on an evenly spaced sample of {r['sample_articles']:,} of the {r['total_articles']:,} articles"
               if r["sample_articles"] < r["total_articles"] else "on all the articles")
    extract_wps = r["words"] / s["extract"] if s["extract"] else float("nan")
    lines = [
        f"== {r['name']}: {r['articles']:,} articles, {r['words']:,} words",
        f"  full run (fresh warehouse): {c['wall_s']:.1f} s wall ({runs})  [ingest {s['ingest']:.1f} | extract {s['extract']:.1f} | "
        f"dbt {s['dbt']:.1f} | checks {s['checks']:.1f} | chart {s['chart']:.1f} | publish {s['publish']:.1f} | "
        f"brief {s['brief']:.2f}]  success={c['success']}",
        f"  throughput: {r['articles'] / c['wall_s']:.1f} articles/s, {r['words'] / c['wall_s']:,.0f} words/s end to end; "
        f"peak memory {c['peak_mb']:,.0f} MB (whole process tree)",
        *[f"  FAILED {f}" for f in c.get("failures", [])],
        f"  rerun with nothing changed: {r['unchanged']['wall_s']:.1f} s (make run: no Dagster run); "
        f"{r['unchanged_launched']['wall_s']:.1f} s as a Dagster run that skips every step (run --launch, as the sensor and schedule do)",
        f"  rerun after one article changed: {rerun['wall_s']:.1f} s  [ingest {rerun['stages']['ingest']:.1f} | "
        f"extract {rerun['stages']['extract']:.1f} | dbt {rerun['stages']['dbt']:.1f} | checks {rerun['stages']['checks']:.1f} | "
        f"chart {rerun['stages']['chart']:.1f} | publish {rerun['stages']['publish']:.1f} | brief {rerun['stages']['brief']:.2f}]; "
        f"peak memory {rerun['peak_mb']:,.0f} MB",
        f"  one process, {sampled}: extraction {r['extract_wps']:,.0f} words/s vs bare nlp.pipe {r['bare_wps']:,.0f} words/s "
        f"→ ratio {r['ratio']:.2f} (medians of {r.get('repeats', '?')} alternated repeats)",
    ]
    if r.get("floor_s"):
        floor = r["floor_s"]
        lines.append(
            f"  ratio to the floor ({floor:.1f} s, median): fresh run {c['wall_s'] / floor:.2f}x, nothing changed "
            f"{r['unchanged']['wall_s'] / floor:.2f}x (as a Dagster run {r['unchanged_launched']['wall_s'] / floor:.2f}x), "
            f"one article changed {rerun['wall_s'] / floor:.2f}x")
    if "bare_parallel_wps" in r:
        lines.append(
            f"  extract stage in the run: {extract_wps:,.0f} words/s with {processes} parser processes (parse, extract, write) "
            f"vs bare nlp.pipe n_process={processes} {r['bare_parallel_wps']:,.0f} words/s "
            f"→ ratio {extract_wps / r['bare_parallel_wps']:.2f}")
    return "\n".join(lines)


FORMATS = REPO / "tests" / "fixtures" / "formats"


def _format_sources(pages: Path | None) -> dict[str, list[tuple[str, bytes]]]:
    """(suffix, bytes) of the files each kind of ingest is timed on."""
    import gzip

    from scripts.make_format_fixtures import write_docx

    html = [(".html", gzip.decompress(p.read_bytes())) for p in sorted(pages.glob("*.html.gz"))] if pages else []
    with tempfile.TemporaryDirectory() as tmp:
        docx = write_docx(Path(tmp) / "note.docx").read_bytes()
    return {
        "text": [(".txt", p.read_bytes()) for p in sorted((REPO / "seeds").glob("*.txt"))],
        "markdown": [(".md", (FORMATS / "article.md").read_bytes())],
        "html": html or [(".html", (FORMATS / "article.html").read_bytes())],
        "mhtml": [(".mhtml", (FORMATS / "article.mhtml").read_bytes())],
        "pdf": [(".pdf", (FORMATS / "article.pdf").read_bytes()), (".pdf", (FORMATS / "report.pdf").read_bytes())],
        "docx": [(".docx", docx)],
    }


def ingest_throughput(files: int, pages: Path | None) -> list[dict]:
    """The ingest stage's code (list, read, store) on ``files`` files of each kind, one fresh warehouse each."""
    from orchestration.library.articles.reader import read_article
    from orchestration.warehouse import database
    from orchestration.warehouse.sync import sync_articles

    results = []
    kinds = _format_sources(pages)
    for sources in kinds.values():  # once, untimed: each reader's imports and models load on first use
        read_article(f"warm{sources[0][0]}", sources[0][1])
    for kind, sources in kinds.items():
        work = Path(tempfile.mkdtemp(prefix=f"ingest_{kind}_"))
        try:
            seeds = work / "seeds"
            seeds.mkdir()
            size = 0
            for k in range(files):
                suffix, data = sources[k % len(sources)]
                (seeds / f"{k:05d}{suffix}").write_bytes(data)
                size += len(data)
            with database.connect(work / "w.duckdb") as con:
                started = time.perf_counter()
                report = sync_articles(con, seeds)
                seconds = time.perf_counter() - started
                words = con.execute("SELECT coalesce(sum(word_count), 0) FROM raw.articles").fetchone()[0]
            results.append({"kind": kind, "files": files, "distinct": len(sources), "seconds": seconds, "words": words,
                            "megabytes": size / 2**20, "quarantined": len(report.quarantined)})
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return results


def ingest_report(results: list[dict], pages: Path | None) -> str:
    lines = ["== ingest throughput by kind of file (sync_articles: list the folder, read each file, store raw.articles)"]
    for r in results:
        source = (f"{r['distinct']} real pages of the article-extraction benchmark" if r["kind"] == "html" and pages
                  else f"{r['distinct']} distinct file{'s' if r['distinct'] > 1 else ''}")
        lines.append(
            f"  {r['kind']:<8} {r['files']:,} files ({source}, {r['megabytes']:.1f} MB): {r['seconds']:.2f} s, "
            f"{r['files'] / r['seconds']:,.0f} files/s, {r['words'] / r['seconds']:,.0f} words/s, "
            f"{r['megabytes'] / r['seconds']:.1f} MB/s" + (f", {r['quarantined']} quarantined" if r["quarantined"] else ""))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100], help="generated corpus sizes (default: 100)")
    parser.add_argument("--runs", type=int, default=3, help="fresh runs per corpus of up to 100 articles (median reported)")
    parser.add_argument("--repeats", type=int, default=3, help="alternated repeats of the throughput comparison")
    parser.add_argument("--sample", type=int, default=500, help="articles compared with bare nlp.pipe at most")
    parser.add_argument("--no-seeds", action="store_true", help="skip the bundled seeds")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--ingest-files", type=int, default=200, help="files of each kind the ingest throughput reads")
    parser.add_argument("--pages", type=Path, help="html/ of the article-extraction benchmark: time ingest on its real pages")
    parser.add_argument("--ingest-only", action="store_true", help="only the ingest throughput by kind of file")
    args = parser.parse_args()
    from scripts.generate_corpus import generate

    ingest = ingest_throughput(args.ingest_files, args.pages)
    print(ingest_report(ingest, args.pages), flush=True)
    if args.ingest_only:
        if args.json:
            args.json.write_text(json.dumps({"ingest": ingest}, indent=2, default=str))
        return

    def bench(name: str, folder: Path, n: int) -> None:
        result = bench_corpus(name, folder, args.runs if n <= 100 else 1, args.repeats, args.sample)
        result["repeats"] = args.repeats
        result["floor_s"] = floor
        results.append(result)
        print(report(result), flush=True)

    results: list[dict] = []
    floors = floor_seconds(REPO / "seeds", args.runs)
    floor = statistics.median(floors)
    print(f"== floor (imports of dagster, dagster_dbt, dbt, great_expectations; spaCy model; nlp.pipe over the seeds): "
          f"median {floor:.1f} s of {', '.join(f'{t:.1f}' for t in floors)}", flush=True)
    if not args.no_seeds:
        bench("seeds", REPO / "seeds", 5)
    for n in args.sizes:
        corpus = Path(tempfile.mkdtemp(prefix=f"corpus_{n}_"))
        try:
            generate(n, corpus)
            bench(f"generated_{n}", corpus, n)
        finally:
            shutil.rmtree(corpus, ignore_errors=True)
    generated = [r for r in results if r["name"].startswith("generated_")]
    if len(generated) > 1:
        base = generated[0]
        head = f"== one article changed, by warehouse size (vs {base['articles']:,} articles, {base['rerun']['wall_s']:.1f} s): "
        print(head + "; ".join(
            f"{r['articles']:,} articles {r['rerun']['wall_s']:.1f} s ({r['rerun']['wall_s'] / base['rerun']['wall_s'] - 1:+.0%}, "
            f"{r['rerun']['wall_s'] / floor:.2f}x the floor)" for r in generated[1:]), flush=True)
    if args.json:
        args.json.write_text(json.dumps({"ingest": ingest, "runs": results}, indent=2, default=str))


if __name__ == "__main__":
    main()
