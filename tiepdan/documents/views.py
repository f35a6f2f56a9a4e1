"""Downloads of issued documents: the .docx as issued, and a PDF copy made on demand."""

from __future__ import annotations

import logging

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from tiepdan.common.i18n import in_language
from tiepdan.documents import services
from tiepdan.documents.http import DOCX, PDF, file_response
from tiepdan.documents.pdf import PdfUnavailable
from tiepdan.documents.selectors import documents_visible_to

logger = logging.getLogger(__name__)


@require_GET
@login_required
def download(request: HttpRequest, code: str) -> HttpResponse:
    document = get_object_or_404(documents_visible_to(request.user), code=code)
    with document.file.open("rb") as source:
        data = source.read()
    return file_response(data, f"{document.download_stem}.docx", DOCX)


@require_GET
@login_required
def pdf(request: HttpRequest, code: str) -> HttpResponse:
    document = get_object_or_404(documents_visible_to(request.user), code=code)
    try:
        data = services.pdf_of(document)
    except PdfUnavailable as exc:
        # LibreOffice is optional: say so and offer the .docx, never a server error.
        logger.warning("PDF unavailable for %s: %s", document.code, exc)
        reason = in_language(exc.message_vi, exc.message_en)
        return render(request, "documents/pdf_unavailable.html", {"document": document, "reason": reason}, status=503)
    return file_response(data, f"{document.download_stem}.pdf", PDF, inline=True)
