"""Writes of escalation to the leadership: the one-page summary, directions and their tasks, response plans."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from auditlog.context import set_actor
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tiepdan.coordination import policies, rules, selectors
from tiepdan.coordination.models import (
    Direction,
    Escalation,
    EscalationStatus,
    LessonsReview,
    ResponsePlan,
    ResponsePlanStatus,
    Task,
    TaskStatus,
)
from tiepdan.coordination.services.common import (
    Refused,
    _escalation_audience,
    _require,
    _text,
    _unit_users,
    leadership_users,
)
from tiepdan.notifications.services import notify
from tiepdan.org.models import Unit
from tiepdan.org.selectors import staff_of

# =============================================================================================
# Escalation


def _mass_threshold() -> int:
    return settings.TIEPDAN_MASS_THRESHOLD


def _place_of(commune_code: int | None) -> str:
    if not commune_code:
        return ""
    try:
        from tiepdan.people import geo

        return geo.commune_name(commune_code) or ""
    except Exception:  # the administrative map is optional for a summary line
        return ""


def draft_from(*, visit=None, letter=None, case=None) -> dict:
    """The initial values of an escalation (its one-page summary) drawn from the matter's record.
    A denunciation's content is not copied (TC-CONFID): the summary names the record instead."""
    if visit is not None:
        confidential = visit.matter_type == "denunciation"
        return {
            "unit": visit.unit,
            "title": ("Tố cáo — xem lượt tiếp " + visit.code) if confidential else visit.content[:300],
            "head_count": visit.head_count,
            "place": _place_of(visit.commune_code) or visit.place,
            "received_at": visit.received_at,
            "summary": (
                f"Lúc {timezone.localtime(visit.received_at):%H:%M ngày %d/%m/%Y}, {visit.head_count} công dân đến "
                f"{visit.place} trình bày {visit.get_matter_type_display().lower()}."
                + ("" if confidential else f" Nội dung: {visit.content}")
            ),
            "history": "Công dân đã đến nhiều lần." if visit.is_repeat else "",
            "reasons": [
                r.value for r in rules.escalation_reasons(head_count=visit.head_count, mass_threshold=_mass_threshold())
            ],
        }
    if letter is not None:
        confidential = letter.matter_type == "denunciation"
        received = timezone.make_aware(datetime.combine(letter.received_on, datetime.min.time().replace(hour=8)))
        return {
            "unit": letter.unit,
            "title": ("Đơn tố cáo " + letter.code) if confidential else letter.summary[:300],
            "head_count": letter.signer_count,
            "place": _place_of(letter.commune_code),
            "received_at": received,
            "summary": (
                f"Ngày {letter.received_on:%d/%m/%Y} Sở nhận đơn {letter.code} "
                f"({letter.get_matter_type_display().lower()}, "
                f"{letter.signer_count} người ký)."
                + (f" Đơn do {letter.transferring_body} chuyển đến." if letter.transferring_body else "")
                + ("" if confidential else f" Nội dung: {letter.summary}")
            ),
            "history": "",
            "reasons": [
                r.value
                for r in rules.escalation_reasons(head_count=letter.signer_count, mass_threshold=_mass_threshold())
            ],
        }
    if case is not None:
        steps = "; ".join(
            f"{s.on:%d/%m/%Y} {s.action}" + (f" ({s.document_number})" if s.document_number else "")
            for s in case.steps.all()[:20]
        )
        confidential = case.track == "denunciation"
        return {
            "unit": case.unit,
            "title": ("Vụ việc tố cáo " + case.code) if confidential else case.title[:300],
            "head_count": case.participant_count,
            "place": _place_of(case.commune_code),
            "received_at": timezone.make_aware(datetime.combine(case.accepted_on, datetime.min.time().replace(hour=8))),
            "summary": f"Vụ việc {case.code}, đơn vị chủ trì {case.unit.name}, {case.participant_count} người."
            + ("" if confidential else f" Nội dung: {case.title}"),
            "history": steps,
            "reasons": [
                r.value
                for r in rules.escalation_reasons(
                    head_count=case.participant_count, mass_threshold=_mass_threshold(), complexity=case.complexity
                )
            ],
        }
    return {"reasons": []}


