"""Candidates: the source phrases a sentence's cues name. The subject of a speech verb, "according
to X", "reported by X", "citing X", a document's author, the recipient of "told" or of "an
interview with"."""
from __future__ import annotations

from dataclasses import replace

from orchestration.library.extraction import lexicon as lx
from orchestration.library.extraction.attribution.noun_phrases import _document_author, _np_source
from orchestration.library.extraction.attribution.sources import _Memory, _Source
from orchestration.library.extraction.attribution.subjects import _resolve_subject
from orchestration.library.extraction.attribution.text_index import _depth
from orchestration.library.extraction.attribution.vocabulary import (
    AGENT_VERBS,
    ANAPHOR_REACH,
    CONVERSATION_NOUNS,
    DOCUMENT_NOUNS,
    GENERIC_AUDIENCE,
    GIVING_VERBS,
    PERSON_ROLE_NOUNS,
    SOURCE_NOUNS,
    SPEECH_VERBS,
    is_outlet_name,
)
from orchestration.library.extraction.tokens import entities, tokens

_CUE_POS = frozenset({"VERB", "AUX", "NOUN"})
_CUE_WORDS = frozenset({"according", "citing", "quoting"})


def _collect_sources(sent, sent_no: int, quotes, ents, memory: _Memory, doc) -> list[_Source]:
    toks = tokens(doc)
    out: list[_Source] = []

    for tok in toks[sent.start:sent.end]:
        low = tok.lower_
        if tok.pos_ not in _CUE_POS and low not in _CUE_WORDS and tok.tag_ != "VBG":
            continue  # every cue below is a verb, a noun or one of these words: skip the rest unread
        if quotes.contains(tok.idx):
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and lemma in SPEECH_VERBS:
            out.extend(_from_speech_verb(tok, sent_no, ents, memory, doc))
        if gives_out_information(tok):
            out.extend(_from_giving_verb(tok, sent_no, ents, memory))
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
    subjects = _line_subjects(verb)
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
    if subjects:
        subj = _closest(subjects, verb)
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


def gives_out_information(verb) -> bool:
    """ "released new figures", "updated the number of victims", "raised the death toll to 54": a verb
    of giving whose object is a document noun, by which its subject states what follows."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in GIVING_VERBS or any(c.dep_ == "neg" for c in verb.children):
        return False  # "the army did not release figures" states none
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
    return any(o.lemma_.lower() in DOCUMENT_NOUNS or o.lower_ in DOCUMENT_NOUNS for o in objects)


def _from_giving_verb(verb, sent_no, ents, memory) -> list[_Source]:
    """The body that gives the information out, when its subject could speak ("the attack raised the
    toll" names no one)."""
    if verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children):
        return []  # "new figures were released": the giver, if any, is an agent ("by X")
    subjects = _line_subjects(verb)
    if not subjects:
        return []
    subj = _closest(subjects, verb)
    if subj.pos_ != "PRON" and not _is_source_like(subj):
        return []
    src = _resolve_subject(subj, "speaker", "stated", sent_no, ents, memory)
    if src is None:
        return []
    src.depth = _depth(verb)
    return [src]


def _line_subjects(verb) -> list:
    """The verb's subjects on its own line (a heading merged into the sentence is not one)."""
    return [c for c in verb.children if c.dep_ == "nsubj" and _same_line(c, verb)]


def _closest(subjects: list, verb):
    """A mis-merged heading can add a second subject: the one closest to the verb speaks."""
    return min(subjects, key=lambda c: abs(verb.i - c.i))


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
        for ent in entities(doc):  # entity spans are few per sentence; only reached on parse slips
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
