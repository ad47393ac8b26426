"""A snippet as plain text with its matched words as character ranges, for callers that do
not render HTML (the command line's text and JSON output).

Snippets are made as HTML by `snippets.make_snippet` (text escaped, matches in
`<b class="hit">…</b>`); this reads that HTML back with the standard library's parser, so the
two never disagree on escaping.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser


@dataclass(frozen=True)
class PlainSnippet:
    text: str
    # (start, end) character offsets into `text` of each matched word, in order.
    hits: tuple[tuple[int, int], ...] = ()

    def parts(self) -> list[tuple[str, bool]]:
        """The text cut into (piece, is a match) in order, for printing with marks."""
        out: list[tuple[str, bool]] = []
        position = 0
        for start, end in self.hits:
            if start > position:
                out.append((self.text[position:start], False))
            out.append((self.text[start:end], True))
            position = end
        if position < len(self.text):
            out.append((self.text[position:], False))
        return out


class _SnippetReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.length = 0
        self.open_tags: list[int | None] = []  # start offset of an open hit, None for others
        self.hits: list[tuple[int, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        self.open_tags.append(self.length if tag == "b" and "hit" in classes else None)

    def handle_endtag(self, tag: str) -> None:
        if not self.open_tags:
            return
        start = self.open_tags.pop()
        if start is not None and self.length > start:
            self.hits.append((start, self.length))

    def handle_data(self, data: str) -> None:
        self.pieces.append(data)
        self.length += len(data)


def plain_snippet(snippet_html: str) -> PlainSnippet:
    """`<b class="hit">Jean</b> &amp; co` -> PlainSnippet("Jean & co", ((0, 4),))."""
    reader = _SnippetReader()
    reader.feed(snippet_html)
    reader.close()
    return PlainSnippet("".join(reader.pieces), tuple(sorted(reader.hits)))
