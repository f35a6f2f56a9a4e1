"""Denouncer protection (TC-CONFID, Law 25/2018 Art 47): encrypted at rest, masked everywhere, shown only to
those who need it and every view logged; a redacted copy for verifiers; the denounced side sees nothing."""

import io
import logging
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tiepdan.audit.models import AccessLog
from tiepdan.documents.models import IssuedDocument
from tiepdan.letters.models import DenouncerIdentity, Letter
from tiepdan.letters.services import accept_letter, reveal_identity
from tiepdan.letters.tests.conftest import COMMUNE, DENOUNCER_ID, DENOUNCER_NAME, DENOUNCER_PHONE, PDF, TODAY
from tiepdan.text.normalize import fold

pytestmark = pytest.mark.django_db

SECRETS = (DENOUNCER_NAME, fold(DENOUNCER_NAME), DENOUNCER_ID, DENOUNCER_PHONE)


def raw_database_hits(*needles: str) -> list[str]:
    """The needles found anywhere in the database as stored: the SQLite file image (every page, free
    pages included), or on PostgreSQL every text-like column of every table."""
    if connection.vendor == "sqlite":
        image = connection.connection.serialize()
        return [n for n in needles if n.encode() in image]
    hits = []
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' "
            "AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'tsvector')"
        )
        for table, column in cursor.fetchall():
            for needle in needles:
                cursor.execute(f'SELECT 1 FROM "{table}" WHERE "{column}"::text LIKE %s LIMIT 1',  # noqa: S608
                               [f"%{needle}%"])
                if cursor.fetchone():
                    hits.append(f"{needle} in {table}.{column}")
    return hits


def docx_text(document: IssuedDocument) -> str:
    from docx import Document

    with document.file.open("rb") as handle:
        doc = Document(io.BytesIO(handle.read()))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return " ".join([p.text for p in doc.paragraphs] + cells)


def xlsx_text(data: bytes) -> str:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True)
    return " ".join(str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v)


def _register_through_the_form(client, officer, **overrides):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(officer)
    data = {
        "channel": "post", "received_on": "23/11/2026", "unit": officer.staff.unit.pk, "matter_type": "denunciation",
        "summary": "Tố cáo cán bộ Bảo tàng tỉnh nhận tiền, nhũng nhiễu",
        "text": f"Tôi tên là {DENOUNCER_NAME}, CCCD {DENOUNCER_ID}, điện thoại {DENOUNCER_PHONE}. Tôi tố cáo ông "
                "Bùi Văn Nam, chuyên viên Bảo tàng tỉnh, nhận tiền, nhũng nhiễu.",
        "nguoi-TOTAL_FORMS": "1", "nguoi-INITIAL_FORMS": "0", "nguoi-0-full_name": DENOUNCER_NAME,
        "nguoi-0-id_number": DENOUNCER_ID, "nguoi-0-phone": DENOUNCER_PHONE, "nguoi-0-commune_code": str(COMMUNE),
        "nguoi-0-address_detail": "Xóm Chùa", "attachments": SimpleUploadedFile("scan.pdf", PDF, "application/pdf"),
        **overrides,
    }
    return client.post(reverse("letters:letter_register"), data)


def test_a_demo_denouncers_name_and_id_are_nowhere_in_the_raw_database_nor_the_logs(
    client, officer, leader, inspector, caplog, capfd, unit
):
    caplog.set_level(logging.DEBUG)
    with CaptureQueriesContext(connection) as queries:
        response = _register_through_the_form(client, officer)
    assert response.status_code == 302, re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.content.decode())
    letter = Letter.objects.get()
    # Not one SQL statement of the registration carried the identity in plain text.
    assert not [q for q in queries.captured_queries if any(s in q["sql"] for s in SECRETS)]
    from tiepdan.letters.services import Classification, classify_letter

    classify_letter(letter=letter, actor=leader, classification=Classification(
        matter_type="denunciation", competence="within", is_eligible=True, denounced_persons="Bùi Văn Nam",
        denounced_unit=unit("bao-tang")))
    accept_letter(letter=letter, actor=leader, on=TODAY, today=TODAY, handler=inspector)
    for url in (reverse("letters:letter_list"), letter.get_absolute_url(), reverse("letters:letter_export")):
        assert client.get(url).status_code == 200
    # The identity is there, encrypted, and readable by an allowed user.
    assert [i.full_name for i in reveal_identity(letter=letter, user=inspector, purpose="Xác minh")] == [
        DENOUNCER_NAME]
    assert DenouncerIdentity.objects.get().id_number_index
    assert raw_database_hits(*SECRETS) == []
    logged = caplog.text + "".join(capfd.readouterr())
    assert not [s for s in SECRETS if s in logged]
    for document in IssuedDocument.objects.all():
        text = docx_text(document)
        assert DENOUNCER_NAME not in text
        assert "Người tố cáo (giữ bí mật)" in text


