"""Who published an article, and the site it was saved from.

Order of evidence (front matter and page metadata win over all of these; see reader._publisher):
1. a page whose host names no publisher, an aggregator's (allafrica.com, reliefweb.int, ...) or a
   platform's (blogspot.com, a CDN), is published by the outlet it credits: "Premium Times (Abuja)",
   "Originally published in X", a listed outlet opening a short line near the top or bottom
   ("USA TODAY International Edition", "Ahram Online, Monday 10 Apr 2017"), or the one listed
   outlet its contact addresses belong to (a press release's "cheshirk@unhcr.org");
2. the URL's domain, looked up in the curated ``outlet_domains`` dbt seed (tass.com -> TASS; some
   3,000 outlets, agencies and bodies); an unlisted site that says it runs another outlet's story
   ("Originally published in X", a closing "Source: X" naming a listed outlet), or that runs a wire's
   story under the wire's dateline ("Wamena (ANTARA News) -") and never prints its own name, is not
   its publisher;
3. an unknown domain made readable: the name as the page prints it ("The Kyiv Independent"),
   or spelled by the beginnings or initials of a printed name ("ukranews" -> "Ukrainian News
   Agency", "ibtimes" -> "International Business Times", "fox5dc" -> "FOX 5 DC") or by some of its
   words ("amharaamerica" -> "Amhara Association of America"), or a body's own site named by the
   acronym the page gives it ("aappb" -> "Assistance Association for Political Prisoners (AAPP)"), or a byline
   naming it by the start of its domain ("K24 Digital"); else the label split into frequent
   English words ("northeasttoday" -> "Northeast Today", wordninja's model) or, where English has
   none, common words of other languages ("foropenal" -> "Foro Penal", wordfreq's lists), or into words the page
   and outlet names use ("pledgetimes" -> "Pledge Times", "lprnoticias" -> "LPR Noticias"), an Arabic
   article parted from its noun ("elwatan" -> "El Watan"), else the address ("bdnews24.com");
4. bylines and copyright lines (metadata.py), then the site suffix of a saved title ("... | Reuters"),
   then the wire marker of a dateline ("MOSCOW, March 13. /TASS/.", "KYIV (AP) -").
A host that only stores or serves pages (a CDN, a blog platform, an archive) is never the publisher.
Pure: no Dagster, no DuckDB.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

from orchestration.library.extraction import lexicon as lx
from orchestration.library.packaged_tables import read_table

DOMAINS_CSV = Path(__file__).resolve().parents[3] / "dbt_project" / "seeds" / "outlet_domains.csv"
SOURCE_ALIASES_CSV = DOMAINS_CSV.with_name("source_aliases.csv")
# the data files reading and extraction look names up in: editing one re-reads and re-parses
VOCABULARY_FILES = (DOMAINS_CSV, SOURCE_ALIASES_CSV)

# Sub-domains that say nothing about the outlet.
_HOST_PREFIXES = ("www.", "www2.", "m.", "amp.", "mobile.", "edition.", "english.", "en.", "today.")
# Second-level labels of country domains: the outlet is the label before them (dawn.com.pk).
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "news", "go", "or", "ne", "gob", "edu"})
# Words outlet names are made of, for splitting a domain no page text spells out.
_NAME_WORDS = frozenset("""
    independent international broadcasting television guardian telegraph observer chronicle
    tribune gazette herald journal standard monitor express courier mirror review today online
    daily weekly times world radio press media voice arab news post mail star sun live free new
    the tv net national people peoples nation global eye middle east west north south africa
    african asia asian europe european america american caribbean pacific gulf report reports
    agency wire network channel info insider digest dispatch bulletin leader sentinel record
    city capital state central first front line week weekend sunday saturday on of al
    republic democracy democrat citizen public community union open truth straits reporter reporters
    chronicles globe magazine english group noticias diario prensa digital
    institute revista gazeta jornal folha tribuna voz mundo hoy dia semana cronica heraldo expreso
    observador nacional universal comercio tiempo presse hebdo matin soir nouvelles actu afrika afrique
    haber haberler gazete yeni akhbar khabar habari radyo next plaza verdad publica abierta
    de du el la des del
