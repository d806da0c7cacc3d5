"""Role nouns: the role a noun names, the roles written in front of a name, and definite role nouns
("the spokeswoman") resolved to the last person holding that role, or, when none held it before, to
the first one named with it after ("Iraq's health minister said ..." then "the minister, Adela Hmoud")."""
from __future__ import annotations

from orchestration.library.extraction import lexicon as lx
from orchestration.library.extraction.actors.mention_spans import _Resolved
from orchestration.library.extraction.tokens import tokens


def _role_of(doc, i: int) -> tuple[str, int] | None:
    """Role group of the noun at token i and the index where the role phrase starts."""
    toks = tokens(doc)
    t = toks[i]
    if i > 0 and f"{toks[i - 1].lower_} {t.lower_}" in lx.ROLE_NOUNS:
        return lx.ROLE_NOUNS[f"{toks[i - 1].lower_} {t.lower_}"], i - 1
    if t.lower_ in lx.ROLE_NOUNS:
        return lx.ROLE_NOUNS[t.lower_], i
    return None


def _person_titles(doc, r: _Resolved) -> set[str]:
    """Roles written in front of a name: "Foreign Ministry spokesperson Maria Zakharova"."""
    roles = set()
    j = r.start - 1
    while j >= 0 and j >= r.start - 4:
        tok = doc[j]
        role = _role_of(doc, j)
        if role:
            roles.add(role[0])
            j = role[1] - 1
            continue
        if (tok.text == "," and j == r.start - 1) or tok.lower_ in lx.TITLE_WORDS:
            j -= 1
            continue
        break
    return roles


def _role_mentions(doc, resolved: list[_Resolved], sent_of) -> list[_Resolved]:
    """Emit "the spokeswoman" -> last person with that role, else "an army spokesman" -> the next one
    given that role; record appositive/title roles."""
    toks = tokens(doc)
    person_at: dict[int, _Resolved] = {}
    for r in resolved:
        if r.actor_type == "person":
            for k in range(r.start, r.end):
                person_at[k] = r
    taken = {k for r in resolved for k in range(r.start, r.end)}
    roles: dict[str, set[str]] = {}
    persons = sorted((r for r in resolved if r.actor_type == "person"), key=lambda r: r.start)
    for p in persons:
        roles.setdefault(p.canonical, set()).update(_person_titles(doc, p))
    # each role noun (token index -> role group) and the person it titles, if any ("the minister,
    # Adela Hmoud"); a reference back learns those titles in text order, a role named before its
    # holder reads them all (held)
    role_at = {t.i: role[0] for t in toks
               if t.i not in taken and t.tag_ in ("NN", "NNP") and (role := _role_of(doc, t.i))}
    titled = {i: p for i in role_at if (p := _appositive_person(doc, toks[i], person_at)) is not None}
    held = {name: set(groups) for name, groups in roles.items()}
    for i, p in titled.items():
        held.setdefault(p.canonical, set()).add(role_at[i])
    out: list[_Resolved] = []
    for i, group in role_at.items():
        t = toks[i]
        linked = titled.get(i)
        if linked is not None:  # "the head of ..., Ahmed al-Sharaa": a title, not a new mention
            roles.setdefault(linked.canonical, set()).add(group)
            continue
        dets = [c for c in t.children if c.dep_ == "det" and c.lower_ == "the"]
        owners = [c for c in t.children if c.dep_ == "poss" and c.pos_ == "PROPN"]  # "Iraq's health minister"
        indefinite = [c for c in t.children if c.dep_ == "det" and c.lower_ in ("a", "an")]
        of_what = any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)
        antecedent = None
        if dets and not of_what:  # not "a commander", "the Mayor of Latakia": a reference back
            antecedent = _role_antecedent(t.i, group, persons, roles, sent_of, out)
            start = min([dets[0].i] + [c.i for c in t.lefts if c.dep_ in ("amod", "compound")])
        if antecedent is None and (dets or owners or indefinite) and group not in lx.GENERIC_ROLE_GROUPS \
                and _acts(doc, t):
            # a role named before its holder: "an army spokesman said ..." then "army spokesman
            # Colonel Boubacar Hassan said"; news leads name the role and give the name later. Only
            # a role that acts: "appointed X as the commander" names X's post, not a later commander.
            # The mention is the role noun alone: "army" and "Iraq's" stay mentions of their bodies
            antecedent = _role_holder_after(t.i, group, persons, held, sent_of)
            start = t.i
        if antecedent is None:
            continue
        if any(k in taken for k in range(start, t.i + 1)):
            continue
        r = _Resolved(start, t.i + 1, "person", antecedent.canonical, "role", None)
        out.append(r)
        taken.update(range(start, t.i + 1))
    return out


def _appositive_person(doc, t, person_at):
    for c in t.children:
        if c.dep_ == "appos" and c.i in person_at:
            return person_at[c.i]
    if t.dep_ == "appos" and t.head.i in person_at:
        return person_at[t.head.i]
    nxt = t.i + 1
    if nxt in person_at and person_at[nxt].start == nxt:  # "its leader Abu Amsha"
        return person_at[nxt]
    after = t.right_edge.i + 1
    if after < len(doc) and doc[after].text == "," and after + 1 in person_at:
        return person_at[after + 1]
    return None


def _acts(doc, t) -> bool:
    """Whether a role noun is the one who speaks or acts: a subject, or its phrase followed by a
    reporting verb when the parser slipped ("..., the mayor of the town told AFP")."""
    after = t.right_edge.i + 1
    return t.dep_ in ("nsubj", "nsubjpass") or (
        after < len(doc) and doc[after].lemma_.lower() in lx.REPORTING_VERBS and doc[after].pos_ == "VERB")


FORWARD_REACH = 8  # sentences on that a role named before its holder looks for the holder


def _role_holder_after(i, group, persons, roles, sent_of):
    """The first later person holding this role, within FORWARD_REACH sentences."""
    here = sent_of(i)
    for p in persons:
        if p.start <= i:
            continue
        if sent_of(p.start) - here > FORWARD_REACH:
            break
        if group in roles.get(p.canonical, ()):
            return p
    return None


def _role_antecedent(i, group, persons, roles, sent_of, emitted):
    """Nearest earlier person with the same role group; generic roles take any titled person."""
    here = sent_of(i)
    earlier = sorted([p for p in persons if p.start < i] + [r for r in emitted if r.start < i], key=lambda r: r.start)
    for p in reversed(earlier):
        if here - sent_of(p.start) > 10:
            break
        if group in roles.get(p.canonical, ()):
            return p
    if group in lx.GENERIC_ROLE_GROUPS:
        for p in reversed(earlier):
            if here - sent_of(p.start) > 5:
                break
            if roles.get(p.canonical):
                return p
    return None
