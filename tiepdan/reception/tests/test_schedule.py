"""The heads' reception schedule: quota per month (pure), sessions, conclusion notices, the demo data."""

from datetime import date, datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tiepdan.legal.reception import required_head_reception_days
from tiepdan.notifications.models import Notification
from tiepdan.org.models import Unit
from tiepdan.reception import services
from tiepdan.reception.demo import seed_reception_sessions
from tiepdan.reception.models import ConclusionTask, ReceptionSession, SessionStatus
from tiepdan.reception.schedule import MonthState, SessionFact, month_compliance
from tiepdan.reception.selectors import head_schedule
from tiepdan.reception.services import TaskInput
from tiepdan.reception.tests.conftest import TZ

TODAY = date(2026, 11, 27)
HEAD_1 = required_head_reception_days("TCD-HEAD-1")


@pytest.mark.parametrize(
    ("facts", "month", "state"),
    [
        ([SessionFact(date(2026, 3, 16), "held", "head")], date(2026, 3, 1), MonthState.MET),
        ([SessionFact(date(2026, 3, 16), "held", "deputy_authorized")], date(2026, 3, 1), MonthState.UNMET),
        ([SessionFact(date(2026, 3, 16), "not_held", "")], date(2026, 3, 1), MonthState.UNMET),
        ([], date(2026, 3, 1), MonthState.UNMET),
        ([SessionFact(date(2026, 11, 30), "planned", "")], date(2026, 11, 1), MonthState.OPEN),
        ([], date(2026, 12, 1), MonthState.FUTURE),
        ([SessionFact(date(2026, 2, 28), "held", "head")], date(2026, 3, 1), MonthState.UNMET),
    ],
)
def test_a_month_is_met_only_by_the_head_receiving_in_person(facts, month, state):
    assert month_compliance(quota=HEAD_1, month=month, facts=facts, today=TODAY).state == state


def test_a_weekly_quota_counts_the_weeks_of_the_month():
    weekly = required_head_reception_days("TCD-HEAD-3")
    # March 2026 has five Mondays.
    result = month_compliance(quota=weekly, month=date(2026, 3, 1), facts=[], today=TODAY)
    assert result.required == 5
    assert result.shortfall == 5


def test_a_rule_not_yet_in_force_is_not_judged():
    result = month_compliance(quota=HEAD_1, month=date(2025, 1, 1), facts=[], today=TODAY, in_force=False)
    assert result.state == MonthState.NOT_IN_FORCE


@pytest.mark.django_db
def test_the_demo_schedule_shows_met_and_unmet_months(client, demo_org, leader):
    assert seed_reception_sessions(agency=demo_org, today=TODAY, seed=2026) > 10
    assert seed_reception_sessions(agency=demo_org, today=TODAY, seed=2026) == 0  # once
    (row,) = head_schedule(demo_org, 2026, TODAY)
    states = {m.state for m in row.months}
    assert {MonthState.MET, MonthState.UNMET} <= states
    client.force_login(leader)
    body = client.get(reverse("reception:schedule"), {"nam": 2026}).content.decode()
    assert "Giám đốc Sở" in body
    assert "TCD-HEAD-1" in body
    assert 'class="state met">đạt<' in body
    assert 'class="state unmet">không đạt<' in body
    assert client.get(reverse("reception:schedule"), {"nam": "abc"}).status_code == 200


@pytest.fixture
def director(leader):
    return leader.staff


@pytest.fixture
def deputy(demo_org):
    from tiepdan.org.models import Staff

    return Staff.objects.get(user__username="phogiamdoc")


@pytest.mark.django_db
def test_planning_refuses_a_host_without_a_reception_rule_and_a_second_session_the_same_day(officer, director, deputy):
    services.plan_session(actor=officer, host=director, planned_on=date(2026, 12, 15))
    with pytest.raises(ValidationError) as excinfo:
        services.plan_session(actor=officer, host=director, planned_on=date(2026, 12, 15))
    assert "planned_on" in excinfo.value.message_dict
    with pytest.raises(ValidationError) as excinfo:
        services.plan_session(actor=officer, host=deputy, planned_on=date(2026, 12, 16))
    assert "host" in excinfo.value.message_dict


@pytest.mark.django_db
def test_a_held_session_links_the_visits_and_the_role_must_match_the_host(officer, director, deputy, make_visit):
    session = services.plan_session(actor=officer, host=director, planned_on=date(2026, 11, 16))
    visit = make_visit(received_at=datetime(2026, 11, 16, 8, 30, tzinfo=TZ), leader_mode="scheduled", leader=director)
    with pytest.raises(ValidationError) as excinfo:
        services.record_session_result(session=session, actor=officer, status="held", today=TODAY,
                                       actual_host=deputy, host_role="head")
    assert "ủy quyền" in excinfo.value.message_dict["host_role"][0]
    with pytest.raises(ValidationError):
        services.record_session_result(session=session, actor=officer, status="not_held", today=TODAY)
    services.record_session_result(session=session, actor=officer, status="held", today=TODAY,
                                   actual_host=director, host_role="head")
    visit.refresh_from_db()
    assert visit.session == session


