"""Public codes for citizen-facing references: random and non-sequential, never primary keys."""

import secrets

_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone


def new_public_code(prefix: str, length: int = 8) -> str:
    return prefix + "".join(secrets.choice(_ALPHABET) for _ in range(length))
