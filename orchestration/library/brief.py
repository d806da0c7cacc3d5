"""The claims brief: every quantity's claims side by side, footnoted, as an analyst pastes them into a report.

Pure: rows in (plain dicts, as the warehouse returns them), one self-contained HTML page and a
Markdown version out. The asset in orchestration/defs/assets/brief.py queries the published
warehouse and writes the files; tests call these functions on small hand-made rows.

What the page holds, in order:
- a header: how many articles, which publishers, which dates, and which run published the rows;
- for each estimate with two or more claims (marts.fct_figure_estimates), its low, best and high,
  a flag where the sources disagree, and a table with one row per claim: the figure as printed,
  low, high, the hedge, the claimant, the outlet it came through, the report date and the article;
- the chart of those estimates (PNG bytes, embedded as a data: URL, never fetched);
- the single-source figures (estimates with one claim), grouped by count type;
- an index by claimant: who claimed what, how often, each claim linked to its row;
- the notes: one numbered footnote per row, quoting the claim's sentence and naming the article,
  with a link back to the row.

Wording is for analysts: plain column names, dates as "13 Mar 2025" ("undated" when missing),
figures as printed with their hedge in words, and no internal ids. Durations and distances
(value_sets.MEASURE_COUNT_TYPES) are not estimates of their own here.
"""
from __future__ import annotations

import base64
import html
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urlsplit

from orchestration.library.estimates import UNDATED, is_measure, point_value
from orchestration.library.extraction.value_sets import COUNT_TYPES

HTML_FILE = "claims_brief.html"  # in the warehouse's reports folder (settings.brief_dir)
MARKDOWN_FILE = "claims_brief.md"
NOT_NAMED = "not named"
NO_OUTLET = "—"
TITLE = "Claims brief"

# the hedge in words, one per qualifier of the data contract (tests/test_brief.py holds them to value_sets)
HEDGES = {"exact": "exact", "about": "about", "over": "over", "at_least": "at least", "up_to": "up to",
          "less_than": "less than", "range": "range", "vague": "vague"}
# headings of the single-source groups, one per count type of the data contract
COUNT_TYPE_HEADINGS = {
    "killed": "Killed", "wounded": "Wounded", "displaced": "Displaced", "sheltered": "Sheltered", "detained": "Detained",
    "missing": "Missing", "returned": "Returned", "aid": "Aid", "flights": "Flights", "distance": "Distances",
    "duration": "Durations", "other": "Other counts",
}

# the claims table's columns, plain words (the first is the row's footnote number)
COLUMNS = ("No.", "Figure as printed", "Low", "High", "Hedge", "Claimant", "Outlet", "Reported", "Article")
SINGLE_COLUMNS = ("No.", "Quantity", "Figure as printed", "Low", "High", "Hedge", "Claimant", "Outlet", "Reported", "Article")
ARTICLE_CELL_CHARS = 70


# ------------------------------------------------------------------------------------ wording

def _missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, NaT
    except (TypeError, ValueError):
        return False


def _text(value) -> str:
    return "" if _missing(value) else " ".join(str(value).split())


def format_date(value, precision: str | None = "day") -> str:
    """"13 Mar 2025"; "Mar 2025" or "2025" for a month or year precision; "undated" when there is none."""
    if _missing(value) or value == "":
        return UNDATED
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    if isinstance(value, datetime):
        value = value.date()
    if precision == "year":
        return f"{value.year}"
    if precision == "month":
        return f"{value:%b} {value.year}"
    return f"{value.day} {value:%b} {value.year}"


def format_number(value) -> str:
    """8000 → "8,000"; 2.7 → "2.7"; 3.5 → "3.5"."""
    if _missing(value):
        return ""
    value = float(value)
    if math.isfinite(value) and value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def hedge_words(qualifier: str | None) -> str:
    return HEDGES.get(_text(qualifier), _text(qualifier).replace("_", " "))


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def safe_url(url) -> str | None:
    """An http(s) address to link to, or None (any other scheme, javascript: included, is shown as text only)."""
    url = _text(url)
    try:
        return url if url and urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc else None
    except ValueError:
        return None


# ------------------------------------------------------------------------------------ the brief's parts

