"""Positions in a video (`"1:05:00"` in TOML) and WebVTT transcripts.

Transcripts are read the way browsers read them: the W3C WebVTT parsing algorithm
(https://www.w3.org/TR/webvtt1/#file-parsing), step for step, on lines. A cue a browser would
drop is dropped here too, and the rest of the file loads. What a browser does in silence is
said aloud: every dropped cue and skipped line is a problem with its line number, and so is a
cue that is kept but looks wrong (out of order, overlapping, past the end of the video).

Why not a library: webvtt-py 0.6.0, measured against the kit's conformance files
(tests/core/packs/webvtt_cases.py), keeps cues that browsers drop (`0:1.000`, `00:01.00`,
`1:03.000`), accepts a file starting `WEBVTTX`, and gives no line numbers, so the reporting
would have needed a second reader anyway.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from mediation_kit.core.i18n import _, format_timestamp
from mediation_kit.core.model import TranscriptCue

# "M:SS" or "H:MM:SS", seconds may have a fraction: "0:00", "12:34", "1:05:00.5".
_POSITION = re.compile(r"(?:(\d+):([0-5]\d)|(\d+)):([0-5]\d(?:\.\d+)?)")

# WebVTT ends a line at CR, LF or CRLF only (not at U+2028, U+0085, form feed...).
_LINE_END = re.compile(r"\r\n|\r|\n")
_ASCII_SPACE = " \t\n\x0c\r"  # "skip whitespace" in the timing line
_TIMESTAMP = re.compile(r"([0-9]+):([0-9]+)(?::([0-9]+))?\.([0-9]+)")
_WRITTEN = re.compile(r"[^ \t\x0c]*")  # a time as written, for messages
_ARROW = "-->"
# "NOTE", "STYLE" and "REGION" open a block when followed by nothing but spaces or tabs
# (NOTE: by a space, a tab or the end of the line).
_NOTE = re.compile(r"NOTE(?:[ \t].*)?")
_STYLE_OR_REGION = re.compile(r"(STYLE|REGION)[ \t\x0c]*")
# Cue text: a tag runs from "<" to ">" or to the end of the text; then one space for any run of
# white space or line separators (a transcript reads as prose; a no-break space stays).
_TAG = re.compile(r"<[^>]*>?")
_SPACES = re.compile(r"[\t\n\x0b\x0c\r \x1c-\x1f\x85\u2028\u2029]+")

# The player seeks in 64-bit milliseconds: a later time cannot be reached at all.
_LONGEST_MS = 2**63 - 1
# Without a declared duration, a time more than a day in is a mistyped one.
_PLAUSIBLE_SECONDS = 24 * 3600
# The last words may run on a little after the end of the video.
_END_SLACK_SECONDS = 60


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
    """A file that is not WebVTT at all (browsers refuse it whole); `line` counts from 1."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(_("line {line}: {reason}").format(line=line, reason=reason))
        self.line = line
        self.reason = reason


@dataclass(frozen=True)
class TranscriptProblem:
    """Something a maintainer should fix; `line` counts from 1. `message` is translated."""

    line: int
    message: str


@dataclass(frozen=True)
class Transcript:
    cues: tuple[TranscriptCue, ...]
    cue_lines: tuple[int, ...]  # the line of each cue's timing line
    problems: tuple[TranscriptProblem, ...]  # in line order


def cue_text(raw: str) -> str:
    """The plain text of a cue: tags such as `<v Speaker>` or `<i>` removed, entities decoded,
    lines joined with spaces."""
    return _SPACES.sub(" ", html.unescape(_TAG.sub("", raw))).strip()


def parse_webvtt(text: str) -> list[TranscriptCue]:
    """The cues a browser keeps from `text`, in file order, numbered from 0.
    Raises WebVTTError when the file is not WebVTT at all."""
    return list(read_webvtt(text).cues)


def read_webvtt(text: str, duration: float | None = None) -> Transcript:
    """The cues of `text` and every problem found, each on its line. `duration` (seconds,
    when known) is the length of the video, which no cue should start after.
    Raises WebVTTError when the file is not WebVTT at all."""
    reader = _Reader(text)
    reader.read()
    _check_times(reader.cues, reader.problems, duration)
    cues = tuple(TranscriptCue(index, cue.start, cue.end, cue.text)
                 for index, cue in enumerate(reader.cues))
    problems = tuple(sorted(reader.problems, key=lambda problem: problem.line))
    return Transcript(cues, tuple(cue.line for cue in reader.cues), problems)


