"""The user's settings: one table of declared options, read from and written to a TOML file.

Every option the kit knows is declared once in `OPTIONS` with its type, default and help text.
Reading never fails: a missing file gives the defaults; a wrong value is reported in
`Settings.problems` (naming the file and the option) and the default is used; a file that
cannot be read or parsed is kept aside as `settings.toml.bad-<date>` (never overwritten) and
the defaults are used. Values are checked before they are set, so nothing is saved that the
next start could not read. Options written by a newer version are kept as they were.
Writing goes to a temporary file that is flushed to disk and then renamed, so a crash never
leaves half a file.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mediation_kit.core.atomic_files import write_atomically
from mediation_kit.core.i18n import LANGUAGES, N_, _

THEMES = ("light", "dark", "high-contrast")
THEME_LABELS = {"light": N_("Light"), "dark": N_("Dark"), "high-contrast": N_("High contrast")}
TEXT_SIZES = (90, 100, 115, 130, 150)  # percent of the system font size
PRESENTATION_LOOKS = ("dark", "light")
PRESENTATION_LOOK_LABELS = {"dark": N_("Dark"), "light": N_("Light")}
# Longer than any path a system accepts: a longer value is not a path someone chose.
MAX_TEXT_LENGTH = 4096
_BASE64 = re.compile(r"(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _text_size_problem(value: int) -> str | None:
    return None if 70 <= value <= 200 else _("it must be between 70 and 200")


def _presentation_scale_problem(value: int) -> str | None:
    return None if 60 <= value <= 200 else _("it must be between 60 and 200")


def _saved_layout_problem(value: str) -> str | None:
    """Window geometry and panel layout are Qt's bytes in base64: anything else is not one."""
    return None if _BASE64.fullmatch(value) else _("it is not a saved window layout")


@dataclass(frozen=True)
class Option:
    name: str
    type: type
    default: Any
    help: str  # marked with N_, translated where shown
    choices: tuple[Any, ...] | None = None
    # The reason a value of the right type is refused (translated), or None when it is fine.
    check: Callable[[Any], str | None] | None = None


OPTIONS: tuple[Option, ...] = (
    Option("language", str, "", N_("Interface language; empty follows the system."),
           choices=("", *LANGUAGES)),
    Option("text_size", int, 100, N_("Text size, in percent of the system's."),
           check=_text_size_problem),
    Option("theme", str, "light", N_("Colour theme."), choices=THEMES),
    Option("media_folder", str, "", N_("Folder holding the replay videos on this PC.")),
    # The projector as {"name", "manufacturer", "model", "serial"} (JSON); empty: automatic.
    Option("projector_screen", str, "", N_("The screen the audience sees; empty chooses one "
                                           "that is neither the main one nor a laptop's.")),
    Option("presentation_look", str, "dark", N_("Colours of the audience screen."),
           choices=PRESENTATION_LOOKS),
    Option("presentation_text_scale", int, 100, N_("Text size on the audience screen, in "
                                                   "percent."),
           check=_presentation_scale_problem),
    Option("window_geometry", str, "", N_("Size and position of the main window (saved)."),
           check=_saved_layout_problem),
    Option("window_state", str, "", N_("Layout of the main window's panels (saved)."),
           check=_saved_layout_problem),
)
OPTIONS_BY_NAME = {option.name: option for option in OPTIONS}


class SettingValueError(ValueError):
    """A value refused for an option; the message is for a person (translated)."""


@dataclass(frozen=True)
class SettingsProblem:
    """Something wrong found in the settings file, translated when shown (the language is
    chosen from the settings, after they are read)."""

    file: Path
    template: str  # marked with N_
    values: dict[str, Any] = field(default_factory=dict)
    kept_as: Path | None = None  # where an unreadable file was kept

    @property
    def message(self) -> str:
        return _(self.template).format(**self.values)

    def __str__(self) -> str:
        return _("{file}: {message}").format(file=self.file, message=self.message)


