"""Lists a line introduces: a line ending in a colon, then lines shaped as a list's items ("• 23
killed", "1) 14 children", "Kharkiv: 12 dead"). What the introducing line says carries to the items:
who speaks ("UNHCR said on Monday:") and what is counted ("The dead included:")."""
from __future__ import annotations

import re

LISTED_CUE = "listed_by"  # the cue of an item of a list whose introducing line names its speaker
LIST_LINES = 40  # lines a list introduced by "X said:" may run to
LIST_LINE_CHARS = 200  # a longer line is prose again, not a list's item
# a list's item: a bullet or a number marks it ("• 23 killed", "1) ..."), or a label before a colon
# ("Kharkiv: 12 dead"); a quotation or a paragraph of prose after the colon is not a list
_LIST_ITEM = re.compile(r"^\s*(?:[•·▪‣◦*–—-]|\d{1,2}[.)]\s|[A-Z][\w'’ -]{0,40}:\s*\S)")


def items_after(body: str, line_end: int) -> tuple[int, int] | None:
    """(start, end) of the list items after the introducing line that ends at ``line_end`` (its
    newline), up to the first line that is not an item; None when no item follows. Blank lines
    between the items, or before the first, do not end the list: saved pages space paragraphs."""
    start = end = pos = line_end + 1
    for _ in range(LIST_LINES):
        nxt = body.find("\n", pos)
        line = body[pos:len(body) if nxt < 0 else nxt]
        if not line.strip() and nxt >= 0:
            pos = nxt + 1
            continue
        if len(line) > LIST_LINE_CHARS or not _LIST_ITEM.match(line):
            break
        if end == start:
            start = pos
        end = pos = len(body) if nxt < 0 else nxt + 1
    return (start, end) if end > start else None


_LINE_END_COLON = re.compile(r":[ \t]*\n")  # saved pages may leave spaces after the colon


def introducing_lines(body: str):
    """(line start, end of its colon, items start, items end) of every line that ends in a colon and
    has list items after it."""
    for m in _LINE_END_COLON.finditer(body):
        colon_end = m.start() + 1
        items = items_after(body, m.end() - 1)
        if items is not None:
            yield body.rfind("\n", 0, m.start()) + 1, colon_end, items[0], items[1]
