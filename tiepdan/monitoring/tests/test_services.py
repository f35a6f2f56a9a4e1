"""The jobs on the database: roll-up, risk, detection with alerts (once), the register, forecasts, map."""

import json
from datetime import date, timedelta

import pytest

from tiepdan.monitoring import services
from tiepdan.monitoring.models import (
    CommuneMap,
    CommuneRisk,
    DailyCount,
    ForecastRow,
    HotSpot,
    HotSpotAction,
    HotSpotKind,
    MatterRisk,
)
from tiepdan.monitoring.tests.conftest import TIEN_DU, TODAY
from tiepdan.notifications.models import Notification

pytestmark = pytest.mark.django_db

PHU_KHE = 9373  # Phường Phù Khê


def _recipients(kind="hot_spot"):
    return sorted(Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True))


def test_the_roll_up_counts_letters_and_visits_per_day_and_dimension(add_letters, add_visits):
    day = date(2026, 2, 10)
    add_letters([day, day], signer_count=6, channel="deputy")
    add_letters([day], commune=PHU_KHE, domain="du-lich", unit="ql-du-lich")
    add_visits([day], head_count=3, is_repeat=True)
    services.refresh_rollup(first_day=day, last_day=day)
    total = {
        (r.source, r.unit.code if r.unit else "agency"): r for r in DailyCount.objects.filter(dimension="all")
    }
    letters = total[("letter", "ql-di-san")]
    assert (letters.count, letters.people, letters.mass, letters.over_level) == (2, 12, 2, 2)
    assert total[("visit", "ttr-pc")].repeat == 1
    # The agency's own rows are the sums over its units.
    assert total[("letter", "agency")].count == 3
    assert total[("letter", "agency")].people == 13
    communes = dict(
        DailyCount.objects.filter(dimension="commune", source="letter", unit__isnull=True).values_list("value", "count")
    )
    assert communes == {str(TIEN_DU): 2, str(PHU_KHE): 1}
    # Rebuilding the same days replaces them: never counted twice.
    rows = DailyCount.objects.count()
    services.refresh_rollup(first_day=day, last_day=day)
    assert DailyCount.objects.count() == rows


def test_a_build_up_is_flagged_once_and_alerts_the_leadership_and_the_inspection_once(build_up, demo_org):
    build_up()
    first = services.run_detection(day=TODAY)
    assert len(first.created) == 1
    spot = first.created[0]
    assert spot.kind == HotSpotKind.COMMUNE_DOMAIN
    assert spot.commune_code == TIEN_DU
    assert spot.domain.code == "le-hoi"
    assert spot.observed == 9
    assert spot.unit.code == "ql-di-san"
    assert spot.event_code == "bau-cu-2026"
    factors = {f["factor"]: f for f in spot.factors}
    assert factors["people"]["points"] == 20  # 24 signers + 24 visitors
    assert factors["over_level"]["points"] == 15  # transferred by a higher body
    assert factors["sensitive"]["points"] == 10  # festival ground
    assert factors["event"]["points"] == 10  # inside the election period
    assert _recipients() == ["giamdoc", "phogiamdoc", "thanhtra"]
    # The next runs follow it; nobody is told twice.
    again = services.run_detection(day=TODAY)
    assert again.created == []
    assert again.updated == 1
    services.run_detection(day=TODAY + timedelta(days=1))
    assert HotSpot.objects.count() == 1
    assert len(_recipients()) == 3
    assert HotSpotAction.objects.filter(hot_spot=spot, kind="detected").count() == 1


def test_a_flat_history_raises_no_hot_spot(add_letters, add_visits):
    # One letter every third day and one visit a week for 14 weeks: steady, however many.
    add_letters([TODAY - timedelta(days=d) for d in range(0, 98, 3)])
    add_visits([TODAY - timedelta(days=d) for d in range(0, 98, 7)])
    assert services.run_detection(day=TODAY).created == []
    assert not Notification.objects.exists()


