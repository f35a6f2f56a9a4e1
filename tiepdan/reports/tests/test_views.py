"""The pages: who may see what (every protected view tried by an outsider), bounded queries, downloads."""

import io
import shutil
import subprocess
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tiepdan.reports import services
from tiepdan.reports.models import AccountabilityCheck

pytestmark = pytest.mark.django_db

PERIOD = {"ky": "6M", "nam": "2026"}


@pytest.fixture
def report(demo_data, inspector):
    report = services.create_report(actor=inspector, kind="6M", year=2026)
    services.compile_report(report=report, actor=inspector)
    return report


@pytest.fixture
def check(demo_org, inspector, unit):
    check = services.open_check(actor=inspector, unit=unit("ql-van-hoa"), period_start=date(2025, 12, 15),
                                period_end=date(2026, 6, 14), checked_on=date(2026, 6, 20))
    services.add_measure(check=check, actor=inspector, recommendation="Rà soát đơn tồn.", owner=unit("ql-van-hoa"),
                         due_on=date(2026, 7, 15))
    return check


def _login(client, user):
    client.force_login(user)
    return client


def _full_report_urls(report):
    return [
        reverse("reports:report_form", args=[report.code, "01-XLD"]),
        reverse("reports:report_form_xlsx", args=[report.code, "01-XLD"]),
        reverse("reports:report_docx", args=[report.code, 1]),
        reverse("reports:report_pdf", args=[report.code, 1]),
        reverse("reports:report_regenerate", args=[report.code]),
    ]


def test_anonymous_users_are_sent_to_the_login_page(client, report, check):
    urls = [reverse("reports:report_list"), report.get_absolute_url(), check.get_absolute_url(),
            reverse("reports:accountability"), reverse("reports:statistics"), *_full_report_urls(report)]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/dang-nhap/" in response["Location"]


def test_a_unit_officer_sees_the_report_but_not_its_figures_or_files(client, report, outsider):
    _login(client, outsider)
    page = client.get(report.get_absolute_url())
    assert page.status_code == 200
    assert "Biểu số liệu" not in page.content.decode()
    for url in _full_report_urls(report):
        assert client.get(url).status_code == 404, url
    response = client.post(reverse("reports:report_action", args=[report.code]), {"action": "approve"})
    assert response.status_code == 404


def test_an_officer_of_another_unit_cannot_write_a_units_part(client, report, outsider, handler):
    url = reverse("reports:contribution_edit", args=[report.code, "ql-van-hoa"])
    _login(client, outsider)
    assert client.get(url).status_code == 404
    assert client.post(url, {"results": "x", "gui": "1"}).status_code == 404
    assert client.get(reverse("reports:contribution_edit", args=[report.code, "bao-tang"])).status_code == 200
    _login(client, handler)
    response = client.post(url, {"results": "Đã xử lý 12 đơn.", "gui": "1"})
    assert response.status_code == 302
    assert report.contributions.get(unit__code="ql-van-hoa").status == "submitted"


def test_roles_outside_the_reports_get_404(client, report, check, officer):
    _login(client, officer)  # a reception officer: no part in the reports
    for url in [reverse("reports:report_list"), report.get_absolute_url(), reverse("reports:accountability"),
                reverse("reports:statistics"), reverse("reports:check_list"), check.get_absolute_url()]:
        assert client.get(url).status_code == 404, url


def test_accountability_of_another_unit_is_hidden_from_a_unit_head(client, demo_data, head, outsider):
    _login(client, head)
    own = client.get(reverse("reports:accountability"), PERIOD)
    assert own.status_code == 200
    names = [s.facts.unit_name for s in own.context["scores"]]
    assert names == ["Phòng Quản lý Văn hóa và Gia đình"]
    assert client.get(reverse("reports:accountability_unit", args=["ql-van-hoa"]), PERIOD).status_code == 200
    assert client.get(reverse("reports:accountability_unit", args=["ttr-pc"]), PERIOD).status_code == 404
    _login(client, outsider)  # a handler, not a head
    assert client.get(reverse("reports:accountability"), PERIOD).status_code == 404
    assert client.get(reverse("reports:accountability_unit", args=["bao-tang"]), PERIOD).status_code == 404


