"""Writes at the reception desk: record a visit (split per type, repeat detection, representatives,
mass-visit notice, statutory deadlines), correct it, acknowledge a mass visit, record an incident.

Every rule comes from `tiepdan.legal`; the clock is read once, by the caller or at the edge (`now`).
Validation problems are raised together as one Django `ValidationError` keyed by field, with Vietnamese
messages, so the form shows each beside its field and keeps the rest of the input.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from auditlog.context import set_actor
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from tiepdan.common.choices import MatterType
from tiepdan.deadlines import services as deadlines
from tiepdan.legal import grounds as legal_grounds
from tiepdan.legal import reception as legal_reception
from tiepdan.legal.errors import LegalError
from tiepdan.notifications.models import Notification
from tiepdan.notifications.services import notify
from tiepdan.org.models import Domain, Staff, Unit, UnitKind
from tiepdan.org.roles import Role
from tiepdan.org.selectors import advisory_unit, staff_of
from tiepdan.people import geo
from tiepdan.people import selectors as people_selectors
from tiepdan.people import services as people_services
from tiepdan.people.models import Citizen
from tiepdan.reception import policies
from tiepdan.reception.models import (
    HostRole,
    Incident,
    IncidentKind,
    LeaderMode,
    MassVisitAcknowledgement,
    ReceptionSession,
    Visit,
    VisitCorrection,
    VisitOutcome,
    VisitParticipant,
)
from tiepdan.reception.services import identity

DEFAULT_PLACE = "Trụ sở tiếp công dân"
# A clock a few minutes fast on the desk's computer must not refuse a visit being recorded now.
FUTURE_TOLERANCE = timedelta(minutes=5)
# Outcomes after which the officer owes the citizen an answer within 10 working days (TCD-ANSWER-10,
# Law 42/2013 Art 28(1)): the content was taken (letter received) or forwarded to the competent body.
ANSWER_OUTCOMES = frozenset({VisitOutcome.LETTER_RECEIVED, VisitOutcome.TRANSFERRED})
MASS_NOTICE_KIND = "mass_visit"


@dataclass(frozen=True)
class VisitorInput:
    full_name: str = ""
    id_number: str = ""
    phone: str = ""
    address: str = ""
    # The commune of residence: with the name, the key that recognises a visitor who gives neither an
    # ID number nor a phone when they come again.
    commune_code: int | None = None
    is_representative: bool = False
    citizen_id: int | None = None

    @property
    def is_blank(self) -> bool:
        # A commune alone names nobody: the row is still blank.
        return not (self.full_name.strip() or self.id_number.strip() or self.phone.strip() or self.citizen_id)


@dataclass(frozen=True)
class VisitInput:
    received_at: datetime | None
    matter_types: tuple[str, ...]
    content: str
    outcome: str
    visitors: tuple[VisitorInput, ...] = ()
    head_count: int = 1
    place: str = DEFAULT_PLACE
    # TCD-SPLIT: the part of the content of each type, when the citizen raised several types at once.
    split_contents: Mapping[str, str] = field(default_factory=dict)
    documents_received: str = ""
    brought_letter: bool = False
    domain_id: int | None = None
    commune_code: int | None = None
    leader_mode: str = LeaderMode.NONE
    leader_id: int | None = None
    host_role: str = ""
    refusal_ground: str = ""
    competent_body: str = ""
    prior_settlement_body: str = ""
    within_competence: bool | None = None
    document_number: str = ""
    note: str = ""


def visitor_key(index: int, name: str) -> str:
    """The error key of a visitor row's field (the view maps it to the row of the formset)."""
    return f"visitor-{index}-{name}"


class _Errors(dict):
    def add(self, key: str, message: str) -> None:
        self.setdefault(key, []).append(message)


# --- validation -------------------------------------------------------------------------------------


