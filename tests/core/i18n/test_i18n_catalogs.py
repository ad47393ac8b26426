"""The template follows the sources and every shipped catalog is complete and well-formed."""

import gettext
import os
import shutil
import stat
import subprocess

import pytest
from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural
from babel.messages.pofile import write_po

from mediation_kit.core import i18n, i18n_tools


def describe(keys):
    return "\n".join(sorted(f"  {context + '|' if context else ''}{msgid}" for context, msgid in keys))


def test_the_template_is_up_to_date_with_the_sources(repo_root, fresh_template):
    # Given the messages the sources mark now, and the template in the repository
    shipped = i18n_tools.read_catalog(i18n_tools.template_path(repo_root))
    fresh, committed = i18n_tools.message_keys(fresh_template), i18n_tools.message_keys(shipped)
    # Then they are the same messages (dates and line numbers aside)
    assert fresh == committed, (
        "translations/mediation_kit.pot is out of date: run scripts/update_translations.sh\n"
        f"new in the sources:\n{describe(fresh - committed)}\n"
        f"gone from the sources:\n{describe(committed - fresh)}")


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_every_shipped_catalog_is_complete(repo_root, fresh_template, language):
    po = i18n_tools.po_path(repo_root, language)
    problems = i18n_tools.check_catalog(po, fresh_template)
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(map(str, problems))


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_gettext_msgfmt_accepts_every_catalog(repo_root, tmp_path, language):
    # A second, independent checker (GNU gettext, installed by scripts/setup.sh): formats and
    # headers as `msgfmt --check` sees them.
    assert shutil.which("msgfmt"), "msgfmt (GNU gettext) is missing: run scripts/setup.sh"
    po = i18n_tools.po_path(repo_root, language)
    result = subprocess.run(["msgfmt", "--check", "-o", str(tmp_path / "out.mo"), str(po)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_english_catalog_repeats_the_sources(repo_root):
    catalog = i18n_tools.read_catalog(i18n_tools.po_path(repo_root, "en"), "en")
    differing = [m.id for m in catalog if m.id and
                 (m.string != m.id if isinstance(m.id, str) else tuple(m.string) != tuple(m.id))]
    assert not differing


# --- the checker itself catches what it should ------------------------------------------


def catalog_file(tmp_path, language, entries):
    catalog = Catalog(locale=language, domain=i18n.DOMAIN, fuzzy=False)
    for msgid, msgstr, *flags in entries:
        catalog.add(msgid, msgstr, flags=flags)
    path = tmp_path / language / "LC_MESSAGES" / "mediation_kit.po"
    path.parent.mkdir(parents=True)
    with path.open("wb") as fp:
        write_po(fp, catalog)
    return path


def whats(problems):
    return [(p.message, p.what) for p in problems]


def test_the_checker_reports_untranslated_and_fuzzy_entries(tmp_path):
    path = catalog_file(tmp_path, "fr", [("Search", ""), ("Replays", "Replays", "fuzzy"),
                                         ("Summaries", "Résumés")])
    assert whats(i18n_tools.check_catalog(path)) == [("Search", "untranslated"),
                                                     ("Replays", "fuzzy")]


@pytest.mark.parametrize("msgstr", [
    "Aucun résultat pour {requete}",          # renamed: str.format would raise KeyError
    "Aucun résultat",                          # dropped: the query is lost
    "Aucun résultat pour %(query)s",           # other style
])
def test_the_checker_reports_placeholders_that_differ(tmp_path, msgstr):
    path = catalog_file(tmp_path, "fr", [("Nothing found for {query}", msgstr)])
    [(_, what)] = whats(i18n_tools.check_catalog(path))
    assert "placeholders" in what


def test_the_checker_accepts_conversions_and_escaped_braces(tmp_path):
    path = catalog_file(tmp_path, "fr", [
        ("invalid value {value!r} in {{ table }}", "valeur {value!r} non valide dans {{ table }}"),
        ("%(count)d files, 100%%", "%(count)d fichiers, 100 %%"),
    ])
    assert i18n_tools.check_catalog(path) == []


def test_the_checker_reports_plural_forms_in_the_wrong_number_or_with_unknown_placeholders(tmp_path):
    path = catalog_file(tmp_path, "de", [
        (("{count} replay", "{count} replays"), ("{count} Replay",)),
        (("One result", "{count} results"), ("Ein Ergebnis", "{anzahl} Ergebnisse")),
    ])
    problems = whats(i18n_tools.check_catalog(path))
    assert ("{count} replay", "untranslated") in problems  # the missing form is empty
    assert any(m == "One result" and "{anzahl}" in w for m, w in problems)
    assert ("One result", "no form uses ['{count}']") in problems


def test_the_checker_reports_more_plural_forms_than_the_language_has(tmp_path):
    path = tmp_path / "de" / "LC_MESSAGES" / "mediation_kit.po"
    path.parent.mkdir(parents=True)
    path.write_text('msgid ""\nmsgstr ""\n"Language: de\\n"\n'
                    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
                    'msgid "{count} summary"\nmsgid_plural "{count} summaries"\n'
                    'msgstr[0] "{count} A"\nmsgstr[1] "{count} B"\nmsgstr[2] "{count} C"\n',
                    encoding="utf-8")
    [problem] = i18n_tools.check_catalog(path)
    assert "cannot be read" in problem.what


def test_the_checker_compares_with_the_template(tmp_path):
    path = catalog_file(tmp_path, "fr", [("Old text", "Ancien texte")])
    template = Catalog(domain=i18n.DOMAIN)
    template.add("New text")
    assert whats(i18n_tools.check_catalog(path, template)) == [
        ("New text", "in the template, missing here"),
        ("Old text", "not in the template (obsolete?)")]


def test_placeholders_are_found_in_both_styles():
    assert i18n_tools.placeholders("{a} {b!r} {c:>3} {} %(d)s %s 100%% {{x}}") == {
        "{a}": 1, "{b}": 1, "{c}": 1, "{}": 1, "%(d)s": 1, "%()s": 1}


# --- the maintainer's tools are documented as they run -----------------------------------


def test_the_guide_shows_the_commands_the_script_runs(repo_root, capsys):
    assert i18n_tools.main(["commands"]) == 0
    guide = (repo_root / "translations" / "README.md").read_text(encoding="utf-8")
    for command in capsys.readouterr().out.splitlines():
        assert command in guide, f"translations/README.md does not show: {command}"


def test_the_update_script_is_executable_and_uses_the_tools(repo_root):
    script = repo_root / "scripts" / "update_translations.sh"
    assert script.stat().st_mode & stat.S_IXUSR
    assert "mediation_kit.core.i18n_tools" in script.read_text()


def test_the_babel_mapping_covers_the_package(repo_root):
    # Guards against a babel.cfg edit that silently extracts nothing.
    mapping = (repo_root / "babel.cfg").read_text()
    assert "[python: mediation_kit/**.py]" in mapping
    assert os.path.isdir(repo_root / "src" / "mediation_kit")


def test_extraction_finds_every_keyword_with_its_plural_and_context(repo_root, tmp_path):
    # Given a tiny source tree using each marking function, with the kit's mapping
    (tmp_path / "babel.cfg").write_text((repo_root / "babel.cfg").read_text())
    package = tmp_path / "src" / "mediation_kit"
    package.mkdir(parents=True)
    (package / "sample.py").write_text(
        "from mediation_kit.core.i18n import _, N_, ngettext, pgettext\n"
        "LABEL = N_('Replays')\n"
        "# Translators: the facet of a search result\n"
        "pgettext('facet', 'Type')\n"
        "ngettext('{count} replay', '{count} replays', 2)\n"
        "_('Search')\n", encoding="utf-8")
    # When it is extracted with the documented arguments
    catalog = i18n_tools.extract(tmp_path, tmp_path / "out.pot")
    # Then plurals keep both forms, contexts are kept and translator comments reach the .pot
    assert i18n_tools.message_keys(catalog) == {
        (None, "Replays"), ("facet", "Type"), (None, ("{count} replay", "{count} replays")),
        (None, "Search")}
    assert catalog.get("Type", context="facet").auto_comments == [
        "Translators: the facet of a search result"]


def test_an_update_creates_the_missing_catalogs_and_keeps_translations(repo_root, tmp_path):
    # Given a source tree with one message and a French catalog already translating it
    (tmp_path / "babel.cfg").write_text((repo_root / "babel.cfg").read_text())
    package = tmp_path / "src" / "mediation_kit"
    package.mkdir(parents=True)
    source = package / "sample.py"
    source.write_text("_('Search')\n", encoding="utf-8")
    i18n_tools.update(tmp_path)
    french = i18n_tools.po_path(tmp_path, "fr")
    text = french.read_text(encoding="utf-8").replace('msgstr ""\n\n', 'msgstr "Rechercher"\n\n')
    text = text.replace('msgid "Search"\nmsgstr ""', 'msgid "Search"\nmsgstr "Rechercher"')
    french.write_text(text, encoding="utf-8")
    # When a string is added to the sources and the catalogs are updated
    source.write_text("_('Search')\nngettext('{count} result', '{count} results', 2)\n",
                      encoding="utf-8")
    i18n_tools.update(tmp_path)
    # Then every language has a catalog with its plural rule, the old translation is kept and
    # the new message waits for a translator
    for language in i18n.LANGUAGES:
        catalog = i18n_tools.read_catalog(i18n_tools.po_path(tmp_path, language), language)
        assert catalog.num_plurals == get_plural(language).num_plurals
        assert catalog.get(("{count} result", "{count} results")[0]) is not None
    french_catalog = i18n_tools.read_catalog(french, "fr")
    assert french_catalog.get("Search").string == "Rechercher"
    assert [p.what for p in i18n_tools.check_catalog(french)] == ["untranslated"]


# --- plural forms follow the installed Babel ---------------------------------------------


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_every_catalog_has_the_plural_forms_babel_gives_its_language(repo_root, language):
    # Babel 2.19 (CLDR 47) gave French a third form; a catalog still on the old header would
    # choose the wrong string for 1 000 000.
    catalog = i18n_tools.read_catalog(i18n_tools.po_path(repo_root, language), language)
    rule = Locale(language).plural_form
    assert catalog.num_plurals == get_plural(language).num_plurals == len(rule.tags | {"other"})
    for message in catalog:
        if message.id and message.pluralizable:
            assert len(message.string) == catalog.num_plurals and all(message.string), message.id


OLD_FRENCH_HEADER = "nplurals=2; plural=(n != 1);"  # another rule than any Babel's for French


def old_french_catalog(tmp_path):
    path = tmp_path / "fr" / "LC_MESSAGES" / "mediation_kit.po"
    path.parent.mkdir(parents=True)
    path.write_text('msgid ""\nmsgstr ""\n"Language: fr\\n"\n'
                    f'"Plural-Forms: {OLD_FRENCH_HEADER}\\n"\n\n'
                    'msgid "Search"\nmsgstr "Rechercher"\n\n'
                    'msgid "{count} result"\nmsgid_plural "{count} results"\n'
                    'msgstr[0] "{count} résultat"\nmsgstr[1] "{count} résultats"\n',
                    encoding="utf-8")
    return path


def test_the_checker_reports_a_header_whose_plural_forms_are_not_babels(tmp_path):
    path = old_french_catalog(tmp_path)
    [problem] = i18n_tools.check_catalog(path)
    assert "Plural-Forms" in problem.what and "update_translations" in problem.what


def test_an_update_gives_an_old_catalog_babels_plural_forms_and_flags_them_for_review(tmp_path):
    # Given a French catalog written under another plural rule than the installed Babel's
    path = old_french_catalog(tmp_path)
    old_rule = gettext.c2py("(n != 1)")
    # When its plural forms are brought in line (as scripts/update_translations.sh does)
    marked = i18n_tools.sync_plural_forms(path, "fr")
    # Then the header is Babel's, the counts get the text they got before (zero aside: the rules
    # disagree on it), and the plural message waits for a translator (fuzzy) while the others
    # are untouched
    catalog = i18n_tools.read_catalog(path, "fr", strict=True)
    assert marked == 1
    assert (catalog.num_plurals, catalog.plural_expr) == i18n_tools.babel_plural_forms("fr")
    new_rule = gettext.c2py(catalog.plural_expr)
    message = catalog.get("{count} result")
    old_strings = ("{count} résultat", "{count} résultats")
    for n in (1, 2, 5, 1_000_000, 2_000_000, 1_000_001):
        assert message.string[new_rule(n)] == old_strings[old_rule(n)]
    assert message.fuzzy and not catalog.get("Search").fuzzy
    assert [p.what for p in i18n_tools.check_catalog(path)] == ["fuzzy"]
    # And a second pass finds nothing more to do
    before = path.read_bytes()
    assert i18n_tools.sync_plural_forms(path, "fr") == 0 and path.read_bytes() == before