""".split())
_TITLE_SUFFIX = re.compile(r"\s(?:\||-|–|—|::)\s(?P<pub>[^|–—:]{2,50}?)\s*$")
_MARKER_SLASH = re.compile(r"/(?P<pub>[A-Z][A-Za-z-]{1,15}(?: [A-Z][A-Za-z-]+){0,2})/")
_MARKER_PAREN = re.compile(r"^[A-Z][A-Za-z .,'’-]{1,60}?\((?P<pub>[A-Z][\w&'’ ]{1,30}?)(?:/[A-Z][\w ]{1,20})?\)\s*[-–—]")


@lru_cache(maxsize=1)
def outlet_domains() -> dict[str, str]:
    with DOMAINS_CSV.open(newline="", encoding="utf-8") as fh:
        return {row["domain"].strip().lower(): row["source_name"].strip() for row in csv.DictReader(fh)}


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    parsed = urlparse(url if "//" in url else f"//{url}")
    host = (parsed.hostname or "").lower().rstrip(".")
    return host or None


def _lookup(host: str) -> str | None:
    table = outlet_domains()
    parts = host.split(".")
    for i in range(len(parts) - 1):  # news.un.org, then un.org
        hit = table.get(".".join(parts[i:]))
        if hit:
            return hit
    return None


def known_outlet(url: str | None) -> str | None:
    """The listed outlet a page's address belongs to, or None."""
    host = host_of(url)
    return _lookup(host) if host else None


def _label(host: str) -> str:
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix):]
    parts = host.split(".")
    if len(parts) >= 3 and parts[-2] in _SECOND_LEVEL:
        return parts[-3]
    return parts[-2] if len(parts) >= 2 else parts[0]


def _compact(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)  # "Médias" spells "medias"
    return re.sub(r"[^0-9a-z]", "", "".join(ch for ch in text if not unicodedata.combining(ch)).lower())


def _named_in_text(label: str, text: str) -> str | None:
    """A run of capitalised words in ``text`` whose letters spell the domain label ("The Kyiv
    Independent"), or the label with its ending ("Antiwar.com"); else a run whose word beginnings
    spell it ("ukranews" <- "Ukrainian News Agency", "sosmediasburundi" <- "SOS Médias Burundi")."""
    words = list(re.finditer(r"[A-Z0-9][\w'’.&-]*|[a-z]{1,3}\b", text))
    target = _compact(label)
    for i, first in enumerate(words):
        if not first.group(0)[0].isupper():
            continue
        spelled = ""
        for j in range(i, min(i + 6, len(words))):
            spelled += _compact(words[j].group(0))
            if spelled == target or spelled == "the" + target or re.fullmatch(re.escape(target) + r"(?:com|org|net)", spelled):
                return re.sub(r"\.(?:com|org|net)$", "", text[first.start():words[j].end()].rstrip("."))
            if not target.startswith(spelled) and not ("the" + target).startswith(spelled) \
                    and not spelled.startswith(target):
                break
    for i, first in enumerate(words):
        if not first.group(0)[:1].isupper():
            continue
        for j in range(i + 1, min(i + 5, len(words))):
            run = [_compact(w.group(0)) for w in words[i:j + 1]]
            capitalised = all(w and (words[k].group(0)[:1].isupper() or w[0].isdigit() or w in _MINOR_WORDS)
                              for k, w in zip(range(i, j + 1), run)) and words[j].group(0)[:1].isupper()
            if capitalised and (_spelled_by_prefixes(target, run) or _spelled_by_initials(target, run)
                                or _spelled_by_some_words(target, run)):
                while j + 1 < len(words) and words[j + 1].group(0)[:1].isupper() and \
                        words[j + 1].group(0).lower() in _NAME_WORDS:
                    j += 1  # "Ukrainian News" + "Agency": the name goes on in outlet words
                return text[first.start():words[j].end()]
    for m in _NAMED_ACRONYM.finditer(text):  # "aappb.org": "Assistance Association for Political Prisoners (AAPP)"
        acronym = m["acronym"].lower()
        if len(acronym) >= 3 and target.startswith(acronym) and len(target) - len(acronym) <= 4:
            name = _named_before(m["name"], acronym)
            if name:
                return name
    for line in text.splitlines():  # "By , K24 Digital" for k24tv.co.ke: a credit naming the outlet
        m = re.match(r"^\s*(?:By\b[^,]{0,40},\s*)?(?P<name>[A-Z][\w&'’.-]+(?: [A-Z][\w&'’.-]+){1,2})\s*$", line)
        if m and len(line.strip()) <= 50:
            first = _compact(m.group("name").split()[0])
            if len(first) >= 3 and target.startswith(first) and target != first:
                return m.group("name")
    return None


