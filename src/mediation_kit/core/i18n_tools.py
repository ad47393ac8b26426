"""Maintainer tools for the translation catalogs: extract, update, check, pseudo-locale.

    python -m mediation_kit.core.i18n_tools update   # sources -> .pot -> every .po, then check
    python -m mediation_kit.core.i18n_tools check    # fails on untranslated, fuzzy, placeholders
    python -m mediation_kit.core.i18n_tools commands # prints the equivalent pybabel commands

The same functions back the tests (the template is up to date, every catalog is complete, the
pseudo-locale), so what a maintainer runs and what the tests check cannot drift apart.
"""

from __future__ import annotations

import gettext
import io
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from mediation_kit import APP_NAME, __version__
from mediation_kit.core.i18n import DOMAIN, LANGUAGES

# The keywords the sources use (all among Babel's defaults, listed so the command says it).
KEYWORDS = ("_", "N_", "gettext", "ngettext:1,2", "pgettext:1c,2", "npgettext:1c,2,3")
# Comments starting with this tag, just above a marked string, reach the translators.
TRANSLATOR_TAG = "Translators:"
PSEUDO_OPEN, PSEUDO_CLOSE = "⟦", "⟧"


def repo_root() -> Path:
    return Path(__file__).resolve().parents[3]


def template_path(root: Path) -> Path:
    return root / "translations" / f"{DOMAIN}.pot"


def po_path(root: Path, language: str) -> Path:
    return root / "translations" / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract_args(output: Path | str, root: Path | str = ".") -> list[str]:
    """The `pybabel extract` arguments; paths relative to `root` keep the .pot free of it."""
    root = Path(root)
    args = ["extract", "-F", str(root / "babel.cfg"), "-o", str(output),
            "--no-default-keywords"]
    for keyword in KEYWORDS:
        args += ["-k", keyword]
    args += ["-c", TRANSLATOR_TAG, "--add-location=file", "--sort-by-file",
             f"--project={APP_NAME}", f"--version={__version__}",
             f"--copyright-holder={APP_NAME} contributors", str(root / "src")]
    return args


def _pybabel(args: list[str]) -> None:
    """Runs a pybabel command in this process (quiet: errors still raise)."""
    status = CommandLineInterface().run(["pybabel", "-q", *args])
    if status:
        raise RuntimeError(f"pybabel {' '.join(args)} failed with status {status}")


def extract(root: Path, output: Path) -> Catalog:
    """Extracts the marked strings of the sources under `root` into `output` (a .pot)."""
    import os

    output.parent.mkdir(parents=True, exist_ok=True)
    cwd = os.getcwd()
    os.chdir(root)  # so the location comments read "src/mediation_kit/...", the same everywhere
    try:
        _pybabel(extract_args(output.resolve(), "."))
    finally:
        os.chdir(cwd)
    return read_catalog(output)


def read_catalog(path: Path, language: str | None = None, *, strict: bool = False) -> Catalog:
    """`strict`: a malformed entry (such as more plural forms than the language has) raises
    instead of being silently cut."""
    with path.open("rb") as fp:
        return read_po(fp, locale=language, abort_invalid=strict)


# --- plural forms -------------------------------------------------------------------------

# pybabel update's way of writing a catalog, so a rewrite here changes only what it must.
PO_WRITE_OPTIONS = {"width": 79, "include_previous": True, "ignore_obsolete": True}


def babel_plural_forms(language: str) -> tuple[int, str]:
    """(number of forms, gettext expression) that the installed Babel gives `language`: the
    header `pybabel init` writes. It follows CLDR, so it can change with a Babel release
    (French went from 2 forms to 3 in Babel 2.19)."""
    catalog = Catalog(locale=language, domain=DOMAIN)
    return catalog.num_plurals, catalog.plural_expr


def _same_expression(a: str, b: str) -> bool:
    return a.replace(" ", "").rstrip(";") == b.replace(" ", "").rstrip(";")


def plural_forms_differ(catalog: Catalog, language: str) -> bool:
    count, expression = babel_plural_forms(language)
    return catalog.num_plurals != count or not _same_expression(catalog.plural_expr, expression)


