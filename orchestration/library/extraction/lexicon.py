"""Small curated reference data for actor and quote extraction.

Plain Python constants, no behaviour. Everything here is general (any conflict, any outlet):
role nouns, capital-city metonyms, well-known media outlets and organisations, country names,
and keyword rules that type an organisation from its name. Lowercase keys unless noted.
Article-specific knowledge (who "Zakharova" is, what "SNHR" stands for) is never listed here:
it is learned from the article itself (full names, "(ACRONYM)" definitions).
"""
from __future__ import annotations

# --- people ---------------------------------------------------------------------------------

# Nouns that, with "the", refer back to a person ("the spokeswoman said"); also used to strip
# titles in front of names ("Foreign Minister Sergei Lavrov"). Value = role group, so that
# "spokeswoman" can resolve to a person introduced as "spokesperson".
ROLE_NOUNS: dict[str, str] = {
    "spokesperson": "spokesperson", "spokeswoman": "spokesperson", "spokesman": "spokesperson",
    "press secretary": "spokesperson",
    "president": "president", "vice-president": "president", "vice president": "president",
    "prime minister": "prime minister", "premier": "prime minister", "chancellor": "prime minister",
    "minister": "minister", "foreign minister": "minister", "defence minister": "minister",
    "defense minister": "minister", "interior minister": "minister", "secretary": "minister",
    "secretary-general": "secretary-general", "secretary general": "secretary-general",
    "diplomat": "diplomat", "ambassador": "diplomat", "envoy": "diplomat", "emissary": "diplomat",
    "commander": "commander", "general": "commander", "colonel": "commander",
    "leader": "leader", "chief": "leader", "head": "leader", "chairman": "leader",
    "chairwoman": "leader", "chair": "leader", "director": "leader", "founder": "leader",
    "official": "official", "officer": "official", "representative": "official",
    "commissioner": "official", "ceo": "leader", "administrator": "official",
    "deputy": "official", "adviser": "official", "advisor": "official", "aide": "official",
    "coordinator": "official", "rapporteur": "official", "negotiator": "official",
    "mediator": "official", "governor": "governor", "mayor": "mayor",
    "lawmaker": "lawmaker", "senator": "lawmaker", "legislator": "lawmaker", "mp": "lawmaker",
    "king": "monarch", "queen": "monarch", "prince": "monarch", "emir": "monarch",
    "sheikh": "cleric", "cleric": "cleric", "imam": "cleric", "bishop": "cleric",
    "patriarch": "cleric", "pope": "cleric",
    "prosecutor": "prosecutor", "judge": "judge",
    "researcher": "researcher", "analyst": "researcher", "expert": "researcher",
    "journalist": "journalist", "correspondent": "journalist", "reporter": "journalist",
    "editor": "journalist", "activist": "activist",
}
# Roles broad enough to refer back to any titled person nearby ("the diplomat" after
# "Foreign Ministry spokesperson Maria Zakharova").
GENERIC_ROLE_GROUPS: frozenset[str] = frozenset({"diplomat", "official", "leader"})

# Words stripped from the front of a person name: honorifics, ranks, modifiers of titles.
TITLE_WORDS: frozenset[str] = frozenset({
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady",
    "gen", "gen.", "general", "brigadier", "brig", "brig.", "colonel", "col", "col.",
    "lieutenant", "lt", "lt.", "major", "maj", "maj.", "captain", "capt", "capt.", "sergeant",
    "sgt", "sgt.", "admiral", "adm", "adm.", "marshal", "field", "commander", "cmdr",
    "president", "vice", "prime", "minister", "foreign", "defence", "defense", "interior",
    "interim", "acting", "former", "ex", "deputy", "senior", "chief", "head", "leader",
    "spokesperson", "spokeswoman", "spokesman", "ambassador", "envoy", "secretary",
    "king", "queen", "prince", "princess", "emir", "sheikh", "shaikh", "imam", "ayatollah",
    "pope", "bishop", "patriarch", "senator", "sen", "sen.", "rep", "rep.", "governor", "mayor",
    "premier", "chancellor", "judge", "justice", "mufti", "transitional", "late", "then",
    # police and army ranks, and the abbreviations South Asian and African reports use for them
    "superintendent", "supt", "supt.", "inspector", "insp", "insp.", "constable", "corporal", "cpl", "cpl.",
    "warrant", "assistant", "additional", "commissioner", "sp", "asp", "dsp", "ssp", "igp", "dig", "ig", "dg",
    "adg", "cp", "acp", "dcp", "sho",
})

# ISO 3166-1 alpha-2 country codes: outlets append theirs to a name in their address ("premiumtimesng",
# "newagebd"), as country domains end in them.
COUNTRY_CODES: frozenset[str] = frozenset("""
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO
JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR
MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO
RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV
TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
""".split())

# --- places vs actors -----------------------------------------------------------------------

