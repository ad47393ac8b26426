"""Searching the test corpus (conftest.py): every query form, facets, filters, paging,
snippets, cue hits, corrections."""

from datetime import date

import pytest

from mediation_kit.core.search.api import SearchQuery


def keys(results) -> list[str]:
    return [h.key for h in results.hits]


# --- French analysis --------------------------------------------------------------------


@pytest.mark.parametrize("plain, accented", [
    ("numerique", "numérique"), ("evenement", "événement"), ("theatre", "théâtre"),
    ("souverainete", "souveraineté"), ("strasbourg", "Strasbourg"),
])
def test_an_accented_query_finds_exactly_what_its_plain_form_finds(search, plain, accented):
    plain_results = search(plain, as_you_type=False)
    accented_results = search(accented, as_you_type=False)
    assert plain_results.total > 0
    assert keys(plain_results) == keys(accented_results)


def test_numerique_finds_numerique_with_its_accent(search):
    results = search("numerique", as_you_type=False)
    assert "nec-2025:summary:ouverture" in keys(results)
    assert "nec-2025:cue:pleniere-espoir#2" in keys(results)


def test_evenement_finds_evenement(search):
    assert {"nec-2025:summary:ouverture", "nec-2025:kit:communique"} <= set(
        keys(search("evenement", as_you_type=False)))


def test_a_plural_finds_the_singular(search):
    # "souveraineté" is in the opening summary, "souverainetés" in the theatre one
    found = set(keys(search("souverainetés", as_you_type=False)))
    assert {"nec-2025:summary:ouverture", "nec-2025:summary:theatre-forum"} <= found


def test_english_documents_are_stemmed_in_english(search):
    # "Libraries" is in the English keynote; "library" is nowhere as such
    assert "dcd-2024:summary:keynote" in keys(search("library", as_you_type=False))


def test_theatre_finds_french_and_english_documents(search):
    found = set(keys(search("theatre", as_you_type=False)))
    assert {"nec-2025:summary:theatre-forum", "dcd-2024:cue:panel#1"} <= found


def test_names_match_whole_whatever_the_case_and_accents(search):
    assert "nec-2025:summary:theatre-forum" in keys(search("ELODIE MULLER", as_you_type=False))
    assert keys(search("cattan", as_you_type=False)) == keys(search("Cattan",
                                                                    as_you_type=False))
    # a name is not stemmed: "cattans" is not "Cattan"
    assert search("cattans", as_you_type=False).total == 0


def test_tags_match_whole(search):
    assert keys(search("affiche", as_you_type=False))[0] == "nec-2025:kit:affiche-nec-2025"


# --- query forms ------------------------------------------------------------------------


def test_words_are_anded(search):
    found = keys(search("numérique bibliothèques", as_you_type=False))
    assert "nec-2025:cue:pleniere-espoir#2" in found
    assert "nec-2025:kit:affiche-nec-2025" not in found


def test_the_last_word_is_a_prefix_while_typing(search):
    assert {"nec-2025:summary:ouverture", "nec-2025:summary:theatre-forum"} <= set(
        keys(search("souv")))
    assert search("souv", as_you_type=False).total == 0


def test_a_prefix_is_never_stemmed(search):
    # A stemming parser turns "parlem*" into "parl*" or misses "Parlement"
    assert keys(search("parlem")) == ["nec-2025:summary:parlement"]


def test_a_prefix_without_accents_finds_accented_words(search):
    assert "nec-2025:summary:theatre-forum" in keys(search("thea"))


@pytest.mark.parametrize("prefix", ["th", "the", "thea", "theatr"])
def test_prefixes_of_every_length_find_the_word(search, prefix):
    assert {"nec-2025:summary:theatre-forum", "dcd-2024:cue:panel#1"} <= set(
        keys(search(prefix)))


def test_a_two_letter_word_is_found_whole(search):
    # "2 000" in the press text: a two-letter word is not only a prefix
    assert "nec-2025:kit:communique" in keys(search("000 ", as_you_type=False))


def test_a_phrase_needs_its_words_in_order(search):
    assert keys(search('"logiciels libres"')) == ["nec-2025:cue:pleniere-espoir#1"]
    assert search('"libres logiciels"').total == 0


