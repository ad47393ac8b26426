"""Ed25519 keys and signatures of pack archives (with `cryptography`), and the trusted keys.

A private key is a PEM PKCS#8 file kept by a maintainer; its public key is a PEM file ending in
`.pub`. The kit trusts the public keys it ships (`resources/keys/*.pub`) and those an IT team
puts in the user config folder (`<config>/keys/*.pub`). A key is shown to a person by its
fingerprint: the SHA-256 of its 32 raw bytes, as 16 groups of 4 hex digits.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from mediation_kit.core.i18n import _

PUBLIC_SUFFIX = ".pub"
KEYS_FOLDER = "keys"
SIGNATURE_ALGORITHM = "ed25519"


class KeyFileError(Exception):
    """A key file cannot be read or written (the message names the file)."""


class SignatureFileError(Exception):
    """manifest.sig is not a signature file of the kit."""


def fingerprint(public_raw: bytes) -> str:
    digest = hashlib.sha256(public_raw).hexdigest()
    return " ".join(digest[i:i + 4] for i in range(0, len(digest), 4))


def raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


# --- key files -------------------------------------------------------------------------------


def generate_key_pair(private_path: Path) -> tuple[Path, str]:
    """Writes a new private key at `private_path` (readable by its owner only) and its public
    key beside it (`<name>.pub`); returns the public key's path and fingerprint. Refuses to
    overwrite either file."""
    private_path = Path(private_path)
    public_path = private_path.with_name(private_path.name + PUBLIC_SUFFIX)
    for path in (private_path, public_path):
        if os.path.lexists(path):
            raise KeyFileError(_("{path} already exists: nothing was written (a key is never "
                                 "overwritten)").format(path=path))
    key = Ed25519PrivateKey.generate()
    private_pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
    public_pem = key.public_key().public_bytes(serialization.Encoding.PEM,
                                               serialization.PublicFormat.SubjectPublicKeyInfo)
    try:
        fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fp:
            fp.write(private_pem)
        public_path.write_bytes(public_pem)
    except OSError as error:
        raise KeyFileError(_("{path}: cannot be written: {error}").format(
            path=private_path, error=error.strerror or error)) from error
    return public_path, fingerprint(raw_public(key.public_key()))


def load_private_key(path: Path) -> Ed25519PrivateKey:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise KeyFileError(_("{path}: cannot be read: {error}").format(
            path=path, error=error.strerror or error)) from error
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as error:
        raise KeyFileError(_("{path} is not a private key (expected the PEM file written by "
                             "`mediation-kit pack keygen`)").format(path=path)) from error
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(_("{path} is not an Ed25519 key").format(path=path))
    return key


def load_public_key(path: Path) -> bytes:
    """The raw 32 bytes of the Ed25519 public key in a `.pub` PEM file."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise KeyFileError(_("{path}: cannot be read: {error}").format(
            path=path, error=error.strerror or error)) from error
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError) as error:
        raise KeyFileError(_("{path} is not a public key (expected a PEM file)").format(
            path=path)) from error
    if not isinstance(key, Ed25519PublicKey):
        raise KeyFileError(_("{path} is not an Ed25519 key").format(path=path))
    return raw_public(key)


# --- signatures --------------------------------------------------------------------------------


def sign(data: bytes, key: Ed25519PrivateKey) -> bytes:
    """The content of manifest.sig: the signature and the signer's public key, in JSON."""
    document = {
        "algorithm": SIGNATURE_ALGORITHM,
        "public_key": base64.b64encode(raw_public(key.public_key())).decode("ascii"),
        "signature": base64.b64encode(key.sign(data)).decode("ascii"),
    }
    return (json.dumps(document, indent=1, sort_keys=True) + "\n").encode("ascii")


def verify(data: bytes, signature_file: bytes) -> bytes:
    """The signer's raw public key when `signature_file` is a valid signature of `data`.

    Raises SignatureFileError when the file is not a signature of the kit, and
    InvalidSignature when it does not verify (the data changed after signing)."""
    try:
        document = json.loads(signature_file.decode("ascii"))
        if document.get("algorithm") != SIGNATURE_ALGORITHM:
            raise SignatureFileError(_("unknown signature algorithm"))
        public_raw = base64.b64decode(document["public_key"], validate=True)
        signature = base64.b64decode(document["signature"], validate=True)
        public = Ed25519PublicKey.from_public_bytes(public_raw)
    except SignatureFileError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as error:
        raise SignatureFileError(_("not a signature file of the kit")) from error
    public.verify(signature, data)  # raises InvalidSignature
    return public_raw


# --- trusted keys ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrustedKey:
    name: str  # the file name without .pub
    path: Path
    fingerprint: str
    shipped: bool  # shipped with the kit (the maintainers') or added on this PC


@dataclass(frozen=True)
class TrustedKeys:
    keys: tuple[TrustedKey, ...]
    problems: tuple[str, ...]  # unreadable key files, for the About box (translated)

    def find(self, public_raw: bytes | None) -> TrustedKey | None:
        if public_raw is None:
            return None
        wanted = fingerprint(public_raw)
        return next((key for key in self.keys if key.fingerprint == wanted), None)

    @property
    def shipped_fingerprints(self) -> frozenset[str]:
        return frozenset(key.fingerprint for key in self.keys if key.shipped)


def load_trusted_keys(shipped_folder: Path, user_folder: Path | None) -> TrustedKeys:
    """Every readable `.pub` file of both folders; an unreadable one is named, never fatal."""
    keys: list[TrustedKey] = []
    problems: list[str] = []
    for folder, shipped in ((shipped_folder, True), (user_folder, False)):
        if folder is None:
            continue
        try:
            paths = sorted(Path(folder).glob("*" + PUBLIC_SUFFIX))
        except OSError:
            continue
        for path in paths:
            try:
                raw = load_public_key(path)
            except KeyFileError as error:
                problems.append(str(error))
                continue
            keys.append(TrustedKey(path.name[:-len(PUBLIC_SUFFIX)], path, fingerprint(raw),
                                   shipped))
    return TrustedKeys(tuple(keys), tuple(problems))


def default_trusted_keys() -> TrustedKeys:
    from mediation_kit.core import paths

    return load_trusted_keys(paths.resources_dir() / KEYS_FOLDER,
                             paths.user_dirs().config / KEYS_FOLDER)


__all__ = [
    "InvalidSignature", "KeyFileError", "SignatureFileError", "TrustedKey", "TrustedKeys",
    "default_trusted_keys", "fingerprint", "generate_key_pair", "load_private_key",
    "load_public_key", "load_trusted_keys", "sign", "verify",
]
