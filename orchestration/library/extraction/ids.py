"""Deterministic keys: the same input always yields the same id."""
from __future__ import annotations

import hashlib


def stable_id(*parts: object) -> str:
    """16-hex-digit key from the parts' text; stable across runs and machines."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]