def _form_for_each_new_form(old_expression: str, new_expression: str, count: int) -> list[int]:
    """For each form of the new rule, the form the old rule gave the first counts it covers (a
    sample that reaches every form of the rules CLDR has; 0 last, as rules disagree most about
    it), so each old translation stays where the same numbers will find it."""
    old_rule, new_rule = gettext.c2py(old_expression), gettext.c2py(new_expression)
    samples = [*range(1, 200), 0, 1000, 1001, 1_000_000, 2_000_000, 1_000_001, 10_000_000]
    mapping: dict[int, int] = {}
    for n in samples:
        mapping.setdefault(new_rule(n), old_rule(n))
    return [mapping.get(index, count - 1) for index in range(count)]


def sync_plural_forms(path: Path, language: str) -> int:
    """Gives the catalog at `path` the plural forms of the installed Babel when its header has
    others. Each plural message keeps its translations, moved to the form that covers the same
    numbers, and is marked fuzzy: a new form (such as French "many": "1 000 000 de résultats")
    needs a translator. Returns the number of messages so marked (0: file untouched)."""
    catalog = read_catalog(path, language)
    if not plural_forms_differ(catalog, language):
        return 0
    old_expression = catalog.plural_expr
    count, expression = babel_plural_forms(language)
    catalog.mime_headers = [
        (name, value) for name, value in catalog.mime_headers if name.lower() != "plural-forms"
    ] + [("Plural-Forms", f"nplurals={count}; plural={expression};")]
    source_forms = _form_for_each_new_form(old_expression, expression, count)
    marked = 0
    for message in catalog:
        if not message.id or not message.pluralizable:
            continue
        old = _strings(message)
        message.string = tuple(old[i] if i < len(old) else "" for i in source_forms)
        if any(old):
            message.flags.add("fuzzy")
            marked += 1
    buffer = io.BytesIO()
    write_po(buffer, catalog, **PO_WRITE_OPTIONS)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_bytes(buffer.getvalue())
    temporary.replace(path)
    return marked


def message_keys(catalog: Catalog) -> set[tuple[str | None, str | tuple[str, ...]]]:
    """What identifies the messages of a catalog: context and id (a tuple for plurals)."""
    return {(m.context, m.id if isinstance(m.id, str) else tuple(m.id))
            for m in catalog if m.id}


# --- checks -------------------------------------------------------------------------------

_PERCENT = re.compile(r"%(?:\((?P<name>[^)]*)\))?[#0\- +]*\d*(?:\.\d+)?(?P<type>[diouxXeEfFgGcrsa%])")
_BRACE = re.compile(r"\{\{|\}\}|\{(?P<field>[^{}!:]*)(?:![rsa])?(?::[^{}]*)?\}")


def placeholders(text: str) -> Counter[str]:
    """`%(name)s`, `%s`, `{name}`, `{}` in `text`, counted (escapes `%%`, `{{` ignored)."""
    found: Counter[str] = Counter()
    for match in _PERCENT.finditer(text):
        if match.group("type") != "%":
            found["%(" + (match.group("name") or "") + ")" + match.group("type")] += 1
    for match in _BRACE.finditer(text):
        if match.group(0) not in ("{{", "}}"):
            found["{" + match.group("field") + "}"] += 1
    return found


@dataclass(frozen=True)
class Problem:
    catalog: Path
    message: str
    what: str

    def __str__(self) -> str:
        return f"{self.catalog}: {self.message!r}: {self.what}"


def _ids(message: Message) -> list[str]:
    return [message.id] if isinstance(message.id, str) else list(message.id)


def _strings(message: Message) -> list[str]:
    return [message.string] if isinstance(message.string, str) else list(message.string)


