"""Issue 7 journey: the director opens the monitoring dashboard, sees the festival-ground build-up flagged
as a hot spot before the election with the factors behind its score, opens it and records a measure."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_director_sees_the_hot_spot_and_why_and_records_a_measure(page, login, live_server, demo_org):
    from tiepdan.monitoring.demo import ELECTION, seed_hot_spot_buildup

    seed_hot_spot_buildup(agency=demo_org, today=timezone.localdate(), seed=2026)
    login("giamdoc")
    page.get_by_role("link", name="Theo dõi tình hình").click()
    expect(page.locator("h1")).to_have_text("Tình hình tiếp công dân, đơn thư toàn cơ quan")

    alert = page.locator("#canh-bao")
    expect(alert).to_contain_text("Lễ hội tại Xã Tiên Du")
    spot = alert.locator("li.hot-spot", has_text="Lễ hội tại Xã Tiên Du")
    expect(spot).to_contain_text("Số người liên quan")  # the largest part of its score
    detected = re.search(r"phát hiện (\d\d)/(\d\d)/(\d{4})", spot.inner_text())
    assert detected is not None
    day, month, year = (int(x) for x in detected.groups())
    assert (year, month, day) < (ELECTION.year, ELECTION.month, ELECTION.day)

    spot.get_by_role("link").click()
    expect(page.locator("h1")).to_contain_text("Lễ hội tại Xã Tiên Du")
    people = page.locator("#factors tr.factor[data-factor=people]")
    expect(people).to_contain_text("Số người liên quan")
    expect(people).to_contain_text("%")
    expect(page.locator("#factors tr.factor[data-factor=sensitive]")).to_contain_text("100% số lượt")
    expect(page.locator("#factors tr.factor[data-factor=over_level]")).to_contain_text("Gửi vượt cấp")
    expect(page.locator("#factors figure svg")).to_be_visible()

    form = page.locator("#form-action")
    form.locator("textarea[name=text]").fill("Làm việc với UBND xã Tiên Du, tạm dừng san lấp bãi lễ hội")
    form.locator("button").click()
    expect(page.locator(".msg")).to_contain_text("Đã ghi nhận biện pháp.")
    expect(page.locator("#history")).to_contain_text("tạm dừng san lấp bãi lễ hội")
    expect(page.locator("#history")).to_contain_text("Nguyễn Văn Thành")
