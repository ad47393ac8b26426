"""The log file: `mediation-kit.log` in the user's log folder, rotated so it never grows big."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOG_FILE_NAME = "mediation-kit.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path | None:
    """Sends the `mediation_kit` loggers to a rotating file; returns its path.

    When the folder cannot be written (read-only profile), logging goes to stderr only and
    None is returned: a missing log must never stop the kit from starting.
    """
    logger = logging.getLogger("mediation_kit")
    logger.setLevel(level)
    for handler in list(logger.handlers):
        if getattr(handler, "_mediation_kit", False):
            logger.removeHandler(handler)
            handler.close()
    path = log_dir / LOG_FILE_NAME
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
    except OSError:
        handler = logging.StreamHandler()
        path = None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler._mediation_kit = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    return path
