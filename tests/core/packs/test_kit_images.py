"""The validator refuses kit images that would not show, or would take the machine down to show:
each is a named problem, its asset is left out, and the rest of the pack loads."""

from __future__ import annotations

import struct
import zlib

import pytest

from mediation_kit.core.packs import load_pack
from pack_samples import KIT_TOML


def png(width: int, height: int, rows: bool = True) -> bytes:
    """A real PNG of `width`×`height` grey pixels (`rows` False: only the header, which is all
    the check reads, for sizes too big to write)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    header = chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
    data = zlib.compress(b"".join(b"\0" + b"\x80" * width for _ in range(height))) if rows \
        else zlib.compress(b"")
    return b"\x89PNG\r\n\x1a\n" + header + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def jpeg(width: int, height: int) -> bytes:
    """SOI, an APP0 segment, a baseline frame header of this size, then EOI."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xd9"


def gif(width: int, height: int) -> bytes:
    return (b"GIF89a" + struct.pack("<HH", width, height) + b"\x80\0\0\0\0\0\xff\xff\xff"
            b",\0\0\0\0\x01\0\x01\0\0\x02\x02D\x01\0;")


def webp_lossless(width: int, height: int) -> bytes:
    bits = (width - 1) | ((height - 1) << 14)
    payload = b"\x2f" + bits.to_bytes(4, "little") + b"\0" * 4
    body = b"WEBP" + b"VP8L" + struct.pack("<I", len(payload)) + payload
    return b"RIFF" + struct.pack("<I", len(body)) + body


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE svg [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<svg xmlns="http://www.w3.org/2000/svg"><text>&lol9;</text></svg>
"""


def load_with_poster(make_pack, name: str, content: bytes):
    """The demo pack whose poster asset is the file `name` holding `content`."""
    root = make_pack({"kit/kit.toml": KIT_TOML.replace('"affiche.svg"', f'"{name}"')})
    (root / "kit" / name).write_bytes(content)
    return load_pack(root)


@pytest.mark.parametrize("name, content", [
    ("affiche.png", png(3, 2)),
    ("affiche.jpg", jpeg(1200, 800)),
    ("affiche.jpeg", jpeg(4961, 7016)),  # A2 at 300 dpi
    ("affiche.gif", gif(1, 1)),
    ("affiche.webp", webp_lossless(640, 480)),
    ("affiche.svg", b'<svg xmlns="http://www.w3.org/2000/svg" width="10"><rect/></svg>'),
    ("affiche.svg", b'<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
                    b'"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg/>'),
])
def test_sane_images_are_kept(make_pack, name, content):
    result = load_with_poster(make_pack, name, content)
    assert result.problems == []
    assert [a.id for a in result.pack.kit] == ["affiche", "communique"]


@pytest.mark.parametrize("name, content, message", [
    ("affiche.png", b"", "the file is empty"),
    ("affiche.png", b"this is no image at all, only words" * 10,
     "not a PNG image: the file does not start like one"),
    ("affiche.png", png(40, 40)[:60], "the image is cut short"),
    ("affiche.png", png(30_000, 30_000, rows=False),
     "30000×30000 pixels is too large to show (at most 20000 pixels a side and 64 "
     "megapixels)"),
    ("affiche.png", png(10_000, 8_000, rows=False), "10000×8000 pixels is too large"),
    ("affiche.png", png(0, 10), "the image says it is 0×10 pixels"),
    ("affiche.png", jpeg(10, 10), "a JPEG image whose name ends in .png: rename it"),
    ("affiche.jpg", jpeg(30_000, 30_000), "30000×30000 pixels is too large"),
    ("affiche.jpg", jpeg(100, 100)[:-2], "the image is cut short"),
    ("affiche.jpg", b"\xff\xd8\xff\xe0\x00", "the image is cut short"),
    ("affiche.gif", gif(30_000, 30_000), "30000×30000 pixels is too large"),
    ("affiche.gif", gif(5, 5)[:-1], "the image is cut short"),
    ("affiche.webp", webp_lossless(16_000, 16_000), "16000×16000 pixels is too large"),
    ("affiche.webp", webp_lossless(10, 10)[:-3], "the image is cut short"),
    ("affiche.svg", b"", "the file is empty"),
    ("affiche.svg", BILLION_LAUGHS.encode(), "the SVG declares entities (<!ENTITY …>)"),
    ("affiche.svg", b'<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>',
     "the SVG declares entities"),
    ("affiche.svg", b"<svg><g></svg>", "not a valid SVG: mismatched tag (line 1)"),
    ("affiche.svg", b"<html/>", "not an SVG image: its first element is not <svg>"),
])
def test_broken_or_dangerous_images_are_named_and_left_out(make_pack, name, content, message):
    # When the pack is loaded
    result = load_with_poster(make_pack, name, content)
    # Then the poster is left out with a problem naming its file and what is wrong
    [problem] = result.problems
    assert problem.file == "demo-2025/kit/kit.toml" and problem.line == 4
    assert problem.message.startswith(f'file "{name}" in [[asset]] "affiche": ')
    assert message in problem.message
    # And nothing else is lost
    assert [a.id for a in result.pack.kit] == ["communique"]
    assert len(result.pack.summaries) == 2 and len(result.pack.replays) == 2


def test_a_jpeg_with_big_metadata_before_its_frame_is_read_by_seeking(make_pack):
    exif = b"\xff\xe1" + struct.pack(">H", 60_002) + b"\0" * 60_000
    content = jpeg(800, 600)
    content = content[:2] + exif + content[2:]
    assert load_with_poster(make_pack, "affiche.jpg", content).problems == []


def test_a_jpeg_of_endless_tiny_segments_is_refused_quickly(make_pack):
    content = b"\xff\xd8" + b"\xff\xfe\x00\x02" * 500_000 + b"\xff\xd9"
    [problem] = load_with_poster(make_pack, "affiche.jpg", content).problems
    assert problem.message.endswith("the JPEG header is damaged")


def test_a_kit_file_over_its_size_limit_is_named(make_pack, monkeypatch):
    from mediation_kit.core.packs import limits

    monkeypatch.setattr(limits, "MAX_KIT_FILE_BYTES", 1000)
    result = load_with_poster(make_pack, "affiche.png", png(200, 200) + b"\0" * 2000)
    [problem] = result.problems
    assert problem.message == ('file "affiche.png" in [[asset]] "affiche": too big (3 kB): a '
                               "file of this kind may hold 1 kB at most")
    assert [a.id for a in result.pack.kit] == ["communique"]
