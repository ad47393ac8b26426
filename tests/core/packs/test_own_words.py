"""The shipped packs are written in the kit's own words: no prose copied from the sources.

The rule (what counts as copied, what is a quotation, what is a name) is in own_words.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from own_words import MIN_RUN, copied_passages, copied_runs, source_runs

from mediation_kit.core.paths import bundle_root, packs_dir

# The source texts the packs were written from, beside the repository (see the project guide).
SEEDS_DIR = bundle_root().parent / "shared" / "seeds"

SOURCE = ("Les chiffres sont éloquents. Amazon, Microsoft et Google contrôlent 70% du marché du "
          "cloud. Cette dépendance aux acteurs de la Silicon Valley pose la question de notre "
          "autonomie stratégique. Avec Jean Cattan, Caroline Zorn, Victoire Tuaillon et Daniel "
          "Kaplan.")
RUNS = source_runs([SOURCE])


def test_a_copied_sentence_is_found_whatever_its_case_and_accents():
    text = "Selon l'article, cette DEPENDANCE aux acteurs de la Silicon Valley pose la question."
    assert copied_runs(text, RUNS) == [
        "cette DEPENDANCE aux acteurs de la Silicon Valley pose la question"]


def test_a_run_one_word_shorter_than_the_limit_is_not_copied():
    words = "dépendance aux acteurs de la Silicon Valley pose la question".split()
    assert copied_runs(" ".join(words[:MIN_RUN - 1]), RUNS) == []
    assert copied_runs(" ".join(words[:MIN_RUN]), RUNS) != []


@pytest.mark.parametrize("quoted", [
    "« cette dépendance aux acteurs de la Silicon Valley pose la question »",
    "“cette dépendance aux acteurs de la Silicon Valley pose la question”",
    '"cette dépendance aux acteurs de la Silicon Valley pose la question"',
])
def test_a_quotation_is_not_a_copy(quoted):
    assert copied_runs(f"L'auteur écrit : {quoted}, dit-il.", RUNS) == []


def test_a_quotation_does_not_hide_copied_words_around_it():
    text = "dépendance aux acteurs de la Silicon Valley « pose » la question"
    # the quotation splits the text: neither side is 8 words long
    assert copied_runs(text, RUNS) == []
    text = "« Ainsi », cette dépendance aux acteurs de la Silicon Valley pose la question"
    assert len(copied_runs(text, RUNS)) == 1


def test_a_list_of_names_is_not_a_copy():
    assert copied_runs("Avec Jean Cattan, Caroline Zorn, Victoire Tuaillon et Daniel Kaplan.",
                       RUNS) == []


def test_a_declared_name_in_lower_case_is_not_a_copy():
    source = source_runs(["organisé par l'Agence nationale de la cohésion des territoires"])
    text = "organisé par l'Agence nationale de la cohésion des territoires"
    assert copied_runs(text, source) != []
    name = tuple("agence nationale de la cohesion des territoires".split())
    assert copied_runs(text, source, names=[name]) != []  # "organisé par" is not a name
    assert copied_runs("l'Agence nationale de la cohésion des territoires", source,
                       names=[name]) == []


def test_a_pack_file_with_a_copied_sentence_is_reported(make_pack):
    root = make_pack()
    (root / "summaries" / "copie.md").write_text(
        "Nos notes : la dépendance aux acteurs de la Silicon Valley pose la question.\n",
        encoding="utf-8")
    found = copied_passages(root, [SOURCE])
    assert [passage.file for passage in found] == ["demo-2025/summaries/copie.md"]


@pytest.mark.skipif(not SEEDS_DIR.is_dir(),
                    reason=f"the source texts are not here ({SEEDS_DIR}): nothing to compare the "
                           "packs with")
def test_no_shipped_pack_copies_a_source_outside_quotation_marks():
    # Given the source texts and the shipped packs
    sources = [path.read_text(encoding="utf-8") for path in sorted(SEEDS_DIR.glob("*.txt"))]
    assert sources, f"no source text in {SEEDS_DIR}"
    # When every readable text of every pack is compared with them
    found = [str(passage) for folder in sorted(packs_dir().iterdir()) if folder.is_dir()
             for passage in copied_passages(folder, sources)]
    # Then no run of MIN_RUN words is shared outside quotation marks, names aside
    assert found == []
