"""Close real words for a misspelt one."""

import pytest

from mediation_kit.core.search.spelling import Vocabulary, edit_distance

WORDS = ["strasbourg", "numerique", "mediation", "parlement", "theatre", "theatres", "souverainete"]


@pytest.mark.parametrize("typed, expected", [
    ("strasbourgh", "strasbourg"),  # one letter too many
    ("parlemnt", "parlement"),  # one missing
    ("numerqiue", "numerique"),  # two swapped
    ("mediatoin", "mediation"),
    ("theatrr", "theatre"),  # one wrong
])
def test_one_mistake_finds_the_word(typed, expected):
    assert Vocabulary(WORDS).near(typed)[0] == (1, expected)


def test_the_word_itself_and_other_first_letters_are_left_out():
    vocabulary = Vocabulary(WORDS + ["mheatre"])
    assert [w for _d, w in vocabulary.near("theatre")] == ["theatres"]


def test_nothing_close():
    assert Vocabulary(WORDS).near("xylophone") == []


@pytest.mark.parametrize("a, b, distance", [
    ("", "", 0), ("abc", "abc", 0), ("abc", "acb", 1), ("abc", "ab", 1), ("abc", "abd", 1),
    ("kitten", "sitting", 3), ("ca", "abc", 3),
])
def test_edit_distance(a, b, distance):
    assert edit_distance(a, b) == distance