@dataclass(frozen=True)
class _Cue:
    line: int
    start: float
    end: float
    start_text: str  # the times as written, for messages
    end_text: str
    text: str


class _BadTiming(Exception):
    """A timing line that browsers reject; the cue is dropped."""


class _Reader:
    """The W3C parser algorithm on a list of lines; `at` is the index of the next line."""

    def __init__(self, text: str) -> None:
        # Step 1 of the algorithm, after UTF-8 decoding (which drops a byte order mark).
        text = text.removeprefix("\ufeff").replace("\0", "\ufffd")
        if not (text.startswith("WEBVTT") and (len(text) == 6 or text[6] in " \t\r\n")):
            raise WebVTTError(1, _('the first line must be "WEBVTT" (alone, or followed by a '
                                   'space and a title): browsers refuse this file'))
        self.lines = _LINE_END.split(text)
        if self.lines[-1] == "":
            self.lines.pop()  # the last line end closes a line, it does not open one
        self.at = 1  # line 1 is the signature
        self.seen_cue = False
        self.split_at_arrow = False  # the last block ended at a "-->" line, not a blank line
        self.cues: list[_Cue] = []
        self.problems: list[TranscriptProblem] = []

    def read(self) -> None:
        if self.at < len(self.lines):
            if self.lines[self.at]:
                self._block(in_header=True)  # the header's lines, if any
            else:
                self.at += 1
        self._skip_blank_lines()
        while self.at < len(self.lines):
            self._block(in_header=False)
            self._skip_blank_lines()

    def _skip_blank_lines(self) -> None:
        while self.at < len(self.lines) and not self.lines[self.at]:
            self.at += 1

    def _block(self, in_header: bool) -> None:
        """"Collect a WebVTT block": one cue, style sheet, region, note or stray text."""
        first = self.at
        buffer: list[str] = []
        line_count = 0
        seen_arrow = False
        timing: tuple[int, float, float, str, str] | None = None
        dropped_at: int | None = None
        opened = None  # "STYLE" or "REGION", when the block is one
        split_off, self.split_at_arrow = self.split_at_arrow, False
        while self.at < len(self.lines):
            line = self.lines[self.at]
            line_count += 1
            if _ARROW in line:
                if in_header or not (line_count == 1 or (line_count == 2 and not seen_arrow)):
                    self.split_at_arrow = not in_header
                    break  # this line starts the next block
                seen_arrow = True
                try:
                    timing = (self.at + 1, *_timing(line))
                    buffer = []
                    self.seen_cue = True
                except _BadTiming as bad:
                    dropped_at = self.at + 1
                    if split_off and line_count == 1:
                        message = _('a line containing "-->" starts a new cue, even in the text '
                                    'of a cue (write "--&gt;" there); this one is left out, as '
                                    'browsers leave it out: {reason}')
                    else:
                        message = _("this cue is left out, as browsers leave it out: {reason}")
                    self._problem(dropped_at, message.format(reason=bad))
            elif not line:
                self.at += 1
                break
            else:
                if (not in_header and line_count == 2 and not self.seen_cue
                        and buffer and _STYLE_OR_REGION.fullmatch(buffer[0])):
                    opened = buffer[0].split()[0]
                    buffer = []
                buffer.append(line)
            self.at += 1
        if timing is not None:
            line, start, end, start_text, end_text = timing
            self.cues.append(_Cue(line, start, end, start_text, end_text,
                                  cue_text("\n".join(buffer))))
        elif dropped_at is None and opened is None and not in_header:
            self._stray_block(first, buffer)

    def _stray_block(self, first: int, buffer: list[str]) -> None:
        """A block that is no cue: a note is fine; anything else is skipped by browsers."""
        if _NOTE.fullmatch(buffer[0]):
            return
        keyword = _STYLE_OR_REGION.fullmatch(buffer[0])
        if keyword is None:
            self._problem(first + 1, _(
                'expected a cue timing line such as "00:01:02.000 --> 00:01:07.500" before this '
                'text (an identifier line may come first): browsers skip these lines'))
        elif self.seen_cue:
            self._problem(first + 1, _(
                "a {block} block after the first cue: browsers ignore it (STYLE and REGION "
                "blocks go before the cues)").format(block=keyword.group(1)))

    def _problem(self, line: int, message: str) -> None:
        self.problems.append(TranscriptProblem(line, message))


