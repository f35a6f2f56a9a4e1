"""The days a transferred letter's reply arrived and its eligibility was decided, so that a report of a
past period counts them as they stood then; existing letters get the best date they have.

Longer codes: new letters draw "D" + 10 characters (models.new_letter_code) instead of "D" + 8; the
column's 12 characters already hold them, and the field's default is the same function, so nothing
changes in the schema (altering the column's length would copy the whole table on SQLite).
"""

from django.conf import settings
from django.db import migrations, models
from django.db.models import F
from django.db.models.functions import Coalesce, TruncDate


def fill_dates(apps, schema_editor):
    from zoneinfo import ZoneInfo

    Letter = apps.get_model("letters", "Letter")
    # Classification records the decision (its local day); a letter filed without one was decided when
    # filed; a letter with neither (bulk imports) on its receipt.
    Letter.objects.filter(is_eligible__isnull=False, eligibility_decided_on__isnull=True).update(
        eligibility_decided_on=Coalesce(
            TruncDate("classified_at", tzinfo=ZoneInfo(settings.TIME_ZONE)), F("disposed_on"), F("received_on"),
            output_field=models.DateField(),
        )
    )
    # The reply came after the transfer: the transfer's day is the earliest it can have come.
    Letter.objects.filter(reply_received=True, reply_received_on__isnull=True).update(
        reply_received_on=Coalesce(F("disposed_on"), F("received_on"), output_field=models.DateField())
    )


class Migration(migrations.Migration):
    dependencies = [("letters", "0004_letter_search_vector")]

    operations = [
        migrations.AddField(
            model_name="letter",
            name="eligibility_decided_on",
            field=models.DateField(blank=True, null=True, verbose_name="ngày xác định điều kiện xử lý"),
        ),
        migrations.AddField(
            model_name="letter",
            name="reply_received_on",
            field=models.DateField(blank=True, null=True, verbose_name="ngày nhận văn bản trả lời"),
        ),
        migrations.RunPython(fill_dates, migrations.RunPython.noop),
    ]
