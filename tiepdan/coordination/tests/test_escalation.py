"""Escalation to the leadership: a mass visit during an event period is escalated at once; the
leader's direction becomes tasks in the assignees' "my work"; completing them is reported back."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tiepdan.coordination import services
from tiepdan.coordination.models import Escalation, EscalationStatus, Task, TaskStatus
from tiepdan.coordination.tests.conftest import at
from tiepdan.notifications.models import Notification
from tiepdan.org.models import Unit


def _mass_visit(make_visit, django_capture_on_commit_callbacks, *, day=date(2026, 3, 12), head_count=12):
    with django_capture_on_commit_callbacks(execute=True):
        return make_visit(
            "ttr-pc",
            received_at=at(day, 9),
            head_count=head_count,
            is_mass=head_count >= 5,
            matter_type="complaint",
            content="Đoàn 12 hộ dân khiếu nại việc thu hồi đất xây dựng nhà văn hóa thôn",
        )


def test_a_mass_visit_during_an_event_period_is_escalated_at_once(
    election, make_visit, django_capture_on_commit_callbacks, leader, client
):
    visit = _mass_visit(make_visit, django_capture_on_commit_callbacks)

    escalation = Escalation.objects.get(visit=visit)
    assert escalation.is_automatic
    assert escalation.reasons == ["mass"]
    assert escalation.period == election
    # The period's rule: the unit completes the summary within 2 hours of the reception.
    assert escalation.due_at == visit.received_at + timedelta(hours=2)
    assert escalation.status == EscalationStatus.REPORTED
    # The leadership is told at once (in-app, and by e-mail when configured) ...
    assert Notification.objects.filter(recipient=leader, kind="escalation", link=escalation.get_absolute_url()).exists()
    # ... and finds it on its "my work" page, awaiting a direction.
    client.force_login(leader)
    body = client.get(reverse("coordination:my_work")).content.decode()
    assert escalation.code in body
    assert "Chờ ý kiến chỉ đạo của tôi" in body


def test_no_escalation_outside_any_event_period(election, make_visit, django_capture_on_commit_callbacks):
    visit = _mass_visit(make_visit, django_capture_on_commit_callbacks, day=date(2026, 6, 1))
    assert not Escalation.objects.filter(visit=visit).exists()


def test_a_small_group_is_not_escalated(election, make_visit, django_capture_on_commit_callbacks):
    visit = _mass_visit(make_visit, django_capture_on_commit_callbacks, head_count=3)
    assert not Escalation.objects.filter(visit=visit).exists()


def test_the_sweep_escalates_bulk_written_visits_once(election, make_visit):
    visit = make_visit("ttr-pc", received_at=at(date(2026, 3, 14), 8), head_count=20, is_mass=True)
    now = at(date(2026, 3, 14), 10)
    assert services.sweep_mass_matters(now=now) == 1
    assert services.sweep_mass_matters(now=now) == 0
    assert services.escalate_mass_matter(visit=visit, now=now) is None
    assert Escalation.objects.filter(visit=visit).count() == 1


def test_a_mass_letter_during_the_period_is_escalated(election, make_letter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        letter = make_letter("ql-van-hoa", received_on=date(2026, 3, 12), signer_count=15)
    type(letter).objects.filter(pk=letter.pk).update(created_at=at(date(2026, 3, 12), 10))
    services.sweep_mass_matters(now=at(date(2026, 3, 12), 11))
    escalation = Escalation.objects.get(letter=letter)
    assert escalation.head_count == 15


def test_the_denunciation_content_stays_out_of_the_escalation(
    election, make_visit, django_capture_on_commit_callbacks, leader
):
    with django_capture_on_commit_callbacks(execute=True):
        visit = make_visit(
            "ttr-pc",
            received_at=at(date(2026, 3, 12), 9),
            head_count=8,
            is_mass=True,
            matter_type="denunciation",
            content="Tố cáo ông Trần Văn B nhận hối lộ",
        )
    escalation = Escalation.objects.get(visit=visit)
    assert "Trần Văn B" not in escalation.title + escalation.summary
    assert not Notification.objects.filter(title__contains="Trần Văn B").exists()


def test_the_leader_direction_becomes_tasks_in_the_assignees_my_work(
    election, make_visit, django_capture_on_commit_callbacks, leader, inspector, handler, client
):
    visit = _mass_visit(make_visit, django_capture_on_commit_callbacks)
    escalation = Escalation.objects.get(visit=visit)
    ttr = Unit.objects.get(code="ttr-pc")
    culture = Unit.objects.get(code="ql-van-hoa")
    direction = services.record_direction(
        escalation=escalation,
        actor=leader,
        on=date(2026, 3, 12),
        text="Giao Phòng Thanh tra – Pháp chế chủ trì tiếp đại diện đoàn, báo cáo trong 03 ngày.",
        tasks=[
            services.TaskInput(
                text="Tiếp đại diện đoàn, rà soát hồ sơ", owner_unit=ttr, owner=inspector, due_on=date(2026, 3, 15)
            ),
            services.TaskInput(
                text="Cung cấp hồ sơ cấp phép nhà văn hóa", owner_unit=culture, due_on=date(2026, 3, 14)
            ),
        ],
    )
    escalation.refresh_from_db()
    assert escalation.status == EscalationStatus.DIRECTED
    assert direction.tasks.count() == 2
    # The named owner, and the head of the unit given a task without a named owner, are told.
    assert Notification.objects.filter(recipient=inspector, kind="task").exists()
    head = Unit.objects.get(code="ql-van-hoa").staff.get(user__username="truongphong").user
    assert Notification.objects.filter(recipient=head, kind="task").exists()
    # Each task is on its assignee's "my work" page.
    client.force_login(inspector)
    assert "Tiếp đại diện đoàn, rà soát hồ sơ" in client.get(reverse("coordination:my_work")).content.decode()
    client.force_login(handler)
    assert "Cung cấp hồ sơ cấp phép nhà văn hóa" in client.get(reverse("coordination:my_work")).content.decode()


def test_completing_every_task_tells_the_leader_and_completes_the_escalation(
    election, make_visit, django_capture_on_commit_callbacks, leader, inspector
):
    visit = _mass_visit(make_visit, django_capture_on_commit_callbacks)
    escalation = Escalation.objects.get(visit=visit)
    ttr = Unit.objects.get(code="ttr-pc")
    services.record_direction(
        escalation=escalation,
        actor=leader,
        on=date(2026, 3, 12),
        text="Rà soát, báo cáo.",
        tasks=[services.TaskInput(text="Rà soát hồ sơ", owner_unit=ttr, owner=inspector, due_on=date(2026, 3, 16))],
    )
    task = Task.objects.get(direction__escalation=escalation)
    services.complete_task(task=task, actor=inspector, on=date(2026, 3, 13), result="Đã tiếp, công dân đồng ý về.")
    task.refresh_from_db()
    escalation.refresh_from_db()
    assert task.status == TaskStatus.DONE
    assert escalation.status == EscalationStatus.COMPLETED
    assert Notification.objects.filter(recipient=leader, kind="task_done").exists()


def test_only_the_leadership_gives_directions(election, make_visit, django_capture_on_commit_callbacks, inspector):
    visit = _mass_visit(make_visit, django_capture_on_commit_callbacks)
    escalation = Escalation.objects.get(visit=visit)
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.record_direction(escalation=escalation, actor=inspector, on=date(2026, 3, 12), text="x", tasks=[])


def test_a_direction_needs_a_task_with_owner_and_due_date(
    election, make_visit, django_capture_on_commit_callbacks, leader
):
    visit = _mass_visit(make_visit, django_capture_on_commit_callbacks)
    escalation = Escalation.objects.get(visit=visit)
    with pytest.raises(services.Refused) as refused:
        services.record_direction(escalation=escalation, actor=leader, on=date(2026, 3, 12), text="Rà soát", tasks=[])
    assert refused.value.field == "task_0_text"
    ttr = Unit.objects.get(code="ttr-pc")
    with pytest.raises(services.Refused) as refused:
        services.record_direction(
            escalation=escalation,
            actor=leader,
            on=date(2026, 3, 12),
            text="Rà soát",
            tasks=[services.TaskInput(text="Rà soát", owner_unit=ttr, due_on=date(2026, 3, 1))],
        )
    assert refused.value.field == "task_0_due_on"
    assert "không được trước ngày giao nhiệm vụ" in refused.value.message_vi


def test_a_task_on_a_case_cannot_be_due_after_the_case_legal_deadline(culture_case, leader, inspector):
    legal_due = culture_case.due_on
    escalation = services.escalate(
        actor=inspector,
        unit=culture_case.unit,
        title=culture_case.title,
        summary="Vụ việc phức tạp, nhiều lần khiếu nại.",
        reasons=["complex"],
        received_at=at(date(2026, 3, 3)),
        now=at(date(2026, 3, 3), 10),
        case=culture_case,
    )
    with pytest.raises(services.Refused) as refused:
        services.record_direction(
            escalation=escalation,
            actor=leader,
            on=date(2026, 3, 3),
            text="Giải quyết dứt điểm.",
            tasks=[
                services.TaskInput(
                    text="Giải quyết", owner_unit=culture_case.unit, due_on=legal_due + timedelta(days=1)
                )
            ],
        )
    assert "không được muộn hơn thời hạn giải quyết theo quy định" in refused.value.message_vi


def test_a_leader_opening_the_escalation_marks_it_seen(
    election, make_visit, django_capture_on_commit_callbacks, leader, inspector, client
):
    visit = _mass_visit(make_visit, django_capture_on_commit_callbacks)
    escalation = Escalation.objects.get(visit=visit)
    client.force_login(inspector)
    client.get(escalation.get_absolute_url())
    escalation.refresh_from_db()
    assert escalation.seen_at is None
    client.force_login(leader)
    assert client.get(escalation.get_absolute_url()).status_code == 200
    escalation.refresh_from_db()
    assert escalation.seen_by == leader


def test_the_one_page_summary_shows_the_matter_and_room_for_the_direction(
    election, make_visit, django_capture_on_commit_callbacks, leader, client
):
    visit = _mass_visit(make_visit, django_capture_on_commit_callbacks)
    escalation = Escalation.objects.get(visit=visit)
    client.force_login(leader)
    body = client.get(reverse("coordination:escalation_summary", args=[escalation.code])).content.decode()
    assert "BÁO CÁO TÓM TẮT VỤ VIỆC" in body.upper()
    assert "nhà văn hóa thôn" in body
    assert "Ý kiến chỉ đạo của Lãnh đạo Sở" in body


def test_the_unit_completes_the_summary_late_and_it_shows(
    election, make_visit, django_capture_on_commit_callbacks, inspector
):
    visit = _mass_visit(make_visit, django_capture_on_commit_callbacks)
    escalation = Escalation.objects.get(visit=visit)
    services.complete_summary(
        escalation=escalation,
        actor=inspector,
        now=visit.received_at + timedelta(hours=3),
        title=escalation.title,
        summary=escalation.summary + " Đã vận động 8 người ra về.",
    )
    from tiepdan.coordination.rules import EscalationTiming, escalation_timing

    escalation.refresh_from_db()
    assert escalation_timing(escalation.due_at, escalation.completed_at, timezone.now()) == EscalationTiming.LATE


def test_a_mass_visit_recorded_at_the_reception_desk_is_escalated(
    election, officer, leader, django_capture_on_commit_callbacks
):
    """The real path: the reception service records the visit; coordination escalates it on commit."""
    from tiepdan.reception.services import VisitInput, VisitorInput, record_visit

    data = VisitInput(
        received_at=at(date(2026, 3, 12), 9, 30),
        matter_types=("complaint",),
        content="Tám hộ dân khiếu nại việc thu hồi đất làm bãi đỗ xe khu di tích",
        outcome="letter_received",
        head_count=8,
        visitors=(
            VisitorInput(full_name="Nguyễn Văn Bình", id_number="027090001234", is_representative=True),
            VisitorInput(full_name="Trần Thị Hoa", id_number="027190005678", is_representative=True),
        ),
    )
    with django_capture_on_commit_callbacks(execute=True):
        (visit,) = record_visit(data=data, actor=officer, now=at(date(2026, 3, 12), 10))
    escalation = Escalation.objects.get(visit=visit)
    assert escalation.head_count == 8
    assert escalation.due_at == at(date(2026, 3, 12), 11, 30)
    assert Notification.objects.filter(recipient=leader, kind="escalation").exists()
