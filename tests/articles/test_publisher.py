"""The publisher of a saved page: its URL's domain, else bylines, a saved title or a dateline marker."""
from __future__ import annotations

import pytest

from orchestration.library.articles.publisher import (
    publisher_from_marker,
    publisher_from_title,
    publisher_from_url,
    readable_outlet,
)
from orchestration.library.articles.reader import read_article


@pytest.mark.parametrize("url, text, want", [
    ("https://tass.com/world/1434", "", "TASS"),  # curated domain list
    ("https://apnews.com/article/x", "", "Associated Press"),
    ("https://news.un.org/en/story/2023/06/1137482", "", "UN News"),  # a sub-domain row wins
    ("https://www.aljazeera.com/news/2014/11/7/x", "", "Al Jazeera"),
    # the list names outlets by their own name, where the domain shortens it, and tells apart
    # outlets of one name in different countries
    ("https://www.latimes.com/world/x", "", "Los Angeles Times"),
    ("https://www.iranintl.com/en/x", "", "Iran International"),
    ("https://punchng.com/x", "", "The Punch"),
    ("https://www.sunnewsonline.com/x", "", "The Sun (Nigeria)"),
    ("https://www.thesun.co.uk/news/x", "", "The Sun"),
    # unknown domains: the name as the page prints it, else split into outlet words, else the address
    ("https://kyivindependent.com/x", "Subscribe to The Kyiv Independent today", "The Kyiv Independent"),
    ("https://pledgetimes.com/x", "", "Pledge Times"),
    ("https://dailypakistan.com.pk/x", "", "Daily Pakistan"),
    ("https://bdnews24.com/world/x", "", "bdnews24.com"),
    # word beginnings the page prints: 13_kremenchuk_ukranews, 22_rutshuru_sosmedias
    ("https://ukranews.com/en/news/1", "Ukrainian News Agency reports.", "Ukrainian News Agency"),
    ("https://www.sosmediasburundi.org/en/x", "SOS Médias Burundi", "SOS Médias Burundi"),
    ("https://www.bbc.co.uk/news/x", "", "BBC News"),
    # a hyphen parts the words: no "News- Front"; initials stay capitals, an Arabic article its noun's
    ("https://news-front.info/x", "", "News Front"),
    ("https://nmg-news.com/x", "", "NMG News"),
    ("https://al-monitor.com/x", "", "Al-Monitor"),
    # joined: the Arabic article parted from its noun, short leading initials, outlet words of other
    # languages, a country after an unknown word; a label that is itself a word stays whole
    ("https://elwatan.com/x", "", "El Watan"),
    ("https://www.almasirah.net/x", "", "Al Masirah"),
    ("https://bnlgroup.com/x", "", "BNL Group"),
    ("https://www.lprnoticias.com/x", "", "LPR Noticias"),
    ("https://www.zimwatchnigeria.com/x", "", "Zimwatch Nigeria"),
    ("https://www.alliance.org/x", "", "Alliance"),
    # the outlet's label before a country's second level ("or.jp", "gob.ve")
    ("https://www.tbs.or.jp/x", "", "TBS"),
    ("https://www.radiomundial.gob.ve/x", "", "Radio Mundial"),
    ("not a url", "", None),
])
def test_publisher_from_url(url, text, want):
    assert publisher_from_url(url, text) == want


@pytest.mark.parametrize("label, want", [
    # the article of another language's name, a country's code after the name, an outlet word before
    # an unknown one, a number beside a word; "al" never splits a word in the middle
    ("lagaceta", "La Gaceta"),
    ("elmundo", "El Mundo"),
    ("dailytrustng", "Daily Trust"),
    ("radiookapi", "Radio Okapi"),
    ("somalia24", "Somalia 24"),
    ("20minutes", "20 Minutes"),
    ("imphalfreepress", "Imphal Free Press"),
    # the words outlets of other languages are named with
    ("journaldumali", "Journal du Mali"),
    ("noticiascaracol", "Noticias Caracol"),
    ("lowyinstitute", "Lowy Institute"),
    # common words of other languages where English has none ("For Open" is not "Foro Penal")
    ("beritaharian", "Berita Harian"),
    ("foropenal", "Foro Penal"),
    ("actucameroun", "Actu Cameroun"),
    # short outlet words an address ends in
    ("hopefm", "Hope FM"),
    ("africaintl", "Africa International"),
    # ... but not an English word after "La", an elided article or a pair of consonants no word
    # opens with; letters beside a number that read as no word keep the address
    ("latimes", "LA Times"),
    ("lemkinov", "Lemkinov"),
    ("24ssports", "24ssports.com"),
])
def test_an_unlisted_domain_is_read_as_the_outlet_spells_its_name(label, want):
    assert readable_outlet(label, f"{label}.com") == want


def test_publisher_from_title_suffix_and_dateline_marker():
    assert publisher_from_title("Death toll rises to 50 | Reuters") == "Reuters"
    assert publisher_from_marker("MOSCOW, April 8. /TASS/. At least 30 people were killed") == "TASS"
    assert publisher_from_marker("KYIV, Ukraine (AP) — Russian forces shelled the city") == "AP"


