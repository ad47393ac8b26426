"""Text -> index terms: accents and case folded before stemming, French and English stems,
names whole, edge n-grams for the word being typed."""

import pytest

from mediation_kit.core.search.analysis import GRAM, MIN_PREFIX, fold, terms_for
from mediation_kit.core.search.analysis import prefix_analyzer


def test_fold_removes_accents_and_case():
    assert fold("Événement") == "evenement"
    assert fold("THÉÂTRE") == "theatre"
    assert fold("Œuvre") == "oeuvre"
    assert fold("Müller") == "muller"


@pytest.mark.parametrize("accented, plain", [
    ("numérique", "numerique"), ("événement", "evenement"), ("théâtre", "theatre"),
    ("souveraineté", "souverainete"), ("Médiathèques", "mediatheques"),
])
def test_an_accented_word_gives_the_same_french_term_as_its_plain_form(accented, plain):
    assert terms_for("fr", accented) == terms_for("fr", plain) != []


@pytest.mark.parametrize("one, other, stem", [
    ("souverainetés", "souveraineté", "souverainet"), ("numériques", "numérique", "numer"),
    ("événements", "événement", "even"), ("communs", "commun", "commun"),
])
def test_french_stemming_joins_plurals(one, other, stem):
    # one term each, the same, and folded (an empty list would be "equal" too)
    assert terms_for("fr", one) == terms_for("fr", other) == [stem]


def test_english_stemming_joins_word_forms():
    assert terms_for("en", "libraries") == terms_for("en", "library") == ["librari"]
    assert terms_for("en", "running") == terms_for("en", "run") == ["run"]


def test_stop_words_are_left_out_of_text_fields():
    assert terms_for("fr", "le numérique en commun") == terms_for("fr", "numérique commun") \
        == ["numer", "commun"]
    assert terms_for("en", "the library") == terms_for("en", "library") == ["librari"]


def test_values_of_a_names_field_keep_a_gap_for_phrases():
    from mediation_kit.core.search.analysis import name_analyzer

    tokens = [(t.text, t.pos) for t in name_analyzer()("inclusion numérique ; culture",
                                                       positions=True)]
    assert tokens == [("inclusion", 0), ("numerique", 1), ("culture", 3)]


def test_names_are_folded_but_never_stemmed():
    assert terms_for("name", "Élodie Müller") == ["elodie", "muller"]
    assert terms_for("name", "Communs") == ["communs"]


def test_prefix_field_holds_the_start_of_each_word_folded():
    grams = [t.text for t in prefix_analyzer()("Événement théâtre de")]
    assert grams == ["eve", "the"]
    assert GRAM >= MIN_PREFIX
