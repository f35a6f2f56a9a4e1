"""Public codes for citizen-facing references: random and non-sequential, never primary keys."""

import secrets
from collections.abc import Callable, Sequence

from django.db import IntegrityError, transaction

# No 0/O, 1/I: read aloud over the phone. 32 letters, so a random byte's low 5 bits pick one without bias.
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_public_code(prefix: str, length: int = 8) -> str:
    # One call for the random bytes (secrets.choice per character costs ten times as much, which the
    # demo generator feels at a million letters).
    return prefix + "".join([_ALPHABET[byte & 31] for byte in secrets.token_bytes(length)])


CODE_ATTEMPTS = 5


def renew_taken_codes(model, objs: Sequence, new_code: Callable[[], str], chunk: int = 500) -> int:
    """Give a new code to every unsaved object whose code is already taken (in the table, or earlier in
    the batch); returns how many changed."""
    codes = [obj.code for obj in objs]
    taken: set[str] = set()
    for start in range(0, len(codes), chunk):  # a bounded IN list (SQLite's variable limit)
        taken.update(model.objects.filter(code__in=codes[start:start + chunk]).values_list("code", flat=True))
    changed = 0
    for obj in objs:
        if obj.code in taken:
            obj.code = new_code()
            changed += 1
        taken.add(obj.code)
    return changed


def bulk_create_with_codes(model, objs: Sequence, new_code: Callable[[], str], *,
                           prepare: Callable[[], None] | None = None) -> list:
    """bulk_create for bulk loaders: random codes collide now and then at a million rows (the birthday
    bound), and one taken code fails the whole batch. On a unique violation of `code` the taken codes
    are drawn again and the batch retried, in a savepoint; `prepare` runs before each try (to recompute
    anything derived from the code)."""
    for attempt in range(1, CODE_ATTEMPTS + 1):
        if prepare is not None:
            prepare()
        try:
            with transaction.atomic():
                return model.objects.bulk_create(objs)
        except IntegrityError:
            if attempt == CODE_ATTEMPTS or not renew_taken_codes(model, objs, new_code):
                raise  # another constraint, or codes keep colliding: not ours to hide
    raise AssertionError("unreachable")
