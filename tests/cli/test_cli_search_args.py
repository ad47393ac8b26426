"""What `mediation-kit search` takes as a query and as options."""

import json

import pytest

from mediation_kit.cli import run_cli


def _json(capsys) -> dict:
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("argv", [
    ["search", "strasbourg", "-theatre", "--json"],
    ["search", "-theatre", "strasbourg", "--json"],
    ["search", "--json", "-theatre", "strasbourg"],
    ["search", "strasbourg", "--json", "--", "-theatre"],
])
def test_a_dash_word_excludes_that_word_wherever_it_is(cli_resources, capsys, argv):
    # Given "strasbourg" in a summary about theatre and in a poster's tags
    assert run_cli(["search", "strasbourg", "--json"]) == 0
    assert _json(capsys)["total"] == 2
    # When "-theatre" is added, before or after the word or the options
    assert run_cli(argv) == 0
    data = _json(capsys)
    # Then only the poster is left
    assert [r["id"] for r in data["results"]] == ["atelier-2024:kit:affiche"]
    assert "-theatre" in data["query"]


def test_a_dash_word_alone_is_not_an_option(cli_resources, capsys):
    # `search "-numerique"` used to exit 2 with "unrecognized arguments"
    assert run_cli(["search", "-numerique"]) == 0
    out, err = capsys.readouterr()
    assert "unrecognized" not in err
    assert "No result for “-numerique”." in out
    # and it says why there is nothing to show
    assert "a -word only excludes that word" in err


def test_a_dash_word_that_starts_like_an_option_is_still_a_word(cli_resources, capsys):
    # "-h" is the help option, "-histoire" a word to exclude
    assert run_cli(["search", "strasbourg", "-histoire", "--json"]) == 0
    assert _json(capsys)["total"] == 2


def test_help_is_still_an_option(cli_resources, capsys):
    with pytest.raises(SystemExit) as exit_:
        run_cli(["search", "-h"])
    assert exit_.value.code == 0
    assert "usage: mediation-kit search" in capsys.readouterr().out


def test_several_words_need_no_quotes(cli_resources, capsys):
    assert run_cli(["search", "logiciels", "libres", "--json"]) == 0
    data = _json(capsys)
    assert data["query"] == "logiciels libres"
    assert [r["id"] for r in data["results"]] == ["atelier-2024:cue:pleniere#1"]


def test_value_options_keep_their_value(cli_resources, capsys):
    assert run_cli(["search", "strasbourg", "--type", "kit", "--limit=1", "--json"]) == 0
    data = _json(capsys)
    assert data["total"] == 1 and data["results"][0]["type"] == "kit"


@pytest.mark.parametrize("option, value, message", [
    ("--event", "", "--event needs a value: give a pack id or an event's name"),
    ("--event", "  ", "--event needs a value: give a pack id or an event's name"),
    ("--lang", "", "--lang needs a value: give a language code such as fr or en"),
])
def test_an_empty_filter_is_refused_with_a_reason(cli_resources, capsys, option, value,
                                                  message):
    # An empty filter used to be dropped in silence, and the search returned nothing
    assert run_cli(["search", "strasbourg", option, value]) == 2
    out, err = capsys.readouterr()
    assert err.strip() == f"mediation-kit search: {message}"
    assert out == ""


def test_an_empty_type_is_refused_by_its_choices(cli_resources, capsys):
    with pytest.raises(SystemExit) as exit_:
        run_cli(["search", "strasbourg", "--type", ""])
    assert exit_.value.code == 2
    assert "invalid choice: ''" in capsys.readouterr().err


def test_an_empty_query_is_refused_unless_a_filter_is_given(cli_resources, capsys):
    assert run_cli(["search", " "]) == 2
    assert "the query is empty" in capsys.readouterr().err
    # With a filter, an empty query lists what the filter keeps
    assert run_cli(["search", "", "--type", "kit"]) == 0
    out, _err = capsys.readouterr()
    assert out.startswith("1 result\n")
    assert "[Kit asset] Affiche des Rencontres" in out


def test_an_event_with_no_result_names_the_events_that_have_some(cli_resources, capsys):
    assert run_cli(["search", "strasbourg", "--event", "nope"]) == 0
    out, _err = capsys.readouterr()
    assert "No result for “strasbourg”." in out
    assert "With another --event: Rencontres de la médiation (atelier-2024): 2" in out
