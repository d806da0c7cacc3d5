"""Write N synthetic articles of realistic length and variety, deterministically (seeded).

Articles are recombined from the bundled seed articles' paragraphs, with names, places,
dates and numbers varied, so the parser sees the same kinds of sentences at scale:
    python scripts/generate_corpus.py 1000 /tmp/corpus_1000 [--seed 7]
"""
from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PLACES = ["Hmeimim", "Latakia", "Tartus", "Jableh", "Baniyas", "El Fasher", "Tawila", "Goma", "Kherson", "Zaporizhzhia",
          "Cox's Bazar", "Aceh", "Rafah", "Khan Younis", "Mariupol", "Idlib", "Aleppo", "Deir ez-Zor"]
PEOPLE = ["Maria Zakharova", "Ahmed al-Sharaa", "Amina Yusuf", "Hassan Idris Taha", "Olena Kovalenko", "Jean Mukendi",
          "Rashid Karim", "Leila Haddad", "Ivan Petrov", "Samuel Okello"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d{2,4})(?![\w.])")


def _paragraphs() -> list[str]:
    from orchestration.library.articles.reader import read_article

    paragraphs = []
    for path in sorted((REPO / "seeds").glob("*.txt")):
        article = read_article(path.name, path.read_bytes())
        paragraphs += [p.strip() for p in article.body_text.split("\n\n") if len(p.split()) >= 12]
    return paragraphs


def _vary(paragraph: str, rng: random.Random) -> str:
    def number(match: re.Match) -> str:
        raw = match.group(1).replace(",", "")
        value = int(raw)
        if 1900 <= value <= 2100 and "," not in match.group(1):
            return match.group(1)  # keep years as years
        new = max(2, int(value * rng.uniform(0.6, 1.6)))
        return f"{new:,}" if "," in match.group(1) else str(new)

    text = NUMBER.sub(number, paragraph)
    text = re.sub(r"\bHmeimim\b", rng.choice(PLACES), text)
    text = re.sub(r"\bMaria Zakharova\b", rng.choice(PEOPLE), text)
    text = re.sub(r"\bMarch (\d{1,2})\b", lambda m: f"{rng.choice(MONTHS)} {rng.randint(1, 28)}", text)
    return text


def generate(n: int, out: Path, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    paragraphs = _paragraphs()
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(n):
        body = [_vary(p, rng) for p in rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(8, 16)))]
        place = rng.choice(PLACES)
        title = f"Civilians shelter near {place} as tolls are disputed ({i})"
        date = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        text = f"---\ntitle: {title}\npublished: {date}\npublisher: Synthetic Wire\n---\n{title}\n\n" + "\n\n".join(body) + "\n"
        path = out / f"synthetic_{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    paths = generate(args.n, args.out, args.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"wrote {len(paths):,} articles ({words:,} words) to {args.out}")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(REPO))
    main()