@dataclass(frozen=True)
class Article:
    title: str
    publisher: str
    url: str
    file_name: str
    published: date | None
    precision: str | None

    @property
    def dated(self) -> str:
        return format_date(self.published, self.precision or "day")

    @property
    def name(self) -> str:
        """The article as a reader names it: its title, else its file."""
        return self.title or self.file_name


@dataclass
class Claim:
    surface_text: str
    value_low: float
    value_high: float
    qualifier: str
    claimed_by: str
    reported_via: str
    report_date: date | None
    sentence: str
    article: Article
    number: int = 0  # its footnote, numbered in page order

    @property
    def hedge(self) -> str:
        return hedge_words(self.qualifier)

    @property
    def value(self) -> float:
        return point_value(self.value_low, self.value_high, self.qualifier or None)

    @property
    def source(self) -> str:
        """Who the claim counts as, as the estimate counts sources: claimant, else outlet, else the article."""
        return self.claimed_by or self.reported_via or f"article:{self.article.file_name}"

    @property
    def reported(self) -> str:
        return format_date(self.report_date)


@dataclass
class Estimate:
    count_type: str
    subject: str
    region: str
    n_sources: int
    n_articles: int
    low: float
    best: float
    high: float
    first_reported: date | None
    last_reported: date | None
    claims: list[Claim] = field(default_factory=list)
    anchor: str = ""

    @property
    def heading(self) -> str:
        subject = _sentence_case(self.subject or self.count_type)
        return f"{subject} ({self.region})" if self.region else subject

    @property
    def counts_text(self) -> str:
        text = (f"{_plural(len(self.claims), 'claim')} from {_plural(self.n_sources, 'source')} "
                f"in {_plural(self.n_articles, 'article')}")
        first, last = format_date(self.first_reported), format_date(self.last_reported)
        if first != UNDATED:
            text += f"; reported {first}" if first == last else f"; reported {first} to {last}"
        undated = sum(c.report_date is None for c in self.claims)
        if undated:
            text += f", {_plural(undated, 'claim')} undated" if first != UNDATED else "; every claim undated"
        return text

    @property
    def disagreement(self) -> str | None:
        """Where the claims' values differ, how far and who gave which; None when they all agree."""
        values = sorted({c.value for c in self.claims})
        if len(values) < 2:
            return None
        low, high = values[0], values[-1]
        by_source: dict[str, set[float]] = {}
        for c in self.claims:
            by_source.setdefault(c.source, set()).add(c.value)
        spread = f"from {format_number(low)} to {format_number(high)}, a spread of {format_number(high - low)}"
        if low > 0:
            ratio = high / low
            spread += " (the highest tenfold the lowest or more)" if ratio >= 10 else f" (the highest {ratio:.1f} times the lowest)"
        if len(by_source) > 1:
            text = f"Sources disagree: the claims run {spread}."
        else:
            text = f"One source, different figures: {spread}."
        for source, mine in by_source.items():
            if len(mine) > 1 and not source.startswith("article:"):
                listed = [format_number(v) for v in sorted(mine)]
                text += f" {source}'s own figures differ: {', '.join(listed[:-1])} and {listed[-1]}."
        return text


@dataclass
class Publication:
    run_id: str
    published_at: datetime | None

    @property
    def text(self) -> str:
        when = f"{format_date(self.published_at)}, {self.published_at:%H:%M} UTC" if self.published_at else "at an unknown time"
        return f"{when}, by run {self.run_id}" if self.run_id else when


