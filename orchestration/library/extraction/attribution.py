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

Limitation: one attribution per sentence line; when two different speakers give numbers in one
sentence, the one closest to the sentence root wins.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from orchestration.library.extraction import lexicon as lx
from orchestration.library.extraction.quotes import quote_regions
from orchestration.library.extraction.tokens import tokens

#: speech/reporting verbs (lemma) -> cue written in the record (one home: lexicon)
SPEECH_VERBS = lx.REPORTING_VERBS
#: participles whose "by X" agent names a source
AGENT_VERBS = {
    "report": "reported_by", "carry": "reported_by", "broadcast": "reported_by",
    "air": "reported_by", "publish": "reported_by", "quote": "reported_by",
    "document": "documented_by", "record": "documented_by", "compile": "documented_by",
    "verify": "documented_by", "issue": "documented_by", "release": "documented_by",
    "collect": "documented_by", "count": "documented_by", "tally": "documented_by",
    "estimate": "documented_by", "announce": "documented_by", "distribute": "documented_by",
}
#: participles linking a document to its author ("a report documented by SNHR")
AUTHOR_VERBS = set(AGENT_VERBS) | {"prepare", "write", "produce", "conduct", "publish", "share", "provide"}
#: nouns naming a document/statement rather than a speaker: their agent is the claimant
DOCUMENT_NOUNS = {
    "report", "reports", "statement", "statistic", "statistics", "figure", "figures", "data",
    "estimate", "estimates", "tally", "count", "record", "records", "document", "study",
    "survey", "assessment", "analysis", "investigation", "census", "toll", "update", "bulletin",
    "information", "documentation", "calculation", "calculations", "numbers", "number",
    "count", "list", "database", "finding", "findings", "release", "communique", "leaflet",
    "letter", "video", "recording", "recordings", "post", "tweet", "testimony", "testimonies",
    "account", "accounts", "footage", "image", "images", "photo", "photos", "picture",
    "detail", "details",  # "according to the details shared by the Kosovo Police"
}
#: common nouns that can be a source when cited ("citing local officials")
SOURCE_NOUNS = {
    "source", "official", "authority", "ministry", "group", "organization", "organisation",
    "agency", "monitor", "observer", "police", "army", "military", "government", "witness",
    "eyewitness", "medic", "rescuer", "activist", "resident", "spokesperson", "spokesman",
    "spokeswoman", "officer", "doctor", "volunteer", "council", "committee", "commission",
    "office", "department", "hospital", "health", "network", "observatory", "correspondent",
    "diplomat", "worker", "local", "person", "people", "survivor", "relative", "security",
}
#: role nouns that stand for a person already named ("the spokesperson added")
PERSON_ROLE_NOUNS = {
    "spokesperson", "spokesman", "spokeswoman", "diplomat", "minister", "official", "president",
    "envoy", "commander", "general", "ambassador", "director", "chief", "head", "leader",
    "governor", "mayor", "witness", "resident", "student", "doctor", "activist", "source",
    "woman", "man", "journalist", "researcher", "analyst", "officer", "secretary", "premier",
    "chairman", "chairwoman", "chair", "prosecutor", "coordinator", "representative", "worker",
    "nurse", "medic", "survivor", "father", "mother", "teacher", "farmer", "fisherman", "monk",
    "priest", "imam", "refugee", "expert", "lawyer", "colonel", "lieutenant", "captain",
    "sergeant", "soldier", "fighter", "paramedic", "volunteer", "correspondent", "reporter",
}
#: recipients that are not an outlet ("told reporters")
GENERIC_AUDIENCE = {
    "reporter", "reporters", "journalist", "journalists", "press", "media", "audience",
    "parliament", "lawmakers", "supporters", "crowd", "people", "residents", "us", "them",
    "him", "her", "me", "you", "correspondents", "correspondent",
}
#: nouns introducing the medium of a statement: "in an interview with X"
CONVERSATION_NOUNS = {
    "interview", "conversation", "talk", "remarks", "comments", "comment", "statement",
    "statements", "briefing", "call", "discussion", "exchange", "speech", "message", "post",
}
PRONOUNS_PERSON = {"he", "she", "him", "her"}
PRONOUNS_ANY = {"they", "them"}
PRONOUNS_NONPERSON = {"it"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
IGNORED_PRONOUNS = {"i", "we", "you", "me", "us", "one", "this", "these", "those", "what",
                    "some", "others", "many", "all", "both", "none", "someone", "everyone"}

#: curated well-known news agencies and outlets (lowercase word sequences); not exhaustive,
#: unknown outlets are found by the cues below and structurally.
KNOWN_OUTLETS = {
    tuple(name.lower().split()) for name in [*lx.MEDIA, *(c for c, _ in lx.MEDIA.values()), *lx.EXTRA_OUTLET_NAMES]
}
MAX_OUTLET_WORDS = max(len(k) for k in KNOWN_OUTLETS)

#: lowercase words that mark a media name or description ("the Russian news agency TASS")
OUTLET_CUE_WORDS = {
    "newspaper", "newspapers", "daily", "broadcaster", "television", "tv", "radio", "channel",
    "outlet", "website", "magazine", "tabloid", "news", "wire", "newswire",
}
#: capitalized name tails typical of outlets ("Kyiv Post", "Sudan Tribune", "Al-Monitor")
OUTLET_NAME_TAILS = {
    "Times", "Post", "Herald", "Tribune", "Gazette", "Journal", "Telegraph", "Guardian",
    "Chronicle", "Independent", "Express", "Mail", "Mirror", "Monitor", "Daily",
    "Weekly", "Observer", "Standard", "Courier", "Dispatch", "Bulletin", "Insider", "Online",
}

ENTITY_LABELS = {"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"}
PERSON_HISTORY = 8  # sentences a he/she can reach back
ANAPHOR_REACH = 6  # sentences "the spokesperson" / "the report" can reach back


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


# ---------------------------------------------------------------------------------------------
# public API


def find_attributions(doc) -> list[Attribution | None]:
    """One Attribution (or None) per sentence of ``doc``, in ``doc.sents`` order.

    When spaCy merged several lines into one sentence (headline + first sentence, caption +
    paragraph), the attribution of the line holding the sentence root is returned; use
    :func:`find_attribution_spans` for the line-level results.
    """
    sents = list(doc.sents)
    out: list[Attribution | None] = [None] * len(sents)
    chosen_root: list[bool] = [False] * len(sents)
    for piece in find_attribution_spans(doc):
        has_root = piece.start_char <= sents[piece.sentence_no].root.idx < piece.end_char
        if piece.attribution is not None and (out[piece.sentence_no] is None or
                                              (has_root and not chosen_root[piece.sentence_no])):
            out[piece.sentence_no] = piece.attribution
            chosen_root[piece.sentence_no] = has_root
    return out


@dataclass
class AttributionSpan:
    """The attribution of one line of a sentence (char offsets into the doc text)."""

    sentence_no: int
    start_char: int
    end_char: int
    attribution: Attribution | None


def find_attribution_spans(doc) -> list[AttributionSpan]:
    """Attributions per sentence *line*, in text order; figures look theirs up by offset.

    Sentences are cut at newlines because the parser often glues a headline, a caption or a
    "RELATED NEWS: ..." line onto the next sentence; each line has its own speaker.
    """
    text = doc.text
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


def _sentence_lines(doc) -> list[tuple[int, object]]:
    """(sentence_no, span) for every newline-separated piece of every sentence."""
    toks = tokens(doc)
    out = []
    for sent_no, sent in enumerate(doc.sents):
        start = sent.start
        for tok in toks[sent.start:sent.end]:
            if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
                if tok.i + 1 > start:
                    out.append((sent_no, doc[start:tok.i + 1]))
                start = tok.i + 1
        if start < sent.end:
            out.append((sent_no, doc[start:sent.end]))
    return out


class _QuoteIndex:
    """Sorted quotation spans with O(log n) membership and overlap lookups."""

    def __init__(self, regions: list[tuple[int, int]]):
        self.regions = regions
        self.starts = [r[0] for r in regions]

    def contains(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and self.regions[k][0] <= pos < self.regions[k][1]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        out = []
        k = bisect.bisect_left(self.starts, end) - 1
        while k >= 0 and self.regions[k][1] > start:
            out.append(self.regions[k])
            k -= 1
        return out


def is_outlet_name(words: list[str]) -> bool:
    """Does this phrase (as written) name a news outlet? Curated names or outlet cue words."""
    lowered = [w.lower().strip(".,'’") for w in words]
    lowered = [w[:-2] if w.endswith("'s") or w.endswith("’s") else w for w in lowered]
    for n in range(min(MAX_OUTLET_WORDS, len(lowered)), 0, -1):
        for k in range(len(lowered) - n + 1):
            if tuple(lowered[k:k + n]) in KNOWN_OUTLETS and words[k][:1].isupper():
                return True
    if any(w in OUTLET_CUE_WORDS for w in lowered):
        return True
    return any(w in OUTLET_NAME_TAILS for w in words[1:] if w[:1].isupper()) and words[0][:1].isupper()


# ---------------------------------------------------------------------------------------------
# candidate collection


# "AFP: Almost 1,500 civilians rescued", "• DSWD: Over 200,000 displaced": a headline that names
# its source before a colon
_HEADLINE_SOURCE = re.compile(r"(?m)^[ \t]*(?:[•*-][ \t]*)?(?P<name>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3})\s*:\s+\S")
_NOT_HEADLINE_SOURCES = frozenset({
    "photo", "photos", "video", "read", "related", "source", "sources", "update", "updated", "watch", "breaking",
    "live", "analysis", "opinion", "editor", "note", "file", "caption", "credit", "see", "also", "more", "date",
    "published", "posted", "by", "tags", "topics", "share", "warning", "exclusive", "explainer", "listen",
})


def _headline_sources(out, pieces, doc) -> None:
    """Pieces of a "SOURCE: claim" line with no speaker of their own take the named source."""
    text = doc.text
    for i, (sent_no, piece) in enumerate(pieces):
        if out[i] is not None:
            continue
        line_start = text.rfind("\n", 0, piece.start_char) + 1
        line_end = text.find("\n", piece.start_char)
        line_end = line_end if line_end >= 0 else len(text)
        m = _HEADLINE_SOURCE.match(text, line_start, line_end)
        if not m or any(w.lower() in _NOT_HEADLINE_SOURCES for w in m.group("name").split()):
            continue
        claim = doc.char_span(m.end("name"), line_end, alignment_mode="contract")
        if claim is not None and not any(t.pos_ in ("VERB", "AUX") or t.tag_ in ("VBN", "VBD") for t in claim):
            continue  # "Bishnupur: 18", "Thoubal: 4 deaths": a table's row names what it counts, not who says
        start, end = m.start("name"), m.end("name")
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None or not len(span) or not all(t.pos_ == "PROPN" or t.text.isupper() for t in span):
            continue
        if any(t.ent_type_ in ("GPE", "LOC", "FAC", "DATE") for t in span):
            continue  # "Gaza: 40 killed in strike", "North-Kivu: ...": a place, not a source
        out[i] = Attribution(sent_no, "said", m.group("name"), start, end, False)


def _collect_sources(sent, sent_no: int, quotes, ents, memory: _Memory, doc) -> list[_Source]:
    toks = tokens(doc)
    out: list[_Source] = []

    for tok in toks[sent.start:sent.end]:
        if quotes.contains(tok.idx):
            continue
        lemma = tok.lemma_.lower()
        low = tok.lower_
        if tok.pos_ in ("VERB", "AUX") and lemma in SPEECH_VERBS:
            out.extend(_from_speech_verb(tok, sent_no, ents, memory, doc))
        if tok.pos_ in ("VERB", "AUX") and lemma in AGENT_VERBS and tok.tag_ == "VBN":
            src = _from_agent(tok, AGENT_VERBS[lemma], ents)
            if src is not None:
                out.append(src)
        if low == "according":
            src = _from_according_to(tok, sent_no, ents, memory)
            if src is not None:
                out.append(src)
        if tok.pos_ == "NOUN" and lemma in DOCUMENT_NOUNS and tok.dep_ == "pobj" and \
                tok.head.lower_ in ("in", "by", "from", "per"):
            src = _document_author(tok, ents)  # "In the estimates of the DPR, about 30 ..."
            if src is not None:
                out.append(src)
        if low in ("citing", "quoting"):
            for child in tok.children:
                if child.dep_ in ("dobj", "pobj", "attr") and _is_source_like(child):
                    src = _np_source(child, "citing", "citing", ents)
                    if src is not None:
                        out.append(src)
        if lemma in CONVERSATION_NOUNS and tok.pos_ == "NOUN" or (lemma == "speak" and tok.tag_ == "VBG"):
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ in ("with", "to"):
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            src = _recipient(obj, ents)
                            if src is not None:
                                out.append(src)
    if any(s.role == "recipient" for s in out) and not any(s.role == "speaker" for s in out):
        # "X held ... responsible, in an interview with Reuters": the main subject speaks
        subj = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
        if subj is not None and _same_line(subj, sent.root):
            src = _resolve_subject(subj, "subject", "said", sent_no, ents, memory)
            if src is not None:
                out.append(src)
    return out


def _from_speech_verb(verb, sent_no, ents, memory, doc) -> list[_Source]:
    lemma = verb.lemma_.lower()
    if lemma == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return []
    if lemma in ("find", "put", "count", "record", "register") and not _has_agentive_subject(verb):
        return []
    if lemma == "put" and not any(c.dep_ == "prep" and c.lower_ == "at" for c in verb.children):
        return []  # "put the toll at 50" is an estimate, "as she put it" is not
    if lemma == "find" and not any(c.dep_ == "ccomp" for c in verb.children):
        return []  # "rescuers found 12 bodies" is an event, "the report found that ..." a claim
    if any(c.dep_ == "neg" for c in verb.children):
        return []  # "a figure Reuters could not verify" attributes nothing
    cue = SPEECH_VERBS[lemma]
    role = "reporter" if lemma in ("report", "publish", "post", "tweet", "quote") else "speaker"
    out: list[_Source] = []
    depth = _depth(verb)
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and _same_line(c, verb)]
    if not subjects and verb.tag_ in ("VBD", "VBZ", "VBP"):
        left = _noun_left_of(verb)
        if left is not None:  # parse slip on "..., the X Association (XA) reported."
            subjects = [left]
    if not subjects and verb.i > 0 and doc[verb.i - 1].text == ",":
        # "..., reported the Associated Press.": the speaker after its verb, which the parser
        # takes for the object; only a name, never "..., reported the incident"
        subjects = [c for c in verb.children if c.dep_ == "dobj" and _same_line(c, verb)
                    and any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "PERSON", "NORP") or t.text in lx.MEDIA
                            for t in c.subtree)]
    if subjects:  # a mis-merged heading can add a second subject: keep the closest one
        subj = min(subjects, key=lambda c: abs(verb.i - c.i))
        src = _resolve_subject(subj, role, cue, sent_no, ents, memory)
        if src is not None:
            src.depth = depth
            out.append(src)
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "from" and lemma in ("report", "learn", "hear"):
            for obj in child.children:  # "Bloomberg reported from a source in Moscow"
                if obj.dep_ == "pobj" and _is_source_like(obj):
                    src = _np_source(obj, "citing", "citing", ents)
                    if src is not None:
                        out.append(src)
        elif child.dep_ == "dobj" and lemma == "quote" and _is_source_like(child):
            src = _np_source(child, "citing", "citing", ents)  # "AFP quoted the committee as saying"
            if src is not None:
                out.append(src)
        elif child.dep_ in ("dobj", "dative") and lemma in ("tell", "inform"):
            src = _recipient(child, ents)
            if src is not None:
                out.append(src)
        elif child.dep_ == "prep" and child.lower_ == "to" and lemma not in ("tell", "point"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    src = _recipient(obj, ents)
                    if src is not None:
                        out.append(src)
    return out


def _is_source_like(tok) -> bool:
    """Can this noun be the origin of a statement? ("local officials" yes, "a lack of trust" no)."""
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or tok.pos_ == "PROPN":
        return True
    lemma = tok.lemma_.lower()
    return lemma in SOURCE_NOUNS or lemma in PERSON_ROLE_NOUNS


def _person_subject(sent, quotes, ents) -> _Source | None:
    """The named person (or singular role noun) a sentence is about, for later he/she."""
    toks = tokens(sent.doc)
    for tok in toks[sent.start:sent.end]:
        if tok.dep_ != "nsubj" or quotes.contains(tok.idx):
            continue
        if tok.ent_type_ == "PERSON" or (tok.pos_ == "NOUN" and tok.tag_ == "NN" and
                                         tok.lemma_.lower() in PERSON_ROLE_NOUNS):
            src = _np_source(tok, "speaker", "said", ents)
            if src is not None and src.is_person:
                return src
    return None


def _same_line(a, b) -> bool:
    """spaCy merges headings/captions into the next sentence: a source must sit on the cue's line."""
    lo, hi = (a, b) if a.i < b.i else (b, a)
    # token by token: Doc.text would rebuild the whole article string on every call
    return not any("\n" in t.text_with_ws for t in a.doc[lo.i:hi.i])


def _noun_left_of(verb):
    """The noun phrase head right before a subject-less speech verb, skipping "(ACRONYM)"."""
    doc = verb.doc
    j = verb.i - 1
    if j >= 0 and doc[j].text == ")":
        while j > 0 and doc[j].text != "(":
            j -= 1
        j -= 1
    if j < 0 or doc[j].pos_ not in ("NOUN", "PROPN"):
        return None
    ent_root = None
    if doc[j].ent_type_:
        for ent in doc.ents:  # entity spans are few per sentence; only reached on parse slips
            if ent.start <= j < ent.end:
                ent_root = ent.root
                break
    head = ent_root if ent_root is not None else doc[j]
    if head.dep_ == "pobj":
        return None  # "... in the countryside of Jableh confirmed": a prepositional object is no subject
    return head


def _has_agentive_subject(verb) -> bool:
    """"The report found", "data show" need a subject that can be a source, not "it"/"this"."""
    return any(c.dep_ == "nsubj" and c.lower_ not in ("it", "this", "that") for c in verb.children)


def _from_agent(participle, cue: str, ents) -> _Source | None:
    for agent in participle.children:
        if agent.dep_ == "agent":
            for obj in agent.children:
                if obj.dep_ == "pobj" and _same_line(obj, participle):
                    src = _np_source(obj, cue, cue, ents)
                    if src is not None and participle.dep_ == "acl":
                        # "a statement issued by X": later "the statement" refers back to X
                        src.nouns = src.nouns | {participle.head.lemma_.lower()}
                    return src
    return None


def _from_according_to(tok, sent_no, ents, memory) -> _Source | None:
    for prep in tok.children:
        if prep.lower_ != "to":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            return _source_of_noun_phrase(obj, "according_to", "according_to", sent_no, ents, memory)
    return None


def _source_of_noun_phrase(head, role, cue, sent_no, ents, memory) -> _Source | None:
    """Source named by a noun phrase; a document noun hands over to its author."""
    if head.pos_ == "NOUN" and head.lemma_.lower() in DOCUMENT_NOUNS:
        author = _document_author(head, ents)
        if author is not None:
            author.nouns = author.nouns | {head.lemma_.lower()}
            return author
        if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children):
            prior = memory.by_noun(head.lemma_.lower(), sent_no, ANAPHOR_REACH * 2) or \
                memory.last(False, sent_no, ANAPHOR_REACH)
            if prior is not None:
                return replace(prior, role=role, cue="carried_over", carried=True)
        return None  # "according to statistics": no one in particular
    return _np_source(head, role, cue, ents)


