"""Time and memory of the two inputs that used to stop the kit: a transcript of many cues and
a one-line press text of tens of megabytes.

    .venv/bin/python bench/hostile_packs_bench.py cues --cues 200000
    .venv/bin/python bench/hostile_packs_bench.py press --mb 50

`cues` writes a pack whose replay has a transcript of N cues, then times loading the pack
and building the index. `press` writes a press text of one "word" of M megabytes and times
loading, indexing and a search with its snippet. `press-direct` does the same without the
loader (whose size limit now refuses such a file): the text goes straight into the index, to
time the search and its snippet on it. The peak RSS of the process is printed: run each case
in its own process. Prints one `key=value` line.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from mediation_kit.core.packs import load_packs  # noqa: E402
from mediation_kit.core.search.index import build_index  # noqa: E402

PACK = """\
format = 1
id = "bench"
version = "1"
languages = ["fr"]
licence = "CC0-1.0"

[event]
name = "Banc"
edition = "1"
start = 2025-01-01
end = 2025-01-02
city = "Strasbourg"
venue = "Ici"
organisers = ["Nous"]
"""

WORDS = ("communs numérique médiation bibliothèque atelier données souveraineté inclusion "
         "réseau logiciel libre territoire").split()


def _stamp(ms: int) -> str:
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}.{ms:03d}"


def write_cues_pack(root: Path, cues: int) -> None:
    (root / "replays").mkdir(parents=True)
    (root / "pack.toml").write_text(PACK, encoding="utf-8")
    (root / "replays.toml").write_text(
        '[[replay]]\nid = "long"\ntitle = "Long"\ndate = 2025-01-01\nlanguage = "fr"\n'
        'transcript = "replays/long.vtt"\n', encoding="utf-8")
    with (root / "replays" / "long.vtt").open("w", encoding="utf-8") as out:
        out.write("WEBVTT\n\n")
        for n in range(cues):
            text = " ".join(WORDS[(n + k * 7) % len(WORDS)] for k in range(8))
            out.write(f"{_stamp(n * 2000)} --> {_stamp(n * 2000 + 1900)}\n{text} {n}\n\n")


def write_press_pack(root: Path, megabytes: int) -> None:
    (root / "kit").mkdir(parents=True)
    (root / "pack.toml").write_text(PACK, encoding="utf-8")
    (root / "kit" / "kit.toml").write_text(
        '[[asset]]\nid = "long"\nkind = "press-text"\nfile = "long.md"\ntitle = "Long"\n'
        'credit = "Nous"\nlicence = "CC0-1.0"\n', encoding="utf-8")
    (root / "kit" / "long.md").write_text("Communiqué communs " + "a" * (megabytes * 1_000_000) + "\n",
                                          encoding="utf-8")


def _with_press_text(pack, root: Path, megabytes: int):
    """`pack` with the big press text as a record, whatever the loader thought of it."""
    import dataclasses

    from mediation_kit.core.model import KitAsset, KitKind

    text = (root / "kit" / "long.md").read_text(encoding="utf-8")
    asset = KitAsset(pack_id=pack.id, id="long", kind=KitKind.PRESS_TEXT,
                     file=root / "kit" / "long.md", title="Long", credit="Nous",
                     licence="CC0-1.0", text=text)
    return dataclasses.replace(pack, kit=(asset,))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("case", choices=("cues", "press", "press-direct"))
    parser.add_argument("--cues", type=int, default=200_000)
    parser.add_argument("--mb", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        packs = Path(tmp) / "packs"
        if args.case == "cues":
            write_cues_pack(packs / "bench", args.cues)
        else:
            write_press_pack(packs / "bench", args.mb)
        started = time.perf_counter()
        loaded = load_packs(packs)
        load_s = time.perf_counter() - started
        indexed = loaded.packs
        if args.case == "press-direct":
            indexed = [_with_press_text(pack, packs / "bench", args.mb) for pack in indexed]
        started = time.perf_counter()
        count = build_index(indexed, Path(tmp) / "index")
        build_s = time.perf_counter() - started
        line = (f"case={args.case} load_s={load_s:.1f} build_s={build_s:.1f} docs={count} "
                f"problems={len(loaded.problems)}")
        if args.case.startswith("press"):
            from mediation_kit.core.search.api import SearchQuery
            from mediation_kit.core.search.engine import SearchEngine

            engine = SearchEngine(Path(tmp) / "index")
            started = time.perf_counter()
            results = engine.search(SearchQuery("communs"))
            search_s = time.perf_counter() - started
            longest = max((len(hit.snippet) for hit in results.hits), default=0)
            line += f" search_s={search_s:.1f} hits={len(results.hits)} snippet_chars={longest}"
        print(line + f" peak_rss_mb={peak_rss_mb():.0f}")


if __name__ == "__main__":
    main()
