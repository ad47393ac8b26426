"""The packs shipped in resources/packs/ are all valid and load."""

from mediation_kit.core.packs import Library, load_pack, pack_folders
from mediation_kit.core.paths import packs_dir


def test_every_shipped_pack_folder_is_valid():
    # Given the shipped pack folders (every folder under resources/packs/ must be a pack)
    folders = sorted(p for p in packs_dir().iterdir() if p.is_dir())
    assert folders, "no pack shipped"
    assert folders == pack_folders(packs_dir()), "a folder under resources/packs has no pack.toml"
    # When each is validated
    problems = [str(problem) for folder in folders for problem in load_pack(folder).problems]
    # Then none has a problem
    assert problems == []


def test_the_shipped_library_has_content_in_every_pack():
    library, problems = Library.load(packs_dir())
    assert problems == []
    for pack in library.packs:
        assert pack.summaries, pack.id
    keys = [record.key for record in library.all_resources()]
    assert len(keys) == len(set(keys))
