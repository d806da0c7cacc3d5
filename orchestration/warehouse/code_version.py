"""Versions of the code that produced stored rows: a change re-reads or re-parses what it affects."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=None)
def code_digest(folder: Path) -> str:
    """12-hex-digit digest of the folder's Python files (names and contents)."""
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
