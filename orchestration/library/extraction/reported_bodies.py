"""Sources, learned: which named bodies of an article are reported as the origin of information.

The citation finders (:mod:`citations`) know a source by its cue: "according to X", "X said" on
the line the attribution pass reads, a dateline, a credit. On pages nobody tuned them for, a
third of the bodies whose statements or figures are reported slip through: "The Defence
Headquarters (DHQ) has provided updated information", a ministry whose figures a table lists, an
army whose spokesman speaks two sentences on. Each is an actor the article names; what is
missing is the judgement that it speaks. This stage makes that judgement with weights learned
from annotated pages instead of more cue rules:

* **candidates**: every body (organization, government body, military unit, armed group, media,
  state) the article names that no citation already cites and that is not the publisher;
* **features**: what the parse says of each of its mentions (subject of a reporting verb, object
  of "according to", agent of "reported by", owner of "X's figures", the body a spokesman speaks
  for), whether it claims one of the article's figures, where it is named (title, lead), how
  often, the words of its sentences (statements, figures), and its actor type;
* **model**: logistic regression trained by ``scripts/train_sources.py`` (`make train`) on the
  tune part of the development corpus, kept in ``source_model.json``. A candidate whose
  probability reaches one half is cited as a ``statement`` at its most telling mention.

Pure: no I/O but the weights, read once from the package; without the file nothing is added.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from orchestration.library.extraction import lexicon as lx
from orchestration.library.extraction.figures.ranking import (
    STATEMENT_NOUNS,
    mention_roles,
    read_weights,
    reporting_sentences,
    score,
)
from orchestration.library.extraction.ids import stable_id
from orchestration.library.extraction.quotes import quote_regions
from orchestration.library.extraction.records import ArticleInput, Citation, EntityMention, FigureMention
from orchestration.library.extraction.tokens import entities, sentences

MODEL_PATH = Path(__file__).with_name("source_model.json")
BODY_TYPES = ("organization", "government_body", "military_unit", "armed_group", "media", "state")
THRESHOLD = 0.5  # equal cost for a body wrongly cited and a source missed
# the roles a mention can have in its sentence (figures/ranking.py), strongest evidence first: the
# mention a new citation points at is the first one found with the strongest role
ROLE_ORDER = ("speaker", "according", "agent", "owner", "owner_speaks", "cited", "recipient")
_SPOKESPERSON = re.compile(r"^\W{0,3}(?:'s\s+|’s\s+)?(?:\w+\s+){0,2}(?:spokes(?:man|woman|person)|officials?|"
                           r"chief|head|director|commander|minister|secretary|chairman|chairperson|president)\b", re.I)
_STATEMENT_WORDS = re.compile(r"\b(?:statement|report(?:s|ed)?|data|figures?|toll|tally|bulletin|"
                              r"announce[sd]?|confirm(?:s|ed)?|press release|briefing|update[sd]?)\b", re.I)


@dataclass
class Candidate:
    name: str
    mention: EntityMention  # where a citation would point
    features: dict[str, float] = field(default_factory=dict)


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def candidates(doc, article: ArticleInput, mentions: list[EntityMention], figures: list[FigureMention],
               citations: list[Citation]) -> list[Candidate]:
    """The article's bodies that no citation cites, each with its features."""
    body = article.body
    cited_spans = [(c.start_char, c.end_char) for c in citations if c.text_field == "body"]
    cited_names = {(c.source_name or c.source_text or "").lower() for c in citations}
    publisher = (article.publisher or "").lower()
    groups: dict[str, list[EntityMention]] = {}
    for m in mentions:
        if m.actor_type in BODY_TYPES and m.canonical_name:
            groups.setdefault(m.canonical_name, []).append(m)
    if not groups:
        return []
    texts = [body[s.start_char:s.end_char] for s in sentences(doc)]  # Span.text joins its tokens on every call
    reporting = reporting_sentences(doc, body, ("VERB", "AUX"))
    figure_sents = {f.sentence_no for f in figures}
    claimed = {f.claimant_mention_id for f in figures if f.claimant_mention_id} | {
        (f.claimant_text or "").lower() for f in figures if f.claimant_text}
    quotes = quote_regions(body)
    places = [(e.start_char, e.end_char) for e in entities(doc) if e.label_ in lx.PLACE_LABELS]
    persons = sorted(m.start_char for m in mentions if m.actor_type == "person")
    title = (article.title or "").lower()
    out: list[Candidate] = []
    for name, group in groups.items():
        if name.lower() in cited_names or (publisher and (name.lower() == publisher or name.lower() in publisher)):
            continue
        if any(_overlaps(m.start_char, m.end_char, s, e) for m in group for s, e in cited_spans):
            continue
        roles_of = {m.mention_id: mention_roles(doc, body, m, {}) for m in group}
        roles = set().union(*roles_of.values())
        sent_of = [m.sentence_no for m in group]
        spokes = any(_SPOKESPERSON.match(body[m.end_char:m.end_char + 40]) for m in group)
        titled = spokes and any(0 <= _next_after(persons, m.end_char) - m.end_char <= 45 for m in group)
        words = name.split()
        f = {
            "bias": 1.0,
            f"type_{group[0].actor_type}": 1.0,
            "mentions": math.log1p(len(group)),
            "in_title": float(any(m.surface_text.lower() in title for m in group) or name.lower() in title),
            "lead": float(min(sent_of) <= 1),
            "first_at": min(m.start_char for m in group) / max(1, len(body)),
            "claims_figure": float(any(m.mention_id in claimed for m in group) or name.lower() in claimed),
            "figure_sentence": float(any(s in figure_sents for s in sent_of)),
            "reporting_sentence": sum(reporting[s] for s in sent_of) / len(group),
            "statement_words": float(any(_STATEMENT_WORDS.search(texts[s]) for s in sent_of)),
            "all_in_quotes": float(all(any(a <= m.start_char < b for a, b in quotes) for m in group)),
            "place_like": sum(any(_overlaps(m.start_char, m.end_char, a, b) for a, b in places) for m in group) / len(group),
            "spokesperson": float(spokes),
            "titles_person": float(titled),
            "acronym": float(any(m.surface_text.isupper() and len(m.surface_text) >= 2 for m in group)),
            "name_words": min(len(words), 6) / 6,
        }
        for role in roles:
            f[f"role_{role}"] = 1.0
        for signal in set().union(*(governance(doc, m) for m in group)):
            f[signal] = 1.0
        best = next((m for role in ROLE_ORDER for m in group if role in roles_of[m.mention_id]), group[0])
        out.append(Candidate(name, best, f))
    return out