def _validate(data: VisitInput, *, agency_id: int, now: datetime) -> _Errors:
    errors = _Errors()
    if data.received_at is None:
        errors.add("received_at", _("Chưa nhập thời gian tiếp."))
    elif data.received_at > now + FUTURE_TOLERANCE:
        errors.add("received_at", _("Thời gian tiếp không được sau thời điểm hiện tại (%(now)s).")
                   % {"now": formats.date_format(timezone.localtime(now), "d/m/Y H:i")})
    if not data.place.strip():
        errors.add("place", _("Chưa nhập địa điểm tiếp."))
    _validate_types(data, errors)
    _validate_people(data, errors)
    _validate_leader(data, errors, agency_id)
    _validate_outcome(data, errors)
    if data.domain_id is not None and not Domain.objects.filter(pk=data.domain_id, agency_id=agency_id).exists():
        errors.add("domain", _("Lĩnh vực không có trong danh mục của cơ quan."))
    if data.commune_code is not None and geo.province_of(data.commune_code) is None:
        errors.add("commune_code", _("Xã, phường không có trong danh mục sau 01/07/2025."))
    return errors


def _validate_types(data: VisitInput, errors: _Errors) -> None:
    types = [t for t in data.matter_types if t]
    unknown = [t for t in types if t not in MatterType.values]
    if not types or unknown:
        errors.add("matter_types", _("Chọn loại nội dung: khiếu nại, tố cáo, kiến nghị hoặc phản ánh."))
        return
    if len(set(types)) != len(types):
        errors.add("matter_types", _("Mỗi loại nội dung chỉ chọn một lần."))
    if len(types) == 1:
        if not data.content.strip():
            errors.add("content", _("Chưa nhập nội dung công dân trình bày."))
        return
    # TCD-SPLIT (Law 42/2013 Art 25(3)): a mixed content is separated into one record per type.
    for matter_type in types:
        if not data.split_contents.get(matter_type, "").strip():
            errors.add(
                f"content_{matter_type}",
                _("Nội dung có nhiều loại: nhập riêng phần %(type)s để tách thành lượt tiếp riêng "
                  "(Luật Tiếp công dân, Điều 25 khoản 3).") % {"type": MatterType(matter_type).label.lower()},
            )


def _validate_people(data: VisitInput, errors: _Errors) -> None:
    visitors = [(i, v) for i, v in enumerate(data.visitors) if not v.is_blank]
    if data.head_count < 1:
        errors.add("head_count", _("Số người phải từ 1 trở lên."))
        return
    if not visitors:
        errors.add("visitors", _("Nhập ít nhất một công dân (họ tên, số căn cước hoặc điện thoại)."))
    if len(visitors) > data.head_count:
        errors.add("head_count", _("Số người (%(n)s) ít hơn số người đã ghi tên (%(m)s).")
                   % {"n": data.head_count, "m": len(visitors)})
    seen: dict[str, int] = {}
    known_ids = {v.citizen_id for _i, v in visitors if v.citizen_id}
    existing = set(Citizen.objects.filter(pk__in=known_ids).values_list("pk", flat=True)) if known_ids else set()
    for index, visitor in visitors:
        number = people_services.normalise_id_number(visitor.id_number)
        if visitor.citizen_id and visitor.citizen_id not in existing:
            errors.add(visitor_key(index, "full_name"), _("Không tìm thấy hồ sơ công dân đã chọn."))
        if not visitor.citizen_id and not visitor.full_name.strip():
            errors.add(visitor_key(index, "full_name"), _("Chưa nhập họ và tên."))
        if problem := people_services.id_number_problem(number):
            errors.add(visitor_key(index, "id_number"), problem)
        elif number:
            if number in seen:
                errors.add(visitor_key(index, "id_number"),
                           _("Trùng số căn cước với người ở dòng %(row)s.") % {"row": seen[number] + 1})
            seen[number] = index
        if problem := people_services.phone_problem(visitor.phone):
            errors.add(visitor_key(index, "phone"), problem)
        if visitor.commune_code is not None and geo.province_of(visitor.commune_code) is None:
            errors.add(visitor_key(index, "commune_code"), _("Xã, phường không có trong danh mục sau 01/07/2025."))
    representatives = sum(1 for _i, v in visitors if v.is_representative)
    # TCD-REP-1 (Law 42/2013 Art 29): 5–10 people → 1 or 2 representatives; more than 10 → at most 5.
    for problem in legal_reception.check_representatives(data.head_count, representatives):
        message = problem.message_vi
        errors.add("representatives", message[:1].upper() + message[1:] + ".")


