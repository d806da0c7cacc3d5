"""Entity mentions (actors) resolved within one article.

One pass over the parsed doc, no re-parsing:

1. candidates: spaCy entities (cleaned), lexicon matches (media, capitals, countries, known
   organisations), capitalised chains ending in an organisation word (the small model often
   misses or splits these), quoted pseudonyms (“Fadi,” who ...);
2. overlaps: the longest candidate wins, lexicon matches first on ties;
3. article tables: full person names (for surname-only mentions), "(ACRONYM)" and "(alias)"
   definitions, names used as places ("X air base", "village of X", "at X");
4. every candidate is classified (actor_type) and resolved (canonical_name, resolution);
5. definite role nouns ("the spokeswoman") resolve to the last person holding that role.

Places are not actors: a city or base name never yields a mention, and a state or capital
yields one only where the syntax makes it an agent ("Moscow expects", "urging Damascus to",
"relations with Russia") rather than a location ("in Moscow", "flights to Moscow").
NORP entities ("Alawite", "Syrians", "the Russians") are communities, not actors: skipped.

Modules, in stage order (later ones import earlier ones):

* :mod:`.keys`: :func:`actor_key`, the cross-article matching key (dbt calls it too);
* :mod:`.name_tokens`: token tests the stages share (name words, connectors, determiners);
* :mod:`.mention_spans`: the candidate and resolved mention records;
* :mod:`.candidates`: candidate finders (1) and the choice among overlaps (2);
* :mod:`.places`: places vs agents, datelines, page furniture;
* :mod:`.roles`: role nouns and the people holding them (5);
* :mod:`.tables`: the article tables (3) and the extra candidates they yield;
* :mod:`.classification`: actor_type, canonical_name and resolution of each candidate (4);
* :mod:`.institutions`: institutions named by their state or place ("the Israeli military");
* :mod:`.references`: organisations referred to again ("the Observatory", "a spokesman");
* :mod:`.mentions`: the entry point, :func:`extract_mentions`, and :func:`mention_at`.
"""
from __future__ import annotations

from orchestration.library.extraction.actors.keys import actor_key, name_variants
from orchestration.library.extraction.actors.mentions import extract_mentions, mention_at

__all__ = ["actor_key", "name_variants", "extract_mentions", "mention_at"]
