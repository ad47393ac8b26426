"""Checking the kit's images before anything tries to show them.

Raster images are judged from their header and their last bytes, never decoded: a
30000×30000 PNG is refused from its first 24 bytes, before a viewer would ask for 3.6 GB.
SVG is parsed by expat with entity declarations refused: a "billion laughs" file expands a
few hundred bytes into gigabytes, and no real SVG needs an entity.
"""

from __future__ import annotations

import os
import struct
import xml.parsers.expat
from typing import BinaryIO

from mediation_kit.core.i18n import _
from mediation_kit.core.packs.limits import MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE

RASTER_SUFFIXES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF",
                   ".webp": "WebP"}
IMAGE_SUFFIXES = frozenset({*RASTER_SUFFIXES, ".svg"})

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"
# JPEG markers that start a frame and give its size (not DHT C4, JPG C8, DAC CC).
_JPEG_FRAMES = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD,
                          0xCE, 0xCF})
_HEAD = 64
# Real JPEGs have a dozen segments before their frame; a file of tiny ones must not make
# the check walk millions.
_MAX_JPEG_SEGMENTS = 1000


class ImageError(Exception):
    """An image that would not show; `str()` is the translated reason."""


def check_image(fp: BinaryIO, size: int, suffix: str) -> None:
    """Raises ImageError when the file named with `suffix` is not a whole, sane image."""
    suffix = suffix.lower()
    if size == 0:
        raise ImageError(_("the file is empty"))
    if suffix == ".svg":
        _check_svg(fp)
        return
    head = fp.read(_HEAD)
    found = _format_of(head)
    expected = RASTER_SUFFIXES[suffix]
    if found is None:
        raise ImageError(_("not a {format} image: the file does not start like one (damaged, "
                           "or another kind of file)").format(format=expected))
    if found != expected:
        raise ImageError(_("a {found} image whose name ends in {suffix}: rename it").format(
            found=found, suffix=suffix))
    width, height = _SIZE_READERS[found](fp, head, size)
    if width <= 0 or height <= 0:
        raise ImageError(_("the image says it is {width}×{height} pixels").format(
            width=width, height=height))
    if width > MAX_IMAGE_SIDE or height > MAX_IMAGE_SIDE or width * height > MAX_IMAGE_PIXELS:
        raise ImageError(_("{width}×{height} pixels is too large to show (at most {side} "
                           "pixels a side and {megapixels} megapixels)").format(
            width=width, height=height, side=MAX_IMAGE_SIDE,
            megapixels=MAX_IMAGE_PIXELS // (1024 * 1024)))
    _check_end(fp, found, size)


def _format_of(head: bytes) -> str | None:
    if head.startswith(_PNG_SIGNATURE):
        return "PNG"
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "GIF"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "WebP"
    return None


def _truncated() -> ImageError:
    return ImageError(_("the image is cut short (the file ends before the image does)"))


def _png_size(fp: BinaryIO, head: bytes, size: int) -> tuple[int, int]:
    if len(head) < 24 or head[12:16] != b"IHDR":
        raise _truncated() if len(head) < 24 else ImageError(_("the PNG header is damaged"))
    return struct.unpack(">II", head[16:24])


def _gif_size(fp: BinaryIO, head: bytes, size: int) -> tuple[int, int]:
    if len(head) < 10:
        raise _truncated()
    return struct.unpack("<HH", head[6:10])


def _webp_size(fp: BinaryIO, head: bytes, size: int) -> tuple[int, int]:
    chunk = head[12:16]
    needed = {b"VP8 ": 30, b"VP8L": 25, b"VP8X": 30}.get(chunk)
    if needed is None:
        raise ImageError(_("the WebP header is damaged"))
    if len(head) < needed:
        raise _truncated()
    if chunk == b"VP8 " and head[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", head[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and head[20] == 0x2F:
        bits = int.from_bytes(head[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X":
        return (int.from_bytes(head[24:27], "little") + 1,
                int.from_bytes(head[27:30], "little") + 1)
    raise ImageError(_("the WebP header is damaged"))


def _jpeg_size(fp: BinaryIO, head: bytes, size: int) -> tuple[int, int]:
    """Walks the segments up to the frame header: metadata before it is skipped, not read."""
    position = 2
    for _segment in range(_MAX_JPEG_SEGMENTS):
        fp.seek(position)
        marker = fp.read(2)
        while marker[:1] == b"\xff" and marker[1:2] == b"\xff":  # fill bytes
            position += 1
            fp.seek(position)
            marker = fp.read(2)
        if len(marker) < 2:
            raise _truncated()
        if marker[0] != 0xFF:
            raise ImageError(_("the JPEG header is damaged"))
        code = marker[1]
        if code == 0xD8 or code == 0x01 or 0xD0 <= code <= 0xD7:
            position += 2
            continue
        if code in (0xD9, 0xDA):  # the end, or the image data, before any frame header
            raise ImageError(_("the JPEG header gives no image size"))
        length = fp.read(2)
        if len(length) < 2:
            raise _truncated()
        (length,) = struct.unpack(">H", length)
        if code in _JPEG_FRAMES:
            frame = fp.read(5)
            if len(frame) < 5:
                raise _truncated()
            height, width = struct.unpack(">HH", frame[1:5])
            return width, height
        if length < 2:
            raise ImageError(_("the JPEG header is damaged"))
        position += 2 + length
        if position >= size:
            raise _truncated()
    raise ImageError(_("the JPEG header is damaged"))


_SIZE_READERS = {"PNG": _png_size, "JPEG": _jpeg_size, "GIF": _gif_size, "WebP": _webp_size}


def _check_end(fp: BinaryIO, found: str, size: int) -> None:
    """Every format ends with a mark (WebP gives its length): a copy cut short lacks it."""
    if found == "WebP":
        fp.seek(4)
        (declared,) = struct.unpack("<I", fp.read(4))
        if declared + 8 > size:
            raise _truncated()
        return
    tail_length = min(size, 1024)
    fp.seek(size - tail_length, os.SEEK_SET)
    # Some writers pad after the end mark: zeros and line ends are not part of the image.
    tail = fp.read(tail_length).rstrip(b"\x00\r\n ")
    ends = {"PNG": tail.endswith(_PNG_END), "JPEG": tail.endswith(b"\xff\xd9"),
            "GIF": tail.endswith(b"\x3b")}
    if not ends[found]:
        raise _truncated()


class _EntityDeclared(Exception):
    pass


def _check_svg(fp: BinaryIO) -> None:
    parser = xml.parsers.expat.ParserCreate()
    # Nothing outside the file is ever fetched or read.
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    root: list[str] = []

    def refuse(*_args) -> None:
        raise _EntityDeclared

    def start(name: str, _attributes) -> None:
        if not root:
            root.append(name)

    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.StartElementHandler = start
    try:
        parser.ParseFile(fp)
    except _EntityDeclared:
        raise ImageError(_("the SVG declares entities (<!ENTITY …>): they are refused, as a "
                           "few lines of them can expand into gigabytes")) from None
    except xml.parsers.expat.ExpatError as error:
        raise ImageError(_("not a valid SVG: {reason} (line {line})").format(
            reason=xml.parsers.expat.ErrorString(error.code), line=error.lineno)) from None
    if not root or root[0].rpartition(":")[2].rpartition(" ")[2] != "svg":
        raise ImageError(_("not an SVG image: its first element is not <svg>"))
