"""A table to .xlsx: the documents app's writer when it is installed, else a plain openpyxl sheet with
the same layout (title, bold header, dates as dd/mm/yyyy)."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import date

from django.http import HttpResponse


def write_table_xlsx(*, title: str, columns: Sequence[str], rows: Iterable[Sequence], sheet: str = "Sheet1") -> bytes:
    try:
        from tiepdan.documents.xlsx import write_table_xlsx as documents_writer
    except ImportError:
        documents_writer = None
    if documents_writer is not None:
        return documents_writer(title=title, columns=columns, rows=rows, sheet=sheet)
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    ws = workbook.active
    ws.title = sheet[:31] or "Sheet1"
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    ws.append(list(columns))
    for cell in ws[3]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(list(row))
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, date):
                cell.number_format = "dd/mm/yyyy"
            elif isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text a citizen wrote never runs as a formula
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def xlsx_response(data: bytes, filename: str) -> HttpResponse:
    try:
        from tiepdan.documents.xlsx import xlsx_response as documents_response
    except ImportError:
        documents_response = None
    if documents_response is not None:
        return documents_response(data, filename)
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