def _notify_escalation(escalation: Escalation, *, on: date) -> int:
    # The notice is a stored record: Vietnamese, whatever the language of the one who escalates.
    reasons = ", ".join(rules.REASON_LABELS[rules.EscalationReason(r)][0].lower() for r in escalation.reasons)
    return notify(
        recipients=_escalation_audience(on),
        kind="escalation",
        title=f"Báo cáo Lãnh đạo sở ({reasons}): {escalation.title[:120]}",
        body=f"{escalation.unit.name}; {escalation.head_count} người; {escalation.place}".strip("; "),
        key=f"escalation:{escalation.code}",
        link=escalation.get_absolute_url(),
    )


def _check_reasons(reasons: Iterable[str]) -> list[str]:
    cleaned = []
    for reason in reasons:
        try:
            cleaned.append(rules.EscalationReason(reason).value)
        except ValueError:
            raise Refused(_("Lý do báo cáo không hợp lệ."), field="reasons") from None
    if not cleaned:
        raise Refused(_("Chọn ít nhất một lý do báo cáo lãnh đạo."), field="reasons")
    return cleaned


@transaction.atomic
def escalate(
    *,
    actor,
    unit: Unit,
    title: str,
    summary: str,
    reasons: Iterable[str],
    received_at: datetime,
    now: datetime,
    head_count: int = 1,
    place: str = "",
    history: str = "",
    proposal: str = "",
    visit=None,
    letter=None,
    case=None,
) -> Escalation:
    """Report a mass, complex, over-level or hot-spot matter to the leadership with its summary."""
    _require(policies.may_escalate(actor))
    reasons = _check_reasons(reasons)
    if head_count < 1:
        raise Refused(_("Số người phải từ 1 trở lên."), field="head_count")
    if received_at > now:
        raise Refused(_("Thời điểm tiếp nhận không được sau thời điểm hiện tại."), field="received_at")
    periods = selectors.periods_on(timezone.localdate(received_at))
    hours = periods.rules.mass_escalation_hours
    due_at = rules.escalation_due(received_at, hours) if hours and rules.EscalationReason.MASS in reasons else None
    period = periods.current[0].period if periods.current else None
    with set_actor(actor):
        escalation = Escalation.objects.create(
            unit=unit,
            visit=visit,
            letter=letter,
            case=case,
            reasons=reasons,
            title=_text(title, "title", _("Cần nhập nội dung vụ việc.")),
            summary=_text(summary, "summary", _("Cần nhập tóm tắt diễn biến.")),
            history=history.strip(),
            proposal=proposal.strip(),
            head_count=head_count,
            place=place.strip(),
            period=period,
            received_at=received_at,
            due_at=due_at,
            reported_at=now,
            completed_at=now,
            reported_by=actor,
        )
    _notify_escalation(escalation, on=timezone.localdate(now))
    return escalation


def escalate_mass_matter(*, visit=None, letter=None, now: datetime | None = None) -> Escalation | None:
    """The rule of an event period: a mass visit or letter goes to the leadership at once; the unit
    completes the one-page summary within the period's number of hours. Idempotent (a unique
    constraint), so the signal and the sweep never create two."""
    now = now or timezone.now()
    if visit is not None:
        if not visit.is_mass or visit.split_from_id:
            return None
        received_at = visit.received_at
    elif letter is not None:
        if letter.signer_count < _mass_threshold():
            return None
        if letter.visit_id and letter.visit.is_mass:
            return None  # the visit it came from is escalated already
        received_at = letter.created_at or now
    else:
        return None
    periods = selectors.periods_on(timezone.localdate(received_at))
    hours = periods.rules.mass_escalation_hours
    if hours is None:
        return None
    draft = draft_from(visit=visit, letter=letter)
    period = periods.limiting_period(rules.RuleKind.MASS_ESCALATION)
    try:
        with transaction.atomic():
            escalation = Escalation.objects.create(
                unit=draft["unit"],
                visit=visit,
                letter=letter,
                reasons=[rules.EscalationReason.MASS.value],
                title=draft["title"],
                summary=draft["summary"],
                history=draft["history"],
                head_count=draft["head_count"],
                place=draft["place"],
                period=period,
                is_automatic=True,
                received_at=received_at,
                due_at=rules.escalation_due(received_at, hours),
                reported_at=now,
            )
    except IntegrityError:
        return None
    _notify_escalation(escalation, on=timezone.localdate(now))
    if escalation.unit_id:
        notify(
            recipients=_unit_users(escalation.unit_id, heads_only=True),
            kind="escalation_summary_due",
            title=(
                f"Hoàn thiện báo cáo tóm tắt vụ việc đông người {escalation.code} trước "
                f"{timezone.localtime(escalation.due_at):%H:%M %d/%m/%Y}"
            ),
            key=f"escalation-due:{escalation.code}",
            link=escalation.get_absolute_url(),
        )
    return escalation


