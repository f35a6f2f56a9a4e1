"""The coordination dashboard and "my work"."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tiepdan.coordination import selectors
from tiepdan.coordination.models import (
    EscalationStatus,
    TaskStatus,
)
from tiepdan.coordination.views.common import (
    _today,
)
from tiepdan.org.selectors import staff_of

# --- dashboard and my work ---------------------------------------------------------------------


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    today = _today()
    periods = selectors.periods_on(today)
    escalations = selectors.escalations_visible_to(request.user)
    return render(
        request,
        "coordination/dashboard.html",
        {
            "today": today,
            "periods": periods,
            "open_escalations": list(escalations.exclude(status=EscalationStatus.CLOSED)[:10]),
            "awaiting": escalations.filter(status=EscalationStatus.REPORTED).count(),
            "plans": list(selectors.plans_visible_to(request.user)[:5]),
            "overdue_tasks": selectors.tasks_visible_to(request.user)
            .filter(status=TaskStatus.OPEN, due_on__lt=today)
            .count(),
        },
    )


@login_required
def my_work(request: HttpRequest) -> HttpResponse:
    today = _today()
    work = selectors.my_work(request.user, today=today)
    staff = staff_of(request.user)
    late_shares = []
    if staff is not None:
        late_shares = [row for row in selectors.plan_tasks_of_unit(staff.unit, today=today) if row[2].is_late]
    return render(request, "coordination/my_work.html", {"work": work, "today": today, "late_shares": late_shares})
