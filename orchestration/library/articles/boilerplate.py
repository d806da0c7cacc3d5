"""Separate page furniture (photo captions and credits, newsletter prompts, related-article
lists, share buttons, footers) from the article's prose.

Nothing is deleted: every line ends up in exactly one of body or boilerplate, so what
was removed can be audited, and credits can still be read as citations.
"""
from __future__ import annotations

import re

from orchestration.library.extraction import lexicon as lx  # one home for agency names

_CREDIT = re.compile(
    r"\((?:photo\s+)?credit:[^)]*\)|\((?:" + "|".join(lx.CREDIT_AGENCIES) + r")[^)]{0,60}\)\s*$"
    r"|\bvia (?:" + "|".join(lx.PHOTO_LIBRARIES) + r")\b(?: Images)?|^\s*(?:photo|image|credit)s?\s*:",
    re.I,
)
_LAST_TWO_WORDS = re.compile(r"\s*\b(?P<verb>[A-Za-z]+)\s+(?P<noun>[A-Za-z]+)\s*$")


def _swapped(word: str, known: frozenset[str]) -> bool:
    """``word`` is a known word, or one with two neighbouring letters swapped ("enlrage")."""
    if word in known:
        return True
    return any(word[:i] + word[i + 1] + word[i] + word[i + 2:] in known for i in range(len(word) - 1))


def strip_image_label(line: str) -> str:
    """The line without a trailing image label ("... (AFP) Enlarge image", "View gallery")."""
    m = _LAST_TWO_WORDS.search(line)
    if m and m["noun"].lower() in lx.IMAGE_LABEL_NOUNS and _swapped(m["verb"].lower(), lx.IMAGE_LABEL_VERBS):
        return line[:m.start()]
    return line
_PROMPTS = re.compile(
    r"^\s*(?:subscribe to\b|sign up (?:for|to)\b|for more stories from\b|click here\b|download (?:our|the) app\b"
    r"|follow us\b|share (?:this|on)\b|read more\s*$|read also\b|related (?:news|articles?|stories|posts?)\b"
    r"|see also\s*:|leave a (?:reply|comment)\b|advertisement\s*$|please cite as\b|(?:all rights reserved)"
    r"|©|copyright\b|email\s*:|tags?\s*:|topics?\s*:|read more\s*:"
    # a link to another story: "Also read: How the attack unfolded", "Related: X has died at 61"
    r"|also read\s*:|related\s*:|more on this\s*:)",
    re.I,
)
# a box that ends in its button ("Join 50,000 readers: get the briefing every morning. Subscribe")
_CALL_TO_ACTION = re.compile(r"(?:^|\W)(?:Subscribe|Sign [Uu]p|Join [Nn]ow|Register|Donate|Log [Ii]n)\s*$")
# share and comment counters ("1,208 shares", "48 comments", "2.4K views") on a line of their own
_COUNTER = re.compile(r"\b\d[\d.,]*\s*[KkMm]?\s+(?:shares?|comments?|likes?|views?|reactions?|reads?|retweets?)\b", re.I)
# a cookie consent notice
_COOKIES = re.compile(r"\bcookies?\b.*\b(?:accept|consent|partners|personali[sz]e|preferences|privacy)"
                      r"|\b(?:accept|consent)\b.*\bcookies?\b", re.I)
_INLINE_SOCIAL = re.compile(r"\s*\|\s*(?:Follow Us|Share)\s*:.*$", re.I)
_RELATED_HEADER = re.compile(
    r"^\s*(?:related(?: articles?| stories| news| posts?)?|more (?:news|stories)|read more|also read|read also|see also"
    r"|recommended|most (?:read|popular|viewed)"
    r"|trending(?: now)?|popular(?: now)?|latest(?: news| stories)?|top stories|you (?:may|might) also like|editor'?s picks)"
    r"\s*:?\s*$", re.I)
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•*])\s+\S")
_BULLET_META = re.compile(r"^\s*•\s*\S.{0,40}$")  # "• 2025/03/17", "• 2:08 pm"
_TIME_ONLY = re.compile(r"^\s*\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?\s*$", re.I)
_FOOTNOTE_ITEM = re.compile(r"^\s*-\s*\[\d+\]\(")  # "- [505](#)": footnotes are citations, kept


