"""Logging to a rotating file in the data folder, so failures in the shipped program can be read later.

The windowed build has no console: without this file a traceback in a worker would vanish.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from app.paths import user_data_dir

LOG_NAME = "shopteam.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)s %(process)d %(threadName)s %(name)s: %(message)s"


def log_folder() -> Path:
    return user_data_dir() / "logs"


def log_path() -> Path:
    return log_folder() / LOG_NAME


class _FolderKeepingHandler(logging.handlers.RotatingFileHandler):
    """Recreates the log folder when it went away while the program ran (deleted by hand, or a
    temporary data folder removed): a log line is never lost to a missing folder."""

    def _open(self):
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()


def configure_logging(level: int = logging.INFO) -> Path:
    """Send the root logger to ``<data folder>/logs/shopteam.log`` (1 MB × 6 files); idempotent."""
    path = log_path()
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = _FolderKeepingHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                   encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path