def check_catalog(path: Path, template: Catalog | None = None) -> list[Problem]:
    """What stops `path` from shipping: untranslated, fuzzy, placeholder mismatches, plural
    forms in the wrong number, messages missing from or unknown to the template, or a catalog
    that does not compile."""
    language = path.parents[1].name
    problems: list[Problem] = []
    try:
        catalog = read_catalog(path, language, strict=True)
    except Exception as error:  # noqa: BLE001 - any parse failure is the finding
        return [Problem(path, "", f"cannot be read: {error}")]
    if catalog.fuzzy:
        problems.append(Problem(path, "", "the header is marked fuzzy"))
    if plural_forms_differ(catalog, language):
        count, expression = babel_plural_forms(language)
        problems.append(Problem(path, "", (
            f"Plural-Forms says {catalog.num_plurals} forms ({catalog.plural_expr}), Babel gives "
            f"{count} ({expression}): run scripts/update_translations.sh, then translate "
            "the plural messages it marks fuzzy")))
    for message in catalog:
        if not message.id:
            continue
        label = _ids(message)[0] if message.context is None else f"{message.context}|{_ids(message)[0]}"
        strings = _strings(message)
        if message.fuzzy:
            problems.append(Problem(path, label, "fuzzy"))
        if not all(strings):
            problems.append(Problem(path, label, "untranslated"))
            continue
        if message.pluralizable:
            if len(strings) != catalog.num_plurals:
                problems.append(Problem(path, label, f"{len(strings)} plural forms, the language "
                                                     f"has {catalog.num_plurals}"))
            allowed = placeholders(message.id[0]) | placeholders(message.id[1])
            for index, string in enumerate(strings):
                extra = set(placeholders(string)) - set(allowed)
                if extra:
                    problems.append(Problem(path, label, f"form {index} has placeholders "
                                                         f"{sorted(extra)} the source does not"))
            used = set().union(*(set(placeholders(s)) for s in strings))
            missing = set(placeholders(message.id[1])) - used
            if missing:
                problems.append(Problem(path, label, f"no form uses {sorted(missing)}"))
        elif placeholders(strings[0]) != placeholders(message.id):
            problems.append(Problem(path, label, f"placeholders {sorted(placeholders(strings[0]))}"
                                                 f" differ from {sorted(placeholders(message.id))}"))
    if template is not None:
        ours, theirs = message_keys(catalog), message_keys(template)
        for key in sorted(theirs - ours, key=str):
            problems.append(Problem(path, str(key[1]), "in the template, missing here"))
        for key in sorted(ours - theirs, key=str):
            problems.append(Problem(path, str(key[1]), "not in the template (obsolete?)"))
    try:
        gettext.GNUTranslations(compile_catalog(catalog))
    except Exception as error:  # noqa: BLE001
        problems.append(Problem(path, "", f"does not compile: {error}"))
    return problems


def compile_catalog(catalog: Catalog) -> io.BytesIO:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return buffer


def compile_catalogs(source: Path, target: Path) -> list[tuple[str, Path, int]]:
    """Every `source/<lang>/LC_MESSAGES/*.po` compiled to `target/<lang>/LC_MESSAGES/*.mo`,
    fuzzy entries left out as `pybabel compile` does: what the release build and the wheel
    ship. A catalog with errors raises ValueError naming it. Returns, per catalog, the
    language, the .mo written and its number of translated messages."""
    written = []
    for po in sorted(source.glob("*/LC_MESSAGES/*.po")):
        language = po.parents[1].name
        catalog = read_catalog(po, language)
        errors = [(message.id, error) for message, errs in catalog.check() for error in errs]
        if errors:
            raise ValueError(f"{po}: {len(errors)} errors, first: {errors[0]}")
        mo = target / language / "LC_MESSAGES" / (po.stem + ".mo")
        mo.parent.mkdir(parents=True, exist_ok=True)
        with mo.open("wb") as fp:
            write_mo(fp, catalog, use_fuzzy=False)
        translated = sum(1 for m in catalog if m.id and m.string and not m.fuzzy)
        written.append((language, mo, translated))
    return written


def statistics(path: Path) -> tuple[int, int, int]:
    """(translated, fuzzy, untranslated) messages of a catalog."""
    catalog = read_catalog(path, path.parents[1].name)
    messages = [m for m in catalog if m.id]
    fuzzy = sum(1 for m in messages if m.fuzzy)
    untranslated = sum(1 for m in messages if not all(_strings(m)))
    return len(messages) - fuzzy - untranslated, fuzzy, untranslated


# --- pseudo-locale ------------------------------------------------------------------------


def pseudo_catalog(template: Catalog) -> Catalog:
    """Every message of `template` translated as itself wrapped in ⟦…⟧ (placeholders kept),
    so a string shown without markers was never marked for translation."""
    catalog = Catalog(locale="en", domain=DOMAIN)
    for message in template:
        if not message.id:
            continue
        if message.pluralizable:
            string: str | tuple[str, ...] = tuple(PSEUDO_OPEN + i + PSEUDO_CLOSE
                                                  for i in message.id[:2])
        else:
            string = PSEUDO_OPEN + message.id + PSEUDO_CLOSE
        catalog.add(message.id, string, context=message.context)
    return catalog


def pseudo_translations(template: Catalog) -> gettext.GNUTranslations:
    return gettext.GNUTranslations(compile_catalog(pseudo_catalog(template)))