@dataclass
class Brief:
    articles: list[Article]
    publication: Publication | None
    estimates: list[Estimate]  # two or more claims, the most-claimed first
    singles: list[Estimate]  # one claim each
    left_out: dict[str, int]  # what the warehouse holds that the brief does not set out as an estimate
    claimants: dict[str, str] = field(default_factory=dict)  # name -> anchor

    @property
    def claims(self) -> list[Claim]:
        return [c for e in self.estimates + self.singles for c in e.claims]

    @property
    def publishers_text(self) -> str:
        named = Counter(a.publisher for a in self.articles if a.publisher)
        parts = [f"{name} ({n})" if n > 1 else name for name, n in sorted(named.items(), key=lambda kv: (-kv[1], kv[0].lower()))]
        unnamed = sum(not a.publisher for a in self.articles)
        text = ", ".join(parts) if parts else "none named"
        if unnamed and parts:
            text += f"; {_plural(unnamed, 'article')} with no publisher named"
        return text

    @property
    def dates_text(self) -> str:
        dated = sorted((a for a in self.articles if a.published), key=lambda a: a.published)
        undated = len(self.articles) - len(dated)
        if not dated:
            return "every article undated" if self.articles else UNDATED
        first, last = dated[0].dated, dated[-1].dated
        text = first if first == last else f"{first} to {last}"
        return text + (f" ({_plural(undated, 'article')} undated)" if undated else "")

    @property
    def left_out_text(self) -> str:
        return "; ".join(f"{_plural(n, *LEFT_OUT[kind])}" for kind, n in self.left_out.items() if n)

    def index(self) -> list[tuple[str, str, list[tuple[Estimate, Claim]]]]:
        """(claimant, anchor, [(estimate, claim), ...]) per named claimant, the most prolific first."""
        found: dict[str, list[tuple[Estimate, Claim]]] = {}
        for e in self.estimates + self.singles:
            for c in e.claims:
                if c.claimed_by:
                    found.setdefault(c.claimed_by, []).append((e, c))
        ordered = sorted(found.items(), key=lambda kv: (-len(kv[1]), kv[0].lower()))
        return [(name, self.claimants[name], claims) for name, claims in ordered]

    def unattributed(self) -> list[Claim]:
        return [c for c in self.claims if not c.claimed_by]


# kind -> (singular, plural), in the order the note lists them
LEFT_OUT = {
    "measures": ("duration or distance (not counted apart)", "durations and distances (not counted apart)"),
    "parts": ("part of a larger figure", "parts of larger figures"),
    "vague": ("vague count (\"hundreds\", \"thousands\")", "vague counts (\"hundreds\", \"thousands\")"),
    "other": ("count of other things", "counts of other things"),
}


def _slug(name: str) -> str:
    return re.sub(r"[^\w]+", "-", name.lower()).strip("-_") or "x"


def _article(row: dict) -> Article:
    published = row.get("published_date")
    return Article(title=_text(row.get("title")), publisher=_text(row.get("publisher")), url=_text(row.get("url")),
                   file_name=_text(row.get("file_name")), published=None if _missing(published) else published,
                   precision=_text(row.get("published_date_precision")) or None)


def _claim(row: dict) -> Claim:
    low = float(row["value_low"])
    high = low if _missing(row.get("value_high")) else float(row["value_high"])
    report = row.get("report_date")
    return Claim(surface_text=_text(row.get("surface_text")), value_low=low, value_high=high,
                 qualifier=_text(row.get("qualifier")), claimed_by=_text(row.get("claimed_by")),
                 reported_via=_text(row.get("reported_via")), report_date=None if _missing(report) else report,
                 sentence=_text(row.get("sentence_text")), article=_article(row))


def _date_key(value) -> tuple:
    return (1, date.max) if value is None else (0, value)


def _left_out(figures: list[dict]) -> dict[str, int]:
    counts = dict.fromkeys(LEFT_OUT, 0)
    for f in figures:
        if f.get("in_estimate") and not is_measure(f.get("count_type")):
            continue  # set out in the brief
        if is_measure(f.get("count_type")):
            counts["measures"] += 1
        elif f.get("is_part"):
            counts["parts"] += 1
        elif f.get("is_vague") or f.get("qualifier") == "vague":
            counts["vague"] += 1
        else:
            counts["other"] += 1
    return counts


