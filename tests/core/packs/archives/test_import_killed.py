"""`pack import` killed (SIGKILL) at random moments: after each kill, the next start finds the
previous packs and index whole and searchable (or the new ones, when the switch was made),
never a mix, and cleans up what the killed import left."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest
from archive_samples import FEST, write_pack

from mediation_kit.core.packs.installed import content_sources
from mediation_kit.core.packs.library import load_pack_folders
from mediation_kit.core.search.api import SearchQuery
from mediation_kit.core.search.engine import SearchEngine
from mediation_kit.core.search.index import IndexState, index_fingerprint, inspect_index

pytestmark = pytest.mark.slow

KILLS = 20  # kills that landed while the import ran
MAX_ROUNDS = 60
WORDS = {"1.0.0": "zéphyrine", "2.0.0": "quokka"}


def _big_update(kit):
    """2.0.0: enough documents for the import to take a while (hundreds of cues)."""
    summaries = {f"s{n}": (f"Séance {n}", f"Le quokka numéro {n} visite la médiathèque.",
                           ["quokka"]) for n in range(60)}
    cues = {f"r{n}": [f"Le quokka parle de médiation, phrase {n}-{c}." for c in range(200)]
            for n in range(4)}
    return write_pack(kit.root / "v2", "fest-2025", "2.0.0", summaries, replays=cues)


def _start(kit, archive) -> subprocess.Popen:
    env = {**os.environ, "MEDIATION_KIT_RESOURCES": str(kit.resources),
           "MEDIATION_KIT_PORTABLE_DIR": str(kit.portable), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "mediation_kit", "pack", "import", str(archive)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _check_whole(kit) -> str:
    """The version in use after a (re)start, checked whole and searchable."""
    sources = content_sources(kit.resources / "packs", kit.resources / "index",
                              kit.portable / "cache" / "index", kit.context().store,
                              clean_up=True)
    assert not sources.problems
    installed = kit.context().installed()
    [fest] = [p for p in installed.in_use if p.id == "fest-2025"]
    library = load_pack_folders(installed.folders)
    assert not library.problems
    state, count = inspect_index(installed.index_dir, index_fingerprint(installed.folders))
    assert state is IndexState.OK, state
    other = next(v for v in WORDS if v != fest.version)
    engine = SearchEngine(installed.index_dir)
    try:
        found = engine.search(SearchQuery(WORDS[fest.version], as_you_type=False)).total
        not_found = engine.search(SearchQuery(WORDS[other], as_you_type=False)).total
        bundled = engine.search(SearchQuery("médiathèques", as_you_type=False)).total
    finally:
        engine.close()
    assert found > 0 and not_found == 0 and bundled > 0
    left = sorted(p.name for p in (kit.data / "packs").iterdir())
    assert left == sorted(["current.json", installed.state.generation]), left
    return fest.version


def test_import_killed_at_random_moments_leaves_a_whole_state(kit):
    v1 = kit.build(write_pack(kit.root / "v1", "fest-2025", "1.0.0", FEST), kit.maintainers_key,
                   "v1.mkpack")
    assert kit.run("pack", "import", v1)[0] == 0
    v2 = kit.build(_big_update(kit), kit.maintainers_key, "v2.mkpack")
    template = kit.root / "template"
    shutil.copytree(kit.portable, template, symlinks=True)

    # How long the import takes once the archive was shown (the first line printed).
    started = _start(kit, v2)
    started.stdout.readline()
    begin = time.perf_counter()
    assert started.wait(120) == 0
    span = time.perf_counter() - begin
    started.stdout.close()
    started.stderr.close()
    assert _check_whole(kit) == "2.0.0"

    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    outcomes = []
    for _round in range(MAX_ROUNDS):
        if sum(code == -signal.SIGKILL for code, _version in outcomes) >= KILLS:
            break
        shutil.rmtree(kit.portable)
        shutil.copytree(template, kit.portable, symlinks=True)
        process = _start(kit, v2)
        process.stdout.readline()
        time.sleep(rng.uniform(0, span))
        process.send_signal(signal.SIGKILL)
        code = process.wait(60)
        process.stdout.close()
        process.stderr.close()
        version = _check_whole(kit)
        outcomes.append((code, version))
    killed = [o for o in outcomes if o[0] == -signal.SIGKILL]
    assert len(killed) >= 20, (seed, outcomes)
    print(f"seed={seed} span={span:.2f}s outcomes={outcomes}")
