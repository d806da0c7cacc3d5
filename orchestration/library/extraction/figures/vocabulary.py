"""The word lists figures are judged by: months and time words, label nouns, units (time, distance,
flights, aid, people), the event lexicon mapping words to count types, hedging and part-of markers."""
from __future__ import annotations

from orchestration.library.extraction import lexicon as lx

MONTHS = frozenset(lx.MONTH_NUMBERS)
WEEKDAYS = frozenset(lx.WEEKDAY_NUMBERS)
TIME_SUFFIXES = {"am", "pm", "a.m.", "p.m.", "gmt", "utc", "hrs", "o'clock", "o’clock", "h", "a.m", "p.m"}
PERCENT_WORDS = {"%", "percent", "per", "pct", "percentage"}
#: a label noun right before a number makes it an identifier, not a count
LABEL_WORDS = {
    "section", "sections", "article", "articles", "resolution", "resolutions", "paragraph",
    "paragraphs", "para", "chapter", "chapters", "page", "pages", "p", "pp", "no", "nos", "vol",
    "volume", "issue", "item", "annex", "appendix", "figure", "fig", "table", "footnote",
    "footnotes", "note", "notes", "clause", "rule", "point", "phase", "stage", "level",
    "category", "route", "road", "highway", "street", "building", "block", "flight", "gate",
    "platform", "line", "division", "brigade", "regiment", "battalion", "corps", "squadron",
    "district", "zone", "sector", "ward", "room", "plot", "camp", "unit", "apartment", "decree",
    "law", "act", "protocol", "amendment", "episode", "season", "version", "model", "type",
    "class", "grade", "ref", "code", "terminal", "hall", "#", "№", "§", "number", "tier",
    "round", "group", "cell", "session", "term", "precinct", "exit",
}
AGE_BEFORE = {"aged", "age", "ages"}
BAD_ENTITY_LABELS = {"ORDINAL", "PERCENT", "LAW", "PRODUCT", "WORK_OF_ART", "EVENT", "ORG", "FAC",
                     "LANGUAGE"}
CURRENCY = {"$": "dollars", "us$": "dollars", "€": "euros", "£": "pounds", "¥": "yen", "₹": "rupees", "rs": "rupees",
            "rs.": "rupees"}
#: glued money scales: "$5m", "£2bn"
CURRENCY_SCALES = {"m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "k": 1e3}

TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "night",
              "fortnight", "century", "weekend", "morning", "evening"}
DISTANCE_UNITS = {"km", "kms", "kilometer", "kilometre", "mile", "meter", "metre", "m", "yard",
                  "foot", "feet", "ft", "nautical", "mi"}
FLIGHT_UNITS = {"flight", "sortie", "aircraft", "plane", "airplane", "jet", "airlift",
                "aeroplane", "airliner", "airdrop"}
AID_UNITS = {"truck", "lorry", "ton", "tonne", "package", "parcel", "meal", "basket", "kit",
             "blanket", "tent", "convoy", "shipment", "pallet", "dose", "vaccine", "aid",
             "supply", "supplies", "ration", "food", "liter", "litre", "bag", "sack", "box",
             "carton", "voucher", "hygiene"}
