"""Letters: forms 01/XLD – 04/XLD."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from tiepdan.reports.forms.table import (
    ACCEPT,
    COMPLAINT,
    DENUNCIATION,
    FEEDBACK,
    FIELD_LABELS,
    FILE,
    GUIDE,
    PETITION,
    TRANSFER,
    URGE,
    Column,
    FormTable,
    Identity,
    build_table,
    count_matters,
    count_where,
)

# ---------------------------------------------------------------------------------------------
# Letters: 01/XLD – 04/XLD


@dataclass(frozen=True)
class LetterRow:
    id: int
    unit_id: int
    received_on: date
    matter_type: str
    disposition: str = ""  # "" while not disposed
    disposed_on: date | None = None
    is_eligible: bool | None = None
    root_id: int = 0  # the first letter of the matter (its own id when it is not a duplicate)
    reply_received: bool = False
    field: str = "other"  # a key of FIELD_LABELS
    settled_before: int = 0  # cases of the matter settled before this letter arrived (0: first time)
    due_on: date | None = None

    @property
    def eligible(self) -> bool:
        if self.is_eligible is not None:
            return self.is_eligible
        return self.disposition not in ("", FILE)


def _letter_scope(rows: Iterable[LetterRow], start: date, end: date) -> list[LetterRow]:
    """The letters to handle in the period: received by the cut-off and not handled before the start."""
    return [r for r in rows if r.received_on <= end and not (r.disposed_on is not None and r.disposed_on < start)]


def _handled(r: LetterRow, end: date) -> bool:
    return r.disposed_on is not None and r.disposed_on <= end and bool(r.disposition)


_XLD_HEAD = (
    Column(1, "Tổng số đơn phải xử lý", ("Tiếp nhận",), "(2)+(3)"),
    Column(2, "Kỳ trước chuyển sang", ("Tiếp nhận",)),
    Column(3, "Tiếp nhận trong kỳ", ("Tiếp nhận",)),
    Column(4, "Đã xử lý", ("Tình hình xử lý",)),
    Column(5, "Chưa xử lý, chuyển kỳ sau", ("Tình hình xử lý",)),
    Column(6, "Số đơn", ("Đơn đủ điều kiện xử lý",)),
    Column(7, "Số vụ việc", ("Đơn đủ điều kiện xử lý",)),
)
_XLD_IDENTITIES = (
    Identity(1, (2, 3), "Phải xử lý = kỳ trước chuyển sang + tiếp nhận trong kỳ"),
    Identity(1, (4, 5), "Phải xử lý = đã xử lý + chưa xử lý"),
)


def _xld_head(
    rows: list[LetterRow], start: date, end: date
) -> tuple[dict[int, float], list[LetterRow], list[LetterRow]]:
    scope = _letter_scope(rows, start, end)
    handled = [r for r in scope if _handled(r, end)]
    eligible = [r for r in handled if r.eligible]
    values = {
        1: len(scope),
        2: count_where(scope, lambda r: r.received_on < start),
        3: count_where(scope, lambda r: r.received_on >= start),
        4: len(handled),
        5: len(scope) - len(handled),
        6: len(eligible),
        7: count_matters(eligible),
    }
    return values, handled, eligible


def _settlement_status(first: int, eligible: list[LetterRow], label: str) -> tuple[list[Column], dict[int, float]]:
    group = ("Đơn đủ điều kiện xử lý", label)
    columns = [
        Column(first, "Chưa được giải quyết", group),
        Column(first + 1, "Đã được giải quyết lần đầu", group),
        Column(first + 2, "Đã được giải quyết nhiều lần", group),
    ]
    values = {
        first: count_where(eligible, lambda r: r.settled_before == 0),
        first + 1: count_where(eligible, lambda r: r.settled_before == 1),
        first + 2: count_where(eligible, lambda r: r.settled_before >= 2),
    }
    return columns, values


def _outside(first: int, handled: list[LetterRow]) -> tuple[list[Column], dict[int, float], Identity]:
    group = ("Kết quả xử lý", "Không thuộc thẩm quyền")
    columns = [
        Column(first, "Tổng", group, f"({first + 1})+({first + 2})+({first + 3})"),
        Column(first + 1, "Hướng dẫn", group),
        Column(first + 2, "Chuyển đơn", group),
        Column(first + 3, "Đôn đốc giải quyết", group),
    ]
    values = {
        first + 1: count_where(handled, lambda r: r.disposition == GUIDE),
        first + 2: count_where(handled, lambda r: r.disposition == TRANSFER),
        first + 3: count_where(handled, lambda r: r.disposition == URGE),
    }
    values[first] = values[first + 1] + values[first + 2] + values[first + 3]
    identity = Identity(
        first, (first + 1, first + 2, first + 3), "Không thuộc thẩm quyền = hướng dẫn + chuyển + đôn đốc"
    )
    return columns, values, identity


def _tail(first: int, handled: list[LetterRow]) -> tuple[list[Column], dict[int, float]]:
    columns = [
        Column(first, "Lưu đơn", ("Kết quả xử lý",)),
        Column(first + 1, "Số văn bản phản hồi nhận được do chuyển đơn", ()),
    ]
    values = {
        first: count_where(handled, lambda r: r.disposition == FILE),
        first + 1: count_where(handled, lambda r: r.disposition == TRANSFER and r.reply_received),
    }
    return columns, values


def form_01_xld(rows: Iterable[LetterRow], *, start: date, end: date, units: Mapping[int, str]) -> FormTable:
    """Biểu 01/XLD — Tổng hợp kết quả xử lý đơn (every letter)."""
    by_type = ("Đơn đủ điều kiện xử lý", "Phân loại theo nội dung")
    within = ("Kết quả xử lý", "Thuộc thẩm quyền")
    columns: list[Column] = [
        *_XLD_HEAD,
        Column(8, "Khiếu nại", by_type),
        Column(9, "Tố cáo", by_type),
        Column(10, "Kiến nghị, phản ánh", by_type),
    ]
    status_columns, _ = _settlement_status(11, [], "Theo tình trạng giải quyết")
    columns += status_columns
    columns += [
        Column(14, "Tổng", within, "(15)+(16)+(17)"),
        Column(15, "Khiếu nại", within),
        Column(16, "Tố cáo", within),
        Column(17, "Kiến nghị, phản ánh", within),
    ]
    outside_columns, _, outside_identity = _outside(18, [])
    tail_columns, _ = _tail(22, [])
    columns += outside_columns + tail_columns

    def compute(rows: list[LetterRow]) -> dict[int, float]:
        values, handled, eligible = _xld_head(rows, start, end)
        values[8] = count_where(eligible, lambda r: r.matter_type == COMPLAINT)
        values[9] = count_where(eligible, lambda r: r.matter_type == DENUNCIATION)
        values[10] = count_where(eligible, lambda r: r.matter_type in (PETITION, FEEDBACK))
        values.update(_settlement_status(11, eligible, "")[1])
        accepted = [r for r in handled if r.disposition == ACCEPT]
        values[15] = count_where(accepted, lambda r: r.matter_type == COMPLAINT)
        values[16] = count_where(accepted, lambda r: r.matter_type == DENUNCIATION)
        values[17] = count_where(accepted, lambda r: r.matter_type in (PETITION, FEEDBACK))
        values[14] = values[15] + values[16] + values[17]
        values.update(_outside(18, handled)[1])
        values.update(_tail(22, handled)[1])
        return values

    identities = (
        *_XLD_IDENTITIES,
        Identity(6, (8, 9, 10), "Đủ điều kiện = khiếu nại + tố cáo + kiến nghị, phản ánh"),
        Identity(6, (11, 12, 13), "Đủ điều kiện = theo tình trạng giải quyết"),
        Identity(14, (15, 16, 17), "Thuộc thẩm quyền = khiếu nại + tố cáo + kiến nghị, phản ánh"),
        outside_identity,
        Identity(4, (14, 18, 22), "Đã xử lý = thuộc thẩm quyền + không thuộc thẩm quyền + lưu đơn"),
    )
    return build_table(
        code="01/XLD",
        title="TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN",
        start=start,
        end=end,
        columns=columns,
        identities=identities,
        rows=rows,
        units=units,
        compute=compute,
        notes=(
            "Số vụ việc: các đơn trùng (cùng người, cùng nội dung) của một vụ việc chỉ tính một vụ việc.",
            "Đơn kỳ trước chuyển sang: nhận trước kỳ, chưa xử lý đến ngày đầu kỳ; đơn nhận sau ngày chốt số liệu "
            "không được tính.",
        ),
    )


# Fields per form (domain.md §7.3); a key missing here folds into the value given.
_FIELDS_02 = ("policy", "land", "other_admin", "judicial", "party", "other")
_FIELDS_03 = ("policy", "land", "civil_service", "other_admin", "corruption", "judicial", "party", "other")
_FIELDS_04 = ("policy", "land", "judicial", "other")
_FOLD = {
    "02/XLD": {"civil_service": "policy", "corruption": "other_admin"},
    "03/XLD": {},
    "04/XLD": {"civil_service": "policy", "other_admin": "other", "corruption": "other", "party": "other"},
}


def _by_type_form(
    code: str,
    title: str,
    types: tuple[str, ...],
    fields: tuple[str, ...],
    within_split: tuple[str, str] | None,
    rows: Iterable[LetterRow],
    start: date,
    end: date,
    units: Mapping[int, str],
) -> FormTable:
    """The common skeleton of 02/XLD (complaints), 03/XLD (denunciations) and 04/XLD (petitions)."""
    rows = [r for r in rows if r.matter_type in types]
    fold = _FOLD[code]
    n = 8
    field_columns = []
    for key in fields:
        field_columns.append(Column(n, FIELD_LABELS[key], ("Đơn đủ điều kiện xử lý", "Phân loại theo lĩnh vực")))
        n += 1
    field_numbers = {key: c.number for key, c in zip(fields, field_columns, strict=True)}
    status_first = n
    status_columns, _ = _settlement_status(status_first, [], "Theo tình trạng giải quyết")
    n += 3
    within_group = ("Kết quả xử lý", "Thuộc thẩm quyền")
    within_first = n
    within_columns = [Column(n, "Tổng", within_group)]
    if within_split:
        within_columns[0] = Column(n, "Tổng", within_group, f"({n + 1})+({n + 2})")
        within_columns += [Column(n + 1, within_split[0], within_group), Column(n + 2, within_split[1], within_group)]
    n += len(within_columns)
    outside_first = n
    outside_columns, _, outside_identity = _outside(outside_first, [])
    n += 4
    tail_first = n
    tail_columns, _ = _tail(tail_first, [])
    columns = [*_XLD_HEAD, *field_columns, *status_columns, *within_columns, *outside_columns, *tail_columns]

    def compute(rows: list[LetterRow]) -> dict[int, float]:
        values, handled, eligible = _xld_head(rows, start, end)
        for key in fields:
            values[field_numbers[key]] = 0
        for r in eligible:
            key = r.field if r.field in field_numbers else fold.get(r.field, fields[-1])
            values[field_numbers.get(key, field_numbers[fields[-1]])] += 1
        values.update(_settlement_status(status_first, eligible, "")[1])
        accepted = [r for r in handled if r.disposition == ACCEPT]
        values[within_first] = len(accepted)
        if within_split:
            values[within_first + 1] = count_where(accepted, lambda r: r.settled_before == 0)
            values[within_first + 2] = count_where(accepted, lambda r: r.settled_before > 0)
        values.update(_outside(outside_first, handled)[1])
        values.update(_tail(tail_first, handled)[1])
        return values

    identities = [
        *_XLD_IDENTITIES,
        Identity(6, tuple(field_numbers[k] for k in fields), "Đủ điều kiện = tổng theo lĩnh vực"),
        Identity(6, (status_first, status_first + 1, status_first + 2), "Đủ điều kiện = theo tình trạng giải quyết"),
        outside_identity,
        Identity(4, (within_first, outside_first, tail_first), "Đã xử lý = thuộc + không thuộc thẩm quyền + lưu đơn"),
    ]
    if within_split:
        identities.append(
            Identity(within_first, (within_first + 1, within_first + 2), "Thuộc thẩm quyền = tổng hai loại")
        )
    return build_table(
        code=code,
        title=title,
        start=start,
        end=end,
        columns=columns,
        identities=identities,
        rows=rows,
        units=units,
        compute=compute,
    )


def form_02_xld(rows: Iterable[LetterRow], *, start: date, end: date, units: Mapping[int, str]) -> FormTable:
    """Biểu 02/XLD — complaint letters."""
    return _by_type_form(
        "02/XLD",
        "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN KHIẾU NẠI",
        (COMPLAINT,),
        _FIELDS_02,
        ("Khiếu nại lần đầu", "Khiếu nại lần hai"),
        rows,
        start,
        end,
        units,
    )


def form_03_xld(rows: Iterable[LetterRow], *, start: date, end: date, units: Mapping[int, str]) -> FormTable:
    """Biểu 03/XLD — denunciation letters (first-time vs follow-up denunciation within competence)."""
    return _by_type_form(
        "03/XLD",
        "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN TỐ CÁO",
        (DENUNCIATION,),
        _FIELDS_03,
        ("Tố cáo lần đầu", "Tố cáo tiếp"),
        rows,
        start,
        end,
        units,
    )


def form_04_xld(rows: Iterable[LetterRow], *, start: date, end: date, units: Mapping[int, str]) -> FormTable:
    """Biểu 04/XLD — petition and feedback letters."""
    return _by_type_form(
        "04/XLD",
        "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN KIẾN NGHỊ, PHẢN ÁNH",
        (PETITION, FEEDBACK),
        _FIELDS_04,
        None,
        rows,
        start,
        end,
        units,
    )
