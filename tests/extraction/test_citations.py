"""Citations: footnotes, source lines, cue phrases and photo credits."""
from __future__ import annotations

from datetime import date

import pytest

from orchestration.library.extraction.citations import extract_citations
from orchestration.library.extraction.ids import stable_id
from orchestration.library.extraction.records import ArticleInput
from tests.conftest import seed_article


def run(nlp, body: str, boilerplate: str = "", article_id: str = "a1"):
    found = extract_citations(nlp(body), ArticleInput(article_id, body), boilerplate)
    for c in found:  # invariants every citation keeps
        text = body if c.text_field == "body" else boilerplate
        written = text[c.start_char:c.end_char]
        assert written == c.source_text
        assert c.citation_id == stable_id(article_id, "citation", c.text_field, c.start_char, c.footnote_no)
    assert len({c.citation_id for c in found}) == len(found)
    return found


def seed(prefix: str) -> str:
    return seed_article(prefix).body_text


def run_seed(nlp, prefix: str):
    """The seed's citations as the pipeline finds them: in the reader's body and boilerplate."""
    article = seed_article(prefix)
    return run(nlp, article.body_text, article.boilerplate_text)


def kinds(found, kind: str) -> list[str]:
    return [c.source_text for c in found if c.kind == kind]


# ------------------------------------------------------------------ seed 004: EUAA footnotes
EXPECTED_FOOTNOTES = {
    505: ["AP"], 506: ["Stimson Center"],
    507: ["Carnegie Endowment for International Peace and Malcolm H. Kerr Carnegie Middle East Center"],
    508: ["Enab Baladi"], 509: ["BBC News"], 510: ["Enab Baladi"], 511: ["BBC News"],
    512: ["Carnegie Endowment for International Peace and Malcolm H. Kerr Carnegie Middle East Center"],
    513: ["ISW and CTP"], 514: ["Reuters", "New Arab (The)"], 515: ["Reuters"],
    516: ["Moscow Times (The)", "Enab Baladi"], 517: ["Meduza", "Enab Baladi"],
    518: ["Carnegie Endowment for International Peace and Malcolm H. Kerr Carnegie Middle East Center"],
    519: ["Enab Baladi"], 520: ["BBC News"], 521: ["AP"], 522: ["CNN", "Reuters", "NBC News"],
    523: ["CNN"], 524: ["Meduza"],
}


def test_seed004_all_twenty_footnotes(nlp):
    found = run_seed(nlp, "004")
    notes = [c for c in found if c.kind == "footnote"]
    assert {c.footnote_no for c in notes} == set(range(505, 525))
    got: dict[int, list[str]] = {}
    for c in notes:
        got.setdefault(c.footnote_no, []).append(c.source_text)
    assert got == EXPECTED_FOOTNOTES
    assert all(c.cited_date is not None and c.text_field == "body" for c in notes)


def test_seed004_footnote_fields(nlp):
    notes = {(c.footnote_no, c.source_text): c for c in run_seed(nlp, "004") if c.kind == "footnote"}
    ap = notes[(505, "AP")]
    assert ap.cited_date == date(2024, 12, 20)
    assert ap.cited_title == "Turkey and Russia engage in delicate maneuvers over Syria after Assad's downfall"
    assert ap.cited_text.startswith("AP, Turkey and Russia engage") and "[url](#)" in ap.cited_text
    stimson = notes[(506, "Stimson Center")]  # "Shahbazov, F." is the author, not the outlet
    assert (stimson.cited_title, stimson.cited_date) == (
        "What Turkey Hopes to Gain From the HTS Offensive in Syria", date(2024, 12, 5))
    assert notes[(507, EXPECTED_FOOTNOTES[507][0])].cited_title == "The Syria Fiasco As Seen From Moscow"
    isw = notes[(513, "ISW and CTP")]
    assert (isw.cited_title, isw.cited_date) == ("Iran Update, December 23, 2024", date(2024, 12, 23))
    reuters = notes[(514, "Reuters")]
    assert reuters.cited_title == "Exclusive: Russia pulling back but not out of Syria, sources say"
    assert reuters.cited_date == date(2024, 12, 15)
    assert notes[(514, "New Arab (The)")].cited_date == date(2024, 12, 26)
    assert notes[(516, "Moscow Times (The)")].cited_date == date(2025, 2, 18)
    assert notes[(522, "NBC News")].cited_date == date(2024, 12, 14)
    assert notes[(524, "Meduza")].cited_date == date(2025, 1, 28)


