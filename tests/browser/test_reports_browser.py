"""Issue 8 journey: the inspection unit opens the 6-month report, a unit drafts its part, the inspection unit
compiles and submits it, the director approves it, it is sent with its number, and the final .docx and the
01/XLD .xlsx download."""

import io
from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_letters(demo_org):
    from tiepdan.core.demo.generate import generate

    generate(agency=demo_org, letters=200, seed=2026, today=date(2026, 11, 27), progress=False)
    return demo_org


def _as(page, login, username):
    page.context.clear_cookies()
    return login(username)


def _act(page, action: str):
    page.locator(f"form[data-action={action}] button[type=submit]").click()


def test_a_unit_drafts_inspection_compiles_the_director_approves_and_the_files_download(
    page, login, live_server, demo_letters
):
    _as(page, login, "thanhtra")
    page.goto(f"{live_server.url}/bao-cao/")
    page.locator("#new-report summary").click()
    page.select_option("#id_ky", "6M")
    page.fill("#id_nam", "2026")
    page.locator("#new-report button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text("6 tháng đầu năm 2026")
    report_url = page.url

    _as(page, login, "truongphong")
    page.goto(report_url)
    page.get_by_role("link", name="Soạn phần của đơn vị: Phòng Quản lý Văn hóa và Gia đình").click()
    page.fill("#id_results", "Tiếp nhận 25 đơn, đã xử lý đúng hạn 23 đơn.")
    page.fill("#id_proposals", "Đề nghị bổ sung cán bộ tiếp công dân.")
    page.get_by_role("button", name="Gửi đơn vị tổng hợp").click()
    expect(page.locator(".msg")).to_contain_text("Đã lưu phần báo cáo của đơn vị.")

    _as(page, login, "thanhtra")
    page.goto(report_url)
    expect(page.locator("#contributions")).to_contain_text("Đã gửi đơn vị tổng hợp")
    _act(page, "compile")
    expect(page.locator("#report-status")).to_have_text("Đã tổng hợp, đang hoàn thiện")
    expect(page.locator("#identities-ok")).to_be_visible()
    expect(page.locator("#id_proposals")).to_contain_text("Đề nghị bổ sung cán bộ tiếp công dân.")
    _act(page, "submit")
    expect(page.locator("#report-status")).to_have_text("Đã trình Lãnh đạo sở")

    _as(page, login, "giamdoc")
    page.goto(report_url)
    _act(page, "approve")
    expect(page.locator("#report-status")).to_have_text("Lãnh đạo sở đã phê duyệt")

    _as(page, login, "thanhtra")
    page.goto(report_url)
    _act(page, "send")
    expect(page.locator("#report-status")).to_have_text("Đã ban hành, gửi đi")
    expect(page.locator("#report-number")).to_have_text("01/BC-SVHTTDL")

    final_row = page.locator("#versions tbody tr", has_text="Bản chính thức")
    with page.expect_download() as docx_download:
        final_row.get_by_role("link", name=".docx").click()
    document = Document(io.BytesIO(docx_download.value.path().read_bytes()))
    assert any("Số: 01/BC-SVHTTDL" in cell.text for cell in document.tables[0]._cells)

    with page.expect_download() as xlsx_download:
        page.locator("a[data-xlsx='01/XLD']").click()
    assert xlsx_download.value.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(xlsx_download.value.path().read_bytes())).active
    total = next(r for r in sheet.iter_rows(values_only=True) if r and r[0] == "Tổng cộng")
    assert total[1] == total[2] + total[3]
    assert total[1] == total[4] + total[5]
