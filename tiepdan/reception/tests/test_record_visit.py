"""record_visit: the rules of a visit (repeat, representatives, split, refusal, deadlines, mass notice)."""

from datetime import date, datetime, timedelta

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError

from tiepdan.audit.crypto import blind_index
from tiepdan.deadlines.models import Deadline
from tiepdan.notifications.models import Notification
from tiepdan.people.models import Citizen
from tiepdan.reception import services
from tiepdan.reception.models import Incident, MassVisitAcknowledgement, Visit, VisitCorrection
from tiepdan.reception.services import VisitorInput
from tiepdan.reception.tests.conftest import TZ, group

pytestmark = pytest.mark.django_db


def _errors(excinfo) -> dict:
    return excinfo.value.message_dict


def test_a_visit_is_recorded_with_its_answer_deadline_explained(officer, visit_input, now):
    (visit,) = services.record_visit(data=visit_input(), actor=officer, now=now)
    assert visit.unit.code == "ttr-pc"
    assert visit.officer.full_name == "Phạm Thu Trang"
    assert not visit.is_repeat
    assert not visit.is_mass
    deadline = Deadline.objects.get(object_id=visit.pk, rule_id="TCD-ANSWER-10")
    # Thu 26/11/2026 + 10 working days = Thu 10/12/2026 (Law 42/2013 Art 28(1)).
    assert deadline.due_on == date(2026, 12, 10) == visit.answer_due_on
    assert deadline.explanation
    assert "Điều 28" in deadline.source
    assert LogEntry.objects.get_for_object(visit).filter(action=LogEntry.Action.CREATE).exists()


def test_a_returning_citizen_with_the_same_id_number_is_recognised_and_the_visit_marked_repeat(
    officer, visit_input, now
):
    services.record_visit(data=visit_input(), actor=officer, now=now)
    again = visit_input(
        received_at=datetime(2026, 11, 27, 8, 0, tzinfo=TZ),
        visitors=(VisitorInput(full_name="Nguyen Van Binh", id_number="027 090 001 234"),),
    )
    (second,) = services.record_visit(data=again, actor=officer, now=now)
    assert second.is_repeat
    assert Citizen.objects.filter(id_number="027090001234").count() == 1
    citizen = Citizen.objects.get(id_number="027090001234")
    assert set(citizen.visits.values_list("pk", flat=True)) == {second.pk, Visit.objects.exclude(pk=second.pk).get().pk}


def test_a_citizen_who_wrote_before_makes_the_visit_a_repeat(officer, visit_input, make_letter, now):
    citizen = Citizen.objects.create(full_name="Lê Thị Hoa", id_number="027190005555")
    make_letter(sender=citizen, received_on=date(2026, 10, 1))
    (visit,) = services.record_visit(
        data=visit_input(visitors=(VisitorInput(citizen_id=citizen.pk),)), actor=officer, now=now
    )
    assert visit.is_repeat


@pytest.mark.parametrize(
    ("field", "change", "message"),
    [
        ("received_at", {"received_at": datetime(2026, 11, 28, 9, 0, tzinfo=TZ)}, "không được sau thời điểm hiện tại"),
        ("visitor-0-id_number", {"visitors": (VisitorInput(full_name="A B C", id_number="12345"),)}, "đúng 12 chữ số"),
        ("matter_types", {"matter_types": ()}, "Chọn loại nội dung"),
        ("content", {"content": "  "}, "Chưa nhập nội dung"),
        ("visitors", {"visitors": ()}, "ít nhất một công dân"),
        ("outcome", {"outcome": "maybe"}, "Chọn kết quả"),
        ("competent_body", {"outcome": "transferred"}, "cơ quan có thẩm quyền"),
        ("refusal_ground", {"outcome": "refused"}, "Điều 9"),
    ],
)
def test_bad_input_is_refused_with_a_vietnamese_message_on_its_field(officer, visit_input, now, field, change, message):
    with pytest.raises(ValidationError) as excinfo:
        services.record_visit(data=visit_input(**change), actor=officer, now=now)
    assert any(message in m for m in _errors(excinfo)[field])
    assert not Visit.objects.exists()