_MINOR_WORDS = frozenset({"of", "for", "and", "the", "in", "on", "de", "la"})


def _spelled_by_initials(target: str, words: list[str]) -> bool:
    """ "ibtimes" <- International Business Times (initials, then the last word whole); "aappb" <-
    Assistance Association for Political Prisoners Burma (the initials of all but minor words)."""
    main = [w for w in words if w not in _MINOR_WORDS]
    if len(main) < 3 or len(target) < 3:
        return False
    return target == "".join(w[0] for w in main[:-1]) + main[-1] or target == "".join(w[0] for w in main)


def _spelled_by_some_words(target: str, words: list[str]) -> bool:
    """ "amharaamerica" <- Amhara Association of America: some of the words whole, in order, the
    first and the last among them."""
    if len(words) < 3 or len(target) < 6 or not target.startswith(words[0]) or not target.endswith(words[-1]):
        return False
    middle = target[len(words[0]):len(target) - len(words[-1])]

    def go(pos: int, k: int) -> bool:
        if pos == len(middle):
            return True
        return any(middle.startswith(w, pos) and go(pos + len(w), i + 1) for i, w in enumerate(words[k:-1], k) if w)
    return len(words[0]) + len(words[-1]) <= len(target) and go(0, 1)


# a body named with its acronym after it: "the Assistance Association for Political Prisoners (AAPP)"
_NAMED_ACRONYM = re.compile(r"(?P<name>(?:[A-Z][\w'’&.-]*\s+(?:(?:of|for|and|the|on|in|de|la)\s+)*){1,8})\((?P<acronym>[A-Z]{3,8})\)")


def _named_before(words_before: str, acronym: str) -> str | None:
    """The name an acronym stands for, from the capitalised words just before it: the shortest run
    ending there whose initials (minor words aside) are the acronym's letters."""
    words = words_before.split()
    for start in range(len(words) - 1, -1, -1):
        run = words[start:]
        if run[0].lower() in _MINOR_WORDS:
            continue
        initials = "".join(w[0].lower() for w in run if w.lower() not in _MINOR_WORDS)
        if initials == acronym:
            return " ".join(run)
        if len(initials) > len(acronym):
            return None
    return None


def _spelled_by_prefixes(target: str, words: list[str]) -> bool:
    """Whether ``target`` is a beginning of each word in turn, every word used, the first for
    three letters or more ("ukra" + "news" + "a" spells nothing; "ukra" + "news" + "agency" ...)."""
    def go(pos: int, k: int) -> bool:
        if k == len(words):
            return pos == len(target)
        w = words[k]
        lo = 3 if k == 0 else 1
        return any(target.startswith(w[:n], pos) and go(pos + n, k + 1) for n in range(len(w), lo - 1, -1))
    return len(target) >= 5 and go(0, 0)


def _split_words(label: str, vocabulary: frozenset[str]) -> list[str] | None:
    """Split a domain label into known words (fewest pieces), or None."""
    best: dict[int, list[str]] = {0: []}
    for end in range(1, len(label) + 1):
        for start in range(max(0, end - 24), end):
            word = label[start:end]
            if start in best and word in vocabulary and (len(word) > 2 or word in _NAME_WORDS):
                cand = best[start] + [word]
                if end not in best or len(cand) < len(best[end]):
                    best[end] = cand
    return best.get(len(label))


_MINOR = frozenset({"on", "of", "the", "al", "de", "du", "el", "la", "des", "del"})


