"""Response plans, over-level tracking, mediation and dialogue (KN-DIALOG), legal dissemination and
its library, lessons learned, and the daily reminders."""

from datetime import date

import pytest
from django.urls import reverse

from tiepdan.coordination import selectors, services
from tiepdan.coordination.models import LegalText, LegalTextStatus, ResponsePlanStatus, TaskStatus
from tiepdan.coordination.tests import factories as f
from tiepdan.notifications.models import Notification


def test_a_response_plan_lists_actions_owners_dates_and_its_result(demo_org, leader, inspector):
    plan = f.response_plan()
    assert Notification.objects.filter(recipient=leader, kind="response_plan").exists()
    action = plan.tasks.get()
    assert (action.owner_unit.code, action.due_on) == ("khth", date(2026, 3, 3))
    with pytest.raises(services.Refused):
        services.finish_response_plan(plan=plan, actor=inspector, result="Xong")  # not approved yet
    services.approve_response_plan(plan=plan, actor=leader, on=date(2026, 3, 2))
    with pytest.raises(services.Refused) as refused:
        services.finish_response_plan(plan=plan, actor=inspector, result="Xong")
    assert "Còn biện pháp chưa hoàn thành" in refused.value.message_vi
    services.complete_task(task=action, actor=leader, on=date(2026, 3, 3), result="Đã bố trí 4 bảo vệ")
    services.finish_response_plan(plan=plan, actor=inspector, result="Đoàn ra về, không phát sinh điểm nóng")
    plan.refresh_from_db()
    assert plan.status == ResponsePlanStatus.DONE


def test_a_response_plan_needs_an_action_before_approval(demo_org, leader, inspector):
    plan = services.create_response_plan(
        actor=inspector, unit=f.unit("ttr-pc"), on=date(2026, 3, 2), title="PA", situation="S", objective="O"
    )
    with pytest.raises(services.Refused):
        services.approve_response_plan(plan=plan, actor=leader, on=date(2026, 3, 2))


def test_over_level_matters_are_flagged_and_counted(clock, client, demo_org, make_letter, inspector, leader):
    letter = make_letter("ttr-pc", received_on=date(2026, 2, 25), summary="Khiếu nại bồi thường di tích")
    returned = make_letter("ttr-pc", received_on=date(2026, 2, 27), summary="Đơn do Ban TCD Trung ương chuyển về")
    services.record_over_level(
        actor=inspector,
        unit=f.unit("ttr-pc"),
        level="central",
        body="Trụ sở Tiếp công dân Trung ương",
        occurred_on=date(2026, 2, 20),
        matter="Khiếu nại bồi thường di tích",
        head_count=6,
        letter=letter,
        returned_letter=returned,
    )
    services.record_over_level(
        actor=inspector,
        unit=f.unit("ttr-pc"),
        level="province",
        body="Ban Tiếp công dân tỉnh",
        occurred_on=date(2026, 2, 22),
        matter="Khiếu nại bồi thường di tích",
        head_count=4,
        letter=letter,
    )
    counts = selectors.over_level_counts(inspector)
    assert (counts.events, counts.matters, counts.returned_letters) == (2, 1, 1)
    assert counts.by_level == {"central": 1, "province": 1}
    assert selectors.over_level_flags(letters=[letter, returned]) == {("letter", letter.pk)}
    assert Notification.objects.filter(recipient=leader, kind="over_level").count() == 2
    client.force_login(inspector)
    body = client.get(reverse("coordination:over_level_list")).content.decode()
    counts_html = body.split('id="over-level-counts"', 1)[1].split("</div>\n</div>", 1)[0]
    assert "vụ việc bị gắn cờ vượt cấp" in counts_html


def test_the_over_level_form_links_a_letter_by_its_code(clock, client, demo_org, make_letter, inspector):
    letter = make_letter("ttr-pc", received_on=date(2026, 2, 25))
    client.force_login(inspector)
    response = client.post(
        reverse("coordination:over_level_new"),
        {
            "unit": f.unit("ttr-pc").pk,
            "level": "province",
            "body": "Ban Tiếp công dân tỉnh",
            "occurred_on": "20/02/2026",
            "matter": "Khiếu nại",
            "head_count": "2",
            "letter_code": letter.code.lower(),
        },
    )
    assert response.status_code == 302
    from tiepdan.coordination.models import OverLevelEvent

    assert OverLevelEvent.objects.get().letter == letter


@pytest.fixture
def second_time_case(make_letter, handler):
    from tiepdan.cases.services import open_case

    letter = make_letter("ttr-pc", received_on=date(2026, 8, 3))
    return open_case(letter=letter, track="complaint_second", actor=handler)


def test_a_second_time_complaint_dialogue_needs_notice_five_days_before_and_the_director(second_time_case, inspector):
    kwargs = {
        "actor": inspector,
        "kind": "dialogue",
        "organiser_unit": f.unit("ttr-pc"),
        "held_on": date(2026, 9, 14),
        "place": "Trụ sở Sở",
        "matter": "Đối thoại giải quyết khiếu nại lần hai",
        "participants": "Giám đốc Sở; người khiếu nại; người bị khiếu nại",
        "case": second_time_case,
    }
    with pytest.raises(services.Refused) as refused:
        services.record_mediation(**kwargs, director_attends=True)
    assert refused.value.field == "notice_sent_on"
    # From 01/07/2026 the legal engine gives the last day (Decree 155/2026 Art 11): 09/09/2026.
    assert services.latest_dialogue_notice(date(2026, 9, 14)) == date(2026, 9, 9)
    with pytest.raises(services.Refused) as refused:
        services.record_mediation(**kwargs, director_attends=True, notice_sent_on=date(2026, 9, 10))
    assert "chậm nhất 5 ngày trước ngày đối thoại" in refused.value.message_vi
    with pytest.raises(services.Refused) as refused:
        services.record_mediation(**kwargs, director_attends=False, notice_sent_on=date(2026, 9, 9))
    assert refused.value.field == "director_attends"
    session = services.record_mediation(
        **kwargs,
        director_attends=True,
        notice_sent_on=date(2026, 9, 9),
        outcome="partly",
        minutes="Các bên trình bày ý kiến",
    )
    assert session.case == second_time_case


