from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tiepdan.deadlines import selectors
from tiepdan.deadlines.calendar import working_calendar
from tiepdan.deadlines.calendar_services import CalendarEditRefused, add_official_day, withdraw_official_day
from tiepdan.deadlines.forms import OfficialDayForm
from tiepdan.deadlines.models import OfficialDay
from tiepdan.org.roles import Role
from tiepdan.org.selectors import has_role


@login_required
def deadline_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    qs = selectors.open_deadlines_visible_to(request.user).filter(due_on__isnull=False)
    which = request.GET.get("loc", "")
    if which == "qua-han":
        qs = qs.filter(due_on__lt=today)
    elif which == "sap-den-han":
        qs = qs.filter(due_on__gte=today)
    page = Paginator(qs.order_by("due_on", "id"), 50).get_page(request.GET.get("trang"))
    return render(request, "deadlines/list.html", {"page": page, "today": today, "which": which})


def _can_edit_calendar(user) -> bool:
    return has_role(user, Role.ADMINISTRATOR)


@login_required
def calendar_view(request: HttpRequest) -> HttpResponse:
    if not has_role(request.user, Role.ADMINISTRATOR, Role.INSPECTION, Role.AUDITOR, Role.LEADERSHIP):
        raise PermissionDenied
    calendar = working_calendar()
    try:
        year = int(request.GET.get("nam", timezone.localdate().year))
    except ValueError:
        year = timezone.localdate().year
    if year not in calendar.supported_years:
        messages.error(request, _("Năm %(y)s nằm ngoài các năm lịch hỗ trợ.") % {"y": year})
        year = timezone.localdate().year
    form = OfficialDayForm()
    if request.method == "POST":
        if not _can_edit_calendar(request.user):
            raise PermissionDenied
        form = OfficialDayForm(request.POST)
        if form.is_valid():
            try:
                edit = add_official_day(
                    day=form.cleaned_data["day"],
                    kind=form.cleaned_data["kind"],
                    reason=form.cleaned_data["reason"],
                    actor=request.user,
                )
            except CalendarEditRefused as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request,
                    _("Đã thêm ngày %(d)s; tính lại %(n)s thời hạn đang mở.")
                    % {"d": f"{edit.day.day:%d/%m/%Y}", "n": edit.recomputed},
                )
                return redirect(f"{request.path}?nam={edit.day.day.year}")
    rows = calendar.non_working_days(year)
    admin_rows = OfficialDay.objects.filter(day__year=year, withdrawn=False)
    return render(
        request,
        "deadlines/calendar.html",
        {
            "year": year,
            "rows": rows,
            "admin_rows": admin_rows,
            "form": form,
            "can_edit": _can_edit_calendar(request.user),
            "years": list(calendar.supported_years),
        },
    )


@login_required
def calendar_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    if request.method != "POST" or not _can_edit_calendar(request.user):
        raise PermissionDenied
    row = get_object_or_404(OfficialDay, pk=pk, withdrawn=False)
    edit = withdraw_official_day(row=row, actor=request.user)
    messages.success(
        request,
        _("Đã hủy ngày %(d)s; tính lại %(n)s thời hạn đang mở.")
        % {"d": f"{row.day:%d/%m/%Y}", "n": edit.recomputed},
    )
    return redirect(f"{reverse('deadlines:calendar')}?nam={row.day.year}")
