"""Stage 4, unit and count type: the counted noun, and what a figure counts (killed, displaced, aid,
distance, ...) from its unit and the words governing it."""
from __future__ import annotations

from orchestration.library.extraction import numbers
from orchestration.library.extraction.attribution import SPEECH_VERBS
from orchestration.library.extraction.figures.lists import introducing_lines
from orchestration.library.extraction.figures.number_expressions import _Group
from orchestration.library.extraction.figures.vocabulary import (
    AID_UNITS,
    DISTANCE_UNITS,
    EVENT_LEXICON,
    FLIGHT_UNITS,
    HURT_PHRASES,
    LEVEL_NOUNS,
    LISTING_VERBS,
    PERSON_EVENT_TYPES,
    PERSON_UNITS,
    RESCUING_PLACES,
    THING_UNITS,
    TIME_UNITS,
    VERB_ONLY,
)
from orchestration.library.extraction.tokens import tokens


def _unit_token(doc, g: _Group):
    """The counted noun: "803 people" -> people; "thousands of people" -> people."""
    anchor = doc[g.anchor]
    if g.vague:
        for child in anchor.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                        return obj
        if anchor.lower_ in numbers.VAGUE_PLURALS or anchor.lower_ in ("thousands", "millions"):
            return None  # "thousands fled": no noun
    head = anchor.head
    if anchor.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod") and head.i >= g.end and \
            head.pos_ in ("NOUN", "PROPN"):
        return head
    if anchor.dep_ == "quantmod" and head.pos_ == "NUM" and head.head.pos_ == "NOUN" and \
            head.head.i > head.i:
        return head.head  # "48 of 62 drones"
    for child in anchor.children:  # "39 of them", "five of the victims"
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN":
                    return obj
    if anchor.dep_ == "nsubj" and anchor.head.lemma_ == "be":  # "of whom 30 were women"
        for child in anchor.head.children:
            if child.dep_ == "attr" and child.pos_ == "NOUN":
                return child
    # fallback for parse slips: the next noun right after the number, skipping adjectives
    group = range(g.start, g.end)
    for k in range(g.end, min(g.end + 3, len(doc))):
        t = doc[k]
        if t.pos_ in ("NOUN",) or (t.pos_ == "PROPN" and t.ent_type_ == "NORP"):
            linked = t.head.i in group or any(doc[j].head.i == t.i for j in group)
            return t if linked else None
        if t.pos_ not in ("ADJ", "PROPN") or t.is_sent_start:
            break
    return None


def _unit_text(unit) -> str | None:
    if unit is None:
        return None
    return unit.text if unit.pos_ == "PROPN" else unit.lower_


def _is_person_unit(unit) -> bool:
    if unit is None:
        return False
    lemma = unit.lemma_.lower()
    if lemma in PERSON_UNITS or unit.lower_ in PERSON_UNITS:
        return True
    # demonyms and communities: "Syrians", "Alawites", "Rohingya"
    return unit.ent_type_ == "NORP" or (unit.pos_ == "PROPN" and unit.text.endswith("s"))


def _lex(tok, person_unit: bool) -> str | None:
    """count_type suggested by one word, or None."""
    lemma = tok.lemma_.lower()
    if lemma in VERB_ONLY:
        if tok.pos_ != "VERB" or not person_unit:
            return None
        found = VERB_ONLY[lemma]
        if found == "returned" and _rescued_by_a_place(tok):
            return "sheltered"  # "the air base has rescued 8,000 Syrians": taken in there
        return _joint(tok, found)
    return _joint(tok, EVENT_LEXICON.get(lemma) or EVENT_LEXICON.get(tok.lower_))


