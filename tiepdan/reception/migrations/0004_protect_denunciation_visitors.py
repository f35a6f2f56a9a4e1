"""Move the visitors of existing denunciation visits out of the plain Citizen records into the encrypted
VisitDenouncer rows (TC-CONFID; docs/adr/0004-denouncer-identity.md), as reception.services.identity.
protect_visit does for one visit:

- one VisitDenouncer per participant (name, ID number, phone, address, commune encrypted together, and
  the blind indexes of the ID number, the phone and the folded name + commune);
- the content redacted, the original encrypted in VisitProtectedContent when it named the denouncer;
  earlier corrections of the content redacted too;
- the participant links deleted; a Citizen record used only by denunciation visits deleted (one that
  appears in another visit, a letter or a merge stays, without its link);
- the change-log entries of those visits, links, corrections and deleted citizens blanked (the entries
  themselves stay: who did what, when).

Written against the historical models and the pure helpers (crypto, sender keys, redaction) so that it
runs on SQLite and PostgreSQL alike, and does nothing on a database without such visits. Residue: on
SQLite `secure_delete` is switched on first; PostgreSQL keeps the dead tuples until the next VACUUM of
people_citizen, reception_visit, reception_visitparticipant and auditlog_logentry (ADR 0004).
"""

import json

from django.db import migrations

from tiepdan.audit import crypto
from tiepdan.text.duplicates import sender_keys
from tiepdan.text.redact import redact

DENUNCIATION = "denunciation"
REDACTED = "[đã ẩn để bảo vệ người tố cáo]"  # tiepdan.audit.services.REDACTED
COLUMNS = {"id": "id_number_index", "phone": "phone_index", "nc": "name_commune_index"}


def _identity(citizen) -> dict:
    return {
        "full_name": citizen.full_name, "id_number": citizen.id_number or "", "phone": citizen.phone,
        "address_detail": citizen.address_detail, "commune_code": citizen.commune_code,
        "province_code": citizen.province_code,
    }


def _indexes(identity: dict) -> dict:
    out = dict.fromkeys(COLUMNS.values(), "")
    keys = sender_keys(id_number=identity["id_number"], phone=identity["phone"], name=identity["full_name"],
                       commune_code=identity["commune_code"], hasher=crypto.blind_index)
    for key in keys:
        kind, value = key.split(":", 1)
        out[COLUMNS[kind]] = value
    return out


def _redact(value, identities: list[dict]):
    if isinstance(value, str):
        return redact(
            value, names=[i["full_name"] for i in identities], id_numbers=[i["id_number"] for i in identities],
            phones=[i["phone"] for i in identities], addresses=[i["address_detail"] for i in identities],
        )
    if isinstance(value, list):
        return [_redact(v, identities) for v in value]
    if isinstance(value, dict):
        return {k: _redact(v, identities) for k, v in value.items()}
    return value


def _scrub(apps, app_label: str, model: str, ids) -> None:
    ids = [str(i) for i in ids]
    if not ids:
        return
    ContentType = apps.get_model("contenttypes", "ContentType")
    LogEntry = apps.get_model("auditlog", "LogEntry")
    ct = ContentType.objects.filter(app_label=app_label, model=model).first()
    if ct is None:
        return
    for start in range(0, len(ids), 500):
        LogEntry.objects.filter(content_type=ct, object_pk__in=ids[start:start + 500]).update(
            changes={}, changes_text="", object_repr=REDACTED, serialized_data=None, additional_data=None
        )


