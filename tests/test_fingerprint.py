"""The inputs digest decides whether a rerun rebuilds: every change ingest would see must move it."""
from __future__ import annotations

import shutil

from orchestration.warehouse.fingerprint import articles_digest, folder_digests


def _folder(tmp_path):
    seeds, outside = tmp_path / "seeds", tmp_path / "elsewhere"
    seeds.mkdir()
    outside.mkdir()
    (outside / "a.txt").write_text("Police said 12 people were killed.", encoding="utf-8")
    return seeds, outside


def test_a_link_out_of_the_folder_replaced_by_a_copy_of_its_target_is_a_change(tmp_path):
    # ingest quarantines the link; the copy is an article: the rerun must not skip as "nothing changed"
    seeds, outside = _folder(tmp_path)
    (seeds / "a.txt").symlink_to(outside / "a.txt")
    linked = articles_digest(seeds)
    (seeds / "a.txt").unlink()
    shutil.copy(outside / "a.txt", seeds / "a.txt")
    assert articles_digest(seeds) != linked
    assert folder_digests(seeds)["a.txt"].isalnum()


def test_a_link_inside_the_folder_is_read_and_named_by_its_target(tmp_path):
    seeds, outside = _folder(tmp_path)
    shutil.copy(outside / "a.txt", seeds / "a.txt")
    (seeds / "b.txt").symlink_to(seeds / "a.txt")
    digests = folder_digests(seeds)
    assert digests["b.txt"] == "link to a.txt: " + digests["a.txt"]
    before = articles_digest(seeds)
    (seeds / "a.txt").write_text("Police said 13 people were killed.", encoding="utf-8")
    assert articles_digest(seeds) != before  # an edit of the target changes both entries


def test_touching_a_file_without_changing_it_is_no_change(tmp_path):
    seeds, outside = _folder(tmp_path)
    shutil.copy(outside / "a.txt", seeds / "a.txt")
    before = articles_digest(seeds)
    (seeds / "a.txt").write_bytes((seeds / "a.txt").read_bytes())
    assert articles_digest(seeds) == before
