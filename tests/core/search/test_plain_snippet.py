"""Snippets as plain text with character ranges, read back from the snippets' HTML."""

from mediation_kit.core.i18n import set_language
from mediation_kit.core.search.labels import facet_value_label, type_label
from mediation_kit.core.search.plain_snippet import PlainSnippet, plain_snippet
from mediation_kit.core.search.snippets import Marker, make_snippet


def test_marks_become_ranges_and_entities_characters():
    snippet = plain_snippet('l&#x27;<b class="hit">inclusion</b> &amp; la '
                            '<b class="hit">médiation</b> &lt;b&gt;')
    assert snippet.text == "l'inclusion & la médiation <b>"
    assert [snippet.text[s:e] for s, e in snippet.hits] == ["inclusion", "médiation"]
    assert snippet.parts() == [("l'", False), ("inclusion", True), (" & la ", False),
                               ("médiation", True), (" <b>", False)]


def test_a_real_snippet_round_trips():
    # Given a text with characters HTML escapes, around the matched word
    text = "Numérique : dans l'atelier « Bidouille & Co », <script> n'est qu'un mot."
    html = make_snippet(text, Marker(["numerique"]))
    # When it is read back
    snippet = plain_snippet(html)
    # Then the text is the original and the range covers the match as written
    assert snippet.text == text
    assert [snippet.text[s:e] for s, e in snippet.hits] == ["Numérique"]


def test_no_match_and_empty_snippets():
    assert plain_snippet("") == PlainSnippet("", ())
    assert plain_snippet("plain words").hits == ()
    assert plain_snippet("plain words").parts() == [("plain words", False)]


def test_type_and_language_labels_in_the_interface_language():
    assert (type_label("cue"), facet_value_label("lang", "de")) == ("Transcript", "German")
    set_language("de")
    assert facet_value_label("type", "summary") == "Zusammenfassung"
    assert facet_value_label("lang", "fr") == "Französisch"
    # Other facets keep the label the index stores; unknown codes stay as they are
    assert facet_value_label("event", "nec-2025", "Numérique en Commun[s]") == (
        "Numérique en Commun[s]")
    assert type_label("podcast") == "podcast"
