"""The reception book as an .xlsx file with the 13 numbered columns of Form 03/TCD (ND154; domain.md §1.5).

Rows stream from the selector's iterator through `tiepdan.documents.xlsx` (write-only openpyxl), so
memory stays flat whatever the period.
"""

from __future__ import annotations

from collections.abc import Iterable

from tiepdan.documents.xlsx import write_table_xlsx
from tiepdan.reception.book import FORM03_COLUMNS

SHEET = "Sổ tiếp công dân"


def book_xlsx(*, title: str, rows: Iterable[list]) -> bytes:
    return write_table_xlsx(
        title=title, columns=[str(c) for c in FORM03_COLUMNS], rows=rows, sheet=SHEET, column_numbers=True
    )
