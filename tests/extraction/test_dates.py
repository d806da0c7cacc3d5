"""Date expressions resolved to calendar dates: seed articles plus short sentences about other conflicts."""
from __future__ import annotations

from datetime import date

import pytest

from orchestration.library.extraction.dates import extract_dates, find_absolute_dates
from orchestration.library.extraction.ids import stable_id
from orchestration.library.extraction.records import ArticleInput
from tests.conftest import seed_input


def run(nlp, body: str, published: date | None = None, article_id: str = "a1"):
    return extract_dates(nlp(body), ArticleInput(article_id, body, published))


def run_seed(nlp, prefix: str):
    """A seed as the pipeline gives it: the reader's body and dates (tests.conftest.seed_input)."""
    article = seed_input(prefix)
    return article.body, extract_dates(nlp(article.body), article)


def by_text(mentions, surface: str):
    hits = [m for m in mentions if m.surface_text == surface]
    assert hits, f"{surface!r} not found in {[m.surface_text for m in mentions]}"
    return hits[0]


def check_invariants(body: str, mentions, article_id: str | None = None):
    for m in mentions:
        assert body[m.start_char:m.end_char] == m.surface_text
        assert m.date_id == stable_id(article_id or m.article_id, "date", m.start_char, m.end_char)
    assert len({m.date_id for m in mentions}) == len(mentions)


# ------------------------------------------------------------------ seed 000 (Jerusalem Post / Media Line)
# undated: the reader dates it by its captions' latest date (11 March 2025)
def test_seed000_year_inferred_from_its_captions_date(nlp):
    body, found = run_seed(nlp, "000")
    check_invariants(body, found)
    r = by_text(found, "Between March 6 and 10")
    assert (r.date_start, r.date_end, r.precision) == (date(2025, 3, 6), date(2025, 3, 10), "range")
    assert r.resolution == "year_inferred"
    d = by_text(found, "March 16")  # five days after the captions: the article postdates them
    assert (d.date_start, d.precision, d.resolution) == (date(2025, 3, 16), "day", "year_inferred")


def test_seed000_late_last_year_and_years(nlp):
    _, found = run_seed(nlp, "000")
    late = by_text(found, "late last year")
    assert (late.date_start, late.date_end, late.resolution) == (date(2024, 9, 1), date(2024, 12, 31), "relative_reference")
    y = by_text(found, "2015")
    assert (y.date_start, y.date_end, y.precision) == (date(2015, 1, 1), date(2015, 12, 31), "year")
    m = by_text(found, "August 2015")
    assert (m.date_start, m.date_end, m.precision) == (date(2015, 8, 1), date(2015, 8, 31), "month")


def test_seed000_durations_and_counts_are_not_dates(nlp):
    texts = {m.surface_text for m in run_seed(nlp, "000")[1]}
    for not_date in ("the past 10 days", "1,064", "10 days", "A year", "the years", "years"):
        assert not_date not in texts


# ------------------------------------------------------------------ seed 001 (Enab Baladi)
def test_seed001_dates(nlp):
    body, found = run_seed(nlp, "001")  # published 17 March 2025, by its byline
    check_invariants(body, found)
    assert by_text(found, "March 13").date_start == date(2025, 3, 13)
    assert by_text(found, "January 28").date_start == date(2025, 1, 28)
    assert "2025/03/17" not in {m.surface_text for m in found}  # the byline is set aside, not a date of the body


def test_seed001_weekday_and_date_are_one_mention(nlp):
    _, found = run_seed(nlp, "001")
    tue = by_text(found, "Tuesday, March 11")
    assert (tue.date_start, tue.date_end, tue.precision) == (date(2025, 3, 11),) * 2 + ("day",)
    assert not [m for m in found if m.surface_text in ("Tuesday", "March 11")]


def test_seed001_times_are_not_dates(nlp):
    _, found = run_seed(nlp, "001")
    assert not [m for m in found if "2:08" in m.surface_text or "pm" in m.surface_text]
    assert not [m for m in found if "48 hours" in m.surface_text or "weeks" in m.surface_text]


