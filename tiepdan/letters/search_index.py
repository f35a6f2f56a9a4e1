"""Keeps the SQLite full-text index of letters, and the indexes created in raw SQL, alive across schema
changes.

Django's SQLite backend alters a table by copying it into a new one and dropping the old one, which
drops that table's triggers and every index the model does not declare: after a later migration of
`letters_letter` the FTS5 table would stop following inserts and updates, and the register would lose
RAW_INDEXES (migration 0007). After every migrate, the triggers are recreated if missing and the index
rebuilt, and a missing raw index is created again. (PostgreSQL keeps both through ALTER TABLE.)
"""

from __future__ import annotations

from django.db import connections

TRIGGERS = {
    "letters_letter_fts_ai": "CREATE TRIGGER letters_letter_fts_ai AFTER INSERT ON letters_letter BEGIN "
    "INSERT INTO letters_letter_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "letters_letter_fts_ad": "CREATE TRIGGER letters_letter_fts_ad AFTER DELETE ON letters_letter BEGIN "
    "INSERT INTO letters_letter_fts(letters_letter_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "letters_letter_fts_au": "CREATE TRIGGER letters_letter_fts_au AFTER UPDATE OF search_text ON letters_letter "
    "BEGIN INSERT INTO letters_letter_fts(letters_letter_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO letters_letter_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
}


# (name, CREATE statement) of the indexes of letters_letter created in raw SQL (migration 0007).
RAW_INDEXES = [
    ("letter_unit_type_received",
     "CREATE INDEX IF NOT EXISTS letter_unit_type_received ON letters_letter (unit_id, matter_type, received_on)"),
]


def ensure_sqlite_search_index(using: str = "default") -> bool:
    """Recreate missing triggers and rebuild the index, recreate missing raw indexes; True if anything
    had to be repaired."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'letters_letter_fts'")
        if cursor.fetchone() is None:
            return False  # not migrated yet (the 0003 migration creates it)
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'letters_letter'")
        present = {row[0] for row in cursor.fetchall()}
        missing = [name for name in TRIGGERS if name not in present]
        for name in missing:
            cursor.execute(TRIGGERS[name])
        if missing:
            cursor.execute("INSERT INTO letters_letter_fts(letters_letter_fts) VALUES ('rebuild')")
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'letters_letter'")
        indexes = {row[0] for row in cursor.fetchall()}
        if _migrated(cursor, "0007_register_indexes"):
            for name, sql in RAW_INDEXES:
                if name not in indexes:
                    cursor.execute(sql)
                    missing.append(name)
    return bool(missing)


def _migrated(cursor, name: str) -> bool:
    cursor.execute("SELECT 1 FROM django_migrations WHERE app = 'letters' AND name = %s", [name])
    return cursor.fetchone() is not None


def on_post_migrate(sender, using="default", **kwargs) -> None:
    ensure_sqlite_search_index(using)