def _validate_leader(data: VisitInput, errors: _Errors, agency_id: int) -> None:
    if data.leader_mode not in LeaderMode.values:
        errors.add("leader_mode", _("Hình thức tiếp không hợp lệ."))
        return
    if data.leader_mode == LeaderMode.NONE:
        return
    leader = Staff.objects.filter(pk=data.leader_id, unit__agency_id=agency_id).first() if data.leader_id else None
    if leader is None:
        errors.add("leader", _("Chọn lãnh đạo trực tiếp tiếp công dân."))
    if data.host_role not in HostRole.values:
        errors.add("host_role", _("Chọn vai trò: thủ trưởng trực tiếp tiếp hoặc người được ủy quyền tiếp."))


def _validate_outcome(data: VisitInput, errors: _Errors) -> None:
    if data.outcome not in VisitOutcome.values:
        errors.add("outcome", _("Chọn kết quả tiếp."))
        return
    if data.outcome == VisitOutcome.REFUSED:
        day = timezone.localdate(data.received_at) if data.received_at else None
        codes = {g.code for g in legal_grounds.refusal_grounds_in_force(day)} if day else set()
        if not data.refusal_ground:
            errors.add("refusal_ground", _("Từ chối tiếp phải nêu căn cứ (Luật Tiếp công dân, Điều 9)."))
        elif day and data.refusal_ground not in codes:
            errors.add("refusal_ground", _("Căn cứ từ chối này không áp dụng vào ngày tiếp."))
    if data.outcome == VisitOutcome.TRANSFERRED and not data.competent_body.strip():
        errors.add("competent_body", _("Chuyển đơn phải nêu cơ quan có thẩm quyền nhận."))


# --- recording ---------------------------------------------------------------------------------------


def _visit_unit(staff: Staff, day: date) -> Unit:
    """The unit whose book the visit goes in: the officer's unit; a leader's visits go to the advisory unit."""
    if staff.unit.kind == UnitKind.LEADERSHIP:
        return advisory_unit(day) or staff.unit
    return staff.unit


def _citizens_for(visitors: tuple[VisitorInput, ...], actor) -> list[tuple[Citizen, VisitorInput]]:
    """One citizen record per visitor row: the one chosen, the one with that ID number, or a new one."""
    rows = []
    for index, visitor in enumerate(visitors):
        if visitor.is_blank:
            continue
        number = people_services.normalise_id_number(visitor.id_number)
        citizen = None
        if visitor.citizen_id:
            citizen = Citizen.objects.get(pk=visitor.citizen_id)
        elif number:
            citizen = Citizen.objects.filter(id_number=number).first()
        while citizen is not None and citizen.merged_into_id:
            citizen = citizen.merged_into
        if citizen is None:
            try:
                citizen = people_services.create_citizen(
                    data=people_services.CitizenInput(
                        full_name=visitor.full_name, id_number=number, phone=visitor.phone,
                        address_detail=visitor.address, province_code=None, commune_code=visitor.commune_code,
                    ),
                    actor=actor,
                )
            except ValidationError as exc:
                raise ValidationError(
                    {visitor_key(index, name): msgs for name, msgs in exc.message_dict.items()}
                ) from exc
        else:
            _complete(citizen, visitor)
        rows.append((citizen, visitor))
    # The same person entered twice (chosen from the lookup and typed again): one participant.
    unique: dict[int, tuple[Citizen, VisitorInput]] = {}
    for citizen, visitor in rows:
        if citizen.pk in unique and unique[citizen.pk][1].is_representative:
            continue
        unique[citizen.pk] = (citizen, visitor)
    return list(unique.values())


