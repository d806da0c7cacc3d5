"""Records produced by extraction: one dataclass per raw table row.

Pure data, no behaviour. Offsets (start_char, end_char) always index the article's
stored body text, so ``body[start_char:end_char] == surface_text`` (or quote_text, ...).
Ids are deterministic (see ``ids.stable_id``) so reruns of unchanged input give the same keys.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class ArticleInput:
    """What extraction gets for one article."""

    article_id: str
    body: str
    published_date: date | None = None
    publisher: str | None = None
    title: str | None = None
    # For an article with no published date: a date it was written near (its captions' latest
    # date, else mid-year of the corpus's median publication year). Picks years for "March 14";
    # never resolves a weekday.
    reference_date: date | None = None


@dataclass
class Sentence:
    article_id: str
    sentence_no: int  # 0-based, in body order
    paragraph_no: int  # 0-based; paragraphs are separated by blank lines or newlines
    start_char: int
    end_char: int
    text: str


# actor_type values (data contract): person, organization, state, armed_group, media,
# government_body, military_unit, other
@dataclass
class EntityMention:
    mention_id: str
    article_id: str
    sentence_no: int
    start_char: int
    end_char: int
    surface_text: str
    actor_type: str
    canonical_name: str  # resolved within the article ("Zakharova" -> "Maria Zakharova")
    resolution: str  # how canonical_name was found: name, surname, acronym, role, metonym, alias
    ner_label: str | None = None  # spaCy label when NER found it (PERSON, ORG, GPE, NORP, ...)
    affiliation: str | None = None  # the state an institution belongs to: "Israel" for "the Israeli military"


@dataclass
class PlaceMention:
    """A named place (spaCy GPE / LOC / FAC): where things happen, never an actor by itself."""

    place_id: str
    article_id: str
    sentence_no: int
    start_char: int
    end_char: int
    surface_text: str
    label: str  # GPE, LOC, FAC


# qualifier values: exact, about, over, at_least, up_to, less_than, range, vague
# count_type values: killed, wounded, displaced, sheltered, detained, missing, returned, aid,
# flights, distance, duration, other
@dataclass
class FigureMention:
    figure_id: str
    article_id: str
    sentence_no: int
    start_char: int
    end_char: int
    surface_text: str  # the number with its hedge, e.g. "more than 8,000"
    value_low: float
    value_high: float
    qualifier: str
    unit: str | None  # what is counted, lemma-ish noun: "people", "civilians", "aircraft"
    count_type: str
    subject: str | None = None  # short description of the quantity: "people sheltered at Hmeimim"
    claimant_text: str | None = None  # "Maria Zakharova", "Syrian Network for Human Rights"
    claimant_mention_id: str | None = None  # EntityMention the claimant resolves to, if any
    outlet_text: str | None = None  # "TASS", "Sputnik News", "Reuters"
    attribution_cue: str | None = None  # said, according_to, reported_by, documented_by, carried_over
    parent_figure_id: str | None = None  # "39 children" -> id of "803 people"
    is_vague: bool = False


# precision values: day, week, month, year, range, season, unknown
@dataclass
class DateMention:
    date_id: str
    article_id: str
    sentence_no: int
    start_char: int
    end_char: int
    surface_text: str
    date_start: date | None
    date_end: date | None
    precision: str
    resolution: str  # absolute, year_inferred, relative_weekday, relative_published, ...


@dataclass
class Event:
    event_id: str
    article_id: str
    date_id: str
    sentence_no: int
    event_date: date | None
    event_date_end: date | None
    date_precision: str
    date_text: str
    description: str  # the clause that happened
    location: str | None
    clause_start: int
    clause_end: int


@dataclass
class EventActor:
    event_id: str
    mention_id: str
    role: str  # agent, target, participant, speaker
    article_id: str = ""  # filled by the pipeline so per-article deletes reach this table too


@dataclass
class Quote:
    quote_id: str
    article_id: str
    sentence_no: int
    start_char: int  # of quote_text (inside the quotation marks)
    end_char: int
    quote_text: str
    speaker_text: str | None  # as written nearest the quote: "she", "Zakharova", "one anonymous resident"
    speaker_canonical: str | None  # resolved: "Maria Zakharova"
    speaker_mention_id: str | None = None


# kind values: footnote, source_line, dateline, according_to, reported_by, via, documented_by, photo_credit,
# told, statement (an organisation or outlet whose statement or figure the article reports)
@dataclass
class Citation:
    citation_id: str
    article_id: str
    kind: str
    source_text: str  # outlet or organization as written: "AFP", "BBC News", "Reuters"
    start_char: int  # of source_text in the text named by text_field
    end_char: int
    text_field: str = "body"  # body or boilerplate
    footnote_no: int | None = None
    cited_title: str | None = None
    cited_date: date | None = None
    cited_text: str | None = None  # the whole note or the sentence carrying the citation
    sentence_no: int | None = None
    # canonical name when the source was resolved through an actor mention ("the Observatory" ->
    # "Syrian Observatory for Human Rights"); source_text stays the words as written
    source_name: str | None = None


@dataclass
class ArticleExtraction:
    article_id: str
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[EntityMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    figures: list[FigureMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    event_actors: list[EventActor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