def _rescued_by_a_place(verb) -> bool:
    """The rescuer is a place that takes people in: the verb's subject, or, where the parser took a
    place name in apposition for it ("The air base at Hmeimin, near Latakia, Syria has rescued"),
    the nouns just before the verb in its clause."""
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in RESCUING_PLACES for c in verb.children):
        return True
    before = verb.doc[max(verb.sent.start, verb.i - 12):verb.i]
    return not any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PRON") for c in verb.children) and \
        any(t.pos_ == "NOUN" and t.lemma_.lower() in RESCUING_PLACES for t in before)


_JOINT = {"killed": "wounded", "wounded": "killed"}


def _joint(tok, found: str | None) -> str | None:
    """ "100 people killed or wounded", "the dead and injured": one total of both, which is neither
    count alone; a second figure of its own ("50 killed and 150 wounded") keeps the types apart."""
    other = _JOINT.get(found or "")
    if other is None:
        return found
    linked = [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
    for t in linked:
        if EVENT_LEXICON.get(t.lemma_.lower(), EVENT_LEXICON.get(t.lower_)) == other and \
                not any(_counts_of_its_own(c) for c in t.children) and \
                not any(_a_quantity(x) for x in t.doc[min(t.i, tok.i) + 1:max(t.i, tok.i)]):
            return "other"
    return found


def _a_quantity(tok) -> bool:
    """A number or a vague count: "50", "dozens", "several"."""
    return tok.like_num or tok.lower_ in numbers.VAGUE_PLURALS or tok.lower_ in numbers.VAGUE_DETERMINERS


def _counts_of_its_own(child) -> bool:
    """The second verb has its own count or subject: "22 people were killed and dozens wounded",
    "15 killed and several seriously wounded" are two figures, not one total of both."""
    return child.dep_ in ("nummod", "nsubj", "nsubjpass") or _a_quantity(child)


def _classify(doc, g: _Group, unit) -> tuple[str, object]:
    """(count_type, clause head token) for a figure; things counted are never killed, wounded, ..."""
    found, clause_head = _classify_words(doc, g, unit)
    if found in PERSON_EVENT_TYPES and unit is not None and \
            (unit.lemma_.lower() in THING_UNITS or unit.lower_.removesuffix("s") in THING_UNITS):
        return "other", clause_head  # the plural as written too: spaCy lemmatizes "graves" to "graf"
    return found, clause_head


def _classify_words(doc, g: _Group, unit) -> tuple[str, object]:
    """(count_type, clause head token) from the unit and the words that govern the figure."""
    if unit is not None:
        lemma = unit.lemma_.lower()
        if lemma in DISTANCE_UNITS or unit.lower_ in DISTANCE_UNITS:
            return "distance", unit
        if lemma in TIME_UNITS:
            return "duration", unit
        if lemma in FLIGHT_UNITS:
            return "flights", unit
        if lemma in AID_UNITS or unit.lower_ in AID_UNITS:
            return "aid", unit
    if unit is not None and unit.lemma_.lower() == "life" and _lives_lost(unit):
        return "killed", unit.head
    person = _is_person_unit(unit) or unit is None
    if _partitive_whole(doc, g, unit, person):
        return "other", None
    start = unit if unit is not None else doc[g.anchor]
    found = _predicate_after(doc, start, person)
    if found:
        return found
    # "62 injured people", "3,000 displaced families": the unit's own adjective, unless a verb that
    # takes people in governs it ("the base received 9,000 displaced Syrians": sheltered there)
    if unit is not None and not (unit.head.pos_ == "VERB" and unit.head.lemma_.lower() in VERB_ONLY):
        for child in unit.children:
            if child.dep_ in ("amod", "compound") and child.i < unit.i and (found := _lex(child, person)):
                return found, child
    x = start
    fallbacks = []
    clause_head = None
    for _ in range(10):
        h = x.head
        if h.i == x.i:
            break
        if h.pos_ in ("VERB", "AUX") and h.lemma_.lower() in SPEECH_VERBS and h.lemma_.lower() not in EVENT_LEXICON:
            clause_head = clause_head or h
            break
        if x.dep_ == "nsubj" and h.tag_ == "VBG" and h.i > x.i and \
                not any(c.dep_ in ("aux", "auxpass") for c in h.children):
            fallbacks.append(h)  # "people fleeing the violence": a description, not the event
            x = h
            continue
        if x.dep_ in ("acl", "relcl") and h.lemma_.lower() in LEVEL_NOUNS:
            # "the number of civilians killed ... raised to 292": the parser hung the verb on the noun
            found = _level_noun_type(h, person)
            if found:
                return found, h
        sibling = x.dep_ == "conj" and h.pos_ in ("NOUN", "PROPN")  # "one prisoner and five attackers": a list
        found = _lex(h, person) if not (x.dep_ == "nsubj" and h.lemma_.lower() in VERB_ONLY) and not sibling else None
        if found:
            return found, h
        if h.pos_ in ("VERB", "AUX"):
            clause_head = clause_head or h
            if h.lemma_.lower() == "leave" and x.dep_ == "dobj":
                # "the shootout left three of the attackers and a cop dead", "left 30 people injured":
                # the state they were left in, wherever the parser hung it in the object
                for t in x.subtree:
                    if t.i > x.i and t.tag_ in ("JJ", "VBN") and (found := _lex(t, person)) in PERSON_EVENT_TYPES:
                        return found, h
            for child in h.children:
                if child.i == x.i:
                    continue
                if child.dep_ in ("dobj", "attr", "xcomp", "acomp", "oprd", "prt"):
                    found = _lex(child, person)
                    if not found and child.dep_ == "dobj" and child.lemma_.lower() in AID_UNITS:
                        found = "aid"  # "500 families received food"
                    if found:
                        return found, h
                if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in LEVEL_NOUNS:
                    found = _level_noun_type(child, person)
                    if found:
                        return found, h
                if child.dep_ in ("nsubj", "nsubjpass") and h.lemma_.lower() in LISTING_VERBS and child.i < x.i:
                    # "those killed include one civilian", "the dead were mostly soldiers"
                    for t in (child, *[c for c in child.children if c.dep_ in ("amod", "acl", "compound")]):
                        found = _lex(t, person)
                        if found:
                            return found, h
                if child.dep_ == "conj" and child.tag_ == "VBN" and x.dep_ in ("nsubj", "nsubjpass") and \
                        not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in child.children):
                    # "30 reporters were part of the convoy and killed": the subject shared by a passive
                    found = _lex(child, person)
                    if found in PERSON_EVENT_TYPES:
                        return found, child
                if child.dep_ == "prep" and child.lower_ == "among" and x.dep_ in ("nsubj", "nsubjpass"):
                    for obj in child.children:  # "35 children were among the dead"
                        found = _lex(obj, person) if obj.dep_ == "pobj" else None
                        if found:
                            return found, h
            if h.dep_ in ("ROOT", "ccomp", "advcl", "relcl", "parataxis"):
                break
        x = h
    if unit is not None:
        found = _lex(unit, person)
        if found:
            return found, clause_head
        for child in unit.children:
            if child.dep_ in ("amod", "compound", "acl", "relcl", "nmod"):
                found = _lex(child, person)
                if found:
                    return found, clause_head
    for f in fallbacks:
        found = _lex(f, person)
        if found:
            return found, clause_head
    for child in doc[g.anchor].children:  # "12 of those detained"
        if child.dep_ in ("prep", "quantmod") and child.lower_ == "of":
            for t in child.subtree:
                found = _lex(t, person) if t.i > child.i and t.i - child.i < 5 else None
                if found:
                    return found, clause_head
    if person or (unit is not None and unit.lower_ in ("others", "other")):  # "10 others lost their lives"
        found = _clause_words(doc, g)
        if found:
            return found, clause_head
    return "other", clause_head


