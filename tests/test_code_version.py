"""Editing any extractor re-parses: the extractor version covers every module, subpackages included."""
from __future__ import annotations

from orchestration.warehouse.code_version import code_digest, code_files
from orchestration.warehouse.extract_pending import EXTRACTION_DIR


def test_the_extractor_version_covers_the_stage_subpackages():
    names = {p.relative_to(EXTRACTION_DIR).as_posix() for p in code_files(EXTRACTION_DIR)}
    assert {"pipeline.py", "actors/keys.py", "actors/mentions.py", "figures/assembly.py", "figures/claimants.py"} <= names


def test_an_edit_in_a_subpackage_changes_the_digest(tmp_path):
    (tmp_path / "stage").mkdir()
    (tmp_path / "top.py").write_text("A = 1\n")
    nested = tmp_path / "stage" / "rules.py"
    nested.write_text("B = 1\n")
    before = code_digest(tmp_path)
    nested.write_text("B = 2\n")
    code_digest.cache_clear()  # cached per process: the code does not change under a running pipeline
    assert code_digest(tmp_path) != before


def test_the_reader_version_covers_every_reader_module_and_the_libraries_that_read_files(monkeypatch):
    from orchestration.warehouse.sync import READER_DIR, reader_version

    names = {p.relative_to(READER_DIR).as_posix() for p in code_files(READER_DIR)}
    assert {"reader.py", "webpage.py", "pdf.py", "mhtml.py", "word.py", "formats.py", "folder.py", "boilerplate.py"} <= names
    before = reader_version()
    monkeypatch.setattr("importlib.metadata.version", lambda name: "0.0.1")  # an upgraded trafilatura or pypdf
    assert reader_version() != before


def test_editing_the_curated_lists_rereads_and_reparses(monkeypatch, tmp_path):
    # the outlet list names publishers (reader) and outlets' mentions (extractor): a new row must reach
    # the warehouse on the next run, not only after a code change
    from orchestration.library.articles import publisher
    from orchestration.warehouse import code_version
    from orchestration.warehouse.extract_pending import extractor_version
    from orchestration.warehouse.sync import reader_version

    before = (reader_version(), extractor_version())
    seeds = tmp_path / "dbt_project" / "seeds"
    seeds.mkdir(parents=True)
    for path in publisher.VOCABULARY_FILES:
        (seeds / path.name).write_bytes(path.read_bytes())
    (seeds / "outlet_domains.csv").write_text(
        (seeds / "outlet_domains.csv").read_text(encoding="utf-8") + "example-outlet.com,Example Outlet\n", encoding="utf-8")
    monkeypatch.setattr(publisher, "VOCABULARY_FILES", tuple(seeds / p.name for p in publisher.VOCABULARY_FILES))
    code_version.vocabulary_digest.cache_clear()
    try:
        after = (reader_version(), extractor_version())
    finally:
        code_version.vocabulary_digest.cache_clear()
    assert after[0] != before[0] and after[1] != before[1]


def test_retrained_weights_and_the_gazetteer_reparse_as_edited_code_does(tmp_path):
    # make train rewrites claimant_model.json with no code change: stored figures must be re-ranked
    from orchestration.warehouse.code_version import PACKAGE_DATA_SUFFIXES

    shipped = {p.relative_to(EXTRACTION_DIR).as_posix() for p in code_files(EXTRACTION_DIR, (".py", *PACKAGE_DATA_SUFFIXES))}
    assert {"figures/claimant_model.json", "source_model.json", "actors/world_places.tsv.gz"} <= shipped
    (tmp_path / "rank.py").write_text("A = 1\n")
    weights = tmp_path / "model.json"
    weights.write_text('{"weights": {"bias": 1.0}}')
    before = code_digest(tmp_path)
    weights.write_text('{"weights": {"bias": 2.0}}')
    code_digest.cache_clear()
    assert code_digest(tmp_path) != before
