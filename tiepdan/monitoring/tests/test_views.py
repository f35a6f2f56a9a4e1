"""Pages: what each role sees, outsiders refused (every protected view), bounded queries, .xlsx exports."""

import io
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tiepdan.monitoring.dashboard import build_dashboard
from tiepdan.monitoring.models import HotSpot
from tiepdan.monitoring.tests.conftest import TIEN_DU, TODAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def spot(build_up, refreshed):
    build_up()
    refreshed()
    return HotSpot.objects.get(kind="commune_domain", commune_code=TIEN_DU)


@pytest.fixture
def at_today(monkeypatch):
    """The pages read timezone.localdate(); the tests' data lives around TODAY."""
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)


def _xlsx_rows(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content) if response.streaming
                                     else response.content)).active
    return [[c for c in row] for row in sheet.iter_rows(values_only=True)]


# --- the dashboard ----------------------------------------------------------------------------------


def test_the_leader_sees_the_hot_spot_and_why_on_the_dashboard(client, leader, spot, at_today):
    client.force_login(leader)
    body = client.get(reverse("monitoring:dashboard")).content.decode()
    assert "Cảnh báo điểm nóng" in body
    assert "Lễ hội tại Xã Tiên Du" in body
    assert "Số người liên quan" in body
    assert "Gửi vượt cấp" in body
    assert "Xã, phường có điểm rủi ro cao nhất" in body
    assert "<svg" in body
    assert "Tải .xlsx" in body