# Head nouns that make a name a place ("Hmeimim air base", "Latakia province", "village of X").
PLACE_NOUNS: frozenset[str] = frozenset({
    "base", "airbase", "airport", "airfield", "port", "harbour", "harbor", "facility",
    "province", "provinces", "governorate", "region", "district", "county", "state", "oblast",
    "city", "town", "village", "countryside", "neighbourhood", "neighborhood", "suburb",
    "camp", "area", "coast", "border", "valley", "mountains", "mountain", "river", "desert",
    "prison", "hospital", "crossing", "checkpoint", "front", "frontline", "square", "street",
    "municipality", "capital", "territory", "island", "peninsula", "strip", "bank", "corridor",
})
# Buildings and grounds a name may end in ("Tanta University Hospital", "Medina Hotel", "Garissa
# University College"): named once and never speaking, such a name says where something happened.
FACILITY_NOUNS: frozenset[str] = frozenset({
    "hospital", "clinic", "hotel", "university", "college", "school", "academy", "church", "cathedral",
    "mosque", "temple", "shrine", "theater", "theatre", "stadium", "market", "mall", "bakery", "palace",
    "airport", "prison", "camp",
})
# Units of local administration a name may end in: "Yigi Subdistrict", "Gimbi Woreda", "Donetsk Oblast",
# "Bokkos Local Government Area". Such a name is a place, never an actor ("division" is also an army's).
TERRITORIAL_UNITS: frozenset[str] = frozenset({
    "subdistrict", "sub-district", "woreda", "kebele", "oblast", "raion", "rayon", "krai", "prefecture",
    "commune", "township", "governorate", "province", "district", "county", "municipality", "region",
    "zone", "tehsil", "taluka", "upazila", "barangay", "lga",
})
LOCAL_GOVERNMENT_AREA = ("local", "government", "area")
# A state's possession that is geography, not agency ("Syria's coastal region").
GEO_POSSESSED: frozenset[str] = frozenset({
    "region", "coast", "province", "territory", "soil", "land", "border", "borders", "north",
    "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "capital",
    "city", "countryside", "airspace", "waters", "interior", "coastline", "mountains", "desert",
    "governorate", "cities", "towns", "villages", "oblast", "frontline", "frontlines",
    # possessions that are not acts either
    "history", "future", "past", "people", "population", "unity", "economy", "culture", "fate",
    "heritage", "civilians", "citizens", "minorities", "communities", "map", "name", "flag",
})
# Prepositions that make a following place name locative ("in Moscow", "at Hmeimim").
LOCATIVE_PREPS: frozenset[str] = frozenset({
    "in", "at", "near", "inside", "outside", "into", "within", "throughout", "across",
    "around", "towards", "toward", "onto", "beyond", "via", "along", "over", "through",
    "outside of", "out", "off", "under",
})
# "to/from/for" are locative only after motion words ("flights to Moscow", "fled from Kyiv");
# otherwise they mark a party ("support to Damascus", "approval from the Kremlin").
MOTION_WORDS: frozenset[str] = frozenset({
    "flight", "flights", "fly", "flee", "fled", "go", "travel", "trip", "visit", "return",
    "move", "head", "send", "deport", "evacuate", "evacuation", "transfer", "relocate",
    "withdraw", "withdrawal", "exit", "leave", "depart", "departure", "arrive", "arrival",
    "route", "road", "journey", "drive", "sail", "ship", "deliver", "delivery", "come",
    "escape", "pull", "retreat", "march", "advance", "enter", "cross", "bring", "take",
    "transport", "expel", "displace", "migrate", "emigrate", "land", "direct", "see", "view",
    "close", "near", "next", "adjacent", "distance", "away", "km", "kilometre", "kilometer",
    "kilometres", "kilometers", "mile", "miles", "north", "south", "east", "west",
})
# Head nouns that turn a place-name modifier into an agent ("the Damascus government",
# "Kremlin spokesperson", "Kyiv officials").
GOVERNMENT_HEADS: frozenset[str] = frozenset({
    "government", "authorities", "authority", "administration", "regime", "leadership",
    "official", "officials", "ministry", "embassy", "delegation", "cabinet", "parliament",
    "military", "army", "forces", "troops", "command", "presidency", "junta", "side",
})
# Verbs whose object is a party being addressed or acted upon as an agent ("urging Damascus").
ADDRESSEE_VERBS: frozenset[str] = frozenset({
    "urge", "ask", "call", "accuse", "blame", "criticize", "criticise", "condemn", "support",
    "back", "warn", "sanction", "pressure", "press", "help", "join", "invite", "thank",
    "recognize", "recognise", "tell", "persuade", "convince", "request", "demand", "push",
    "encourage", "praise", "fight", "defeat", "oppose", "arm", "fund", "supply", "engage",
    "contact", "meet", "lobby", "threaten", "allow", "force", "hold",
})
# Extra verbs whose object is a state as target ("Russia invaded Ukraine"); not used for
# capitals, where "attacked Kyiv" is a place.
STATE_TARGET_VERBS: frozenset[str] = frozenset({"invade", "attack", "annex", "occupy", "defeat"})
# Prepositions whose object is a party ("relations with Moscow", "talks between Kyiv and ...").
PARTY_PREPS: frozenset[str] = frozenset({"with", "between", "against", "among", "by", "versus", "vs"})

# --- states and capitals --------------------------------------------------------------------

# Surface form -> canonical state name. Case-sensitive surface forms.
COUNTRIES: dict[str, str] = {name: name for name in (
    "Afghanistan", "Albania", "Algeria", "Angola", "Argentina", "Armenia", "Australia", "Austria",
    "Azerbaijan", "Bahrain", "Bangladesh", "Belarus", "Belgium", "Benin", "Bolivia",
    "Bosnia and Herzegovina", "Brazil", "Bulgaria", "Burkina Faso", "Burundi", "Cambodia",
    "Cameroon", "Canada", "Central African Republic", "Chad", "Chile", "China", "Colombia",
    "Croatia", "Cuba", "Cyprus", "Czech Republic", "Denmark", "Djibouti", "Ecuador", "Egypt",
    "Eritrea", "Estonia", "Ethiopia", "Finland", "France", "Georgia", "Germany", "Ghana",
    "Greece", "Guatemala", "Guinea", "Haiti", "Hungary", "India", "Indonesia", "Iran", "Iraq",
    "Ireland", "Israel", "Italy", "Japan", "Jordan", "Kazakhstan", "Kenya", "Kosovo", "Kuwait",
    "Kyrgyzstan", "Laos", "Latvia", "Lebanon", "Libya", "Lithuania", "Mali", "Mauritania",
    "Mexico", "Moldova", "Mongolia", "Montenegro", "Morocco", "Mozambique", "Myanmar", "Nepal",
    "Netherlands", "New Zealand", "Nicaragua", "Niger", "Nigeria", "North Korea",
    "North Macedonia", "Norway", "Oman", "Pakistan", "Palestine", "Panama", "Peru",
    "Philippines", "Poland", "Portugal", "Qatar", "Romania", "Russia", "Rwanda", "Saudi Arabia",
    "Senegal", "Serbia", "Sierra Leone", "Slovakia", "Slovenia", "Somalia", "South Africa",
    "South Korea", "South Sudan", "Spain", "Sri Lanka", "Sudan", "Sweden", "Switzerland",
    "Syria", "Taiwan", "Tajikistan", "Tanzania", "Thailand", "Tunisia", "Turkey",
    "Turkmenistan", "Uganda", "Ukraine", "United Arab Emirates", "United Kingdom",
    "United States", "Uruguay", "Uzbekistan", "Venezuela", "Vietnam", "Yemen", "Zambia",
    "Zimbabwe", "Bosnia", "Congo", "Democratic Republic of the Congo", "Ivory Coast",
)}
COUNTRIES.update({
    "US": "United States", "U.S.": "United States", "USA": "United States",
    "United States of America": "United States", "America": "United States",
    "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom",
    "Great Britain": "United Kingdom", "Russian Federation": "Russia",
    "Turkiye": "Turkey", "Türkiye": "Turkey", "Burma": "Myanmar", "DRC": "Democratic Republic of the Congo",
    "DR Congo": "Democratic Republic of the Congo", "UAE": "United Arab Emirates",
    "Syrian Arab Republic": "Syria", "Islamic Republic of Iran": "Iran", "PRC": "China",
    "Côte d'Ivoire": "Ivory Coast", "Czechia": "Czech Republic", "KSA": "Saudi Arabia",
})

