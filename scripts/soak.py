"""Soak test: run the pipeline many times while articles come and go, then check the warehouse
equals a clean rebuild of the final folder.

    python scripts/soak.py --rounds 50                   # changes between runs
    python scripts/soak.py --rounds 20 --kill-rate 0.3   # and SIGKILL some runs at a random moment
    python scripts/soak.py --rounds 30 --kill-rate 0.3 --reader   # while an analyst queries the published file
    python scripts/soak.py --rounds 20 --corpus dev      # start from the real-page corpus (or: seeds, both)

Each round changes the seeds folder at random (add, edit, remove, rename, restore, duplicate,
touch without change, add a bad file, remove a bad file, wrap an article in saved-page markup,
shuffle its paragraphs, truncate it), then runs the product's job
(`build_warehouse`, the one `make run`, the sensor and the UI launch). With --kill-rate, a
round's run is started as a separate process and SIGKILLed (with its whole process group) at
a random moment; the next round must recover. After the last round one more run settles the
warehouse, a clean rebuild of the final folder is made in a fresh file, and every raw and
marts table is compared row by row (timestamp columns such as ingested_at excluded). With
--reader, a separate process plays an analyst the whole time: it opens the published warehouse
read-only, queries it (a marts join that a mix of two runs would break), and closes it, in a
loop; every error it meets is counted. Exit status 0 means zero differences, no failed run and
no reader error.

Not part of the unit tests (it takes minutes); ``snapshot`` and ``compare`` are reused by them.
"""
from __future__ import annotations

import argparse
import collections
import contextlib
import html
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

# columns that say when or by which run a row was written, not what it holds
TIMESTAMP_COLUMNS = {"ingested_at", "extracted_at", "detected_at", "withheld_at", "run_id", "kept_run_id"}
COMPARED_SCHEMAS = ("raw", "marts")


# ------------------------------------------------------------------------------------ comparison

def snapshot(warehouse: Path | str, schemas=COMPARED_SCHEMAS) -> "Snapshot":
    """Every base table in ``schemas`` → its rows (sorted), without timestamp columns."""
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        tables = con.execute(
            "SELECT table_schema, table_name FROM information_schema.tables "
            "WHERE table_schema IN (SELECT unnest(?::VARCHAR[])) AND table_type = 'BASE TABLE' ORDER BY 1, 2",
            [list(schemas)],
        ).fetchall()
        out = Snapshot()
        out.columns = {}
        for schema, table in tables:
            columns = [name for name, data_type in con.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position", [schema, table]).fetchall()
                if name not in TIMESTAMP_COLUMNS and not data_type.startswith("TIMESTAMP")]
            select = ", ".join(f'"{c}"' for c in columns)
            rows = [_hashable(row) for row in con.execute(f'SELECT {select} FROM "{schema}"."{table}"').fetchall()]
            out[f"{schema}.{table}"] = sorted(rows, key=repr)
            out.columns[f"{schema}.{table}"] = columns
        return out
    finally:
        con.close()


def _hashable(value):
    if isinstance(value, (list, tuple)):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((k, _hashable(v)) for k, v in value.items()))
    return value


class Snapshot(dict):
    """table → sorted rows; ``columns`` holds each table's column names."""

    columns: dict[str, list[str]]


def compare(actual: dict[str, list[tuple]], expected: dict[str, list[tuple]], samples: int = 3) -> list[str]:
    """Human-readable differences between two snapshots; [] when identical."""
    problems = []
    for table in sorted(set(actual) | set(expected)):
        if table not in actual:
            problems.append(f"{table}: missing (clean build has {len(expected[table])} rows)")
            continue
        if table not in expected:
            problems.append(f"{table}: not in the clean build ({len(actual[table])} rows)")
            continue
        have, want = collections.Counter(actual[table]), collections.Counter(expected[table])
        extra, missing = have - want, want - have
        if extra or missing:
            problems.append(
                f"{table}: {sum(extra.values())} extra, {sum(missing.values())} missing rows "
                f"(of {len(expected[table])}); extra e.g. {[r for r in extra][:samples]}; "
                f"missing e.g. {[r for r in missing][:samples]}")
    return problems


# ------------------------------------------------------------------------------------ running the job

def _run_config(log_level: str) -> dict:
    return {"loggers": {"console": {"config": {"log_level": log_level}}}}


