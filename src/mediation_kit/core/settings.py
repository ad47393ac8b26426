"""The user's settings: one table of declared options, read from and written to a TOML file.

Every option the kit knows is declared once in `OPTIONS` with its type, default and help text.
Reading never fails: a missing file gives the defaults, an unreadable file or a wrong value is
reported in `Settings.problems` (naming the file and the option) and the default is used.
Writing goes to a temporary file that is then renamed, so a crash never leaves half a file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mediation_kit.core.i18n import LANGUAGES, N_, _

THEMES = ("light", "dark", "high-contrast")
THEME_LABELS = {"light": N_("Light"), "dark": N_("Dark"), "high-contrast": N_("High contrast")}
TEXT_SIZES = (90, 100, 115, 130, 150)  # percent of the system font size
PRESENTATION_LOOKS = ("dark", "light")
PRESENTATION_LOOK_LABELS = {"dark": N_("Dark"), "light": N_("Light")}


@dataclass(frozen=True)
class Option:
    name: str
    type: type
    default: Any
    help: str  # marked with N_, translated where shown
    choices: tuple[Any, ...] | None = None
    check: Callable[[Any], bool] | None = None


OPTIONS: tuple[Option, ...] = (
    Option("language", str, "", N_("Interface language; empty follows the system."),
           choices=("", *LANGUAGES)),
    Option("text_size", int, 100, N_("Text size, in percent of the system's."),
           check=lambda v: 70 <= v <= 200),
    Option("theme", str, "light", N_("Colour theme."), choices=THEMES),
    Option("media_folder", str, "", N_("Folder holding the replay videos on this PC.")),
    # The projector as {"name", "manufacturer", "model", "serial"} (JSON); empty: automatic.
    Option("projector_screen", str, "", N_("The screen the audience sees; empty chooses one "
                                           "that is neither the main one nor a laptop's.")),
    Option("presentation_look", str, "dark", N_("Colours of the audience screen."),
           choices=PRESENTATION_LOOKS),
    Option("presentation_text_scale", int, 100, N_("Text size on the audience screen, in "
                                                   "percent."), check=lambda v: 60 <= v <= 200),
    Option("window_geometry", str, "", N_("Size and position of the main window (saved).")),
    Option("window_state", str, "", N_("Layout of the main window's panels (saved).")),
)
OPTIONS_BY_NAME = {option.name: option for option in OPTIONS}


class Settings:
    """The values of every declared option; unknown names raise KeyError."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._values: dict[str, Any] = {o.name: o.default for o in OPTIONS}
        self.problems: list[str] = []

    def __getitem__(self, name: str) -> Any:
        return self._values[OPTIONS_BY_NAME[name].name]

    def __setitem__(self, name: str, value: Any) -> None:
        option = OPTIONS_BY_NAME[name]
        if not _valid(option, value):
            raise ValueError(f"invalid value for setting {name!r}: {value!r}")
        self._values[name] = value

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)

    @classmethod
    def load(cls, path: Path) -> Settings:
        settings = cls(path)
        if not path.is_file():
            return settings
        import tomllib  # here: the first start, with no file yet, does not need it

        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            settings.problems.append(
                _("{file}: could not read the settings ({error}); using the defaults.").format(
                    file=path, error=error))
            return settings
        for name, value in data.items():
            option = OPTIONS_BY_NAME.get(name)
            if option is None:
                continue  # a setting from a newer or older version: ignored, kept out
            if _valid(option, value):
                settings._values[name] = value
            else:
                settings.problems.append(
                    _("{file}: the setting {name} has an invalid value {value!r}; "
                      "using the default.").format(file=path, name=name, value=value))
        return settings

    def save(self, path: Path | None = None) -> Path:
        target = path or self.path
        if target is None:
            raise ValueError("no settings file to save to")
        import tempfile

        target.parent.mkdir(parents=True, exist_ok=True)
        text = "".join(f"{name} = {_toml_value(value)}\n" for name, value in self._values.items())
        fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fp:
                fp.write(text)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return target


def _valid(option: Option, value: Any) -> bool:
    if option.type is int and isinstance(value, bool):
        return False
    if not isinstance(value, option.type):
        return False
    if option.choices is not None and value not in option.choices:
        return False
    return option.check is None or bool(option.check(value))


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    text = str(value)
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\r", "\\r").replace("\t", "\\t"))
    return f'"{escaped}"'
