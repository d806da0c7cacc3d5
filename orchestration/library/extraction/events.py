"""Dated happenings: one event per clause that a date expression anchors.

A date anchors a happening when, climbing the dependency tree from the date ("On March 6" ->
"launched"), we reach a verb. The event's description is that verb's clause (its subtree within
the sentence, minus coordinated clauses that have their own subject), its location the first
named place inside the clause, and its actors the entity mentions inside the clause, with a role
read off the path from the mention to the verb (subject = agent, or speaker for verbs of saying;
object / passive subject = target; anything else = participant).

Dates that do not anchor a happening give no event: bylines ("2025/03/17"), photo captions
("The entrance of the base - December 29, 2024 (AFP/...)"), reference lines ("Please cite as ...",
footnote notes with "[url]"), instructions ("see section 1.3 ... prior to November 2024").
"""
from __future__ import annotations

import re
from bisect import bisect_right

from orchestration.library.extraction import lexicon as lx
from orchestration.library.extraction.ids import stable_id
from orchestration.library.extraction.records import ArticleInput, DateMention, EntityMention, Event, EventActor
from orchestration.library.extraction.tokens import entities

# Dependency labels we climb through from a date to the word it modifies.
_CLIMB = {"prep", "pobj", "pcomp", "npadvmod", "tmod", "nmod", "appos", "compound", "nummod",
          "amod", "advmod", "conj", "cc", "punct", "det", "quantmod", "case", "poss", "dep"}
# A noun the date modifies ("the March 6 attack") passes the date on to its verb in these roles.
_NOUN_TO_VERB = {"nsubj", "nsubjpass", "dobj", "attr", "dative", "oprd"}
_PLACE_LABELS = lx.PLACE_LABELS
_LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "around", "across", "throughout",
                   "into", "from", "on", "within", "towards", "toward", "to", "off", "along", "between"}
# "southeast of Latakia", "the outskirts of Kherson": "of" is locative after these words
_PLACE_OF_HEADS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                   "outskirts", "suburb", "centre", "center", "edge", "vicinity"}
_ACTOR_LIKE_DEPS = {"nsubj", "nsubjpass", "csubj", "poss"}
_SPEECH_LEMMAS = lx.SAYING_VERBS
_AGENT_DEPS = {"nsubj", "csubj", "agent", "expl"}
_TARGET_DEPS = {"dobj", "nsubjpass", "dative", "attr", "oprd", "iobj"}
# Dependencies that keep a word inside the noun phrase it names ("Assad regime's remnants").
_NP_INTERNAL = {"compound", "poss", "appos", "conj", "cc", "det", "amod", "nmod", "case", "punct",
                "nummod", "flat", "quantmod"}
