"""How a tab shows a job that failed: a known problem in words, a bug as a crash report."""

from __future__ import annotations

from desktop.ui.desk import Desk, NoticeLevel
from desktop.ui.i18n import pick


def bilingual(error: BaseException) -> tuple[str, str] | None:
    """The Chinese and English message of an error that carries them (store, domain, platform)."""
    zh = getattr(error, "message_zh", None)
    en = getattr(error, "message_en", None)
    return (zh, en) if isinstance(zh, str) and isinstance(en, str) else None


def show_problem(desk: Desk, error: BaseException) -> str | None:
    """Show `error` where the clerk sees it; returns its message for the tab to show as well.

    A platform error goes to the desk (it also moves the connection state); a
    store or domain error with a message becomes a notice; anything else is a
    bug, which the desk reports as one, and there is nothing to say in the tab.
    """
    from desktop.platform.errors import PlatformError  # noqa: PLC0415 - loaded with the worker

    messages = bilingual(error)
    if isinstance(error, PlatformError) or messages is None:
        desk.platform_failed(error)
    else:
        desk.show_notice(NoticeLevel.ERROR, *messages)
    return None if messages is None else pick(*messages)
