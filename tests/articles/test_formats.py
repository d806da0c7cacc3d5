"""Each kind of file an analyst saves, read from fixtures made the way they make them
(scripts/make_format_fixtures.py: Chromium saves and prints the page, a three-page report).
The reader is pure: these run without a warehouse."""
from __future__ import annotations

import os
import re
from datetime import date

import pytest

from orchestration.library.articles.folder import HIDDEN, LINKED_FOLDER, PAGE_ASSETS, UNSUPPORTED, survey_folder
from orchestration.library.articles.reader import MAX_TEXT_CHARS, IngestError, read_article
from scripts.make_format_fixtures import FIXTURES as FORMATS
from scripts.make_format_fixtures import encrypted_pdf, write_docx

ARTICLE = ["article.txt", "article.md", "article.html", "article.mhtml", "article.pdf"]
# the article's own sentences: every format's body holds each of them, whole
SENTENCES = [
    "At least 14 people were killed and 37 wounded when shells struck the central market in Jableh on Sunday "
    "morning, the Syrian Observatory for Human Rights said.",
    "The Syrian Arab Red Crescent said its teams had evacuated about 120 families from the old town, and that "
    "2,300 people were sheltering in three schools on the edge of the city.",
    "The health ministry in Damascus put the toll higher, saying 19 people had died in hospital, according to "
    "the state news agency SANA.",
    "Adam Abdelmoula, the UN resident coordinator in Syria, said on Monday that more than 6,000 people had fled "
    "the coastal countryside since Thursday.",
]
# what the saved page shows around the article, numbers included: never body text
CLUTTER = ["842 partners", "15 dead in Gaza", "1,208 shares", "Strike on Idlib hospital kills 9", "48 comments",
           "11 years", "Five killed as car bomb", "300 families return", "40 trucks", "3,000 fighters",
           "Join 50,000 readers", "12 Harbour Street", "Advertisement", "Smoke rises over the old market"]


def _read(name: str, data: bytes | None = None):
    article = read_article(name, (FORMATS / name).read_bytes() if data is None else data)
    assert not isinstance(article, IngestError), article.reason
    return article


@pytest.mark.parametrize("name", ARTICLE)
def test_every_format_gives_the_article_its_headline_first_and_its_metadata(name):
    article = _read(name)
    flat = " ".join(article.body_text.split())
    for sentence in SENTENCES:
        assert sentence in flat, (name, sentence)
    assert article.body_text.startswith("Shelling of Jableh market kills 14, monitor says\n\n")
    assert article.title == "Shelling of Jableh market kills 14, monitor says"
    assert (article.publisher, article.author, article.published_date) == ("Coast Wire", "Leila Haddad", date(2025, 3, 9))
    assert article.source_format == {"txt": "text", "md": "markdown"}.get(name.rsplit(".")[1], name.rsplit(".")[1])


@pytest.mark.parametrize("name", ["article.html", "article.mhtml", "article.pdf"])
def test_page_clutter_is_boilerplate_never_body(name):
    article = _read(name)
    for clutter in CLUTTER:
        assert clutter not in article.body_text, (name, clutter)
        assert clutter in article.boilerplate_text, (name, clutter)  # set aside, not deleted
    assert "dataLayer" not in article.body_text + article.boilerplate_text  # scripts are code, not text


def test_the_page_knows_its_address_from_its_markup_its_archive_or_its_printed_footer():
    assert _read("article.html").url == "https://coastwire.example/2025/03/09/jableh-market-shelling"
    assert _read("article.mhtml").url == "https://coastwire.example/2025/03/09/jableh-market-shelling"
    pdf = _read("article.pdf")
    assert pdf.url == "http://coastwire.example/2025/03/09/jableh-market-shelling.html"
    assert "http://coastwire.example/2025/03/09/jableh-market-shelling.html 1/2" in pdf.boilerplate_text  # Chromium's footer


