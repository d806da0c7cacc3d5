"""Main-text quality: the body text a build stores for the 181 saved pages of the public
article-extraction benchmark, scored against its ground truth by its own scorer, beside trafilatura's.

    python scripts/evaluate_main_text.py ~/data/article-extraction-benchmark [--ingest-only]

The benchmark (github.com/scrapinghub/article-extraction-benchmark) is fetched once by you and
never committed: the folder needs html/*.html.gz (the saved pages), ground-truth.json (each page's
articleBody) and evaluate.py (the benchmark's scorer: precision and recall of 4-word shingles,
averaged over pages). Each page becomes <id>.html in a seeds folder, and the product's job builds a
warehouse from it (the job `make run` runs; --ingest-only runs the ingest step alone, the same reader
and the same storing code, in seconds). Then it prints F1, precision and recall of:
  * raw.articles.body_text as stored (a quarantined or withheld page scores as empty);
  * the same without its headline: the body opens with the page's headline, which the
    benchmark's articleBody leaves out;
  * trafilatura alone on the same pages, as the benchmark runs it (extract, include_comments=False);
and how many pages were quarantined, with the reasons.
"""
from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def _scorer(benchmark: Path):
    spec = importlib.util.spec_from_file_location("benchmark_evaluate", benchmark / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _pages(benchmark: Path) -> dict[str, bytes]:
    pages = {path.name.split(".")[0]: gzip.decompress(path.read_bytes()) for path in sorted((benchmark / "html").glob("*.html.gz"))}
    if not pages:
        raise SystemExit(f"no html/*.html.gz in {benchmark}: point the script at a copy of scrapinghub/article-extraction-benchmark")
    return pages


def _build(seeds: Path, work: Path, ingest_only: bool) -> Path:
    """The warehouse file holding raw.articles: the published one after a build, else the one ingest wrote."""
    if ingest_only:
        from orchestration.warehouse import database
        from orchestration.warehouse.sync import sync_articles

        path = work / "ingest.duckdb"
        with database.connect(path) as con:
            sync_articles(con, seeds)
        return path
    os.environ.setdefault("DATA_DOCS_DIR", str(work / "data_docs"))
    os.environ.setdefault("CHARTS_DIR", str(work / "charts"))
    from orchestration.definitions import build_definitions
    from orchestration.settings import work_path_for
    from orchestration.warehouse.dbt_manifest import PROJECT_DIR

    targets = PROJECT_DIR / "target"
    before = set(targets.glob("run-*"))
    warehouse = work / "warehouse.duckdb"
    try:
        defs = build_definitions(warehouse_path=warehouse, seeds_dir=seeds)
        result = defs.resolve_job_def("build_warehouse").execute_in_process(raise_on_error=False)
    finally:
        for folder in set(targets.glob("run-*")) - before:  # this warehouse's dbt target folder
            shutil.rmtree(folder, ignore_errors=True)
    if not result.success:
        print("the build failed a blocking check: scoring the working file", file=sys.stderr)
    return warehouse if warehouse.exists() and result.success else work_path_for(warehouse)


def _stored(path: Path) -> tuple[dict, list, list]:
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        rows = con.execute("SELECT file_name, body_text, title FROM raw.articles").fetchall()
        articles = {name: (body, title) for name, body, title in rows}
        quarantined = con.execute("SELECT file_name, reason FROM raw.ingest_errors ORDER BY file_name").fetchall()
        try:
            withheld = con.execute("SELECT file_name, reason FROM raw.withheld_articles WHERE NOT kept_version").fetchall()
        except duckdb.CatalogException:
            withheld = []
    finally:
        con.close()
    return articles, quarantined, withheld


def _without_headline(body: str, title: str | None) -> str:
    first, _, rest = body.partition("\n\n")
    return rest if title and rest and first.strip() == title.strip() else body


def _line(label: str, metrics: dict) -> str:
    return f"  {label:<44} {metrics['f1']:.3f}  {metrics['precision']:.3f}      {metrics['recall']:.3f}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("benchmark", type=Path, help="local copy of scrapinghub/article-extraction-benchmark")
    parser.add_argument("--ingest-only", action="store_true", help="run the ingest step alone, not the whole job")
    parser.add_argument("--work", type=Path, help="folder for the seeds and the warehouse (default: a temporary one)")
    parser.add_argument("--n-bootstrap", type=int, default=100, help="the scorer's bootstrap rounds (its ± only)")
    args = parser.parse_args(argv)
    scorer = _scorer(args.benchmark)
    truth = json.loads((args.benchmark / "ground-truth.json").read_text(encoding="utf-8"))
    pages = _pages(args.benchmark)
    work = args.work or Path(tempfile.mkdtemp(prefix="main_text_"))
    seeds = work / "seeds"
    shutil.rmtree(seeds, ignore_errors=True)
    seeds.mkdir(parents=True)
    for key, data in pages.items():
        (seeds / f"{key}.html").write_bytes(data)

    started = time.perf_counter()
    stored_in = _build(seeds, work, args.ingest_only)
    built = time.perf_counter() - started
    articles, quarantined, withheld = _stored(stored_in)
    as_stored, headless = {}, {}
    for key in truth:
        body, title = articles.get(f"{key}.html", ("", None))
        as_stored[key] = {"articleBody": body}
        headless[key] = {"articleBody": _without_headline(body, title)}

    from importlib.metadata import version

    import trafilatura

    started = time.perf_counter()
    alone = {key: {"articleBody": trafilatura.extract(pages[key].decode("utf-8", "replace"), include_comments=False) or ""}
             for key in truth}
    alone_seconds = time.perf_counter() - started

    how = "the ingest step" if args.ingest_only else "a build (the product's job)"
    print(f"Main text of {len(truth)} saved pages (scrapinghub/article-extraction-benchmark), stored by {how} "
          f"in {built:.1f}s, scored by the benchmark's evaluate.py")
    print(f"  {'':<44} F1     precision  recall")
    print(_line("raw.articles.body_text, as stored", scorer.evaluate(truth, as_stored, args.n_bootstrap)))
    print(_line("the same without its headline line", scorer.evaluate(truth, headless, args.n_bootstrap)))
    print(_line(f"trafilatura {version('trafilatura')} alone ({alone_seconds:.1f}s)", scorer.evaluate(truth, alone, args.n_bootstrap)))
    print(f"Quarantined: {len(quarantined)} of {len(pages)} pages" + "".join(f"\n  - {n}: {r}" for n, r in quarantined))
    if withheld:
        print(f"Withheld by a check (scored as empty): {len(withheld)}" + "".join(f"\n  - {n}: {r}" for n, r in withheld))
    print(f"Warehouse: {stored_in}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
