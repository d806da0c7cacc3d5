"""Bytes to text, for files of unknown encoding.

Order matters:
1. a byte-order mark is certain;
2. magic numbers and NUL bytes mean binary (UTF-16 without a BOM is told by where its NULs fall);
3. strict UTF-8 almost never accepts non-UTF-8 text by accident;
4. UTF-8 with a few stray bytes (a Windows-1252 quote pasted into a UTF-8 file) keeps its UTF-8
   and reads each stray byte as Windows-1252, said in the encoding name;
5. anything else goes to a maintained detector (charset-normalizer), which tells scripts apart
   (Cyrillic, Greek, Arabic, Hebrew, Japanese, Chinese, ...) by how unlikely each decoding's
   character sequences are. For Latin-script text it cannot tell Western from Central European
   code pages on short texts, so those are told apart here: the right code page makes letters
   inside words ("zginęło"), a wrong one makes symbols and control characters ("zginê³o").
A decoding that is still unlikely is refused: a file is quarantined rather than stored garbled.
"""
from __future__ import annotations

import codecs
import re
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
# Latin-script code pages, in the order preferred when they read a text equally well: Western
# first (the most common by far), then Central European (Windows, then ISO), Turkish, Baltic.
LATIN_CODE_PAGES = ("cp1252", "cp1250", "iso-8859-2", "cp1254", "cp1257")
# the detector's "mess" ratio above which no decoding is trusted (its own default cut-off is 0.2)
MAX_CHAOS = 0.1
# A second code page that reads the bytes as a different text with almost no more mess, and whose
# text fits a language nearly as well (the detector's coherence, 0 to 1), makes the choice a guess:
# short texts give the detector few words to tell Windows-1253 from Mac-Greek, or Windows-1251 from
# Mac-Cyrillic. Such a file is quarantined rather than stored as one of the guesses.
COHERENCE_MARGIN = 0.1
# Single-byte text read as Shift-JIS turns its letters into halfwidth katakana, which real Japanese
# prose hardly uses: a decoding made mostly of them is another code page's text. Read as a CJK
# multibyte code page it can also yield rare ideographs (extension blocks, beyond the BMP) that no
# news prose uses.
HALFWIDTH_KATAKANA = re.compile("[\uff61-\uff9f]")
RARE_IDEOGRAPHS = re.compile("[\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0003ffff]")
# A file is UTF-8 with stray bytes when most of its non-ASCII bytes form well-formed UTF-8: in
# legacy text well-formed sequences are rare accidents (about a third of Shift-JIS or GB18030 bytes,
# none in single-byte code pages), so the rest is read by the detector.
MIN_UTF8_SHARE = 0.6
STRAY_ENCODING = "cp1252"
# Icelandic letters count a quarter: where Windows-1252 reads them, Turkish text (Windows-1254,
# far more common in the news) has its ğ and ş; Icelandic pages pay for it.
RARE_LATIN_LETTERS = frozenset("ðþÐÞ")

_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _looks_binary(text: str) -> bool:
    """Too many control characters (other than whitespace) for prose."""
    sample = text[:20000]
    if not sample:
        return False
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    return controls / len(sample) > 0.01


def _stray_as_cp1252(error: UnicodeDecodeError) -> tuple[str, int]:
    bad = error.object[error.start:error.end]
    return bad.decode(STRAY_ENCODING, errors="replace"), error.end


codecs.register_error("stray_cp1252", _stray_as_cp1252)


def _utf8_with_stray_bytes(data: bytes) -> tuple[str, int] | None:
    """(text, stray bytes) when ``data`` is UTF-8 but for a few bytes of another code page; else None."""
    well_formed = sum(len(m) for m in _UTF8_MULTIBYTE.findall(data))
    if well_formed == 0:
        return None  # no UTF-8 at all: a legacy code page throughout
    strays = 0
    position = 0
    while True:
        try:
            data[position:].decode("utf-8")
            break
        except UnicodeDecodeError as exc:
            strays += exc.end - exc.start
            position += exc.end
    if well_formed < MIN_UTF8_SHARE * (well_formed + strays):
        return None
    return data.decode("utf-8", errors="stray_cp1252"), strays


def _is_word_char(ch: str) -> bool:
    return ch.isalpha() or ch in "'’-"


def _latin_fit(text: str) -> float:
    """How well a Latin code page reads ``text``: non-ASCII letters count for it, symbols
    inside words and control characters against it."""
    score = 0.0
    for i, ch in enumerate(text):
        if ord(ch) < 128:
            continue
        category = unicodedata.category(ch)
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        in_word = _is_word_char(before) and _is_word_char(after)
        if category == "Cc":
            score -= 2
        elif category.startswith("L"):
            weight = 0.25 if ch in RARE_LATIN_LETTERS else 1.0
            score += weight if (_is_word_char(before) or _is_word_char(after)) else weight / 2
        elif in_word:
            score -= 1  # "zginê³o": a superscript three is no letter of any word
    return score


def _is_latin_script(text: str) -> bool:
    letters = [ch for ch in text if ord(ch) >= 128 and ch.isalpha()]
    if not letters:
        return True
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    return latin >= 0.8 * len(letters)


