"""Quality stage: one blocking Dagster asset check per Great Expectations suite in expectations/."""

import json

import dagster as dg

from orchestration import settings
from orchestration.articles.reader import list_article_files
from orchestration.quality.suites import Suite, data_docs_index, load_suites, validate
from orchestration.resources import SeedsFolder, WarehouseResource


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


def build_check(suite: Suite) -> dg.AssetChecksDefinition:
    asset_key = dg.AssetKey(suite.asset.split("/"))

    @dg.asset_check(
        asset=asset_key,
        name=f"ge_{suite.name}",
        blocking=suite.blocking,
        description=f"Great Expectations suite expectations/{suite.path.name}. {suite.description}".strip(),
    )
    def _check(warehouse: WarehouseResource, seeds: SeedsFolder) -> dg.AssetCheckResult:
        with warehouse.connect(read_only=False) as con:
            frame = con.execute(suite.query).df()
            params = _runtime_parameters(con, seeds, suite.parameters)
        docs_root = settings.data_docs_dir()
        outcome = validate(suite, frame, params, docs_root=docs_root)
        errors, warnings = outcome.errors, outcome.warnings
        samples = [{"expectation": f.expectation, "column": f.column, "rows": f.sample_rows} for f in outcome.failures if f.sample_rows]
        return dg.AssetCheckResult(
            passed=not outcome.failures,
            severity=dg.AssetCheckSeverity.ERROR if errors else dg.AssetCheckSeverity.WARN,
            description=(
                f"{len(errors)} failed, {len(warnings)} warnings of {outcome.evaluated} expectations: "
                + "; ".join(f"{f.expectation}({f.column or ''}) {f.summary}" for f in outcome.failures)
            ) if outcome.failures else f"all {outcome.evaluated} expectations passed",
            metadata={
                "rows_validated": len(frame),
                "expectations": outcome.evaluated,
                "failed_expectations": dg.MetadataValue.md(_failure_markdown(outcome.failures)),
                "sample_failing_rows": dg.MetadataValue.json(samples) if samples else dg.MetadataValue.text("none"),
                "data_docs": dg.MetadataValue.path(str(data_docs_index(docs_root))),
                **({"parameters": dg.MetadataValue.json(json.loads(json.dumps(params, default=str)))} if params else {}),
            },
        )

    return _check


def expectation_checks() -> list[dg.AssetChecksDefinition]:
    return [build_check(suite) for suite in load_suites(settings.EXPECTATIONS_DIR)]
