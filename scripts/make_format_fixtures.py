"""Write the format fixtures in tests/fixtures/formats/ the way analysts make such files.

One news article in every form an analyst saves it:
  article.txt    the text copied out of the page
  article.md     the same as Markdown notes
  article.html   the page as a browser saves it ("Save page as"): site chrome, scripts, share counts,
                 related and most-read links, newsletter box and footer, many of them carrying numbers
  article.mhtml  the page saved as a single file by Chromium (DevTools Page.captureSnapshot, what
                 "Save as → Webpage, Single File" writes)
  article.pdf    the page printed by Chromium (`chromium --headless --print-to-pdf`, the browser's own
                 header and footer: print date, title, address, page numbers)
and, beside it:
  report.pdf     a three-page UN-style report with numbered paragraphs, a running header, page numbers,
                 footnotes at the foot of each page and words hyphenated across lines
  scanned.pdf    a page that is only a picture of text (what a scanner without OCR makes)
Tests and the benchmark make two more on the fly (write_docx: a Word document with a header, a
table and a footnote; encrypted_pdf: the report with a password), small and made the same way each time.

The page is served from http://coastwire.example/... (Chromium resolves that name to a local
server), so the printed footer and the single file carry the page's own address, as they do
when an analyst saves a page from the web. Needs /usr/bin/chromium and playwright (test extra).

    python scripts/make_format_fixtures.py [--out tests/fixtures/formats]
"""
from __future__ import annotations

import argparse
import base64
import functools
import html
import http.server
import io
import os
import re
import shutil
import subprocess
import tempfile
import threading
import zipfile
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "formats"
CHROMIUM = "/usr/bin/chromium"
HOST = "coastwire.example"
PATH = "/2025/03/09/jableh-market-shelling"

TITLE = "Shelling of Jableh market kills 14, monitor says"
SITE = "Coast Wire"
AUTHOR = "Leila Haddad"
DATELINE = "9 March 2025"
# the article: paragraphs, and one subheading ("## ...")
PARAGRAPHS = [
    "JABLEH, Syria — At least 14 people were killed and 37 wounded when shells struck the central market in "
    "Jableh on Sunday morning, the Syrian Observatory for Human Rights said.",
    "The Britain-based monitor said eight of the dead were women and children. Rescue workers were still "
    "searching the rubble of two shops in the afternoon.",
    "The Syrian Arab Red Crescent said its teams had evacuated about 120 families from the old town, and that "
    "2,300 people were sheltering in three schools on the edge of the city.",
    "“We counted the dead in the street before the ambulances came,” said Hassan Khoury, a shopkeeper whose "
    "brother was wounded.",
    "## Toll disputed",
    "The health ministry in Damascus put the toll higher, saying 19 people had died in hospital, according to "
    "the state news agency SANA.",
    "Adam Abdelmoula, the UN resident coordinator in Syria, said on Monday that more than 6,000 people had fled "
    "the coastal countryside since Thursday.",
]


def article_txt() -> str:
    body = "\n\n".join(p.removeprefix("## ") for p in PARAGRAPHS)
    return f"{TITLE}\n\nBy {AUTHOR}, {SITE}\n{DATELINE}\n\n{body}\n"


def article_md() -> str:
    out = [f"# {TITLE}", "", f"*By {AUTHOR}, {SITE}*  ", f"*{DATELINE}*", ""]
    for p in PARAGRAPHS:
        if p.startswith("## "):
            out += [p, ""]
            continue
        p = p.replace("Syrian Observatory for Human Rights", "[Syrian Observatory for Human Rights](https://www.syriahr.com/en/)")
        p = p.replace("at least 14", "**at least 14**")
        out += [p, ""]
    return "\n".join(out)


