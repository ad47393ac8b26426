"""The content records of an event pack, as the rest of the kit sees them.

Records are immutable and carry no behaviour beyond small derived values: the pack loader
builds them, the search package indexes them, the UI shows them. Times inside a replay are
seconds from the start of the video (floats); calendar dates are `datetime.date`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path

# Pack format versions this kit reads. A pack declaring a newer one is refused with a message.
SUPPORTED_FORMAT = 1


class ResourceType(enum.StrEnum):
    """The kinds of searchable resource. The values are stable: they appear in the index,
    in `type:` query filters, in `--type` and in JSON output."""

    SUMMARY = "summary"
    REPLAY = "replay"
    CUE = "cue"  # one transcript cue of a replay
    KIT = "kit"  # one communication-kit asset


class KitKind(enum.StrEnum):
    """What a communication-kit file is, as written in `kit/kit.toml`."""

    PHOTO = "photo"
    LOGO = "logo"
    POSTER = "poster"
    VISUAL = "visual"
    PRESS_TEXT = "press-text"
    SOCIAL_TEMPLATE = "social-template"
    PROGRAMME = "programme"


@dataclass(frozen=True)
class Person:
    name: str
    role: str = ""


@dataclass(frozen=True)
class Event:
    name: str
    edition: str
    start: date
    end: date
    city: str
    venue: str
    organisers: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    website: str | None = None
    # "day" when the sources give the days; "month" when they only give the month, so the
    # kit writes "March 2024" instead of pretending the event lasted from the 1st to the 31st.
    date_precision: str = "day"

    @property
    def year(self) -> int:
        return self.start.year


@dataclass(frozen=True)
class Summary:
    """A written summary of one session, in one language."""

    pack_id: str
    id: str
    title: str
    session: str
    date: date | None  # None when only the event's dates are known: the kit shows those
    language: str
    body: str  # Markdown, without the front matter
    source: Path  # the .md file, for messages and "open the source"
    time: time | None = None
    speakers: tuple[Person, ...] = ()
    themes: tuple[str, ...] = ()
    translation: str | None = None  # id of the same summary in another language

    @property
    def key(self) -> str:
        return resource_key(self.pack_id, ResourceType.SUMMARY, self.id)


@dataclass(frozen=True)
class Chapter:
    start: float
    title: str


@dataclass(frozen=True)
class TranscriptCue:
    index: int  # position in the transcript, from 0
    start: float
    end: float
    text: str


@dataclass(frozen=True)
class Replay:
    """A recorded talk or plenary. Unknown facts stay None: the kit shows them as unknown."""

    pack_id: str
    id: str
    title: str
    date: date
    language: str
    session: str | None = None
    speakers: tuple[Person, ...] = ()
    themes: tuple[str, ...] = ()
    description: str = ""
    duration: float | None = None
    url: str | None = None
    chapters: tuple[Chapter, ...] = ()
    transcript_file: Path | None = None
    cues: tuple[TranscriptCue, ...] = ()
    video_file: str | None = None  # a file name looked up in the user's media folder

    @property
    def key(self) -> str:
        return resource_key(self.pack_id, ResourceType.REPLAY, self.id)

    def cue_key(self, cue: TranscriptCue) -> str:
        return resource_key(self.pack_id, ResourceType.CUE, f"{self.id}#{cue.index}")


@dataclass(frozen=True)
class KitAsset:
    pack_id: str
    id: str
    kind: KitKind
    file: Path  # absolute path of the asset file
    title: str
    credit: str
    licence: str
    language: str | None = None  # None for language-neutral files (logos, photos)
    caption: str = ""
    tags: tuple[str, ...] = ()
    session: str | None = None
    date: date | None = None
    text: str = ""  # body of a press text or text document, for search and display

    @property
    def key(self) -> str:
        return resource_key(self.pack_id, ResourceType.KIT, self.id)

    @property
    def is_image(self) -> bool:
        return self.file.suffix.lower() in IMAGE_SUFFIXES


IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif"})


@dataclass(frozen=True)
class Pack:
    """One event's content pack, as loaded from `resources/packs/<id>/`."""

    id: str
    version: str
    format: int
    languages: tuple[str, ...]
    licence: str
    event: Event
    root: Path
    summaries: tuple[Summary, ...] = ()
    replays: tuple[Replay, ...] = ()
    kit: tuple[KitAsset, ...] = ()
    themes: tuple[str, ...] = field(default=())  # the event's declared themes


def resource_key(pack_id: str, kind: ResourceType | str, local_id: str) -> str:
    """The id of a resource across all packs, e.g. `nec-2025:summary:ouverture`.

    Cue keys end in `#<index>` after the replay id: `nec-2025:cue:pleniere-espoir#12`.
    """
    return f"{pack_id}:{ResourceType(kind).value}:{local_id}"


def split_key(key: str) -> tuple[str, ResourceType, str]:
    """Inverse of `resource_key`; raises ValueError on a malformed key."""
    pack_id, kind, local_id = key.split(":", 2)
    return pack_id, ResourceType(kind), local_id