def test_a_unit_officer_sees_only_the_numbers_of_the_unit(client, outsider, spot, at_today, add_letters):
    add_letters([TODAY], unit="bao-tang", domain="thu-vien-bao-tang", commune=9373)
    from tiepdan.monitoring.services import refresh_rollup

    refresh_rollup(first_day=TODAY - timedelta(days=30), last_day=TODAY)
    client.force_login(outsider)
    response = client.get(reverse("monitoring:dashboard"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Lễ hội tại Xã Tiên Du" not in body  # the hot spot of another unit
    assert "Xã, phường có điểm rủi ro cao nhất" not in body  # agency-wide only
    data = build_dashboard(outsider, today=TODAY)
    letters = next(v for k, v, _ in data.kpis if k == "Đơn tiếp nhận")
    assert letters == 1  # the museum's own letter, not the six of the heritage division


def test_the_dashboard_makes_the_same_few_queries_on_more_data(
    client, leader, build_up, refreshed, add_letters, add_visits, at_today, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    build_up()
    refreshed()
    client.force_login(leader)
    client.get(reverse("monitoring:dashboard"))  # warm the session and the user's caches
    with CaptureQueriesContext(connection) as small:
        assert client.get(reverse("monitoring:dashboard")).status_code == 200
    for commune in (9373, 9187, 9169, 9190):
        add_letters([TODAY - timedelta(days=d) for d in range(0, 60, 2)], commune=commune, domain="du-lich",
                    unit="ql-du-lich")
        add_visits([TODAY - timedelta(days=d) for d in range(0, 60, 5)], commune=commune, head_count=6)
    refreshed()
    with django_assert_max_num_queries(34), CaptureQueriesContext(connection) as large:
        assert client.get(reverse("monitoring:dashboard") + "?ky=90").status_code == 200
    assert len(large) == len(small)


@pytest.mark.parametrize(
    "table",
    ["theo-thoi-gian", "theo-loai", "theo-linh-vuc", "theo-don-vi", "theo-nguon", "theo-xa", "theo-trang-thai",
     "vu-viec-dang-giai-quyet", "so-sanh-dot", "chi-so", "qua-han", "sap-den-han", "doan-dong-nguoi",
     "vu-viec-phuc-tap", "vu-viec-rui-ro", "diem-nong", "xa-rui-ro", "vuot-cap", "tiep-nhieu-lan"],
)
def test_every_dashboard_chart_and_list_exports_its_numbers(client, leader, spot, at_today, table):
    client.force_login(leader)
    response = client.get(reverse("monitoring:dashboard_export", args=[table]) + "?ky=30")
    assert response.status_code == 200
    rows = _xlsx_rows(response)
    assert rows[0][0]  # the title


def test_the_exported_breakdown_has_the_numbers_of_the_page(client, leader, spot, at_today):
    client.force_login(leader)
    rows = _xlsx_rows(client.get(reverse("monitoring:dashboard_export", args=["theo-linh-vuc"])))
    header = rows.index(["Lĩnh vực", "Đơn", "Lượt tiếp", "Cộng", "Số người"])
    assert rows[header + 1][:4] == ["Lễ hội", 6, 3, 9]


# --- the register -----------------------------------------------------------------------------------


def test_the_hot_spot_page_shows_each_factor_and_its_share(client, leader, spot, at_today):
    client.force_login(leader)
    body = client.get(spot.get_absolute_url()).content.decode()
    assert spot.title in body
    for label in ("Số người liên quan", "Gửi vượt cấp", "Lĩnh vực nhạy cảm", "Gần hoặc trong đợt cao điểm"):
        assert label in body
    assert "%" in body
    assert 'id="form-status"' in body
    rows = _xlsx_rows(client.get(reverse("monitoring:hot_spot_export", args=[spot.code, "yeu-to"])))
    assert ["Yếu tố", "Giá trị", "Điểm", "Tối đa", "Phần của tổng điểm (%)"] in rows


def test_leadership_assigns_records_and_dismisses_with_a_reason(client, leader, inspector, spot, at_today):
    client.force_login(leader)
    client.post(reverse("monitoring:hot_spot_assign", args=[spot.code]), {"owner": inspector.pk})
    client.post(reverse("monitoring:hot_spot_action", args=[spot.code]),
                {"on": "02/03/2026", "text": "Đã làm việc với UBND xã"})
    response = client.post(reverse("monitoring:hot_spot_status", args=[spot.code]),
                           {"to": "dismissed", "on": "03/03/2026", "reason": ""}, follow=True)
    assert "Hãy ghi lý do." in response.content.decode()
    client.post(reverse("monitoring:hot_spot_status", args=[spot.code]),
                {"to": "dismissed", "on": "03/03/2026", "reason": "Báo động nhầm: đơn của một hộ gửi nhiều nơi"})
    spot.refresh_from_db()
    assert spot.owner == inspector
    assert spot.status == "dismissed"
    assert spot.close_reason.startswith("Báo động nhầm")
    listing = client.get(reverse("monitoring:hot_spot_list") + "?tt=loai-bo").content.decode()
    assert spot.code in listing


def test_the_auditor_reads_the_register_but_cannot_act(client, auditor, spot, at_today):
    client.force_login(auditor)
    body = client.get(spot.get_absolute_url()).content.decode()
    assert 'id="form-status"' not in body
    assert client.post(reverse("monitoring:hot_spot_status", args=[spot.code]),
                       {"to": "dismissed", "on": "03/03/2026", "reason": "x"}).status_code == 403


def test_the_head_of_the_unit_may_record_actions_but_not_close(client, demo_org, spot, at_today):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from tiepdan.org.models import Staff
    from tiepdan.org.roles import Role

    user = get_user_model().objects.create_user("truongdisan", password="x")
    user.groups.add(Group.objects.get(name=Role.UNIT_HEAD.value))
    Staff.objects.create(user=user, unit=spot.unit, full_name="Trưởng phòng Di sản")
    client.force_login(user)
    assert client.post(reverse("monitoring:hot_spot_action", args=[spot.code]),
                       {"on": "02/03/2026", "text": "Đã nắm tình hình tại xã"}).status_code == 302
    assert spot.actions.filter(kind="note").exists()
    assert client.post(reverse("monitoring:hot_spot_status", args=[spot.code]),
                       {"to": "resolved", "on": "03/03/2026", "reason": "x"}).status_code == 403


# --- risk, forecast, map, method ---------------------------------------------------------------------


def test_the_risk_page_ranks_communes_and_explains_one(client, leader, spot, at_today):
    client.force_login(leader)
    body = client.get(reverse("monitoring:risk")).content.decode()
    assert "Xã Tiên Du" in body
    assert "chưa nạp ranh giới" in body
    detail = client.get(reverse("monitoring:commune_risk", args=[TIEN_DU])).content.decode()
    assert "Phần của tổng điểm" in detail
    assert "Lễ hội tại Xã Tiên Du" in detail
    rows = _xlsx_rows(client.get(reverse("monitoring:risk_export", args=["xep-hang-xa"])))
    assert any(row[1] == "Xã Tiên Du" for row in rows)


def test_with_uploaded_boundaries_the_risk_page_draws_the_map(client, inspector, spot, at_today):
    import json

    from django.core.files.uploadedfile import SimpleUploadedFile

    square = [[[106.0, 21.1], [106.02, 21.1], [106.02, 21.12], [106.0, 21.12], [106.0, 21.1]]]
    geojson = json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"MA_XA": TIEN_DU}, "geometry": {"type": "Polygon", "coordinates": square}}
    ]}).encode()
    client.force_login(inspector)
    response = client.post(reverse("monitoring:map"),
                           {"file": SimpleUploadedFile("bn.geojson", geojson), "code_property": ""}, follow=True)
    assert "Đã nạp ranh giới của 1 xã, phường" in response.content.decode()
    body = client.get(reverse("monitoring:risk")).content.decode()
    assert 'class="area risk-high"' in body
    assert f'data-code="{TIEN_DU}"' in body


def test_a_bad_geojson_is_refused_with_the_reason(client, inspector, demo_org):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(inspector)
    body = client.post(reverse("monitoring:map"), {"file": SimpleUploadedFile("x.geojson", b"{\"type\": 1}")})
    assert "FeatureCollection" in body.content.decode()


