"""Bytes to text, for files of unknown encoding.

Order matters: a byte-order mark is certain; magic numbers and NUL bytes mean binary;
strict UTF-8 almost never accepts non-UTF-8 text by accident; among single-byte code pages
Arabic text (Windows-1256) is told from Western text (Windows-1252) by how much of it
is high-byte letters.
"""
from __future__ import annotations

import codecs
import unicodedata


class UndecodableError(ValueError):
    """The bytes are not text we can read; the message says why, for the quarantine table."""


_MAGIC = {
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive (or Office document)",
    b"\x1f\x8b": "gzip archive",
    b"\x7fELF": "executable",
    b"SQLite format 3": "SQLite database",
    b"DUCK": "DuckDB database",
}
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def _looks_binary(text: str) -> bool:
    """Too many control characters (other than whitespace) for prose."""
    sample = text[:20000]
    if not sample:
        return False
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    return controls / len(sample) > 0.01


def _arabic_share(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if "\u0600" <= ch <= "\u06ff") / len(letters)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise UndecodableError with a readable reason."""
    if not data:
        raise UndecodableError("empty file (0 bytes)")
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise UndecodableError(f"not text: looks like a {kind}")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise UndecodableError(f"byte-order mark says {encoding} but decoding failed: {exc.reason}") from exc
    if b"\x00" in data[:4096]:
        # UTF-16 without a BOM puts a NUL in every other byte of ASCII text
        head = data[:4096]
        even_nuls, odd_nuls = head[0::2].count(0), head[1::2].count(0)
        half = len(head) / 2
        for encoding, nuls in (("utf-16-le", odd_nuls), ("utf-16-be", even_nuls)):
            if nuls > 0.4 * half:
                try:
                    text = data.decode(encoding)
                except UnicodeDecodeError:
                    continue
                if not _looks_binary(text):
                    return text, encoding
        raise UndecodableError("not text: contains NUL bytes (binary file)")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        arabic = data.decode("cp1256", errors="replace")
        if _arabic_share(arabic) > 0.3:
            text, encoding = arabic, "cp1256"
        else:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
    if _looks_binary(text):
        raise UndecodableError(f"not text: too many control characters for {encoding} prose")
    return text, encoding
