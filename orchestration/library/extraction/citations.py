"""Citations: who the article says its information came from.

Kinds: value_sets.CITATION_KINDS (the data contract).

- footnote: a numbered note ("- [505](#)" then "AP, Title, 20 December 2024, [url](#)"); one
  citation per cited work ("; " separates works), with outlet, title and date parsed from the
  reference's comma fields.
- source_line: "SOURCE : AFP", "(Source: Reuters)", a wire's byline ("Reuters").
- dateline: wire datelines "BEIRUT (Reuters) -", "MOSCOW, March 13. /TASS/.".
- statement: a body or outlet the attribution pass found speaking ("OCHA said", "police said"),
  or the body a titled person speaks for ("IDF spokesperson Daniel Hagari", "police spokesman X").
- according_to / reported_by / documented_by / told / via: a cue phrase followed by a name
  ("according to the Russian news agency TASS" -> "TASS"); lower-case phrases ("according to
  statistics", "told reporters") name no source and give nothing.
- photo_credit: "(photo credit: OMAR HAJ KADOUR/AFP via Getty Images)" -> AFP, plus a via
  citation for Getty Images; "(AFP/Aaref Watad)" -> AFP.

Citations in the boilerplate text (captions, footers) get text_field="boilerplate" and offsets
into that string; the rest index article.body. ``text[start_char:end_char] == source_text`` always:
inverted outlet names in references ("New Arab (The)") are stored as printed and turned round
when sources are resolved (dbt's name_key and the source alias list).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from orchestration.library.extraction import lexicon as lx
from orchestration.library.extraction.actors import mention_at
from orchestration.library.extraction.actors.institutions import forces_of, home_state, reads_article_title
from orchestration.library.extraction.dates import find_absolute_dates, sentence_index
from orchestration.library.extraction.ids import stable_id
from orchestration.library.extraction.records import ArticleInput, Citation
from orchestration.library.extraction.tokens import tokens

# ---------------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------------
# A capitalised word: "Reuters", "U.N.", "al-Sharaa"-style hyphens, "BBC", "1TV".
_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z](?:[\w’'&-]|\.(?=[A-Za-z]))*|\d+[A-Za-z]+)"
_CONNECT = r"(?:of|for|the|de|du|des|del|di|da|al|el|&)"
_SPACE = r"[^\S\n]+"  # a name never runs over a line break: "via REUTERS" ends a caption, the next line is another
_NAME = rf"(?:The{_SPACE})?{_WORD}(?:{_SPACE}(?:{_CONNECT}{_SPACE})*{_WORD})*"
_NOT_NAMES = {*lx.MONTH_NUMBERS, *lx.WEEKDAY_NUMBERS, "the", "i", "he", "she", "they", "it", "we"}
# "the Russian news agency TASS", "Syrian state news agency SANA": a descriptor before the name.
_DESCRIPTOR = (r"(?:news\s+agency|agency|outlet|newspaper|daily|weekly|channel|broadcaster|website|"
               r"site|network|monitor|group|organi[sz]ation|NGO|television|TV|radio|paper|magazine|"
               r"wire|service|platform|account|watchdog|publication|station|portal|tabloid)")
_DESCRIBED_NAME = re.compile(
    rf"(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){{0,3}}?{_DESCRIPTOR}\s+(?P<name>{_NAME})")
# "a report by Human Rights Watch", "figures from the UN"
_DOC_NAME = re.compile(
    r"(?:(?:the|a|an|its|their)\s+)?(?:[a-z-]+\s+){0,2}?(?:report|statement|tally|count|data|figures|"
    r"statistics|estimates?|survey|study|assessment|documentation|records?)s?\s+"
    rf"(?:from|by|of|(?:issued|published|released|compiled)\s+by)\s+(?:the\s+)?(?P<name>{_NAME})")
_PLAIN_NAME = re.compile(rf"(?:the\s+)?(?P<name>{_NAME})")
_MORE_NAME = re.compile(rf"\s*(?:,|and|&)\s+(?:the\s+)?(?P<name>{_NAME})")
_POSSESSIVE = re.compile(r"[’']s$")

# Cue phrases; the source's name starts where the match ends.
_CUES = [
    ("according_to", re.compile(r"\baccording\s+to\s+", re.I)),
    ("reported_by", re.compile(r"\breported\s+by\s+", re.I)),
    ("documented_by", re.compile(r"\bdocumented\s+by\s+", re.I)),
    ("via", re.compile(r"\bvia\s+")),
    ("told", re.compile(r"\b(?:told|tells|telling)\s+")),
    ("told", re.compile(
        r"\bin\s+(?:a|an|his|her|their|its|the)\s+(?:[a-z-]+\s+){0,2}?(?:interview|conversation|discussion|"
        r"exchange|call|statement|comments?|remarks)\s+(?:with|to)\s+", re.I)),
    ("told", re.compile(
        r"\b(?:confirmed|revealed|said|explained|spoke|speaking|talking|talked|stated|added|disclosed)\s+to\s+")),
]

# ---------------------------------------------------------------------------------------------
# Source lines and photo credits
# ---------------------------------------------------------------------------------------------
_SOURCE_LINE = re.compile(r"(?im)^[ \t]*(?:source|sources)[ \t]*:[ \t]*(?P<v>[^|\n]+)")
_SOURCE_PAREN = re.compile(r"\((?i:source|sources)\s*:\s*(?P<v>[^)\n]+)\)")
_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Za-z'’.-]+(?:[ ,/]+[A-Za-z0-9][\w'’.-]*){0,5}[ \t]*\((?P<v>[A-Z][\w&.'’/ -]{1,30}?)\)[ \t]*[-–—:]")
# "BANGKOK (UrduPoint News / Sputnik - 16th March, 2021) Twenty people ...": a capitalised city
# and a parenthesis of outlets, with or without a dash after it
_DATELINE_CAPS = re.compile(
    r"(?m)^[ \t]*[A-Z]{2,}[A-Z'’.-]*(?:[ ,]+[A-Za-z][\w'’.-]*){0,4}[ \t]*\((?P<v>[A-Z][^()\n]{1,80})\)")
# "MOSCOW, March 13. /TASS/." : the Russian wire style
_DATELINE_SLASH = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Za-z'’ .-]{1,30},[ \t]+[A-Z][a-z]+\.?[ \t]+\d{1,2}\.?[ \t]*/(?P<v>[A-Z][\w -]{1,20}?)/")
_LIST_SPLIT = re.compile(r"\s*[,;/]\s*")
_CREDIT_LABELLED = re.compile(
    r"\((?i:photo\s*credits?|credits?|photos?|images?|pictures?|photograph)\s*:\s*(?P<c>[^)\n]+)\)")
_CREDIT_LINE = re.compile(
    r"(?im)^[ \t]*(?:photo\s*credits?|credits?|photos?|images?|pictures?)[ \t]*:[ \t]*(?P<c>[^\n]+?)[ \t]*$")
_CREDIT_SLASH = re.compile(r"\((?P<c>[A-Z][\w.&'’ -]{0,40}/[A-Z][\w.&'’ -]{0,60})\)")
_AGENCY_HINT = re.compile(
    r"\b(?:" + "|".join(lx.CREDIT_AGENCIES) + r"|Images|Press|Agency|Photos?|Pool|Handout|News|Media)\b")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_VIA_SPLIT = re.compile(r"\s+via\s+")

# ---------------------------------------------------------------------------------------------
# Footnotes
# ---------------------------------------------------------------------------------------------
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_MARKER = re.compile(
    r"(?m)^[ \t]*(?:[-*•][ \t]*)?(?:\[(?P<a>\d{1,4})\](?:\([^)\n]*\))?|(?P<b>\d{1,4})[.)]|\^(?P<c>\d{1,4})"
    r"|(?P<d>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)|(?P<e>\d{1,4})(?=[ \t]*$))[ \t]*(?P<rest>[^\n]*)$")
_NEXT_LINE = re.compile(r"\n[ \t]*\n?[ \t]*(?P<note>[^\n]+)")
_URL_TAIL = re.compile(r",?\s*(?:\[url\]|\[[^\]]*\]\(|https?://|www\.|(?i:available\s+at|accessed))")
_ENTRY_SEP = re.compile(r";\s+(?=[A-Z(])")
_FIELD_SEP = re.compile(r",\s+")
_INITIALS = re.compile(r"^(?:[A-Z]\.(?:\s?-?[A-Z]\.)*)(?:\s+(?:and|&)\s+(?P<next>.+))?$")
_SURNAME = re.compile(r"^[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?$")
_URL_HINT = re.compile(r"\[url\]|https?://|www\.")
_REFERENCE_HINT = re.compile(r"\[url\]|https?://|www\.|\b(?:19|20)\d\d\b")


@dataclass
class _Found:
    kind: str
    source_text: str
    start: int
    end: int
    field: str
    footnote_no: int | None = None
    cited_title: str | None = None
    cited_date: date | None = None
    cited_text: str | None = None
    source_name: str | None = None


@reads_article_title  # a bare "the army" is the headline's state's too (_national_forces)
def extract_citations(doc, article: ArticleInput, boilerplate: str, attribution_spans=None,
                       mentions=None) -> list[Citation]:
    body = article.body
    found: list[_Found] = []
    found += _footnotes(body)
    for text, field in ((body, "body"), (boilerplate or "", "boilerplate")):
        found += _source_lines(text, field)
        found += _photo_credits(text, field)
        found += _cue_citations(text, field, doc if field == "body" else None)
    if doc is not None:
        found += _reporting_subjects(doc, body)
    if attribution_spans:
        found += _statements(body, attribution_spans, mentions or [])
    if mentions:
        _canonical_names(found, mentions)
        # people are claimants, not sources: "according to Sahra Abdi" cites nobody's outlet
        people = [(m.start_char, m.end_char) for m in mentions if m.actor_type == "person"]
        found = [f for f in found if f.field != "body" or f.kind not in _CUE_KINDS
                 or not any(s < f.end and f.start < e for s, e in people)]

    sent_no = sentence_index(doc) if doc is not None else (lambda pos: None)
    out: list[Citation] = []
    seen: set[tuple] = set()
    for f in found:  # earlier, more specific finders win over later ones on the same span
        key = (f.field, f.start, f.end, f.footnote_no)
        overlaps = any(k[0] == f.field and k[3] == f.footnote_no and k[1] < f.end and f.start < k[2]
                       for k in seen)
        if overlaps:
            continue
        seen.add(key)
        out.append(Citation(
            citation_id=stable_id(article.article_id, "citation", f.field, f.start, f.footnote_no),
            article_id=article.article_id,
            kind=f.kind,
            source_text=f.source_text,
            start_char=f.start,
            end_char=f.end,
            text_field=f.field,
            footnote_no=f.footnote_no,
            cited_title=f.cited_title,
            cited_date=f.cited_date,
            cited_text=f.cited_text,
            sentence_no=sent_no(f.start) if f.field == "body" else None,
            source_name=f.source_name,
        ))
    return out


# ---------------------------------------------------------------------------------------------
# Statements: organisations and outlets the attribution pass found as claimants ("OCHA said",
# "the health ministry said", "the Observatory added"). People are claimants, not sources.
# ---------------------------------------------------------------------------------------------
_CUE_KINDS = frozenset({"according_to", "reported_by", "documented_by", "told", "via"})
_SOURCE_ACTOR_TYPES = frozenset({"organization", "government_body", "military_unit", "armed_group", "media"})
# a state is a source where it speaks ("Bangladesh said", "Dhaka said"), never as a title's owner
_SPEAKER_TYPES = _SOURCE_ACTOR_TYPES | {"state"}


def _statements(body: str, spans, mentions) -> list[_Found]:
    out: list[_Found] = []
    for piece in spans:
        attr = piece.attribution
        if attr is None:
            continue
        for start, end in ((attr.claimant_start, attr.claimant_end), (attr.outlet_start, attr.outlet_end)):
            if start is None or end is None or end <= start:
                continue
            sentence = body[piece.start_char:piece.end_char].strip()
            best = mention_at(start, end, mentions)
            if best is not None and best.actor_type == "person":
                person, best = best, _body_spoken_for(body, best, mentions)  # "IDF spokesperson Daniel Hagari said"
                if best is None:  # "said Saltmarsh", titled where the article named him in full
                    best = next((b for m in mentions if m.actor_type == "person" and m is not person
                                 and m.canonical_name == person.canonical_name
                                 for b in (_body_spoken_for(body, m, mentions),) if b is not None), None)
                if best is None:  # "police spokesman Ruwan Gunasekera said"
                    out += _bare_institution_titling(body, person.start_char, sentence, mentions)
            bare = (_BARE_INSTITUTION.match(body[start:end]) or _BARE_VOICE.match(body[start:end])) \
                if best is None and not attr.claimant_is_person else None
            if bare is not None:  # "police said", "the army said": a body no name finder made an actor
                out.append(_bare_found(body, start + bare.start("inst"), start + bare.end("inst"), sentence,
                                       mentions))
            elif best is None and not attr.claimant_is_person and _unlisted_name(body[start:end]):
                # "Iraq Body Count, a group run by academics ..., said": a name no finder knew
                out.append(_Found("statement", body[start:end], start, end, "body", cited_text=sentence))
            elif best is not None and best.actor_type in _SPEAKER_TYPES:
                out.append(_Found("statement", best.surface_text, best.start_char, best.end_char, "body",
                                  cited_text=sentence, source_name=best.canonical_name))
    return out


# A state's institution named by its head noun alone: "police said", "the army said", "police in Borno
# said", "police spokesman X said". Its statements are reported, so it is a source, though no name
# finder makes an actor of a bare common noun. The source is named as printed ("Police"): which
# state's police is the reader's to see in the sentence, not a guess from the rest of the article.
_BARE_HEADS = "|".join(re.escape(h) for h in sorted(
    (lx.MILITARY_HEADS | lx.NAMED_INSTITUTION_HEADS | {"government"}) - {"forces", "troops"}, key=len, reverse=True))
_BARE_INSTITUTION = re.compile(
    r"^(?:the\s+)?(?P<inst>(?:(?:local|state|federal|national|provincial|district|regional|city|county)\s+)?"
    r"(?:" + _BARE_HEADS + r"))"
    r"(?:\s+(?:in|of|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})?$", re.I)
_VOICES = r"spokes(?:man|woman|person)|officials?|officer|commander|chief|source|sources"
# "an army spokesman said", "military sources said": the body speaks through someone unnamed
_BARE_VOICE = re.compile(r"^(?:the\s+|an?\s+)?(?P<inst>" + _BARE_HEADS + r")\s+(?:" + _VOICES + r")$", re.I)
_TITLED_BY_INSTITUTION = re.compile(
    r"(?:^|[\s(,;:])(?:the\s+|a\s+)?(?P<inst>(?:" + _BARE_HEADS + r"))\s+"
    r"(?:spokes(?:man|woman|person)|chief|officials?|officer|commander|head|director|superintendent|"
    r"inspector|commissioner)\s*,?\s*$", re.I)


def names_a_bare_institution(text: str) -> bool:
    """ "police", "the army", "Police in Borno", "an army spokesman": an institution by its head noun alone."""
    return bool(_BARE_INSTITUTION.match(text) or _BARE_VOICE.match(text))


def _bare_found(body: str, start: int, end: int, sentence: str, mentions=()) -> _Found:
    printed = body[start:end]
    name = printed if printed[:1].isupper() else " ".join(w.capitalize() for w in printed.split())
    forces = _national_forces(body, start, sentence, mentions) if printed.lower() in lx.MILITARY_HEADS else None
    return _Found("statement", printed, start, end, "body", cited_text=sentence, source_name=forces or name)


def _national_forces(body: str, start: int, sentence: str, mentions) -> str | None:
    """The national forces a bare "army" or "military" is, where the article names one state's
    forces: "the Nigerien military" in its sentence, else the nearest named before it, else one
    named after it. An article naming several states' forces says which in the sentence or not at all."""
    named = [m for m in mentions if m.actor_type == "military_unit" and m.affiliation and m.resolution == "institution"]
    sent_start = body.rfind(sentence, 0, start + len(sentence)) if sentence else -1
    here = [m for m in named if sent_start >= 0 and sent_start <= m.start_char < sent_start + len(sentence)]
    if len({m.canonical_name for m in here}) == 1:
        return here[0].canonical_name
    if here or len({m.canonical_name for m in named}) > 1:
        return None
    if named:
        return named[0].canonical_name
    state = home_state(body)  # "according to the military" in a report on one country
    return forces_of(state) if state else None


