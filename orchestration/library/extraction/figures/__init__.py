"""Figures: every number that counts something, with its hedge, what it counts and who says so.

Entry point: :func:`extract_figures` (doc, article, mentions) -> list[FigureMention].

Pipeline per sentence (all on the one spaCy parse; nothing is re-parsed):

1. **scan** tokens for number expressions: digits (``"1,064"``, ``"2.7"``), number words
   (``"seven"``, ``"twenty-five"``, ``"1.5 million"``, ``"a dozen"``), ranges (``"3-4"``,
   ``"8,000 to 9,000"``, ``"two or three"``, ``"between 8 and 9 million"``) and vague counts
   (``"dozens"``, ``"thousands"``, ``"tens of thousands"``, ``"several hundred"``);
2. **exclude** numbers that do not count: dates and years, clock times, ages, percentages,
   footnote markers (superscripts, ``[505]``, digits glued to a word), section and list numbers
   (``"3.2."``, ``"section 1.3.3."``, ``"1."`` at line start), labels (``"Resolution 2254"``,
   ``"p. 3"``, ``"Article 5"``), model names (``"Il-76"``, ``"AN-124"``), ordinals and numbers
   inside names (``"25th Division"``), hyphenated adjectives (``"two-time"``), ``"one of"``,
   ``"no one"``; a bare ``"one"`` is kept only when it counts victims/people in an event or is a
   part of a larger figure (``"including one humanitarian worker"``);
3. **qualify**: hedge words before (``"an estimated"``, ``"at least"``...) or after (``"or
   more"``) the number, ``"potentially rising to"``/``"could reach"`` -> up_to; a range wins over
   its hedge (``"approximately 3-4"`` is a range 3..4);
4. **classify**: unit = counted head noun; count_type from the unit (km -> distance, days ->
   duration, aircraft/flights -> flights, trucks/tons -> aid) then from the governing words
   walking up the dependency tree (killed/deaths/toll -> killed, sheltering/refuge/received
   people/rescued -> sheltered, fled/displaced -> displaced, ...), then from the unit's own
   modifiers ("thousands of displaced civilians");
5. **link** parts: ``"803 people, including 39 children and 49 women"`` -> the 39 and 49 figures
   get the 803 figure as parent (also "of whom", "among them");
6. **attribute**: claimant/outlet/cue of the sentence (see :mod:`attribution`), mapped to an
   actor mention when the claimant span overlaps one;
7. **rank**: the claimant chosen among the actors named around the figure and "no claimant" by
   weights learned from annotated pages, the rules' choice one feature among others (:mod:`.ranking`).

Value conventions (see :mod:`numbers`): exact -> low == high; ranges -> low..high; hedged
single numbers keep low == high == the stated number and the qualifier says the direction
("more than 8,000" -> 8000..8000, over); vague counts: tens of 20..99, dozens 24..99, scores
40..99, hundreds 200..999, thousands 2000..9999, tens of thousands 20000..99999, hundreds of
thousands 200000..999999, millions 2e6..9999999 (qualifier vague, is_vague True). "A handful",
"several", "a few" and "a small number" are not figures. Percentages are not figures (they do
not count anything); money amounts are kept with the currency as unit.

Modules, in stage order (later ones import earlier ones):

* :mod:`.vocabulary`: the word lists (units, event lexicon, labels, hedging and part markers);
* :mod:`.number_expressions`: 1. scanning, number expressions as token groups;
* :mod:`.exclusions`: 2. numbers that do not count;
* :mod:`.qualifiers`: 3. hedges and the surface span;
* :mod:`.count_types`: 4. the counted unit and the count type;
* :mod:`.subjects`: 4. the place in the figure's clause and the subject phrase;
* :mod:`.parts`: 5. part-of links and lone "one"s;
* :mod:`.claimants`: 6. attribution that carries, 7. the claimant's actor mention;
* :mod:`.ranking`: 8. the claimant chosen among the actors around the figure by learned weights;
* :mod:`.assembly`: the entry point, :func:`extract_figures`, and one figure assembled.
"""
from __future__ import annotations

from orchestration.library.extraction.figures.assembly import extract_figures

__all__ = ["extract_figures"]
