"""Fixtures of the coordination tests: an event period with its rules, the department's plan, a case.

Django imports stay inside the fixtures so that test_rules.py runs with `-p no:django`.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


@pytest.fixture
def make_period(demo_org, leader):
    """An event period with rules, created through the service like an administrator would."""
    from tiepdan.coordination import services

    def make(
        *,
        starts_on=date(2026, 3, 15),
        ends_on=date(2026, 3, 15),
        before_days=10,
        after_days=5,
        hours=2,
        percent=70,
        name="Bầu cử đại biểu Quốc hội khóa XVI",
        short_name="Bầu cử 2026",
    ):
        period = services.create_period(
            agency=demo_org,
            actor=leader,
            name=name,
            short_name=short_name,
            starts_on=starts_on,
            ends_on=ends_on,
            before_days=before_days,
            after_days=after_days,
        )
        phases = ["before", "during", "after"]
        if hours:
            services.set_period_rule(period=period, actor=leader, kind="mass_escalation", phases=phases, value=hours)
        if percent:
            services.set_period_rule(period=period, actor=leader, kind="internal_limit", phases=phases, value=percent)
        services.set_period_rule(period=period, actor=leader, kind="daily_report", phases=phases)
        services.set_period_rule(period=period, actor=leader, kind="duty_roster", phases=["during"])
        return period

    return make


@pytest.fixture
def election(make_period):
    return make_period()


@pytest.fixture
def plan(demo_org, leader):
    from tiepdan.coordination.demo import seed_legal_library, seed_plan

    seed_legal_library(date(2026, 3, 1))
    return seed_plan(demo_org, actor=leader)


@pytest.fixture
def culture_case(make_letter, handler):
    from tiepdan.cases.services import open_case

    letter = make_letter("ql-van-hoa", received_on=date(2026, 3, 2))
    return open_case(letter=letter, track="complaint_first", actor=handler)


@pytest.fixture
def user(demo_org):
    from django.contrib.auth import get_user_model

    return lambda username: get_user_model().objects.get(username=username)


@pytest.fixture
def clock(monkeypatch):
    """The views' clock set to a day (default Tue 03/03/2026 10:00, during the election period's run-up)."""
    from tiepdan.coordination.views import common

    state = {"now": at(date(2026, 3, 3), 10)}
    monkeypatch.setattr(common, "_now", lambda: state["now"])

    def set_to(day: date, hour: int = 10, minute: int = 0):
        state["now"] = at(day, hour, minute)
        return state["now"]

    return set_to
