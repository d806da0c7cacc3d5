"""Versions of the code that produced stored rows: a change re-reads or re-parses what it affects."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path


def code_files(folder: Path, suffixes: Iterable[str] = (".py",)) -> list[Path]:
    """Every file with one of ``suffixes`` below ``folder``, subpackages included, in a stable order."""
    wanted = set(suffixes)
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix in wanted and "__pycache__" not in p.parts)


def files_digest(root: Path, paths: Iterable[Path]) -> str:
    """sha256 over each file's path (relative to ``root``) and bytes."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


# what a package reads besides its code: learned weights (claimant_model.json) and data (world_places.tsv.gz)
PACKAGE_DATA_SUFFIXES = (".json", ".gz")


@lru_cache(maxsize=None)
def code_digest(folder: Path) -> str:
    """12-hex-digit digest of the folder's Python files and the data files it ships, subpackages
    included (names and contents): retrained weights re-parse as edited code does."""
    return files_digest(folder, code_files(folder, (".py", *PACKAGE_DATA_SUFFIXES)))[:12]


@lru_cache(maxsize=1)
def vocabulary_digest() -> str:
    """12-hex-digit digest of the curated data files the reader and the extractor read (the outlet
    list, the source spellings): a new outlet there renames publishers and outlets' mentions."""
    from orchestration.library.articles.publisher import VOCABULARY_FILES

    return files_digest(VOCABULARY_FILES[0].parents[2], VOCABULARY_FILES)[:12]
