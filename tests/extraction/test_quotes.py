"""Direct quotations and their speakers: seed articles plus short texts about other conflicts."""
from __future__ import annotations

import pytest

from orchestration.library.extraction.actors import extract_mentions
from orchestration.library.extraction.ids import stable_id
from orchestration.library.extraction.quotes import extract_quotes
from orchestration.library.extraction.records import ArticleInput
from tests.conftest import SEEDS  # noqa: E402
from tests.conftest import seed_body as seed

SEED_PREFIXES = [path.name[:3] for path in sorted(SEEDS.glob("*.txt"))]






def run(nlp, body: str, article_id: str = "a1"):
    doc = nlp(body)
    article = ArticleInput(article_id, body)
    mentions = extract_mentions(doc, article)
    found = extract_quotes(doc, article, mentions)
    by_id = {m.mention_id: m for m in mentions}
    for q in found:  # invariants every quote keeps
        assert body[q.start_char:q.end_char] == q.quote_text
        assert q.quote_id == stable_id(article_id, "quote", q.start_char, q.end_char)
        assert q.quote_text == q.quote_text.strip() and not q.quote_text.endswith(",")
        if q.speaker_mention_id is not None:
            assert by_id[q.speaker_mention_id].canonical_name == q.speaker_canonical
    return found


def quote(found, starts_with: str):
    hits = [q for q in found if q.quote_text.startswith(starts_with)]
    assert len(hits) == 1, (starts_with, [q.quote_text[:40] for q in found])
    return hits[0]


@pytest.mark.parametrize("prefix", SEED_PREFIXES)
def test_seed_invariants(nlp, prefix):
    found = run(nlp, seed(prefix), article_id=prefix)
    spans = [(q.start_char, q.end_char) for q in found]
    assert spans == sorted(spans)


def test_seed_000(nlp):
    found = run(nlp, seed("000"))
    q = quote(found, "They understood that this was a matter of life or death for them")
    assert (q.speaker_text, q.speaker_canonical) == ("she", "Maria Zakharova")
    assert q.speaker_mention_id is not None
    assert quote(found, "completely unacceptable").speaker_canonical == "Maria Zakharova"
    assert quote(found, "Of course, we are closely monitoring").speaker_canonical == "Maria Zakharova"
    assert quote(found, "The Russians do not want Syrians").speaker_canonical == "Hiyam"
    # Mahmoud: once after "he told The Media Line", once standing alone right after
    for start in ("It is clear that Russia is shirking", "We do not want military intervention"):
        assert quote(found, start).speaker_canonical == "Mahmoud"
    assert "document" in quote(found, "The internationally recognized").speaker_text
    # quoted pseudonyms are names, not quotations
    assert not [q for q in found if q.quote_text.rstrip(",") in ("Hiyam", "Fadi", "Mahmoud")]


def test_seed_001(nlp):
    found = run(nlp, seed("001"))
    assert quote(found, "innocent civilians").speaker_canonical == "Maria Zakharova"
    assert quote(found, "is completely unacceptable").speaker_canonical == "Maria Zakharova"
    assert quote(found, "the best response to questions").speaker_canonical == "Maria Zakharova"
    assert quote(found, "reassure the people present").speaker_canonical == "SANA"
    # one-word scare quotes and labels ("what is known as the “...” operation") are not quotes
    texts = {q.quote_text for q in found}
    assert not texts & {"softly", "massacres", "liberation of the coast"}
    # "as she put it" far from any named woman: no guess
    q = quote(found, "a lack of trust")
    assert (q.speaker_text, q.speaker_canonical) == ("she", None)


def test_seed_002(nlp):
    found = run(nlp, seed("002"))
    q = quote(found, "They were seeking refuge")
    assert (q.speaker_text, q.speaker_canonical) == ("Zakharova", "Maria Zakharova")
    assert q.speaker_mention_id is not None


def test_seed_003(nlp):
    found = run(nlp, seed("003"))
    q = quote(found, "We will not return until")
    assert "one anonymous resident" in q.speaker_text and q.speaker_canonical is None
    q = quote(found, "The victims were innocent")
    assert q.speaker_canonical == "Maria Zakharova"
    assert "It can in no way be justified" in q.quote_text  # multi-sentence quote is one quote
    q = quote(found, "We are certainly concerned")
    assert (q.speaker_text, q.speaker_canonical) == ("the diplomat", "Maria Zakharova")
    assert quote(found, "in connection to serious human rights abuses").speaker_canonical == "US Treasury Department"


def test_seed_004_scare_quotes_are_not_quotes(nlp):
    found = run(nlp, seed("004"))
    assert found == []  # 'largely reactive', 'strategic', 'long-term and strategic ties'


# --- other conflicts ---------------------------------------------------------------------------