def test_seed004_has_nothing_but_footnotes(nlp):
    found = run_seed(nlp, "004")
    assert {c.kind for c in found} == {"footnote"}  # "Please cite as: EUAA ..." cites nothing


# ------------------------------------------------------------------ seed 002: AFP
def test_seed002_source_line_reported_by_according_to(nlp):
    body = seed("002")
    found = run(nlp, body)
    assert kinds(found, "source_line") == ["AFP"]
    assert kinds(found, "reported_by") == ["Reuters"]
    assert kinds(found, "according_to") == ["Syrian Observatory for Human Rights"]
    acc = next(c for c in found if c.kind == "according_to")
    assert acc.cited_text.startswith("According to the Syrian Observatory for Human Rights")
    assert acc.sentence_no is not None
    assert "Facebook" not in {c.source_text for c in found}  # "| Follow Us: Facebook | ..."
    assert "reporters" not in {c.source_text for c in found}  # "told reporters" names no outlet


# ------------------------------------------------------------------ seed 001: Enab Baladi
def test_seed001_cues(nlp):
    found = run_seed(nlp, "001")
    assert kinds(found, "according_to") == ["TASS"]  # not "statistics", not "the armed remnants’ accounts"
    assert kinds(found, "documented_by") == ["Syrian Network for Human Rights"]
    assert kinds(found, "told").count("Reuters") == 2  # "in a conversation with", "in an interview with"
    assert "Enab Baladi" in kinds(found, "told")  # "confirmed to Enab Baladi"
    assert set(kinds(found, "reported_by")) == {"SANA", "Bloomberg"}  # "news agency SANA reported"
    assert kinds(found, "photo_credit") == ["AFP", "AFP"]  # "(AFP/Aaref Watad)" twice


# ------------------------------------------------------------------ seed 000: captions in the boilerplate
CAPTIONS = (
    "This aerial picture shows cars queing as civilians take refuge from violence at the Hmeimim Russian "
    "base in Syria's Latakia Mediterranean province on March 11, 2025.\n"
    "(photo credit: OMAR HAJ KADOUR/AFP via Getty Images)\n"
)


def test_seed000_credits_in_boilerplate(nlp):
    body = seed("000")
    found = run(nlp, body, CAPTIONS)
    bp = [c for c in found if c.text_field == "boilerplate"]
    assert [(c.kind, c.source_text) for c in bp] == [("photo_credit", "AFP"), ("via", "Getty Images")]
    for c in bp:
        assert CAPTIONS[c.start_char:c.end_char] == c.source_text
        assert c.sentence_no is None
    assert kinds(found, "told").count("The Media Line") == 3
    assert "Sputnik News" in kinds(found, "reported_by")


def test_seed000_photo_credits_are_found_in_the_captions_the_reader_sets_aside(nlp):
    found = run_seed(nlp, "000")
    credits = [c for c in found if c.kind == "photo_credit"]
    assert credits and {c.text_field for c in credits} == {"boilerplate"}
    assert "AFP" in {c.source_text for c in credits}


