"""SecretStore: the OS keyring when there is one, an owner-only file otherwise, never a guess."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import keyring
import pytest
from keyring.backends import chainer, fail, null
from keyrings import BrokenKeyring, MemoryKeyring
from pydantic import SecretStr

from desktop.config.secret_store import (
    CLIENT_SECRET,
    SERVICE,
    STORE_KEY,
    SecretStore,
    SecretStoreError,
    load_client_secret,
    save_client_secret,
    store_key,
    usable_keyring,
)
from desktop.config.settings import Settings, SettingsError, load_settings, save_settings

SECRET = "Tr0ub4dor&3+/="


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_without_a_keyring_secrets_go_to_owner_only_files(data_dir: Path) -> None:
    secrets = SecretStore(data_dir)
    assert not secrets.uses_keyring
    assert secrets.get(CLIENT_SECRET) is None
    secrets.set(CLIENT_SECRET, SECRET)
    assert secrets.get(CLIENT_SECRET) == SECRET
    path = data_dir / "secrets" / CLIENT_SECRET
    assert path.read_text(encoding="utf-8") == SECRET
    assert [p.name for p in path.parent.iterdir()] == [CLIENT_SECRET]
    if os.name == "posix":
        assert mode(path) == 0o600
        assert mode(path.parent) == 0o700
    secrets.delete(CLIENT_SECRET)
    assert secrets.get(CLIENT_SECRET) is None
    secrets.delete(CLIENT_SECRET)


class EmptyChainer(chainer.ChainerBackend):
    """What keyring picks when it found no backend to chain."""

    backends: list[keyring.backend.KeyringBackend] = []  # noqa: RUF012 - keyring's own shape


class ChainOfOne(chainer.ChainerBackend):
    backends = [MemoryKeyring()]  # noqa: RUF012 - keyring's own shape


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring(), EmptyChainer()])
def test_no_real_backend_means_no_keyring(backend: keyring.backend.KeyringBackend) -> None:
    keyring.set_keyring(backend)
    assert usable_keyring() is None


def test_a_chain_with_a_backend_is_a_keyring() -> None:
    keyring.set_keyring(ChainOfOne())
    assert isinstance(usable_keyring(), ChainOfOne)


def test_the_os_keyring_is_used_when_there_is_one(data_dir: Path) -> None:
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    secrets = SecretStore(data_dir)
    assert secrets.uses_keyring
    secrets.set(CLIENT_SECRET, SECRET)
    assert backend.passwords == {(SERVICE, CLIENT_SECRET): SECRET}
    assert not (data_dir / "secrets").exists()
    assert secrets.get(CLIENT_SECRET) == SECRET
    secrets.delete(CLIENT_SECRET)
    assert backend.passwords == {}


def test_a_keyring_that_refuses_a_secret_falls_back_to_the_file(data_dir: Path) -> None:
    backend = BrokenKeyring()
    secrets = SecretStore(data_dir, backend)
    secrets.set(CLIENT_SECRET, SECRET)
    assert (data_dir / "secrets" / CLIENT_SECRET).read_text(encoding="utf-8") == SECRET
    assert secrets.get(CLIENT_SECRET) == SECRET
    backend.broken = False
    secrets.set(CLIENT_SECRET, SECRET)
    assert backend.passwords == {(SERVICE, CLIENT_SECRET): SECRET}
    assert not (data_dir / "secrets" / CLIENT_SECRET).exists(), "one home only"


def test_an_unreadable_keyring_never_looks_empty(data_dir: Path) -> None:
    backend = BrokenKeyring()
    backend.broken = False
    secrets = SecretStore(data_dir, backend)
    secrets.set(STORE_KEY, "a key made earlier")
    backend.broken = True
    with pytest.raises(SecretStoreError) as caught:
        secrets.get(STORE_KEY)
    assert "凭据" in caught.value.message_zh
    with pytest.raises(SecretStoreError):
        store_key(secrets)
    backend.broken = False
    assert secrets.get(STORE_KEY) == "a key made earlier"


def test_secret_names_are_plain(data_dir: Path) -> None:
    with pytest.raises(ValueError, match="secret name"):
        SecretStore(data_dir).set("../settings.json", "x")


def test_the_store_key_is_made_once(data_dir: Path) -> None:
    secrets = SecretStore(data_dir)
    key = store_key(secrets)
    assert len(key) == 32
    assert store_key(secrets) == key
    assert store_key(SecretStore(data_dir)) == key
    assert store_key(SecretStore(data_dir.parent / "other")) != key


def test_a_damaged_store_key_is_refused_not_replaced(data_dir: Path) -> None:
    secrets = SecretStore(data_dir)
    secrets.set(STORE_KEY, "not a key")
    with pytest.raises(SecretStoreError):
        store_key(secrets)
    assert secrets.get(STORE_KEY) == "not a key"


def test_client_secret_helpers(data_dir: Path) -> None:
    secrets = SecretStore(data_dir)
    assert load_client_secret(secrets) is None
    save_client_secret(secrets, SecretStr(SECRET))
    loaded = load_client_secret(secrets)
    assert loaded is not None
    assert loaded.get_secret_value() == SECRET


# The kept secret is looked up only when a platform is configured: the training
# platform needs none, and the keyring stays out of the desk's start-up.
PLATFORM = {
    "token_url": "https://platform.example/oauth/token",
    "service_url": "https://platform.example/synergyplatform/soap/CustomerLinkService",
    "dispatch_url": "https://platform.example/api/dispatchin/list",
    "client_id": "H310101",
}


def test_settings_take_the_secret_from_the_secret_store(data_dir: Path) -> None:
    backend = MemoryKeyring()
    secrets = SecretStore(data_dir, backend)
    save_client_secret(secrets, SECRET)
    settings = load_settings({"data_dir": data_dir, **PLATFORM}, environ={}, secrets=secrets)
    assert settings.client_secret.get_secret_value() == SECRET


def test_settings_use_the_data_directorys_secret_store_by_default(data_dir: Path) -> None:
    save_client_secret(SecretStore(data_dir), SECRET)
    settings = load_settings({"data_dir": data_dir, **PLATFORM}, environ={})
    assert settings.client_secret.get_secret_value() == SECRET


def test_without_a_platform_the_secret_store_is_not_consulted(data_dir: Path) -> None:
    backend = BrokenKeyring()
    settings = load_settings(
        {"data_dir": data_dir}, environ={}, secrets=SecretStore(data_dir, backend)
    )
    assert settings.client_secret.get_secret_value() == ""


def test_a_flag_or_the_environment_wins_over_the_secret_store(data_dir: Path) -> None:
    save_client_secret(SecretStore(data_dir), SECRET)
    from_env = load_settings({"data_dir": data_dir}, {"BLOOD_DESK_CLIENT_SECRET": "env"})
    assert from_env.client_secret.get_secret_value() == "env"
    from_flag = load_settings({"data_dir": data_dir, "client_secret": "flag"}, environ={})
    assert from_flag.client_secret.get_secret_value() == "flag"


def test_the_secret_never_reaches_the_settings_file(data_dir: Path) -> None:
    save_client_secret(SecretStore(data_dir), SECRET)
    settings = load_settings({"data_dir": data_dir, **PLATFORM}, environ={})
    path = save_settings(Settings.model_validate({**dict(settings), "read_timeout_s": 12}))
    text = path.read_text(encoding="utf-8")
    assert SECRET not in text
    assert "client_secret" not in json.loads(text)
    assert load_settings({"data_dir": data_dir}, environ={}).client_secret.get_secret_value() == (
        SECRET
    )


def test_an_unreadable_secret_store_is_a_settings_error(data_dir: Path) -> None:
    backend = BrokenKeyring()
    with pytest.raises(SettingsError) as caught:
        load_settings(
            {"data_dir": data_dir, **PLATFORM}, environ={}, secrets=SecretStore(data_dir, backend)
        )
    assert "凭据" in caught.value.message_zh