# Splitting a domain label into words by their frequency in English text (wordninja's model, whose
# costs run from 2.5 for "the" to 14.2 for its rarest word): every word of the split is an outlet or
# place word, or a word of four letters or more that is not among the rarest (a rare word is more
# likely a fragment of a brand than the word: "tele" + "sur"), or a common three-letter word ("now",
# "net"; not "ers", "dev"). A label that no such words spell stays whole ("devdiscourse", "hiiraan").
MAX_WORD_COST = 13.0
MAX_SHORT_WORD_COST = 10.0
# Words of other languages (foreign_word_costs) split a label only where English has no word: four
# letters or more and common; shorter or rarer ones split English brands ("usa" + "to" + "day").
FOREIGN_MIN_LETTERS = 4
FOREIGN_MAX_COST = 11.0


def split_by_frequency(label: str) -> list[str] | None:
    """The cheapest split of ``label`` into frequent English words (or common words of other
    languages), or None when the label reads best as one word ("hiiraan", "meduza")."""
    cost = word_costs()
    foreign = foreign_word_costs()
    short_ok = _NAME_WORDS | _place_words()

    def piece_cost(word: str) -> float | None:
        if word in short_ok and len(word) >= 2:
            return cost.get(word, MAX_WORD_COST)
        limit = MAX_WORD_COST if len(word) >= 4 else MAX_SHORT_WORD_COST if len(word) == 3 else 0
        if word in cost:
            return cost[word] if cost[word] <= limit else None
        return foreign[word] if len(word) >= FOREIGN_MIN_LETTERS and foreign.get(word, 99.0) <= FOREIGN_MAX_COST else None

    best: dict[int, tuple[float, list[str]]] = {0: (0.0, [])}
    for end in range(1, len(label) + 1):
        for start in range(max(0, end - 30), end):
            if start not in best:
                continue
            piece = label[start:end]
            c = piece_cost(piece)
            if c is None or not _minor_fits(piece, best[start][1], cost):
                continue
            total = best[start][0] + c
            if end not in best or total < best[end][0]:
                best[end] = (total, best[start][1] + [label[start:end]])
    found = best.get(len(label))
    return found[1] if found is not None and len(found[1]) >= 2 else None


def _minor_fits(piece: str, before: list[str], cost: dict[str, float]) -> bool:
    """ "al" opens a name ("Al Mayadeen"), never its middle ("Imph al"); "on", "of", "the" follow a
    word, not a rare fragment ("Clari on India" is "Clarion India")."""
    if piece not in _MINOR:
        return True
    if not before:
        return piece in ("al", "the")
    if piece == "al":
        return False
    last = before[-1]
    return last in _NAME_WORDS or cost.get(last, MAX_WORD_COST) <= MAX_SHORT_WORD_COST


# Short outlet words an address ends in, as the name spells them: "starrfm", "iranintl", "kiss100fm"
_OUTLET_SUFFIXES = {"fm": "FM", "tv": "TV", "intl": "International"}
# Articles that open Romance and Arabic outlet names, joined in the address ("lastampa", "elnacional").
_LEADING_ARTICLES = ("al", "el", "la", "le", "il", "les", "los", "las")  # shortest first
# Words that open an outlet's name before a word no list knows ("radiodalsan", "studioyafa", "noticiascaracol"),
# longest first.
_LEADING_WORDS = tuple(sorted({"the", "radio", "studio", "tele", "journal"} | {w for w in _NAME_WORDS if len(w) >= 5},
                              key=len, reverse=True))
# two consonants no word opens with ("lemkininstitute" is not "Le Mkininstitute"); "st", "sp" ... may
_CLUSTER = re.compile(r"^[^aeiouys][^aeiouyrlhw]")
_NUMBERED = re.compile(r"(?P<letters>[a-z]{3,})(?P<number>\d{1,4})|(?P<number2>\d{1,4})(?P<letters2>[a-z]{3,})")


