"""Reading, validating and importing content packs (format: resources/README.md).

    result = load_pack(path)          # .pack (None when unusable) and .problems
    library, problems = Library.load(packs_dir)
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
