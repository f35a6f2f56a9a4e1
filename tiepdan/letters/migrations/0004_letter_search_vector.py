"""PostgreSQL: the folded text's tsvector as a stored generated column with its own GIN index.

Rechecking a match against a stored vector costs a comparison; against the 0003 expression index it
recomputed to_tsvector() for every candidate row (hundreds of milliseconds for a common word on a
million letters). The column also gets ANALYZE statistics of its words. Django does not know the
column (it is never written by the ORM); consumer: letters.selectors.search_letters. SQLite: nothing.
"""

from django.db import migrations

FORWARD = [
    "ALTER TABLE letters_letter ADD COLUMN IF NOT EXISTS search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED",
    "CREATE INDEX IF NOT EXISTS letter_search_vector ON letters_letter USING gin (search_vector)",
    "DROP INDEX IF EXISTS letter_search_fts",
]
BACKWARD = [
    "CREATE INDEX IF NOT EXISTS letter_search_fts ON letters_letter USING gin (to_tsvector('simple', search_text))",
    "DROP INDEX IF EXISTS letter_search_vector",
    "ALTER TABLE letters_letter DROP COLUMN IF EXISTS search_vector",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("letters", "0003_letter_search_index")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
