"""Full-text index over Letter.search_text (folded, accent-free), one per database engine.

SQLite: an external-content FTS5 table kept in step by triggers (so bulk inserts are indexed too).
PostgreSQL: a GIN index on to_tsvector('simple', search_text); 'simple' because the text is already
folded and Vietnamese needs no stemming. Consumer: letters.selectors.search_letters.
"""

from django.db import migrations

SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS letters_letter_fts USING fts5("
    "search_text, content='letters_letter', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS letters_letter_fts_ai AFTER INSERT ON letters_letter BEGIN "
    "INSERT INTO letters_letter_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS letters_letter_fts_ad AFTER DELETE ON letters_letter BEGIN "
    "INSERT INTO letters_letter_fts(letters_letter_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS letters_letter_fts_au AFTER UPDATE OF search_text ON letters_letter BEGIN "
    "INSERT INTO letters_letter_fts(letters_letter_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO letters_letter_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO letters_letter_fts(letters_letter_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS letters_letter_fts_au",
    "DROP TRIGGER IF EXISTS letters_letter_fts_ad",
    "DROP TRIGGER IF EXISTS letters_letter_fts_ai",
    "DROP TABLE IF EXISTS letters_letter_fts",
]
POSTGRES_FORWARD = [
    "CREATE INDEX IF NOT EXISTS letter_search_fts ON letters_letter USING gin (to_tsvector('simple', search_text))",
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS letter_search_fts"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("letters", "0002_registration_classification_confidentiality")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