def sweep_mass_matters(*, now: datetime, lookback_days: int = 3) -> int:
    """Escalate every recent mass visit or letter an event period requires and nobody escalated yet
    (visits written in bulk, or a crash between the visit and its escalation). Safe to rerun."""
    from tiepdan.letters.models import Letter
    from tiepdan.reception.models import Visit

    since = now - timedelta(days=lookback_days)
    created = 0
    visits = Visit.objects.filter(is_mass=True, split_from__isnull=True, received_at__gte=since, received_at__lte=now)
    for visit in visits.exclude(escalations__is_automatic=True).select_related("unit"):
        created += escalate_mass_matter(visit=visit, now=now) is not None
    letters = Letter.objects.filter(signer_count__gte=_mass_threshold(), created_at__gte=since)
    for letter in letters.exclude(escalations__is_automatic=True).select_related("unit", "visit"):
        created += escalate_mass_matter(letter=letter, now=now) is not None
    return created


@transaction.atomic
def complete_summary(
    *,
    escalation: Escalation,
    actor,
    now: datetime,
    title: str,
    summary: str,
    history: str = "",
    proposal: str = "",
    place: str = "",
    head_count: int | None = None,
) -> Escalation:
    """The reporting unit completes (or corrects) the one-page summary of an escalation."""
    _require(policies.may_escalate(actor))
    escalation = Escalation.objects.select_for_update().get(pk=escalation.pk)
    if escalation.status == EscalationStatus.CLOSED:
        raise Refused(_("Vụ việc đã kết thúc, không sửa báo cáo được."), field="summary")
    if head_count is not None and head_count < 1:
        raise Refused(_("Số người phải từ 1 trở lên."), field="head_count")
    with set_actor(actor):
        escalation.title = _text(title, "title", _("Cần nhập nội dung vụ việc."))
        escalation.summary = _text(summary, "summary", _("Cần nhập tóm tắt diễn biến."))
        escalation.history = history.strip()
        escalation.proposal = proposal.strip()
        escalation.place = place.strip()
        if head_count is not None:
            escalation.head_count = head_count
        if escalation.completed_at is None:
            escalation.completed_at = now
            escalation.reported_by = escalation.reported_by or actor
        escalation.save()
    return escalation


def mark_seen(*, escalation: Escalation, user, now: datetime) -> bool:
    """The first time a leader opens the escalation (race-safe conditional update)."""
    if not policies.may_direct(user) or escalation.seen_at is not None:
        return False
    return bool(Escalation.objects.filter(pk=escalation.pk, seen_at__isnull=True).update(seen_at=now, seen_by=user))


@dataclass(frozen=True)
class TaskInput:
    text: str
    owner_unit: Unit | None
    due_on: date | None
    owner: object = None


def _check_task(spec: TaskInput, *, given_on: date, limit: date | None, index: int = 0) -> None:
    prefix = f"task_{index}_"
    if not (spec.text or "").strip():
        raise Refused(_("Cần ghi nội dung nhiệm vụ."), field=f"{prefix}text")
    if spec.owner_unit is None:
        raise Refused(_("Cần chọn đơn vị thực hiện."), field=f"{prefix}owner_unit")
    if spec.due_on is None:
        raise Refused(_("Cần nhập thời hạn (dd/mm/yyyy)."), field=f"{prefix}due_on")
    problem = rules.task_due_problem(spec.due_on, given_on=given_on, limit=limit)
    if problem is not None:
        raise Refused.from_rule(problem, f"{prefix}due_on")
    if spec.owner is not None:
        staff = staff_of(spec.owner)
        if staff is None or not staff.unit.path.startswith(spec.owner_unit.path):
            raise Refused(_("Người thực hiện phải là cán bộ của đơn vị thực hiện."), field=f"{prefix}owner")


