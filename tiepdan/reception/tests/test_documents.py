"""The reception desk's documents: receipt (Form 02/TCD), written record, refusal notice (Form 01/TCD),
reception conclusion notice — numbered per kind and year, in the Decree 30 format."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from docx import Document

from tiepdan.deadlines.services import open_deadlines_of
from tiepdan.documents.checks import check_format
from tiepdan.documents.selectors import documents_for
from tiepdan.org.models import Unit
from tiepdan.reception import services
from tiepdan.reception.services.documents import issue_receipt, issue_refusal_notice, issue_visit_record

pytestmark = pytest.mark.django_db


def _text(document) -> str:
    with document.file.open("rb") as f:
        docx = Document(f)
    parts = [p.text for p in docx.paragraphs]
    for table in docx.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _check(document) -> None:
    with document.file.open("rb") as f:
        assert check_format(f.read()) == []


def test_the_receipt_lists_the_documents_handed_over_and_is_numbered(officer, visit_input, now):
    (visit,) = services.record_visit(
        data=visit_input(documents_received="Bản sao quyết định xử phạt số 12/QĐ-XPHC\nẢnh chụp hiện trường"),
        actor=officer, now=now,
    )
    first = issue_receipt(visit=visit, actor=officer)
    second = issue_receipt(visit=visit, actor=officer)
    assert first.kind_code == "BN"
    assert (first.number, second.number) == (1, 2)
    text = _text(first)
    assert "GIẤY BIÊN NHẬN" in text
    assert "Bản sao quyết định xử phạt số 12/QĐ-XPHC" in text
    assert "Nguyễn Văn Bình" in text
    _check(first)


def test_a_visit_without_a_letter_gets_the_written_record_to_sign(officer, visit_input, now):
    (visit,) = services.record_visit(data=visit_input(), actor=officer, now=now)
    record = issue_visit_record(visit=visit, actor=officer)
    assert record.kind_code == "BB"
    text = _text(record)
    assert "BIÊN BẢN" in text
    assert "Khiếu nại quyết định xử phạt hoạt động karaoke" in text
    assert "ký" in text
    _check(record)
    (with_letter,) = services.record_visit(data=visit_input(brought_letter=True), actor=officer, now=now)
    with pytest.raises(ValidationError):
        issue_visit_record(visit=with_letter, actor=officer)


def test_the_refusal_notice_is_only_for_the_grounds_that_require_it(officer, visit_input, now):
    oral_data = visit_input(outcome="refused", refusal_ground="law9-2")
    (oral,) = services.record_visit(data=oral_data, actor=officer, now=now)
    with pytest.raises(ValidationError):
        issue_refusal_notice(visit=oral, actor=officer)
    (written,) = services.record_visit(data=visit_input(outcome="refused", refusal_ground="law9-3"), actor=officer,
                                       now=now)
    notice = issue_refusal_notice(visit=written, actor=officer)
    assert notice.kind_code == "TB"
    assert not open_deadlines_of(written, "TCD-REFUSE-NOTICE").exists()
    text = _text(notice)
    assert "từ chối tiếp công dân" in text
    assert "Điều 9 khoản 3" in text
    assert "Nguyễn Văn Thành" in text  # signed by the head of the agency
    _check(notice)


def test_the_conclusion_notice_is_issued_as_a_document_and_never_names_a_denouncer(
    officer, leader, visit_input, now
):
    director = leader.staff
    session = services.plan_session(actor=officer, host=director, planned_on=date(2026, 11, 26))
    services.record_visit(
        data=visit_input(matter_types=("denunciation",), leader_mode="scheduled", leader_id=director.pk,
                         host_role="head"),
        actor=officer, now=now,
    )
    services.record_session_result(session=session, actor=officer, status="held", today=date(2026, 11, 27),
                                   actual_host=director, host_role="head")
    culture = Unit.objects.get(code="ql-van-hoa")
    notice = services.issue_conclusion_notice(
        session=session, actor=officer, conclusion="Giao Phòng Quản lý Văn hóa kiểm tra, xác minh",
        signer=director, issued_on=date(2026, 11, 27), today=date(2026, 11, 27),
        tasks=[services.TaskInput(unit_id=culture.pk, text="Kiểm tra, báo cáo", due_on=date(2026, 12, 4))],
    )
    document = documents_for(notice).get()
    assert notice.document_number == document.number_text
    assert document.number_text.endswith("/TB-SVHTTDL")
    text = _text(document)
    assert "Phòng Quản lý Văn hóa và Gia đình" in text
    assert "04/12/2026" in text
    assert "(giữ bí mật)" in text
    assert "Nguyễn Văn Bình" not in text
    _check(document)


def test_the_visit_page_offers_the_documents_and_issues_them(client, officer, visit_input, now):
    (visit,) = services.record_visit(data=visit_input(documents_received="Đơn khiếu nại"), actor=officer, now=now)
    client.force_login(officer)
    body = client.get(visit.get_absolute_url()).content.decode()
    assert "Lập giấy biên nhận (Mẫu 02/TCD)" in body
    assert "Lập biên bản ghi nội dung trình bày" in body
    assert "Lập thông báo từ chối" not in body
    url = reverse("reception:visit_document", kwargs={"code": visit.code, "kind": "bien-nhan"})
    assert client.post(url).status_code == 302
    assert "/BN-SVHTTDL" in client.get(visit.get_absolute_url()).content.decode()
    refused = reverse("reception:visit_document", kwargs={"code": visit.code, "kind": "tu-choi"})
    assert client.post(refused, follow=True).status_code == 200
    assert client.post(reverse("reception:visit_document", kwargs={"code": visit.code, "kind": "x"})).status_code == 404
