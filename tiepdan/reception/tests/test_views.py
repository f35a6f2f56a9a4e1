"""The reception pages through HTTP: the new-visit form, the lookup, the mass-visit summary, and every
page tried by an outsider (404 for another unit's objects, 403 for role pages) and by an anonymous user."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from tiepdan.people.models import Citizen
from tiepdan.reception import services
from tiepdan.reception.models import Incident, MassVisitAcknowledgement, Visit
from tiepdan.reception.tests.conftest import group

pytestmark = pytest.mark.django_db


def _post_data(**kw):
    now = timezone.localtime() - timedelta(minutes=5)
    data = {
        "received_at": now.strftime("%d/%m/%Y %H:%M"), "place": "Trụ sở tiếp công dân", "head_count": "1",
        "matter_types": ["petition"], "content": "Kiến nghị sửa chữa nhà văn hóa thôn", "leader_mode": "none",
        "outcome": "letter_received", "visitor-TOTAL_FORMS": "3", "visitor-INITIAL_FORMS": "0",
        "visitor-0-full_name": "Đào Thị Nga", "visitor-0-id_number": "027190004444", "visitor-0-phone": "0987654321",
    }
    data.update(kw)
    return data


@pytest.fixture
def mass_visit(officer, visit_input, now):
    (visit,) = services.record_visit(data=visit_input(head_count=12, visitors=group(5, 5)), actor=officer, now=now)
    return visit


def test_the_new_visit_form_records_a_visit_and_shows_its_deadline(client, officer):
    client.force_login(officer)
    assert client.get(reverse("reception:visit_new")).status_code == 200
    response = client.post(reverse("reception:visit_new"), _post_data())
    visit = Visit.objects.get()
    assert response.status_code == 302
    assert response.url == visit.get_absolute_url()
    body = client.get(response.url).content.decode()
    assert "Đào Thị Nga" in body
    assert "TCD-ANSWER-10" in body
    assert "Vì sao là ngày này?" in body


def test_the_new_visit_form_keeps_everything_and_explains_each_problem(client, officer):
    client.force_login(officer)
    future = (timezone.localtime() + timedelta(days=2)).strftime("%d/%m/%Y %H:%M")
    response = client.post(reverse("reception:visit_new"), _post_data(
        received_at=future, head_count="12", **{"visitor-0-id_number": "02719000444"},
    ))
    body = response.content.decode()
    assert response.status_code == 422
    assert "không được sau thời điểm hiện tại" in body
    assert "đúng 12 chữ số" in body
    assert "phải cử người đại diện" in body
    assert 'value="Đào Thị Nga"' in body
    assert "Kiến nghị sửa chữa nhà văn hóa thôn" in body
    assert 'value="12"' in body
    assert not Visit.objects.exists()


def test_a_date_that_does_not_parse_still_shows_the_other_problems(client, officer):
    client.force_login(officer)
    response = client.post(reverse("reception:visit_new"), _post_data(
        received_at="32/13/2026", head_count="12", **{"visitor-0-is_representative": "on"},
    ))
    body = response.content.decode()
    assert response.status_code == 422
    assert "dd/mm/yyyy hh:mm" in body
    assert "(đang có" not in body  # one representative for 12 is fine
    response = client.post(reverse("reception:visit_new"), _post_data(received_at="", head_count="abc"))
    assert response.status_code == 422


def test_a_tampered_formset_is_a_message_not_a_500(client, officer):
    client.force_login(officer)
    data = _post_data()
    data.pop("visitor-TOTAL_FORMS")
    assert client.post(reverse("reception:visit_new"), data).status_code == 422


def test_the_lookup_finds_a_returning_citizen_with_their_history(client, officer, visit_input, now):
    services.record_visit(data=visit_input(), actor=officer, now=now)
    client.force_login(officer)
    body = client.get(reverse("reception:citizen_lookup"), {"q": "027090001234"}).content.decode()
    assert "Nguyễn Văn Bình" in body
    assert "1 lượt tiếp" in body
    assert "tiếp nhiều lần" in body
    assert "Khiếu nại quyết định xử phạt" in body
    assert "Nguyễn Văn Bình" in client.get(reverse("reception:citizen_lookup"), {"q": "0912000"}).content.decode()
    assert "lần đầu" in client.get(reverse("reception:citizen_lookup"), {"q": "099999999"}).content.decode()


def test_the_leader_acknowledges_on_the_mass_summary(client, leader, mass_visit):
    client.force_login(leader)
    url = reverse("reception:mass_summary", kwargs={"code": mass_visit.code})
    body = client.get(url).content.decode()
    assert "Đoàn đông người: 12 người" in body
    assert "Đã nắm thông tin" in body
    url_ack = reverse("reception:mass_acknowledge", kwargs={"code": mass_visit.code})
    response = client.post(url_ack, {"note": "Theo dõi"})
    assert response.status_code == 302
    assert MassVisitAcknowledgement.objects.get().user == leader
    assert "Nguyễn Văn Thành" in client.get(url).content.decode()


def test_the_planning_office_sees_the_mass_summary_and_records_an_incident(client, mass_visit):
    client.force_login(get_user_model().objects.get(username="khth"))
    url = reverse("reception:mass_summary", kwargs={"code": mass_visit.code})
    assert client.get(url).status_code == 200
    assert client.get(reverse("reception:visit_detail", kwargs={"code": mass_visit.code})).status_code == 404
    occurred = (timezone.localtime() - timedelta(minutes=3)).strftime("%d/%m/%Y %H:%M")
    response = client.post(reverse("reception:incident_new", kwargs={"code": mass_visit.code}),
                           {"occurred_at": occurred, "kind": "disorder", "description": "Lớn tiếng trong phòng tiếp"})
    assert response.status_code == 302
    assert Incident.objects.get().kind == "disorder"
    response = client.post(reverse("reception:incident_new", kwargs={"code": mass_visit.code}),
                           {"occurred_at": "hôm qua", "kind": "disorder", "description": "Mô tả giữ lại"})
    assert response.status_code == 422
    assert "Mô tả giữ lại" in response.content.decode()


def test_the_visit_correction_page_keeps_the_previous_version(client, officer, mass_visit):
    client.force_login(officer)
    url = reverse("reception:visit_edit", kwargs={"code": mass_visit.code})
    assert client.get(url).status_code == 200
    response = client.post(url, {"place": "Phòng tiếp số 2", "content": "Nội dung sửa", "reason": ""})
    assert response.status_code == 422
    assert "Nội dung sửa" in response.content.decode()
    response = client.post(url, {"place": "Phòng tiếp số 2", "content": "Nội dung sửa", "reason": "Ghi nhầm phòng"})
    assert response.status_code == 302
    body = client.get(mass_visit.get_absolute_url()).content.decode()
    assert "Ghi nhầm phòng" in body
    assert "Trụ sở tiếp công dân" in body


def test_a_denunciation_visit_masks_the_denouncer_for_other_staff(client, officer, inspector, visit_input, now):
    (visit,) = services.record_visit(data=visit_input(matter_types=("denunciation",)), actor=officer, now=now)
    other = get_user_model().objects.create_user("tiepdan2", password="x-long-password-1")
    from django.contrib.auth.models import Group

    from tiepdan.org.models import Staff

    other.groups.add(Group.objects.get(name="reception_officer"))
    Staff.objects.create(user=other, unit=officer.staff.unit, full_name="Cán bộ khác")
    client.force_login(other)
    body = client.get(visit.get_absolute_url()).content.decode()
    assert "Nguyễn Văn Bình" not in body
    assert "(giữ bí mật)" in body
    client.force_login(inspector)
    assert "Nguyễn Văn Bình" in client.get(visit.get_absolute_url()).content.decode()


def _object_urls(visit, session):
    return [
        reverse("reception:visit_detail", kwargs={"code": visit.code}),
        reverse("reception:visit_edit", kwargs={"code": visit.code}),
        reverse("reception:mass_summary", kwargs={"code": visit.code}),
    ]


def _post_object_urls(visit):
    return [
        reverse("reception:visit_answer", kwargs={"code": visit.code}),
        reverse("reception:visit_document", kwargs={"code": visit.code, "kind": "bien-nhan"}),
        reverse("reception:mass_acknowledge", kwargs={"code": visit.code}),
        reverse("reception:incident_new", kwargs={"code": visit.code}),
    ]


def _role_urls(session):
    return [
        reverse("reception:visit_new"),
        reverse("reception:citizen_lookup") + "?q=0270",
        reverse("reception:schedule"),
        reverse("reception:session_detail", kwargs={"code": session.code}),
    ]


def _role_post_urls(session, task_pk=1):
    return [
        reverse("reception:session_new"),
        reverse("reception:session_result", kwargs={"code": session.code}),
        reverse("reception:session_publish", kwargs={"code": session.code}),
        reverse("reception:conclusion_new", kwargs={"code": session.code}),
        reverse("reception:task_done", kwargs={"pk": task_pk}),
    ]


@pytest.fixture
def session(officer, leader):
    return services.plan_session(actor=officer, host=leader.staff, planned_on=date(2026, 11, 16))


def test_the_outsider_is_refused_every_reception_page(client, outsider, mass_visit, session):
    client.force_login(outsider)
    for url in _object_urls(mass_visit, session):
        assert client.get(url).status_code == 404, url
    for url in _post_object_urls(mass_visit):
        assert client.post(url).status_code == 404, url
    for url in _role_urls(session):
        assert client.get(url).status_code == 403, url
    for url in _role_post_urls(session):
        assert client.post(url).status_code == 403, url
    assert mass_visit.code not in client.get(reverse("reception:visit_list")).content.decode()
    export = client.get(reverse("reception:visit_export"))
    assert export.status_code == 200
    assert mass_visit.code.encode() not in export.content


def test_an_anonymous_user_is_sent_to_login_from_every_reception_page(client, mass_visit, session):
    urls = [*_object_urls(mass_visit, session), *_role_urls(session), reverse("reception:visit_list"),
            reverse("reception:visit_export")]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("login")), url
    for url in [*_post_object_urls(mass_visit), *_role_post_urls(session)]:
        response = client.post(url)
        assert response.status_code == 302, url
        assert response.url.startswith(reverse("login")), url


def test_the_auditor_sees_the_schedule_but_may_not_record(client, auditor, session):
    client.force_login(auditor)
    assert client.get(reverse("reception:schedule")).status_code == 200
    assert client.get(reverse("reception:visit_new")).status_code == 403
    assert client.post(reverse("reception:session_result", kwargs={"code": session.code})).status_code == 403


def test_the_officer_sees_the_new_visit_and_schedule_in_the_navigation(client, officer):
    client.force_login(officer)
    body = client.get(reverse("home")).content.decode()
    assert "Tiếp công dân mới" in body
    assert "Lịch tiếp công dân định kỳ" in body


def test_citizens_are_reused_not_duplicated_by_the_form(client, officer):
    client.force_login(officer)
    client.post(reverse("reception:visit_new"), _post_data())
    client.post(reverse("reception:visit_new"), _post_data(**{"visitor-0-full_name": "Dao Thi Nga"}))
    assert Citizen.objects.count() == 1
    assert Visit.objects.filter(is_repeat=True).count() == 1


def test_the_answer_to_the_citizen_meets_the_deadline_and_shows_in_the_book(client, officer, visit_input, now):
    from tiepdan.deadlines.models import Deadline

    (visit,) = services.record_visit(data=visit_input(), actor=officer, now=now)
    client.force_login(officer)
    url = reverse("reception:visit_answer", kwargs={"code": visit.code})
    assert "Đã trả lời công dân" in client.get(visit.get_absolute_url()).content.decode()
    response = client.post(url, {"on": "01/01/2020", "note": "Thông báo thụ lý"})
    assert response.status_code == 422
    assert "không được trước ngày tiếp" in response.content.decode()
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert client.post(url, {"on": today, "note": "Thông báo thụ lý số 05/TB"}).status_code == 302
    deadline = Deadline.objects.get(object_id=visit.pk, rule_id="TCD-ANSWER-10")
    assert deadline.status == "met"
    assert "Thông báo thụ lý số 05/TB" in client.get(reverse("reception:visit_list")).content.decode()


def test_a_refusal_shows_its_ground_and_offers_the_written_notice(client, officer, visit_input, now):
    (visit,) = services.record_visit(data=visit_input(outcome="refused", refusal_ground="law9-3"), actor=officer,
                                     now=now)
    client.force_login(officer)
    body = client.get(visit.get_absolute_url()).content.decode()
    assert "Luật Tiếp công dân 2013, Điều 9 khoản 3" in body
    assert "Lập thông báo từ chối tiếp (Mẫu 01/TCD)" in body
    assert "TCD-REFUSE-NOTICE" in body
