"""CHANGELOG.md, the one place releases are described, and what is generated from it:
the AppStream `<releases>` of the metainfo file and the Debian changelog.

    python installer/changelog.py          rewrites the metainfo's <releases> from CHANGELOG.md
    python installer/changelog.py --check  exits 1 when the metainfo is not up to date

CHANGELOG.md holds `## <version> - <YYYY-MM-DD>` headings, each followed by `- ` items (an item
may go on over indented lines).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

INSTALLER = Path(__file__).resolve().parent
ROOT = INSTALLER.parent
CHANGELOG = ROOT / "CHANGELOG.md"
HEADING = re.compile(r"^## +(?P<version>\d[\w.+~-]*) +- +(?P<date>\d{4}-\d{2}-\d{2}) *$")


class ChangelogError(ValueError):
    """CHANGELOG.md cannot be read as releases (the message names the line)."""


@dataclass(frozen=True)
class Release:
    version: str
    date: dt.date
    items: tuple[str, ...]


def parse(path: Path = CHANGELOG) -> list[Release]:
    """The releases of CHANGELOG.md, in the file's order (newest first)."""
    releases: list[Release] = []
    current: dict | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("## "):
            match = HEADING.match(line)
            if not match:
                raise ChangelogError(f"{path.name}, line {number}: expected "
                                     "'## <version> - <YYYY-MM-DD>'")
            try:
                date = dt.date.fromisoformat(match["date"])
            except ValueError:
                raise ChangelogError(f"{path.name}, line {number}: "
                                     f"{match['date']} is not a date") from None
            current = {"version": match["version"], "date": date, "items": []}
            releases.append(current)  # type: ignore[arg-type]
        elif current is not None and line.startswith("- "):
            current["items"].append(line[2:].strip())
        elif current is not None and line.startswith("  ") and current["items"] and line.strip():
            current["items"][-1] += " " + line.strip()
        elif current is not None and line.strip():
            raise ChangelogError(f"{path.name}, line {number}: expected a '- ' item")
    result = [Release(r["version"], r["date"], tuple(r["items"])) for r in releases]  # type: ignore[index]
    for release in result:
        if not release.items:
            raise ChangelogError(f"{path.name}: release {release.version} lists no change")
    return result


def _plain(item: str) -> str:
    """Markdown's `code` marks dropped: AppStream and Debian changelogs are plain text."""
    return item.replace("`", "")


def appstream_releases(releases: list[Release], indent: str = "  ") -> str:
    lines = [f"{indent}<releases>"]
    for release in releases:
        lines += [f'{indent * 2}<release version="{escape(release.version)}" '
                  f'date="{release.date.isoformat()}">',
                  f"{indent * 3}<description>",
                  f"{indent * 4}<ul>"]
        lines += [f"{indent * 5}<li>{escape(_plain(item))}</li>" for item in release.items]
        lines += [f"{indent * 4}</ul>", f"{indent * 3}</description>", f"{indent * 2}</release>"]
    lines.append(f"{indent}</releases>")
    return "\n".join(lines)


def update_metainfo(metainfo: Path, releases: list[Release]) -> bool:
    """Replaces the <releases> element; True when the file changed."""
    text = metainfo.read_text(encoding="utf-8")
    match = re.search(r"^( *)<releases>.*?</releases>", text, re.S | re.M)
    if not match:
        raise ChangelogError(f"{metainfo.name}: no <releases> element to replace")
    indent = match.group(1)
    block = appstream_releases(releases, indent or "  ")
    new = text[:match.start()] + block + text[match.end():]
    if new == text:
        return False
    temporary = metainfo.with_name(metainfo.name + ".part")
    temporary.write_text(new, encoding="utf-8")
    temporary.replace(metainfo)
    return True


def debian_changelog(releases: list[Release], package: str, maintainer: str,
                     distribution: str = "stable") -> str:
    """The Debian changelog (a native package: the version is the release's)."""
    entries = []
    for release in releases:
        stamp = dt.datetime.combine(release.date, dt.time(12, 0), dt.timezone.utc)
        entries.append(
            f"{package} ({release.version}) {distribution}; urgency=medium\n\n"
            + "".join(_wrapped(item) for item in release.items)
            + f"\n -- {maintainer}  {stamp.strftime('%a, %d %b %Y %H:%M:%S +0000')}\n")
    return "\n".join(entries)


def _wrapped(item: str, width: int = 78) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(_plain(item), width, initial_indent="  * ",
                                   subsequent_indent="    ")) + "\n"


def metainfo_path() -> Path:
    return next((INSTALLER / "linux").glob("*.metainfo.xml"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only check that the metainfo's releases match CHANGELOG.md")
    args = parser.parse_args(argv)
    try:
        releases = parse()
        metainfo = metainfo_path()
        if args.check:
            text = metainfo.read_text(encoding="utf-8")
            if appstream_releases(releases).strip() not in text:
                print(f"{metainfo.relative_to(ROOT)}: <releases> differs from CHANGELOG.md; "
                      "run python installer/changelog.py", file=sys.stderr)
                return 1
            return 0
        changed = update_metainfo(metainfo, releases)
    except (ChangelogError, OSError) as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{metainfo.relative_to(ROOT)}: {'updated' if changed else 'already up to date'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
