"""Importing a pack into a big library costs about what indexing that pack alone costs.

    .venv/bin/python bench/import_bench.py [--library-docs 20000] [--pack-docs 2000] [--runs 3]

Generates bundled packs holding `--library-docs` documents (summaries, replays whose
transcripts are cut into cues) and indexes them, as an installed kit has them. Then generates
a pack of `--pack-docs` documents, builds its signed archive with `pack build`'s function, and
times, `--runs` times each (median kept):

- pack_alone: reading that pack folder and indexing it alone into a new index;
- import: the whole `import_archive` of its archive (signature, checks while copying, the
  index in use copied and updated for this pack, the switch), into an empty data folder.

The last line is `import_s=... pack_alone_s=... ratio=...`; the target is ratio <= 1.5.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from mediation_kit.core.packs.archive import build_archive  # noqa: E402
from mediation_kit.core.packs.importer import PackContext, import_archive  # noqa: E402
from mediation_kit.core.packs.library import load_packs  # noqa: E402
from mediation_kit.core.packs.loader import load_pack  # noqa: E402
from mediation_kit.core.packs.signing import generate_key_pair, load_trusted_keys  # noqa: E402
from mediation_kit.core.packs.store import PackStore  # noqa: E402
from mediation_kit.core.search.index import build_index, index_fingerprint  # noqa: E402

SEED = 20251029
SUMMARIES_PER_PACK = 40
REPLAYS_PER_PACK = 20
WORDS = """numérique médiation bibliothèque territoire inclusion commun communs souveraineté
données logiciel libre usager atelier accompagnement public réseau collectivité service accès
formation médiateur culture politique projet outil plateforme association habitant enjeu
démarche administration école jeunesse famille compétence tiers-lieu fabrique ressource
partage coopération gouvernance infrastructure ouvert sobriété environnement""".split()


def _text(rng: random.Random, words: int) -> str:
    made_up = [f"mot{rng.randrange(5000)}" for _ in range(words // 4)]
    return " ".join(rng.choice(WORDS) for _ in range(words - len(made_up))) + " " + \
        " ".join(made_up)


def write_pack(parent: Path, pack_id: str, docs: int, rng: random.Random) -> Path:
    """A pack of about `docs` documents: summaries, replays and their cues."""
    root = parent / pack_id
    (root / "summaries").mkdir(parents=True)
    (root / "replays").mkdir()
    (root / "pack.toml").write_text(f"""format = 1
id = "{pack_id}"
version = "1.0.0"
languages = ["fr"]
licence = "CC-BY-SA-4.0"

[event]
name = "Rencontre {pack_id}"
edition = "2025"
start = 2025-03-01
end = 2025-03-02
city = "Strasbourg"
venue = "Médiathèque"
organisers = ["Mediation Kit contributors"]
""", encoding="utf-8")
    for n in range(SUMMARIES_PER_PACK):
        (root / "summaries" / f"s{n}.md").write_text(f"""+++
id = "s{n}"
title = "Séance {n} : {_text(rng, 5)}"
session = "s{n}"
date = 2025-03-01
language = "fr"
+++

{_text(rng, 300)}
""", encoding="utf-8")
    cues_per_replay = max(1, (docs - SUMMARIES_PER_PACK - REPLAYS_PER_PACK) // REPLAYS_PER_PACK)
    blocks = []
    for n in range(REPLAYS_PER_PACK):
        blocks.append(f'[[replay]]\nid = "r{n}"\ntitle = "Captation {n}"\ndate = 2025-03-01\n'
                      f'language = "fr"\ntranscript = "replays/r{n}.vtt"\n')
        lines = ["WEBVTT", ""]
        for c in range(cues_per_replay):
            start = c * 5
            lines += [f"{start // 3600:02d}:{start // 60 % 60:02d}:{start % 60:02d}.000 --> "
                      f"{start // 3600:02d}:{start // 60 % 60:02d}:{start % 60:02d}.900",
                      _text(rng, 14), ""]
        (root / "replays" / f"r{n}.vtt").write_text("\n".join(lines), encoding="utf-8")
    (root / "replays.toml").write_text("\n".join(blocks), encoding="utf-8")
    return root


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--library-docs", type=int, default=20000)
    parser.add_argument("--pack-docs", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(SEED)
    with tempfile.TemporaryDirectory(prefix="mediation-kit-import-bench-") as tmp:
        tmp = Path(tmp)
        resources = tmp / "resources"
        bundled = resources / "packs"
        packs = max(1, args.library_docs // args.pack_docs)
        for n in range(packs):
            write_pack(bundled, f"bundled-{n:02d}", args.library_docs // packs, rng)
        cache_index = tmp / "cache" / "index"
        started = time.perf_counter()
        library_docs = build_index(list(load_packs(bundled)), cache_index,
                                   fingerprint=index_fingerprint(bundled))
        print(f"library: {library_docs} documents indexed in "
              f"{time.perf_counter() - started:.1f} s")

        source = write_pack(tmp / "src", "nouveau-2026", args.pack_docs, rng)
        (resources / "keys").mkdir(parents=True)
        generate_key_pair(tmp / "maintainers")
        shutil.copy(tmp / "maintainers.pub", resources / "keys" / "maintainers.pub")
        archive = tmp / "nouveau-2026.mkpack"
        build_archive(source, tmp / "maintainers", archive)

        alone, imports = [], []
        for run in range(args.runs):
            alone_dir = tmp / f"alone-{run}"
            started = time.perf_counter()
            pack = load_pack(source).pack
            pack_docs = build_index([pack], alone_dir)
            alone.append(time.perf_counter() - started)

            context = PackContext(bundled, PackStore(tmp / f"data-{run}" / "packs"),
                                  resources / "index", cache_index,
                                  load_trusted_keys(resources / "keys", None), None)
            started = time.perf_counter()
            result = import_archive(archive, context)
            imports.append(time.perf_counter() - started)
            assert result.incremental and result.doc_count == library_docs + pack_docs, result
            print(f"run {run + 1}: pack alone {alone[-1]:.2f} s ({pack_docs} documents), "
                  f"import {imports[-1]:.2f} s (index of {result.doc_count} documents)")
        import_s, alone_s = statistics.median(imports), statistics.median(alone)
        print(f"import_s={import_s:.3f} pack_alone_s={alone_s:.3f} ratio={import_s / alone_s:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
