"""argparse's own words (usage, its errors, the help option) follow the interface language."""

import pytest

from mediation_kit.cli import run_cli
from mediation_kit.cli.argparse_i18n import MESSAGES
from mediation_kit.core import i18n


def test_a_usage_error_is_in_french(cli_resources, capsys, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "fr")
    with pytest.raises(SystemExit) as exit_:
        run_cli(["search"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("utilisation\u202f: mediation-kit search")
    assert ("mediation-kit search\u202f: erreur\u202f: ces arguments sont obligatoires\u202f: "
            "REQUÊTE") in err


def test_help_is_in_german(capsys, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "de")
    with pytest.raises(SystemExit):
        run_cli(["--help"])
    out = capsys.readouterr().out
    assert out.startswith("Aufruf: mediation-kit")
    assert "Positionsargumente:" in out and "Optionen:" in out
    assert "diese Hilfe anzeigen und beenden" in out


@pytest.mark.parametrize("language", ["fr", "de"])
def test_every_argparse_message_is_translated_with_its_placeholders(language):
    i18n.set_language(language)
    for message in MESSAGES:
        translated = i18n._(message)
        assert translated != message or message == "options", (language, message)
        for placeholder in ("%s", "%r", "%(prog)s", "%(message)s", "%(value)r", "%(choices)s",
                            "%(type)s", "%(option)s", "%(matches)s", "%(argument_name)s",
                            "%(filename)s", "%(error)s"):
            assert translated.count(placeholder) == message.count(placeholder), (
                language, message)
