"""The two shapes a mention takes inside one article: a candidate token span (``_Cand``, before
overlaps are settled) and a resolved mention (``_Resolved``, classified and named)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class _Cand:
    start: int  # token index
    end: int  # token index, exclusive
    source: str  # ner, gaz, kw, pseudo, acro, alias, surname
    label: str | None = None  # NER label, for ner candidates
    gaz: tuple[str, str, str] | None = None  # (kind, canonical, actor_type) for lexicon hits
    inst: tuple[str, str, str | None] | None = None  # (canonical, actor_type, state) for institutions
    nchars: int = 0

    def priority(self) -> tuple[int, int]:
        # longest first; on ties lexicon > alias/acronym > keyword chain > NER
        rank = {"gaz": 0, "alias": 1, "acro": 1, "np": 1, "inst": 1, "kw": 2, "pseudo": 3, "ner": 4, "surname": 5}
        return (-self.nchars, rank[self.source])


@dataclass
class _Resolved:
    start: int
    end: int
    actor_type: str
    canonical: str
    resolution: str
    label: str | None
    affiliation: str | None = None  # the state an institution belongs to ("Israel" for "Israeli military")
    speaks: bool = False  # the subject of a speech verb, or what "according to" / "says" names
