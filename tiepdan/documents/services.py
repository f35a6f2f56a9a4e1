"""Writes: issuing a document (a register number, the rendered file, the row) and the PDF copy."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from tiepdan.documents.models import DocumentCounter, IssuedDocument
from tiepdan.documents.pdf import to_pdf
from tiepdan.documents.render import AdminDocument, render_docx
from tiepdan.org.models import Agency, Unit


def next_number(*, agency: Agency, kind_code: str, year: int) -> int:
    """Take the next register number of `kind_code` in `year`. Call inside a transaction.

    The counter row is locked (SELECT ... FOR UPDATE) until the transaction ends. SQLite ignores
    FOR UPDATE, but our connections BEGIN IMMEDIATE (config/settings/env.py), so a second writer
    waits for the first to commit. Two clerks issuing at the same moment get consecutive numbers,
    never the same one (tested with threads on PostgreSQL).
    """
    counter = DocumentCounter.objects.select_for_update().filter(agency=agency, kind_code=kind_code, year=year).first()
    if counter is None:
        try:
            # The first document of the year: two transactions may race to create the row; the
            # unique constraint lets one win and the other lock the winner's row.
            with transaction.atomic():
                counter = DocumentCounter.objects.create(agency=agency, kind_code=kind_code, year=year)
        except IntegrityError:
            counter = DocumentCounter.objects.select_for_update().get(agency=agency, kind_code=kind_code, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def _title(doc: AdminDocument) -> str:
    summary = doc.summary.strip()
    if not doc.kind_name:
        return summary or "Công văn"
    kind = doc.kind_name.strip().capitalize()
    if not summary:
        return kind
    first_word = summary.split()[0]
    if len(first_word) > 1 and first_word.isupper():  # an abbreviation ("UBND ...") keeps its capitals
        return f"{kind} {summary}"
    return f"{kind} {summary[0].lower()}{summary[1:]}"


@transaction.atomic
def issue_document(*, subject: Any, unit: Unit, doc: AdminDocument, actor: Any, numbered: bool = True,
                   title: str = "") -> IssuedDocument:
    """Render `doc` and keep it as an issued document of `subject` (a letter, visit or case), owned by
    `unit` for scoping.

    With `numbered`, the next number of the agency's register for `doc.kind_code` in the year of
    `doc.issued_on` (today when not given) is written on it. Without, the number and date stay
    blank ("Số:      /TB-SVHTTDL") for the clerical office that registers it by hand.
    """
    if numbered:
        issued_on = doc.issued_on or timezone.localdate()
        number = next_number(agency=unit.agency, kind_code=doc.kind_code, year=issued_on.year)
        doc = replace(doc, number=number, issued_on=issued_on)
    data = render_docx(doc)
    number_text = ""
    if doc.number is not None:
        symbol = f"{doc.kind_code}-{doc.agency_symbol}" if doc.kind_code else doc.agency_symbol
        number_text = f"{doc.number:02d}/{symbol}"
    document = IssuedDocument(
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        unit=unit,
        kind_code=doc.kind_code,
        kind_name=doc.kind_name,
        number=doc.number,
        number_text=number_text,
        issued_on=doc.issued_on,
        title=(title or _title(doc))[:500],
        sha256=hashlib.sha256(data).hexdigest(),
        created_by=actor,
    )
    document.file.save(f"{document.code}.docx", ContentFile(data), save=False)
    try:
        document.save()
    except Exception:
        document.file.delete(save=False)  # no orphan file when the row cannot be written
        raise
    return document


def pdf_of(document: IssuedDocument) -> bytes:
    """The PDF copy of an issued document, converted once and kept next to the .docx.

    Raises `pdf.PdfUnavailable` when LibreOffice is missing or the conversion fails.
    """
    storage = document.file.storage
    name = document.pdf_name
    if storage.exists(name):
        with storage.open(name, "rb") as cached:
            return cached.read()
    with document.file.open("rb") as source:
        data = to_pdf(source.read())
    saved = storage.save(name, ContentFile(data))
    if saved != name:
        # Another request converted it at the same time and won the name: keep one copy.
        storage.delete(saved)
    return data
