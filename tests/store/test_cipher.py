"""Field encryption: round trip, a fresh nonce each time, wrong key and tampering refused."""

from __future__ import annotations

import base64

import pytest

from desktop.store.cipher import CipherError, FieldCipher

KEY = bytes(range(32))


def test_round_trip() -> None:
    cipher = FieldCipher(KEY)
    for text in ("", "测试患者甲", "310101199001011234", "x" * 10_000):
        assert cipher.decrypt(cipher.encrypt(text)) == text
    value = {"name": "测试患者甲", "age": 36, "bags": ["B1"], "flag": None}
    assert cipher.decrypt_json(cipher.encrypt_json(value)) == value


def test_each_encryption_differs() -> None:
    cipher = FieldCipher(KEY)
    first, second = cipher.encrypt("测试患者甲"), cipher.encrypt("测试患者甲")
    assert first != second
    assert first.startswith("v1:")


def test_a_wrong_key_is_refused() -> None:
    token = FieldCipher(KEY).encrypt("测试患者甲")
    with pytest.raises(CipherError) as caught:
        FieldCipher(bytes(32)).decrypt(token)
    assert "密钥" in caught.value.message_zh


@pytest.mark.parametrize("position", [0, 5, 12, 20, -1])
def test_tampering_is_refused(position: int) -> None:
    cipher = FieldCipher(KEY)
    raw = bytearray(base64.b64decode(cipher.encrypt("测试患者甲")[3:]))
    raw[position] ^= 0x01
    with pytest.raises(CipherError):
        cipher.decrypt("v1:" + base64.b64encode(bytes(raw)).decode())


@pytest.mark.parametrize("token", ["", "测试患者甲", "v2:AAAA", "v1:not base64!", "v1:AAAA"])
def test_malformed_tokens_are_refused(token: str) -> None:
    with pytest.raises(CipherError):
        FieldCipher(KEY).decrypt(token)


def test_keys_are_256_bits_and_never_shown() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        FieldCipher(bytes(16))
    assert KEY.hex() not in repr(FieldCipher(KEY))
