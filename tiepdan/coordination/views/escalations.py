"""Escalation to the leadership: summary, directions and tasks; response plans."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tiepdan.coordination import forms, policies, selectors, services
from tiepdan.coordination.models import (
    Escalation,
    EscalationStatus,
    ResponsePlanStatus,
    TaskStatus,
)
from tiepdan.coordination.views import common
from tiepdan.coordination.views.common import (
    _my_units,
    _page,
    _posted,
    _require,
    _submit,
    _today,
    _units,
)
from tiepdan.org.selectors import staff_of

# --- escalations -------------------------------------------------------------------------------


@login_required
def escalation_list(request: HttpRequest) -> HttpResponse:
    qs = selectors.escalations_visible_to(request.user)
    status = request.GET.get("tinh-trang", "")
    if status in EscalationStatus.values:
        qs = qs.filter(status=status)
    return render(
        request,
        "coordination/escalation_list.html",
        {"page": _page(request, qs), "statuses": EscalationStatus.choices, "status": status, "now": common._now()},
    )


def _escalation_subject(request):
    """The visit, letter or case an escalation starts from (query string), seen through its app."""
    from tiepdan.cases.selectors import cases_visible_to
    from tiepdan.letters.selectors import letters_visible_to
    from tiepdan.reception.selectors import visits_visible_to

    found = {}
    for param, name, qs in (
        ("luot-tiep", "visit", visits_visible_to),
        ("don", "letter", letters_visible_to),
        ("vu-viec", "case", cases_visible_to),
    ):
        code = request.GET.get(param) or request.POST.get(param)
        if code:
            found[name] = get_object_or_404(qs(request.user), code=code.strip().upper())
    return found


@login_required
def escalation_new(request: HttpRequest) -> HttpResponse:
    _require(policies.may_escalate(request.user))
    subject = _escalation_subject(request)
    draft = services.draft_from(**subject)
    staff = staff_of(request.user)
    unit = draft.get("unit") or staff.unit
    initial = {k: v for k, v in draft.items() if k != "unit"}
    initial.setdefault("received_at", timezone.localtime(common._now()))
    if "received_at" in initial:
        initial["received_at"] = timezone.localtime(initial["received_at"])
    form = forms.EscalationForm(_posted(request), initial=initial)
    return _submit(
        request,
        form,
        lambda d: services.escalate(actor=request.user, unit=unit, now=common._now(), **subject, **d),
        success=_("Đã báo cáo Lãnh đạo sở."),
        done=lambda escalation: redirect(escalation.get_absolute_url()),
        template="coordination/escalation_new.html",
        context=lambda: {"form": form, "subject": subject, "unit": unit},
    )


def _escalation_or_404(request, code: str) -> Escalation:
    return get_object_or_404(selectors.escalations_visible_to(request.user), code=code)


def _escalation_context(request, escalation: Escalation, **extra):
    from tiepdan.coordination.rules import escalation_timing

    units = _units(request)
    users = forms.staff_users()
    directions = escalation.directions.select_related("given_by__staff").prefetch_related(
        "tasks__owner_unit", "tasks__owner__staff"
    )
    return {
        "escalation": escalation,
        "directions": directions,
        "plans": escalation.response_plans.all(),
        "timing": escalation_timing(escalation.due_at, escalation.completed_at, common._now()),
        "can_direct": policies.may_direct(request.user) and escalation.status != EscalationStatus.CLOSED,
        "can_complete_summary": policies.may_escalate(request.user) and escalation.status != EscalationStatus.CLOSED,
        "direction_form": extra.pop("direction_form", None) or forms.DirectionForm(units=units, users=users),
        "close_form": extra.pop("close_form", None) or forms.NoteForm(),
        "today": _today(),
        **extra,
    }


@login_required
def escalation_detail(request: HttpRequest, code: str) -> HttpResponse:
    escalation = _escalation_or_404(request, code)
    if services.mark_seen(escalation=escalation, user=request.user, now=common._now()):
        escalation.refresh_from_db()
    return render(request, "coordination/escalation_detail.html", _escalation_context(request, escalation))


@login_required
def escalation_summary(request: HttpRequest, code: str) -> HttpResponse:
    escalation = _escalation_or_404(request, code)
    return render(request, "coordination/escalation_summary.html", {"escalation": escalation, "today": _today()})


@login_required
def escalation_complete(request: HttpRequest, code: str) -> HttpResponse:
    escalation = _escalation_or_404(request, code)
    _require(policies.may_escalate(request.user))
    initial = {f: getattr(escalation, f) for f in ("title", "head_count", "place", "summary", "history", "proposal")}
    form = forms.SummaryForm(_posted(request), initial=initial)
    return _submit(
        request,
        form,
        lambda d: services.complete_summary(escalation=escalation, actor=request.user, now=common._now(), **d),
        success=_("Đã hoàn thiện báo cáo tóm tắt."),
        done=lambda done: redirect(done.get_absolute_url()),
        template="coordination/escalation_complete.html",
        context=lambda: {"escalation": escalation, "form": form},
    )


@login_required
@require_POST
def escalation_direct(request: HttpRequest, code: str) -> HttpResponse:
    escalation = _escalation_or_404(request, code)
    _require(policies.may_direct(request.user))
    form = forms.DirectionForm(request.POST, units=_units(request), users=forms.staff_users())
    return _submit(
        request,
        form,
        lambda d: services.record_direction(
            escalation=escalation, actor=request.user, on=_today(), text=d["text"], tasks=form.task_inputs()
        ),
        success=_("Đã ghi ý kiến chỉ đạo và giao nhiệm vụ."),
        done=lambda direction: redirect(escalation.get_absolute_url()),
        template="coordination/escalation_detail.html",
        context=lambda: _escalation_context(request, escalation, direction_form=form),
    )


@login_required
@require_POST
def escalation_close(request: HttpRequest, code: str) -> HttpResponse:
    escalation = _escalation_or_404(request, code)
    _require(policies.may_direct(request.user))
    form = forms.NoteForm(request.POST)
    return _submit(
        request,
        form,
        lambda d: services.close_escalation(escalation=escalation, actor=request.user, on=_today(), note=d["note"]),
        done=lambda done: redirect(escalation.get_absolute_url()),
        template="coordination/escalation_detail.html",
        context=lambda: _escalation_context(request, escalation, close_form=form),
    )


# --- tasks -------------------------------------------------------------------------------------


@login_required
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_object_or_404(selectors.tasks_visible_to(request.user), pk=pk)
    today = _today()
    return render(
        request,
        "coordination/task_detail.html",
        {
            "task": task,
            "today": today,
            "state": task.state(today),
            "can_complete": task.status == TaskStatus.OPEN and policies.may_complete_task(request.user, task),
            "form": forms.CompleteTaskForm(today=today, initial={"on": today}),
        },
    )


@login_required
@require_POST
def task_complete(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_object_or_404(selectors.tasks_visible_to(request.user), pk=pk)
    _require(policies.may_complete_task(request.user, task))
    today = _today()
    form = forms.CompleteTaskForm(request.POST, today=today)
    return _submit(
        request,
        form,
        lambda d: services.complete_task(task=task, actor=request.user, on=d["on"], result=d["result"]),
        success=_("Đã báo cáo hoàn thành nhiệm vụ."),
        done=lambda done: redirect(done.get_absolute_url()),
        template="coordination/task_detail.html",
        context=lambda: {"task": task, "today": today, "state": task.state(today), "can_complete": True, "form": form},
    )


# --- response plans ----------------------------------------------------------------------------


@login_required
def response_plan_list(request: HttpRequest) -> HttpResponse:
    qs = selectors.response_plans_visible_to(request.user)
    return render(request, "coordination/response_plan_list.html", {"page": _page(request, qs)})


@login_required
def response_plan_new(request: HttpRequest) -> HttpResponse:
    _require(policies.may_write(request.user))
    escalation = None
    if code := (request.GET.get("bao-cao") or request.POST.get("bao-cao")):
        escalation = _escalation_or_404(request, code)
    units = _my_units(request)
    initial = {"unit": escalation.unit_id} if escalation else {}
    if escalation:
        initial.update(title=f"Phương án xử lý: {escalation.title[:200]}", situation=escalation.summary)
    form = forms.ResponsePlanForm(_posted(request), units=units, initial=initial)
    return _submit(
        request,
        form,
        lambda d: services.create_response_plan(actor=request.user, on=_today(), escalation=escalation, **d),
        done=lambda plan: redirect(plan.get_absolute_url()),
        template="coordination/response_plan_new.html",
        context=lambda: {"form": form, "escalation": escalation},
    )


def _response_plan_context(request, plan, **extra):
    return {
        "plan": plan,
        "tasks": plan.tasks.select_related("owner_unit", "owner__staff"),
        "today": _today(),
        "can_add": plan.status != ResponsePlanStatus.DONE and policies.may_add_actions(request.user, plan.unit_id),
        "can_approve": plan.status == ResponsePlanStatus.DRAFT and policies.may_direct(request.user),
        "can_finish": plan.status == ResponsePlanStatus.APPROVED
        and policies.may_add_actions(request.user, plan.unit_id),
        "task_form": extra.pop("task_form", None) or forms.TaskForm(units=_units(request), users=forms.staff_users()),
        "result_form": extra.pop("result_form", None) or forms.ResultForm(),
        **extra,
    }


@login_required
def response_plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(selectors.response_plans_visible_to(request.user), pk=pk)
    return render(request, "coordination/response_plan_detail.html", _response_plan_context(request, plan))


@login_required
@require_POST
def response_plan_action(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(selectors.response_plans_visible_to(request.user), pk=pk)
    _require(policies.may_add_actions(request.user, plan.unit_id))
    form = forms.TaskForm(request.POST, units=_units(request), users=forms.staff_users())
    return _submit(
        request,
        form,
        lambda d: services.add_task(actor=request.user, on=_today(), spec=form.task_inputs()[0], response_plan=plan),
        done=lambda task: redirect(plan.get_absolute_url()),
        template="coordination/response_plan_detail.html",
        context=lambda: _response_plan_context(request, plan, task_form=form),
    )


@login_required
@require_POST
def response_plan_approve(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(selectors.response_plans_visible_to(request.user), pk=pk)
    _require(policies.may_direct(request.user))
    try:
        services.approve_response_plan(plan=plan, actor=request.user, on=_today())
    except services.Refused as exc:
        messages.error(request, str(exc))
    return redirect(plan.get_absolute_url())


@login_required
@require_POST
def response_plan_finish(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(selectors.response_plans_visible_to(request.user), pk=pk)
    _require(policies.may_add_actions(request.user, plan.unit_id))
    form = forms.ResultForm(request.POST)
    return _submit(
        request,
        form,
        lambda d: services.finish_response_plan(plan=plan, actor=request.user, result=d["result"]),
        done=lambda done: redirect(plan.get_absolute_url()),
        template="coordination/response_plan_detail.html",
        context=lambda: _response_plan_context(request, plan, result_form=form),
    )