def unmarked_parts(text: str, allowed: Iterable[str] = ()) -> str:
    """What of `text` lies outside every ⟦…⟧ span and outside the `allowed` words, if it has
    letters ("" when the whole text was translated)."""
    rest, depth, outside = [], 0, []
    for char in text:
        if char == PSEUDO_OPEN:
            depth += 1
        elif char == PSEUDO_CLOSE and depth:
            depth -= 1
        elif depth == 0:
            outside.append(char)
    rest = "".join(outside)
    for word in sorted(allowed, key=len, reverse=True):
        if word:
            rest = rest.replace(word, " ")
    rest = rest.replace("&", "")  # mnemonics
    return rest.strip() if any(ch.isalpha() for ch in rest) else ""


# --- command line -------------------------------------------------------------------------


def update(root: Path) -> Catalog:
    """Sources -> template -> every shipped catalog (new languages created, obsolete dropped).

    When the sources hold the same messages as before, the files are left untouched rather than
    rewritten with a new date.
    """
    shipped = template_path(root)
    with tempfile.TemporaryDirectory() as tmp:
        fresh_path = Path(tmp) / shipped.name
        template = extract(root, fresh_path)
        changed = not shipped.is_file() or _undated(fresh_path) != _undated(shipped)
        if changed:
            shipped.parent.mkdir(parents=True, exist_ok=True)
            shipped.write_bytes(fresh_path.read_bytes())
    for language in LANGUAGES:
        po = po_path(root, language)
        if po.is_file() and changed:
            _pybabel(["update", "-i", str(shipped), "-o", str(po), "-l", language,
                      "-D", DOMAIN, "--ignore-obsolete", "--previous", "-w", "79"])
        elif not po.is_file():
            _pybabel(["init", "-i", str(shipped), "-o", str(po), "-l", language,
                      "-D", DOMAIN, "-w", "79"])
        # `pybabel update` keeps a catalog's Plural-Forms header even when Babel's rule for
        # the language has changed since: bring it in line.
        marked = sync_plural_forms(po, language)
        if marked:
            print(f"{language}: plural forms now {babel_plural_forms(language)[0]} (Babel); "
                  f"{marked} plural messages marked fuzzy for review")
    return template


def _undated(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith(('"POT-Creation-Date:', '"Generated-By:', "# Copyright (C)",
                                    "# FIRST AUTHOR"))]


def check(root: Path) -> list[Problem]:
    with tempfile.TemporaryDirectory() as tmp:
        fresh = extract(root, Path(tmp) / f"{DOMAIN}.pot")
    problems: list[Problem] = []
    shipped = template_path(root)
    if not shipped.is_file() or message_keys(read_catalog(shipped)) != message_keys(fresh):
        problems.append(Problem(shipped, "", "out of date: run scripts/update_translations.sh"))
    for language in LANGUAGES:
        po = po_path(root, language)
        if not po.is_file():
            problems.append(Problem(po, "", "missing"))
            continue
        problems.extend(check_catalog(po, fresh))
    return problems


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    command = argv[0] if argv else "check"
    root = Path(argv[1]) if len(argv) > 1 else repo_root()
    if command == "commands":
        print("pybabel " + " ".join(f"'{a}'" if " " in a else a
                                    for a in extract_args(f"translations/{DOMAIN}.pot")))
        print(f"pybabel update -i translations/{DOMAIN}.pot -d translations -D {DOMAIN} "
              "--ignore-obsolete --previous -w 79")
        print(f"pybabel compile -d translations -D {DOMAIN} --statistics")
        return 0
    if command not in ("update", "check"):
        print(f"unknown command {command!r}: use update, check or commands", file=sys.stderr)
        return 2
    if command == "update":
        template = update(root)
        print(f"{template_path(root)}: {len(message_keys(template))} messages")
    for language in LANGUAGES:
        po = po_path(root, language)
        if po.is_file():
            done, fuzzy, missing = statistics(po)
            print(f"{language}: {done} translated, {fuzzy} fuzzy, {missing} untranslated")
    problems = check(root)
    _print_problems(problems)
    if command == "update":
        return 0  # what is left to translate is reported, not an error, right after an update
    return 1 if problems else 0

def _print_problems(problems: list[Problem], limit: int = 15) -> None:
    """Every problem but the untranslated ones (counted above), at most `limit` per catalog."""
    shown: Counter[Path] = Counter()
    for problem in problems:
        if problem.what == "untranslated":
            continue
        shown[problem.catalog] += 1
        if shown[problem.catalog] <= limit:
            print(problem, file=sys.stderr)
    for catalog, count in shown.items():
        if count > limit:
            print(f"{catalog}: … and {count - limit} more problems", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
