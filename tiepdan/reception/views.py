from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from tiepdan.common.choices import MatterType
from tiepdan.reception.selectors import visits_visible_to


def _date_param(value: str | None) -> date | None:
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            from datetime import datetime

            return datetime.strptime(value or "", fmt).date()  # noqa: DTZ007 - a calendar date, no time
        except ValueError:
            continue
    return None


@login_required
def visit_list(request: HttpRequest) -> HttpResponse:
    qs = visits_visible_to(request.user)
    matter_type = request.GET.get("loai", "")
    if matter_type in MatterType.values:
        qs = qs.filter(matter_type=matter_type)
    if request.GET.get("dong-nguoi"):
        qs = qs.filter(is_mass=True)
    if since := _date_param(request.GET.get("tu")):
        qs = qs.filter(received_at__date__gte=since)
    page = Paginator(qs, 50).get_page(request.GET.get("trang"))
    return render(
        request, "reception/visit_list.html", {"page": page, "types": MatterType.choices, "loai": matter_type}
    )


@login_required
def visit_detail(request: HttpRequest, code: str) -> HttpResponse:
    visit = get_object_or_404(visits_visible_to(request.user), code=code)
    participants = visit.participants.select_related("citizen")
    return render(request, "reception/visit_detail.html", {"visit": visit, "participants": participants})
