"""Helpers of the coordination views: the clock seam, scoping of choices, form handling."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from tiepdan.coordination import services
from tiepdan.org.selectors import active_units, current_agency, staff_of, visible_unit_ids

PAGE = 50


def _now():
    """The clock seam of the views (tests replace it); services receive dates and times from here."""
    return timezone.now()


def _today():
    return timezone.localdate(_now())


def _agency(request):
    staff = staff_of(request.user)
    agency = staff.unit.agency if staff else current_agency()
    if agency is None:
        raise Http404
    return agency


def _units(request) -> object:
    return active_units(_today(), _agency(request)).order_by("path")


def _my_units(request):
    """Units the user may record for: every unit for a manager, else the user's own subtree."""
    ids = visible_unit_ids(request.user)
    qs = _units(request)
    return qs if ids is None else qs.filter(pk__in=ids)


def _apply(request, form, call: Callable):
    """Run `call(cleaned_data)` when the form is valid; a refusal goes beside its field."""
    if not form.is_valid():
        return None
    try:
        return call(form.cleaned_data)
    except services.Refused as exc:
        field = exc.field if exc.field in form.fields else None
        form.add_error(field, str(exc))  # in the active language
        return None


def _submit(
    request,
    form,
    save: Callable,
    *,
    done: Callable,
    template: str,
    context: Callable[[], dict],
    success: str = "",
) -> HttpResponse:
    """A form's page, or a form posted from a detail page. On POST, `save(cleaned_data)`; once saved, the
    `success` message and `done(saved)` (a redirect). Otherwise `template` with `context()`, which holds
    the bound form: what was typed stays, beside the errors (422)."""
    if request.method == "POST":
        saved = _apply(request, form, save)
        if saved is not None:
            if success:
                messages.success(request, success)
            return done(saved)
    return render(request, template, context(), status=422 if form.errors else 200)


def _posted(request):
    """The submitted data on POST (even empty: an empty form is still a bound, invalid form)."""
    return request.POST if request.method == "POST" else None


def _files(request):
    return request.FILES if request.method == "POST" else None


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _page(request, qs):
    return Paginator(qs, PAGE).get_page(request.GET.get("trang"))


def _download(field_file) -> FileResponse:
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=field_file.name.rsplit("/", 1)[-1])
