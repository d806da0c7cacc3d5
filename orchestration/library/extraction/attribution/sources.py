"""What attribution records: a line's :class:`Attribution`, the candidate :class:`_Source` phrases
of a sentence, and the :class:`_Memory` of earlier claimants that pronouns and references read."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Attribution:
    """The source of one sentence. Char offsets index the doc text (= the article body).

    ``claimant_start/end`` may point to an earlier sentence when the claimant was resolved from a
    pronoun or a carried-over reference ("she said", "The report noted").
    """

    sentence_no: int
    cue: str
    claimant_text: str | None = None
    claimant_start: int | None = None
    claimant_end: int | None = None
    claimant_is_person: bool = False
    outlet_text: str | None = None
    outlet_start: int | None = None
    outlet_end: int | None = None


@dataclass
class _Source:
    """A candidate source phrase found in a sentence."""

    role: str  # speaker, reporter, according_to, reported_by, documented_by, citing, recipient
    cue: str
    text: str
    start: int
    end: int
    is_outlet: bool = False
    is_person: bool = False
    is_proper: bool = False
    carried: bool = False
    depth: int = 0
    nouns: frozenset = field(default_factory=frozenset)


@dataclass
class _Memory:
    """Earlier claimants, for pronoun and carried-over reference resolution."""

    claimants: list[tuple[int, _Source]] = field(default_factory=list)  # (sentence_no, source)
    persons: list[tuple[int, _Source]] = field(default_factory=list)  # person subjects seen

    def last_person(self, before_sent: int, reach: int) -> _Source | None:
        """Most recent person who was a claimant or the subject of a sentence."""
        claimant = self.last(True, before_sent, reach)
        claimant_sent = next((n for n, s in reversed(self.claimants) if s is claimant), -1)
        if self.persons:
            sent_no, src = self.persons[-1]
            if before_sent - sent_no <= reach and sent_no > claimant_sent:
                return src
        return claimant

    def last(self, person: bool | None, before_sent: int, reach: int | None = None) -> _Source | None:
        for sent_no, src in reversed(self.claimants):
            if reach is not None and before_sent - sent_no > reach:
                return None
            if person is None or src.is_person == person:
                return src
        return None

    def by_noun(self, noun: str, before_sent: int, reach: int) -> _Source | None:
        for sent_no, src in reversed(self.claimants):
            if before_sent - sent_no > reach:
                return None
            if noun in src.nouns:
                return src
        return None


@dataclass
class AttributionSpan:
    """The attribution of one line of a sentence (char offsets into the doc text)."""

    sentence_no: int
    start_char: int
    end_char: int
    attribution: Attribution | None