def test_the_unions_record_their_mediation_sessions(clock, client, demo_org, user):
    congdoan = user("congdoan")
    client.force_login(congdoan)
    response = client.post(
        reverse("coordination:mediation_new"),
        {
            "kind": "mediation",
            "organiser_unit": f.unit("cong-doan").pk,
            "held_on": "25/02/2026",
            "place": "Nhà hát Dân ca Quan họ",
            "matter": "Hòa giải về chế độ làm thêm giờ",
            "participants": "Công đoàn Sở; đại diện viên chức",
            "outcome": "agreed",
        },
    )
    assert response.status_code == 302
    # A union may not record for another unit.
    other = client.post(
        reverse("coordination:mediation_new"),
        {
            "kind": "mediation",
            "organiser_unit": f.unit("ttr-pc").pk,
            "held_on": "25/02/2026",
            "place": "x",
            "matter": "x",
            "participants": "x",
        },
    )
    assert other.status_code == 422


def test_the_legal_library_holds_the_plan_s_texts_with_status_and_summary(clock, client, plan, officer):
    assert LegalText.objects.filter(in_plan=True).count() >= 10
    nd64 = LegalText.objects.get(number="64/2014/NĐ-CP")
    assert nd64.replaced_by.number == "154/2026/NĐ-CP"
    ct14 = LegalText.objects.get(number="14/CT-TTg")
    assert (ct14.issuer, ct14.issued_on, ct14.in_plan) == ("Thủ tướng Chính phủ", date(2012, 5, 18), True)
    assert LegalText.objects.get(number="42/2013/QH13").status == LegalTextStatus.IN_FORCE  # seeded as of 01/03/2026
    client.force_login(officer)
    body = client.get(reverse("coordination:legal_library") + "?ke-hoach=1").content.decode()
    assert "28/CT-TTg" in body
    assert "409/KH-UBND" in body
    assert "30/2020/NĐ-CP" not in body  # not named in the plan


def test_a_dissemination_session_records_audience_documents_and_attendance(clock, client, plan, inspector):
    texts = list(LegalText.objects.filter(number__in=["42/2013/QH13", "02/2011/QH13"]))
    client.force_login(inspector)
    bad = client.post(
        reverse("coordination:dissemination_new"),
        {
            "organiser_unit": f.unit("ttr-pc").pk,
            "held_on": "10/01/2026",
            "place": "Hội trường",
            "audience": "staff",
            "attendees": "0",
        },
    )
    assert bad.status_code == 422
    ok = client.post(
        reverse("coordination:dissemination_new"),
        {
            "organiser_unit": f.unit("ttr-pc").pk,
            "held_on": "10/01/2026",
            "place": "Hội trường",
            "audience": "citizens",
            "audience_detail": "Nhân dân phường Kinh Bắc",
            "attendees": "45",
            "legal_texts": [t.pk for t in texts],
            "materials": "Tờ gấp hỏi – đáp",
        },
    )
    assert ok.status_code == 302
    body = client.get(reverse("coordination:dissemination_list")).content.decode()
    assert "Nhân dân phường Kinh Bắc" in body
    assert "42/2013/QH13" in body
    library = client.get(reverse("coordination:legal_library")).content.decode()
    assert library.count("<td>1</td>") >= 2  # each text counts its sessions


def test_a_lessons_learned_review_tracks_its_measures_until_done(election, inspector, leader):
    review = f.review(period=election)
    measure = review.tasks.get()
    assert measure.state(date(2026, 4, 11)) == "overdue"
    services.complete_task(task=measure, actor=inspector, on=date(2026, 4, 9), result="Đã ban hành mẫu báo cáo")
    measure.refresh_from_db()
    assert measure.status == TaskStatus.DONE
    assert measure.state(date(2026, 5, 1)) == "done"
    with pytest.raises(services.Refused):
        services.create_review(
            actor=inspector, unit=f.unit("ttr-pc"), title="x", held_on=date(2026, 4, 1), what_happened="x"
        )


def test_reminders_are_sent_once_per_overdue_task(election, inspector):
    esc = f.escalation()
    task = f.direction_task(esc, owner_unit="ttr-pc", owner="thanhtra", due=date(2026, 3, 5))
    assert services.remind_overdue(today=date(2026, 3, 9)) >= 1
    assert services.remind_overdue(today=date(2026, 3, 10)) == 0
    assert (
        Notification.objects.filter(recipient=inspector, kind="task_overdue", link=task.get_absolute_url()).count() == 1
    )


def test_my_work_shows_overdue_and_due_soon_tasks_and_notices(clock, client, election, handler):
    esc = f.escalation()
    f.direction_task(esc, owner="chuyenvien", due=date(2026, 3, 2), text="Việc đã quá hạn")
    f.direction_task(esc, owner="chuyenvien", due=date(2026, 3, 4), text="Việc sắp đến hạn")
    client.force_login(handler)
    body = client.get(reverse("coordination:my_work")).content.decode()
    assert 'id="count-overdue">1<' in body
    assert 'id="count-due-soon">1<' in body
    notices = body.split('id="my-notices"', 1)[1]
    assert "Nhiệm vụ mới" in notices