def _complete(citizen: Citizen, visitor: VisitorInput) -> None:
    """A known citizen's record gains the phone and commune it lacked, as typed on the visitor row."""
    changed = []
    if not citizen.phone and visitor.phone.strip():
        citizen.phone = visitor.phone.strip()
        changed += ["phone", "search_phone"]
    if not citizen.commune_code and visitor.commune_code:
        citizen.commune_code = visitor.commune_code
        changed.append("commune_code")
        if not citizen.province_code:
            citizen.province_code = geo.province_of(visitor.commune_code)
            changed.append("province_code")
    if changed:
        citizen.refresh_search_keys()
        citizen.save(update_fields=[*changed, "updated_at"])


def has_earlier_record(
    citizen_ids: list[int], before: datetime, keys: frozenset[str] = frozenset(),
    people: Iterable[identity.Identity] = (),
) -> bool:
    """Whether any of these people came (or wrote) before: the visit is then a repeat (report 01/TCD).

    `citizen_ids` are plain records; `people` the visitors as typed, matched against the plain records
    by ID number, phone or name + commune (people.selectors.same_person_q); `keys` their blind keys
    (identity.keys_of), matched against the encrypted denouncers of earlier visits and letters, so that a
    returning denouncer is recognised without any stored identity being decrypted or compared in plain
    text."""
    from tiepdan.letters.models import LetterSender  # letters sit above reception; read-only

    condition = Q(citizen_id__in=citizen_ids) if citizen_ids else None
    if same := people_selectors.same_person_q(people):
        # The matching records first, through the citizens' own indexes; then their visits and letters
        # by citizen (an OR across the joined table would scan every participant).
        same = Q(citizen_id__in=Citizen.objects.filter(same).values("id"))
        condition = same if condition is None else condition | same
    if condition is not None:
        if VisitParticipant.objects.filter(condition, visit__received_at__lte=before).exists():
            return True
        if LetterSender.objects.filter(condition, letter__received_on__lte=timezone.localdate(before)).exists():
            return True
    if keys:
        if identity.earlier_denouncer_visits(keys, before=before).exists():
            return True
        return identity.earlier_denouncer_letters(keys, before=before)
    return False


def _identity_of(visitor: VisitorInput) -> identity.Identity:
    """The identity of a visitor row: the chosen citizen record (phone completed from the row), or what
    was typed."""
    if visitor.citizen_id:
        citizen = Citizen.objects.filter(pk=visitor.citizen_id).first()
        while citizen is not None and citizen.merged_into_id:
            citizen = citizen.merged_into
        if citizen is not None:
            chosen = identity.Identity.of_citizen(citizen, is_representative=visitor.is_representative)
            if not chosen.phone and visitor.phone.strip():
                chosen = replace(chosen, phone=visitor.phone.strip())
            if not chosen.commune_code and visitor.commune_code:
                chosen = replace(chosen, commune_code=visitor.commune_code,
                                 province_code=chosen.province_code or geo.province_of(visitor.commune_code))
            return chosen
    # The commune goes into the encrypted payload and the name + commune blind index, never in clear.
    return identity.Identity(
        full_name=visitor.full_name.strip(), id_number=people_services.normalise_id_number(visitor.id_number),
        phone=visitor.phone.strip(), address_detail=visitor.address.strip(),
        commune_code=visitor.commune_code,
        province_code=geo.province_of(visitor.commune_code) if visitor.commune_code else None,
        is_representative=visitor.is_representative,
    )


