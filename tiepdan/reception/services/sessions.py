"""Writes of the heads' reception schedule: plan and publish a session, record it held or not held,
and issue the reception conclusion notice (Thông báo kết luận tiếp công dân) with its tasks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from auditlog.context import set_actor
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tiepdan.deadlines.calendar import working_calendar
from tiepdan.legal.deadline import compute_deadline
from tiepdan.legal.errors import LegalError
from tiepdan.notifications.services import notify
from tiepdan.org.models import Staff, Unit
from tiepdan.reception import policies
from tiepdan.reception.models import (
    ConclusionNotice,
    ConclusionTask,
    HostRole,
    LeaderMode,
    ReceptionSession,
    SessionStatus,
    TaskStatus,
    Visit,
)
from tiepdan.reception.services.visits import DEFAULT_PLACE, _Errors

# The citizen is answered within 10 working days of the reception (Law 42/2013 Art 28(1)); a task of
# the conclusion notice that answers a visit may not be due later than that.
TASK_RULE = "TCD-ANSWER-10"


def _require_manager(actor) -> None:
    if not policies.may_manage_schedule(actor):
        raise PermissionDenied


@transaction.atomic
def plan_session(
    *, actor, host: Staff, planned_on: date, place: str = DEFAULT_PLACE, published: bool = False, note: str = ""
) -> ReceptionSession:
    """Put a reception day in a head's schedule (TCD-HEAD-1, PARTY-1/2 by the host's position)."""
    _require_manager(actor)
    errors = _Errors()
    if host.position is None or not host.position.reception_rule:
        errors.add("host", _("Chức vụ của người này không có lịch tiếp công dân định kỳ theo quy định."))
    elif ReceptionSession.objects.filter(host=host, planned_on=planned_on).exists():
        errors.add("planned_on", _("Người này đã có lịch tiếp vào ngày này."))
    if not place.strip():
        errors.add("place", _("Chưa nhập địa điểm tiếp."))
    if errors:
        raise ValidationError(dict(errors))
    with set_actor(actor):
        return ReceptionSession.objects.create(
            unit=host.unit, host=host, position=host.position, planned_on=planned_on, place=place.strip(),
            published=published, note=note.strip(), created_by=actor,
        )


def publish_session(*, session: ReceptionSession, actor, published: bool = True) -> ReceptionSession:
    _require_manager(actor)
    with set_actor(actor):
        session.published = published
        session.save(update_fields=["published", "updated_at"])
    return session


@transaction.atomic
def record_session_result(
    *, session: ReceptionSession, actor, status: str, today: date, actual_host: Staff | None = None,
    host_role: str = "", note: str = "",
) -> ReceptionSession:
    """Record that a session was held (by whom, in person or authorised) or not held (why).

    A session held links the visits that its host received that day in scheduled mode.
    """
    _require_manager(actor)
    errors = _Errors()
    if status not in (SessionStatus.HELD, SessionStatus.NOT_HELD):
        errors.add("status", _("Chọn: đã tiếp hoặc không tiếp."))
    if session.planned_on > today:
        errors.add("status", _("Chưa đến ngày tiếp: chỉ ghi kết quả từ ngày %(d)s.")
                   % {"d": session.planned_on.strftime("%d/%m/%Y")})
    if status == SessionStatus.HELD:
        if actual_host is None:
            errors.add("actual_host", _("Chọn người trực tiếp tiếp công dân."))
        if host_role not in HostRole.values:
            errors.add("host_role", _("Chọn: thủ trưởng trực tiếp tiếp hoặc ủy quyền tiếp."))
        elif actual_host is not None:
            is_head = actual_host.pk == session.host_id or actual_host.position_id == session.position_id
            if host_role == HostRole.HEAD and not is_head:
                errors.add("host_role", _("Người tiếp không phải người đứng đầu: ghi là ủy quyền tiếp."))
            if host_role == HostRole.DEPUTY_AUTHORIZED and is_head:
                errors.add("host_role", _("Người đứng đầu trực tiếp tiếp: ghi là thủ trưởng tiếp."))
    if status == SessionStatus.NOT_HELD and not note.strip():
        errors.add("note", _("Nêu lý do không tiếp."))
    if errors:
        raise ValidationError(dict(errors))
    with set_actor(actor):
        session.status = status
        session.actual_host = actual_host if status == SessionStatus.HELD else None
        session.host_role = host_role if status == SessionStatus.HELD else ""
        session.note = note.strip() or session.note
        session.save()
        if status == SessionStatus.HELD:
            start = timezone.make_aware(datetime.combine(session.planned_on, time.min))
            for visit in Visit.objects.filter(
                session__isnull=True, leader_mode=LeaderMode.SCHEDULED,
                leader_id__in=[session.host_id, actual_host.pk],
                received_at__gte=start, received_at__lt=start + timedelta(days=1),
            ):
                visit.session = session
                visit.save(update_fields=["session", "updated_at"])
    return session


@dataclass(frozen=True)
class TaskInput:
    unit_id: int | None
    text: str
    due_on: date | None
    visit_id: int | None = None


def legal_task_due(session: ReceptionSession, visit: Visit | None) -> date | None:
    """The latest lawful due date of a task: the visit's answer date, else 10 working days after the
    session (TCD-ANSWER-10). None when the calendar cannot tell (the form then asks for a date only)."""
    if visit is not None and visit.answer_due_on:
        return visit.answer_due_on
    try:
        return compute_deadline(TASK_RULE, session.planned_on, calendar=working_calendar()).due
    except LegalError:
        return None


@transaction.atomic
def issue_conclusion_notice(
    *, session: ReceptionSession, actor, conclusion: str, signer: Staff, issued_on: date, today: date,
    tasks: list[TaskInput],
) -> ConclusionNotice:
    """Record the head's conclusion after a held session, give its tasks to units (each due no later
    than the legal date), tell the units' heads, and issue the notice as a document (TCD-BOOK-HEAD)."""
    _require_manager(actor)
    errors = _Errors()
    if session.status != SessionStatus.HELD:
        errors.add("conclusion", _("Chỉ ra thông báo kết luận sau buổi tiếp đã diễn ra."))
    if ConclusionNotice.objects.filter(session=session).exists():
        errors.add("conclusion", _("Buổi tiếp này đã có thông báo kết luận."))
    if not conclusion.strip():
        errors.add("conclusion", _("Chưa nhập ý kiến kết luận."))
    if issued_on < session.planned_on or issued_on > today:
        errors.add("issued_on", _("Ngày ban hành phải từ ngày tiếp đến hôm nay."))
    units = {u.pk: u for u in Unit.objects.filter(agency_id=session.unit.agency_id, pk__in=[t.unit_id for t in tasks])}
    visits = {v.pk: v for v in Visit.objects.filter(pk__in=[t.visit_id for t in tasks if t.visit_id])}
    rows = []
    for index, task in enumerate(tasks):
        key = f"task-{index}-"
        unit = units.get(task.unit_id)
        if unit is None:
            errors.add(key + "unit", _("Chọn đơn vị thực hiện."))
        if not task.text.strip():
            errors.add(key + "text", _("Chưa nhập nhiệm vụ."))
        legal_due = legal_task_due(session, visits.get(task.visit_id))
        if task.due_on is None:
            errors.add(key + "due_on", _("Chưa nhập thời hạn."))
        elif task.due_on < issued_on:
            errors.add(key + "due_on", _("Thời hạn không được trước ngày ban hành thông báo."))
        elif legal_due and task.due_on > legal_due:
            errors.add(key + "due_on", _("Thời hạn không được sau hạn theo quy định %(d)s (trả lời công dân trong "
                                         "10 ngày làm việc, Luật Tiếp công dân, Điều 28).")
                       % {"d": legal_due.strftime("%d/%m/%Y")})
        rows.append((unit, task, legal_due))
    if not tasks:
        errors.add("tasks", _("Thông báo kết luận phải giao ít nhất một nhiệm vụ."))
    if errors:
        raise ValidationError(dict(errors))
    with set_actor(actor):
        try:
            notice = ConclusionNotice.objects.create(
                session=session, issued_on=issued_on, conclusion=conclusion.strip(), signer=signer, created_by=actor
            )
        except IntegrityError as exc:
            raise ValidationError({"conclusion": [_("Buổi tiếp này đã có thông báo kết luận.")]}) from exc
        for unit, task, legal_due in rows:
            ConclusionTask.objects.create(
                notice=notice, unit=unit, visit_id=task.visit_id, text=task.text.strip(), due_on=task.due_on,
                legal_due_on=legal_due,
            )
        _notify_units(notice)
        from tiepdan.reception.services.documents import issue_conclusion_document

        issue_conclusion_document(notice=notice, actor=actor)
    return notice


def _notify_units(notice: ConclusionNotice) -> None:
    link = reverse("reception:session_detail", kwargs={"code": notice.session.code})
    for task in notice.tasks.select_related("unit"):
        heads = get_user_model().objects.filter(
            Q(staff__unit=task.unit, staff__position__is_head=True), is_active=True
        )
        notify(
            recipients=heads, kind="conclusion_task",
            title=_("Nhiệm vụ sau buổi tiếp công dân ngày %(d)s, hạn %(due)s") % {
                "d": notice.session.planned_on.strftime("%d/%m/%Y"), "due": task.due_on.strftime("%d/%m/%Y"),
            },
            key=f"conclusion-task:{task.pk}", body=task.text[:300], link=link,
        )


def complete_task(*, task: ConclusionTask, actor, on: date) -> ConclusionTask:
    _require_manager(actor)
    with set_actor(actor):
        task.status = TaskStatus.DONE
        task.done_on = on
        task.save(update_fields=["status", "done_on"])
    return task
