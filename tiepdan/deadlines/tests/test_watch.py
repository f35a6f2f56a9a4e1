"""The deadline watch: near and overdue notices once, escalation to the leadership once."""

from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command

from tiepdan.cases import services
from tiepdan.deadlines.watch import run_watch
from tiepdan.notifications.models import Notification


@pytest.fixture
def pending_complaint(make_letter, handler):
    # KN-ACCEPT-B: received Mon 07/09/2026 → due Wed 16/09/2026.
    return services.open_case(
        letter=make_letter(received_on=date(2026, 9, 7)),
        track="complaint_first",
        actor=handler,
        handler=handler,
    )


def test_near_due_notifies_handler_head_and_inspection_once(pending_complaint, handler, head, inspector):
    first = run_watch(today=date(2026, 9, 14), near_working_days=3)
    assert first.near == 1
    recipients = set(
        Notification.objects.filter(kind="deadline_near").values_list("recipient__username", flat=True)
    )
    assert {"chuyenvien", "truongphong", "thanhtra"} <= recipients
    again = run_watch(today=date(2026, 9, 14), near_working_days=3)
    assert (again.near, again.notices) == (0, 0)


def test_overdue_is_notified_once_and_escalated_to_leadership_once(pending_complaint, leader):
    result = run_watch(today=date(2026, 9, 17))
    assert (result.overdue, result.escalated) == (1, 1)
    assert Notification.objects.filter(kind="deadline_escalated", recipient=leader).count() == 1
    later = run_watch(today=date(2026, 9, 30))
    assert (later.overdue, later.escalated, later.notices) == (0, 0, 0)


def test_nothing_is_sent_for_an_item_far_from_its_due_date(pending_complaint):
    assert run_watch(today=date(2026, 9, 7), near_working_days=3).notices == 0


def test_the_management_command_reports_what_it_did(pending_complaint, capsys):
    call_command("deadline_watch", "--today", "2026-09-17")
    assert "overdue=1" in capsys.readouterr().out


def test_email_copy_goes_to_users_with_an_address(pending_complaint, leader):
    leader.email = "giamdoc@example.gov.vn"
    leader.save()
    run_watch(today=date(2026, 9, 17))
    assert any("giamdoc@example.gov.vn" in m.to for m in mail.outbox)


def test_deadline_list_and_home_make_a_constant_number_of_queries(client, leader, make_letter, handler):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    services.open_case(letter=make_letter(received_on=date(2026, 9, 7)), track="complaint_first", actor=handler)
    client.force_login(leader)
    counts = []
    for extra in (0, 6):
        for _ in range(extra):
            services.open_case(letter=make_letter(received_on=date(2026, 9, 7)), track="complaint_first",
                               actor=handler)
        client.get(reverse("deadlines:deadline_list"))  # warm the content-type cache
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(reverse("deadlines:deadline_list")).status_code == 200
            assert client.get(reverse("home")).status_code == 200
        counts.append(len(ctx))
    assert counts[0] == counts[1]
