"""Dated events: the clause a date anchors, its place and its actors (mentions are built by hand here)."""
from __future__ import annotations

from datetime import date

import pytest

from orchestration.library.extraction.dates import extract_dates
from orchestration.library.extraction.events import build_events
from orchestration.library.extraction.ids import stable_id
from orchestration.library.extraction.records import ArticleInput, EntityMention
from tests.conftest import seed_body as seed
from tests.conftest import seed_input


def mention(body: str, surface: str, actor_type: str = "organization", after: str = "",
            article_id: str = "a1") -> EntityMention:
    """A hand-built mention of ``surface``, the first one after the text ``after``."""
    start = body.index(surface, body.index(after) if after else 0)
    return EntityMention(
        mention_id=stable_id(article_id, "mention", start), article_id=article_id, sentence_no=0,
        start_char=start, end_char=start + len(surface), surface_text=surface, actor_type=actor_type,
        canonical_name=surface, resolution="name",
    )


def run(nlp, body: str, published: date | None = None, mentions=(), article_id: str = "a1", article=None):
    """Events of ``body``; ``article`` (a seed as the pipeline gives it, seed_input) brings its own dates."""
    doc = nlp(body)
    article = article or ArticleInput(article_id, body, published)
    article_id = article.article_id
    dates = extract_dates(doc, article)
    events, actors = build_events(doc, article, dates, list(mentions))
    for e in events:  # invariants every event must keep
        assert 0 <= e.clause_start < e.clause_end <= len(body)
        assert e.event_id == stable_id(article_id, "event", e.date_id)
        assert e.date_id in {d.date_id for d in dates}
        date_span = next((d.start_char, d.end_char) for d in dates if d.date_id == e.date_id)
        assert body[date_span[0]:date_span[1]] == e.date_text  # the event's date is the one written there
    return events, actors, dates


def event_for(events, date_text: str):
    hits = [e for e in events if e.date_text == date_text]
    assert hits, f"no event for {date_text!r}: {[e.date_text for e in events]}"
    return hits[0]


def roles(actors, event, mentions) -> dict[str, str]:
    names = {m.mention_id: m.surface_text for m in mentions}
    return {names[a.mention_id]: a.role for a in actors if a.event_id == event.event_id}


# ------------------------------------------------------------------ seeds
def test_seed001_attack_on_march_6_in_beit_aana(nlp):
    body = seed("001")
    ms = [mention(body, "Assad regime’s remnants", "armed_group", after="On March 6"), mention(body, "Suhail al-Hassan", "person")]
    events, actors, _ = run(nlp, body, mentions=ms, article=seed_input("001"))
    e = event_for(events, "March 6")
    assert (e.event_date, e.event_date_end, e.date_precision) == (date(2025, 3, 6), date(2025, 3, 6), "day")
    assert e.location == "Beit Aana"
    assert e.description.startswith("On March 6, Assad regime’s remnants launched an attack targeting a security patrol")
    assert body[e.clause_start:e.clause_end].startswith("On March 6, Assad")
    assert roles(actors, e, ms)["Assad regime’s remnants"] == "agent"


def test_seed001_byline_and_captions_give_no_event(nlp):
    # the reader sets the byline ("2025/03/17") and the photo captions aside; what stays dates events
    body = seed("001")
    events, _, dates = run(nlp, body, article=seed_input("001"))
    texts = {e.date_text for e in events}
    assert not {"2025/03/17", "December 29, 2024"} & {d.surface_text for d in dates}
    assert {"March 13", "March 15", "March 8", "January 28"} <= texts


