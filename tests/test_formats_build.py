"""One article saved five ways (.txt, .md, .html, .mhtml, .pdf: tests/fixtures/formats/, made as
analysts make them), a UN-style report PDF, a Word document and the things that lie about a real
seeds folder (a scan, a picture, the saved page's assets folder, hidden files), built by the
product's job into one warehouse. Every format gives the same figures, claimants and sources;
no number of the page's clutter becomes a figure; every file is accounted for."""
from __future__ import annotations

import shutil

import pytest

from scripts.make_format_fixtures import FIXTURES as FORMATS
from scripts.make_format_fixtures import write_docx
from tests.conftest import build, query

pytestmark = pytest.mark.slow

FIVE = ["article.txt", "article.md", "article.html", "article.mhtml", "article.pdf"]


@pytest.fixture(scope="module")
def formats_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("formats")
    seeds = root / "seeds"
    seeds.mkdir()
    for path in FORMATS.iterdir():
        shutil.copy(path, seeds / path.name)
    write_docx(seeds / "situation_note.docx")
    (seeds / "article_files").mkdir()  # "Save page as, complete" writes article.html and this beside it
    (seeds / "article_files" / "analytics.js").write_text("window.killed = 99;")
    (seeds / "article_files" / "related.html").write_text("<p>Ninety-nine killed in a related story, police said.</p>")
    (seeds / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(64))
    (seeds / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    warehouse = root / "warehouse.duckdb"
    result = build(warehouse, seeds)
    return warehouse, result


def _figures(warehouse, name):
    return sorted(query(warehouse, """
        SELECT f.value_low, f.value_high, f.count_type, f.qualifier, f.unit, c.name AS claimant, s.name AS via
        FROM marts.fct_figures f JOIN marts.dim_articles a USING (article_id)
        LEFT JOIN marts.dim_actors c ON c.actor_id = f.claimed_by_actor_id
        LEFT JOIN marts.dim_sources s ON s.source_id = f.reported_via_source_id
        WHERE a.file_name = ?""", [name]), key=repr)


def _sources(warehouse, name):
    return sorted(query(warehouse, """
        SELECT c.kind, s.name FROM marts.fct_citations c JOIN marts.dim_articles a USING (article_id)
        JOIN marts.dim_sources s USING (source_id) WHERE a.file_name = ? AND c.text_field = 'body'""", [name]))


def test_the_build_succeeds_with_every_check_passing(formats_build):
    _, result = formats_build
    assert result.success
    failed = [e.asset_check_evaluation_data for e in result.all_events
              if e.event_type_value == "ASSET_CHECK_EVALUATION" and not e.asset_check_evaluation_data.passed]
    assert not [f.check_name for f in failed if f.check_name == "ge_raw_articles"], [f.description for f in failed]


def test_five_formats_of_one_article_give_the_same_figures_claimants_and_sources(formats_build):
    warehouse, _ = formats_build
    figures = {name: _figures(warehouse, name) for name in FIVE}
    sources = {name: _sources(warehouse, name) for name in FIVE}
    reference = figures["article.txt"]
    assert (14.0, 14.0, "killed", "at_least") in {f[:4] for f in reference}  # the article's toll, read
    claimants = {f[5] for f in reference}
    assert {"Syrian Observatory for Human Rights", "Syrian Arab Red Crescent", "Adam Abdelmoula"} <= claimants
    assert {name for _, name in sources["article.txt"]} >= {"SANA", "Syrian Observatory for Human Rights"}
    for name in FIVE[1:]:
        assert figures[name] == reference, name
        assert sources[name] == sources["article.txt"], name


def test_no_number_of_the_page_clutter_becomes_a_figure(formats_build):
    warehouse, _ = formats_build
    article_numbers = {r[0] for r in query(warehouse, """
        SELECT f.surface_text FROM marts.fct_figures f JOIN marts.dim_articles a USING (article_id)
        WHERE a.file_name = 'article.txt'""")}
    for name in ("article.html", "article.mhtml", "article.pdf"):
        found = {r[0] for r in query(warehouse, """
            SELECT f.surface_text FROM marts.fct_figures f JOIN marts.dim_articles a USING (article_id)
            WHERE a.file_name = ?""", [name])}
        assert found == article_numbers, (name, found - article_numbers)
    everything = " ".join(r[0] for r in query(warehouse, "SELECT surface_text FROM marts.fct_figures"))
    for clutter in ("842", "1,208", "48", "3,000", "50,000", "300", "99"):
        assert clutter not in everything.split(), clutter


def test_the_report_is_read_with_its_footnotes_and_its_figures(formats_build):
    warehouse, _ = formats_build
    (row,) = query(warehouse, "SELECT source_format, body_text, boilerplate_text FROM raw.articles WHERE file_name = 'report.pdf'")
    assert row[0] == "pdf" and "¹ Office for the Coordination of Humanitarian Affairs" in row[1]
    assert "A/HRC/58/CRP.3" in row[2]
    values = {r[0] for r in query(warehouse, """
        SELECT f.value_low FROM marts.fct_figures f JOIN marts.dim_articles a USING (article_id)
        WHERE a.file_name = 'report.pdf'""")}
    assert {1383.0, 21000.0, 8000.0, 1426.0} <= values
    cited = {r[0] for r in query(warehouse, """
        SELECT s.name FROM marts.fct_citations c JOIN marts.dim_articles a USING (article_id) JOIN marts.dim_sources s USING (source_id)
        WHERE a.file_name = 'report.pdf' AND c.kind = 'footnote'""")}
    assert {"OCHA", "UNHCR"} <= cited


def test_every_file_in_the_folder_is_accounted_for(formats_build):
    warehouse, _ = formats_build
    articles = {r[0]: r[1] for r in query(warehouse, "SELECT file_name, source_format FROM raw.articles")}
    assert articles == {"article.txt": "text", "article.md": "markdown", "article.html": "html", "article.mhtml": "mhtml",
                        "article.pdf": "pdf", "report.pdf": "pdf", "situation_note.docx": "docx"}
    assert query(warehouse, "SELECT file_name, reason FROM raw.ingest_errors") == [
        ("scanned.pdf", "no text layer (scanned PDF): run OCR first")]
    assert query(warehouse, "SELECT file_name, kind, reason, files FROM raw.skipped_files ORDER BY file_name") == [
        (".DS_Store", "hidden", "hidden file: skipped", 1),
        ("article_files/", "page_assets", "assets of the saved page article.html (2 files): left alone", 2),
        ("photo.jpg", "unsupported", "unsupported file type .jpg: save articles as .txt, .md, .html, .htm, .xhtml, "
                                     ".mhtml, .pdf or .docx", 1),
    ]
    assert query(warehouse, "SELECT count(*) FROM marts.dim_articles") == [(7,)]  # skipped entries are not articles


def test_the_run_summary_lists_what_was_not_read(formats_build):
    from orchestration.cli import summary_text

    warehouse, _ = formats_build
    text = summary_text(warehouse)
    assert "Files quarantined: 1\n  - scanned.pdf: no text layer (scanned PDF): run OCR first" in text
    assert "Not articles, left alone: 3 (raw.skipped_files)" in text
    assert "  - photo.jpg: unsupported file type .jpg: save articles as .txt, .md" in text
    assert "  - article_files/: assets of the saved page article.html (2 files): left alone" in text
    assert "  - .DS_Store: hidden file: skipped" in text
