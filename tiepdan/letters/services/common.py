"""Shared pieces of the letter services: errors, search columns, deadlines of a letter."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date

from django.db import IntegrityError, connection, transaction

from tiepdan.common.choices import MatterType
from tiepdan.common.codes import CODE_ATTEMPTS, bulk_create_with_codes
from tiepdan.deadlines import services as deadlines
from tiepdan.legal.rules import get_rule
from tiepdan.text.classify import tokens

# The letter's own handling limit: XLD-TIME for complaints, petitions and feedback; TC-INIT (and TC-FWD
# once found outside competence) for denunciations (domain.md §2, §4).
LETTER_RULES = ("XLD-TIME", "TC-INIT", "TC-FWD")


class LetterInputError(Exception):
    """Input that cannot be saved; `errors` maps a form field ("" = the whole form) to messages."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("; ".join(m for ms in errors.values() for m in ms))
        self.errors = errors


class LetterActionRefused(Exception):
    """An action the rules do not allow now; the message says why, `rule_id` cites the rule."""

    def __init__(self, message: str, rule_id: str = ""):
        super().__init__(message)
        self.message = message
        self.rule_id = rule_id


def search_text_for(letter, sender_names: list[str]) -> str:
    parts = [letter.code, letter.summary, letter.text, letter.transferring_body, letter.transfer_doc_number,
             *sender_names]
    # Words only ("12/QĐ-XPHC" → "12 qd xphc"): both engines' tokenizers then see the same words
    # (PostgreSQL's parser would otherwise keep "88/btcd" as one "file path" token).
    return " ".join(tokens(" ".join(p for p in parts if p)))


def content_hash_for(summary: str, text: str) -> str:
    """Same words in the same order (case, accents, punctuation and spacing aside) → same hash."""
    return hashlib.sha1(" ".join(tokens(f"{summary} {text}")).encode(), usedforsecurity=False).hexdigest()


def refresh_search_columns(letter, sender_names: list[str] | None = None) -> None:
    if sender_names is None:
        sender_names = (
            [] if letter.protects_identity else [link.citizen.full_name for link in
                                                 letter.sender_links.select_related("citizen")]
        )
    letter.search_text = search_text_for(letter, sender_names)
    letter.content_hash = content_hash_for(letter.summary, letter.text)


def rule_for(matter_type: str) -> str:
    return "TC-INIT" if matter_type == MatterType.DENUNCIATION else "XLD-TIME"


def start_letter_deadline(letter, *, rule_id: str | None = None, variant: str | None = None):
    rule_id = rule_id or rule_for(letter.matter_type)
    label = get_rule(rule_id, letter.received_on).title_vi
    deadline = deadlines.track(
        subject=letter, unit=letter.unit, rule_id=rule_id, start=letter.received_on, label=label, variant=variant
    )
    letter.due_on = deadline.due_on
    return deadline


def close_letter_deadlines(letter, *, on: date, status: str = "met") -> int:
    return deadlines.close_deadlines(letter, LETTER_RULES, on=on, status=status)


def secure_delete_on() -> None:
    """SQLite keeps deleted and overwritten content in free pages unless told to zero them; used before
    removing a denouncer's plain-text identity (PostgreSQL: see docs/adr/0004-denouncer-identity.md)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA secure_delete = ON")


def insert_letter(letter):
    """Insert a new letter; if its random code is taken (a unique violation on `code`), draw another
    and try again. Each try runs in a savepoint, so the caller's transaction survives the violation
    (PostgreSQL aborts a transaction on any error otherwise). The code may change: anything derived
    from it (search_text) must be computed again after this call."""
    from tiepdan.letters.models import Letter, new_letter_code

    for attempt in range(1, CODE_ATTEMPTS + 1):
        try:
            with transaction.atomic():
                letter.save(force_insert=True)
                return letter
        except IntegrityError:
            if attempt == CODE_ATTEMPTS or not Letter.objects.filter(code=letter.code).exists():
                raise  # another constraint, or codes keep colliding: not ours to hide
            letter.code = new_letter_code()
    raise AssertionError("unreachable")


def insert_letters(letters: Sequence, sender_names: Sequence[list[str]] | None = None) -> list:
    """bulk_create for bulk loaders (the demo generator), drawing again any code already taken
    (common.codes.bulk_create_with_codes). With `sender_names` (one list per letter) the search columns
    are filled as the rows are written, after any new code is drawn; without, backfill_search_columns
    fills them afterwards."""
    from tiepdan.letters.models import Letter, new_letter_code

    def prepare() -> None:
        for letter, names in zip(letters, sender_names, strict=True):
            refresh_search_columns(letter, [] if letter.protects_identity else names)

    return bulk_create_with_codes(Letter, letters, new_letter_code,
                                  prepare=prepare if sender_names is not None else None)
