from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from tiepdan.org import services
from tiepdan.org.forms import EndUnitForm
from tiepdan.org.roles import Role
from tiepdan.org.selectors import has_role, units_visible_to


@login_required
def unit_list(request: HttpRequest) -> HttpResponse:
    units = units_visible_to(request.user).prefetch_related("changes")
    return render(request, "org/unit_list.html", {"units": units})


@login_required
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_object_or_404(units_visible_to(request.user), pk=pk)
    changes = unit.changes.select_related("successor")
    form = None
    if has_role(request.user, Role.ADMINISTRATOR) and unit.valid_to is None:
        form = EndUnitForm(request.POST or None, unit=unit)
        if request.method == "POST" and form.is_valid():
            change = services.end_unit(
                unit=unit,
                on=form.cleaned_data["effective_on"],
                **{k: form.cleaned_data[k] for k in ("kind", "successor", "legal_basis", "note")},
            )
            messages.success(
                request,
                _("Đã ghi nhận thay đổi; %(n)s hồ sơ đang mở được chuyển sang %(u)s.")
                % {"n": change.open_items_moved, "u": change.successor.name},
            )
            return redirect("org:unit_detail", pk=unit.pk)
    elif request.method == "POST":
        raise PermissionDenied
    return render(request, "org/unit_detail.html", {"unit": unit, "changes": changes, "form": form})
