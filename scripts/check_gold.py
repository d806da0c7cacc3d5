#!/usr/bin/env python
"""Check hand-made gold annotations against their article files (../shared/ANNOTATION.md).

    python scripts/check_gold.py [--articles DIR] [--gold DIR] [FILE.json ...]

Every gold offset must slice its article file to the text it names, every actor mention must
occur in the file, and the closed value sets (qualifiers, actor types) must hold. Prints one
line per problem and exits 1 when any is found: an annotation that does not slice is a gold
figure nothing can match.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from orchestration.library.extraction.value_sets import ACTOR_TYPES, COUNT_TYPES, QUALIFIERS  # noqa: E402

GOLD_KEYS = {"file", "document", "figures", "actors", "events", "sources", "quotes"}
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')).strip()


def check_one(gold_path: Path, articles: Path) -> list[str]:
    problems: list[str] = []

    def say(msg: str) -> None:
        problems.append(f"{gold_path.name}: {msg}")

    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        return [f"{gold_path.name}: not valid JSON ({exc})"]
    missing = GOLD_KEYS - gold.keys()
    if missing:
        say(f"missing keys {sorted(missing)}")
    article = articles / (gold.get("file") or "")
    if gold.get("file") != gold_path.stem + ".txt":
        say(f"file {gold.get('file')!r} should be {gold_path.stem + '.txt'!r}")
    if not article.is_file():
        return problems + [f"{gold_path.name}: article {article} not found"]
    text = article.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        say("article has no front matter (title, url, published)")
    doc = gold.get("document") or {}
    if doc.get("published") and not DATE.fullmatch(str(doc["published"])):
        say(f"document.published {doc['published']!r} is not YYYY-MM-DD")

    for i, fig in enumerate(gold.get("figures") or []):
        where = f"figure {i} {fig.get('text')!r}"
        spans = [fig] + list(fig.get("other_spans") or [])
        for span in spans:
            s, e = span.get("start"), span.get("end")
            if not isinstance(s, int) or not isinstance(e, int) or not 0 <= s < e <= len(text):
                say(f"{where}: bad offsets {s}..{e}")
            elif text[s:e] != span.get("text"):
                say(f"{where}: [{s}:{e}] slices to {text[s:e]!r}, not {span.get('text')!r}")
        if fig.get("value") is None:
            say(f"{where}: no value")
        if fig.get("qualifier") not in QUALIFIERS:
            say(f"{where}: qualifier {fig.get('qualifier')!r} not in {QUALIFIERS}")
        if fig.get("count_type") is not None and fig["count_type"] not in COUNT_TYPES:
            say(f"{where}: count_type {fig['count_type']!r} not in {COUNT_TYPES}")
        if not fig.get("unit") and not fig.get("count_type"):
            say(f"{where}: neither unit nor count_type")
        if "claimed_by" not in fig:
            say(f"{where}: no claimed_by (null for the outlet's own voice)")
        sentence = fig.get("sentence")
        if sentence and _squash(sentence) not in _squash(text):
            say(f"{where}: sentence not found in the article")
        if sentence and fig.get("text") and fig["text"] not in sentence:
            say(f"{where}: text not inside its sentence")

    names = set()
    squashed = _squash(text)
    for actor in gold.get("actors") or []:
        names.add(actor.get("name"))
        if actor.get("type") not in ACTOR_TYPES:
            say(f"actor {actor.get('name')!r}: type {actor.get('type')!r} not in {ACTOR_TYPES}")
        if not actor.get("mentions"):
            say(f"actor {actor.get('name')!r}: no mentions")
        for mention in actor.get("mentions") or []:
            if _squash(mention) not in squashed:
                say(f"actor {actor.get('name')!r}: mention {mention!r} not in the article")
    for fig in gold.get("figures") or []:
        claimant = fig.get("claimed_by")
        if claimant and not str(claimant).lower().startswith("unnamed") and claimant not in names:
            say(f"figure {fig.get('text')!r}: claimant {claimant!r} is not one of the file's actors")
    for quote in gold.get("quotes") or []:
        if _squash(quote.get("text") or "") not in squashed:
            say(f"quote {str(quote.get('text'))[:40]!r}: not in the article")
    for event in gold.get("events") or []:
        if event.get("date") and not DATE.fullmatch(str(event["date"])):
            say(f"event {event.get('description')!r}: date {event['date']!r} is not YYYY-MM-DD")
    for source in gold.get("sources") or []:
        if not (source if isinstance(source, str) else source.get("name")):
            say(f"source without a name: {source!r}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=ROOT / "tests" / "fixtures" / "real" / "articles")
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "fixtures" / "real" / "gold")
    parser.add_argument("files", nargs="*", type=Path, help="gold files to check (default: all in --gold)")
    args = parser.parse_args()
    files = args.files or sorted(args.gold.glob("*.json"))
    problems = [p for f in files for p in check_one(f, args.articles)]
    for p in problems:
        print(p)
    print(f"{len(files)} gold files checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
