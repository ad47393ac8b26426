"""Line numbers of keys and tables in a TOML text.

tomllib gives line numbers for syntax errors only, not for the values it returns. To point a
maintainer at the line of a wrong value, we scan the text once: every `[table]`, `[[array]]`
header and every `key = ` line, with the table it belongs to. A table is named by its path,
where entries of an array of tables carry their position: `("replay", 2, "chapters", 0)`.
Keys written inside inline tables or dotted on another table's line are not tracked; callers
fall back to the table's line.
"""

from __future__ import annotations

import re

_KEY_PART = r'(?:[A-Za-z0-9_-]+|"[^"]*"|\'[^\']*\')'
_KEY_LINE = re.compile(rf"\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=(.*)")
_HEADER = re.compile(rf"\s*(\[\[?)\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*\]")
_PART = re.compile(_KEY_PART)

TablePath = tuple[str | int, ...]


def _parts(dotted: str) -> list[str]:
    return [p.strip("\"'") for p in _PART.findall(dotted)]


class KeyLines:
    """Where keys and tables are in `text`; `first_line` is the line number of its first line
    (front matter starts below the `+++` line)."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        self._keys: dict[tuple[TablePath, str], int] = {}
        self._tables: dict[TablePath, int] = {}
        self._scan(text, first_line)

    def key(self, table: TablePath, key: str) -> int | None:
        """The line of `key` in `table` (or of its own `[key]`/`[[key]]` header), else the
        line of the table's header, else None."""
        table = tuple(table)
        for found in (self._keys.get((table, key)), self._tables.get(table + (key,)),
                      self._tables.get(table + (key, 0)), self._tables.get(table)):
            if found is not None:
                return found
        return None

    def table(self, table: TablePath) -> int | None:
        return self._tables.get(tuple(table))

    def _scan(self, text: str, first_line: int) -> None:
        arrays: dict[TablePath, int] = {}  # array-of-tables path -> entries seen so far
        current: TablePath = ()
        closing: str | None = None  # the quote that ends the multi-line string we are in
        for number, line in enumerate(text.splitlines(), start=first_line):
            if closing:
                if closing in line:
                    closing = None
                continue
            header = _HEADER.match(line)
            if header:
                current = self._resolve(_parts(header.group(2)), header.group(1) == "[[", arrays)
                self._tables.setdefault(current, number)
                continue
            match = _KEY_LINE.match(line)
            if not match:
                continue
            *prefix, key = _parts(match.group(1))
            self._keys.setdefault((current + tuple(prefix), key), number)
            value = match.group(2)
            for quote in ('"""', "'''"):
                if value.count(quote) % 2 == 1:
                    closing = quote
                    break

    @staticmethod
    def _resolve(parts: list[str], is_array: bool, arrays: dict[TablePath, int]) -> TablePath:
        path: TablePath = ()
        for part in parts[:-1]:
            path += (part,)
            if path in arrays:  # `[[replay.chapters]]` belongs to the latest `[[replay]]`
                path += (arrays[path] - 1,)
        path += (parts[-1],)
        if is_array:
            arrays[path] = arrays.get(path, 0) + 1
            path += (arrays[path] - 1,)
        return path
