"""Table exports opened back with openpyxl."""

import io
import zipfile
from datetime import date, datetime
from urllib.parse import quote
from zoneinfo import ZoneInfo

from openpyxl import load_workbook

from tiepdan.documents import xlsx
from tiepdan.documents.xlsx import table_workbook, write_table_xlsx, xlsx_response

COLUMNS = ["STT", "Họ và tên", "Ngày nhận đơn", "Nội dung"]


def _rows():
    return [
        [1, "Nguyễn Văn An", date(2026, 2, 5), "Khiếu nại quyết định xử phạt"],
        [2, "Trần Thị Bình", date(2026, 3, 15), "=HYPERLINK(\"http://x\")"],
    ]


def _open(data: bytes):
    return load_workbook(io.BytesIO(data))


def test_xlsx_has_title_bold_header_and_rows():
    data = write_table_xlsx(title="Sổ tiếp công dân", columns=COLUMNS, rows=_rows(), sheet="Sổ tiếp")
    ws = _open(data)["Sổ tiếp"]
    assert ws["A1"].value == "Sổ tiếp công dân"
    assert [c.value for c in ws[3]] == COLUMNS
    assert all(c.font.b for c in ws[3])
    assert [ws.cell(4, 1).value, ws.cell(4, 2).value] == [1, "Nguyễn Văn An"]
    assert ws.max_row == 5
    assert ws.freeze_panes == "A4"
    assert ws.column_dimensions["B"].width >= len("Nguyễn Văn An")


def test_dates_are_date_cells_shown_dd_mm_yyyy():
    ws = _open(write_table_xlsx(title="", columns=COLUMNS, rows=_rows())).active
    cell = ws.cell(2, 3)  # no title: the header is row 1
    assert cell.is_date
    assert cell.value.date() == date(2026, 2, 5)
    assert cell.number_format.lower() == "dd/mm/yyyy"


def test_aware_datetimes_are_written_in_local_time():
    at = datetime(2026, 3, 2, 2, 0, tzinfo=ZoneInfo("UTC"))  # 09:00 in Hà Nội
    ws = _open(write_table_xlsx(title="", columns=["Lúc"], rows=[[at]])).active
    assert ws.cell(2, 1).value == datetime(2026, 3, 2, 9, 0)
    assert ws.cell(2, 1).number_format.lower() == "dd/mm/yyyy hh:mm"


def test_text_starting_with_equals_stays_text():
    ws = _open(write_table_xlsx(title="", columns=COLUMNS, rows=_rows())).active
    cell = ws.cell(3, 4)
    assert cell.data_type == "s"
    assert cell.value == "=HYPERLINK(\"http://x\")"


def test_optional_row_of_column_numbers_under_the_header():
    ws = _open(write_table_xlsx(title="Biểu số 01/TCD", columns=COLUMNS, rows=_rows(), column_numbers=True)).active
    assert [c.value for c in ws[4]] == [1, 2, 3, 4]
    assert ws.cell(5, 2).value == "Nguyễn Văn An"
    assert ws.freeze_panes == "A5"


def test_hundred_thousand_rows_stream_through_a_write_only_workbook(monkeypatch):
    made = []
    real = xlsx.table_workbook

    def spy(**kwargs):
        workbook = real(**kwargs)
        made.append(workbook)
        return workbook

    monkeypatch.setattr(xlsx, "table_workbook", spy)
    rows = ((i, f"Công dân {i}", date(2026, 1, 1 + i % 28)) for i in range(100_000))  # a generator, never a list
    data = write_table_xlsx(title="Danh sách", columns=["STT", "Họ và tên", "Ngày"], rows=rows)
    assert made[0].write_only
    # Row 3 is the header; the 100,000 rows are 4 to 100,003 (read from the XML: loading it all back
    # would double the test's time for nothing more).
    package = zipfile.ZipFile(io.BytesIO(data))
    sheet = package.read("xl/worksheets/sheet1.xml")
    assert b'<row r="100003"' in sheet
    assert b'<row r="100004"' not in sheet
    # Strings are written inline (no shared-strings table growing in memory).
    assert "sharedStrings" not in " ".join(package.namelist())
    assert b"C&#244;ng d&#226;n 99999</t>" in sheet


def test_table_workbook_is_write_only():
    workbook = table_workbook(title="", columns=["A"], rows=[["x"]])
    assert workbook.write_only
    workbook.save(io.BytesIO())  # a write-only workbook must be saved once to close its stream


def test_xlsx_response_keeps_the_vietnamese_file_name():
    response = xlsx_response(b"data", "Sổ tiếp công dân năm 2026")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="So tiep cong dan nam 2026.xlsx"')
    assert f"filename*=UTF-8''{quote('Sổ tiếp công dân năm 2026.xlsx')}" in disposition
    assert response.content == b"data"
