"""Signs a release's SHA256SUMS with the maintainers' Ed25519 key, the one that signs packs.

    python installer/sign_release.py dist/SHA256SUMS --key /path/to/maintainers.pem

writes `SHA256SUMS.sig` beside it (the signature format of packs, core/packs/signing.py), then
checks it as `mediation-kit --verify-download` will: the signature must verify with one of the
public keys the kit ships (resources/keys/*.pub), else nothing is left behind and it fails.
build.py calls `sign`; the release workflow runs this again on the SHA256SUMS that lists every
platform's files. The private key never enters the repository: pass its path, or set
MEDIATION_KIT_SIGNING_KEY to it.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

INSTALLER = Path(__file__).resolve().parent
ROOT = INSTALLER.parent
sys.path.insert(0, str(ROOT / "src"))

from mediation_kit.core.downloads import DownloadCheckError, check_signature  # noqa: E402
from mediation_kit.core.packs.signing import (  # noqa: E402
    KEYS_FOLDER, KeyFileError, load_private_key, load_trusted_keys, sign)

SIGNATURE_SUFFIX = ".sig"
KEY_VARIABLE = "MEDIATION_KIT_SIGNING_KEY"


class SigningError(Exception):
    """The checksums could not be signed, or the signature would not be trusted."""


def shipped_keys_folder() -> Path:
    return ROOT / "resources" / KEYS_FOLDER


def sign_sums(sums: Path, key_path: Path, keys_folder: Path | None = None) -> tuple[Path, str]:
    """Writes `<sums>.sig`; returns it and the signer's key name. Refuses a key the kit does
    not ship: IT could not check the release with it."""
    sums = Path(sums)
    try:
        key = load_private_key(key_path)
    except KeyFileError as error:
        raise SigningError(str(error)) from None
    data = sums.read_bytes()
    signature = sign(data, key)
    target = sums.with_name(sums.name + SIGNATURE_SUFFIX)
    trusted = load_trusted_keys(keys_folder or shipped_keys_folder(), None)
    try:
        signer = check_signature(data, signature, trusted, sums, target)
    except DownloadCheckError as error:
        raise SigningError(f"{error}. Sign with the maintainers' key, whose public half is in "
                           f"{(keys_folder or shipped_keys_folder())}") from None
    temporary = target.with_name(target.name + ".part")
    temporary.write_bytes(signature)
    temporary.replace(target)
    return target, signer.name


def key_from_environment() -> Path | None:
    value = os.environ.get(KEY_VARIABLE, "").strip()
    return Path(value) if value else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Sign a release's SHA256SUMS.")
    parser.add_argument("sums", type=Path, help="the SHA256SUMS file")
    parser.add_argument("--key", type=Path, default=key_from_environment(),
                        help=f"the private key (PEM; default: ${KEY_VARIABLE})")
    args = parser.parse_args(argv)
    if args.key is None:
        parser.error(f"no key: pass --key or set {KEY_VARIABLE}")
    try:
        target, signer = sign_sums(args.sums, args.key)
    except (SigningError, OSError) as error:
        print(f"sign_release: {error}", file=sys.stderr)
        return 1
    print(f"{target}: signed with the key {signer}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
