"""The staff shell through HTTP: login page, Vietnamese first, navigation per role, language switch."""

import pytest
from django.urls import reverse


def test_login_page_is_vietnamese_even_for_an_english_browser(client, db):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Đăng nhập" in body
    assert '<html lang="vi">' in body


def test_anonymous_user_is_sent_to_login(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_demo_account_logs_in_with_the_documented_password(client, officer, demo_password):
    response = client.post(reverse("login"), {"username": "tiepdan", "password": demo_password}, follow=True)
    assert response.status_code == 200
    assert "Việc của tôi" in response.content.decode()
    assert "Phạm Thu Trang" in response.content.decode()


@pytest.mark.parametrize(
    ("persona", "sees", "does_not_see"),
    [
        ("officer", "Sổ tiếp công dân", "Lịch làm việc"),
        ("admin_user", "Lịch làm việc", None),
        ("leader", "Tổ chức", "Lịch làm việc"),
    ],
)
def test_navigation_depends_on_the_role(db, client, request, persona, sees, does_not_see):
    client.force_login(request.getfixturevalue(persona))
    body = client.get(reverse("home")).content.decode()
    assert sees in body
    if does_not_see:
        assert does_not_see not in body


def test_trade_union_does_not_see_the_reception_book(client, demo_org):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="congdoan"))
    body = client.get(reverse("home")).content.decode()
    assert "Sổ tiếp công dân" not in body
    assert "Việc của tôi" in body


def test_language_switch_gives_a_complete_english_shell(client, officer):
    client.force_login(officer)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = client.get(reverse("home")).content.decode()
    assert '<html lang="en">' in body
    assert "My work" in body
    assert "Reception book" in body
    assert "Việc của tôi" not in body


def test_dates_are_shown_dd_mm_yyyy(client, officer, make_visit):
    make_visit()
    client.force_login(officer)
    body = client.get(reverse("reception:visit_list")).content.decode()
    assert "02/03/2026 09:00" in body


def test_healthz_answers_ok(client, db):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_static_assets_are_local(client, officer):
    client.force_login(officer)
    body = client.get(reverse("home")).content.decode()
    assert "http://" not in body.replace("http://testserver", "")
    assert "https://" not in body
    assert "/static/django_htmx/htmx-2.min.js" in body


def test_legal_basis_page_lists_documents_and_time_limits(client, handler):
    client.force_login(handler)
    body = client.get(reverse("legal_documents")).content.decode()
    assert "25/2018/QH14" in body
    assert "TC-T" in body
    assert "Luật Tố cáo 2018, Điều 30" in body


def test_home_lists_the_users_open_coordination_tasks(client, handler, leader):
    from datetime import date

    from tiepdan.coordination.models import LessonsReview, Task

    review = LessonsReview.objects.create(unit=handler.staff.unit, title="Rút kinh nghiệm đợt bầu cử",
                                          held_on=date(2026, 11, 20), what_happened="…", created_by=leader)
    Task.objects.create(review=review, text="Báo cáo kết quả xác minh đơn lễ hội", owner_unit=handler.staff.unit,
                        owner=handler, given_on=date(2026, 11, 20), due_on=date(2026, 11, 30), created_by=leader)
    client.force_login(handler)
    body = client.get(reverse("home")).content.decode()
    assert "Nhiệm vụ được giao" in body
    assert "Báo cáo kết quả xác minh đơn lễ hội" in body
