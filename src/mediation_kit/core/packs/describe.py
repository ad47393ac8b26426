"""An archive and its "what changes" in words, for the command line and the import dialog."""

from __future__ import annotations

from mediation_kit.core.i18n import _, babel_locale, ngettext
from mediation_kit.core.packs.diff import PackDiff
from mediation_kit.core.packs.importer import ArchiveInfo, SignerStatus


def format_size(size: int) -> str:
    """"1,4 Mo", "340 kB": in the active language's units."""
    from babel.units import format_unit

    if size >= 1 << 20:
        return format_unit(size / (1 << 20), "digital-megabyte", length="short",
                           format="#,##0.#", locale=babel_locale())
    return format_unit(max(1, round(size / 1024)), "digital-kilobyte", length="short",
                       locale=babel_locale())


def signer_text(info: ArchiveInfo) -> str:
    if info.signer_status is SignerStatus.TRUSTED:
        return _("signed by {name} (key {fingerprint})").format(
            name=info.signer_name, fingerprint=info.signer_fingerprint)
    if info.signer_status is SignerStatus.UNKNOWN_KEY:
        return _("signed by an unknown key: {fingerprint}").format(
            fingerprint=info.signer_fingerprint)
    return _("not signed")


def warning_text(info: ArchiveInfo) -> str:
    """The explicit warning shown before an unsigned or unknown-key pack is imported."""
    if info.signer_status is SignerStatus.UNSIGNED:
        return _("This pack is not signed: nothing says who made it or that it was not changed "
                 "on the way. Import it only if you trust where it comes from.")
    if info.signer_status is SignerStatus.UNKNOWN_KEY:
        return _("This pack is signed by a key the kit does not know. Import it only if the "
                 "person who gave it to you confirms this fingerprint: {fingerprint}").format(
                     fingerprint=info.signer_fingerprint)
    return ""


def change_counts(diff: PackDiff) -> list[str]:
    """"3 resources added", "1 resource removed", …: the lines of a non-empty count."""
    added, removed = len(diff.added), len(diff.removed)
    text, details = len(diff.text_changed), len(diff.metadata_changed)
    lines = [
        ngettext("{n} resource added", "{n} resources added", added).format(n=added)
        if added else "",
        ngettext("{n} resource removed", "{n} resources removed", removed).format(n=removed)
        if removed else "",
        ngettext("{n} resource with its text changed", "{n} resources with their text changed",
                 text).format(n=text) if text else "",
        ngettext("{n} resource with its details changed",
                 "{n} resources with their details changed", details).format(n=details)
        if details else "",
    ]
    return [line for line in lines if line]


def plan_lines(diff: PackDiff) -> list[str]:
    lines = []
    for impact in diff.plans:
        cited = [*(_("{title} (removed)").format(title=t) for t in impact.removed),
                 *(_("{title} (changed)").format(title=t) for t in impact.changed)]
        lines.append(_("plan “{plan}”: {resources}").format(plan=impact.title,
                                                          resources="; ".join(cited)))
    return lines


def describe(info: ArchiveInfo) -> list[str]:
    """What the archive is and what importing it changes, line by line."""
    lines = [_("{title}, version {version} ({size}), {signer}").format(
        title=info.title, version=info.version, size=format_size(info.size),
        signer=signer_text(info))]
    if info.installed is None:
        lines.append(_("New pack: {id}").format(id=info.pack_id))
        return lines
    lines.append(_("Update of {id} {old} to {new}").format(
        id=info.pack_id, old=info.installed.version, new=info.version))
    counts = change_counts(info.diff)
    lines += ["  " + line for line in counts] or ["  " + _("no resource changes")]
    if info.diff.plans:
        lines.append(ngettext("{n} workshop plan cites a removed or changed resource:",
                              "{n} workshop plans cite a removed or changed resource:",
                              len(info.diff.plans)).format(n=len(info.diff.plans)))
        lines += ["  " + line for line in plan_lines(info.diff)]
    return lines
