"""Thin views: parse, call one service or selector, render. Access goes through the selectors' scoped
querysets, so a user outside the report's audience gets 404."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tiepdan.org.models import Unit
from tiepdan.org.selectors import active_units, is_read_only, roles_of
from tiepdan.reports import accountability as acc
from tiepdan.reports import forms as f
from tiepdan.reports import inputs, selectors, services
from tiepdan.reports import narrative as nv
from tiepdan.reports import workflow as wf
from tiepdan.reports.models import CheckMeasure, Report, ReportVersion


def _message(exc) -> str:
    en = translation.get_language() == "en" and getattr(exc, "message_en", "")
    return en or exc.message_vi


def _roles(request) -> set[str]:
    return {r.value for r in roles_of(request.user)}


def _report(request, code: str) -> Report:
    return get_object_or_404(selectors.reports_visible_to(request.user), code=code)


def _full_report(request, code: str) -> Report:
    """The whole report (figures, narrative, files): agency-wide readers only; others get 404."""
    if not selectors.sees_all_reports(request.user):
        raise Http404
    return _report(request, code)


def _version(report: Report, number: str | None) -> ReportVersion:
    versions = report.versions.all()
    if number:
        return get_object_or_404(versions, number=number)
    version = versions.order_by("-number").first()
    if version is None:
        raise Http404
    return version


# ---------------------------------------------------------------------------------------------
# Reports


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    if not selectors.can_read_reports(request.user):
        raise Http404
    form = None
    if wf.INSPECTION in _roles(request) and not is_read_only(request.user):
        form = inputs.CreateReportForm(today=timezone.localdate())
    reports = selectors.reports_visible_to(request.user)[:100]
    return render(request, "reports/report_list.html", {
        "reports": reports, "form": form, "event_periods": selectors.event_period_names() if form else [],
    })


@login_required
@require_POST
def report_create(request: HttpRequest) -> HttpResponse:
    if not selectors.can_read_reports(request.user):
        raise Http404
    form = inputs.CreateReportForm(request.POST)
    if form.is_valid():
        p = form.period
        try:
            report = services.create_report(
                actor=request.user, kind=p.kind, year=p.year, month=p.month, day=p.end, start=p.start, end=p.end,
                title=form.cleaned_data["tieu_de"], event_period=form.cleaned_data["dot"],
            )
        except services.ReportRefused as exc:
            messages.error(request, _message(exc))
        else:
            return redirect(report)
    reports = selectors.reports_visible_to(request.user)[:100]
    return render(request, "reports/report_list.html", {
        "reports": reports, "form": form, "event_periods": selectors.event_period_names(),
    }, status=422)


def _detail_context(request, report: Report, narrative_form=None) -> dict:
    full = selectors.sees_all_reports(request.user)
    roles = _roles(request)
    writable_units = set(selectors.contribution_units_for(request.user).values_list("id", flat=True))
    contributions = list(report.contributions.select_related("unit", "author"))
    if full:  # the inspection unit also writes its own part; the leadership and auditors write none
        staff = getattr(request.user, "staff", None)
        own_units = [staff.unit] if staff is not None and staff.unit_id in writable_units else []
    else:
        own_units = list(Unit.objects.filter(id__in=writable_units).order_by("path"))
    versions = list(report.versions.defer("docx", "figures", "facts", "narrative").order_by("-number")) if full else []
    latest = report.versions.order_by("-number").only("id", "number", "figures").first() if full else None
    failures = []
    if latest is not None:
        for table in selectors.tables_of(latest.figures).values():
            failures += table.check()
    if narrative_form is None and full and report.is_editable and wf.INSPECTION in roles:
        narrative_form = inputs.NarrativeForm(initial={
            **report.narrative, "addressees": report.addressees, "recipients": report.recipients,
        })
    return {
        "report": report,
        "full": full,
        "contributions": contributions if full else [c for c in contributions if c.unit_id in writable_units],
        "own_units": own_units,
        "versions": versions,
        "latest": latest,
        "failures": failures,
        "form_codes": [(code, f.slug(code)) for code in f.FORM_CODES],
        "actions": [] if is_read_only(request.user) else wf.available(report.status, roles),
        "events": report.events.select_related("actor", "actor__staff") if full else [],
        "narrative_form": narrative_form,
        "today": timezone.localdate(),
    }


@login_required
def report_detail(request: HttpRequest, code: str) -> HttpResponse:
    report = _report(request, code)
    return render(request, "reports/report_detail.html", _detail_context(request, report))


@login_required
def contribution_edit(request: HttpRequest, code: str, unit_code: str) -> HttpResponse:
    report = _report(request, code)
    unit = get_object_or_404(selectors.contribution_units_for(request.user), code=unit_code)
    contribution = report.contributions.filter(unit=unit).first()
    if request.method == "POST" and not is_read_only(request.user):
        form = inputs.ContributionForm(request.POST)
        if form.is_valid():
            try:
                services.save_contribution(report=report, unit=unit, actor=request.user, submit="gui" in request.POST,
                                           **form.cleaned_data)
            except services.ReportRefused as exc:
                messages.error(request, _message(exc))
            else:
                messages.success(request, _("Đã lưu phần báo cáo của đơn vị."))
                return redirect(report)
    else:
        initial = {k: getattr(contribution, k) for k in ("results", "notable", "difficulties", "proposals")} \
            if contribution else {}
        form = inputs.ContributionForm(initial=initial)
    context = {"report": report, "unit": unit, "form": form, "contribution": contribution,
               "editable": report.status_enum in wf.CONTRIBUTABLE}
    return render(request, "reports/contribution_form.html", context)


@login_required
@require_POST
def report_narrative(request: HttpRequest, code: str) -> HttpResponse:
    report = _full_report(request, code)
    form = inputs.NarrativeForm(request.POST)
    if form.is_valid():
        try:
            services.update_narrative(report=report, actor=request.user, sections=form.sections,
                                      addressees=form.cleaned_data["addressees"],
                                      recipients=form.cleaned_data["recipients"])
        except services.ReportRefused as exc:
            messages.error(request, _message(exc))
        else:
            messages.success(request, _("Đã lưu nội dung dự thảo. Hãy tổng hợp lại để có phiên bản mới."))
            return redirect(report)
    return render(request, "reports/report_detail.html", _detail_context(request, report, form), status=422)


@login_required
@require_POST
def report_action(request: HttpRequest, code: str) -> HttpResponse:
    report = _full_report(request, code)
    form = inputs.ActionForm(request.POST)
    if not form.is_valid() or is_read_only(request.user):
        raise Http404
    action, note = form.cleaned_data["action"], form.cleaned_data["note"]
    try:
        if action == "compile":
            services.compile_report(report=report, actor=request.user)
        elif action == "submit":
            services.submit_report(report=report, actor=request.user, note=note)
        elif action == "approve":
            services.approve_report(report=report, actor=request.user, note=note)
        elif action == "return":
            services.return_report(report=report, actor=request.user, note=note)
        else:
            services.send_report(report=report, actor=request.user, on=timezone.localdate())
    except (services.ReportRefused, wf.TransitionRefused) as exc:
        messages.error(request, _message(exc))
    else:
        messages.success(request, _("Đã thực hiện: %(a)s.") % {
            "a": next(t.label_vi for t in wf.TRANSITIONS if t.action == action)})
    return redirect(report)


@login_required
def report_form(request: HttpRequest, code: str, form_slug: str) -> HttpResponse:
    report = _full_report(request, code)
    version = _version(report, request.GET.get("ban"))
    table = selectors.tables_of(version.figures).get(f.unslug(form_slug))
    if table is None:
        raise Http404
    context = {"report": report, "version": version, "table": table, "headers": f.header_rows(table.columns),
               "failures": table.check()}
    return render(request, "reports/form_table.html", context)


@login_required
def report_form_xlsx(request: HttpRequest, code: str, form_slug: str) -> HttpResponse:
    from tiepdan.documents.xlsx import xlsx_response

    report = _full_report(request, code)
    version = _version(report, request.GET.get("ban"))
    form_code = f.unslug(form_slug)
    stored = version.files.filter(form_code=form_code).first() if version.is_final else None
    if stored is not None:
        data = bytes(stored.data)
    else:
        table = selectors.tables_of(version.figures).get(form_code)
        if table is None:
            raise Http404
        data = nv.form_xlsx(table, agency_name=report.unit.agency.name)
    return xlsx_response(data, f"Biểu {form_slug} {report.code} v{version.number}.xlsx")


@login_required
def report_docx(request: HttpRequest, code: str, number: int) -> HttpResponse:
    from tiepdan.documents.http import DOCX, file_response

    report = _full_report(request, code)
    version = _version(report, str(number))
    if version.docx is None:
        messages.error(request, _("Phiên bản này chưa có tệp .docx (phân hệ văn bản chưa sẵn sàng khi tổng hợp)."))
        return redirect(report)
    return file_response(bytes(version.docx), f"Báo cáo {report.code} v{version.number}.docx", DOCX)


@login_required
def report_pdf(request: HttpRequest, code: str, number: int) -> HttpResponse:
    from tiepdan.documents.http import PDF, file_response

    report = _full_report(request, code)
    version = _version(report, str(number))
    try:
        from tiepdan.documents.pdf import PdfUnavailable, to_pdf
    except ImportError:
        messages.error(request, _("Chưa tạo được bản PDF: phân hệ văn bản chưa được cài đặt."))
        return redirect(report)
    if version.docx is None:
        messages.error(request, _("Phiên bản này chưa có tệp .docx để chuyển sang PDF."))
        return redirect(report)
    try:
        data = to_pdf(bytes(version.docx))
    except PdfUnavailable as exc:
        messages.error(request, str(exc).split(" / ")[0])
        return redirect(report)
    return file_response(data, f"Báo cáo {report.code} v{version.number}.pdf", PDF, inline=True)


@login_required
def report_regenerate(request: HttpRequest, code: str) -> HttpResponse:
    report = _full_report(request, code)
    try:
        result = services.regenerate(report=report)
    except services.ReportRefused as exc:
        messages.error(request, _message(exc))
        return redirect(report)
    return render(request, "reports/regenerate.html", {"report": report, "result": result})


# ---------------------------------------------------------------------------------------------
# Live figures and accountability


def _period_form(request) -> inputs.PeriodForm:
    data = request.GET if "ky" in request.GET else None
    return inputs.PeriodForm(data, today=timezone.localdate(), initial={"ky": "6M", "nam": timezone.localdate().year})


def _scope_units(request) -> list[int] | None:
    units = selectors.accountability_units_for(request.user)
    if units == []:
        raise Http404
    return units


@login_required
def statistics(request: HttpRequest) -> HttpResponse:
    unit_ids = _scope_units(request)
    form = _period_form(request)
    tables = []
    if form.is_bound and form.is_valid():
        p = form.period
        forms = selectors.compute_forms(p.start, p.end, unit_ids)
        tables = [(t, f.header_rows(t.columns), f.slug(t.code)) for t in forms.values()]
    context = {"form": form, "tables": tables, "query": request.GET.urlencode()}
    return render(request, "reports/statistics.html", context)


@login_required
def statistics_xlsx(request: HttpRequest, form_slug: str) -> HttpResponse:
    from tiepdan.documents.xlsx import xlsx_response

    unit_ids = _scope_units(request)
    form = inputs.PeriodForm(request.GET)
    if not form.is_valid():
        raise Http404
    p = form.period
    table = selectors.compute_forms(p.start, p.end, unit_ids).get(f.unslug(form_slug))
    if table is None:
        raise Http404
    return xlsx_response(nv.form_xlsx(table), f"Biểu {form_slug} {p.start:%d-%m-%Y} {p.end:%d-%m-%Y}.xlsx")


@login_required
def accountability(request: HttpRequest) -> HttpResponse:
    unit_ids = _scope_units(request)
    form = _period_form(request)
    scores, period = [], None
    if form.is_bound and form.is_valid():
        period = form.period
        scores = acc.rank(selectors.accountability_facts(period.start, period.end, unit_ids))
    return render(request, "reports/accountability.html", {
        "form": form, "scores": scores, "period": period, "query": request.GET.urlencode(),
        "weights": (acc.WEIGHT_LETTERS, acc.WEIGHT_CASES, acc.WEIGHT_RECEPTION, acc.OVERDUE_PENALTY),
    })


@login_required
def accountability_unit(request: HttpRequest, unit_code: str) -> HttpResponse:
    unit_ids = _scope_units(request)
    units = Unit.objects.all() if unit_ids is None else Unit.objects.filter(id__in=unit_ids)
    unit = get_object_or_404(units, code=unit_code)
    form = _period_form(request)
    if not (form.is_bound and form.is_valid()):
        form = inputs.PeriodForm({"ky": "6M", "nam": timezone.localdate().year})
        form.is_valid()
    p = form.period
    facts = selectors.accountability_facts(p.start, p.end, [unit.id])
    return render(request, "reports/accountability_unit.html", {
        "unit": unit, "period": p, "form": form, "score": acc.score(facts[0]) if facts else None,
        "drill": selectors.unit_drilldown(unit, p.start, p.end), "query": request.GET.urlencode(),
    })


# ---------------------------------------------------------------------------------------------
# Inspection records of heads' responsibility


def _check_units(day):
    return list(active_units(day).filter(kind__in=selectors.ACCOUNTABLE_KINDS).order_by("path"))


@login_required
def check_list(request: HttpRequest) -> HttpResponse:
    checks = selectors.checks_with_progress(request.user)
    if not (selectors.sees_all_reports(request.user) or "unit_head" in _roles(request)):
        raise Http404
    can_write = wf.INSPECTION in _roles(request) and not is_read_only(request.user)
    units = _check_units(timezone.localdate())
    form = inputs.CheckForm(units=units) if can_write else None
    if request.method == "POST":
        if not can_write:
            raise Http404
        form = inputs.CheckForm(request.POST, units=units)
        if form.is_valid():
            d = form.cleaned_data
            try:
                check = services.open_check(
                    actor=request.user, unit=next(u for u in units if u.code == d["unit"]),
                    period_start=d["period_start"], period_end=d["period_end"], checked_on=d["checked_on"],
                    decision_number=d["decision_number"],
                )
            except services.ReportRefused as exc:
                form.add_error(None, _message(exc))
            else:
                return redirect(check)
    return render(request, "reports/check_list.html", {
        "checks": checks[:200], "form": form,
    }, status=422 if form is not None and form.errors else 200)


def _check_context(request, check, **forms_) -> dict:
    can_write = wf.INSPECTION in _roles(request) and not is_read_only(request.user)
    units = _check_units(timezone.localdate()) if can_write else []
    staff = getattr(request.user, "staff", None)
    return {
        "check": check,
        "findings": check.findings.all(),
        "measures": check.measures.select_related("owner", "finding"),
        "can_write": can_write and check.status != "closed",
        "my_unit_id": staff.unit_id if staff else None,
        "is_head": "unit_head" in _roles(request),
        "finding_form": forms_.get("finding_form") or inputs.FindingForm(),
        "measure_form": forms_.get("measure_form") or inputs.MeasureForm(units=units),
        "conclusion_form": forms_.get("conclusion_form") or inputs.ConclusionForm(),
        "done_form": inputs.MeasureDoneForm(),
        "today": timezone.localdate(),
    }


@login_required
def check_detail(request: HttpRequest, code: str) -> HttpResponse:
    check = get_object_or_404(selectors.checks_visible_to(request.user), code=code)
    return render(request, "reports/check_detail.html", _check_context(request, check))


@login_required
@require_POST
def check_act(request: HttpRequest, code: str, step: str) -> HttpResponse:
    check = get_object_or_404(selectors.checks_visible_to(request.user), code=code)
    today = timezone.localdate()
    forms_ = {}
    try:
        if step == "phat-hien":
            form = forms_["finding_form"] = inputs.FindingForm(request.POST)
            if form.is_valid():
                services.add_finding(check=check, actor=request.user, **form.cleaned_data)
        elif step == "kien-nghi":
            units = _check_units(today)
            form = forms_["measure_form"] = inputs.MeasureForm(request.POST, units=units)
            if form.is_valid():
                d = form.cleaned_data
                services.add_measure(check=check, actor=request.user, recommendation=d["recommendation"],
                                     owner=next(u for u in units if u.code == d["owner"]), due_on=d["due_on"])
        elif step == "ket-luan":
            form = forms_["conclusion_form"] = inputs.ConclusionForm(request.POST)
            if form.is_valid():
                services.conclude_check(check=check, actor=request.user, on=today, **form.cleaned_data)
        else:
            raise Http404
    except services.ReportRefused as exc:
        messages.error(request, _message(exc))
        return redirect(check)
    if form.errors:
        return render(request, "reports/check_detail.html", _check_context(request, check, **forms_), status=422)
    messages.success(request, _("Đã ghi nhận."))
    return redirect(check)


@login_required
@require_POST
def measure_done(request: HttpRequest, code: str, measure_id: int) -> HttpResponse:
    check = get_object_or_404(selectors.checks_visible_to(request.user), code=code)
    measure = get_object_or_404(CheckMeasure.objects.filter(check_record=check), pk=measure_id)
    form = inputs.MeasureDoneForm(request.POST)
    if form.is_valid():
        try:
            services.complete_measure(measure=measure, actor=request.user, on=timezone.localdate(),
                                      result=form.cleaned_data["result"])
        except services.ReportRefused as exc:
            messages.error(request, _message(exc))
        else:
            messages.success(request, _("Đã ghi nhận hoàn thành biện pháp khắc phục."))
    else:
        messages.error(request, _("Hãy ghi kết quả thực hiện."))
    return redirect(check)

