"""Shrinks the ICU data library Qt brings (libicudata, 32 MB) to the kit's languages (~10 MB).

Qt's wheel links ICU with every locale, every legacy character-set converter. The kit speaks French, English and German, reads UTF-8,
and Qt uses ICU only for collation, case mapping, IDNA and converters. This keeps the root
and fr/en/de locales of every data tree and drops the rest; ICU falls back to root for a
locale it no longer has, so nothing breaks.

Linux only, and only when `icupkg` (Debian: icu-devtools) and binutils (`readelf`, `as`, `ld`,
`strip`) are there; otherwise the library is left as it is and `build.py` says so.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

KEPT_LOCALE = re.compile(r"^(root|en|fr|de)(_\w*)?$")
# Resource bundles that are not locales although their names look like one.
_NOT_LOCALES = {"pool", "res_index", "supplementalData", "likelySubtags", "metaZones",
                "timezoneTypes", "windowsZones", "zoneinfo64", "keyTypeData", "langInfo",
                "numberingSystems", "plurals", "pluralRanges", "grammaticalFeatures",
                "dayPeriods", "genderList", "icuver", "icustd", "units", "tzdbNames",
                "currencyNumericCodes", "supplementalData"}
_LOCALE_NAME = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*$")


def tools_available() -> bool:
    return all(shutil.which(tool) for tool in ("icupkg", "readelf", "as", "ld", "strip"))


def items_to_remove(items: list[str]) -> list[str]:
    """The package items the kit never needs, from `icupkg -l` names (`coll/fr.res`...)."""
    removed = []
    for item in items:
        name = item.rsplit("/", 1)[-1]
        stem, _, suffix = name.rpartition(".")
        if suffix == "cnv":
            removed.append(item)  # legacy converters; UTF-8/16 and Latin-1 need no table
        elif (suffix == "res" and stem not in _NOT_LOCALES and _LOCALE_NAME.match(stem)
              and not KEPT_LOCALE.match(stem) and not item.startswith("translit/")):
            removed.append(item)
    return removed


def _data_symbol(library: Path) -> tuple[str, int, int]:
    """(name, file offset, size) of the `icudtNN_dat` blob inside the library."""
    symbols = subprocess.run(["readelf", "-sW", str(library)], check=True,
                             capture_output=True, text=True).stdout
    match = re.search(r"^\s*\d+:\s+([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+(\d+)\s+"
                      r"(icudt\d+_dat)$", symbols, re.MULTILINE)
    if not match:
        raise RuntimeError(f"{library}: no icudt*_dat symbol")
    address, size, section_index, name = match.groups()
    sections = subprocess.run(["readelf", "-SW", str(library)], check=True,
                              capture_output=True, text=True).stdout
    section = re.search(rf"^\s*\[\s*{section_index}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)",
                        sections, re.MULTILINE)
    if not section:
        raise RuntimeError(f"{library}: section {section_index} not found")
    section_address, section_offset = (int(v, 16) for v in section.groups())
    offset = int(address, 16) - section_address + section_offset
    return name, offset, int(size, 0)


def slim(library: Path) -> tuple[int, int]:
    """Rewrites `library` in place with fewer items; returns (size before, size after)."""
    before = library.stat().st_size
    symbol, offset, size = _data_symbol(library)
    package = symbol.removesuffix("_dat") + "l"  # icudt73l: little-endian ASCII package
    with tempfile.TemporaryDirectory(prefix="slim-icu-") as tmp:
        work = Path(tmp)
        (work / "in").mkdir()
        with library.open("rb") as fp:
            fp.seek(offset)
            (work / "in" / f"{package}.dat").write_bytes(fp.read(size))
        listing = subprocess.run(["icupkg", "-l", f"in/{package}.dat"], cwd=work, check=True,
                                 capture_output=True, text=True).stdout.split()
        (work / "remove.txt").write_text("\n".join(items_to_remove(listing)) + "\n")
        (work / "out").mkdir()
        # The output's base name is the package name ICU looks items up by.
        subprocess.run(["icupkg", "-r", "remove.txt", f"in/{package}.dat", f"out/{package}.dat"],
                       cwd=work, check=True, capture_output=True, text=True)
        (work / "data.S").write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol}\n"
            f"\t.type {symbol}, @object\n"
            "\t.balign 16\n"
            f"{symbol}:\n"
            f'\t.incbin "out/{package}.dat"\n'
            f"\t.size {symbol}, .-{symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n')
        subprocess.run(["as", "-o", "data.o", "data.S"], cwd=work, check=True,
                       capture_output=True, text=True)
        subprocess.run(["ld", "-shared", "-soname", library.name, "--build-id=none",
                        "-o", "slim.so", "data.o"], cwd=work, check=True,
                       capture_output=True, text=True)
        subprocess.run(["strip", "slim.so"], cwd=work, check=True)
        tmp_target = library.with_name(library.name + ".slim")
        shutil.copyfile(work / "slim.so", tmp_target)
        tmp_target.chmod(library.stat().st_mode)
        tmp_target.replace(library)
    return before, library.stat().st_size
