#!/usr/bin/env python
"""How well the reader names an outlet from its web address alone, measured on the curated outlet
list (dbt_project/seeds/outlet_domains.csv) as a set of names nobody wrote the splitting rules for.

    python scripts/evaluate_outlet_names.py [--show]

Each listed domain is read as if no list knew it (publisher.readable_outlet on its label, no page
text), and the name read is compared with the listed one by the team scorer's loose name match,
with the address's own spelling counted as a name, as int_source_names keeps it. The list is
split in two halves by a fixed hash of the domain, printed apart: a rule that lifts one half and
not the other fits the names it was written from. Many listed names cannot be read from their
address at all ("ap.org" is the Associated Press), so neither half reaches 100%. ``--show``
prints the domains read wrongly in half A only; half B stays totals.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from orchestration.library.articles import publisher  # noqa: E402
from scripts.evaluate_warehouse import load_scorer, scorer_path  # noqa: E402


def _compact(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", action="store_true", help="print half A's misses")
    args = parser.parse_args()
    score = load_scorer(scorer_path())
    totals = {"A": [0, 0], "B": [0, 0]}
    with publisher.DOMAINS_CSV.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            domain, listed = row["domain"], publisher.printed_outlet_name(row["source_name"])
            half = "AB"[int(hashlib.sha1(domain.encode()).hexdigest(), 16) % 2]
            label = publisher._label(domain)
            read = publisher.readable_outlet(label, domain, "")
            names = [read, *([label] if _compact(read) == _compact(label) else [])]
            right = score.any_match(names, [listed])
            totals[half][0] += right
            totals[half][1] += 1
            if args.show and half == "A" and not right:
                print(f"{domain:32s} read {read!r:32s} listed {listed!r}")
    for half, (right, total) in totals.items():
        print(f"half {half}: {right}/{total} listed names read from the address ({right / total:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
