"""The denouncer's identity (Law 25/2018 Art 47, TC-CONFID): encrypted storage, moving a letter's
senders into it when the letter turns out to be a denunciation, the logged reveal, and key rotation.

Decision record: docs/adr/0004-denouncer-identity.md.
"""

from __future__ import annotations

from auditlog.context import disable_auditlog
from django.db import transaction
from django.db.models import ProtectedError
from django.utils.translation import gettext as _

from tiepdan.audit import crypto
from tiepdan.audit import services as audit
from tiepdan.letters.models import Attachment, DenouncerIdentity, Letter, LetterSender, ProtectedOriginal
from tiepdan.letters.policies import can_see_identity
from tiepdan.letters.services.common import LetterActionRefused, refresh_search_columns, secure_delete_on
from tiepdan.people import geo
from tiepdan.people.identity import (
    Identity,
    decrypt_identity,
    index_columns,
    stored_fields,
)
from tiepdan.people.models import Citizen
from tiepdan.text.normalize import digits
from tiepdan.text.redact import redact


def identity_rows(letter_id: int, identities: list[Identity]) -> list[DenouncerIdentity]:
    """Unsaved encrypted rows for a letter's denouncers (bulk loaders such as the demo generator
    create them with bulk_create instead of linking Citizen records)."""
    return [DenouncerIdentity(letter_id=letter_id, order=order, **stored_fields(identity))
            for order, identity in enumerate(identities)]


def store_identities(letter: Letter, identities: list[Identity]) -> list[DenouncerIdentity]:
    return DenouncerIdentity.objects.bulk_create(identity_rows(letter.pk, identities))


def _decrypt_row(row: DenouncerIdentity) -> Identity:
    return decrypt_identity(row.payload, is_representative=row.is_representative)


def redact_with(identities: list[Identity], text: str) -> str:
    return redact(
        text,
        names=[i.full_name for i in identities],
        id_numbers=[i.id_number for i in identities],
        phones=[i.phone for i in identities],
        addresses=[i.address_detail for i in identities],
    )


def protect_content(letter: Letter, identities: list[Identity]) -> dict[str, str]:
    """Give the letter the redacted summary and text; return the original, encrypted, for
    `keep_original` once the letter is saved."""
    original = {"summary": crypto.encrypt(letter.summary), "text": crypto.encrypt(letter.text)}
    letter.summary = redact_with(identities, letter.summary)[:500]
    letter.text = redact_with(identities, letter.text)
    letter.protects_identity = True
    return original


def keep_original(letter: Letter, original: dict[str, str]) -> None:
    ProtectedOriginal.objects.update_or_create(letter=letter, defaults=original)


@transaction.atomic
def protect_letter(letter: Letter, *, actor) -> Letter:
    """Move a registered letter's senders out of the plain Citizen records into DenouncerIdentity.

    Called when a letter registered as something else is classified as a denunciation (or split with a
    denunciation part). The sender links go; a Citizen record created for this letter alone goes too;
    a record that also appears elsewhere (a known complainant) stays, without its link to this letter.
    The general change log loses its copies of the letter's text and the sender links.
    """
    if letter.protects_identity:
        return letter
    secure_delete_on()
    links = list(letter.sender_links.select_related("citizen").order_by("id"))
    identities = [Identity.of_citizen(link.citizen, is_representative=link.is_representative) for link in links]
    store_identities(letter, identities)
    keep_original(letter, protect_content(letter, identities))
    refresh_search_columns(letter, [])
    link_ids = [link.pk for link in links]
    citizens = [link.citizen for link in links]
    with disable_auditlog():
        LetterSender.objects.filter(pk__in=link_ids).delete()
        for citizen in citizens:
            try:
                with transaction.atomic():
                    citizen.delete()
            except ProtectedError:
                continue  # the person has other letters or visits: keep the record, not the link
        Attachment.objects.filter(letter=letter).update(name="Tệp đính kèm (bản gốc — mật)")
        letter.save()
    audit.scrub_change_log(LetterSender, link_ids)
    audit.scrub_change_log(Letter, [letter.pk])
    kept = set(Citizen.objects.filter(pk__in=[link.citizen_id for link in links]).values_list("pk", flat=True))
    audit.scrub_change_log(Citizen, [link.citizen_id for link in links if link.citizen_id not in kept])
    audit.log_access(user=actor, obj=letter, purpose="Chuyển thông tin người gửi sang hồ sơ mật (đơn tố cáo)")
    transaction.on_commit(_purge_later)
    return letter


def _purge_later() -> None:
    from tiepdan.letters.tasks import purge_search_residue_task

    purge_search_residue_task()


