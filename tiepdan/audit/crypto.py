"""Encryption at rest of confidential identities (Law 25/2018 Art 47) and their blind indexes.

Keys come from settings.TIEPDAN_ENCRYPTION_KEYS (the data folder or the environment, never the
repository): the first key encrypts, every key decrypts, so a key is rotated by putting a new one first
and re-encrypting (`rotate`). Values are encrypted and decrypted only by explicit calls, never by a
model field, so that decrypting is always a deliberate, logged act of a service.

A blind index is a keyed hash (HMAC-SHA256) of a normalised value: equal values give equal indexes,
so a denouncer's ID number can be matched against another letter's without being stored in plain
text. Its key is derived from the first encryption key; rotating keys recomputes the indexes.
"""

from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

__all__ = ["InvalidToken", "blind_index", "decrypt", "decrypt_bytes", "encrypt", "encrypt_bytes", "rotate"]


def _keys() -> tuple[str, ...]:
    keys = tuple(settings.TIEPDAN_ENCRYPTION_KEYS)
    if not keys:
        raise RuntimeError("TIEPDAN_ENCRYPTION_KEYS is empty")
    return keys


@lru_cache(maxsize=4)
def _multi(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(k) for k in keys])


@lru_cache(maxsize=4)
def _index_key(first_key: str) -> bytes:
    return hmac.new(first_key.encode(), b"tiepdan blind index v1", hashlib.sha256).digest()


def encrypt(value: str) -> str:
    """Ciphertext (URL-safe text) of `value`; the empty string stays empty."""
    if not value:
        return ""
    return _multi(_keys()).encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    if not token:
        return ""
    return _multi(_keys()).decrypt(token.encode()).decode()


def encrypt_bytes(data: bytes) -> bytes:
    return _multi(_keys()).encrypt(data)


def decrypt_bytes(token: bytes) -> bytes:
    return _multi(_keys()).decrypt(token)


def rotate(token: str) -> str:
    """Re-encrypt `token` with the current first key (after a new key was put first)."""
    if not token:
        return ""
    return _multi(_keys()).rotate(token.encode()).decode()


def rotate_bytes(token: bytes) -> bytes:
    return _multi(_keys()).rotate(token)


def blind_index(kind: str, value: str) -> str:
    """Keyed hash of an already-normalised value (digits of an ID number, folded name|commune...)."""
    digest = hmac.new(_index_key(_keys()[0]), f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()
    return digest[:32]