def _timing(line: str) -> tuple[float, float, str, str]:
    """Start, end (seconds) and their text, from a cue timing line ("collect WebVTT cue timings
    and settings"; the settings only place the text on screen, so they are not read)."""
    at = _skip_space(line, 0)
    start, start_text, at = _timestamp(line, at)
    at = _skip_space(line, at)
    if not line.startswith(_ARROW, at):
        raise _BadTiming(_('expected "-->" after the start time {time}').format(time=start_text))
    at = _skip_space(line, at + len(_ARROW))
    end, end_text = _timestamp(line, at)[:2]
    return start, end, start_text, end_text


def _skip_space(line: str, at: int) -> int:
    while at < len(line) and line[at] in _ASCII_SPACE:
        at += 1
    return at


def _timestamp(line: str, at: int) -> tuple[float, str, int]:
    """"Collect a WebVTT timestamp" at `at`: (seconds, the time as written, the index after).

    The digit runs of the regular expression are maximal, as the algorithm collects them; the
    rules on their lengths follow."""
    match = _TIMESTAMP.match(line, at)
    if match is None or not _timestamp_fields_fit(*match.groups()):
        written = _WRITTEN.match(line, at).group().split(_ARROW)[0]
        if not written:
            raise _BadTiming(_('a time is missing before or after "-->"'))
        raise _BadTiming(_('"{time}" is not a WebVTT time (expected HH:MM:SS.mmm or '
                           'MM:SS.mmm)').format(time=written))
    first, second, third, millis = match.groups()
    hours, minutes, seconds = (first, second, third) if third is not None else ("0", first, second)
    if int(minutes) > 59 or int(seconds) > 59:
        raise _BadTiming(_('"{time}" is not a WebVTT time: minutes and seconds go from 00 to 59')
                         .format(time=match.group()))
    # Thousands of digits would make int() refuse; far fewer already pass the player's limit.
    if len(hours.lstrip("0")) > 20 or (
            total_ms := ((int(hours) * 60 + int(minutes)) * 60 + int(seconds)) * 1000
            + int(millis)) > _LONGEST_MS:
        raise _BadTiming(_('"{time}" is too far to be a time in a video').format(
            time=match.group()))
    # In whole milliseconds first, so that "00:12.601" is exactly 12.601.
    return total_ms / 1000, match.group(), match.end()


def _timestamp_fields_fit(first: str, second: str, third: str | None, millis: str) -> bool:
    """Two-digit minutes and seconds, three-digit milliseconds; a first field that is not two
    digits, or above 59, is the hours, and then the seconds must follow."""
    if len(second) != 2 or len(millis) != 3 or (third is not None and len(third) != 2):
        return False
    return third is not None or (len(first) == 2 and int(first) <= 59)


def _check_times(cues: list[_Cue], problems: list[TranscriptProblem],
                 duration: float | None) -> None:
    """Cues that browsers keep but that are most likely mistakes: each is named, none dropped."""
    previous: _Cue | None = None
    for cue in cues:
        if cue.end < cue.start:
            problems.append(TranscriptProblem(cue.line, _(
                "the cue ends before it starts ({start} --> {end}): browsers keep it but never "
                "show it").format(start=cue.start_text, end=cue.end_text)))
        if previous is not None and cue.start < previous.start:
            problems.append(TranscriptProblem(cue.line, _(
                "the cue starts at {start}, before the cue above it ({previous}): cues should "
                "be in time order (the cue is kept)").format(start=cue.start_text,
                                                             previous=previous.start_text)))
        elif previous is not None and cue.start < previous.end:
            problems.append(TranscriptProblem(cue.line, _(
                "the cue starts at {start}, before the cue above it ends ({end}): the two "
                "overlap (both are kept)").format(start=cue.start_text, end=previous.end_text)))
        if duration is not None and cue.start > duration:
            problems.append(TranscriptProblem(cue.line, _(
                "the cue starts at {start}, after the end of the replay ({duration}): the "
                "video cannot be opened there (the cue is kept)").format(
                    start=cue.start_text, duration=format_timestamp(duration))))
        elif duration is not None and cue.end > duration + _END_SLACK_SECONDS:
            problems.append(TranscriptProblem(cue.line, _(
                "the cue ends at {end}, well after the end of the replay ({duration}): is the "
                "time mistyped? (the cue is kept)").format(
                    end=cue.end_text, duration=format_timestamp(duration))))
        elif duration is None and max(cue.start, cue.end) > _PLAUSIBLE_SECONDS:
            later = cue.start_text if cue.start >= cue.end else cue.end_text
            problems.append(TranscriptProblem(cue.line, _(
                "the cue reaches {time}, more than a day into the video: is the hour "
                "mistyped? (the cue is kept)").format(time=later)))
        previous = cue