def _document_author(doc_noun, ents) -> _Source | None:
    """"a report documented by SNHR", "figures from the UN", "a report by HRW" -> the author."""
    for child in doc_noun.children:
        if child.dep_ == "acl" and child.lemma_.lower() in AUTHOR_VERBS:
            for agent in child.children:
                if agent.dep_ == "agent":
                    for obj in agent.children:
                        if obj.dep_ == "pobj":
                            cue = "documented_by" if child.lemma_.lower() != "report" else "reported_by"
                            return _np_source(obj, "documented_by", cue, ents)
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            for obj in child.children:
                if obj.dep_ == "pobj" and (obj.pos_ == "PROPN" or obj.ent_type_ in ENTITY_LABELS):
                    return _np_source(obj, "documented_by", "documented_by", ents)
        if child.dep_ == "poss" and (child.pos_ == "PROPN" or child.ent_type_ in ENTITY_LABELS):
            return _np_source(child, "documented_by", "documented_by", ents)
        if child.dep_ == "compound" and child.pos_ == "PROPN" and child.text[:1].isupper():
            return _np_source(child, "documented_by", "documented_by", ents)  # "AFP figures", "OCHA data"
    return None


def _recipient(tok, ents) -> _Source | None:
    """The addressee of a statement is an outlet when it is a named organization."""
    if tok.lower_ in GENERIC_AUDIENCE or tok.lemma_.lower() in GENERIC_AUDIENCE:
        return None
    if tok.pos_ != "PROPN" and tok.ent_type_ not in ("ORG",) and \
            not is_outlet_name([t.text for t in tok.subtree][:8]):
        return None
    src = _np_source(tok, "recipient", "told", ents)
    if src is not None and src.is_person:
        return None  # "told Zakharova": a person, not a medium
    return src


