"""Background work of the letters app."""

from __future__ import annotations

from django.db import connection
from huey.contrib.djhuey import db_task


def purge_search_residue() -> None:
    """Remove what a full-text index still holds of rows that were deleted or overwritten.

    Called after a letter's senders were moved into the encrypted identity: the SQLite FTS5 index keeps
    deleted tokens in its segments until they are merged ('optimize' merges them all); PostgreSQL keeps
    dead tuples and their GIN entries until VACUUM. docs/adr/0004-denouncer-identity.md.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA secure_delete = ON")  # the freed segment pages are zeroed
            cursor.execute("INSERT INTO letters_letter_fts(letters_letter_fts) VALUES ('optimize')")
        elif connection.vendor == "postgresql" and connection.get_autocommit():
            for table in ("letters_letter", "people_citizen", "letters_lettersender", "auditlog_logentry"):
                cursor.execute(f"VACUUM {table}")


@db_task()
def purge_search_residue_task() -> None:
    purge_search_residue()
