"""Cross-article matching key: :func:`actor_key` normalises a name so spelling variants of one actor
compare equal. dbt's models call this same function in SQL (registered by ``orchestration.warehouse.dbt_functions``)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = re.compile(r"[\'’‘`´ʼʿʾ]")
_TRAILING_POSSESSIVE = re.compile(r"[\'’]s?$")
_ARABIC_ARTICLE = re.compile(r"\b(?:al|el|ul|as|ad|ash|at|az|an|ar|adh|ath|ud|ed|es)-")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def actor_key(name: str) -> str:
    """Normalise a name so spelling variants of one actor compare equal.

    "Khmeimim" / "Hmeimim" -> "hmeimim"; "Kyrylenko" / "Kirilenko" -> "kirilenko";
    "Al-Sharaa" / "al-Sharaa" / "Sharaa" -> "shara"; "the Kremlin" -> "kremlin"; "Assad's" -> "asad".
    Deliberately lossy: it is a
    matching key, never displayed.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold().strip()
    text = re.sub(r"\s*\(the\)$", "", text)  # "Moscow Times (The)": reference-list style
    text = _TRAILING_POSSESSIVE.sub("", text)
    text = _APOSTROPHES.sub("", text)
    text = _ARABIC_ARTICLE.sub(" ", text)  # "al-Sharaa" -> " Sharaa"
    words = _ministry_first(_state_named(_NON_ALNUM.sub(" ", text).split()))
    if words and words[0] == "the":
        words = words[1:]
    out = []
    for w in words:
        if w in ("al", "el") and len(words) > 1:  # "Al Sharaa", "Ahmed Al Sharaa"
            continue
        if w in _LINK_WORDS and len(words) > 2:  # "Committee for the Red Cross" / "of the Red Cross"
            continue
        w = _UK_SPELLING.get(w, w)  # US / UK spelling of one body: Defense / Defence, Center / Centre
        if w.startswith("kh"):  # Khmeimim / Hmeimim, Kharkiv / Harkiv
            w = "h" + w[2:]
        w = w.replace("ou", "u")  # Tartous / Tartus
        w = _DOUBLED.sub(r"\1", w)  # Sharaa / Shara, Assad / Asad
        if len(w) > 5 and w.endswith(("yi", "iy")):  # Monastyrskyi / Monastyrsky, Zelenskiy
            w = w[:-2] + "y"
        w = w.replace("y", "i")  # Ukrainian / Russian transliteration: Kyrylenko / Kirilenko
        out.append(w)
    return " ".join(out)


_OFFICES = ("ministry", "department", "office")
# before the other rewrites, which would make "programme" "programe"
_UK_SPELLING = {"defense": "defence", "center": "centre", "organization": "organisation", "program": "programme",
                "labor": "labour", "honor": "honour"}
# words that join a name's parts, which spellings of one body vary ("for"/"of", "and"/"&")
_LINK_WORDS = frozenset({"of", "for", "the", "and"})


@lru_cache(maxsize=1)
def _state_prefixes() -> dict[str, list[tuple[list[str], list[str]]]]:
    """First word -> [(words, the state's name in words)] for demonyms and possessives ("sri lankan",
    "iraqs"), longest first: "Sri Lankan Police" and "Sri Lanka's police" key as "Sri Lanka Police" does."""
    from orchestration.library.extraction import lexicon as lx

    pairs = {}
    for demonym, country in lx.DEMONYMS.items():
        pairs[demonym.casefold()] = country.casefold()
        pairs[country.casefold() + "s"] = country.casefold()  # "Iraq's" without its apostrophe
    index: dict[str, list[tuple[list[str], list[str]]]] = {}
    for k, v in sorted(pairs.items(), key=lambda kv: -len(kv[0].split())):
        index.setdefault(k.split()[0], []).append((k.split(), [w for w in v.split() if w != "the"]))
    return index


def _state_named(words: list[str]) -> list[str]:
    """A body named after its state by demonym or possessive is keyed by the state's name; a
    one-word name ("Russian") stays as it is."""
    lead = 1 if words[:1] == ["the"] else 0
    for prefix, state in _state_prefixes().get(words[lead] if len(words) > lead else "", ()):
        n = len(prefix)
        if words[lead:lead + n] == prefix and len(words) > lead + n:
            return words[:lead] + state + words[lead + n:]
    return words
