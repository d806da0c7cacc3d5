#!/usr/bin/env python
"""Held-out quality benchmark for ``orchestration.library.extraction``.

Runs ``extract_article`` on every article in ``tests/fixtures/heldout`` (the whole file is
the body; published date and publisher come from ``gold.json``) and scores the output
against the hand annotation in ``gold.json``:

(a) figures      a prediction matches a gold figure when its span overlaps the gold surface
                 in the body AND value_low / value_high are equal (one-to-one matching).
(b) typing       among matched figures: qualifier accuracy and count_type accuracy.
(c) claimants    among matched figures: predicted claimant_text vs gold claimant (token
                 containment either way against the gold name or its aliases, or surname
                 match for people). P over matched figures with a predicted claimant, R over
                 matched figures with a gold claimant; "end-to-end recall" is over all gold
                 figures with a claimant.
(d) actors       distinct predicted canonical names vs gold actors (case-insensitive equality
                 with the name or any alias). P over predicted names, R over gold actors.
                 "splits" counts extra predicted names that resolve to an already-matched
                 gold actor (a coreference miss, e.g. "Taha" next to "Hassan Idris Taha").

Usage (from the repo root):
    .venv/bin/python scripts/evaluate_extraction.py [--verbose] [--json PATH]

It is a report: it always exits 0, and extractor errors are reported per file and scored as
zero predictions.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
import traceback
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_FIXTURES = ROOT / "tests" / "fixtures" / "heldout"

# Single words too generic to carry a containment match on their own ("ministry" inside
# "Russian Defence Ministry" is not evidence the right ministry was found).
GENERIC_TOKENS = frozenset(
    """the a an of for and in on to un u n united nations office ministry group agency service
    army police force forces military health defence defense government official officials
    spokesman spokeswoman spokesperson authorities authority network air state emergency committee
    international organization organisation experts council security refugee refugees people
    national regional local source sources""".split()
)


# --------------------------------------------------------------------------- text helpers


def normalize_name(text: str | None) -> str:
    """Lower-case, strip accents and dots, unify apostrophes, drop a leading 'the'."""
    return " ".join(name_tokens(text))


def name_tokens(text: str | None) -> list[str]:
    if not text:
        return []
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace(".", "")
    tokens = re.findall(r"[\w']+", text)
    tokens = [t.strip("'") for t in tokens if t.strip("'")]
    while tokens and tokens[0] == "the":
        tokens = tokens[1:]
    return tokens


def _contains(inner: list[str], outer: list[str]) -> bool:
    """True when ``inner`` is a contiguous token run of ``outer``."""
    n = len(inner)
    if n == 0 or n > len(outer):
        return False
    return any(outer[i : i + n] == inner for i in range(len(outer) - n + 1))


def surface_pattern(surface: str) -> re.Pattern[str]:
    """The surface as written, not glued to a letter, digit or hyphen on either side."""
    return re.compile(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])")


def find_surface_span(body: str, surface: str, occurrence: int = 0) -> tuple[int, int] | None:
    matches = list(surface_pattern(surface).finditer(body))
    if occurrence < 0 or occurrence >= len(matches):
        return None
    m = matches[occurrence]
    return m.start(), m.end()


def values_equal(a: Any, b: Any) -> bool:
    try:
        return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-6)
    except (TypeError, ValueError):
        return False


# --------------------------------------------------------------------------- gold


@dataclass
class GoldFigure:
    surface: str
    start: int
    end: int
    value_low: float
    value_high: float
    qualifier: str
    count_type: str
    claimant: str | None


@dataclass
class GoldActor:
    name: str
    type: str
    aliases: list[str]

    def forms(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass
class GoldArticle:
    file: str
    body: str
    published_date: date | None
    publisher: str | None
    figures: list[GoldFigure]
    actors: list[GoldActor]

    def actor_by_name(self, name: str | None) -> GoldActor | None:
        key = normalize_name(name)
        for actor in self.actors:
            if normalize_name(actor.name) == key:
                return actor
        return None


def load_gold(fixtures_dir: Path, gold_path: Path | None = None) -> list[GoldArticle]:
    gold_path = gold_path or fixtures_dir / "gold.json"
    raw = json.loads(gold_path.read_text(encoding="utf-8"))
    files = raw.get("files", raw)
    articles: list[GoldArticle] = []
    for fname in sorted(files):
        entry = files[fname]
        body = (fixtures_dir / fname).read_text(encoding="utf-8")
        figures: list[GoldFigure] = []
        for fig in entry.get("figures", []):
            span = find_surface_span(body, fig["surface"], fig.get("occurrence", 0))
            if span is None:
                raise ValueError(
                    f"{fname}: gold surface {fig['surface']!r} "
                    f"(occurrence {fig.get('occurrence', 0)}) not found in the text"
                )
            figures.append(
                GoldFigure(
                    surface=fig["surface"],
                    start=span[0],
                    end=span[1],
                    value_low=float(fig["value_low"]),
                    value_high=float(fig["value_high"]),
                    qualifier=fig["qualifier"],
                    count_type=fig["count_type"],
                    claimant=fig.get("claimant"),
                )
            )
        actors = [
            GoldActor(a["name"], a.get("type", "other"), list(a.get("aliases", [])))
            for a in entry.get("actors", [])
        ]
        pub = entry.get("published_date")
        articles.append(
            GoldArticle(
                file=fname,
                body=body,
                published_date=date.fromisoformat(pub) if pub else None,
                publisher=entry.get("publisher"),
                figures=figures,
                actors=actors,
            )
        )
    return articles


# --------------------------------------------------------------------------- matching


def claimant_matches(predicted: str | None, gold_actor: GoldActor | None, gold_name: str) -> bool:
    """Predicted claimant text vs a gold claimant.

    Match when the predicted tokens equal, contain or are contained in the gold name or one of
    its aliases (the shorter side must carry a non-generic word), or, for people, when the
    last tokens (surnames) agree.
    """
    pred = name_tokens(predicted)
    if not pred:
        return False
    forms = gold_actor.forms() if gold_actor else [gold_name]
    for form in forms:
        gold = name_tokens(form)
        if not gold:
            continue
        if pred == gold:
            return True
        shorter, longer = (pred, gold) if len(pred) <= len(gold) else (gold, pred)
        if _contains(shorter, longer) and any(t not in GENERIC_TOKENS for t in shorter):
            return True
    is_person = gold_actor.type == "person" if gold_actor else False
    if is_person:
        gold = name_tokens(gold_actor.name)
        if gold and pred[-1] == gold[-1] and pred[-1] not in GENERIC_TOKENS:
            return True
    return False


def match_actor(name: str, actors: list[GoldActor]) -> GoldActor | None:
    key = normalize_name(name)
    if not key:
        return None
    for actor in actors:
        if any(normalize_name(form) == key for form in actor.forms()):
            return actor
    return None


def _pred_span(body: str, fig: Any) -> tuple[int, int] | None:
    start, end = getattr(fig, "start_char", None), getattr(fig, "end_char", None)
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(body):
        return start, end
    surface = getattr(fig, "surface_text", None) or ""
    idx = body.find(surface) if surface else -1
    if idx >= 0:
        return idx, idx + len(surface)
    return None


@dataclass
class ArticleScore:
    file: str
    error: str | None = None
    gold_figures: int = 0
    pred_figures: int = 0
    matched_figures: int = 0
    qualifier_correct: int = 0
    count_type_correct: int = 0
    gold_claimants: int = 0  # all gold figures with a claimant
    matched_with_gold_claimant: int = 0
    matched_with_pred_claimant: int = 0
    claimant_correct: int = 0
    gold_actors: int = 0
    pred_actors: int = 0
    pred_actors_correct: int = 0
    gold_actors_found: int = 0
    actor_splits: int = 0
    # details for --verbose
    false_negatives: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    typing_errors: list[str] = field(default_factory=list)
    claimant_errors: list[str] = field(default_factory=list)
    actor_false_positives: list[str] = field(default_factory=list)
    actor_false_negatives: list[str] = field(default_factory=list)
    actor_split_names: list[str] = field(default_factory=list)


def _fmt_gold(g: GoldFigure) -> str:
    vals = f"{g.value_low:g}" if g.value_low == g.value_high else f"{g.value_low:g}..{g.value_high:g}"
    return f"{g.surface!r} @{g.start} = {vals} [{g.qualifier}/{g.count_type}] claimant={g.claimant!r}"


def _fmt_pred(p: Any, span: tuple[int, int] | None) -> str:
    lo, hi = getattr(p, "value_low", None), getattr(p, "value_high", None)
    vals = f"{lo:g}" if lo == hi and isinstance(lo, (int, float)) else f"{lo}..{hi}"
    at = f"@{span[0]}" if span else "@?"
    return (
        f"{getattr(p, 'surface_text', None)!r} {at} = {vals} "
        f"[{getattr(p, 'qualifier', None)}/{getattr(p, 'count_type', None)}] "
        f"claimant={getattr(p, 'claimant_text', None)!r}"
    )


def score_article(gold: GoldArticle, extraction: Any, error: str | None = None) -> ArticleScore:
    """Score one ArticleExtraction (or None / anything with .figures and .mentions)."""
    score = ArticleScore(file=gold.file, error=error)
    body = gold.body
    preds = list(getattr(extraction, "figures", None) or [])
    mentions = list(getattr(extraction, "mentions", None) or [])

    # ---- (a) figures: one-to-one, greedy by overlap size
    spans = [_pred_span(body, p) for p in preds]
    pairs: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold.figures):
        for pi, (p, span) in enumerate(zip(preds, spans)):
            if span is None:
                continue
            overlap = min(g.end, span[1]) - max(g.start, span[0])
            if overlap <= 0:
                continue
            if values_equal(getattr(p, "value_low", None), g.value_low) and values_equal(
                getattr(p, "value_high", None), g.value_high
            ):
                pairs.append((overlap, gi, pi))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    gold_to_pred: dict[int, int] = {}
    used_preds: set[int] = set()
    for _, gi, pi in pairs:
        if gi in gold_to_pred or pi in used_preds:
            continue
        gold_to_pred[gi] = pi
        used_preds.add(pi)

    score.gold_figures = len(gold.figures)
    score.pred_figures = len(preds)
    score.matched_figures = len(gold_to_pred)
    score.gold_claimants = sum(1 for g in gold.figures if g.claimant)

    for gi, g in enumerate(gold.figures):
        if gi not in gold_to_pred:
            near = [
                _fmt_pred(p, s)
                for p, s in zip(preds, spans)
                if s and min(g.end, s[1]) - max(g.start, s[0]) > 0
            ]
            hint = f"  (overlapping prediction with other values: {'; '.join(near)})" if near else ""
            score.false_negatives.append(_fmt_gold(g) + hint)
            continue
        p = preds[gold_to_pred[gi]]
        q_ok = getattr(p, "qualifier", None) == g.qualifier
        t_ok = getattr(p, "count_type", None) == g.count_type
        score.qualifier_correct += q_ok
        score.count_type_correct += t_ok
        if not (q_ok and t_ok):
            score.typing_errors.append(
                f"{g.surface!r} @{g.start}: qualifier {getattr(p, 'qualifier', None)} (gold {g.qualifier}), "
                f"count_type {getattr(p, 'count_type', None)} (gold {g.count_type})"
            )
        # ---- (c) claimants
        pred_claimant = getattr(p, "claimant_text", None)
        has_pred = bool(name_tokens(pred_claimant))
        score.matched_with_pred_claimant += has_pred
        if g.claimant:
            score.matched_with_gold_claimant += 1
            if claimant_matches(pred_claimant, gold.actor_by_name(g.claimant), g.claimant):
                score.claimant_correct += 1
            else:
                score.claimant_errors.append(
                    f"{g.surface!r} @{g.start}: predicted {pred_claimant!r}, gold {g.claimant!r}"
                )
        elif has_pred:
            score.claimant_errors.append(
                f"{g.surface!r} @{g.start}: predicted {pred_claimant!r}, gold none"
            )

    for pi, (p, span) in enumerate(zip(preds, spans)):
        if pi not in used_preds:
            score.false_positives.append(_fmt_pred(p, span))

    # ---- (d) actors
    seen: dict[str, str] = {}
    for m in mentions:
        name = getattr(m, "canonical_name", None) or getattr(m, "surface_text", None)
        key = normalize_name(name)
        if key and key not in seen:
            seen[key] = name
    found: dict[str, str] = {}  # gold actor name -> first predicted name matching it
    for key, name in seen.items():
        actor = match_actor(name, gold.actors)
        if actor is None:
            score.actor_false_positives.append(name)
            continue
        score.pred_actors_correct += 1
        if actor.name in found:
            score.actor_splits += 1
            score.actor_split_names.append(f"{name!r} (also {found[actor.name]!r} -> {actor.name!r})")
        else:
            found[actor.name] = name
    score.pred_actors = len(seen)
    score.gold_actors = len(gold.actors)
    score.gold_actors_found = len(found)
    score.actor_false_negatives = [a.name for a in gold.actors if a.name not in found]
    return score


# --------------------------------------------------------------------------- aggregation


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def prf(tp_p: int, n_pred: int, tp_r: int, n_gold: int) -> dict[str, Any]:
    """Precision tp_p/n_pred and recall tp_r/n_gold; None (n/a) for an empty denominator.

    F1 is 0 when either side is 0 (so zero predictions on a non-empty gold set give F1 = 0),
    n/a when both are undefined.
    """
    p = _ratio(tp_p, n_pred)
    r = _ratio(tp_r, n_gold)
    if p is not None and r is not None:
        f1 = 2 * p * r / (p + r) if (p + r) > 0 else 0.0
    elif p == 0 or r == 0:
        f1 = 0.0
    else:
        f1 = None
    return {"tp": tp_p, "pred": n_pred, "tp_recall": tp_r, "gold": n_gold, "precision": p, "recall": r, "f1": f1}


def aggregate(scores: list[ArticleScore]) -> dict[str, Any]:
    s = lambda attr: sum(getattr(x, attr) for x in scores)  # noqa: E731
    matched = s("matched_figures")
    out: dict[str, Any] = {
        "figures": prf(matched, s("pred_figures"), matched, s("gold_figures")),
        "qualifier": {"correct": s("qualifier_correct"), "of": matched, "accuracy": _ratio(s("qualifier_correct"), matched)},
        "count_type": {"correct": s("count_type_correct"), "of": matched, "accuracy": _ratio(s("count_type_correct"), matched)},
        "claimants": prf(
            s("claimant_correct"), s("matched_with_pred_claimant"), s("claimant_correct"), s("matched_with_gold_claimant")
        ),
        "actors": prf(s("pred_actors_correct"), s("pred_actors"), s("gold_actors_found"), s("gold_actors")),
    }
    out["claimants"]["end_to_end_recall"] = _ratio(s("claimant_correct"), s("gold_claimants"))
    out["claimants"]["gold_all"] = s("gold_claimants")
    out["actors"]["splits"] = s("actor_splits")
    out["per_file"] = {
        x.file: {
            "error": x.error,
            "gold_figures": x.gold_figures,
            "pred_figures": x.pred_figures,
            "matched_figures": x.matched_figures,
            "qualifier_correct": x.qualifier_correct,
            "count_type_correct": x.count_type_correct,
            "gold_claimants": x.gold_claimants,
            "claimant_correct": x.claimant_correct,
            "gold_actors": x.gold_actors,
            "pred_actors": x.pred_actors,
            "pred_actors_correct": x.pred_actors_correct,
            "gold_actors_found": x.gold_actors_found,
            "actor_splits": x.actor_splits,
        }
        for x in scores
    }
    out["errors"] = {x.file: x.error for x in scores if x.error}
    return out


# --------------------------------------------------------------------------- report


def _pct(v: float | None) -> str:
    return "n/a" if v is None else f"{100 * v:5.1f}%"


def format_report(summary: dict[str, Any], scores: list[ArticleScore], verbose: bool = False) -> str:
    lines: list[str] = []
    lines.append("Held-out extraction benchmark")
    lines.append("")
    hdr = f"{'metric':<12} {'P':>7} {'R':>7} {'F1':>7}   {'P (tp/pred)':>12} {'R (tp/gold)':>12}"
    lines.append(hdr)
    lines.append("-" * len(hdr))
    for key in ("figures", "claimants", "actors"):
        m = summary[key]
        lines.append(
            f"{key:<12} {_pct(m['precision']):>7} {_pct(m['recall']):>7} {_pct(m['f1']):>7}   "
            f"{str(m['tp']) + '/' + str(m['pred']):>12} {str(m['tp_recall']) + '/' + str(m['gold']):>12}"
        )
    lines.append("")
    q, t, c, a = summary["qualifier"], summary["count_type"], summary["claimants"], summary["actors"]
    lines.append(f"figure typing (among {q['of']} matched): qualifier {_pct(q['accuracy'])} ({q['correct']}/{q['of']}), "
                 f"count_type {_pct(t['accuracy'])} ({t['correct']}/{t['of']})")
    lines.append(f"claimants end-to-end recall (over all {c['gold_all']} gold figures with a claimant): "
                 f"{_pct(c['end_to_end_recall'])}")
    lines.append(f"actor splits (extra predicted names for an already-found actor): {a['splits']}")
    lines.append("")
    fh = (f"{'file':<28} {'fig gold':>8} {'pred':>5} {'match':>5} {'qual':>5} {'type':>5} "
          f"{'clm gold':>8} {'ok':>4} {'act gold':>8} {'pred':>5} {'ok':>4} {'found':>5}")
    lines.append(fh)
    lines.append("-" * len(fh))
    for x in scores:
        lines.append(
            f"{x.file:<28} {x.gold_figures:>8} {x.pred_figures:>5} {x.matched_figures:>5} {x.qualifier_correct:>5} "
            f"{x.count_type_correct:>5} {x.gold_claimants:>8} {x.claimant_correct:>4} {x.gold_actors:>8} "
            f"{x.pred_actors:>5} {x.pred_actors_correct:>4} {x.gold_actors_found:>5}"
            + ("   ERROR" if x.error else "")
        )
    for x in scores:
        if x.error:
            lines.append(f"! {x.file}: extractor error: {x.error.strip().splitlines()[-1]}")
    if verbose:
        for x in scores:
            lines.append("")
            lines.append(f"=== {x.file}")
            if x.error:
                lines.append(x.error.rstrip())
            sections = [
                ("figure false negatives", x.false_negatives),
                ("figure false positives", x.false_positives),
                ("figure typing errors", x.typing_errors),
                ("claimant errors", x.claimant_errors),
                ("actor false positives", x.actor_false_positives),
                ("actor false negatives", x.actor_false_negatives),
                ("actor splits", x.actor_split_names),
            ]
            for title, items in sections:
                lines.append(f"  {title} ({len(items)}):")
                lines.extend(f"    - {item}" for item in items)
    return "\n".join(lines)


# --------------------------------------------------------------------------- running


def run_extractor(article: GoldArticle) -> tuple[Any, str | None]:
    try:
        from orchestration.library.extraction.pipeline import extract_article
        from orchestration.library.extraction.records import ArticleInput

        title = next((ln.strip() for ln in article.body.splitlines() if ln.strip()), None)
        inp = ArticleInput(
            article_id=f"heldout/{article.file}",
            body=article.body,
            published_date=article.published_date,
            publisher=article.publisher,
            title=title,
        )
        return extract_article(inp), None
    except Exception:  # a report: keep going, score as zero predictions
        return None, traceback.format_exc()


def evaluate(fixtures_dir: Path = DEFAULT_FIXTURES, gold_path: Path | None = None) -> tuple[dict[str, Any], list[ArticleScore]]:
    articles = load_gold(fixtures_dir, gold_path)
    scores = []
    for article in articles:
        extraction, error = run_extractor(article)
        scores.append(score_article(article, extraction, error))
    return aggregate(scores), scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="list false positives/negatives per file")
    parser.add_argument("--json", metavar="PATH", help="also write the numbers as JSON to PATH")
    parser.add_argument("--fixtures", metavar="DIR", default=str(DEFAULT_FIXTURES), help="held-out articles directory")
    parser.add_argument("--gold", metavar="PATH", default=None, help="gold file (default: FIXTURES/gold.json)")
    args = parser.parse_args(argv)
    try:
        summary, scores = evaluate(Path(args.fixtures), Path(args.gold) if args.gold else None)
        report = format_report(summary, scores, verbose=args.verbose)
        if args.json:
            Path(args.json).write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
            report += f"\n\nwrote {args.json}"
        print(report)
    except BrokenPipeError:  # e.g. piped into head
        pass
    except Exception:
        print("evaluation failed:\n" + traceback.format_exc(), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