def _resolve_subject(subj, role, cue, sent_no, ents, memory: _Memory) -> _Source | None:
    low = subj.lower_
    if low in PRONOUNS_PERSON:
        prior = memory.last_person(sent_no, PERSON_HISTORY) or _last_person_entity(subj, ents)
        return replace(prior, role=role, cue=cue, carried=False) if prior else None
    if low in PRONOUNS_ANY:
        prior = memory.last(None, sent_no, 3)
        return replace(prior, role=role, cue=cue, carried=False) if prior else None
    if low in PRONOUNS_NONPERSON:
        prior = memory.last(False, sent_no, 3)
        return replace(prior, role=role, cue=cue, carried=False) if prior else None
    if low in RELATIVE_PRONOUNS:
        # "... the agency, which said ..." -> the noun the relative clause hangs on
        verb = subj.head
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return _resolve_subject(verb.head, role, cue, sent_no, ents, memory)
        return None
    if low in IGNORED_PRONOUNS or subj.pos_ == "PRON":
        return None
    if subj.pos_ == "NOUN":
        for child in subj.children:  # "Kremlin spokesperson, Maria Zakharova, said"
            if child.dep_ == "appos" and (child.ent_type_ in ("PERSON", "ORG") or child.pos_ == "PROPN"):
                return _np_source(child, role, cue, ents)
        for t in subj.subtree:  # parse slips: "The head of X, Ahmed al-Sharaa, said"
            if t.i - subj.i > 15:
                break
            if t.dep_ == "appos" and t.ent_type_ == "PERSON" and t.i > subj.i:
                return _np_source(t, role, cue, ents)
        if subj.lemma_.lower() in DOCUMENT_NOUNS:
            author = _document_author(subj, ents)
            if author is not None:
                return replace(author, role=role, cue=cue)
        if _is_anaphoric(subj):
            prior = _antecedent(subj, sent_no, memory)
            if prior is not None:
                return replace(prior, role=role, cue="carried_over", carried=True)
    return _np_source(subj, role, cue, ents)