_PORTFOLIO_AFFAIRS = {"Foreign": "Foreign Affairs", "Home": "Home Affairs", "Internal": "Internal Affairs"}


@lru_cache(maxsize=1)
def _countries() -> dict[tuple[str, ...], list[str]]:
    """Country names and their variants in words ("democratic republic of the congo", "drc") ->
    the canonical name in words."""
    from orchestration.library.extraction import lexicon as lx

    out = {}
    for form, canonical in lx.COUNTRIES.items():
        words = tuple(w for w in _NON_ALNUM.sub(" ", form.casefold()).split() if w != "the")
        out[words] = [w for w in _NON_ALNUM.sub(" ", canonical.casefold()).split() if w != "the"]
    return out


def _state_last(words: list[str]) -> list[str]:
    """ "armed forces of (the) democratic republic of congo" -> "democratic republic of the congo armed
    forces": a state's body keyed with the state first, as "Congolese armed forces" is."""
    for i in range(1, len(words) - 1):
        if words[i] != "of":
            continue
        tail = tuple(w for w in words[i + 1:] if w != "the")
        state = _countries().get(tail)
        if state:
            return state + words[:i]
    return words


def _ministry_first(words: list[str]) -> list[str]:
    """ "ministry of (the) health" -> "health ministry": one body, two word orders."""
    words = _state_last(words)
    for i, w in enumerate(words):
        if w in _OFFICES and i + 2 < len(words) and words[i + 1] == "of":
            rest = [x for x in words[i + 2:] if x != "the"]
            if rest and len(rest) <= 3:
                return words[:i] + rest + [w]
    return words


_AFTER = re.compile(r"^(?P<before>.*?)\b(?P<office>Ministry|Department) of (?:the )?(?P<what>[A-Z][\w'’ ]{2,40})$")
_BEFORE = re.compile(r"^(?P<words>.*?)\s*\b(?P<office>Ministry|Department)$")


_SPELLING_JOINS = re.compile(r"\b(Anti|Counter|Non|Co|Inter|Multi|Para)-([a-zA-Z])")
_PLURAL_POSSESSIVE = re.compile(r"(?<=\w)s['’] (?=[A-Z])")
_GOVERNMENT_AFTER = re.compile(r"^(?P<x>[A-Z][\w'’ -]{1,40}?) (?:State |Provincial |Regional |Federal |City )?Government$")
_GOVERNMENT_OF = re.compile(r"^Government of (?:the )?(?P<x>[A-Z][\w'’ -]{1,40})$")


def name_variants(name: str | None) -> list[str]:
    """Other ways a body's name is written: "Iraqi Health Ministry" <-> "Iraqi Ministry of Health",
    "Manipur State Government" <-> "Government of Manipur", "Sri Lankan Police" <-> "Sri Lanka
    Police", "Defence" <-> "Defense". Aliases, so that either spelling finds it."""
    if not name:
        return []
    name = name.strip()
    out = []
    m = _GOVERNMENT_AFTER.match(name)
    if m and not _is_state_word(m["x"]):
        out.append(f"Government of {m['x']}")
    m = _GOVERNMENT_OF.match(name)
    if m:
        out.append(f"{m['x']} Government")
    out += _state_word_swapped(name)
    out += _state_first(name)
    for v in [name, *out]:  # "Iraqi Ministry of Health" -> "Iraqi Health Ministry"
        m = _AFTER.match(v)
        if m and " of " not in m["what"] and not _is_state_word(m["what"]):  # not "Health Lebanon Ministry"
            out.append(f"{m['before']}{m['what']} {m['office']}".strip())
    for v in [name, *out]:  # "Iraqi Health Ministry" -> "Iraqi Ministry of Health"
        m = _BEFORE.match(v)
        if not m or _AFTER.match(v):
            continue
        words = m["words"].split()
        # the state's name or demonym that leads, of one word or more ("Iraqi", "United States")
        lead = next((len(w.split()) for w, _ in _state_words() if m["words"].startswith(w + " ")), 0)
        k = len(words)  # the words naming the portfolio: after the state's name or demonym
        while k > lead and words[k - 1][:1].isupper() and not _is_state_word(words[k - 1]):
            k -= 1
        what = " ".join(words[k:])
        what = _PORTFOLIO_AFFAIRS.get(what, what)  # "Foreign Ministry" is the Ministry of Foreign Affairs
        if what and len(words) - k <= 3:
            out.append(" ".join([*words[:k], m["office"], "of", what]))
    for v in [name, *out]:  # "Ukrainian Ministry of Defence" -> "Ministry of Defence of Ukraine": the official form
        owned = _state_owned(v)
        if owned:
            out.append(owned)
    for v in [name, *out]:  # "Anti-terrorism" is also written "Antiterrorism", "Activists’ News" "Activists News"
        joined = _SPELLING_JOINS.sub(lambda m: m[1] + m[2].lower(), v)
        joined = _PLURAL_POSSESSIVE.sub("s ", joined)
        if joined != v:
            out.append(joined)
    for v in [name, *out]:
        if "Defence" in v:
            out.append(v.replace("Defence", "Defense"))
        elif "Defense" in v:
            out.append(v.replace("Defense", "Defence"))
    return [v for v in dict.fromkeys(out) if v != name]


