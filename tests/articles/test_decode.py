import codecs

import pytest

from orchestration.library.articles.decode import UndecodableError, decode_bytes

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


# the same report in the legacy code pages of other scripts: each must come back letter for letter
LEGACY = {
    "cp1251": "Российские военные заявили, что 12 человек погибли при обстреле в воскресенье. Около 2000 семей бежали.\n",
    "cp1253": "Τουλάχιστον 12 άνθρωποι σκοτώθηκαν και 30 τραυματίστηκαν την Κυριακή, δήλωσαν αξιωματούχοι.\n",
    "iso-8859-2": "Co najmniej 12 osób zginęło, a 30 zostało rannych w niedzielę, poinformowali urzędnicy. Żołnierze uciekli.\n",
    "cp1250": "Co najmniej 12 osób zginęło, a 30 zostało rannych w niedzielę, poinformowali urzędnicy. Żołnierze uciekli.\n",
    "cp1254": "Türkiye'de en az 12 kişi öldü, 30 kişi yaralandı, yetkililer açıkladı. Şehirde yaklaşık 2.000 aile kaçtı.\n",
    "shift_jis": "日曜日の砲撃で少なくとも12人が死亡し、30人が負傷したと当局者が明らかにした。約2000世帯が避難した。\n",
    "gb18030": "官员表示，星期日的炮击造成至少12人死亡，30人受伤。约2000个家庭逃往城市。\n",
}


@pytest.mark.parametrize("encoding", LEGACY)
def test_legacy_code_pages_of_other_scripts_are_decoded_letter_for_letter(encoding):
    original = LEGACY[encoding]
    text, detected = decode_bytes(original.encode(encoding))
    assert text == original, detected


def test_latin_code_pages_are_named_for_what_they_are():
    # ą and ś sit on different bytes in the two Central European code pages
    polish = "Według świadków żołnierze zajęli miasto, a mieszkańcy uciekli do sąsiedniej wsi.\n"
    assert decode_bytes(polish.encode("iso-8859-2"))[1] == "iso-8859-2"
    assert decode_bytes(polish.encode("cp1250"))[1] == "cp1250"
    assert decode_bytes(LEGACY["cp1251"].encode("cp1251"))[1] == "cp1251"


def test_utf8_with_a_stray_windows_1252_byte_keeps_its_utf8_and_reads_the_stray_byte():
    data = "Zakharova said “9,000 people” fled — officials agreed. ".encode() + b"The owner\x92s caf\xe9 closed.\n"
    text, encoding = decode_bytes(data)
    assert text == "Zakharova said “9,000 people” fled — officials agreed. The owner’s café closed.\n"
    assert encoding == "utf-8 (2 stray cp1252 bytes)"


def test_bytes_no_code_page_reads_as_text_are_refused_not_guessed():
    import random

    rng = random.Random(7)
    noise = bytes(rng.randrange(128, 256) for _ in range(600))
    with pytest.raises(UndecodableError, match="encoding could not be told with confidence"):
        decode_bytes(noise)


# one-sentence texts in legacy code pages: too few words for the detector to be sure of some of them
SHORT_LEGACY = [
    ("cp1253", "Τουλάχιστον 12 άνθρωποι σκοτώθηκαν στην επίθεση."),
    ("cp1253", "Σκοτώθηκαν 40 άνθρωποι."),
    ("cp1253", "Η κυβέρνηση ανακοίνωσε ότι 15 στρατιώτες τραυματίστηκαν."),
    ("cp1253", "Ο υπουργός δήλωσε ότι η κατάσταση είναι κρίσιμη."),
    ("cp1251", "Погибли 12 человек."),
    ("cp1251", "Российские военные заявили, что 12 человек погибли."),
    ("cp1251", "Около 2000 семей бежали из города в воскресенье."),
    ("cp1256", "قتل 12 شخصا في الهجوم."),
    ("cp1256", "قالت وزارة الصحة إن 30 شخصا أصيبوا في القصف على المدينة."),
    ("koi8_r", "Погибли 12 человек при обстреле города."),
    ("cp1251", "Обстрел города"),
    ("cp1253", "Νεκροί."),
    ("cp1253", "Η επίθεση"),
    ("cp1255", "נהרגו 12 בני אדם."),
    ("cp1251", "Армия заявила о потерях"),
]


@pytest.mark.parametrize("encoding, original", SHORT_LEGACY)
def test_a_short_legacy_text_is_read_right_or_quarantined_never_stored_as_mojibake(encoding, original):
    try:
        text, _ = decode_bytes(original.encode(encoding))
    except UndecodableError as exc:
        assert "could not be told with confidence" in str(exc) and "save the file as UTF-8" in str(exc)
        return
    assert text == original


def test_two_code_pages_reading_a_phrase_equally_well_quarantine_it_naming_both():
    # Greek and Cyrillic letters alike: two words give the detector nothing to tell them by
    with pytest.raises(UndecodableError, match="cp1253 and mac_cyrillic read it as different texts, equally likely"):
        decode_bytes("Η επίθεση".encode("cp1253"))


def test_of_two_code_pages_the_one_that_leaves_no_stray_letters_wins():
    # Windows-1251 and Mac-Cyrillic differ in capitals only: "Около" or "ќколо" (a Macedonian letter)
    assert decode_bytes("Около 2000 семей бежали из города в воскресенье.".encode("cp1251"))[1] == "cp1251"
