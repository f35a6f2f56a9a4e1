"""Views of the reception desk: parse, call one service or selector, render. Rules live in services."""

from __future__ import annotations

from datetime import date
from itertools import islice

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tiepdan.audit.services import client_ip
from tiepdan.documents.selectors import documents_for
from tiepdan.documents.xlsx import xlsx_response
from tiepdan.org.models import Domain
from tiepdan.org.selectors import active_units, staff_of, units_visible_to
from tiepdan.people.policies import sees_denouncer_identity
from tiepdan.people.selectors import lookup_returning_citizens
from tiepdan.reception import policies, selectors, services
from tiepdan.reception.book import FORM03_COLUMNS, book_row
from tiepdan.reception.export import book_xlsx
from tiepdan.reception.forms import (
    AcknowledgeForm,
    AnswerForm,
    BookFilterForm,
    ConclusionForm,
    CorrectionForm,
    IncidentForm,
    SessionPlanForm,
    SessionResultForm,
    TaskFormSet,
    VisitForm,
    VisitorFormSet,
    add_errors,
)
from tiepdan.reception.models import ConclusionTask, ReceptionSession, SessionStatus
from tiepdan.reception.schedule import STATE_LABELS
from tiepdan.reception.services import identity
from tiepdan.reception.services.documents import issue_receipt, issue_refusal_notice, issue_visit_record


def _staff(request: HttpRequest):
    staff = staff_of(request.user)
    if staff is None:
        raise PermissionDenied
    return staff


def _documents_of(subject) -> list:
    return list(documents_for(subject))


# --- the reception book ----------------------------------------------------------------------------------


def _book_filters(request: HttpRequest):
    staff = staff_of(request.user)
    province = staff.unit.agency.province_code if staff else None
    form = BookFilterForm(
        request.GET or None, units=units_visible_to(request.user), officers=selectors.book_officers(request.user),
        province=province,
    )
    if form.is_bound:
        form.is_valid()
    return form, form.to_filters()


@login_required
def visit_list(request: HttpRequest) -> HttpResponse:
    form, filters = _book_filters(request)
    page = Paginator(selectors.reception_book(request.user, filters), 50).get_page(request.GET.get("trang"))
    reveal = sees_denouncer_identity(request.user)
    visits = list(page.object_list)
    shown = identity.reveal_identities(visits=visits, user=request.user, purpose="Sổ tiếp công dân",
                                       ip=client_ip(request)) if reveal else {}
    rows = [(v, book_row(page.start_index() + i, v, reveal=reveal, identities=shown.get(v.pk)))
            for i, v in enumerate(visits)]
    query = request.GET.copy()
    query.pop("trang", None)
    return render(request, "reception/visit_list.html", {
        "form": form, "page": page, "rows": rows, "columns": FORM03_COLUMNS, "query": query.urlencode(),
        "can_record": policies.may_record_visits(request.user), "filters": filters,
    })


@login_required
def visit_export(request: HttpRequest) -> HttpResponse:
    _form, filters = _book_filters(request)
    reveal = sees_denouncer_identity(request.user)
    visits = selectors.reception_book(request.user, filters)
    ip = client_ip(request)

    def rows():
        number = 0
        stream = visits.iterator(chunk_size=2000)
        while chunk := list(islice(stream, 500)):
            # Each chunk's denouncers are decrypted (and logged, one insert) only for a user allowed.
            shown = identity.reveal_identities(visits=chunk, user=request.user, purpose="Xuất sổ tiếp công dân",
                                               ip=ip) if reveal else {}
            for visit in chunk:
                number += 1
                yield book_row(number, visit, reveal=reveal, identities=shown.get(visit.pk))

    period = " – ".join(d.strftime("%d/%m/%Y") for d in (filters.start, filters.end) if d)
    title = _("SỔ TIẾP CÔNG DÂN") + (f" ({period})" if period else "")
    data = book_xlsx(title=title, rows=rows())
    name = "Sổ tiếp công dân" + "".join(f" {d:%d-%m-%Y}" for d in (filters.start, filters.end) if d)
    return xlsx_response(data, name)


# --- a new visit -------------------------------------------------------------------------------------------


