"""The core must run where there is no display and no Qt: the CLI and the index build use it."""

import importlib
import pkgutil
import subprocess
import sys

import mediation_kit.core


def test_importing_every_core_module_never_imports_pyside6():
    # Given every module below mediation_kit.core
    names = [m.name for m in pkgutil.walk_packages(mediation_kit.core.__path__, "mediation_kit.core.")]
    assert len(names) >= 5
    # When a fresh interpreter imports them all
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # Then no Qt module was loaded along the way
    assert out.stdout.strip() == "[]", out.stdout


def test_cli_version_does_not_load_qt():
    code = (
        "import sys\n"
        "from mediation_kit.__main__ import main\n"
        "rc = main(['--version'])\n"
        "assert rc == 0\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')]\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    import mediation_kit

    assert mediation_kit.__version__ in out.stdout
