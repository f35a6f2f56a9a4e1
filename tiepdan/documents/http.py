"""File downloads with Vietnamese names: the header of RFC 6266 with an RFC 5987 `filename*`."""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

from django.http import HttpResponse

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"


def ascii_filename(filename: str) -> str:
    """"Thông báo 05-TB.docx" → "Thong bao 05-TB.docx", for clients that ignore `filename*`."""
    text = filename.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cleaned = "".join(ch if ch.isalnum() or ch in " ._-()" else "_" for ch in text).strip()
    return cleaned or "tep"


def content_disposition(filename: str, *, inline: bool = False) -> str:
    filename = filename.replace("\r", " ").replace("\n", " ").replace("/", "-").replace("\\", "-")
    kind = "inline" if inline else "attachment"
    encoded = quote(unicodedata.normalize("NFC", filename), safe="")
    return f"{kind}; filename=\"{ascii_filename(filename)}\"; filename*=UTF-8''{encoded}"


def file_response(data: bytes, filename: str, content_type: str, *, inline: bool = False) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename, inline=inline)
    response["Content-Length"] = str(len(data))
    # Documents about complaints and denunciations hold personal data: never in a shared cache.
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
