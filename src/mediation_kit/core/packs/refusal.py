"""Why a pack archive is refused. Every refusal happens before anything is written (or, for
a checksum found wrong while copying, with the staging folder removed), and says why."""

from __future__ import annotations

import enum
from pathlib import Path

from mediation_kit.core.i18n import _


class Refusal(enum.StrEnum):
    NOT_ZIP = "not-zip"  # truncated, damaged or not a ZIP at all
    BAD_SIGNATURE = "bad-signature"  # does not verify: changed after signing
    UNSIGNED = "unsigned"  # no signature, or an unknown key, and no consent given
    BAD_MANIFEST = "bad-manifest"
    UNSAFE_PATH = "unsafe-path"  # .., absolute, drive letter, backslash
    LINK_OR_DEVICE = "link-or-device"
    NAME_COLLISION = "name-collision"  # same name on a case-insensitive file system
    NOT_LISTED = "not-listed"
    ABSENT = "absent"
    SIZE_MISMATCH = "size-mismatch"
    CHECKSUM_MISMATCH = "checksum-mismatch"
    ZIP_BOMB = "zip-bomb"
    UNKNOWN_FORMAT = "unknown-format"
    KIT_TOO_OLD = "kit-too-old"
    OLDER_VERSION = "older-version"
    SAME_VERSION = "same-version"
    OTHER_SIGNER = "other-signer"
    NO_SPACE = "no-space"
    INVALID_PACK = "invalid-pack"  # the pack inside does not load cleanly
    BUSY = "busy"  # another import or removal is running


class PackRefused(Exception):
    """The archive is refused; `message` names the archive and the reason (translated)."""

    def __init__(self, archive: Path | str, refusal: Refusal, reason: str) -> None:
        self.archive = Path(archive)
        self.refusal = refusal
        self.reason = reason
        super().__init__(_("{file}: refused: {reason}").format(file=self.archive.name,
                                                               reason=reason))

    @property
    def message(self) -> str:
        return str(self)
