"""The search runner: one search at a time, only the newest results come out."""

import threading

from mediation_kit.ui.workers import SearchRunner, run_task


def test_results_of_a_superseded_search_are_dropped(qtbot):
    runner = SearchRunner()
    release = threading.Event()
    shown = []
    runner.results_ready.connect(lambda request, results: shown.append((request, results)))

    def slow():
        release.wait(5)
        return "old results"

    # Given a slow search still running
    runner.submit("sou", slow)
    # When two newer requests arrive, the middle one is replaced before it starts
    runner.submit("souv", lambda: "middle results")
    runner.submit("souve", lambda: "new results")
    release.set()
    # Then only the newest results are delivered
    qtbot.waitUntil(lambda: shown == [("souve", "new results")])
    assert runner.wait_idle()
    assert not runner.busy


def test_a_failing_search_is_reported_not_raised(qtbot):
    runner = SearchRunner()

    def broken():
        raise ValueError("bad query")

    with qtbot.waitSignal(runner.search_failed, timeout=5000) as blocker:
        runner.submit("x", broken)
    assert blocker.args == ["x", "bad query"]


def test_run_task_reports_progress_then_the_result(qtbot):
    def work(progress, cancel):
        from mediation_kit.core.tasks import Progress

        progress(Progress(1, 2, "half"))
        return 42

    seen = []
    handle = run_task(work, with_progress=True)
    handle.signals.progress.connect(lambda p: seen.append(p.message))
    with qtbot.waitSignal(handle.signals.finished, timeout=5000) as blocker:
        pass
    assert blocker.args == [42]
    assert seen == ["half"]