def _identities_for(visitors: tuple[VisitorInput, ...]) -> list[identity.Identity]:
    """The denouncers of a denunciation visit, representatives first, one per person (same ID number)."""
    out: dict[str, identity.Identity] = {}
    for index, visitor in enumerate(visitors):
        if visitor.is_blank:
            continue
        person = _identity_of(visitor)
        key = person.id_number or f"row-{index}"
        if key in out and out[key].is_representative:
            continue
        out[key] = person
    return sorted(out.values(), key=lambda i: not i.is_representative)


def _known_citizen_ids(visitors: tuple[VisitorInput, ...]) -> list[int]:
    """Existing records of these visitors (chosen, or with the typed ID number), without creating any."""
    chosen = [v.citizen_id for v in visitors if v.citizen_id and not v.is_blank]
    numbers = [n for v in visitors if not v.is_blank and (n := people_services.normalise_id_number(v.id_number))]
    if not chosen and not numbers:
        return []
    return list(Citizen.objects.filter(Q(pk__in=chosen) | Q(id_number__in=numbers)).values_list("pk", flat=True))


def _session_for(leader_id: int | None, day: date) -> ReceptionSession | None:
    if not leader_id:
        return None
    return (
        ReceptionSession.objects.filter(planned_on=day)
        .filter(Q(host_id=leader_id) | Q(actual_host_id=leader_id))
        .order_by("id")
        .first()
    )


def _start_deadlines(visit: Visit, actor) -> None:
    day = timezone.localdate(visit.received_at)
    if visit.outcome in ANSWER_OUTCOMES:
        tracked = deadlines.track(
            subject=visit, unit=visit.unit, rule_id="TCD-ANSWER-10", start=day, handler=actor,
            label=_("Trả lời công dân về việc thụ lý, không thụ lý hoặc chuyển đơn"),
        )
        visit.answer_due_on = tracked.due_on
    if visit.outcome == VisitOutcome.REFUSED and visit.refusal_ground:
        visit.refusal_notice_required = legal_grounds.requires_written_notice(visit.refusal_ground)
        if rule := legal_grounds.notice_deadline_rule(visit.refusal_ground, day):
            deadlines.track(
                subject=visit, unit=visit.unit, rule_id=rule, start=day, handler=actor,
                label=_("Ban hành thông báo từ chối tiếp công dân (Mẫu 01/TCD)"),
            )


def validate_visit(*, data: VisitInput, actor, now: datetime | None = None) -> dict[str, list[str]]:
    """Every problem `record_visit` would raise, without saving (the form shows them all at once)."""
    staff = staff_of(actor)
    if staff is None:
        return {}
    return dict(_validate(data, agency_id=staff.unit.agency_id, now=now or timezone.now()))


