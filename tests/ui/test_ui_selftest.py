"""The window's part of `--self-test` (ui/selftest.py), run here on the real window."""

from mediation_kit.core.selftest import run_groups
from mediation_kit.ui.selftest import UiChecks


def test_the_window_checks_pass_on_this_machine(qapp):
    # When the window's checks run after the test's QApplication exists
    entries = run_groups([UiChecks()])
    # Then each passed and says what it saw
    report = {entry["name"]: entry for entry in entries}
    assert list(report) == ["qt", "main_window", "qt_translations", "multimedia", "playback"]
    failed = {name: entry.get("error") for name, entry in report.items() if not entry["ok"]}
    assert failed == {}
    assert report["qt"]["details"]["collation_fr"] == ["école", "Eve", "zèbre"]
    assert report["main_window"]["details"]["content_loaded"] is True
    assert report["qt_translations"]["details"]["catalogs"] == ["de", "en", "fr"]
    assert report["playback"]["details"]["first_frame"] == [160, 90]


class _WithoutQtCheck(UiChecks):
    def checks(self):
        return [check for check in super().checks() if check[0] != "qt"]


def test_without_the_qt_check_the_others_fail_with_a_reason():
    entries = run_groups([_WithoutQtCheck()])
    assert [entry["name"] for entry in entries] == [
        "main_window", "qt_translations", "multimedia", "playback"]
    assert {(entry["ok"], entry["error"]) for entry in entries} == {
        (False, "no QApplication (see the qt check)")}
