"""Plans (progress, who is late, the .docx), event periods (rules, roster) and daily reports."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tiepdan.coordination import forms, policies, selectors, services
from tiepdan.coordination.models import (
    SituationReport,
)
from tiepdan.coordination.rules import ALL_PHASES
from tiepdan.coordination.views.common import (
    _agency,
    _apply,
    _page,
    _posted,
    _require,
    _submit,
    _today,
)
from tiepdan.org.models import Unit
from tiepdan.org.selectors import staff_of, visible_unit_ids

# --- plans -------------------------------------------------------------------------------------


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    return render(request, "coordination/plan_list.html", {"plans": selectors.plans_visible_to(request.user)})


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_object_or_404(selectors.plans_visible_to(request.user), pk=pk)
    today = _today()
    progress = selectors.plan_progress(plan, today=today)
    staff = staff_of(request.user)
    return render(
        request,
        "coordination/plan_detail.html",
        {"plan": plan, "progress": progress, "today": today, "my_unit_id": staff.unit_id if staff else None},
    )


@login_required
def plan_docx(request: HttpRequest, pk: int) -> HttpResponse:
    from tiepdan.coordination.documents import render_plan_docx

    plan = get_object_or_404(selectors.plans_visible_to(request.user), pk=pk)
    response = HttpResponse(
        render_plan_docx(plan),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="ke-hoach-{plan.pk}.docx"'
    return response


@login_required
def plan_task_report(request: HttpRequest, pk: int) -> HttpResponse:
    from tiepdan.coordination.models import PlanTask

    task = get_object_or_404(
        PlanTask.objects.filter(plan__in=selectors.plans_visible_to(request.user)).select_related("plan", "assignee"),
        pk=pk,
    )
    today = _today()
    units = selectors.responsible_units(task, selectors.plan_units(task.plan.agency, today), today)
    allowed = [u.pk for u in units if policies.may_report_plan_progress(request.user, u.pk)]
    _require(bool(allowed))
    form = forms.PlanProgressForm(_posted(request), units=Unit.objects.filter(pk__in=allowed).order_by("path"))
    return _submit(
        request,
        form,
        lambda d: services.report_plan_progress(
            task=task,
            unit=d["unit"],
            actor=request.user,
            on=today,
            progress=d["progress"],
            text=d["text"],
            is_done=d["is_done"],
        ),
        success=_("Đã ghi nhận báo cáo tiến độ."),
        done=lambda report: redirect("coordination:plan_detail", pk=task.plan_id),
        template="coordination/plan_task_report.html",
        context=lambda: {"task": task, "form": form},
    )


# --- event periods -----------------------------------------------------------------------------


@login_required
def period_list(request: HttpRequest) -> HttpResponse:
    today = _today()
    form = forms.PeriodForm(_posted(request))
    if request.method == "POST":
        _require(policies.may_manage_periods(request.user))
        period = _apply(
            request,
            form,
            lambda d: services.create_period(agency=_agency(request), actor=request.user, **d),
        )
        if period is not None:
            return redirect(period.get_absolute_url())
    periods = [(p, p.phase_on(today)) for p in selectors.periods_visible_to(request.user)]
    return render(
        request,
        "coordination/period_list.html",
        {"periods": periods, "form": form, "today": today, "can_manage": policies.may_manage_periods(request.user)},
        status=422 if form.errors else 200,
    )


def _period_context(request, period, **extra):
    today = _today()
    staff = staff_of(request.user)
    advisory = staff.unit if staff and staff.unit.is_advisory else None
    from tiepdan.org.selectors import advisory_unit

    advisory = advisory or advisory_unit(today)
    return {
        "period": period,
        "today": today,
        "phase": period.phase_on(today),
        "window": period.window,
        "phase_spans": [(p, b) for p in ALL_PHASES if (b := period.window.phase_bounds(p))],
        "rules": period.rules.all(),
        "milestones": period.milestones.all(),
        "shifts": period.duty_shifts.select_related("staff", "staff__unit"),
        "roster_gaps": selectors.roster_gaps(period, until=period.window.last_day),
        "missing_reports": selectors.missing_situation_reports(period, advisory, until=today),
        "advisory": advisory,
        "can_manage": policies.may_manage_periods(request.user),
        "can_roster": policies.may_manage_roster(request.user),
        "rule_form": extra.pop("rule_form", None) or forms.PeriodRuleForm(),
        "shift_form": extra.pop("shift_form", None) or forms.DutyShiftForm(agency=period.agency),
        "reviews": period.reviews.all(),
        **extra,
    }


@login_required
def period_detail(request: HttpRequest, pk: int) -> HttpResponse:
    period = get_object_or_404(selectors.periods_visible_to(request.user), pk=pk)
    return render(request, "coordination/period_detail.html", _period_context(request, period))


@login_required
@require_POST
def period_rule(request: HttpRequest, pk: int) -> HttpResponse:
    period = get_object_or_404(selectors.periods_visible_to(request.user), pk=pk)
    _require(policies.may_manage_periods(request.user))
    form = forms.PeriodRuleForm(request.POST)
    return _submit(
        request,
        form,
        lambda d: services.set_period_rule(
            period=period, actor=request.user, kind=d["kind"], phases=d["phases"], value=d["value"], note=d["note"]
        ),
        success=_("Đã lưu quy tắc của đợt."),
        done=lambda rule: redirect(period.get_absolute_url()),
        template="coordination/period_detail.html",
        context=lambda: _period_context(request, period, rule_form=form),
    )


@login_required
@require_POST
def duty_shift(request: HttpRequest, pk: int) -> HttpResponse:
    period = get_object_or_404(selectors.periods_visible_to(request.user), pk=pk)
    _require(policies.may_manage_roster(request.user))
    form = forms.DutyShiftForm(request.POST, agency=period.agency)
    return _submit(
        request,
        form,
        lambda d: services.add_duty_shift(
            period=period, actor=request.user, on=d["on"], kind=d["kind"], staff=d["staff"], phone=d["phone"]
        ),
        success=_("Đã thêm vào lịch trực."),
        done=lambda shift: redirect(period.get_absolute_url()),
        template="coordination/period_detail.html",
        context=lambda: _period_context(request, period, shift_form=form),
    )


@login_required
def situation_reports(request: HttpRequest) -> HttpResponse:
    today = _today()
    staff = staff_of(request.user)
    can_submit = policies.may_submit_situation_report(request.user)
    counts = selectors.situation_counts(staff.unit if staff else None, today)
    form = forms.SituationReportForm(_posted(request), initial=counts)
    if request.method == "POST":
        _require(can_submit)
        report = _apply(request, form, lambda d: services.submit_situation_report(actor=request.user, on=today, **d))
        if report is not None:
            messages.success(request, _("Đã gửi báo cáo tình hình ngày %(day)s.") % {"day": f"{today:%d/%m/%Y}"})
            return redirect("coordination:situation_reports")
    reports = SituationReport.objects.select_related("unit", "submitted_by__staff")
    if staff is None:
        reports = reports.none()
    ids = visible_unit_ids(request.user)
    if ids is not None:
        reports = reports.filter(unit_id__in=ids)
    return render(
        request,
        "coordination/situation_reports.html",
        {
            "page": _page(request, reports),
            "form": form,
            "can_submit": can_submit,
            "today": today,
            "periods": selectors.periods_on(today),
            "submitted_today": staff is not None and SituationReport.objects.filter(unit=staff.unit, on=today).exists(),
        },
        status=422 if form.errors else 200,
    )
