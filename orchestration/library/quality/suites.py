"""Load expectation suites and validate a table's rows with Great Expectations.

Each file in expectations/ is a Great Expectations suite (its native JSON) whose ``meta`` says
what it checks:
    asset     the Dagster asset the check attaches to ("raw_articles", "marts/dim_articles")
    query     SQL giving the rows to validate (a table, or a join that adds derived columns
              such as "does the offset slice equal the surface text")
    blocking  true: a failed error-severity expectation stops downstream assets
Each expectation is of one of three kinds (``kind_of``), by what a failure means:
    warning   ``meta.severity: "warn"``: a heuristic about extraction accuracy (a claimant that
              looks like a place, the share of year-like figures). Reported, never blocks.
    withhold  an invariant read row by row on a table of the ingest or extract stage, whose rows
              each belong to one article: the articles whose rows break it are withheld (their
              last published version kept), and every other article publishes.
    block     any other invariant (keys unique, row counts, the marts, which dbt derives from
              rows that passed): a failure means the build is broken, and nothing is published.
Every expectation that is not a plain key or value-set check carries ``meta.why``: its reason.
Kwargs may use GE suite parameters ({"$PARAMETER": "expected_articles"}), filled at run time.

Rows are validated as pandas frames read from DuckDB: GE's SQL datasource with duckdb-engine
fails every expectation. GE imports take seconds, so they happen inside ``validate``.
"""
from __future__ import annotations

import datetime
import hashlib
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

# shown with a failing row even when no expectation reads them
IDENTIFYING_COLUMNS = ("file_name", "sentence_no", "start_char", "end_char", "surface_text")

# Expectations whose verdict on a row depends on that row alone: a row the last publication already
# passed passes again, so a rerun validates only new or changed rows with them. Uniqueness, row
# counts, means and any `mostly` (a share of the table) need the whole table.
ROW_LOCAL_EXPECTATIONS = frozenset({
    "expect_column_values_to_not_be_null", "expect_column_values_to_be_null", "expect_column_values_to_be_in_set",
    "expect_column_values_to_not_be_in_set", "expect_column_values_to_be_between", "expect_column_values_to_match_regex",
    "expect_column_values_to_not_match_regex", "expect_column_value_lengths_to_be_between",
    "expect_column_values_to_be_of_type", "expect_column_pair_values_to_be_equal",
})


WARNING, WITHHOLD, BLOCK = "warning", "withhold", "block"
# stages whose rows an article owns outright: raw.articles and the extraction tables. The marts are
# derived corpus-wide (actors, sources, estimates), so their failures cannot be pinned on one article.
WITHHOLDING_STAGES = ("ingest", "extract")
ARTICLE_COLUMN = "article_id"


def is_row_local(expectation: dict) -> bool:
    kwargs = expectation.get("kwargs", {})
    mostly = kwargs.get("mostly")
    uses_parameter = "$PARAMETER" in json.dumps(kwargs)  # its value may differ from the published run's
    return expectation.get("type") in ROW_LOCAL_EXPECTATIONS and (mostly is None or mostly >= 1) and not uses_parameter