def protect(apps, schema_editor):
    Visit = apps.get_model("reception", "Visit")
    VisitParticipant = apps.get_model("reception", "VisitParticipant")
    VisitDenouncer = apps.get_model("reception", "VisitDenouncer")
    VisitProtectedContent = apps.get_model("reception", "VisitProtectedContent")
    VisitCorrection = apps.get_model("reception", "VisitCorrection")
    Citizen = apps.get_model("people", "Citizen")
    LetterSender = apps.get_model("letters", "LetterSender")

    visit_ids = list(
        VisitParticipant.objects.filter(visit__matter_type=DENUNCIATION)
        .values_list("visit_id", flat=True).distinct().order_by("visit_id")
    )
    if not visit_ids:
        return
    if schema_editor.connection.vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("PRAGMA secure_delete = ON")
    link_ids, correction_ids, citizen_ids = [], [], set()
    for visit in Visit.objects.filter(pk__in=visit_ids).order_by("pk").iterator(chunk_size=500):
        links = list(VisitParticipant.objects.filter(visit=visit).select_related("citizen")
                     .order_by("-is_representative", "id"))
        identities = [_identity(link.citizen) for link in links]
        VisitDenouncer.objects.bulk_create([
            VisitDenouncer(
                visit_id=visit.pk, order=order, is_representative=link.is_representative,
                payload=crypto.encrypt(json.dumps(identity, ensure_ascii=False)), **_indexes(identity),
            )
            for order, (link, identity) in enumerate(zip(links, identities, strict=True))
        ])
        redacted = _redact(visit.content, identities)
        if redacted != visit.content:
            VisitProtectedContent.objects.update_or_create(
                visit_id=visit.pk, defaults={"content": crypto.encrypt(visit.content)}
            )
            Visit.objects.filter(pk=visit.pk).update(content=redacted)
        for correction in VisitCorrection.objects.filter(visit_id=visit.pk):
            correction_ids.append(correction.pk)
            changes = _redact(correction.changes, identities)
            if changes != correction.changes:
                VisitCorrection.objects.filter(pk=correction.pk).update(changes=changes)
        link_ids += [link.pk for link in links]
        citizen_ids |= {link.citizen_id for link in links}
        VisitParticipant.objects.filter(pk__in=[link.pk for link in links]).delete()
    # A citizen created for denunciation visits alone goes; one known elsewhere stays, without the link.
    used = set(VisitParticipant.objects.filter(citizen_id__in=citizen_ids).values_list("citizen_id", flat=True))
    used |= set(LetterSender.objects.filter(citizen_id__in=citizen_ids).values_list("citizen_id", flat=True))
    used |= set(Citizen.objects.filter(merged_into_id__in=citizen_ids).values_list("merged_into_id", flat=True))
    deleted = sorted(citizen_ids - used)
    for start in range(0, len(deleted), 500):
        Citizen.objects.filter(pk__in=deleted[start:start + 500]).delete()
    _scrub(apps, "reception", "visit", visit_ids)
    _scrub(apps, "reception", "visitparticipant", link_ids)
    _scrub(apps, "reception", "visitcorrection", correction_ids)
    _scrub(apps, "people", "citizen", deleted)


def unprotect(apps, schema_editor):
    """Back to Citizen records (a reversal of the deployment; the scrubbed log stays scrubbed)."""
    Visit = apps.get_model("reception", "Visit")
    VisitParticipant = apps.get_model("reception", "VisitParticipant")
    VisitDenouncer = apps.get_model("reception", "VisitDenouncer")
    VisitProtectedContent = apps.get_model("reception", "VisitProtectedContent")
    Citizen = apps.get_model("people", "Citizen")
    from tiepdan.text.normalize import digits, fold

    for row in VisitDenouncer.objects.order_by("visit_id", "order").iterator(chunk_size=500):
        data = json.loads(crypto.decrypt(row.payload))
        number = digits(data.get("id_number") or "") or None
        citizen = Citizen.objects.filter(id_number=number).first() if number else None
        if citizen is None:
            citizen = Citizen.objects.create(
                full_name=data.get("full_name", ""), id_number=number, phone=data.get("phone", ""),
                address_detail=data.get("address_detail", ""), commune_code=data.get("commune_code"),
                province_code=data.get("province_code"), search_name=fold(data.get("full_name", "")),
                search_phone=digits(data.get("phone", "")),
            )
        VisitParticipant.objects.get_or_create(
            visit_id=row.visit_id, citizen=citizen, defaults={"is_representative": row.is_representative}
        )
    for original in VisitProtectedContent.objects.all():
        Visit.objects.filter(pk=original.visit_id).update(content=crypto.decrypt(original.content))
    VisitProtectedContent.objects.all().delete()
    VisitDenouncer.objects.all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ("reception", "0003_visit_denouncer"),
        ("people", "0002_citizen_merge_history"),
        ("letters", "0001_initial"),
        ("contenttypes", "__latest__"),
        ("auditlog", "__latest__"),
    ]

    operations = [migrations.RunPython(protect, unprotect, elidable=False)]
