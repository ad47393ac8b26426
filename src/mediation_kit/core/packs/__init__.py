"""Reading, validating and importing content packs (format: resources/README.md).

    result = load_pack(path)          # .pack (None when unusable) and .problems
    library, problems = Library.load(packs_dir)

Pack archives (.mkpack) and their import, one job per module:

    signing.py    Ed25519 keys and signatures (cryptography), the trusted keys
    manifest.py   manifest.json: what an archive holds; the checks it allows alone
    archive.py    building an archive; checking one and extracting it, hashing each file
    refusal.py    why an archive is refused (PackRefused, Refusal)
    store.py      the imported packs' states in the user data folder, the one-rename switch
    installed.py  the packs in use: bundled and imported together
    diff.py       what an update changes, and the workshop plans citing it
    importer.py   inspect, import, remove: each one new state of the store
    describe.py   an archive and its changes in words (CLI and dialog)
"""

from mediation_kit.core.packs.library import Library, LibraryLoadResult, load_packs, pack_folders
from mediation_kit.core.packs.loader import PackLoadResult, is_pack_folder, load_pack
from mediation_kit.core.packs.problems import Problem
from mediation_kit.core.packs.webvtt import WebVTTError, parse_timestamp, parse_webvtt

__all__ = [
    "Library", "LibraryLoadResult", "PackLoadResult", "Problem", "WebVTTError",
    "is_pack_folder", "load_pack", "load_packs", "pack_folders", "parse_timestamp",
    "parse_webvtt",
]
