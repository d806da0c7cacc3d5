"""What the seeds folder holds: the article files to read, and every other entry with why it is not read.

Every file in the folder is accounted for:
- a file named like an article (formats.ARTICLE_SUFFIXES) is read; the reader quarantines it if
  it cannot be (a directory, a pipe or a link named like one is listed too, and refused when read);
- any other file is listed as unsupported, with the suffixes to save articles as;
- hidden files and folders (a name starting with "."; editor and system files) are listed as
  skipped, a hidden folder once, without looking inside it;
- the assets folder a browser saves beside a page ("Save page as" writes NAME.html and
  NAME_files/) is listed once with how many files it holds, and otherwise left alone;
- a link to a folder is listed and not followed (a folder of articles belongs inside the seeds folder).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from orchestration.library.articles.formats import ADVICE, ARTICLE_SUFFIXES, suffix_of

# kinds of entry that are not articles (raw.skipped_files.kind)
UNSUPPORTED, HIDDEN, PAGE_ASSETS, LINKED_FOLDER = "unsupported", "hidden", "page_assets", "linked_folder"
# a saved page's own suffixes: its assets folder is NAME_files beside NAME.html
PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
ASSETS_SUFFIX = "_files"


@dataclass(frozen=True)
class SkippedEntry:
    file_name: str  # relative to the seeds folder, "/"-separated; a folder's name ends with "/"
    kind: str  # UNSUPPORTED, HIDDEN, PAGE_ASSETS or LINKED_FOLDER
    reason: str
    files: int = 1  # how many files it stands for (an assets folder: the files inside it)


@dataclass
class FolderSurvey:
    articles: list[tuple[str, Path]] = field(default_factory=list)  # (relative name, path), to be read
    skipped: list[SkippedEntry] = field(default_factory=list)


def _sort_key(rel: str) -> list[str]:
    return rel.rstrip("/").split("/")  # the order Path objects sort in: part by part


def _count_files(folder: str) -> int:
    return sum(len(files) for _, _, files in os.walk(folder))


def _unsupported_reason(name: str) -> str:
    suffix = suffix_of(name)
    kind = f"unsupported file type {suffix}" if suffix else "unsupported file type (no suffix)"
    return f"{kind}: {ADVICE}"


def resolved_inside(seeds: Path, path: Path) -> Path | None:
    """The file ``path`` names, through any links, or None when a link leads out of the seeds
    folder: ingest never follows one there. Raises as Path.resolve(strict=True) does."""
    real = path.resolve(strict=True)
    return real if real.is_relative_to(seeds.resolve()) else None


def survey_folder(seeds: Path) -> FolderSurvey:
    """Every entry under ``seeds``, sorted by name: the articles to read and the entries skipped."""
    survey = FolderSurvey()
    root = str(seeds)
    for folder, dirs, files in os.walk(root):
        rel_folder = os.path.relpath(folder, root)
        prefix = "" if rel_folder == "." else rel_folder.replace(os.sep, "/") + "/"
        pages = {name.rsplit(".", 1)[0] for name in files if suffix_of(name) in PAGE_SUFFIXES}
        kept = []
        for name in dirs:
            rel, path = prefix + name, os.path.join(folder, name)
            if name.startswith("."):
                survey.skipped.append(SkippedEntry(rel + "/", HIDDEN, "hidden folder: skipped, with everything inside it"))
            elif os.path.islink(path):
                if suffix_of(name) in ARTICLE_SUFFIXES:  # named like an article: the reader says why it is refused
                    survey.articles.append((rel, Path(path)))
                else:
                    survey.skipped.append(SkippedEntry(rel + "/", LINKED_FOLDER, "link to a folder: not followed "
                                                       "(put the articles themselves in the seeds folder)"))
            elif name.endswith(ASSETS_SUFFIX) and name[: -len(ASSETS_SUFFIX)] in pages:
                page = next(f for f in sorted(files) if f.rsplit(".", 1)[0] == name[: -len(ASSETS_SUFFIX)]
                            and suffix_of(f) in PAGE_SUFFIXES)
                count = _count_files(path)
                survey.skipped.append(SkippedEntry(
                    rel + "/", PAGE_ASSETS, f"assets of the saved page {prefix}{page} ({count:,} file{'s' if count != 1 else ''}): "
                    "left alone", count))
            else:
                if suffix_of(name) in ARTICLE_SUFFIXES:  # a folder named like an article: listed, refused when read
                    survey.articles.append((rel, Path(path)))
                kept.append(name)
        dirs[:] = kept  # os.walk descends only into these
        for name in files:
            rel, path = prefix + name, os.path.join(folder, name)
            if name.startswith("."):
                survey.skipped.append(SkippedEntry(rel, HIDDEN, "hidden file: skipped"))
            elif suffix_of(name) in ARTICLE_SUFFIXES:
                survey.articles.append((rel, Path(path)))
            else:
                survey.skipped.append(SkippedEntry(rel, UNSUPPORTED, _unsupported_reason(name)))
    survey.articles.sort(key=lambda item: _sort_key(item[0]))
    survey.skipped.sort(key=lambda entry: _sort_key(entry.file_name))
    return survey


def list_article_files(seeds: Path) -> list[tuple[str, Path]]:
    """(relative name, path) for every article file under ``seeds``, sorted."""
    return survey_folder(seeds).articles
