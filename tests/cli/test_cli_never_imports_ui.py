"""The command line stands on the core alone: it never imports the UI package (nor Qt).
Only the entry point (`mediation_kit.__main__`) brings the window's self-test checks in."""

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import mediation_kit.cli

CLI_DIR = Path(mediation_kit.cli.__file__).parent


def _imported_names(source: str, module: str) -> set[str]:
    """Every module an `import` or `from … import` in `source` names, made absolute, and
    every string literal naming a kit module (importlib.import_module("…"))."""
    package = module.rsplit(".", 1)[0] if not module.endswith("__init__") else module
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parent = ".".join(parts[:len(parts) - node.level + 1])
                base = f"{parent}.{base}" if base else parent
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value.startswith(("mediation_kit.", "PySide6")):
                names.add(node.value)
    return names


def _ui_imports(path: Path) -> set[str]:
    module = "mediation_kit.cli." + path.stem
    return {name for name in _imported_names(path.read_text(encoding="utf-8"), module)
            if name.startswith(("mediation_kit.ui", "PySide6", "shiboken6"))}


def test_no_cli_module_names_the_ui_or_qt():
    files = sorted(CLI_DIR.glob("*.py"))
    assert len(files) >= 5
    offenders = {path.name: names for path in files if (names := _ui_imports(path))}
    assert offenders == {}


def test_the_scan_catches_every_form_of_import(tmp_path):
    for line in ("from mediation_kit.ui.main_window import MainWindow",
                 "import mediation_kit.ui.app",
                 "from ..ui import selftest",
                 "from mediation_kit import ui",
                 "importlib.import_module('mediation_kit.ui.selftest')",
                 "from PySide6.QtWidgets import QApplication"):
        path = tmp_path / "probe.py"
        path.write_text(f"def f():\n    {line}\n", encoding="utf-8")
        assert _ui_imports(path), line


def test_running_the_command_line_loads_neither_the_ui_nor_qt():
    # Given every command-line module, imported in a fresh interpreter, and the parser built
    names = [m.name for m in pkgutil.iter_modules([str(CLI_DIR)], "mediation_kit.cli.")]
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "from mediation_kit.cli import build_parser\n"
        "build_parser().format_help()\n"
        "print(sorted(m for m in sys.modules\n"
        "             if m.startswith(('mediation_kit.ui', 'PySide6', 'shiboken6'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    # Then no module of the UI or of Qt was loaded along the way
    assert out.stdout.strip() == "[]", out.stdout
