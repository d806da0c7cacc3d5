#!/usr/bin/env python
"""Train the claimant model (orchestration/library/extraction/figures/ranking.py) on the tune part
of the development corpus, and write its weights to claimant_model.json.

    python scripts/train_claimants.py [--articles DIR] [--gold DIR] [--out FILE] [--check]

Each tune page is read by the product's reader and parsed by its extractor, exactly as a build
does; each figure's claimant candidates are collected before the model chooses. A gold figure
(ANNOTATION.md) is matched to the extracted figure at its offsets; its candidates are labelled by
the gold claimant (a name matching the candidate's, or "no claimant" for the outlet's own voice).
Figures whose gold claimant is "unnamed ..." or is none of the candidates teach nothing and are
counted apart. The model is a conditional logit fitted by L-BFGS with an L2 penalty: no
randomness, so the same pages give the same weights. ``--check`` trains and compares with the
committed file instead of writing it (exit 1 when they differ). Offline; the check part is never read.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.evaluate_warehouse import CORPUS, part_of  # noqa: E402

# penalties on the squared weights tried; the one whose held-out pages score best (FOLDS-fold
# cross-validation over the tune pages, a page's figures kept together) is used
L2_GRID = (0.3, 1.0, 3.0, 10.0, 30.0)
# ten folds, not five: with five, neighbouring penalties scored within a figure or two of each other
# and the choice flipped between them as the rules changed, each flip moving the blind part by
# several figures; each model trained on nine tenths of the pages scores the penalties more steadily
FOLDS = 10
CONTEXT = 40  # characters either side that place a gold span in the reader's body text


def normalized(text: str | None) -> str:
    """A name as the training labels compare it: ASCII, lower case, words only, no leading "the"/"al"."""
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^(the|al) ", "", text)


def _acronym(text: str) -> str:
    words = [w for w in normalized(text).split() if w not in ("of", "for", "and", "the", "in", "on")]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def same_actor(candidate: str, names: list[str]) -> bool:
    """A candidate's canonical name is the gold claimant: equal, a whole-word part of one another
    (four letters or more), or one the acronym of the other. Stricter than the scorer's name_match
    on purpose: labels from the scorer's (surnames, NFKC forms) trained weights that scored one
    figure lower on both parts."""
    c = normalized(candidate)
    if not c:
        return False
    for name in names:
        n = normalized(name)
        if not n:
            continue
        if c == n or (len(c) >= 4 and f" {c} " in f" {n} ") or (len(n) >= 4 and f" {n} " in f" {c} "):
            return True
        if c.replace(" ", "") in (_acronym(name),) or n.replace(" ", "") in (_acronym(candidate),):
            return True
    return False


def body_offset(file_text: str, body: str, start: int, end: int) -> int | None:
    """Where the gold span file_text[start:end] sits in the reader's body: the occurrence whose
    surroundings agree most with the file's."""
    target = file_text[start:end]
    left, right = file_text[max(0, start - CONTEXT):start], file_text[end:end + CONTEXT]
    best, best_agree = None, -1
    at = body.find(target)
    while at >= 0:
        b_left, b_right = body[max(0, at - CONTEXT):at], body[at + len(target):at + len(target) + CONTEXT]
        agree = sum(1 for a, b in zip(reversed(left), reversed(b_left)) if a == b) + sum(1 for a, b in zip(right, b_right) if a == b)
        if agree > best_agree:
            best, best_agree = at, agree
        at = body.find(target, at + 1)
    return best


@dataclass
class Page:
    """One annotated page of a part, read as a build reads it."""

    file_name: str
    file_text: str
    annotation: dict
    article: object  # the reader's Article, or its IngestError
    item: object | None  # the extractor's ArticleInput; None when the page does not read


def part_pages(articles: Path, gold: Path, part: str = "tune") -> Iterator[Page]:
    """The part's annotated pages, in file order, each read by the product's reader."""
    from orchestration.library.articles.reader import Article, read_article
    from orchestration.library.extraction.records import ArticleInput

    for gold_path in sorted(gold.glob("*.json")):
        file_name = gold_path.stem + ".txt"
        if part_of(file_name) != part or not (articles / file_name).exists():
            continue
        data = (articles / file_name).read_bytes()
        article = read_article(file_name, data)
        item = None
        if isinstance(article, Article):
            # as the build gives it (extract_pending.PENDING_SQL): an undated article is dated near its captions
            item = ArticleInput(article.article_id, article.body_text, article.published_date, article.publisher,
                                article.title, None if article.published_date else article.caption_date)
        yield Page(file_name, data.decode("utf-8").replace("\r\n", "\n"),
                   json.loads(gold_path.read_text(encoding="utf-8")), article, item)