def _create_task(spec: TaskInput, *, actor, given_on: date, **source) -> Task:
    task = Task.objects.create(
        given_on=given_on,
        text=spec.text.strip(),
        owner_unit=spec.owner_unit,
        owner=spec.owner,
        due_on=spec.due_on,
        created_by=actor,
        **source,
    )
    recipients = [spec.owner] if spec.owner is not None else _unit_users(spec.owner_unit.pk, heads_only=True)
    notify(
        recipients=recipients,
        kind="task",
        title=f"Nhiệm vụ mới, hạn {task.due_on:%d/%m/%Y}: {task.text[:120]}",
        key=f"task:{task.pk}",
        link=task.get_absolute_url(),
    )
    return task


def _matter_limit(escalation: Escalation) -> date | None:
    """A task on a case cannot be due after the case's legal due date."""
    if escalation.case_id:
        return selectors.legal_due_of(escalation.case)
    return None


@transaction.atomic
def record_direction(*, escalation: Escalation, actor, on: date, text: str, tasks: Sequence[TaskInput]) -> Direction:
    """The leader's direction (chỉ đạo), recorded as tasks with owners and due dates."""
    _require(policies.may_direct(actor))
    escalation = Escalation.objects.select_for_update().get(pk=escalation.pk)
    if escalation.status == EscalationStatus.CLOSED:
        raise Refused(_("Vụ việc đã kết thúc."), field="text")
    text = _text(text, "text", _("Cần ghi ý kiến chỉ đạo."))
    specs = [t for t in tasks if (t.text or "").strip() or t.owner_unit or t.due_on]
    if not specs:
        raise Refused(
            _("Ý kiến chỉ đạo cần ít nhất một nhiệm vụ có đơn vị thực hiện và thời hạn."), field="task_0_text"
        )
    limit = _matter_limit(escalation)
    for i, spec in enumerate(tasks):
        if spec in specs:
            _check_task(spec, given_on=on, limit=limit, index=i)
    with set_actor(actor):
        direction = Direction.objects.create(escalation=escalation, text=text, given_by=actor, given_on=on)
        for spec in specs:
            _create_task(spec, actor=actor, given_on=on, direction=direction)
        escalation.status = EscalationStatus.DIRECTED
        escalation.save(update_fields=["status"])
        if escalation.seen_at is None:
            escalation.seen_at = timezone.now()
            escalation.seen_by = actor
            escalation.save(update_fields=["seen_at", "seen_by"])
    return direction


@transaction.atomic
def add_task(
    *, actor, on: date, spec: TaskInput, response_plan: ResponsePlan | None = None, review: LessonsReview | None = None
) -> Task:
    """An action of a response plan or a measure of a lessons-learned review."""
    source = response_plan or review
    _require(source is not None and policies.may_add_actions(actor, source.unit_id))
    if response_plan is not None and response_plan.status == ResponsePlanStatus.DONE:
        raise Refused(_("Phương án đã thực hiện xong."), field="task_0_text")
    limit = None
    if response_plan is not None and response_plan.escalation_id:
        limit = _matter_limit(response_plan.escalation)
    _check_task(spec, given_on=on, limit=limit)
    with set_actor(actor):
        return _create_task(spec, actor=actor, given_on=on, response_plan=response_plan, review=review)


