"""Organisations referred to again ("the Observatory", "the monitor", "a spokesman"): resolved to
the body named before them, or, for a lead, just after."""
from __future__ import annotations

from orchestration.library.extraction import lexicon as lx
from orchestration.library.extraction.actors.classification import _speaks
from orchestration.library.extraction.actors.institutions import forces_of, home_state
from orchestration.library.extraction.actors.mention_spans import _Resolved
from orchestration.library.extraction.actors.name_tokens import _DETS
from orchestration.library.extraction.tokens import tokens

_BARE_FORCES = frozenset({"army", "military"})
_ORG_TYPES = frozenset({"organization", "government_body", "military_unit", "armed_group"})
ORG_REFERENCE_REACH = 25  # sentences "the Observatory" can reach back
SPOKESPERSON_REACH = 2  # sentences "a spokesman" can reach back for the body he speaks for


def _org_antecedent(noun: str, allowed, before: int, orgs: list[_Resolved], sent_of, here: int, reach: int):
    """Nearest earlier organisation: one whose name holds the noun first, else one of the allowed types."""
    earlier = [r for r in orgs if r.start < before and here - sent_of(r.start) <= reach]
    for r in reversed(earlier):
        if noun in r.canonical.lower().split():
            return r
    # "According to the same organization", "the agency added": the body that spoke last, before
    # one only named in passing ("fighting between the FARDC and the M23")
    for r in reversed(earlier):
        if r.actor_type in allowed and r.resolution != "reference" and r.speaks:
            return r
    for r in reversed(earlier):
        if r.actor_type in allowed and r.resolution != "reference":
            return r
    return None


def _speaks_for(t, r: _Resolved) -> bool:
    """Whether the spokesperson or official ``t`` can speak for the body ``r``: a news outlet has no
    officials that report, an armed group speaks through a spokesman, not "officials", and a word such
    as "police" or "hospital" before the noun names the kind of body."""
    if r.actor_type == "media" or (r.actor_type == "armed_group" and not t.lower_.startswith("spokes")):
        return False
    name = set(r.canonical.lower().split())
    for c in t.lefts:
        kind = lx.SPEAKER_BODY_KINDS.get(c.lower_) if c.dep_ in ("amod", "compound") and c.text.islower() else None
        if kind is not None and not (name & kind[0] or r.actor_type in kind[1]):
            return False
    return True


CATAPHOR_REACH = 4  # sentences ahead where "a monitoring group" is named


def _place_based(tok) -> bool:
    """ "the Britain-based monitor": a place before "-based" describes, it does not name."""
    doc = tok.doc
    return tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].lower_ in ("based", "headquartered")


def _org_cataphor(allowed, after: int, orgs: list[_Resolved], sent_of, here: int):
    for r in orgs:
        if r.start > after and sent_of(r.start) - here <= CATAPHOR_REACH and r.actor_type in allowed:
            return r
    return None


_SOME = frozenset({"other", "some", "many", "several", "few", "various", "numerous"})
_LED = frozenset({"led", "backed", "allied", "sponsored", "aligned", "supported", "funded", "run"})
_TYPE_PREFERENCE = ("military_unit", "armed_group", "organization", "government_body")


def _led_name(t, lefts) -> _Resolved | None:
    """"the Saudi-led coalition", "the US-backed forces": a body named by who leads or backs it."""
    allowed = lx.ORG_REFERENCE_NOUNS.get(t.lower_) or lx.ORG_REFERENCE_NOUNS.get(t.lemma_.lower())
    if not allowed or not any(c.dep_ == "det" and c.lower_ == "the" for c in lefts):
        return None  # "a US-backed militia" describes; "the Saudi-led coalition" names one body
    for c in lefts:
        if c.dep_ in ("amod", "compound") and c.lower_ in _LED and any(
                x.pos_ == "PROPN" and x.i < c.i for x in c.subtree):
            start = min(x.i for x in c.subtree)
            text = t.doc[start:t.i + 1].text
            kind = next(k for k in _TYPE_PREFERENCE if k in allowed)
            return _Resolved(start, t.i + 1, kind, text[:1].upper() + text[1:], "name", None)
    return None