# A capital standing for its state is a mention of the state ("Moscow expects", "Kinshasa
# accused Kigali"); the seats of power (the Kremlin, the White House, the Pentagon) are the bodies
# they are. Surface form -> (canonical actor, actor_type). Contested capitals are left out on purpose.
METONYMS: dict[str, tuple[str, str]] = {
    # seats of power
    "Kremlin": ("Government of Russia", "government_body"),
    "White House": ("Government of the United States", "government_body"),
    "Pentagon": ("United States Department of Defense", "government_body"),
    "State Department": ("United States Department of State", "government_body"),
    "Downing Street": ("Government of the United Kingdom", "government_body"),
    "Whitehall": ("Government of the United Kingdom", "government_body"),
    "Elysee": ("Government of France", "government_body"),
    "Élysée": ("Government of France", "government_body"),
    "Brussels": ("European Union", "organization"),
    # capitals
    "Moscow": ("Russia", "state"),
    "Damascus": ("Syria", "state"),
    "Washington": ("United States", "state"),
    "Kyiv": ("Ukraine", "state"),
    "Kiev": ("Ukraine", "state"),
    "Beijing": ("China", "state"),
    "Ankara": ("Turkey", "state"),
    "Tehran": ("Iran", "state"),
    "Khartoum": ("Sudan", "state"),
    "Naypyidaw": ("Myanmar", "state"),
    "Naypyitaw": ("Myanmar", "state"),
    "Nay Pyi Taw": ("Myanmar", "state"),
    "London": ("United Kingdom", "state"),
    "Paris": ("France", "state"),
    "Berlin": ("Germany", "state"),
    "Riyadh": ("Saudi Arabia", "state"),
    "Cairo": ("Egypt", "state"),
    "Doha": ("Qatar", "state"),
    "Abu Dhabi": ("United Arab Emirates", "state"),
    "Amman": ("Jordan", "state"),
    "Baghdad": ("Iraq", "state"),
    "Beirut": ("Lebanon", "state"),
    "Kabul": ("Afghanistan", "state"),
    "Islamabad": ("Pakistan", "state"),
    "New Delhi": ("India", "state"),
    "Tokyo": ("Japan", "state"),
    "Seoul": ("South Korea", "state"),
    "Pyongyang": ("North Korea", "state"),
    "Minsk": ("Belarus", "state"),
    "Tbilisi": ("Georgia", "state"),
    "Baku": ("Azerbaijan", "state"),
    "Yerevan": ("Armenia", "state"),
    "Addis Ababa": ("Ethiopia", "state"),
    "Nairobi": ("Kenya", "state"),
    "Kinshasa": ("Democratic Republic of the Congo", "state"),
    "Kigali": ("Rwanda", "state"),
    "Juba": ("South Sudan", "state"),
    "Bamako": ("Mali", "state"),
    "Dhaka": ("Bangladesh", "state"),
    "Abuja": ("Nigeria", "state"),
    "Manila": ("Philippines", "state"),
    "Bangkok": ("Thailand", "state"),
    "Jakarta": ("Indonesia", "state"),
    "Mogadishu": ("Somalia", "state"),
    "Port-au-Prince": ("Haiti", "state"),
    "Bogota": ("Colombia", "state"),
    "Caracas": ("Venezuela", "state"),
    "Kampala": ("Uganda", "state"),
    "Ouagadougou": ("Burkina Faso", "state"),
    "Niamey": ("Niger", "state"),
    "N'Djamena": ("Chad", "state"),
    "Bangui": ("Central African Republic", "state"),
    "Algiers": ("Algeria", "state"),
    "Rabat": ("Morocco", "state"),
    "Tunis": ("Tunisia", "state"),
    "Warsaw": ("Poland", "state"),
    "Rome": ("Italy", "state"),
    "Madrid": ("Spain", "state"),
    "Ottawa": ("Canada", "state"),
    "Canberra": ("Australia", "state"),
    "Stockholm": ("Sweden", "state"),
    "Budapest": ("Hungary", "state"),
    "Asmara": ("Eritrea", "state"),
}

# --- media ----------------------------------------------------------------------------------

# Surface form -> (canonical outlet name, media kind). Case-sensitive surface forms.
MEDIA: dict[str, tuple[str, str]] = {
    # news agencies
    "Reuters": ("Reuters", "news_agency"), "AFP": ("Agence France-Presse", "news_agency"),
    "Agence France-Presse": ("Agence France-Presse", "news_agency"),
    "Agence France Presse": ("Agence France-Presse", "news_agency"),
    "AP": ("Associated Press", "news_agency"), "Associated Press": ("Associated Press", "news_agency"),
    "Sputnik": ("Sputnik", "news_agency"), "Sputnik News": ("Sputnik", "news_agency"),
    "Bloomberg": ("Bloomberg", "news_agency"), "Getty Images": ("Getty Images", "photo_agency"),
    # national news agencies: NEWS_AGENCIES below
    # broadcasters
    "BBC": ("BBC", "broadcaster"), "BBC News": ("BBC News", "broadcaster"),
    "CNN": ("CNN", "broadcaster"), "NBC News": ("NBC News", "broadcaster"), "NBC": ("NBC", "broadcaster"),
    "CBS News": ("CBS News", "broadcaster"), "ABC News": ("ABC News", "broadcaster"),
    "Fox News": ("Fox News", "broadcaster"), "NPR": ("NPR", "broadcaster"), "PBS": ("PBS", "broadcaster"),
    "Sky News": ("Sky News", "broadcaster"), "Al Jazeera": ("Al Jazeera", "broadcaster"),
    "Al-Jazeera": ("Al Jazeera", "broadcaster"), "Al Arabiya": ("Al Arabiya", "broadcaster"),
    "Al-Arabiya": ("Al Arabiya", "broadcaster"), "Al Mayadeen": ("Al Mayadeen", "broadcaster"),
    "RT": ("RT", "broadcaster"), "France 24": ("France 24", "broadcaster"),
    "Deutsche Welle": ("Deutsche Welle", "broadcaster"), "DW": ("Deutsche Welle", "broadcaster"),
    "Euronews": ("Euronews", "broadcaster"), "VOA": ("Voice of America", "broadcaster"),
    "Voice of America": ("Voice of America", "broadcaster"),
    "Radio Free Europe": ("Radio Free Europe/Radio Liberty", "broadcaster"),
    "RFE/RL": ("Radio Free Europe/Radio Liberty", "broadcaster"),
    "Syria TV": ("Syria TV", "broadcaster"), "Radio Dabanga": ("Radio Dabanga", "broadcaster"),
    "Channel 4 News": ("Channel 4 News", "broadcaster"), "TRT": ("TRT", "broadcaster"),
    "Press TV": ("Press TV", "broadcaster"), "Channel 12": ("Channel 12", "broadcaster"),
    # newspapers and online outlets
    "The Media Line": ("The Media Line", "online"), "Media Line": ("The Media Line", "online"),
    "Jerusalem Post": ("The Jerusalem Post", "newspaper"),
    "Times of Israel": ("The Times of Israel", "online"), "Haaretz": ("Haaretz", "newspaper"),
    "New York Times": ("The New York Times", "newspaper"),
    "Washington Post": ("The Washington Post", "newspaper"),
    "Wall Street Journal": ("The Wall Street Journal", "newspaper"),
    "Financial Times": ("Financial Times", "newspaper"),
    "The Economist": ("The Economist", "newspaper"), "Le Monde": ("Le Monde", "newspaper"),
    "Der Spiegel": ("Der Spiegel", "newspaper"), "Politico": ("Politico", "online"),
    "Axios": ("Axios", "online"), "Middle East Eye": ("Middle East Eye", "online"),
    "New Arab": ("The New Arab", "online"), "Asharq Al-Awsat": ("Asharq Al-Awsat", "newspaper"),
    "Enab Baladi": ("Enab Baladi", "online"), "Syria Direct": ("Syria Direct", "online"),
    "Kommersant": ("Kommersant", "newspaper"), "Izvestia": ("Izvestia", "newspaper"),
    "Meduza": ("Meduza", "online"), "Moscow Times": ("The Moscow Times", "newspaper"),
    "Novaya Gazeta": ("Novaya Gazeta", "newspaper"), "Kyiv Independent": ("The Kyiv Independent", "online"),
    "Ukrainska Pravda": ("Ukrainska Pravda", "online"), "Kyiv Post": ("Kyiv Post", "newspaper"),
    "Sudan Tribune": ("Sudan Tribune", "online"), "Irrawaddy": ("The Irrawaddy", "online"),
    "Myanmar Now": ("Myanmar Now", "online"), "Frontier Myanmar": ("Frontier Myanmar", "online"),
    "Global Research": ("Global Research", "online"), "South China Morning Post": ("South China Morning Post", "newspaper"),
    "Global Times": ("Global Times", "newspaper"), "Daily Sabah": ("Daily Sabah", "newspaper"),
    "Hurriyet": ("Hurriyet", "newspaper"), "L'Orient Today": ("L'Orient Today", "online"),
    "Arab News": ("Arab News", "newspaper"),
}