_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _is_nav_word(line: str) -> bool:
    """Short trailing navigation such as 'Politics', 'More' (no sentence punctuation). Chinese,
    Japanese and Korean write a sentence without spaces: there a nav word is a few characters."""
    words = line.split()
    if _CJK.search(line) and len(line.strip()) > 8:
        return False
    return (0 < len(words) <= 3 and not re.search(r"[.!?\"”’:;,。！？、]", line)
            and not any(ch.isdigit() for ch in line))


TITLE_MAX_WORDS = 20  # a linked story's title is a headline, not a paragraph


def _is_title_line(line: str) -> bool:
    """A headline: at most TITLE_MAX_WORDS words and no sentence's closing punctuation."""
    return len(line.split()) <= TITLE_MAX_WORDS and not re.search(r"[.!?\"”’:;]\s*$", line)


def _is_furniture(line: str, author_bio) -> bool:
    """A line of page furniture whatever its position: prompts, credits, counters, cookie notices."""
    words = len(line.split())
    return bool(
        _PROMPTS.match(line)
        or (words <= 8 and _COUNTER.search(line))
        or (words <= 60 and _COOKIES.search(line))
        or (words <= 40 and _CALL_TO_ACTION.search(line))
        or (author_bio is not None and len(line) <= 400 and author_bio.match(line))
    )


def split_boilerplate(lines: list[str], metadata_lines: set[int] = frozenset(),
                      author: str | None = None) -> tuple[list[str], list[str]]:
    """Return (body line pieces, boilerplate line pieces); lines keep their newlines.

    ``metadata_lines`` are indices already recognised as bylines / datelines; they go to boilerplate.
    ``author``: the article's author, whose short biography ("Jane Doe is the paper's Syria
    correspondent.") is furniture too.
    """
    author_bio = (re.compile(rf"^\s*{re.escape(author.strip())}\s+(?:is|was|has|covers|reports|writes)\b")
                  if author and author.strip() else None)
    captions = set()
    for line in lines:
        if _CREDIT.search(line):
            caption = _CREDIT.sub("", strip_image_label(line)).strip()
            if len(caption) > 20:
                captions.add(caption)

    body: list[str] = []
    boiler: list[str] = []
    in_related = first_under_header = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            (boiler if in_related else body).append(line)
            continue
        if i in metadata_lines:
            boiler.append(line)
            continue
        if in_related:
            # the first line under the header may be a linked story's title ("ALSO READ:" / "UN asks
            # Colombia not to spare efforts in favor of Peace"): a title has no closing full stop
            title_under_header = first_under_header and _is_title_line(stripped)
            first_under_header = False
            if _LIST_ITEM.match(line) or _is_nav_word(stripped) or _is_furniture(line, author_bio) or title_under_header:
                boiler.append(line)
                continue
            in_related = False
        if _RELATED_HEADER.match(line):
            in_related = first_under_header = True
            boiler.append(line)
            continue
        if _FOOTNOTE_ITEM.match(line):
            body.append(line)
            continue
        if (
            _CREDIT.search(line)
            or strip_image_label(stripped) in captions
            or _is_furniture(line, author_bio)
            or _BULLET_META.match(line)
            or _TIME_ONLY.match(line)
        ):
            boiler.append(line)
            continue
        social = _INLINE_SOCIAL.search(line)
        if social:
            # keep "SOURCE : AFP" in the body, move the share buttons out
            newline = "\n" if line.endswith("\n") else ""
            body.append(line[: social.start()] + newline)
            boiler.append(line[social.start():].strip() + "\n")
            continue
        body.append(line)

    # trailing navigation words after the last paragraph ("Politics", "More", "Read More")
    while body and (not body[-1].strip() or _is_nav_word(body[-1].strip()) and len(body) > 3):
        if body[-1].strip():
            boiler.append(body[-1])
        body.pop()
    return body, boiler
