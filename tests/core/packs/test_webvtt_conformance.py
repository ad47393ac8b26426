"""Transcripts read as browsers read them, category by category (cases in webvtt_cases.py):
the cues kept, with their times and words; the lines `pack validate` names; and every cue found
by a search, at its start time, after pack -> index -> search."""

from __future__ import annotations

import re

import pytest
from pack_samples import REPLAYS_TOML
from webvtt_cases import CASES, CATEGORIES

from mediation_kit.core.packs import WebVTTError, load_pack, parse_webvtt
from mediation_kit.core.packs.webvtt import read_webvtt
from mediation_kit.core.search.analysis import ALL_STOP_WORDS, fold
from mediation_kit.core.search.api import SearchQuery
from mediation_kit.core.search.engine import SearchEngine
from mediation_kit.core.search.index import build_index

_ids = [f"{case.category}/{case.name}" for case in CASES]
_kept = [case for case in CASES if case.cues is not None]


def test_every_category_has_files():
    assert {case.category for case in CASES} == set(CATEGORIES)
    for category in CATEGORIES:
        assert sum(case.category == category for case in CASES) >= 3, category


@pytest.mark.parametrize("case", CASES, ids=_ids)
def test_the_cues_browsers_keep_are_the_cues_read(case):
    # Given a transcript written for one rule of the WebVTT parsing algorithm
    if case.cues is None:
        # When it is read, a file browsers refuse is refused, on its first line
        with pytest.raises(WebVTTError) as caught:
            parse_webvtt(case.text)
        assert (caught.value.line,) == case.problem_lines
        return
    # When it is read
    cues = parse_webvtt(case.text)
    # Then it has the cues a browser keeps, numbered in file order, each with its start, end and
    # text
    assert len(cues) == len(case.cues)
    for index, (cue, (start, end, text)) in enumerate(zip(cues, case.cues, strict=True)):
        assert (cue.index, cue.start, cue.end, cue.text) == (index, start, end, text)


@pytest.mark.parametrize("case", _kept, ids=[f"{c.category}/{c.name}" for c in _kept])
def test_every_dropped_or_doubtful_cue_is_named_by_its_line(case):
    transcript = read_webvtt(case.text)
    assert tuple(problem.line for problem in transcript.problems) == case.problem_lines
    assert all(problem.message for problem in transcript.problems)


# --- pack -> index -> search ----------------------------------------------------------------

# The replay of the sample pack whose transcript each case replaces: 1:05:00 long.
_REPLAY = "ouverture"


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    """One pack per case with cues, each holding the case's file as its transcript, loaded by
    the real loader and indexed together; yields (engine, {case name: loaded cues})."""
    from pack_samples import VALID_FILES

    parent = tmp_path_factory.mktemp("vtt-packs")
    packs, cues = [], {}
    for number, case in enumerate(_kept):
        pack_id = f"vtt-{number:02d}"
        files = {**VALID_FILES, "replays/ouverture.vtt": case.text,
                 "pack.toml": VALID_FILES["pack.toml"].replace('"demo-2025"', f'"{pack_id}"')}
        for name, text in files.items():
            path = parent / pack_id / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))  # as written: no newline translation
        result = load_pack(parent / pack_id)
        assert result.pack is not None, [str(p) for p in result.problems]
        [replay] = [r for r in result.pack.replays if r.id == _REPLAY]
        packs.append(result.pack)
        cues[case.name] = (pack_id, replay.cues)
    out = tmp_path_factory.mktemp("vtt-index") / "index"
    build_index(packs, out, fingerprint="webvtt-conformance")
    engine = SearchEngine(out)
    engine.raise_errors = True
    yield engine, cues
    engine.close()


def _findable_words(text: str) -> list[str]:
    return [word for word in re.findall(r"\w+", text)
            if len(word) > 1 and fold(word.lower()) not in ALL_STOP_WORDS]


@pytest.mark.parametrize("case", _kept, ids=[f"{c.category}/{c.name}" for c in _kept])
def test_each_cue_is_found_at_its_start_time(indexed, case):
    engine, loaded = indexed
    pack_id, cues = loaded[case.name]
    # Given the pack's replay, whose transcript loaded with the cues browsers keep
    assert [(c.start, c.end, c.text) for c in cues] == list(case.cues)
    for cue in cues:
        words = _findable_words(cue.text)
        if not words:
            assert cue.text == ""  # an empty cue has nothing to find
            continue
        # When the cue's words are searched
        results = engine.search(SearchQuery(" ".join(words), as_you_type=False, page_size=100))
        # Then the cue is a hit, at its start time, in its replay
        key = f"{pack_id}:cue:{_REPLAY}#{cue.index}"
        hits = {hit.key: hit for hit in results.hits}
        assert key in hits, (cue, [h.key for h in results.hits])
        assert hits[key].time == cue.start
        assert hits[key].parent_key == f"{pack_id}:replay:{_REPLAY}"


def test_the_sample_replay_the_cases_use_is_the_one_with_a_duration():
    # The past-the-end cases rely on it: "1:05:00".
    assert 'duration = "1:05:00"' in REPLAYS_TOML.split("[[replay]]")[1]