def _bare_institution_titling(body: str, person_start: int, sentence: str, mentions=()) -> list[_Found]:
    """The institution in a person's title when it is only a head noun ("police spokesman", "army
    chief"): the person speaks for it."""
    lo = max(0, person_start - 60)
    m = _TITLED_BY_INSTITUTION.search(body, lo, person_start)
    return [_bare_found(body, m.start("inst"), m.end("inst"), sentence, mentions)] if m else []


def _unlisted_name(text: str) -> bool:
    """Two or more capitalised words that are not titles: the name of a body that speaks."""
    words = text.split()
    return len(words) >= 2 and all(w[:1].isupper() or w.lower() in ("of", "for", "the", "and") for w in words) \
        and not all(w.lower() in lx.TITLE_WORDS or w.lower() in lx.ROLE_NOUNS for w in words if w[:1].isupper())


def _canonical_names(found: list[_Found], mentions) -> None:
    """A cited name that is an actor mention carries the actor's canonical name ("UN Joint Human
    Rights Office" -> "United Nations Joint Human Rights Office"), as statements do."""
    names = {(m.start_char, m.end_char): m for m in mentions if m.actor_type in _SPEAKER_TYPES}
    for f in found:
        m = names.get((f.start, f.end)) if f.field == "body" and f.source_name is None else None
        if m is not None:
            f.source_name = m.canonical_name