def _agencies(rows: str) -> dict[str, tuple[str, str]]:
    """ "Full Name | FORM | Form": each form (and the full name) -> (full name, news_agency)."""
    out: dict[str, tuple[str, str]] = {}
    for line in rows.strip().splitlines():
        name, *forms = [x.strip() for x in line.split("|")]
        for form in (name, *forms):
            out[form] = (name, "news_agency")
    return out


# National and international news agencies of the world, by their English name, with the acronyms
# and short names wire copy credits them by ("according to NAN", "reported dpa news"). General knowledge, so
# that an agency credited on a page from any country is a known outlet. Left out on purpose: forms
# that are common words, places or other bodies in conflict news ("PTI" a Pakistani party, "ANA"
# the Afghan army, "GNA" Libya's government, "ACP" a police rank, "PNA", "MNA", "Fars", "Petra",
# "Efe" a first name).
NEWS_AGENCIES: dict[str, tuple[str, str]] = _agencies("""
    Agencia EFE | EFE | EFE news agency
    Deutsche Presse-Agentur | dpa | DPA
    Press Trust of India
    Asian News International | ANI
    Indo-Asian News Service | IANS
    United News of India
    Associated Press of Pakistan | APP
    Bangladesh Sangbad Sangstha | BSS
    Bernama | BERNAMA | Malaysian National News Agency
    Antara | ANTARA | Antara News
    Philippine News Agency
    Vietnam News Agency | VNA
    Myanmar News Agency
    Kyodo News | Kyodo
    Jiji Press | Jiji
    Yonhap | Yonhap News Agency
    Korean Central News Agency | KCNA
    Xinhua | Xinhua News Agency
    Pajhwok Afghan News | Pajhwok
    Bakhtar News Agency | Bakhtar
    IRNA | Islamic Republic News Agency
    Fars News Agency | Fars news agency
    Mehr News Agency | Mehr news agency
    Iranian Students' News Agency | ISNA
    Iranian Labour News Agency | ILNA
    Tasnim | Tasnim News Agency
    Saudi Press Agency | SPA
    Emirates News Agency | WAM
    Kuwait News Agency | KUNA
    Qatar News Agency | QNA
    Bahrain News Agency
    Oman News Agency
    Jordan News Agency
    Middle East News Agency
    Iraqi News Agency
    National News Agency | NNA
    SANA | Syrian Arab News Agency
    WAFA | Palestinian News and Info Agency
    Saba News Agency | Saba news agency
    Sudan News Agency | SUNA
    Libya News Agency | LANA
    Ethiopian News Agency | ENA
    Kenya News Agency
    Somali National News Agency | SONNA
    News Agency of Nigeria | NAN
    Ghana News Agency
    Congolese Press Agency | Agence Congolaise de Presse
    Agence d'Information du Burkina
    Agence Ivoirienne de Presse
    Agence Nigérienne de Presse
    Algérie Presse Service | Algerie Presse Service
    Maghreb Arabe Presse
    Tunis Afrique Presse
    African News Agency
    South African Press Association | SAPA
    Anadolu Agency | Anadolu
    Demirören News Agency
    Ukrinform
    UNIAN
    Interfax-Ukraine
    Interfax
    TASS | ITAR-TASS | Itar-Tass
    RIA Novosti
    Armenpress
    Azertac | AZERTAC
    Kazinform
    AKIpress
    Kabar
    ANSA
    Agenzia Nova
    Europa Press
    Lusa
    Belga
    Polish Press Agency
    Czech News Agency | ČTK | CTK
    Hungarian News Agency | MTI
    Bulgarian News Agency | BTA
    Agerpres
    Tanjug
    HINA
    Prensa Latina
    Notimex
    Télam | Telam
    Agência Brasil | Agencia Brasil
    Andina
    Colprensa
""")
MEDIA = {**NEWS_AGENCIES, **MEDIA}

# Words in a name that make an unknown organisation a media outlet ("Syria Times", "Ahval News").
MEDIA_KEYWORDS: frozenset[str] = frozenset({
    "news", "times", "post", "press", "tribune", "gazette", "journal", "herald", "daily",
    "television", "tv", "radio", "broadcasting", "media", "newspaper", "chronicle", "telegraph",
    "courier", "newswire",
})

