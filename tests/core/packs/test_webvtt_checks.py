"""`pack validate` on transcripts: every dropped cue named with its file and line, and cues
that browsers keep but that look wrong (out of order, overlapping, past the end of the video,
hours in the billions) named too, without losing them."""

from __future__ import annotations

import pytest
from pack_samples import REPLAYS_TOML

from mediation_kit.__main__ import main
from mediation_kit.core.packs import load_pack

VTT = "replays/ouverture.vtt"
FILE = f"demo-2025/{VTT}"


def _load(make_pack, transcript: str, replays: str = REPLAYS_TOML):
    result = load_pack(make_pack({VTT: transcript, "replays.toml": replays}))
    [replay] = [r for r in result.pack.replays if r.id == "ouverture"]
    transcript_problems = [p for p in result.problems if p.file == FILE]
    assert len(transcript_problems) == len(result.problems), [str(p) for p in result.problems]
    return replay, transcript_problems


@pytest.mark.parametrize(("transcript", "line", "message"), [
    ("WEBVTT\n\n00:00:10.000 --> 00:00:12.000\nb\n\n00:00:05.000 --> 00:00:06.000\na\n", 6,
     "the cue starts at 00:00:05.000, before the cue above it (00:00:10.000): cues should be "
     "in time order (the cue is kept)"),
    ("WEBVTT\n\n00:00:01.000 --> 00:00:08.000\na\n\n00:00:05.000 --> 00:00:09.000\nb\n", 6,
     "the cue starts at 00:00:05.000, before the cue above it ends (00:00:08.000): the two "
     "overlap (both are kept)"),
    ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\na\n\n01:10:00.000 --> 01:10:05.000\nb\n", 6,
     "the cue starts at 01:10:00.000, after the end of the replay (1:05:00): the video cannot "
     "be opened there (the cue is kept)"),
    ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\na\n\n01:04:59.000 --> 1000000000:00:00.000\nb\n",
     6, "the cue ends at 1000000000:00:00.000, well after the end of the replay (1:05:00): is "
        "the time mistyped? (the cue is kept)"),
    ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\na\n\n01:04:59.000 --> 01:05:30.000\nb\n",
     None, None),
    ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\na\n\n00:00:03.000 --> 00:00:01.000\nb\n", 6,
     "the cue ends before it starts (00:00:03.000 --> 00:00:01.000): browsers keep it but "
     "never show it"),
])
def test_a_doubtful_cue_is_named_and_kept(make_pack, transcript, line, message):
    # Given a replay of 1:05:00 whose transcript has one doubtful cue (line None: a last cue
    # that runs on half a minute after the end, which is fine)
    # When the pack is loaded
    replay, problems = _load(make_pack, transcript)
    # Then the cue is named, on its line, with what is wrong, and both cues are kept
    assert [(p.line, p.message) for p in problems] == ([] if line is None else [(line, message)])
    assert sorted(cue.text for cue in replay.cues) == ["a", "b"]


def test_hours_in_the_billions_are_named_when_the_length_is_unknown(make_pack):
    # Given a replay without a duration, and a cue a billion hours in
    replays = REPLAYS_TOML.replace('duration = "1:05:00"\n', "")
    transcript = ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\na\n\n"
                  "1000000000:00:00.000 --> 1000000000:00:01.000\nb\n")
    # When the pack is loaded
    replay, problems = _load(make_pack, transcript, replays)
    # Then the cue is kept where a browser keeps it, and named as most likely mistyped
    assert replay.duration is None
    assert [(c.start, c.text) for c in replay.cues] == [(1.0, "a"), (3_600_000_000_000.0, "b")]
    assert [(p.line, p.message) for p in problems] == [(
        6, "the cue reaches 1000000000:00:01.000, more than a day into the video: is the hour "
           "mistyped? (the cue is kept)")]


def test_a_long_replay_within_its_duration_is_fine(make_pack):
    replays = REPLAYS_TOML.replace('duration = "1:05:00"', 'duration = "30:00:00"')
    transcript = "WEBVTT\n\n29:00:00.000 --> 29:00:05.000\nla fin d'une longue nuit\n"
    replay, problems = _load(make_pack, transcript, replays)
    assert problems == []
    assert replay.cues[0].start == 29 * 3600


def test_validate_names_every_dropped_cue_with_file_and_line(make_pack, capsys):
    # Given a transcript with three cues browsers drop among good ones
    transcript = (
        "WEBVTT\n\n"
        "00:00:01.000 --> 00:00:02.000\nbonjour\n\n"       # 3
        "00:00:60.000 --> 00:00:61.000\nsoixante\n\n"     # 6: dropped
        "00:00:03,000 --> 00:00:04,000\nvirgule\n\n"      # 9: dropped
        "du texte sans minutage\n\n"                      # 12: skipped
        "00:00:05.000 --> 00:00:06.000\nau revoir\n")     # 14
    root = make_pack({VTT: transcript})
    # When the pack is validated
    code = main(["pack", "validate", str(root)])
    out = capsys.readouterr().out.splitlines()
    # Then each is printed with the pack, the file and its line, then counted; exit 1
    assert code == 1
    assert out[0].startswith(f"{FILE}, line 6: this cue is left out, as browsers leave it out: "
                             '"00:00:60.000" is not a WebVTT time')
    assert out[1].startswith(f"{FILE}, line 9: this cue is left out, as browsers leave it out: "
                             '"00:00:03,000" is not a WebVTT time')
    assert out[2].startswith(f"{FILE}, line 12: expected a cue timing line")
    assert out[3] == "3 problems in 1 pack"
    assert len(out) == 4
    # ...and the good cues still load
    replay = [r for r in load_pack(root).pack.replays if r.id == "ouverture"][0]
    assert [(c.start, c.text) for c in replay.cues] == [(1.0, "bonjour"), (5.0, "au revoir")]


def test_a_file_that_is_not_webvtt_loses_only_its_transcript(make_pack):
    result = load_pack(make_pack({VTT: "WEBVTTX\n\n00:00:01.000 --> 00:00:02.000\nnon\n"}))
    [problem] = result.problems
    assert (problem.file, problem.line) == (FILE, 1)
    assert 'the first line must be "WEBVTT"' in problem.message
    replay = [r for r in result.pack.replays if r.id == "ouverture"][0]
    assert replay.transcript_file is None and replay.cues == ()
    assert len(result.pack.summaries) == 2