def test_a_check_is_seen_by_the_checked_units_head_and_not_by_others(client, check, head, outsider):
    _login(client, outsider)
    assert client.get(check.get_absolute_url()).status_code == 404
    measure = check.measures.get()
    done = reverse("reports:measure_done", args=[check.code, measure.pk])
    assert client.post(done, {"result": "x"}).status_code == 404
    assert client.post(reverse("reports:check_act", args=[check.code, "phat-hien"]),
                       {"kind": "good", "text": "x"}).status_code == 404
    _login(client, head)
    assert client.get(check.get_absolute_url()).status_code == 200
    assert client.post(done, {"result": "Đã rà soát."}).status_code == 302
    measure.refresh_from_db()
    assert measure.status == "done"
    # The head cannot write findings: only the inspection unit does.
    client.post(reverse("reports:check_act", args=[check.code, "phat-hien"]), {"kind": "good", "text": "tự khen"})
    assert not check.findings.exists()


def test_the_inspection_unit_records_a_check_from_the_page(client, demo_org, inspector):
    _login(client, inspector)
    response = client.post(reverse("reports:check_list"), {
        "unit": "ql-di-san", "period_start": "15/12/2025", "period_end": "14/06/2026", "checked_on": "20/06/2026",
        "decision_number": "07/QĐ-TTrPC",
    })
    check = AccountabilityCheck.objects.get()
    assert response.status_code == 302
    assert response["Location"] == check.get_absolute_url()
    assert check.unit.code == "ql-di-san"
    bad = client.post(reverse("reports:check_list"), {"unit": "ql-di-san", "period_start": "31/02/2026"})
    assert bad.status_code == 422


def test_pages_make_a_bounded_number_of_queries(client, report, check, inspector, django_assert_max_num_queries):
    _login(client, inspector)
    pages = [
        (reverse("reports:report_list"), {}, 12),
        (report.get_absolute_url(), {}, 20),
        (reverse("reports:report_form", args=[report.code, "01-TCD"]), {}, 12),
        (reverse("reports:statistics"), PERIOD, 22),
        (reverse("reports:accountability"), PERIOD, 24),
        (reverse("reports:accountability_unit", args=["ttr-pc"]), PERIOD, 30),
        (reverse("reports:check_list"), {}, 12),
        (check.get_absolute_url(), {}, 14),
    ]
    for url, params, limit in pages:
        with django_assert_max_num_queries(limit):
            assert client.get(url, params).status_code == 200, url


