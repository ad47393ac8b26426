"""Mediation Kit: offline search and projection of digital-commons event resources.

The version and application id live here only: the CLI, the About box, the PyInstaller spec
and the installers all read them from this module.
"""

__version__ = "0.1.0"
APP_NAME = "Mediation Kit"
APP_ID = "org.mediationkit.MediationKit"
# Folder name for user data, caches and logs (platformdirs).
APP_DIRNAME = "mediation-kit"
