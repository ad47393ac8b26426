"""Loading one pack folder into records, checking it against the format (resources/README.md).

Every problem is reported, not just the first. A record whose required fields are wrong is
left out; an optional field that is wrong is left unknown; the pack itself is None only when
`pack.toml` cannot be used.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from dataclasses import dataclass, field
from datetime import date, time
from pathlib import Path

from mediation_kit.core.i18n import _, format_number
from mediation_kit.core.model import (
    SUPPORTED_FORMAT, Chapter, Event, KitAsset, KitKind, Pack, Replay, Summary)
from mediation_kit.core.packs import files, limits
from mediation_kit.core.packs.files import PackFileError
from mediation_kit.core.packs.images import IMAGE_SUFFIXES, ImageError, check_image
from mediation_kit.core.packs.problems import Problem, ProblemLog
from mediation_kit.core.packs.reader import LANGUAGE_PATTERN, TableReader, suggestion
from mediation_kit.core.packs.rules import PackRules
from mediation_kit.core.packs.sources import (
    TomlSource, parse_toml, read_text, read_toml, split_front_matter)
from mediation_kit.core.packs.survey import survey_pack
from mediation_kit.core.packs.webvtt import WebVTTError, read_webvtt

log = logging.getLogger(__name__)

PACK_FILE = "pack.toml"
REPLAYS_FILE = "replays.toml"
SUMMARIES_DIR = "summaries"
KIT_DIR = "kit"
KIT_FILE = "kit/kit.toml"

PACK_KEYS = ("format", "id", "version", "languages", "licence", "themes", "event")
EVENT_KEYS = ("name", "edition", "start", "end", "city", "venue", "organisers", "partners",
              "website", "date_precision")
DATE_PRECISIONS = ("day", "month")
SUMMARY_KEYS = ("id", "title", "session", "date", "time", "language", "speakers", "themes",
                "translation")
REPLAY_KEYS = ("id", "title", "date", "language", "session", "speakers", "themes",
               "description", "duration", "url", "transcript", "video", "chapters")
CHAPTER_KEYS = ("start", "title")
ASSET_KEYS = ("id", "kind", "file", "title", "caption", "credit", "licence", "language",
              "tags", "session", "date")
TEXT_SUFFIXES = frozenset({".md", ".markdown", ".txt"})


@dataclass
class PackLoadResult:
    pack: Pack | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.pack is not None and not self.problems


def is_pack_folder(path: Path) -> bool:
    """Whether `path` is a folder holding a pack.toml. A folder that cannot be read counts:
    loading it then names the problem, instead of calling it "not a pack"."""
    path = Path(path)
    try:
        if not path.is_dir():
            return False
        os.lstat(path / PACK_FILE)  # a broken link is a pack.toml that cannot be read
    except (FileNotFoundError, NotADirectoryError):
        return False
    except (OSError, ValueError):
        return True
    return True


def load_pack(path: Path) -> PackLoadResult:
    """The pack in the folder `path` and its problems. Never raises: whatever is in the
    folder costs at most this pack, named in its problems."""
    try:
        root = Path(path).resolve()
    except (OSError, RuntimeError, ValueError) as error:
        return PackLoadResult(None, [Problem(Path(path).name, None, _(
            "the pack folder cannot be found ({reason})").format(reason=error))])
    problems = ProblemLog(root)
    try:
        return PackLoadResult(_load(root, problems), problems.sorted())
    except Exception as error:  # noqa: BLE001 - a bug must not cost the other packs
        log.exception("unexpected error while loading the pack %s", root)
        problems.add("", None, _("the pack could not be read because of an unexpected error "
                                 "({error}): it is left out").format(
            error=f"{type(error).__name__}: {error}"))
        return PackLoadResult(None, problems.sorted())


def _load(root: Path, problems: ProblemLog) -> Pack | None:
    survey = survey_pack(root, problems)
    if not survey.usable:
        return None
    if not files.exists(root / PACK_FILE):
        problems.add(PACK_FILE, None, _("missing: a pack folder must contain a pack.toml file"))
        return None
    return _PackLoader(root, problems).load()


class _PackLoader:
    def __init__(self, root: Path, log: ProblemLog) -> None:
        self.root = root
        self.log = log
        self.languages: tuple[str, ...] | None = None  # None: unknown, not checked
        self.pack_id = root.name
        self.readable = True  # False when the other files cannot be judged at all
        self.summary_sessions: set[str] = set()
        self.cues = 0  # in the transcripts read so far, against limits.MAX_PACK_CUES
        self.rules = PackRules()  # the event's dates and themes, once pack.toml is read

    def load(self) -> Pack | None:
        header = self._read_pack_file()
        if not self.readable:
            return None
        # Read on even when pack.toml is wrong: the maintainer sees every problem at once.
        summaries = self._read_summaries()
        replays = self._read_replays()
        kit = self._read_kit()
        if header is None:
            return None
        return dataclasses.replace(header, summaries=summaries, replays=replays, kit=kit)

    # --- pack.toml ---------------------------------------------------------------------

    def _read_pack_file(self) -> Pack | None:
        path = self.root / PACK_FILE
        source = read_toml(path, self.log)
        if source is None:
            self.readable = False
            return None
        top = TableReader(source.data, allowed=PACK_KEYS, log=self.log, file=path,
                          lines=source.lines)
        fmt = top.integer("format", required=True)
        if fmt is not None and fmt > SUPPORTED_FORMAT:
            top.problem("format", _("format {format} is newer than this version of Mediation "
                                    "Kit reads (up to {supported}): update the kit to use this "
                                    "pack").format(format=fmt, supported=SUPPORTED_FORMAT))
            self.readable = False
            return None
        if fmt is not None and fmt < 1:
            top.problem("format", _("format {format} does not exist (expected {supported})")
                        .format(format=fmt, supported=SUPPORTED_FORMAT))
            top.failed = True
        pack_id = top.identifier("id")
        if pack_id is not None and pack_id != self.root.name:
            top.problem("id", _('id "{id}" is not the name of the pack\'s folder "{folder}": '
                                'they must be the same').format(id=pack_id,
                                                                folder=self.root.name))
        version = top.text("version", required=True)
        languages = top.text_list("languages", required=True)
        for language in languages:
            if not LANGUAGE_PATTERN.fullmatch(language):
                top.problem("languages", _('"{language}" is not a language code such as "fr" '
                                           'or "en"').format(language=language))
        languages = tuple(code for code in languages if LANGUAGE_PATTERN.fullmatch(code))
        if languages:
            self.languages = languages
        else:
            top.failed = True
        licence = top.text("licence", required=True)
        themes = top.text_list("themes")
        event = self._read_event(source, top)
        if pack_id is not None:
            self.pack_id = pack_id
        self.rules = PackRules(event, tuple(themes))
        if top.failed or event is None:
            return None
        return Pack(id=pack_id, version=version, format=fmt, languages=languages,
                    licence=licence, event=event, root=self.root, themes=themes)

    def _read_event(self, source: TomlSource, top: TableReader) -> Event | None:
        data = top.raw("event", required=True)
        if data is None:
            return None
        if not isinstance(data, dict):
            top.wrong_type("event", _("a table [event]"), data, required=True)
            return None
        event = TableReader(data, allowed=EVENT_KEYS, log=self.log, file=top.file,
                            lines=source.lines, table=("event",), where=_(" in [event]"))
        fields = dict(
            name=event.text("name", required=True),
            edition=event.text("edition", required=True),
            start=event.date("start", required=True),
            end=event.date("end", required=True),
            city=event.text("city", required=True),
            venue=event.text("venue", required=True),
            organisers=event.text_list("organisers", required=True),
            partners=event.text_list("partners"),
            website=event.url("website"),
            date_precision=event.text("date_precision") or "day",
        )
        if event.failed:
            return None
        if fields["date_precision"] not in DATE_PRECISIONS:
            event.problem("date_precision", _(
                'date_precision "{value}" is not one of {allowed}').format(
                    value=fields["date_precision"], allowed=", ".join(DATE_PRECISIONS)))
            fields["date_precision"] = "day"
        if fields["end"] < fields["start"]:
            event.problem("end", _("the event ends ({end}) before it starts ({start})").format(
                end=fields["end"].isoformat(), start=fields["start"].isoformat()))
        return Event(**fields)

    # --- summaries ---------------------------------------------------------------------

    def _read_summaries(self) -> tuple[Summary, ...]:
        folder = self.root / SUMMARIES_DIR
        summaries: list[Summary] = []
        translation_lines: dict[str, tuple[Path, int | None]] = {}
        seen: dict[str, Path] = {}
        dropped: set[str] = set()  # ids of summaries left out, already reported
        for path in self._summary_files(folder):
            read = self._read_summary(path, dropped)
            if read is None:
                dropped.add(path.stem)
                continue
            summary, fields = read
            if summary.id in seen:
                fields.problem("id", _('duplicate id "{id}": {other} already uses it').format(
                    id=summary.id, other=self.log.name(seen[summary.id])))
                continue
            seen[summary.id] = path
            summaries.append(summary)
            translation_lines[summary.id] = (path, fields.line("translation"))
        summaries = self._check_translations(summaries, translation_lines, dropped)
        self.summary_sessions = {summary.session for summary in summaries}
        # A summary whose day is not known comes after the dated ones.
        return tuple(sorted(summaries, key=lambda s: (s.date or date.max, s.time or time.min,
                                                      s.id)))

    def _summary_files(self, folder: Path) -> list[Path]:
        """The `*.md` entries of summaries/, by name; whether each is a file that may be read
        is for `read_text` to say."""
        if not files.exists(folder):
            return []
        try:
            with os.scandir(folder) as listing:
                names = sorted(entry.name for entry in listing)
        except OSError as error:
            self.log.add(folder, None, _("the folder cannot be read ({reason}): its summaries "
                                         "are left out").format(reason=files.reason(error)))
            return []
        return [folder / name for name in names
                if name.endswith(".md") and not name.startswith(".")]

    def _read_summary(self, path: Path,
                      dropped: set[str]) -> tuple[Summary, TableReader] | None:
        """The summary in `path` and its reader (for lines); None when it is left out, after
        adding its id to `dropped` when it has one."""
        text = read_text(path, self.log)
        if text is None:
            return None
        front = split_front_matter(text, path, self.log)
        if front is None:
            return None
        source = parse_toml(front.toml, path, self.log, first_line=front.first_line)
        if source is None:
            return None
        fields = TableReader(source.data, allowed=SUMMARY_KEYS, log=self.log, file=path,
                             lines=source.lines, line=None)
        values = dict(
            id=fields.identifier("id"),
            title=fields.text("title", required=True),
            session=fields.identifier("session"),
            date=fields.date("date"),  # absent when only the event's dates are known
            time=fields.time("time"),
            language=fields.language("language", self.languages, required=True),
            speakers=fields.people("speakers"),
            themes=fields.text_list("themes"),
            translation=fields.identifier("translation", required=False),
        )
        self.rules.check(fields, values)
        if fields.failed:
            if isinstance(source.data.get("id"), str):
                dropped.add(source.data["id"])
            return None
        summary = Summary(pack_id=self.pack_id, body=front.body, source=path, **values)
        return summary, fields

    def _check_translations(self, summaries: list[Summary],
                            lines: dict[str, tuple[Path, int | None]],
                            dropped: set[str]) -> list[Summary]:
        """Each translation must name another summary, in another language, pointing back.
        A wrong link is reported once (not from both ends) and removed."""
        by_id = {summary.id: summary for summary in summaries}
        reported: set[frozenset[str]] = set()
        checked = []
        for summary in summaries:
            target = summary.translation
            if target is not None:
                message = None if target in dropped else self._translation_problem(summary, by_id)
                if message is not None and frozenset((summary.id, target)) not in reported:
                    reported.add(frozenset((summary.id, target)))
                    path, line = lines[summary.id]
                    self.log.add(path, line, message)
                if message is not None or target in dropped:
                    summary = dataclasses.replace(summary, translation=None)
            checked.append(summary)
        return checked

    @staticmethod
    def _translation_problem(summary: Summary, by_id: dict[str, Summary]) -> str | None:
        other = by_id.get(summary.translation)
        if other is None:
            hint = suggestion(summary.translation, by_id)
            if hint:
                return _('translation "{id}" is not the id of a summary of this pack (did you '
                         'mean "{suggestion}"?)').format(id=summary.translation,
                                                          suggestion=hint)
            return _('translation "{id}" is not the id of a summary of this pack').format(
                id=summary.translation)
        if other.language == summary.language:
            return _('translation "{id}" is in the same language ({language})').format(
                id=other.id, language=other.language)
        if other.translation != summary.id:
            if other.translation is None:
                return _('translation "{id}" does not point back: add translation = "{own}" '
                         'to it').format(id=other.id, own=summary.id)
            if other.translation not in by_id:
                return None  # the other end is wrong, and reported there
            return _('translation "{id}" does not point back: its translation is "{other}", '
                     'not "{own}"').format(id=other.id, other=other.translation,
                                           own=summary.id)
        return None

    # --- replays.toml ------------------------------------------------------------------

    def _entries(self, relative: str, array: str) -> tuple[Path, TomlSource | None, list]:
        """The `[[array]]` tables of an optional TOML file, each with its position."""
        path = self.root / relative
        if not files.exists(path):
            return path, None, []
        source = read_toml(path, self.log)
        if source is None:
            return path, None, []
        top = TableReader(source.data, allowed=(array,), log=self.log, file=path,
                          lines=source.lines)
        entries = top.raw(array, required=False) or []
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            top.problem(array, _('"{key}" must be a list of tables, written [[{key}]]').format(
                key=array))
            return path, source, []
        return path, source, list(enumerate(entries))

    def _where(self, array: str, number: int, entry: dict) -> str:
        local_id = entry.get("id")
        if isinstance(local_id, str) and local_id:
            return _(' in [[{array}]] "{id}"').format(array=array, id=local_id)
        return _(" in [[{array}]] number {number}").format(array=array, number=number + 1)

    def _read_replays(self) -> tuple[Replay, ...]:
        path, source, entries = self._entries(REPLAYS_FILE, "replay")
        replays: list[Replay] = []
        seen: dict[str, int | None] = {}
        for number, entry in entries:
            fields = TableReader(entry, allowed=REPLAY_KEYS, log=self.log, file=path,
                                 lines=source.lines, table=("replay", number),
                                 where=self._where("replay", number, entry))
            values = dict(
                id=fields.identifier("id"),
                title=fields.text("title", required=True),
                date=fields.date("date", required=True),
                language=fields.language("language", self.languages, required=True),
                session=self._session(fields),
                speakers=fields.people("speakers"),
                themes=fields.text_list("themes"),
                description=fields.text("description") or "",
                duration=fields.position("duration"),
                url=fields.url("url"),
                video_file=self._video(fields),
                chapters=self._chapters(fields, number),
            )
            transcript = self._transcript(fields, values["duration"])
            self.rules.check(fields, values)
            if fields.failed:
                continue
            if values["id"] in seen:
                fields.problem("id", _('duplicate id "{id}": replay on line {line} already '
                                       'uses it').format(id=values["id"],
                                                         line=seen[values["id"]]))
                continue
            seen[values["id"]] = fields.line("id")
            if transcript is not None:
                values["transcript_file"], values["cues"] = transcript
            replays.append(Replay(pack_id=self.pack_id, **values))
        return tuple(replays)

    def _session(self, fields: TableReader) -> str | None:
        """The optional session of a replay or kit file. A session no summary has, but close
        to one that does, is most likely a typo that would silently unlink the record."""
        session = fields.identifier("session", required=False)
        if session is not None and session not in self.summary_sessions:
            hint = suggestion(session, self.summary_sessions)
            if hint:
                fields.problem("session", _('session "{session}"{where} is the session of no '
                                            'summary (did you mean "{suggestion}"?)').format(
                    session=session, where=fields.where, suggestion=hint))
        return session

    def _video(self, fields: TableReader) -> str | None:
        video = fields.text("video")
        if video is not None and ("/" in video or "\\" in video):
            fields.problem("video", _('video "{video}"{where} must be a file name, without a '
                                      'folder: the kit looks for it in the media folder')
                           .format(video=video, where=fields.where))
            return None
        return video

    def _chapters(self, replay: TableReader, number: int) -> tuple[Chapter, ...]:
        data = replay.raw("chapters", required=False)
        if data is None:
            return ()
        if not isinstance(data, list) or not all(isinstance(c, dict) for c in data):
            replay.problem("chapters", _('"chapters"{where} must be a list of tables, written '
                                         '[[replay.chapters]]').format(where=replay.where))
            return ()
        chapters: list[Chapter] = []
        for index, entry in enumerate(data):
            fields = TableReader(
                entry, allowed=CHAPTER_KEYS, log=self.log, file=replay.file,
                lines=replay.lines, table=("replay", number, "chapters", index),
                where=_(" in chapter {number}{where}").format(number=index + 1,
                                                             where=replay.where))
            start = fields.position("start", required=True)
            title = fields.text("title", required=True)
            if fields.failed:
                continue
            if chapters and start < chapters[-1].start:
                fields.problem("start", _("chapter {number}{where} starts before the chapter "
                                          "above it: chapters must be in order").format(
                    number=index + 1, where=replay.where))
            chapters.append(Chapter(start=start, title=title))
        return tuple(chapters)

    def _transcript(self, fields: TableReader, duration: float | None):
        """(file, cues) of the replay's transcript, None when absent or unusable. A cue that
        browsers drop is reported and left out; the others load."""
        relative = fields.text("transcript")
        if relative is None:
            return None
        path = self._inside_pack(fields, "transcript", relative, self.root)
        if path is None:
            return None
        text = read_text(path, self.log, limits.MAX_TRANSCRIPT_BYTES)
        if text is None:
            return None
        try:
            transcript = read_webvtt(text, duration)
        except WebVTTError as error:
            self.log.add(path, error.line, error.reason)
            return None
        cues = transcript.cues
        # Each cue is a search document: a transcript of hundreds of thousands would
        # take the index build hours; the replay is kept without it.
        if len(cues) > limits.MAX_TRANSCRIPT_CUES:
            self.log.add(path, None, _("{count} cues, more than the {limit} a transcript may "
                                       "hold: the transcript is left out").format(
                count=format_number(len(cues)),
                limit=format_number(limits.MAX_TRANSCRIPT_CUES)))
            return None
        if self.cues + len(cues) > limits.MAX_PACK_CUES:
            self.log.add(path, None, _("the pack's transcripts would hold more than {limit} "
                                       "cues: this one is left out").format(
                limit=format_number(limits.MAX_PACK_CUES)))
            return None
        for problem in transcript.problems:
            self.log.add(path, problem.line, problem.message)
        self.cues += len(cues)
        return path, tuple(cues)

    def _inside_pack(self, fields: TableReader, key: str, relative: str,
                     base: Path) -> Path | None:
        """The file `relative` to `base`, which must exist and stay inside the pack."""
        try:
            path = files.inside(self.root, relative, base)
        except files.OutsidePack:
            fields.problem(key, _('{key} "{file}"{where} is outside the pack folder').format(
                key=key, file=relative, where=fields.where))
            return None
        except PackFileError as error:
            fields.problem(key, _('{key} "{file}"{where}: {reason}').format(
                key=key, file=files.shown_name(relative), where=fields.where, reason=error))
            return None
        if not files.exists(path):
            fields.problem(key, _('{key} "{file}"{where}: no such file ({path})').format(
                key=key, file=relative, where=fields.where, path=self.log.name(path)))
            return None
        return path

    # --- kit/kit.toml ------------------------------------------------------------------

    def _read_kit(self) -> tuple[KitAsset, ...]:
        path, source, entries = self._entries(KIT_FILE, "asset")
        assets: list[KitAsset] = []
        seen: dict[str, int | None] = {}
        for number, entry in entries:
            fields = TableReader(entry, allowed=ASSET_KEYS, log=self.log, file=path,
                                 lines=source.lines, table=("asset", number),
                                 where=self._where("asset", number, entry))
            values = dict(
                id=fields.identifier("id"),
                kind=self._kind(fields),
                title=fields.text("title", required=True),
                caption=fields.text("caption") or "",
                credit=fields.text("credit", required=True),
                licence=fields.text("licence", required=True),
                language=fields.language("language", self.languages),
                tags=fields.text_list("tags"),
                session=self._session(fields),
                date=fields.date("date"),
            )
            self.rules.check(fields, values)
            relative = fields.text("file", required=True)
            file = None
            if relative is not None:
                file = self._inside_pack(fields, "file", relative, self.root / KIT_DIR)
                fields.failed = fields.failed or file is None
            if fields.failed:
                continue
            if values["id"] in seen:
                fields.problem("id", _('duplicate id "{id}": asset on line {line} already '
                                       'uses it').format(id=values["id"],
                                                         line=seen[values["id"]]))
                continue
            seen[values["id"]] = fields.line("id")
            if values["kind"] is KitKind.PRESS_TEXT and file.suffix.lower() not in TEXT_SUFFIXES:
                fields.problem("file", _('file "{file}"{where}: a press text must be a Markdown '
                                         'file (.md)').format(file=relative, where=fields.where))
            text = ""
            if file.suffix.lower() in TEXT_SUFFIXES:
                text = read_text(file, self.log)
                if text is None:
                    continue  # the file's own problem is reported
            else:
                problem = self._kit_file_problem(file)
                if problem is not None:
                    fields.problem("file", _('file "{file}"{where}: {problem}').format(
                        file=relative, where=fields.where, problem=problem))
                    continue
            assets.append(KitAsset(pack_id=self.pack_id, file=file, text=text, **values))
        return tuple(assets)

    def _kit_file_problem(self, file: Path) -> str | None:
        """Why a kit file that is not text cannot be shown: not a file, too big, or an image
        that is empty, damaged, cut short or too large."""
        try:
            fp, size = files.open_regular(file, self.root, limits.MAX_KIT_FILE_BYTES)
        except PackFileError as error:
            return str(error)
        with fp:
            if file.suffix.lower() not in IMAGE_SUFFIXES:
                return None
            try:
                check_image(fp, size, file.suffix)
            except ImageError as error:
                return str(error)
            except OSError as error:
                return _("cannot be read: {reason}").format(reason=files.reason(error))
        return None

    @staticmethod
    def _kind(fields: TableReader) -> KitKind | None:
        value = fields.text("kind", required=True)
        if value is None:
            return None
        try:
            return KitKind(value)
        except ValueError:
            pass
        kinds = [kind.value for kind in KitKind]
        hint = suggestion(value, kinds)
        message = _('unknown kind "{kind}"{where}: expected one of {kinds}').format(
            kind=value, where=fields.where, kinds=", ".join(kinds))
        if hint:
            message += " " + _('(did you mean "{suggestion}"?)').format(suggestion=hint)
        fields.problem("kind", message)
        fields.failed = True
        return None

