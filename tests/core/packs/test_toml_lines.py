"""Finding the line of a key, since tomllib does not give it."""

from mediation_kit.core.packs.toml_lines import KeyLines

TEXT = '''\
format = 1
id = "demo"   # a comment with key = value
description = """
fake = "inside a multi-line string"
"""

[event]
name = "Démo"
"quoted key" = 1
site.url = "x"

[[replay]]
id = "a"

[[replay.chapters]]
start = "0:00"

[[replay]]
id = "b"
title = "B"

[[replay.chapters]]
start = "0:00"

[[replay.chapters]]
  start = "1:00"
'''


def test_top_level_and_table_keys():
    lines = KeyLines(TEXT)
    assert lines.key((), "format") == 1
    assert lines.key((), "id") == 2
    assert lines.key(("event",), "name") == 8
    assert lines.key(("event",), "quoted key") == 9
    assert lines.key(("event", "site"), "url") == 10


def test_keys_inside_multi_line_strings_are_not_keys():
    lines = KeyLines(TEXT)
    assert lines.key((), "description") == 3
    assert lines.key((), "fake") is None


def test_arrays_of_tables_are_counted_per_parent():
    lines = KeyLines(TEXT)
    assert lines.key(("replay", 0), "id") == 13
    assert lines.key(("replay", 1), "id") == 19
    assert lines.key(("replay", 0, "chapters", 0), "start") == 16
    assert lines.key(("replay", 1, "chapters", 0), "start") == 23
    assert lines.key(("replay", 1, "chapters", 1), "start") == 26


def test_an_unknown_key_falls_back_to_its_table_header():
    lines = KeyLines(TEXT)
    assert lines.key(("replay", 1), "speakers") == 18
    assert lines.table(("event",)) == 7
    assert lines.key((), "replay") == 12  # the first [[replay]] header
    assert lines.key((), "nothing") is None


def test_front_matter_counts_from_its_first_line():
    assert KeyLines('id = "x"\ntitle = "y"\n', first_line=2).key((), "title") == 3