CSS = """
body { font-family: Georgia, serif; margin: 0; color: #222; }
.cookie { background: #333; color: #fff; padding: 8px 16px; font: 13px sans-serif; }
header.site { display: flex; gap: 24px; align-items: center; padding: 12px 16px; border-bottom: 3px solid #b00; }
header.site .logo { font: bold 28px sans-serif; color: #b00; text-decoration: none; }
nav.menu a { margin-right: 14px; font: 14px sans-serif; color: #222; }
.breadcrumb { font: 12px sans-serif; padding: 8px 16px; color: #666; }
.layout { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 1fr); gap: 32px; padding: 0 16px; }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } }
h1 { font-size: 34px; line-height: 1.15; }
.byline { font: 14px sans-serif; color: #555; }
.share { font: 13px sans-serif; margin: 10px 0; }
.share a { margin-right: 10px; }
figure { margin: 16px 0; }
figure .photo { background: #ccc; height: 120px; }
figcaption { font: 12px sans-serif; color: #666; }
article p { font-size: 17px; line-height: 1.55; }
.promo, .ad { font: 13px sans-serif; color: #666; border-top: 1px solid #ddd; padding: 6px 0; }
aside h3 { font: bold 15px sans-serif; border-bottom: 2px solid #b00; }
aside li { font: 14px sans-serif; margin-bottom: 6px; }
.newsletter { background: #f3f3f3; padding: 12px; font: 14px sans-serif; }
footer.site { margin-top: 32px; padding: 16px; background: #222; color: #ddd; font: 12px sans-serif; }
footer.site a { color: #ddd; margin-right: 10px; }
"""


def article_html() -> str:
    url = f"https://{HOST}{PATH}"
    paragraphs = []
    for p in PARAGRAPHS:
        if p.startswith("## "):
            paragraphs.append(f"<h2>{html.escape(p[3:])}</h2>")
            continue
        text = html.escape(p, quote=False).replace(
            "Syrian Observatory for Human Rights", '<a href="https://www.syriahr.com/en/">Syrian Observatory for Human Rights</a>')
        paragraphs.append(f"<p>{text}</p>")
        if p.startswith("The Syrian Arab Red Crescent"):
            paragraphs.append('<p class="promo"><strong>Read more:</strong> '
                              '<a href="/2025/03/02/idlib-hospital">Strike on Idlib hospital kills 9</a></p>')
            paragraphs.append('<div class="ad">Advertisement</div>')
    body = "\n".join(paragraphs)
    json_ld = ('{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "%s", '
               '"datePublished": "2025-03-09T08:30:00+02:00", "author": {"@type": "Person", "name": "%s"}, '
               '"publisher": {"@type": "Organization", "name": "%s"}}') % (TITLE, AUTHOR, SITE)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(TITLE)} | {SITE}</title>
<meta property="og:title" content="{html.escape(TITLE)}">
<meta property="og:site_name" content="{SITE}">
<meta property="og:type" content="article">
<meta name="author" content="{AUTHOR}">
<meta property="article:published_time" content="2025-03-09T08:30:00+02:00">
<link rel="canonical" href="{url}">
<style>{CSS}</style>
<script type="application/ld+json">{json_ld}</script>
<script>
  window.dataLayer = window.dataLayer || [];
  dataLayer.push({{"event": "pageview", "section": "syria", "wordCount": 412, "paywall": 0}});
</script>
</head>
<body>
<div class="cookie" id="consent">We and our 842 partners use cookies to personalise content and ads.
  <button>Accept all</button> <button>Reject</button></div>
<header class="site">
  <a class="logo" href="/">{SITE}</a>
  <nav class="menu"><a href="/">Home</a><a href="/syria">Syria</a><a href="/lebanon">Lebanon</a><a href="/world">World</a>
    <a href="/live">Live: 15 dead in Gaza strikes</a><a href="/opinion">Opinion</a></nav>
</header>
<div class="breadcrumb"><a href="/">Home</a> › <a href="/middle-east">Middle East</a> › <a href="/syria">Syria</a></div>
<div class="layout">
<main>
<article>
<h1>{html.escape(TITLE)}</h1>
<div class="byline">By <a href="/authors/leila-haddad">{AUTHOR}</a> · <time datetime="2025-03-09">{DATELINE}</time></div>
<div class="share"><a href="https://www.facebook.com/sharer.php?u={url}">Facebook</a>
  <a href="https://twitter.com/intent/tweet?url={url}">X</a> <a href="mailto:?subject=Jableh">Email</a>
  <span>1,208 shares</span></div>
