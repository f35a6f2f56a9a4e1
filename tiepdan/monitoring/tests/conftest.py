"""Fixtures of the monitoring tests: letters and visits in bulk, on chosen days, in chosen communes."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

TIEN_DU = 9319
LIM_DOMAIN = "le-hoi"
TODAY = date(2026, 3, 2)  # a Monday inside the election's monitoring period


@pytest.fixture
def add_letters(demo_org, officer):
    """add_letters(days, commune=..., domain="le-hoi", unit="ql-di-san", **fields) → letters, one per day."""
    from tiepdan.letters.models import Letter
    from tiepdan.org.models import Domain, Unit

    def add(days, *, commune=TIEN_DU, domain=LIM_DOMAIN, unit="ql-di-san", **fields):
        domain_obj = Domain.objects.get(code=domain) if domain else None
        unit_obj = Unit.objects.get(code=unit)
        letters = [
            Letter(
                unit=unit_obj,
                channel=fields.get("channel", "post"),
                received_on=day,
                signer_count=fields.get("signer_count", 1),
                summary=fields.get("summary", "Khiếu nại việc thu hồi đất bãi lễ hội"),
                matter_type=fields.get("matter_type", "complaint"),
                domain=domain_obj,
                commune_code=commune,
                due_on=fields.get("due_on", day + timedelta(days=14)),
                status=fields.get("status", "classified"),
                duplicate_of=fields.get("duplicate_of"),
                created_by=officer,
            )
            for day in days
        ]
        return Letter.objects.bulk_create(letters)

    return add


@pytest.fixture
def add_visits(demo_org, officer):
    from tiepdan.org.models import Domain, Unit
    from tiepdan.reception.models import Visit

    def add(days, *, commune=TIEN_DU, domain=LIM_DOMAIN, unit="ttr-pc", head_count=1, **fields):
        domain_obj = Domain.objects.get(code=domain) if domain else None
        unit_obj = Unit.objects.get(code=unit)
        zone = ZoneInfo("Asia/Ho_Chi_Minh")
        visits = [
            Visit(
                unit=unit_obj,
                received_at=datetime.combine(day, time(9, 0), tzinfo=zone),
                head_count=head_count,
                is_mass=head_count >= 5,
                matter_type=fields.get("matter_type", "complaint"),
                domain=domain_obj,
                commune_code=commune,
                content=fields.get("content", "Trình bày việc thu hồi đất bãi lễ hội"),
                is_repeat=fields.get("is_repeat", False),
                outcome=fields.get("outcome", "guided"),
                created_by=officer,
            )
            for day in days
        ]
        return Visit.objects.bulk_create(visits)

    return add


@pytest.fixture
def build_up(add_letters, add_visits):
    """A build-up in Xã Tiên Du about the festival ground: 6 letters and 3 visits in the 10 days to TODAY."""

    def make(today=TODAY):
        days = [today - timedelta(days=d) for d in (9, 7, 6, 4, 3, 1)]
        letters = add_letters(days, signer_count=4, channel="transferred")
        visits = add_visits([today - timedelta(days=d) for d in (5, 2, 0)], head_count=8, is_repeat=True)
        return letters, visits

    return make


@pytest.fixture
def refreshed():
    """Run the whole daily monitoring job as of a day (no real clock)."""
    from tiepdan.monitoring.services import refresh_monitoring

    def run(today=TODAY, **kw):
        return refresh_monitoring(today=today, full=True, **kw)

    return run
