"""The register as .xlsx: exactly the filtered rows, in bounded memory.

Rows are read from one streaming query (`values(...).iterator(chunk_size=...)`), written by openpyxl's
write-only workbook into a temporary file on disk, and the file is streamed to the client: memory stays
flat whatever the number of rows. A protected sender is masked, as everywhere.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator

from django.db.models import Count, OuterRef, Subquery
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from tiepdan.common.choices import Channel, MatterType
from tiepdan.letters.models import Competence, Disposition, LetterSender, LetterStatus
from tiepdan.letters.policies import MASKED_DENOUNCER
from tiepdan.org.models import Domain, Unit
from tiepdan.people import geo

CHUNK = 2000
COLUMNS = (
    "Mã đơn", "Ngày nhận", "Nguồn đơn", "Người gửi", "Số người ký", "Tóm tắt nội dung", "Loại đơn", "Lĩnh vực",
    "Thẩm quyền", "Trạng thái", "Hướng xử lý", "Hạn xử lý", "Ngày xử lý", "Đơn vị xử lý", "Xã, phường",
    "Trùng với đơn",
)
FIELDS = (
    "id", "code", "received_on", "channel", "protects_identity", "is_anonymous", "signer_count", "summary",
    "matter_type", "domain_id", "competence", "status", "disposition", "due_on", "disposed_on", "unit_id",
    "commune_code", "duplicate_of__code",
)


def _chunks(rows: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _sender(row: dict, more: str) -> str:
    if row["protects_identity"]:
        return MASKED_DENOUNCER
    if row["is_anonymous"]:
        return _("Đơn nặc danh")
    if not row["first_sender"]:
        return ""
    others = (row["sender_count"] or 1) - 1
    return row["first_sender"] if others <= 0 else more % {"name": row["first_sender"], "n": others}


def register_rows(qs) -> Iterator[list]:
    """The register's rows as cell values; labels are translated once, not per row.

    One streaming query: the first sender's name and the number of senders come from correlated
    subqueries (an index lookup per row). Querying the senders chunk by chunk between the reads of the
    open cursor made SQLite's reads slow (seconds per 5,000 rows; docs/benchmarks.md)."""
    labels = {name: {value: str(label) for value, label in choices.choices} for name, choices in (
        ("channel", Channel), ("matter_type", MatterType), ("competence", Competence), ("status", LetterStatus),
        ("disposition", Disposition))}
    domains = dict(Domain.objects.values_list("id", "name"))
    units = dict(Unit.objects.values_list("id", "name"))
    more = _("%(name)s và %(n)s người khác")
    links = LetterSender.objects.filter(letter=OuterRef("pk"))
    rows = qs.annotate(
        first_sender=Subquery(links.order_by("-is_representative", "id").values("citizen__full_name")[:1]),
        sender_count=Subquery(links.order_by().values("letter").annotate(n=Count("id")).values("n")[:1]),
    ).values(*FIELDS, "first_sender", "sender_count")
    for chunk in _chunks(rows.iterator(chunk_size=CHUNK), CHUNK):
        for r in chunk:
            yield [
                r["code"], r["received_on"], labels["channel"].get(r["channel"], ""), _sender(r, more),
                r["signer_count"], r["summary"], labels["matter_type"].get(r["matter_type"], ""),
                domains.get(r["domain_id"], ""), labels["competence"].get(r["competence"], ""),
                labels["status"].get(r["status"], ""), labels["disposition"].get(r["disposition"], ""),
                r["due_on"], r["disposed_on"], units.get(r["unit_id"], ""), geo.commune_name(r["commune_code"]),
                r["duplicate_of__code"] or "",
            ]


def register_xlsx_response(qs) -> FileResponse:
    from tiepdan.documents.xlsx import table_workbook

    today = timezone.localdate()
    workbook = table_workbook(title=f"SỔ THEO DÕI XỬ LÝ ĐƠN (trích xuất ngày {today:%d/%m/%Y})", columns=COLUMNS,
                              rows=register_rows(qs), sheet="Đơn thư")
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed by FileResponse when sent
    workbook.save(spool)
    spool.seek(0)
    return FileResponse(
        spool, as_attachment=True, filename=f"so-xu-ly-don-{today:%Y%m%d}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
