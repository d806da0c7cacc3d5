"""Direct quotations with their speaker.

Quote spans come from the raw text (straight "...", curly “...”, and single-quoted ‘...’ /
'...' only when clearly a sentence, so apostrophes and 'scare quotes' are skipped). One span
per pair of marks, so a multi-sentence quotation is one quote. A quote left open at the end
of a paragraph runs to the paragraph end (the convention for quotes spanning paragraphs) and
takes the speaker of the quote that continues it.

The speaker is looked for, in order:
1. after the quote in the same sentence: “...,” she said / said one resident / Zakharova told;
2. up the dependency tree from the quote: Zakharova expressed ..., calling it “...”;
3. for a quote standing alone: the previous quote's speaker (same or previous paragraph),
   else the subject of a speech verb in the previous sentence ("Zakharova told reporters:").
He/she resolve to the last person mentioned before the quote (outside quotes), a few
sentences back at most. Descriptive speakers keep their text and get no canonical name.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from orchestration.library.extraction import lexicon as lx
from orchestration.library.extraction.ids import stable_id
from orchestration.library.extraction.records import ArticleInput, EntityMention, Quote
from orchestration.library.extraction.tokens import sentences

_WORD = re.compile(r"[\w’'-]+")
# "what is known as the “liberation of the coast” operation": a label, not someone's words
_LABEL_CUE = re.compile(r"(?:known as|so-called|dubbed|nicknamed|named|titled|entitled)(?: the| a| an)?\s*$", re.I)
_MAX_AFTER_TOKENS = 25  # how far after a quote an attribution ("..., a document ... said") may be
_PRONOUN_WINDOW = 4  # sentences back for he/she
_CARRY_WINDOW = 3  # sentences back for carrying a previous quote's speaker


@dataclass
class _Span:
    open_at: int  # char of the opening mark
    start: int  # inner text, trimmed
    end: int
    close_at: int | None  # char of the closing mark; None when the quote runs to paragraph end
    double: bool


@dataclass
class _Speaker:
    text: str | None
    canonical: str | None
    mention_id: str | None


# ---------------------------------------------------------------------------------------------
# finding quote spans
# ---------------------------------------------------------------------------------------------


_CURLY_DOUBLE = re.compile("[“”]")
_STRAIGHT_DOUBLE = re.compile('"')
_SINGLE_OPENERS = re.compile("[‘']")
_CLOSE_CURLY = re.compile("’")  # ‘ closes only with ’
_CLOSE_STRAIGHT = re.compile("['’]")  # ' closes with either


def _lines(body: str):
    pos = 0
    for line in body.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _double_quotes(offset: int, line: str) -> list[tuple[int, int | None]]:
    """(open, close) char pairs for “...” and "..." in one line; close None when left open."""
    pairs = []
    if "“" in line:  # the marks alone are visited: walking every character cost about 6% of extraction
        opened = None
        for m in _CURLY_DOUBLE.finditer(line):
            i = m.start()
            if m.group() == "“":
                opened = i  # a second opening mark restarts (the first was stray)
            elif opened is not None:
                pairs.append((offset + opened, offset + i))
                opened = None
        if opened is not None:
            pairs.append((offset + opened, None))
    if '"' in line:
        straight = [m.start() for m in _STRAIGHT_DOUBLE.finditer(line)]
        for k in range(0, len(straight), 2):
            close = offset + straight[k + 1] if k + 1 < len(straight) else None
            pairs.append((offset + straight[k], close))
    return pairs


def _is_single_open(line: str, i: int) -> bool:
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    return (before.isspace() or before in "([“\"—–-") and not after.isspace()


def _is_single_close(line: str, i: int) -> bool:
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    return not before.isspace() and not after.isalnum()


def _single_quotes(offset: int, line: str) -> list[tuple[int, int | None]]:
    """‘...’ and '...' pairs; an apostrophe inside a word ("Russia's") is neither mark."""
    pairs = []
    if "‘" not in line and "'" not in line:
        return pairs
    i = 0
    while True:
        m = _SINGLE_OPENERS.search(line, i)
        if m is None:
            break
        i = m.start()
        if _is_single_open(line, i):
            closers = _CLOSE_CURLY if line[i] == "‘" else _CLOSE_STRAIGHT
            j = next((c.start() for c in closers.finditer(line, i + 1) if _is_single_close(line, c.start())), None)
            if j is not None:
                pairs.append((offset + i, offset + j))
                i = j
        i += 1
    return pairs


def _trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] == ","):  # “..., ” she said
        end -= 1
    return start, end


def _accept(text: str, double: bool) -> bool:
    words = _WORD.findall(text)
    if double:
        if len(words) < 2:
            return False  # “softly”, “Hiyam,”: scare quotes and pseudonyms
        if len(words) <= 3 and all(w[:1].isupper() for w in words):
            return False  # a quoted name or title
        return True
    # single quotes: only full clauses, never 'largely reactive' style scare quotes
    return len(words) >= 8 or (len(words) >= 4 and text.rstrip()[-1:] in ".!?,")


def _find_spans(body: str) -> list[_Span]:
    spans: list[_Span] = []
    for offset, line in _lines(body):
        line_end = offset + len(line)
        doubles = []
        for open_at, close_at in _double_quotes(offset, line):
            start, end = _trimmed(body, open_at + 1, close_at if close_at is not None else line_end)
            text = body[start:end]
            if close_at is None and len(_WORD.findall(text)) < 4:
                continue  # a stray mark, not a quote running on
            if _accept(text, True) and not _LABEL_CUE.search(body[max(0, open_at - 20):open_at]):
                doubles.append(_Span(open_at, start, end, close_at, True))
        spans.extend(doubles)
        for open_at, close_at in _single_quotes(offset, line):
            if any(d.open_at <= open_at <= (d.close_at or line_end) for d in doubles):
                continue  # nested inside a double quote: part of it
            start, end = _trimmed(body, open_at + 1, close_at)
            if _accept(body[open_at + 1:close_at].strip(), False):
                spans.append(_Span(open_at, start, end, close_at, False))
    spans.sort(key=lambda s: s.open_at)
    out: list[_Span] = []
    for s in spans:  # straight and curly marks can overlap on messy text: keep the first
        if out and s.open_at < (out[-1].close_at or out[-1].end):
            continue
        out.append(s)
    return out


@lru_cache(maxsize=2)
def quote_regions(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every quotation's words: the one quote scanner, which attribution (a speech
    verb inside a quote belongs to the quoted speaker) and figures (a quote continues its speaker)
    read too. Cached: both read the same article's regions, one after the other."""
    return tuple((s.start, s.end) for s in _find_spans(text))


