"""Writes of assignments: lead unit, coordinating units, handler, internal due date; transfers, comments."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from auditlog.context import set_actor
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tiepdan.coordination import policies, rules, selectors
from tiepdan.coordination.models import (
    Assignment,
    AssignmentEvent,
    AssignmentEventKind,
)
from tiepdan.coordination.services.common import (
    Refused,
    _require,
    _text,
    _unit_users,
)
from tiepdan.notifications.services import notify
from tiepdan.org.models import Unit
from tiepdan.org.selectors import staff_of

# =============================================================================================
# Assignment


def _subject_start(subject) -> date:
    """The day the statutory clock of the subject started (for the shortened internal limit)."""
    from tiepdan.deadlines.selectors import deadlines_for

    deadline = deadlines_for(subject).filter(status="open", due_on__isnull=False).order_by("due_on").first()
    if deadline is not None:
        return deadline.start
    return getattr(subject, "received_on", None) or getattr(subject, "accepted_on", None) or timezone.localdate()


@dataclass(frozen=True)
class InternalLimit:
    legal_due: date | None
    period_limit: date | None
    period_name: str = ""

    @property
    def suggested(self) -> date | None:
        return self.period_limit or self.legal_due


def internal_limit_for(subject, *, on: date) -> InternalLimit:
    """The legal due date of the subject and, during an event period with shorter internal limits,
    the internal limit the period sets (never later than the legal one)."""
    legal_due = selectors.legal_due_of(subject)
    periods = selectors.periods_on(on)
    percent = periods.rules.internal_limit_percent
    if legal_due is None or percent is None:
        return InternalLimit(legal_due, None)
    period = periods.limiting_period(rules.RuleKind.INTERNAL_LIMIT)
    limit = max(rules.shortened_due(_subject_start(subject), legal_due, percent), on)
    return InternalLimit(legal_due, min(limit, legal_due), period.short_name if period else "")


def _event(assignment: Assignment, kind: str, actor, at: datetime, **fields) -> AssignmentEvent:
    return AssignmentEvent.objects.create(assignment=assignment, kind=kind, actor=actor, at=at, **fields)


def _check_handler(handler, lead_unit: Unit) -> None:
    if handler is None:
        raise Refused(_("Cần chọn người xử lý."), field="handler")
    staff = staff_of(handler)
    if staff is None or not staff.unit.path.startswith(lead_unit.path):
        raise Refused(_("Người xử lý phải là cán bộ của đơn vị chủ trì."), field="handler")


def _sync_handler(subject, handler) -> None:
    """The case's handler and the subject's open deadlines follow the assignment."""
    from tiepdan.cases.models import Case
    from tiepdan.deadlines.models import Deadline, DeadlineStatus

    if isinstance(subject, Case) and subject.handler_id != getattr(handler, "pk", None):
        subject.handler = handler
        subject.save(update_fields=["handler"])
    from django.contrib.contenttypes.models import ContentType

    Deadline.objects.filter(
        content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk, status=DeadlineStatus.OPEN
    ).update(handler=handler)


@transaction.atomic
def assign(
    *,
    subject,
    actor,
    on: date,
    handler,
    internal_due_on: date | None,
    coordinating_units: Sequence[Unit] = (),
    now: datetime | None = None,
) -> Assignment:
    """Assign a letter or case (first time) or change its handler, coordinating units or internal due
    date. The internal due date is never later than the legal one (nor, during an event period with
    shorter internal limits, later than that limit)."""
    now = now or timezone.now()
    field = "case" if subject._meta.model_name == "case" else "letter"
    assignment = Assignment.objects.select_for_update().filter(**{field: subject}).first()
    lead_unit = assignment.lead_unit if assignment else subject.unit
    _require(policies.may_assign(actor, lead_unit.pk))
    _check_handler(handler, lead_unit)
    if internal_due_on is None:
        raise Refused(_("Cần nhập hạn xử lý nội bộ (dd/mm/yyyy)."), field="internal_due_on")
    limit = internal_limit_for(subject, on=on)
    problem = rules.internal_due_problem(
        internal_due_on,
        legal_due=limit.legal_due,
        assigned_on=on,
        period_limit=limit.period_limit,
        period_name=limit.period_name,
    )
    if problem is not None:
        raise Refused.from_rule(problem, "internal_due_on")
    coordinating = {u.pk: u for u in coordinating_units}
    if lead_unit.pk in coordinating:
        raise Refused(_("Đơn vị chủ trì không đồng thời là đơn vị phối hợp."), field="coordinating_units")
    with set_actor(actor):
        if assignment is None:
            assignment = Assignment.objects.create(
                **{field: subject},
                lead_unit=lead_unit,
                handler=handler,
                internal_due_on=internal_due_on,
                legal_due_on=limit.legal_due,
                assigned_on=on,
                assigned_by=actor,
            )
            assignment.coordinating_units.set(coordinating.values())
            names = ", ".join(u.name for u in coordinating.values())
            _event(
                assignment,
                AssignmentEventKind.ASSIGNED,
                actor,
                now,
                to_unit=lead_unit,
                text=f"Người xử lý: {_name(handler)}; hạn nội bộ {internal_due_on:%d/%m/%Y}"
                + (f"; phối hợp: {names}" if names else ""),
            )
        else:
            before_units = set(assignment.coordinating_units.values_list("pk", flat=True))
            if assignment.handler_id != handler.pk:
                _event(
                    assignment,
                    AssignmentEventKind.HANDLER,
                    actor,
                    now,
                    text=f"{_name(assignment.handler) if assignment.handler else '—'} → {_name(handler)}",
                )
            if assignment.internal_due_on != internal_due_on:
                old = f"{assignment.internal_due_on:%d/%m/%Y}" if assignment.internal_due_on else "—"
                _event(assignment, AssignmentEventKind.DUE, actor, now, text=f"{old} → {internal_due_on:%d/%m/%Y}")
            if before_units != set(coordinating):
                assignment.coordinating_units.set(coordinating.values())
                names = ", ".join(u.name for u in coordinating.values()) or "—"
                _event(assignment, AssignmentEventKind.COORDINATORS, actor, now, text=names)
            assignment.handler = handler
            assignment.internal_due_on = internal_due_on
            assignment.legal_due_on = limit.legal_due
            assignment.save()
        _sync_handler(subject, handler)
    notify(
        recipients=[handler],
        kind="assignment",
        title=f"Được phân công xử lý {subject.code}, hạn nội bộ {internal_due_on:%d/%m/%Y}",
        body=str(getattr(subject, "title", "") or getattr(subject, "summary", ""))[:300],
        key=f"assign:{assignment.pk}:{handler.pk}:{internal_due_on.isoformat()}",
        link=assignment.get_absolute_url(),
    )
    for unit in coordinating.values():
        notify(
            recipients=_unit_users(unit.pk, heads_only=True),
            kind="coordination",
            title=f"Đơn vị được giao phối hợp xử lý {subject.code}",
            key=f"coordinate:{assignment.pk}:{unit.pk}",
            link=assignment.get_absolute_url(),
        )
    return assignment


def _name(user) -> str:
    staff = staff_of(user) if user is not None else None
    return staff.full_name if staff else getattr(user, "username", "")


def _move_subject(subject, to_unit: Unit, actor) -> None:
    from tiepdan.cases.services import CaseActionRefused, transfer_case
    from tiepdan.letters.services import LetterActionRefused, route_letter

    try:
        if subject._meta.model_name == "case":
            transfer_case(case=subject, unit=to_unit, actor=actor)
        else:
            route_letter(letter=subject, unit=to_unit, actor=actor)
    except LetterActionRefused as exc:
        raise Refused(exc.message, field="to_unit") from None
    except CaseActionRefused as exc:
        raise Refused(exc.message_vi, field="to_unit", message_en=exc.message_en) from None
    subject.refresh_from_db(fields=["unit"])


@transaction.atomic
def transfer(*, assignment: Assignment, to_unit: Unit, reason: str, actor, now: datetime | None = None) -> Assignment:
    """Move the lead of a letter or case to another unit, with the reason; the subject and its open
    deadlines move with it, the new unit picks the handler."""
    now = now or timezone.now()
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    _require(policies.may_assign(actor, assignment.lead_unit_id))
    reason = _text(reason, "reason", _("Cần ghi lý do chuyển đơn vị chủ trì."))
    if to_unit.pk == assignment.lead_unit_id:
        raise Refused(_("Đơn vị nhận phải khác đơn vị chủ trì hiện tại."), field="to_unit")
    if not to_unit.is_active_on(timezone.localdate(now)) or to_unit.agency_id != assignment.lead_unit.agency_id:
        raise Refused(_("Đơn vị nhận không còn hoạt động hoặc không thuộc Sở."), field="to_unit")
    subject = assignment.subject
    from_unit = assignment.lead_unit
    # The letter or the case moves through its own service (its checks: an open letter, a closed case,
    # never the unit a denunciation names); its open deadlines follow and the new unit picks the handler.
    _move_subject(subject, to_unit, actor)
    with set_actor(actor):
        assignment.lead_unit = to_unit
        assignment.handler = None
        assignment.save()
        assignment.coordinating_units.remove(to_unit)
        _event(
            assignment, AssignmentEventKind.TRANSFERRED, actor, now, from_unit=from_unit, to_unit=to_unit, text=reason
        )
    notify(
        recipients=_unit_users(to_unit.pk, heads_only=True),
        kind="transfer",
        title=f"{from_unit.name} chuyển {subject.code} cho đơn vị chủ trì",
        body=reason[:300],
        key=f"transfer:{assignment.pk}:{now.isoformat()}",
        link=assignment.get_absolute_url(),
    )
    return assignment


@transaction.atomic
def add_comment(
    *,
    assignment: Assignment,
    actor,
    text: str,
    document_number: str = "",
    attachment=None,
    now: datetime | None = None,
) -> AssignmentEvent:
    """A comment, or an internal document (number and file), on the assignment's history."""
    _require(policies.may_comment(actor))
    text = (text or "").strip()
    if not text and attachment is None:
        raise Refused(_("Cần nhập ý kiến hoặc đính kèm văn bản."), field="text")
    kind = AssignmentEventKind.DOCUMENT if (attachment or document_number.strip()) else AssignmentEventKind.COMMENT
    with set_actor(actor):
        event = _event(
            assignment,
            kind,
            actor,
            now or timezone.now(),
            text=text,
            document_number=document_number.strip(),
            attachment=attachment or "",
        )
    return event