_TITLE_GAP = re.compile(
    r"^[\s,]*(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,4}(?:for|of|at|from|with)?\s*(?:the\s+)?$")
_TITLE_BEFORE = re.compile(r"^(?:['’]s)?\s+(?:[a-z-]+\s+){0,3}$")
# "the spokesman for the UNHCR (UNHCR), Matthew Saltmarsh": a role for the body, then the holder's name
_ROLE_FOR = re.compile(r"\b(?:spokes(?:man|woman|person)|officials?|representative|head|chief|director|"
                       r"commander|chairman|chairperson|president|secretary)\s+(?:for|of|at)\s+(?:the\s+)?$", re.I)
_HOLDER_AFTER = re.compile(r"^\s*(?:\([^()]{1,15}\)\s*)?,\s*$")
_RANKS = lx.TITLE_WORDS | frozenset(w for role in lx.ROLE_NOUNS for w in role.split())


def _titled_between(gap: str) -> bool:
    """Whether the words between a body and a name are the name's title: "'s deputy spokesperson",
    "army spokesman Major", "Regional Office 11 Director Chief Superintendent"; lower-case words
    (at most three), numbers, and ranks or roles in either case."""
    if _TITLE_BEFORE.match(gap):
        return True
    words = re.sub(r"^['’]s\b", "", gap).split()
    if (not gap[:1].isspace() and not gap.startswith(("'s", "’s"))) or not 0 < len(words) <= 6:
        return False
    if not any(w.lower().rstrip(".") in _RANKS for w in words):
        return False
    lower = [w for w in words if w.islower() and w.rstrip(".") not in _RANKS]
    return len(lower) <= 3 and all(w.isdigit() or w.islower() or w.lower().rstrip(".") in _RANKS for w in words)


