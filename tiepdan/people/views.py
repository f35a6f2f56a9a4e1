from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from tiepdan.letters.selectors import letters_visible_to
from tiepdan.people.selectors import citizens_visible_to, search_citizens
from tiepdan.reception.selectors import visits_visible_to


@login_required
def citizen_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")
    qs = search_citizens(citizens_visible_to(request.user), query).order_by("search_name", "id")
    page = Paginator(qs, 50).get_page(request.GET.get("trang"))
    return render(request, "people/citizen_list.html", {"page": page, "q": query})


@login_required
def citizen_detail(request: HttpRequest, pk: int) -> HttpResponse:
    citizen = get_object_or_404(citizens_visible_to(request.user), pk=pk)
    visits = visits_visible_to(request.user).filter(participants__citizen=citizen)[:100]
    letters = letters_visible_to(request.user).filter(sender_links__citizen=citizen)[:100]
    return render(request, "people/citizen_detail.html", {"citizen": citizen, "visits": visits, "letters": letters})
