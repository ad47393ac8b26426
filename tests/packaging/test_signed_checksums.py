"""SHA256SUMS signed with the maintainers' key (installer/sign_release.py) and checked by
`mediation-kit --verify-download FILE SHA256SUMS SHA256SUMS.sig` with the keys a kit trusts."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import sign_release
from mediation_kit.core.packs.signing import generate_key_pair
from release_helpers import isolated_env

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def signed(tmp_path):
    """A release folder with two files, SHA256SUMS, and a key trusted by the kit (an IT team
    key in the user's config folder) that signed it."""
    keys = tmp_path / "keys"
    keys.mkdir()
    private = keys / "maintainers"
    generate_key_pair(private)
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "mediation-kit_9.9.9_amd64.deb").write_bytes(b"a package" * 100)
    (dist / "mediation-kit-9.9.9-linux-x86_64.tar.gz").write_bytes(b"an archive")
    sys.path.insert(0, str(ROOT / "installer"))
    import archive

    sums = archive.write_sha256sums(sorted(dist.iterdir()), dist / "SHA256SUMS")
    signature, signer = sign_release.sign_sums(sums, private, keys_folder=keys)
    home = tmp_path / "home"
    (home / ".config" / "mediation-kit" / "keys").mkdir(parents=True)
    shutil.copyfile(keys / "maintainers.pub",
                    home / ".config" / "mediation-kit" / "keys" / "release.pub")
    return dist, sums, signature, home, signer


def verify(home: Path, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mediation_kit", "--verify-download",
                           *map(str, args)], capture_output=True, text=True,
                          env=isolated_env(home, LANGUAGE="en", LANG="C.UTF-8"), timeout=60)


def test_a_download_signed_by_a_trusted_key_verifies(signed):
    dist, sums, signature, home, signer = signed
    assert signer == "maintainers" and signature.name == "SHA256SUMS.sig"
    result = verify(home, dist / "mediation-kit_9.9.9_amd64.deb", sums, signature)
    assert result.returncode == 0, result.stderr
    assert "OK: mediation-kit_9.9.9_amd64.deb is the released file" in result.stdout
    assert "signed by the key release" in result.stdout


def test_a_changed_file_is_refused(signed):
    dist, sums, signature, home, _signer = signed
    deb = dist / "mediation-kit_9.9.9_amd64.deb"
    deb.write_bytes(deb.read_bytes() + b"!")
    result = verify(home, deb, sums, signature)
    assert result.returncode == 1
    assert "NOT VERIFIED" in result.stderr and "differs from the released file" in result.stderr


def test_changed_checksums_do_not_match_their_signature(signed):
    dist, sums, signature, home, _signer = signed
    sums.write_text(sums.read_text().replace("a", "b", 1))
    result = verify(home, dist / "mediation-kit_9.9.9_amd64.deb", sums, signature)
    assert result.returncode == 1 and "does not match its signature" in result.stderr


def test_a_signature_by_a_key_the_kit_does_not_trust_is_refused(signed, tmp_path):
    dist, sums, signature, _home, _signer = signed
    stranger_home = tmp_path / "stranger-home"
    stranger_home.mkdir()
    result = verify(stranger_home, dist / "mediation-kit_9.9.9_amd64.deb", sums, signature)
    assert result.returncode == 1 and "does not trust" in result.stderr


def test_a_file_not_in_the_list_is_refused(signed, tmp_path):
    _dist, sums, signature, home, _signer = signed
    other = tmp_path / "other.deb"
    other.write_bytes(b"x")
    result = verify(home, other, sums, signature)
    assert result.returncode == 1 and "other.deb is not listed in" in result.stderr


def test_signing_with_a_key_the_kit_does_not_ship_writes_nothing(tmp_path):
    generate_key_pair(tmp_path / "stranger")
    sums = tmp_path / "SHA256SUMS"
    sums.write_text("0" * 64 + "  file\n")
    with pytest.raises(sign_release.SigningError, match="does not trust"):
        sign_release.sign_sums(sums, tmp_path / "stranger", keys_folder=ROOT / "resources/keys")
    assert not (tmp_path / "SHA256SUMS.sig").exists()
