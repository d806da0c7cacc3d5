import codecs

import pytest

from orchestration.articles.decode import UndecodableError, decode_bytes

PROSE = "Thousands of civilians sheltered at the base, officials said on Tuesday. "


def test_utf8_is_read_as_utf8():
    assert decode_bytes("Zakharova said “9,000 people”.".encode()) == ("Zakharova said “9,000 people”.", "utf-8")


def test_utf8_bom_is_stripped():
    text, encoding = decode_bytes(codecs.BOM_UTF8 + PROSE.encode())
    assert text == PROSE and encoding == "utf-8-sig"


def test_utf16_with_bom():
    text, encoding = decode_bytes(PROSE.encode("utf-16"))
    assert text == PROSE and encoding == "utf-16"


def test_utf16_without_bom_is_recognised_by_its_nul_pattern():
    text, encoding = decode_bytes(PROSE.encode("utf-16-le"))
    assert text == PROSE and encoding == "utf-16-le"


def test_windows_1252_smart_quotes_and_accents():
    original = "The café owner said “we fled” – 300 families. " * 3
    text, encoding = decode_bytes(original.encode("cp1252"))
    assert text == original and encoding == "cp1252"


def test_arabic_windows_1256_is_not_misread_as_western():
    original = "قالت المتحدثة إن تسعة آلاف شخص لجأوا إلى القاعدة. " * 3
    text, encoding = decode_bytes(original.encode("cp1256"))
    assert text == original and encoding == "cp1256"


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
        (b"%PDF-1.7\n...", "PDF"),
        (bytes(range(1, 32)) * 50, "control characters"),
        (b"abc\x00\x01\x02\xff\xfe\x00\x00\x17" * 100, "NUL"),
    ],
)
def test_non_text_is_refused_with_a_reason(data, reason):
    with pytest.raises(UndecodableError, match=reason):
        decode_bytes(data)
