"""Towns of the world by name: GeoNames' towns of 5,000 people or more (world_places.tsv.gz, written
by scripts/build_world_places.py). The named-entity model tags many a town it never saw as a person
or an organisation ("Batticaloa", "Raipur", "Kunduz"); a name the gazetteer knows is a place.

Names that are also something else are left out: countries, demonyms, capitals standing for their
state ("Moscow said"), the lexicon's bodies and outlets, English words ("Union", "Independence"),
names of three letters or fewer, and a short name known only with its accents stripped ("Åmål" is
not "Amal"). Pure: reads the package's own file once.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

from orchestration.library.extraction import lexicon as lx
from orchestration.library.packaged_tables import read_table

PLACES_PATH = Path(__file__).with_name("world_places.tsv.gz")
# an English word as frequent as this or more (wordninja's cost, 2.5 for "the" to 14.2) names
# something else too often: "Union", "Independence", "Victoria"
ENGLISH_WORD_COST = 12.0


def _folded(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[frozenset[str], frozenset[str]]:
    """One read of the table: the towns a name in the text may be (``town_names``), and every town
    and country name in lower case (``is_place_in_capitals``)."""
    from orchestration.library.articles.publisher import word_costs  # wordninja's word list, read once

    costs = word_costs()
    rows = read_table(PLACES_PATH)
    other = {*lx.COUNTRIES, *lx.DEMONYMS, *lx.METONYMS, *lx.KNOWN_ORGS, *lx.MEDIA}
    other |= {name for kind, name, *_ in rows if kind == "country"}
    out = set()
    for kind, name, *_ in rows:
        if kind != "town":
            continue
        for spelling in {name, _folded(name)}:  # "Junín" and "Junin"
            if spelling in other or len(spelling) < 4 or costs.get(spelling.lower(), 99.0) < ENGLISH_WORD_COST:
                continue
            if spelling != name and len(spelling) < 6:
                continue
            out.add(spelling)
    return frozenset(out), frozenset(name.lower() for _kind, name, *_ in rows)


def town_names() -> frozenset[str]:
    return _gazetteer()[0]


def is_known_town(name: str) -> bool:
    return name in town_names()


def is_place_in_capitals(name: str) -> bool:
    """ "SEHWAN", "TRIPOLI", "MEXICO CITY": a dateline prints its place in capitals. Any town or
    country of the gazetteer counts, capitals too (a dateline's place says where, not who), unless
    the capitals are a listed body's or outlet's ("NATO", "KUNA" are towns as well)."""
    if not name.isupper() or len(name) < 4 or name in lx.KNOWN_ORGS or name in lx.MEDIA:
        return False
    return name.lower() in _gazetteer()[1]
