"""A unit's letters by type: (unit, type, received), for a unit officer's register filtered by type.

Counting "the denunciations of the culture division" (none: they go to the inspectorate) read the whole
table on PostgreSQL (650 ms on a million letters): the planner expected 2 % of them to match and the
LIMIT of the capped count to stop its scan early. SQLite walked the unit's 200,000 letters (30 ms). With
the index both read the one range, empty or not, in under a millisecond (docs/benchmarks.md).

Raw SQL, like the full-text indexes (0003, 0004, 0006): Letter.Meta does not list it. Django's SQLite
backend rebuilds a table to alter it and keeps only the indexes it knows, so letters.search_index puts
it back after every migrate (its RAW_INDEXES; PostgreSQL keeps it through ALTER TABLE).
"""

from django.db import migrations

FORWARD = ["CREATE INDEX IF NOT EXISTS letter_unit_type_received ON letters_letter (unit_id, matter_type, received_on)"]
BACKWARD = ["DROP INDEX IF EXISTS letter_unit_type_received"]


def _run(statements):
    def run(apps, schema_editor):
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("letters", "0006_letter_search_by_type")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