@contextlib.contextmanager
def output_to(log_path: Path | None):
    """Send this process's stdout and stderr (dbt's progress lines included) to a file."""
    if log_path is None:
        yield
        return
    sys.stdout.flush(), sys.stderr.flush()
    saved = os.dup(1), os.dup(2)
    with open(log_path, "ab") as log:
        os.dup2(log.fileno(), 1), os.dup2(log.fileno(), 2)
        try:
            yield
        finally:
            sys.stdout.flush(), sys.stderr.flush()
            os.dup2(saved[0], 1), os.dup2(saved[1], 2)
            os.close(saved[0]), os.close(saved[1])


def run_job(seeds: Path, warehouse: Path, log_path: Path | None = None, log_level: str = "ERROR") -> tuple[bool, str]:
    """The product's job, in this process. (success, failure messages)."""
    from orchestration.definitions import build_definitions

    defs = build_definitions(warehouse_path=warehouse, seeds_dir=seeds)
    with output_to(log_path):
        result = defs.resolve_job_def("build_warehouse").execute_in_process(raise_on_error=False, run_config=_run_config(log_level))
    messages = []
    for event in result.all_events:
        if event.is_step_failure or event.event_type_value in ("RUN_FAILURE", "PIPELINE_FAILURE"):
            error = getattr(event.event_specific_data, "error", None)
            messages.append(f"{event.step_key or 'run'}: {error.message.strip() if error else event.message}")
        if event.event_type_value == "ASSET_CHECK_EVALUATION":
            check = event.asset_check_evaluation_data
            if not check.passed and check.severity.value == "ERROR":
                messages.append(f"check {check.check_name} failed: {check.description}")
    return result.success and not messages, "\n".join(messages)