@pytest.mark.parametrize(
    ("head_count", "named", "representatives", "problem"),
    [
        (12, 6, 0, "phải cử người đại diện"),
        (12, 6, 6, "không quá 5 người đại diện (đang có 6)"),
        (7, 3, 3, "chỉ cử 1 hoặc 2 người đại diện"),
        (12, 5, 5, None),
        (7, 2, 2, None),
        (3, 3, 0, None),
    ],
)
def test_group_representatives_follow_tcd_rep_1(officer, visit_input, now, head_count, named, representatives, problem):
    data = visit_input(head_count=head_count, visitors=group(named, representatives))
    if problem is None:
        (visit,) = services.record_visit(data=data, actor=officer, now=now)
        assert visit.participants.filter(is_representative=True).count() == representatives
        return
    with pytest.raises(ValidationError) as excinfo:
        services.record_visit(data=data, actor=officer, now=now)
    assert any(problem in m for m in _errors(excinfo)["representatives"])


def test_more_named_people_than_the_head_count_is_refused(officer, visit_input, now):
    with pytest.raises(ValidationError) as excinfo:
        services.record_visit(data=visit_input(head_count=2, visitors=group(3, 0)), actor=officer, now=now)
    assert "ít hơn số người đã ghi tên" in _errors(excinfo)["head_count"][0]


def test_a_mass_visit_notifies_the_leadership_the_inspection_and_the_advisory_head_once(officer, visit_input, now):
    (visit,) = services.record_visit(data=visit_input(head_count=12, visitors=group(5, 5)), actor=officer, now=now)
    assert visit.is_mass
    recipients = set(Notification.objects.filter(kind="mass_visit").values_list("recipient__username", flat=True))
    assert {"giamdoc", "phogiamdoc", "thanhtra"} <= recipients
    assert "tiepdan" not in recipients
    assert "baotang" not in recipients
    notice = Notification.objects.filter(recipient__username="giamdoc").get()
    assert notice.link == f"/tiep-dan/{visit.code}/dong-nguoi/"
    assert "12 người" in notice.title
    assert services.notify_mass_visit(visit) == 0  # never twice


def test_the_mass_threshold_is_a_setting(officer, visit_input, now, settings):
    settings.TIEPDAN_MASS_THRESHOLD = 3
    (visit,) = services.record_visit(data=visit_input(head_count=3, visitors=group(3, 0)), actor=officer, now=now)
    assert visit.is_mass


def test_a_mixed_content_is_split_into_one_visit_per_type(officer, visit_input, now):
    data = visit_input(
        matter_types=("complaint", "denunciation"), content="",
        split_contents={"complaint": "Khiếu nại quyết định xử phạt", "denunciation": "Tố cáo cán bộ nhận tiền"},
    )
    first, second = services.record_visit(data=data, actor=officer, now=now)
    assert (first.matter_type, second.matter_type) == ("complaint", "denunciation")
    assert second.split_from == first
    assert second.content == "Tố cáo cán bộ nhận tiền"
    citizen = first.participants.get().citizen
    # The denunciation part keeps its visitor encrypted (TC-CONFID), not as a link to the citizen record.
    assert not second.participants.exists()
    (denouncer,) = second.denouncers.all()
    assert citizen.full_name not in denouncer.payload
    assert denouncer.id_number_index == blind_index("id", citizen.id_number)


def test_a_mixed_content_without_its_parts_prompts_the_split(officer, visit_input, now):
    with pytest.raises(ValidationError) as excinfo:
        services.record_visit(data=visit_input(matter_types=("complaint", "petition")), actor=officer, now=now)
    errors = _errors(excinfo)
    assert "Điều 25 khoản 3" in errors["content_complaint"][0]
    assert "content_petition" in errors


