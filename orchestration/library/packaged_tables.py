"""The data tables the library ships beside its code (the gazetteer, the outlet words): gzipped
text, ``# `` comment lines then one tab-separated row a line. One home for the format: the build
scripts write with :func:`write_table`, the readers read with :func:`read_table`."""
from __future__ import annotations

import gzip
from pathlib import Path


def read_table(path: Path) -> list[list[str]]:
    """The rows of a shipped table, each split at its tabs, comment lines left out."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh if not line.startswith("#")]


def write_table(path: Path, header: str, rows: list[str]) -> None:
    """``# header`` then one line per row, gzipped without a timestamp, so the same source data
    write the same bytes and a rebuild shows no change in git."""
    with gzip.GzipFile(path, "wb", mtime=0) as fh:
        fh.write(("\n".join([f"# {header}", *rows]) + "\n").encode("utf-8"))
