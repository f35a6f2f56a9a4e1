"""Calendar administration: add an official day, refuse bad entries, recompute open deadlines, audit."""

from datetime import date

from auditlog.models import LogEntry
from django.urls import reverse

from tiepdan.cases import services
from tiepdan.deadlines.models import Deadline, OfficialDay


def test_calendar_page_lists_tet_2026(client, admin_user):
    client.force_login(admin_user)
    body = client.get(reverse("deadlines:calendar") + "?nam=2026").content.decode()
    assert "17/02/2026" in body
    assert "22/08/2026" in body  # make-up working Saturday


def test_adding_a_day_off_recomputes_the_open_deadlines_it_affects(client, admin_user, make_letter, handler):
    case = services.open_case(
        letter=make_letter(received_on=date(2026, 9, 7)), track="complaint_first", actor=handler
    )
    deadline = Deadline.objects.get(object_id=case.pk)
    assert deadline.due_on == date(2026, 9, 16)
    client.force_login(admin_user)
    response = client.post(
        reverse("deadlines:calendar"),
        {"day": "10/09/2026", "kind": "day_off", "reason": "Nghỉ đột xuất (thông báo mẫu)"},
        follow=True,
    )
    assert "tính lại 1 thời hạn" in response.content.decode()
    deadline.refresh_from_db()
    assert deadline.due_on == date(2026, 9, 17)
    assert LogEntry.objects.get_for_model(OfficialDay).filter(actor=admin_user).exists()


def test_a_duplicate_day_is_refused_with_a_vietnamese_message_and_the_input_kept(client, admin_user):
    client.force_login(admin_user)
    url = reverse("deadlines:calendar")
    client.post(url, {"day": "10/09/2026", "kind": "day_off", "reason": "Lần một"})
    response = client.post(url, {"day": "10/09/2026", "kind": "day_off", "reason": "Lần hai"})
    body = response.content.decode()
    assert "đã có trong lịch" in body
    assert "Lần hai" in body
    assert OfficialDay.objects.count() == 1


def test_a_day_already_off_cannot_be_added_again(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        reverse("deadlines:calendar"), {"day": "17/02/2026", "kind": "day_off", "reason": "x"}
    )
    assert "đã là ngày nghỉ" in response.content.decode()


def test_a_date_outside_the_supported_years_is_refused(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        reverse("deadlines:calendar"), {"day": "01/01/1990", "kind": "day_off", "reason": "x"}
    )
    assert response.status_code == 200
    assert "ngoài" in response.content.decode()
    assert not OfficialDay.objects.exists()


def test_a_malformed_date_is_refused_without_error(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        reverse("deadlines:calendar"), {"day": "31/02/2026", "kind": "day_off", "reason": "x"}
    )
    assert response.status_code == 200
    assert 'value="31/02/2026"' in response.content.decode()


def test_only_the_administrator_edits_the_calendar(client, inspector):
    client.force_login(inspector)
    assert client.get(reverse("deadlines:calendar")).status_code == 200
    response = client.post(
        reverse("deadlines:calendar"), {"day": "10/09/2026", "kind": "day_off", "reason": "x"}
    )
    assert response.status_code == 403