def _org_references(doc, resolved: list[_Resolved], sent_of) -> list[_Resolved]:
    toks = tokens(doc)
    taken = {k for r in resolved for k in range(r.start, r.end)}
    orgs = sorted((r for r in resolved if r.actor_type in _ORG_TYPES), key=lambda r: r.start)
    for r in orgs:
        r.speaks = _speaks(doc[r.end - 1])
    out: list[_Resolved] = []
    home = None  # the article's one state, read when first needed
    for t in toks:
        if t.i in taken or t.pos_ not in ("NOUN", "PROPN"):
            continue
        low = t.lower_
        lefts = [c for c in t.lefts if c.dep_ in ("det", "amod", "compound", "poss")]
        led = _led_name(t, lefts)
        if led is not None:  # "the Saudi-led coalition": named by who leads it
            if not any(k in taken for k in range(led.start, led.end)):
                out.append(led)
                taken.update(range(led.start, led.end))
            continue
        if any((x.pos_ == "PROPN" or (x.text[:1].isupper() and x.dep_ != "det")) and not _place_based(x)
               for c in lefts if c.i != t.i for x in (c.subtree if c.dep_ != "det" else (c,))):
            continue  # "the UN agency", "Hamas's military wing", "the Saudi-led coalition": a name is written
        here = sent_of(t.i)
        if low in lx.ORG_REFERENCE_NOUNS or t.lemma_.lower() in lx.ORG_REFERENCE_NOUNS:
            noun = low if low in lx.ORG_REFERENCE_NOUNS else t.lemma_.lower()
            dets = [c for c in lefts if c.dep_ == "det" and c.lower_ in ("the", "this", "a", "an")]
            if not dets or any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
                continue  # "a group of ...", "the group of seven"
            if t.tag_ in ("NNS", "NNPS") and low not in lx.PLURAL_REFERENCE_NOUNS:
                continue  # "approximately 300 bodies", "the groups": several, not one body
            allowed = lx.ORG_REFERENCE_NOUNS[noun]
            kinds = [lx.REFERENCE_MODIFIER_TYPES[c.lower_] for c in lefts
                     if c.dep_ in ("amod", "compound") and c.lower_ in lx.REFERENCE_MODIFIER_TYPES]
            if kinds:  # "the militant group": an armed group; "the news agency": an outlet, no organisation
                allowed = frozenset().union(*kinds)
            if dets[0].lower_ in ("a", "an"):
                # "..., a monitoring group said.": a lead describes the body it names just after
                if not (any(c.dep_ in ("amod", "compound") for c in lefts) and _speaks(t)):
                    continue
                ante = _org_cataphor(allowed, t.i, orgs, sent_of, here) or _org_antecedent(
                    noun, allowed, t.i, orgs, sent_of, here, SPOKESPERSON_REACH)
            else:  # named before, else (a lead that names it later) just after
                ante = _org_antecedent(noun, allowed, t.i, orgs, sent_of, here, ORG_REFERENCE_REACH) or \
                    _org_cataphor(allowed, t.i, orgs, sent_of, here)
        elif low in lx.SPOKESPERSON_NOUNS and t.tag_ in ("NN", "NNS"):
            if any(c.dep_ in ("appos",) for c in t.children) or any(k in taken for k in range(t.i + 1, t.i + 3)):
                continue  # "a spokesman, Ahmed X," or "spokesman Ahmed X": a named person
            if any(c.lower_ in _SOME or c.like_num for c in t.lefts):
                continue  # "other public officials", "two officials": some officials, no one body's voice
            if any(r.actor_type == "person" and 0 <= t.i - r.end <= 3 for r in resolved):
                continue  # "Farhan Haq, deputy spokesman for ...": the title of the person just named
            # the body it speaks for, of the kind its words name: in its own sentence first (either
            # side), else just before
            fitting = [r for r in orgs if _speaks_for(t, r)]
            same = [r for r in fitting if sent_of(r.start) == here]
            ante = min(same, key=lambda r: abs(r.start - t.i)) if same else _org_antecedent(
                low, _ORG_TYPES, t.i, fitting, sent_of, here, SPOKESPERSON_REACH)
        else:
            continue
        if ante is None and _BARE_FORCES.intersection((low, *(c.lower_ for c in lefts if c.dep_ == "compound"))) \
                and (low in _BARE_FORCES or low.startswith("spokes")):
            # "the army said", "an army spokesman said" with no forces named: the army of the one
            # state the article is about, if there is one
            if home is None:
                home = [home_state(doc.text)]
            if home[0] is not None:
                ante = _Resolved(-1, -1, "military_unit", forces_of(home[0]), "reference", None, home[0])
        if ante is None and low in lx.ORG_REFERENCE_NOUNS and t.text[:1].isupper() and t.i > 0 \
                and toks[t.i - 1].lower_ == "the":
            # "the Observatory" with nothing named before or after: a body the article knows by that
            # word alone; an organisation all the same, never a person
            ante = _Resolved(t.i, t.i + 1, "organization", t.text, "name", None)
        if ante is None:
            continue
        start = min([t.i] + [c.i for c in lefts if c.dep_ != "poss"])
        while start < t.i and toks[start].lower_ in _DETS:
            start += 1
        if any(k in taken for k in range(start, t.i + 1)):
            continue
        resolution = "name" if ante.start == t.i else "reference"
        r = _Resolved(start, t.i + 1, ante.actor_type, ante.canonical, resolution, None, ante.affiliation)
        out.append(r)
        taken.update(range(start, t.i + 1))
    return out