# ------------------------------------------------------------------ seed 002 (AFP)
def test_seed002_undated_wire_copy_leaves_thursday_unresolved_and_reads_december_as_past(nlp):
    # the file gives no date: a weekday cannot be placed; a month with no year is the latest one
    # before the corpus's reference date, not the one after it
    body, found = run_seed(nlp, "002")
    check_invariants(body, found)
    thu = [m for m in found if "Thursday" in m.surface_text][0]
    assert (thu.date_start, thu.resolution) == (None, "unresolved")
    dec = by_text(found, "December")  # "by Syrian rebels in December"
    assert (dec.date_start, dec.date_end, dec.precision) == (date(2024, 12, 1), date(2024, 12, 31), "month")
    assert not [m for m in found if m.surface_text == "years"]


def test_a_weekday_is_the_one_before_a_known_publication_date(nlp):
    body = "Russia evacuated 9,000 people from the base on Thursday, officials said."
    thu = [m for m in run(nlp, body, date(2025, 3, 14)) if m.surface_text == "Thursday"][0]  # a Friday
    assert (thu.date_start, thu.precision, thu.resolution) == (date(2025, 3, 13), "day", "relative_weekday")


# ------------------------------------------------------------------ seed 003 (Global Research)
def test_seed003_since_march_6(nlp):
    body, found = run_seed(nlp, "003")
    check_invariants(body, found)
    since = by_text(found, "since March 6")
    assert (since.date_start, since.date_end, since.precision, since.resolution) == (
        date(2025, 3, 6), None, "day", "since")
    assert by_text(found, "March 14").date_start == date(2025, 3, 14)
    assert by_text(found, "2013").precision == "year"
    texts = {m.surface_text for m in found}
    assert not texts & {"weekly", "II-76", "3-4", "approximately 3-4"}


# ------------------------------------------------------------------ seed 004 (EUAA)
def test_seed004_report_dates(nlp):
    body, found = run_seed(nlp, "004")
    check_invariants(body, found)
    d = by_text(found, "20 December 2024")
    assert (d.date_start, d.precision) == (date(2024, 12, 20), "day")
    mid = by_text(found, "mid-December 2024")
    assert (mid.date_start, mid.date_end, mid.precision) == (date(2024, 12, 11), date(2024, 12, 20), "range")
    late = by_text(found, "late January 2025")
    assert (late.date_start, late.date_end) == (date(2025, 1, 21), date(2025, 1, 31))
    early = by_text(found, "early 2025")
    assert (early.date_start, early.date_end) == (date(2025, 1, 1), date(2025, 4, 30))
    assert by_text(found, "December 2024").date_end == date(2024, 12, 31)
    since = by_text(found, "Since mid-December 2024")
    assert (since.date_start, since.date_end, since.resolution) == (date(2024, 12, 11), None, "since")
    both = [m for m in found if m.date_start == date(2024, 12, 23)]
    assert {m.surface_text for m in both} == {"December 23, 2024", "23 December 2024"}


def test_seed004_section_numbers_footnotes_and_copyright_are_not_dates(nlp):
    _, found = run_seed(nlp, "004")
    for m in found:
        assert "3.2" not in m.surface_text
        assert not any(ch in m.surface_text for ch in "⁰¹²³⁴⁵⁶⁷⁸⁹")
        assert m.surface_text not in ("505", "2026", "124", "76")


# ------------------------------------------------------------------ other conflicts, one rule each
PUBLISHED = date(2025, 3, 14)  # a Friday