class Settings:
    """The values of every declared option; unknown names raise KeyError."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._values: dict[str, Any] = {o.name: o.default for o in OPTIONS}
        # Options this version does not know (a newer version wrote them): saved back as read.
        self._unknown: dict[str, Any] = {}
        self.problems: list[SettingsProblem] = []
        # Set when an unreadable file could not be kept aside: saving would destroy it.
        self._do_not_overwrite = False

    def __getitem__(self, name: str) -> Any:
        return self._values[OPTIONS_BY_NAME[name].name]

    def __setitem__(self, name: str, value: Any) -> None:
        option = OPTIONS_BY_NAME[name]
        reason = value_problem(option, value)
        if reason is not None:
            raise SettingValueError(_("The setting {name} cannot be {value}: {reason}.").format(
                name=name, value=_shown(value), reason=reason))
        self._values[name] = value

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)

    @property
    def unknown(self) -> dict[str, Any]:
        """The options of the file this version does not know, kept on save."""
        return dict(self._unknown)

    @property
    def was_reset(self) -> bool:
        """True when the file could not be read and the defaults are used."""
        return any(p.kept_as is not None or self._do_not_overwrite for p in self.problems)

    @classmethod
    def load(cls, path: Path) -> Settings:
        settings = cls(path)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return settings
        except OSError as error:  # unreadable, or a folder in its place
            settings._keep_bad_file(path, error)
            return settings
        import tomllib  # here: the first start, with no file yet, does not need it

        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, RecursionError, tomllib.TOMLDecodeError) as error:
            settings._keep_bad_file(path, error)
            return settings
        for name, value in data.items():
            option = OPTIONS_BY_NAME.get(name)
            if option is None:
                settings._unknown[name] = value  # from a newer version: kept as it is
                continue
            reason = value_problem(option, value)
            if reason is None:
                settings._values[name] = value
            else:
                settings.problems.append(SettingsProblem(
                    path, N_("the setting {name} has an invalid value {value} ({reason}); "
                             "using the default."),
                    {"name": name, "value": _shown(value), "reason": reason}))
        return settings

    def _keep_bad_file(self, path: Path, error: BaseException) -> None:
        """Moves an unreadable file aside so that the next save cannot destroy it."""
        reason = _error_text(error)
        try:
            kept = keep_aside(path)
        except OSError as move_error:
            self._do_not_overwrite = True
            self.problems.append(SettingsProblem(
                path, N_("the settings could not be read ({error}) and the file could not be "
                         "kept aside ({move_error}); the defaults are used and the file will "
                         "not be overwritten."),
                {"error": reason, "move_error": _error_text(move_error)}))
            return
        self.problems.append(SettingsProblem(
            path, N_("the settings could not be read ({error}). The file was kept as {copy}; "
                     "the defaults are used."),
            {"error": reason, "copy": kept}, kept_as=kept))

    def save(self, path: Path | None = None) -> Path:
        target = path or self.path
        if target is None:
            raise ValueError("no settings file to save to")
        if self._do_not_overwrite and target == self.path:
            raise OSError(_("{file} could not be read nor kept aside: it is left as it is.")
                          .format(file=target))
        lines = [f"{name} = {toml_value(value)}\n" for name, value in self._values.items()]
        lines += [f"{toml_key(name)} = {toml_value(value)}\n"
                  for name, value in self._unknown.items()]
        write_atomically(target, "".join(lines).encode("utf-8"), make_folder=True)
        return target


def value_problem(option: Option, value: Any) -> str | None:
    """Why `value` cannot be saved for `option` (translated), or None when it can."""
    if not isinstance(value, option.type) or (option.type is int and isinstance(value, bool)):
        return _("it must be a whole number") if option.type is int else _("it must be text")
    if option.choices is not None and value not in option.choices:
        return _("it must be one of {choices}").format(
            choices=", ".join(repr(c) for c in option.choices))
    if isinstance(value, str):
        if len(value) > MAX_TEXT_LENGTH:
            return _("it is longer than {count} characters").format(count=MAX_TEXT_LENGTH)
        for char in value:
            if unicodedata.category(char) in ("Cc", "Cs"):
                return _("it contains a control character ({code}), which no file name or "
                         "setting can hold").format(code=f"U+{ord(char):04X}")
    return option.check(value) if option.check is not None else None


def keep_aside(path: Path) -> Path:
    """Renames `path` to `<name>.bad-<date>` (then `-2`, `-3`…), never over an existing file."""
    stem = f"{path.name}.bad-{_dt.date.today().isoformat()}"
    for n in range(1, 1000):
        candidate = path.with_name(stem if n == 1 else f"{stem}-{n}")
        if not os.path.lexists(candidate):
            os.rename(path, candidate)
            return candidate
    raise FileExistsError(path.with_name(stem))


def _shown(value: Any) -> str:
    """A value as a message quotes it: control characters escaped, long ones cut."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "…"


def _error_text(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error) or type(error).__name__


# --- writing TOML (the standard library reads it but does not write it) ---------------------


def toml_key(name: str) -> str:
    return name if _BARE_KEY.fullmatch(name) else toml_value(name)


def toml_value(value: Any) -> str:
    """A TOML value, inline: strings with every control character escaped."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, _dt.datetime | _dt.date | _dt.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) \
            + "}"
    return '"' + "".join(_escaped(char) for char in str(value)) + '"'


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b",
            "\f": "\\f"}


def _escaped(char: str) -> str:
    if char in _ESCAPES:
        return _ESCAPES[char]
    if unicodedata.category(char) == "Cc":
        return f"\\u{ord(char):04X}"
    return char
