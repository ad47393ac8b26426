"""Query words are found whatever their accents and case."""

from mediation_kit.ui.views.common import fold, match_spans


def spans_text(text, terms):
    return [text[start:end] for start, end in match_spans(text, terms)]


def test_an_unaccented_query_word_marks_the_accented_word():
    assert spans_text("La médiation Numérique.", ["numerique"]) == ["Numérique"]


def test_a_query_word_marks_whole_words_that_start_with_it():
    assert spans_text("Les communs, le commun et la communauté", ["commun"]) == [
        "communs", "commun", "communauté"]


def test_a_query_word_inside_another_word_is_not_marked():
    assert spans_text("excommunication", ["commun"]) == []


def test_ligatures_and_capitals_fold_like_plain_letters():
    assert fold("ŒUVRE Élan") == "oeuvre elan"
    assert spans_text("Une œuvre commune", ["OEUVRE"]) == ["œuvre"]


def test_spans_point_into_the_original_text_after_a_ligature():
    text = "œil numérique"
    assert spans_text(text, ["numérique"]) == ["numérique"]


def test_no_terms_or_one_letter_terms_mark_nothing():
    assert match_spans("a b c", []) == []
    assert match_spans("a b c", ["a"]) == []
