"""Reported bodies: the learned judgement of which named bodies are sources where no cue cites them."""
from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from orchestration.library.extraction import reported_bodies as rb
from orchestration.library.extraction.pipeline import extract_from_doc
from orchestration.library.extraction.records import ArticleInput

ROOT = Path(__file__).resolve().parents[2]
# the authority's figures are reported, though no "said" or "according to" names it; the armed group only attacks
FIGURES_SHOW = ("Floods and clashes in the valley\n\nAt least 45 people were killed in the clashes, the State Disaster "
                "Management Authority's latest figures show. The Kuki National Army attacked three villages on Sunday "
                "night.\n\nThe State Disaster Management Authority put the number of displaced at 12,000 in its bulletin.")


def citations(nlp, body: str):
    article = ArticleInput("a1", body, date(2023, 5, 1), "Example Times", "t")
    return extract_from_doc(nlp(body), article).citations


def test_a_body_whose_figures_are_reported_is_a_source_though_no_cue_names_it(nlp):
    found = citations(nlp, FIGURES_SHOW)
    cited = [c for c in found if c.source_name == "State Disaster Management Authority"]
    assert [c.kind for c in cited] == ["statement"]
    c = cited[0]
    assert FIGURES_SHOW[c.start_char:c.end_char] == c.source_text  # it points at the words that name the body
    assert "figures show" in c.cited_text or "bulletin" in c.cited_text


def test_an_armed_group_that_only_attacks_is_not_a_source(nlp):
    assert not [c for c in citations(nlp, FIGURES_SHOW) if "Kuki" in (c.source_name or c.source_text)]


def test_without_the_model_file_no_body_is_judged(nlp, monkeypatch):
    monkeypatch.setattr(rb, "load_model", lambda path=rb.MODEL_PATH: None)
    assert not [c for c in citations(nlp, FIGURES_SHOW) if c.source_name == "State Disaster Management Authority"]


def test_the_committed_source_weights_are_what_training_gives():
    # the model reads the claimants the figures stage chose: a change there changes what training gives
    done = subprocess.run([sys.executable, "scripts/train_sources.py", "--check"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-500:] + done.stderr[-500:]
    assert "the same weights" in done.stdout


def test_training_labels_a_state_a_source_only_under_its_own_name():
    # the training labels: "Ukraine" is a part of the ministry's name, not the ministry; a body
    # named in part ("Attorney General's Office" of Colombia's) still is that body
    sys.path.insert(0, str(ROOT))
    from scripts.train_sources import names_source

    ministry = ["Ministry of Internal Affairs of Ukraine", "the interior ministry"]
    assert not names_source("Ukraine", "Ukraine", "state", ministry)
    assert names_source("Ukraine", "Kyiv", "state", ["Ukraine"])
    assert names_source("Attorney General's Office", "Attorney General's Office", "government_body",
                        ["Attorney General's Office of Colombia"])