def _is_anaphoric(noun) -> bool:
    """"the report", "The network", "the spokesperson": a definite bare common noun."""
    has_definite = False
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in ("the", "this", "that"):
            has_definite = True
        elif child.dep_ in ("compound", "poss", "prep", "appos", "nmod") or child.pos_ == "PROPN":
            return False
    return has_definite


def _antecedent(noun, sent_no, memory: _Memory) -> _Source | None:
    lemma = noun.lemma_.lower()
    prior = memory.by_noun(lemma, sent_no, ANAPHOR_REACH * 2)
    if prior is not None:
        return prior
    if lemma in PERSON_ROLE_NOUNS:
        return memory.last(True, sent_no, ANAPHOR_REACH)
    if lemma in DOCUMENT_NOUNS or lemma in ("network", "group", "organization", "organisation",
                                            "monitor", "observatory", "ministry", "agency",
                                            "office", "committee", "commission", "mission",
                                            "watchdog", "body", "council", "center", "centre"):
        return memory.last(False, sent_no, ANAPHOR_REACH)
    return None


def _last_person_entity(tok, ents) -> _Source | None:
    """Fallback for he/she: the closest PERSON entity before the pronoun."""
    doc = tok.doc
    k = bisect.bisect_right(ents.person_ends, tok.i)
    for ent in reversed(ents.persons[:k]):
        if ent.end <= tok.i:
            text, start, end = _strip_the(doc, ent.start, ent.end)
            return _Source("speaker", "said", text, start, end, is_person=True, is_proper=True,
                           nouns=frozenset(w.lower() for w in text.split()))
    return None


