"""Extract stage: raw.articles → sentences, actor mentions, figures, dates, events, quotes, citations."""

import dagster as dg

from orchestration.defs.assets.previews import table_preview
from orchestration.defs.resources import WarehouseResource
from orchestration.library.articles.reader import article_id_for
from orchestration.warehouse import database as wh
from orchestration.warehouse.extract_pending import extract_pending, extractor_version
from orchestration.warehouse.parsing import ExtractionBrokenError, diagnose
from orchestration.warehouse.withhold import Withholding, describe, most_of, withhold

DESCRIPTIONS = {
    "sentences": "Sentences of each article body with character offsets (raw.sentences).",
    "entity_mentions": "Actor mentions resolved within each article (raw.entity_mentions).",
    "place_mentions": "Named places (GPE / LOC / FAC) with offsets: where things happen (raw.place_mentions).",
    "figure_mentions": ("Numbers that count something: value range, hedge, count type, claimant, outlet, part-of link "
                        "(raw.figure_mentions)."),
    "date_mentions": "Date expressions resolved to calendar dates with a precision (raw.date_mentions).",
    "events": "Dated happenings: the clause a date anchors, with its place (raw.events).",
    "event_actors": "Actors taking part in each event, with a role (raw.event_actors).",
    "quotes": "Direct quotations with their speaker (raw.quotes).",
    "citations": "Cited sources: footnotes, source lines, according to, photo credits (raw.citations).",
}

# the first rows of each table as the UI shows them: the article file, then what was found
PREVIEWS = {
    "sentences": "t.sentence_no, t.text",
    "entity_mentions": "t.surface_text, t.canonical_name, t.actor_type, t.resolution",
    "place_mentions": "t.surface_text, t.label",
    "figure_mentions": "t.surface_text, t.value_low, t.value_high, t.qualifier, t.unit, t.count_type, t.claimant_text, t.outlet_text",
    "date_mentions": "t.surface_text, t.date_start, t.date_end, t.precision",
    "events": "t.event_date, t.date_precision, t.date_text, t.description, t.location",
    "event_actors": "t.role, m.surface_text AS actor, m.canonical_name",
    "quotes": "t.speaker_text, t.speaker_canonical, t.quote_text",
    "citations": "t.kind, t.source_text, t.footnote_no, t.cited_title, t.cited_date",
}
PREVIEW_JOINS = {"event_actors": "LEFT JOIN raw.entity_mentions m ON m.mention_id = t.mention_id"}
PREVIEW_ORDER = {"event_actors": "t.event_id", "citations": "t.start_char", "events": "t.sentence_no"}
PREVIEW_ROWS = 10

# what analysts count after each run: figures, actors, events (numbers the UI plots across runs)
TOTALS = {
    "figure_mentions": {"figures": "SELECT count(*) FROM raw.figure_mentions",
                        "figures_with_claimant": "SELECT count(*) FROM raw.figure_mentions WHERE claimant_text IS NOT NULL"},
    "entity_mentions": {"actors": "SELECT count(DISTINCT lower(canonical_name)) FROM raw.entity_mentions"},
    "events": {"events": "SELECT count(*) FROM raw.events",
               "dated_events": "SELECT count(*) FROM raw.events WHERE event_date IS NOT NULL"},
    "quotes": {"speakers": "SELECT count(DISTINCT lower(speaker_canonical)) FROM raw.quotes"},
}


def _preview(con, table: str):
    order = PREVIEW_ORDER.get(table, "t.start_char")
    return con.execute(
        f"SELECT a.file_name, {PREVIEWS[table]} FROM raw.{table} t JOIN raw.articles a USING (article_id) "
        f"{PREVIEW_JOINS.get(table, '')} ORDER BY a.file_name, {order} LIMIT {PREVIEW_ROWS}"
    ).df()


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
        attempted = report.parsed + len(report.failed)
        if most_of(len(report.failed), attempted):
            # nothing is withheld: the run fails and the published warehouse stays as it was
            raise ExtractionBrokenError(
                f"extraction failed for {len(report.failed)} of {attempted} articles, so the cause is not the articles: "
                + diagnose([error for _, error in report.failed]))
        # an article whose extractor raised is withheld: its last published version is kept
        withheld = withhold(con, [Withholding(article_id_for(name), "extract", "extraction", f"extraction failed: {error}")
                                  for name, error in report.failed], warehouse.path, context.run_id)
        counts = {t: con.execute(f"SELECT count(*) FROM raw.{t}").fetchone()[0] for t in wh.EXTRACTION_TABLES}
        previews = {t: table_preview(_preview(con, t)) for t in wh.EXTRACTION_TABLES}
        totals = {t: {k: con.execute(sql).fetchone()[0] for k, sql in TOTALS.get(t, {}).items()} for t in wh.EXTRACTION_TABLES}
    for row in withheld:
        context.log.warning(f"withheld {describe(row)}")
    for table in wh.EXTRACTION_TABLES:
        yield dg.MaterializeResult(
            asset_key=f"raw_{table}",
            metadata={
                "dagster/row_count": counts[table],
                "rows_written_this_run": report.rows.get(table, 0),
                "articles_parsed": report.parsed,
                "articles_skipped_unchanged": report.skipped,
                "articles_failed": len(report.failed),
                "articles_withheld": len(withheld),
                "extractor_version": extractor_version(),
                "parse_seconds": round(report.seconds_parsing, 2),
                "parse_processes": report.processes,
                # where parsing ran: in-process, local cluster or cluster, with its scheduler, workers and tasks
                **{f"parse_{k}": v for k, v in report.engine.items()},
                **totals[table],
                "preview": previews[table],
            },
        )
