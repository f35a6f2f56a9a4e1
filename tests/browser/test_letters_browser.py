"""Issue 5 journey: register a posted denunciation with a scan, see its 7-working-day limit explained,
accept it, download the acceptance notice; and bad input is explained with what was typed kept."""

import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tiepdan.letters.tests.conftest import DENOUNCER_ID, DENOUNCER_NAME, EXE, PDF

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _last_working_day_before(today):
    from tiepdan.deadlines.calendar import working_calendar

    return working_calendar().previous_working_day(today)


def _fill_letter(page, *, received, summary, text):
    page.select_option("#id_channel", "post")
    page.fill("#id_received_on", received)
    page.fill("#id_summary", summary)
    page.fill("#id_text", text)


def test_a_posted_denunciation_is_registered_accepted_and_its_notice_downloaded(page, login, live_server, demo_org):
    from tiepdan.deadlines.calendar import working_calendar
    from tiepdan.documents.render import check_format
    from tiepdan.legal.deadline import compute_deadline

    today = timezone.localdate()
    received = _last_working_day_before(today)
    due = compute_deadline("TC-INIT", received, calendar=working_calendar()).due

    login("tiepdan")
    page.click("nav >> text=Vào sổ đơn")
    expect(page.locator("h1")).to_have_text("Vào sổ đơn")
    _fill_letter(page, received=f"{received:%d/%m/%Y}", summary="Tố cáo cán bộ Bảo tàng tỉnh nhận tiền",
                 text=f"Tôi tên là {DENOUNCER_NAME}, CCCD {DENOUNCER_ID}. Tôi tố cáo ông Bùi Văn Nam, chuyên viên "
                      "Bảo tàng tỉnh, nhận tiền của khách tham quan, nhũng nhiễu.")
    # The system suggests the type from the text and shows the words behind it.
    page.click("#suggest-button")
    expect(page.locator("#suggestion-type .suggested")).to_have_text("Tố cáo")
    expect(page.locator("#suggestion-type")).to_contain_text("nhung nhieu")
    page.select_option("#id_matter_type", "denunciation")
    page.fill("input[name=nguoi-0-full_name]", DENOUNCER_NAME)
    page.fill("input[name=nguoi-0-id_number]", DENOUNCER_ID)
    page.set_input_files("#id_attachments", files=[{"name": "don-to-cao.pdf", "mimeType": "application/pdf",
                                                     "buffer": PDF}])
    page.click("#letter-form button[type=submit]")

    # The letter page: the 7-working-day limit (Law on Denunciation Art 24(1)) with its explanation.
    expect(page.locator("#letter-type")).to_have_text("Tố cáo")
    deadline = page.locator("#deadline-TC-INIT")
    expect(deadline.locator(".due")).to_have_text(f"{due:%d/%m/%Y}")
    expect(deadline).to_contain_text("Luật Tố cáo 2018, Điều 24 khoản 1")
    deadline.locator("summary").click()
    expect(deadline.locator(".explain")).to_contain_text("7")
    expect(deadline.locator(".explain")).to_be_visible()
    # The reception officer sees the denouncer masked, never the name.
    expect(page.locator("#masked-denouncer")).to_have_text("Người tố cáo (giữ bí mật)")
    assert DENOUNCER_NAME not in page.content()
    expect(page.locator("#attachments")).to_contain_text("PDF")

    # Classify: within competence, eligible, the museum is the denounced unit.
    page.click("#classify-link")
    expect(page.locator("#suggestion-type .suggested")).to_have_text("Tố cáo")
    page.select_option("#id_competence", "within")
    page.select_option("#id_is_eligible", "yes")
    page.select_option("#id_denounced_unit", label="Bảo tàng tỉnh")
    page.fill("#id_denounced_persons", "Bùi Văn Nam, chuyên viên Bảo tàng tỉnh")
    page.click("#classify-form button[type=submit]")
    expect(page.locator("#letter-status")).to_have_text("Đã phân loại")

    # Accept: a case opens and the acceptance notice is issued.
    block = page.locator("details[data-action=thu-ly]")
    block.locator("summary").click()
    block.locator("input[name=on]").fill(f"{today:%d/%m/%Y}")
    block.locator("button[type=submit]").click()
    expect(page.locator("#letter-disposition")).to_have_text("Thụ lý giải quyết")
    expect(page.locator("#cases")).to_contain_text("Giải quyết tố cáo")
    notice = page.locator("#documents tbody tr").first
    expect(notice).to_contain_text("/TB-SVHTTDL")
    expect(notice).to_contain_text("thụ lý giải quyết tố cáo")
    with page.expect_download() as download:
        notice.locator("text=Tải .docx").click()
    path = download.value.path()
    data = Path(path).read_bytes()
    assert data[:2] == b"PK"
    assert check_format(data) == []
    from docx import Document

    header = Document(io.BytesIO(data)).tables[0]
    text = " ".join(" ".join(cell.text.split()) for row in header.rows for cell in row.cells)
    assert "Số: 01/TB-SVHTTDL" in text
    assert DENOUNCER_NAME not in text


def test_bad_input_is_explained_in_vietnamese_and_the_typed_input_is_kept(page, login, live_server, demo_org):
    login("tiepdan")
    page.goto(f"{live_server.url}/don/moi/")
    future = timezone.localdate() + timedelta(days=3)
    _fill_letter(page, received=f"{future:%d/%m/%Y}", summary="Phản ánh quán karaoke gây ồn", text="Quá 23 giờ")
    page.select_option("#id_channel", "transferred")
    page.fill("input[name=nguoi-0-full_name]", "Đinh Công Hậu")
    page.set_input_files("#id_attachments", files=[{"name": "don.pdf", "mimeType": "application/pdf",
                                                     "buffer": EXE}])
    page.click("#letter-form button[type=submit]")
    form = page.locator("#letter-form")
    expect(form).to_contain_text("Ngày nhận đơn không được sau ngày hôm nay")
    expect(form).to_contain_text("phải ghi tên cơ quan chuyển đơn")
    expect(form).to_contain_text("không phải tệp PDF, JPEG hoặc PNG đọc được")
    expect(page.locator("#id_summary")).to_have_value("Phản ánh quán karaoke gây ồn")
    expect(page.locator("input[name=nguoi-0-full_name]")).to_have_value("Đinh Công Hậu")
    from tiepdan.letters.models import Letter

    assert not Letter.objects.exists()
