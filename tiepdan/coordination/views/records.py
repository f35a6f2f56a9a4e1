"""Over-level events, mediation and dialogue, legal dissemination and its library, lessons learned."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tiepdan.coordination import forms, policies, selectors, services
from tiepdan.coordination.models import (
    LegalText,
    OverLevel,
)
from tiepdan.coordination.views.common import (
    _download,
    _files,
    _my_units,
    _page,
    _posted,
    _require,
    _submit,
    _today,
    _units,
)

# --- over-level --------------------------------------------------------------------------------


@login_required
def over_level_list(request: HttpRequest) -> HttpResponse:
    qs = selectors.over_level_visible_to(request.user)
    return render(
        request,
        "coordination/over_level_list.html",
        {"page": _page(request, qs), "counts": selectors.over_level_counts(request.user), "levels": OverLevel},
    )


def _visible_by_code(request, code: str, kind: str, field: str):
    if not code:
        return None
    subject = selectors.subject_for(request.user, kind, code)
    if subject is None:
        raise services.Refused(_("Không tìm thấy mã này trong phạm vi bạn được xem."), field=field)
    return subject


@login_required
def over_level_new(request: HttpRequest) -> HttpResponse:
    _require(policies.may_write(request.user))
    form = forms.OverLevelForm(_posted(request), units=_my_units(request), initial={"occurred_on": _today()})
    return _submit(
        request,
        form,
        lambda d: services.record_over_level(
            actor=request.user,
            unit=d["unit"],
            level=d["level"],
            body=d["body"],
            occurred_on=d["occurred_on"],
            matter=d["matter"],
            head_count=d["head_count"],
            case=_visible_by_code(request, d["case_code"], "vu-viec", "case_code"),
            letter=_visible_by_code(request, d["letter_code"], "don", "letter_code"),
            returned_letter=_visible_by_code(request, d["returned_letter_code"], "don", "returned_letter_code"),
            note=d["note"],
        ),
        success=_("Đã ghi nhận vụ việc vượt cấp."),
        done=lambda event: redirect("coordination:over_level_list"),
        **_form_page(form, _("Ghi nhận vụ việc vượt cấp")),
    )


def _form_page(form, title: str, multipart: bool = False) -> dict:
    """The arguments of `_submit` for the shared page of a record's form."""
    return {
        "template": "coordination/form_page.html",
        "context": lambda: {"form": form, "title": title, "multipart": multipart},
    }


# --- mediation and dialogue --------------------------------------------------------------------


@login_required
def mediation_list(request: HttpRequest) -> HttpResponse:
    qs = selectors.mediations_visible_to(request.user)
    return render(request, "coordination/mediation_list.html", {"page": _page(request, qs)})


@login_required
def mediation_new(request: HttpRequest) -> HttpResponse:
    _require(policies.may_write(request.user))
    form = forms.MediationForm(_posted(request), units=_my_units(request))
    return _submit(
        request,
        form,
        lambda d: services.record_mediation(
            actor=request.user,
            kind=d["kind"],
            organiser_unit=d["organiser_unit"],
            held_on=d["held_on"],
            place=d["place"],
            matter=d["matter"],
            participants=d["participants"],
            case=_visible_by_code(request, d["case_code"], "vu-viec", "case_code"),
            director_attends=d["director_attends"],
            notice_sent_on=d["notice_sent_on"],
            minutes=d["minutes"],
            outcome=d["outcome"],
        ),
        done=lambda session: redirect(session.get_absolute_url()),
        **_form_page(form, _("Ghi nhận buổi hòa giải, đối thoại")),
    )


@login_required
def mediation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(selectors.mediations_visible_to(request.user), pk=pk)
    return render(request, "coordination/mediation_detail.html", {"session": session})


# --- legal dissemination -----------------------------------------------------------------------


@login_required
def dissemination_list(request: HttpRequest) -> HttpResponse:
    qs = selectors.dissemination_visible_to(request.user)
    return render(request, "coordination/dissemination_list.html", {"page": _page(request, qs)})


@login_required
def dissemination_new(request: HttpRequest) -> HttpResponse:
    _require(policies.may_write(request.user))
    form = forms.DisseminationForm(_posted(request), _files(request), units=_my_units(request))
    return _submit(
        request,
        form,
        lambda d: services.record_dissemination(actor=request.user, **d),
        success=_("Đã ghi nhận buổi tuyên truyền, phổ biến pháp luật."),
        done=lambda session: redirect("coordination:dissemination_list"),
        **_form_page(form, _("Ghi nhận buổi tuyên truyền, phổ biến pháp luật"), multipart=True),
    )


@login_required
def dissemination_file(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(selectors.dissemination_visible_to(request.user), pk=pk)
    return _download(session.attachment)


@login_required
def legal_library(request: HttpRequest) -> HttpResponse:
    qs = selectors.legal_texts_visible_to(request.user)
    if request.GET.get("ke-hoach"):
        qs = qs.filter(in_plan=True)
    return render(request, "coordination/legal_library.html", {"texts": qs, "statuses": LegalText})


# --- lessons learned ---------------------------------------------------------------------------


@login_required
def review_list(request: HttpRequest) -> HttpResponse:
    qs = selectors.reviews_visible_to(request.user)
    return render(request, "coordination/review_list.html", {"page": _page(request, qs)})


@login_required
def review_new(request: HttpRequest) -> HttpResponse:
    _require(policies.may_write(request.user))
    form = forms.ReviewForm(_posted(request), units=_my_units(request))
    return _submit(
        request,
        form,
        lambda d: services.create_review(
            actor=request.user,
            unit=d["unit"],
            title=d["title"],
            held_on=d["held_on"],
            what_happened=d["what_happened"],
            went_well=d["went_well"],
            went_badly=d["went_badly"],
            period=d["period"],
            case=_visible_by_code(request, d["case_code"], "vu-viec", "case_code"),
        ),
        done=lambda review: redirect(review.get_absolute_url()),
        **_form_page(form, _("Rút kinh nghiệm")),
    )


def _review_context(request, review, **extra):
    return {
        "review": review,
        "tasks": review.tasks.select_related("owner_unit", "owner__staff"),
        "today": _today(),
        "can_add": policies.may_add_actions(request.user, review.unit_id),
        "task_form": extra.pop("task_form", None) or forms.TaskForm(units=_units(request), users=forms.staff_users()),
    }


@login_required
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    review = get_object_or_404(selectors.reviews_visible_to(request.user), pk=pk)
    return render(request, "coordination/review_detail.html", _review_context(request, review))


@login_required
@require_POST
def review_measure(request: HttpRequest, pk: int) -> HttpResponse:
    review = get_object_or_404(selectors.reviews_visible_to(request.user), pk=pk)
    _require(policies.may_add_actions(request.user, review.unit_id))
    form = forms.TaskForm(request.POST, units=_units(request), users=forms.staff_users())
    return _submit(
        request,
        form,
        lambda d: services.add_task(actor=request.user, on=_today(), spec=form.task_inputs()[0], review=review),
        done=lambda task: redirect(review.get_absolute_url()),
        template="coordination/review_detail.html",
        context=lambda: _review_context(request, review, task_form=form),
    )
