"""`mediation-kit … | head`: the reader closing the pipe early is no error worth a traceback."""

import subprocess
import sys

import pytest


@pytest.mark.parametrize("args", [
    ["search", "strasbourg"],
    ["search", "strasbourg", "--json"],
    ["--version", "--verbose"],
    ["pack", "validate", "{packs}/atelier-2024"],
])
def test_output_into_a_closed_pipe_ends_without_a_traceback(args, cli_resources, kit_env):
    args = [arg.format(packs=cli_resources / "packs") for arg in args]
    # Given a reader that has already gone away (as `head` does after its lines)
    process = subprocess.Popen([sys.executable, "-m", "mediation_kit", *args],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=kit_env)
    process.stdout.close()
    # When the kit writes its output
    _out, err = process.communicate(timeout=120)
    err = err.decode("utf-8", "replace")
    # Then it stops quietly with Python's status for a broken pipe, not a traceback
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
    assert "Exception ignored" not in err, err
    assert process.returncode == 1


def test_output_into_an_open_pipe_is_complete(run_kit, cli_resources):
    # Given a reader that reads everything, the same command prints all of its lines
    result = run_kit("pack", "validate", str(cli_resources / "packs" / "atelier-2024"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().strip() == "1 pack checked, no problem"
