"""What a run's result depends on, as one digest: nothing changed means nothing to rebuild.

The digest covers every input of a build: each article file's name and bytes, and every file of
code and configuration that turns them into the warehouse (the orchestration package, the dbt
project's models, macros, seeds, tests and settings, the expectation suites). A run whose digest
equals the one recorded with the last publication would rebuild exactly what is published, so it
skips. Any edit, of an article or of the code, gives a new digest and a full run; what that run
re-parses is still decided article by article by the ledger.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from orchestration import settings
from orchestration.library.articles.folder import resolved_inside, survey_folder
from orchestration.warehouse.code_version import code_files, files_digest

# the code and configuration a build depends on, below the repository root (and the suites, wherever
# EXPECTATIONS_DIR puts them)
CODE_PARTS = ("orchestration", "dbt_project/models", "dbt_project/macros", "dbt_project/seeds", "dbt_project/tests")
CODE_FILES = ("dbt_project/dbt_project.yml", "dbt_project/profiles.yml", "requirements.lock")
CODE_SUFFIXES = (".py", ".sql", ".yml", ".yaml", ".csv", ".json", ".lock")


def folder_digests(seeds: Path) -> dict[str, str]:
    """Each article file's content digest, by its name relative to the seeds folder; an entry that
    is not an article (raw.skipped_files) by what it is, not its content: a new or removed one
    changes what the warehouse lists, an edit to it changes nothing."""
    survey = survey_folder(seeds)
    digests = {entry.file_name: f"skipped {entry.kind} ({entry.files} files)" for entry in survey.skipped}
    inside = seeds.resolve()
    for rel, path in survey.articles:
        try:
            if not path.is_file():  # a named pipe would block a read forever; ingest quarantines it
                digests[rel] = "not a regular file"
                continue
            # ingest refuses a link out of the folder and reads the file a link replaced: a link
            # and the copy of its target that replaces it are different inputs
            link = ""
            if path.is_symlink():
                real = resolved_inside(seeds, path)
                if real is None:
                    digests[rel] = "link out of the seeds folder"
                    continue
                link = f"link to {real.relative_to(inside)}: "
            digests[rel] = link + hashlib.sha256(path.read_bytes()).hexdigest()
        except (OSError, RuntimeError):  # RuntimeError: a link loop (Python < 3.13)
            digests[rel] = "unreadable"
    return digests


def code_digest(root: Path = settings.REPO_ROOT) -> str:
    """Digest of every file of code and configuration a build depends on."""
    paths = [root / name for name in CODE_FILES if (root / name).is_file()]
    for part in CODE_PARTS:
        paths += code_files(root / part, CODE_SUFFIXES)
    suites = settings.expectations_dir()
    return hashlib.sha256(f"{files_digest(root, paths)}\0{files_digest(suites, code_files(suites, ('.json',)))}".encode()).hexdigest()


def articles_digest(seeds: Path, digests: dict[str, str] | None = None) -> str:
    """One digest of the article files alone (names and contents): what the sensor compares with
    the published one, so that any folder state not published, an earlier one included, is built."""
    digest = hashlib.sha256()
    if seeds.is_dir():
        for name, content in sorted((folder_digests(seeds) if digests is None else digests).items()):
            digest.update(f"{name}\0{content}\0".encode("utf-8", "surrogateescape"))  # names need not be UTF-8
    return digest.hexdigest()[:16]


def inputs_digest(seeds: Path, articles: str | None = None) -> str:
    """One digest of the article files (``articles``: their articles_digest, when already known)
    and the code that builds them."""
    articles = articles_digest(seeds) if articles is None else articles
    return hashlib.sha256(f"{code_digest()}\0{articles}".encode()).hexdigest()[:16]