def _body_spoken_for(body: str, person, mentions):
    """The organisation a person speaks for, from the title around the name: "IDF spokesperson
    Daniel Hagari", "Farhan Haq, deputy spokesman for the UN", "the spokesman for the UNHCR,
    Matthew Saltmarsh"."""
    for m in mentions:
        if m.actor_type not in _SOURCE_ACTOR_TYPES:
            continue
        if 0 <= person.start_char - m.end_char <= 40 and _titled_between(body[m.end_char:person.start_char]):
            return m
        if 0 <= m.start_char - person.end_char <= 50 and _TITLE_GAP.match(body[person.end_char:m.start_char]):
            return m
        if 0 <= person.start_char - m.end_char <= 20 and _HOLDER_AFTER.match(body[m.end_char:person.start_char]) \
                and _ROLE_FOR.search(body, max(0, m.start_char - 40), m.start_char):
            return m
    return None


# ---------------------------------------------------------------------------------------------
# Footnotes
# ---------------------------------------------------------------------------------------------
def _footnotes(body: str) -> list[_Found]:
    out: list[_Found] = []
    for m in _MARKER.finditer(body):
        number = next(g for g in m.group("a", "b", "c", "d", "e") if g)
        number = int(number.translate(_SUPERSCRIPT))
        if m.group("rest").strip():
            note_start = m.start("rest")
            note = m.group("rest")
        else:  # marker on its own line: the note is the next non-blank line
            nxt = _NEXT_LINE.match(body, m.end())
            if not nxt:
                continue
            note_start, note = nxt.start("note"), nxt.group("note")
        note = note.rstrip()
        if not _looks_like_reference(note):
            continue
        if (m.group("b") or m.group("e")) and not (_URL_HINT.search(note) or _marked_in_text(body, number)):
            continue  # "1. On 5 May 2024, ..." is a numbered paragraph, not a note
        for entry_start, entry in _entries(note):
            parsed = _parse_reference(entry)
            if parsed is None:
                continue
            s, e, source, title, cited = parsed
            out.append(_Found("footnote", source, note_start + entry_start + s, note_start + entry_start + e,
                              "body", number, title, cited, note.strip()))
    return out