# ------------------------------------------------------------------ other conflicts, one rule each
@pytest.mark.parametrize("text,kind,sources", [
    ("At least 120 people were killed, according to the UN Office for the Coordination of Humanitarian "
     "Affairs (OCHA).", "according_to", ["UN Office for the Coordination of Humanitarian Affairs"]),
    ("Ten soldiers died, according to Russia’s defence ministry.", "according_to", ["Russia’s defence ministry"]),
    ("The toll rose to 300, according to a report by Human Rights Watch.", "according_to", ["Human Rights Watch"]),
    ("Shelling continued, according to Reuters and AFP.", "according_to", ["Reuters", "AFP"]),
    ("The toll was 40, according to Ukraine's state emergency service.", "according_to",
     ["Ukraine's state emergency service"]),
    ("The strike killed 12, according to the Kurdish news agency ANHA.", "according_to", ["ANHA"]),
    ("Fighting spread to Wad Madani, as reported by Radio Dabanga.", "reported_by", ["Radio Dabanga"]),
    ("Sudan Tribune reported that the army retook the bridge.", "reported_by", ["Sudan Tribune"]),
    ("Killings were documented by the Darfur Bar Association.", "documented_by", ["Darfur Bar Association"]),
    ("The strike was announced, according to Syrian state media.", "according_to", ["Syrian state media"]),
    ("A resident told the BBC the camp was shelled.", "told", ["BBC"]),
    ("The commander said in an interview with Al Jazeera that talks had failed.", "told", ["Al Jazeera"]),
    ("The footage was shared via Telegram.", "via", ["Telegram"]),
    ("Source: Reuters, AP", "source_line", ["Reuters", "AP"]),
    ("KHARTOUM (Reuters) - Heavy fighting erupted on Saturday.", "dateline", ["Reuters"]),
    ("Smoke rises over Khartoum (Photo: Reuters/Mohamed Nureldin Abdallah)", "photo_credit", ["Reuters"]),
    ("A destroyed tank near Kupiansk (AP Photo/Efrem Lukatsky)", "photo_credit", ["AP Photo"]),
])
def test_other_conflicts(nlp, text, kind, sources):
    assert kinds(run(nlp, text), kind) == sources


@pytest.mark.parametrize("text", [
    "The figure rose, according to statistics.",
    "Twenty people died, according to residents.",
    "He told reporters the ceasefire would hold.",
    "He travelled via the Rafah crossing.",
    "  1. Ankara supports Damascus... Moscow abdicates responsibility for events in coastal region",
    "1. On 5 May 2024, RSF fighters, backed by militias, attacked El Fasher.",
])
def test_no_citation(nlp, text):
    assert run(nlp, text) == []


def test_a_source_name_ends_at_its_line(nlp):
    # captions stacked one per line: the credit ends its caption, the next line is another caption
    body = ("Medics treat people injured in the explosion. Defence Ministry/Handout via REUTERS\n"
            "Medics of the Russian peacekeeping troops treat the injured. Photolure via REUTERS\n"
            "Updated September 29, 2023\n")
    assert kinds(run(nlp, body), "via") == ["REUTERS", "REUTERS"]


def test_footnote_with_two_authors_and_same_line_marker(nlp):
    body = ("Strikes continued.[1]\n\n"
            "[1] Smith, J. and Doe, K., Sudan's War Economy, Small Arms Survey, 3 March 2024, https://example.org\n"
            "[2] Airwars, Civilian harm in Gaza, 12 January 2024, [url](#); OCHA, Flash Update #90, 15 January 2024\n")
    notes = [c for c in run(nlp, body) if c.kind == "footnote"]
    assert [(c.footnote_no, c.source_text, c.cited_title, c.cited_date) for c in notes] == [
        (1, "Small Arms Survey", "Sudan's War Economy", date(2024, 3, 3)),
        (2, "Airwars", "Civilian harm in Gaza", date(2024, 1, 12)),
        (2, "OCHA", "Flash Update #90", date(2024, 1, 15)),
    ]


def test_numbered_notes_section(nlp):
    body = ("Airstrikes hit Aleppo.¹ Aid stalled.²\n\nNotes\n"
            "1. SOHR, Airstrikes on Aleppo countryside, 4 December 2024\n"
            "2. OCHA, Syria: Flash Update No. 3, 6 December 2024, https://example.org\n")
    notes = [(c.footnote_no, c.source_text, c.cited_date) for c in run(nlp, body) if c.kind == "footnote"]
    assert notes == [(1, "SOHR", date(2024, 12, 4)), (2, "OCHA", date(2024, 12, 6))]


def test_photo_credit_in_boilerplate_with_via(nlp):
    caption = "Displaced families near Goma (Photo credit: ALEXIS HUGUET/AFP via Getty Images)"
    found = run(nlp, "Fighting resumed near Goma.", caption)
    assert [(c.kind, c.source_text, c.text_field) for c in found] == [
        ("photo_credit", "AFP", "boilerplate"), ("via", "Getty Images", "boilerplate")]
    assert found[0].cited_text == caption


def test_ids_are_stable(nlp):
    body = seed("004")
    assert [c.citation_id for c in run(nlp, body)] == [c.citation_id for c in run(nlp, body)]
