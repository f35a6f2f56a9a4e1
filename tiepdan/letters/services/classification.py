"""Classifying a letter (type, domain, competence, eligibility), learning from it, splitting a mixed
letter, and linking duplicates into one matter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from auditlog.context import set_actor
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from tiepdan.common.choices import MatterType
from tiepdan.deadlines import services as deadlines
from tiepdan.deadlines.models import DeadlineStatus
from tiepdan.legal.grounds import INELIGIBILITY_REASONS
from tiepdan.letters.models import (
    OPEN_STATUSES,
    ClassificationFeedback,
    ClassificationKind,
    Competence,
    DenouncerIdentity,
    LearnedTerm,
    Letter,
    LetterSender,
    LetterStatus,
)
from tiepdan.letters.policies import unit_conflict
from tiepdan.letters.services.common import (
    LETTER_RULES,
    LetterActionRefused,
    LetterInputError,
    insert_letter,
    refresh_search_columns,
    rule_for,
    start_letter_deadline,
)
from tiepdan.letters.services.identity import protect_letter, unprotect_letter
from tiepdan.text.classify import Suggestion, learning_terms

INELIGIBILITY_CODES = {g.code for g in INELIGIBILITY_REASONS}


def _evidence(suggestion: Suggestion | None) -> list:
    if suggestion is None:
        return []
    return [[e.term, e.weight, e.source] for e in suggestion.evidence][:12]


def _learn(kind: str, label: str, terms: list[str], sign: int) -> None:
    """Add (sign=1) or take back (sign=-1) one confirmed letter's terms for `label`."""
    keys = [*terms, ""]  # "" counts the letters themselves
    existing = {t.term: t for t in LearnedTerm.objects.filter(kind=kind, label=label, term__in=keys)}
    if sign > 0:
        LearnedTerm.objects.filter(pk__in=[t.pk for t in existing.values()]).update(count=F("count") + 1)
        LearnedTerm.objects.bulk_create(
            [LearnedTerm(kind=kind, label=label, term=t, count=1) for t in keys if t not in existing],
            ignore_conflicts=True,
        )
    else:
        LearnedTerm.objects.filter(pk__in=[t.pk for t in existing.values()], count__gt=0).update(
            count=F("count") - 1
        )


@dataclass(frozen=True)
class Classification:
    matter_type: str
    domain: object | None = None
    competence: str = ""
    competent_body: str = ""
    is_eligible: bool | None = None
    ineligibility_reason: str = ""
    denounced_persons: str = ""
    denounced_unit: object | None = None
    denounced_staff: Sequence = ()
    multi_site: bool = False  # TC-INIT: verification at several places → 10 working days


def _validate(letter: Letter, c: Classification) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if c.matter_type not in MatterType.values:
        add("matter_type", _("Chọn loại đơn."))
    if c.competence not in Competence.values:
        add("competence", _("Chọn thẩm quyền."))
    if c.competence == Competence.OUTSIDE and not c.competent_body.strip():
        add("competent_body", _("Đơn không thuộc thẩm quyền: ghi cơ quan có thẩm quyền giải quyết."))
    if c.is_eligible is None:
        add("is_eligible", _("Chọn đơn đủ hay không đủ điều kiện xử lý."))
    if c.is_eligible is False and c.ineligibility_reason not in INELIGIBILITY_CODES:
        add("ineligibility_reason", _("Đơn không đủ điều kiện xử lý: chọn lý do theo quy định."))
    if c.matter_type == MatterType.DENUNCIATION and (reason := unit_conflict(letter.unit, c.denounced_unit)):
        add("denounced_unit", reason)
    return errors


