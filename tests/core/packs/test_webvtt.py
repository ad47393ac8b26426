"""Positions in a video and WebVTT transcripts, as maintainers write them by hand."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mediation_kit.core.packs import WebVTTError, parse_timestamp, parse_webvtt
from mediation_kit.core.packs.webvtt import read_webvtt


@pytest.mark.parametrize(("text", "seconds"), [
    ("0:00", 0.0), ("2:30", 150.0), ("12:05", 725.0), ("1:05:00", 3900.0),
    ("10:00:01", 36001.0), ("0:01.5", 1.5), (" 75:00 ", 4500.0),
])
def test_positions_read_as_seconds(text, seconds):
    assert parse_timestamp(text) == seconds


@pytest.mark.parametrize("text", ["", "90", "1:5", "1:60", "1:60:00", "1h05", "-1:00", "a:bc"])
def test_other_text_is_not_a_position(text):
    with pytest.raises(ValueError, match="is not a position in a video"):
        parse_timestamp(text)


def test_cues_have_times_and_plain_text():
    # Given a transcript with a header, a note, a style block, identifiers and settings
    text = (
        "\ufeffWEBVTT - Plénière\nKind: captions\n\n"
        "STYLE\n::cue { color: white }\n\n"
        "NOTE\nrelu par l'équipe\n\n"
        "intro\n00:00.000 --> 00:04.250\n<v Jean Cattan>Bonjour</v> <i>à tous</i>\n\n"
        "01:02:03.500 --> 01:02:07.000 position:10% align:start\nLes communs\n&amp; la suite\n"
    )
    # When it is parsed
    cues = parse_webvtt(text)
    # Then each cue has its position, start and end in seconds, and its text without tags
    assert [(c.index, c.start, c.end, c.text) for c in cues] == [
        (0, 0.0, 4.25, "Bonjour à tous"),
        (1, 3723.5, 3727.0, "Les communs & la suite"),
    ]


def test_windows_line_ends_and_a_header_alone_are_fine():
    assert parse_webvtt("WEBVTT\r\n") == []
    [cue] = parse_webvtt("WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nOui\r\n")
    assert (cue.start, cue.text) == (1.0, "Oui")


@pytest.mark.parametrize("text", ["", "WEBVTTX\n", "webvtt\n", " WEBVTT\n", "WEBVT"])
def test_a_file_that_is_not_webvtt_is_refused_whole(text):
    with pytest.raises(WebVTTError) as caught:
        parse_webvtt(text)
    assert caught.value.line == 1
    assert 'the first line must be "WEBVTT"' in caught.value.reason
    assert str(caught.value).startswith("line 1: ")
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(("text", "line", "reason"), [
    ("WEBVTT\n\n00:01.000 -> 00:02.000\nx\n", 3, "expected a cue timing line"),
    ("WEBVTT\n\nid\nno timing here\n", 3, "expected a cue timing line"),
    ("WEBVTT\n\n1:02.000 --> 1:03.000\ny\n", 3, '"1:02.000" is not a WebVTT time'),
    ("WEBVTT\n\n00:01.000 --> 00:61.000\nx\n", 3,
     '"00:61.000" is not a WebVTT time: minutes and seconds go from 00 to 59'),
    ("WEBVTT\n\n00:01.000 x --> 00:02.000\nx\n", 3, 'expected "-->" after the start time'),
    ("WEBVTT\n\n00:01.000 -->\nx\n", 3, 'a time is missing before or after "-->"'),
    ("WEBVTT\n\n" + "9" * 5000 + ":00:00.000 --> 00:01.000\nx\n", 3,
     "is too far to be a time in a video"),
    ("WEBVTT\n\n3000000000000:00:00.000 --> 00:01.000\nx\n", 3,
     "is too far to be a time in a video"),
    ("WEBVTT\n\n00:01.000 --> 00:02.000\nOui\n\nSTYLE\n::cue {}\n", 6,
     "a STYLE block after the first cue: browsers ignore it"),
    ("WEBVTT\n\n00:01.000 --> 00:02.000\nOui\n\nREGION\nid:r\n", 6,
     "a REGION block after the first cue: browsers ignore it"),
    ("WEBVTT\n\n00:01.000 --> 00:02.000\nvote\nA --> B\n", 5,
     'a line containing "-->" starts a new cue, even in the text of a cue'),
])
def test_a_bad_block_is_left_out_and_named_by_its_line(text, line, reason):
    # Given a transcript with one bad block (and no other cue, or one good one)
    # When it is read
    transcript = read_webvtt(text)
    # Then the bad block is named on its line, and nothing else is wrong
    assert [(p.line, reason in p.message) for p in transcript.problems] == [(line, True)]
    assert all(cue.text in ("Oui", "vote") for cue in transcript.cues)


def test_cue_lines_are_the_lines_of_their_timings():
    transcript = read_webvtt("WEBVTT\n\nid\n00:01.000 --> 00:02.000\na\n\n"
                             "00:03.000 --> 00:04.000\nb\n")
    assert transcript.cue_lines == (4, 7)


def test_a_line_of_a_million_characters_is_read_in_one_piece():
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\n" + "mot " * 250_000 + "\n"
    [cue] = parse_webvtt(text)
    assert len(cue.text.split()) == 250_000


def _vtt_time(seconds_ms: int) -> str:
    hours, rest = divmod(seconds_ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


_words = st.text(alphabet=st.characters(categories=("L", "N"), include_characters=" ,.'"),
                 min_size=1, max_size=30).map(str.strip).filter(bool)


@settings(deadline=None, max_examples=60)  # no timing: 2 shared CPU cores
@given(st.lists(st.tuples(st.integers(0, 20_000_000), st.integers(0, 60_000), _words),
                max_size=8))
def test_written_cues_read_back(cues):
    # Given cues written out as WebVTT
    text = "WEBVTT\n\n" + "\n".join(
        f"{_vtt_time(start)} --> {_vtt_time(start + length)}\n{words}\n"
        for start, length, words in cues)
    # When the file is parsed
    parsed = parse_webvtt(text)
    # Then each cue comes back with its times and text (a run of spaces reads as one)
    assert [(c.start, c.end, c.text) for c in parsed] == [
        (start / 1000, (start + length) / 1000, " ".join(words.split()))
        for start, length, words in cues]