def _best_latin(data: bytes) -> tuple[str, str]:
    """The Latin code page that reads ``data`` best: the ones whose letters fit (``_latin_fit``),
    then, among those, the one whose words fit a language best (the detector's coherence), then
    the order of LATIN_CODE_PAGES."""
    decodings = {}
    for encoding in LATIN_CODE_PAGES:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue  # a byte this code page leaves undefined
        if any(text == seen for seen, _ in decodings.values()):
            continue  # reads the same as a code page preferred to it
        decodings[encoding] = (text, _latin_fit(text))
    if not decodings:
        return data.decode("latin-1"), "latin-1"  # every byte is defined in Latin-1
    best_fit = max(fit for _, fit in decodings.values())
    fitting = [e for e in LATIN_CODE_PAGES if e in decodings and decodings[e][1] >= best_fit - 0.02 * abs(best_fit)]
    if len(fitting) > 1:
        from charset_normalizer import from_bytes

        coherence = {codecs.lookup(m.encoding).name: m.coherence for m in from_bytes(data, cp_isolation=fitting)}
        fitting.sort(key=lambda e: -coherence.get(codecs.lookup(e).name, 0.0))  # stable: ties keep the order
    return decodings[fitting[0]][0], fitting[0]


def _oddities(text: str) -> int:
    """Letters no language of the detector's tables counts among its common ones (Macedonian ќ and ѕ
    in Russian text), and symbols inside words ("за€вили"): what a wrong code page leaves behind."""
    from charset_normalizer.constant import FREQUENCIES

    common = _COMMON_LETTERS or _COMMON_LETTERS.update(ch for letters in FREQUENCIES.values() for ch in letters) or _COMMON_LETTERS
    odd = 0
    for i, ch in enumerate(text):
        if ord(ch) < 128:
            continue
        if ch.isalpha():
            odd += ch.lower() not in common and ch not in common
        elif (i and text[i - 1].isalpha()) or (i + 1 < len(text) and text[i + 1].isalpha()):
            odd += 1
    return odd


_COMMON_LETTERS: set[str] = set()


def _settle(best, matches):
    """The decoding to keep, or why there is none: the detector's best, unless another code page reads
    the bytes as a different text about as well (no more mess, a language fit within COHERENCE_MARGIN).
    Then the one with fewer oddities wins, and a tie is a guess."""
    text = str(best)
    non_ascii = sum(1 for ch in text if ord(ch) >= 128)
    if non_ascii and len(HALFWIDTH_KATAKANA.findall(text)) > 0.3 * non_ascii:
        return None, f"{best.encoding} reads it as halfwidth katakana, the mark of another code page's letters"
    if RARE_IDEOGRAPHS.search(text):
        return None, f"{best.encoding} reads it with rare ideographs no news text uses, the mark of another code page's letters"
    rivals = [m for m in matches if m.chaos <= MAX_CHAOS and str(m) != text and m.coherence >= best.coherence - COHERENCE_MARGIN]
    if not rivals:
        return best, None
    ranked = sorted([best, *rivals], key=lambda m: _oddities(str(m)))
    if _oddities(str(ranked[0])) < _oddities(str(ranked[1])):
        return ranked[0], None
    return None, (f"{ranked[0].encoding} and {ranked[1].encoding} read it as different texts, equally likely "
                  f"(coherence {ranked[0].coherence:.2f} and {ranked[1].coherence:.2f}; a short text gives too few words to tell)")


def _detect_legacy(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # imported when needed: most files are UTF-8

    matches = from_bytes(data)
    best = matches.best()
    if best is None or best.chaos > MAX_CHAOS:
        detail = f"the likeliest, {best.encoding}, reads as {best.chaos:.0%} unlikely text" if best else "none fits"
        raise UndecodableError(
            f"encoding could not be told with confidence: not UTF-8, and of the legacy code pages {detail}; "
            "save the file as UTF-8")
    text = str(best)
    if _is_latin_script(text):
        return _best_latin(data)
    chosen, doubt = _settle(best, [m for m in matches if m is not best])
    if chosen is None:
        raise UndecodableError(f"encoding could not be told with confidence: not UTF-8, and {doubt}; save the file as UTF-8")
    return str(chosen), codecs.lookup(chosen.encoding).name


def _read_as(data: bytes, encoding: str) -> str | None:
    """The bytes as text in this encoding, or None when they do not decode or read as binary."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if _looks_binary(text) else text


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
            if nuls > 0.4 * half and (text := _read_as(data, encoding)) is not None:
                return text, encoding
        raise UndecodableError("not text: contains NUL bytes (binary file)")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        repaired = _utf8_with_stray_bytes(data)
        if repaired is not None:
            text, strays = repaired
            encoding = f"utf-8 ({strays} stray {STRAY_ENCODING} byte{'s' if strays != 1 else ''})"
        else:
            text, encoding = _detect_legacy(data)
    if _looks_binary(text):
        raise UndecodableError(f"not text: too many control characters for {encoding} prose")
    return text, encoding


# A page's own word for its encoding: <meta charset="...">, <meta http-equiv="Content-Type" content="...;
# charset=...">, or an XHTML file's XML declaration.
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""\A\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
# what browsers read these labels as (the WHATWG Encoding Standard): a page that says Latin-1 or
# ASCII is read as Windows-1252, its superset
_BROWSER_LABELS = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                   "l1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252"}


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    try:
        return codecs.lookup(_BROWSER_LABELS.get(label, label)).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The encoding a web page declares in its first 4 KiB (a Python codec name), or None."""
    head = data[:4096]
    found = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return _codec(found.group(1).decode("ascii", "replace")) if found else None


def decode_html_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """A web page's bytes → (text, encoding name): a byte-order mark or valid UTF-8 first, as for any
    file; else the encoding the page (or the archive that holds it, ``declared``) names, when it
    reads the bytes; else the detector (decode_bytes)."""
    if not data or any(data.startswith(bom) for bom, _ in _BOMS) or b"\x00" in data[:4096]:
        return decode_bytes(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in (_codec(declared), declared_charset(data)):
        if encoding and not encoding.startswith("utf") and (text := _read_as(data, encoding)) is not None:
            return text, encoding
    return decode_bytes(data)