# Platforms people post on: where a statement appeared, never who made it.
PLATFORMS: frozenset[str] = frozenset({
    "facebook", "twitter", "instagram", "youtube", "tiktok", "telegram", "whatsapp", "linkedin",
})
# Not actors: platforms, page furniture and shouted common words NER tags as ORG/PERSON.
NON_ACTOR_WORDS: frozenset[str] = PLATFORMS | frozenset({
    "email", "e-mail", "newsletter", "subscribe", "related", "articles", "article", "read",
    "more", "share", "follow", "source", "photo", "credit", "image", "images", "exclusive",
    "update", "breaking", "live", "video", "watch", "click", "print", "comments", "reply",
    "advertisement", "enlrage", "enlarge", "url", "menu", "home", "politics", "opinion",
    "copyright", "caption", "file", "files", "analysis", "explainer", "editorial", "supplied", "handout",
    "gmt", "utc",
})
# Initials of things, not bodies: weapons and vehicles, devices, medicine, laws and codes, and
# words of writing ("CCTV footage", "an RPG", "the ICU", "under the CrPC", "ASAP"). NER tags them
# ORG; an article that spells one out as a body's name ("(ICU)" after a name) still makes it one.
# Read only for a name shaped like initials (name_tokens._ACRONYM_SHAPE), so no plural ("IEDs").
THING_ACRONYMS: frozenset[str] = frozenset({
    # weapons, munitions and vehicles
    "RPG", "IED", "VBIED", "HIMARS", "MLRS", "ATGM", "MANPADS", "UAV", "AK",
    "AKM", "SUV", "MRAP", "HE", "TNT", "GPS", "ICBM", "SAM",
    # devices, media and networks
    "CCTV", "TV", "SMS", "URL", "PDF", "HD", "LED", "GSM", "VPN", "AI", "IT", "ID",
    # medicine
    "ICU", "ER", "OPD", "CPR", "DNA", "HIV", "AIDS", "PTSD", "COVID",
    # laws and codes
    "CrPC", "IPC", "FIR", "AFSPA", "UAPA",
    # words of writing and time
    "ASAP", "FAQ", "FYI", "PS", "RIP", "GMT", "UTC", "AM", "PM", "BC", "AD", "END", "UPD", "CEO",
    "VIP", "GDP", "LNG", "POW", "IDP",
})
# Labels a saved page leaves after a photo caption ("Enlarge image", "View gallery"); a label
# with two letters swapped ("Enlrage image") is the same label.
IMAGE_LABEL_VERBS: frozenset[str] = frozenset({"enlarge", "expand", "view", "zoom", "open", "see", "show"})
IMAGE_LABEL_NOUNS: frozenset[str] = frozenset({"image", "images", "photo", "photos", "picture", "pictures", "gallery",
                                               "slideshow"})
# Trailing words trimmed from a name ("The Jerusalem Post Newsletter" -> "The Jerusalem Post").
TRAILING_JUNK: frozenset[str] = frozenset({"newsletter", "website", "app", "podcast", "channel"})
# Lower-case words after an organisation's name that say what kind of body it is, not its name: the
# model tags "the Mezopotamya news agency" as "Mezopotamya news", "AFP news agency" whole.
# those of them that make the body an outlet
MEDIA_TAILS: frozenset[str] = frozenset({"news", "newspaper", "broadcaster", "daily", "portal", "tv", "television", "radio"})
GENERIC_NAME_TAILS: frozenset[str] = MEDIA_TAILS | {"agency", "group", "movement", "network", "outlet"}

# --- organisations --------------------------------------------------------------------------

# A state's armed forces by the name they go by where it is not "<Demonym> Armed Forces": "the
# Israeli military" and "the IDF" are one actor, the Israel Defense Forces (general knowledge, by
# state name as COUNTRIES spells it; the forces "<Demonym> Armed Forces" names well are left out).
NATIONAL_FORCES: dict[str, str] = {
    "Israel": "Israel Defense Forces", "Uganda": "Uganda People's Defence Force",
    "Kenya": "Kenya Defence Forces", "Tanzania": "Tanzania People's Defence Force",
    "Rwanda": "Rwanda Defence Force", "Zimbabwe": "Zimbabwe Defence Forces",
    "South Africa": "South African National Defence Force", "Ethiopia": "Ethiopian National Defense Force",
    "Somalia": "Somali National Army", "Democratic Republic of the Congo":
        "Armed Forces of the Democratic Republic of the Congo",
    "Philippines": "Armed Forces of the Philippines", "Ukraine": "Armed Forces of Ukraine",
    "Thailand": "Royal Thai Armed Forces", "Cambodia": "Royal Cambodian Armed Forces",
    "Indonesia": "Indonesian National Armed Forces", "Japan": "Japan Self-Defense Forces",
    "Myanmar": "Myanmar Armed Forces",
}

# Well-known organisations by name or acronym -> (canonical, actor_type). In-article
# "(ACRONYM)" definitions take precedence. Case-sensitive surface forms.
KNOWN_ORGS: dict[str, tuple[str, str]] = {
    "UN": ("United Nations", "organization"), "United Nations": ("United Nations", "organization"),
    "EU": ("European Union", "organization"), "European Union": ("European Union", "organization"),
    "NATO": ("NATO", "organization"), "ICRC": ("International Committee of the Red Cross", "organization"),
    "UNHCR": ("UNHCR", "organization"), "UNICEF": ("UNICEF", "organization"),
    "WFP": ("World Food Programme", "organization"), "OCHA": ("OCHA", "organization"),
    "UNRWA": ("UNRWA", "organization"), "OHCHR": ("OHCHR", "organization"),
    "World Health Organization": ("World Health Organization", "organization"),
    "WHO": ("World Health Organization", "organization"),
    "IOM": ("International Organization for Migration", "organization"),
    "MSF": ("Médecins Sans Frontières", "organization"),
    "Doctors Without Borders": ("Médecins Sans Frontières", "organization"),
    "HRW": ("Human Rights Watch", "organization"), "Amnesty": ("Amnesty International", "organization"),
    "ICC": ("International Criminal Court", "organization"), "ICJ": ("International Court of Justice", "organization"),
    "IAEA": ("IAEA", "organization"), "OSCE": ("OSCE", "organization"), "African Union": ("African Union", "organization"),
    "AU": ("African Union", "organization"), "ASEAN": ("ASEAN", "organization"),
    "Arab League": ("Arab League", "organization"), "ACLED": ("ACLED", "organization"),
    "ISW": ("Institute for the Study of War", "organization"),
    "Hamas": ("Hamas", "armed_group"), "Hezbollah": ("Hezbollah", "armed_group"),
    "Houthis": ("Houthis", "armed_group"), "Ansar Allah": ("Houthis", "armed_group"),
    "Islamic Jihad": ("Palestinian Islamic Jihad", "armed_group"), "Taliban": ("Taliban", "armed_group"),
    "ISIS": ("Islamic State", "armed_group"), "ISIL": ("Islamic State", "armed_group"),
    "Islamic State": ("Islamic State", "armed_group"), "Daesh": ("Islamic State", "armed_group"),
    "al-Qaeda": ("al-Qaeda", "armed_group"), "Al-Qaeda": ("al-Qaeda", "armed_group"),
    "al-Shabaab": ("al-Shabaab", "armed_group"), "Boko Haram": ("Boko Haram", "armed_group"),
    "HTS": ("Hayat Tahrir al-Sham", "armed_group"), "Hayat Tahrir al-Sham": ("Hayat Tahrir al-Sham", "armed_group"),
    "RSF": ("Rapid Support Forces", "armed_group"), "Rapid Support Forces": ("Rapid Support Forces", "armed_group"),
    "SAF": ("Sudanese Armed Forces", "military_unit"), "IDF": (NATIONAL_FORCES["Israel"], "military_unit"),
    "Wagner": ("Wagner Group", "armed_group"), "Wagner Group": ("Wagner Group", "armed_group"),
    "Africa Corps": ("Africa Corps", "armed_group"), "PKK": ("PKK", "armed_group"),
    "YPG": ("YPG", "armed_group"), "SDF": ("Syrian Democratic Forces", "armed_group"),
    "SNA": ("Syrian National Army", "armed_group"), "Tatmadaw": (NATIONAL_FORCES["Myanmar"], "military_unit"),
    "PDF": ("People's Defence Force", "armed_group"), "Arakan Army": ("Arakan Army", "armed_group"),
    "M23": ("M23", "armed_group"), "Fatah": ("Fatah", "organization"),
    "Red Cross": ("Red Cross", "organization"), "Red Crescent": ("Red Crescent", "organization"),
    "White Helmets": ("White Helmets", "organization"),
}
# UN bodies as news copy describes them: "the UN refugee agency", "the U.N. children's agency", "the
# United Nations' human rights office" (the words between "UN" and the head noun -> the body, as
# KNOWN_ORGS names it). Lower case; "'s" and hyphens removed before the lookup.
UN_DESCRIBED: dict[str, str] = {
    "refugee": "UNHCR", "refugees": "UNHCR", "high commissioner for refugees": "UNHCR",
    "children": "UNICEF", "child": "UNICEF", "childrens": "UNICEF", "children emergency": "UNICEF",
    "human rights": "OHCHR", "rights": "OHCHR", "high commissioner for human rights": "OHCHR",
    "humanitarian": "OCHA", "humanitarian affairs": "OCHA", "humanitarian coordination": "OCHA",
    "aid coordination": "OCHA", "emergency relief": "OCHA",
    "food": "World Food Programme", "food aid": "World Food Programme",
    "health": "World Health Organization", "migration": "International Organization for Migration",
    "palestinian refugee": "UNRWA", "palestine refugee": "UNRWA", "nuclear": "IAEA",
}
# Head nouns of such a description ("agency", "office").
UN_BODY_HEADS: frozenset[str] = frozenset({"agency", "office", "body", "fund", "programme", "program", "organization",
                                            "organisation", "watchdog", "commission", "commissioner"})