@lru_cache(maxsize=1)
def _demonyms_longest_first() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(demonym, state) pairs, longest demonym first and longest state first (name_variants runs
    once per row in SQL, so the sorting is done once)."""
    from orchestration.library.extraction import lexicon as lx

    return (sorted(lx.DEMONYMS.items(), key=lambda kv: -len(kv[0])),
            sorted(lx.DEMONYMS.items(), key=lambda kv: -len(kv[1])))


@lru_cache(maxsize=1)
def _state_words() -> tuple[tuple[str, str], ...]:
    """(word, state): demonyms longest first, then the states' own names longest first."""
    by_demonym, by_state = _demonyms_longest_first()
    return (*by_demonym, *((c, c) for _, c in by_state))


def _state_owned(name: str) -> str | None:
    """ "Ukrainian Ministry of Defence" / "Ukraine Ministry of Defence" -> "Ministry of Defence of Ukraine":
    a state's body named with the state after it."""
    for word, country in _state_words():
        if name.startswith(word + " "):
            rest = name[len(word) + 1:]
            words = rest.lower().split()
            if rest[:1].isupper() and (words[0] in _STATE_BODY_HEADS or words[-1] in _STATE_BODY_HEADS):
                return f"{rest} of {country}"
            return None  # "Syrian Observatory for Human Rights", "Syrian Arab News Agency": not the state's body
    return None


def _state_first(name: str) -> list[str]:
    """ "Ministry of Defence of Cameroon" -> "Cameroon Ministry of Defence", "Cameroonian Ministry of
    Defence": the official form read back the way reports write it, by the state or its demonym."""
    by_demonym, by_state = _demonyms_longest_first()
    for _, country in by_state:
        for tail in (" of " + country, " of the " + country):
            if name.endswith(tail) and len(name) > len(tail):
                body = name[:-len(tail)]
                words = body.lower().split()
                if not body[:1].isupper() or not (words[0] in _STATE_BODY_HEADS or words[-1] in _STATE_BODY_HEADS):
                    return []
                return [f"{word} {body}" for word in (country, *(d for d, c in by_demonym if c == country))]
    return []


# head words of a state's own bodies: only these take the state after them
_STATE_BODY_HEADS = frozenset({"ministry", "department", "office", "police", "force", "forces", "army", "navy",
                               "guard", "government", "service", "services", "cabinet", "parliament", "presidency",
                               "prosecutor", "command", "military", "gendarmerie"})


def _state_word_swapped(name: str) -> list[str]:
    """ "Sri Lankan Police" -> "Sri Lanka Police", "Nigeria Police Force" -> "Nigerian Police Force":
    a body named by its state's demonym is named by the state too, and the other way round."""
    by_demonym, by_state = _demonyms_longest_first()
    for demonym, country in by_demonym:
        if name.startswith(demonym + " ") and len(name) > len(demonym) + 3:
            return [country + name[len(demonym):]]
    for demonym, country in by_state:
        if name.startswith(country + " ") and len(name) > len(country) + 3:
            return [demonym + name[len(country):]]
    return []


def _is_state_word(word: str) -> bool:
    from orchestration.library.extraction import lexicon as lx

    bare = re.sub(r"[’']s$", "", word)
    return bare in lx.DEMONYMS or bare in lx.COUNTRIES
