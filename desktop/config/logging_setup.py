"""Logs: rotating files in the data directory, INFO by default, no secrets and no patient data.

What we log is written to carry neither (messages name documents by number,
never by patient). As a second line of defence every record passes a filter
that blanks the client secret, bearer tokens and anything shaped like a
resident ID number before it reaches a file.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from collections.abc import Iterable
from io import TextIOWrapper
from pathlib import Path

LOG_FILE_NAME = "blood-desk.log"
_MAX_BYTES = 2 * 1024 * 1024
_BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"

# 18-digit resident ID (last may be X), bearer tokens, and form-encoded secrets.
_PATTERNS = (
    re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)"),
    re.compile(r"(?i)(bearer\s+)[A-Za-z0-9._~+/=-]+"),
    re.compile(r"(?i)(client_secret=)[^&\s]+"),
)


class RedactingFilter(logging.Filter):
    """Blanks secrets and ID-number-shaped text in every record's final message."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._secrets = [secret for secret in secrets if len(secret) >= 4]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        for secret in self._secrets:
            message = message.replace(secret, "***")
        for pattern in _PATTERNS:
            message = pattern.sub(lambda m: (m.group(1) if m.groups() else "") + "***", message)
        record.msg, record.args = message, None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            for secret in self._secrets:
                record.exc_text = record.exc_text.replace(secret, "***")
            record.exc_info = None
        return True


class _DeskLogHandler(logging.handlers.RotatingFileHandler):
    """A rotating file that is readable by its owner only, after every rotation too."""

    def _open(self) -> TextIOWrapper:
        stream = super()._open()
        os.chmod(self.baseFilename, 0o600)
        return stream


def configure_logging(data_dir: Path, debug: bool = False, secrets: Iterable[str] = ()) -> Path:
    """Send the root logger to `data_dir/logs/blood-desk.log` (rotating); returns the file."""
    log_dir = data_dir / "logs"
    log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = log_dir / LOG_FILE_NAME
    handler = _DeskLogHandler(path, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.addFilter(RedactingFilter(secrets))
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _DeskLogHandler)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    # A line per HTTP request (40 per dictionary sync) would drown the desk's own lines.
    for chatty in ("httpx", "httpcore"):
        logging.getLogger(chatty).setLevel(logging.DEBUG if debug else logging.WARNING)
    return path