# Leading acronyms expanded in canonical names ("UN Security Council").
ACRONYM_PREFIXES: dict[str, str] = {"UN": "United Nations", "U.N.": "United Nations", "EU": "European Union"}

# Keyword rules typing an organisation from its name, first match wins. Lowercase words;
# multi-word keys match as phrases.
MILITARY_UNIT_WORDS: frozenset[str] = frozenset({
    "army", "navy", "air force", "armed forces", "defense forces", "defence forces",
    "security forces", "division", "battalion", "regiment", "corps", "marines", "guard",
    "special forces", "border guard", "national guard", "republican guard",
})
ARMED_GROUP_WORDS: frozenset[str] = frozenset({
    "militia", "militias", "rebels", "rebel", "front", "brigade", "brigades", "forces",
    "movement", "mujahideen", "resistance", "liberation", "jihad", "insurgents", "fighters",
    "faction", "factions", "legion",
})
GOVERNMENT_BODY_WORDS: frozenset[str] = frozenset({
    "ministry", "foreign ministry", "council", "agency", "department", "government",
    "administration", "parliament", "senate", "congress", "cabinet", "presidency",
    "directorate", "commission", "authority", "office", "treasury", "embassy", "consulate",
    "security service", "intelligence", "general security", "assembly", "court", "tribunal",
    "prosecutor", "municipality", "governorate", "police", "emergency service",
    "emergency services", "civil defence", "civil defense", "health ministry",
})
ORGANIZATION_WORDS: frozenset[str] = frozenset({
    "network", "observatory", "watch", "amnesty", "red crescent", "red cross", "committee",
    "center", "centre", "institute", "foundation", "university", "organization", "organisation",
    "association", "union", "federation", "program", "programme", "fund", "coalition", "party",
    "endowment", "society", "trust", "initiative", "project", "group", "company", "corporation",
    "bank", "alliance", "league", "doctors", "syndicate", "council",
})
# Any of these at the end of a proper-noun chain makes it an organisation name even when NER
# missed it ("Malcolm H. Kerr Carnegie Middle East Center", "Stimson Center").
ORG_HEAD_WORDS: frozenset[str] = frozenset({
    "ministry", "council", "agency", "department", "directorate", "commission", "authority",
    "network", "observatory", "watch", "committee", "center", "centre", "institute",
    "foundation", "university", "organization", "organisation", "association", "union",
    "federation", "programme", "fund", "coalition", "party", "endowment", "army", "forces",
    "brigade", "brigades", "division", "battalion", "regiment", "corps", "militia", "front",
    "movement", "crescent", "cross", "police", "administration", "court", "tribunal", "office",
    "program", "society", "group", "force", "guard", "service", "services", "assembly",
    "government", "commission", "secretariat", "mission", "bureau", "republic",
})

# --- quotes ---------------------------------------------------------------------------------

# Lemmas of verbs (and "according") that attribute speech. Lowercase.
SPEECH_VERBS: frozenset[str] = frozenset({
    "say", "tell", "add", "state", "note", "explain", "stress", "emphasize", "emphasise",
    "insist", "claim", "announce", "declare", "warn", "write", "tweet", "post", "ask", "reply",
    "respond", "answer", "continue", "conclude", "argue", "assert", "affirm", "confirm", "deny",
    "acknowledge", "admit", "recall", "describe", "call", "term", "dub", "label", "indicate",
    "point", "observe", "comment", "remark", "mention", "report", "reveal", "disclose",
    "suggest", "urge", "demand", "cite", "quote", "put", "express", "consider", "accuse",
    "charge", "complain", "lament", "allege", "maintain", "repeat", "reiterate", "predict",
    "promise", "pledge", "vow", "threaten", "condemn", "denounce", "decry", "hail", "praise",
    "encourage", "recount", "whisper", "shout", "cry", "plead", "beg", "testify", "exclaim",
    "sigh", "joke", "agree", "believe", "think", "estimate", "read", "conclude", "caution",
})
# Pronouns that can name a speaker; resolved to the last person mentioned before the quote.
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her"})

# --- institutions named by demonym or possessive ("the Israeli military", "Sudan's army") -----

