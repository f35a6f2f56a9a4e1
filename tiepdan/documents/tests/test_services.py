"""Issuing documents: register numbers per agency, type and calendar year; the stored file."""

import hashlib
import io
import threading
from datetime import date

import pytest
from django.db import connection
from django.db.models.deletion import ProtectedError
from docx import Document

from tiepdan.documents import services
from tiepdan.documents.models import DocumentCounter, IssuedDocument
from tiepdan.documents.render import check_format
from tiepdan.documents.selectors import documents_for, documents_visible_to
from tiepdan.documents.services import issue_document
from tiepdan.documents.tests.factories import make_notice


@pytest.fixture
def letter(make_letter):
    return make_letter("ql-van-hoa")


def _issue(letter, handler, **overrides):
    return issue_document(subject=letter, unit=letter.unit, doc=make_notice(number=None, **overrides), actor=handler)


def _number_line(document: IssuedDocument) -> str:
    with document.file.open("rb") as f:
        header = Document(io.BytesIO(f.read())).tables[0]
    return header.cell(1, 0).paragraphs[0].text


def test_two_documents_of_a_kind_in_a_year_get_one_and_two(letter, handler):
    first = _issue(letter, handler, issued_on=date(2026, 2, 5))
    second = _issue(letter, handler, issued_on=date(2026, 11, 30))
    assert (first.number, second.number) == (1, 2)
    assert (first.number_text, second.number_text) == ("01/TB-SVHTTDL", "02/TB-SVHTTDL")
    assert _number_line(second) == "Số: 02/TB-SVHTTDL"


def test_a_new_year_restarts_at_one(letter, handler):
    _issue(letter, handler, issued_on=date(2026, 12, 31))
    _issue(letter, handler, issued_on=date(2026, 12, 31))
    january = _issue(letter, handler, issued_on=date(2027, 1, 1))
    assert january.number == 1
    assert _number_line(january) == "Số: 01/TB-SVHTTDL"


def test_different_kinds_count_separately(letter, handler):
    _issue(letter, handler, issued_on=date(2026, 2, 5))
    transfer = _issue(letter, handler, issued_on=date(2026, 2, 5), kind_code="PC", kind_name="PHIẾU CHUYỂN")
    again = _issue(letter, handler, issued_on=date(2026, 2, 6))
    assert (transfer.number, again.number) == (1, 2)
    assert transfer.number_text == "01/PC-SVHTTDL"
    counters = set(DocumentCounter.objects.values_list("kind_code", "year", "last_number"))
    assert counters == {("TB", 2026, 2), ("PC", 2026, 1)}


def test_the_number_is_taken_under_a_row_lock(letter, handler, monkeypatch):
    locked = []
    real = DocumentCounter.objects.select_for_update

    def spy(*args, **kwargs):
        locked.append(True)
        return real(*args, **kwargs)

    monkeypatch.setattr(DocumentCounter.objects, "select_for_update", spy)
    _issue(letter, handler, issued_on=date(2026, 2, 5))
    assert locked


def test_without_a_date_the_number_belongs_to_todays_year(letter, handler, monkeypatch):
    monkeypatch.setattr(services.timezone, "localdate", lambda: date(2026, 5, 4))
    document = _issue(letter, handler, issued_on=None)
    assert (document.issued_on, document.number) == (date(2026, 5, 4), 1)


def test_unnumbered_document_leaves_the_register_alone(letter, handler):
    document = issue_document(subject=letter, unit=letter.unit, doc=make_notice(number=None, issued_on=None),
                              actor=handler, numbered=False)
    assert document.number is None
    assert document.number_text == ""
    assert document.issued_on is None
    assert not DocumentCounter.objects.exists()
    assert _number_line(document).endswith("/TB-SVHTTDL")


def test_the_stored_file_is_the_rendered_compliant_docx(letter, handler):
    document = _issue(letter, handler, issued_on=date(2026, 2, 5))
    with document.file.open("rb") as f:
        data = f.read()
    assert document.file.name.startswith("documents/")
    assert document.file.name.endswith(f"{document.code}.docx")
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert check_format(data) == []
    assert document.title == "Thông báo về việc thụ lý giải quyết khiếu nại"
    assert document.subject == letter
    assert document.created_by == handler
    assert document.download_stem == "Thông báo 01-TB-SVHTTDL"


def test_issued_documents_are_never_deleted(letter, handler):
    document = _issue(letter, handler, issued_on=date(2026, 2, 5))
    with pytest.raises(ProtectedError):
        document.delete()
    with pytest.raises(ProtectedError):
        IssuedDocument.objects.all().delete()
    assert IssuedDocument.objects.count() == 1


def test_documents_for_a_subject_and_for_a_user(letter, make_letter, handler, outsider, leader):
    other = make_letter("ql-van-hoa")
    mine = _issue(letter, handler, issued_on=date(2026, 2, 5))
    _issue(other, handler, issued_on=date(2026, 2, 6))
    assert list(documents_for(letter)) == [mine]
    assert documents_visible_to(handler).count() == 2
    assert documents_visible_to(leader).count() == 2
    assert documents_visible_to(outsider).count() == 0


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks between threads: PostgreSQL only")
def test_concurrent_issues_get_distinct_consecutive_numbers(make_letter, handler):
    letter = make_letter("ql-van-hoa")
    start = threading.Barrier(4)
    numbers, errors = [], []

    def issue():
        try:
            start.wait()
            numbers.append(_issue(letter, handler, issued_on=date(2026, 2, 5)).number)
        except Exception as exc:  # reported below: a thread's exception would otherwise vanish
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=issue) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(numbers) == [1, 2, 3, 4]
