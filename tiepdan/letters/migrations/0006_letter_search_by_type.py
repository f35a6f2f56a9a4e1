"""PostgreSQL: the register's search, per letter type, and without a pending list.

- One partial GIN index of the stored search vector per letter type. The register is usually searched
  within a type (its first filter): counting "lễ hội" among the feedback letters of a million reads the
  feedback index's posting lists (a quarter of the size) and only feedback rows; 20 ms instead of 120 ms
  through the index of every letter (docs/benchmarks.md). The planner picks the partial index itself
  when the query has `matter_type = '<type>'`.
- `fastupdate = off` on every full-text index of letters: with it on, new entries wait in a pending list
  (up to 4 MB) that every search reads through in full until VACUUM merges it; 237 pending pages after a
  bulk load made a search 140 ms slower. Letters are registered one at a time: the direct insert costs a
  few milliseconds once, the search saves them every time.

SQLite: nothing (its FTS5 table serves every filter; selectors._sqlite_search_listing).
Consumer: letters.selectors._postgres_search_listing.
"""

from django.db import migrations

TYPES = ("complaint", "denunciation", "petition", "feedback")

FORWARD = [
    "ALTER INDEX letter_search_vector SET (fastupdate = off)",
    "SELECT gin_clean_pending_list('letter_search_vector'::regclass)",
    *(
        f"CREATE INDEX IF NOT EXISTS letter_search_{kind} ON letters_letter USING gin (search_vector) "
        f"WITH (fastupdate = off) WHERE matter_type = '{kind}'"
        for kind in TYPES
    ),
]
BACKWARD = [
    *(f"DROP INDEX IF EXISTS letter_search_{kind}" for kind in TYPES),
    "ALTER INDEX letter_search_vector RESET (fastupdate)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("letters", "0005_longer_codes_and_dates")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
