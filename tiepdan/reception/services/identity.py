"""The denouncer's identity at the reception desk (Law 25/2018 Art 47, TC-CONFID), as for letters
(docs/adr/0004-denouncer-identity.md): the visitors of a denunciation visit are not Citizen records but
`VisitDenouncer` rows — one encrypted payload plus blind indexes — and the content keeps a redacted copy,
the original encrypted in `VisitProtectedContent`. Nothing decrypts except `reveal_visit` /
`reveal_identities`, which check the policy and write an `audit.AccessLog` row every time.

The value type, the encryption and the blind keys are shared with letters (`people.identity`), as is the
redaction (`letters.services.identity.redact_with`); this module applies them to the visit's tables.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from auditlog.context import disable_auditlog
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.db.models import ProtectedError, QuerySet
from django.utils import timezone

from tiepdan.audit import crypto
from tiepdan.audit import services as audit
from tiepdan.audit.models import AccessLog
from tiepdan.letters.services.identity import citizen_for, redact_with
from tiepdan.people.identity import (
    INDEX_COLUMNS,
    Identity,
    blind_keys,
    decrypt_identity,
    index_columns,
    keys_q,
    stored_fields,
)
from tiepdan.people.models import Citizen
from tiepdan.reception import policies
from tiepdan.reception.models import Visit, VisitCorrection, VisitDenouncer, VisitParticipant, VisitProtectedContent

__all__ = [
    "MASKED",
    "Identity",
    "Revealed",
    "denouncer_rows",
    "earlier_denouncer_visits",
    "keys_of",
    "protect_visit",
    "reveal_identities",
    "reveal_visit",
    "rotate_visit_identity_keys",
    "store_denouncers",
    "unprotect_visit",
]

MASKED = "Người tố cáo (giữ bí mật)"


def keys_of(identities: Iterable[Identity]) -> frozenset[str]:
    """The blind keys ("id:…", "phone:…", "nc:…") of these people, for repeat and duplicate matching."""
    return frozenset().union(*(blind_keys(i) for i in identities))


def denouncer_rows(visit_id: int, identities: list[Identity]) -> list[VisitDenouncer]:
    """Unsaved encrypted rows for a visit's denouncers (bulk loaders create them with bulk_create)."""
    return [VisitDenouncer(visit_id=visit_id, order=order, **stored_fields(identity))
            for order, identity in enumerate(identities)]


def store_denouncers(visit: Visit, identities: list[Identity]) -> list[VisitDenouncer]:
    return VisitDenouncer.objects.bulk_create(denouncer_rows(visit.pk, identities))


def _decrypt(row: VisitDenouncer) -> Identity:
    return decrypt_identity(row.payload, is_representative=row.is_representative)


def redact_content(visit: Visit, identities: list[Identity]) -> str | None:
    """Give the (unsaved) visit the redacted content; return the original, encrypted, when the content
    named the denouncer (for `keep_original` once the visit is saved), else None."""
    redacted = redact_with(identities, visit.content)
    if redacted == visit.content:
        return None
    original = crypto.encrypt(visit.content)
    visit.content = redacted
    return original


def keep_original(visit: Visit, original: str | None) -> None:
    if original:
        VisitProtectedContent.objects.update_or_create(visit=visit, defaults={"content": original})


def redact_for_visit(visit: Visit, text: str) -> str:
    """`text` redacted with the visit's denouncers (a corrected content): decrypted inside the service for
    the redaction only, never returned or shown, hence not an access to log."""
    return redact_with([_decrypt(r) for r in _rows_of(visit)], text)


def replace_original(visit: Visit, content: str) -> None:
    """Keep `content` as the visit's encrypted original, or drop the original when nothing was redacted."""
    if content:
        VisitProtectedContent.objects.update_or_create(visit=visit, defaults={"content": crypto.encrypt(content)})
    else:
        VisitProtectedContent.objects.filter(visit=visit).delete()


# --- the logged reveal ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Revealed:
    identities: list[Identity]
    content: str  # the original content (the redacted one when nothing was redacted)


