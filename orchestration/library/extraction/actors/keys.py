"""Cross-article matching key: :func:`actor_key` normalises a name so spelling variants of one actor
compare equal. dbt's models call this same function in SQL (registered by ``orchestration.warehouse.dbt_functions``)."""
from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile(r"[\'’‘`´ʼʿʾ]")
_TRAILING_POSSESSIVE = re.compile(r"[\'’]s?$")
_ARABIC_ARTICLE = re.compile(r"\b(?:al|el|ul|as|ad|ash|at|az|an|ar|adh|ath|ud|ed|es)-")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_DOUBLED = re.compile(r"(.)\1+")


def actor_key(name: str) -> str:
    """Normalise a name so spelling variants of one actor compare equal.

    "Khmeimim" / "Hmeimim" / "Hmeimin" -> "hmeimin"; "Kyrylenko" / "Kirilenko" -> "kirilenko";
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
    words = _ministry_first(_NON_ALNUM.sub(" ", text).split())
    if words and words[0] == "the":
        words = words[1:]
    out = []
    for w in words:
        if w in ("al", "el") and len(words) > 1:  # "Al Sharaa", "Ahmed Al Sharaa"
            continue
        if w.startswith("kh"):  # Khmeimim / Hmeimim, Kharkiv / Harkiv
            w = "h" + w[2:]
        w = w.replace("ou", "u")  # Tartous / Tartus
        w = _DOUBLED.sub(r"\1", w)  # Sharaa / Shara, Assad / Asad
        w = w.replace("defense", "defence")  # US / UK spelling of one ministry
        if len(w) > 5 and w.endswith(("yi", "iy")):  # Monastyrskyi / Monastyrsky, Zelenskiy
            w = w[:-2] + "y"
        w = w.replace("y", "i")  # Ukrainian / Russian transliteration: Kyrylenko / Kirilenko
        if len(w) > 3 and w.endswith("m"):  # Hmeimim / Hmeimin (final -n is far more common)
            w = w[:-1] + "n"
        out.append(w)
    return " ".join(out)


_OFFICES = ("ministry", "department", "office")
_PORTFOLIO_AFFAIRS = {"Foreign": "Foreign Affairs", "Home": "Home Affairs", "Internal": "Internal Affairs"}


def _ministry_first(words: list[str]) -> list[str]:
    """ "ministry of (the) health" -> "health ministry": one body, two word orders."""
    for i, w in enumerate(words):
        if w in _OFFICES and i + 2 < len(words) and words[i + 1] == "of":
            rest = [x for x in words[i + 2:] if x != "the"]
            if rest and len(rest) <= 3:
                return words[:i] + rest + [w]
    return words


_AFTER = re.compile(r"^(?P<before>.*?)\b(?P<office>Ministry|Department) of (?:the )?(?P<what>[A-Z][\w'’ ]{2,40})$")
_BEFORE = re.compile(r"^(?P<words>.*?)\s*\b(?P<office>Ministry|Department)$")


def name_variants(name: str | None) -> list[str]:
    """Other ways a body's name is written: "Iraqi Health Ministry" <-> "Iraqi Ministry of Health",
    "Defence" <-> "Defense". Aliases, so that either spelling finds it."""
    if not name:
        return []
    out = []
    m = _AFTER.match(name.strip())
    if m:
        out.append(f"{m['before']}{m['what']} {m['office']}".strip())
    m = _BEFORE.match(name.strip())
    if m and not _AFTER.match(name.strip()):
        words = m["words"].split()
        k = len(words)  # the words naming the portfolio: after the state's name or demonym ("Iraqi")
        while k > 0 and words[k - 1][:1].isupper() and not _is_state_word(words[k - 1]):
            k -= 1
        what = " ".join(words[k:])
        what = _PORTFOLIO_AFFAIRS.get(what, what)  # "Foreign Ministry" is the Ministry of Foreign Affairs
        if what and len(words) - k <= 3:
            out.append(" ".join([*words[:k], m["office"], "of", what]))
    for v in [name, *out]:
        if "Defence" in v:
            out.append(v.replace("Defence", "Defense"))
        elif "Defense" in v:
            out.append(v.replace("Defense", "Defence"))
    return [v for v in dict.fromkeys(out) if v != name]


def _is_state_word(word: str) -> bool:
    from orchestration.library.extraction import lexicon as lx

    bare = re.sub(r"[’']s$", "", word)
    return bare in lx.DEMONYMS or bare in lx.COUNTRIES
