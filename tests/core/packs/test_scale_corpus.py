"""bench/scale_corpus.py writes packs in the documented format that the kit loads without a
problem, the same bytes for the same size, inside the pack limits."""

from __future__ import annotations

import sys
from pathlib import Path

from mediation_kit.core.packs import load_packs
from mediation_kit.core.packs.limits import MAX_PACK_FILES, MAX_TRANSCRIPT_CUES

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "bench"))
import scale_corpus  # noqa: E402


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
            if p.is_file()}


def test_the_generated_packs_load_without_problems_and_are_deterministic(tmp_path):
    totals = scale_corpus.write_corpus(tmp_path / "a", 2400)
    scale_corpus.write_corpus(tmp_path / "b", 2400)
    assert files(tmp_path / "a") == files(tmp_path / "b")
    assert totals["packs"] == 2 and totals["resources"] == 2400

    loaded = load_packs(tmp_path / "a" / "packs")
    assert loaded.problems == [] and len(loaded.packs) == 2
    resources = sum(len(p.summaries) + len(p.replays) + len(p.kit) for p in loaded.packs)
    assert resources == 2400
    cues = [len(r.cues) for p in loaded.packs for r in p.replays]
    assert sum(cues) == totals["cues"] and max(cues) <= MAX_TRANSCRIPT_CUES
    assert all(len(list(p.root.rglob("*"))) < MAX_PACK_FILES for p in loaded.packs)
    assert any(s.language == "en" and s.translation for p in loaded.packs for s in p.summaries)
