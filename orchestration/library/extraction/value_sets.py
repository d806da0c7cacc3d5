"""The closed value sets of the data contract: one home for each.

The GE suites (``expectations/*.json``) and the dbt tests (``dbt_project/**.yml``) list the same
values for the columns named in ``CHECKED_COLUMNS``; ``tests/test_value_sets.py`` proves they
agree, so a new value lands here first and the test says where else it must go.
"""
from __future__ import annotations

ACTOR_TYPES = ("person", "organization", "state", "armed_group", "media", "government_body", "military_unit", "other")
# how a mention's canonical name was found
MENTION_RESOLUTIONS = ("name", "surname", "acronym", "role", "metonym", "alias", "institution", "reference")
COUNT_TYPES = ("killed", "wounded", "displaced", "sheltered", "detained", "missing", "returned", "aid", "flights",
               "distance", "duration", "other")
# count types that measure time or space ("for ten days", "2.7 km away"), not people or things: analysts
# do not set them side by side as estimates of their own (the chart and the claims brief leave them out)
MEASURE_COUNT_TYPES = ("distance", "duration")
QUALIFIERS = ("exact", "about", "over", "at_least", "up_to", "less_than", "range", "vague")
SOURCE_TYPES = ("newspaper", "news_agency", "broadcaster", "ngo", "government", "intergovernmental", "think_tank",
                "social_media", "photo_agency", "other")
CITATION_KINDS = ("footnote", "source_line", "dateline", "according_to", "reported_by", "via", "documented_by", "told",
                  "photo_credit", "statement")
# what an article file held before the reader made it plain text (articles/formats.py reads each)
SOURCE_FORMATS = ("text", "markdown", "html", "mhtml", "pdf", "docx")

# column name -> value set, wherever a suite or a dbt test checks that column
CHECKED_COLUMNS = {
    "actor_type": ACTOR_TYPES,
    "mention_actor_type": ACTOR_TYPES,
    "resolution": MENTION_RESOLUTIONS,
    "count_type": COUNT_TYPES,
    "qualifier": QUALIFIERS,
    "source_type": SOURCE_TYPES,
    "kind": CITATION_KINDS,
    "source_format": SOURCE_FORMATS,
}
