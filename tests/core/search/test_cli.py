"""`mediation-kit index build|check` and `mediation-kit search`, on a pack written to disk."""

import json

import pytest

from mediation_kit.cli import run_cli


@pytest.fixture
def resources(tmp_path, monkeypatch, disk_pack):
    """A resources folder with one pack and no shipped index; the user folders in tmp."""
    root = tmp_path / "resources"
    disk_pack(root / "packs")
    monkeypatch.setenv("MEDIATION_KIT_RESOURCES", str(root))
    monkeypatch.setenv("MEDIATION_KIT_PORTABLE_DIR", str(tmp_path / "user"))
    return root


def test_index_build_then_check(resources, capsys):
    output = resources / "index"
    assert run_cli(["index", "build", "--packs", str(resources / "packs"),
                    "--output", str(output)]) == 0
    out, err = capsys.readouterr()
    assert "Indexed 5 resources (1 pack)" in out
    assert "Indexing 5 resources" in err
    # The shipped index is the one just built: check says so
    assert run_cli(["index", "check"]) == 0
    out, _err = capsys.readouterr()
    assert "(shipped)" in out and "State: usable" in out and "5 resources" in out


def test_index_check_without_any_index_exits_1(resources, capsys):
    assert run_cli(["index", "check"]) == 1
    out, _err = capsys.readouterr()
    assert "State: missing" in out


def test_index_build_of_a_missing_folder_exits_2(tmp_path, capsys):
    assert run_cli(["index", "build", "--packs", str(tmp_path / "nope"),
                    "--output", str(tmp_path / "ix")]) == 2
    assert "nope" in capsys.readouterr().err


def test_index_build_interrupted_leaves_the_old_index(resources, capsys, monkeypatch):
    from mediation_kit.core.search import index as search_index

    output = resources / "index"
    assert run_cli(["index", "build", "--output", str(output)]) == 0
    before = sorted(p.name for p in output.iterdir())

    def ctrl_c(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(search_index, "_write_meta", ctrl_c)
    assert run_cli(["index", "build", "--output", str(output)]) == 130
    assert "left as it was" in capsys.readouterr().err
    assert sorted(p.name for p in output.iterdir()) == before
    assert [p.name for p in resources.iterdir() if p.name.startswith(".")] == []


def test_search_prints_results_for_a_person(resources, capsys):
    assert run_cli(["search", "theatre"]) == 0
    out, err = capsys.readouterr()
    assert "1 result for “theatre”" in out
    assert "[Summary] Atelier théâtre et numérique — Rencontres de la médiation" in out
    assert "atelier-2024:summary:theatre" in out
    assert "rebuilt" in err  # the first search built the index into the cache, and said so


def test_search_shows_a_transcript_hit_with_its_time(resources, capsys):
    assert run_cli(["search", "logiciels libres"]) == 0
    out, _err = capsys.readouterr()
    assert "[Transcript at 12:34] Plénière d'ouverture" in out


def test_search_json(resources, capsys):
    assert run_cli(["search", "logiciels", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"query", "total", "suggestion", "facets", "results", "close_matches"}
    assert data["query"] == "logiciels" and data["total"] == 1 and data["suggestion"] is None
    (result,) = data["results"]
    assert set(result) == {"id", "type", "title", "event", "date", "score", "snippet",
                           "highlights", "time"}
    assert result["id"] == "atelier-2024:cue:pleniere#1"
    assert result["type"] == "cue" and result["time"] == 754.0
    assert result["date"] == "2024-06-12" and result["event"] == "Rencontres de la médiation"
    assert data["close_matches"] == []


def test_search_json_snippets_are_plain_text_with_offsets(resources, capsys):
    # Given a match in a text with an apostrophe (escaped as &#x27; in the snippet's HTML)
    assert run_cli(["search", "pleniere", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    # Then the JSON snippet is the text itself: no tag, no entity
    snippets = [r["snippet"] for r in data["results"]]
    assert snippets and not any("<" in s or "&#" in s or "&amp;" in s for s in snippets)
    assert run_cli(["search", "logiciels libres", "--json"]) == 0
    (result,) = json.loads(capsys.readouterr().out)["results"]
    assert result["snippet"] == "Parlons des logiciels libres dans les bibliothèques."
    # And each match is a [start, end] range of characters into it
    assert [result["snippet"][s:e] for s, e in result["highlights"]] == ["logiciels", "libres"]


def test_search_json_highlights_count_characters_not_bytes(resources, capsys):
    assert run_cli(["search", "bibliotheques", "--json"]) == 0
    (result,) = json.loads(capsys.readouterr().out)["results"]
    (start, end), = result["highlights"]
    assert result["snippet"][start:end] == "bibliothèques"


def test_search_json_facet_labels_are_words(resources, capsys):
    assert run_cli(["search", "strasbourg", "--json"]) == 0
    facets = json.loads(capsys.readouterr().out)["facets"]
    assert {(c["value"], c["label"]) for c in facets["type"]} == {
        ("summary", "Summary"), ("kit", "Kit asset")}
    assert facets["lang"] == [{"value": "fr", "label": "French", "count": 2}]
    assert facets["event"][0]["label"] == "Rencontres de la médiation"


def test_search_json_facet_labels_follow_the_users_language(resources, capsys, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "fr")
    assert run_cli(["search", "strasbourg", "--json"]) == 0
    facets = json.loads(capsys.readouterr().out)["facets"]
    assert {(c["value"], c["label"]) for c in facets["type"]} == {
        ("summary", "Résumé"), ("kit", "Fichier du kit")}
    assert facets["lang"][0]["label"] == "Français"


def test_search_text_shows_a_phrase_once_quoted(resources, capsys):
    # A phrase typed in quotes used to come back as ""logiciels libres""
    assert run_cli(["search", '"logiciels libres"']) == 0
    out, _err = capsys.readouterr()
    assert out.splitlines()[0] == '1 result for "logiciels libres"'
    assert '""' not in out
    # Other queries get the language's quotation marks
    assert run_cli(["search", "logiciels libres"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "1 result for “logiciels libres”"


def test_search_text_quotes_in_french(resources, capsys, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "fr")
    assert run_cli(["search", "logiciels"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "1 résultat pour «\u202flogiciels\u202f»"


def test_search_json_time_is_null_for_other_types(resources, capsys):
    assert run_cli(["search", "affiche", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["results"][0]["type"] == "kit" and data["results"][0]["time"] is None


def test_search_filters_and_limit(resources, capsys):
    assert run_cli(["search", "strasbourg", "--type", "kit", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["type"] for r in data["results"]] == ["kit"]
    assert run_cli(["search", "strasbourg", "--limit", "1", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 2 and len(data["results"]) == 1
    assert run_cli(["search", "strasbourg", "--event", "atelier-2024", "--lang", "fr",
                    "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] == 2


def test_search_with_no_match_exits_0_with_a_suggestion(resources, capsys):
    assert run_cli(["search", "strasbourgh"]) == 0
    out, _err = capsys.readouterr()
    assert "No result for “strasbourgh”." in out
    assert "Did you mean: strasbourg?" in out
    assert run_cli(["search", "strasbourgh", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == 0 and data["suggestion"] == "strasbourg" and data["results"] == []


def test_search_exits_2_when_the_index_cannot_be_built(resources, tmp_path, monkeypatch,
                                                       capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("MEDIATION_KIT_PORTABLE_DIR", str(blocker))
    assert run_cli(["search", "theatre"]) == 2
    err = capsys.readouterr().err
    assert "cannot be built" in err and "Traceback" not in err
