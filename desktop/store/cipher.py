"""Field encryption for patient data at rest: AES-256-GCM, one random nonce per value.

A draft or an outbox payload may hold a patient's name, ID number and
diagnosis; they are encrypted before they reach SQLite, so neither the
database, its WAL nor a backup ever holds them in clear, and deleting the
row is enough to be rid of them.

A token is `v1:` + base64(nonce ‖ ciphertext ‖ tag). The version prefix lets a
later program change the algorithm or the key and still read old tokens.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from typing import Any, Final

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES: Final = 32
_NONCE_BYTES: Final = 12
_VERSION: Final = "v1:"


class CipherError(Exception):
    """A value that cannot be decrypted: wrong key, altered, or not a token at all."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(f"{message_zh}\n{message_en}")
        self.message_zh = message_zh
        self.message_en = message_en


class FieldCipher:
    """Encrypts and decrypts single text values with one 256-bit key."""

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError(f"the key must be {KEY_BYTES} bytes, not {len(key)}")
        self._aead = AESGCM(key)

    def __repr__(self) -> str:
        return "FieldCipher(<key hidden>)"

    def encrypt(self, text: str) -> str:
        nonce = os.urandom(_NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, text.encode("utf-8"), None)
        return _VERSION + base64.b64encode(nonce + sealed).decode("ascii")

    def decrypt(self, token: str) -> str:
        if not token.startswith(_VERSION):
            raise _unreadable("它不是本程序加密的数据", "it is not a value this program encrypted")
        try:
            raw = base64.b64decode(token[len(_VERSION) :], validate=True)
        except (binascii.Error, ValueError):
            raise _unreadable("数据格式已损坏", "its encoding is damaged") from None
        try:
            plain = self._aead.decrypt(raw[:_NONCE_BYTES], raw[_NONCE_BYTES:], None)
        except (InvalidTag, ValueError):
            raise _unreadable(
                "密钥不符或数据被改动", "the key does not match or the value was altered"
            ) from None
        return plain.decode("utf-8")

    def encrypt_json(self, value: Any) -> str:
        return self.encrypt(json.dumps(value, ensure_ascii=False, separators=(",", ":")))

    def decrypt_json(self, token: str) -> Any:
        return json.loads(self.decrypt(token))


def _unreadable(why_zh: str, why_en: str) -> CipherError:
    return CipherError(
        f"无法解密本地保存的数据：{why_zh}。如更换过电脑或重置过系统凭据，请联系医院信息科。",
        f"Cannot decrypt locally saved data: {why_en}. If the computer or its stored "
        "credentials were replaced, ask hospital IT.",
    )