CASES = [
    # (text, surface, start, end, precision, resolution)
    ("The RSF seized El Fasher on 26 October 2025.", "26 October 2025",
     date(2025, 10, 26), date(2025, 10, 26), "day", "absolute"),
    ("Russia launched its full-scale invasion on February 24, 2022.", "February 24, 2022",
     date(2022, 2, 24), date(2022, 2, 24), "day", "absolute"),
    ("A convoy reached Goma on 2025-01-27.", "2025-01-27", date(2025, 1, 27), date(2025, 1, 27), "day", "absolute"),
    ("A convoy reached Goma on 27/01/2025.", "27/01/2025", date(2025, 1, 27), date(2025, 1, 27), "day", "absolute"),
    ("Fighting in Khartoum intensified in April 2023.", "April 2023",
     date(2023, 4, 1), date(2023, 4, 30), "month", "absolute"),
    ("Drone strikes hit Odesa on March 2.", "March 2", date(2025, 3, 2), date(2025, 3, 2), "day", "year_inferred"),
    ("Gaza's health ministry updated its toll on 28 December.", "28 December",
     date(2024, 12, 28), date(2024, 12, 28), "day", "year_inferred"),
    ("Kyiv was attacked on Wednesday.", "Wednesday", date(2025, 3, 12), date(2025, 3, 12), "day", "relative_weekday"),
    ("The talks ended last Friday.", "last Friday", date(2025, 3, 7), date(2025, 3, 7), "day", "relative_weekday"),
    ("Negotiators will meet in Jeddah on Tuesday.", "Tuesday", date(2025, 3, 18), date(2025, 3, 18), "day",
     "relative_weekday"),
    ("The UN appealed for aid yesterday.", "yesterday", date(2025, 3, 13), date(2025, 3, 13), "day",
     "relative_published"),
    ("Famine was declared in Zamzam camp last year.", "last year", date(2024, 1, 1), date(2024, 12, 31), "year",
     "relative_published"),
    ("Mines were cleared earlier this month.", "earlier this month", date(2025, 3, 1), date(2025, 3, 31),
     "month", "relative_published"),
    ("Two weeks ago, shelling hit Zaporizhzhia.", "Two weeks ago", date(2025, 2, 24), date(2025, 3, 2), "week",
     "relative_published"),
    ("Clashes in Tigray peaked in November.", "November", date(2024, 11, 1), date(2024, 11, 30), "month",
     "year_inferred"),
    ("Strikes on Mariupol began in early March 2022.", "early March 2022", date(2022, 3, 1), date(2022, 3, 10),
     "range", "absolute"),
    ("Sieges continued through mid-2024.", "mid-2024", date(2024, 5, 1), date(2024, 8, 31), "range", "absolute"),
    ("Aid deliveries to Darfur stopped between 6 and 10 March 2025.", "between 6 and 10 March 2025",
     date(2025, 3, 6), date(2025, 3, 10), "range", "absolute"),
    ("Shelling of Kharkiv continued from December 2024 to February 2025.", "from December 2024 to February 2025",
     date(2024, 12, 1), date(2025, 2, 28), "range", "absolute"),
    ("Aleppo was besieged between 2012 and 2016.", "between 2012 and 2016", date(2012, 1, 1), date(2016, 12, 31),
     "range", "absolute"),
    ("Clashes raged from March 28 to April 2.", "from March 28 to April 2", date(2025, 3, 28), date(2025, 4, 2),
     "range", "year_inferred"),
    ("The ceasefire held until March 20, 2024.", "until March 20, 2024", None, date(2024, 3, 20), "day", "until"),
    ("Sudan's army has advanced since January 2025.", "since January 2025", date(2025, 1, 1), None, "month",
     "since"),
    ("The Kurdish region was calm in the 1990s.", "the 1990s", date(1990, 1, 1), date(1999, 12, 31), "range",
     "absolute"),
    ("Offensives resumed in the summer of 2023.", "summer of 2023", date(2023, 6, 1), date(2023, 8, 31),
     "season", "absolute"),
    ("Casualties rose in the first half of 2024.", "the first half of 2024", date(2024, 1, 1), date(2024, 6, 30),
     "range", "absolute"),
    ("The 9/11 Commission cited Sept. 11, 2001.", "Sept. 11, 2001", date(2001, 9, 11), date(2001, 9, 11), "day",
     "absolute"),
]


@pytest.mark.parametrize("text,surface,start,end,precision,resolution", CASES)
def test_other_conflicts(nlp, text, surface, start, end, precision, resolution):
    found = run(nlp, text, PUBLISHED)
    check_invariants(text, found)
    m = by_text(found, surface)
    assert (m.date_start, m.date_end, m.precision, m.resolution) == (start, end, precision, resolution)


