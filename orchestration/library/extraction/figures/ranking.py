"""Stage 8, who says so, learned: each figure's claimant chosen among the actors named around it.

The rules of stages 6-7 read one attribution per sentence line and carry it a few lines on. On
pages nobody tuned them for they pick the nearest name too often ("Almou Hassane told AFP" ->
AFP), miss statistics listed after a statement, and take places for sources. This stage lets
weights learned from annotated pages decide instead of more rules:

* **candidates**: every actor named in the figure's sentence or the ``WINDOW`` sentences before
  it (its mention nearest the figure), the rules' own choice when it names no actor, and "no
  claimant" (the outlet's own voice); never the outlet the rules found carrying another's claim in
  the figure's sentence ("the ministry said ..., AFP reported", "AP quoted the ministry as saying");
* **features**: what the parse says of the candidate's mention (subject of a reporting verb,
  object of "according to", recipient of "told", agent of "reported by", owner of "X's report"),
  where it sits (same sentence, how many back, same paragraph), its actor type, how often the
  article has it speak, and whether the rules chose it; "no claimant" has features of its own
  (no reporting verb in the sentence, the rules found no one, a lead sentence);
* **model**: a conditional logit, one weight per feature, trained by ``scripts/train_claimants.py``
  (`make train`) on the tune part of the development corpus and kept in ``claimant_model.json``;
  the candidate with the highest score wins;
* **left alone**: an item of a list whose introducing line names its speaker ("The ministry said:"
  then a line per toll; cue ``listed_by``): the layout says whose it is, whatever the distance.

Pure: the weights are read once from the package; without the file the rules' choice stands.
"""
from __future__ import annotations

import bisect
import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from orchestration.library.extraction import lexicon as lx
from orchestration.library.extraction.attribution import gives_out_information
from orchestration.library.extraction.figures.lists import LISTED_CUE
from orchestration.library.extraction.quotes import quote_regions
from orchestration.library.extraction.records import ArticleInput, EntityMention, FigureMention
from orchestration.library.extraction.tokens import entities, sentences, tokens
from orchestration.library.extraction.value_sets import ACTOR_TYPES

MODEL_PATH = Path(__file__).with_name("claimant_model.json")
WINDOW = 4  # sentences before the figure's own whose actors are candidates
SPEAKERS_BEYOND = 2  # the article's most frequent speakers are candidates wherever they spoke
NO_CLAIMANT = None
# nouns of what a source publishes: "the ministry's figures", "X's report"
STATEMENT_NOUNS = frozenset({"report", "figure", "data", "statement", "tally", "toll", "count", "estimate", "statistic",
                             "record", "assessment", "update", "bulletin", "release", "briefing", "number"})
_ACCORDING = re.compile(r"\baccording\s+to\s+(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,3}$", re.I)
_DISTANCES = (("same_sentence", 0), ("back_1", 1), ("back_2", 2), ("back_3_4", 4))


@dataclass
class Candidate:
    name: str | None  # canonical name; None: no claimant
    mention: EntityMention | None
    features: dict[str, float] = field(default_factory=dict)


@dataclass
class _Context:
    """What every figure of one article reads: sentences, quotes and each mention's role in its sentence."""

    sentence_starts: list[int]
    quotes: tuple
    body: str
    publisher: str
    roles: dict[str, set[str]]  # mention_id -> roles (speaker, according, recipient, agent, owner)
    clauses: dict[str, tuple[int, int]]  # mention_id -> token span of the clause it speaks for
    speaks: dict[str, int]  # canonical name -> how many of its mentions speak
    mentions_of: dict[str, int]  # canonical name -> mentions
    speech_sentences: set[int]
    places: list[tuple[int, int]]  # spans the parser reads as places (GPE, LOC, FAC)
    place_names: set[str]  # their texts, lower case
    top: int = 0  # the most any one name speaks
    leaders: set[str] = field(default_factory=set)  # the SPEAKERS_BEYOND names that speak most
    total_speech: int = 0


