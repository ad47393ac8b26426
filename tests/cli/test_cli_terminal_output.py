"""What reaches the terminal: pack text with control characters, narrow consoles, JSON."""

import io
import json

import pytest
from cli_pack import BELL, CLEAR_SCREEN, PACK_FILES, RIGHT_TO_LEFT, write_pack

from mediation_kit.cli import run_cli
from mediation_kit.cli.output import json_text, one_line, setup_console, terminal_text

RAW_CONTROLS = (CLEAR_SCREEN, BELL, RIGHT_TO_LEFT, "\r")


# --- control characters ----------------------------------------------------------------------

def test_control_characters_are_shown_escaped():
    assert terminal_text("a\x1b[2Jb\x07c\u202ed\x9be") == "a\\x1b[2Jb\\x07c\\u202ed\\x9be"
    assert terminal_text("one\ntwo\tthree") == "one\\ntwo\\tthree"
    # On one line, line breaks and tabs are spacing
    assert one_line("one\r\ntwo\tthree") == "one two three"
    # Accents, typography and emoji are text, not controls
    assert terminal_text("« numérique » — 日本 🎭") == "« numérique » — 日本 🎭"


def test_search_never_prints_the_packs_control_characters(cli_resources, capsys):
    # Given a summary whose text clears the screen, rings and reverses the line
    assert run_cli(["search", "effacé"]) == 0
    out, _err = capsys.readouterr()
    # Then the terminal gets them as visible escapes
    assert not any(raw in out for raw in RAW_CONTROLS), repr(out)
    assert "\\x1b[2J effacé \\x07 puis \\u202einversé" in out


def test_search_json_escapes_them_and_keeps_their_value(cli_resources, capsys):
    assert run_cli(["search", "effacé", "--json"]) == 0
    out = capsys.readouterr().out
    assert not any(raw in out for raw in RAW_CONTROLS), repr(out)
    snippet = json.loads(out)["results"][0]["snippet"]
    # The JSON value is the text itself: a program reading it loses nothing
    assert f"{CLEAR_SCREEN} effacé {BELL} puis {RIGHT_TO_LEFT}inversé" in snippet


def test_pack_list_and_validate_escape_pack_text(tmp_path, capsys):
    # Given a pack whose event name holds an escape sequence (a TOML \u escape)
    files = dict(PACK_FILES)
    files["pack.toml"] = files["pack.toml"].replace(
        'name = "Rencontres de la médiation"', 'name = "Rencontres \\u001b[31mrouges"')
    write_pack(tmp_path / "packs", files)
    # and a folder whose name holds one
    odd = tmp_path / "pack\x1b[2J"
    odd.mkdir()
    assert run_cli(["pack", "list", "--packs", str(tmp_path / "packs")]) in (0, 1)
    out, _err = capsys.readouterr()
    assert "\x1b" not in out and "Rencontres \\x1b[31mrouges" in out
    assert run_cli(["pack", "validate", str(odd)]) == 2
    _out, err = capsys.readouterr()
    assert "\x1b" not in err and "pack\\x1b[2J: not a pack folder" in err


# --- narrow consoles -------------------------------------------------------------------------

def _ascii_stream() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="strict")


def test_an_ascii_console_gets_the_nearest_characters():
    stream = _ascii_stream()
    setup_console((stream,))
    stream.write("« Numérique » — œuvre… 日本 ß\udcff")
    stream.flush()
    assert stream.buffer.getvalue() == b'" Numerique " - oeuvre... ?? ss\\xff'


def test_a_console_left_lenient_is_not_changed():
    stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="replace")
    setup_console((stream,))
    assert stream.errors == "replace"


def test_json_for_an_ascii_console_is_escaped_not_folded():
    data = {"title": "Atelier théâtre « numérique »"}
    text = json_text(data, _ascii_stream())
    assert text.isascii() and "\\u00e9" in text
    assert json.loads(text) == data
    utf8 = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    assert "théâtre" in json_text(data, utf8)


@pytest.mark.parametrize("language_env", [{"LANG": "C", "LC_ALL": "C"},
                                          {"LANG": "fr_FR.UTF-8"}])
def test_search_on_an_ascii_console_prints_instead_of_crashing(run_kit, language_env):
    env = {**language_env, "PYTHONIOENCODING": "ascii"}
    # When a person on an ASCII console searches with an accent
    result = run_kit("search", "théâtre", env=env)
    # Then the results are printed, accents folded, with no traceback
    err = result.stderr.decode("ascii")
    assert result.returncode == 0, err
    assert "Traceback" not in err and "UnicodeEncodeError" not in err
    out = result.stdout.decode("ascii")
    assert "Atelier theatre et numerique" in out
    # And JSON stays exact, with \\u escapes
    result = run_kit("search", "théâtre", "--json", env=env)
    assert result.returncode == 0
    data = json.loads(result.stdout.decode("ascii"))
    assert data["results"][0]["title"] == "Atelier théâtre et numérique"


def test_pack_list_on_an_ascii_console(run_kit):
    result = run_kit("pack", "list", env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert "Rencontres de la mediation" in result.stdout.decode("ascii")


def test_version_verbose_escapes_what_the_packs_say(tmp_path, monkeypatch, capsys):
    # Given a pack whose version holds an escape sequence
    files = dict(PACK_FILES)
    files["pack.toml"] = files["pack.toml"].replace('version = "1.0.0"',
                                                    'version = "1.0\\u001b]0;owned\\u0007"')
    write_pack(tmp_path / "resources" / "packs", files)
    monkeypatch.setenv("MEDIATION_KIT_RESOURCES", str(tmp_path / "resources"))
    # When the build information is printed
    assert run_cli(["--version", "--verbose"]) == 0
    out = capsys.readouterr().out
    # Then the terminal's title is not rewritten: the sequence is shown escaped
    assert "\x1b" not in out and "\x07" not in out
    assert "1.0\\x1b]0;owned\\x07" in out