def test_a_letter_reclassified_as_a_denunciation_leaves_no_plain_trace(
    register, denouncer, leader, django_capture_on_commit_callbacks
):
    from tiepdan.letters.services import Classification, classify_letter
    from tiepdan.letters.tests.test_classification import TITLED_COMPLAINT_TEXT

    letter = register(matter_type="complaint", summary="Đơn khiếu nại", text=TITLED_COMPLAINT_TEXT,
                      senders=[denouncer])
    assert raw_database_hits(DENOUNCER_NAME)  # in plain citizen records, until classified
    with django_capture_on_commit_callbacks(execute=True):  # the search-index purge runs after commit
        classify_letter(letter=letter, actor=leader, classification=Classification(
            matter_type="denunciation", competence="within", is_eligible=True))
    assert raw_database_hits(*SECRETS) == []


def test_the_denounced_unit_gets_404_on_the_case_and_never_sees_the_name(
    client, denunciation, classify, leader, inspector, outsider, officer, unit
):
    classify(denunciation, denounced_persons="Bùi Văn Nam", denounced_unit=unit("bao-tang"))
    case = accept_letter(letter=denunciation, actor=leader, on=TODAY, today=TODAY, handler=inspector).case
    client.force_login(outsider)
    assert client.get(reverse("cases:case_detail", kwargs={"code": case.code})).status_code == 404
    assert client.get(denunciation.get_absolute_url()).status_code == 404
    for user in (outsider, officer):  # the denounced side, and an officer of the handling unit
        client.force_login(user)
        for url in (reverse("letters:letter_list"), reverse("letters:letter_list") + "?q=nhung+nhieu",
                    reverse("cases:case_list"), reverse("deadlines:deadline_list"), reverse("home")):
            page = client.get(url).content.decode()
            assert DENOUNCER_NAME not in page, url
            assert DENOUNCER_ID not in page, url
        sheet = xlsx_text(b"".join(client.get(reverse("letters:letter_export")).streaming_content))
        assert DENOUNCER_NAME not in sheet
        assert DENOUNCER_ID not in sheet
    assert "Người tố cáo (giữ bí mật)" in sheet  # the officer's export lists it, masked


def test_only_leadership_inspection_and_the_assigned_handler_see_the_identity_and_each_view_is_logged(
    client, denunciation, classify, leader, officer, handler
):
    url = reverse("letters:reveal", kwargs={"code": denunciation.code})
    client.force_login(officer)
    page = client.get(denunciation.get_absolute_url()).content.decode()
    assert "Người tố cáo (giữ bí mật)" in page
    assert DENOUNCER_NAME not in page
    assert 'id="reveal-form"' not in page
    assert client.post(url, {"purpose": "tò mò"}).status_code == 403
    client.force_login(leader)
    response = client.post(url, {"purpose": "Giao xác minh"}, REMOTE_ADDR="10.0.0.7")
    assert response.status_code == 200
    assert DENOUNCER_NAME in response.content.decode()
    log = AccessLog.objects.filter(user=leader).first()
    assert (log.object_id, log.purpose, log.ip_address) == (denunciation.pk, "Giao xác minh", "10.0.0.7")
    assert client.post(url, {"purpose": ""}).status_code == 422  # a purpose is required
    # The reception officer becomes the case's handler: now allowed (and logged).
    classify(denunciation)
    accept_letter(letter=denunciation, actor=leader, on=TODAY, today=TODAY, handler=officer)
    client.force_login(officer)
    assert DENOUNCER_NAME in client.post(url, {"purpose": "Giải quyết"}).content.decode()
    assert AccessLog.objects.filter(user=officer, purpose="Giải quyết").exists()


def test_the_original_scan_is_for_identity_viewers_only_and_logged(client, denunciation, officer, inspector):
    scan = denunciation.attachments.get()
    url = reverse("letters:attachment", kwargs={"code": denunciation.code, "pk": scan.pk})
    client.force_login(officer)
    assert client.get(url).status_code == 403
    client.force_login(inspector)
    response = client.get(url)
    assert response.status_code == 200
    assert response.content == PDF
    assert response["Content-Type"] == "application/pdf"
    assert AccessLog.objects.filter(user=inspector, purpose__startswith="Tải bản gốc").exists()


def test_verifiers_receive_a_redacted_copy(client, denunciation, officer):
    client.force_login(officer)
    copy = client.get(reverse("letters:redacted_copy", kwargs={"code": denunciation.code})).content.decode()
    assert DENOUNCER_NAME not in copy
    assert DENOUNCER_ID not in copy
    assert DENOUNCER_PHONE not in copy
    assert "Bùi Văn Nam" in copy
    assert "[Người tố cáo]" in copy


def test_a_conflicted_leader_does_not_see_the_identity(denunciation, classify, leader):
    from tiepdan.letters.policies import can_see_identity

    classify(denunciation, denounced_persons="ông Nguyễn Văn Thành, Giám đốc Sở")
    denunciation.refresh_from_db()
    assert not can_see_identity(leader, denunciation)
