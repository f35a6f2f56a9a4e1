"""Reads of the reception desk: the reception book, a visit's page, mass visits, the heads' schedule."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from tiepdan.common.choices import MatterType
from tiepdan.deadlines.selectors import deadlines_for
from tiepdan.legal.errors import LegalError, RuleNotInForce
from tiepdan.legal.grounds import REFUSAL_GROUNDS, Ground
from tiepdan.legal.reception import ReceptionQuota, required_head_reception_days
from tiepdan.legal.rules import get_rule
from tiepdan.org.models import Agency, Position, Staff
from tiepdan.org.roles import Role
from tiepdan.org.selectors import has_role, scope_by_unit
from tiepdan.people.identity import Identity, blind_keys
from tiepdan.reception import policies
from tiepdan.reception.models import (
    ConclusionNotice,
    ConclusionTask,
    ReceptionSession,
    Visit,
    VisitParticipant,
)
from tiepdan.reception.schedule import MonthCompliance, SessionFact, month_compliance, month_end
from tiepdan.reception.services import identity
from tiepdan.text.normalize import digits


def visits_visible_to(user) -> QuerySet[Visit]:
    return scope_by_unit(Visit.objects.select_related("unit", "officer", "leader", "domain"), user)


def mass_visits_visible_to(user) -> QuerySet[Visit]:
    """Mass visits a user may open: those of their units, and every one for the planning office, which
    keeps order at the reception place whoever received the group."""
    qs = visits_visible_to(user)
    if has_role(user, Role.PLANNING_OFFICE):
        qs = qs | Visit.objects.select_related("unit", "officer", "leader", "domain").filter(is_mass=True)
    return qs.filter(is_mass=True)


def _participants() -> Prefetch:
    return Prefetch(
        "participants",
        queryset=VisitParticipant.objects.select_related("citizen").order_by("-is_representative", "id"),
    )


def _letters() -> Prefetch:
    # In id order: with the letters' default order (newest received first) SQLite walks the whole register
    # by date instead of looking the visits' letters up by their visit (2 s a page on a million letters).
    from tiepdan.letters.models import Letter

    return Prefetch("letters", queryset=Letter.objects.order_by("id"))


# --- the reception book -----------------------------------------------------------------------------


@dataclass(frozen=True)
class BookFilters:
    start: date | None = None
    end: date | None = None
    unit_id: int | None = None
    officer_id: int | None = None
    matter_type: str = ""
    mass: bool = False
    repeat: bool = False
    commune_code: int | None = None


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def reception_book(user, filters: BookFilters) -> QuerySet[Visit]:
    """The visits of the book that the user may see, filtered, with what Form 03/TCD prints prefetched:
    a fixed number of queries whatever the number of rows (participants and letters: one each)."""
    qs = visits_visible_to(user)
    if filters.start:
        qs = qs.filter(received_at__gte=_day_start(filters.start))
    if filters.end:
        qs = qs.filter(received_at__lt=_day_start(filters.end + timedelta(days=1)))
    if filters.unit_id:
        qs = qs.filter(unit_id=filters.unit_id)
    if filters.officer_id:
        qs = qs.filter(officer_id=filters.officer_id)
    if filters.matter_type:
        qs = qs.filter(matter_type=filters.matter_type)
    if filters.mass:
        qs = qs.filter(is_mass=True)
    if filters.repeat:
        qs = qs.filter(is_repeat=True)
    if filters.commune_code:
        qs = qs.filter(commune_code=filters.commune_code)
    return qs.order_by("received_at", "id").prefetch_related(_participants(), "denouncers", _letters())


def book_officers(user) -> QuerySet[Staff]:
    """Staff who may appear as receiving officers, for the filter."""
    roles = [r.value for r in policies.RECORD_ROLES]
    return Staff.objects.filter(user__groups__name__in=roles).distinct().order_by("full_name")


# --- one visit -----------------------------------------------------------------------------------------


@dataclass
class VisitPage:
    visit: Visit
    participants: list
    parts: list  # the other records of a split content (TCD-SPLIT)
    deadlines: list
    corrections: list
    acknowledgements: list
    incidents: list
    letters: list
    refusal_ground: Ground | None = None
    # A denunciation's visitors and original content, filled only by the logged reveal (the view).
    denouncers: list = field(default_factory=list)
    original_content: str = ""


def visit_page(visit: Visit) -> VisitPage:
    root_id = visit.split_from_id or visit.pk
    parts = Visit.objects.filter(Q(pk=root_id) | Q(split_from_id=root_id)).exclude(pk=visit.pk)
    return VisitPage(
        visit=visit,
        participants=list(visit.participants.select_related("citizen").order_by("-is_representative", "id")),
        parts=list(parts.order_by("id")),
        deadlines=list(deadlines_for(visit)),
        corrections=list(visit.corrections.select_related("actor")),
        acknowledgements=list(visit.acknowledgements.select_related("user", "user__staff")),
        incidents=list(visit.incidents.select_related("recorded_by", "recorded_by__staff")),
        letters=list(visit.letters.all()),
        refusal_ground=next((g for g in REFUSAL_GROUNDS if g.code == visit.refusal_ground), None),
    )


@dataclass
class ReturningDenouncer:
    identity: Identity
    visits: list


def returning_denouncers(user, query: str, *, ip: str | None = None, limit: int = 5) -> list[ReturningDenouncer]:
    """The desk's lookup for a denouncer who comes back: by the full ID number (12 digits) or phone,
    matched on the blind indexes of earlier denunciation visits the user may open. Only a user who may
    see a denouncer gets any match (otherwise the match itself would name the denouncer); each visit
    whose denouncer is shown is logged."""
    if not policies.may_see_denouncers(user):
        return []
    number = digits(query)
    if len(number) == 12:
        keys = blind_keys(Identity(id_number=number))
    elif 9 <= len(number) <= 11:
        keys = blind_keys(Identity(phone=number))
    else:
        return []
    visible = visits_visible_to(user).filter(matter_type=MatterType.DENUNCIATION)
    visit_ids = list(identity.earlier_denouncer_visits(keys).filter(pk__in=visible.values("pk"))
                     .order_by("-received_at").values_list("pk", flat=True)[:20])
    rows = identity.matching_denouncers(visit_ids, keys)
    visits = {v.pk: v for v in Visit.objects.filter(pk__in=visit_ids)}
    for row in rows:
        row.visit = visits[row.visit_id]
    found: dict[str, ReturningDenouncer] = {}
    for row, person in identity.decrypt_for_lookup(rows=rows, user=user, purpose="Tra cứu người tố cáo đến lại",
                                                   ip=ip):
        entry = found.setdefault(person.id_number or person.phone or person.full_name, ReturningDenouncer(person, []))
        entry.visits.append(row.visit)
    out = list(found.values())[:limit]
    for entry in out:
        entry.visits.sort(key=lambda v: v.received_at, reverse=True)
    return out


def leaders_of(agency_id: int) -> QuerySet[Staff]:
    """Who may receive in person: the leadership and the heads of positions with a reception rule."""
    return (
        Staff.objects.filter(unit__agency_id=agency_id)
        .filter(Q(user__groups__name=Role.LEADERSHIP.value) | ~Q(position__reception_rule=""))
        .select_related("position").distinct().order_by("full_name")
    )


# --- the heads' reception schedule -------------------------------------------------------------------


def sessions_visible_to(user) -> QuerySet[ReceptionSession]:
    """The schedule is the agency's: every session for the roles that plan or check it, none otherwise."""
    if not policies.may_view_schedule(user):
        return ReceptionSession.objects.none()
    return ReceptionSession.objects.select_related("host", "actual_host", "position", "unit")