def _clause_of(tok) -> tuple[int, int]:
    """The token span of the clause a speaking word heads: what its speaker says."""
    return tok.left_edge.i, tok.right_edge.i + 1


def mention_roles(doc, body: str, m: EntityMention, clauses: dict) -> set[str]:
    span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
    if span is None or not len(span):
        return set()
    root, roles = span.root, set()
    head = root.head
    # "the ministry's spokesman said": the owner of a speaking noun speaks too
    subject = head if root.dep_ in ("poss", "compound", "appos") and head.dep_ in ("nsubj", "nsubjpass") else root
    if subject.dep_ in ("nsubj", "nsubjpass") and (subject.head.lemma_.lower() in lx.REPORTING_VERBS
                                                    or gives_out_information(subject.head)):
        roles.add("speaker" if subject is root else "owner_speaks")
        clauses[m.mention_id] = _clause_of(subject.head)
    if root.dep_ in ("dobj", "dative") and head.lemma_.lower() == "tell":
        roles.add("recipient")
    if root.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() in lx.REPORTING_VERBS:
        roles.add("recipient")
    if root.dep_ == "pobj" and head.lower_ == "by" and head.head.lemma_.lower() in lx.REPORTING_VERBS:
        roles.add("agent")
    if root.dep_ == "poss" and head.lemma_.lower() in STATEMENT_NOUNS:
        roles.add("owner")
    if root.dep_ == "dobj" and head.lemma_.lower() in ("cite", "quote"):
        roles.add("cited")
    if _ACCORDING.search(body[max(0, m.start_char - 60):m.start_char]):  # the body is the doc's text (doc.text rebuilds it)
        roles.add("according")
        according = next((t for t in root.ancestors if t.lower_ == "according"), None)
        if according is not None and according.head.i != according.i:
            clauses[m.mention_id] = _clause_of(according.head)  # "according to X" speaks for its clause
    return roles


def reporting_sentences(doc, body: str, pos: tuple[str, ...] = ("VERB",)) -> list[bool]:
    """Per sentence of ``doc``: whether a reporting verb (tagged one of ``pos``) or "according to" is
    in it. Reads the shared token list and slices the body: Span iteration and Span.text rebuild
    their tokens on every call."""
    toks = tokens(doc)
    verbs = {*pos, "VERB"}  # gives_out_information reads verbs only: other tokens are passed over unread
    return [any(t.pos_ in verbs and (t.pos_ in pos and t.lemma_.lower() in lx.REPORTING_VERBS or gives_out_information(t))
                for t in toks[s.start:s.end])
            or "according to" in body[s.start_char:s.end_char].lower() for s in sentences(doc)]


def _context(doc, article: ArticleInput, mentions: list[EntityMention]) -> _Context:
    sents, body = sentences(doc), article.body
    clauses: dict[str, tuple[int, int]] = {}
    roles = {m.mention_id: mention_roles(doc, body, m, clauses) for m in mentions}
    speaks: dict[str, int] = {}
    counts: dict[str, int] = {}
    for m in mentions:
        counts[m.canonical_name] = counts.get(m.canonical_name, 0) + 1
        if roles[m.mention_id] & {"speaker", "according", "agent", "owner", "owner_speaks", "cited"}:
            speaks[m.canonical_name] = speaks.get(m.canonical_name, 0) + 1
    speech = {i for i, reporting in enumerate(reporting_sentences(doc, body)) if reporting}
    places = [e for e in entities(doc) if e.label_ in lx.PLACE_LABELS]
    starts = [s.start_char for s in sents]
    return _Context(starts, quote_regions(body), body,
                    (article.publisher or "").lower(), roles, clauses, speaks, counts, speech,
                    [(e.start_char, e.end_char) for e in places], {e.text.lower() for e in places},
                    top=max(speaks.values(), default=0),
                    leaders={n for n, _ in sorted(speaks.items(), key=lambda kv: -kv[1])[:SPEAKERS_BEYOND]},
                    total_speech=sum(speaks.values()))


