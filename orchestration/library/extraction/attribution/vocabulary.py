"""The words attribution reads: verbs of saying and reporting, document and source nouns,
pronouns, and the names and cue words of outlets."""
from __future__ import annotations

from orchestration.library.extraction import lexicon as lx

#: speech/reporting verbs (lemma) -> cue written in the record (one home: lexicon)
SPEECH_VERBS = lx.REPORTING_VERBS


#: participles whose "by X" agent names a source
AGENT_VERBS = {
    "report": "reported_by", "carry": "reported_by", "broadcast": "reported_by",
    "air": "reported_by", "publish": "reported_by", "quote": "reported_by",
    "document": "documented_by", "record": "documented_by", "compile": "documented_by",
    "verify": "documented_by", "issue": "documented_by", "release": "documented_by",
    "collect": "documented_by", "count": "documented_by", "tally": "documented_by",
    "estimate": "documented_by", "announce": "documented_by", "distribute": "documented_by",
}


#: participles linking a document to its author ("a report documented by SNHR")
AUTHOR_VERBS = set(AGENT_VERBS) | {"prepare", "write", "produce", "conduct", "publish", "share", "provide"}


#: nouns naming a document/statement rather than a speaker: their agent is the claimant
DOCUMENT_NOUNS = {
    "report", "reports", "statement", "statistic", "statistics", "figure", "figures", "data",
    "estimate", "estimates", "tally", "count", "record", "records", "document", "study",
    "survey", "assessment", "analysis", "investigation", "census", "toll", "update", "bulletin",
    "information", "documentation", "calculation", "calculations", "numbers", "number",
    "count", "list", "database", "finding", "findings", "release", "communique", "leaflet",
    "letter", "video", "recording", "recordings", "post", "tweet", "testimony", "testimonies",
    "account", "accounts", "footage", "image", "images", "photo", "photos", "picture",
    "detail", "details",  # "according to the details shared by the Kosovo Police"
    "breakdown",  # "the ministry gave this breakdown of the 45 dead:"
}


#: verbs by which a body gives out information when what they take is a document noun ("the ministry
#: released new figures", "updated the number of victims", "raised the death toll to 54", "gave the
#: toll as 35"): the subject states it, as "said" would
GIVING_VERBS = frozenset({"release", "provide", "give", "update", "raise", "lower", "revise", "issue", "share",
                          "present", "circulate"})


#: common nouns that can be a source when cited ("citing local officials")
SOURCE_NOUNS = {
    "source", "official", "authority", "ministry", "group", "organization", "organisation",
    "agency", "monitor", "observer", "police", "army", "military", "government", "witness",
    "eyewitness", "medic", "rescuer", "activist", "resident", "spokesperson", "spokesman",
    "spokeswoman", "officer", "doctor", "volunteer", "council", "committee", "commission",
    "office", "department", "hospital", "health", "network", "observatory", "correspondent",
    "diplomat", "worker", "local", "person", "people", "survivor", "relative", "security",
}


#: role nouns that stand for a person already named ("the spokesperson added")
PERSON_ROLE_NOUNS = {
    "spokesperson", "spokesman", "spokeswoman", "diplomat", "minister", "official", "president",
    "envoy", "commander", "general", "ambassador", "director", "chief", "head", "leader",
    "governor", "mayor", "witness", "resident", "student", "doctor", "activist", "source",
    "woman", "man", "journalist", "researcher", "analyst", "officer", "secretary", "premier",
    "chairman", "chairwoman", "chair", "prosecutor", "coordinator", "representative", "worker",
    "nurse", "medic", "survivor", "father", "mother", "teacher", "farmer", "fisherman", "monk",
    "priest", "imam", "refugee", "expert", "lawyer", "colonel", "lieutenant", "captain",
    "sergeant", "soldier", "fighter", "paramedic", "volunteer", "correspondent", "reporter",
}


#: recipients that are not an outlet ("told reporters")
GENERIC_AUDIENCE = {
    "reporter", "reporters", "journalist", "journalists", "press", "media", "audience",
    "parliament", "lawmakers", "supporters", "crowd", "people", "residents", "us", "them",
    "him", "her", "me", "you", "correspondents", "correspondent",
}


#: nouns introducing the medium of a statement: "in an interview with X"
CONVERSATION_NOUNS = {
    "interview", "conversation", "talk", "remarks", "comments", "comment", "statement",
    "statements", "briefing", "call", "discussion", "exchange", "speech", "message", "post",
}


PRONOUNS_PERSON = {"he", "she", "him", "her"}


PRONOUNS_ANY = {"they", "them"}


PRONOUNS_NONPERSON = {"it"}


RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}


IGNORED_PRONOUNS = {"i", "we", "you", "me", "us", "one", "this", "these", "those", "what",
                    "some", "others", "many", "all", "both", "none", "someone", "everyone"}


#: curated well-known news agencies and outlets (lowercase word sequences); not exhaustive,
#: unknown outlets are found by the cues below and structurally.
KNOWN_OUTLETS = {
    tuple(name.lower().split()) for name in [*lx.MEDIA, *(c for c, _ in lx.MEDIA.values()), *lx.EXTRA_OUTLET_NAMES]
}


MAX_OUTLET_WORDS = max(len(k) for k in KNOWN_OUTLETS)


#: lowercase words that mark a media name or description ("the Russian news agency TASS")
OUTLET_CUE_WORDS = {
    "newspaper", "newspapers", "daily", "broadcaster", "television", "tv", "radio", "channel",
    "outlet", "website", "magazine", "tabloid", "news", "wire", "newswire",
}


#: capitalized name tails typical of outlets ("Kyiv Post", "Sudan Tribune", "Al-Monitor")
OUTLET_NAME_TAILS = {
    "Times", "Post", "Herald", "Tribune", "Gazette", "Journal", "Telegraph", "Guardian",
    "Chronicle", "Independent", "Express", "Mail", "Mirror", "Monitor", "Daily",
    "Weekly", "Observer", "Standard", "Courier", "Dispatch", "Bulletin", "Insider", "Online",
}


ENTITY_LABELS = {"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"}


PERSON_HISTORY = 8  # sentences a he/she can reach back


ANAPHOR_REACH = 6  # sentences "the spokesperson" / "the report" can reach back


def is_outlet_name(words: list[str]) -> bool:
    """Does this phrase (as written) name a news outlet? Curated names or outlet cue words."""
    lowered = [w.lower().strip(".,'’") for w in words]
    lowered = [w[:-2] if w.endswith("'s") or w.endswith("’s") else w for w in lowered]
    for n in range(min(MAX_OUTLET_WORDS, len(lowered)), 0, -1):
        for k in range(len(lowered) - n + 1):
            if tuple(lowered[k:k + n]) in KNOWN_OUTLETS and words[k][:1].isupper():
                return True
    if any(w in OUTLET_CUE_WORDS for w in lowered):
        return True
    return any(w in OUTLET_NAME_TAILS for w in words[1:] if w[:1].isupper()) and words[0][:1].isupper()