# ---------------------------------------------------------------------------------------------
# noun phrase -> source


_WHEN_LABELS = frozenset({"DATE", "TIME"})


def _np_source(tok, role: str, cue: str, ents) -> _Source | None:
    """Turn the head token of a source phrase into a _Source with a clean name span."""
    doc = tok.doc
    if tok.ent_type_ in _WHEN_LABELS or tok.lower_ in lx.MONTH_NUMBERS or tok.lower_ in lx.WEEKDAY_NUMBERS:
        return None  # "the report as of 14 January": a date never speaks
    if tok.like_num or tok.pos_ == "NUM":
        return None  # "put the number of victims at 46 citing ...": a figure the parser made a subject
    outlet_words = [t.text for t in tok.subtree if not t.is_punct][:12]
    name_tok = _name_inside_description(tok)
    is_outlet = is_outlet_name(outlet_words)
    if name_tok is not None and name_tok.i != tok.i:
        tok = name_tok
    ent = ents.get(tok.i)
    if ent is not None and ent.label_ in ENTITY_LABELS:
        start_i, end_i = ent.start, ent.end
        is_person = ent.label_ == "PERSON"
        proper = True
        while is_person and end_i - start_i > 1 and (doc[start_i].pos_ != "PROPN" or
                                                     doc[start_i].lemma_.lower() in PERSON_ROLE_NOUNS):
            start_i += 1  # "Spokesperson Maria Zakharova" -> "Maria Zakharova"
    elif tok.pos_ == "PROPN" and tok.text[:1].isupper():
        start_i, end_i = _proper_chain(tok)
        is_person = False
        proper = True
    else:
        start_i, end_i = _common_np(tok)
        is_person = tok.lemma_.lower() in PERSON_ROLE_NOUNS and tok.tag_ in ("NN", "NNP")
        proper = False
    if tok.pos_ not in ("NOUN", "PROPN") and ent is None:
        return None
    text, start, end = _strip_the(doc, start_i, end_i)
    if not text:
        return None
    if is_person and end_i - start_i == 1:
        text = _full_name(ents, doc, start_i, text)
    if not is_outlet:
        is_outlet = is_outlet_name(text.split())
    nouns = frozenset(w.lower().strip("(),") for w in text.split()) | {tok.lemma_.lower()}
    if is_outlet and proper:
        is_person = False  # outlet names are often mis-tagged PERSON ("Enab Baladi")
    return _Source(role, cue, text, start, end, is_outlet=is_outlet and not is_person,
                   is_person=is_person, is_proper=proper, nouns=nouns)