def test_a_dismissed_false_alarm_is_not_raised_again_by_the_same_contacts(build_up, leader):
    build_up()
    spot = services.run_detection(day=TODAY).created[0]
    services.change_status(hot_spot=spot, to="dismissed", reason="Trùng với vụ việc đã đối thoại xong", actor=leader,
                           on=TODAY)
    assert services.run_detection(day=TODAY + timedelta(days=1)).created == []
    spot.refresh_from_db()
    assert spot.status == "dismissed"
    assert spot.close_reason.startswith("Trùng")


def test_one_matter_written_again_and_again_is_a_hot_spot_of_its_own(add_letters):
    first = add_letters([TODAY - timedelta(days=20)], commune=PHU_KHE, domain="can-bo", unit="ql-van-hoa")[0]
    add_letters([TODAY - timedelta(days=d) for d in (6, 3, 1)], commune=PHU_KHE, domain="can-bo",
                unit="ql-van-hoa", duplicate_of=first)
    created = services.run_detection(day=TODAY).created
    assert [s.kind for s in created] == [HotSpotKind.MATTER]
    assert created[0].letter == first
    assert created[0].observed == 3


def test_the_register_needs_a_reason_to_close_and_refuses_a_stale_move(build_up, leader, inspector):
    build_up()
    spot = services.run_detection(day=TODAY).created[0]
    services.assign_owner(hot_spot=spot, owner=inspector, actor=leader, on=TODAY)
    services.add_action(hot_spot=spot, text="Làm việc với UBND xã Tiên Du, đề nghị tạm dừng san lấp", actor=inspector,
                        on=TODAY)
    with pytest.raises(services.HotSpotRefused, match="lý do"):
        services.change_status(hot_spot=spot, to="resolved", reason=" ", actor=leader, on=TODAY)
    stale = HotSpot.objects.get(pk=spot.pk)
    services.change_status(hot_spot=spot, to="handling", reason="", actor=leader, on=TODAY)
    with pytest.raises(services.HotSpotRefused, match="tải lại"):
        services.change_status(hot_spot=stale, to="dismissed", reason="x", actor=inspector, on=TODAY)
    services.change_status(hot_spot=spot, to="resolved", reason="Đã đối thoại, các hộ đồng ý phương án", actor=leader,
                           on=TODAY + timedelta(days=5))
    assert spot.status == "resolved"
    assert spot.closed_on == TODAY + timedelta(days=5)
    assert spot.owner == inspector
    assert list(spot.actions.values_list("kind", flat=True)) == ["detected", "assign", "note", "status", "status"]
    with pytest.raises(services.HotSpotRefused, match="đã đóng"):
        services.add_action(hot_spot=spot, text="x", actor=leader, on=TODAY)


def test_communes_and_open_cases_get_explained_risk_scores(build_up, make_letter, handler):
    from tiepdan.cases.services import open_case

    build_up()
    letter = make_letter("ql-van-hoa", received_on=TODAY - timedelta(days=40), signer_count=12,
                         commune_code=PHU_KHE)
    case = open_case(letter=letter, track="complaint_first", actor=handler)
    communes, matters = services.refresh_risks(day=TODAY)
    assert communes >= 1
    assert matters == 1
    tien_du = CommuneRisk.objects.get(commune_code=TIEN_DU)
    assert tien_du.level == "high"
    assert tien_du.contacts == 9
    assert {f["factor"] for f in tien_du.factors} >= {"people", "repeat", "over_level", "sensitive", "event"}
    risk = MatterRisk.objects.get(case=case)
    factors = {f["factor"]: f["points"] for f in risk.factors}
    assert factors["people"] > 0
    assert factors["event"] == 10
    assert risk.unit.code == "ql-van-hoa"