def test_a_phrase_skips_stop_words_like_the_index(search):
    assert "nec-2025:replay:pleniere-espoir" in keys(search('"raisons d\'espérer"'))


def test_minus_excludes(search):
    with_strasbourg = set(keys(search("numérique ", as_you_type=False)))
    without = set(keys(search("numérique -strasbourg")))
    assert without and without < with_strasbourg
    assert "nec-2025:summary:ouverture" not in without


def test_or_finds_either(search):
    either = set(keys(search("libres OR théâtre ")))
    assert "nec-2025:cue:pleniere-espoir#1" in either
    assert "nec-2025:summary:theatre-forum" in either


def test_titles_rank_above_body_text(search):
    # "communs" (stem "commun") is in five titles (Parlement, the opening's "commun", the
    # keynote in French, the poster's "Commun[s]", the press text's "Communiqué") and said
    # once in the theatre summary's body
    ranked = keys(search("communs", as_you_type=False))
    assert len(ranked) == 6
    assert ranked[-1] == "nec-2025:summary:theatre-forum"
    assert "nec-2025:summary:parlement" in ranked[:2]


def test_a_theme_ranks_above_a_single_mention_in_a_body(search):
    # "bibliothèques": a theme of the keynote in French, said once in the opening and a cue
    ranked = keys(search("bibliothèques", as_you_type=False))
    assert ranked[0] == "dcd-2024:summary:keynote-fr"
    assert {"nec-2025:summary:ouverture", "nec-2025:cue:pleniere-espoir#2"} <= set(ranked[1:])


# --- phrases in every field ---------------------------------------------------------------


def test_a_phrase_matches_in_the_themes_and_the_text(search):
    # the opening has the theme, a cue says it
    found = keys(search('"inclusion numérique"'))
    assert set(found) == {"nec-2025:summary:ouverture", "nec-2025:cue:pleniere-espoir#2"}


def test_a_phrase_never_spans_two_themes(search):
    # the opening's themes are "souveraineté numérique" and "inclusion numérique"
    assert search('"numérique inclusion"').total == 0


def test_a_phrase_matches_a_name_in_order(search):
    assert "nec-2025:summary:theatre-forum" in keys(search('"Élodie Müller"'))
    assert search('"Müller Élodie"').total == 0


def test_a_phrase_never_spans_two_tags(search):
    # the poster's tags are "affiche" and "Strasbourg"; each word alone finds it
    assert "nec-2025:kit:affiche-nec-2025" in keys(search("affiche strasbourg "))
    assert search('"affiche Strasbourg"').total == 0


def test_the_snippet_marks_the_phrase_whole_where_it_is(search):
    hits = {h.key: h.snippet for h in search('"inclusion numérique"').hits}
    assert '<b class="hit">inclusion numérique</b>' in hits["nec-2025:cue:pleniere-espoir#2"]
    # the opening's text does not say it: its snippet shows the theme that does
    assert hits["nec-2025:summary:ouverture"].startswith(
        'Theme: <b class="hit">inclusion numérique</b>')
    # the words apart are not the phrase: "numérique" alone is not marked
    assert hits["nec-2025:summary:ouverture"].count('<b class="hit">') == 1


# --- prefixes, wildcards and syntax the kit does not know -----------------------------------


def test_a_trailing_star_is_a_prefix_even_when_typing_is_over(search):
    for text in ("souver*", "souver* ", "souv?raineté"):
        results = search(text, as_you_type=False)
        assert {"nec-2025:summary:ouverture", "nec-2025:summary:theatre-forum"} <= set(
            keys(results)), text
        assert results.suggestion is None


def test_a_star_prefix_ranks_the_words_it_starts_as_whole_words(search):
    # ouverture holds "souveraineté" in a theme as well as in its body
    assert keys(search("souver*", as_you_type=False))[0] == "nec-2025:summary:ouverture"


@pytest.mark.parametrize("text", ["strasbourg~2", "strasbourg^3", "+strasbourg", "(strasbourg)",
                                  "strasbourg AND", "*strasbourg", "[strasbourg]",
                                  '"strasb* "'])
def test_unknown_syntax_is_searched_as_plain_words(search, text):
    plain = set(keys(search("strasbourg", as_you_type=False)))
    assert plain and plain <= set(keys(search(text, as_you_type=False)))


