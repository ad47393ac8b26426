"""Building the index in a process of its own, with its progress reported back.

Whoosh sorts its postings in one `list.sort()` each time its buffer fills: at 20,000
resources that holds the interpreter's lock for 150-250 ms at a time, and a window whose
build runs in a thread freezes that long. In another process the build cannot hold the
window's lock, and its memory is given back to the system when it ends.

The child reads the packs itself (nothing big crosses the pipe), builds with `build_index`
and sends its progress reports, then its result, through a pipe. Cancelling sets an event the
child checks between documents: it then removes its temporary folder as a cancelled build
always does. A child that dies without a word (killed, out of memory) is an IndexBuildError;
whatever it left is removed by `clean_leftovers` at the next start.
"""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

from mediation_kit.core.i18n import _
from mediation_kit.core.search.index_folders import IndexBuildError
from mediation_kit.core.tasks import CancelToken, Cancelled, Progress, ProgressCallback

# How often the parent looks at the pipe and the cancel token, in seconds.
_POLL_S = 0.05
# How long a cancelled child gets to clean up before it is stopped (Whoosh's commit cannot
# be interrupted; what a stopped child leaves is removed by clean_leftovers at the next start).
_CANCEL_GRACE_S = 2.0


class _EventToken(CancelToken):
    """The child's cancel token: the parent's multiprocessing event."""

    def __init__(self, event) -> None:
        self._event = event


def _child(packs_dir, output_dir: str, fingerprint: str, language: str, conn, stop) -> None:
    """Runs in the child process: loads the packs, builds, reports through `conn`."""
    from mediation_kit.core import i18n
    from mediation_kit.core.search.index import build_index, load_packs_for_index

    try:
        i18n.set_language(language)
    except Exception:  # an unknown language: the messages stay in English
        pass

    def progress(report: Progress) -> None:
        conn.send(("progress", report.done, report.total, report.message))

    try:
        progress(Progress(0, 0, _("Reading the content packs…")))
        packs = load_packs_for_index(packs_dir)
        count = build_index(packs, Path(output_dir), progress, _EventToken(stop), fingerprint)
        conn.send(("done", count))
    except Cancelled:
        conn.send(("cancelled",))
    except OSError as error:
        conn.send(("oserror", error.errno, error.strerror or str(error), error.filename))
    except BaseException as error:  # noqa: BLE001 - named to the parent, which raises it
        conn.send(("error", str(error) or type(error).__name__))
    finally:
        conn.close()


def build_in_process(packs_dir, output_dir: Path, progress: ProgressCallback | None = None,
                     cancel: CancelToken | None = None, fingerprint: str = "") -> int:
    """`build_index` for the packs of `packs_dir` (a folder or a list of pack folders), run in
    a child process; the same result, errors and cancellation as in this process."""
    from mediation_kit.core import i18n

    context = multiprocessing.get_context("spawn")  # no fork of a process that runs Qt
    receiver, sender = context.Pipe(duplex=False)
    stop = context.Event()
    child = context.Process(
        target=_child, name="mediation-kit-index-build", daemon=True,
        args=(packs_dir, str(output_dir), fingerprint, i18n.current_language(), sender, stop))
    child.start()
    sender.close()  # the child holds the only writing end: its death closes the pipe
    outcome = None
    cancelled_at = None
    try:
        while outcome is None:
            if cancel is not None and cancel.cancelled and cancelled_at is None:
                stop.set()
                cancelled_at = time.monotonic()
            if cancelled_at is not None and time.monotonic() - cancelled_at > _CANCEL_GRACE_S:
                child.terminate()
                outcome = ("cancelled",)
                break
            try:
                if not receiver.poll(_POLL_S):
                    if not child.is_alive() and not receiver.poll(0):
                        break
                    continue
                message = receiver.recv()
            except (EOFError, OSError):
                break
            if message[0] == "progress":
                if progress is not None:
                    progress(Progress(message[1], message[2], message[3]))
            else:
                outcome = message
    finally:
        if outcome is None and child.is_alive():
            stop.set()
        child.join(timeout=_CANCEL_GRACE_S)
        if child.is_alive():  # a child that does not stop when asked
            child.terminate()
            child.join()
        receiver.close()
    if outcome is None:
        raise IndexBuildError(_("The index build stopped unexpectedly (exit status {code}).")
                              .format(code=child.exitcode))
    kind = outcome[0]
    if kind == "done":
        return outcome[1]
    if kind == "cancelled":
        raise Cancelled()
    if kind == "oserror":
        raise OSError(outcome[1], outcome[2], outcome[3])
    raise IndexBuildError(outcome[1])
