"""Issue 6 journeys in a real browser: a unit reports a complex case to the leadership, the leader
records a direction with a task, the handler completes the task, the leader sees it done; and a mass
visit during an event period reaching the leader at once."""

from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tiepdan.cases.services import open_case

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def as_user(browser, live_server, demo_password):
    """A separate browser context per person, logged in (several people take part in a journey)."""
    contexts = []

    def login(username: str):
        context = browser.new_context(locale="vi-VN")
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{live_server.url}/dang-nhap/")
        page.fill("#id_username", username)
        page.fill("#id_password", demo_password)
        page.click("button[type=submit]")
        page.wait_for_url(f"{live_server.url}/")
        return page

    yield login
    for context in contexts:
        context.close()


def test_leader_directs_a_complex_case_the_handler_completes_the_task_the_leader_sees_it_done(
    as_user, live_server, make_letter, handler
):
    today = timezone.localdate()
    letter = make_letter(
        "ql-van-hoa",
        received_on=today - timedelta(days=1),
        summary="Khiếu nại kéo dài về việc thu hồi giấy phép biểu diễn của đoàn nghệ thuật",
    )
    case = open_case(letter=letter, track="complaint_first", actor=handler)

    # The head of the culture division reports the case to the leadership as a complex matter.
    head = as_user("truongphong")
    head.goto(f"{live_server.url}/dieu-phoi/phan-cong/vu-viec/{case.code}/")
    head.get_by_role("link", name="Báo cáo Lãnh đạo sở").click()
    expect(head.locator("#id_title")).to_have_value(case.title)
    head.get_by_label("Phức tạp").check()
    head.fill("#id_proposal", "Đề nghị Lãnh đạo Sở chỉ đạo rà soát toàn bộ hồ sơ cấp phép.")
    head.get_by_role("button", name="Báo cáo Lãnh đạo sở").click()
    expect(head.locator("#escalation-status")).to_have_text("Chờ ý kiến chỉ đạo")
    code = head.url.rstrip("/").rsplit("/", 1)[-1]

    # The leader finds it awaiting a direction, and records the direction as a task with an owner and date.
    leader = as_user("giamdoc")
    leader.goto(f"{live_server.url}/dieu-phoi/viec-cua-toi/")
    leader.locator("#awaiting-direction").get_by_role("link", name=code).click()
    leader.fill("#id_text", "Giao Phòng Quản lý Văn hóa rà soát hồ sơ cấp phép, báo cáo trong 02 ngày.")
    leader.fill("#id_task_0_text", "Rà soát hồ sơ cấp phép, báo cáo Giám đốc Sở")
    leader.select_option("#id_task_0_owner_unit", label="Phòng Quản lý Văn hóa và Gia đình")
    leader.select_option("#id_task_0_owner", label="Vũ Thị Lan — Phòng Quản lý Văn hóa và Gia đình")
    leader.fill("#id_task_0_due_on", f"{today + timedelta(days=2):%d/%m/%Y}")
    leader.get_by_role("button", name="Ghi chỉ đạo").click()
    expect(leader.locator("#escalation-status")).to_have_text("Đang thực hiện chỉ đạo")
    expect(leader.locator("#directions")).to_contain_text("Rà soát hồ sơ cấp phép, báo cáo Giám đốc Sở")

    # The handler sees the task in her work and reports it done.
    lan = as_user("chuyenvien")
    lan.goto(f"{live_server.url}/dieu-phoi/viec-cua-toi/")
    lan.locator("#my-tasks").get_by_role("link", name="Rà soát hồ sơ cấp phép, báo cáo Giám đốc Sở").click()
    lan.fill("#id_result", "Đã rà soát: giấy phép bị thu hồi đúng quy định; đã trả lời công dân.")
    lan.get_by_role("button", name="Báo cáo hoàn thành").click()
    expect(lan.locator("#task-state")).to_have_text("Đã hoàn thành")

    # The leader sees the task done, and the direction carried out.
    leader.goto(f"{live_server.url}/dieu-phoi/bao-cao-lanh-dao/{code}/")
    expect(leader.locator("#escalation-status")).to_have_text("Đã thực hiện xong chỉ đạo")
    expect(leader.locator("#directions .task-state")).to_contain_text("Đã hoàn thành")
    expect(leader.locator("#directions")).to_contain_text("giấy phép bị thu hồi đúng quy định")


def test_a_mass_visit_during_an_event_period_reaches_the_leader_at_once(as_user, live_server, make_visit, leader):
    from tiepdan.coordination import services

    today = timezone.localdate()
    period = services.create_period(
        agency=leader.staff.unit.agency,
        actor=leader,
        name="Bầu cử đại biểu Quốc hội khóa XVI và đại biểu HĐND các cấp",
        short_name="Bầu cử",
        starts_on=today,
        ends_on=today,
        before_days=5,
        after_days=5,
    )
    services.set_period_rule(period=period, actor=leader, kind="mass_escalation", phases=["during"], value=2)
    received = timezone.make_aware(datetime.combine(today, time(8, 30)))
    make_visit(
        "ttr-pc",
        received_at=min(received, timezone.now()),
        head_count=15,
        is_mass=True,
        matter_type="complaint",
        content="15 hộ dân khiếu nại việc tổ chức lễ hội gây ảnh hưởng sản xuất",
    )

    page = as_user("giamdoc")
    expect(page.locator("#period-banner")).to_contain_text("Bầu cử")
    expect(page.locator("#period-banner")).to_contain_text("Trong thời gian diễn ra sự kiện")
    page.goto(f"{live_server.url}/dieu-phoi/viec-cua-toi/")
    awaiting = page.locator("#awaiting-direction")
    expect(awaiting).to_contain_text("15 hộ dân khiếu nại việc tổ chức lễ hội")
    expect(awaiting).to_contain_text("Đông người")
