"""Checking a downloaded release against its signed SHA256SUMS.

A release publishes its files, `SHA256SUMS` (`sha256sum` format) and `SHA256SUMS.sig`, the
signature of SHA256SUMS by the maintainers' Ed25519 key, in the format of pack signatures
(core/packs/signing.py). A kit already trusted on a PC checks a new download with
`mediation-kit --verify-download FILE SHA256SUMS SHA256SUMS.sig`: the signature must verify,
its key must be one the kit trusts, and the file's SHA-256 must be the one listed for its name.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from mediation_kit.core.i18n import _
from mediation_kit.core.packs.signing import (
    InvalidSignature, SignatureFileError, TrustedKey, TrustedKeys, fingerprint, verify)

SUMS_LINE = re.compile(r"^(?P<digest>[0-9a-fA-F]{64}) [ *](?P<name>.+)$")


class DownloadCheckError(Exception):
    """The download does not check out; the message names the file and the reason."""


@dataclass(frozen=True)
class CheckedDownload:
    file: Path
    sha256: str
    signer: TrustedKey


def parse_sums(data: bytes, source: Path) -> dict[str, str]:
    """{file name: sha256} of a SHA256SUMS file; a malformed line is refused."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise DownloadCheckError(_("{path} is not a SHA256SUMS file (not text)").format(
            path=source)) from None
    sums: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        match = SUMS_LINE.match(line)
        if not match:
            raise DownloadCheckError(_("{path}, line {line}: not a checksum line").format(
                path=source, line=number))
        sums[match["name"]] = match["digest"].lower()
    return sums


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fp:
        for block in iter(lambda: fp.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise DownloadCheckError(_("{path}: cannot be read: {error}").format(
            path=path, error=error.strerror or error)) from error


def check_signature(sums: bytes, signature: bytes, trusted: TrustedKeys, sums_path: Path,
                    signature_path: Path) -> TrustedKey:
    """The trusted key that signed `sums`; refuses a bad or untrusted signature."""
    try:
        signer_raw = verify(sums, signature)
    except SignatureFileError as error:
        raise DownloadCheckError(_("{path}: {reason}").format(
            path=signature_path, reason=error)) from None
    except InvalidSignature:
        raise DownloadCheckError(_("{sums} does not match its signature {signature}: it was "
                                   "changed after signing, or the two files are from "
                                   "different releases").format(
            sums=sums_path, signature=signature_path)) from None
    signer = trusted.find(signer_raw)
    if signer is None:
        raise DownloadCheckError(_("{signature} is signed by a key this kit does not trust "
                                   "(fingerprint {fingerprint})").format(
            signature=signature_path, fingerprint=fingerprint(signer_raw)))
    return signer


def verify_download(file: Path, sums_path: Path, signature_path: Path,
                    trusted: TrustedKeys) -> CheckedDownload:
    file, sums_path, signature_path = Path(file), Path(sums_path), Path(signature_path)
    sums = _read(sums_path)
    signer = check_signature(sums, _read(signature_path), trusted, sums_path, signature_path)
    listed = parse_sums(sums, sums_path)
    if file.name not in listed:
        raise DownloadCheckError(_("{file} is not listed in {sums}").format(
            file=file.name, sums=sums_path))
    if not file.is_file():
        raise DownloadCheckError(_("{file}: no such file").format(file=file))
    try:
        actual = file_sha256(file)
    except OSError as error:
        raise DownloadCheckError(_("{path}: cannot be read: {error}").format(
            path=file, error=error.strerror or error)) from error
    if actual != listed[file.name]:
        raise DownloadCheckError(_("{file} differs from the released file: its SHA-256 is "
                                   "{actual}, the signed list says {expected}").format(
            file=file, actual=actual, expected=listed[file.name]))
    return CheckedDownload(file, actual, signer)
