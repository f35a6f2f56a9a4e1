"""Demo data of the reception desk: the denunciation visitors kept encrypted, and the heads' reception
schedule (18 months of sessions, most months met, some not).

Called by the demo generator (tiepdan.core.demo.generate) after the visits exist; goes through the
services so that the audit log, the encrypted identities and the links to the day's visits are what
real use produces.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from tiepdan.common.choices import MatterType
from tiepdan.org.models import Agency, Position, Staff
from tiepdan.reception.models import HostRole, LeaderMode, ReceptionSession, SessionStatus, Visit
from tiepdan.reception.services import plan_session, record_session_result
from tiepdan.reception.services.identity import protect_visit

MONTHS = 18
# The department's rule of thumb: the Director receives citizens on the 15th (the next working day
# when the 15th is a rest day). The demo uses it; real schedules are whatever the office plans.
RECEPTION_DAY = 15


def _session_day(year: int, month: int, shift: int = 0) -> date:
    day = date(year, month, RECEPTION_DAY) + timedelta(days=shift)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def forced_months(today: date) -> tuple[tuple[int, int], tuple[int, int]]:
    """(year, month) of the month always met and of the month always unmet in the demo schedule."""
    months = _months(today, MONTHS)
    return months[MONTHS - 3], months[MONTHS - 2]


def _months(today: date, count: int) -> list[tuple[int, int]]:
    year, month = today.year, today.month
    out = []
    for _ in range(count):
        out.append((year, month))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return list(reversed(out))


def _planner(agency: Agency):
    users = get_user_model().objects.filter(staff__unit__agency=agency)
    return (users.filter(groups__name="inspection").first() or users.filter(groups__name="reception_officer").first()
            or users.filter(is_superuser=True).first())


def protect_denunciation_visits(*, agency: Agency) -> int:
    """Denunciation visits of the demo whose visitors were bulk-loaded as Citizen links get them moved
    into the encrypted VisitDenouncer rows (TC-CONFID), as the desk records them. Idempotent; returns the
    number of visits protected."""
    actor = _planner(agency)
    if actor is None:
        return 0
    visits = Visit.objects.filter(
        unit__agency=agency, matter_type=MatterType.DENUNCIATION, participants__isnull=False
    ).distinct().order_by("id")
    count = 0
    for visit in visits:
        protect_visit(visit, actor=actor)
        count += 1
    return count


def _link_visits(session: ReceptionSession, host: Staff) -> None:
    """A few of the day's visits were received by the head in the session (scheduled reception)."""
    start = timezone.make_aware(datetime.combine(session.planned_on, time.min))
    visits = Visit.objects.filter(received_at__gte=start, received_at__lt=start + timedelta(days=1), session=None)
    for visit in visits.order_by("received_at", "id")[:3]:
        visit.session = session
        visit.leader_mode = LeaderMode.SCHEDULED
        visit.leader = host
        visit.host_role = session.host_role
        visit.save(update_fields=["session", "leader_mode", "leader", "host_role", "updated_at"])


@transaction.atomic
def seed_reception_sessions(*, agency: Agency, today: date, seed: int) -> int:
    """Sessions for every head position with a reception rule, over the last 18 months and the next one.

    Most months are met (held by the head in person); a few are not: the session was not held, was
    held by an authorised deputy (TCD-NODELEG: does not count), or was never planned. The month before
    last is always met and the last complete month always unmet, so the schedule shows both whatever
    the seed.
    Returns the number of sessions created; does nothing when sessions already exist.
    First, the demo's denunciation visitors are encrypted (`protect_denunciation_visits`): this is the
    reception step the generator calls once its visits exist.
    """
    protect_denunciation_visits(agency=agency)
    if ReceptionSession.objects.filter(unit__agency=agency).exists():
        return 0
    rng = random.Random(seed)
    actor = _planner(agency)
    if actor is None:
        return 0
    created = 0
    for position in Position.objects.filter(agency=agency).exclude(reception_rule="").order_by("id"):
        host = Staff.objects.filter(position=position).select_related("unit", "position").first()
        deputy = (
            Staff.objects.filter(unit__agency=agency, unit=host.unit).exclude(pk=host.pk)
            .filter(user__groups__name="leadership").first() if host else None
        )
        if host is None:
            continue
        for index, (year, month) in enumerate([*_months(today, MONTHS), _next_month(today)]):
            roll = rng.random()
            if index == MONTHS - 3:
                roll = 0.0
            elif index == MONTHS - 2:
                roll = 0.75
            day = _session_day(year, month)
            if roll >= 0.92:  # never planned that month
                continue
            session = plan_session(actor=actor, host=host, planned_on=day, published=day >= today - timedelta(days=40))
            created += 1
            if day > today:
                continue
            if roll < 0.7:
                record_session_result(session=session, actor=actor, status=SessionStatus.HELD, today=today,
                                      actual_host=host, host_role=HostRole.HEAD)
                _link_visits(session, host)
            elif roll < 0.82 and deputy is not None:
                record_session_result(session=session, actor=actor, status=SessionStatus.HELD, today=today,
                                      actual_host=deputy, host_role=HostRole.DEPUTY_AUTHORIZED,
                                      note="Giám đốc đi công tác, ủy quyền Phó Giám đốc tiếp")
                _link_visits(session, deputy)
            else:
                record_session_result(session=session, actor=actor, status=SessionStatus.NOT_HELD, today=today,
                                      note="Lãnh đạo bận họp đột xuất, không bố trí được buổi tiếp")
    return created


def _next_month(today: date) -> tuple[int, int]:
    return (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
