"""Writes of over-level events, mediation and dialogue sessions, legal dissemination, lessons learned."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from auditlog.context import set_actor
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from tiepdan.coordination import policies, rules
from tiepdan.coordination.models import (
    DisseminationSession,
    EventPeriod,
    LessonsReview,
    MediationSession,
    OverLevelEvent,
    SessionKind,
)
from tiepdan.coordination.services.common import (
    Refused,
    _escalation_audience,
    _require,
    _text,
)
from tiepdan.notifications.services import notify
from tiepdan.org.models import Unit

# =============================================================================================
# Over-level, mediation and dialogue, dissemination, lessons learned


@transaction.atomic
def record_over_level(
    *,
    actor,
    unit: Unit,
    level: str,
    body: str,
    occurred_on: date,
    matter: str,
    head_count: int = 1,
    letter=None,
    case=None,
    returned_letter=None,
    note: str = "",
) -> OverLevelEvent:
    """Citizens went over the competent level (or a higher body sent the letter back): flagged, counted
    and reported to the leadership (plan-2024 I, II.2)."""
    _require(policies.may_record_for_unit(actor, unit.pk))
    if head_count < 1:
        raise Refused(_("Số người phải từ 1 trở lên."), field="head_count")
    with set_actor(actor):
        event = OverLevelEvent.objects.create(
            unit=unit,
            level=level,
            body=_text(body, "body", _("Cần ghi cơ quan công dân đến hoặc gửi đơn.")),
            occurred_on=occurred_on,
            matter=_text(matter, "matter", _("Cần ghi nội dung vụ việc.")),
            head_count=head_count,
            letter=letter,
            case=case,
            returned_letter=returned_letter,
            note=note.strip(),
            recorded_by=actor,
        )
    notify(
        recipients=_escalation_audience(occurred_on),
        kind="over_level",
        title=f"Vụ việc vượt cấp ({event.get_level_display().lower()}): {event.matter[:120]}",
        body=f"{event.body}, {event.occurred_on:%d/%m/%Y}, {event.head_count} người.",
        key=f"over-level:{event.pk}",
    )
    return event


def latest_dialogue_notice(dialogue_on: date) -> date:
    """KN-DIALOG: the last day the parties may be notified (5 days before; off a day off). From
    01/07/2026 the legal engine computes it (Decree 155/2026 Art 11); before, the same 5 calendar days."""
    from tiepdan.deadlines.calendar import working_calendar
    from tiepdan.legal.deadline import compute_deadline
    from tiepdan.legal.errors import LegalError

    try:
        due = compute_deadline("KN-DIALOG", dialogue_on, calendar=working_calendar()).due
    except LegalError:
        due = None
    return due or dialogue_on - timedelta(days=rules.DIALOGUE_NOTICE_DAYS)


@transaction.atomic
def record_mediation(
    *,
    actor,
    kind: str,
    organiser_unit: Unit,
    held_on: date,
    place: str,
    matter: str,
    participants: str,
    case=None,
    director_attends: bool = False,
    notice_sent_on: date | None = None,
    minutes: str = "",
    outcome: str = "",
) -> MediationSession:
    """A mediation or dialogue session. A dialogue in a second-time complaint is mandatory, needs
    the 5-day notice and the Director in person (domain.md KN-DIALOG)."""
    _require(policies.may_record_for_unit(actor, organiser_unit.pk))
    second_time = case is not None and case.track == "complaint_second"
    if kind == SessionKind.DIALOGUE:
        problem = rules.dialogue_notice_problem(
            notice_on=notice_sent_on,
            dialogue_on=held_on,
            latest_notice_on=latest_dialogue_notice(held_on),
            mandatory=second_time,
        )
        if problem is not None:
            raise Refused.from_rule(problem, "notice_sent_on")
        if second_time and not director_attends:
            raise Refused(
                _("Đối thoại trong giải quyết khiếu nại lần hai: Giám đốc Sở phải trực tiếp chủ trì."),
                field="director_attends",
            )
    with set_actor(actor):
        return MediationSession.objects.create(
            kind=kind,
            organiser_unit=organiser_unit,
            held_on=held_on,
            place=_text(place, "place", _("Cần nhập địa điểm.")),
            matter=_text(matter, "matter", _("Cần nhập nội dung.")),
            participants=_text(participants, "participants", _("Cần ghi thành phần tham dự.")),
            case=case,
            director_attends=director_attends,
            notice_sent_on=notice_sent_on,
            minutes=minutes.strip(),
            outcome=outcome,
            recorded_by=actor,
        )


@transaction.atomic
def record_dissemination(
    *,
    actor,
    organiser_unit: Unit,
    held_on: date,
    place: str,
    audience: str,
    attendees: int,
    legal_texts: Sequence,
    audience_detail: str = "",
    materials: str = "",
    attachment=None,
) -> DisseminationSession:
    _require(policies.may_record_for_unit(actor, organiser_unit.pk))
    if attendees < 1:
        raise Refused(_("Số người tham dự phải từ 1 trở lên."), field="attendees")
    if not legal_texts:
        raise Refused(_("Chọn ít nhất một văn bản được phổ biến."), field="legal_texts")
    with set_actor(actor):
        session = DisseminationSession.objects.create(
            organiser_unit=organiser_unit,
            held_on=held_on,
            place=_text(place, "place", _("Cần nhập địa điểm.")),
            audience=audience,
            audience_detail=audience_detail.strip(),
            attendees=attendees,
            materials=materials.strip(),
            attachment=attachment or "",
            recorded_by=actor,
        )
        session.legal_texts.set(legal_texts)
    return session


@transaction.atomic
def create_review(
    *,
    actor,
    unit: Unit,
    title: str,
    held_on: date,
    what_happened: str,
    went_well: str = "",
    went_badly: str = "",
    period: EventPeriod | None = None,
    case=None,
) -> LessonsReview:
    """Lessons learned after a period or a case (plan-2024 II.2, last paragraph)."""
    _require(policies.may_record_for_unit(actor, unit.pk) or policies.may_add_actions(actor, unit.pk))
    if period is None and case is None:
        raise Refused(_("Chọn đợt cao điểm hoặc vụ việc được rút kinh nghiệm."), field="period")
    with set_actor(actor):
        return LessonsReview.objects.create(
            unit=unit,
            title=_text(title, "title", _("Cần nhập tiêu đề.")),
            held_on=held_on,
            what_happened=_text(what_happened, "what_happened", _("Cần ghi diễn biến.")),
            went_well=went_well.strip(),
            went_badly=went_badly.strip(),
            period=period,
            case=case,
            created_by=actor,
        )