<figure><div class="photo"></div>
  <figcaption>Smoke rises over the old market in Jableh on 9 March 2025. (AFP)</figcaption></figure>
{body}
<div class="tags">Topics: <a href="/tag/syria">Syria</a> <a href="/tag/jableh">Jableh</a></div>
<p class="bio"><em>{AUTHOR} is {SITE}'s Syria correspondent. She has reported from the region for 11 years.</em></p>
<div class="comments"><a href="#comments">48 comments</a></div>
</article>
</main>
<aside>
  <h3>Related</h3>
  <ul>
    <li><a href="/2025/03/07/manbij">Five killed as car bomb hits Manbij</a></li>
    <li><a href="/2025/03/05/qusayr">300 families return to Qusayr after ceasefire</a></li>
    <li><a href="/2025/03/04/deir-ez-zor">Aid convoy of 40 trucks reaches Deir ez-Zor</a></li>
  </ul>
  <h3>Most read</h3>
  <ol>
    <li><a href="/2025/03/08/border">Turkey says 3,000 fighters crossed the border</a></li>
    <li><a href="/2025/03/08/idlib">Twelve killed in Idlib drone strikes</a></li>
  </ol>
  <div class="newsletter">Join 50,000 readers: get the {SITE} briefing every morning. <a href="/newsletter">Subscribe</a></div>
</aside>
</div>
<footer class="site">
  <p><a href="/about">About</a><a href="/contact">Contact</a><a href="/privacy">Privacy</a><a href="/terms">Terms</a></p>
  <p>© 2025 {SITE} Media Ltd, 12 Harbour Street, Latakia. All rights reserved.</p>
</footer>
<script>document.getElementById("consent").dataset.shown = "1";</script>
</body>
</html>
"""


REPORT_CSS = """
@page { size: A4; margin: 22mm 20mm 24mm 20mm;
  @top-left { content: "A/HRC/58/CRP.3"; font: 9pt Arial, sans-serif; }
  @top-right { content: "Advance unedited version"; font: 9pt Arial, sans-serif; }
  @bottom-center { content: counter(page); font: 9pt Arial, sans-serif; } }