@dataclass(frozen=True)
class Suite:
    name: str
    asset: str
    query: str
    blocking: bool
    description: str
    definition: dict  # the suite JSON as GE reads it
    path: Path

    @property
    def parameters(self) -> set[str]:
        found = set()

        def walk(value):
            if isinstance(value, dict):
                if "$PARAMETER" in value:
                    found.add(value["$PARAMETER"])
                for v in value.values():
                    walk(v)
            elif isinstance(value, list):
                for v in value:
                    walk(v)

        walk([e.get("kwargs", {}) for e in self.definition.get("expectations", [])])
        return found

    @property
    def stage(self) -> str:
        """The pipeline stage whose asset the suite checks: ingest, extract or marts."""
        if self.asset == "raw_articles":
            return "ingest"
        return "extract" if self.asset.startswith("raw_") else "marts"

    def kind_of(self, expectation: dict) -> str:
        """warning, withhold or block: what a failure of ``expectation`` does (see the module doc)."""
        if (expectation.get("meta") or {}).get("severity") == "warn":
            return WARNING
        if self.blocking and self.stage in WITHHOLDING_STAGES and is_row_local(expectation):
            return WITHHOLD
        return BLOCK if self.blocking else WARNING

    @property
    def rows_follow_articles(self) -> bool:
        """meta.rows_follow_articles: the query's row for an article reads only that article's rows,
        so rows of an article parsed as before need no new validation (warehouse/validation_scope.py)."""
        return bool((self.definition.get("meta") or {}).get("rows_follow_articles"))

    @property
    def table(self) -> str:
        """The table behind the suite's asset: raw_quotes → raw.quotes, marts/dim_actors → marts.dim_actors."""
        if "/" in self.asset:
            return ".".join(self.asset.split("/", 1))
        return "raw." + self.asset.removeprefix("raw_")

    @property
    def expectations(self) -> list[dict]:
        return list(self.definition.get("expectations", []))

    @property
    def row_local(self) -> list[dict]:
        return [e for e in self.expectations if is_row_local(e)]

    @property
    def table_level(self) -> list[dict]:
        return [e for e in self.expectations if not is_row_local(e)]

    @property
    def digest(self) -> str:
        """Of the suite as written: a publication validated with another version proves nothing."""
        return hashlib.sha256(json.dumps(self.definition, sort_keys=True).encode()).hexdigest()[:16]

    @property
    def columns(self) -> set[str]:
        """Columns the expectations read."""
        return self.columns_of(self.expectations)

    @staticmethod
    def columns_of(expectations: list[dict]) -> set[str]:
        used = set()
        for expectation in expectations:
            kwargs = expectation.get("kwargs", {})
            if kwargs.get("column"):
                used.add(kwargs["column"])
            used.update(kwargs.get("column_list") or [])
        return used

    def frame_query(self, available: list[str], expectations: list[dict] | None = None) -> str:
        """The suite's query narrowed to the columns its expectations (or those given) read, plus
        the columns that identify a row in the failing-row samples (keys, file, offsets, surface
        text). Long text columns (bodies, sentences) cost more to load into pandas than validating took."""
        read = self.columns if expectations is None else self.columns_of(expectations)
        keep = [c for c in available if c in read or c.endswith("_id") or c in IDENTIFYING_COLUMNS]
        if len(keep) == len(available):
            return self.query
        return "SELECT " + ", ".join(f'"{c}"' for c in keep) + f" FROM ({self.query}) AS suite_rows"


@dataclass
class Failure:
    expectation: str
    column: str | None
    severity: str
    summary: str
    sample_rows: list[dict] = field(default_factory=list)
    kind: str = BLOCK  # Suite.kind_of its expectation
    # withhold failures: article_id -> (its failing rows, the first of them), for every failing row
    articles: dict[str, tuple[int, dict]] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{self.expectation}({self.column})" if self.column else self.expectation


@dataclass
class Outcome:
    suite: str
    evaluated: int
    failures: list[Failure]
    stored_as: list = field(default_factory=list)  # GE result identifiers, for an incremental Data Docs build

    @property
    def errors(self) -> list[Failure]:
        return [f for f in self.failures if f.severity == "error"]

    @property
    def warnings(self) -> list[Failure]:
        return [f for f in self.failures if f.severity != "error"]

    @property
    def broken(self) -> list[Failure]:
        """Failures that mean the build is broken: they block publishing."""
        return [f for f in self.errors if f.kind == BLOCK or (f.kind == WITHHOLD and not f.articles)]

    @property
    def withheld(self) -> dict[str, list[Failure]]:
        """article_id -> the withhold failures its rows broke."""
        out: dict[str, list[Failure]] = {}
        for failure in self.errors:
            if failure.kind == WITHHOLD:
                for article_id in failure.articles:
                    out.setdefault(article_id, []).append(failure)
        return out

    def __add__(self, other: Outcome) -> Outcome:
        """One suite validated in two parts (whole table, changed rows) reads as one outcome."""
        return Outcome(self.suite, self.evaluated + other.evaluated, self.failures + other.failures,
                       self.stored_as + other.stored_as)


class SuiteError(ValueError):
    pass


def load_suite(path: Path) -> Suite:
    try:
        definition = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise SuiteError(f"{path.name}: not valid JSON ({exc})") from exc
    meta = definition.get("meta") or {}
    for key in ("asset", "query"):
        if not meta.get(key):
            raise SuiteError(f"{path.name}: meta.{key} is required")
    if definition.get("name") != path.stem:
        raise SuiteError(f"{path.name}: suite name {definition.get('name')!r} must equal the file name {path.stem!r}")
    return Suite(
        name=definition["name"], asset=meta["asset"], query=meta["query"], blocking=bool(meta.get("blocking", True)),
        description=meta.get("description", ""), definition=definition, path=path,
    )


def load_suites(folder: Path) -> list[Suite]:
    return [load_suite(p) for p in sorted(folder.glob("*.json"))]