def readable_outlet(label: str, host: str = "", text: str = "") -> str:
    """A name for an outlet no list knows: as the page prints it, else the domain label split
    into words the page or common outlet names use ("pledgetimes" -> "Pledge Times"), then into
    frequent English words; a word beside a number apart ("kurdistan24" -> "Kurdistan 24"); a
    country's code after the name dropped ("premiumtimesng"); a leading article ("lastampa" -> "La
    Stampa") or outlet word ("radiodalsan" -> "Radio Dalsan") parted from an unknown word; else the
    domain itself ("bdnews24.com"), which is how such outlets are usually named. The address's own
    spelling stays one of the source's names (int_source_names), however the words were parted."""
    named = printed_name(label, text)
    if named:
        return named
    if "-" in label.strip("-"):  # "news-front", "al-monitor": the hyphen already parts the words
        return _hyphenated_name(label, text)
    numbered = _numbered_name(label, text)
    if numbered:
        return numbered
    words = split_by_frequency(label) if label.isalpha() else None
    if not words:
        vocabulary = _NAME_WORDS | _place_words() | {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2}
        words = _split_words(label, vocabulary)
    if not words and label.isalpha() and not _is_word(label):
        joined = _joined_name(label, text)
        if joined:
            return joined
    if not words:  # "pledgetimes", "lprnoticias", "bizwatchnigeria": an unknown leading word before outlet words
        for cut in range(2, len(label) - 2):
            rest = _split_words(label[cut:], _NAME_WORDS | _place_words())
            if rest and rest[0] not in _MINOR:  # "imphal" + "free press", not "imph" + "al free press"
                words = [label[:cut]] + rest
                break
    if words and len(words) > 1:
        return " ".join(w if (w in _MINOR and i) else _initials_or_word(w, i) for i, w in enumerate(words))
    if len(label) <= 4 and label.isalpha():  # bbc, dw, rt: initials
        return label.upper()
    if not label.isalpha():  # "bdnews24.com": such outlets go by their address
        return host or label
    return label.capitalize()


def _numbered_name(label: str, text: str) -> str | None:
    """ "kurdistan24" -> "Kurdistan 24", "20minutes" -> "20 Minutes" (the address stays an alias);
    None when the letters read as no word ("bdnews24", "24ssports": the address is the name)."""
    numbered = _NUMBERED.fullmatch(label)
    letters = numbered and (numbered["letters"] or numbered["letters2"])
    words = split_by_frequency(letters) if letters else None
    if not letters or not (words or _is_word(letters) or letters in _NAME_WORDS):
        return None
    letters = readable_outlet(letters, "", text) if words else letters.capitalize()
    return f"{letters} {numbered['number']}" if numbered["letters"] else f"{numbered['number2']} {letters}"


def _joined_name(label: str, text: str) -> str | None:
    """A label no split into words reads, read by how outlets join their names: a short outlet
    word at its end ("starrfm" -> "Starr FM"), a country's code after the name ("premiumtimesng"
    -> "Premium Times"), an article ("lastampa" -> "La Stampa") or an outlet word ("radiodalsan"
    -> "Radio Dalsan") before an unknown word; None when none of these fits."""
    for suffix, word in _OUTLET_SUFFIXES.items():
        stem = label[:-len(suffix)]
        if label.endswith(suffix) and len(stem) >= 3:  # "iranintl" -> "Iran International"
            named = stem.capitalize() if _is_word(stem) or stem in _place_words() else readable_outlet(stem, "", text)
            return f"{named} {word}"
    base = split_by_frequency(label[:-2]) if label[-2:].upper() in lx.COUNTRY_CODES else None
    if base and any(w in _NAME_WORDS and w not in _MINOR for w in base):  # "dailytrustng" -> "Daily Trust"
        return readable_outlet(label[:-2], "", text)
    for article in _LEADING_ARTICLES:
        rest = label[len(article):]
        if label.startswith(article) and len(rest) >= 4 and word_costs().get(rest, 99.0) > MAX_SHORT_WORD_COST \
                and not (article in ("le", "la") and rest[0] in "aeiou") and not _CLUSTER.match(rest):
            # not "latimes" (an English word after it), "lexpress" (an elided article), "lemkin" ("mk");
            # the rest one word unless outlet words end it ("elnacional", not "Van Guardia")
            pieces = split_by_frequency(rest) or [rest]
            rest = " ".join(p.capitalize() for p in pieces) if pieces[-1] in _NAME_WORDS else rest.capitalize()
            return f"{article.capitalize()} {rest}"
    for word in _LEADING_WORDS:
        if label.startswith(word) and len(label) - len(word) >= 4:
            rest = readable_outlet(label[len(word):], "", text)
            return f"{word.capitalize()} {rest.capitalize() if rest.isupper() else rest}"
    return None