body { font: 11pt "Times New Roman", serif; }
h1 { font-size: 15pt; text-align: center; }
h2 { font-size: 12pt; }
p { white-space: nowrap; }
.page { break-after: page; position: relative; min-height: 228mm; }
.page:last-child { break-after: auto; }
.notes { position: absolute; bottom: 0; left: 0; right: 0; border-top: 1px solid #000; padding-top: 4px; font-size: 8.5pt; }
.notes p { margin: 2px 0; }
sup { font-size: 7pt; }
table { border-collapse: collapse; margin: 8px 0; }
td, th { border: 1px solid #000; padding: 2px 8px; font-size: 10pt; }
"""
# A typeset report's lines end where its word processor broke them, some inside a word with a
# hyphen: these are the breaks (and "government-aligned" breaks after its own hyphen).
HYPHENATION = {"displacement": "dis-placement", "humanitarian": "humani-tarian", "organizations": "organi-zations",
               "investigations": "investi-gations", "accountability": "account-ability", "documented": "docu-mented",
               "governorates": "gover-norates", "Commission": "Com-mission", "Commissioner": "Commis-sioner",
               "neighbouring": "neigh-bouring", "witnesses": "wit-nesses", "civilians": "civil-ians",
               "Refugees": "Refu-gees", "unofficial": "un-official", "continued": "con-tinued"}
LINE_CHARS = 88  # characters per line of the report's text column

REPORT_PAGES = [
    (["<h1>Report of the Independent International Commission of Inquiry on the Syrian Arab Republic: "
      "violence in the coastal governorates, March 2025</h1>",
      "<h2>I. Introduction</h2>",
      "1. The Commission documented waves of violence in the coastal governorates of Latakia and Tartus that began "
      "on 6 March 2025, when armed men attacked security positions near Jableh. In the days that followed, "
      "government-aligned forces and armed groups killed civilians in their homes, in the streets and at "
      "checkpoints, and humanitarian organizations reported the displacement of entire villages.^1",
      "2. Between 6 and 10 March 2025, at least 1,383 civilians were killed, according to the Syrian Network for "
      "Human Rights, which documented the names of the victims and the places where they died.^2 The Commission "
      "received accounts from 214 survivors and witnesses and was able to verify the deaths of 627 people.",
      "3. The Commission conducted its investigations remotely and through visits to neighbouring countries. It "
      "thanks the humanitarian organizations and the survivors who shared their accounts despite the risks of "
      "reprisal, and regrets that the authorities did not grant it access to the country."],
     ["Office for the Coordination of Humanitarian Affairs, Syria flash update no. 3, 12 March 2025.",
      "Syrian Network for Human Rights, “Death toll in the coastal areas rises to 1,383”, 14 March 2025."]),
    (["<h2>II. Displacement</h2>",
      "4. The United Nations High Commissioner for Refugees estimated that 21,000 people crossed into Lebanon from "
      "the coastal governorates in the week after 6 March, most of them women and children who walked across "
      "unofficial border points.^3 Humanitarian organizations described overcrowded shelters in Akkar, where "
      "families slept in mosques and schools.",
      "5. Inside the Syrian Arab Republic, about 8,000 people sheltered at the Russian air base at Hmeimim, "
      "according to Russian officials.^4 The Commission was not able to verify this figure, and notes that "
      "displacement continued for weeks after the main waves of violence had ended in most of the villages it "
      "examined, as families waited for news of relatives who were still missing.",
      "<table><tr><th>Governorate</th><th>Civilians killed</th><th>Displaced</th></tr>"
      "<tr><td>Latakia</td><td>812</td><td>14,500</td></tr><tr><td>Tartus</td><td>571</td><td>6,500</td></tr></table>"],
     ["UNHCR, Lebanon: Syrian arrivals since 6 March 2025, operational update, 20 March 2025.",
      "Statement by the Ministry of Defence of the Russian Federation, 11 March 2025."]),
    (["<h2>III. Accountability</h2>",
      "6. The interim authorities announced on 9 March 2025 the creation of a national fact-finding committee, "
      "which said it had documented 1,426 deaths by the end of its mandate.^5 The Commission welcomes the "
      "committee's work and calls for its findings to be published in full, so that victims can see "
      "accountability done.",
      "7. The Commission recommends that the interim authorities guarantee humanitarian access to all affected "
      "areas, protect displaced people from further violence and ensure that those responsible for killings are "
      "brought to justice in fair trials."],
     ["National Commission of Inquiry into the coastal events, press conference, Damascus, 22 July 2025."]),
]


def _typeset(paragraph: str, width: int = LINE_CHARS) -> list[str]:
    """Break a paragraph into lines of at most ``width`` characters, hyphenating the words of
    HYPHENATION (and compounds after their hyphen) where a line would otherwise end short."""
    lines, line = [], ""
    for word in paragraph.split():
        candidate = f"{line} {word}".strip()
        if len(candidate.replace("^", "")) <= width:
            line = candidate
            continue
        bare = re.sub(r"\W+$", "", word)
        breaks = [HYPHENATION[bare].split("-")[0] + "-"] if bare in HYPHENATION else []
        if "-" in word.strip("-"):
            breaks.append(word.split("-")[0] + "-")
        head = next((b for b in breaks if len(f"{line} {b}".replace("^", "")) <= width), None)
        if head:
            lines.append(f"{line} {head}".strip())
            line = word[len(head):] if word.startswith(head) else word[len(head) - 1:]  # a compound keeps its hyphen
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


def _sup(text: str) -> str:
    return re.sub(r"\^(\d+)", r"<sup>\1</sup>", html.escape(text, quote=False))


def report_html() -> str:
    out, note_no = [], 0
    for blocks, notes in REPORT_PAGES:
        parts = []
        for block in blocks:
            if block.startswith("<"):
                parts.append(block)
            else:
                parts.append("<p>" + "<br>".join(_sup(line) for line in _typeset(block)) + "</p>")
        note_html = []
        for note in notes:
            note_no += 1
            note_html.append(f"<p><sup>{note_no}</sup> {html.escape(note, quote=False)}</p>")
        out.append(f'<div class="page">{"".join(parts)}<div class="notes">{"".join(note_html)}</div></div>')
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Violence in the coastal governorates, March 2025 (A/HRC/58/CRP.3)</title>
<style>{REPORT_CSS}</style></head>
<body>{"".join(out)}</body></html>
"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def _serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, int]:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]


def _chromium_pdf(url: str, out: Path, port: int, header_footer: bool = True) -> None:
    args = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--host-resolver-rules=MAP {HOST} 127.0.0.1:{port}",
            f"--print-to-pdf={out}"]
    if not header_footer:
        args.append("--no-pdf-header-footer")  # the report's own running header and footer only
    subprocess.run([*args, url], check=True, capture_output=True, timeout=120)


def _mhtml(url: str, out: Path, port: int) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", f"--host-resolver-rules=MAP {HOST} 127.0.0.1:{port}"])
        page = browser.new_page()
        page.goto(url, wait_until="load")
        snapshot = page.context.new_cdp_session(page).send("Page.captureSnapshot", {"format": "mhtml"})
        out.write_bytes(snapshot["data"].encode("utf-8"))
        browser.close()


def _scanned(work: Path, out: Path, port: int) -> None:
    """A picture of a page of text, printed to PDF: no text layer, as a scan without OCR."""
    (work / "scan_source.html").write_text(
        "<html><body style='font: 20px serif; width: 560px'><p>Statement on the situation in Jableh, 10 March 2025.</p>"
        "<p>At least 14 people were killed when shells struck the market.</p></body></html>", encoding="utf-8")
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=600,160",
                    f"--screenshot={work / 'scan.png'}", (work / "scan_source.html").as_uri()],
                   check=True, capture_output=True, timeout=120)
    png = base64.b64encode((work / "scan.png").read_bytes()).decode()
    (work / "scan_page.html").write_text(
        f"<html><body style='margin:0'><img style='width:100%' src='data:image/png;base64,{png}'></body></html>", encoding="utf-8")
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={out}", (work / "scan_page.html").as_uri()], check=True, capture_output=True, timeout=120)


def write_docx(path: Path) -> Path:
    """A Word document as an analyst's colleague sends it: a title, a header, a table and a footnote."""
    import docx
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    document = docx.Document()
    document.core_properties.title = "Jableh market shelling: situation note"
    document.core_properties.author = "Leila Haddad"
    document.core_properties.created = datetime(2025, 3, 10, 9, 0)
    document.sections[0].header.is_linked_to_previous = False
    document.sections[0].header.paragraphs[0].text = "Coast Wire · internal · page"
    document.add_heading("Jableh market shelling: situation note", 1)
    paragraph = document.add_paragraph("At least 14 people were killed and 37 wounded when shells struck the market, "
                                       "the Syrian Observatory for Human Rights said.")
    reference = OxmlElement("w:r")
    marker = OxmlElement("w:footnoteReference")
    marker.set(qn("w:id"), "1")
    reference.append(marker)
    paragraph._p.append(reference)
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, (("Town", "Killed"), ("Jableh", "14"))):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    document.add_paragraph("About 2,300 people were sheltering in three schools, the Red Crescent said.", style="List Bullet")
    document.save(path)
    # python-docx writes no footnotes part: add the one the reference points to, as Word does
    notes = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="http://schemas.openxmlformats.org/'
             'wordprocessingml/2006/main"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
             '</w:footnote><w:footnote w:id="1"><w:p><w:r><w:t>SOHR, statement, 9 March 2025.</w:t></w:r></w:p></w:footnote>'
             '</w:footnotes>')
    rebuilt = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(rebuilt, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr("word/footnotes.xml", notes)
    os.replace(rebuilt, path)
    return path


def encrypted_pdf(user_password: str) -> bytes:
    """The report with a password: ``user_password`` opens it ("" opens it for anyone, restricted)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(FIXTURES / "report.pdf"))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=FIXTURES)
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    (out / "article.txt").write_text(article_txt(), encoding="utf-8")
    (out / "article.md").write_text(article_md(), encoding="utf-8")
    (out / "article.html").write_text(article_html(), encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        site = work / "site"
        (site / PATH.lstrip("/")).parent.mkdir(parents=True)
        shutil.copy(out / "article.html", site / (PATH.lstrip("/") + ".html"))
        (site / "reports").mkdir()
        (site / "reports" / "coastal.html").write_text(report_html(), encoding="utf-8")
        server, port = _serve(site)
        try:
            url = f"http://{HOST}{PATH}.html"
            _chromium_pdf(url, out / "article.pdf", port)
            _mhtml(url, out / "article.mhtml", port)
            _chromium_pdf(f"http://{HOST}/reports/coastal.html", out / "report.pdf", port, header_footer=False)
            _scanned(work, out / "scanned.pdf", port)
        finally:
            server.shutdown()
    for path in sorted(out.iterdir()):
        print(f"{path.relative_to(REPO) if path.is_relative_to(REPO) else path}: {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
