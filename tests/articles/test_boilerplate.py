import pytest

from orchestration.library.articles.reader import read_article
from tests.conftest import SEEDS, seed_text


def _non_blank_lines(text):
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_nothing_is_lost_every_line_is_in_body_or_boilerplate():
    for path in SEEDS.glob("*.txt"):
        article = read_article(path.name, path.read_bytes())
        kept = article.body_text + "\n" + article.boilerplate_text
        for line in _non_blank_lines(path.read_text(encoding="utf-8")):
            assert line in kept or all(part.strip() in kept for part in line.split("|")), (path.name, line)


def test_photo_captions_and_credits_leave_the_body():
    article = read_article("000.txt", seed_text("000").encode())
    assert "photo credit" not in article.body_text
    assert "This aerial picture shows cars" not in article.body_text
    assert "(photo credit: OMAR HAJ KADOUR/AFP via Getty Images)" in article.boilerplate_text
    assert "Subscribe to The Jerusalem Post Newsletter" in article.boilerplate_text
    assert "around 9,000 displaced Syrians" in article.body_text


def test_related_articles_list_and_navigation_leave_the_body():
    article = read_article("001.txt", seed_text("001").encode())
    assert "Related Articles" not in article.body_text
    assert "Mystery surrounds future of Russian interests" in article.boilerplate_text
    assert not article.body_text.rstrip().endswith("More")
    assert "803 people, including 39 children" in article.body_text


def test_source_line_stays_but_share_buttons_go():
    article = read_article("002.txt", seed_text("002").encode())
    assert "SOURCE : AFP" in article.body_text
    assert "Follow Us" not in article.body_text and "Follow Us" in article.boilerplate_text
    assert "RELATED NEWS" in article.boilerplate_text


def test_footnotes_stay_in_the_body_copyright_goes():
    article = read_article("004.txt", seed_text("004").encode())
    assert "- [524](#)" in article.body_text
    assert "©" not in article.body_text and "European Union Agency for Asylum" in article.boilerplate_text
    assert "Please cite as" in article.boilerplate_text


@pytest.mark.parametrize("line, kept", [
    ("Residents flee the shelling in Jableh. (AFP) Enlarge image", "Residents flee the shelling in Jableh. (AFP)"),
    ("Rescuers search the rubble (Reuters) View gallery", "Rescuers search the rubble (Reuters)"),
    ("A family at the camp Expand photo", "A family at the camp"),
    ("A family at the camp Enlrage image", "A family at the camp"),  # two letters swapped: the same label
    ("The army said it would expand operations", "The army said it would expand operations"),
])
def test_image_labels_after_a_caption_are_page_furniture(line, kept):
    from orchestration.library.articles.boilerplate import strip_image_label

    assert strip_image_label(line) == kept


@pytest.mark.parametrize("page, link", [
    ("Also read: How the Riverside Drive attack unfolded\n", "How the Riverside Drive attack unfolded"),
    ("Related: The president has died at 61\n", "The president has died at 61"),
    ("ALSO READ:\nUN asks Colombia not to spare efforts in favor of peace\n", "UN asks Colombia not to spare efforts"),
    ("RELATED:\nEvo Morales Rejects Interpol Notice Issued Against Him\n", "Evo Morales Rejects Interpol Notice"),
])
def test_a_link_to_another_story_leaves_the_body(page, link):
    text = "Gunmen killed 12 people in the town on Sunday, police said.\n\n" + page + "\nThe army said 40 were wounded.\n"
    article = read_article("link.txt", text.encode())
    assert link not in article.body_text and link in article.boilerplate_text
    # the story's own sentences stay, the one after the header too
    assert "Gunmen killed 12 people" in article.body_text and "The army said 40 were wounded." in article.body_text


def test_a_sentence_after_a_related_header_stays_in_the_body():
    text = ("Gunmen killed 12 people in the town on Sunday.\n\nREAD MORE:\n"
            "The ministry said on Monday that 40 people were wounded in the attack.\n")
    article = read_article("link.txt", text.encode())
    assert "40 people were wounded" in article.body_text
