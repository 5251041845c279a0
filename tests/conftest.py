"""Test-wide configuration. Qt runs headless in every test, set here rather than by hand."""

import os
from collections.abc import Iterator

import keyring
import pytest
from keyring.backends import null

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _no_os_keyring() -> Iterator[None]:
    """Keep every test away from the developer's real keyring: secrets go to test folders.

    A test that wants a keyring installs an in-memory backend (tests/support/keyrings.py).
    """
    previous = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())
    yield
    keyring.set_keyring(previous)
