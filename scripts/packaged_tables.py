"""Writing the data tables the package ships (the gazetteer, the outlet words): gzip without a
timestamp, so the same source data write the same bytes and a rebuild shows no change in git."""
from __future__ import annotations

import gzip
from pathlib import Path


def write_table(path: Path, header: str, rows: list[str]) -> None:
    """``# header`` then one line per row, gzipped reproducibly."""
    with gzip.GzipFile(path, "wb", mtime=0) as fh:
        fh.write(("\n".join([f"# {header}", *rows]) + "\n").encode("utf-8"))