def test_front_matter_url_names_the_publisher_and_front_matter_publisher_wins():
    page = b'---\ntitle: "Strike kills 12"\nurl: "https://www.reuters.com/world/x"\n---\nA strike killed 12 people.\n'
    assert read_article("a.txt", page).publisher == "Reuters"
    named = page.replace(b"---\nA strike", b"publisher: Local Outlet\n---\nA strike")
    assert read_article("b.txt", named).publisher == "Local Outlet"


def test_an_aggregator_page_is_published_by_the_outlet_it_credits():
    # 27_maiduguri_premiumtimes: an allAfrica page of a Premium Times story
    page = (b'---\ntitle: "Nigeria: 12 killed"\nurl: "https://allafrica.com/stories/201801180097.html"\n---\n'
            b"Premium Times (Abuja)\n\nAt least 12 people were killed on Wednesday.\n")
    assert read_article("a.txt", page).publisher == "Premium Times"


def test_a_byline_naming_the_outlet_by_the_start_of_its_domain():
    # 26_mogadishu_blasts_k24: k24tv.co.ke signs its stories "K24 Digital" (the list now knows that
    # site; an unlisted one of the same shape stands for it)
    assert publisher_from_url("https://www.q24tv.co.ke/news/x", "By , Q24 Digital\nScores killed") == "Q24 Digital"


def test_a_body_s_own_site_is_published_by_the_body_its_page_names():
    # 144_yangon_aapp, 099_gimbi_amharaamerica: an organisation's site spelled by the acronym it goes
    # by, or by some of its name's words
    assert publisher_from_url("https://aappb.org/?p=1", "Today, the Assistance Association for Political "
                              "Prisoners (AAPP) has documented 2 deaths.") == "Assistance Association for Political Prisoners"
    assert publisher_from_url("https://www.amharaamerica.org/post/x", "The Amhara Association of America (AAA) "
                              "has verified the killings.") == "Amhara Association of America"
    # an acronym the address does not begin with names some other body
    assert publisher_from_url("https://www.amharaamerica.org/post/x", "The United Nations Children's Fund "
                              "(UNICEF) said.") == "Amhara America"


def test_a_wire_story_on_a_site_that_never_names_itself_is_the_wire_s():
    # 159_nduga_antara: indonesiatribune.com runs ANTARA's story under ANTARA's dateline
    wire = _page("https://indonesiatribune.com/2018/12/05/x",
                 "Wamena, Papua (ANTARA News) - Around 90 people searched for their relatives.\n")
    assert read_article("a.txt", wire).publisher == "ANTARA News"
    # a site that prints its own name keeps it, and a listed outlet is its own publisher
    own = _page("https://indonesiatribune.com/2018/12/05/x",
                "Wamena, Papua (ANTARA News) - Around 90 people searched.\n\n(c) Indonesia Tribune\n")
    assert read_article("b.txt", own).publisher == "Indonesia Tribune"
    listed = _page("https://www.reuters.com/world/x", "KYIV (AP) - Russian forces shelled the city.\n")
    assert read_article("c.txt", listed).publisher == "Reuters"


def _page(url: str, body: str) -> bytes:
    return f'---\ntitle: "Strike kills 12"\nurl: "{url}"\n---\n{body}'.encode()


def test_a_page_on_a_host_that_names_no_publisher_is_published_by_the_outlet_it_credits():
    # a blog platform or a newspaper archive keeps another outlet's story; the page prints whose it is
    masthead = _page("https://www.pressreader.com/usa/usa-today-international-edition/20170410/1",
                     "USA TODAY International Edition\n\nChurch blasts kill dozens\n\nAt least 12 died.\n")
    assert read_article("a.txt", masthead).publisher == "USA Today"
    credit = _page("https://example.blogspot.com/2017/04/x.html",
                   "Tuesday, April 11, 2017\n\nAhram Online , Monday 10 Apr 2017\n\nAt least 12 died.\n")
    assert read_article("b.txt", credit).publisher == "Ahram Online"
    picture = _page("https://example.blogspot.com/2017/04/y.html", "AP Photo/Nariman El-Mofty\n\nAt least 12 died.\n")
    assert read_article("c.txt", picture).publisher != "Associated Press"  # a picture's credit, not the story's


def test_a_press_release_on_an_aggregator_is_published_by_the_body_its_contacts_belong_to():
    page = _page("https://reliefweb.int/report/burkina-faso/x",
                 "UNHCR condemns the killing of 25 people.\n\nMedia Contacts:\n\n"
                 "In Geneva, Boris Cheshirkov, cheshirk@unhcr.org, +41 79 433 7682\n")
    assert read_article("a.txt", page).publisher == "UNHCR"


def test_a_site_running_another_outlets_story_is_not_its_publisher():
    first_ran = _page("https://gatewaynews.co.za/x", "Originally published in Anglican Communion News Service\n"
                                                      "The air force struck a camp, killing 12.\n")
    assert read_article("a.txt", first_ran).publisher == "Anglican Communion News Service"
    source_line = _page("https://ghanaguardian.com/x", "Gunmen killed 12 worshippers.\n\nSource:Vanguard NG\n")
    assert read_article("b.txt", source_line).publisher == "Vanguard"
    listed = _page("https://www.reuters.com/world/x", "Gunmen killed 12.\n\nSource: Vanguard NG\n")
    assert read_article("c.txt", listed).publisher == "Reuters"  # a listed outlet's own page stays its own