# what a body's mention says of it through the words that govern it: "figures from the ministry",
# "a spokesman for the army", "the DHQ has provided updated information"
_SPEAKING_NOUNS = lx.SPOKESPERSON_NOUNS | {"source", "officer", "chief", "head", "director", "commander", "minister",
                                          "secretary", "agency"}
_VIOLENT = frozenset({"kill", "attack", "bomb", "shell", "strike", "shoot", "storm", "raid", "fire", "abduct",
                      "kidnap", "massacre", "target", "launch", "carry", "seize", "capture", "hit", "destroy"})


def governance(doc, m: EntityMention) -> set[str]:
    """Signals from the words between a mention and the verb that governs it."""
    span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
    if span is None or not len(span):
        return set()
    out: set[str] = set()
    tok, subject_side = span.root, span.root.dep_ in ("nsubj", "nsubjpass", "agent")
    for _ in range(8):
        if tok.dep_ in ("nsubj", "nsubjpass", "agent"):
            subject_side = True
        if tok.head is tok:
            break
        tok = tok.head
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX"):
            if lemma in lx.REPORTING_VERBS or lemma in lx.SAYING_VERBS or lemma in ("provide", "release", "issue"):
                out.add("governed_by_reporting_as_subject" if subject_side else "governed_by_reporting")
            elif lemma in _VIOLENT:
                out.add("governed_by_violence_as_subject" if subject_side else "governed_by_violence")
            else:
                out.add("governed_by_other_verb")
            break
        if lemma in STATEMENT_NOUNS:
            out.add("of_statement_noun")
        elif lemma in _SPEAKING_NOUNS:
            out.add("of_speaking_noun")
    return out


def _next_after(sorted_starts: list[int], pos: int) -> int:
    i = bisect.bisect_left(sorted_starts, pos)
    return sorted_starts[i] if i < len(sorted_starts) else 10 ** 9


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> dict[str, float] | None:
    return read_weights(path)


def probability(c: Candidate, weights: dict[str, float]) -> float:
    z = score(c, weights)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def reported_bodies(doc, article: ArticleInput, mentions: list[EntityMention], figures: list[FigureMention],
                    citations: list[Citation], sentence_of, weights: dict[str, float] | None = None,
                    collect: list | None = None) -> list[Citation]:
    """Statement citations of the bodies the model judges reported. ``collect`` (training) receives
    the candidates instead, and nothing is returned."""
    weights = load_model() if weights is None else weights
    if weights is None and collect is None:
        return []
    found = candidates(doc, article, mentions, figures, citations)
    if collect is not None:
        collect.extend(found)
        return []
    out = []
    sents = sentences(doc)
    for c in found:
        if probability(c, weights) < THRESHOLD:
            continue
        m = c.mention
        sent = sents[m.sentence_no] if 0 <= m.sentence_no < len(sents) else None
        out.append(Citation(
            citation_id=stable_id(article.article_id, "citation", "body", m.start_char, None),
            article_id=article.article_id, kind="statement", source_text=m.surface_text,
            start_char=m.start_char, end_char=m.end_char, text_field="body", footnote_no=None,
            cited_title=None, cited_date=None, cited_text=sent.text.strip() if sent is not None else None,
            sentence_no=sentence_of(m.start_char), source_name=c.name))
    return out
