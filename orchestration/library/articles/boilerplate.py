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
    r"|©|copyright\b|email\s*:|tags?\s*:)",
    re.I,
)
_INLINE_SOCIAL = re.compile(r"\s*\|\s*(?:Follow Us|Share)\s*:.*$", re.I)
_RELATED_HEADER = re.compile(r"^\s*(?:related articles?|related stories|more (?:news|stories)|read more|recommended)\s*:?\s*$", re.I)
_LIST_ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•*])\s+\S")
_BULLET_META = re.compile(r"^\s*•\s*\S.{0,40}$")  # "• 2025/03/17", "• 2:08 pm"
_TIME_ONLY = re.compile(r"^\s*\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?\s*$", re.I)
_FOOTNOTE_ITEM = re.compile(r"^\s*-\s*\[\d+\]\(")  # "- [505](#)": footnotes are citations, kept


def _is_nav_word(line: str) -> bool:
    """Short trailing navigation such as 'Politics', 'More' (no sentence punctuation)."""
    words = line.split()
    return 0 < len(words) <= 3 and not re.search(r"[.!?\"”’:;,]", line) and not any(ch.isdigit() for ch in line)


def split_boilerplate(lines: list[str], metadata_lines: set[int] = frozenset()) -> tuple[list[str], list[str]]:
    """Return (body line pieces, boilerplate line pieces); lines keep their newlines.

    ``metadata_lines`` are indices already recognised as bylines / datelines; they go to boilerplate.
    """
    captions = set()
    for line in lines:
        if _CREDIT.search(line):
            caption = _CREDIT.sub("", strip_image_label(line)).strip()
            if len(caption) > 20:
                captions.add(caption)

    body: list[str] = []
    boiler: list[str] = []
    in_related = False
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            (boiler if in_related else body).append(line)
            continue
        if i in metadata_lines:
            boiler.append(line)
            continue
        if in_related:
            if _LIST_ITEM.match(line) or _is_nav_word(stripped) or _PROMPTS.match(line):
                boiler.append(line)
                continue
            in_related = False
        if _RELATED_HEADER.match(line):
            in_related = True
            boiler.append(line)
            continue
        if _FOOTNOTE_ITEM.match(line):
            body.append(line)
            continue
        if (
            _CREDIT.search(line)
            or strip_image_label(stripped) in captions
            or _PROMPTS.match(line)
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
