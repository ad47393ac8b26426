"""The log file goes to the user's log folder and rotates."""

import logging

from mediation_kit.core.logging_setup import LOG_FILE_NAME, setup_logging


def test_messages_go_to_the_log_file(tmp_path):
    path = setup_logging(tmp_path / "logs")
    try:
        logging.getLogger("mediation_kit.test").warning("pack problem: %s", "nec-2025")
        for handler in logging.getLogger("mediation_kit").handlers:
            handler.flush()
        assert path == tmp_path / "logs" / LOG_FILE_NAME
        assert "WARNING mediation_kit.test: pack problem: nec-2025" in path.read_text("utf-8")
    finally:
        for handler in list(logging.getLogger("mediation_kit").handlers):
            if getattr(handler, "_mediation_kit", False):
                logging.getLogger("mediation_kit").removeHandler(handler)
                handler.close()
