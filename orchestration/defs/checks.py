"""Quality stage: the Great Expectations suites in expectations/ as Dagster asset checks.

One multi-asset check per pipeline stage (ingest, extract, marts) validates every suite of that
stage in one step and renders Data Docs once: per-suite steps spent more time starting and
re-rendering the site than validating. Each suite is still its own check in the UI, attached
to its asset. What a failed expectation does depends on its kind (suites.Suite.kind_of):
- block: the check fails with ERROR severity and nothing downstream runs, publishing included;
- withhold: the articles whose rows broke it are withheld (warehouse/withhold.py) before the
  next stage reads them, and the check reports WARN naming them; when most articles break
  invariants the code is broken, not the articles, and the check blocks instead;
- warning: the check reports WARN and the run goes on.
"""
import json
from collections import defaultdict
from pathlib import Path

import dagster as dg

from orchestration import settings
from orchestration.defs.resources import ReportFolders, SeedsFolder, WarehouseResource
from orchestration.library.articles.reader import list_article_files
from orchestration.library.quality.suites import Outcome, Suite, load_suites, publish_data_docs, validate
from orchestration.warehouse.publish import publication, unchanged_text
from orchestration.warehouse.validation_scope import Baseline, SuiteRows, close_baseline, open_baseline, suite_rows
from orchestration.warehouse.withhold import Withholding, describe, most_of, withhold


def _runtime_parameters(con, seeds: SeedsFolder, wanted: set[str]) -> dict:
    """Values suites may refer to with {"$PARAMETER": name}, computed from the input and this run's
    own decisions (quarantine, withheld articles with no earlier version), not from the output."""
    params = {}
    if "expected_articles" in wanted:
        files = len(list_article_files(seeds.root)) if seeds.root.is_dir() else 0
        quarantined = con.execute("SELECT count(*) FROM raw.ingest_errors").fetchone()[0]
        dropped = con.execute("SELECT count(*) FROM raw.withheld_articles WHERE NOT kept_version").fetchone()[0]
        params["expected_articles"] = files - quarantined - dropped
    return params


def _failure_markdown(failures) -> str:
    lines = []
    for f in failures:
        where = f" on `{f.column}`" if f.column else ""
        lines.append(f"- **{f.severity}** `{f.expectation}`{where}: {f.summary}")
    return "\n".join(lines) or "none"


def _asset_key(suite: Suite) -> dg.AssetKey:
    return dg.AssetKey(suite.asset.split("/"))


def _result(suite: Suite, outcome: Outcome, rows: SuiteRows, params: dict, docs: str,
            withheld: dict[str, str]) -> dg.AssetCheckResult:
    """``withheld``: article_id -> file name, for the articles this run withheld."""
    broken, warnings = outcome.broken, outcome.warnings
    mine = sorted({withheld[a] for a in outcome.withheld if a in withheld})
    samples = [{"expectation": f.expectation, "column": f.column, "rows": f.sample_rows} for f in outcome.failures if f.sample_rows]
    summary = "; ".join(f"{f.label} {f.summary}" for f in outcome.failures)
    if not outcome.failures:
        description = f"all {outcome.evaluated} expectations passed"
    elif broken:
        description = f"{len(broken)} failed (the build is broken), {len(warnings)} warnings of {outcome.evaluated} expectations: {summary}"
    else:
        description = (f"{len(mine)} article(s) withheld ({', '.join(mine[:5])}{' …' if len(mine) > 5 else ''}), "
                       if mine else "") + f"{len(warnings)} warnings of {outcome.evaluated} expectations: {summary}"
    return dg.AssetCheckResult(
        asset_key=_asset_key(suite),
        check_name=f"ge_{suite.name}",
        passed=not outcome.failures,
        severity=dg.AssetCheckSeverity.ERROR if broken else dg.AssetCheckSeverity.WARN,
        description=description,
        metadata={
            "withheld_articles": dg.MetadataValue.json(mine) if mine else dg.MetadataValue.text("none"),
            "rows_validated": rows.rows_validated,
            "table_rows": rows.table_rows,
            "validated": rows.scope,
            "expectations": outcome.evaluated,
            "failed_expectations": dg.MetadataValue.md(_failure_markdown(outcome.failures)),
            "sample_failing_rows": dg.MetadataValue.json(samples) if samples else dg.MetadataValue.text("none"),
            "data_docs": dg.MetadataValue.path(docs),
            **({"parameters": dg.MetadataValue.json(json.loads(json.dumps(params, default=str)))} if params else {}),
        },
    )