@transaction.atomic
def unprotect_letter(letter: Letter, *, actor, ip: str | None = None) -> Letter:
    """The reverse, when a letter registered as a denunciation is not one: only for a user who may see
    the identity, and logged, since the identity is decrypted into plain Citizen records."""
    if not letter.protects_identity:
        return letter
    if not can_see_identity(actor, letter):
        raise LetterActionRefused(
            _("Chỉ lãnh đạo, thanh tra hoặc người được giao giải quyết mới được chuyển đơn tố cáo sang loại đơn "
              "khác, vì việc này phải giải mã thông tin người tố cáo."), "TC-CONFID",
        )
    identities = [_decrypt_row(r) for r in letter.denouncer_identities.order_by("order")]
    audit.log_access(user=actor, obj=letter, purpose="Phân loại lại: đơn không phải tố cáo, khôi phục người gửi",
                     ip=ip)
    original = ProtectedOriginal.objects.filter(letter=letter).first()
    if original is not None:
        letter.summary = crypto.decrypt(original.summary)
        letter.text = crypto.decrypt(original.text)
        original.delete()
    letter.denouncer_identities.all().delete()
    names = []
    for identity in identities:
        citizen = citizen_for(identity)
        LetterSender.objects.create(letter=letter, citizen=citizen, is_representative=identity.is_representative)
        names.append(citizen.full_name)
    letter.protects_identity = False
    refresh_search_columns(letter, names)
    letter.save()
    return letter


def citizen_for(identity: Identity, citizen_id: int | None = None) -> Citizen:
    """The citizen record of a (non-protected) sender: the chosen one, the one with this ID number, or
    a new record."""
    citizen = None
    if citizen_id:
        citizen = Citizen.objects.filter(pk=citizen_id).first()
    number = digits(identity.id_number)
    if citizen is None and number:
        citizen = Citizen.objects.filter(id_number=number).first()
    while citizen is not None and citizen.merged_into_id:
        citizen = citizen.merged_into
    if citizen is not None:
        return citizen
    citizen = Citizen(
        full_name=identity.full_name.strip(), id_number=number or None, phone=identity.phone.strip(),
        commune_code=identity.commune_code,
        province_code=identity.province_code or (geo.province_of(identity.commune_code)
                                                 if identity.commune_code else None),
        address_detail=identity.address_detail.strip(),
    )
    citizen.refresh_search_keys()
    citizen.save()
    return citizen


def reveal_identity(*, letter: Letter, user, purpose: str, ip: str | None = None) -> list[Identity]:
    """The denouncers of `letter`, decrypted, for a user allowed to see them; every call is logged."""
    if not can_see_identity(user, letter):
        raise LetterActionRefused(_("Bạn không có quyền xem thông tin người tố cáo."), "TC-CONFID")
    if not purpose.strip():
        raise LetterActionRefused(_("Phải ghi mục đích xem thông tin người tố cáo."), "TC-CONFID")
    audit.log_access(user=user, obj=letter, purpose=purpose.strip(), ip=ip)
    return [_decrypt_row(r) for r in letter.denouncer_identities.order_by("order")]


def reveal_original(*, letter: Letter, user, purpose: str, ip: str | None = None) -> tuple[str, str]:
    """The original (unredacted) summary and text of a protected letter, logged like the identity."""
    if not can_see_identity(user, letter):
        raise LetterActionRefused(_("Bạn không có quyền xem bản gốc đơn tố cáo."), "TC-CONFID")
    audit.log_access(user=user, obj=letter, purpose=purpose.strip() or "Xem bản gốc đơn", ip=ip)
    original = ProtectedOriginal.objects.filter(letter=letter).first()
    if original is None:
        return letter.summary, letter.text
    return crypto.decrypt(original.summary), crypto.decrypt(original.text)


@transaction.atomic
def rotate_identity_keys() -> int:
    """After a new key is put first in TIEPDAN_ENCRYPTION_KEYS: re-encrypt every identity, original and
    attachment with it and recompute the blind indexes. Returns the number of identities."""
    count = 0
    for row in DenouncerIdentity.objects.select_for_update().iterator(chunk_size=500):
        identity = _decrypt_row(row)
        row.payload = crypto.rotate(row.payload)
        for field, value in index_columns(identity).items():
            setattr(row, field, value)
        row.save(update_fields=["payload", "id_number_index", "phone_index", "name_commune_index"])
        count += 1
    for original in ProtectedOriginal.objects.select_for_update().iterator(chunk_size=500):
        original.summary = crypto.rotate(original.summary)
        original.text = crypto.rotate(original.text)
        original.save(update_fields=["summary", "text"])
    for attachment in Attachment.objects.iterator(chunk_size=200):
        with attachment.file.open("rb") as handle:
            token = handle.read()
        rotated = crypto.rotate_bytes(token)
        with attachment.file.open("wb") as handle:
            handle.write(rotated)
    return count
