"""Extract stage: raw.articles → sentences, actor mentions, figures, dates, events, quotes, citations."""

import dagster as dg

from orchestration import warehouse as wh
from orchestration.extract import extract_pending, extractor_version
from orchestration.resources import WarehouseResource

DESCRIPTIONS = {
    "sentences": "Sentences of each article body with character offsets (raw.sentences).",
    "entity_mentions": "Actor mentions resolved within each article (raw.entity_mentions).",
    "place_mentions": "Named places (GPE / LOC / FAC) with offsets: where things happen (raw.place_mentions).",
    "figure_mentions": "Numbers that count something: value range, hedge, count type, claimant, outlet, part-of link (raw.figure_mentions).",
    "date_mentions": "Date expressions resolved to calendar dates with a precision (raw.date_mentions).",
    "events": "Dated happenings: the clause a date anchors, with its place (raw.events).",
    "event_actors": "Actors taking part in each event, with a role (raw.event_actors).",
    "quotes": "Direct quotations with their speaker (raw.quotes).",
    "citations": "Cited sources: footnotes, source lines, according to, photo credits (raw.citations).",
}


@dg.multi_asset(
    name="extract_articles",
    specs=[
        dg.AssetSpec(f"raw_{table}", deps=["raw_articles"], group_name="extract", kinds={"python", "spacy", "duckdb"},
                     description=DESCRIPTIONS[table])
        for table in wh.EXTRACTION_TABLES
    ],
)
def extract_articles(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    with warehouse.connect() as con:
        report = extract_pending(con, log=context.log)
        counts = {t: con.execute(f"SELECT count(*) FROM raw.{t}").fetchone()[0] for t in wh.EXTRACTION_TABLES}
    for file_name, error in report.failed:
        context.log.error(f"{file_name}: {error}")
    for table in wh.EXTRACTION_TABLES:
        yield dg.MaterializeResult(
            asset_key=f"raw_{table}",
            metadata={
                "dagster/row_count": counts[table],
                "rows_written_this_run": report.rows.get(table, 0),
                "articles_parsed": report.parsed,
                "articles_skipped_unchanged": report.skipped,
                "articles_failed": len(report.failed),
                "extractor_version": extractor_version(),
                "parse_seconds": round(report.seconds_parsing, 2),
            },
        )