def test_seed001_speaker_and_weekday_date(nlp):
    body = seed("001")
    ms = [mention(body, "Maria Zakharova", "person"), mention(body, "Syrian Network for Human Rights")]
    events, actors, _ = run(nlp, body, mentions=ms, article=seed_input("001"))
    stated = event_for(events, "March 13")
    assert "Maria Zakharova stated on March 13 that the base has provided shelter" in stated.description
    assert roles(actors, stated, ms) == {"Maria Zakharova": "speaker"}
    report = event_for(events, "Tuesday, March 11")
    assert report.event_date == date(2025, 3, 11)
    assert roles(actors, report, ms) == {"Syrian Network for Human Rights": "agent"}  # "documented by ..."


def test_seed003_security_council_condemned_on_march_14(nlp):
    body = seed("003")
    ms = [mention(body, "UN Security Council", after="On March 14"), mention(body, "Russia", "state", after="On March 10")]
    events, actors, _ = run(nlp, body, mentions=ms, article=seed_input("003"))
    e = event_for(events, "March 14")
    assert e.event_date == date(2025, 3, 14)
    assert e.description.startswith("On March 14, the UN Security Council condemned the widespread violence")
    assert roles(actors, e, ms) == {"UN Security Council": "agent"}
    asked = event_for(events, "March 10")
    assert roles(actors, asked, ms) == {"Russia": "agent"}
    assert asked.location == "Syria"


def test_seed003_since_date_keeps_an_open_end(nlp):
    events, _, _ = run(nlp, seed("003"), article=seed_input("003"))
    (since,) = [e for e in events if e.date_text == "since March 6"]
    assert (since.event_date, since.event_date_end) == (date(2025, 3, 6), None)


def test_seed000_events(nlp):
    body = seed("000")
    events, _, _ = run(nlp, body, article=seed_input("000"))
    r = event_for(events, "Between March 6 and 10")
    assert (r.event_date, r.event_date_end, r.date_precision) == (date(2025, 3, 6), date(2025, 3, 10), "range")
    assert "intense violence" in r.description and "forced thousands of people" in r.description
    assert "March 11, 2025" not in {e.date_text for e in events}  # only in photo captions
    est = event_for(events, "2015")
    assert est.description.endswith("was established in 2015")
    assert not est.description.startswith("Hmeimim’s Strategic Role")  # headline line is not part of it


def test_seed004_events_and_non_events(nlp):
    body = seed("004")
    events, _, dates = run(nlp, body, article=seed_input("004"))
    texts = {e.date_text for e in events}
    footnote_dates = {d.surface_text for d in dates if d.start_char > body.index("- [505]")}
    assert footnote_dates and not texts & footnote_dates  # reference dates are no happenings
    assert "March 2025" not in texts  # "Please cite as ..."
    assert "November 2024" not in texts  # "... see section 1.3.3."
    early = event_for(events, "early 2025")
    assert early.description.startswith("As of early 2025, Russia still operated two military bases in Syria")
    assert "⁵" not in early.description  # footnote markers are left out of the description
    withdrew = event_for(events, "December 2024")
    assert withdrew.description.startswith("Later in December 2024, Russia reportedly withdrew its forces")
    tartous = event_for(events, "late January 2025")
    assert tartous.event_date == date(2025, 1, 21)


# ------------------------------------------------------------------ other conflicts
PUBLISHED = date(2025, 3, 14)


def test_sudan_agent_and_place(nlp):
    text = "On 15 April 2023, the Rapid Support Forces attacked army bases in Khartoum."
    ms = [mention(text, "Rapid Support Forces", "armed_group")]
    events, actors, _ = run(nlp, text, PUBLISHED, ms)
    (e,) = events
    assert (e.event_date, e.location) == (date(2023, 4, 15), "Khartoum")
    assert e.description == "On 15 April 2023, the Rapid Support Forces attacked army bases in Khartoum"
    assert roles(actors, e, ms) == {"Rapid Support Forces": "agent"}


