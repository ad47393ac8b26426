from __future__ import annotations

import pytest
from pdf_tools import poppler


@pytest.fixture
def pdf_text():
    def read(path) -> str:
        """The PDF's text in content order, spaces (including no-break ones) collapsed."""
        return " ".join(poppler("pdftotext", "-raw", "-enc", "UTF-8", str(path), "-").split())
    return read


@pytest.fixture
def pdf_fonts():
    def read(path) -> list[dict]:
        lines = poppler("pdffonts", str(path)).splitlines()[2:]
        fonts = []
        for line in lines:
            parts = line.split()
            # name type... encoding emb sub uni object-id generation
            fonts.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4],
                          "uni": parts[-3]})
        return fonts
    return read
