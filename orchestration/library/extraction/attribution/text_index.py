"""Indexes over the parsed text that every attribution step reads: sentence lines, quotation
spans, entities by token, paragraph numbers and parse depth."""
from __future__ import annotations

import bisect

from orchestration.library.extraction.tokens import entities, sentences, tokens


def _sentence_lines(doc) -> list[tuple[int, object]]:
    """(sentence_no, span) for every newline-separated piece of every sentence."""
    toks = tokens(doc)
    out = []
    for sent_no, sent in enumerate(sentences(doc)):
        start = sent.start
        for tok in toks[sent.start:sent.end]:
            if "\n" in tok.whitespace_ or (tok.is_space and "\n" in tok.text):
                if tok.i + 1 > start:
                    out.append((sent_no, doc[start:tok.i + 1]))
                start = tok.i + 1
        if start < sent.end:
            out.append((sent_no, doc[start:sent.end]))
    return out


class _QuoteIndex:
    """Sorted quotation spans with O(log n) membership and overlap lookups."""

    def __init__(self, regions: list[tuple[int, int]]):
        self.regions = regions
        self.starts = [r[0] for r in regions]

    def contains(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and self.regions[k][0] <= pos < self.regions[k][1]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        out = []
        k = bisect.bisect_left(self.starts, end) - 1
        while k >= 0 and self.regions[k][1] > start:
            out.append(self.regions[k])
            k -= 1
        return out


class _EntityIndex(dict):
    """token index -> entity span (O(1) lookups), plus the PERSON entities in order."""

    def __init__(self, doc):
        super().__init__()
        self.persons = []
        for ent in entities(doc):
            for i in range(ent.start, ent.end):
                self[i] = ent
            if ent.label_ == "PERSON":
                self.persons.append(ent)
        self.person_ends = [e.end for e in self.persons]


def _entity_index(doc) -> _EntityIndex:
    return _EntityIndex(doc)


def _paragraph_numbers(text: str, starts: list[int]) -> list[int]:
    """Paragraph number of each start offset, with the rule of ``pipeline.split_sentences``
    (``text.count(sep, 0, start)``), computed in one pass over the text."""
    sep = "\n\n" if "\n\n" in text else "\n"
    ends = []
    pos = text.find(sep)
    while pos != -1:  # greedy non-overlapping matches, exactly what str.count counts
        ends.append(pos + len(sep))
        pos = text.find(sep, pos + len(sep))
    out = []
    for start in starts:
        while start < len(text) and text[start].isspace():
            start += 1  # pipeline trims leading whitespace before counting
        out.append(bisect.bisect_right(ends, start))
    return out


def _depth(tok) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d