def test_passive_by_phrase_is_the_agent(nlp):
    text = "Two aid workers were killed by RSF fighters in El Fasher on Sunday."
    ms = [mention(text, "RSF", "armed_group")]
    events, actors, _ = run(nlp, text, PUBLISHED, ms)
    (e,) = events
    assert e.event_date == date(2025, 3, 9)
    assert e.location == "El Fasher"
    assert roles(actors, e, ms) == {"RSF": "agent"}


def test_ukraine_target_and_speaker(nlp):
    text = "Russian forces shelled Kharkiv on Monday, the governor said."
    ms = [mention(text, "Russian forces", "military_unit"), mention(text, "Kharkiv", "other")]
    events, actors, _ = run(nlp, text, PUBLISHED, ms)
    (e,) = events
    assert e.event_date == date(2025, 3, 10)
    assert e.location == "Kharkiv"
    assert roles(actors, e, ms) == {"Russian forces": "agent", "Kharkiv": "target"}

    text = "Ukraine's foreign minister Andrii Sybiha said on Tuesday that talks would resume."
    ms = [mention(text, "Andrii Sybiha", "person")]
    events, actors, _ = run(nlp, text, PUBLISHED, ms)
    assert roles(actors, events[0], ms) == {"Andrii Sybiha": "speaker"}


def test_attack_targeting_is_a_target(nlp):
    text = "On March 6, gunmen launched an attack targeting the Syrian Red Crescent in Jableh."
    ms = [mention(text, "Syrian Red Crescent")]
    events, actors, _ = run(nlp, text, PUBLISHED, ms)
    assert roles(actors, events[0], ms) == {"Syrian Red Crescent": "target"}


def test_coordinated_clauses_with_own_dates_are_separate_events(nlp):
    text = "Russia struck Odesa on Monday, and Ukraine hit Belgorod on Tuesday."
    ms = [mention(text, "Russia", "state"), mention(text, "Ukraine", "state")]
    events, actors, _ = run(nlp, text, PUBLISHED, ms)
    mon, tue = event_for(events, "Monday"), event_for(events, "Tuesday")
    assert mon.description == "Russia struck Odesa on Monday"
    assert tue.description == "Ukraine hit Belgorod on Tuesday"
    assert roles(actors, mon, ms) == {"Russia": "agent"}
    assert roles(actors, tue, ms) == {"Ukraine": "agent"}


def test_one_event_per_clause_even_with_two_dates(nlp):
    text = "On 7 October 2023, Hamas fighters crossed into southern Israel, in an attack planned since 2021."
    events, _, dates = run(nlp, text, PUBLISHED)
    assert len(dates) == 2
    crossed = [e for e in events if "crossed into southern Israel" in e.description]
    assert len(crossed) == 1
    assert event_for(events, "7 October 2023").event_date == date(2023, 10, 7)


def test_place_designator_when_ner_misses_it(nlp):
    text = "The Myanmar junta bombed a school in the village of Let Yet Kone on September 16, 2022."
    events, _, _ = run(nlp, text, PUBLISHED)
    assert events[0].location == "Let Yet Kone"
    assert events[0].event_date == date(2022, 9, 16)


@pytest.mark.parametrize("text", [
    "Displaced families at a camp near Goma - 12 February 2025 (AFP/Alexis Huguet)",
    "This aerial picture shows destroyed buildings in Rafah on May 6, 2024.",
    "Please cite as: UNHCR, Sudan situation update, March 2025.",
    "Human Rights Watch, Sudan: Ethnic Cleansing in West Darfur, 9 May 2024, [url](#)",
    "  • 2025/03/17",
])
def test_no_event_for_captions_bylines_and_references(nlp, text):
    events, _, dates = run(nlp, text, PUBLISHED)
    assert dates and events == []


def test_no_mentions_still_gives_events(nlp):
    events, actors, _ = run(nlp, "Israeli strikes on Gaza City killed 30 people on Saturday.", PUBLISHED)
    assert len(events) == 1 and actors == []
    assert events[0].location == "Gaza City"
    assert events[0].event_date == date(2025, 3, 8)