# ---------------------------------------------------------------------------------------------
# speakers
# ---------------------------------------------------------------------------------------------


class _Context:
    """Per-article lookups shared by all quotes."""

    def __init__(self, doc, article: ArticleInput, mentions: list[EntityMention], spans: list[_Span]):
        self.doc = doc
        self.body = article.body
        self.mentions = sorted(mentions, key=lambda m: m.start_char)
        self.sent_starts = [s.start_char for s in sentences(doc)]
        self.sents = sentences(doc)
        self.spans = spans
        self.quoted = [(s.open_at, (s.close_at if s.close_at is not None else s.end)) for s in spans]

    def sent_no(self, char: int) -> int:
        return max(0, bisect_right(self.sent_starts, char) - 1)

    def in_quote(self, char: int) -> bool:
        return any(a <= char <= b for a, b in self.quoted)

    def mention_at(self, char: int) -> EntityMention | None:
        for m in self.mentions:
            if m.start_char <= char < m.end_char:
                return m
            if m.start_char > char:
                break
        return None

    def token_at(self, char: int):
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None


def _subject(verb, depth: int = 0):
    """nsubj of a verb, or of the verb it hangs from ("calling it ..." -> "Zakharova expressed")."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    if depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp", "ccomp", "relcl") and verb.head is not verb:
        return _subject(verb.head, depth + 1)
    return None


def _after_quote_subject(ctx: _Context, span: _Span, next_open: int | None):
    """“...,” she said / said one anonymous resident / Zakharova told reporters."""
    if span.close_at is None:
        return None
    close_tok = ctx.token_at(span.close_at)
    if close_tok is None:
        return None
    sent = close_tok.sent
    limit = min(sent.end, close_tok.i + 1 + _MAX_AFTER_TOKENS)
    line_end = ctx.body.find("\n", span.close_at)
    stop = min(x for x in (next_open, line_end if line_end >= 0 else None, len(ctx.body)) if x is not None)
    tokens = [t for t in ctx.doc[close_tok.i + 1:limit] if t.idx < stop]
    for k, t in enumerate(tokens):
        # "in her words", "as she put it"
        if t.lower_ == "in" and k + 2 < len(tokens) and tokens[k + 1].tag_ == "PRP$" and tokens[k + 2].lemma_ == "word":
            return tokens[k + 1]
        if t.lower_ == "according" and k + 2 < len(tokens) and tokens[k + 1].lower_ == "to":
            obj = next((c for c in tokens[k + 1].children if c.dep_ == "pobj"), None)
            return obj or next((x for x in tokens[k + 2:] if x.pos_ != "DET"), None)
        if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in lx.SPEECH_VERBS:
            subj = _subject(t)
            if subj is None:  # inverted order parsed as object: "said one resident"
                subj = next((c for c in t.rights if c.dep_ in ("dobj", "attr", "npadvmod")), None)
            if subj is not None and not (span.start <= subj.idx < span.end):
                return subj
    return None


def _governing_subject(ctx: _Context, span: _Span):
    """Walk up from the quote to the speech verb it depends on; its subject speaks."""
    doc = ctx.doc
    inner = doc.char_span(span.start, span.end, alignment_mode="expand")
    if inner is None or not len(inner):
        return None
    inside = set(range(inner.start, inner.end))
    tok = next((t for t in inner if t.head.i not in inside or t.head is t), inner[0])
    fallback = None  # subject of the nearest governing clause, if no speech verb is found
    for _ in range(12):
        if tok.head is tok:
            break
        tok = tok.head
        if tok.i in inside:
            continue
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside), None)
        if tok.lemma_.lower() in lx.SPEECH_VERBS and tok.pos_ in ("VERB", "AUX") and subj is not None:
            return subj
        if fallback is None and tok.pos_ in ("VERB", "AUX") and subj is not None and subj.pos_ != "PRON" \
                and _can_speak(ctx, subj):
            fallback = subj  # "The statement attributed ... to the fact that “...”"
    return fallback


@lru_cache(maxsize=1)
def _speaking_nouns() -> frozenset[str]:
    """Words for a statement or for who gives one, read when first needed: the attribution package
    reads quote regions from this module, so it cannot be imported at the top."""
    from orchestration.library.extraction.attribution.vocabulary import DOCUMENT_NOUNS, PERSON_ROLE_NOUNS, SOURCE_NOUNS

    return frozenset(DOCUMENT_NOUNS | SOURCE_NOUNS | PERSON_ROLE_NOUNS)


def _can_speak(ctx: _Context, subj) -> bool:
    """Whether the subject of a clause that is no speech verb can be the quote's speaker: an actor
    the article names, or a word for a statement or for who gives one ("the statement", "the
    official"); never "the assailants", "the strike" or "her car"."""
    if ctx.mention_at(subj.idx) is not None or subj.ent_type_ in ("PERSON", "ORG") or subj.pos_ == "PROPN":
        return True
    return subj.lemma_.lower() in _speaking_nouns()


def _previous_sentence_subject(ctx: _Context, span: _Span):
    """"Zakharova told reporters:" then a quote on its own."""
    i = ctx.sent_no(span.open_at)
    if i == 0:
        return None
    prev = ctx.sents[i - 1]
    for t in reversed(list(prev)):
        if t.pos_ == "VERB" and t.lemma_.lower() in lx.SPEECH_VERBS and not ctx.in_quote(t.idx):
            subj = _subject(t)
            if subj is not None:
                return subj
    return None


def _is_standalone(ctx: _Context, span: _Span) -> bool:
    """No words between the quote and the sentence breaks around it (text-based: the parser
    often splits sentences at quotation marks)."""
    body = ctx.body
    i = span.open_at - 1
    while i >= 0 and body[i] not in ".!?\n":
        if body[i].isalnum():
            return False
        i -= 1
    j = span.close_at + 1 if span.close_at is not None else span.end
    while j < len(body) and body[j] not in ".!?\n":
        if body[j].isalnum():
            return False
        j += 1
    return True


def _pronoun_antecedent(ctx: _Context, before: int) -> EntityMention | None:
    here = ctx.sent_no(before)
    for m in reversed(ctx.mentions):
        if m.end_char > before or m.actor_type != "person" or ctx.in_quote(m.start_char):
            continue
        if here - m.sentence_no > _PRONOUN_WINDOW:
            return None
        return m
    return None


def _speaker_from_token(ctx: _Context, subj, span: _Span) -> _Speaker:
    if subj.lower_ in lx.PERSON_PRONOUNS:
        m = _pronoun_antecedent(ctx, span.open_at)
        return _Speaker(subj.text, m.canonical_name if m else None, m.mention_id if m else None)
    if subj.pos_ == "PRON":  # they / we / I: no antecedent resolution for groups
        return _Speaker(subj.text, None, None)
    m = ctx.mention_at(subj.idx)
    if m is None:  # "Kremlin spokesperson, Maria Zakharova, said": the appositive names the speaker
        for c in subj.children:
            if c.dep_ == "appos" and (m := ctx.mention_at(c.idx)) is not None:
                break
    if m is not None and not (span.start <= m.start_char < span.end):
        return _Speaker(m.surface_text, m.canonical_name, m.mention_id)
    return _Speaker(_phrase(ctx, subj, span), None, None)


def _phrase(ctx: _Context, subj, span: _Span) -> str:
    """The subject noun phrase as written, cut at its first comma and kept short."""
    doc = ctx.doc
    start, end = subj.left_edge.i, subj.right_edge.i + 1
    for k in range(subj.i + 1, end):
        if doc[k].text in (",", "“", "”", '"') or span.start <= doc[k].idx < span.end:
            end = k
            break
    end = min(end, start + 12)
    return doc[start:end].text.strip()


# ---------------------------------------------------------------------------------------------
# entry point
# ---------------------------------------------------------------------------------------------


def extract_quotes(doc, article: ArticleInput, mentions: list[EntityMention]) -> list[Quote]:
    spans = _find_spans(article.body)
    if not spans:
        return []
    ctx = _Context(doc, article, mentions, spans)
    speakers: list[_Speaker] = []
    direct: list[bool] = []
    previous: tuple[_Span, _Speaker] | None = None
    for k, span in enumerate(spans):
        next_open = spans[k + 1].open_at if k + 1 < len(spans) else None
        speaker, found_here = _attribute(ctx, span, next_open, previous)
        speakers.append(speaker)
        direct.append(found_here)
        previous = (span, speaker)
    # a quote left open at a paragraph end continues in the next paragraph's quote, whose
    # attribution ("...," said Amina) covers both
    for k in range(len(spans) - 2, -1, -1):
        span, nxt = spans[k], spans[k + 1]
        if span.close_at is None and not direct[k] and not article.body[span.end:nxt.open_at].strip():
            speakers[k] = speakers[k + 1]
    out: list[Quote] = []
    for span, speaker in zip(spans, speakers):
        text = article.body[span.start:span.end]
        out.append(Quote(
            quote_id=stable_id(article.article_id, "quote", span.start, span.end),
            article_id=article.article_id,
            sentence_no=ctx.sent_no(span.start),
            start_char=span.start,
            end_char=span.end,
            quote_text=text,
            speaker_text=speaker.text,
            speaker_canonical=speaker.canonical,
            speaker_mention_id=speaker.mention_id,
        ))
    return out


def _attribute(ctx: _Context, span: _Span, next_open: int | None, previous) -> tuple[_Speaker, bool]:
    """The quote's speaker, and whether it was found at the quote itself (not carried over)."""
    subj = _after_quote_subject(ctx, span, next_open)
    if subj is None and not _is_standalone(ctx, span):
        subj = _governing_subject(ctx, span)
    if subj is not None:
        return _speaker_from_token(ctx, subj, span), True
    if previous is not None:  # a quote continuing the previous speaker's words
        prev_span, prev_speaker = previous
        gap = ctx.body[(prev_span.close_at or prev_span.end):span.open_at]
        near = ctx.sent_no(span.open_at) - ctx.sent_no(prev_span.start) <= _CARRY_WINDOW
        if prev_speaker.text and near and gap.count("\n") <= 2 and _is_standalone(ctx, span):
            return prev_speaker, False
    if _is_standalone(ctx, span):
        subj = _previous_sentence_subject(ctx, span)
        if subj is not None:
            return _speaker_from_token(ctx, subj, span), False
    return _Speaker(None, None, None), False