def _rows_of(visit: Visit) -> list[VisitDenouncer]:
    cache = getattr(visit, "_prefetched_objects_cache", {})
    rows = list(cache["denouncers"]) if "denouncers" in cache else list(visit.denouncers.all())
    return sorted(rows, key=lambda r: r.order)


def reveal_visit(*, visit: Visit, user, purpose: str, ip: str | None = None) -> Revealed:
    """The denouncers and original content of a denunciation visit, for a user allowed to see them;
    every call is logged. A visit that is not a denunciation has nothing to reveal."""
    if not visit.is_denunciation:
        return Revealed([], visit.content)
    if not policies.may_see_identity(user, visit):
        raise PermissionDenied
    audit.log_access(user=user, obj=visit, purpose=purpose.strip() or "Xem lượt tiếp tố cáo", ip=ip)
    original = VisitProtectedContent.objects.filter(visit=visit).first()
    content = crypto.decrypt(original.content) if original is not None else visit.content
    return Revealed([_decrypt(r) for r in _rows_of(visit)], content)


def reveal_identities(*, visits: Iterable[Visit], user, purpose: str, ip: str | None = None) -> dict[int, list]:
    """{visit id: denouncers} of the denunciation visits among `visits` that the user may see (a list, the
    book, an export): one AccessLog row per visit revealed, written in one insert."""
    shown: dict[int, list[Identity]] = {}
    logs = []
    for visit in visits:
        if not visit.is_denunciation or not policies.may_see_identity(user, visit):
            continue
        shown[visit.pk] = [_decrypt(r) for r in _rows_of(visit)]
        logs.append(AccessLog(user=user, object_type="reception.visit", object_id=visit.pk,
                              purpose=purpose[:255], ip_address=ip))
    if logs:
        AccessLog.objects.bulk_create(logs)
    return shown


# --- returning denouncers ---------------------------------------------------------------------------


def earlier_denouncer_visits(keys: Iterable[str], *, before: datetime | None = None) -> QuerySet[Visit]:
    """Denunciation visits whose denouncer shares a blind key (same ID number, phone, or name + commune)."""
    condition = keys_q(keys)
    if condition is None:
        return Visit.objects.none()
    rows = VisitDenouncer.objects.filter(condition)
    if before is not None:
        rows = rows.filter(visit__received_at__lte=before)
    return Visit.objects.filter(pk__in=rows.values("visit_id"))


def earlier_denouncer_letters(keys: Iterable[str], *, before: datetime) -> bool:
    """Whether a letter's protected denouncer shares a blind key (letters sit above: read-only)."""
    from tiepdan.letters.models import DenouncerIdentity

    condition = keys_q(keys)
    if condition is None:
        return False
    return DenouncerIdentity.objects.filter(condition, letter__received_on__lte=timezone.localdate(before)).exists()


def matching_denouncers(visit_ids: Iterable[int], keys: Iterable[str]) -> list[VisitDenouncer]:
    condition = keys_q(keys)
    if condition is None:
        return []
    return list(VisitDenouncer.objects.filter(condition, visit_id__in=list(visit_ids)).order_by("visit_id", "order"))


def decrypt_for_lookup(*, rows: list[VisitDenouncer], user, purpose: str, ip: str | None = None) -> list[tuple]:
    """(row, identity) of the matched denouncers of the desk's lookup that the user may see (each visit
    shown is logged, one insert)."""
    visits = {r.visit_id: r.visit for r in rows}
    allowed = {pk for pk, v in visits.items() if policies.may_see_identity(user, v)}
    if allowed:
        AccessLog.objects.bulk_create([
            AccessLog(user=user, object_type="reception.visit", object_id=pk, purpose=purpose[:255], ip_address=ip)
            for pk in sorted(allowed)
        ])
    return [(r, _decrypt(r)) for r in rows if r.visit_id in allowed]


# --- reclassification ---------------------------------------------------------------------------------


