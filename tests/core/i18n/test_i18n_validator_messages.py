"""The pack validator speaks the interface language: each of its messages is translated."""

import shutil

import pytest

from mediation_kit.core import i18n, i18n_tools
from mediation_kit.core.packs.loader import load_pack


@pytest.fixture
def pseudo_locale(fresh_template):
    i18n.install_translations(i18n_tools.pseudo_translations(fresh_template), "en")


def broken_pack(repo_root, tmp_path):
    """A copy of a shipped pack with mistakes of several kinds."""
    pack = tmp_path / "rns-2024"
    shutil.copytree(repo_root / "resources" / "packs" / "rns-2024", pack)
    toml = pack / "pack.toml"
    text = toml.read_text(encoding="utf-8")
    assert 'licence = "CC-BY-SA-4.0"' in text and 'city = "Strasbourg"' in text
    text = text.replace('licence = "CC-BY-SA-4.0"', 'licence = "CC-BY-SA-4.0"\ncolour = "blue"')
    text = text.replace('city = "Strasbourg"', "city = 42")
    toml.write_text(text, encoding="utf-8")
    summary = sorted((pack / "summaries").glob("*.md"))[0]
    summary.write_text(summary.read_text(encoding="utf-8").replace("+++\n", "", 1),
                       encoding="utf-8")
    return pack


def test_every_validator_message_goes_through_the_catalog(pseudo_locale, repo_root, tmp_path):
    # Given a pack with an unknown key, a number for a text and a summary without its front
    # matter, checked in the pseudo-locale
    result = load_pack(broken_pack(repo_root, tmp_path))
    # Then there are problems, and each message is translated as a whole
    assert len(result.problems) == 3, result.problems
    untranslated = [str(p) for p in result.problems
                    if not (p.message.startswith(i18n_tools.PSEUDO_OPEN)
                            and p.message.endswith(i18n_tools.PSEUDO_CLOSE))]
    assert not untranslated


def test_validator_messages_read_in_french(repo_root, tmp_path):
    i18n.set_language("fr")
    result = load_pack(broken_pack(repo_root, tmp_path))
    messages = [p.message.replace("\u00a0", " ") for p in result.problems]
    assert messages == [
        "clé « colour » inconnue",
        "« city » dans [event] doit être du texte, pas un nombre",
        "pas d'en-tête : le fichier doit commencer par une ligne « +++ », puis les champs TOML, "
        "puis une autre ligne « +++ »",
    ]