def _full_name(ents, doc, i: int, surname: str) -> str:
    """"Zakharova" -> "Maria Zakharova" when the full name appeared earlier in the article."""
    for ent in getattr(ents, "persons", ()):
        if ent.start >= i:
            break
        if len(ent) > 1 and ent[-1].text == surname:
            return _strip_the(doc, ent.start, ent.end)[0]
    return surname


def _name_inside_description(tok):
    """"the Russian news agency TASS" -> TASS; "state news agency SANA" is already the name."""
    if tok.pos_ == "NOUN":
        for child in tok.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return child
        if tok.lower_ in OUTLET_CUE_WORDS or tok.lemma_.lower() in ("agency", "paper", "network", "station"):
            names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            if names:  # "the Daily Sabah newspaper" -> Daily Sabah
                return max(names, key=lambda c: c.i)
            nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
            if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper() and not nxt.is_sent_start:
                return nxt  # "the official news agency SUNA put ...": the name the parser left outside
    return None


def _proper_chain(tok) -> tuple[int, int]:
    """Contiguous capitalized compounds ending at tok ("Human Rights Watch", "The Media Line")."""
    doc = tok.doc
    start = tok.i
    for child in sorted(tok.children, key=lambda c: -c.i):
        if child.i == start - 1 and child.dep_ in ("compound", "amod") and child.text[:1].isupper():
            start = child.i
            # compounds of compounds: "Human" -> "Rights" -> "Watch"
            for grand in sorted(child.children, key=lambda c: -c.i):
                if grand.i == start - 1 and grand.text[:1].isupper() and grand.dep_ != "det":
                    start = grand.i
    if start > 0 and doc[start - 1].text == "The" and not doc[start - 1].is_sent_start:
        start -= 1  # a capitalized "The" mid-sentence belongs to the name
    return start, tok.i + 1