#: things a figure may count that are never people: what happened to people (killed, displaced, ...)
#: is not their count type ("100 killed in attacks on two towns", "killed 96 and destroyed 221 houses")
THING_UNITS = {
    "town", "village", "city", "community", "settlement", "neighbourhood", "neighborhood", "province",
    "district", "region", "area", "location", "site", "house", "home", "building", "shop", "market",
    "school", "hospital", "clinic", "church", "mosque", "temple", "bridge", "road", "window", "door",
    "camp", "checkpoint", "post", "base", "car", "vehicle", "bus", "motorcycle", "boat", "ship", "tank",
    "helicopter", "blast", "bomb", "explosion", "attack", "strike", "airstrike", "raid", "assault",
    "incident", "missile", "rocket", "drone", "shell", "grenade", "mine", "weapon", "gun", "rifle",
    "bullet", "round", "warrant", "dollar", "euro", "pound", "grave", "cemetery", "coffin",
}
#: words near a sum of money that make it aid: "$5 million in aid", "an ex-gratia amount of Rs 5 lakh"
AID_WORDS = {"aid", "assistance", "relief", "funding", "compensation", "gratia"}
NON_COUNT_UNITS = {"time", "times", "percent", "per", "fold", "%", "way", "side", "px", "pt"}
#: "as young as 12", "under the age of 10", "died at 61": the words before an age
AGE_PHRASES_BEFORE = {("young", "as"), ("old", "as"), ("age", "of"), ("ages", "of"), ("die", "at")}
PERSON_UNITS = {
    "people", "person", "civilian", "child", "children", "woman", "women", "man", "men",
    "resident", "refugee", "family", "individual", "member", "fighter", "soldier", "troop",
    "migrant", "student", "worker", "staff", "journalist", "minority", "citizen", "villager",
    "patient", "infant", "baby", "girl", "boy", "elder", "victim", "survivor", "detainee",
    "prisoner", "hostage", "displaced", "evacuee", "seeker", "national", "foreigner", "militant",
    "insurgent", "officer", "personnel", "medic", "doctor", "nurse", "volunteer", "pilgrim",
    "protester", "demonstrator", "teenager", "youth", "adult", "household", "inhabitant",
    "farmer", "fisherman", "fishermen", "worshipper", "monk", "priest", "policeman",
    # the armed and the held, as army and police statements count them
    "terrorist", "bandit", "attacker", "assailant", "gunman", "gunmen", "rebel", "jihadist", "extremist",
    "combatant", "suspect", "criminal", "captive", "abductee", "serviceman", "servicemen", "policemen",
    "recruit", "cadet", "guard", "commander", "inmate",
}
#: lemma -> count_type; found on the governing words of the number or on the unit itself
EVENT_LEXICON = {
    "kill": "killed", "die": "killed", "dead": "killed", "death": "killed", "toll": "killed",
    "massacre": "killed", "execute": "killed", "execution": "killed", "slay": "killed",
    "murder": "killed", "fatality": "killed", "killing": "killed", "behead": "killed",
    "perish": "killed", "slaughter": "killed", "assassinate": "killed", "body": "killed",
    "drown": "killed", "corpse": "killed", "corpses": "killed",  # spaCy lemmatizes "corpses" to "corps"
    "decapitate": "killed", "strangle": "killed", "annihilate": "killed", "deceased": "killed",
    "succumb": "killed",  # "21 persons succumbed to injuries": died of them
    "bury": "killed", "burial": "killed", "exhume": "killed",  # "81 persons were buried": the dead
    # in conflict reporting "the victims" are the dead unless a word says they were hurt, held, ...
    "victim": "killed", "fatal": "killed", "martyr": "killed", "martyrdom": "killed",
    "wound": "wounded", "injure": "wounded", "injury": "wounded", "hurt": "wounded",
    "maim": "wounded", "wounded": "wounded", "injured": "wounded",
    "flee": "displaced", "displace": "displaced", "displacement": "displaced",
    "displaced": "displaced", "uproot": "displaced", "evacuate": "displaced",
    "evacuation": "displaced", "refugee": "displaced", "exodus": "displaced",
    "idp": "displaced", "idps": "displaced", "escape": "displaced", "evacuee": "displaced",
    "shelter": "sheltered", "refuge": "sheltered", "accommodate": "sheltered",
    "harbor": "sheltered", "harbour": "sheltered",
    "sanctuary": "sheltered", "sheltering": "sheltered", "accommodation": "sheltered",
    "detain": "detained", "arrest": "detained", "abduct": "detained", "kidnap": "detained",
    "capture": "detained", "imprison": "detained", "jail": "detained", "detainee": "detained",
    "prisoner": "detained", "hostage": "detained", "detention": "detained",
    "custody": "detained", "abduction": "detained", "imprisonment": "detained", "kidnapping": "detained",
    "missing": "missing", "disappear": "missing", "disappearance": "missing",
    "unaccounted": "missing",
    "return": "returned", "repatriate": "returned", "returnee": "returned",
    "repatriation": "returned",
    "deliver": "aid", "distribute": "aid", "donate": "aid", "delivery": "aid",
    "airlift": "flights", "flight": "flights", "sortie": "flights", "fly": "flights",
    "hospitalize": "wounded", "hospitalise": "wounded", "hospitalized": "wounded",
    "arrive": "displaced", "arrested": "detained", "release": "returned", "freed": "returned",
}
#: verbs that count people only as verbs and only with people as their object
#: ("the base houses 9,000 people", "received 9,000 Syrians"; not "received 20 tons")
VERB_ONLY = {"house": "sheltered", "host": "sheltered", "protect": "sheltered",
             "welcome": "sheltered", "receive": "sheltered",
             "lose": "killed",  # "families lost three members"; not "Russia lost 5 tanks", not "families lost"
             # people brought out of danger or captivity: "troops rescued 44 hostages", "freed 12 captives"
             # (a place that takes them in shelters them: RESCUING_PLACES)
             "rescue": "returned", "save": "returned", "free": "returned", "release": "returned",
             "liberate": "returned",
             # fighters killed in army and police statements: "troops neutralised 80 terrorists"
             "neutralise": "killed", "neutralize": "killed", "eliminate": "killed",
             # people being treated are the wounded: "seven inmates were being treated at a hospital"
             "treat": "wounded"}
