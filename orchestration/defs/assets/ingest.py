"""Ingest stage: seeds folder → raw.articles (+ raw.ingest_errors, raw.skipped_files)."""

from collections import Counter

import dagster as dg

from orchestration.defs.assets.previews import table_preview
from orchestration.defs.resources import SeedsFolder, WarehouseResource
from orchestration.warehouse import publish
from orchestration.warehouse.fingerprint import articles_digest
from orchestration.warehouse.sync import sync_articles


@dg.asset(
    name="raw_articles",
    group_name="ingest",
    kinds={"python", "duckdb"},
    description=(
        "One row per article file in the seeds folder (raw.articles): metadata (front matter wins over "
        "inference), body text, and boilerplate set aside. Unreadable files go to raw.ingest_errors; "
        "what is not an article (another file type, hidden files, a saved page's assets folder) is listed "
        "in raw.skipped_files. "
        "Not materialized when nothing changed: the same article files and the same code as the last "
        "publication (its inputs digest); then every later step is skipped too, and the log says why."
    ),
    output_required=False,
)
def raw_articles(context: dg.AssetExecutionContext, warehouse: WarehouseResource, seeds: SeedsFolder):
    articles = articles_digest(seeds.root)  # the folder read once, for both digests
    digest, last = publish.unchanged_since(warehouse.path, warehouse.work_path, seeds.root, articles)
    if last:
        context.log.info(publish.skipped_text(warehouse.path, last, digest) + ".")
        return
    with warehouse.connect() as con:
        report = sync_articles(con, seeds.root, log=context.log)
        publish.record_inputs(con, digest, articles)
        preview = con.execute(
            "SELECT file_name, title, publisher, author, published_date, word_count FROM raw.articles ORDER BY file_name LIMIT 10"
        ).df()
        rows = con.execute("SELECT count(*) FROM raw.articles").fetchone()[0]
        quarantine = con.execute("SELECT file_name, reason, size_bytes FROM raw.ingest_errors ORDER BY file_name").df()
        skipped = con.execute("SELECT file_name, kind, reason, files FROM raw.skipped_files ORDER BY file_name").df()
    for err in report.quarantined:
        context.log.warning(f"quarantined {err.file_name}: {err.reason}")
    for entry in report.skipped:
        context.log.info(f"not an article, left alone: {entry.file_name}: {entry.reason}")
    kinds = Counter(entry.kind for entry in report.skipped)
    context.log.info(
        f"{len(report.added)} added, {len(report.changed)} changed, {len(report.removed)} removed, "
        f"{report.unchanged} unchanged, {len(report.quarantined)} quarantined, {len(report.skipped)} not articles"
        + (f" ({', '.join(f'{n} {kind}' for kind, n in sorted(kinds.items()))})" if kinds else "")
    )
    yield dg.MaterializeResult(
        metadata={
            "dagster/row_count": rows,
            "added": len(report.added),
            "changed": len(report.changed),
            "removed": len(report.removed),
            "unchanged": report.unchanged,
            "quarantined": len(report.quarantined),
            # every file in quarantine now (the table mirrors the folder), with the reason
            "quarantined_files": table_preview(quarantine, limit=100) if len(quarantine) else dg.MetadataValue.text("none"),
            # entries that are not articles: other file types, hidden files, a saved page's assets folder
            "not_articles": len(report.skipped),
            "not_article_files": table_preview(skipped, limit=100) if len(skipped) else dg.MetadataValue.text("none"),
            "seeds_folder": dg.MetadataValue.path(str(seeds.root)),
            "inputs_digest": digest,
            "preview": table_preview(preview),
        }
    )
