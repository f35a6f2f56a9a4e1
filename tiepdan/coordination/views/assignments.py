"""Assignment of letters and cases: assign, transfer, comment, history."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tiepdan.coordination import forms, policies, selectors, services
from tiepdan.coordination.views import common
from tiepdan.coordination.views.common import (
    _apply,
    _download,
    _page,
    _require,
    _submit,
    _today,
    _units,
)

# --- assignments -------------------------------------------------------------------------------


@login_required
def assignment_list(request: HttpRequest) -> HttpResponse:
    qs = selectors.assignments_visible_to(request.user)
    if request.GET.get("cua-toi"):
        qs = qs.filter(handler=request.user)
    page = _page(request, qs)
    flags = selectors.over_level_flags(
        letters=[a.letter for a in page if a.letter_id], cases=[a.case for a in page if a.case_id]
    )
    over_level = {a.pk for a in page if ("case", a.case_id) in flags or ("letter", a.letter_id) in flags}
    return render(
        request,
        "coordination/assignment_list.html",
        {
            "page": page,
            "over_level": over_level,
            "unassigned": selectors.unassigned(request.user, limit=20),
            "today": _today(),
        },
    )


def _subject_or_404(request, kind: str, code: str):
    subject = selectors.subject_for(request.user, kind, code)
    if subject is None:
        raise Http404
    return subject


def _assignment_context(request, kind, subject, **extra):
    from auditlog.models import LogEntry

    from tiepdan.coordination.models import Assignment

    today = _today()
    assignment = (
        Assignment.objects.filter(**{"case" if kind == "vu-viec" else "letter": subject})
        .select_related("lead_unit", "handler__staff")
        .prefetch_related("coordinating_units")
        .first()
    )
    lead_unit = assignment.lead_unit if assignment else subject.unit
    units = _units(request)
    limit = services.internal_limit_for(subject, on=today)
    initial = {
        "handler": assignment.handler_id if assignment else getattr(subject, "handler_id", None),
        "coordinating_units": list(assignment.coordinating_units.all()) if assignment else [],
        "internal_due_on": (assignment.internal_due_on if assignment else None) or limit.suggested,
    }
    audit = []
    if assignment is not None:
        audit = LogEntry.objects.get_for_object(assignment).select_related("actor")[:50]
    return {
        "kind": kind,
        "subject": subject,
        "issued": _issued_documents(subject),
        "assignment": assignment,
        "lead_unit": lead_unit,
        "limit": limit,
        "events": assignment.events.select_related("actor__staff", "from_unit", "to_unit") if assignment else [],
        "audit": audit,
        "can_assign": policies.may_assign(request.user, lead_unit.pk),
        "can_comment": policies.may_comment(request.user) and assignment is not None,
        "assign_form": extra.pop("assign_form", None)
        or forms.AssignmentForm(initial=initial, lead_unit=lead_unit, units=units),
        "transfer_form": extra.pop("transfer_form", None) or forms.TransferForm(units=units.exclude(pk=lead_unit.pk)),
        "comment_form": extra.pop("comment_form", None) or forms.CommentForm(),
        "today": today,
        **extra,
    }


def _issued_documents(subject) -> list:
    """Documents the agency issued about the subject (the documents app is optional here)."""
    try:
        from tiepdan.documents.selectors import documents_for
    except ImportError:
        return []
    return list(documents_for(subject)[:20])


@login_required
def assignment_detail(request: HttpRequest, kind: str, code: str) -> HttpResponse:
    subject = _subject_or_404(request, kind, code)
    return render(request, "coordination/assignment_detail.html", _assignment_context(request, kind, subject))


@login_required
@require_POST
def assignment_assign(request: HttpRequest, kind: str, code: str) -> HttpResponse:
    subject = _subject_or_404(request, kind, code)
    context = _assignment_context(request, kind, subject)
    _require(context["can_assign"])
    form = forms.AssignmentForm(request.POST, lead_unit=context["lead_unit"], units=_units(request))
    return _submit(
        request,
        form,
        lambda d: services.assign(
            subject=subject,
            actor=request.user,
            on=_today(),
            handler=d["handler"],
            internal_due_on=d["internal_due_on"],
            coordinating_units=list(d["coordinating_units"]),
            now=common._now(),
        ),
        success=_("Đã lưu phân công."),
        done=lambda assignment: redirect(assignment.get_absolute_url()),
        template="coordination/assignment_detail.html",
        context=lambda: {**context, "assign_form": form},
    )


@login_required
@require_POST
def assignment_transfer(request: HttpRequest, kind: str, code: str) -> HttpResponse:
    subject = _subject_or_404(request, kind, code)
    context = _assignment_context(request, kind, subject)
    assignment = context["assignment"]
    if assignment is None:
        raise Http404
    _require(context["can_assign"])
    form = forms.TransferForm(request.POST, units=_units(request))
    done = _apply(
        request,
        form,
        lambda d: services.transfer(
            assignment=assignment, to_unit=d["to_unit"], reason=d["reason"], actor=request.user, now=common._now()
        ),
    )
    if done is not None:
        messages.success(request, _("Đã chuyển đơn vị chủ trì."))
        # The user may no longer see the subject once it left the unit: back to the list.
        if selectors.subject_for(request.user, kind, code) is None:
            return redirect("coordination:assignment_list")
        return redirect(done.get_absolute_url())
    context["transfer_form"] = form
    return render(request, "coordination/assignment_detail.html", context, status=422)


@login_required
@require_POST
def assignment_comment(request: HttpRequest, kind: str, code: str) -> HttpResponse:
    subject = _subject_or_404(request, kind, code)
    context = _assignment_context(request, kind, subject)
    assignment = context["assignment"]
    if assignment is None:
        raise Http404
    _require(context["can_comment"])
    form = forms.CommentForm(request.POST, request.FILES)
    return _submit(
        request,
        form,
        lambda d: services.add_comment(
            assignment=assignment,
            actor=request.user,
            text=d["text"],
            document_number=d["document_number"],
            attachment=d["attachment"],
            now=common._now(),
        ),
        done=lambda event: redirect(assignment.get_absolute_url()),
        template="coordination/assignment_detail.html",
        context=lambda: {**context, "comment_form": form},
    )


@login_required
def assignment_file(request: HttpRequest, pk: int) -> HttpResponse:
    from tiepdan.coordination.models import AssignmentEvent

    event = get_object_or_404(
        AssignmentEvent.objects.filter(assignment__in=selectors.assignments_visible_to(request.user)), pk=pk
    )
    return _download(event.attachment)
