"""Unit tests for the pure number helpers (no spaCy)."""
import pytest

from orchestration.library.extraction import numbers
from orchestration.library.extraction.numbers import Quantity, parse_quantity


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1,064", 1064), ("803", 803), ("2.7", 2.7), ("8,000", 8000), ("1,234,567", 1234567),
        ("1.018", 1.018),  # no count context: a decimal
        ("1.018.000", 1018000),  # several 3-digit dot groups: thousands
        ("2,5", 2.5),  # decimal comma
    ],
)
def test_parse_digits_values(text, expected):
    assert numbers.parse_digits(text) == pytest.approx(expected)


def test_european_thousands_only_with_count_context():
    assert numbers.parse_digits("1.018", count_context=True) == 1018
    assert numbers.parse_digits("2.7", count_context=True) == 2.7  # not 3 digits after the dot
    assert numbers.is_european_thousands_candidate("1.018")
    assert not numbers.is_european_thousands_candidate("1,018")


@pytest.mark.parametrize(
    "text",
    ["3.2.", "1.3.3", "1.3.3.", "15.03.2025", "2025/03/17", "2:08", "⁵⁰⁵", "II-76", "Il-76",
     "25th", "abc", "", "١٢"],
)
def test_parse_digits_rejects_non_numbers(text):
    assert numbers.parse_digits(text) is None


@pytest.mark.parametrize(
    "words, expected",
    [
        (["seven"], 7), (["twenty", "five"], 25), (["twenty", "-", "five"], 25),
        (["one", "hundred", "and", "fifty"], 150), (["1.5", "million"], 1_500_000),
        (["two", "million"], 2_000_000), (["a", "dozen"], 12), (["two", "dozen"], 24),
        (["three", "hundred", "thousand"], 300_000),
    ],
)
def test_words_to_number(words, expected):
    assert numbers.words_to_number(words) == expected


@pytest.mark.parametrize("words", [["five", "twenty"], ["3", "4"], ["people"], []])
def test_words_to_number_rejects(words):
    assert numbers.words_to_number(words) is None


def test_range_in_one_token():
    assert numbers.parse_range_token("3-4") == (3, 4)
    assert numbers.parse_range_token("8,000–9,000") == (8000, 9000)
    assert numbers.parse_range_token("10-3") is None  # a score, not a range
    assert numbers.parse_range_token("Il-76") is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("more than 8,000", Quantity(8000, 8000, "over")),
        ("over 8,000", Quantity(8000, 8000, "over")),
        ("in excess of 500", Quantity(500, 500, "over")),
        ("an estimated 1,064", Quantity(1064, 1064, "about")),
        ("around 9,000", Quantity(9000, 9000, "about")),
        ("approximately 9,000", Quantity(9000, 9000, "about")),
        ("nearly two million", Quantity(2_000_000, 2_000_000, "about")),
        ("some 12,000", Quantity(12000, 12000, "about")),
        ("at least 172", Quantity(172, 172, "at_least")),
        ("no less than 211", Quantity(211, 211, "at_least")),
        ("no fewer than 30", Quantity(30, 30, "at_least")),
        ("a minimum of 4", Quantity(4, 4, "at_least")),
        ("up to 300", Quantity(300, 300, "up_to")),
        ("as many as 20", Quantity(20, 20, "up_to")),
        ("potentially rising to 9,000", Quantity(9000, 9000, "up_to")),
        ("possibly climbing to 50", Quantity(50, 50, "up_to")),
        ("likely reaching 1,200", None),  # no "to": not a ceiling phrase this parser reads
        ("fewer than 50", Quantity(50, 50, "less_than")),
        ("less than 10", Quantity(10, 10, "less_than")),
        ("under 100", Quantity(100, 100, "less_than")),
        ("1,000 or more", Quantity(1000, 1000, "at_least")),
        ("3-4", Quantity(3, 4, "range")),
        ("approximately 3-4", Quantity(3, 4, "range")),  # the range wins over its hedge
        ("8,000 to 9,000", Quantity(8000, 9000, "range")),
        ("between 8 and 9 million", Quantity(8_000_000, 9_000_000, "range")),
        ("two or three", Quantity(2, 3, "range")),
        ("thousands", Quantity(2000, 9999, "vague", True)),
        ("dozens", Quantity(24, 99, "vague", True)),
        ("hundreds", Quantity(200, 999, "vague", True)),
        ("tens of thousands", Quantity(20000, 99999, "vague", True)),
        ("hundreds of thousands", Quantity(200000, 999999, "vague", True)),
        ("several hundred", Quantity(200, 999, "vague", True)),
        ("seven", Quantity(7, 7, "exact")),
        ("1,064", Quantity(1064, 1064, "exact")),
    ],
)
def test_parse_quantity(text, expected):
    assert parse_quantity(text) == expected


@pytest.mark.parametrize("text", ["a handful", "several", "a few", "a small number", "many"])
def test_vague_words_that_are_not_figures(text):
    assert parse_quantity(text) is None


def test_year_and_hedge_helpers():
    assert numbers.is_year(2015, "2015")
    assert not numbers.is_year(2015, "2,015")
    assert not numbers.is_year(803, "803")
    assert numbers.match_hedge(["the", "death", "of", "at", "least"]) == ("at_least", 2)
    assert numbers.match_hedge(["killing", "of", "no", "less", "than"]) == ("at_least", 3)
    assert numbers.match_hedge(["said", "that"]) is None
    assert numbers.match_trailing_hedge(["or", "more", "people"]) == ("at_least", 2)


def test_scaled_money_amounts():
    assert numbers.parse_scaled_amount("2bn") == 2e9
    assert numbers.parse_scaled_amount("5m") == 5e6
    assert numbers.parse_scaled_amount("1.5M") == 1.5e6
    assert numbers.parse_scaled_amount("5km") is None