def _jsonable(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if hasattr(value, "tolist"):
        return _jsonable(value.tolist())
    return value if isinstance(value, (str, int, float, bool, type(None))) else str(value)


def _row(row: dict) -> dict:
    """A failing row as JSON values, without the article's whole text."""
    return {k: _jsonable(v) for k, v in row.items() if k not in ("body_text", "boilerplate_text")}


def _articles_of(frame, indexes: list) -> dict[str, tuple[int, dict]]:
    """article_id -> (failing rows, the first of them), for the failing rows at ``indexes``; empty
    when any failing row belongs to no article (then no article can be blamed: the build is broken)."""
    if ARTICLE_COLUMN not in frame.columns:
        return {}
    out: dict[str, tuple[int, dict]] = {}
    for index in indexes:
        row = frame.loc[index]
        article_id = row[ARTICLE_COLUMN]
        if not isinstance(article_id, str):
            return {}
        count, first = out.get(article_id, (0, None))
        out[article_id] = (count + 1, first or _row(row.to_dict()))
    return out


def _summary(result: dict) -> str:
    parts = []
    if result.get("unexpected_count"):
        pct = result.get("unexpected_percent")
        parts.append(f"{result['unexpected_count']} unexpected" + (f" ({pct:.1f}%)" if pct is not None else ""))
    if result.get("partial_unexpected_list"):
        parts.append("e.g. " + ", ".join(repr(v) for v in result["partial_unexpected_list"][:5]))
    if "observed_value" in result and result.get("observed_value") is not None:
        parts.append(f"observed {result['observed_value']!r}")
    return "; ".join(parts) or "failed"


_CONTEXTS: dict = {}  # GE contexts by Data Docs folder, and the shared frame batches
# validations kept per suite for Data Docs: enough to compare the last few runs
KEEP_RUNS = 20


def _context(docs_root: Path | None):
    """A file-backed GE context (so validations land in Data Docs), else an ephemeral one."""
    import great_expectations as gx

    key = docs_root or Path("<ephemeral>")
    if key not in _CONTEXTS:
        if docs_root is None:
            ctx = gx.get_context(mode="ephemeral")
        else:
            docs_root.mkdir(parents=True, exist_ok=True)
            ctx = gx.get_context(mode="file", project_root_dir=str(docs_root))
        ctx.variables.progress_bars = {"globally": False, "metric_calculations": False}
        _CONTEXTS[key] = ctx
    return _CONTEXTS[key]


def _frame_batches():
    """One pandas data source, frame asset and whole-frame batch definition for every suite, made
    once per process: registering them is a context update that rewrites its configuration."""
    if "batches" not in _CONTEXTS:
        datasource = _context(None).data_sources.add_or_update_pandas("warehouse")
        _CONTEXTS["batches"] = datasource.add_dataframe_asset("frames").add_batch_definition_whole_dataframe("whole_frame")
    return _CONTEXTS["batches"]


def validate(suite: Suite, frame, parameters: dict | None = None, docs_root: Path | None = None,
             expectations: list[dict] | None = None) -> Outcome:
    """Validate ``frame`` (pandas) against ``suite``, or against only ``expectations`` of it. With
    ``docs_root`` the result is stored there for Data Docs (call ``publish_data_docs`` once after a
    batch of validations: rendering the site takes longer than validating)."""
    import great_expectations as gx
    from great_expectations.core.run_identifier import RunIdentifier
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    # The batch validates the suite directly. A checkpoint per suite (and a validation definition,
    # each registered in the context, which re-serialized its configuration on every update) cost
    # as much again as validating. The result is still stored where Data Docs reads it.
    definition = {k: v for k, v in suite.definition.items() if k in ("name", "expectations", "meta", "notes")}
    gx_suite = gx.ExpectationSuite(**{**definition, "expectations": suite.expectations if expectations is None else expectations})
    batch = _frame_batches().get_batch(batch_parameters={"dataframe": frame})
    # COMPLETE: every failing row's index, so withholding finds every article that broke an invariant
    result = batch.validate(gx_suite, result_format={"result_format": "COMPLETE"}, expectation_parameters=parameters or {})
    identifier = ValidationResultIdentifier(
        expectation_suite_identifier=ExpectationSuiteIdentifier(name=suite.name),
        run_id=RunIdentifier(run_time=datetime.datetime.now(tz=datetime.timezone.utc)),
        batch_identifier=batch.id,
    )
    if docs_root is not None:
        store = _context(docs_root)
        store.suites.add_or_update(gx.ExpectationSuite(**definition))  # the suite page shows all of it
        store.validation_results_store.set(identifier, result)
    run_results = {identifier: result}
    failures: list[Failure] = []
    evaluated = 0
    for validation_result in run_results.values():
        for result in validation_result.results:
            evaluated += 1
            if result.success:
                continue
            config = result.expectation_config
            column = config.kwargs.get("column")
            details = result.result or {}
            if result.exception_info and result.exception_info.get("raised_exception"):
                details = {"observed_value": result.exception_info.get("exception_message")}
            indexes = [i for i in details.get("unexpected_index_list") or [] if i in frame.index]
            kind = suite.kind_of({"type": config.type, "kwargs": config.kwargs, "meta": config.meta})
            failures.append(Failure(
                expectation=config.type, column=column,
                severity=(config.meta or {}).get("severity", "error"),
                summary=_summary(details),
                sample_rows=[_row(row) for row in frame.loc[indexes[:5]].to_dict(orient="records")],
                kind=kind,
                articles=_articles_of(frame, indexes) if kind == WITHHOLD else {},
            ))
    return Outcome(suite=suite.name, evaluated=evaluated, failures=failures, stored_as=list(run_results))


def publish_data_docs(docs_root: Path, outcomes: list[Outcome] | None = None, keep_runs: int = KEEP_RUNS) -> Path:
    """Render the Data Docs site; returns its index.html.

    With ``outcomes`` only their validation pages (and their suites' pages and the index) are
    rendered: a full build re-renders every stored validation and grew slower with each run.
    Validations older than the newest ``keep_runs`` per suite are deleted first, pages included."""
    from great_expectations.data_context.types.resource_identifiers import ExpectationSuiteIdentifier

    prune_validations(docs_root, keep_runs)
    ctx = _context(docs_root)
    index = data_docs_index(docs_root)
    if outcomes is None or not index.exists():
        ctx.build_data_docs()
    else:
        ids = [i for o in outcomes for i in o.stored_as]
        ctx.build_data_docs(resource_identifiers=ids + [ExpectationSuiteIdentifier(name=o.suite) for o in outcomes])
    return index


def prune_validations(docs_root: Path, keep_runs: int) -> int:
    """Delete all but the newest ``keep_runs`` stored validations of each suite, with their rendered
    pages; returns how many were deleted. Run folders are named by UTC timestamp, so names sort by age."""
    import shutil

    removed = 0
    gx_root = docs_root / "gx" / "uncommitted"
    for suite_dir in sorted((gx_root / "validations").glob("*/")):
        runs = sorted(p for p in suite_dir.glob("*/*") if p.is_dir())  # <run_name>/<run_time>
        for old in runs[:-keep_runs] if keep_runs > 0 else runs:
            relative = old.relative_to(gx_root / "validations")
            shutil.rmtree(old, ignore_errors=True)
            shutil.rmtree(gx_root / "data_docs" / "local_site" / "validations" / relative, ignore_errors=True)
            removed += 1
    return removed


def data_docs_index(docs_root: Path) -> Path:
    return docs_root / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html"


KIND_TEXT = {WARNING: "warning", WITHHOLD: "blocking: withholds the article", BLOCK: "blocking: fails the run"}
# the reason of a plain key or value-set expectation, which carries no meta.why of its own
DEFAULT_WHY = {
    "expect_column_values_to_not_be_null": "a required column",
    "expect_column_values_to_be_unique": "a key",
    "expect_compound_columns_to_be_unique": "a key",
    "expect_column_values_to_be_in_set": "a closed value set (extraction/value_sets.py)",
    "expect_column_values_to_match_regex": "the column's format",
}


def checks_table(suites: list[Suite]) -> str:
    """Every expectation with its kind and reason, as the Markdown table the README shows
    (`python -m orchestration.cli checks` prints it; a test keeps the README in step)."""
    lines = ["| suite | expectation | kind | why |", "|---|---|---|---|"]
    for suite in suites:
        for expectation in suite.expectations:
            kwargs = expectation.get("kwargs", {})
            target = kwargs.get("column") or ", ".join(kwargs.get("column_list") or []) or "table"
            bound = " ".join(f"{k}={v}" for k, v in kwargs.items() if k in ("mostly", "min_value", "max_value") and v is not None)
            name = expectation["type"].removeprefix("expect_")
            why = (expectation.get("meta") or {}).get("why") or DEFAULT_WHY.get(expectation["type"], "")
            lines.append(f"| {suite.name} | `{name}` {target}{' (' + bound + ')' if bound else ''} | "
                         f"{KIND_TEXT[suite.kind_of(expectation)]} | {why} |")
    return "\n".join(lines)
