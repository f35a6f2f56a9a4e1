"""Public codes for citizen-facing references: random and non-sequential, never primary keys."""

import secrets

# No 0/O, 1/I: read aloud over the phone. 32 letters, so a random byte's low 5 bits pick one without bias.
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_public_code(prefix: str, length: int = 8) -> str:
    # One call for the random bytes (secrets.choice per character costs ten times as much, which the
    # demo generator feels at a million letters).
    return prefix + "".join([_ALPHABET[byte & 31] for byte in secrets.token_bytes(length)])
