"""Copying a kit file to a folder the user picks (a USB stick, a shared drive), together with
a small text file saying who made it and under which licence, so the credit travels with it.

Nothing already in the folder is ever replaced: a taken name gets " (2)", " (3)"…
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from mediation_kit.core import i18n
from mediation_kit.core.i18n import _
from mediation_kit.core.model import Event, KitAsset

CREDITS_SUFFIX = ".credits.txt"


class CopyError(Exception):
    """The copy failed; the message names the file or folder and the reason."""


def credits_name(file_name: str) -> str:
    return f"{file_name}{CREDITS_SUFFIX}"


def free_name(folder: Path, file_name: str) -> str:
    """`file_name`, or "name (2).ext", "name (3).ext"… whichever is free in `folder`
    together with its credits file."""
    stem, suffix = Path(file_name).stem, Path(file_name).suffix
    candidate, number = file_name, 1
    while (folder / candidate).exists() or (folder / credits_name(candidate)).exists():
        number += 1
        candidate = f"{stem} ({number}){suffix}"
    return candidate


def credits_text(asset: KitAsset, event: Event | None) -> str:
    """What the credits file says, in the interface language."""
    lines = [
        _("Title: {title}").format(title=asset.title),
        _("Credit: {credit}").format(credit=asset.credit),
        _("Licence: {licence}").format(licence=asset.licence),
    ]
    if event is not None:
        lines.append(_("Source: {event}, {edition} ({city}, {dates})").format(
            event=event.name, edition=event.edition, city=event.city,
            dates=i18n.format_event_dates(event.start, event.end, event.date_precision)))
    if asset.caption:
        lines.append(_("Caption: {caption}").format(caption=asset.caption))
    lines.append(_("Original file: {file}").format(file=asset.file.name))
    lines.append(_("Copied from Mediation Kit (content pack “{pack}”).").format(
        pack=asset.pack_id))
    return "\n".join(lines) + "\n"


def copy_with_credits(asset: KitAsset, folder: Path, event: Event | None) -> tuple[Path, Path]:
    """Copies `asset`'s file into `folder` with its credits file; returns both new paths."""
    if not asset.file.is_file():
        raise CopyError(_("The kit file {file} is missing.").format(file=asset.file))
    if not folder.is_dir():
        raise CopyError(_("The folder {folder} does not exist.").format(folder=folder))
    name = free_name(folder, asset.file.name)
    target = folder / name
    credits = folder / credits_name(name)
    partial = folder / f".{name}.part"
    try:
        # Copy beside, then rename: a stick pulled out mid-copy leaves no half file named
        # like the real one.
        shutil.copyfile(asset.file, partial)
        os.replace(partial, target)
        partial.write_text(credits_text(asset, event), encoding="utf-8")
        os.replace(partial, credits)
    except OSError as error:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise CopyError(_("Could not copy {file} to {folder}: {reason}").format(
            file=asset.file.name, folder=folder, reason=error.strerror or error)) from error
    return target, credits