#: the subject nouns that make a rescue a sheltering ("the air base has rescued 8,000 Syrians")
RESCUING_PLACES = {"base", "airbase", "camp", "shelter", "centre", "center", "facility", "church", "mosque",
                   "school", "embassy", "hospital", "monastery"}
#: phrases that say those counted were hurt, not what hurt them ("remain in critical condition")
HURT_PHRASES = {("critical", "condition"), ("serious", "condition"), ("stable", "condition"),
                ("medical", "assistance"), ("medical", "treatment"), ("medical", "attention"), ("medical", "care"),
                ("receiving", "treatment"), ("under", "treatment")}
#: the subject noun of a level verb carries the count type ("Death toll rises to 1,311")
LEVEL_NOUNS = {"toll", "number", "count", "tally", "figure", "total"}
#: verbs whose subject says what their complement counts ("those killed include one civilian",
#: "the dead were 12 soldiers")
LISTING_VERBS = {"include", "be", "comprise", "number", "consist"}
CHANGE_VERBS = {"rise", "climb", "reach", "increase", "grow", "swell", "mount", "hit", "top",
                "jump", "soar", "surge", "exceed"}
MODALITY_ADVERBS = lx.MODALITY_ADVERBS
MODALITY_AUX = {"could", "may", "might"}
MODALITY_HEADS = {"expect", "set", "fear", "predict", "likely", "project", "forecast"}
PART_MARKERS = {("including",), ("includes",), ("among", "them"), ("among", "whom"),
                ("of", "whom"), ("of", "them"), ("of", "which"), ("among", "those"),
                ("among", "these"), ("(",)}  # "513 children (323 boys and 190 girls)"
#: "N of them", "Among them, N": a part of the count the sentence before gave
BACK_REFERENCES = {"them", "those", "whom", "these"}
#: "Two of the victims were civilians": a part of the count of people the sentence before gave
BACK_GROUP_NOUNS = {"victims", "dead", "deceased", "killed", "casualties", "injured", "wounded", "fatalities",
                    "bodies", "hostages", "detainees", "people", "persons", "missing", "displaced"}
PERSON_EVENT_TYPES = {"killed", "wounded", "displaced", "sheltered", "detained", "missing",
                      "returned"}
PLACE_LABELS = lx.PLACE_LABELS
#: nouns after "over N" that make "over" mean "across", not "more than"
AREA_NOUNS = {"region", "province", "district", "area", "city", "town", "village", "country",
              "state", "governorate", "oblast", "neighbourhood", "neighborhood", "location",
              "site", "front", "municipality", "county", "territory"}
FACILITY_NOUNS = {"base", "airbase", "camp", "hospital", "city", "town", "village", "port",
                  "airport", "province", "region", "district", "school", "shelter", "prison",
                  "border", "crossing", "area", "governorate", "state", "county", "facility"}
PLACE_PREPS = {"at", "in", "near", "to", "from", "into", "inside", "outside", "across", "around"}
ONE_BLOCKERS_BEFORE = {"no", "any", "every", "each", "the", "this", "that", "which", "only",
                       "someone", "anyone", "another", "last", "first", "single"}
