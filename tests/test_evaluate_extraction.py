"""Tests of the held-out benchmark scorer (scripts/evaluate_extraction.py) and of gold.json.

The scorer is exercised on hand-built predictions, never on the real extractor.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from orchestration.library.extraction.records import ArticleExtraction, EntityMention, FigureMention
from orchestration.library.extraction.value_sets import COUNT_TYPES, QUALIFIERS

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "tests" / "fixtures" / "heldout"
HELDOUT2 = ROOT / "tests" / "fixtures" / "heldout2"  # second, independently written held-out set
HELDOUT_DIRS = [HELDOUT, HELDOUT2]

_spec = importlib.util.spec_from_file_location("evaluate_extraction", ROOT / "scripts" / "evaluate_extraction.py")
ev = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = ev  # dataclasses look their module up while the class is built
_spec.loader.exec_module(ev)

ACTOR_TYPES = {"person", "organization", "state", "armed_group", "media", "government_body", "military_unit", "other"}
VAGUE = {
    "dozens": (24, 99),
    "hundreds": (200, 999),
    "thousands": (2000, 9999),
    "tens of thousands": (20000, 99999),
    "hundreds of thousands": (200000, 999999),
}


# --------------------------------------------------------------------------- helpers

BODY = (
    "Aid convoy reaches town\n\n"
    "TOWN, June 14, 2024 (Reuters) - At least 45 people were killed, including 12 children, "
    "the Sudan Doctors Network said. Army spokesman Hassan Idris Taha said 14 trucks arrived. "
    "Taha said dozens of fighters were captured."
)


def _gold_article() -> "ev.GoldArticle":
    def gf(surface, lo, hi, q, ct, claimant, occurrence=0):
        start, end = ev.find_surface_span(BODY, surface, occurrence)
        return ev.GoldFigure(surface, start, end, lo, hi, q, ct, claimant)

    return ev.GoldArticle(
        file="synthetic.txt",
        body=BODY,
        published_date=None,
        publisher="Reuters",
        figures=[
            gf("At least 45", 45, 45, "at_least", "killed", "Sudan Doctors Network"),
            gf("12", 12, 12, "exact", "killed", "Sudan Doctors Network"),
            gf("14", 14, 14, "exact", "aid", "Hassan Idris Taha", occurrence=1),
            gf("dozens", 24, 99, "vague", "detained", "Hassan Idris Taha"),
        ],
        actors=[
            ev.GoldActor("Reuters", "media", []),
            ev.GoldActor("Sudan Doctors Network", "organization", ["Doctors Network"]),
            ev.GoldActor("Hassan Idris Taha", "person", ["Taha"]),
        ],
    )


def _fig(surface, lo, hi, q="exact", ct="other", claimant=None, occurrence=0, start=None):
    if start is None:
        start, _ = ev.find_surface_span(BODY, surface, occurrence)
    end = start + len(surface)
    assert BODY[start:end] == surface
    return FigureMention(
        figure_id=f"f{start}", article_id="a", sentence_no=0, start_char=start, end_char=end,
        surface_text=surface, value_low=lo, value_high=hi, qualifier=q, unit=None,
        count_type=ct, claimant_text=claimant,
    )


def _mention(surface, canonical, actor_type="organization"):
    start = BODY.find(surface)
    return EntityMention(
        mention_id=f"m{start}-{canonical}", article_id="a", sentence_no=0, start_char=max(start, 0),
        end_char=max(start, 0) + len(surface), surface_text=surface, actor_type=actor_type,
        canonical_name=canonical, resolution="name",
    )


# --------------------------------------------------------------------------- figure matching


def test_figure_matching_overlap_and_values():
    gold = _gold_article()
    preds = [
        # overlaps "At least 45" (prediction without the hedge) with equal values -> match
        _fig("45", 45, 45, q="exact", ct="killed", claimant="Doctors Network"),
        # right span, wrong value -> FP, and the gold "12" stays a FN
        _fig("12", 21, 21, ct="killed"),
        # the "14" of the date: right value but not the gold span -> FP
        _fig("14", 14, 14, ct="aid", occurrence=0),
        # the real "14 trucks", claimant by surname
        _fig("14", 14, 14, ct="aid", claimant="Taha", occurrence=1),
        # a second prediction on the same gold span: one-to-one, so it is a FP
        _fig("14 trucks", 14, 14, ct="aid", start=ev.find_surface_span(BODY, "14", 1)[0]),
    ]
    score = ev.score_article(gold, ArticleExtraction(article_id="a", figures=preds))
    assert score.gold_figures == 4
    assert score.pred_figures == 5
    assert score.matched_figures == 2  # "At least 45" and the second "14"
    assert len(score.false_positives) == 3
    assert len(score.false_negatives) == 2  # "12" and "dozens"
    assert any("'12'" in fn and "other values" in fn for fn in score.false_negatives)
    # typing among matched: "45" predicted exact (gold at_least); "14" exact/aid right
    assert score.qualifier_correct == 1
    assert score.count_type_correct == 2
    # claimants: containment ("Doctors Network") and surname ("Taha")
    assert score.matched_with_gold_claimant == 2
    assert score.claimant_correct == 2


def test_vague_figure_needs_the_convention_values():
    gold = _gold_article()
    wrong = ev.score_article(gold, ArticleExtraction(article_id="a", figures=[_fig("dozens", 12, 99, q="vague")]))
    right = ev.score_article(gold, ArticleExtraction(article_id="a", figures=[_fig("dozens", 24, 99, q="vague")]))
    assert wrong.matched_figures == 0
    assert right.matched_figures == 1 and right.qualifier_correct == 1


def test_claimant_matching_rules():
    taha = ev.GoldActor("Hassan Idris Taha", "person", ["Taha"])
    sdn = ev.GoldActor("Sudan Doctors Network", "organization", [])
    mod = ev.GoldActor("Russian Defence Ministry", "government_body", ["Russia's defence ministry"])
    msf = ev.GoldActor("Medecins Sans Frontieres", "organization", ["MSF"])
    assert ev.claimant_matches("Brigadier Hassan Idris Taha", taha, taha.name)  # containment
    assert ev.claimant_matches("Mr. Taha", taha, taha.name)  # surname
    assert ev.claimant_matches("sudan doctors network", sdn, sdn.name)  # case-insensitive
    assert ev.claimant_matches("the Doctors Network", sdn, sdn.name)  # contained in the gold name
    assert ev.claimant_matches("Russia’s Defence Ministry", mod, mod.name)  # alias, curly apostrophe
    assert ev.claimant_matches("Médecins Sans Frontières", msf, msf.name)  # accents
    assert not ev.claimant_matches("ministry", mod, mod.name)  # generic word alone
    assert not ev.claimant_matches("Network", sdn, sdn.name)
    assert not ev.claimant_matches(None, taha, taha.name)
    assert not ev.claimant_matches("Oleh Marchenko", taha, taha.name)
    assert not ev.claimant_matches("Osman", sdn, sdn.name)  # surname rule only for people


def test_actor_scoring_aliases_splits_and_false_positives():
    gold = _gold_article()
    mentions = [
        _mention("Reuters", "Reuters", "media"),
        _mention("Sudan Doctors Network", "the Sudan Doctors Network"),
        _mention("Hassan Idris Taha", "Hassan Idris Taha", "person"),
        _mention("Taha", "Taha", "person"),  # unresolved surname: correct actor, but a split
        _mention("TOWN", "Town", "other"),  # a place: false positive
        _mention("Reuters", "Reuters", "media"),  # duplicate canonical name: counted once
    ]
    score = ev.score_article(gold, ArticleExtraction(article_id="a", mentions=mentions))
    assert score.pred_actors == 5
    assert score.pred_actors_correct == 4
    assert score.gold_actors_found == 3
    assert score.actor_splits == 1
    assert score.actor_false_positives == ["Town"]
    assert score.actor_false_negatives == []


def test_zero_predictions_report_na_precision_and_zero_recall():
    gold = _gold_article()
    summary = ev.aggregate([ev.score_article(gold, None, error=None)])
    assert summary["figures"]["precision"] is None
    assert summary["figures"]["recall"] == 0.0
    assert summary["figures"]["f1"] == 0.0
    assert summary["actors"]["precision"] is None
    assert summary["actors"]["recall"] == 0.0
    assert summary["qualifier"]["accuracy"] is None
    assert summary["claimants"]["end_to_end_recall"] == 0.0
    assert "n/a" in ev.format_report(summary, [], verbose=False)


def test_main_exits_zero_and_writes_json(tmp_path, monkeypatch, capsys):
    def boom(article):
        return None, "Traceback...\nRuntimeError: extractor not ready\n"

    monkeypatch.setattr(ev, "run_extractor", boom)
    out = tmp_path / "scores.json"
    assert ev.main(["--json", str(out), "--verbose"]) == 0
    data = json.loads(out.read_text())
    assert data["figures"]["gold"] > 0 and data["figures"]["pred"] == 0
    assert set(data["errors"]) == set(data["per_file"])
    assert "extractor not ready" in capsys.readouterr().out


# --------------------------------------------------------------------------- gold.json vs fixtures


def _gold_json(folder=HELDOUT):
    return json.loads((folder / "gold.json").read_text(encoding="utf-8"))["files"]


@pytest.mark.parametrize("folder", HELDOUT_DIRS, ids=lambda d: d.name)
def test_every_fixture_has_gold_and_reasonable_length(folder):
    files = _gold_json(folder)
    texts = sorted(p.name for p in folder.glob("*.txt"))
    assert texts and sorted(files) == texts
    for name in texts:
        words = len((folder / name).read_text(encoding="utf-8").split())
        assert 250 <= words <= 450, (name, words)


@pytest.mark.parametrize(
    "folder,name",
    [(d, p.name) for d in HELDOUT_DIRS for p in sorted(d.glob("*.txt"))],
    ids=lambda v: v.name if isinstance(v, Path) else v,
)
def test_gold_is_consistent_with_fixture(folder, name):
    entry = _gold_json(folder)[name]
    body = (folder / name).read_text(encoding="utf-8")
    from datetime import date

    date.fromisoformat(entry["published_date"])
    actor_names = {a["name"] for a in entry["actors"]}
    spans = set()
    for fig in entry["figures"]:
        span = ev.find_surface_span(body, fig["surface"], fig.get("occurrence", 0))
        assert span is not None, f"{name}: {fig['surface']!r} occurrence {fig.get('occurrence', 0)} not in text"
        assert body[span[0] : span[1]] == fig["surface"]
        assert span not in spans, f"{name}: {fig['surface']!r} annotated twice"
        spans.add(span)
        assert fig["qualifier"] in QUALIFIERS
        assert fig["count_type"] in COUNT_TYPES
        assert fig["value_low"] <= fig["value_high"]
        if fig["qualifier"] not in ("range", "vague"):
            assert fig["value_low"] == fig["value_high"]
        if fig["qualifier"] == "vague":
            assert VAGUE[fig["surface"].lower()] == (fig["value_low"], fig["value_high"])
        if fig["qualifier"] == "range":
            assert fig["value_low"] < fig["value_high"]
        digits = re.sub(r"[^\d.]", "", fig["surface"].replace(",", ""))
        if digits and fig["qualifier"] not in ("range", "vague") and "million" not in fig["surface"]:
            assert float(digits) == fig["value_low"], fig
        assert fig["claimant"] is None or fig["claimant"] in actor_names, fig["claimant"]
        if fig.get("part_of"):
            assert fig["part_of"] in {f["surface"] for f in entry["figures"]}
    lowered = body.lower()
    for actor in entry["actors"]:
        assert actor["type"] in ACTOR_TYPES
        forms = [actor["name"], *actor["aliases"]]
        assert any(f.lower() in lowered for f in forms), f"{name}: actor {actor['name']!r} not in text"
    # the scorer loads it too
    loaded = {a.file: a for a in ev.load_gold(folder)}
    assert len(loaded[name].figures) == len(entry["figures"])
