"""Shows each resource view with sample records and saves `widget.grab()` PNGs.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/ui/views/screenshot_views.py \
        [out-dir] [lang] [theme]

A developer's look at the layout (spacing, clipping, type size); not part of the suite.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

import view_samples as s  # noqa: E402
from mediation_kit.core import i18n  # noqa: E402
from mediation_kit.ui.views import ResourceViewStack  # noqa: E402


def settle(ms: int = 600) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp")
    if len(sys.argv) > 2:
        i18n.set_language(sys.argv[2])
    app = QApplication([])
    if len(sys.argv) > 3:  # a theme of the app: light, dark, high-contrast
        from mediation_kit.ui.theme import ThemeManager

        ThemeManager(app).apply(sys.argv[3], 100)
    work = Path(tempfile.mkdtemp(prefix="views-shots-"))
    media = work / "media"
    media.mkdir()
    shutil.copy(s.TINY_VIDEO, media / "TINY-TALK.mp4")
    kit = work / "kit"
    poster = s.kit_image(s.write_svg(kit))
    (kit / "communique.md").write_text("# Communiqué\n", encoding="utf-8")
    press = s.kit_press_text(kit / "communique.md")
    replay = s.replay()
    missing = s.replay(video_file="absent.mp4")
    no_transcript = s.replay(cues=())
    records = [s.summary_fr(work), s.summary_en(work), replay, poster, press]
    library = s.FakeLibrary(records, {s.PACK_ID: s.make_pack(work)})
    stack = ResourceViewStack(library, work / "thumbs", media)
    stack.resize(1100, 700)
    stack.show()
    shots = [
        ("summary", lambda: stack.show_record(records[0], ["numerique", "communs"])),
        ("replay", lambda: stack.show_record(replay, ["communs"], at_time=2.0)),
        ("replay-missing", lambda: stack.show_record(missing)),
        ("replay-no-transcript", lambda: (stack.set_media_folder(None),
                                          stack.show_record(no_transcript))),
        ("kit-poster", lambda: stack.show_record(poster)),
        ("kit-press", lambda: stack.show_record(press, ["mediation"])),
    ]
    for name, show in shots:
        show()
        settle(1200 if name.startswith("replay") else 500)
        path = out / f"views-{name}.png"
        stack.grab().save(str(path))
        print(path)
    stack.replay_view.player.stop()
    del app


if __name__ == "__main__":
    main()
