"""`mediation-kit --verify-download FILE SHA256SUMS SHA256SUMS.sig`: checks a downloaded release
against the signed checksums with the keys this kit trusts (core/downloads.py).

Exit status: 0 the file is the released one, signed by a trusted key; 1 it is not (the reason
is printed); 2 a file cannot be read."""

from __future__ import annotations

import sys
from pathlib import Path

from mediation_kit.cli.output import terminal_text
from mediation_kit.core.i18n import _

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_UNREADABLE = 2


def run(paths: list[str]) -> int:
    from mediation_kit.core.downloads import DownloadCheckError, verify_download
    from mediation_kit.core.packs.signing import default_trusted_keys

    file, sums, signature = (Path(p) for p in paths)
    for path in (file, sums, signature):
        if not path.is_file():
            print(_("mediation-kit --verify-download: {path}: no such file").format(
                path=terminal_text(path)), file=sys.stderr)
            return EXIT_UNREADABLE
    try:
        checked = verify_download(file, sums, signature, default_trusted_keys())
    except DownloadCheckError as error:
        print(_("NOT VERIFIED: {reason}").format(reason=terminal_text(str(error))),
              file=sys.stderr)
        return EXIT_REFUSED
    print(_("OK: {file} is the released file (SHA-256 {sha256}), signed by the key {key} "
            "(fingerprint {fingerprint})").format(
        file=terminal_text(checked.file.name), sha256=checked.sha256,
        key=terminal_text(checked.signer.name), fingerprint=checked.signer.fingerprint))
    return EXIT_OK
