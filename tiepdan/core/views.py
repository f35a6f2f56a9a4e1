from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone

from tiepdan.coordination import selectors as coordination_selectors
from tiepdan.deadlines import selectors as deadline_selectors
from tiepdan.notifications.models import Notification
from tiepdan.notifications.selectors import forget_unread_count


@login_required
def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    work = deadline_selectors.my_work(request.user, today=today)
    notices = Notification.objects.filter(recipient=request.user, read_at__isnull=True)[:10]
    # Tasks from the leadership's directions, response plans and reviews: one "my work" page for all.
    tasks = list(coordination_selectors.my_tasks(request.user)[:10])
    return render(request, "core/home.html", {"work": work, "notices": notices, "today": today, "tasks": tasks})


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    notices = Notification.objects.filter(recipient=request.user)[:200]
    if request.method == "POST":
        Notification.objects.filter(recipient=request.user, read_at__isnull=True).update(
            read_at=timezone.now()
        )
        forget_unread_count(request.user)
    return render(request, "core/notifications.html", {"notices": notices})


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@login_required
def legal_documents(request: HttpRequest) -> HttpResponse:
    from tiepdan.legal.documents import LEGAL_DOCUMENTS
    from tiepdan.legal.rules import RULES

    today = timezone.localdate()
    rows = [(d, d.in_force_on(today)) for d in LEGAL_DOCUMENTS]
    return render(request, "core/legal_documents.html", {"rows": rows, "rules": RULES, "today": today})