def _sentence_of(ctx: _Context, offset: int) -> int:
    return max(0, bisect.bisect_right(ctx.sentence_starts, offset) - 1)


def _in_quote(ctx: _Context, offset: int) -> bool:
    return any(s <= offset < e for s, e in ctx.quotes)


def _paragraphs_between(body: str, a: int, b: int) -> int:
    return body.count("\n", min(a, b), max(a, b))


def candidates(fig: FigureMention, mentions: list[EntityMention], ctx: _Context,
               previous: FigureMention | None = None, fig_token: int | None = None) -> list[Candidate]:
    """The figure's candidates with their features; the first is "no claimant". ``previous``: the
    figure before it, whose claimant a list of figures keeps."""
    fig_sent = _sentence_of(ctx, fig.start_char)
    fig_quoted = _in_quote(ctx, fig.start_char)
    rule_name = fig.claimant_text
    rule_mention = fig.claimant_mention_id
    top, leaders, total_speech = ctx.top, ctx.leaders, ctx.total_speech
    nearest: dict[str, EntityMention] = {}
    for m in mentions:
        back = fig_sent - m.sentence_no
        if m.canonical_name is None or not (0 <= back <= WINDOW or m.canonical_name in leaders):
            continue
        held = nearest.get(m.canonical_name)
        if held is None or abs(m.start_char - fig.start_char) < abs(held.start_char - fig.start_char):
            nearest[m.canonical_name] = m
    carried = previous.claimant_text if previous is not None and fig_sent - previous.sentence_no <= 2 else None
    # the rules found the figure's outlet carrying another's claim in the figure's own sentence
    outlet_of_another = fig.outlet_text is not None and rule_name is not None and rule_name != fig.outlet_text \
        and fig.attribution_cue != "carried_over"
    dominant = top / total_speech if total_speech else 0.0
    local_speech = fig_sent in ctx.speech_sentences
    none = Candidate(NO_CLAIMANT, None, {
        "none": 1.0,
        "none_rules_found_no_one": float(rule_name is None),
        "none_sentence_reports": float(fig_sent in ctx.speech_sentences),
        "none_lead": float(fig_sent <= 1),
        "none_in_quote": float(fig_quoted),
        "none_speakers_in_article": math.log1p(total_speech),
        # an article that is one body's statement or report: its figures are that body's
        "none_dominant_speaker": dominant,
    })
    out = [none]
    chosen_by_rules = False
    for name, m in sorted(nearest.items(), key=lambda kv: kv[1].start_char):
        if outlet_of_another and fig.outlet_text in (name, m.surface_text):
            continue  # "the ministry said ..., AFP reported", "AP quoted the ministry as saying": AFP only carries it
        back = fig_sent - m.sentence_no
        roles = ctx.roles.get(m.mention_id, set())
        rule = float(rule_mention == m.mention_id or (rule_name is not None and rule_name == name))
        chosen_by_rules = chosen_by_rules or bool(rule)
        f = {
            "rules": rule,
            f"rules_cue_{fig.attribution_cue or 'none'}": rule,
            f"type_{m.actor_type if m.actor_type in ACTOR_TYPES else 'other'}": 1.0,
            "before_figure": float(m.end_char <= fig.start_char),
            "same_line": float("\n" not in ctx.body[min(m.start_char, fig.start_char):max(m.end_char, fig.start_char)]),
            "in_quote": float(_in_quote(ctx, m.start_char)),
            "speaks_in_article": math.log1p(ctx.speaks.get(name, 0)),
            "top_speaker": float(top > 0 and ctx.speaks.get(name, 0) == top),
            "mentioned": math.log1p(ctx.mentions_of.get(name, 0)),
            "publisher": float(bool(ctx.publisher) and name.lower() in ctx.publisher),
            "distance": math.log1p(abs(m.start_char - fig.start_char)) / 8,
            "figure_in_quote": float(fig_quoted),
            "paragraphs_back": min(3, _paragraphs_between(ctx.body, m.start_char, fig.start_char)) / 3,
            "previous_figure_claimant": float(carried is not None and carried == name),
            "place_like": float(any(s <= m.start_char < e or m.start_char <= s < m.end_char for s, e in ctx.places)),
            "lead_figure_top_speaker": float(fig_sent <= 1 and top > 0 and ctx.speaks.get(name, 0) == top),
            "share_of_speech": ctx.speaks.get(name, 0) / total_speech if total_speech else 0.0,
            "share_of_speech_unattributed_line": (ctx.speaks.get(name, 0) / total_speech
                                                   if total_speech and not local_speech else 0.0),
            # the figure is inside what this mention's speech verb (or "according to") governs
            "governs_figure": float(fig_token is not None and m.mention_id in ctx.clauses
                                    and ctx.clauses[m.mention_id][0] <= fig_token < ctx.clauses[m.mention_id][1]),
        }
        for label, limit in _DISTANCES:
            if 0 <= back <= limit:
                f[label] = 1.0
                for role in roles:
                    f[f"{role}_{label}"] = 1.0
                break
        else:
            f["beyond_window"] = 1.0
        for role in roles:
            f[role] = 1.0
        out.append(Candidate(name, m, f))
    if rule_name is not None and not chosen_by_rules:
        # the rules' choice names no actor mention ("the report", "survivors")
        out.append(Candidate(rule_name, None, {
            "rules": 1.0, f"rules_cue_{fig.attribution_cue or 'none'}": 1.0, "rules_unresolved": 1.0,
            "same_sentence": float(fig.attribution_cue != "carried_over"), "figure_in_quote": float(fig_quoted),
            "place_like": float(rule_name.lower() in ctx.place_names),
            "lowercase": float(rule_name[:1].islower())}))
    return out