_NP_LEFT_DEPS = {"compound", "amod", "poss", "case", "nummod", "det", "nmod", "quantmod"}


def _common_np(tok) -> tuple[int, int]:
    """Common-noun phrase: left modifiers plus a short "of/for/at/in X" tail (max ~8 tokens)."""
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in _NP_LEFT_DEPS:
            start = min(start, min(t.i for t in child.subtree))
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "at", "in", "from", "on"):
            sub_end = max(t.i for t in child.subtree) + 1
            if sub_end - start <= 8:
                end = sub_end
            break
        if child.dep_ == "case":  # "Kyiv 's"
            end = max(end, child.i + 1)
    return start, end


def _strip_the(doc, start_i: int, end_i: int) -> tuple[str, int, int]:
    """Trim punctuation and a determiner "the" around a name span -> (text, start_char, end_char).

    A capitalized "The" is kept mid-sentence ("told The Media Line") but dropped at the start
    of a sentence or line, where it is just capitalized.
    """
    while start_i < end_i:
        t = doc[start_i]
        line_start = t.is_sent_start or t.i == 0 or "\n" in doc[t.i - 1].text_with_ws
        if t.is_punct or t.is_space or t.text == "the" or (t.text == "The" and line_start):
            start_i += 1
        else:
            break
    while end_i > start_i and (doc[end_i - 1].is_punct or doc[end_i - 1].is_space):
        end_i -= 1
    if start_i >= end_i:
        return "", 0, 0
    span = doc[start_i:end_i]
    return span.text, span.start_char, span.end_char


# ---------------------------------------------------------------------------------------------
# choosing one claimant and one outlet

_CLAIMANT_PRIORITY = {"documented_by": 0, "citing": 0, "speaker": 1, "according_to": 2,
                      "reporter": 3, "reported_by": 4, "subject": 5}