def _initials_or_word(word: str, position: int) -> str:
    """ "lpr" -> "LPR" (a leading run of three letters or fewer with no vowel, or two letters: initials),
    else the word capitalised."""
    if position == 0 and word not in _ARABIC_ARTICLES and \
            (len(word) == 2 or (len(word) == 3 and not re.search(r"[aeiouy]", word))):
        return word.upper()
    return word.capitalize()


def _is_word(label: str) -> bool:
    """Whether the label is itself an English word ("alliance", "alert"), by wordninja's word list."""
    return label in word_costs()


def word_costs() -> dict[str, float]:
    """wordninja's word -> -log probability by rank (imported here: wordninja loads its list on import)."""
    import wordninja

    return wordninja.DEFAULT_LANGUAGE_MODEL._wordcost


OUTLET_WORDS = Path(__file__).with_name("outlet_words.tsv.gz")


@lru_cache(maxsize=1)
def foreign_word_costs() -> dict[str, float]:
    """The commonest words of the Latin-script languages outlets outside the English-speaking world
    name themselves in ("prensa", "silla", "cameroun", "tuoi"), as an address spells them, with a
    cost on wordninja's scale (outlet_words.tsv.gz, written by scripts/build_outlet_words.py)."""
    return {key: float(cost) for key, cost in read_table(OUTLET_WORDS)}


_ARABIC_ARTICLES = frozenset({"al", "el", "ar", "an", "as", "ash", "ad"})


def _hyphenated_name(label: str, text: str) -> str:
    """ "news-front" -> "News Front", "nmg-news" -> "NMG News", "al-monitor" -> "Al-Monitor"."""
    out: list[str] = []
    for part in (p for p in label.split("-") if p):
        if not part.isalpha():
            word = part
        elif part in _ARABIC_ARTICLES or part in _NAME_WORDS:
            word = part.capitalize()
        elif len(part) <= 2 or (len(part) <= 4 and not re.search(r"[aeiouy]", part)):
            word = part.upper()  # initials: "nmg", "bbc"
        elif len(part) <= 6:
            word = part.capitalize()  # one word: "front", "yeni", "safak"
        else:
            word = readable_outlet(part, "", text)  # joined words again: "defencepoint"
        if out and out[-1].lower() in _ARABIC_ARTICLES:
            out[-1] = f"{out[-1]}-{word}"  # the article stays joined to its noun
        else:
            out.append(word)
    return " ".join(out)


def printed_name(label: str, text: str) -> str | None:
    """The outlet's name as the page prints it, spelling the domain label; None when it does not."""
    return _named_in_text(label, text) if text else None


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """Country and demonym words ("dailypakistan", "sosmediasburundi")."""
    return frozenset(w.lower() for name in [*lx.COUNTRIES, *lx.DEMONYMS] for w in re.findall(r"[A-Za-z]+", name)
                     if len(w) > 2)


# Sites that republish other outlets' stories: the page names the original outlet, which is the
# publisher; the aggregator is only where it was read.
AGGREGATORS = frozenset({
    "allafrica.com", "reliefweb.int", "msn.com", "yahoo.com", "news.yahoo.com", "pressreader.com",
    "zawya.com", "newsnow.co.uk", "ground.news", "archive.org", "archive.ph", "news.google.com",
})
_CREDIT_LINE = re.compile(r"^\s*(?P<pub>[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,3})\s*\((?P<place>[A-Z][\w .'-]{2,30})\)\s*$")


def credited_outlet(body: str) -> str | None:
    """ "Premium Times (Abuja)": the outlet-and-city line an aggregator prints above a story."""
    for line in body.splitlines()[:12]:
        m = _CREDIT_LINE.match(line)
        if m:
            return m.group("pub")
    return None