def test_the_form_page_and_its_xlsx_show_the_same_numbers(client, report, inspector):
    _login(client, inspector)
    page = client.get(reverse("reports:report_form", args=[report.code, "01-XLD"]))
    assert "Tất cả các tổng số đều khớp." in page.content.decode()
    response = client.get(reverse("reports:report_form_xlsx", args=[report.code, "01-XLD"]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    total = next(r for r in sheet.iter_rows(values_only=True) if r and r[0] == "Tổng cộng")
    assert total[1:6] == tuple(page.context["table"].total.values[n] for n in range(1, 6))


def test_live_figures_of_any_period_and_their_xlsx(client, demo_data, inspector):
    _login(client, inspector)
    page = client.get(reverse("reports:statistics"), {"ky": "Q1", "nam": "2026"})
    assert page.status_code == 200
    assert [t.code for t, _, _ in page.context["tables"]][:2] == ["01/TCD", "01/XLD"]
    xlsx = client.get(reverse("reports:statistics_xlsx", args=["01-TCD"]), {"ky": "Q1", "nam": "2026"})
    assert xlsx.status_code == 200
    bad = client.get(reverse("reports:statistics"), {"ky": "month", "nam": "2026"})  # no month given
    assert bad.status_code == 200
    assert bad.context["tables"] == []
    assert "cần tháng từ 1 đến 12" in bad.content.decode()


def test_pdf_without_libreoffice_says_so_in_vietnamese(client, report, inspector, monkeypatch):
    from tiepdan.documents import pdf

    monkeypatch.setattr(pdf, "soffice_path", lambda: None)
    _login(client, inspector)
    response = client.get(reverse("reports:report_pdf", args=[report.code, 1]), follow=True)
    assert response.status_code == 200
    assert "chưa cài LibreOffice" in response.content.decode()


def test_the_workflow_through_the_pages(client, report, inspector, leader):
    action = reverse("reports:report_action", args=[report.code])
    _login(client, leader)
    client.post(action, {"action": "approve"})
    report.refresh_from_db()
    assert report.status == "compiled"  # not submitted yet: refused with a message
    _login(client, inspector)
    client.post(reverse("reports:report_narrative", args=[report.code]), {
        "notable": "", "assessment": "Cơ bản hoàn thành.", "tasks": "Giải quyết tồn đọng.", "proposals": "",
        "addressees": "Thanh tra tỉnh", "recipients": "Như trên\nLưu: VT",
    })
    client.post(action, {"action": "compile"})
    client.post(action, {"action": "submit"})
    _login(client, leader)
    client.post(action, {"action": "approve"})
    _login(client, inspector)
    client.post(action, {"action": "send"})
    report.refresh_from_db()
    assert report.status == "sent"
    assert report.number_text.endswith("/BC-SVHTTDL")
    final = report.versions.get(is_final=True)
    docx = client.get(reverse("reports:report_docx", args=[report.code, final.number]))
    assert docx.status_code == 200
    assert bytes(final.docx) == docx.content


def test_writes_and_live_exports_are_refused_to_an_officer_of_another_unit(client, report, outsider):
    _login(client, outsider)
    response = client.post(reverse("reports:report_narrative", args=[report.code]), {"tasks": "x"})
    assert response.status_code == 404
    created = client.post(reverse("reports:report_create"), {"ky": "Q1", "nam": "2026"})
    assert created.status_code == 422
    assert "Chỉ đơn vị thanh tra, tham mưu được lập báo cáo." in created.content.decode()
    assert client.get(reverse("reports:statistics"), PERIOD).status_code == 404
    assert client.get(reverse("reports:statistics_xlsx", args=["01-XLD"]), PERIOD).status_code == 404
    assert client.get(reverse("reports:check_list")).status_code == 404


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_the_pdf_of_a_version_is_made_by_libreoffice(client, report, inspector):
    _login(client, inspector)
    response = client.get(reverse("reports:report_pdf", args=[report.code, 1]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    pdftotext = shutil.which("pdftotext")
    if pdftotext:  # the Vietnamese diacritics survive the conversion
        text = subprocess.run(
            [pdftotext, "-", "-"], input=response.content, capture_output=True, check=True
        ).stdout.decode("utf-8")
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
        assert "Kết quả công tác tiếp công dân" in text


def test_the_accountability_pages_show_the_citizens_satisfaction(client, demo_org, make_letter, leader, inspector,
                                                                  outsider):
    from datetime import timedelta

    from tiepdan.cases.services import record_satisfaction
    from tiepdan.reports.tests.conftest import settle_complaint

    received = date(2026, 1, 5)
    case = settle_complaint(make_letter("ql-van-hoa", received_on=received), leader,
                            accepted=received + timedelta(days=2), decided=received + timedelta(days=20))
    record_satisfaction(case=case, actor=leader, level="satisfied", on=date(2026, 2, 10))
    _login(client, inspector)
    page = client.get(reverse("reports:accountability"), PERIOD).content.decode()
    assert "Công dân hài lòng" in page
    assert "100% (1/1)" in page
    unit_page = client.get(reverse("reports:accountability_unit", args=["ql-van-hoa"]), PERIOD).content.decode()
    assert "100% (1/1)" in unit_page
    other = client.get(reverse("reports:accountability_unit", args=["bao-tang"]), PERIOD).content.decode()
    assert "Chưa có ý kiến ghi nhận trong kỳ" in other
    _login(client, outsider)  # an officer of another unit sees no accountability figures
    assert client.get(reverse("reports:accountability_unit", args=["ql-van-hoa"]), PERIOD).status_code == 404