def test_a_filter_with_exclusions_lists_what_is_left(search):
    every_cue = search("", type={"cue"}).total
    results = search("-strasbourg ", type={"cue"}, page_size=50)
    assert results.total == every_cue - 1
    assert "nec-2025:cue:pleniere-espoir#0" not in keys(results)
    # ... and so does a filter typed in the text
    assert search("type:cue -strasbourg ").total == every_cue - 1


def test_an_exclusion_alone_finds_nothing_to_look_for(search):
    assert search("-strasbourg ").total == 0


# --- typing mistakes ----------------------------------------------------------------------


def test_a_typo_ranks_close_matches_as_the_corrected_query(search):
    typo = search("souverenete", as_you_type=False)
    assert typo.total == 0 and len(typo.fuzzy) >= 2
    assert [h.key for h in typo.fuzzy] == keys(search("souveraineté", as_you_type=False))


def test_did_you_mean_writes_the_word_as_the_content_does(search):
    assert search("souverenete", as_you_type=False).suggestion == "souveraineté"
    assert search("Souverenete", as_you_type=False).suggestion == "Souveraineté"
    assert search("bibliotheques theatr", as_you_type=False).suggestion == (
        "bibliotheques théâtre")


# --- filters and facets -----------------------------------------------------------------


def test_type_filter_in_the_text(search):
    results = search("type:cue strasbourg ")
    assert keys(results) == ["nec-2025:cue:pleniere-espoir#0"]


@pytest.mark.parametrize("text, expected_pack", [
    ("event:nec-2025 theatre ", "nec-2025"),
    ('event:"Digital Commons Day" theatre ', "dcd-2024"),
    ("year:2024 theatre ", "dcd-2024"),
    ("lang:en theatre ", "dcd-2024"),
    ("lang:fr theatre ", "nec-2025"),
])
def test_filters_keep_only_their_documents(search, text, expected_pack):
    results = search(text)
    assert results.total > 0
    assert {h.pack_id for h in results.hits} == {expected_pack}


def test_speaker_filter_matches_a_whole_or_partial_name(search):
    full = set(keys(search('speaker:"jean cattan" numerique ')))
    short = set(keys(search("speaker:Cattan numerique ")))
    # The cues of a replay have its speakers
    assert full == short == {"nec-2025:summary:ouverture", "nec-2025:cue:pleniere-espoir#2"}


def test_theme_filter(search):
    assert keys(search("theme:culture theatre ")) and all(
        h.key in {"nec-2025:summary:theatre-forum", "dcd-2024:replay:panel",
                  "dcd-2024:cue:panel#1", "dcd-2024:cue:panel#0", "dcd-2024:cue:panel#2"}
        for h in search("theme:culture theatre ").hits)


def test_filters_given_by_the_caller(search):
    results = search("theatre ", type={"cue", "summary"})
    assert {h.type for h in results.hits} == {"cue", "summary"}


def test_facets_count_the_matches(search):
    results = search("theatre", as_you_type=False)
    facets = {name: {c.value: c.count for c in counts} for name, counts in results.facets.items()}
    assert facets["type"] == {"summary": 1, "replay": 1, "cue": 1}
    assert facets["event"] == {"nec-2025": 1, "dcd-2024": 2}
    assert facets["year"] == {"2025": 1, "2024": 2}
    assert facets["lang"] == {"fr": 1, "en": 2}
    assert facets["speaker"] == {"elodie muller": 1, "grace hopper": 2}


def test_facet_labels_are_the_names_people_know(search):
    results = search("theatre", as_you_type=False)
    labels = {c.value: c.label for c in results.facets["event"]}
    assert labels == {"nec-2025": "Numérique en Commun[s]", "dcd-2024": "Digital Commons Day"}
    assert {c.label for c in results.facets["speaker"]} == {"Élodie Müller", "Grace Hopper"}


def test_a_facet_ignores_its_own_filter_so_its_other_values_stay_visible(search):
    results = search("theatre ", type={"cue"})
    assert results.total == 1
    types = {c.value: c.count for c in results.facets["type"]}
    assert types == {"summary": 1, "replay": 1, "cue": 1}
    # ... while the other facets count only the filtered matches
    assert {c.value: c.count for c in results.facets["event"]} == {"dcd-2024": 1}