def _secure_delete_on() -> None:
    """SQLite zeroes freed pages only when told (see ADR 0004 for PostgreSQL's dead tuples)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA secure_delete = ON")


def _redact_json(value, identities: list[Identity]):
    if isinstance(value, str):
        return redact_with(identities, value)
    if isinstance(value, list):
        return [_redact_json(v, identities) for v in value]
    if isinstance(value, dict):
        return {k: _redact_json(v, identities) for k, v in value.items()}
    return value


@transaction.atomic
def protect_visit(visit: Visit, *, actor) -> Visit:
    """Move a recorded visit's visitors out of the plain Citizen records into VisitDenouncer (the visit
    turned out to be a denunciation). The participant links go; a Citizen record created for this visit
    alone goes too; one that also appears elsewhere (a known complainant) stays, without its link. The
    content is redacted (the original kept encrypted), earlier corrections too, and the general change
    log loses its copies of the visit, the links, the corrections and the deleted citizens."""
    if visit.denouncers.exists():
        return visit
    _secure_delete_on()
    links = list(visit.participants.select_related("citizen").order_by("-is_representative", "id"))
    identities = [Identity.of_citizen(link.citizen, is_representative=link.is_representative) for link in links]
    store_denouncers(visit, identities)
    keep_original(visit, redact_content(visit, identities))
    corrections = list(VisitCorrection.objects.filter(visit=visit))
    citizen_ids = [link.citizen_id for link in links]
    with disable_auditlog():
        for correction in corrections:
            correction.changes = _redact_json(correction.changes, identities)
            correction.save(update_fields=["changes"])
        VisitParticipant.objects.filter(pk__in=[link.pk for link in links]).delete()
        for link in links:
            try:
                with transaction.atomic():
                    link.citizen.delete()
            except ProtectedError:
                continue  # the person has other visits or letters: keep the record, not the link
        visit.save()
    kept = set(Citizen.objects.filter(pk__in=citizen_ids).values_list("pk", flat=True))
    audit.scrub_change_log(VisitParticipant, [link.pk for link in links])
    audit.scrub_change_log(Visit, [visit.pk])
    audit.scrub_change_log(VisitCorrection, [c.pk for c in corrections])
    audit.scrub_change_log(Citizen, [pk for pk in citizen_ids if pk not in kept])
    audit.log_access(user=actor, obj=visit, purpose="Chuyển thông tin công dân sang hồ sơ mật (lượt tiếp tố cáo)")
    return visit


@transaction.atomic
def unprotect_visit(visit: Visit, *, actor, ip: str | None = None) -> Visit:
    """The reverse, when a visit recorded as a denunciation is not one: only for a user who may see the
    identity, and logged, since it is decrypted into plain Citizen records."""
    if not policies.may_see_identity(actor, visit):
        raise PermissionDenied
    revealed = reveal_visit(visit=visit, user=actor, ip=ip,
                            purpose="Phân loại lại: lượt tiếp không phải tố cáo, khôi phục thông tin công dân")
    VisitProtectedContent.objects.filter(visit=visit).delete()
    visit.content = revealed.content
    visit.denouncers.all().delete()
    seen: set[int] = set()
    for identity in revealed.identities:
        citizen = citizen_for(identity)
        if citizen.pk in seen:
            continue
        seen.add(citizen.pk)
        VisitParticipant.objects.create(visit=visit, citizen=citizen, is_representative=identity.is_representative)
    return visit


@transaction.atomic
def rotate_visit_identity_keys() -> int:
    """After a new key is put first in TIEPDAN_ENCRYPTION_KEYS (beside letters.services.rotate_identity_keys):
    re-encrypt the visits' denouncers and originals and recompute the blind indexes."""
    count = 0
    for row in VisitDenouncer.objects.select_for_update().iterator(chunk_size=500):
        identity = _decrypt(row)
        row.payload = crypto.rotate(row.payload)
        for column, value in index_columns(identity).items():
            setattr(row, column, value)
        row.save(update_fields=["payload", *INDEX_COLUMNS.values()])
        count += 1
    for original in VisitProtectedContent.objects.select_for_update().iterator(chunk_size=500):
        original.content = crypto.rotate(original.content)
        original.save(update_fields=["content"])
    return count