def page_folds(data: list, name_of) -> Iterator[tuple[list, list]]:
    """(training rows, held-out rows) for each cross-validation fold, a page's rows kept together."""
    fold = {name_of(d): page_fold(name_of(d)) for d in data}
    for k in range(FOLDS):
        yield [d for d in data if fold[name_of(d)] != k], [d for d in data if fold[name_of(d)] == k]


def examples(articles: Path, gold: Path, part: str = "tune") -> tuple[list[tuple[list[dict], list[int], int]], dict]:
    """(candidate features, positive candidates, the rules' candidate) per labelled figure, and counts."""
    from orchestration.library.extraction import actors
    from orchestration.library.extraction.attribution import find_attribution_spans
    from orchestration.library.extraction.figures import extract_figures
    from orchestration.library.extraction.nlp import load_nlp
    from orchestration.library.extraction.tokens import release

    nlp = load_nlp()
    out, counts = [], {"pages": 0, "gold_figures": 0, "unmatched": 0, "unnamed": 0, "unreachable": 0, "labelled": 0}
    for page in part_pages(articles, gold, part):
        counts["pages"] += 1
        if page.item is None:
            continue
        file_name, file_text, item = page.file_name, page.file_text, page.item
        doc = nlp(item.body)
        try:
            mentions = actors.extract_mentions(doc, item)
            collected: list = []
            extract_figures(doc, item, mentions, find_attribution_spans(doc), collect=collected)
        finally:
            release(doc)
        annotation = page.annotation
        spellings = {a["name"]: [a["name"], *a.get("mentions", [])] for a in annotation.get("actors", [])}
        for figure in annotation.get("figures", []):
            if figure.get("borderline"):
                continue
            counts["gold_figures"] += 1
            claimant = figure.get("claimed_by")
            if claimant and str(claimant).lower().startswith("unnamed"):
                counts["unnamed"] += 1
                continue
            for span in [figure, *figure.get("other_spans", [])]:
                at = body_offset(file_text, item.body, span["start"], span["end"])
                found = at is not None and next(((f, c) for f, c in collected
                                                  if f.start_char < at + len(span["text"]) and at < f.end_char), None)
                if not found:
                    if span is figure:
                        counts["unmatched"] += 1
                    continue
                fig, options = found
                if claimant is None:
                    positives = [0]
                else:
                    names = spellings.get(claimant, [claimant])
                    positives = [i for i, c in enumerate(options) if c.name is not None and same_actor(c.name, names)]
                if not positives:
                    counts["unreachable"] += span is figure
                    continue
                rules = next((i for i, c in enumerate(options) if c.features.get("rules")), 0)
                out.append(([c.features for c in options], positives, rules, file_name))
                counts["labelled"] += span is figure
    return out, counts


def fit(data: list[tuple], l2: float) -> dict[str, float]:
    """Conditional logit: maximize the log-probability of the positive candidates of each figure."""
    import numpy as np
    from scipy.optimize import minimize

    names = sorted({k for features, *_ in data for cand in features for k in cand})
    index = {n: i for i, n in enumerate(names)}
    mats = []
    for features, positives, *_ in data:
        x = np.zeros((len(features), len(names)))
        for row, cand in enumerate(features):
            for k, v in cand.items():
                x[row, index[k]] = v
        mask = np.zeros(len(features), dtype=bool)
        mask[positives] = True
        mats.append((x, mask))

    def loss(w):
        total, grad = 0.5 * l2 * w @ w, l2 * w.copy()
        for x, mask in mats:
            s = x @ w
            s -= s.max()
            p = np.exp(s)
            p /= p.sum()
            q = p * mask
            q_sum = q.sum()
            total -= np.log(q_sum)
            grad -= x.T @ (q / q_sum - p)
        return total, grad

    result = minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    return {n: round(float(v), 6) for n, v in zip(names, result.x) if abs(v) >= 1e-6}