def test_straight_quotes_carried_speaker(nlp):
    body = (
        'RSF commander Mohamed Hamdan Dagalo said his forces would not withdraw. '
        '"We will fight until the last soldier," Dagalo told Al Jazeera. "Khartoum belongs to the people."\n\n'
        "Human Rights Watch researcher Jane Doe told AFP that both sides had committed abuses."
    )
    found = run(nlp, body)
    assert len(found) == 2
    for q in found:
        assert q.speaker_canonical == "Mohamed Hamdan Dagalo"
    assert found[0].speaker_text == "Dagalo"


def test_quote_after_speaker_sentence(nlp):
    body = (
        "Russian Foreign Ministry spokeswoman Maria Zakharova told reporters on Thursday.\n"
        "“The situation remains very difficult for the civilians at the base.”"
    )
    q = quote(run(nlp, body), "The situation remains")
    assert q.speaker_canonical == "Maria Zakharova"


def test_speaker_before_quote_with_colon(nlp):
    body = 'Hamas official Basem Naim told Reuters: "This is a massacre of civilians."'
    q = quote(run(nlp, body), "This is a massacre")
    assert (q.speaker_text, q.speaker_canonical) == ("Basem Naim", "Basem Naim")


def test_inverted_said_and_descriptive_speaker(nlp):
    body = '"We have nothing left, not even water," said one displaced woman in Tawila.'
    q = quote(run(nlp, body), "We have nothing left")
    assert "one displaced woman" in q.speaker_text and q.speaker_canonical is None
    assert q.speaker_mention_id is None


def test_partial_quote_inside_sentence(nlp):
    body = 'Ukrainian President Volodymyr Zelensky called the strike "a deliberate act of terror" on Monday.'
    q = quote(run(nlp, body), "a deliberate act of terror")
    assert q.speaker_canonical == "Volodymyr Zelensky"


def test_according_to_organization(nlp):
    body = '"The hospital is completely out of service," according to the Sudan Doctors Network.'
    q = quote(run(nlp, body), "The hospital is completely")
    assert q.speaker_canonical == "Sudan Doctors Network"


def test_role_noun_speaker(nlp):
    body = (
        "AA spokesman Khine Thu Kha spoke after the battle. "
        "“The junta has lost control of the town,” the spokesman said."
    )
    q = quote(run(nlp, body), "The junta has lost control")
    assert (q.speaker_text, q.speaker_canonical) == ("the spokesman", "Khine Thu Kha")


def test_single_quotes_only_when_clearly_a_quote(nlp):
    body = (
        "Analysts called the response 'largely reactive' and 'slow'. "
        "‘We will never surrender to the aggressor,’ the commander said. Russia's army's losses grew."
    )
    found = run(nlp, body)
    assert [q.quote_text for q in found] == ["We will never surrender to the aggressor"]
    assert found[0].speaker_text == "the commander"


def test_pronoun_too_far_back_is_not_resolved(nlp):
    body = (
        "Maria Zakharova spoke on Monday. The base was crowded. Food ran out. Water ran out. "
        "Families slept outside. Roads were closed. “Nobody will help us now,” she said."
    )
    q = quote(run(nlp, body), "Nobody will help us now")
    assert (q.speaker_text, q.speaker_canonical) == ("she", None)


def test_quote_continued_over_paragraphs_and_nested_single_quotes(nlp):
    body = (
        'Maria Zakharova said, "We are ready to help." She added: "They told us \'leave now or you will die\' and we left."\n\n'
        "Jane Doe, a researcher at Human Rights Watch, said the evidence was clear.\n\n"
        '"We had nothing to eat for three days. The children cried all night.\n'
        '"Then the shelling started again and we ran," said Amina, a mother of four.'
    )
    found = run(nlp, body)
    assert quote(found, "We are ready to help").speaker_canonical == "Maria Zakharova"
    q = quote(found, "They told us")
    assert "leave now or you will die" in q.quote_text and q.speaker_canonical == "Maria Zakharova"
    assert not [x for x in found if x.quote_text.startswith("leave now")]  # nested: part of the outer quote
    # the first paragraph's quote is left open: it continues, and Amina speaks both parts
    assert quote(found, "We had nothing to eat").speaker_canonical == "Amina"
    assert quote(found, "Then the shelling started").speaker_canonical == "Amina"


def test_the_subject_of_a_clause_that_says_nothing_is_no_speaker(nlp):
    # a quote inside a clause with no verb of speech takes that clause's subject only when it can
    # speak: a statement or an actor, never "the assailants" or "her car"
    body = ("The assailants torched 40 houses, leaving behind “a village where nobody can live any more”.\n\n"
            "The statement attributed the delay to the fact that “roads were closed by the floods”.")
    found = run(nlp, body)
    assert quote(found, "a village where").speaker_text is None
    assert quote(found, "roads were closed").speaker_text == "The statement"
