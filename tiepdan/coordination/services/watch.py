"""The scheduled work (huey, tasks.py): reminders of overdue work; the unit remapper."""

from __future__ import annotations

from datetime import date

from django.db.models import Q
from django.utils import timezone

from tiepdan.coordination.models import (
    Assignment,
    Escalation,
    EscalationStatus,
    Task,
    TaskStatus,
)
from tiepdan.coordination.services.common import (
    _unit_users,
)
from tiepdan.notifications.services import notify
from tiepdan.org.models import Unit

# =============================================================================================
# The watch (huey, tasks.py)


def remind_overdue(*, today: date) -> int:
    """One notice per overdue task to its owner (or unit head), and per overdue escalation summary."""
    sent = 0
    for task in Task.objects.filter(status=TaskStatus.OPEN, due_on__lt=today).select_related("owner"):
        recipients = [task.owner] if task.owner_id else _unit_users(task.owner_unit_id, heads_only=True)
        sent += notify(
            recipients=recipients,
            kind="task_overdue",
            title=f"Nhiệm vụ quá hạn từ {task.due_on:%d/%m/%Y}: {task.text[:120]}",
            key=f"task-overdue:{task.pk}",
            link=task.get_absolute_url(),
        )
    now = timezone.now()
    late = Escalation.objects.filter(completed_at__isnull=True, due_at__lt=now)
    for escalation in late:
        sent += notify(
            recipients=_unit_users(escalation.unit_id, heads_only=True),
            kind="escalation_summary_overdue",
            title=f"Quá hạn hoàn thiện báo cáo vụ việc đông người {escalation.code}",
            key=f"escalation-overdue:{escalation.code}",
            link=escalation.get_absolute_url(),
        )
    return sent


def remap_unit(old_unit: Unit, new_unit: Unit) -> int:
    """When a unit is merged or abolished (org.services.end_unit, settings.TIEPDAN_UNIT_REMAPPERS): its
    open assignments and open tasks move to the successor; finished work stays with the unit that did it."""
    from tiepdan.cases.models import Case
    from tiepdan.letters.models import Letter

    open_cases = Case.objects.filter(closed_on__isnull=True).values("pk")
    open_letters = Letter.objects.filter(disposed_on__isnull=True).values("pk")
    moved = (
        Assignment.objects.filter(lead_unit=old_unit)
        .filter(Q(case__in=open_cases) | Q(letter__in=open_letters))
        .update(lead_unit=new_unit)
    )
    moved += Task.objects.filter(owner_unit=old_unit, status=TaskStatus.OPEN).update(owner_unit=new_unit)
    moved += Escalation.objects.filter(unit=old_unit).exclude(status=EscalationStatus.CLOSED).update(unit=new_unit)
    return moved