def assemble(claims: list[dict], articles: list[dict], publication: dict | None = None,
             figures: list[dict] | None = None) -> Brief:
    """The brief from the warehouse's rows.

    ``claims``: one row per claim behind an estimate: estimate_key (groups the rows, never shown),
    count_type, subject, region, n_sources, n_articles, low, best, high, first_reported,
    last_reported, and the claim's surface_text, value_low, value_high, qualifier, claimed_by,
    reported_via, report_date, sentence_text with its article's title, publisher, url, file_name,
    published_date, published_date_precision. ``articles``: one row per article (title,
    publisher, published_date, published_date_precision, file_name). ``publication``: run_id,
    published_at. ``figures``: one row per figure (count_type, qualifier, is_vague, is_part,
    in_estimate), to say what the brief leaves out.
    """
    grouped: dict[str, Estimate] = {}
    for row in claims:
        if is_measure(row.get("count_type")):
            continue
        key = str(row["estimate_key"])
        if key not in grouped:
            grouped[key] = Estimate(
                count_type=_text(row.get("count_type")), subject=_text(row.get("subject")), region=_text(row.get("region")),
                n_sources=int(row.get("n_sources") or 0), n_articles=int(row.get("n_articles") or 0),
                low=float(row["low"]), best=float(row["best"]), high=float(row["high"]),
                first_reported=None if _missing(row.get("first_reported")) else row["first_reported"],
                last_reported=None if _missing(row.get("last_reported")) else row["last_reported"])
        grouped[key].claims.append(_claim(row))
    for e in grouped.values():
        e.claims.sort(key=lambda c: (_date_key(c.report_date), c.value, c.claimed_by.lower() or "~", c.reported_via.lower(),
                                     c.article.name.lower(), c.surface_text))
        e.n_articles = e.n_articles or len({c.article.file_name for c in e.claims})
        e.n_sources = e.n_sources or len({c.source for c in e.claims})
    multi = sorted((e for e in grouped.values() if len(e.claims) >= 2),
                   key=lambda e: (-len(e.claims), -e.n_sources, e.heading.lower()))
    order = {t: i for i, t in enumerate(COUNT_TYPES)}
    singles = sorted((e for e in grouped.values() if len(e.claims) == 1),
                     key=lambda e: (order.get(e.count_type, len(order)), e.heading.lower()))
    number = 0
    for i, e in enumerate(multi, 1):
        e.anchor = f"estimate-{i}"
    for e in multi + singles:
        for c in e.claims:
            number += 1
            c.number = number
    claimants: dict[str, str] = {}
    used: set[str] = set()
    for c in (c for e in multi + singles for c in e.claims):
        if c.claimed_by and c.claimed_by not in claimants:
            anchor, n = f"claimant-{_slug(c.claimed_by)}", 2
            while anchor in used:
                anchor, n = f"claimant-{_slug(c.claimed_by)}-{n}", n + 1
            used.add(anchor)
            claimants[c.claimed_by] = anchor
    article_rows = sorted((_article(r) for r in articles), key=lambda a: a.file_name)
    pub = None
    if publication:
        at = publication.get("published_at")
        pub = Publication(_text(publication.get("run_id")), None if _missing(at) else at)
    return Brief(articles=article_rows, publication=pub, estimates=multi, singles=singles,
                 left_out=_left_out(figures or []), claimants=claimants)


# ------------------------------------------------------------------------------------ HTML

STYLE = """
body{font-family:Georgia,'Times New Roman',serif;color:#1d1d1f;background:#fff;margin:0;line-height:1.45}
main{max-width:1180px;margin:0 auto;padding:28px 32px 48px}
h1{font-size:28px;margin:0 0 4px}h2{font-size:21px;margin:36px 0 8px;border-bottom:2px solid #1d1d1f;padding-bottom:3px}
h3{font-size:17px;margin:26px 0 4px}p{margin:6px 0}
.lede{color:#444;margin-bottom:14px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:3px 16px;margin:10px 0 0;font-size:15px}
dl.facts dt{font-weight:bold}dl.facts dd{margin:0}
nav ol{margin:6px 0;padding-left:22px;font-size:15px}
.range{font-size:15px}.range b{font-variant-numeric:tabular-nums}
.counts{color:#555;font-size:14px}
.flag{background:#fff4d6;border-left:4px solid #d08c00;padding:6px 10px;margin:8px 0;font-size:15px}
table{border-collapse:collapse;width:100%;margin:8px 0 4px;font-family:Arial,Helvetica,sans-serif;font-size:13px}
th,td{border:1px solid #c9c9c9;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef0f3;font-weight:bold}
tbody tr:nth-child(even){background:#fafafa}
tr:target{background:#fff4d6!important}li:target{background:#fff4d6}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.nowrap{white-space:nowrap}
.muted{color:#777;font-style:italic}
sup a,a.fn{text-decoration:none}
a{color:#0b4f9c}
figure{margin:18px 0}figure img{max-width:100%;height:auto;border:1px solid #ddd}
figcaption{font-size:13px;color:#555}
ol.notes{font-size:14px;padding-left:28px}ol.notes li{margin:0 0 6px}
ul.index{padding-left:20px;font-size:15px}ul.index li{margin:0 0 8px}ul.index ul{margin:2px 0;font-size:14px}
footer{margin-top:32px;font-size:13px;color:#555;border-top:1px solid #ccc;padding-top:8px}
@media print{main{max-width:none;padding:0}a{color:inherit}tr,li{break-inside:avoid}}
"""


