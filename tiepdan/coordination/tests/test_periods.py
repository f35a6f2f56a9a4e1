"""Event periods: phases shown on every staff page, rules switched on during a period (daily report,
shorter internal limits, mass escalation within hours, duty roster)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tiepdan.coordination import selectors, services
from tiepdan.coordination.models import EventPeriod, PeriodRule, SituationReport
from tiepdan.org.models import Staff


@pytest.fixture
def current_period(make_period):
    """A period around the real today, so the banner (which reads the real clock) shows it."""
    today = timezone.localdate()
    return make_period(starts_on=today - timedelta(days=1), ends_on=today + timedelta(days=1), short_name="Đợt hôm nay")


@pytest.mark.parametrize(
    "url_name",
    ["home", "coordination:dashboard", "coordination:my_work", "cases:case_list", "letters:letter_list"],
)
def test_the_current_period_and_its_phase_show_on_every_staff_page(client, current_period, officer, url_name):
    client.force_login(officer)
    body = client.get(reverse(url_name)).content.decode()
    banner = body.split('id="period-banner"', 1)[1].split("</div>", 1)[0]
    assert "Đợt hôm nay" in banner
    assert "Trong thời gian diễn ra sự kiện" in banner


def test_no_banner_outside_any_period(client, officer, make_period):
    make_period(starts_on=date(2020, 3, 15), ends_on=date(2020, 3, 15))
    client.force_login(officer)
    assert 'id="period-banner"' not in client.get(reverse("home")).content.decode()


def test_a_period_switched_off_leaves_the_banner(client, current_period, officer):
    client.force_login(officer)
    assert "Đợt hôm nay" in client.get(reverse("home")).content.decode()
    current_period.active = False
    current_period.save()
    assert 'id="period-banner"' not in client.get(reverse("home")).content.decode()


def test_the_banner_costs_one_query_whatever_the_number_of_periods(client, make_period, officer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_period(starts_on=date(2020, 3, 15), ends_on=date(2020, 3, 15))
    client.force_login(officer)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("coordination:legal_library"))
    assert sum("coordination_eventperiod" in q["sql"] for q in queries.captured_queries) == 1


def test_a_rule_longer_than_the_legal_limit_is_refused_beside_the_field(clock, client, election, leader):
    client.force_login(leader)
    response = client.post(
        reverse("coordination:period_rule", args=[election.pk]),
        {"kind": "internal_limit", "phases": ["during"], "value": "120"},
    )
    assert response.status_code == 422
    body = response.content.decode()
    field = body.split('id="field-value"', 1)[1].split("</div>", 1)[0]
    assert "không được dài hơn thời hạn luật định" in field
    assert PeriodRule.objects.get(period=election, kind="internal_limit").value == 70


def test_only_managers_change_periods(clock, client, election, handler, auditor):
    for user in (handler, auditor):
        client.force_login(user)
        url = reverse("coordination:period_rule", args=[election.pk])
        assert client.post(url, {"kind": "daily_report", "phases": ["during"]}).status_code == 403
        assert client.post(reverse("coordination:period_list"), {"name": "x"}).status_code == 403


def test_creating_a_period_with_bad_dates_keeps_the_input(clock, client, leader):
    client.force_login(leader)
    response = client.post(
        reverse("coordination:period_list"),
        {
            "name": "Đại hội Đảng bộ tỉnh",
            "short_name": "Đại hội tỉnh",
            "starts_on": "20/10/2025",
            "ends_on": "18/10/2025",
            "before_days": "5",
            "after_days": "abc",
        },
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert 'value="Đại hội Đảng bộ tỉnh"' in body
    assert "Ngày kết thúc không được trước ngày bắt đầu" in body
    assert not EventPeriod.objects.exists()


def test_a_period_is_created_with_its_code(clock, client, leader):
    client.force_login(leader)
    response = client.post(
        reverse("coordination:period_list"),
        {
            "name": "Đại hội Đảng bộ tỉnh",
            "short_name": "Đại hội tỉnh",
            "starts_on": "20/10/2025",
            "ends_on": "22/10/2025",
            "before_days": "10",
            "after_days": "5",
        },
    )
    period = EventPeriod.objects.get()
    assert response.status_code == 302
    assert period.code == "dai-hoi-tinh"


def test_the_duty_roster_only_takes_days_of_the_period(election, leader):
    staff = Staff.objects.get(user__username="thanhtra")
    with pytest.raises(services.Refused) as refused:
        services.add_duty_shift(period=election, actor=leader, on=date(2026, 4, 30), kind="reception", staff=staff)
    assert refused.value.field == "on"
    services.add_duty_shift(period=election, actor=leader, on=date(2026, 3, 15), kind="reception", staff=staff)
    with pytest.raises(services.Refused):
        services.add_duty_shift(period=election, actor=leader, on=date(2026, 3, 15), kind="reception", staff=staff)
    # The roster rule covers the "during" phase (15/03); it is now covered.
    assert selectors.roster_gaps(election, until=date(2026, 3, 31)) == []


def test_daily_reports_are_once_a_day_and_missing_days_are_listed(election, officer, handler):
    services.submit_situation_report(actor=officer, on=date(2026, 3, 9), summary="Ổn định", visits=3, mass_visits=1)
    with pytest.raises(services.Refused):
        services.submit_situation_report(actor=officer, on=date(2026, 3, 9), summary="Lần hai")
    with pytest.raises(services.Refused) as refused:
        services.submit_situation_report(actor=officer, on=date(2026, 3, 10), summary="x", visits=1, mass_visits=2)
    assert refused.value.field == "mass_visits"
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):  # a culture-division officer is not the advisory unit
        services.submit_situation_report(actor=handler, on=date(2026, 3, 9), summary="x")
    unit = Staff.objects.get(user=officer).unit
    missing = selectors.missing_situation_reports(election, unit, until=date(2026, 3, 11))
    # Working days from 05/03 (10 days before 15/03) to 11/03, except the 09/03 report.
    assert missing == [date(2026, 3, 5), date(2026, 3, 6), date(2026, 3, 10), date(2026, 3, 11)]


def test_the_daily_report_page_prefills_the_day_s_figures(clock, client, election, officer, make_visit):
    from tiepdan.coordination.tests.conftest import at

    make_visit("ttr-pc", received_at=at(date(2026, 3, 3), 8), head_count=7, is_mass=True)
    make_visit("ttr-pc", received_at=at(date(2026, 3, 3), 9))
    client.force_login(officer)
    body = client.get(reverse("coordination:situation_reports")).content.decode()
    assert 'name="visits" value="2"' in body
    assert 'name="mass_visits" value="1"' in body
    response = client.post(
        reverse("coordination:situation_reports"),
        {"visits": "2", "mass_visits": "1", "letters": "0", "escalations": "0", "summary": "Tình hình ổn định"},
    )
    assert response.status_code == 302
    assert SituationReport.objects.get().on == date(2026, 3, 3)


def test_the_advisory_officer_sees_the_missing_daily_report_in_my_work(clock, client, make_period, officer):
    make_period(before_days=70)
    client.force_login(officer)
    body = client.get(reverse("coordination:my_work")).content.decode()
    assert "chưa gửi báo cáo tình hình hôm nay" in body


def test_the_period_page_shows_phases_rules_roster_and_reports(
    clock, client, election, officer, django_assert_max_num_queries
):
    client.force_login(officer)
    with django_assert_max_num_queries(25):
        body = client.get(election.get_absolute_url()).content.decode()
    assert "Trước sự kiện: 05/03/2026 – 14/03/2026" in body
    assert "Trong thời gian diễn ra sự kiện: 15/03/2026 – 15/03/2026" in body
    assert "Sau sự kiện: 16/03/2026 – 20/03/2026" in body
    assert "Báo cáo Lãnh đạo sở vụ việc đông người trong số giờ" in body
    assert "Chưa có người trực các ngày" in body