def _marked_in_text(body: str, number: int) -> bool:
    """The running text carries the note's marker: a superscript ⁵⁰⁵ or a bracketed [505]."""
    return str(number).translate(lx.TO_SUPERSCRIPT) in body or body.count(f"[{number}]") > 1


def _looks_like_reference(note: str) -> bool:
    """'Outlet, Title, 20 December 2024, [url]' rather than a numbered list item or a heading."""
    return note.count(",") >= 2 and bool(_REFERENCE_HINT.search(note))


def _entries(note: str) -> list[tuple[int, str]]:
    """A note citing several works separates them with '; '."""
    out, pos = [], 0
    for sep in _ENTRY_SEP.finditer(note):
        out.append((pos, note[pos:sep.start()]))
        pos = sep.end()
    out.append((pos, note[pos:]))
    return out


def _parse_reference(entry: str):
    """(start, end, outlet, title, date) from 'Author, I., Title, Outlet, date, [url]' or 'Outlet, Title, date'."""
    cut = _URL_TAIL.search(entry)
    main = entry[:cut.start()] if cut else entry
    main = main.rstrip(" ,.;")
    dates = find_absolute_dates(main)
    cited = None
    if dates:
        d_start, _, first, _, _ = dates[-1]
        cited = first
        main = main[:d_start].rstrip(" ,")
    fields = _fields(main)
    if not fields:
        return None
    authors, i = _authors(fields)
    rest = fields[i:]
    if authors and len(rest) >= 2:  # Author, I., Title, Outlet, date
        outlet, title_fields = rest[-1], rest[:-1]
    elif authors:  # Author, I., Title, date: the author is the source
        outlet, title_fields = authors[0], rest
    else:  # Outlet, Title, date
        outlet, title_fields = rest[0], rest[1:]
    title = main[title_fields[0][0]:title_fields[-1][1]] if title_fields else None
    s, e, text = outlet
    return s, e, text, title, cited