@transaction.atomic
def record_visit(*, data: VisitInput, actor, now: datetime | None = None) -> list[Visit]:
    """Record a visit in the reception book and return its records (one per type of content).

    Raises PermissionDenied when the actor may not record visits, ValidationError (per field) when
    the input breaks a rule: date in the future, no visitor, bad ID number, the representatives of
    TCD-REP-1, a refusal without its ground, a mixed content not split (TCD-SPLIT)...
    """
    staff = staff_of(actor)
    if staff is None or not policies.may_record_visits(actor):
        raise PermissionDenied
    now = now or timezone.now()
    errors = _validate(data, agency_id=staff.unit.agency_id, now=now)
    if errors:
        raise ValidationError(dict(errors))
    day = timezone.localdate(data.received_at)
    types = [t for t in data.matter_types if t]
    with set_actor(actor):
        # TC-CONFID: a denunciation's visitors never become Citizen records; the other parts of a mixed
        # content (TCD-SPLIT) are recorded with their citizens as usual.
        protected = MatterType.DENUNCIATION in types
        plain_parts = any(t != MatterType.DENUNCIATION for t in types)
        people = _citizens_for(data.visitors, actor) if plain_parts else []
        denouncers = _identities_for(data.visitors) if protected else []
        citizen_ids = [c.pk for c, _v in people] if plain_parts else _known_citizen_ids(data.visitors)
        typed = denouncers or [_identity_of(v) for v in data.visitors if not v.is_blank]
        repeat = has_earlier_record(citizen_ids, data.received_at, identity.keys_of(typed), people=typed)
        unit = _visit_unit(staff, day)
        leader_mode = data.leader_mode
        session = _session_for(data.leader_id, day) if leader_mode == LeaderMode.SCHEDULED else None
        visits: list[Visit] = []
        for matter_type in types:
            content = data.content if len(types) == 1 else data.split_contents[matter_type]
            visit = Visit(
                unit=unit,
                received_at=data.received_at,
                place=data.place.strip(),
                officer=staff,
                leader_mode=leader_mode,
                leader_id=data.leader_id if leader_mode != LeaderMode.NONE else None,
                host_role=data.host_role if leader_mode != LeaderMode.NONE else "",
                head_count=data.head_count,
                is_mass=legal_reception.is_mass(data.head_count, settings.TIEPDAN_MASS_THRESHOLD),
                matter_type=matter_type,
                domain_id=data.domain_id,
                commune_code=data.commune_code,
                content=content.strip(),
                documents_received=data.documents_received.strip(),
                brought_letter=data.brought_letter,
                is_repeat=repeat,
                outcome=data.outcome,
                refusal_ground=data.refusal_ground if data.outcome == VisitOutcome.REFUSED else "",
                competent_body=data.competent_body.strip(),
                prior_settlement_body=data.prior_settlement_body.strip(),
                within_competence=data.within_competence,
                document_number=data.document_number.strip(),
                note=data.note.strip(),
                split_from=visits[0] if visits else None,
                session=session,
                created_by=actor,
            )
            if visit.is_denunciation:
                original = identity.redact_content(visit, denouncers)
                visit.save()
                identity.keep_original(visit, original)
                identity.store_denouncers(visit, denouncers)
            else:
                visit.save()
                for citizen, row in people:
                    VisitParticipant.objects.create(
                        visit=visit, citizen=citizen, is_representative=row.is_representative
                    )
            try:
                _start_deadlines(visit, actor)
            except LegalError as exc:
                raise ValidationError({"received_at": [exc.message_vi]}) from exc
            visit.save(update_fields=["answer_due_on", "refusal_notice_required", "updated_at"])
            visits.append(visit)
        if visits[0].is_mass:
            notify_mass_visit(visits[0], parts=visits)
    return visits


# --- mass visits ---------------------------------------------------------------------------------------


def mass_notice_recipients(on: date):
    """The leadership, the inspection and the head of the advisory unit (Law 42/2013 Art 30; MASS-1)."""
    condition = Q(groups__name__in=[Role.LEADERSHIP.value, Role.INSPECTION.value])
    if unit := advisory_unit(on):
        condition |= Q(staff__unit=unit, staff__position__is_head=True)
    return get_user_model().objects.filter(condition, is_active=True).distinct()


def mass_notice_key(visit: Visit) -> str:
    return f"mass-visit:{visit.code}"


def notify_mass_visit(visit: Visit, *, parts: list[Visit] | None = None) -> int:
    """At once, a notice with a one-screen summary to whoever must know of a group (sent once)."""
    local = timezone.localtime(visit.received_at)
    types = ", ".join(str(p.get_matter_type_display()).lower() for p in (parts or [visit]))
    title = _("Đoàn đông người: %(n)s người — %(types)s — %(at)s") % {
        "n": visit.head_count, "types": types, "at": formats.date_format(local, "d/m/Y H:i"),
    }
    # The e-mail copy leaves the content out when it is a denunciation (TC-CONFID).
    summary = _("(nội dung tố cáo — xem trên hệ thống)") if visit.is_denunciation else visit.content[:300]
    body = _("Địa điểm: %(place)s. Nội dung: %(summary)s") % {"place": visit.place, "summary": summary}
    return notify(
        recipients=mass_notice_recipients(local.date()),
        kind=MASS_NOTICE_KIND,
        title=title,
        key=mass_notice_key(visit),
        body=body,
        link=reverse("reception:mass_summary", kwargs={"code": visit.code}),
    )


