#!/usr/bin/env python
"""Train the reported-bodies model (orchestration/library/extraction/reported_bodies.py) on the tune
part of the development corpus, and write its weights to source_model.json.

    python scripts/train_sources.py [--articles DIR] [--gold DIR] [--out FILE] [--check]

Each tune page is read by the product's reader and run through its extractor up to the citations,
exactly as a build does; the bodies no citation cites are the candidates. A candidate is labelled
a source when its name (or the words of its mention) is one of the page's gold sources
(ANNOTATION.md), with the gold actor's spellings (a state only under its own name: see
``names_source``); a borderline gold source teaches nothing. The
model is a logistic regression fitted by L-BFGS with an L2 penalty chosen by cross-validation
over pages: no randomness, so the same pages give the same weights. ``--check`` trains and
compares with the committed file instead of writing it (exit 1 when they differ). Offline; the
check part is never read.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.train_claimants import normalized, page_folds, part_pages, same_actor, training_args, write_or_check  # noqa: E402

L2_GRID = (0.3, 1.0, 3.0, 10.0, 30.0)


def examples(articles: Path, gold: Path, part: str = "tune") -> tuple[list[tuple[dict, int, str]], dict]:
    """(features, label, page) per candidate body of the part's pages, and counts."""
    from orchestration.library.extraction import actors, citations, figures
    from orchestration.library.extraction.attribution import find_attribution_spans
    from orchestration.library.extraction.nlp import load_nlp
    from orchestration.library.extraction.reported_bodies import reported_bodies
    from orchestration.library.extraction.tokens import release

    nlp = load_nlp()
    out = []
    counts = {"pages": 0, "candidates": 0, "sources": 0, "borderline": 0}
    for page in part_pages(articles, gold, part):
        counts["pages"] += 1
        if page.item is None:
            continue
        item, article = page.item, page.article
        doc = nlp(item.body)
        found: list = []
        try:
            mentions = actors.extract_mentions(doc, item)
            spans = find_attribution_spans(doc)
            figs = figures.extract_figures(doc, item, mentions, spans)
            cites = citations.extract_citations(doc, item, article.boilerplate_text or "", spans, mentions)
            reported_bodies(doc, item, mentions, figs, cites, lambda pos: None, collect=found)
        finally:
            release(doc)
        annotation = page.annotation
        spellings = {a["name"]: [a["name"], *a.get("mentions", [])] for a in annotation.get("actors", [])}
        wanted, doubtful = [], []
        for s in annotation.get("sources", []):
            s = {"name": s} if isinstance(s, str) else s
            if s.get("role") == "photo_credit":
                continue
            (doubtful if s.get("borderline") else wanted).append(spellings.get(s["name"], [s["name"]]))
        for c in found:
            def named(lists):
                return any(names_source(c.name, c.mention.surface_text, c.mention.actor_type, names) for names in lists)
            if named(doubtful) and not named(wanted):
                counts["borderline"] += 1
                continue
            label = int(named(wanted))
            counts["candidates"] += 1
            counts["sources"] += label
            out.append((c.features, label, page.file_name))
    return out, counts


def names_source(name: str, surface: str, actor_type: str | None, spellings: list[str]) -> bool:
    """Whether a candidate body (its canonical name, the words of its mention) is the gold source
    spelt ``spellings``. A state is the source only under its own name: "Ukraine" is a part of the
    name "Ministry of Internal Affairs of Ukraine", not that ministry (19 of the tune part's 89
    labels were states read that way, and taught the model that states are sources)."""
    if actor_type == "state":
        return any(normalized(x) in {normalized(n) for n in spellings} for x in (name, surface))
    return same_actor(name, spellings) or same_actor(surface, spellings)


def fit(data: list[tuple], l2: float) -> dict[str, float]:
    """Logistic regression: maximize the log-likelihood of the labels, the bias unpenalized."""
    import numpy as np
    from scipy.optimize import minimize

    names = sorted({k for features, *_ in data for k in features})
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(data), len(names)))
    for row, (features, *_rest) in enumerate(data):
        for k, v in features.items():
            x[row, index[k]] = v
    y = np.array([label for _, label, _ in data], dtype=float)
    penalty = np.array([0.0 if n == "bias" else l2 for n in names])

    def loss(w):
        z = x @ w
        p = 1.0 / (1.0 + np.exp(-z))
        total = np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 * np.sum(penalty * w * w)
        return total, x.T @ (p - y) + penalty * w

    result = minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    return {n: round(float(v), 6) for n, v in zip(names, result.x) if abs(v) >= 1e-6}


def predict(features: dict, weights: dict[str, float]) -> bool:
    from orchestration.library.extraction.reported_bodies import THRESHOLD, Candidate, probability

    return probability(Candidate("", None, features), weights) >= THRESHOLD


def tally(rows, weights) -> tuple[int, int, int]:
    """(true positives, predicted, actual sources)."""
    hits = [predict(f, weights) for f, *_ in rows]
    return (sum(h and y for h, (_, y, _) in zip(hits, rows)), sum(hits), sum(y for _, y, _ in rows))


def f1(tp: int, predicted: int, actual: int) -> float:
    return 2 * tp / max(1, predicted + actual)


def choose_l2(data) -> tuple[float, dict[float, tuple[int, int, int]]]:
    """The L2 penalty whose models, each trained without one fold of pages, judge best (F1) on that fold."""
    scores = {}
    for l2 in L2_GRID:
        tp = predicted = actual = 0
        for train, held in page_folds(data, lambda d: d[2]):
            weights = fit(train, l2)
            a, b, c = tally(held, weights)
            tp, predicted, actual = tp + a, predicted + b, actual + c
        scores[l2] = (tp, predicted, actual)
    return max(L2_GRID, key=lambda l2: (f1(*scores[l2]), l2)), scores


def main() -> int:
    from orchestration.library.extraction.reported_bodies import MODEL_PATH

    args = training_args(__doc__, MODEL_PATH)
    data, counts = examples(args.articles, args.gold)
    print(f"tune part: {counts['pages']} pages, {counts['candidates']} uncited bodies, {counts['sources']} of them "
          f"gold sources, {counts['borderline']} borderline left out")
    l2, cv = choose_l2(data)
    print("cross-validated (found / judged sources / gold sources, F1) by L2 penalty: "
          + ", ".join(f"{k:g}: {v[0]}/{v[1]}/{v[2]} {f1(*v):.3f}" for k, v in cv.items()) + f"; using {l2:g}")
    weights = fit(data, l2)
    tp, predicted, actual = tally(data, weights)
    print(f"{len(weights)} weights. On the tune candidates: {tp} of {actual} sources found, {predicted} judged "
          "sources (training figures: the check part says what generalizes)")
    return write_or_check(weights, l2, f"{counts['pages']} pages, {len(data)} candidate bodies", args.out, args.check)


if __name__ == "__main__":
    sys.exit(main())