# A story another outlet first published says so: "Originally published in Anglican Communion News
# Service", "This article first appeared on Mada Masr", "Republished from The Conversation".
_REPUBLISHED = re.compile(
    r"(?i:\b(?:originally|first)\s+(?:published|appeared|posted|ran)\s+(?:in|on|by|at)|\brepublished\s+(?:from|with\s+permission\s+(?:from|of))"
    r"|\breprinted\s+(?:from|with\s+permission\s+(?:from|of)))\s+(?:the\s+)?"
    r"(?P<pub>[A-Z][\w&'’.-]*(?:[ \t]+(?:of|the|and|for|&|[A-Z][\w&'’.-]*)){0,6})")
_SOURCE_LINE = re.compile(r"^\s*(?i:source)\s*:\s*(?P<pub>[^\n]{2,60}?)\s*$")
_CREDIT_REACH = (15, 8)  # lines from the top and from the bottom of a page where credit lines sit
# words after an outlet's name that make the line a picture's credit, not the story's
_PICTURE_WORDS = frozenset({"photo", "photos", "image", "images", "video", "graphic", "pictures", "file", "via"})


def republished_from(text: str) -> str | None:
    """The outlet a page says first published its story: "Originally published in X", or a closing
    "Source: X" line naming an outlet the list knows."""
    m = _REPUBLISHED.search(text)
    if m:
        return m.group("pub").rstrip(".’'")
    lines = text.splitlines()
    for line in lines[-_CREDIT_REACH[1]:]:
        m = _SOURCE_LINE.match(line)
        found = m and known_outlet_at(m.group("pub"))
        if found:
            return found
    return None


def credited_on_page(text: str) -> str | None:
    """An outlet the list knows, opening a line of 80 characters or fewer near the top or bottom of a
    page: a masthead ("USA TODAY International Edition"), a credit ("Ahram Online , Monday 10 Apr
    2017"). For pages whose host names no publisher (an aggregator, a blog platform)."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    top, bottom = _CREDIT_REACH
    for line in [*lines[:top], *lines[-bottom:]]:
        if len(line) <= 80:
            found = known_outlet_at(line)
            if found:
                return found
    return None


def known_outlet_at(line: str) -> str | None:
    """The listed outlet whose name opens ``line`` (spacing and case aside: "CapitalFM", "USA TODAY"),
    followed by the end of the line or a break that is not a word; never a picture's credit."""
    words = list(re.finditer(r"[\w&'’.-]+", line))
    index = _outlet_index()
    for n in range(min(6, len(words)), 0, -1):
        key = _compact(line[:words[n - 1].end()])
        name = index.get(key)
        if name is None:
            continue
        rest = line[words[n - 1].end():]
        following = words[n].group(0).lower() if n < len(words) else ""
        if (not rest.strip() or re.match(r"\s*[,|/:–—(-]", rest) or rest[:1] == " ") and following not in _PICTURE_WORDS:
            return name
    return None


def printed_outlet_name(name: str) -> str:
    """The list's name as the outlet prints it: "The Sun (Nigeria)" is "The Sun"."""
    return re.sub(r"\s*\([^)]*\)\s*$", "", name)


@lru_cache(maxsize=1)
def _source_alias_rows() -> tuple[tuple[str, str, str], ...]:
    """(alias, canonical name, source_type) of each row of the dbt seed ``source_aliases``."""
    with SOURCE_ALIASES_CSV.open(newline="", encoding="utf-8") as fh:
        return tuple((r["alias"].strip(), r["source_name"].strip(), r["source_type"].strip()) for r in csv.DictReader(fh))


@lru_cache(maxsize=1)
def curated_source_types() -> dict[str, str]:
    """Every curated spelling of a source, and its canonical name, -> its source_type."""
    rows = _source_alias_rows()
    return {**{name: kind for _alias, name, kind in rows}, **{alias: kind for alias, _name, kind in rows}}


