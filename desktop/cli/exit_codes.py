"""Process exit codes: a contract with hospital IT's scripts. Never renumber."""

from __future__ import annotations

from enum import IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.platform.errors import PlatformError


class ExitCode(IntEnum):
    OK = 0
    FAILURE = 1
    BAD_INPUT = 2
    CREDENTIALS_REJECTED = 3
    PLATFORM_UNREACHABLE = 4
    PLATFORM_REFUSED = 5


def exit_code_for(error: PlatformError) -> ExitCode:
    # Imported here so that the window's start-up, which needs ExitCode, does not load httpx.
    from desktop.platform.errors import (  # noqa: PLC0415
        CredentialsRejected,
        Forbidden,
        NetworkError,
        NotFound,
        OutcomeUnknown,
        Refused,
        ServerError,
        Unavailable,
    )

    if isinstance(error, CredentialsRejected | Forbidden):
        return ExitCode.CREDENTIALS_REJECTED
    if isinstance(error, NetworkError | OutcomeUnknown | Unavailable | ServerError):
        return ExitCode.PLATFORM_UNREACHABLE
    if isinstance(error, Refused | NotFound):
        return ExitCode.PLATFORM_REFUSED
    return ExitCode.FAILURE