def test_reading_never_touches_the_network(monkeypatch):
    """The extractor is given the page's own markup and no address: it fetches nothing."""
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("the reader tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for name in ("article.html", "article.mhtml", "article.pdf"):
        assert _read(name).url  # the page's address is read from the file, never visited


def test_markdown_keeps_words_not_markup():
    article = _read("article.md")
    assert not re.search(r"\*\*|\]\(|^#", article.body_text, re.M)
    assert "\n\nToll disputed\n\n" in article.body_text


# ------------------------------------------------------------------------------------------ the report

@pytest.fixture(scope="module")
def report():
    return _read("report.pdf")


def test_report_lines_are_reflowed_into_its_numbered_paragraphs(report):
    paragraphs = report.body_text.split("\n\n")
    numbered = [p for p in paragraphs if re.match(r"\d\. ", p)]
    assert [p[:2] for p in numbered] == ["1.", "2.", "3.", "4.", "5.", "6.", "7."]
    assert "\n" not in "".join(numbered)  # one line each: the PDF's line breaks are gone
    assert paragraphs[0] == ("Report of the Independent International Commission of Inquiry on the Syrian Arab Republic: "
                             "violence in the coastal governorates, March 2025")
    assert "I. Introduction" in paragraphs and "III. Accountability" in paragraphs


def test_report_words_hyphenated_across_lines_are_joined_and_compounds_keep_their_hyphen(report):
    body = report.body_text
    for word in ("organizations", "witnesses", "neighbouring"):
        assert word in body and f"{word[:4]}-" not in body.replace("non-", "")
    assert "government-aligned" in body and "fact-finding" in body


def test_report_running_header_and_page_numbers_are_boilerplate(report):
    assert "A/HRC/58/CRP.3" not in report.body_text and "Advance unedited version" not in report.body_text
    assert report.boilerplate_text.count("A/HRC/58/CRP.3 Advance unedited version") == 3
    assert re.findall(r"(?m)^\d$", report.boilerplate_text) == ["1", "2", "3"]
    assert not re.search(r"(?m)^\d$", report.body_text)


def test_report_footnotes_are_kept_numbered_and_their_markers_are_superscripts(report):
    body = report.body_text
    assert "reported the displacement of entire villages.¹" in body
    notes = re.findall(r"(?m)^([¹²³⁴⁵]) (.+)$", body)
    assert [n for n, _ in notes] == ["¹", "²", "³", "⁴", "⁵"]
    assert notes[1][1] == "Syrian Network for Human Rights, “Death toll in the coastal areas rises to 1,383”, 14 March 2025."
    assert body.index("⁵ National Commission") > body.index("7. The Commission recommends")  # after the text


def test_report_table_rows_stay_rows(report):
    assert "Latakia 812 14,500\nTartus 571 6,500" in report.body_text


def test_scanned_pdf_is_refused_with_its_reason():
    refused = read_article("scanned.pdf", (FORMATS / "scanned.pdf").read_bytes())
    assert isinstance(refused, IngestError) and refused.reason == "no text layer (scanned PDF): run OCR first"


def test_pdf_that_needs_a_password_is_refused_and_one_only_restricted_is_read():
    locked = read_article("locked.pdf", encrypted_pdf("secret"))
    assert isinstance(locked, IngestError) and locked.reason.startswith("encrypted PDF: it needs a password to open")
    restricted = read_article("restricted.pdf", encrypted_pdf(""))  # an owner password only: opens for anyone
    assert not isinstance(restricted, IngestError) and "1,383 civilians were killed" in restricted.body_text


def test_damaged_pdf_is_refused_with_the_reason():
    data = (FORMATS / "report.pdf").read_bytes()
    damaged = read_article("damaged.pdf", data[:2000])
    assert isinstance(damaged, IngestError) and damaged.reason.startswith("PDF could not be read")


def test_files_are_read_by_their_content_whatever_their_suffix():
    as_text = _read("report.txt", (FORMATS / "report.pdf").read_bytes())
    assert as_text.source_format == "pdf" and "1,383 civilians" in as_text.body_text
    page = _read("page.md", (FORMATS / "article.html").read_bytes())
    assert page.source_format == "html" and "1,208 shares" not in page.body_text
    archive = _read("page.txt", (FORMATS / "article.mhtml").read_bytes())
    assert archive.source_format == "mhtml"


def test_markup_over_the_text_limit_is_read_when_its_text_is_under_it():
    html = (FORMATS / "article.html").read_text(encoding="utf-8")
    padding = "<script>var data = '" + "x" * (MAX_TEXT_CHARS + 200_000) + "';</script>"
    big = html.replace("</head>", padding + "</head>")
    article = _read("big.html", big.encode())
    assert len(big) > MAX_TEXT_CHARS and SENTENCES[0] in " ".join(article.body_text.split())
    too_long = read_article("long.html", ("<html><body>" + "<p>word word word.</p>" * 80_000 + "</body></html>").encode())
    assert isinstance(too_long, IngestError) and too_long.reason.startswith("text too long to parse")


def test_a_page_in_a_legacy_code_page_is_read_in_the_charset_it_declares():
    page = ("<html><head><meta charset=\"windows-1251\"><title>Обстрел в Джебле</title></head><body><article>"
            "<h1>Обстрел в Джебле</h1><p>По меньшей мере 12 человек погибли и 30 ранены в воскресенье, сообщили "
            "официальные лица города.</p></article></body></html>")
    article = _read("ru.html", page.encode("cp1251"))
    assert article.encoding == "cp1251" and "По меньшей мере 12 человек погибли" in article.body_text


# ------------------------------------------------------------------------------------------ Word

def test_word_document_gives_its_text_table_footnote_and_properties(tmp_path):
    article = _read("note.docx", write_docx(tmp_path / "note.docx").read_bytes())
    assert article.source_format == "docx"
    assert article.body_text.startswith("Jableh market shelling: situation note\n\nAt least 14 people were killed")
    assert "Human Rights said.¹" in article.body_text and "¹ SOHR, statement, 9 March 2025." in article.body_text
    assert "Town | Killed\nJableh | 14" in article.body_text
    assert "- About 2,300 people were sheltering" in article.body_text
    assert "Coast Wire · internal · page" in article.boilerplate_text and "internal" not in article.body_text
    assert (article.title, article.author, article.published_date) == ("Jableh market shelling: situation note",
                                                                       "Leila Haddad", date(2025, 3, 10))


# ------------------------------------------------------------------------------------------ front matter

def test_front_matter_that_never_closes_is_refused_not_read_as_the_article():
    refused = read_article("open.md", b"---\ntitle: Shelling in Jableh\npublished: 2025-03-09\n\nAt least 14 people were killed.\n")
    assert isinstance(refused, IngestError) and refused.reason.startswith("broken front matter")
    empty = _read("empty_front.txt", b"---\n---\nShelling kills 14\n\nAt least 14 people were killed, officials said.\n")
    assert empty.title == "Shelling kills 14"


# ------------------------------------------------------------------------------------------ the folder

def test_the_folder_survey_accounts_for_every_entry(tmp_path):
    seeds = tmp_path / "seeds"
    (seeds / "page_files" / "img").mkdir(parents=True)
    (seeds / "page.html").write_text("<p>x</p>")
    (seeds / "page_files" / "app.js").write_text("var killed = 99;")
    (seeds / "page_files" / "img" / "frame.html").write_text("<p>99 killed</p>")
    (seeds / "orphan_files").mkdir()
    (seeds / "orphan_files" / "note.txt").write_text("read: no page of that name beside it")
    (seeds / "report.pdf").write_bytes(b"%PDF-1.7")
    (seeds / "photo.JPG").write_bytes(b"\xff\xd8\xff")
    (seeds / "README").write_text("no suffix")
    (seeds / ".DS_Store").write_bytes(b"\0")
    (seeds / ".git").mkdir()
    (seeds / ".git" / "HEAD").write_text("ref")
    (seeds / "sub").mkdir()
    (seeds / "sub" / "notes.md").write_text("# x")
    (seeds / "sub" / ".~lock.notes.docx#").write_text("lock")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    os.symlink(outside, seeds / "linked")
    survey = survey_folder(seeds)
    assert [name for name, _ in survey.articles] == ["orphan_files/note.txt", "page.html", "report.pdf", "sub/notes.md"]
    skipped = {e.file_name: (e.kind, e.reason, e.files) for e in survey.skipped}
    assert skipped == {
        ".DS_Store": (HIDDEN, "hidden file: skipped", 1),
        ".git/": (HIDDEN, "hidden folder: skipped, with everything inside it", 1),
        "README": (UNSUPPORTED, "unsupported file type (no suffix): save articles as .txt, .md, .html, .htm, .xhtml, "
                                ".mhtml, .pdf or .docx", 1),
        "linked/": (LINKED_FOLDER, "link to a folder: not followed (put the articles themselves in the seeds folder)", 1),
        "page_files/": (PAGE_ASSETS, "assets of the saved page page.html (2 files): left alone", 2),
        "photo.JPG": (UNSUPPORTED, "unsupported file type .jpg: save articles as .txt, .md, .html, .htm, .xhtml, "
                                   ".mhtml, .pdf or .docx", 1),
        "sub/.~lock.notes.docx#": (HIDDEN, "hidden file: skipped", 1),
    }