@lru_cache(maxsize=1)
def _outlet_index() -> dict[str, str]:
    """Compact spelling -> the canonical name, for the names of the outlet list and the curated source
    spellings; a name shared by two outlets ("The Sun" of London and of Lagos) says neither, and
    names of four letters or fewer are initials too easily met in a line ("AP", "BBC")."""
    found: dict[str, set[str]] = {}
    spellings = [(name, name) for name in outlet_domains().values()]
    spellings += [(alias, name) for alias, name, _kind in _source_alias_rows()]
    for spelling, name in spellings:
        key = _compact(printed_outlet_name(spelling))
        if len(key) > 4:
            found.setdefault(key, set()).add(name)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


def contact_outlet(text: str) -> str | None:
    """A press release's issuer, by the listed domain of the contact addresses it prints
    ("cheshirk@unhcr.org" -> UNHCR): one outlet, or none."""
    found = {_lookup(d.lower()) for d in re.findall(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)", text)} - {None}
    return found.pop() if len(found) == 1 else None


def _host_in(url: str | None, domains: frozenset[str]) -> bool:
    host = host_of(url) or ""
    return any(host == d or host.endswith("." + d) for d in domains)


def is_aggregator(url: str | None) -> bool:
    return _host_in(url, AGGREGATORS)


# Hosts that store or serve other people's pages: a CDN, a blog or site platform, an archive,
# a translation proxy. The page's own text names its publisher, never these.
HOSTING = frozenset({
    "amazonaws.com", "cloudfront.net", "akamaized.net", "ampproject.org", "googleusercontent.com", "googleapis.com",
    "blogspot.com", "wordpress.com", "medium.com", "substack.com", "tumblr.com", "wixsite.com", "weebly.com",
    "github.io", "netlify.app", "vercel.app", "archive.org", "archive.ph", "archive.today", "translate.goog",
    "feedproxy.google.com", "scribd.com", "issuu.com", "dropbox.com",
})


def is_hosting(url: str | None) -> bool:
    return _host_in(url, HOSTING)


def _web_host(url: str | None) -> str | None:
    host = host_of(url)
    if not host or not re.fullmatch(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+", host) or re.fullmatch(r"[\d.]+", host):
        return None  # not a web address, or a bare IP
    if is_hosting(url):
        return None  # a host of other people's pages names no publisher
    return host


def site_of(url: str | None) -> str | None:
    """The registrable domain a page was saved from: news.antiwar.com -> antiwar.com."""
    host = _web_host(url)
    if host is None:
        return None
    label = _label(host)
    return host[host.rindex(label + "."):] if label + "." in host else host


def publisher_from_url(url: str | None, text: str = "") -> str | None:
    """The publisher the address names: a known outlet's, else the name the page prints for its
    site, else the address made readable."""
    host = _web_host(url)
    if host is None:
        return None
    known = _lookup(host)
    if known:
        return known
    return readable_outlet(_label(host), site_of(url), text)


def wire_of_unnamed_site(url: str | None, text: str, body: str) -> str | None:
    """The wire whose marker opens the story ("WAMENA, Papua (ANTARA News) -") on a site no list
    knows and whose own name the page never prints: a reprint of the wire's story, not the site's
    own reporting."""
    host = _web_host(url)
    if host is None or _lookup(host) or printed_name(_label(host), text):
        return None
    return publisher_from_marker(body)


def publisher_from_title(title: str | None) -> str | None:
    """ "Death toll rises | Reuters" -> "Reuters": saved page titles end with the site name."""
    if not title:
        return None
    m = _TITLE_SUFFIX.search(title)
    if not m:
        return None
    pub = m.group("pub").strip()
    return pub if pub[:1].isupper() and len(pub.split()) <= 5 else None


def publisher_from_marker(body: str) -> str | None:
    """The wire marker of a dateline in the first lines: "/TASS/", "KYIV (AP) —"."""
    for line in body.splitlines()[:8]:
        line = line.strip()
        m = _MARKER_PAREN.match(line)
        if m:
            return m.group("pub").strip()
        m = _MARKER_SLASH.search(line[:120])
        if m and re.match(r"^[A-Z][A-Za-z .,'’-]*,\s+\w+\s+\d{1,2}\.?\s*/", line):
            return m.group("pub").strip()
    return None

