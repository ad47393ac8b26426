"""Every kind of mistake a maintainer can make in a pack is reported with its file, its line
and what is wrong, and the rest of the pack still loads."""

from __future__ import annotations

import pytest

from mediation_kit.core.packs import load_pack

from pack_samples import KIT_TOML, PACK_TOML, REPLAYS_TOML, SUMMARY_EN, SUMMARY_FR, TRANSCRIPT


def edit(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# (name, files changed, file, line, message)
CASES = [
    # --- syntax -------------------------------------------------------------------------
    ("toml-missing-value", {"pack.toml": edit(PACK_TOML, 'version = "1.0.0"', "version =")},
     "pack.toml", 3, 'the value of "version" is missing or not valid (text must be in quotes)'),
    ("toml-unclosed-array", {"replays.toml": REPLAYS_TOML + 'themes = ["a",\n'},
     "replays.toml", None, "not valid TOML: the file ends too early"),
    ("toml-key-twice", {"kit/kit.toml": KIT_TOML + 'title = "Again"\n'},
     "kit/kit.toml", 20, 'key "title" is given twice'),
    ("toml-table-twice", {"pack.toml": PACK_TOML + "[event]\n"},
     "pack.toml", 16, "table [event] is declared twice"),
    ("toml-impossible-month", {"pack.toml": edit(PACK_TOML, "start = 2025-10-29",
                                                 "start = 2025-13-29")},
     "pack.toml", 11, "start 2025-13-29 is not a date (expected YYYY-MM-DD)"),
    ("toml-impossible-day", {"pack.toml": edit(PACK_TOML, "end = 2025-10-30", "end = 2025-02-30")},
     "pack.toml", 12, "end 2025-02-30 is not a date (expected YYYY-MM-DD)"),
    ("toml-short-time", {"summaries/ouverture.md": edit(SUMMARY_FR, "09:30:00", "9:30")},
     "summaries/ouverture.md", 6, "time 9:30 is not a time of day (expected HH:MM:SS)"),
    ("toml-unquoted-position", {"replays.toml": edit(REPLAYS_TOML, 'start = "12:30"',
                                                     "start = 12:30")},
     "replays.toml", 17, 'start 12:30 must be written in quotes: start = "12:30"'),
    ("no-front-matter", {"summaries/ouverture.md": SUMMARY_FR.replace("+++\n", "", 1)},
     "summaries/ouverture.md", 1, 'no front matter: the file must start with a line "+++"'),
    ("unclosed-front-matter", {"summaries/ouverture-en.md": SUMMARY_EN.replace(
        "+++\nSummary", "Summary")},
     "summaries/ouverture-en.md", 1, "the front matter opened on line 1 is never closed"),
    # --- required keys and types -------------------------------------------------------
    ("missing-summary-title", {"summaries/ouverture-en.md": edit(SUMMARY_EN,
                                                                 'title = "Opening"\n', "")},
     "summaries/ouverture-en.md", None, 'missing required key "title"'),
    ("missing-replay-title", {"replays.toml": edit(REPLAYS_TOML, 'title = "Atelier"\n', "")},
     "replays.toml", 20, 'missing required key "title" in [[replay]] "atelier"'),
    ("missing-event-city", {"pack.toml": edit(PACK_TOML, 'city = "Strasbourg"\n', "")},
     "pack.toml", 8, 'missing required key "city" in [event]'),
    ("text-instead-of-list", {"summaries/ouverture.md": edit(SUMMARY_FR, 'themes = ["espoir"]',
                                                             'themes = "espoir"')},
     "summaries/ouverture.md", 12, '"themes" must be a list of texts, not text'),
    ("number-instead-of-text", {"kit/kit.toml": edit(KIT_TOML, 'title = "Affiche"',
                                                     "title = 2025")},
     "kit/kit.toml", 5, '"title" in [[asset]] "affiche" must be text, not a number'),
    ("text-instead-of-people", {"replays.toml": edit(REPLAYS_TOML,
                                                     'speakers = [{ name = "Jean Cattan" }]',
                                                     'speakers = "Jean Cattan"')},
     "replays.toml", 7, '"speakers" in [[replay]] "ouverture" must be a list of people'),
    ("format-as-text", {"pack.toml": edit(PACK_TOML, "format = 1", 'format = "1"')},
     "pack.toml", 1, '"format" must be a whole number, not text'),
    ("empty-title", {"replays.toml": edit(REPLAYS_TOML, 'title = "Atelier"', 'title = ""')},
     "replays.toml", 22, '"title" in [[replay]] "atelier" is empty'),
    ("bad-id", {"kit/kit.toml": edit(KIT_TOML, 'id = "affiche"', 'id = "Affiche 2025"')},
     "kit/kit.toml", 2, 'id "Affiche 2025" in [[asset]] "Affiche 2025" is not valid: use '
                        'lower-case letters, digits and "-"'),
    # --- dates, times, positions -------------------------------------------------------
    ("quoted-bad-date", {"summaries/ouverture.md": edit(SUMMARY_FR, "date = 2025-10-29",
                                                        'date = "2025-13-29"')},
     "summaries/ouverture.md", 5, 'date "2025-13-29" is not a date (expected YYYY-MM-DD)'),
    ("quoted-good-date", {"kit/kit.toml": edit(KIT_TOML, "date = 2025-10-29",
                                               'date = "2025-10-29"')},
     "kit/kit.toml", 11, 'date "2025-10-29" in [[asset]] "affiche" is written as text: '
                         "remove the quotes (date = 2025-10-29)"),
    ("quoted-time", {"summaries/ouverture.md": edit(SUMMARY_FR, "time = 09:30:00",
                                                    'time = "9h30"')},
     "summaries/ouverture.md", 6, 'time "9h30" is not a time of day'),
    ("bad-duration", {"replays.toml": edit(REPLAYS_TOML, '"1:05:00"', '"1h05"')},
     "replays.toml", 8, 'duration "1h05" in [[replay]] "ouverture" is not a position in a '
                        "video (expected M:SS or H:MM:SS)"),
    ("bad-chapter-start", {"replays.toml": edit(REPLAYS_TOML, '"12:30"', '"12:75"')},
     "replays.toml", 17, 'start "12:75" in chapter 2 in [[replay]] "ouverture" is not a '
                         "position in a video"),
    ("chapters-out-of-order", {"replays.toml": edit(REPLAYS_TOML, 'start = "0:00"',
                                                    'start = "20:00"')},
     "replays.toml", 17, 'chapter 2 in [[replay]] "ouverture" starts before the chapter above'),
    ("event-ends-before-start", {"pack.toml": edit(PACK_TOML, "end = 2025-10-30",
                                                   "end = 2025-10-28")},
     "pack.toml", 12, "the event ends (2025-10-28) before it starts (2025-10-29)"),
    # --- unknown keys ------------------------------------------------------------------
    ("unknown-key-replay", {"replays.toml": edit(REPLAYS_TOML, "speakers = [", "speaker = [")},
     "replays.toml", 7, 'unknown key "speaker" in [[replay]] "ouverture" (did you mean '
                        '"speakers"?)'),
    ("unknown-key-pack", {"pack.toml": edit(PACK_TOML, "licence =", "license =")},
     "pack.toml", 5, 'unknown key "license" (did you mean "licence"?)'),
    ("unknown-key-event", {"pack.toml": PACK_TOML + 'organizers = ["x"]\n'},
     "pack.toml", 16, 'unknown key "organizers" in [event] (did you mean "organisers"?)'),
    ("unknown-key-no-hint", {"summaries/ouverture-en.md": edit(SUMMARY_EN, "+++\nSummary",
                                                               'zzz = 1\n+++\nSummary')},
     "summaries/ouverture-en.md", 8, 'unknown key "zzz"'),
    ("unknown-key-chapter", {"replays.toml": edit(REPLAYS_TOML, 'title = "Accueil"',
                                                  'titel = "Accueil"')},
     "replays.toml", 14, 'unknown key "titel" in chapter 1 in [[replay]] "ouverture" (did you '
                         'mean "title"?)'),
    ("unknown-key-speaker", {"summaries/ouverture.md": edit(SUMMARY_FR, '{ name = "Jean Cattan" }',
                                                            '{ nme = "Jean Cattan" }')},
     "summaries/ouverture.md", 8, 'unknown key "nme" in speakers 1 (did you mean "name"?)'),
    ("unknown-array", {"kit/kit.toml": KIT_TOML.replace("[[asset]]", "[[assets]]")},
     "kit/kit.toml", 1, 'unknown key "assets" (did you mean "asset"?)'),
    ("bad-url", {"replays.toml": REPLAYS_TOML + 'url = "www.example.org/replay"\n'},
     "replays.toml", 25, 'url "www.example.org/replay" in [[replay]] "atelier" is not a web '
                         "address (expected https://…)"),
    ("press-text-not-markdown", {"kit/kit.toml": edit(KIT_TOML, '"communique.md"',
                                                      '"affiche.svg"')},
     "kit/kit.toml", 16, 'file "affiche.svg" in [[asset]] "communique": a press text must be a '
                         "Markdown file (.md)"),
    # --- ids and references ------------------------------------------------------------
    ("session-typo", {"kit/kit.toml": edit(KIT_TOML, 'session = "ouverture"',
                                           'session = "ouvertur"')},
     "kit/kit.toml", 10, 'session "ouvertur" in [[asset]] "affiche" is the session of no '
                         'summary (did you mean "ouverture"?)'),
    ("duplicate-summary-id", {"summaries/zz-copy.md": SUMMARY_EN},
     "summaries/zz-copy.md", 2, 'duplicate id "ouverture-en": '
                                "demo-2025/summaries/ouverture-en.md already uses it"),
    ("duplicate-replay-id", {"replays.toml": edit(REPLAYS_TOML, 'id = "atelier"',
                                                  'id = "ouverture"')},
     "replays.toml", 21, 'duplicate id "ouverture": replay on line 2 already uses it'),
    ("duplicate-asset-id", {"kit/kit.toml": edit(KIT_TOML, 'id = "communique"',
                                                 'id = "affiche"')},
     "kit/kit.toml", 14, 'duplicate id "affiche": asset on line 2 already uses it'),
    ("missing-transcript", {"replays/ouverture.vtt": None},
     "replays.toml", 9, 'transcript "replays/ouverture.vtt" in [[replay]] "ouverture": no such '
                        "file (demo-2025/replays/ouverture.vtt)"),
    ("missing-kit-file", {"kit/affiche.svg": None},
     "kit/kit.toml", 4, 'file "affiche.svg" in [[asset]] "affiche": no such file'),
    ("file-outside-pack", {"kit/kit.toml": edit(KIT_TOML, '"affiche.svg"', '"../../x.svg"')},
     "kit/kit.toml", 4, 'file "../../x.svg" in [[asset]] "affiche" is outside the pack folder'),
    ("video-with-folder", {"replays.toml": edit(REPLAYS_TOML, '"demo-ouverture.mp4"',
                                                '"videos/demo.mp4"')},
     "replays.toml", 10, 'video "videos/demo.mp4" in [[replay]] "ouverture" must be a file '
                         "name, without a folder"),
    ("translation-unknown", {"summaries/ouverture-en.md": edit(SUMMARY_EN, 'translation = '
                                                               '"ouverture"',
                                                               'translation = "ouvertur"')},
     "summaries/ouverture-en.md", 7, 'translation "ouvertur" is not the id of a summary of '
                                     'this pack (did you mean "ouverture"?)'),
    ("translation-same-language", {"summaries/ouverture-en.md": edit(SUMMARY_EN, 'language = '
                                                                     '"en"', 'language = "fr"')},
     "summaries/ouverture-en.md", 7, 'translation "ouverture" is in the same language (fr)'),
    ("translation-not-back", {"summaries/ouverture.md": edit(
        SUMMARY_FR, 'translation = "ouverture-en"\n', ""), "summaries/other-en.md": None},
     "summaries/ouverture-en.md", 7, 'translation "ouverture" does not point back: add '
                                     'translation = "ouverture-en" to it'),
    ("unknown-kind", {"kit/kit.toml": edit(KIT_TOML, 'kind = "poster"', 'kind = "postr"')},
     "kit/kit.toml", 3, 'unknown kind "postr" in [[asset]] "affiche": expected one of photo, '
                        'logo, poster, visual, press-text, social-template, programme (did you '
                        'mean "poster"?)'),
    ("undeclared-language", {"replays.toml": edit(REPLAYS_TOML, 'language = "en"',
                                                  'language = "de"')},
     "replays.toml", 24, 'language "de" in [[replay]] "atelier" is not one of the pack\'s '
                         "languages (fr, en)"),
    ("bad-language-code", {"pack.toml": edit(PACK_TOML, '["fr", "en"]', '["fr", "en", "English"]')},
     "pack.toml", 4, '"English" is not a language code such as "fr" or "en"'),
    # --- transcripts -------------------------------------------------------------------
    ("vtt-no-header", {"replays/ouverture.vtt": TRANSCRIPT.replace("WEBVTT", "WEBVTT-ish")},
     "replays/ouverture.vtt", 1, 'the first line must be "WEBVTT"'),
    ("vtt-bad-time", {"replays/ouverture.vtt": edit(TRANSCRIPT, "00:01:02.000", "00:1:02.000")},
     "replays/ouverture.vtt", 10, '"00:1:02.000" is not a WebVTT time'),
    ("vtt-no-timing", {"replays/ouverture.vtt": edit(TRANSCRIPT, "00:01:02.000 --> 00:01:07.500 "
                                                     "align:start\n", "")},
     "replays/ouverture.vtt", 10, "expected a cue timing line"),
    ("vtt-ends-before-start", {"replays/ouverture.vtt": edit(TRANSCRIPT, "--> 00:00:04.500",
                                                             "--> 00:00:00.500")},
     "replays/ouverture.vtt", 6, "the cue ends before it starts"),
    # --- the pack itself ---------------------------------------------------------------
    ("id-not-folder", {"pack.toml": edit(PACK_TOML, 'id = "demo-2025"', 'id = "demo-2024"')},
     "pack.toml", 2, 'id "demo-2024" is not the name of the pack\'s folder "demo-2025"'),
]


@pytest.mark.parametrize(("changes", "file", "line", "message"),
                         [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_each_mistake_is_reported_with_file_line_and_words(make_pack, changes, file, line,
                                                           message):
    # Given a valid pack with one mistake
    root = make_pack(changes)
    # When it is loaded
    result = load_pack(root)
    # Then exactly one problem names the file, the line and what is wrong
    assert len(result.problems) == 1, [str(p) for p in result.problems]
    problem = result.problems[0]
    assert problem.file == f"demo-2025/{file}"
    assert problem.line == line
    assert message in problem.message
    where = f"demo-2025/{file}" + ("" if line is None else f", line {line}")
    assert str(problem).startswith(where + ": ")


def test_the_message_of_the_format_reads_as_documented(make_pack):
    root = make_pack({"summaries/ouverture.md": edit(SUMMARY_FR, "date = 2025-10-29",
                                                     'date = "2025-13-29"')})
    [problem] = load_pack(root).problems
    assert str(problem) == ('demo-2025/summaries/ouverture.md, line 5: '
                            'date "2025-13-29" is not a date (expected YYYY-MM-DD)')


def test_a_newer_format_is_refused_with_a_message(make_pack):
    result = load_pack(make_pack({"pack.toml": edit(PACK_TOML, "format = 1", "format = 2")}))
    assert result.pack is None
    [problem] = result.problems
    assert (problem.file, problem.line) == ("demo-2025/pack.toml", 1)
    assert "format 2 is newer than this version of Mediation Kit reads (up to 1)" in str(problem)


def test_a_folder_without_pack_toml_is_not_a_pack(make_pack):
    result = load_pack(make_pack({"pack.toml": None}))
    assert result.pack is None
    assert [str(p) for p in result.problems] == [
        "demo-2025/pack.toml: missing: a pack folder must contain a pack.toml file"]


def test_a_broken_pack_toml_leaves_no_pack(make_pack):
    result = load_pack(make_pack({"pack.toml": edit(PACK_TOML, "start = 2025-10-29\n", "")}))
    assert result.pack is None
    assert [p.message for p in result.problems] == ['missing required key "start" in [event]']


def test_every_problem_is_reported_not_just_the_first(make_pack):
    # Given a pack with mistakes in three files
    root = make_pack({
        "summaries/ouverture.md": edit(edit(SUMMARY_FR, 'language = "fr"', 'language = "de"'),
                                       'themes = ["espoir"]', 'themes = "espoir"'),
        "replays.toml": edit(REPLAYS_TOML, "speakers = [", "speaker = ["),
        "kit/kit.toml": edit(KIT_TOML, 'kind = "press-text"', 'kind = "flyer"'),
    })
    # When it is loaded
    result = load_pack(root)
    # Then each mistake is reported once, sorted by file and line (the English summary, whose
    # translation is the dropped French one, is not blamed for it)
    assert [(p.file.split("/", 1)[1], p.line) for p in result.problems] == [
        ("kit/kit.toml", 15),
        ("replays.toml", 7),
        ("summaries/ouverture.md", 7),
        ("summaries/ouverture.md", 12),
    ]


def test_wrong_records_are_left_out_and_the_rest_loads(make_pack):
    # Given a pack whose kit asset has an unknown kind and whose replay has a broken transcript
    root = make_pack({
        "kit/kit.toml": edit(KIT_TOML, 'kind = "poster"', 'kind = "postr"'),
        "replays/ouverture.vtt": "not webvtt\n",
    })
    # When it is loaded
    result = load_pack(root)
    # Then the asset is left out, the replay stays without its transcript
    assert [asset.id for asset in result.pack.kit] == ["communique"]
    replay = result.pack.replays[0]
    assert replay.id == "ouverture" and replay.transcript_file is None and replay.cues == ()
    assert len(result.problems) == 2


def test_a_broken_optional_file_does_not_lose_the_pack(make_pack):
    result = load_pack(make_pack({"replays.toml": "[[replay]\n"}))
    assert result.pack is not None
    assert result.pack.replays == ()
    assert len(result.pack.summaries) == 2
    [problem] = result.problems
    assert (problem.file, problem.line) == ("demo-2025/replays.toml", 1)


def test_text_that_is_not_utf8_is_reported(make_pack):
    root = make_pack()
    (root / "summaries" / "ouverture-en.md").write_bytes(b"+++\nid = \"x\xe9\"\n+++\n")
    [problem] = [p for p in load_pack(root).problems if "ouverture-en" in p.file]
    assert problem.line is None
    assert "not UTF-8 text" in problem.message