def _choose(sources: list[_Source], sent_no: int) -> Attribution | None:
    if not sources:
        return None
    claimants = [s for s in sources if s.role in _CLAIMANT_PRIORITY and not s.is_outlet]
    claimants.sort(key=lambda s: (_CLAIMANT_PRIORITY[s.role], s.depth, s.start))
    claimant = claimants[0] if claimants else None
    outlets = [s for s in sources if s.is_outlet]
    outlets += [s for s in sources if s.role == "recipient" and not s.is_outlet]
    if claimant is not None:
        outlets += [s for s in sources if s.role in ("according_to", "reported_by", "reporter")
                    and s is not claimant and s.is_proper and s.text != claimant.text]
    outlet = outlets[0] if outlets else None
    if claimant is None and outlet is None:
        return None
    if claimant is None and outlet.role == "recipient":
        # "..., the mayor of the town told AFP": someone told the agency; the agency is the outlet,
        # never the one who claims the figure, even when the speaker could not be named
        attr = Attribution(sent_no, outlet.cue)
        attr.outlet_text, attr.outlet_start, attr.outlet_end = outlet.text, outlet.start, outlet.end
        return attr
    if claimant is None:
        claimant = outlet  # a medium reporting on its own: it is also the claimant
    cue = "carried_over" if claimant.carried else claimant.cue
    attr = Attribution(sent_no, cue, claimant.text, claimant.start, claimant.end,
                       claimant.is_person)
    if outlet is not None:
        attr.outlet_text, attr.outlet_start, attr.outlet_end = outlet.text, outlet.start, outlet.end
    return attr


# ---------------------------------------------------------------------------------------------
# cross-sentence passes


def _propagate_through_quotes(out, pieces, quotes, paragraphs) -> None:
    """A line inside a multi-sentence quote borrows the attribution of the quote's edges."""
    if not quotes.regions:
        return
    starts = [p.start_char for _, p in pieces]
    for i, (sent_no, piece) in enumerate(pieces):
        if out[i] is not None:
            continue
        for q_start, q_end in quotes.overlapping(piece.start_char, piece.end_char):
            for pos in (q_end, q_start):
                k = bisect.bisect_right(starts, pos) - 1
                if 0 <= k < len(out) and k != i and out[k] is not None and paragraphs[k] == paragraphs[i]:
                    out[i] = replace(out[k], sentence_no=sent_no)
                    break
            if out[i] is not None:
                break


_SAID_THIS = re.compile(
    r"\b(?:said|says|stated|states|reported|reports|announced|confirmed|added|noted|wrote|told\s+[\w ]{2,30}?)"
    r"\s+(?:this|so)\b(?!\s+\w+\s+(?:was|were|is|are|had|has|have|would|will)\b)")


def _said_this(out, pieces, paragraphs) -> None:
    """ "Minister X said this at a briefing": the statement is the sentence before, in its paragraph."""
    for i in range(1, len(pieces)):
        if out[i] is None or out[i - 1] is not None or paragraphs[i] != paragraphs[i - 1]:
            continue
        if _SAID_THIS.search(pieces[i][1].text):
            out[i - 1] = replace(out[i], sentence_no=pieces[i - 1][0])


def _share_outlets(out, paragraphs) -> None:
    """Neighbouring sentences of a paragraph with the same claimant share the outlet."""
    for order in (range(1, len(out)), range(len(out) - 2, -1, -1)):
        for i in order:
            j = i - 1 if order.step == 1 else i + 1
            a, b = out[i], out[j]
            if a is None or b is None or a.outlet_text or not b.outlet_text:
                continue
            if paragraphs[i] == paragraphs[j] and a.claimant_text == b.claimant_text:
                a.outlet_text, a.outlet_start, a.outlet_end = b.outlet_text, b.outlet_start, b.outlet_end


# ---------------------------------------------------------------------------------------------
# small helpers


class _EntityIndex(dict):
    """token index -> entity span (O(1) lookups), plus the PERSON entities in order."""

    def __init__(self, doc):
        super().__init__()
        self.persons = []
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self[i] = ent
            if ent.label_ == "PERSON":
                self.persons.append(ent)
        self.person_ends = [e.end for e in self.persons]


def _entity_index(doc) -> _EntityIndex:
    return _EntityIndex(doc)


def _paragraph_numbers(text: str, starts: list[int]) -> list[int]:
    """Paragraph number of each start offset, with the rule of ``pipeline.split_sentences``
    (``text.count(sep, 0, start)``), computed in one pass over the text."""
    sep = "\n\n" if "\n\n" in text else "\n"
    ends = []
    pos = text.find(sep)
    while pos != -1:  # greedy non-overlapping matches, exactly what str.count counts
        ends.append(pos + len(sep))
        pos = text.find(sep, pos + len(sep))
    out = []
    for start in starts:
        while start < len(text) and text[start].isspace():
            start += 1  # pipeline trims leading whitespace before counting
        out.append(bisect.bisect_right(ends, start))
    return out


def _depth(tok) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d