_TARGET_WORDS = {"against", "targeting", "targeted", "target", "targets"}
# Lines that carry dates but no happenings: references, captions with credits, links.
_NON_EVENT_LINE = re.compile(
    r"\[url\]|\bcite\s+as\b|\bphoto\s*credit|\(credit\s*:|\bvia\s+(?:" + "|".join(lx.PHOTO_LIBRARIES) + r")\b"
    r"|^\s*(?:photo|image|picture)\s*:"
    r"|\([A-Z][A-Za-z]+/[A-Z][^)]*\)|\([A-Z][^)/]*/[A-Z]{2,}[^)]*\)"
    r"|^\s*(?:this|a|an|the)?\s*(?:aerial\s+)?(?:picture|photo|photograph|image|file\s+photo)\s+(?:shows|taken)",
    re.IGNORECASE,
)
_CAPTION_DASH = re.compile(r"\s[-–—]\s*$")  # "The entrance of the base - December 29, 2024"
_PLACE_DESIGNATOR = re.compile(
    r"\b(?:town|village|city|province|governorate|region|district|camp|neighbou?rhood|area|port|"
    r"oblast|county|state|municipality|suburb|island)\s+of\s+"
    r"((?:(?:al|el|ad|ar|as|an|at|az)-)?[A-Z][\w'’-]*(?:\s+(?:(?:al|el|ad|ar|as|an|at|az)-)?[A-Z][\w'’-]*)*)"
)
# Sentence ends the parser may miss ("personnel.⁵¹² Later in ..."): end punctuation, optional
# closing quote and footnote marker, space, capital; or a line break.
_SENT_END = re.compile(r"\n|(?<=[.!?])[\"”’')\]]*[⁰¹²³⁴⁵⁶⁷⁸⁹]*\s+(?=[\"“‘(]?[A-Z])")
_ABBREV = {"mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "maj", "brig", "rep", "sen",
           "gov", "jr", "sr", "st", "no", "vs", "etc", "inc", "ltd", "co", "jan", "feb", "mar", "apr",
           "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "prof", "pres", "u.s", "u.n"}
_FOOTNOTE_MARKS = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_LEADING_MARKS = {"mark", "cc", "punct"}
_PRECISION_RANK = {"day": 0, "range": 1, "week": 2, "month": 3, "season": 4, "year": 5, "unknown": 6}


def build_events(doc, article: ArticleInput, dates: list[DateMention],
                 mentions: list[EntityMention]) -> tuple[list[Event], list[EventActor]]:
    body = article.body
    regions = _Regions(body)
    # one event per governing verb: the best date wins when several attach to the same verb
    by_verb: dict[int, DateMention] = {}
    for dm in dates:
        if _in_non_event_line(body, dm):
            continue
        verb = _governing_verb(doc, dm, regions.around(dm.start_char))
        if verb is None:
            continue
        best = by_verb.get(verb.i)
        if best is None or _date_rank(dm) < _date_rank(best):
            by_verb[verb.i] = dm

    events: list[Event] = []
    actors: list[EventActor] = []
    for vi, dm in sorted(by_verb.items(), key=lambda kv: kv[1].start_char):
        verb = doc[vi]
        start, end = _clause_bounds(doc, verb, by_verb, regions.around(dm.start_char))
        while end > start and (body[end - 1].isspace() or body[end - 1] in ",;:–—-"):
            end -= 1  # trim dangling punctuation so the description reads cleanly
        event_id = stable_id(article.article_id, "event", dm.date_id)
        events.append(Event(
            event_id=event_id,
            article_id=article.article_id,
            date_id=dm.date_id,
            sentence_no=dm.sentence_no,
            event_date=dm.date_start,
            event_date_end=dm.date_end,
            date_precision=dm.precision,
            date_text=dm.surface_text,
            description=" ".join(_FOOTNOTE_MARKS.sub("", body[start:end]).split()),
            location=_location(doc, body, verb, start, end),
            clause_start=start,
            clause_end=end,
        ))
        actors.extend(_event_actors(doc, event_id, verb, mentions, start, end))
    return events, actors


def _date_rank(dm: DateMention) -> tuple:
    """Prefer a plain date over an open 'since'/'until' one, a precise one over a vague one."""
    open_end = dm.resolution in ("since", "until")
    return (open_end, _PRECISION_RANK.get(dm.precision, 9), dm.start_char)


def _in_non_event_line(body: str, dm: DateMention) -> bool:
    line_start = body.rfind("\n", 0, dm.start_char) + 1
    line_end = body.find("\n", dm.end_char)
    line = body[line_start:line_end if line_end >= 0 else len(body)]
    if _NON_EVENT_LINE.search(line):
        return True
    return bool(_CAPTION_DASH.search(body, line_start, dm.start_char))


class _Regions:
    """Sentence-like stretches of the body cut at line breaks and sentence ends.

    The parser sometimes runs sentences together (headlines without a full stop, footnote markers
    glued to the period); a date's clause never crosses one of these cuts.
    """

    def __init__(self, body: str):
        self.body = body
        cuts = [(m.start(), m.end()) for m in _SENT_END.finditer(body) if not _is_abbreviation(body, m.start())]
        self.starts = [0] + [e for _, e in cuts]
        self.ends = [s for s, _ in cuts] + [len(body)]

    def around(self, pos: int) -> tuple[int, int]:
        i = bisect_right(self.starts, pos) - 1
        return self.starts[i], self.ends[i]


def _is_abbreviation(body: str, cut: int) -> bool:
    """'Mr. Smith', 'Gen. Hassan', 'U.S. forces': a period that does not end a sentence."""
    if body[cut] == "\n":
        return False
    word = body[max(0, cut - 6):cut].rsplit(None, 1)[-1] if body[max(0, cut - 6):cut].strip() else ""
    word = word.rstrip(".!?\"”’')]").lower()
    return word in _ABBREV or (len(word) == 1 and word.isalpha())


def _governing_verb(doc, dm: DateMention, region: tuple[int, int]):
    """The verb a date attaches to, or None when it modifies no happening (bylines, captions)."""
    span = doc.char_span(dm.start_char, dm.end_char, alignment_mode="expand")
    if span is None or not len(span):
        return None
    inside = range(span.start, span.end)
    tok = span.root
    for _ in range(10):
        if not region[0] <= tok.idx < region[1]:
            return _region_verb(doc, region, span.root)  # the parse ran across a sentence end
        if tok.i not in inside and _is_verb(tok) and tok.dep_ not in ("amod", "prep"):
            return None if _is_instruction(tok, region) else tok
        if tok.head.i == tok.i:
            return None
        if tok.i in inside or tok.dep_ in _CLIMB or tok.dep_ == "amod":  # "regarding", "including" are prepositions
            tok = tok.head
        elif tok.pos_ in ("NOUN", "PROPN", "PRON") and tok.dep_ in _NOUN_TO_VERB:
            tok = tok.head
        else:
            return None
    return None


def _region_verb(doc, region: tuple[int, int], date_tok):
    """Main verb of a region whose parse is attached elsewhere: a verb whose head lies outside it."""
    roots = [t for t in _region_tokens(doc, region)
             if _is_verb(t) and (t.head.i == t.i or not region[0] <= t.head.idx < region[1])]
    after = [t for t in roots if t.i > date_tok.i]
    verb = after[0] if after else (roots[-1] if roots else None)
    return None if verb is None or _is_instruction(verb, region) else verb


def _is_verb(tok) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.text[:1].isalpha()  # the tagger calls bullets "•" verbs


def _region_tokens(doc, region: tuple[int, int]):
    span = doc.char_span(region[0], region[1], alignment_mode="expand")
    return [t for t in span if region[0] <= t.idx < region[1]] if span is not None else []


def _is_instruction(verb, region: tuple[int, int]) -> bool:
    """'See section 1.3.3 ...', 'Please cite as ...': an imperative addressed to the reader."""
    if verb.dep_ != "ROOT" or verb.tag_ != "VB":
        return False
    return not any(ch.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") and region[0] <= ch.idx < region[1]
                   for ch in verb.children)


def _clause_bounds(doc, verb, by_verb: dict, region: tuple[int, int]) -> tuple[int, int]:
    """Character span of the verb's clause, within its sentence.

    A relative/participial verb ("a report documented by SNHR on March 11") takes its noun along;
    a coordinated clause with its own subject or its own event is left out.
    """
    head = verb.head if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN") else verb
    sent = verb.sent
    lo, hi = max(sent.start_char, region[0]), min(sent.end_char, region[1])
    dropped: set[int] = set()
    for ch in verb.children:
        if ch.dep_ == "conj" and ch.pos_ in ("VERB", "AUX") and (
            ch.i in by_verb or any(g.dep_ in ("nsubj", "nsubjpass") for g in ch.children)
        ):
            dropped.update(t.i for t in ch.subtree)
            dropped.update(t.i for t in verb.children if t.dep_ == "cc" and verb.i < t.i < ch.i)
    kept = [t for t in head.subtree if t.i not in dropped and lo <= t.idx < hi]
    if verb not in kept:
        kept = [t for t in verb.subtree if t.i not in dropped and lo <= t.idx < hi] or [verb]
    if len(kept) < 3 or _region_verb_is(verb, region):
        # the parse may have hung the region's own words elsewhere: take them all
        kept = sorted(set(kept) | {t for t in _region_tokens(doc, region) if lo <= t.idx < hi and not t.is_space})
    while len(kept) > 1 and (kept[0].dep_ in _LEADING_MARKS and kept[0].text not in "(“\"'‘"
                             or kept[0].is_space):
        kept = kept[1:]  # "after his regime collapsed" -> "his regime collapsed"
    while len(kept) > 1 and ((kept[-1].is_punct or kept[-1].dep_ == "cc") and kept[-1].text not in ")”\"'’"
                             or kept[-1].is_space):
        kept = kept[:-1]
    first, last = kept[0], kept[-1]
    return max(first.idx, lo), min(last.idx + len(last.text), hi)


def _region_verb_is(verb, region: tuple[int, int]) -> bool:
    """True when the verb's head lies outside its region (it was chosen by _region_verb)."""
    return verb.head.i != verb.i and not region[0] <= verb.head.idx < region[1]


def _location(doc, body: str, verb, start: int, end: int) -> str | None:
    place = _find_place(doc, body, verb, start, end)
    return _FOOTNOTE_MARKS.sub("", place).strip(" ,.;:") or None if place else None


def _find_place(doc, body: str, verb, start: int, end: int) -> str | None:
    """First named place in the clause, preferring one inside a locative phrase ('in the town of X')."""
    fallback = None
    preds = _predicates(verb)
    for ent in entities(doc):
        if ent.label_ not in _PLACE_LABELS or ent.start_char < start or ent.end_char > end:
            continue
        if _under_locative_prep(ent.root, verb):
            return ent.text
        if ent.root.dep_ in _ACTOR_LIKE_DEPS or _path_role(ent.root, preds) in _AGENT_DEPS:
            continue  # "Russia and the US asked ...", "Russia's base": actors and owners, not places
        fallback = fallback or ent.text
    if fallback:
        return fallback
    m = _PLACE_DESIGNATOR.search(body, start, end)
    return m.group(1) if m else None


def _under_locative_prep(tok, verb) -> bool:
    """'in the town of X', 'near X', 'southeast of X'."""
    for _ in range(8):
        if tok.i == verb.i or tok.head.i == tok.i:
            return False
        if tok.dep_ == "prep" and (tok.lower_ in _LOCATIVE_PREPS or
                                   (tok.lower_ == "of" and tok.head.lemma_.lower() in _PLACE_OF_HEADS)):
            return True
        tok = tok.head
    return False


def _predicates(verb) -> set:
    """The verb and the verbs coordinated with it that share its subject ('condemned ... and called')."""
    preds = {verb}
    for ch in verb.children:
        if ch.dep_ == "conj" and ch.pos_ in ("VERB", "AUX"):
            preds.add(ch)
    return preds


def _path_role(tok, preds: set) -> str | None:
    """Dependency label of the child of a predicate on the path up from tok (None if not under it)."""
    path = _path(tok, preds)
    return path[-1].dep_ if path else None


def _path(tok, preds: set) -> list:
    """Tokens from tok up to (not including) the predicate it hangs under; [] if none."""
    path = []
    for _ in range(30):
        if tok in preds:
            return path
        if tok.head.i == tok.i:
            return []
        path.append(tok)
        tok = tok.head
    return []


def _event_actors(doc, event_id: str, verb, mentions: list[EntityMention], start: int,
                  end: int) -> list[EventActor]:
    preds = _predicates(verb)
    speech = verb.lemma_.lower() in _SPEECH_LEMMAS
    out: list[EventActor] = []
    seen: set[str] = set()
    for m in mentions:
        if m.start_char < start or m.end_char > end or m.mention_id in seen:
            continue
        seen.add(m.mention_id)
        span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
        path = _path(span.root, preds) if span is not None and len(span) else []
        out.append(EventActor(event_id, m.mention_id, _role(path, speech)))
    return out


def _role(path: list, speech: bool) -> str:
    """Subject -> agent (speaker for verbs of saying); object -> target; anything else participant.

    Only a mention that *is* the subject/object (or sits inside its name: "Assad regime's remnants")
    takes that role; one buried in a modifier ("violence in Syria") is a participant.
    """
    if not path:
        return "participant"
    dep = path[-1].dep_
    inner = path[:-1]
    if dep == "agent" and all(t.dep_ in _NP_INTERNAL or t.dep_ == "pobj" for t in inner):
        return "agent"  # passive "by X"
    core = next((t for t in path if t.dep_ not in _NP_INTERNAL), path[-1])
    if core.dep_ in ("pobj", "dobj") and core.head.lower_ in _TARGET_WORDS and not speech:
        return "target"  # "an attack targeting X", "strikes against X"
    if not all(t.dep_ in _NP_INTERNAL or (t.dep_ == "pobj" and t.head.lower_ == "of") or
               (t.dep_ == "prep" and t.lower_ == "of") for t in inner):
        return "participant"
    if dep in _AGENT_DEPS:
        return "speaker" if speech else "agent"
    if dep in _TARGET_DEPS and not speech:
        return "target"
    return "participant"