@pytest.mark.django_db
def test_a_future_session_cannot_be_recorded_as_held(officer, director):
    session = services.plan_session(actor=officer, host=director, planned_on=date(2026, 12, 15))
    with pytest.raises(ValidationError) as excinfo:
        services.record_session_result(session=session, actor=officer, status="held", today=TODAY,
                                       actual_host=director, host_role="head")
    assert "Chưa đến ngày tiếp" in excinfo.value.message_dict["status"][0]


@pytest.fixture
def held_session(officer, director):
    session = services.plan_session(actor=officer, host=director, planned_on=date(2026, 11, 16))
    return services.record_session_result(session=session, actor=officer, status="held", today=TODAY,
                                          actual_host=director, host_role="head")


@pytest.mark.django_db
def test_the_conclusion_notice_gives_tasks_due_no_later_than_the_legal_date(officer, director, held_session):
    culture = Unit.objects.get(code="ql-van-hoa")
    legal = services.legal_task_due(held_session, None)
    assert legal == date(2026, 11, 30)  # Mon 16/11 + 10 working days
    with pytest.raises(ValidationError) as excinfo:
        services.issue_conclusion_notice(
            session=held_session, actor=officer, conclusion="Giao xác minh", signer=director, issued_on=TODAY,
            today=TODAY, tasks=[TaskInput(unit_id=culture.pk, text="Xác minh", due_on=date(2026, 12, 15))],
        )
    assert "30/11/2026" in excinfo.value.message_dict["task-0-due_on"][0]
    notice = services.issue_conclusion_notice(
        session=held_session, actor=officer, conclusion="Giao Phòng Quản lý Văn hóa xác minh", signer=director,
        issued_on=date(2026, 11, 17), today=TODAY,
        tasks=[TaskInput(unit_id=culture.pk, text="Xác minh, trả lời công dân", due_on=date(2026, 11, 30))],
    )
    task = ConclusionTask.objects.get(notice=notice)
    assert task.legal_due_on == date(2026, 11, 30)
    assert task.status == "pending"
    assert Notification.objects.filter(kind="conclusion_task", recipient__username="truongphong").exists()
    services.complete_task(task=task, actor=officer, on=TODAY)
    task.refresh_from_db()
    assert task.status == "done"


@pytest.mark.django_db
def test_no_conclusion_notice_before_the_session_is_held(officer, director):
    session = services.plan_session(actor=officer, host=director, planned_on=date(2026, 11, 16))
    with pytest.raises(ValidationError) as excinfo:
        services.issue_conclusion_notice(session=session, actor=officer, conclusion="x", signer=director,
                                         issued_on=TODAY, today=TODAY, tasks=[])
    assert "sau buổi tiếp đã diễn ra" in excinfo.value.message_dict["conclusion"][0]


@pytest.mark.django_db
def test_the_session_pages_work_and_keep_bad_input(client, officer, held_session):
    client.force_login(officer)
    url = reverse("reception:session_detail", kwargs={"code": held_session.code})
    assert client.get(url).status_code == 200
    response = client.post(reverse("reception:conclusion_new", kwargs={"code": held_session.code}), {
        "issued_on": "17/11/2026", "signer": held_session.host_id, "conclusion": "Ý kiến kết luận",
        "task-TOTAL_FORMS": "1", "task-INITIAL_FORMS": "0", "task-0-unit": "", "task-0-text": "Xác minh",
        "task-0-due_on": "31/13/2026",
    })
    body = response.content.decode()
    assert response.status_code == 422
    assert "Ý kiến kết luận" in body
    assert "dd/mm/yyyy" in body
    response = client.post(reverse("reception:session_new"), {"host": held_session.host_id, "planned_on": "16/11/2026",
                                                             "place": "Trụ sở"})
    assert response.status_code == 422
    assert "đã có lịch tiếp vào ngày này" in response.content.decode()
    assert ReceptionSession.objects.count() == 1
    assert held_session.status == SessionStatus.HELD


@pytest.mark.django_db
def test_the_demo_sessions_link_the_generated_visits_of_their_days(demo_org):
    from tiepdan.core.demo.generate import generate

    generate(agency=demo_org, letters=600, seed=3, today=TODAY, progress=False)
    seed_reception_sessions(agency=demo_org, today=TODAY, seed=3)
    held = ReceptionSession.objects.filter(status=SessionStatus.HELD)
    assert held.exists()
    linked = [v for s in held for v in s.visits.all()]
    assert all(v.leader_mode == "scheduled" and v.received_at.astimezone(TZ).date() == v.session.planned_on
               for v in linked)
    assert ReceptionSession.objects.filter(planned_on__gt=TODAY, status="planned", published=True).exists()
