"""Any file given as an archive gives an import or a refusal with its reason, never a crash:
random bytes, and a valid archive with bytes flipped, cut or appended (kiwix-desktop #1128,
#1364: a damaged file must not take the app down)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from archive_samples import FEST, write_pack
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mediation_kit.core.packs.archive import build_archive, extract_files, open_archive
from mediation_kit.core.packs.loader import load_pack
from mediation_kit.core.packs.refusal import PackRefused
from mediation_kit.core.packs.signing import generate_key_pair

_ROOT = Path(tempfile.mkdtemp(prefix="mk-any-bytes-"))
generate_key_pair(_ROOT / "key")
_GOOD = _ROOT / "good.mkpack"
build_archive(write_pack(_ROOT / "src", "fest-2025", "1.0.0", FEST), _ROOT / "key", _GOOD)
GOOD = _GOOD.read_bytes()


def _check(data: bytes, tmp: Path) -> None:
    path = tmp / "candidate.mkpack"
    path.write_bytes(data)
    try:
        checked = open_archive(path)
        with tempfile.TemporaryDirectory(dir=tmp) as out:
            folder = extract_files(checked, Path(out))
            load_pack(folder)  # what the import reads next
    except PackRefused as refused:
        assert refused.reason and path.name in refused.message


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2048))
def test_random_bytes_are_refused_with_a_reason(tmp_path, data):
    _check(data, tmp_path)


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, len(GOOD) - 1), st.integers(0, 255)), max_size=8),
       st.integers(0, len(GOOD)), st.binary(max_size=64))
def test_a_damaged_archive_is_refused_or_still_whole(tmp_path, flips, cut, tail):
    data = bytearray(GOOD)
    for position, value in flips:
        data[position] = value
    _check(bytes(data[:cut]) + tail, tmp_path)


def _file_data_spans() -> list[tuple[int, int]]:
    """Where each file's compressed bytes lie in GOOD."""
    import zipfile

    with zipfile.ZipFile(_GOOD) as archive:
        return [(info.header_offset + 30 + len(info.filename.encode()), info.compress_size)
                for info in archive.infolist()]


def test_every_damaged_byte_of_the_files_data_is_refused_or_harmless(tmp_path):
    """Flipping bytes inside the compressed files (not just anywhere) reaches the inflater:
    a damaged deflate stream or CRC is a refusal, never an exception of zlib's own."""
    for start, size in _file_data_spans():
        for offset in range(0, size, 5):
            data = bytearray(GOOD)
            data[start + offset] ^= 0xA5
            _check(bytes(data), tmp_path)
