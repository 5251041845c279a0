"""Secrets kept outside the settings file: the platform client secret and the store's key.

The OS keyring comes first (Windows Credential Locker on the counter PCs),
under the service name `blood-desk`. Where no usable keyring exists (a bare
Linux machine, a service account), a secret falls back to a file only its
owner may read: `data_dir/secrets/<name>`, 0o600 in a 0o700 directory. On
Windows the data directory sits in the user's profile, whose ACL already
keeps other users out.

A keyring that exists but fails at runtime (a locked collection, a broken
D-Bus) must never make a secret look absent: `store_key` would then create a
new key and the data encrypted under the old one would be lost. So a read
that cannot tell raises SecretStoreError instead of answering None.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
import re
import secrets
import tempfile
from pathlib import Path
from typing import Final

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import chainer, fail, null
from pydantic import SecretStr

SERVICE: Final = "blood-desk"
SECRETS_DIR: Final = "secrets"
STORE_KEY: Final = "store-key"
CLIENT_SECRET: Final = "client-secret"
_KEY_BYTES: Final = 32
_NAME: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")

_log = logging.getLogger(__name__)


class SecretStoreError(Exception):
    """A secret that cannot be read or kept, with what to do, in Chinese and English."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(f"{message_zh}\n{message_en}")
        self.message_zh = message_zh
        self.message_en = message_en


def usable_keyring() -> keyring.backend.KeyringBackend | None:
    """The OS keyring, or None when keyring found no real backend."""
    try:
        backend = keyring.get_keyring()
    except Exception:  # a backend's discovery may raise anything
        return None
    if isinstance(backend, fail.Keyring | null.Keyring):
        return None
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        return None
    return backend


class SecretStore:
    """Named secrets for one data directory: the OS keyring, else owner-only files."""

    def __init__(
        self, data_dir: Path, backend: keyring.backend.KeyringBackend | None = None
    ) -> None:
        """`backend` defaults to the OS keyring found when the store is made (None if none)."""
        self._dir = data_dir / SECRETS_DIR
        self._keyring = backend if backend is not None else usable_keyring()

    @property
    def uses_keyring(self) -> bool:
        return self._keyring is not None

    def get(self, name: str) -> str | None:
        """The secret `name`, or None if it was never set."""
        path = self._file(name)
        if self._keyring is not None:
            try:
                value = self._keyring.get_password(SERVICE, name)
            except Exception as error:  # backends raise what their OS raises
                if path.exists():
                    _log.warning("keyring unreadable (%s); using the file copy", type(error))
                    return self._read_file(path)
                raise _keyring_failed("读取", "read", name, error) from error
            if value is not None:
                return value
        return self._read_file(path) if path.exists() else None

    def set(self, name: str, value: str) -> None:
        path = self._file(name)
        if self._keyring is not None:
            try:
                self._keyring.set_password(SERVICE, name, value)
            except Exception as error:  # backends raise what their OS raises
                _log.warning(
                    "keyring refused %s (%s); keeping it in an owner-only file", name, error
                )
            else:
                # One place only: a stale file copy would be a second, weaker home for it.
                path.unlink(missing_ok=True)
                return
        self._write_file(path, value)

    def delete(self, name: str) -> None:
        path = self._file(name)
        if self._keyring is not None:
            try:
                self._keyring.delete_password(SERVICE, name)
            except keyring.errors.PasswordDeleteError:
                pass
            except Exception as error:  # backends raise what their OS raises
                raise _keyring_failed("删除", "delete", name, error) from error
        path.unlink(missing_ok=True)

    def _file(self, name: str) -> Path:
        if not _NAME.fullmatch(name):
            raise ValueError(f"not a valid secret name: {name!r}")
        return self._dir / name

    def _read_file(self, path: Path) -> str:
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise SecretStoreError(
                f"无法读取密钥文件 {path}（{type(error).__name__}）。请检查文件权限，或联系医院信息科。",
                f"Cannot read the secret file {path} ({type(error).__name__}); check its "
                "permissions or ask hospital IT.",
            ) from error

    def _write_file(self, path: Path, value: str) -> None:
        try:
            self._dir.mkdir(mode=0o700, parents=True, exist_ok=True)
            if os.name == "posix":
                self._dir.chmod(0o700)
            # mkstemp creates the file 0o600, so the secret is never readable by others.
            descriptor, temporary = tempfile.mkstemp(dir=self._dir, prefix=".secret-")
            try:
                with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
                    stream.write(value)
                    stream.flush()
                    os.fsync(stream.fileno())
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as error:
            raise SecretStoreError(
                f"无法保存密钥文件 {path}（{type(error).__name__}）。请检查磁盘空间和文件夹权限。",
                f"Cannot save the secret file {path} ({type(error).__name__}); check disk "
                "space and folder permissions.",
            ) from error


def _keyring_failed(verb_zh: str, verb_en: str, name: str, error: Exception) -> SecretStoreError:
    return SecretStoreError(
        f"无法从系统凭据管理器{verb_zh} {name}（{type(error).__name__}: {error}）。"
        "请确认已登录 Windows 账户且凭据管理器可用，然后重试；如仍失败，请联系医院信息科。",
        f"Cannot {verb_en} {name} in the OS credential store ({type(error).__name__}: {error}). "
        "Make sure you are logged in and the credential manager works, then try again; "
        "ask hospital IT if it still fails.",
    )


def store_key(store: SecretStore) -> bytes:
    """The local database's 256-bit field key, created on first use."""
    text = store.get(STORE_KEY)
    if text is None:
        store.set(STORE_KEY, base64.b64encode(secrets.token_bytes(_KEY_BYTES)).decode("ascii"))
        text = store.get(STORE_KEY)
        if text is None:
            raise _keyring_failed("保存", "keep", STORE_KEY, RuntimeError("not kept"))
    try:
        key = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != _KEY_BYTES:
        raise SecretStoreError(
            "本地数据库的加密密钥已损坏。请联系医院信息科。",
            "The local database's encryption key is damaged; ask hospital IT.",
        )
    return key


def load_client_secret(store: SecretStore) -> SecretStr | None:
    value = store.get(CLIENT_SECRET)
    return None if value is None else SecretStr(value)


def save_client_secret(store: SecretStore, secret: str | SecretStr) -> None:
    value = secret.get_secret_value() if isinstance(secret, SecretStr) else secret
    store.set(CLIENT_SECRET, value)