# Demonym -> canonical state (as in COUNTRIES). Case-sensitive surface forms.
DEMONYMS: dict[str, str] = {
    "Afghan": "Afghanistan", "Albanian": "Albania", "Algerian": "Algeria", "Angolan": "Angola",
    "Argentine": "Argentina", "Argentinian": "Argentina", "Armenian": "Armenia",
    "Australian": "Australia", "Austrian": "Austria", "Azerbaijani": "Azerbaijan", "Azeri": "Azerbaijan",
    "Bahraini": "Bahrain", "Bangladeshi": "Bangladesh", "Belarusian": "Belarus", "Belgian": "Belgium",
    "Beninese": "Benin", "Bolivian": "Bolivia", "Bosnian": "Bosnia and Herzegovina", "Brazilian": "Brazil",
    "British": "United Kingdom", "Bulgarian": "Bulgaria", "Burkinabe": "Burkina Faso", "Burkinabè": "Burkina Faso",
    "Burundian": "Burundi", "Cambodian": "Cambodia", "Cameroonian": "Cameroon", "Canadian": "Canada",
    "Central African": "Central African Republic", "Chadian": "Chad", "Chilean": "Chile", "Chinese": "China",
    "Colombian": "Colombia", "Congolese": "Democratic Republic of the Congo", "Croatian": "Croatia",
    "Cuban": "Cuba", "Cypriot": "Cyprus", "Czech": "Czech Republic", "Danish": "Denmark",
    "Djiboutian": "Djibouti", "Dutch": "Netherlands", "Ecuadorian": "Ecuador", "Egyptian": "Egypt",
    "Emirati": "United Arab Emirates", "Eritrean": "Eritrea", "Estonian": "Estonia", "Ethiopian": "Ethiopia",
    "Filipino": "Philippines", "Philippine": "Philippines", "Finnish": "Finland", "French": "France",
    "Georgian": "Georgia", "German": "Germany", "Ghanaian": "Ghana", "Greek": "Greece",
    "Guatemalan": "Guatemala", "Guinean": "Guinea", "Haitian": "Haiti", "Hungarian": "Hungary",
    "Indian": "India", "Indonesian": "Indonesia", "Iranian": "Iran", "Iraqi": "Iraq", "Irish": "Ireland",
    "Israeli": "Israel", "Italian": "Italy", "Ivorian": "Ivory Coast", "Japanese": "Japan",
    "Jordanian": "Jordan", "Kazakh": "Kazakhstan", "Kenyan": "Kenya", "Kosovar": "Kosovo",
    "Kuwaiti": "Kuwait", "Kyrgyz": "Kyrgyzstan", "Lao": "Laos", "Latvian": "Latvia", "Lebanese": "Lebanon",
    "Libyan": "Libya", "Lithuanian": "Lithuania", "Malian": "Mali", "Mauritanian": "Mauritania",
    "Mexican": "Mexico", "Moldovan": "Moldova", "Mongolian": "Mongolia", "Montenegrin": "Montenegro",
    "Moroccan": "Morocco", "Mozambican": "Mozambique", "Myanmar": "Myanmar", "Burmese": "Myanmar",
    "Nepali": "Nepal", "Nepalese": "Nepal", "New Zealand": "New Zealand", "Nicaraguan": "Nicaragua",
    "Nigerien": "Niger", "Nigerian": "Nigeria", "North Korean": "North Korea", "Norwegian": "Norway",
    "Omani": "Oman", "Pakistani": "Pakistan", "Palestinian": "Palestine", "Panamanian": "Panama",
    "Peruvian": "Peru", "Polish": "Poland", "Portuguese": "Portugal", "Qatari": "Qatar",
    "Romanian": "Romania", "Russian": "Russia", "Rwandan": "Rwanda", "Saudi": "Saudi Arabia",
    "Senegalese": "Senegal", "Serbian": "Serbia", "Sierra Leonean": "Sierra Leone", "Slovak": "Slovakia",
    "Slovenian": "Slovenia", "Somali": "Somalia", "South African": "South Africa",
    "South Korean": "South Korea", "South Sudanese": "South Sudan", "Spanish": "Spain",
    "Sri Lankan": "Sri Lanka", "Sudanese": "Sudan", "Swedish": "Sweden", "Swiss": "Switzerland",
    "Syrian": "Syria", "Taiwanese": "Taiwan", "Tajik": "Tajikistan", "Tanzanian": "Tanzania",
    "Thai": "Thailand", "Tunisian": "Tunisia", "Turkish": "Turkey", "Turkmen": "Turkmenistan",
    "Ugandan": "Uganda", "Ukrainian": "Ukraine", "American": "United States", "US": "United States",
    "U.S.": "United States", "UK": "United Kingdom", "Uruguayan": "Uruguay", "Uzbek": "Uzbekistan",
    "Venezuelan": "Venezuela", "Vietnamese": "Vietnam", "Yemeni": "Yemen", "Zambian": "Zambia",
    "Zimbabwean": "Zimbabwe",
}
# The demonym a state's institutions are named with in canonical names (first listed wins).
STATE_DEMONYM: dict[str, str] = {}
for _demonym, _state in DEMONYMS.items():
    if _demonym.isalpha() or " " in _demonym:
        STATE_DEMONYM.setdefault(_state, _demonym)

# Head nouns of a state's institutions, by class. A demonym, a state, a place or a capital in
# front of them ("the Israeli military", "Sudan's army", "Gaza's civil defence agency") makes
# one actor of the phrase; the class picks its canonical form and type.
MILITARY_HEADS: frozenset[str] = frozenset({
    "military", "army", "armed forces", "forces", "troops", "defence forces", "defense forces",
})
GOVERNMENT_INSTITUTION_HEADS: frozenset[str] = frozenset({
    "authorities", "government", "regime", "administration", "junta", "leadership",
})
# Heads kept as written in the canonical name ("Gaza Civil Defence Agency", "Russian Defence Ministry").
NAMED_INSTITUTION_HEADS: frozenset[str] = frozenset({
    "ministry", "police", "navy", "air force", "coast guard", "border guard", "national guard",
    "agency", "civil defence", "civil defense", "intelligence", "security forces", "security service",
    "presidency", "parliament", "foreign ministry", "defence ministry", "defense ministry",
    "health ministry", "interior ministry", "emergency service", "emergency services",
    "emergencies ministry", "prosecutor's office", "investigative committee", "national police",
})

