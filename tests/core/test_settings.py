"""The settings file: defaults, round trip, bad values named and refused, an unreadable file
kept aside, unknown keys kept, written atomically."""

import datetime
import os
import tomllib

import pytest

from mediation_kit.core.settings import OPTIONS, Settings, SettingValueError


def test_missing_file_gives_defaults(tmp_path):
    settings = Settings.load(tmp_path / "none.toml")
    assert settings.as_dict() == {o.name: o.default for o in OPTIONS}
    assert settings.problems == []


def test_values_round_trip_and_no_temporary_file_is_left(tmp_path):
    path = tmp_path / "a" / "settings.toml"
    settings = Settings(path)
    settings["language"] = "fr"
    settings["media_folder"] = 'C:\\Vidéos "NEC"'
    settings["text_size"] = 115
    settings.save()
    assert Settings.load(path).as_dict() == settings.as_dict()
    assert [p.name for p in path.parent.iterdir()] == ["settings.toml"]


def test_bad_values_and_broken_file_are_reported_with_the_file_name(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('theme = "pink"\ntext_size = 115\nfuture_option = 1\n', encoding="utf-8")
    settings = Settings.load(path)
    assert settings["theme"] == "light"
    assert settings["text_size"] == 115
    assert len(settings.problems) == 1
    assert str(path) in str(settings.problems[0]) and "theme" in str(settings.problems[0])
    path.write_text("theme = \n", encoding="utf-8")
    broken = Settings.load(path)
    assert broken["theme"] == "light"
    assert str(path) in str(broken.problems[0])


# --- nothing lost --------------------------------------------------------------------------

def kept_copies(path):
    return sorted(p for p in path.parent.iterdir() if p.name.startswith(path.name + ".bad-"))


def test_a_control_character_in_the_media_folder_is_refused_not_saved(tmp_path):
    path = tmp_path / "settings.toml"
    settings = Settings(path)
    settings["media_folder"] = "/media/videos"
    settings.save()
    before = path.read_bytes()
    with pytest.raises(SettingValueError) as error:
        settings["media_folder"] = "/media/vid\x07eos"
    message = str(error.value)
    assert "media_folder" in message and "control character (U+0007)" in message
    assert "\x07" not in message  # the message itself shows it escaped
    assert settings["media_folder"] == "/media/videos"
    settings.save()
    assert path.read_bytes() == before
    assert Settings.load(path)["media_folder"] == "/media/videos"


@pytest.mark.parametrize("name, value", [
    ("window_geometry", "é"), ("window_state", "日本"), ("window_geometry", "AdnQyw=x"),
    ("text_size", 5), ("theme", "pink"), ("language", 3), ("media_folder", "x" * 5000),
])
def test_every_bad_value_is_refused_with_a_reason(name, value):
    settings = Settings()
    with pytest.raises(SettingValueError, match=name):
        settings[name] = value
    assert settings[name] == Settings()[name]


@pytest.mark.parametrize("text", [
    'media_folder = "/media/vid\x07eos"\n',  # what an older version wrote raw
    "theme = \n",
    "\xff\xfe garbage",
    "a = " + "[" * 5000 + "]" * 5000 + "\n",
])
def test_an_unreadable_file_is_kept_aside_and_the_defaults_used(tmp_path, text):
    path = tmp_path / "settings.toml"
    data = text.encode("latin-1") if "\xff" in text else text.encode("utf-8")
    path.write_bytes(data)
    settings = Settings.load(path)
    assert settings.as_dict() == Settings().as_dict() and settings.was_reset
    (kept,) = kept_copies(path)
    assert kept.name == f"settings.toml.bad-{datetime.date.today().isoformat()}"
    assert kept.read_bytes() == data
    (problem,) = settings.problems
    assert problem.file == path and problem.kept_as == kept
    assert str(path) in str(problem) and kept.name in str(problem)
    # Saving (at quit) writes a new file and leaves the copy alone
    settings.save()
    assert tomllib.loads(path.read_text(encoding="utf-8"))["theme"] == "light"
    assert kept.read_bytes() == data


def test_a_second_bad_file_the_same_day_does_not_overwrite_the_first_copy(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text("first = \n", encoding="utf-8")
    Settings.load(path)
    path.write_text("second = \n", encoding="utf-8")
    Settings.load(path)
    first, second = kept_copies(path)
    assert {first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")} == {
        "first = \n", "second = \n"}
    assert second.name == first.name + "-2"


def test_a_file_that_cannot_be_kept_aside_is_never_overwritten(tmp_path, monkeypatch):
    path = tmp_path / "settings.toml"
    path.write_text("theme = \n", encoding="utf-8")

    def refuse(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "rename", refuse)
    settings = Settings.load(path)
    monkeypatch.undo()
    assert settings.was_reset and "Permission denied" in str(settings.problems[0])
    with pytest.raises(OSError):
        settings.save()
    assert path.read_text(encoding="utf-8") == "theme = \n"


def test_keys_of_a_newer_version_are_kept_on_save(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text(
        'theme = "dark"\n'
        'presenter_screen = "HDMI-1"\n'
        'recent_plans = ["atelier.toml", "café \\u0007.toml"]\n'
        'last_update = 2026-11-02T10:00:00Z\n'
        '"odd key" = 1.5\n'
        '[print]\npaper = "A4"\nmargins = [10, 12]\n', encoding="utf-8")
    settings = Settings.load(path)
    assert settings.problems == []
    settings["text_size"] = 130
    settings.save()
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert saved["theme"] == "dark" and saved["text_size"] == 130
    assert saved["presenter_screen"] == "HDMI-1"
    assert saved["recent_plans"] == ["atelier.toml", "café \x07.toml"]
    assert saved["last_update"] == datetime.datetime(2026, 11, 2, 10, tzinfo=datetime.UTC)
    assert saved["odd key"] == 1.5
    assert saved["print"] == {"paper": "A4", "margins": [10, 12]}


def test_saving_writes_a_temporary_file_flushed_to_disk_then_renames_it(tmp_path, monkeypatch):
    path = tmp_path / "settings.toml"
    Settings(path).save()
    before = path.read_bytes()
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real_fsync(fd)))

    def full_disk(*_args):
        raise OSError(28, "No space left on device")

    settings = Settings(path)
    settings["theme"] = "dark"
    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError):
        settings.save()
    # the old file is whole and no temporary is left
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == [path.name]
    assert synced  # the data was flushed before the rename


def test_an_unreadable_file_is_kept_aside_too(tmp_path, monkeypatch):
    from pathlib import Path

    path = tmp_path / "settings.toml"
    path.write_text('theme = "dark"\n', encoding="utf-8")
    real_read = Path.read_bytes

    def denied(self):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", denied)  # chmod 0 does not stop root
    settings = Settings.load(path)
    monkeypatch.undo()
    (kept,) = kept_copies(path)
    assert kept.read_text(encoding="utf-8") == 'theme = "dark"\n'
    assert settings.was_reset and kept.name in str(settings.problems[0])
    assert "Permission denied" in str(settings.problems[0])


def test_a_folder_in_place_of_the_file_is_kept_aside(tmp_path):
    path = tmp_path / "settings.toml"
    (path / "inside").mkdir(parents=True)
    settings = Settings.load(path)
    (kept,) = kept_copies(path)
    assert (kept / "inside").is_dir() and settings.was_reset
    settings.save()
    assert path.is_file()