def start_job_process(seeds: Path, warehouse: Path, env: dict | None = None, log_path: Path | None = None,
                      prelude: str = "", log_level: str = "ERROR") -> subprocess.Popen:
    """The product's job in a child process (its own process group, so it can be killed whole)."""
    code = (
        "import sys; sys.path.insert(0, %r)\n" % str(REPO)
        + prelude
        + "from scripts.soak import run_job\n"
        + "ok, messages = run_job(__import__('pathlib').Path(%r), __import__('pathlib').Path(%r), log_level=%r)\n"
        % (str(seeds), str(warehouse), log_level)
        + "print('JOB SUCCEEDED' if ok else 'JOB FAILED\\n' + messages, flush=True)\n"
        + "sys.exit(0 if ok else 1)\n"
    )
    out = open(log_path, "wb") if log_path else subprocess.DEVNULL
    return subprocess.Popen([sys.executable, "-c", code], cwd=REPO, env={**os.environ, **(env or {})},
                            stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def kill_group(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


# ------------------------------------------------------------------------------------ an analyst meanwhile

READER_QUERY = """
SELECT (SELECT count(*) FROM marts.fct_figures) AS figures,
       (SELECT count(*) FROM marts.fct_figures f LEFT JOIN marts.dim_articles a USING (article_id)
        WHERE a.article_id IS NULL) AS orphans,
       (SELECT count(*) FROM meta.publication) AS publications
"""


def reader_loop(warehouse: Path, stop: Path, report: Path) -> None:
    """Query the published file until ``stop`` exists, then write {"queries", "errors", ...} to ``report``."""
    import duckdb

    queries, errors, samples = 0, 0, []
    while not stop.exists():
        if not warehouse.exists():  # nothing published yet
            time.sleep(0.1)
            continue
        try:
            con = duckdb.connect(str(warehouse), read_only=True)
            try:
                figures, orphans, publications = con.execute(READER_QUERY).fetchone()
                time.sleep(0.2)  # a session stays open a while, across a publish now and then
                again = con.execute("SELECT count(*) FROM marts.fct_figures").fetchone()[0]
            finally:
                con.close()
            if orphans or publications != 1 or again != figures:
                raise RuntimeError(f"inconsistent snapshot: {figures} then {again} figures, {orphans} orphans")
            queries += 1
        except Exception as exc:  # every failure counts: an analyst would have seen it
            errors += 1
            samples.append(f"{type(exc).__name__}: {exc}"[:300])
        time.sleep(0.05)
    report.write_text(json.dumps({"queries": queries, "errors": errors, "samples": samples[:5]}))


def start_reader(warehouse: Path, workdir: Path) -> tuple[subprocess.Popen, Path, Path]:
    stop, report = workdir / "reader.stop", workdir / "reader.json"
    stop.unlink(missing_ok=True)
    code = ("import sys; sys.path.insert(0, %r)\nfrom pathlib import Path\nfrom scripts.soak import reader_loop\n"
            "reader_loop(Path(%r), Path(%r), Path(%r))\n" % (str(REPO), str(warehouse), str(stop), str(report)))
    return subprocess.Popen([sys.executable, "-c", code], cwd=REPO), stop, report


def stop_reader(process: subprocess.Popen, stop: Path, report: Path) -> dict:
    stop.touch()
    process.wait(timeout=60)
    return json.loads(report.read_text()) if report.exists() else {"queries": 0, "errors": 1, "samples": ["no report"]}


# ------------------------------------------------------------------------------------ random changes

BAD_FILES = {
    "empty": b"",
    "whitespace": b"   \n\t\n",
    "binary": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
    "html": (b"<!DOCTYPE html><html><head><title>Shelling kills 9 | Wire</title></head><body><nav>Home</nav>"
             b"<h1>Shelling kills 9</h1><p>At least 9 people were killed on Monday, officials said.</p></body></html>"),
    "sql": b"Officials deny report\n\nThe statement read '); DROP TABLE raw.articles; -- and 4 people were hurt.\n",
    "front_matter_only": b"---\ntitle: Nothing here\n---\n",
}


class Folder:
    """The seeds folder under test, changed at random but reproducibly (one RNG)."""

    def __init__(self, root: Path, pool: Path, rng: random.Random):
        self.root, self.pool, self.rng = root, pool, rng
        self.removed: dict[str, bytes] = {}  # name → bytes, to restore later
        self.counter = 0

    def articles(self) -> list[Path]:
        return sorted(p for p in self.root.rglob("*.txt") if p.is_file() and not p.name.startswith("bad_"))

    def bad(self) -> list[Path]:
        return sorted(self.root.glob("bad_*"))

    def _new_name(self, prefix: str) -> str:
        self.counter += 1
        sub = self.rng.choice(["", "", "sub/"])
        return f"{sub}{prefix}_{self.counter:04d}.txt"

    def _write(self, name: str, data: bytes) -> None:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    def add(self) -> str:
        source = self.rng.choice(sorted(self.pool.glob("*.txt")))
        name = self._new_name("added")
        self._write(name, source.read_bytes())
        return f"add {name}"

    def edit(self) -> str:
        articles = self.articles()
        if not articles:
            return self.add()
        path = self.rng.choice(articles)
        text = path.read_text(encoding="utf-8", errors="replace")
        how = self.rng.choice(["append", "numbers", "date", "truncate"])
        if how == "append":
            text += f"\n\nOn Tuesday, {self.rng.randint(3, 900)} more people were displaced, the UN said.\n"
        elif how == "numbers":
            text = re.sub(r"\b\d{2,3}\b", lambda m: str(int(m.group(0)) + self.rng.randint(1, 9)), text, count=3)
        elif how == "date":
            month, day = self.rng.randint(1, 12), self.rng.randint(1, 28)
            text = re.sub(r"published: \d{4}-\d{2}-\d{2}", f"published: 2025-{month:02d}-{day:02d}", text)
            if "published:" not in text:
                text = f"Updated {self.rng.randint(1, 28)} March 2025\n\n" + text
        else:
            paragraphs = text.split("\n\n")
            text = "\n\n".join(paragraphs[: max(2, len(paragraphs) * 2 // 3)]) + "\n"
        path.write_text(text, encoding="utf-8")
        return f"edit ({how}) {path.relative_to(self.root)}"

    def remove(self) -> str:
        articles = self.articles()
        if len(articles) <= 3:
            return self.add()
        path = self.rng.choice(articles)
        name = path.relative_to(self.root).as_posix()
        self.removed[name] = path.read_bytes()
        path.unlink()
        return f"remove {name}"

    def restore(self) -> str:
        if not self.removed:
            return self.add()
        name = self.rng.choice(sorted(self.removed))
        self._write(name, self.removed.pop(name))
        return f"restore {name}"

    def rename(self) -> str:
        articles = self.articles()
        if not articles:
            return self.add()
        path = self.rng.choice(articles)
        name = self._new_name("renamed")
        (self.root / name).parent.mkdir(parents=True, exist_ok=True)
        path.rename(self.root / name)
        return f"rename {path.relative_to(self.root)} → {name}"

    def duplicate(self) -> str:
        articles = self.articles()
        if not articles:
            return self.add()
        path = self.rng.choice(articles)
        name = self._new_name("copy")
        self._write(name, path.read_bytes())
        return f"duplicate {path.relative_to(self.root)} as {name}"

    def touch(self) -> str:
        articles = self.articles()
        if not articles:
            return self.add()
        path = self.rng.choice(articles)
        path.write_bytes(path.read_bytes())
        return f"touch {path.relative_to(self.root)}"

    def wrap(self) -> str:
        """An article saved as a web page: navigation, a related-links box and a footer full of numbers."""
        articles = self.articles()
        if not articles:
            return self.add()
        path = self.rng.choice(articles)
        text = path.read_text(encoding="utf-8", errors="replace")
        front, body = ("", text)
        if text.startswith("---\n") and "\n---\n" in text[4:]:
            end = text.index("\n---\n", 4) + 5
            front, body = text[:end], text[end:]
        paragraphs = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in body.split("\n\n") if p.strip())
        n = self.rng.randint(2, 99)
        page = (f"<!DOCTYPE html><html><head><title>News</title><script>var views = {n * 1000};</script></head><body>"
                f"<nav><a href='/'>Home</a> <a href='/world'>World</a> {n} new stories</nav><article>{paragraphs}</article>"
                f"<aside><h3>Related</h3><ul><li>{n} killed in unrelated blast elsewhere</li></ul></aside>"
                f"<footer>© 2023 Example Media. Call +1 555 {n:04d}. {n * 7} shares</footer></body></html>")
        path.write_text(front + page, encoding="utf-8")
        return f"wrap in page markup {path.relative_to(self.root)}"

    def shuffle(self) -> str:
        articles = self.articles()
        if not articles:
            return self.add()
        path = self.rng.choice(articles)
        text = path.read_text(encoding="utf-8", errors="replace")
        paragraphs = text.split("\n\n")
        head, rest = paragraphs[:1], paragraphs[1:]
        self.rng.shuffle(rest)
        path.write_text("\n\n".join(head + rest), encoding="utf-8")
        return f"shuffle paragraphs of {path.relative_to(self.root)}"

    def add_bad(self) -> str:
        kind = self.rng.choice(sorted(BAD_FILES))
        self.counter += 1
        name = f"bad_{kind}_{self.counter:04d}.txt"
        self._write(name, BAD_FILES[kind])
        return f"add bad file {name}"

    def remove_bad(self) -> str:
        bad = self.bad()
        if not bad:
            return self.add_bad()
        path = self.rng.choice(bad)
        path.unlink()
        return f"remove bad file {path.name}"

    ACTIONS = ["add", "add", "edit", "edit", "edit", "remove", "remove", "restore", "rename", "duplicate", "touch",
               "add_bad", "remove_bad", "wrap", "shuffle"]

    def change(self) -> list[str]:
        return [getattr(self, self.rng.choice(self.ACTIONS))() for _ in range(self.rng.randint(1, 4))]


def withheld_now(warehouse: Path) -> list[tuple[str, str, str]]:
    """(file, check, reason) of each article the published warehouse says was withheld."""
    import duckdb

    if not warehouse.exists():
        return []
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute("SELECT file_name, failed_check, reason FROM raw.withheld_articles ORDER BY 1").fetchall()
    except duckdb.Error:
        return []
    finally:
        con.close()


CORPORA = {"seeds": [REPO / "seeds"], "dev": [REPO / "tests" / "fixtures" / "real" / "articles"],
           "both": [REPO / "seeds", REPO / "tests" / "fixtures" / "real" / "articles"]}


# ------------------------------------------------------------------------------------ main

def soak(rounds: int, seed: int, workdir: Path, start_articles: int, kill_rate: float, generated: int = 0,
         log=print, reader: bool = False, corpus: str = "seeds") -> int:
    os.environ.setdefault("DATA_DOCS_DIR", str(workdir / "data_docs"))
    os.environ.setdefault("CHARTS_DIR", str(workdir / "charts"))
    rng = random.Random(seed)
    seeds, pool, warehouse = workdir / "seeds", workdir / "pool", workdir / "warehouse.duckdb"
    # the pool articles come from: the seeds, the held-out evaluation articles (other conflicts) and,
    # on request, generated ones
    pool.mkdir(parents=True)
    for path in [*sorted((REPO / "seeds").glob("*.txt")), *sorted((REPO / "tests" / "fixtures").rglob("*.txt"))]:
        shutil.copy(path, pool / path.name)
    if generated:
        from scripts.generate_corpus import generate

        generate(generated, pool / "generated", seed=seed)
        for path in (pool / "generated").glob("*.txt"):
            path.rename(pool / path.name)
    seeds.mkdir(parents=True)
    for folder_of in CORPORA[corpus]:
        for path in sorted(folder_of.glob("*.txt")):
            shutil.copy(path, seeds / path.name)
    others = sorted(p for p in pool.glob("*.txt") if not (seeds / p.name).exists())
    for path in rng.sample(others, k=min(start_articles, len(others))):
        shutil.copy(path, seeds / f"start_{path.name}")
    folder = Folder(seeds, pool, rng)

    failures, kills, started = [], 0, time.perf_counter()
    withheld_seen: dict[str, str] = {}
    typical_run = 30.0
    analyst = start_reader(warehouse, workdir) if reader else None
    for round_no in range(1, rounds + 1):
        changes = folder.change()
        t0 = time.perf_counter()
        if rng.random() < kill_rate:
            delay = rng.uniform(2.0, typical_run + 10.0)  # import and startup included: any moment of the run
            process = start_job_process(seeds, warehouse, log_path=workdir / f"killed_round_{round_no}.log")
            try:
                process.wait(timeout=delay)
                outcome = f"finished before the kill at {delay:.1f}s (exit {process.returncode})"
            except subprocess.TimeoutExpired:
                kill_group(process)
                kills += 1
                outcome = f"SIGKILLed after {delay:.1f}s"
        else:
            ok, messages = run_job(seeds, warehouse, log_path=workdir / "runs.log")
            typical_run = 0.7 * typical_run + 0.3 * (time.perf_counter() - t0)
            outcome = "ok" if ok else "FAILED"
            if not ok:
                failures.append((round_no, messages))
        n_articles = len(folder.articles())
        log(f"round {round_no:3d}/{rounds}: {time.perf_counter() - t0:5.1f}s {outcome:<32} "
            f"{n_articles} articles, {len(folder.bad())} bad files | {'; '.join(changes)}")
        for name, check, reason in withheld_now(warehouse):
            withheld_seen.setdefault(name, f"{check}: {reason}")
            log(f"    withheld {name}: {check}: {reason}")
        if outcome == "FAILED":
            log("    " + failures[-1][1].replace("\n", "\n    "))

    log("settling: one more run on the final folder")
    ok, messages = run_job(seeds, warehouse, log_path=workdir / "runs.log")
    if not ok:
        failures.append(("settle", messages))
        log("    settle run FAILED: " + messages)
    reads = stop_reader(*analyst) if analyst else None
    if reads:
        log(f"reader: {reads['queries']} consistent queries of the published warehouse, {reads['errors']} errors")
        for sample in reads["samples"]:
            log("READER ERROR " + sample)
    clean = workdir / "clean.duckdb"
    log("clean rebuild of the final folder into a fresh warehouse")
    ok, messages = run_job(seeds, clean, log_path=workdir / "runs.log")
    if not ok:
        failures.append(("clean", messages))
        log("    clean build FAILED: " + messages)
    final, tables = snapshot(warehouse), snapshot(clean)
    differences = compare(final, tables)
    log(f"compared {len(tables)} raw and marts tables of the final warehouse with the clean build: "
        + ", ".join(f"{t} {len(tables[t])} rows" for t in ("raw.articles", "raw.ingest_errors", "raw.sentences", "marts.fct_figures")
                    if t in tables))
    for problem in differences:
        log("DIFFERENCE " + problem)
    summary = {"corpus": corpus, "rounds": rounds, "killed_runs": kills, "failed_runs": len(failures),
               "differences": len(differences), "tables_compared": len(tables), "articles_withheld": len(withheld_seen)}
    if reads:
        summary.update(reader_queries=reads["queries"], reader_errors=reads["errors"])
    summary["minutes"] = round((time.perf_counter() - started) / 60, 1)
    log(json.dumps(summary))
    return 0 if not differences and not failures and not (reads and reads["errors"]) else 1


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--articles", type=int, default=4, help="pool articles in the starting folder, besides the 5 seeds")
    parser.add_argument("--generated", type=int, default=0,
                        help="generated articles added to the pool")
    parser.add_argument("--kill-rate", type=float, default=0.0, help="share of rounds whose run is SIGKILLed at a random moment")
    parser.add_argument("--reader", action="store_true",
                        help="a separate process queries the published warehouse in a loop meanwhile; its errors fail the soak")
    parser.add_argument("--workdir", type=Path, default=None, help="kept after the run (default: a temporary folder, removed)")
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="seeds",
                        help="the starting folder: the bundled seeds, the real-page development corpus, or both")
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="soak_"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        return soak(args.rounds, args.seed, workdir, args.articles, args.kill_rate, args.generated, reader=args.reader,
                    corpus=args.corpus)
    finally:
        if args.workdir is None:
            from orchestration.defs.assets.dbt import run_target

            for name in ("warehouse.duckdb", "clean.duckdb"):  # dbt's folders for these warehouses
                shutil.rmtree(run_target(workdir / name), ignore_errors=True)
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
