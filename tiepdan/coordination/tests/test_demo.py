"""The demo: the plan of ../shared/plan-2024.txt with its four assignees, the 2026 event periods, and
coordination work on the generated letters, visits and cases (through the services)."""

from datetime import date

import pytest

from tiepdan.coordination.demo import seed_coordination
from tiepdan.coordination.models import (
    Assignment,
    Direction,
    Escalation,
    EventPeriod,
    LegalText,
    Plan,
    Task,
)

TODAY = date(2026, 4, 20)


@pytest.fixture
def demo(demo_org):
    from tiepdan.core.demo.generate import generate, seed_open_work

    generate(agency=demo_org, letters=400, seed=11, today=TODAY, progress=False)
    seed_open_work(agency=demo_org, today=TODAY, seed=11, cases=12)
    return seed_coordination(demo_org, TODAY, 11)


def test_the_demo_ships_the_plan_with_its_four_assignees_and_their_tasks(demo):
    plan = Plan.objects.get()
    assert plan == demo
    assert [(a.heading, a.tasks.count()) for a in plan.assignees.order_by("order")] == [
        ("Phòng Kế hoạch – Tổng hợp", 2),
        ("Thanh tra sở", 4),
        ("Các cơ quan, đơn vị thuộc sở", 2),
        ("Đề nghị Công đoàn, Đoàn thanh niên Sở", 1),
    ]
    assert plan.periods.count() == 2


def test_the_demo_has_the_2026_event_periods_with_their_rules(demo):
    congress = EventPeriod.objects.get(code="dai-hoi-xiv")
    election = EventPeriod.objects.get(code="bau-cu-2026")
    assert (congress.window.first_day, congress.starts_on, congress.ends_on, congress.window.last_day) == (
        date(2026, 1, 1),
        date(2026, 1, 19),
        date(2026, 1, 23),
        date(2026, 1, 31),
    )
    assert (election.window.first_day, election.starts_on, election.window.last_day) == (
        date(2026, 1, 4),
        date(2026, 3, 15),
        date(2026, 3, 31),
    )
    assert set(congress.rules.values_list("kind", flat=True)) == {
        "daily_report",
        "internal_limit",
        "mass_escalation",
        "duty_roster",
    }
    assert election.milestones.count() == 8
    assert congress.duty_shifts.exists()


def test_the_demo_coordinates_the_generated_matters(demo):
    assert LegalText.objects.filter(in_plan=True).exists()
    assert Assignment.objects.exists()
    for assignment in Assignment.objects.all():
        assert assignment.legal_due_on is None or assignment.internal_due_on <= assignment.legal_due_on
    assert Escalation.objects.filter(is_automatic=True).exists()
    assert Direction.objects.exists()
    assert Task.objects.filter(status="done").exists()


def test_the_demo_seeding_is_idempotent(demo, demo_org):
    counts = (Plan.objects.count(), EventPeriod.objects.count(), Escalation.objects.count())
    seed_coordination(demo_org, TODAY, 11)
    assert (Plan.objects.count(), EventPeriod.objects.count(), Escalation.objects.count()) == counts