@dataclass
class PositionSchedule:
    position: Position
    quota: ReceptionQuota | None
    holders: list[Staff]
    months: list[MonthCompliance] = field(default_factory=list)
    problem: str = ""

    @property
    def met(self) -> int:
        return sum(1 for m in self.months if m.state == "met")

    @property
    def unmet(self) -> int:
        return sum(1 for m in self.months if m.state == "unmet")


def _in_force(rule_id: str, on: date) -> bool:
    try:
        get_rule(rule_id, on)
    except RuleNotInForce:
        return False
    return True


def head_schedule(agency: Agency, year: int, today: date) -> list[PositionSchedule]:
    """For each position with a reception rule: required vs held sessions and met / not met, per month
    of `year`. Three queries whatever the number of sessions."""
    positions = list(Position.objects.filter(agency=agency).exclude(reception_rule="").order_by("id"))
    facts: dict[int, list[SessionFact]] = defaultdict(list)
    sessions = ReceptionSession.objects.filter(position__in=positions, planned_on__year=year)
    for position_id, day, status, role in sessions.values_list("position_id", "planned_on", "status", "host_role"):
        facts[position_id].append(SessionFact(day, status, role))
    holders: dict[int, list[Staff]] = defaultdict(list)
    for staff in Staff.objects.filter(position__in=positions).order_by("full_name"):
        holders[staff.position_id].append(staff)
    rows = []
    for position in positions:
        row = PositionSchedule(position=position, quota=None, holders=holders[position.pk])
        try:
            row.quota = required_head_reception_days(position.reception_rule)
        except LegalError as exc:
            row.problem = exc.message_vi
            rows.append(row)
            continue
        for month_no in range(1, 13):
            month = date(year, month_no, 1)
            row.months.append(month_compliance(
                quota=row.quota, month=month, facts=facts[position.pk], today=today,
                in_force=_in_force(position.reception_rule, month_end(month)),
            ))
        rows.append(row)
    return rows


def sessions_of_year(user, year: int) -> QuerySet[ReceptionSession]:
    return sessions_visible_to(user).filter(planned_on__year=year).order_by("planned_on", "id")


def session_visits(session: ReceptionSession) -> QuerySet[Visit]:
    """The visits of the session's day received by its host (linked, or scheduled that day)."""
    day_start = _day_start(session.planned_on)
    hosts = [h for h in (session.host_id, session.actual_host_id) if h]
    return (
        Visit.objects.filter(
            Q(session=session)
            | Q(leader_id__in=hosts, received_at__gte=day_start, received_at__lt=day_start + timedelta(days=1),
                leader_mode="scheduled")
        )
        .select_related("unit", "domain", "leader").order_by("received_at", "id")
        .prefetch_related(_participants(), "denouncers", _letters())
    )


def conclusion_of(session: ReceptionSession) -> ConclusionNotice | None:
    return ConclusionNotice.objects.filter(session=session).select_related("signer").first()


def tasks_of(session: ReceptionSession) -> QuerySet[ConclusionTask]:
    return ConclusionTask.objects.filter(notice__session=session).select_related("unit", "visit")
