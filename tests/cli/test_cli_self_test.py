"""`--self-test`: the command line runs the core's checks; the entry point adds the window's."""

import json
import subprocess
import sys

import pytest

from mediation_kit import __main__ as entry
from mediation_kit.cli import run_cli
from mediation_kit.core.selftest import CheckFailed, UnavailableChecks, run_groups

CORE_CHECKS = ["paths", "index", "search", "accents", "library", "translations",
               "signatures"]
UI_CHECKS = ["qt", "main_window", "qt_translations", "multimedia", "playback"]


def _names(groups) -> list[str]:
    return [name for group in groups for name, _check in group.checks()]


def test_the_entry_point_joins_the_core_and_window_checks():
    assert _names(entry.self_test_groups()) == CORE_CHECKS + UI_CHECKS


def test_a_window_checks_module_that_cannot_load_is_a_failed_check(monkeypatch):
    # Given a UI package that cannot be imported (a broken install)
    monkeypatch.setitem(sys.modules, "mediation_kit.ui.selftest", None)
    groups = entry.self_test_groups()
    # Then the report still has the core's checks, and a failed "qt" check saying why
    assert _names(groups) == CORE_CHECKS + ["qt"]
    (failed,) = [e for e in run_groups([groups[-1]])]
    assert failed["ok"] is False and "cannot load these checks" in failed["error"]


def test_the_command_line_alone_checks_the_core_without_qt(cli_resources, kit_env):
    # When a fresh interpreter runs the command line's self-test (not through the entry point)
    code = ("import sys\n"
            "from mediation_kit.cli import run_cli\n"
            "status = run_cli(['--self-test'])\n"
            "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'mediation_kit.ui'))]\n"
            "print(loaded, file=sys.stderr)\n"
            "sys.exit(status)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=kit_env, timeout=300)
    # Then it prints one JSON report of the core's checks, all passed, and never loads Qt
    report = json.loads(result.stdout)
    assert [c["name"] for c in report["checks"]] == CORE_CHECKS
    assert report["ok"] and result.returncode == 0, report["failed"]
    assert result.stderr.strip().splitlines()[-1] == "[]"


def test_run_cli_reports_every_check_of_the_groups_it_is_given(cli_resources, capsys):
    class Probe:
        closed = False

        def checks(self):
            def passes():
                return {"seen": True}

            def fails():
                raise CheckFailed("the probe says no")

            def crashes():
                raise RecursionError("maximum recursion depth exceeded")

            return [("passes", passes), ("fails", fails), ("crashes", crashes)]

        def close(self):
            Probe.closed = True

    # When the self-test runs a group with a passing, a failing and a crashing check
    assert run_cli(["--self-test"], self_test_groups=lambda: [Probe()]) == 1
    report = json.loads(capsys.readouterr().out)
    # Then one JSON report names each, and one failure does not stop the others
    assert [(c["name"], c["ok"]) for c in report["checks"]] == [
        ("passes", True), ("fails", False), ("crashes", False)]
    assert report["failed"] == ["fails", "crashes"] and report["ok"] is False
    assert report["checks"][1]["error"] == "the probe says no"
    assert report["checks"][2]["error"].startswith("RecursionError: maximum recursion")
    assert Probe.closed


@pytest.mark.parametrize("argv", [["--self-test"], ["self-test"]])
def test_the_flag_and_the_subcommand_run_the_same_checks(cli_resources, capsys, argv):
    seen = []

    class Probe:
        def checks(self):
            return [("probe", lambda: seen.append(argv) or {})]

        def close(self):
            pass

    assert run_cli(argv, self_test_groups=lambda: [Probe()]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    assert seen == [argv]