@transaction.atomic
def classify_letter(
    *, letter: Letter, actor, classification: Classification, suggested_type: Suggestion | None = None,
    suggested_domain: Suggestion | None = None, ip: str | None = None,
) -> Letter:
    """Record the officer's classification, keep it (with what was suggested and why) so suggestions
    learn, and move the letter's deadline and the denouncer protection with a change of type."""
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    if letter.status not in OPEN_STATUSES:
        raise LetterActionRefused(_("Đơn đã xử lý hoặc đã tách, không phân loại lại được."))
    c = classification
    errors = _validate(letter, c)
    if errors:
        raise LetterInputError(errors)
    old_type = letter.matter_type
    with set_actor(actor):
        if c.matter_type == MatterType.DENUNCIATION and not letter.protects_identity:
            protect_letter(letter, actor=actor)
            letter.refresh_from_db()
        elif c.matter_type != MatterType.DENUNCIATION and letter.protects_identity and not letter.parts.exists():
            unprotect_letter(letter, actor=actor, ip=ip)
            letter.refresh_from_db()
        letter.matter_type = c.matter_type
        letter.domain = c.domain
        letter.competence = c.competence
        letter.competent_body = c.competent_body.strip() if c.competence == Competence.OUTSIDE else ""
        if letter.is_eligible != c.is_eligible or letter.eligibility_decided_on is None:
            # A confirmation keeps the first date (a past report stays as it was); a change is dated.
            letter.eligibility_decided_on = timezone.localdate()
        letter.is_eligible = c.is_eligible
        letter.ineligibility_reason = c.ineligibility_reason if c.is_eligible is False else ""
        letter.denounced_persons = c.denounced_persons.strip()
        letter.denounced_unit = c.denounced_unit
        letter.status = LetterStatus.CLASSIFIED
        letter.classified_by = actor
        letter.classified_at = timezone.now()
        _move_deadline(letter, old_type, c)
        letter.save()
        letter.denounced_staff.set(list(c.denounced_staff))
    _keep_feedback(letter, actor, c, suggested_type, suggested_domain)
    return letter


def _move_deadline(letter: Letter, old_type: str, c: Classification) -> None:
    """XLD-TIME ↔ TC-INIT when the type changes; TC-INIT's multi-site variant; TC-FWD (5 working days to
    transfer) once a denunciation is found outside competence."""
    wanted = rule_for(c.matter_type)
    if c.matter_type == MatterType.DENUNCIATION and c.competence == Competence.OUTSIDE:
        wanted = "TC-FWD"
    variant = "multi-site" if wanted == "TC-INIT" and c.multi_site else None
    current = deadlines.open_deadlines_of(letter, *LETTER_RULES).first()
    if current is not None and current.rule_id == wanted and (current.variant or None) == variant:
        return
    if current is not None and current.rule_id == wanted:
        deadlines.update_deadlines(letter, (wanted,), variant=variant or "")
        letter.due_on = deadlines.open_deadlines_of(letter, wanted).values_list("due_on", flat=True).first()
        return
    deadlines.close_deadlines(letter, LETTER_RULES, on=timezone.localdate(), status=DeadlineStatus.CANCELLED)
    start_letter_deadline(letter, rule_id=wanted, variant=variant)


def _keep_feedback(letter: Letter, actor, c: Classification, suggested_type, suggested_domain) -> None:
    terms = learning_terms(f"{letter.summary}\n{letter.text}")
    previous = letter.classifications.filter(superseded=False).first()
    if previous is not None:
        # A correction replaces the earlier confirmation in what the suggestions learn.
        _learn(ClassificationKind.TYPE, previous.chosen_type, previous.terms, -1)
        if previous.chosen_domain_id:
            _learn(ClassificationKind.DOMAIN, previous.chosen_domain.code, previous.terms, -1)
        previous.superseded = True
        previous.save(update_fields=["superseded"])
    ClassificationFeedback.objects.create(
        letter=letter, actor=actor,
        suggested_type=(suggested_type.label or "") if suggested_type else "", chosen_type=c.matter_type,
        suggested_domain=(suggested_domain.label or "") if suggested_domain else "", chosen_domain=c.domain,
        type_evidence=_evidence(suggested_type), domain_evidence=_evidence(suggested_domain), terms=terms,
    )
    _learn(ClassificationKind.TYPE, c.matter_type, terms, 1)
    if c.domain is not None:
        _learn(ClassificationKind.DOMAIN, c.domain.code, terms, 1)


# --- mixed letters (TCD-SPLIT, XLD-MIXED) ------------------------------------------------------


@dataclass(frozen=True)
class Part:
    matter_type: str
    summary: str
    text: str = ""