def _fields(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for sep in list(_FIELD_SEP.finditer(text)) + [None]:
        end = sep.start() if sep else len(text)
        chunk = text[pos:end]
        lead = len(chunk) - len(chunk.lstrip())
        chunk = chunk.strip()
        if chunk:
            out.append((pos + lead, pos + lead + len(chunk), chunk))
        if sep:
            pos = sep.end()
    return out


def _authors(fields: list) -> tuple[list, int]:
    """Leading 'Surname, I.' pairs ('Smith, J. and Doe, K.'): the surname fields and where the rest starts."""
    fields = list(fields)  # same length as the caller's list, so the returned index is valid there
    authors: list = []
    i = 0
    while i + 1 < len(fields) and _SURNAME.match(fields[i][2]):
        initials = _INITIALS.match(fields[i + 1][2])
        if not initials:
            break
        authors.append(fields[i])
        nxt = initials.group("next")
        if nxt:  # "J. and Doe": the next surname shares the initials' field
            end = fields[i + 1][1]
            fields[i + 1] = (end - len(nxt), end, nxt)
            i += 1
        else:
            i += 2
    return authors, i


# ---------------------------------------------------------------------------------------------
# Source lines, photo credits
# ---------------------------------------------------------------------------------------------
def _source_lines(text: str, field: str) -> list[_Found]:
    out: list[_Found] = []
    for rx, kind in ((_SOURCE_LINE, "source_line"), (_SOURCE_PAREN, "source_line"), (_DATELINE, "dateline"),
                     (_DATELINE_SLASH, "dateline"), (_DATELINE_CAPS, "dateline")):
        for m in rx.finditer(text):
            line = _line_of(text, m.start())
            for s, e in _list_items(text, m.start("v"), m.end("v")):
                if kind == "dateline":  # "Sputnik - 16th March": the outlet before its date
                    e = s + len(re.split(r"\s+[-–—]\s+", text[s:e])[0])
                    if any(ch.isdigit() for ch in text[s:e]):
                        continue
                out.append(_Found(kind, text[s:e], s, e, field, cited_text=line))
    out += _outlet_lines(text, field)
    return out


def _outlet_lines(text: str, field: str) -> list[_Found]:
    """A line that is only an outlet's name, or "By <author>, <outlet>": a wire byline ("Reuters")."""
    out = []
    for m in _OUTLET_LINE.finditer(text):
        name = m.group("v")
        if name in lx.MEDIA:
            out.append(_Found("source_line", name, m.start("v"), m.end("v"), field, cited_text=m.group(0).strip()))
    return out


_OUTLET_LINE = re.compile(r"(?m)^[ \t]*(?:By\s+[^,\n]{2,40},\s*)?(?P<v>[A-Z][\w&.'’ -]{1,40}?)[ \t]*$")


def _list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """'AFP, Reuters' -> two spans; lower-case items ('own reporting') are not sources."""
    out, pos = [], start
    for sep in list(_LIST_SPLIT.finditer(text, start, end)) + [None]:
        stop = sep.start() if sep else end
        s, e = _strip_span(text, pos, stop)
        if e > s and text[s].isupper() or (e > s and text[s].isdigit()):
            out.append((s, e))
        if sep:
            pos = sep.end()
    return out


def _strip_span(text: str, s: int, e: int, chars: str = " \t.,;:") -> tuple[int, int]:
    while s < e and text[s] in chars:
        s += 1
    while e > s and text[e - 1] in chars:
        e -= 1
    return s, e


def _photo_credits(text: str, field: str) -> list[_Found]:
    out: list[_Found] = []
    for rx in (_CREDIT_LABELLED, _CREDIT_LINE, _CREDIT_SLASH):
        for m in rx.finditer(text):
            s, e = _strip_span(text, m.start("c"), m.end("c"))
            if e <= s:
                continue
            if rx is _CREDIT_SLASH and not _slash_credit_plausible(text[s:e]):
                continue
            out += _parse_credit(text, s, e, field, _line_of(text, m.start()))
    return out


def _slash_credit_plausible(content: str) -> bool:
    """'(AFP/Aaref Watad)' is a credit; '(Hayat Tahrir al-Sham/HTS)'-like asides need an agency hint."""
    parts = [p.strip() for p in content.split("/")]
    return any(_ACRONYM.match(p) or _AGENCY_HINT.search(p) for p in parts)


def _parse_credit(text: str, s: int, e: int, field: str, line: str) -> list[_Found]:
    """'OMAR HAJ KADOUR/AFP via Getty Images' -> photo_credit AFP + via Getty Images."""
    out: list[_Found] = []
    via = _VIA_SPLIT.search(text, s, e)
    left_end = via.start() if via else e
    parts, pos = [], s
    for i in range(s, left_end + 1):
        if i == left_end or text[i] == "/":
            ps, pe = _strip_span(text, pos, i)
            if pe > ps:
                parts.append((ps, pe))
            pos = i + 1
    if parts:
        ps, pe = max(parts, key=lambda p: _agency_score(text[p[0]:p[1]], len(parts) - parts.index(p)))
        out.append(_Found("photo_credit", text[ps:pe], ps, pe, field, cited_text=line))
    if via:
        vs, ve = _strip_span(text, via.end(), e)
        if ve > vs:
            out.append(_Found("via", text[vs:ve], vs, ve, field, cited_text=line))
    return out


def _agency_score(part: str, tiebreak: int) -> tuple:
    """Agencies are acronyms or carry agency words; photographers have two or more names."""
    return (bool(_ACRONYM.match(part)) or bool(_AGENCY_HINT.search(part)), len(part.split()) == 1, tiebreak)


def _line_of(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start:end if end >= 0 else len(text)].strip()


# ---------------------------------------------------------------------------------------------
# Cue phrases
# ---------------------------------------------------------------------------------------------
def _cue_citations(text: str, field: str, doc) -> list[_Found]:
    out: list[_Found] = []
    for kind, rx in _CUES:
        for m in rx.finditer(text):
            for s, e in _names_at(text, m.end(), doc, strict=kind == "via"):
                out.append(_Found(kind, text[s:e], s, e, field, cited_text=_sentence_of(text, m.start(), doc)))
    return out


def _names_at(text: str, pos: int, doc, strict: bool) -> list[tuple[int, int]]:
    """Source name(s) right after a cue: 'the Russian news agency TASS', 'Reuters and AFP'."""
    first = _name_at(text, pos, doc, strict)
    if first is None:
        return []
    names = [first]
    while True:  # "according to Reuters and AFP"
        more = _MORE_NAME.match(text, names[-1][1])
        if not more or not _valid_name(more.group("name")):
            break
        if text[names[-1][1]:more.start("name")].strip().startswith(",") and \
                not re.match(r"\s*(?:,|and\b|&)", text[more.end("name"):]):
            break  # "According to Maria Zakharova, Russia is shocked": a clause, not a list
        span = _complete_phrase(text, more.start("name"), more.end("name"), doc, strict)
        if span is None:
            break
        names.append(span)
    return names


def _name_at(text: str, pos: int, doc, strict: bool) -> tuple[int, int] | None:
    for rx in (_DESCRIBED_NAME, _DOC_NAME, _PLAIN_NAME):
        m = rx.match(text, pos)
        if m and _valid_name(m.group("name")):
            return _complete_phrase(text, m.start("name"), m.end("name"), doc, strict)
    return None


def _valid_name(name: str) -> bool:
    words = name.split()
    return bool(words) and not all(w.lower().strip("’'s") in _NOT_NAMES for w in words)


def _complete_phrase(text: str, s: int, e: int, doc, strict: bool) -> tuple[int, int] | None:
    """A name that only modifies a common noun names the whole phrase.

    'Russia’s defence ministry', 'Syrian state media' are the sources, not 'Russia’s' / 'Syrian';
    for 'via' (strict) such a phrase ('via the Rafah crossing') is a route, not a source.
    """
    end = e
    if doc is not None:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and len(span):
            tok = span.root
            while tok.dep_ in ("compound", "amod", "poss", "nmod") and tok.head.i > tok.i:
                tok = tok.head
            tok_end = tok.idx + len(tok.text)
            if tok_end > e and not re.search(r"[,;:()\n]", text[e:tok_end]):
                end = tok_end
    if end > e:
        return None if strict else (s, end)
    if _POSSESSIVE.search(text, s, e):
        return None if strict else (s, e - 2)
    return s, e


def _sentence_of(text: str, pos: int, doc) -> str:
    if doc is not None:
        span = doc.char_span(pos, pos + 1, alignment_mode="expand")
        if span is not None and len(span):
            return span[0].sent.text.strip()
    return _line_of(text, pos)


def _reporting_subjects(doc, body: str) -> list[_Found]:
    """'Syrian state news agency SANA reported that ...' -> reported_by SANA."""
    toks = tokens(doc)
    out: list[_Found] = []
    for tok in toks:
        if tok.lemma_ != "report" or tok.pos_ != "VERB" or any(c.dep_ == "auxpass" for c in tok.children):
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ != "PROPN":  # "the US agency Bloomberg": the name is an apposition
            subj = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), subj)
        if subj is None or subj.pos_ != "PROPN":
            continue  # "Residents reported ...": not a named source
        lo = min(t.idx for t in subj.head.subtree) if subj.dep_ == "appos" else min(t.idx for t in subj.subtree)
        for m in re.finditer(_NAME, body[lo:subj.idx + len(subj.text)]):
            s, e = lo + m.start(), lo + m.end()
            if s <= subj.idx < e:
                if body.startswith("The ", s) and (s == 0 or body[s - 1] in "\n" or s == subj.sent.start_char):
                    s += 4  # sentence-initial "The" is not part of the name
                if _valid_name(body[s:e]):
                    out.append(_Found("reported_by", body[s:e], s, e, "body", cited_text=tok.sent.text.strip()))
    return out