def _visit_form(request: HttpRequest, staff):
    agency = staff.unit.agency
    return VisitForm(
        request.POST or None, agency_id=agency.pk, province=agency.province_code, today=timezone.localdate(),
        leaders=selectors.leaders_of(agency.pk), domains=Domain.objects.filter(agency=agency, active=True),
    )


@login_required
def visit_new(request: HttpRequest) -> HttpResponse:
    staff = _staff(request)
    if not policies.may_record_visits(request.user):
        raise PermissionDenied
    form = _visit_form(request, staff)
    formset = VisitorFormSet(request.POST or None, prefix="visitor",
                             form_kwargs={"province": staff.unit.agency.province_code})
    if request.method == "POST":
        valid = form.is_valid() & formset.is_valid()
        data = form.to_input([row.to_input() for row in formset.forms])
        if valid:
            try:
                visits = services.record_visit(data=data, actor=request.user)
            except ValidationError as exc:
                add_errors(form, exc, formsets={"visitor": formset})
            else:
                if len(visits) > 1:
                    messages.success(
                        request, _("Đã ghi %(n)s lượt tiếp (tách theo loại nội dung).") % {"n": len(visits)}
                    )
                else:
                    messages.success(request, _("Đã ghi lượt tiếp vào sổ."))
                if visits[0].is_mass:
                    messages.info(request, _("Đoàn đông người: đã báo ngay Lãnh đạo Sở và bộ phận thanh tra."))
                return redirect(visits[0])
        else:
            # Show the rule problems too (representatives, split...), beside what failed to parse.
            problems = services.validate_visit(data=data, actor=request.user)
            problems = {k: v for k, v in problems.items() if k not in form.errors}
            if problems:
                add_errors(form, ValidationError(problems), formsets={"visitor": formset})
    return render(request, "reception/visit_form.html", {
        "form": form, "formset": formset, "staff": staff,
    }, status=422 if request.method == "POST" else 200)


@login_required
def citizen_lookup(request: HttpRequest) -> HttpResponse:
    """htmx: the returning citizens matching an ID number, a phone or a name, with their history."""
    if not policies.may_record_visits(request.user):
        raise PermissionDenied
    query = request.GET.get("q", "")
    citizens = lookup_returning_citizens(request.user, query)
    # A returning denouncer is matched by blind index, and shown only to those who may see a denouncer.
    denouncers = selectors.returning_denouncers(request.user, query, ip=client_ip(request))
    return render(request, "reception/_lookup.html", {"citizens": citizens, "denouncers": denouncers, "q": query})


# --- one visit -----------------------------------------------------------------------------------------------


def _revealed(request: HttpRequest, visit, page, purpose: str) -> bool:
    """Whether the user sees the visitors of `visit`; a denunciation's are decrypted here, through the
    logged reveal, into `page.denouncers` and `page.original_content`. Split parts that would tie a
    masked denouncer to a named citizen are left out of the page (TC-CONFID)."""
    reveal = policies.may_see_identity(request.user, visit)
    if visit.is_denunciation and reveal:
        shown = identity.reveal_visit(visit=visit, user=request.user, purpose=purpose, ip=client_ip(request))
        page.denouncers, page.original_content = shown.identities, shown.content
    if not policies.may_see_denouncers(request.user):
        page.parts = [part for part in page.parts if not (part.is_denunciation or visit.is_denunciation)]
    return reveal


def _detail_context(request: HttpRequest, visit, **forms) -> dict:
    page = selectors.visit_page(visit)
    can_record = policies.may_record_visits(request.user)
    return {
        "visit": visit, "p": page, "reveal": _revealed(request, visit, page, "Xem lượt tiếp"),
        "can_record": can_record,
        "can_incident": policies.may_record_incidents(request.user),
        "can_answer": can_record and any(d.rule_id == "TCD-ANSWER-10" and d.is_open for d in page.deadlines),
        "documents": _documents_of(visit),
        "incident_form": forms.get("incident_form") or IncidentForm(),
        "answer_form": forms.get("answer_form") or AnswerForm(),
    }


@login_required
def visit_detail(request: HttpRequest, code: str) -> HttpResponse:
    visit = get_object_or_404(selectors.visits_visible_to(request.user), code=code)
    return render(request, "reception/visit_detail.html", _detail_context(request, visit))


