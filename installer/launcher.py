"""The frozen executable's entry point (PyInstaller needs a script, not a module)."""

import multiprocessing
import sys

from mediation_kit.__main__ import main

if __name__ == "__main__":
    # The search index is built in a child process (core/search/build_process.py): started as
    # that child, the frozen executable runs the build instead of a second window.
    multiprocessing.freeze_support()
    sys.exit(main())
