"""Issue 7 acceptance: on the demo data the build-up is flagged as a hot spot before the election date,
with its factors shown; the alert reached the leadership and the inspection once."""

from datetime import date

import pytest
from django.urls import reverse

from tiepdan.core.demo.generate import generate
from tiepdan.monitoring.demo import COMMUNE, ELECTION, seed_hot_spot_buildup
from tiepdan.monitoring.models import HotSpot, HotSpotKind
from tiepdan.notifications.models import Notification

pytestmark = pytest.mark.django_db

DEMO_TODAY = date(2026, 11, 27)


@pytest.fixture
def demo(demo_org):
    # The generated letters and visits (the other apps' demo seeds add no letters or visits).
    generate(agency=demo_org, letters=400, seed=2026, today=DEMO_TODAY, progress=False)
    return seed_hot_spot_buildup(agency=demo_org, today=DEMO_TODAY, seed=2026)


def test_the_demo_build_up_is_flagged_before_the_election_with_its_factors(client, leader, demo):
    assert demo.letters == 10
    assert demo.visits == 7
    spot = HotSpot.objects.get(kind=HotSpotKind.COMMUNE_DOMAIN, commune_code=COMMUNE)
    assert spot.detected_on < ELECTION
    assert spot.event_code == "bau-cu-2026"
    assert spot.domain.code == "le-hoi"
    points = {f["factor"]: f["points"] for f in spot.factors}
    assert {k for k, v in points.items() if v > 0} >= {"people", "repeat", "over_level", "sensitive", "event"}
    assert spot.level in {"medium", "high"}
    # Nothing else in the generated data looks like a build-up.
    assert set(HotSpot.objects.exclude(kind=HotSpotKind.FORECAST).values_list("commune_code", flat=True)) == {COMMUNE}
    alerted = set(Notification.objects.filter(kind="hot_spot", link=spot.get_absolute_url())
                  .values_list("recipient__username", flat=True))
    assert alerted == {"giamdoc", "phogiamdoc", "thanhtra"}

    client.force_login(leader)
    body = client.get(spot.get_absolute_url()).content.decode()
    assert f"{spot.detected_on:%d/%m/%Y}" in body
    for label in ("Số người liên quan", "Tiếp nhiều lần, đơn trùng", "Gửi vượt cấp", "Lĩnh vực nhạy cảm"):
        assert label in body
    register = client.get(reverse("monitoring:hot_spot_list")).content.decode()
    assert "Lễ hội tại Xã Tiên Du" in register

    # Seeding again adds nothing (the demo command may run twice).
    again = seed_hot_spot_buildup(agency=leader.staff.unit.agency, today=DEMO_TODAY, seed=2026)
    assert again.letters == 0
    assert HotSpot.objects.filter(kind=HotSpotKind.COMMUNE_DOMAIN, commune_code=COMMUNE).count() == 1


def test_before_the_election_the_build_up_ends_today_and_is_already_flagged(demo_org):
    today = date(2026, 2, 27)
    generate(agency=demo_org, letters=300, seed=7, today=today, progress=False)
    seed_hot_spot_buildup(agency=demo_org, today=today, seed=7)
    spot = HotSpot.objects.get(kind=HotSpotKind.COMMUNE_DOMAIN, commune_code=COMMUNE)
    assert spot.detected_on <= today
    assert spot.is_open
