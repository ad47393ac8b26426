"""The settings file: defaults, round trip, bad values named, written atomically."""

from mediation_kit.core.settings import OPTIONS, Settings


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
    assert str(path) in settings.problems[0] and "theme" in settings.problems[0]
    path.write_text("theme = \n", encoding="utf-8")
    broken = Settings.load(path)
    assert broken["theme"] == "light"
    assert str(path) in broken.problems[0]
