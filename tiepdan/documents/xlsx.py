"""Tables to .xlsx: every list of the system is exportable (design.md), and the statistical forms of
the reporting regime are filled the same way.

openpyxl's write-only mode streams rows to a temporary file, so memory stays flat whatever the
number of rows (a province's archive runs to hundreds of thousands); rows may be a generator.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from tiepdan.documents.http import XLSX, file_response

DATE_FORMAT = "dd/mm/yyyy"  # dates as dd/mm/yyyy everywhere (design.md, Interfaces)
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
_FONT = "Times New Roman"
_SAMPLE_ROWS = 200  # rows read ahead to size the columns; the rest stream through
_MIN_WIDTH, _MAX_WIDTH = 6, 60
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def _excel_value(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, Decimal)):
        return value
    if isinstance(value, datetime):
        # Excel has no time zones: write the local (Asia/Ho_Chi_Minh) wall-clock time.
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, date):
        return value
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def _cell(ws: WriteOnlyWorksheet, value: Any) -> Any:
    value = _excel_value(value)
    if isinstance(value, datetime):
        cell = WriteOnlyCell(ws, value)
        cell.number_format = DATETIME_FORMAT
        return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(ws, value)
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, str) and value.startswith("="):
        # openpyxl writes a string starting with "=" as a formula: text a citizen wrote must never
        # run when the file is opened (formula injection), so it is stored as a plain string.
        cell = WriteOnlyCell(ws, value)
        cell.data_type = "s"
        return cell
    return value


def _display_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    text = str(value)
    return max((len(line) for line in text.splitlines()), default=0)


def table_workbook(*, title: str, columns: Sequence[str], rows: Iterable[Sequence], sheet: str = "Sheet1",
                   column_numbers: bool = False) -> Workbook:
    """The workbook of `write_table_xlsx`, not yet saved (write-only: it can be saved once)."""
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet(title=sheet[:31] or "Sheet1")  # Excel's limit on sheet names
    rows = iter(rows)
    sample = list(itertools.islice(rows, _SAMPLE_ROWS))
    # Column widths must be set before the first row is written in write-only mode.
    for index, name in enumerate(columns, start=1):
        widest = max([_display_width(name)] + [_display_width(r[index - 1]) for r in sample if len(r) >= index])
        ws.column_dimensions[get_column_letter(index)].width = min(max(widest + 2, _MIN_WIDTH), _MAX_WIDTH)
    header_row = 3 if title else 1
    ws.freeze_panes = f"A{header_row + (2 if column_numbers else 1)}"
    ws.print_title_rows = f"{header_row}:{header_row + (1 if column_numbers else 0)}"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    wide = len(columns) > 6
    ws.page_setup.orientation = Worksheet.ORIENTATION_LANDSCAPE if wide else Worksheet.ORIENTATION_PORTRAIT

    if title:
        cell = WriteOnlyCell(ws, title)
        cell.font = Font(name=_FONT, bold=True, size=14)
        ws.append([cell])
        ws.append([])
    header = []
    for name in columns:
        cell = WriteOnlyCell(ws, str(name))
        cell.font = Font(name=_FONT, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BOX
        header.append(cell)
    ws.append(header)
    if column_numbers:
        # Statistical forms number their columns (1), (2), (3)... under the header.
        numbers = []
        for index in range(1, len(columns) + 1):
            cell = WriteOnlyCell(ws, index)
            cell.font = Font(name=_FONT, italic=True)
            cell.alignment = Alignment(horizontal="center")
            cell.border = _BOX
            numbers.append(cell)
        ws.append(numbers)
    for row in itertools.chain(sample, rows):
        ws.append([_cell(ws, value) for value in row])
    return workbook


def write_table_xlsx(*, title: str, columns: Sequence[str], rows: Iterable[Sequence], sheet: str = "Sheet1",
                     column_numbers: bool = False) -> bytes:
    """An .xlsx of one table: the title (row 1), the bold header, optionally a row of column numbers,
    then `rows`. Dates become real date cells shown dd/mm/yyyy; aware datetimes are written in
    local time."""
    workbook = table_workbook(title=title, columns=columns, rows=rows, sheet=sheet, column_numbers=column_numbers)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@dataclass(frozen=True)
class GridCell:
    """One header cell of a form: its text and how many columns and rows it spans."""

    text: str
    colspan: int = 1
    rowspan: int = 1


def _place(header: Sequence[Sequence[Any]]) -> list[tuple[int, int, Any]]:
    """(row, column, cell) of every header cell, 0-based, laid out as an HTML table lays out its cells: each
    cell takes the next column of its row not covered by a cell spanning down from a row above."""
    taken: set[tuple[int, int]] = set()
    placed = []
    for r, row in enumerate(header):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            placed.append((r, c, cell))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    return placed


def write_grid_xlsx(*, title: str, header: Sequence[Sequence[Any]], rows: Iterable[Sequence], sheet: str = "Sheet1",
                    numbers: Sequence[Any] = (), widths: Sequence[int] = ()) -> bytes:
    """An .xlsx of a statistical form: the title (row 1), the header rows from row 3 as merged cells (each
    cell of `header` has `text`, `colspan` and `rowspan`, as `GridCell`), the row of column numbers under
    them when given, then `rows`. For small tables only (a normal workbook: merged cells cannot be
    streamed)."""
    workbook = Workbook()
    ws = workbook.active
    ws.title = sheet[:31] or "Sheet1"
    placed = _place(header)
    width = max((c + cell.colspan for _, c, cell in placed), default=len(numbers))
    width = max(width, len(numbers), 1)
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.orientation = Worksheet.ORIENTATION_LANDSCAPE if width > 6 else Worksheet.ORIENTATION_PORTRAIT
    first = 3 if title else 1
    if title:
        ws.cell(row=1, column=1, value=_excel_value(title)).font = Font(name=_FONT, bold=True, size=14)
    bold = Font(name=_FONT, bold=True)
    centred = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for r, c, cell in placed:
        top, left = first + r, 1 + c
        bottom, right = top + cell.rowspan - 1, left + cell.colspan - 1
        target = ws.cell(row=top, column=left, value=_excel_value(cell.text))
        target.font, target.alignment = bold, centred
        if (bottom, right) != (top, left):
            ws.merge_cells(start_row=top, start_column=left, end_row=bottom, end_column=right)
        for row in ws.iter_rows(min_row=top, max_row=bottom, min_col=left, max_col=right):
            for each in row:
                each.border = _BOX  # a merged range shows the border of each of its cells
    last = first + len(header) - 1
    if numbers:
        last += 1
        for index, value in enumerate(numbers, start=1):
            target = ws.cell(row=last, column=index, value=_excel_value(value))
            target.font = Font(name=_FONT, italic=True)
            target.alignment = Alignment(horizontal="center")
            target.border = _BOX
    for offset, values in enumerate(rows, start=1):
        for index, value in enumerate(values, start=1):
            target = ws.cell(row=last + offset, column=index, value=_excel_value(value))
            if isinstance(target.value, str) and target.value.startswith("="):
                target.data_type = "s"  # never a formula (see _cell)
            elif isinstance(target.value, date):
                target.number_format = DATETIME_FORMAT if isinstance(target.value, datetime) else DATE_FORMAT
    for index in range(1, width + 1):
        ws.column_dimensions[get_column_letter(index)].width = (
            widths[index - 1] if index <= len(widths) else (30 if index == 1 else 14)
        )
    ws.freeze_panes = ws.cell(row=last + 1, column=2)
    ws.print_title_rows = f"{first}:{last}"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def xlsx_response(data: bytes, filename: str) -> HttpResponse:
    """A download of `data` as `filename` (Vietnamese characters kept, RFC 5987)."""
    if not filename.lower().endswith(".xlsx"):
        filename = f"{filename}.xlsx"
    return file_response(data, filename, XLSX)
