"""File names every system the kit runs on can hold.

Packs are written on Linux or macOS and copied to Windows PCs, where a file named `CON.md`,
`aux.png` or `a:b?.png` cannot be created: the copy fails or silently loses the file.
"""

from __future__ import annotations

from mediation_kit.core.i18n import _

# Device names, with or without an extension (`nul.txt` is the device too).
_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{n}" for port in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")})
_FORBIDDEN = frozenset('<>:"/\\|?*')
MAX_NAME_LENGTH = 255


def name_problem(name: str) -> str | None:
    """Why Windows cannot hold a file or folder called `name`, or None."""
    controls = [c for c in name if ord(c) < 32]
    if controls:
        return _("the name holds a control character, which Windows does not allow")
    forbidden = sorted({c for c in name if c in _FORBIDDEN})
    if forbidden:
        return _('the name holds {characters}, which Windows does not allow in a file name'
                 ).format(characters=" ".join(forbidden))
    if name.endswith((".", " ")):
        return _("the name ends with a dot or a space, which Windows removes")
    device = name.split(".", 1)[0].rstrip(" ").upper()
    if device in _DEVICES:
        return _("{device} is the name of a device on Windows, even with an extension: "
                 "rename the file").format(device=device)
    if len(name) > MAX_NAME_LENGTH:
        return _("the name is longer than {count} characters").format(count=MAX_NAME_LENGTH)
    return None