def test_forecasts_are_stored_per_domain_and_commune_and_warn_of_a_spike_in_an_event_period(
    add_letters, add_visits, leader
):
    # Half a year of quiet (a letter a fortnight), then a month of two a week: the forecast made on
    # 02/03/2026 expects far more than usual in the election period.
    add_letters([TODAY - timedelta(days=d) for d in range(30, 182, 14)])
    add_letters([TODAY - timedelta(days=d) for d in range(0, 30, 3)], signer_count=3)
    add_visits([TODAY - timedelta(days=d) for d in range(1, 30, 4)], head_count=2)
    services.refresh_rollup(first_day=TODAY - timedelta(days=200), last_day=TODAY)
    result = services.refresh_forecasts(day=TODAY)
    kinds = set(ForecastRow.objects.values_list("kind", "key"))
    assert ("all", "") in kinds
    assert ("commune", str(TIEN_DU)) in kinds
    row = ForecastRow.objects.get(kind="commune", key=str(TIEN_DU))
    assert len(row.means) == 14
    assert row.low <= row.total <= row.high
    assert row.warning is not None
    assert row.warning["event"] == "bau-cu-2026"
    warned = {s.key for s in result.warnings}
    assert f"f:commune:{TIEN_DU}:bau-cu-2026" in warned
    assert Notification.objects.filter(recipient=leader, kind="hot_spot").exists()
    # Once per series and event period.
    assert services.refresh_forecasts(day=TODAY + timedelta(days=1)).warnings == []


def test_refresh_monitoring_runs_everything_and_records_when(build_up, refreshed):
    build_up()
    summary = refreshed()
    assert summary.rollup_rows > 0
    assert summary.communes >= 1
    assert [s.commune_code for s in summary.hot_spots] == [TIEN_DU]
    from tiepdan.monitoring.models import RefreshRun

    assert set(RefreshRun.objects.values_list("kind", flat=True)) >= {"rollup", "risk", "detection", "forecast"}


def _square(x, y, size=0.02):
    return [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]


def test_an_uploaded_geojson_becomes_svg_paths_per_commune(leader):
    data = json.dumps({
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"ma_xa": str(TIEN_DU)},
             "geometry": {"type": "Polygon", "coordinates": _square(106.0, 21.1)}},
            {"type": "Feature", "properties": {"ten": "Phường Phù Khê"},
             "geometry": {"type": "MultiPolygon", "coordinates": [_square(105.9, 21.15)]}},
            {"type": "Feature", "properties": {"ten": "Xã Không Có"},
             "geometry": {"type": "Polygon", "coordinates": _square(106.1, 21.0)}},
        ],
    }).encode()
    uploaded = services.upload_commune_map(data=data, name="ranh-gioi.geojson", code_property="", actor=leader)
    assert set(uploaded.shapes) == {str(TIEN_DU), str(PHU_KHE)}
    assert uploaded.unmatched == ["Xã Không Có"]
    assert uploaded.shapes[str(TIEN_DU)].startswith("M")
    assert uploaded.shapes[str(TIEN_DU)].endswith("Z")
    assert CommuneMap.objects.count() == 1


def test_event_periods_come_from_the_setting_then_coordination_then_the_seeds(demo_org, settings):
    from tiepdan.coordination.models import EventPeriod as StoredPeriod
    from tiepdan.monitoring import config
    from tiepdan.monitoring.events import DEFAULT_EVENT_PERIODS

    assert config.event_periods() == DEFAULT_EVENT_PERIODS
    StoredPeriod.objects.create(
        agency=demo_org, code="bau-cu-bo-sung", name="Bầu cử bổ sung đại biểu HĐND xã", short_name="Bầu cử bổ sung",
        starts_on=date(2026, 9, 20), ends_on=date(2026, 9, 20), before_days=30, after_days=10,
    )
    (period,) = config.event_periods()
    assert (period.code, period.start, period.key_start, period.end) == (
        "bau-cu-bo-sung", date(2026, 8, 21), date(2026, 9, 20), date(2026, 9, 30)
    )
    settings.TIEPDAN_EVENT_PERIODS = [
        {"code": "x", "name": "Đợt thử", "start": "2026-05-01", "end": "2026-05-31", "key_start": "2026-05-15"}
    ]
    assert [p.code for p in config.event_periods()] == ["x"]
    settings.TIEPDAN_EVENT_PERIODS = [{"code": "x", "name": "x", "start": "2026-05-31", "end": "2026-05-01"}]
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match="TIEPDAN_EVENT_PERIODS"):
        config.event_periods()