def build_stage_check(stage: str, suites: list[Suite]) -> dg.AssetChecksDefinition:
    by_name = {f"ge_{s.name}": s for s in suites}

    @dg.multi_asset_check(
        name=f"quality_{stage}",
        specs=[
            dg.AssetCheckSpec(
                name=check_name, asset=_asset_key(suite), blocking=suite.blocking,
                description=f"Great Expectations suite expectations/{suite.path.name}. {suite.description}".strip(),
            )
            for check_name, suite in by_name.items()
        ],
        can_subset=True,
    )
    def _check(context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource, seeds: SeedsFolder,
               reports: ReportFolders):
        selected = [by_name[key.name] for key in context.selected_asset_check_keys]
        docs_root = Path(reports.data_docs)
        baseline = Baseline.of(warehouse.path, publication(warehouse.path))
        with warehouse.connect() as con:
            params = _runtime_parameters(con, seeds, set().union(*(s.parameters for s in selected)))
            if problem := open_baseline(con, baseline):
                context.log.warning(problem)
            try:
                rows = {s.name: suite_rows(con, s, baseline) for s in selected}
            finally:
                close_baseline(con)
        outcomes = {s.name: _validate(s, rows[s.name], params, docs_root) for s in selected}
        docs = str(publish_data_docs(docs_root, list(outcomes.values())))
        withheld = _withhold(context, warehouse, stage, selected, outcomes)
        blocked = [s.name for s in selected if s.blocking and outcomes[s.name].broken]
        if blocked:
            context.log.error(f"blocking checks failed ({', '.join(blocked)}): {unchanged_text(warehouse.path)}")
        for suite in selected:
            yield _result(suite, outcomes[suite.name], rows[suite.name], params, docs, withheld)

    return _check


def _withhold(context, warehouse: WarehouseResource, stage: str, suites: list[Suite], outcomes: dict[str, Outcome]) -> dict[str, str]:
    """Withhold the articles whose rows broke a withhold expectation; returns article_id -> file name.
    When most articles broke one, the failures stay errors and the check blocks."""
    items = [
        Withholding(article_id, stage, f"ge_{suite.name}", f"{failure.label} fails on {failure.articles[article_id][0]} of its rows",
                    failure.articles[article_id][1])
        for suite in suites for article_id, failures in outcomes[suite.name].withheld.items() for failure in failures
    ]
    if not items:
        return {}
    failing = {item.article_id for item in items}
    with warehouse.connect() as con:
        total = con.execute("SELECT count(*) FROM raw.articles").fetchone()[0]
        if most_of(len(failing), total):
            for outcome in outcomes.values():
                for failure in outcome.errors:
                    failure.articles = {}  # counted as broken: the build fails, nothing is withheld
            context.log.error(f"{len(failing)} of {total} articles break row-level invariants: that is the code, not the "
                              "articles; nothing is withheld and nothing is published")
            return {}
        recorded = withhold(con, items, Path(warehouse.path), context.op_execution_context.run_id)
    for row in recorded:
        context.log.warning(f"withheld {describe(row)}")
    return {row["article_id"]: row["file_name"] for row in recorded}


def _validate(suite: Suite, rows: SuiteRows, params: dict, docs_root: Path) -> Outcome:
    if rows.changed is None:
        return validate(suite, rows.whole, params, docs_root=docs_root)
    outcome = validate(suite, rows.changed, params, docs_root=docs_root, expectations=suite.row_local)
    if rows.whole is not None:
        outcome = outcome + validate(suite, rows.whole, params, docs_root=docs_root, expectations=suite.table_level)
    return outcome


# read once, when the definitions load: the checks validate these versions, and the publication
# records these same versions (suite_digests), not whatever the files hold by the time it publishes
SUITES = load_suites(settings.expectations_dir())


def suite_digests() -> dict[str, str]:
    return {suite.name: suite.digest for suite in SUITES}


def expectation_checks() -> list[dg.AssetChecksDefinition]:
    stages: dict[str, list[Suite]] = defaultdict(list)
    for suite in SUITES:
        stages[suite.stage].append(suite)
    return [build_stage_check(stage, suites) for stage, suites in sorted(stages.items())]