def _pick(features, rules: int, weights: dict[str, float] | None) -> int:
    if weights is None:
        return rules
    return max(range(len(features)), key=lambda i: sum(weights.get(k, 0.0) * v for k, v in features[i].items()))


def accuracy(data, weights: dict[str, float] | None) -> tuple[float, float, float]:
    """Share of figures whose top candidate is a positive one (``None``: the rules' choice): all,
    those with a named claimant, those in the outlet's own voice."""
    named = [d for d in data if d[1] != [0]]
    voice = [d for d in data if d[1] == [0]]

    def share(rows):
        return sum(_pick(f, r, weights) in pos for f, pos, r, _ in rows) / max(1, len(rows))

    return share(data), share(named), share(voice)


def page_fold(name: str) -> int:
    """The cross-validation fold of a page, fixed by its file name: a page's examples stay together."""
    import hashlib

    return int(hashlib.sha256(name.encode()).hexdigest(), 16) % FOLDS


def choose_l2(data) -> tuple[float, dict[float, float]]:
    """The L2 penalty whose models, each trained without one fold of pages, choose best on that fold."""
    scores = {}
    for l2 in L2_GRID:
        right = named = voice = 0
        for train, held in page_folds(data, lambda d: d[3]):
            weights = fit(train, l2)
            for f, pos, r, _name in held:
                if _pick(f, r, weights) in pos:
                    right += 1
                    named += pos != [0]
                    voice += pos == [0]
        n_voice = sum(1 for d in data if d[1] == [0])
        scores[l2] = (right / max(1, len(data)), named / max(1, len(data) - n_voice), voice / max(1, n_voice))
    return max(L2_GRID, key=lambda l2: (scores[l2][0], l2)), scores


def main() -> int:
    from orchestration.library.extraction.figures.ranking import MODEL_PATH

    args = training_args(__doc__, MODEL_PATH)
    data, counts = examples(args.articles, args.gold)
    print(f"tune part: {counts['pages']} pages, {counts['gold_figures']} gold figures; {counts['labelled']} labelled, "
          f"{counts['unnamed']} unnamed claimants, {counts['unreachable']} claimants none of the candidates name, "
          f"{counts['unmatched']} not extracted")
    l2, cv = choose_l2(data)
    print("cross-validated accuracy (all / named / own voice) by L2 penalty: "
          + ", ".join(f"{k:g}: {v[0]:.3f} / {v[1]:.3f} / {v[2]:.3f}" for k, v in cv.items()) + f"; using {l2:g}")
    weights = fit(data, l2)
    rules, model_acc = accuracy(data, None), accuracy(data, weights)
    print(f"{len(weights)} weights. Right on the tune figures (all / named claimant / outlet's own voice): rules "
          f"{rules[0]:.3f} / {rules[1]:.3f} / {rules[2]:.3f}, model {model_acc[0]:.3f} / {model_acc[1]:.3f} / {model_acc[2]:.3f} "
          "(training accuracy: the check part says what generalizes)")
    return write_or_check(weights, l2, f"{counts['pages']} pages, {len(data)} labelled figure spans", args.out, args.check)


def training_args(doc: str, model_path: Path) -> argparse.Namespace:
    """The options both training scripts take."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=CORPUS / "articles")
    parser.add_argument("--gold", type=Path, default=CORPUS / "gold")
    parser.add_argument("--out", type=Path, default=model_path)
    parser.add_argument("--check", action="store_true", help="train and compare with --out instead of writing it")
    return parser.parse_args()


def write_or_check(weights: dict[str, float], l2: float, trained_on: str, out: Path, check: bool) -> int:
    """Write the model file, or (``check``) say whether the committed one is what training gave: 1 if not."""
    model = {"weights": dict(sorted(weights.items())), "l2": l2, "trained_on": f"tune part of tests/fixtures/real: {trained_on}"}
    text = json.dumps(model, indent=1, sort_keys=True) + "\n"
    if check:
        same = out.exists() and out.read_text(encoding="utf-8") == text
        print(f"{out}: {'the same weights' if same else 'DIFFERENT weights: run make train and commit the file'}")
        return 0 if same else 1
    out.write_text(text, encoding="utf-8")
    print(f"written {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