def read_weights(path: Path) -> dict[str, float] | None:
    """A trained model's weights (feature -> weight), or None when no model ships."""
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))["weights"]


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> dict[str, float] | None:
    """The claimant model's weights, read once per process."""
    return read_weights(path)


def score(c, weights: dict[str, float]) -> float:
    """A candidate's linear score: the sum of its features' weights (this model's and the source model's)."""
    return sum(weights.get(k, 0.0) * v for k, v in c.features.items())


def rank_claimants(doc, article: ArticleInput, figures: list[FigureMention], mentions: list[EntityMention],
                   weights: dict[str, float] | None = None, collect: list | None = None) -> None:
    """Set each figure's claimant to its best-scoring candidate. ``collect`` (training) receives
    (figure, candidates) pairs instead, and nothing is changed."""
    weights = load_model() if weights is None else weights
    if not figures or (weights is None and collect is None):
        return
    ctx = _context(doc, article, mentions)
    previous = None
    for fig in figures:
        if fig.attribution_cue == LISTED_CUE:
            previous = fig
            continue  # the list's own line names who gives it: the layout outweighs any distance
        span = doc.char_span(fig.start_char, fig.end_char, alignment_mode="expand")
        options = candidates(fig, mentions, ctx, previous, span.root.i if span is not None and len(span) else None)
        previous = fig
        if collect is not None:
            collect.append((fig, options))
            continue
        best = max(options, key=lambda c: score(c, weights))
        if best.name == fig.claimant_text and (best.mention is None or best.mention.mention_id == fig.claimant_mention_id):
            continue
        if best.name is NO_CLAIMANT:
            fig.claimant_text = fig.claimant_mention_id = None
            fig.attribution_cue = None
        else:
            fig.claimant_text = best.name
            fig.claimant_mention_id = best.mention.mention_id if best.mention is not None else fig.claimant_mention_id
            fig.attribution_cue = "ranked"