def test_the_forecast_page_shows_intervals_and_exports_them(client, leader, spot, at_today):
    client.force_login(leader)
    body = client.get(reverse("monitoring:forecast") + f"?chuoi=commune:{TIEN_DU}").content.decode()
    assert "Cận trên (80%)" in body
    assert "Xã Tiên Du" in body
    assert "<svg" in body
    for table in ("du-bao-linh-vuc", "du-bao-xa", "du-bao-chuoi"):
        response = client.get(reverse("monitoring:forecast_export", args=[table]) + f"?chuoi=commune:{TIEN_DU}")
        assert response.status_code == 200


def test_the_method_page_shows_weights_thresholds_and_event_periods(client, officer, demo_org):
    client.force_login(officer)
    body = client.get(reverse("monitoring:method")).content.decode()
    assert "Số người liên quan" in body
    assert "15/03/2026" in body
    assert "19/01/2026" in body


def test_weights_set_by_the_agency_show_on_the_method_page(client, officer, demo_org, settings):
    settings.TIEPDAN_MONITORING = {"risk": {"weights": {"people": 30}}}
    client.force_login(officer)
    body = client.get(reverse("monitoring:method")).content.decode()
    assert "mặc định" in body


# --- outsiders --------------------------------------------------------------------------------------

AGENCY_PAGES = [
    ("monitoring:risk", []),
    ("monitoring:risk_export", ["xep-hang-xa"]),
    ("monitoring:commune_risk", [TIEN_DU]),
    ("monitoring:commune_risk_export", [TIEN_DU, "yeu-to"]),
    ("monitoring:forecast", []),
    ("monitoring:forecast_export", ["du-bao-xa"]),
    ("monitoring:map", []),
]


@pytest.mark.parametrize(("name", "args"), AGENCY_PAGES)
def test_an_officer_of_a_unit_cannot_open_the_agency_wide_pages(client, outsider, spot, name, args):
    client.force_login(outsider)
    assert client.get(reverse(name, args=args)).status_code == 403


@pytest.mark.parametrize(
    ("name", "extra"),
    [("monitoring:hot_spot_detail", []), ("monitoring:hot_spot_export", ["yeu-to"])],
)
def test_an_officer_of_another_unit_cannot_see_the_hot_spot(client, outsider, spot, name, extra):
    client.force_login(outsider)
    assert client.get(reverse(name, args=[spot.code, *extra])).status_code == 404
    assert spot.code not in client.get(reverse("monitoring:hot_spot_list")).content.decode()


@pytest.mark.parametrize("name", ["monitoring:hot_spot_assign", "monitoring:hot_spot_action",
                                  "monitoring:hot_spot_status"])
def test_an_officer_of_another_unit_cannot_act_on_the_hot_spot(client, outsider, spot, name):
    client.force_login(outsider)
    response = client.post(reverse(name, args=[spot.code]), {"to": "dismissed", "on": "02/03/2026",
                                                            "reason": "x", "text": "x"})
    assert response.status_code == 404
    spot.refresh_from_db()
    assert spot.status == "new"
    assert not spot.actions.filter(kind="note").exists()


def test_an_officer_cannot_see_the_risk_of_a_case_of_another_unit(client, outsider, make_letter, handler, refreshed):
    from tiepdan.cases.services import open_case

    case = open_case(letter=make_letter("ql-van-hoa", received_on=TODAY - timedelta(days=3)),
                     track="complaint_first", actor=handler)
    refreshed()
    client.force_login(handler)
    assert client.get(reverse("monitoring:case_risk", args=[case.code])).status_code == 200
    client.force_login(outsider)
    assert client.get(reverse("monitoring:case_risk", args=[case.code])).status_code == 404
    assert client.get(reverse("monitoring:case_risk_export", args=[case.code, "yeu-to"])).status_code == 404


@pytest.mark.parametrize("name", ["monitoring:dashboard", "monitoring:hot_spot_list", "monitoring:method"])
def test_the_unions_do_not_see_monitoring(client, demo_org, name):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="congdoan"))
    assert client.get(reverse(name)).status_code == 403


@pytest.mark.parametrize("name", ["monitoring:dashboard", "monitoring:hot_spot_list", "monitoring:risk"])
def test_anonymous_visitors_are_sent_to_log_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert "/dang-nhap/" in response["Location"]


@pytest.mark.parametrize(
    "url", ["monitoring:dashboard", "monitoring:risk", "monitoring:forecast", "monitoring:hot_spot_list"]
)
def test_the_pages_load_nothing_from_outside_and_print(client, leader, spot, at_today, url):
    client.force_login(leader)
    body = client.get(reverse(url)).content.decode()
    assert "http://" not in body.replace("http://testserver", "")
    assert "https://" not in body
    assert all(src.startswith("/static/") for src in re.findall(r'src="([^"]*)"', body))
    assert "/static/monitoring/monitoring.css" in body
