"""Writes on letters. Split by stage; everything public is importable from here.

registration   — register_letter (one transaction, the statutory limit started)
classification — classify_letter (and learning), split_letter, link_duplicate
identity       — the denouncer's encrypted identity, the logged reveal, key rotation
disposition    — accept / transfer / guide / urge / file, each with its document
"""

from __future__ import annotations

from tiepdan.letters.models import Letter, LetterStatus
from tiepdan.letters.services.classification import (
    Classification,
    Part,
    classify_letter,
    link_duplicate,
    route_letter,
    split_letter,
    unlink_duplicate,
)
from tiepdan.letters.services.common import (
    LetterActionRefused,
    LetterInputError,
    insert_letter,
    insert_letters,
    refresh_search_columns,
)
from tiepdan.letters.services.disposition import (
    Outcome,
    accept_letter,
    assign_case_handler,
    file_letter,
    guide_letter,
    record_reply,
    transfer_letter,
    urge_letter,
)
from tiepdan.letters.services.identity import (
    Identity,
    identity_rows,
    reveal_identity,
    reveal_original,
    rotate_identity_keys,
)
from tiepdan.letters.services.registration import SenderInput, Upload, register_letter


def remap_unit(old_unit, new_unit) -> int:
    """Letters not yet disposed of move to the successor unit; disposed ones stay with their history."""
    return Letter.objects.filter(unit=old_unit).exclude(
        status__in=[LetterStatus.DISPOSED, LetterStatus.SPLIT]
    ).update(unit=new_unit)


def backfill_search_columns(batch: int = 2000) -> int:
    """Fill search_text and content_hash of letters created without them (bulk imports, the demo
    generator). Streams by primary key; returns the number of letters updated."""
    from django.db import connection, transaction

    from tiepdan.letters.models import LetterSender

    done, last = 0, 0
    while True:
        with transaction.atomic():
            letters = list(Letter.objects.filter(pk__gt=last, search_text="").order_by("pk")[:batch])
            if not letters:
                return done
            names: dict[int, list[str]] = {}
            # A primary-key range, not an IN list of thousands of ids (SQLite's expression depth).
            for letter_id, name in LetterSender.objects.filter(
                letter_id__gte=letters[0].pk, letter_id__lte=letters[-1].pk
            ).order_by("id").values_list("letter_id", "citizen__full_name"):
                names.setdefault(letter_id, []).append(name)
            for letter in letters:
                refresh_search_columns(letter, [] if letter.protects_identity else names.get(letter.pk, []))
            with connection.cursor() as cursor:
                cursor.executemany(
                    "UPDATE letters_letter SET search_text = %s, content_hash = %s WHERE id = %s",
                    [(letter.search_text, letter.content_hash, letter.pk) for letter in letters],
                )
        done += len(letters)
        last = letters[-1].pk


__all__ = [
    "Classification",
    "Identity",
    "LetterActionRefused",
    "LetterInputError",
    "Outcome",
    "Part",
    "SenderInput",
    "Upload",
    "accept_letter",
    "assign_case_handler",
    "backfill_search_columns",
    "classify_letter",
    "file_letter",
    "guide_letter",
    "identity_rows",
    "insert_letter",
    "insert_letters",
    "link_duplicate",
    "record_reply",
    "refresh_search_columns",
    "register_letter",
    "remap_unit",
    "reveal_identity",
    "reveal_original",
    "rotate_identity_keys",
    "route_letter",
    "split_letter",
    "transfer_letter",
    "unlink_duplicate",
    "urge_letter",
]
