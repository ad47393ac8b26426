"""Positions in a video and WebVTT transcripts, as maintainers write them by hand."""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from mediation_kit.core.packs import WebVTTError, parse_timestamp, parse_webvtt
from mediation_kit.core.packs.webvtt import cue_text, read_webvtt


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


def test_the_transcript_example_of_the_pack_format_reads_without_a_problem():
    from pathlib import Path

    readme = (Path(__file__).parents[3] / "resources" / "README.md").read_text(encoding="utf-8")
    example = readme.split("### Transcripts", 1)[1].split("```", 2)[1].lstrip("\n")
    transcript = read_webvtt(example)
    assert transcript.problems == ()
    assert [(c.start, c.text) for c in transcript.cues] == [
        (1.0, "Bonjour à toutes et à tous."), (62.0, "Les communs & la médiation.")]


def _spec_timestamp(text: str) -> tuple[int, int] | None:
    """"Collect a WebVTT timestamp" step by step as the W3C text writes it: (milliseconds, the
    position after it), or None for an error. A reference for the kit's shorter reader."""
    position = 0

    def collect_digits() -> str:
        nonlocal position
        start = position
        while position < len(text) and text[position] in "0123456789":
            position += 1
        return text[start:position]

    if position >= len(text) or text[position] not in "0123456789":
        return None
    string = collect_digits()
    value1 = int(string)
    hours = len(string) != 2 or value1 > 59
    if position >= len(text) or text[position] != ":":
        return None
    position += 1
    string = collect_digits()
    if len(string) != 2:
        return None
    value2 = int(string)
    if hours or (position < len(text) and text[position] == ":"):
        if position >= len(text) or text[position] != ":":
            return None
        position += 1
        string = collect_digits()
        if len(string) != 2:
            return None
        value3 = int(string)
    else:
        value1, value2, value3 = 0, value1, value2
    if position >= len(text) or text[position] != ".":
        return None
    position += 1
    string = collect_digits()
    if len(string) != 3:
        return None
    if value2 > 59 or value3 > 59:
        return None
    return ((value1 * 60 + value2) * 60 + value3) * 1000 + int(string), position


_timestamps = st.one_of(
    st.text(alphabet="0123456789:.,", max_size=16),
    st.from_regex(r"[0-9]{1,4}:[0-9]{1,3}(:[0-9]{1,3})?\.[0-9]{2,4}", fullmatch=True))


@settings(deadline=None, max_examples=400)
@given(_timestamps)
@example("59:59.999")
@example("60:00.000")
@example("00:60.000")
@example("59:00:00.000")
@example("0:00:00.000")
@example("00:00:00.0000")
@example("1:2:03.000")
def test_start_times_are_read_as_the_w3c_steps_read_them(written):
    # Given a cue whose start time is anything made of digits, colons, dots and commas
    text = f"WEBVTT\n\n{written} --> 00:00:00.000\nx\n"
    # When the transcript is read
    cues = parse_webvtt(text)
    # Then the cue is kept exactly when the W3C steps read the whole time, at their value
    expected = _spec_timestamp(written)
    if expected is None or expected[1] != len(written):
        assert cues == []
    else:
        assert [cue.start for cue in cues] == [expected[0] / 1000]


def _spec_cues(text: str) -> list[tuple[float, float, str]] | None:
    """"WebVTT parser algorithm" and "collect a WebVTT block" on character positions, as the
    W3C text writes them (cue settings and style sheets are not kept): the cues' start, end and
    raw text, or None when the file is refused."""
    text = text.replace("\0", "\ufffd").replace("\r\n", "\n").replace("\r", "\n")
    if len(text) < 6 or text[:6] != "WEBVTT" or (len(text) > 6 and text[6] not in " \t\n"):
        return None
    state = {"position": 0, "seen_cue": False}
    cues: list[tuple[float, float, str]] = []

    def collect(predicate) -> str:
        start = state["position"]
        while state["position"] < len(text) and predicate(text[state["position"]]):
            state["position"] += 1
        return text[start:state["position"]]

    def timings(line: str) -> tuple[float, float] | None:
        spaces = " \t\n\x0c\r"
        at = len(line) - len(line.lstrip(spaces))
        start = _spec_timestamp_in(line, at)
        if start is None:
            return None
        at = start[1] + len(line[start[1]:]) - len(line[start[1]:].lstrip(spaces))
        if not line.startswith("-->", at):
            return None
        at += 3
        at += len(line[at:]) - len(line[at:].lstrip(spaces))
        end = _spec_timestamp_in(line, at)
        return None if end is None else (start[0] / 1000, end[0] / 1000)

    def block(in_header: bool) -> None:
        line_count, previous, buffer = 0, state["position"], ""
        seen_eof = seen_arrow = False
        cue = None
        while True:
            line = collect(lambda c: c != "\n")
            line_count += 1
            if state["position"] >= len(text):
                seen_eof = True
            else:
                state["position"] += 1
            if "-->" in line:
                if not in_header and (line_count == 1 or (line_count == 2 and not seen_arrow)):
                    seen_arrow = True
                    previous = state["position"]
                    cue = timings(line)
                    if cue is not None:
                        buffer = ""
                        state["seen_cue"] = True
                else:
                    state["position"] = previous
                    break
            elif line == "":
                break
            else:
                if (not in_header and line_count == 2 and not state["seen_cue"]
                        and (buffer.startswith("STYLE") or buffer.startswith("REGION"))
                        and buffer[6 if buffer.startswith("REGION") else 5:].strip(
                            " \t\n\x0c\r") == ""):
                    buffer = ""
                if buffer:
                    buffer += "\n"
                buffer += line
                previous = state["position"]
            if seen_eof:
                break
        if cue is not None:
            cues.append((*cue, buffer))

    collect(lambda c: c != "\n")
    if state["position"] >= len(text):
        return cues
    state["position"] += 1
    if state["position"] >= len(text):
        return cues
    if text[state["position"]] != "\n":
        block(in_header=True)
    else:
        state["position"] += 1
    collect(lambda c: c == "\n")
    while state["position"] < len(text):
        block(in_header=False)
        collect(lambda c: c == "\n")
    return cues


def _spec_timestamp_in(line: str, at: int) -> tuple[int, int] | None:
    found = _spec_timestamp(line[at:])
    return None if found is None else (found[0], at + found[1])


_pieces = st.sampled_from([
    "WEBVTT", "", "", "00:01.000 --> 00:02.000", "00:03.000 --> 00:01.000 align:start",
    "1:00:00.000-->1:00:01.000", "00:00:60.000 --> 00:01:00.000", "a --> b", "-->", "NOTE",
    "NOTE x", "STYLE", "STYLE ", "REGION", "id", "texte", "<i>mot</i> &amp;", "\u2028", "\x0c",
])
_line_ends = st.sampled_from(["\n", "\r", "\r\n"])


@settings(deadline=None, max_examples=300)
@given(st.lists(st.tuples(_pieces, _line_ends), max_size=14), st.booleans())
def test_any_file_of_these_lines_reads_as_the_w3c_algorithm_reads_it(lines, signed):
    # Given a file made of lines that exercise the block rules, with any line ends
    text = ("WEBVTT\n" if signed else "") + "".join(line + end for line, end in lines)
    # When it is read by the kit and by the algorithm as written
    expected = _spec_cues(text)
    # Then both refuse it, or both keep the same cues with the same times and words
    if expected is None:
        with pytest.raises(WebVTTError):
            parse_webvtt(text)
        return
    assert [(c.start, c.end, c.text) for c in parse_webvtt(text)] == [
        (start, end, cue_text(raw)) for start, end, raw in expected]
