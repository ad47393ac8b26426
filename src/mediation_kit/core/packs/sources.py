"""Reading the text files of a pack: TOML files and Markdown with TOML front matter.

Syntax errors become problems with the line where the file goes wrong, in words a person
who edits the file by hand understands (tomllib's own are terse and English only).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from mediation_kit.core.i18n import _
from mediation_kit.core.packs import limits
from mediation_kit.core.packs.files import PackFileError, read_bytes
from mediation_kit.core.packs.problems import ProblemLog
from mediation_kit.core.packs.toml_lines import KeyLines

FRONT_MATTER_FENCE = "+++"

_ERROR_AT = re.compile(r"(.*) \(at (?:line (\d+), column (\d+)|end of document)\)", re.S)
_KEY_VALUE = re.compile(r"""\s*([A-Za-z0-9_."'-]+?)\s*=\s*(.*)""")
_DATE_LIKE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}\S*")
_TIME_LIKE = re.compile(r"\d{1,2}:\d{1,2}(?::\d{1,2})?(?:\.\d+)?")
# Keys whose value is a position in a video, written in quotes.
_POSITION_KEYS = {"duration", "start"}


@dataclass(frozen=True)
class TomlSource:
    data: dict
    lines: KeyLines


def read_text(path: Path, log: ProblemLog, limit: int | None = None) -> str | None:
    """The UTF-8 text of `path`, a regular file inside the pack of at most `limit` bytes
    (by default limits.MAX_TEXT_BYTES); None when it cannot be used (the problem is in `log`)."""
    try:
        data = read_bytes(path, log.root, limits.MAX_TEXT_BYTES if limit is None else limit)
    except PackFileError as error:
        log.add(path, None, str(error))
        return None
    try:
        return data.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as error:
        log.add(path, None, _("not UTF-8 text (byte {position} cannot be read): save the file "
                              "as UTF-8").format(position=error.start))
    return None


def parse_toml(text: str, path: Path, log: ProblemLog, first_line: int = 1) -> TomlSource | None:
    """The TOML in `text`, whose first line is line `first_line` of `path`; None when it
    does not parse (the problem is in `log`)."""
    try:
        data = tomllib.loads(text)
    except RecursionError:
        log.add(path, None, _("not usable: lists or tables are nested inside each other too "
                              "deeply"))
        return None
    except tomllib.TOMLDecodeError as error:
        line, message = describe_toml_error(str(error), text)
        log.add(path, None if line is None else line + first_line - 1, message)
        return None
    return TomlSource(data, KeyLines(text, first_line))


def read_toml(path: Path, log: ProblemLog) -> TomlSource | None:
    text = read_text(path, log)
    return None if text is None else parse_toml(text, path, log)


def describe_toml_error(error: str, text: str) -> tuple[int | None, str]:
    """(line, message) for a tomllib error message such as
    "Invalid date or datetime (at line 2, column 9)"."""
    match = _ERROR_AT.fullmatch(error)
    if not match:
        return None, _("not valid TOML: {detail}").format(detail=error)
    detail, line = match.group(1), match.group(2)
    if line is None:
        return None, _("not valid TOML: the file ends too early ({detail}); look for a "
                       "missing closing quote or bracket").format(detail=detail)
    number = int(line)
    source = text.splitlines()[number - 1] if number <= len(text.splitlines()) else ""
    return number, _describe_line(detail, source)


def _describe_line(detail: str, source: str) -> str:
    key_value = _KEY_VALUE.match(source.split("#", 1)[0])
    if key_value:
        key, value = key_value.group(1), key_value.group(2).strip().rstrip(",")
        if _DATE_LIKE.fullmatch(value):
            return _("{key} {value} is not a date (expected YYYY-MM-DD)").format(
                key=key, value=value)
        if _TIME_LIKE.fullmatch(value):
            if key in _POSITION_KEYS:
                return _('{key} {value} must be written in quotes: {key} = "{value}"').format(
                    key=key, value=value)
            return _("{key} {value} is not a time of day (expected HH:MM:SS)").format(
                key=key, value=value)
        if detail.startswith("Cannot overwrite") or detail.startswith("Cannot declare"):
            return _('key "{key}" is given twice').format(key=key)
        if detail == "Invalid value":
            return _('the value of "{key}" is missing or not valid (text must be in quotes)'
                     ).format(key=key)
    if detail.startswith("Cannot declare") and source.strip().startswith("["):
        header = source.split("#", 1)[0].strip()
        return _("table {header} is declared twice, or clashes with a key of the same "
                 "name").format(header=header)
    return _("not valid TOML: {detail}").format(detail=detail)


@dataclass(frozen=True)
class FrontMatter:
    toml: str
    first_line: int  # line number of the TOML's first line in the file
    body: str


def split_front_matter(text: str, path: Path, log: ProblemLog) -> FrontMatter | None:
    """The TOML between the two `+++` lines that open a summary, and the Markdown after."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        log.add(path, 1, _('no front matter: the file must start with a line "+++", then the '
                           'TOML fields, then another "+++" line'))
        return None
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == FRONT_MATTER_FENCE:
            toml = "".join(lines[1:number - 1])
            body = "".join(lines[number:]).strip("\n")
            return FrontMatter(toml, 2, body)
    log.add(path, 1, _('the front matter opened on line 1 is never closed: add a line "+++" '
                       'after the fields'))
    return None