def acknowledge_mass_visit(*, visit: Visit, actor, note: str = "", now: datetime | None = None):
    """The leader's "Đã nắm thông tin": recorded once per person, with the direction given."""
    if not policies.may_acknowledge_mass_visits(actor) or not visit.is_mass:
        raise PermissionDenied
    now = now or timezone.now()
    with set_actor(actor):
        try:
            with transaction.atomic():
                ack = MassVisitAcknowledgement.objects.create(visit=visit, user=actor, at=now, note=note.strip())
        except IntegrityError:
            ack = MassVisitAcknowledgement.objects.get(visit=visit, user=actor)
    Notification.objects.filter(
        recipient=actor, dedupe_key=mass_notice_key(visit), read_at__isnull=True
    ).update(read_at=now)
    return ack


def record_incident(
    *, visit: Visit, actor, occurred_at: datetime | None, kind: str, description: str, now: datetime | None = None
) -> Incident:
    """An incident at the reception place; a call to the police is notified to the leadership at once."""
    if not policies.may_record_incidents(actor):
        raise PermissionDenied
    now = now or timezone.now()
    errors = _Errors()
    if occurred_at is None:
        errors.add("occurred_at", _("Chưa nhập thời gian xảy ra."))
    elif occurred_at > now + FUTURE_TOLERANCE:
        errors.add("occurred_at", _("Thời gian xảy ra không được sau thời điểm hiện tại."))
    if kind not in IncidentKind.values:
        errors.add("kind", _("Chọn loại sự việc."))
    if not description.strip():
        errors.add("description", _("Chưa nhập diễn biến sự việc."))
    if errors:
        raise ValidationError(dict(errors))
    with set_actor(actor), transaction.atomic():
        incident = Incident.objects.create(
            visit=visit, occurred_at=occurred_at, kind=kind, description=description.strip(), recorded_by=actor
        )
        if kind in (IncidentKind.POLICE_CALLED, IncidentKind.SECURITY, IncidentKind.DISORDER):
            notify(
                recipients=mass_notice_recipients(timezone.localdate(occurred_at)),
                kind="reception_incident",
                title=_("Sự việc tại nơi tiếp công dân: %(kind)s — %(at)s") % {
                    "kind": incident.get_kind_display(),
                    "at": formats.date_format(timezone.localtime(occurred_at), "d/m/Y H:i"),
                },
                key=f"incident:{incident.pk}",
                body=incident.description[:300],
                link=reverse("reception:visit_detail", kwargs={"code": visit.code}),
            )
    return incident


# --- the answer to the citizen ------------------------------------------------------------------------


def record_answer(*, visit: Visit, actor, on: date, today: date, note: str = "") -> Visit:
    """The citizen was answered (TCD-ANSWER-10: accepted, extended, refused or forwarded): the deadline
    is met on `on` and the answer is noted in the book's "Theo dõi kết quả" column."""
    if not policies.may_record_visits(actor):
        raise PermissionDenied
    errors = _Errors()
    received_on = timezone.localdate(visit.received_at)
    if on > today:
        errors.add("on", _("Ngày trả lời không được sau ngày hôm nay."))
    elif on < received_on:
        errors.add("on", _("Ngày trả lời không được trước ngày tiếp (%(d)s).")
                   % {"d": received_on.strftime("%d/%m/%Y")})
    if errors:
        raise ValidationError(dict(errors))
    with set_actor(actor), transaction.atomic():
        deadlines.close_deadlines(visit, ("TCD-ANSWER-10",), on=on)
        answer = _("Đã trả lời công dân ngày %(d)s") % {"d": on.strftime("%d/%m/%Y")}
        visit.result_note = f"{answer}: {note.strip()}"[:255] if note.strip() else answer
        visit.save(update_fields=["result_note", "updated_at"])
    return visit