def _partitive_whole(doc, g: _Group, unit, person: bool) -> bool:
    """ "three of the 30 attackers ... dead", "killed out of about 30", "88,780 of the estimated
    120,000 ethnic Armenians have fled": the whole a part is taken from counts who there are, not
    what happened to them, unless its own words say so ("12 of the 50 people killed")."""
    phrase = unit if unit is not None else doc[g.anchor]
    if phrase.dep_ != "pobj" or phrase.head.lower_ != "of":
        return False
    toks = tokens(doc)
    of = phrase.head
    part = of.head
    out_of = of.i > 0 and toks[of.i - 1].lower_ == "out"
    if not (out_of or ((part.like_num or part.pos_ == "NUM") and part.i < g.start)):
        return False
    definite = any((c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss" for c in phrase.children) \
        or (g.start > 0 and toks[g.start - 1].lower_ == "the")  # "the 30", "the territory's estimated 120,000"
    if not (out_of or definite):
        return False  # "one of seven people killed": the part is one of those killed, and so are they
    return not any(_lex(t, person) for t in phrase.subtree if t.i >= g.end)


# words that take lives: "claimed 20 lives", "the loss of 81 lives", "took the lives of 35 residents"
_LIFE_TAKERS = frozenset({"claim", "take", "cost", "lose", "loss", "toll"})
CLAUSE_AFTER = 10  # words after a figure that may still say what happened to those it counts
CLAUSE_BEFORE = 6
_CLAUSE_STOPS = frozenset({".", ";", ":", "!", "?", "—", "–", "(", ")", "“", "”", '"', "«", "»"})


def _clause_words(doc, g: _Group) -> str | None:
    """When the parse links the figure to no event word, the nearest one in its own clause:
    "40 people had lost their lives", "59 wounded went to the hospital", "the number killed".
    It reads forward to the next figure or clause break, then a few words back."""
    sent = doc[g.start].sent
    for i in range(g.end, min(sent.end, g.end + CLAUSE_AFTER)):
        t = doc[i]
        if t.text in _CLAUSE_STOPS or (t.like_num and i > g.end):
            break
        life = _LIFE_PHRASES.get((t.lemma_.lower(), _next_lemma(doc, i)))
        if life:
            return life  # "10 others lost their lives"
        if (t.lower_, (_next_lemma(doc, i) or "")) in HURT_PHRASES:
            return "wounded"  # "Five people remain in critical condition", "90 people sought medical assistance"
        if t.lemma_.lower() == "cross" and any(x.lemma_.lower() in ("border", "frontier") for x in doc[i + 1:i + 4]):
            return "displaced"  # "12,000 others crossed the border into Uganda"
        if t.lemma_.lower() in VERB_ONLY:
            continue  # "families lost ...", "the base received ...": the figure is the subject here
        found = _lex(t, True)
        if found:
            return found
    for i in range(g.start - 1, max(sent.start - 1, g.start - 1 - CLAUSE_BEFORE), -1):
        t = doc[i]
        if t.text in _CLAUSE_STOPS or t.like_num:
            break
        found = _lex(t, True)
        if found:
            return found
        if t.lemma_.lower() == "life" and i >= 2 and doc[i - 2].lemma_.lower() in _LIFE_TAKERS:
            return "killed"  # "took the lives of 35 residents"
    return None


def _lives_lost(unit) -> bool:
    """"claimed 20 lives", "the loss of 81 civilian lives", "cost 12 lives": lives counted are deaths."""
    head = unit.head
    if head.lemma_.lower() == "of" and head.head.lemma_.lower() in _LIFE_TAKERS:
        return True
    return unit.dep_ in ("dobj", "pobj", "nsubjpass") and head.lemma_.lower() in _LIFE_TAKERS


# verb + object idioms of dying and surviving ("lost their lives", "took the lives of")
_LIFE_PHRASES = {("lose", "their"): "killed", ("lose", "his"): "killed", ("lose", "her"): "killed",
                 ("lose", "life"): "killed"}


def _next_lemma(doc, i: int) -> str | None:
    return doc[i + 1].lemma_.lower() if i + 1 < len(doc) else None


_AUX_WORDS = {"were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "reportedly",
              "also", "all", "later", "subsequently", "allegedly", "now", "still", "so", "far"}


def _predicate_after(doc, unit, person: bool):
    """"150 people were wounded": read the passive/adjectival predicate right after the unit.

    A linear check that survives parse slips (the parser sometimes attaches such a subject to
    an earlier preposition). Returns (count_type, verb) or None.
    """
    k = unit.i + 1
    steps = 0
    while k < len(doc) and doc[k].lower_ in _AUX_WORDS and steps < 4:
        k += 1
        steps += 1
    if k >= len(doc) or doc[k].tag_ not in ("VBN", "JJ", "VBD"):
        return None
    if steps == 0 and doc[k].tag_ == "VBD" and k + 1 < len(doc) and doc[k + 1].pos_ in ("DET", "NUM", "NOUN", "PROPN"):
        return None  # "12 killed 5 soldiers": a verb with an object, not "19 injured as a result"
    found = _lex(doc[k], person)
    if steps == 0 and found not in PERSON_EVENT_TYPES:
        return None  # "50 people were killed and 150 wounded": the elided "were" takes its own participle
    return (found, doc[k]) if found else None


def _level_noun_type(noun, person: bool) -> str | None:
    """"death toll" -> killed; "the number of displaced" -> displaced."""
    found = _lex(noun, person)
    if found:
        return found
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "acl"):  # "the number of people displaced" (parsed on "number")
            found = _lex(child, person)
            if found:
                return found
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                # "the number of displaced", and "the number of people killed in ...": the noun's own words
                for t in (obj, *[c for c in obj.children if c.dep_ in ("acl", "amod", "relcl", "compound")]):
                    found = _lex(t, person)
                    if found:
                        return found
    return None


def _bare_level_noun(tok) -> bool:
    """ "the number", "the figure": a level noun that says nothing of what it counts ("the number of
    arson incidents" and "the death toll" say it)."""
    return tok.lemma_.lower() in LEVEL_NOUNS and _level_noun_type(tok, True) is None and \
        not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def refers_to_a_count(doc, g: _Group, unit) -> bool:
    """A figure with no unit of its own giving the value of a count named only by a level noun
    ("bringing the number to 41", "putting the figure at 50", "the tally was 281"): what is counted
    is what the article counted just before."""
    if unit is not None:
        return False
    x = doc[g.anchor]
    for _ in range(4):
        h = x.head
        if h.i == x.i:
            return False
        if _bare_level_noun(h):
            return True
        if h.pos_ in ("VERB", "AUX"):
            return any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and _bare_level_noun(c) for c in h.children) or \
                (h.dep_ == "relcl" and _bare_level_noun(h.head))
        x = h
    return False


def types_of_introduced_lists(doc, body: str, figures) -> None:
    """ "The dead included:" then "1. 14 children", "2. 9 women": items of people the list gives no
    type of their own count what the line introducing it names (the event word nearest its colon)."""
    for line_start, line_end, start, end in introducing_lines(body):
        span = doc.char_span(line_start, line_end, alignment_mode="expand")
        words = reversed(list(span)) if span is not None else ()
        found = next((t for t in (_lex(tok, True) for tok in words) if t in PERSON_EVENT_TYPES), None)
        if found is None:
            continue
        for fig in figures:
            if start <= fig.start_char < end and fig.count_type == "other" and counts_people(fig.unit):
                fig.count_type = found


def counts_people(unit: str | None) -> bool:
    """A unit as written names people ("civilians", "others"), or there is none to say otherwise."""
    if not unit:
        return True
    word = unit.lower()
    return word in PERSON_UNITS or word.rstrip("s") in PERSON_UNITS or word in ("others", "other")
