"""One folding for the index and the views: what search matches is what a view marks."""

from mediation_kit.core.text import fold, fold_with_positions


def test_accents_case_and_ligatures_fold_away():
    assert fold("Événement") == "evenement"
    assert fold("Œuvre numérique") == "oeuvre numerique"
    assert fold("Straße") == "strasse"


def test_positions_point_back_to_the_original_letters():
    folded, origin = fold_with_positions("Œuvré")
    assert folded == fold("Œuvré") == "oeuvre"
    # both letters of "oe" come from the one ligature, the final "e" from "é"
    assert origin == [0, 0, 1, 2, 3, 4]
