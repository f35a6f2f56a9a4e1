"""Downloads: the owner unit gets the file, another unit's officer 404, an anonymous visitor the login."""

import shutil
import subprocess
import unicodedata
from datetime import date
from urllib.parse import quote

import pytest
from django.urls import reverse

from tiepdan.documents import pdf, services
from tiepdan.documents.http import DOCX
from tiepdan.documents.pdf import PdfUnavailable, to_pdf
from tiepdan.documents.render import render_docx
from tiepdan.documents.services import issue_document
from tiepdan.documents.tests.factories import make_notice


@pytest.fixture
def document(make_letter, handler):
    letter = make_letter("ql-van-hoa")
    return issue_document(subject=letter, unit=letter.unit, doc=make_notice(issued_on=date(2026, 2, 5)), actor=handler)


def _urls(document):
    return [reverse(f"documents:{name}", kwargs={"code": document.code}) for name in ("download", "pdf")]


def test_owner_unit_downloads_the_docx(client, handler, document, django_assert_max_num_queries):
    client.force_login(handler)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("documents:download", kwargs={"code": document.code}))
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert f"filename*=UTF-8''{quote('Thông báo 01-TB-SVHTTDL.docx')}" in response["Content-Disposition"]
    with document.file.open("rb") as f:
        assert response.content == f.read()


def test_leadership_downloads_any_units_document(client, leader, document):
    client.force_login(leader)
    assert client.get(reverse("documents:download", kwargs={"code": document.code})).status_code == 200


def test_officer_of_other_unit_gets_404(client, outsider, document, monkeypatch):
    monkeypatch.setattr(services, "to_pdf", lambda data: pytest.fail("an outsider must not reach the converter"))
    client.force_login(outsider)
    for url in _urls(document):
        assert client.get(url).status_code == 404, url


def test_anonymous_visitor_is_sent_to_login(client, document):
    for url in _urls(document):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_unknown_code_is_404(client, handler):
    client.force_login(handler)
    assert client.get(reverse("documents:download", kwargs={"code": "VBXXXXXXXX"})).status_code == 404


def test_pdf_without_libreoffice_is_a_503_page_in_vietnamese(client, handler, document, monkeypatch):
    monkeypatch.setattr(pdf, "soffice_path", lambda: None)
    client.force_login(handler)
    response = client.get(reverse("documents:pdf", kwargs={"code": document.code}))
    assert response.status_code == 503
    page = response.content.decode()
    assert "Chưa tạo được bản PDF" in page
    assert "chưa cài LibreOffice" in page
    assert reverse("documents:download", kwargs={"code": document.code}) in page


def test_pdf_is_converted_once_and_cached_next_to_the_docx(client, handler, document, monkeypatch):
    calls = []

    def fake(data):
        calls.append(data)
        return b"%PDF-1.7 fake"

    monkeypatch.setattr(services, "to_pdf", fake)
    client.force_login(handler)
    url = reverse("documents:pdf", kwargs={"code": document.code})
    first, second = client.get(url), client.get(url)
    assert (first.status_code, second.status_code) == (200, 200)
    assert first["Content-Type"] == "application/pdf"
    assert first["Content-Disposition"].startswith("inline;")
    assert second.content == b"%PDF-1.7 fake"
    assert len(calls) == 1
    assert document.file.storage.exists(document.file.name.replace(".docx", ".pdf"))


def test_included_list_shows_number_title_date_and_links(document):
    from django.template.loader import render_to_string

    html = render_to_string("documents/_list.html", {"documents": [document]})
    assert "01/TB-SVHTTDL" in html
    assert "Thông báo về việc thụ lý giải quyết khiếu nại" in html
    assert "05/02/2026" in html
    assert reverse("documents:download", kwargs={"code": document.code}) in html
    assert reverse("documents:pdf", kwargs={"code": document.code}) in html
    assert "Chưa có văn bản." in render_to_string("documents/_list.html", {"documents": []})


def test_to_pdf_without_soffice_raises_a_bilingual_message(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(PdfUnavailable) as raised:
        to_pdf(b"PK")
    assert "chưa cài LibreOffice" in str(raised.value)
    assert "not installed" in str(raised.value)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_real_conversion_keeps_the_vietnamese_text(notice):
    data = to_pdf(render_docx(notice))
    assert data.startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: only the PDF signature was checked")
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True, timeout=60
    ).stdout.decode("utf-8")
    text = unicodedata.normalize("NFC", text)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "Bắc Ninh, ngày 05 tháng 02 năm 2026" in text
    assert "Số: 05/TB-SVHTTDL" in text


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_real_pdf_view(client, handler, document):
    client.force_login(handler)
    response = client.get(reverse("documents:pdf", kwargs={"code": document.code}))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
