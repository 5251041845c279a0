"""Keyring backends for tests: a working one in memory, and one whose OS store has failed.

Both are real `keyring.backend.KeyringBackend` subclasses, installed with
`keyring.set_keyring` or handed to a SecretStore, so the code under test goes
through the keyring API exactly as with Windows Credential Locker.
"""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    priority = 10

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[service, username] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


class BrokenKeyring(MemoryKeyring):
    """A keyring that was there, but whose store fails now (locked, D-Bus gone, …)."""

    def __init__(self) -> None:
        super().__init__()
        self.broken = True

    def get_password(self, service: str, username: str) -> str | None:
        self._fail()
        return super().get_password(service, username)

    def set_password(self, service: str, username: str, password: str) -> None:
        self._fail()
        super().set_password(service, username, password)

    def delete_password(self, service: str, username: str) -> None:
        self._fail()
        super().delete_password(service, username)

    def _fail(self) -> None:
        if self.broken:
            raise KeyringError("the credential store is locked")
