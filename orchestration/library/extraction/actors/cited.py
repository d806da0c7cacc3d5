"""Bodies an article names only as the source it cites: actors too.

The name finders miss a body or outlet that appears only where a citation finder reads it: a
wire's dateline mark ("MOSCOW, August 5. /TASS/."), a picture's credit ("(Photo: Scott
Waide/EMTV)"), "according to a GMA News Online report". The article names each as where its
information came from, so each is an actor it names, as a reader would list it. Not added: a
source printed in lower case; an institution named by its head noun alone ("Police said": which
state's police is the reader's to see, as for the name finders); a platform ("Telegram"); a town
the gazetteer knows; a footnote's reference (it names a work: "CONASUR bulletin No. 9"); a
citation into the page's boilerplate, which mentions do not index.

Runs after the citation stages (pipeline.py): the mentions it adds are actors' mentions, never a
figure's claimant.
"""
from __future__ import annotations

from orchestration.library.extraction import lexicon as lx
from orchestration.library.extraction.actors.gazetteer import is_known_town
from orchestration.library.extraction.actors.keys import actor_key
from orchestration.library.extraction.actors.mentions import mention_record
from orchestration.library.extraction.actors.tables import _org_type
from orchestration.library.extraction.citations import names_a_bare_institution
from orchestration.library.extraction.records import ArticleInput, Citation, EntityMention

# citations that only ever name an outlet: a dateline's wire, a credit, a "Source:" line, "via X"
_OUTLET_KINDS = frozenset({"dateline", "photo_credit", "source_line", "via"})


def cited_body_mentions(article: ArticleInput, mentions: list[EntityMention], citations: list[Citation],
                        sentence_of) -> list[EntityMention]:
    """One mention for each body-text citation whose source no mention of the article names."""
    named = {actor_key(n) for m in mentions for n in (m.canonical_name, m.surface_text) if n}
    taken = [(m.start_char, m.end_char) for m in mentions]
    out: list[EntityMention] = []
    for c in citations:
        if c.text_field != "body" or c.end_char <= c.start_char or c.kind == "footnote":
            continue  # a reference list's entry names a work ("CONASUR bulletin No. 9"), not who speaks
        name = (c.source_name or c.source_text).strip()
        key = actor_key(name)
        if not key or key in named or actor_key(c.source_text) in named or not c.source_text[:1].isupper():
            continue
        if names_a_bare_institution(c.source_text):
            continue  # "police said": a head noun names no one body
        if any(s < c.end_char and c.start_char < e for s, e in taken):
            continue
        if set(key.split()) & lx.PLATFORMS or is_known_town(name):
            continue
        named.add(key)
        out.append(mention_record(article, c.start_char, c.end_char, sentence_of(c.start_char),
                                  "media" if c.kind in _OUTLET_KINDS else _org_type(name), name, "name"))
    return out