def test_paging(search):
    everything = search("numérique OR theatre OR libraries ", page_size=100)
    assert everything.total >= 6
    first = search("numérique OR theatre OR libraries ", page_size=2)
    second = search("numérique OR theatre OR libraries ", page_size=2, page=2)
    assert first.pages == -(-everything.total // 2)
    assert keys(first) + keys(second) == keys(everything)[:4]


# --- hits ------------------------------------------------------------------------------


def test_a_transcript_hit_is_a_cue_with_its_time_and_replay(search):
    hit = search("médiathèques", as_you_type=False).hits[0]
    assert hit.type == "cue"
    assert hit.key == "nec-2025:cue:pleniere-espoir#1"
    assert hit.time == 30.0
    assert hit.parent_key == "nec-2025:replay:pleniere-espoir"
    assert hit.title == "Plénière : les raisons d'espérer"
    assert hit.event == "Numérique en Commun[s]"
    assert hit.date == date(2025, 10, 29)
    assert hit.language == "fr"


def test_other_hits_have_no_time(search):
    hit = search("parlement", as_you_type=False).hits[0]
    assert hit.type == "summary" and hit.time is None and hit.parent_key is None


def test_snippets_mark_matches_and_escape_the_text(search):
    hit = search("accueille", as_you_type=False).hits[0]
    assert hit.key == "nec-2025:kit:communique"
    assert '<b class="hit">accueille</b>' in hit.snippet
    assert "&lt;b&gt;cette année&lt;/b&gt; &amp;" in hit.snippet
    assert "<b>" not in hit.snippet.replace('<b class="hit">', "")


def test_snippets_mark_other_forms_of_the_word(search):
    hit = search("numerique", as_you_type=False).hits[0]
    assert '<b class="hit">numérique</b>' in hit.snippet


def test_snippets_mark_the_typed_prefix(search):
    snippets = " ".join(h.snippet for h in search("souv").hits)
    assert '<b class="hit">souveraineté</b>' in snippets


# --- when nothing matches ---------------------------------------------------------------


def test_a_misspelt_word_gets_a_real_word_as_suggestion(search):
    results = search("strasbourgh", as_you_type=False)
    assert results.total == 0
    assert results.suggestion == "strasbourg"


def test_a_misspelt_word_gets_fuzzy_hits(search):
    results = search("strasbourgh", as_you_type=False)
    assert "nec-2025:cue:pleniere-espoir#0" in [h.key for h in results.fuzzy]
    marked = " ".join(h.snippet for h in results.fuzzy)
    assert '<b class="hit">Strasbourg</b>' in marked


def test_the_suggestion_keeps_the_other_words(search):
    results = search("bibliotheques strasbourgh", as_you_type=False)
    assert results.suggestion == "bibliotheques strasbourg"


def test_no_suggestion_when_something_matches(search):
    results = search("strasbourg", as_you_type=False)
    assert results.total > 0 and results.suggestion is None and results.fuzzy == ()


def test_suggest_returns_real_words(engine):
    assert engine.suggest("theatr") == ["theatre"]


def test_empty_query_has_no_hits_but_counts_everything(search):
    results = search("")
    assert results.total == 0 and results.hits == ()
    assert sum(c.count for c in results.facets["type"]) == 18


def test_filters_alone_list_their_documents(search):
    results = search("", type={"kit"})
    assert results.total == 4
    assert {h.type for h in results.hits} == {"kit"}


def test_engine_answers_after_the_index_was_rebuilt(corpus, tmp_path):
    from mediation_kit.core.search.engine import SearchEngine
    from mediation_kit.core.search.index import build_index

    # Given an engine on an index of the French pack only
    build_index(corpus[:1], tmp_path / "ix", fingerprint="a")
    engine = SearchEngine(tmp_path / "ix")
    assert engine.search(SearchQuery("libraries ")).total == 0
    # When the index is rebuilt with both packs under the engine's feet
    build_index(corpus, tmp_path / "ix", fingerprint="b")
    # Then the engine sees the new index
    assert engine.search(SearchQuery("libraries ")).total > 0
    engine.close()


def test_no_suggestion_when_only_the_filters_leave_nothing(search):
    results = search("strasbourg ", year={"1999"})
    assert results.total == 0
    assert results.suggestion is None and results.fuzzy == ()
    # the facets still tell where the words are
    assert {c.value for c in results.facets["year"]} == {"2025"}