# --- corrections -----------------------------------------------------------------------------------------

CORRECTABLE_FIELDS = (
    "place", "content", "documents_received", "brought_letter", "domain_id", "commune_code",
    "prior_settlement_body", "within_competence", "competent_body", "document_number", "result_note", "note",
)


def correct_visit(
    *, visit: Visit, actor, reason: str, changes: Mapping[str, object], ip: str | None = None
) -> VisitCorrection | None:
    """Correct the descriptive fields of a visit, or its type of content. The previous values are kept (a
    VisitCorrection row and the audit log); the facts that drive deadlines and reports (date, people,
    outcome) are not editable here — a wrong one is corrected by the inspection through a new record.

    A change of type to or from denunciation moves the visitors' identity (TC-CONFID, ADR 0004): into the
    encrypted record (`identity.protect_visit`: links and citizens created for this visit alone deleted,
    the change log scrubbed), or back into Citizen records — only by a user who may see the identity,
    and logged, since it must be decrypted. A denunciation's corrected content is stored redacted."""
    if not policies.may_record_visits(actor):
        raise PermissionDenied
    errors = _Errors()
    if not reason.strip():
        errors.add("reason", _("Nêu lý do sửa."))
    if "content" in changes and not str(changes["content"] or "").strip():
        errors.add("content", _("Chưa nhập nội dung công dân trình bày."))
    if changes.get("domain_id") and not Domain.objects.filter(
        pk=changes["domain_id"], agency_id=visit.unit.agency_id
    ).exists():
        errors.add("domain", _("Lĩnh vực không có trong danh mục của cơ quan."))
    new_type = str(changes.get("matter_type") or visit.matter_type)
    if new_type not in MatterType.values:
        errors.add("matter_type", _("Chọn loại nội dung: khiếu nại, tố cáo, kiến nghị hoặc phản ánh."))
    protect = new_type == MatterType.DENUNCIATION and not visit.is_denunciation
    unprotect = visit.is_denunciation and new_type != MatterType.DENUNCIATION
    if unprotect and not policies.may_see_identity(actor, visit):
        errors.add("matter_type", _("Chỉ Lãnh đạo Sở hoặc bộ phận thanh tra mới được chuyển lượt tiếp tố cáo sang "
                                    "loại khác, vì việc này phải giải mã thông tin người tố cáo."))
    if errors:
        raise ValidationError(dict(errors))
    with set_actor(actor), transaction.atomic():
        diff = {}
        if unprotect:
            identity.unprotect_visit(visit, actor=actor, ip=ip)
        original = None
        for name in CORRECTABLE_FIELDS:
            if name not in changes:
                continue
            new = changes[name]
            if isinstance(new, str):
                new = new.strip()
            if name == "content" and visit.is_denunciation and not unprotect:
                redacted = identity.redact_for_visit(visit, new)
                original = (new,) if redacted != new else ("",)
                new = redacted
            old = getattr(visit, name)
            if old != new:
                diff[name] = [old, new]
                setattr(visit, name, new)
        if new_type != visit.matter_type:
            diff["matter_type"] = [visit.matter_type, new_type]
            visit.matter_type = new_type
        if not diff:
            if unprotect:
                visit.save()
            return None
        visit.save()
        if original is not None and "content" in diff:
            identity.replace_original(visit, original[0])
        correction = VisitCorrection.objects.create(visit=visit, actor=actor, reason=reason.strip(), changes=diff)
        if protect:
            identity.protect_visit(visit, actor=actor)
            correction.refresh_from_db()
        return correction