@transaction.atomic
def complete_task(*, task: Task, actor, on: date, result: str) -> Task:
    """The owner reports the task done, with its result; the leader who gave the direction is told."""
    task = Task.objects.select_for_update(of=("self",)).select_related("direction__escalation").get(pk=task.pk)
    _require(policies.may_complete_task(actor, task))
    if task.status != TaskStatus.OPEN:
        raise Refused(_("Nhiệm vụ đã hoàn thành hoặc đã hủy."), field="result")
    result = _text(result, "result", _("Cần ghi kết quả thực hiện."))
    if on < task.given_on:
        raise Refused(_("Ngày hoàn thành không được trước ngày giao nhiệm vụ."), field="on")
    with set_actor(actor):
        task.status = TaskStatus.DONE
        task.done_on = on
        task.done_by = actor
        task.result = result
        task.save()
        if task.direction_id:
            escalation = task.direction.escalation
            open_left = Task.objects.filter(direction__escalation=escalation, status=TaskStatus.OPEN).exists()
            if not open_left and escalation.status == EscalationStatus.DIRECTED:
                escalation.status = EscalationStatus.COMPLETED
                escalation.save(update_fields=["status"])
    if task.direction_id:
        notify(
            recipients=[task.direction.given_by],
            kind="task_done",
            title=f"Đã hoàn thành nhiệm vụ theo chỉ đạo: {task.text[:120]}",
            body=result[:500],
            key=f"task-done:{task.pk}",
            link=task.direction.escalation.get_absolute_url(),
        )
    return task


@transaction.atomic
def close_escalation(*, escalation: Escalation, actor, on: date, note: str) -> Escalation:
    _require(policies.may_direct(actor))
    escalation = Escalation.objects.select_for_update().get(pk=escalation.pk)
    if escalation.status == EscalationStatus.CLOSED:
        raise Refused(_("Vụ việc đã kết thúc."), field="note")
    with set_actor(actor):
        escalation.status = EscalationStatus.CLOSED
        escalation.closed_on = on
        escalation.closing_note = _text(note, "note", _("Cần ghi kết quả, lý do kết thúc."))
        escalation.save()
    return escalation


# =============================================================================================
# Response plans


@transaction.atomic
def create_response_plan(
    *,
    actor,
    unit: Unit,
    on: date,
    title: str,
    situation: str,
    objective: str,
    forces: str = "",
    escalation: Escalation | None = None,
) -> ResponsePlan:
    _require(policies.may_record_for_unit(actor, unit.pk) or policies.may_add_actions(actor, unit.pk))
    with set_actor(actor):
        plan = ResponsePlan.objects.create(
            unit=unit,
            escalation=escalation,
            title=_text(title, "title", _("Cần nhập tên phương án.")),
            situation=_text(situation, "situation", _("Cần nêu tình hình, dự báo.")),
            objective=_text(objective, "objective", _("Cần nêu mục tiêu, yêu cầu.")),
            forces=forces.strip(),
            created_by=actor,
            created_on=on,
        )
    notify(
        recipients=leadership_users(),
        kind="response_plan",
        title=f"Phương án xử lý chờ phê duyệt: {plan.title[:150]}",
        key=f"response-plan:{plan.pk}",
        link=plan.get_absolute_url(),
    )
    return plan


@transaction.atomic
def approve_response_plan(*, plan: ResponsePlan, actor, on: date) -> ResponsePlan:
    _require(policies.may_direct(actor))
    plan = ResponsePlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != ResponsePlanStatus.DRAFT:
        raise Refused(_("Phương án đã được phê duyệt."), field="status")
    if not plan.tasks.exists():
        raise Refused(_("Phương án cần ít nhất một biện pháp có người thực hiện và thời hạn."), field="status")
    with set_actor(actor):
        plan.status = ResponsePlanStatus.APPROVED
        plan.approved_by = actor
        plan.approved_on = on
        plan.save()
    return plan


@transaction.atomic
def finish_response_plan(*, plan: ResponsePlan, actor, result: str) -> ResponsePlan:
    _require(policies.may_add_actions(actor, plan.unit_id))
    plan = ResponsePlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status != ResponsePlanStatus.APPROVED:
        raise Refused(_("Chỉ kết thúc phương án đã được phê duyệt."), field="result")
    if plan.tasks.filter(status=TaskStatus.OPEN).exists():
        raise Refused(_("Còn biện pháp chưa hoàn thành."), field="result")
    with set_actor(actor):
        plan.result = _text(result, "result", _("Cần ghi kết quả thực hiện phương án."))
        plan.status = ResponsePlanStatus.DONE
        plan.save()
    return plan
