"""The frozen executable's entry point (PyInstaller needs a script, not a module)."""

import sys

from mediation_kit.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
