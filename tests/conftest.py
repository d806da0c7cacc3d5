"""Shared fixtures: seed copies in temp folders and whole-warehouse builds on temporary DuckDB files."""
from __future__ import annotations

import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"

# Data Docs and charts from test runs must not overwrite the user's reports folder
os.environ.setdefault("DATA_DOCS_DIR", tempfile.mkdtemp(prefix="data_docs_"))
os.environ.setdefault("CHARTS_DIR", tempfile.mkdtemp(prefix="charts_"))


def seed_text(prefix: str) -> str:
    """Text of the seed file whose name starts with ``prefix`` (e.g. "001"), as saved: for tests of
    the reader, which turns it into a body."""
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


# the seeds' undated articles are dated by the middle of the corpus's median publication year, as
# extract_pending.PENDING_SQL dates them (the dated seeds are of 2025)
SEEDS_MIDDLE = date(2025, 7, 1)


def seed_article(prefix: str):
    """The reader's Article for the seed: body, boilerplate and inferred metadata."""
    from orchestration.library.articles.reader import read_article

    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return read_article(path.name, path.read_bytes())


def seed_input(prefix: str):
    """The seed article as the pipeline gives it to the extractor: the reader's body text, its
    inferred publication date, publisher and title, and the reference date extract_pending sets for
    an undated article (its captions' latest date, else SEEDS_MIDDLE)."""
    from orchestration.library.extraction.records import ArticleInput

    article = seed_article(prefix)
    reference = None if article.published_date else (article.caption_date or SEEDS_MIDDLE)
    return ArticleInput(article.article_id, article.body_text, article.published_date, article.publisher, article.title,
                        reference)


def seed_body(prefix: str) -> str:
    """The seed's body text as the reader stores it (captions, bylines and credits set aside)."""
    return seed_input(prefix).body


def build(warehouse: Path, seeds: Path, **kwargs):
    """Run the product's job (the one `make run`, the sensor and the UI launch) on temp paths."""
    from orchestration.definitions import build_definitions

    defs = build_definitions(warehouse_path=warehouse, seeds_dir=seeds)
    return defs.resolve_job_def("build_warehouse").execute_in_process(raise_on_error=False, **kwargs)


def query(warehouse: Path, sql: str, params=None):
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


@pytest.fixture
def seeds_copy(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture(scope="session")
def seed_warehouse(tmp_path_factory):
    """The warehouse built once from the bundled seeds; tests only read it."""
    folder = tmp_path_factory.mktemp("seed_build")
    warehouse = folder / "warehouse.duckdb"
    result = build(warehouse, SEEDS)
    assert result.success, "building the warehouse from the bundled seeds failed"
    return warehouse


@pytest.fixture(scope="session", autouse=True)
def _remove_dbt_targets_of_test_warehouses():
    """Each temporary warehouse gets a dbt target folder (~5 MB); drop the ones this session made."""
    from orchestration.warehouse.dbt_manifest import PROJECT_DIR

    targets = PROJECT_DIR / "target"
    before = set(targets.glob("run-*"))
    yield
    for folder in set(targets.glob("run-*")) - before:
        shutil.rmtree(folder, ignore_errors=True)