# Generic nouns that, with "the", refer back to an organisation named earlier ("the Observatory",
# "the monitor", "the group"). Value = actor types the antecedent may have.
ORG_REFERENCE_NOUNS: dict[str, frozenset[str]] = {
    "observatory": frozenset({"organization"}), "monitor": frozenset({"organization"}),
    "watchdog": frozenset({"organization", "government_body"}),
    # names are typed from their words ("... Office" is a government body), so a generic noun
    # accepts both civil kinds
    "network": frozenset({"organization"}), "organization": frozenset({"organization", "government_body"}),
    "organisation": frozenset({"organization", "government_body"}), "ngo": frozenset({"organization"}),
    "charity": frozenset({"organization"}), "group": frozenset({"organization", "armed_group"}),
    "agency": frozenset({"organization", "government_body"}), "body": frozenset({"organization", "government_body"}),
    "ministry": frozenset({"government_body"}), "department": frozenset({"government_body"}),
    "office": frozenset({"government_body", "organization"}), "committee": frozenset({"organization", "government_body"}),
    "commission": frozenset({"organization", "government_body"}), "council": frozenset({"organization", "government_body"}),
    "militia": frozenset({"armed_group"}), "movement": frozenset({"armed_group", "organization"}),
    "rebels": frozenset({"armed_group"}), "paramilitaries": frozenset({"armed_group"}),
    "paramilitary": frozenset({"armed_group"}), "army": frozenset({"military_unit"}),
    "military": frozenset({"military_unit"}), "junta": frozenset({"government_body", "military_unit"}),
    "union": frozenset({"organization"}), "syndicate": frozenset({"organization"}),
    "mission": frozenset({"organization"}), "coalition": frozenset({"armed_group", "military_unit", "organization"}),
}
# Words before a reference noun that say what kind of body it is: "the militant group" refers back
# to an armed group only, "the news agency" to no organisation at all.
REFERENCE_MODIFIER_TYPES: dict[str, frozenset[str]] = {
    **dict.fromkeys(("militant", "terrorist", "rebel", "jihadist", "insurgent", "extremist", "separatist",
                     "islamist", "guerrilla", "paramilitary"), frozenset({"armed_group"})),
    "armed": frozenset({"armed_group", "military_unit"}),
    **dict.fromkeys(("news", "media", "press", "wire"), frozenset({"media"})),
}
# Reference nouns that are plural by nature ("the rebels"); any other plural ("bodies", "groups")
# counts several, never one body referred to again.
PLURAL_REFERENCE_NOUNS: frozenset[str] = frozenset({"rebels", "paramilitaries"})
# Role nouns of people who speak for an organisation; unnamed ("a spokesman", "a senior U.N.
# official") they credit the organisation.
SPOKESPERSON_NOUNS: frozenset[str] = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "official", "officials", "representative",
    "spokespeople",
})  # not "a source": an unnamed source is nobody's spokesperson
# The kind of body a lowercase word before a spokesperson noun names ("a police spokesman", "hospital
# officials", "local officials"): that word in the body's name, or one of those actor types. An
# "army spokesman" never speaks for the police named a sentence before, nor "hospital officials" for
# the news agency.
SPEAKER_BODY_KINDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    **dict.fromkeys(("police", "gendarmerie"), (frozenset({"police", "gendarmerie", "policía", "polícia"}),
                                                 frozenset())),
    **dict.fromkeys(("army", "military", "navy", "defence", "defense"),
                    (frozenset({"army", "military", "navy", "defence", "defense", "forces"}), frozenset({"military_unit"}))),
    **dict.fromkeys(("hospital", "health", "medical"),
                    (frozenset({"hospital", "health", "medical", "clinic", "doctors", "médecins"}), frozenset())),
    **dict.fromkeys(("government", "local", "regional", "provincial", "district", "municipal", "city", "state"),
                    (frozenset({"government", "council", "authority", "authorities"}), frozenset({"government_body", "state"}))),
    "security": (frozenset({"security", "police", "army", "military"}),
                 frozenset({"military_unit", "government_body", "state"})),
}


# --- typography -----------------------------------------------------------------------------

# Digits as note markers print them ("see note ⁵⁰⁵"): readers write Word's and PDFs' raised note
# numbers this way, and citations look for them in the text.
TO_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

# --- calendar and places --------------------------------------------------------------------

# Month names and abbreviations -> month number (dates, figures, citations and the article
# reader all read them from here).
MONTH_NUMBERS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
FULL_MONTH_NAMES: tuple[str, ...] = tuple(m for m, _ in sorted(
    ((m, n) for m, n in MONTH_NUMBERS.items() if len(m) > 4 or m in ("may", "june", "july")), key=lambda x: x[1]))
WEEKDAY_NUMBERS: dict[str, int] = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
                                   "saturday": 5, "sunday": 6}
# spaCy entity labels that name places: where things happen, never an actor by themselves
PLACE_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})

# --- modality ---------------------------------------------------------------------------------

# Words that make a figure a ceiling rather than a count: "potentially rising to 9,000", "could reach 100".
MODALITY_ADVERBS: frozenset[str] = frozenset({"potentially", "possibly", "likely", "perhaps", "probably"})
# -ing forms of verbs of rising that take "to" + a number ("rising to", "climbing to")
RISING_FORMS: frozenset[str] = frozenset({"rising", "climbing", "increasing", "growing", "reaching", "swelling",
                                          "mounting", "jumping", "soaring"})

# --- reporting --------------------------------------------------------------------------------

# Verbs that attribute a statement or a figure to a source (lemma -> cue written in the record).
# SPEECH_VERBS above are the verbs that introduce a quotation; events read both.
REPORTING_VERBS: dict[str, str] = {
    "say": "said", "state": "stated", "announce": "announced", "tell": "told",
    "report": "reported", "add": "said", "note": "noted", "claim": "claimed",
    "estimate": "estimated", "document": "documented", "confirm": "confirmed",
    "explain": "said", "reveal": "revealed", "indicate": "said", "emphasize": "said",
    "emphasise": "said", "insist": "said", "record": "recorded", "count": "counted",
    "warn": "said", "declare": "stated", "write": "wrote", "tweet": "posted", "post": "posted",
    "acknowledge": "said", "mention": "said", "publish": "published", "assert": "said",
    "allege": "claimed", "disclose": "revealed", "testify": "said", "recount": "said",
    "stress": "said", "tally": "counted", "verify": "documented", "put": "estimated",
    "find": "found", "register": "recorded", "describe": "said",
    "inform": "told", "point": "said", "cite": "said", "detail": "said", "specify": "said",
    "quote": "reported",
}

# Verbs of saying whose clause reports speech rather than a happening (events skip these clauses;
# "rescuers found 12 bodies" stays an event, so finding and counting are not among them).
SAYING_VERBS: frozenset[str] = frozenset({
    "say", "state", "announce", "tell", "add", "note", "claim", "declare", "report", "confirm", "deny", "warn",
    "explain", "reveal", "indicate", "emphasize", "emphasise", "insist", "write", "tweet", "post", "reiterate",
    "assert", "acknowledge", "comment", "stress", "argue", "allege", "point", "describe", "accuse", "mention",
    "disclose",
})

# Outlets that attribution and citations recognise by name, beyond MEDIA's actors (lower case).
# Together with MEDIA's names these are the outlet vocabulary; dbt's source_aliases seed maps
# their spellings to one source row.
EXTRA_OUTLET_NAMES: frozenset[str] = frozenset({
    "itar-tass", "ria", "aljazeera", "dpa", "isna", "fars", "nhk", "rfi", "abc", "cbs", "nbc", "msnbc",
    "unian", "guardian", "economist", "al-monitor", "rudaw", "kurdistan 24", "kurdistan24", "north press",
    "dabanga", "mizzima", "geo news", "ndtv", "newsweek", "al-quds", "ahram online", "al-mayadeen", "hawar",
    "anha", "epa",
})
# Photo libraries: "via Getty Images" is a credit wherever it stands, a news agency ("via Reuters") is not
PHOTO_LIBRARIES: tuple[str, ...] = ("Getty", "Shutterstock", "Alamy", "Wikimedia", "Flickr", "Unsplash")
# News and photo agencies whose names mark a photo credit ("(Reuters/Ahmad X)")
CREDIT_AGENCIES: tuple[str, ...] = ("Reuters", "Getty", "Anadolu", "Xinhua", "Sputnik", "TASS", "AFP", "AP", "EPA",
                                    "ANHA", "SANA", "Shutterstock", "Alamy", "Wikimedia", "Flickr")