@transaction.atomic
def split_letter(*, letter: Letter, parts: Sequence[Part], actor, on: date) -> list[Letter]:
    """Split a mixed letter into one letter per type, each with its own deadline and track.

    If a part is a denunciation, the whole letter's senders are protected first; each denunciation part
    carries a copy of the encrypted identity; other parts get the sender records back only when the
    actor may see the identity (the decryption is logged)."""
    from tiepdan.letters.services.identity import reveal_identity

    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    if letter.status not in OPEN_STATUSES:
        raise LetterActionRefused(_("Chỉ tách được đơn đang xử lý."))
    errors: dict[str, list[str]] = {}
    if len(parts) < 2:
        errors.setdefault("parts", []).append(_("Đơn có nhiều nội dung: nhập ít nhất hai phần."))
    for n, part in enumerate(parts, start=1):
        if part.matter_type not in MatterType.values or not part.summary.strip():
            errors.setdefault("parts", []).append(_("Phần %(n)s: chọn loại đơn và nhập tóm tắt.") % {"n": n})
    if errors:
        raise LetterInputError(errors)
    has_denunciation = any(p.matter_type == MatterType.DENUNCIATION for p in parts)
    with set_actor(actor):
        if has_denunciation and not letter.protects_identity:
            protect_letter(letter, actor=actor)
            letter.refresh_from_db()
        identities = list(letter.denouncer_identities.order_by("order"))
        plain_links = list(letter.sender_links.all())
        revealed = None
        children = []
        for part in parts:
            child = Letter(
                unit=letter.unit, channel=letter.channel, received_on=letter.received_on, visit=letter.visit,
                is_anonymous=letter.is_anonymous, signer_count=letter.signer_count,
                transferring_body=letter.transferring_body, transfer_doc_number=letter.transfer_doc_number,
                summary=part.summary.strip()[:500], text=part.text.strip(), matter_type=part.matter_type,
                domain=letter.domain, commune_code=letter.commune_code, split_from=letter, created_by=actor,
                protects_identity=part.matter_type == MatterType.DENUNCIATION,
            )
            insert_letter(child)  # search columns below, once the code is final
            names: list[str] = []
            if child.protects_identity:
                DenouncerIdentity.objects.bulk_create([
                    DenouncerIdentity(letter=child, order=i.order, is_representative=i.is_representative,
                                      payload=i.payload, id_number_index=i.id_number_index,
                                      phone_index=i.phone_index, name_commune_index=i.name_commune_index)
                    for i in identities
                ])
            elif plain_links:
                for link in plain_links:
                    LetterSender.objects.create(letter=child, citizen=link.citizen,
                                                is_representative=link.is_representative)
                    names.append(link.citizen.full_name)
            elif identities and not letter.is_anonymous:
                if revealed is None:
                    revealed = reveal_identity(letter=letter, user=actor,
                                               purpose="Tách đơn: lập người gửi cho phần không phải tố cáo")
                from tiepdan.letters.services.identity import citizen_for

                for identity in revealed:
                    citizen = citizen_for(identity)
                    LetterSender.objects.get_or_create(letter=child, citizen=citizen,
                                                       defaults={"is_representative": identity.is_representative})
                    names.append(citizen.full_name)
            start_letter_deadline(child)
            refresh_search_columns(child, names)
            child.save()
            children.append(child)
        deadlines.close_deadlines(letter, LETTER_RULES, on=on, status=DeadlineStatus.CANCELLED)
        letter.status = LetterStatus.SPLIT
        letter.disposed_on = on
        letter.save()
    return children


# --- duplicates --------------------------------------------------------------------------------


@transaction.atomic
def link_duplicate(*, letter: Letter, original: Letter, actor) -> Letter:
    """Attach `letter` to the matter of `original` (its first letter); letters already attached to
    `letter` follow it, so a matter is always one first letter and its duplicates."""
    root_id = original.duplicate_of_id or original.pk
    if root_id == letter.pk or original.pk == letter.pk:
        raise LetterActionRefused(_("Không thể đánh dấu đơn trùng với chính nó."))
    with set_actor(actor):
        Letter.objects.filter(duplicate_of=letter).update(duplicate_of_id=root_id)
        letter.duplicate_of_id = root_id
        letter.save(update_fields=["duplicate_of", "updated_at"])
    return letter


@transaction.atomic
def unlink_duplicate(*, letter: Letter, actor) -> Letter:
    with set_actor(actor):
        letter.duplicate_of = None
        letter.save(update_fields=["duplicate_of", "updated_at"])
    return letter


@transaction.atomic
def route_letter(*, letter: Letter, unit, actor) -> Letter:
    """Give an open letter to the unit that will handle it (its open deadlines follow). A denunciation
    never goes to the unit it denounces."""
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    if letter.status not in OPEN_STATUSES:
        raise LetterActionRefused(_("Chỉ giao được đơn đang xử lý."))
    if reason := unit_conflict(unit, letter.denounced_unit):
        raise LetterActionRefused(reason, "TC-CONFID")
    with set_actor(actor):
        letter.unit = unit
        letter.save(update_fields=["unit", "updated_at"])
        # The new unit picks its own handler.
        deadlines.open_deadlines_of(letter).update(unit=unit, handler=None)
    return letter
