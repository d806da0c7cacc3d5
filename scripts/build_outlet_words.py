#!/usr/bin/env python
"""Write the foreign word list the publisher reader splits web addresses with
(orchestration/library/articles/outlet_words.tsv.gz) from wordfreq's frequency lists.

    pip install wordfreq==3.1.1   # needed here only
    python scripts/build_outlet_words.py

English words come from wordninja's model; outlets elsewhere join words of their own language
("laprensagrafica", "journalducameroun", "tuoitrenews"). This keeps the most frequent words of the
Latin-script languages news sites are written in, each as an address spells it (accents folded,
letters only), with a cost on wordninja's scale (the log of its rank in its language), as long
and as common as the reader takes them (publisher.FOREIGN_MIN_LETTERS, FOREIGN_MAX_COST). Rows
are ``word<TAB>cost``, sorted. The file is committed, so neither a build nor the tests need wordfreq.
wordfreq's data (https://github.com/rspeer/wordfreq) is licensed CC BY-SA 4.0.
"""
from __future__ import annotations

import math
import sys
import unicodedata
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from orchestration.library.articles.publisher import FOREIGN_MAX_COST, FOREIGN_MIN_LETTERS, OUTLET_WORDS  # noqa: E402
from orchestration.library.packaged_tables import write_table  # noqa: E402

LANGUAGES = ("es", "fr", "pt", "it", "ca", "ro", "id", "ms", "fil", "tr", "vi", "de", "nl")
PER_LANGUAGE = 10_000


def folded(word: str) -> str:
    """The word as a web address writes it: accents dropped, letters only."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("ı", "i").lower()


def main() -> int:
    try:
        import wordfreq
    except ImportError:
        print("needs wordfreq's lists: pip install wordfreq==3.1.1", file=sys.stderr)
        return 1
    best: dict[str, float] = {}
    for lang in LANGUAGES:
        words = wordfreq.top_n_list(lang, PER_LANGUAGE)
        scale = math.log(len(words))
        for rank, word in enumerate(words):
            key = folded(word)
            cost = round(math.log((rank + 1) * scale), 2)  # wordninja's cost of a word at this rank
            if len(key) < FOREIGN_MIN_LETTERS or not key.isascii() or not key.isalpha() or cost > FOREIGN_MAX_COST:
                continue
            best[key] = min(cost, best.get(key, cost))
    write_table(OUTLET_WORDS, f"wordfreq {version('wordfreq')} (CC BY-SA 4.0): the {PER_LANGUAGE:,} commonest words of "
                              f"{', '.join(LANGUAGES)}. Written by scripts/build_outlet_words.py.",
                [f"{key}\t{cost}" for key, cost in sorted(best.items())])
    print(f"written {OUTLET_WORDS} ({len(best):,} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