def test_a_refusal_for_persistent_repeat_complaints_needs_the_written_notice_in_three_working_days(
    officer, visit_input, now
):
    data = visit_input(outcome="refused", refusal_ground="law9-3")
    (visit,) = services.record_visit(data=data, actor=officer, now=now)
    assert visit.refusal_notice_required
    notice = Deadline.objects.get(object_id=visit.pk, rule_id="TCD-REFUSE-NOTICE")
    assert notice.due_on == date(2026, 12, 1)  # Thu 26/11 + 3 working days
    assert not Deadline.objects.filter(object_id=visit.pk, rule_id="TCD-ANSWER-10").exists()


def test_an_oral_refusal_ground_needs_no_notice(officer, visit_input, now):
    data = visit_input(outcome="refused", refusal_ground="law9-2")
    (visit,) = services.record_visit(data=data, actor=officer, now=now)
    assert not visit.refusal_notice_required


def test_an_outsider_may_not_record_visits(outsider, visit_input, now):
    with pytest.raises(PermissionDenied):
        services.record_visit(data=visit_input(), actor=outsider, now=now)


def test_a_leader_scheduled_visit_is_linked_to_the_session_of_the_day(officer, leader, visit_input, now):
    from tiepdan.reception.services import plan_session

    director = leader.staff
    session = plan_session(actor=officer, host=director, planned_on=date(2026, 11, 26))
    (visit,) = services.record_visit(
        data=visit_input(leader_mode="scheduled", leader_id=director.pk, host_role="head"), actor=officer, now=now
    )
    assert visit.session == session
    assert visit.unit.code == "ttr-pc"


def test_a_correction_keeps_the_previous_version(officer, visit_input, now):
    (visit,) = services.record_visit(data=visit_input(), actor=officer, now=now)
    services.correct_visit(visit=visit, actor=officer, reason="Ghi nhầm", changes={"content": "Nội dung đúng"})
    correction = VisitCorrection.objects.get(visit=visit)
    assert correction.changes["content"] == ["Khiếu nại quyết định xử phạt hoạt động karaoke", "Nội dung đúng"]
    assert LogEntry.objects.get_for_object(visit).filter(action=LogEntry.Action.UPDATE).exists()
    with pytest.raises(ValidationError):
        services.correct_visit(visit=visit, actor=officer, reason="", changes={"content": "x"})


def test_the_leader_acknowledges_a_mass_visit_once_and_the_notice_is_read(officer, leader, visit_input, now):
    (visit,) = services.record_visit(data=visit_input(head_count=6, visitors=group(2, 2)), actor=officer, now=now)
    services.acknowledge_mass_visit(visit=visit, actor=leader, note="Giao Thanh tra chủ trì", now=now)
    services.acknowledge_mass_visit(visit=visit, actor=leader, now=now + timedelta(minutes=1))
    ack = MassVisitAcknowledgement.objects.get()
    assert ack.note == "Giao Thanh tra chủ trì"
    assert Notification.objects.get(recipient=leader, kind="mass_visit").read_at is not None
    with pytest.raises(PermissionDenied):
        services.acknowledge_mass_visit(visit=visit, actor=officer)


def test_incidents_are_recorded_by_the_planning_office_only(officer, visit_input, now, demo_org):
    from django.contrib.auth import get_user_model

    planning = get_user_model().objects.get(username="khth")
    (visit,) = services.record_visit(data=visit_input(head_count=6, visitors=group(2, 1)), actor=officer, now=now)
    incident = services.record_incident(
        visit=visit, actor=planning, occurred_at=now - timedelta(minutes=10), kind="police_called",
        description="Một số người lớn tiếng, đã mời công an phường hỗ trợ", now=now,
    )
    assert Incident.objects.get() == incident
    assert Notification.objects.filter(kind="reception_incident", recipient__username="giamdoc").exists()
    with pytest.raises(PermissionDenied):
        services.record_incident(visit=visit, actor=officer, occurred_at=now, kind="other", description="x")
    with pytest.raises(ValidationError) as excinfo:
        services.record_incident(visit=visit, actor=planning, occurred_at=now + timedelta(hours=1), kind="x",
                                 description="", now=now)
    assert set(_errors(excinfo)) == {"occurred_at", "kind", "description"}