def _e(text) -> str:
    return html.escape(_text(text), quote=True)


def _claimant_cell(brief: Brief, claim: Claim) -> str:
    if not claim.claimed_by:
        return f'<span class="muted">{NOT_NAMED}</span>'
    return f'<a href="#{brief.claimants[claim.claimed_by]}">{_e(claim.claimed_by)}</a>'


def _article_cell(article: Article) -> str:
    text = _e(_shorten(article.name, ARTICLE_CELL_CHARS))
    if article.publisher:
        text += f' <span class="muted">({_e(article.publisher)})</span>'
    return text


def _claim_cells(brief: Brief, claim: Claim) -> list[str]:
    return [
        str(claim.number),
        f'{_e(claim.surface_text)}<sup><a href="#fn-{claim.number}">{claim.number}</a></sup>',
        format_number(claim.value_low), format_number(claim.value_high), _e(claim.hedge),
        _claimant_cell(brief, claim),
        _e(claim.reported_via) if claim.reported_via else f'<span class="muted">{NO_OUTLET}</span>',
        claim.reported if claim.report_date else f'<span class="muted">{UNDATED}</span>',
        _article_cell(claim.article),
    ]


_CELL_CLASS = {"Low": ' class="num"', "High": ' class="num"', "Reported": ' class="nowrap"', "No.": ' class="num"'}


def _table(brief: Brief, rows: list[tuple[Estimate, Claim]], columns: tuple[str, ...]) -> str:
    head = "".join(f'<th scope="col">{c}</th>' for c in columns)
    body = []
    for estimate, claim in rows:
        cells = _claim_cells(brief, claim)
        if "Quantity" in columns:
            cells.insert(1, _e(estimate.heading))
        tds = "".join(f"<td{_CELL_CLASS.get(col, '')}>{cell}</td>" for col, cell in zip(columns, cells))
        body.append(f'<tr id="claim-{claim.number}">{tds}</tr>')
    return f'<table><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _footnote_html(claim: Claim) -> str:
    a = claim.article
    parts = [f"<cite>{_e(a.title)}</cite>" if a.title else f"file {_e(a.file_name)}"]
    if a.publisher:
        parts.append(_e(a.publisher))
    parts.append(a.dated)
    url = safe_url(a.url)
    if url:
        parts.append(f'<a href="{html.escape(url, quote=True)}">{_e(url)}</a>')
    elif a.url:
        parts.append(_e(a.url))
    quote = f"“{_e(claim.sentence)}”" if claim.sentence else '<span class="muted">no sentence stored</span>'
    return (f'<li id="fn-{claim.number}">{quote} — {", ".join(parts)}. '
            f'<a href="#claim-{claim.number}" aria-label="back to row {claim.number}">↩ row {claim.number}</a></li>')


