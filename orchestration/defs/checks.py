"""Quality stage: the Great Expectations suites in expectations/ as blocking Dagster asset checks.

One multi-asset check per pipeline stage (ingest, extract, marts) validates every suite of that
stage in one step and renders Data Docs once: per-suite steps spent more time starting and
re-rendering the site than validating. Each suite is still its own check in the UI, attached
to its asset, blocking (or not) on its own.
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


def _runtime_parameters(con, seeds: SeedsFolder, wanted: set[str]) -> dict:
    """Values suites may refer to with {"$PARAMETER": name}, computed from the input, not the output."""
    params = {}
    if "expected_articles" in wanted:
        files = len(list_article_files(seeds.root)) if seeds.root.is_dir() else 0
        quarantined = con.execute("SELECT count(*) FROM raw.ingest_errors").fetchone()[0]
        params["expected_articles"] = files - quarantined
    return params


def _failure_markdown(failures) -> str:
    lines = []
    for f in failures:
        where = f" on `{f.column}`" if f.column else ""
        lines.append(f"- **{f.severity}** `{f.expectation}`{where}: {f.summary}")
    return "\n".join(lines) or "none"


def _asset_key(suite: Suite) -> dg.AssetKey:
    return dg.AssetKey(suite.asset.split("/"))


def stage_of(suite: Suite) -> str:
    if suite.asset == "raw_articles":
        return "ingest"
    return "extract" if suite.asset.startswith("raw_") else "marts"


def _result(suite: Suite, outcome: Outcome, rows: SuiteRows, params: dict, docs: str) -> dg.AssetCheckResult:
    errors, warnings = outcome.errors, outcome.warnings
    samples = [{"expectation": f.expectation, "column": f.column, "rows": f.sample_rows} for f in outcome.failures if f.sample_rows]
    return dg.AssetCheckResult(
        asset_key=_asset_key(suite),
        check_name=f"ge_{suite.name}",
        passed=not outcome.failures,
        severity=dg.AssetCheckSeverity.ERROR if errors else dg.AssetCheckSeverity.WARN,
        description=(
            f"{len(errors)} failed, {len(warnings)} warnings of {outcome.evaluated} expectations: "
            + "; ".join(f"{f.expectation}({f.column or ''}) {f.summary}" for f in outcome.failures)
        ) if outcome.failures else f"all {outcome.evaluated} expectations passed",
        metadata={
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
        blocked = [s.name for s in selected if s.blocking and outcomes[s.name].errors]
        if blocked:
            context.log.error(f"blocking checks failed ({', '.join(blocked)}): {unchanged_text(warehouse.path)}")
        for suite in selected:
            yield _result(suite, outcomes[suite.name], rows[suite.name], params, docs)

    return _check


def _validate(suite: Suite, rows: SuiteRows, params: dict, docs_root: Path) -> Outcome:
    if rows.changed is None:
        return validate(suite, rows.whole, params, docs_root=docs_root)
    outcome = validate(suite, rows.changed, params, docs_root=docs_root, expectations=suite.row_local)
    if rows.whole is not None:
        outcome = outcome + validate(suite, rows.whole, params, docs_root=docs_root, expectations=suite.table_level)
    return outcome


# read once, when the definitions load: the checks validate these versions, and the publication
# records these same versions (suite_digests), not whatever the files hold by the time it publishes
SUITES = load_suites(settings.EXPECTATIONS_DIR)


def suite_digests() -> dict[str, str]:
    return {suite.name: suite.digest for suite in SUITES}


def expectation_checks() -> list[dg.AssetChecksDefinition]:
    stages: dict[str, list[Suite]] = defaultdict(list)
    for suite in SUITES:
        stages[stage_of(suite)].append(suite)
    return [build_stage_check(stage, suites) for stage, suites in sorted(stages.items())]
