"""Positions in a video (`"1:05:00"` in TOML) and WebVTT transcripts.

A small parser of our own: the kit only needs cue times and plain text, and it must say on
which line a hand-edited transcript goes wrong.
"""

from __future__ import annotations

import html
import re

from mediation_kit.core.i18n import _
from mediation_kit.core.model import TranscriptCue

# "M:SS" or "H:MM:SS", seconds may have a fraction: "0:00", "12:34", "1:05:00.5".
_POSITION = re.compile(r"(?:(\d+):([0-5]\d)|(\d+)):([0-5]\d(?:\.\d+)?)")
# WebVTT: "mm:ss.ttt" or "hh:mm:ss.ttt" (hours may have more than two digits).
_VTT_TIME = re.compile(r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})")
_TIMING = re.compile(r"(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t].*)?")
_TIME_START = re.compile(r"\s*\d+:\d\d")
_TAG = re.compile(r"<[^>]*>")
_SKIPPED_BLOCKS = ("NOTE", "STYLE", "REGION")


def parse_timestamp(text: str) -> float:
    """Seconds from the start of a video: `"1:05:00"` -> 3900.0, `"2:30"` -> 150.0."""
    match = _POSITION.fullmatch(text.strip())
    if not match:
        raise ValueError(_('"{text}" is not a position in a video (expected M:SS or H:MM:SS)')
                         .format(text=text))
    hours, minutes_h, minutes, seconds = match.groups()
    if hours is not None:
        return int(hours) * 3600 + int(minutes_h) * 60 + float(seconds)
    return int(minutes) * 60 + float(seconds)


class WebVTTError(ValueError):
    """A transcript that is not valid WebVTT; `line` counts from 1."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(_("line {line}: {reason}").format(line=line, reason=reason))
        self.line = line
        self.reason = reason


def _vtt_seconds(text: str, line: int) -> float:
    match = _VTT_TIME.fullmatch(text)
    if not match:
        raise WebVTTError(line, _('"{time}" is not a WebVTT time (expected HH:MM:SS.mmm or '
                                  'MM:SS.mmm)').format(time=text))
    hours, minutes, seconds, millis = match.groups()
    # In whole milliseconds first, so that "00:12.601" is exactly 12.601.
    total = ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(millis)
    return total / 1000


def cue_text(lines: list[str]) -> str:
    """The plain text of a cue: tags such as `<v Speaker>` or `<i>` removed, entities decoded,
    lines joined with spaces (a transcript reads as prose)."""
    return " ".join(html.unescape(_TAG.sub("", line)).strip() for line in lines).strip()


def _blocks(lines: list[str], start: int):
    """Groups of consecutive non-blank lines, with the line number of their first line."""
    block: list[str] = []
    first = start
    for number, line in enumerate(lines[start - 1:], start=start):
        if line.strip():
            if not block:
                first = number
            block.append(line)
        elif block:
            yield first, block
            block = []
    if block:
        yield first, block


def parse_webvtt(text: str) -> list[TranscriptCue]:
    """The cues of a WebVTT file, in file order, numbered from 0. Raises WebVTTError."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or not re.fullmatch(r"WEBVTT(?:[ \t].*)?", lines[0]):
        raise WebVTTError(1, _('the first line must be "WEBVTT"'))
    # The header runs to the first blank line.
    body_start = next((n for n, line in enumerate(lines, start=1) if not line.strip()),
                      len(lines) + 1)
    cues: list[TranscriptCue] = []
    for first, block in _blocks(lines, body_start):
        if block[0].split(maxsplit=1)[0] in _SKIPPED_BLOCKS and "-->" not in block[0]:
            continue
        # The first line may be a cue identifier, unless it looks like a (broken) timing.
        timing_at = 0 if "-->" in block[0] or _TIME_START.match(block[0]) else 1
        if timing_at >= len(block) or "-->" not in block[timing_at]:
            raise WebVTTError(first + min(timing_at, len(block) - 1), _(
                'expected a cue timing line such as "00:01:02.000 --> 00:01:07.500"'))
        line = first + timing_at
        timing = _TIMING.fullmatch(block[timing_at].strip())
        if not timing:
            raise WebVTTError(line, _(
                'expected a cue timing line such as "00:01:02.000 --> 00:01:07.500"'))
        start = _vtt_seconds(timing.group(1), line)
        end = _vtt_seconds(timing.group(2), line)
        if end < start:
            raise WebVTTError(line, _("the cue ends before it starts"))
        cues.append(TranscriptCue(len(cues), start, end, cue_text(block[timing_at + 1:])))
    return cues
