"""Who claims a statement: one claimant (and the outlet it came through) per sentence.

Entry points:

* :func:`find_attributions` (doc) -> list aligned with ``doc.sents`` holding an
  :class:`Attribution` or None;
* :func:`find_attribution_spans` (doc) -> the same at line level (:class:`AttributionSpan`):
  the parser often glues a headline, caption or "RELATED NEWS: ..." line onto the next
  sentence, and each line has its own speaker. Figures use this one, by character offset.

Vocabulary
----------
* **claimant**: the speaker or organization whose statement/number it is ("Maria Zakharova",
  "Syrian Network for Human Rights", "Kyiv's military", "Russian sources").
* **outlet**: the media the statement came through ("TASS", "Sputnik News", "Reuters").
  When a news organization reports on its own ("Reuters reported that ..." with no other
  source), it is both claimant and outlet.

How a sentence is read (dependency-driven, no per-article keys)
----------------------------------------------------------------
Candidates are collected from the parse, outside quotation marks only (a "we said" inside a
quote belongs to the quoted speaker, not to the article's attribution):

* subject of a speech verb (say, state, announce, tell, note, document, estimate, report...);
  a subject of *report* is a "reporter" (``Human Rights Watch reported`` -> claimant, but
  ``X said ..., Ukrinform reported`` -> outlet);
* subject of a verb of giving whose object is a document noun: ``the ministry released new
  figures``, ``has updated the number of victims``, ``raised the death toll to 54`` -> claimant,
  as *stated* (never ``the militia released 50 prisoners`` or ``did not release figures``);
* ``according to X`` - when X is a document noun ("a report documented by SNHR", "figures from
  the UN") the agent X inside it is used; a bare "according to statistics" is ignored;
* ``reported by X`` / ``as reported by X`` / ``documented by X`` (agent of a participle);
* ``citing X`` / ``quoting X`` -> claimant X (the citing reporter becomes the outlet);
* the recipient of the statement: ``told The Media Line``, ``confirmed to Enab Baladi``,
  ``in an interview with Reuters`` -> outlet (but ``told reporters`` is nobody).

An outlet is recognized by a small curated list of well-known agencies/outlets, by cue words in
the name ("news agency X", "the X newspaper", "... News", "... TV", capitalized "Times", "Post"
...), or structurally: a second source in a sentence that already has a claimant
(``X said ..., according to Y`` -> Y is the outlet).

Reference resolution
--------------------
* ``he``/``she`` -> the last person claimant (else the last PERSON entity before it);
  ``they`` -> the last claimant, ``it`` -> the last non-person claimant;
* definite generic subjects ("The report noted", "The network also documented", "The
  spokesperson added") -> the earlier claimant whose name or source noun shares the head word,
  else the last person (role nouns) or organization (document/organization nouns); the cue is
  then ``carried_over``;
* sentences inside a multi-sentence quotation take the attribution of the sentence where the
  quote opens or closes;
* consecutive sentences of one paragraph with the same claimant share the outlet
  (``Zakharova said ... . "...," she said during a press conference reported by Sputnik News``).

Modules, in the order a line is read: ``cues`` (the source phrases a sentence's cues name),
``subjects`` (pronouns and references resolved), ``noun_phrases`` (a phrase's extent, name and
kind), ``passes`` (one claimant and outlet per line, then the passes across lines); with
``vocabulary``, ``sources`` (the records) and ``text_index`` (lookups over the parse).

Limitation: one attribution per sentence line; when two different speakers give numbers in one
sentence, the one closest to the sentence root wins.
"""

from __future__ import annotations

from orchestration.library.extraction.attribution.cues import _collect_sources, _person_subject, gives_out_information
from orchestration.library.extraction.attribution.passes import (
    _choose,
    _headline_sources,
    _propagate_through_quotes,
    _said_this,
    _share_outlets,
)
from orchestration.library.extraction.attribution.sources import Attribution, AttributionSpan, _Memory
from orchestration.library.extraction.attribution.text_index import _entity_index, _paragraph_numbers, _QuoteIndex, _sentence_lines
from orchestration.library.extraction.attribution.vocabulary import SPEECH_VERBS, is_outlet_name
from orchestration.library.extraction.quotes import quote_regions
from orchestration.library.extraction.tokens import sentences, text_of

# what other stages read: figures the spans, the verbs of saying and of giving out information, tests
# the outlet test
__all__ = ["Attribution", "AttributionSpan", "SPEECH_VERBS", "find_attribution_spans", "find_attributions",
           "gives_out_information", "is_outlet_name"]


def find_attributions(doc) -> list[Attribution | None]:
    """One Attribution (or None) per sentence of ``doc``, in ``doc.sents`` order.

    When spaCy merged several lines into one sentence (headline + first sentence, caption +
    paragraph), the attribution of the line holding the sentence root is returned; use
    :func:`find_attribution_spans` for the line-level results.
    """
    sents = sentences(doc)
    out: list[Attribution | None] = [None] * len(sents)
    chosen_root: list[bool] = [False] * len(sents)
    for piece in find_attribution_spans(doc):
        has_root = piece.start_char <= sents[piece.sentence_no].root.idx < piece.end_char
        if piece.attribution is not None and (out[piece.sentence_no] is None or
                                              (has_root and not chosen_root[piece.sentence_no])):
            out[piece.sentence_no] = piece.attribution
            chosen_root[piece.sentence_no] = has_root
    return out


def find_attribution_spans(doc) -> list[AttributionSpan]:
    """Attributions per sentence *line*, in text order; figures look theirs up by offset.

    Sentences are cut at newlines because the parser often glues a headline, a caption or a
    "RELATED NEWS: ..." line onto the next sentence; each line has its own speaker.
    """
    text = text_of(doc)
    pieces = _sentence_lines(doc)
    quotes = _QuoteIndex(quote_regions(text))
    ents = _entity_index(doc)
    paragraphs = _paragraph_numbers(text, [p.start_char for _, p in pieces])
    memory = _Memory()
    out: list[Attribution | None] = []
    for k, (sent_no, piece) in enumerate(pieces):
        sources = _collect_sources(piece, k, quotes, ents, memory, doc)
        attr = _choose(sources, sent_no)
        out.append(attr)
        if attr is not None and attr.claimant_text:
            claimant = next((s for s in sources if s.text == attr.claimant_text), None)
            if claimant is not None:
                memory.claimants.append((k, claimant))
        person = _person_subject(piece, quotes, ents)
        if person is not None and (attr is None or not attr.claimant_is_person):
            memory.persons.append((k, person))
    _propagate_through_quotes(out, pieces, quotes, paragraphs)
    _said_this(out, pieces, paragraphs)
    _headline_sources(out, pieces, doc)
    _share_outlets(out, paragraphs)
    return [AttributionSpan(sent_no, piece.start_char, piece.end_char, attr)
            for (sent_no, piece), attr in zip(pieces, out)]