def render_html(brief: Brief, chart_png: bytes | None = None) -> str:
    """The brief as one self-contained HTML page: styles inline, the chart a data: URL, no script, nothing fetched."""
    out = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{TITLE}</title><style>{STYLE}</style></head><body><main>",
        f"<header><h1>{TITLE}</h1>",
        '<p class="lede">Every quantity the articles count, with each source\'s figure side by side: who said it, '
        "through which outlet, on which date, footnoted to the sentence.</p>",
        '<dl class="facts">',
        f"<dt>Articles</dt><dd>{len(brief.articles):,}</dd>",
        f"<dt>Publishers</dt><dd>{_e(brief.publishers_text)}</dd>",
        f"<dt>Dates</dt><dd>{_e(brief.dates_text)}</dd>",
        f"<dt>Published</dt><dd>{_e(brief.publication.text) if brief.publication else 'not recorded'}</dd>",
        f"<dt>In this brief</dt><dd>{_plural(len(brief.estimates), 'estimate')} with two or more claims, "
        f"{_plural(len(brief.singles), 'single-source figure')}, {_plural(len(brief.claims), 'footnoted claim')}</dd>",
        "</dl></header>",
    ]
    if brief.estimates:
        links = "".join(f'<li><a href="#{e.anchor}">{_e(e.heading)}</a> — {_plural(len(e.claims), "claim")}</li>'
                        for e in brief.estimates)
        out.append(f'<nav aria-label="Contents"><ol>{links}</ol></nav>')
    out.append('<section id="estimates"><h2>Estimates with two or more claims</h2>')
    if not brief.estimates:
        out.append('<p class="muted">No quantity has two or more claims yet.</p>')
    for e in brief.estimates:
        out.append(f'<section class="estimate" id="{e.anchor}"><h3>{_e(e.heading)}</h3>')
        out.append(f'<p class="range">Low <b>{format_number(e.low)}</b> · best <b>{format_number(e.best)}</b> · '
                   f'high <b>{format_number(e.high)}</b> <span class="counts">({_e(e.counts_text)})</span></p>')
        flag = e.disagreement
        if flag:
            out.append(f'<p class="flag" role="note">⚑ {_e(flag)}</p>')
        out.append(_table(brief, [(e, c) for c in e.claims], COLUMNS))
        out.append("</section>")
    if brief.estimates and chart_png:
        data = base64.b64encode(chart_png).decode("ascii")
        out.append(f'<figure><img alt="Chart: every claim of each estimate by report date, with its low–high range" '
                   f'src="data:image/png;base64,{data}"><figcaption>The same claims by report date: each marker a claim, '
                   "its bar the low–high range, the dotted line the best value (the median).</figcaption></figure>")
    out.append("</section>")
    out.append('<section id="single-source"><h2>Single-source figures</h2>')
    if not brief.singles:
        out.append('<p class="muted">None: every quantity is claimed more than once.</p>')
    for count_type, group in _by_count_type(brief.singles):
        out.append(f"<h3>{_e(COUNT_TYPE_HEADINGS.get(count_type, count_type))}</h3>")
        out.append(_table(brief, [(e, c) for e in group for c in e.claims], SINGLE_COLUMNS))
    out.append("</section>")
    out.append('<section id="index"><h2>Index by claimant</h2>')
    entries = []
    for name, anchor, claims in brief.index():
        items = "".join(
            f'<li>{_e(e.heading)}: <a href="#claim-{c.number}">{_e(c.surface_text)}</a>'
            + (f", via {_e(c.reported_via)}" if c.reported_via else "") + f", {c.reported}</li>"
            for e, c in claims)
        entries.append(f'<li id="{anchor}"><b>{_e(name)}</b>: {_plural(len(claims), "claim")}<ul>{items}</ul></li>')
    out.append(f'<ul class="index">{"".join(entries)}</ul>' if entries else '<p class="muted">No claim names its claimant.</p>')
    unnamed = brief.unattributed()
    if unnamed:
        rows = ", ".join(f'<a href="#claim-{c.number}">{c.number}</a>' for c in unnamed)
        out.append(f"<p>No claimant named: {_plural(len(unnamed), 'claim')} (rows {rows}).</p>")
    out.append("</section>")
    out.append('<section id="notes"><h2>Notes</h2><ol class="notes">')
    out += [_footnote_html(c) for c in brief.claims]
    out.append("</ol></section>")
    footer = ["Low and high: the range each claim states (a hedged figure holds its stated number); best: the "
              "median of the claims' values. Sources are counted by claimant, else outlet, else article."]
    if brief.left_out_text:
        footer.append(f"Not set out as estimates: {_e(brief.left_out_text)}.")
    out.append(f"<footer>{' '.join(footer)}</footer></main></body></html>")
    return "\n".join(out) + "\n"


def _by_count_type(singles: list[Estimate]) -> list[tuple[str, list[Estimate]]]:
    groups: dict[str, list[Estimate]] = {}
    for e in singles:
        groups.setdefault(e.count_type, []).append(e)
    return list(groups.items())


# ------------------------------------------------------------------------------------ Markdown

def _md(text) -> str:
    """Text safe inside a Markdown table cell or list item."""
    return re.sub(r"([\\|*_`\[\]<>])", r"\\\1", _text(text))


def _md_row(cells) -> str:
    return "| " + " | ".join(cells) + " |"


