"""The bad-input catalogue: every kind of awkward file, in one seeds folder next to the five real
seeds, through the whole pipeline (the product's job, once for the module). Each input is either
ingested correctly or quarantined with a reason; every other file is still built; the run succeeds.

The file that disappears between listing and reading is made to vanish inside that same run
(the ingest step's listing is wrapped so the file is deleted right after it was listed).
The README's "Bad input and reliability" table lists every case here with its outcome.
"""
from __future__ import annotations

import codecs
import os
import random
import shutil
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest

from orchestration.library.articles.reader import MAX_FILE_BYTES, MAX_TEXT_CHARS
from scripts.make_format_fixtures import FIXTURES as FORMATS
from scripts.make_format_fixtures import encrypted_pdf, write_docx
from tests.conftest import REPO, SEEDS, build, query

ARTICLE = (
    "Shelling kills 12 in Jableh as residents flee\n\n"
    "At least 12 people were killed and 30 wounded on Sunday, the Syrian Observatory for Human Rights said.\n\n"
    "“We heard the planes,” said Hassan, a café owner. About 2,000 families fled towards Latakia, officials said.\n"
)
ARABIC = (
    "مقتل 12 شخصا في قصف على جبلة\n\n"
    "قال المرصد السوري لحقوق الإنسان إن 12 شخصا قتلوا وأصيب 30 آخرون يوم الأحد.\n\n"
    "وفرت نحو 2000 عائلة باتجاه اللاذقية، بحسب مسؤولين.\n"
)
HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Shelling kills 12 in Jableh | Coast Wire</title>
<meta property="og:title" content="Shelling kills 12 in Jableh as residents flee">
<meta property="og:site_name" content="Coast Wire">
<meta name="author" content="Leila Haddad">
<meta property="article:published_time" content="2025-03-09T08:30:00Z">
<link rel="canonical" href="https://coastwire.example/2025/03/09/jableh">
<style>p { color: #333 }</style>
<script>window.dataLayer = []; document.write("<p>not article text</p>");</script>
</head><body>
<nav><a href="/">Home</a> <a href="/syria">Syria</a> <a href="/subscribe">Subscribe</a></nav>
<article>
<h1>Shelling kills 12 in Jableh as residents flee</h1>
<figure><img src="smoke.jpg" alt="Smoke over Jableh"><figcaption>Smoke over Jableh on March 9, 2025. (AFP)</figcaption></figure>
<p>At least 12 people were killed and 30 wounded on Sunday, the Syrian Observatory for Human Rights said.</p>
<p>&ldquo;We heard the planes,&rdquo; said Hassan, a caf&eacute; owner. About 2,000 families fled towards Latakia.</p>
</article>
<footer>&copy; 2025 Coast Wire. All rights reserved.</footer>
</body></html>
"""
MARKDOWN = """# Shelling kills 12 in Jableh as residents flee

**Coast Wire** | *9 March 2025*

At least **12 people** were killed and 30 wounded on Sunday, the [Syrian Observatory for Human Rights](https://www.syriahr.com) said.

## Families flee

- About 2,000 families fled towards Latakia.
- Officials opened two shelters.

> "We heard the planes," said Hassan, a café owner.
"""
# the same report in legacy code pages of other scripts (file name → code page, text)
LEGACY_SCRIPTS = {
    "russian_cp1251.txt": ("cp1251", "Обстрел в Джебле: 12 погибших\n\nПо меньшей мере 12 человек погибли и 30 ранены в воскресенье, "
                                     "сообщили официальные лица. Около 2000 семей бежали в сторону Латакии.\n"),
    "greek_cp1253.txt": ("cp1253", "Βομβαρδισμός στη Τζαμπλέ: 12 νεκροί\n\nΤουλάχιστον 12 άνθρωποι σκοτώθηκαν και 30 τραυματίστηκαν "
                                   "την Κυριακή, δήλωσαν αξιωματούχοι. Περίπου 2.000 οικογένειες έφυγαν.\n"),
    "polish_iso8859_2.txt": ("iso-8859-2", "Ostrzał w Dżabli: 12 zabitych\n\nWedług świadków co najmniej 12 osób zginęło, a 30 zostało "
                                           "rannych w niedzielę. Około 2000 rodzin uciekło do sąsiedniej Latakii.\n"),
    "japanese_shift_jis.txt": ("shift_jis", "ジャブレで砲撃、12人死亡\n\n日曜日の砲撃で少なくとも12人が死亡し、30人が負傷したと当局者が明らかにした。"
                                            "約2000世帯がラタキアに向けて避難した。\n"),
    "chinese_gb18030.txt": ("gb18030", "杰卜莱遭炮击，12人死亡\n\n官员表示，星期日的炮击造成至少12人死亡，30人受伤。约2000个家庭逃往拉塔基亚。\n"),
}
MIXED_UTF8 = "Shelling kills 12 in Jableh\n\n“We heard the planes,” said Hassan — a resident. ".encode()
MIXED_STRAY = b"The caf\xe9 owner\x92s family fled, officials said.\n"  # two Windows-1252 bytes in a UTF-8 file
SQL = "'); DROP TABLE raw.articles; --"
QUOTED_NAME = "it's a \"quoted\" name – تقرير 報告.txt"
SQL_NAME = f"x{SQL}.txt"


def png_bytes() -> bytes:
    """A real (1×1 pixel) PNG image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


@dataclass(frozen=True)
class Case:
    label: str  # as listed in the README table
    name: str  # file name in the seeds folder (relative)
    outcome: str  # "ingested", "quarantined", "removed" or "listed" (not an article: raw.skipped_files)
    reason: str = ""  # for quarantined and listed: a fragment of the reason


CASES = [
    Case("empty file", "empty.txt", "quarantined", "empty file (0 bytes)"),
    Case("whitespace only", "whitespace.txt", "quarantined", "only whitespace"),
    Case("binary: a PNG image renamed .txt", "image.txt", "quarantined", "looks like a PNG image"),
    Case("Latin-1 text", "latin1.txt", "ingested"),
    Case("Windows-1252 text", "windows1252.txt", "ingested"),
    Case("UTF-16 with BOM", "utf16_bom.txt", "ingested"),
    Case("Arabic in Windows-1256", "arabic_cp1256.txt", "ingested"),
    Case("HTML page saved as .txt", "saved_page.txt", "ingested"),
    Case("Markdown", "markdown.txt", "ingested"),
    Case("50 MB file", "huge_50mb.txt", "quarantined", "file too large"),
    Case("one 5 MB line", "one_long_line.txt", "quarantined", "text too long to parse"),
    Case("name with spaces, quotes and non-Latin letters", QUOTED_NAME, "ingested"),
    Case("SQL as content (and in the file name)", SQL_NAME, "ingested"),
    Case("same article under two names", "copy_of_001.txt", "ingested"),
    Case("symbolic link pointing outside the seeds folder", "outside_link.txt", "quarantined", "points outside the seeds folder"),
    Case("file that disappears between listing and reading", "vanishing.txt", "removed"),
    Case("directory named like a file", "folder.txt", "quarantined", "is a directory"),
    Case("article inside the directory named like a file", "folder.txt/inner.txt", "ingested"),
    # beyond the list
    Case("named pipe (FIFO) named .txt", "pipe.txt", "quarantined", "not a regular file"),
    Case("broken symbolic link", "broken_link.txt", "quarantined", "broken symbolic link"),
    Case("file name that is not valid UTF-8", "caf\\xe9.txt", "quarantined", "not valid UTF-8"),
    Case("front matter and nothing else", "front_matter_only.txt", "quarantined", "no article text"),
    Case("front matter that is not valid YAML", "bad_front_matter.txt", "quarantined", "not valid YAML"),
    Case("text with NUL bytes", "nul_bytes.txt", "quarantined", "NUL bytes"),
    # other scripts in their legacy code pages: each decoded letter for letter
    Case("Russian in Windows-1251", "russian_cp1251.txt", "ingested"),
    Case("Greek in Windows-1253", "greek_cp1253.txt", "ingested"),
    Case("Polish in ISO-8859-2", "polish_iso8859_2.txt", "ingested"),
    Case("Japanese in Shift-JIS", "japanese_shift_jis.txt", "ingested"),
    Case("Chinese in GB18030", "chinese_gb18030.txt", "ingested"),
    Case("UTF-8 with a stray Windows-1252 byte", "mixed_encodings.txt", "ingested"),
    Case("bytes no code page reads as text", "undecidable.txt", "quarantined", "encoding could not be told with confidence"),
    Case("one short Greek sentence in Windows-1253", "short_greek_cp1253.txt", "quarantined",
         "encoding could not be told with confidence"),
    Case("UTF-8 with \\r\\n and \\r-only line endings mixed", "line_endings.txt", "ingested"),
    Case("front matter whose published is not a date", "published_not_a_date.txt", "quarantined", "'published' is not a date"),
    # what analysts save besides text (tests/fixtures/formats/, made as they make them)
    Case("web page saved as .html, with its assets folder", "saved_page.html", "ingested"),
    Case("the saved page's assets folder (NAME_files/)", "saved_page_files/", "listed", "assets of the saved page saved_page.html (3 files)"),
    Case("page saved as one file (.mhtml)", "saved_page.mhtml", "ingested"),
    Case("page printed to PDF by the browser", "printed_page.pdf", "ingested"),
    Case("report PDF with running headers and footnotes", "report.pdf", "ingested"),
    Case("PDF renamed .txt", "report_renamed.txt", "ingested"),
    Case("Word document (.docx)", "note.docx", "ingested"),
    Case("Markdown notes (.md)", "notes.md", "ingested"),
    Case("web page whose markup is over 1,000,000 characters", "big_markup.html", "ingested"),
    Case("scanned PDF without a text layer", "scanned.pdf", "quarantined", "no text layer (scanned PDF): run OCR first"),
    Case("PDF that needs a password", "locked.pdf", "quarantined", "encrypted PDF: it needs a password to open"),
    Case("damaged PDF", "damaged.pdf", "quarantined", "PDF could not be read"),
    Case("front matter that opens with --- and never closes", "unclosed_front_matter.txt", "quarantined", "broken front matter"),
    Case("picture saved beside the articles (.jpg)", "photo.jpg", "listed", "unsupported file type .jpg: save articles as"),
    Case("file without a suffix", "README", "listed", "unsupported file type (no suffix)"),
    Case("hidden file (.DS_Store)", ".DS_Store", "listed", "hidden file: skipped"),
    Case("hidden folder (.git/)", ".git/", "listed", "hidden folder: skipped, with everything inside it"),
]
BY_NAME = {case.name: case for case in CASES}


def write_catalogue(seeds: Path, outside: Path) -> None:
    def put(name: str, data: bytes) -> None:
        (seeds / name).parent.mkdir(parents=True, exist_ok=True)
        (seeds / name).write_bytes(data)

    put("empty.txt", b"")
    put("whitespace.txt", b"  \n\t\n   \r\n")
    put("image.txt", png_bytes())
    put("latin1.txt", "Réfugiés à Jableh: 12 morts\n\nAu moins 12 personnes ont été tuées dimanche, a déclaré le propriétaire du café.\n".encode("latin-1"))
    put("windows1252.txt", ARTICLE.replace("Hassan", "Hassan (€5 a coffee)").encode("cp1252"))
    put("utf16_bom.txt", codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"))
    put("arabic_cp1256.txt", ARABIC.encode("cp1256"))
    put("saved_page.txt", HTML_PAGE.encode("utf-8"))
    put("markdown.txt", MARKDOWN.encode("utf-8"))
    with open(seeds / "huge_50mb.txt", "wb") as f:  # generated here, never committed
        paragraph = (ARTICLE.split("\n\n")[1] + "\n\n").encode()
        f.write((paragraph * (50 * 1024 * 1024 // len(paragraph) + 1))[: 50 * 1024 * 1024])
    put("one_long_line.txt", ("word " * (5 * 1024 * 1024 // 5)).encode())
    put(QUOTED_NAME, ARTICLE.replace("Jableh", "Baniyas").encode())
    put(SQL_NAME, f"Officials deny report\n\nThe statement read {SQL} and 4 people were hurt, the ministry said.\n".encode())
    shutil.copy(next(SEEDS.glob("001_*.txt")), seeds / "copy_of_001.txt")
    (outside / "secret.txt").write_text("Outside the seeds folder: must never be read.\n")
    os.symlink(outside / "secret.txt", seeds / "outside_link.txt")
    put("vanishing.txt", ARTICLE.encode())
    put("folder.txt/inner.txt", ARTICLE.replace("Jableh", "Tartus").encode())
    os.mkfifo(seeds / "pipe.txt")
    os.symlink(seeds / "no_such_target.txt", seeds / "broken_link.txt")
    with open(os.path.join(os.fsencode(seeds), b"caf\xe9.txt"), "wb") as f:
        f.write(ARTICLE.encode())
    put("front_matter_only.txt", b"---\ntitle: Nothing after this\n---\n\n")
    put("bad_front_matter.txt", b"---\ntitle: [unclosed\n---\nText.\n")
    put("nul_bytes.txt", b"Hello\x00world " * 200)
    for name, (encoding, text) in LEGACY_SCRIPTS.items():
        put(name, text.encode(encoding))
    put("mixed_encodings.txt", MIXED_UTF8 + MIXED_STRAY)
    # one sentence: too few letters for the detector to tell Windows-1253 from the code pages that
    # read the same bytes as other text
    put("short_greek_cp1253.txt", "Σκοτώθηκαν 40 άνθρωποι.\n".encode("cp1253"))
    noise = random.Random(7)
    put("undecidable.txt", bytes(noise.randrange(128, 256) for _ in range(600)))
    put("line_endings.txt", b"---\r\ntitle: Mixed line endings\r\npublished: 2025-03-09\r\n---\r\n"
        + ARTICLE.replace("\n\n", "\r\n\r", 1).replace("\n", "\r").encode())
    put("published_not_a_date.txt", b"---\ntitle: Shelling kills 12\npublished: last Sunday\n---\n" + ARTICLE.encode())
    # saved pages, PDFs, Word and Markdown, and what lies beside them
    put("saved_page.html", (FORMATS / "article.html").read_bytes())
    for asset in ("style.css", "app.js", "frame.html"):  # a frame is HTML too: part of the page, never an article
        put(f"saved_page_files/{asset}", b"<p>Ninety-nine killed in a story the page's frame shows.</p>")
    put("saved_page.mhtml", (FORMATS / "article.mhtml").read_bytes())
    put("printed_page.pdf", (FORMATS / "article.pdf").read_bytes())
    put("report.pdf", (FORMATS / "report.pdf").read_bytes())
    put("report_renamed.txt", (FORMATS / "report.pdf").read_bytes())
    write_docx(seeds / "note.docx")
    put("notes.md", MARKDOWN.encode("utf-8"))
    page = (FORMATS / "article.html").read_text(encoding="utf-8")
    put("big_markup.html", page.replace("</head>", "<script>var d='" + "x" * (MAX_TEXT_CHARS + 100_000) + "';</script></head>").encode())
    put("scanned.pdf", (FORMATS / "scanned.pdf").read_bytes())
    put("locked.pdf", encrypted_pdf("secret"))
    put("damaged.pdf", (FORMATS / "report.pdf").read_bytes()[:3000])
    put("unclosed_front_matter.txt", b"---\ntitle: Shelling kills 12\npublished: 2025-03-09\n\n" + ARTICLE.encode())
    put("photo.jpg", b"\xff\xd8\xff\xe0" + bytes(200))
    put("README", b"Notes about this folder.\n")
    put(".DS_Store", b"\0\0\0\1Bud1")
    put(".git/HEAD", b"ref: refs/heads/main\n")


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory):
    """(warehouse, run result, seeds folder): one build of the five seeds plus the whole catalogue."""
    import orchestration.warehouse.sync as ingest

    root = tmp_path_factory.mktemp("bad_inputs")
    seeds, outside = root / "seeds", root / "outside"
    seeds.mkdir()
    outside.mkdir()
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, seeds / path.name)
    write_catalogue(seeds, outside)
    assert (seeds / "huge_50mb.txt").stat().st_size == 50 * 1024 * 1024

    survey = ingest.survey_folder

    def list_then_vanish(folder):
        found = survey(folder)
        (folder / "vanishing.txt").unlink(missing_ok=True)  # gone after listing, before reading
        return found

    import dagster as dg

    warehouse = root / "warehouse.duckdb"
    instance = dg.DagsterInstance.ephemeral()  # keeps the run's log messages for the assertions
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ingest, "survey_folder", list_then_vanish)
        result = build(warehouse, seeds, instance=instance)
    result.log_messages = [entry.user_message for entry in instance.all_logs(result.run_id)]
    yield warehouse, result, seeds
    (seeds / "huge_50mb.txt").unlink(missing_ok=True)
    (seeds / "one_long_line.txt").unlink(missing_ok=True)


@pytest.mark.slow
def test_the_run_succeeds_with_no_failed_step(catalogue):
    _, result, _ = catalogue
    failures = [e for e in result.all_events if e.is_step_failure]
    assert result.success and not failures, [e.event_specific_data.error.message for e in failures]


@pytest.mark.slow
def test_every_seed_is_still_fully_built(catalogue):
    warehouse, _, _ = catalogue
    seeds = sorted(p.name for p in SEEDS.glob("*.txt"))
    built = query(warehouse, """
        SELECT a.file_name, count(DISTINCT s.sentence_no), count(DISTINCT f.figure_id)
        FROM marts.dim_articles a
        LEFT JOIN raw.sentences s USING (article_id)
        LEFT JOIN marts.fct_figures f USING (article_id)
        WHERE a.file_name IN (SELECT unnest(?::VARCHAR[])) GROUP BY 1 ORDER BY 1""", [seeds])
    assert [r[0] for r in built] == seeds
    assert all(sentences > 5 and figures > 0 for _, sentences, figures in built)


@pytest.mark.slow
def test_quarantine_holds_exactly_the_quarantined_cases(catalogue):
    warehouse, _, _ = catalogue
    quarantined = {r[0] for r in query(warehouse, "SELECT file_name FROM raw.ingest_errors")}
    assert quarantined == {c.name for c in CASES if c.outcome == "quarantined"}


@pytest.mark.slow
def test_every_file_is_built_quarantined_or_listed(catalogue):
    """Every entry of the folder is accounted for; what is not an article is not counted as one."""
    warehouse, _, seeds = catalogue
    accounted = {r[0] for r in query(warehouse, "SELECT file_name FROM raw.articles UNION ALL SELECT file_name FROM raw.ingest_errors "
                                                "UNION ALL SELECT file_name FROM raw.skipped_files")}
    listed = {r[0] for r in query(warehouse, "SELECT file_name FROM raw.skipped_files")}
    assert listed == {c.name for c in CASES if c.outcome == "listed"}
    for path in seeds.rglob("*"):
        rel = path.relative_to(seeds).as_posix().encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        if path.is_dir() and rel not in accounted:
            continue  # a folder is read file by file
        assert rel in accounted or any(rel.startswith(folder) for folder in listed if folder.endswith("/")), rel


@pytest.mark.slow
def test_every_article_is_extracted(catalogue):
    warehouse, _, _ = catalogue
    unparsed = query(warehouse, "SELECT file_name FROM raw.articles WHERE article_id NOT IN (SELECT article_id FROM raw.extraction_ledger)")
    assert unparsed == []


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_catalogue_input(catalogue, case):
    warehouse, _, _ = catalogue
    errors = dict(query(warehouse, "SELECT file_name, reason FROM raw.ingest_errors"))
    articles = {r[0] for r in query(warehouse, "SELECT file_name FROM marts.dim_articles")}
    listed = dict(query(warehouse, "SELECT file_name, reason FROM raw.skipped_files"))
    if case.outcome == "quarantined":
        assert case.name in errors and case.reason in errors[case.name], errors.get(case.name)
        assert case.name not in articles and case.name not in listed
    elif case.outcome == "ingested":
        assert case.name in articles and case.name not in errors and case.name not in listed
    elif case.outcome == "listed":  # not an article: listed with its reason, neither built nor quarantined
        assert case.name in listed and case.reason in listed[case.name], listed.get(case.name)
        assert case.name not in articles and case.name not in errors
    else:  # removed: neither an article nor an error
        assert case.name not in articles and case.name not in errors and case.name not in listed


def _article(warehouse, name):
    rows = query(warehouse, """
        SELECT title, publisher, author, published_date, url, encoding, source_format, body_text, boilerplate_text, duplicate_of
        FROM raw.articles WHERE file_name = ?""", [name])
    assert len(rows) == 1, name
    return dict(zip(["title", "publisher", "author", "published", "url", "encoding", "format", "body", "boilerplate", "duplicate_of"], rows[0]))


@pytest.mark.slow
def test_single_byte_and_utf16_texts_are_decoded(catalogue):
    warehouse, _, _ = catalogue
    latin = _article(warehouse, "latin1.txt")
    assert latin["title"] == "Réfugiés à Jableh: 12 morts" and "tuées" in latin["body"]
    western = _article(warehouse, "windows1252.txt")
    assert western["encoding"] == "cp1252" and "“We heard the planes,”" in western["body"] and "€5" in western["body"]
    utf16 = _article(warehouse, "utf16_bom.txt")
    assert utf16["encoding"] == "utf-16" and utf16["title"] == "Shelling kills 12 in Jableh as residents flee"
    arabic = _article(warehouse, "arabic_cp1256.txt")
    assert arabic["encoding"] == "cp1256" and arabic["title"] == "مقتل 12 شخصا في قصف على جبلة"
    assert "المرصد السوري" in arabic["body"]


@pytest.mark.slow
def test_other_scripts_and_mixed_files_are_decoded_letter_for_letter(catalogue):
    warehouse, _, _ = catalogue
    for name, (encoding, text) in LEGACY_SCRIPTS.items():
        article = _article(warehouse, name)
        title, body = text.split("\n\n", 1)
        assert article["title"] == title and body.strip() in article["body"], (name, article["encoding"])
    mixed = _article(warehouse, "mixed_encodings.txt")
    assert mixed["encoding"] == "utf-8 (2 stray cp1252 bytes)"
    assert "“We heard the planes,” said Hassan — a resident. The café owner’s family fled" in mixed["body"]


@pytest.mark.slow
def test_mixed_line_endings_become_one_kind(catalogue):
    article = _article(catalogue[0], "line_endings.txt")
    assert article["title"] == "Mixed line endings" and str(article["published"]) == "2025-03-09"
    assert "\r" not in article["body"] and "At least 12 people were killed" in article["body"]


@pytest.mark.slow
def test_html_page_becomes_its_text_with_the_pages_metadata(catalogue):
    from datetime import date

    page = _article(catalogue[0], "saved_page.txt")
    assert page["format"] == "html"
    assert page["title"] == "Shelling kills 12 in Jableh as residents flee"
    assert (page["publisher"], page["author"], page["published"]) == ("Coast Wire", "Leila Haddad", date(2025, 3, 9))
    assert page["url"] == "https://coastwire.example/2025/03/09/jableh"
    assert "<" not in page["body"] and "dataLayer" not in page["body"] and "not article text" not in page["body"]
    assert "“We heard the planes,” said Hassan, a café owner." in page["body"]
    assert "Smoke over Jableh" in page["boilerplate"] and "Subscribe" in page["boilerplate"]  # furniture kept, apart


@pytest.mark.slow
def test_markdown_loses_its_markup_not_its_words(catalogue):
    md = _article(catalogue[0], "markdown.txt")
    assert md["format"] == "markdown" and md["title"] == "Shelling kills 12 in Jableh as residents flee"
    assert "At least 12 people were killed" in md["body"] and "Syrian Observatory for Human Rights said" in md["body"]
    assert not any(mark in md["body"] for mark in ("**", "](", "# "))


@pytest.mark.slow
def test_sql_in_content_and_name_is_stored_verbatim(catalogue):
    warehouse, _, _ = catalogue
    assert query(warehouse, "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'raw' AND table_name = 'articles'") == [(1,)]
    row = _article(warehouse, SQL_NAME)
    assert SQL in row["body"]
    assert query(warehouse, "SELECT file_name FROM marts.dim_articles WHERE file_name = ?", [SQL_NAME]) == [(SQL_NAME,)]


@pytest.mark.slow
def test_name_with_quotes_and_non_latin_letters_round_trips(catalogue):
    assert _article(catalogue[0], QUOTED_NAME)["title"] == "Shelling kills 12 in Baniyas as residents flee"


@pytest.mark.slow
def test_duplicate_is_kept_flagged_and_warned_about(catalogue):
    warehouse, result, _ = catalogue
    original = next(SEEDS.glob("001_*.txt")).name
    assert _article(warehouse, "copy_of_001.txt")["duplicate_of"] == original
    assert _article(warehouse, original)["duplicate_of"] is None
    evaluations = [e.asset_check_evaluation_data for e in result.all_events if e.event_type_value == "ASSET_CHECK_EVALUATION"]
    warning = next(e for e in evaluations if e.check_name == "ge_raw_articles")
    assert not warning.passed and warning.severity.value == "WARN" and "copies_of_content" in warning.description


@pytest.mark.slow
def test_nothing_outside_the_seeds_folder_is_read(catalogue):
    warehouse, _, _ = catalogue
    hits = query(warehouse, "SELECT count(*) FROM raw.articles WHERE body_text LIKE '%must never be read%'")
    assert hits == [(0,)]


@pytest.mark.slow
def test_vanished_file_is_logged_as_removed(catalogue):
    _, result, seeds = catalogue
    assert not (seeds / "vanishing.txt").exists()
    assert any("vanishing.txt: file disappeared between listing and reading" in m for m in result.log_messages)


@pytest.mark.slow
def test_size_limits_are_the_readers_named_constants(catalogue):
    warehouse, _, _ = catalogue
    errors = dict(query(warehouse, "SELECT file_name, reason FROM raw.ingest_errors"))
    assert errors["huge_50mb.txt"] == f"file too large: 52,428,800 bytes (limit {MAX_FILE_BYTES:,} bytes, MAX_FILE_BYTES)"
    assert errors["one_long_line.txt"].startswith(f"text too long to parse: 5,242,880 characters (limit {MAX_TEXT_CHARS:,},")


def test_readme_lists_every_case_with_its_outcome():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    assert "## Bad input and reliability" in text
    section = text.split("## Bad input and reliability", 1)[1].split("\n## ", 1)[0]
    for case in CASES:
        line = next((row for row in section.splitlines() if row.startswith("|") and case.label in row), None)
        assert line, f"README does not list: {case.label}"
        assert case.outcome in line.lower(), f"README line for {case.label!r} does not say {case.outcome}"


# ---------------------------------------------------------------- ingest level (no pipeline run): the same guarantees, fast

def _sync(tmp_path, seeds, monkeypatch=None, listing=None):
    from orchestration.warehouse import database as warehouse
    from orchestration.warehouse.sync import sync_articles

    if listing and monkeypatch:
        monkeypatch.setattr("orchestration.warehouse.sync.survey_folder", listing)
    with warehouse.connect(tmp_path / "w.duckdb") as con:
        report = sync_articles(con, seeds)
        errors = dict(con.execute("SELECT file_name, reason FROM raw.ingest_errors").fetchall())
        names = {r[0] for r in con.execute("SELECT file_name FROM raw.articles").fetchall()}
    return report, errors, names


def test_ingest_listed_file_that_no_longer_exists_counts_as_removed(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "kept.txt").write_text(ARTICLE)
    (seeds / "gone.txt").write_text(ARTICLE)
    report, errors, names = _sync(tmp_path, seeds)
    assert names == {"kept.txt", "gone.txt"}
    from orchestration.library.articles.folder import survey_folder

    def listing(folder):
        found = survey_folder(folder)
        (folder / "gone.txt").unlink()
        return found

    report, errors, names = _sync(tmp_path, seeds, monkeypatch, listing)
    assert report.vanished == ["gone.txt"] and report.removed == ["gone.txt"]
    assert names == {"kept.txt"} and errors == {}


def test_ingest_refuses_directories_pipes_and_oversized_files_without_reading_them(tmp_path, monkeypatch):
    from orchestration.warehouse.sync import read_seed_file

    seeds = tmp_path / "seeds"
    (seeds / "dir.txt").mkdir(parents=True)
    os.mkfifo(seeds / "pipe.txt")  # opening it for reading would block forever without O_NONBLOCK
    (seeds / "big.txt").write_bytes(b"x" * 2000)
    assert "is a directory" in read_seed_file(seeds, "dir.txt", seeds / "dir.txt")[1].reason
    assert "not a regular file" in read_seed_file(seeds, "pipe.txt", seeds / "pipe.txt")[1].reason
    monkeypatch.setattr("orchestration.warehouse.sync.MAX_FILE_BYTES", 1000)
    data, error = read_seed_file(seeds, "big.txt", seeds / "big.txt")
    assert data is None and "file too large: 2,000 bytes" in error.reason and error.size_bytes == 2000


def test_ingest_link_inside_the_folder_is_followed_and_outside_refused(tmp_path):
    from orchestration.warehouse.sync import read_seed_file

    seeds, outside = tmp_path / "seeds", tmp_path / "outside.txt"
    seeds.mkdir()
    outside.write_text("secret")
    (seeds / "real.txt").write_text(ARTICLE)
    os.symlink(seeds / "real.txt", seeds / "alias.txt")
    os.symlink(outside, seeds / "escape.txt")
    os.symlink("../outside.txt", seeds / "relative_escape.txt")
    assert read_seed_file(seeds, "alias.txt", seeds / "alias.txt") == (ARTICLE.encode(), None)
    for name in ("escape.txt", "relative_escape.txt"):
        data, error = read_seed_file(seeds, name, seeds / name)
        assert data is None and "outside the seeds folder" in error.reason


def test_ingest_a_reader_crash_quarantines_that_file_only(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "good.txt").write_text(ARTICLE)
    (seeds / "crash.txt").write_text(ARTICLE.replace("12", "13"))
    from orchestration.library.articles import reader

    real = reader.read_article

    def flaky(name, data):
        if name == "crash.txt":
            raise RecursionError("maximum recursion depth exceeded")
        return real(name, data)

    monkeypatch.setattr("orchestration.warehouse.sync.read_article", flaky)
    report, errors, names = _sync(tmp_path, seeds)
    assert names == {"good.txt"}
    assert "could not be read (RecursionError" in errors["crash.txt"]


def test_reader_limits_apply_to_bytes_given_directly():
    from orchestration.library.articles.reader import IngestError, read_article

    assert isinstance(read_article("big.txt", b"a" * (MAX_FILE_BYTES + 1)), IngestError)
    long = read_article("long.txt", b"a " * (MAX_TEXT_CHARS // 2 + 1))
    assert isinstance(long, IngestError) and "text too long to parse" in long.reason
    ok = read_article("edge.txt", ("Headline\n\n" + "word " * 1000).encode())
    assert not isinstance(ok, IngestError)


def test_real_articles_are_read_as_plain_text_untouched_by_markup_rules():
    """Markup conversion only fires on files that clearly are HTML or Markdown: none of the seeds
    or held-out articles (which hold footnote links such as "- [505](#)" and *emphasis*)."""
    from orchestration.library.articles.markup import detect_format

    files = [*SEEDS.glob("*.txt"), *(REPO / "tests" / "fixtures").rglob("*.txt")]
    assert files
    for path in files:
        assert detect_format(path.read_text(encoding="utf-8")) == "text", path.name


def test_markup_detection_and_conversion():
    from orchestration.library.articles.markup import detect_format, html_to_text, markdown_to_text

    assert detect_format(HTML_PAGE) == "html"
    assert detect_format("<p>One</p><p>Two</p><div>Three</div><p>Four <a href='x'>five</a></p>") == "html"
    assert detect_format(MARKDOWN) == "markdown"
    assert detect_format("Plain text with a [link](https://example.org) and one *word*.\n") == "text"
    text, furniture, meta = html_to_text(HTML_PAGE)
    assert text.startswith("Shelling kills 12 in Jableh as residents flee\n\nAt least 12 people")
    assert "Home Syria Subscribe" in furniture and "© 2025 Coast Wire" in furniture
    assert meta["publisher"] == "Coast Wire" and str(meta["published"]) == "2025-03-09"
    assert markdown_to_text("Title\n=====\n\nSome **bold** and `code`.\n\n---\n\n1. [one](https://x.org)\n") == (
        "Title\n\nSome bold and code.\n\n1. one\n")
