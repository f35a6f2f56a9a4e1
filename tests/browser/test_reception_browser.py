"""Issue 4 journeys in the browser: a group of 12 at the reception desk, the leadership told at once; a
returning citizen found by ID number; the heads' schedule with met and unmet months."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tiepdan.reception.models import MassVisitAcknowledgement, Visit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fill_group(page, people: int) -> None:
    while page.locator("tr.visitor-row").count() < people:
        page.click("#add-visitor")
    for i in range(people):
        page.fill(f"#id_visitor-{i}-full_name", f"Nguyễn Văn Đoàn {i + 1}")
        page.fill(f"#id_visitor-{i}-id_number", f"02709000{i + 1:04d}")


def _representatives(page, count: int, people: int) -> None:
    for i in range(people):
        box = page.locator(f"#id_visitor-{i}-is_representative")
        box.check() if i < count else box.uncheck()


def _logout(page) -> None:
    page.click(".topbar button:has-text('Đăng xuất')")
    page.wait_for_url("**/dang-nhap/")


def test_a_group_of_12_is_stopped_until_at_most_5_representatives_and_the_leader_acknowledges_at_once(
    page, login, live_server, demo_org
):
    login("tiepdan")
    page.goto(f"{live_server.url}/tiep-dan/moi/")
    expect(page.locator("#id_received_at")).to_be_focused()
    page.fill("#id_head_count", "12")
    page.check("input[name=matter_types][value=complaint]")
    page.fill("#id_content", "Khiếu nại việc thu hồi đất làm bãi đỗ xe khu di tích")
    page.check("input[name=outcome][value=letter_received]")
    _fill_group(page, 6)

    page.click("#save-visit")
    expect(page.locator("#representatives-errors")).to_contain_text("phải cử người đại diện")

    _representatives(page, 6, 6)
    page.click("#save-visit")
    expect(page.locator("#representatives-errors")).to_contain_text("không quá 5 người đại diện (đang có 6)")
    # Nothing typed is lost.
    expect(page.locator("#id_head_count")).to_have_value("12")
    expect(page.locator("#id_visitor-5-full_name")).to_have_value("Nguyễn Văn Đoàn 6")
    expect(page.locator("#id_content")).to_have_value("Khiếu nại việc thu hồi đất làm bãi đỗ xe khu di tích")
    assert not Visit.objects.exists()

    _representatives(page, 5, 6)
    page.click("#save-visit")
    expect(page.locator("#visit-head-count")).to_contain_text("đoàn đông người")
    visit = Visit.objects.get()
    assert visit.participants.filter(is_representative=True).count() == 5
    expect(page.locator("#deadline-TCD-ANSWER-10 .due")).to_have_text(visit.answer_due_on.strftime("%d/%m/%Y"))

    _logout(page)
    login("giamdoc")
    notice = page.locator("main a", has_text="Đoàn đông người: 12 người")
    expect(notice).to_be_visible()
    notice.click()
    expect(page.locator("h1")).to_have_text("Đoàn đông người: 12 người")
    expect(page.locator("#visit-people")).to_contain_text("Nguyễn Văn Đoàn 1")
    page.fill("#id_note", "Giao Phòng Thanh tra – Pháp chế chủ trì, báo cáo trong ngày")
    page.click("#acknowledge")
    expect(page.locator("#acknowledgements")).to_contain_text("Nguyễn Văn Thành")
    expect(page.locator("#acknowledged")).to_be_visible()
    assert MassVisitAcknowledgement.objects.get().note.startswith("Giao Phòng Thanh tra")


def test_a_returning_citizen_is_found_by_id_number_and_the_visit_is_marked_repeat(
    page, login, live_server, officer
):
    from tiepdan.reception.services import VisitInput, VisitorInput, record_visit

    earlier = timezone.localtime() - timedelta(days=20)
    record_visit(data=VisitInput(
        received_at=earlier, matter_types=("petition",), content="Kiến nghị tu bổ đình làng Đình Bảng",
        outcome="guided", visitors=(VisitorInput(full_name="Ngô Thị Thu", id_number="027190007777"),),
    ), actor=officer)

    login("tiepdan")
    page.goto(f"{live_server.url}/tiep-dan/moi/")
    page.fill("#lookup-q", "027190007777")
    result = page.locator("#lookup-results .lookup-item")
    expect(result).to_contain_text("Ngô Thị Thu")
    expect(result).to_contain_text("Kiến nghị tu bổ đình làng Đình Bảng")
    result.locator("button.pick-citizen").click()
    expect(page.locator("#id_visitor-0-full_name")).to_have_value("Ngô Thị Thu")
    page.check("input[name=matter_types][value=petition]")
    page.fill("#id_content", "Kiến nghị lần hai về tu bổ đình làng")
    page.check("input[name=outcome][value=letter_received]")
    page.click("#save-visit")
    expect(page.locator("#visit-repeat")).to_have_text("Tiếp nhiều lần")

    page.click("#visit-people a")
    expect(page.locator("#citizen-id-number")).to_have_text("027190007777")
    visits = page.locator("#citizen-visits tbody tr")
    expect(visits).to_have_count(2)
    expect(page.locator("#citizen-visits")).to_contain_text("Kiến nghị tu bổ đình làng Đình Bảng")


def test_the_heads_schedule_shows_met_and_unmet_months(page, login, live_server, demo_org):
    from tiepdan.reception.demo import forced_months, seed_reception_sessions

    today = timezone.localdate()
    seed_reception_sessions(agency=demo_org, today=today, seed=2026)
    met, unmet = forced_months(today)
    login("giamdoc")
    for (year, month), label, css in ((met, "đạt", "met"), (unmet, "không đạt", "unmet")):
        page.goto(f"{live_server.url}/tiep-dan/lich-tiep/?nam={year}")
        section = page.locator("#schedule-TCD-HEAD-1")
        expect(section).to_contain_text("Giám đốc Sở")
        row = section.locator(f'tr[data-month="{month:02d}/{year}"]')
        expect(row.locator(".verdict .state")).to_have_text(label)
        expect(row.locator(f".state.{css}")).to_be_visible()


def test_a_denouncer_at_the_desk_is_masked_for_the_desk_and_recognised_by_the_inspection_when_back(
    page, login, live_server, demo_org
):
    from tiepdan.people.models import Citizen

    name, number = "Đặng Thị Mận", "027195004321"
    login("tiepdan")
    page.goto(f"{live_server.url}/tiep-dan/moi/")
    page.check("input[name=matter_types][value=denunciation]")
    page.fill("#id_content", f"Tôi tên là {name}, tố cáo chuyên viên Bùi Văn Cán nhận tiền của cơ sở karaoke")
    page.check("input[name=outcome][value=letter_received]")
    page.fill("#id_visitor-0-full_name", name)
    page.fill("#id_visitor-0-id_number", number)
    page.click("#save-visit")
    expect(page.locator("#visit-people")).to_contain_text("Người tố cáo (giữ bí mật)")
    expect(page.locator("main")).not_to_contain_text(name)
    first = Visit.objects.get()
    assert first.denouncers.count() == 1
    assert not Citizen.objects.exists()

    _logout(page)
    login("thanhtra")
    page.goto(f"{live_server.url}{first.get_absolute_url()}")
    expect(page.locator("#visit-people")).to_contain_text(name)
    page.goto(f"{live_server.url}/tiep-dan/moi/")
    page.fill("#lookup-q", number)
    found = page.locator("#lookup-denouncers .lookup-item")
    expect(found).to_contain_text(name)
    expect(found).to_contain_text(first.code)
    found.locator("button.pick-citizen").click()
    expect(page.locator("#id_visitor-0-id_number")).to_have_value(number)
    page.check("input[name=matter_types][value=denunciation]")
    page.fill("#id_content", "Tố cáo tiếp việc nhận tiền của cơ sở karaoke")
    page.check("input[name=outcome][value=letter_received]")
    page.click("#save-visit")
    expect(page.locator("#visit-repeat")).to_have_text("Tiếp nhiều lần")
    expect(page.locator("#visit-people")).to_contain_text(name)