def test_the_next_day_counts_from_the_last_day_mentioned(nlp):
    text = "The RSF entered El Fasher on 26 October 2025 after a siege begun in May 2024. Killings began the next day."
    nxt = by_text(run(nlp, text, None), "the next day")
    assert (nxt.date_start, nxt.resolution) == (date(2025, 10, 27), "relative_previous")


@pytest.mark.parametrize("text", [
    "Some 2000 troops were deployed to the border.",
    "Flights landed weekly and convoys left every few days.",
    "Years of war and the past ten days of shelling left 1,500 dead.",
    "At 14:30 an Il-76 landed; see section 2.1. for figures.",
    "UN Security Council Resolution 2254 was cited.",
    "The Mayor of Kharkiv may resign; protesters march on.",
    "He stayed for several weeks and then 48 hours more.",
])
def test_not_dates(nlp, text):
    assert run(nlp, text, PUBLISHED) == []


def test_weekday_without_published_date_uses_latest_full_date(nlp):
    text = "Shelling hit Sumy on March 3, 2025. On Sunday, more strikes followed."
    sun = by_text(run(nlp, text, None), "Sunday")
    assert sun.date_start == date(2025, 3, 2)  # the Sunday on/before Monday 3 March 2025


def test_unanchored_relative_date_is_kept_unresolved(nlp):
    sun = by_text(run(nlp, "On Sunday, more strikes followed.", None), "Sunday")
    assert (sun.date_start, sun.date_end, sun.precision, sun.resolution) == (None, None, "unknown", "unresolved")


def test_sentence_numbers_follow_the_parse(nlp):
    text = "Troops entered Bucha in February 2022. They withdrew on 31 March 2022."
    found = run(nlp, text, None)
    assert [m.sentence_no for m in found] == [0, 1]


def test_find_absolute_dates_in_a_reference():
    found = find_absolute_dates("ISW and CTP, Iran Update, December 23, 2024, 23 December 2024, [url](#), p. 3")
    assert [(f[2], f[4]) for f in found] == [(date(2024, 12, 23), "day"), (date(2024, 12, 23), "day")]


def test_ids_are_stable_across_runs(nlp):
    assert [m.date_id for m in run_seed(nlp, "001")[1]] == [m.date_id for m in run_seed(nlp, "001")[1]]


def test_undated_article_takes_years_from_its_reference_date_but_not_weekdays():
    from datetime import date

    from orchestration.library.extraction.dates import extract_dates
    from orchestration.library.extraction.nlp import load_nlp
    from orchestration.library.extraction.records import ArticleInput

    body = "On March 14, the council condemned the violence. Officials met on Thursday."
    article = ArticleInput("x", body, published_date=None, reference_date=date(2025, 3, 17))
    found = {d.surface_text: d for d in extract_dates(load_nlp()(body), article)}
    assert found["March 14"].date_start == date(2025, 3, 14)
    assert found["Thursday"].date_start is None  # a weekday needs a real publication date


def test_skipping_patterns_whose_words_are_absent_finds_the_same_dates(monkeypatch):
    # a pattern runs only on a body holding the word it cannot match without (dates._patterns_for);
    # every kind of expression, in both cases where the pattern allows it, is found all the same
    from orchestration.library.extraction import dates

    bodies = [
        "In the summer of 2022 and the late 1990s; Q1 2025 and the first half of 2024. Two weeks ago, "
        "the next day, last Friday night, earlier this month, today, March 6-10, 2025, between 6 and 10 "
        "March, 2011-2015, 17/03/2025, 2025-03-17, Sept. 11th, mid-December 2024, in December, LAST SPRING.",
        "EARLIER TODAY the army said it had pulled back THREE DAYS LATER; the following week it returned.",
        "No date at all here: 40 people, 12 trucks and a report.",
    ]
    for body in bodies:
        gated = dates._scan(None, body)
        monkeypatch.setattr(dates, "_patterns_for", lambda text: dates._PATTERNS)
        full = dates._scan(None, body)
        monkeypatch.undo()
        assert [(c.start, c.end, c.kind) for c in gated] == [(c.start, c.end, c.kind) for c in full]
    assert set(dates._NEEDED) | dates._YEAR_KINDS == {kind for kind, _ in dates._PATTERNS}
