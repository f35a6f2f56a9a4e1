from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from tiepdan.people import geo, services
from tiepdan.people.forms import CitizenForm, add_service_errors
from tiepdan.people.policies import may_edit_citizens, may_merge_citizens
from tiepdan.people.selectors import citizen_history, citizens_visible_to, merge_candidates, search_citizens


@login_required
def citizen_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    qs = search_citizens(citizens_visible_to(request.user), query).order_by("search_name", "id")
    page = Paginator(qs, 50).get_page(request.GET.get("trang"))
    return render(
        request, "people/citizen_list.html",
        {"page": page, "q": query, "can_edit": may_edit_citizens(request.user)},
    )


@login_required
def citizen_detail(request: HttpRequest, pk: int) -> HttpResponse:
    citizen = get_object_or_404(citizens_visible_to(request.user, include_merged=True), pk=pk)
    if citizen.merged_into_id:
        messages.info(request, _("Hồ sơ này đã được gộp; đây là hồ sơ được giữ lại."))
        return redirect("people:citizen_detail", pk=citizen.merged_into_id)
    history = citizen_history(request.user, citizen)
    return render(request, "people/citizen_detail.html", {
        "citizen": citizen, "history": history, "can_edit": may_edit_citizens(request.user),
        "can_merge": may_merge_citizens(request.user),
    })


@login_required
def citizen_create(request: HttpRequest) -> HttpResponse:
    if not may_edit_citizens(request.user):
        raise PermissionDenied
    form = CitizenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            citizen = services.create_citizen(data=form.to_input(), actor=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu hồ sơ công dân."))
            return redirect(citizen)
    status = 422 if form.errors else 200
    return render(request, "people/citizen_form.html", {"form": form, "citizen": None}, status=status)


@login_required
def citizen_edit(request: HttpRequest, pk: int) -> HttpResponse:
    citizen = get_object_or_404(citizens_visible_to(request.user), pk=pk)
    if not may_edit_citizens(request.user):
        raise PermissionDenied
    form = CitizenForm.for_citizen(citizen, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_citizen(citizen=citizen, data=form.to_input(), actor=request.user)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu thay đổi; giá trị cũ được lưu trong nhật ký."))
            return redirect(citizen)
    status = 422 if form.errors else 200
    return render(request, "people/citizen_form.html", {"form": form, "citizen": citizen}, status=status)


@login_required
def citizen_merge(request: HttpRequest, pk: int) -> HttpResponse:
    citizen = get_object_or_404(citizens_visible_to(request.user), pk=pk)
    if not may_merge_citizens(request.user):
        raise PermissionDenied
    error = ""
    if request.method == "POST":
        other = get_object_or_404(citizens_visible_to(request.user), pk=_int(request.POST.get("other")))
        try:
            services.merge_citizens(keep=citizen, merge=other, actor=request.user)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("Đã gộp hồ sơ %(other)s vào hồ sơ này.") % {"other": other.full_name})
            return redirect(citizen)
    query = request.GET.get("q", "")
    return render(request, "people/citizen_merge.html", {
        "citizen": citizen, "candidates": merge_candidates(request.user, citizen, query), "q": query,
        "error": error,
    }, status=422 if error else 200)


def _int(value) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


@login_required
def communes(request: HttpRequest) -> HttpResponse:
    """The commune options of a province, for the htmx-driven select of the citizen form."""
    province = _int(request.GET.get("province_code"))
    return render(request, "people/_commune_options.html", {"communes": geo.communes(province)})