def _md_table(rows: list[tuple[Estimate, Claim]], columns: tuple[str, ...], footnotes: bool = True) -> list[str]:
    lines = [_md_row(columns), _md_row("---:" if c in ("No.", "Low", "High") else "---" for c in columns)]
    for e, c in rows:
        article = _md(_shorten(c.article.name, ARTICLE_CELL_CHARS)) + (f" ({_md(c.article.publisher)})" if c.article.publisher else "")
        cells = [str(c.number), _md(c.surface_text) + (f"[^{c.number}]" if footnotes else ""),
                 format_number(c.value_low), format_number(c.value_high), c.hedge,
                 _md(c.claimed_by) if c.claimed_by else f"*{NOT_NAMED}*",
                 _md(c.reported_via) if c.reported_via else NO_OUTLET, c.reported, article]
        if "Quantity" in columns:
            cells.insert(1, _md(e.heading))
        lines.append(_md_row(cells))
    return lines


def _md_estimate(e: Estimate, footnotes: bool = True) -> list[str]:
    lines = [f"### {_md(e.heading)}", "",
             f"Low **{format_number(e.low)}** · best **{format_number(e.best)}** · high **{format_number(e.high)}** "
             f"({_md(e.counts_text)})", ""]
    if e.disagreement:
        lines += [f"> ⚑ {_md(e.disagreement)}", ""]
    return lines + _md_table([(e, c) for c in e.claims], COLUMNS, footnotes) + [""]


def _md_header(brief: Brief) -> list[str]:
    return [
        f"- **Articles:** {len(brief.articles):,}",
        f"- **Publishers:** {_md(brief.publishers_text)}",
        f"- **Dates:** {_md(brief.dates_text)}",
        f"- **Published:** {_md(brief.publication.text) if brief.publication else 'not recorded'}",
        "",
    ]


def render_markdown(brief: Brief, chart_path: str | None = None) -> str:
    """The brief in Markdown, for pasting into a report: tables, footnotes as [^n], the chart by its path."""
    lines = [f"# {TITLE}", ""] + _md_header(brief) + ["## Estimates with two or more claims", ""]
    if not brief.estimates:
        lines += ["No quantity has two or more claims yet.", ""]
    for e in brief.estimates:
        lines += _md_estimate(e)
    if brief.estimates and chart_path:
        lines += [f"![Every claim of each estimate by report date]({chart_path})", ""]
    lines += ["## Single-source figures", ""]
    if not brief.singles:
        lines += ["None: every quantity is claimed more than once.", ""]
    for count_type, group in _by_count_type(brief.singles):
        lines += [f"### {COUNT_TYPE_HEADINGS.get(count_type, count_type)}", ""]
        lines += _md_table([(e, c) for e in group for c in e.claims], SINGLE_COLUMNS) + [""]
    lines += ["## Index by claimant", ""]
    for name, _anchor, claims in brief.index():
        lines.append(f"- **{_md(name)}**: {_plural(len(claims), 'claim')}")
        lines += [f"  - {_md(e.heading)}: {_md(c.surface_text)} (row {c.number})"
                  + (f", via {_md(c.reported_via)}" if c.reported_via else "") + f", {c.reported}" for e, c in claims]
    unnamed = brief.unattributed()
    if unnamed:
        lines.append(f"- *No claimant named*: {_plural(len(unnamed), 'claim')} (rows {', '.join(str(c.number) for c in unnamed)})")
    lines.append("")
    if brief.left_out_text:
        lines += [f"Not set out as estimates: {_md(brief.left_out_text)}.", ""]
    for c in brief.claims:
        a = c.article
        where = [f"*{_md(a.title)}*" if a.title else f"file {_md(a.file_name)}"]
        where += [_md(a.publisher)] if a.publisher else []
        where.append(a.dated)
        if a.url:
            where.append(f"<{a.url}>" if safe_url(a.url) else _md(a.url))
        lines.append(f"[^{c.number}]: “{_md(c.sentence)}” — {', '.join(where)}.")
    return "\n".join(lines) + "\n"


def markdown_preview(brief: Brief, top: int = 3) -> str:
    """The header and the top estimates' tables, for the Dagster UI (no footnotes: the UI does not render them)."""
    lines = [f"**{TITLE}**", ""] + _md_header(brief)
    for e in brief.estimates[:top]:
        lines += _md_estimate(e, footnotes=False)
    more = len(brief.estimates) - top
    if more > 0:
        lines.append(f"…and {_plural(more, 'more estimate')} in the file.")
    if not brief.estimates:
        lines.append("No quantity has two or more claims yet.")
    return "\n".join(lines) + "\n"