@login_required
@require_POST
def visit_answer(request: HttpRequest, code: str) -> HttpResponse:
    visit = get_object_or_404(selectors.visits_visible_to(request.user), code=code)
    if not policies.may_record_visits(request.user):
        raise PermissionDenied
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.record_answer(visit=visit, actor=request.user, on=form.cleaned_data["on"],
                                   today=timezone.localdate(), note=form.cleaned_data["note"])
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi nhận việc trả lời công dân."))
            return redirect(visit)
    return render(request, "reception/visit_detail.html", _detail_context(request, visit, answer_form=form),
                  status=422)


@login_required
def visit_edit(request: HttpRequest, code: str) -> HttpResponse:
    visit = get_object_or_404(selectors.visits_visible_to(request.user), code=code)
    if not policies.may_record_visits(request.user):
        raise PermissionDenied
    agency = visit.unit.agency
    form = CorrectionForm(
        request.POST or None, initial=CorrectionForm.initial_for(visit),
        domains=Domain.objects.filter(agency=agency), province=agency.province_code,
    )
    if request.method == "POST" and form.is_valid():
        try:
            correction = services.correct_visit(
                visit=visit, actor=request.user, reason=form.cleaned_data["reason"], changes=form.changes(),
                ip=client_ip(request),
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            if correction is None:
                messages.info(request, _("Không có thay đổi."))
            else:
                messages.success(request, _("Đã sửa; nội dung trước khi sửa được lưu lại."))
            return redirect(visit)
    return render(request, "reception/visit_edit.html", {"visit": visit, "form": form},
                  status=422 if form.errors else 200)


_DOCUMENT_ISSUERS = {"bien-nhan": issue_receipt, "bien-ban": issue_visit_record, "tu-choi": issue_refusal_notice}


@login_required
@require_POST
def visit_document(request: HttpRequest, code: str, kind: str) -> HttpResponse:
    visit = get_object_or_404(selectors.visits_visible_to(request.user), code=code)
    issuer = _DOCUMENT_ISSUERS.get(kind)
    if issuer is None:
        raise Http404
    try:
        document = issuer(visit=visit, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã lập văn bản %(t)s.") % {"t": document.title})
    return redirect(visit)


# --- mass visits -----------------------------------------------------------------------------------------


def _mass_visit(request: HttpRequest, code: str):
    return get_object_or_404(selectors.mass_visits_visible_to(request.user), code=code)


def _mass_context(request: HttpRequest, visit, *, ack_form=None, incident_form=None) -> dict:
    page = selectors.visit_page(visit)
    acked = any(a.user_id == request.user.pk for a in page.acknowledgements)
    return {
        "visit": visit, "p": page, "reveal": _revealed(request, visit, page, "Xem tóm tắt đoàn đông người"),
        "can_acknowledge": policies.may_acknowledge_mass_visits(request.user) and not acked,
        "acknowledged": acked,
        "can_incident": policies.may_record_incidents(request.user),
        "ack_form": ack_form or AcknowledgeForm(), "incident_form": incident_form or IncidentForm(),
    }


@login_required
def mass_summary(request: HttpRequest, code: str) -> HttpResponse:
    visit = _mass_visit(request, code)
    return render(request, "reception/mass_summary.html", _mass_context(request, visit))


@login_required
@require_POST
def mass_acknowledge(request: HttpRequest, code: str) -> HttpResponse:
    visit = _mass_visit(request, code)
    form = AcknowledgeForm(request.POST)
    form.is_valid()
    services.acknowledge_mass_visit(visit=visit, actor=request.user, note=form.cleaned_data.get("note", ""))
    messages.success(request, _("Đã ghi nhận: đã nắm thông tin đoàn đông người."))
    return redirect("reception:mass_summary", code=visit.code)


@login_required
@require_POST
def incident_new(request: HttpRequest, code: str) -> HttpResponse:
    visit = get_object_or_404(
        selectors.visits_visible_to(request.user) | selectors.mass_visits_visible_to(request.user), code=code
    )
    if not policies.may_record_incidents(request.user):
        raise PermissionDenied
    form = IncidentForm(request.POST)
    if form.is_valid():
        try:
            services.record_incident(visit=visit, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi nhận sự việc tại nơi tiếp công dân."))
            return redirect("reception:mass_summary" if visit.is_mass else "reception:visit_detail", code=visit.code)
    if visit.is_mass:
        return render(request, "reception/mass_summary.html", _mass_context(request, visit, incident_form=form),
                      status=422)
    return render(request, "reception/visit_detail.html", _detail_context(request, visit, incident_form=form),
                  status=422)


# --- the heads' reception schedule ---------------------------------------------------------------------


def _require_schedule(request: HttpRequest):
    staff = _staff(request)
    if not policies.may_view_schedule(request.user):
        raise PermissionDenied
    return staff


def _year(request: HttpRequest, today: date) -> int:
    try:
        year = int(request.GET.get("nam", today.year))
    except ValueError:
        return today.year
    return year if 2014 <= year <= today.year + 2 else today.year


def _schedule_context(request: HttpRequest, staff, *, plan_form=None) -> dict:
    today = timezone.localdate()
    year = _year(request, today)
    agency = staff.unit.agency
    hosts = [s for s in selectors.leaders_of(agency.pk) if s.position and s.position.reception_rule]
    return {
        "year": year, "today": today, "rows": selectors.head_schedule(agency, year, today),
        "sessions": selectors.sessions_of_year(request.user, year),
        "can_manage": policies.may_manage_schedule(request.user),
        "plan_form": plan_form or SessionPlanForm(hosts=hosts), "state_labels": STATE_LABELS,
    }


@login_required
def schedule(request: HttpRequest) -> HttpResponse:
    staff = _require_schedule(request)
    return render(request, "reception/schedule.html", _schedule_context(request, staff))


@login_required
@require_POST
def session_new(request: HttpRequest) -> HttpResponse:
    staff = _require_schedule(request)
    if not policies.may_manage_schedule(request.user):
        raise PermissionDenied
    hosts = [s for s in selectors.leaders_of(staff.unit.agency_id) if s.position and s.position.reception_rule]
    form = SessionPlanForm(request.POST, hosts=hosts)
    if form.is_valid():
        d = form.cleaned_data
        try:
            session = services.plan_session(
                actor=request.user, host=form.host_staff(), planned_on=d["planned_on"], place=d["place"],
                published=d["published"], note=d["note"],
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            day = session.planned_on.strftime("%d/%m/%Y")
            messages.success(request, _("Đã lên lịch tiếp ngày %(d)s.") % {"d": day})
            return redirect(f"{reverse('reception:schedule')}?nam={session.planned_on.year}")
    return render(request, "reception/schedule.html", _schedule_context(request, staff, plan_form=form), status=422)


def _session(request: HttpRequest, code: str) -> ReceptionSession:
    _require_schedule(request)
    return get_object_or_404(selectors.sessions_visible_to(request.user), code=code)


def _session_context(request: HttpRequest, session: ReceptionSession, *, result_form=None, conclusion_form=None,
                     task_formset=None) -> dict:
    agency_id = session.unit.agency_id
    leaders = list(selectors.leaders_of(agency_id))
    visits = list(selectors.session_visits(session))
    units = list(active_units(session.planned_on).filter(agency_id=agency_id).order_by("path"))
    reveal = sees_denouncer_identity(request.user)
    shown = identity.reveal_identities(visits=visits, user=request.user, purpose="Xem buổi tiếp định kỳ",
                                       ip=client_ip(request)) if reveal else {}
    conclusion = selectors.conclusion_of(session)
    return {
        "session": session,
        "visits": [(v, book_row(i, v, reveal=reveal, identities=shown.get(v.pk))) for i, v in enumerate(visits, 1)],
        "can_manage": policies.may_manage_schedule(request.user),
        "result_form": result_form or SessionResultForm(leaders=leaders, initial={
            "status": SessionStatus.HELD, "actual_host": session.host_id, "host_role": "head",
        }),
        "conclusion": conclusion,
        "tasks": list(selectors.tasks_of(session)),
        "conclusion_form": conclusion_form or ConclusionForm(leaders=leaders, initial={
            "issued_on": timezone.localdate(), "signer": session.actual_host_id or session.host_id,
        }),
        "task_formset": task_formset or TaskFormSet(prefix="task", form_kwargs={"units": units, "visits": visits}),
        "legal_due": services.legal_task_due(session, None),
        "documents": _documents_of(conclusion) if conclusion else [],
        "today": timezone.localdate(),
    }


@login_required
def session_detail(request: HttpRequest, code: str) -> HttpResponse:
    session = _session(request, code)
    return render(request, "reception/session_detail.html", _session_context(request, session))


@login_required
@require_POST
def session_result(request: HttpRequest, code: str) -> HttpResponse:
    session = _session(request, code)
    if not policies.may_manage_schedule(request.user):
        raise PermissionDenied
    form = SessionResultForm(request.POST, leaders=list(selectors.leaders_of(session.unit.agency_id)))
    if form.is_valid():
        try:
            services.record_session_result(
                session=session, actor=request.user, status=form.cleaned_data["status"],
                actual_host=form.actual_host_staff(), host_role=form.cleaned_data["host_role"],
                note=form.cleaned_data["note"], today=timezone.localdate(),
            )
        except ValidationError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi kết quả buổi tiếp."))
            return redirect(session)
    return render(request, "reception/session_detail.html", _session_context(request, session, result_form=form),
                  status=422)


@login_required
@require_POST
def session_publish(request: HttpRequest, code: str) -> HttpResponse:
    session = _session(request, code)
    if not policies.may_manage_schedule(request.user):
        raise PermissionDenied
    services.publish_session(session=session, actor=request.user, published=request.POST.get("published") == "1")
    return redirect(session)


@login_required
@require_POST
def conclusion_new(request: HttpRequest, code: str) -> HttpResponse:
    session = _session(request, code)
    if not policies.may_manage_schedule(request.user):
        raise PermissionDenied
    agency_id = session.unit.agency_id
    leaders = list(selectors.leaders_of(agency_id))
    units = list(active_units(session.planned_on).filter(agency_id=agency_id).order_by("path"))
    visits = list(selectors.session_visits(session))
    form = ConclusionForm(request.POST, leaders=leaders)
    tasks = TaskFormSet(request.POST, prefix="task", form_kwargs={"units": units, "visits": visits})
    if form.is_valid() & tasks.is_valid():
        task_inputs = [f.to_input() for f in tasks.forms if not f.is_blank()]
        try:
            services.issue_conclusion_notice(
                session=session, actor=request.user, conclusion=form.cleaned_data["conclusion"],
                signer=form.signer_staff(), issued_on=form.cleaned_data["issued_on"], today=timezone.localdate(),
                tasks=task_inputs,
            )
        except ValidationError as exc:
            _map_task_errors(exc, tasks, [i for i, f in enumerate(tasks.forms) if not f.is_blank()])
            add_errors(form, ValidationError({k: v for k, v in exc.message_dict.items() if not k.startswith("task-")}))
        else:
            messages.success(request, _("Đã ban hành thông báo kết luận tiếp công dân."))
            return redirect(session)
    return render(request, "reception/session_detail.html",
                  _session_context(request, session, conclusion_form=form, task_formset=tasks), status=422)


def _map_task_errors(exc: ValidationError, formset, positions: list[int]) -> None:
    """Task errors are keyed by the index among the non-blank rows; put each on its row of the form."""
    for key, messages_ in exc.message_dict.items():
        if not key.startswith("task-"):
            continue
        _prefix, index, name = key.split("-", 2)
        row = formset.forms[positions[int(index)]]
        for message in messages_:
            row.add_error(name if name in row.fields else None, message)


@login_required
@require_POST
def task_done(request: HttpRequest, pk: int) -> HttpResponse:
    _require_schedule(request)
    task = get_object_or_404(
        ConclusionTask.objects.filter(notice__session__in=selectors.sessions_visible_to(request.user)), pk=pk
    )
    if not policies.may_manage_schedule(request.user):
        raise PermissionDenied
    services.complete_task(task=task, actor=request.user, on=timezone.localdate())
    return redirect(task.notice.session)
