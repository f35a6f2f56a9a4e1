"""The statistical forms of the reporting regime (domain.md §7.3), as pure functions.

Each form takes plain rows (dataclasses built by `selectors`, or by hand in tests), the data period and
the units, and returns a `FormTable`: numbered columns under their group headings, one row per unit
and a total row, the identities its columns obey, and notes. No ORM, no clock, no settings.

Every figure is computed from dated events as of the cut-off (`end`), so a form computed again later
for the same period gives the same numbers (letters received, or handled, after the cut-off do not
count):

- a letter is *carried over* (kỳ trước chuyển sang) when it was received before the period and was not
  handled before the period started; *received* when received inside the period; *handled* when its
  disposition date falls inside the period; otherwise it is *not yet handled* and carries to the next
  period;
- a case is *to settle* from the date it was accepted (thụ lý), *settled* on the date of its decision,
  conclusion or answer, or of its termination after a withdrawal.

Column layouts follow domain.md §7.3 (public implementations of TT 02/2021 and TT 01/2024; the exact
official appendix is an open question there): the layout is data (`Column`), easy to correct.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

TOTAL_LABEL = "Tổng cộng"

# Matter types (tiepdan.common.choices.MatterType values).
COMPLAINT, DENUNCIATION, PETITION, FEEDBACK = "complaint", "denunciation", "petition", "feedback"
# Dispositions (tiepdan.letters.models.Disposition values).
ACCEPT, GUIDE, TRANSFER, URGE, FILE = "accept", "guide", "transfer", "urge", "file"

# Fields (lĩnh vực) of forms 02–04/XLD. The agency's domains map to one of these keys
# (`selectors.DOMAIN_FIELDS`, overridable in settings); each form folds the keys it has no column for.
FIELD_LABELS = {
    "policy": "Chế độ, chính sách",
    "land": "Đất đai, nhà cửa",
    "civil_service": "Công chức, công vụ",
    "other_admin": "Hành chính khác",
    "corruption": "Tham nhũng",
    "judicial": "Tư pháp",
    "party": "Đảng, đoàn thể",
    "other": "Lĩnh vực khác",
}


# ---------------------------------------------------------------------------------------------
# Tables


@dataclass(frozen=True)
class Column:
    number: int
    label: str
    group: tuple[str, ...] = ()  # headings above the label, outermost first
    formula: str = ""  # "(2)+(3)": shown in the header

    @property
    def heading(self) -> str:
        """One-line header for a flat table: "Tiếp thường xuyên – Số lượt tiếp (4)"."""
        parts = [*self.group, self.label]
        formula = f" = {self.formula}" if self.formula else ""
        return f"{' – '.join(parts)} ({self.number}){formula}"


@dataclass(frozen=True)
class Identity:
    """`left` = the sum of `right`, for every row (e.g. to handle = carried over + received)."""

    left: int
    right: tuple[int, ...]
    label: str

    def text(self) -> str:
        return f"({self.left}) = " + " + ".join(f"({n})" for n in self.right)


@dataclass(frozen=True)
class IdentityFailure:
    form: str
    row: str
    identity: str
    left: float
    right: float


@dataclass
class FormRow:
    label: str
    unit_id: int | None
    values: dict[int, float]

    def __getitem__(self, number: int) -> float:
        return self.values[number]


@dataclass
class FormTable:
    code: str
    title: str
    start: date
    end: date
    columns: tuple[Column, ...]
    rows: list[FormRow]
    identities: tuple[Identity, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def total(self) -> FormRow:
        return self.rows[-1]

    def column(self, number: int) -> Column:
        return next(c for c in self.columns if c.number == number)

    def check(self) -> list[IdentityFailure]:
        """Every identity on every row; an empty list means the totals add up."""
        failures = []
        for row in self.rows:
            for identity in self.identities:
                left = row.values[identity.left]
                right = sum(row.values[n] for n in identity.right)
                if abs(left - right) > 1e-9:
                    failures.append(IdentityFailure(self.code, row.label, identity.text(), left, right))
        return failures

    def matrix(self) -> list[list[Any]]:
        """Rows as lists: the unit's name, then the values in column order (for .xlsx and pages)."""
        return [[row.label, *(_plain(row.values[c.number]) for c in self.columns)] for row in self.rows]

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "title": self.title,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "columns": [
                {"number": c.number, "label": c.label, "group": list(c.group), "formula": c.formula}
                for c in self.columns
            ],
            "rows": [
                {"label": r.label, "unit_id": r.unit_id, "values": [_plain(r.values[c.number]) for c in self.columns]}
                for r in self.rows
            ],
            "identities": [{"left": i.left, "right": list(i.right), "label": i.label} for i in self.identities],
            "notes": list(self.notes),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FormTable:
        columns = tuple(
            Column(c["number"], c["label"], tuple(c["group"]), c.get("formula", "")) for c in data["columns"]
        )
        rows = [
            FormRow(r["label"], r["unit_id"], {c.number: v for c, v in zip(columns, r["values"], strict=True)})
            for r in data["rows"]
        ]
        identities = tuple(Identity(i["left"], tuple(i["right"]), i["label"]) for i in data["identities"])
        return cls(
            data["code"], data["title"], date.fromisoformat(data["start"]), date.fromisoformat(data["end"]),
            columns, rows, identities, tuple(data.get("notes", ())),
        )


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 2)


def _build(
    *, code: str, title: str, start: date, end: date, columns: Sequence[Column], identities: Sequence[Identity],
    rows: Iterable[Any], units: Mapping[int, str], compute: Callable[[list[Any]], dict[int, float]],
    notes: Sequence[str] = (),
) -> FormTable:
    """One row per unit that has data (in the order of `units`), then the total over all rows."""
    rows = list(rows)
    by_unit: dict[int, list[Any]] = defaultdict(list)
    for row in rows:
        by_unit[row.unit_id].append(row)
    numbers = [c.number for c in columns]

    def complete(values: dict[int, float]) -> dict[int, float]:
        return {n: values.get(n, 0) for n in numbers}

    table_rows = [
        FormRow(units.get(unit_id, f"Đơn vị #{unit_id}"), unit_id, complete(compute(by_unit[unit_id])))
        for unit_id in sorted(by_unit, key=lambda u: (list(units).index(u) if u in units else len(units), u))
    ]
    table_rows.append(FormRow(TOTAL_LABEL, None, complete(compute(rows))))
    return FormTable(code, title, start, end, tuple(columns), table_rows, tuple(identities), tuple(notes))


def _matters(rows: Iterable[Any]) -> int:
    """Letters vs matters: several letters (duplicates) about one matter count as one vụ việc."""
    return len({r.root_id for r in rows})


def _count(rows: Iterable[Any], test: Callable[[Any], bool]) -> int:
    return sum(1 for r in rows if test(r))


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
        2: _count(scope, lambda r: r.received_on < start),
        3: _count(scope, lambda r: r.received_on >= start),
        4: len(handled),
        5: len(scope) - len(handled),
        6: len(eligible),
        7: _matters(eligible),
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
        first: _count(eligible, lambda r: r.settled_before == 0),
        first + 1: _count(eligible, lambda r: r.settled_before == 1),
        first + 2: _count(eligible, lambda r: r.settled_before >= 2),
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
        first + 1: _count(handled, lambda r: r.disposition == GUIDE),
        first + 2: _count(handled, lambda r: r.disposition == TRANSFER),
        first + 3: _count(handled, lambda r: r.disposition == URGE),
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
        first: _count(handled, lambda r: r.disposition == FILE),
        first + 1: _count(handled, lambda r: r.disposition == TRANSFER and r.reply_received),
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
        values[8] = _count(eligible, lambda r: r.matter_type == COMPLAINT)
        values[9] = _count(eligible, lambda r: r.matter_type == DENUNCIATION)
        values[10] = _count(eligible, lambda r: r.matter_type in (PETITION, FEEDBACK))
        values.update(_settlement_status(11, eligible, "")[1])
        accepted = [r for r in handled if r.disposition == ACCEPT]
        values[15] = _count(accepted, lambda r: r.matter_type == COMPLAINT)
        values[16] = _count(accepted, lambda r: r.matter_type == DENUNCIATION)
        values[17] = _count(accepted, lambda r: r.matter_type in (PETITION, FEEDBACK))
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
    return _build(
        code="01/XLD", title="TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN", start=start, end=end, columns=columns,
        identities=identities, rows=rows, units=units, compute=compute,
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
    code: str, title: str, types: tuple[str, ...], fields: tuple[str, ...], within_split: tuple[str, str] | None,
    rows: Iterable[LetterRow], start: date, end: date, units: Mapping[int, str],
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
            values[within_first + 1] = _count(accepted, lambda r: r.settled_before == 0)
            values[within_first + 2] = _count(accepted, lambda r: r.settled_before > 0)
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
    return _build(
        code=code, title=title, start=start, end=end, columns=columns, identities=identities, rows=rows,
        units=units, compute=compute,
    )


def form_02_xld(rows: Iterable[LetterRow], *, start: date, end: date, units: Mapping[int, str]) -> FormTable:
    """Biểu 02/XLD — complaint letters."""
    return _by_type_form(
        "02/XLD", "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN KHIẾU NẠI", (COMPLAINT,), _FIELDS_02,
        ("Khiếu nại lần đầu", "Khiếu nại lần hai"), rows, start, end, units,
    )


def form_03_xld(rows: Iterable[LetterRow], *, start: date, end: date, units: Mapping[int, str]) -> FormTable:
    """Biểu 03/XLD — denunciation letters (first-time vs follow-up denunciation within competence)."""
    return _by_type_form(
        "03/XLD", "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN TỐ CÁO", (DENUNCIATION,), _FIELDS_03,
        ("Tố cáo lần đầu", "Tố cáo tiếp"), rows, start, end, units,
    )


def form_04_xld(rows: Iterable[LetterRow], *, start: date, end: date, units: Mapping[int, str]) -> FormTable:
    """Biểu 04/XLD — petition and feedback letters."""
    return _by_type_form(
        "04/XLD", "TỔNG HỢP KẾT QUẢ XỬ LÝ ĐƠN KIẾN NGHỊ, PHẢN ÁNH", (PETITION, FEEDBACK), _FIELDS_04, None,
        rows, start, end, units,
    )


# ---------------------------------------------------------------------------------------------
# Reception: 01/TCD

REGULAR, HEAD, AUTHORIZED = "regular", "head", "authorized"


@dataclass(frozen=True)
class VisitRow:
    id: int
    unit_id: int
    day: date
    mode: str  # REGULAR, HEAD or AUTHORIZED
    head_count: int = 1
    is_mass: bool = False
    is_repeat: bool = False
    matter_key: Hashable = None  # visits about the same matter share it (one vụ việc)
    sitting_key: Hashable = None  # the head's sitting (kỳ tiếp) the visit belongs to


@dataclass(frozen=True)
class SittingRow:
    """A held reception sitting of the head (or of the person he authorized), with or without visits."""

    key: Hashable
    unit_id: int
    day: date
    mode: str  # HEAD or AUTHORIZED


def _matter_split(visits: list[VisitRow]) -> tuple[int, int]:
    """(first-time matters, repeat matters): a matter met more than once, or marked repeat, is "nhiều lần"."""
    groups: dict[Hashable, list[VisitRow]] = defaultdict(list)
    for v in visits:
        groups[v.matter_key if v.matter_key is not None else ("visit", v.id)].append(v)
    repeat = sum(1 for g in groups.values() if len(g) > 1 or any(v.is_repeat for v in g))
    return len(groups) - repeat, repeat


def _tcd_block(first: int, visits: list[VisitRow], sittings: int | None) -> dict[int, float]:
    values: dict[int, float] = {}
    n = first
    if sittings is not None:
        values[n] = sittings
        n += 1
    values[n] = len(visits)
    values[n + 1] = sum(v.head_count for v in visits)
    values[n + 2], values[n + 3] = _matter_split(visits)
    mass = [v for v in visits if v.is_mass]
    groups = {v.matter_key if v.matter_key is not None else ("visit", v.id) for v in mass}
    values[n + 4] = len(groups)
    values[n + 5] = sum(v.head_count for v in mass)
    values[n + 6], values[n + 7] = _matter_split(mass)
    return values


def _tcd_columns(first: int, group: str, sittings: bool) -> list[Column]:
    columns = []
    n = first
    if sittings:
        columns.append(Column(n, "Số kỳ tiếp", (group,)))
        n += 1
    columns += [
        Column(n, "Số lượt tiếp", (group,)),
        Column(n + 1, "Số người được tiếp", (group,)),
        Column(n + 2, "Vụ việc tiếp lần đầu", (group, "Số vụ việc")),
        Column(n + 3, "Vụ việc tiếp nhiều lần", (group, "Số vụ việc")),
        Column(n + 4, "Số đoàn được tiếp", (group, "Trong đó đoàn đông người")),
        Column(n + 5, "Số người được tiếp", (group, "Trong đó đoàn đông người")),
        Column(n + 6, "Vụ việc tiếp lần đầu", (group, "Trong đó đoàn đông người")),
        Column(n + 7, "Vụ việc tiếp nhiều lần", (group, "Trong đó đoàn đông người")),
    ]
    return columns


def form_01_tcd(
    visits: Iterable[VisitRow], sittings: Iterable[SittingRow], *, start: date, end: date, units: Mapping[int, str],
) -> FormTable:
    """Biểu 01/TCD — Tổng hợp kết quả tiếp công dân thường xuyên, định kỳ và đột xuất."""
    visits = [v for v in visits if start <= v.day <= end]
    sittings = [s for s in sittings if start <= s.day <= end]
    regular, head, authorized = "Tiếp thường xuyên", "Thủ trưởng tiếp", "Ủy quyền tiếp"
    columns = [
        Column(1, "Số lượt tiếp", ("Tổng",), "(4)+(13)+(22)"),
        Column(2, "Số người được tiếp", ("Tổng",), "(5)+(14)+(23)"),
        Column(3, "Số vụ việc", ("Tổng",), "(6)+(7)+(15)+(16)+(24)+(25)"),
        *_tcd_columns(4, regular, sittings=False),
        *_tcd_columns(12, head, sittings=True),
        *_tcd_columns(21, authorized, sittings=True),
    ]
    all_rows = [*visits, *sittings]

    def compute(rows: list[Any]) -> dict[int, float]:
        v = [r for r in rows if isinstance(r, VisitRow)]
        s = [r for r in rows if isinstance(r, SittingRow)]

        def sittings_of(mode: str) -> int:
            keys = {r.key for r in s if r.mode == mode}
            keys |= {r.sitting_key for r in v if r.mode == mode and r.sitting_key is not None}
            return len(keys)

        values = _tcd_block(4, [r for r in v if r.mode == REGULAR], None)
        values.update(_tcd_block(12, [r for r in v if r.mode == HEAD], sittings_of(HEAD)))
        values.update(_tcd_block(21, [r for r in v if r.mode == AUTHORIZED], sittings_of(AUTHORIZED)))
        values[1] = values[4] + values[13] + values[22]
        values[2] = values[5] + values[14] + values[23]
        values[3] = values[6] + values[7] + values[15] + values[16] + values[24] + values[25]
        return values

    identities = (
        Identity(1, (4, 13, 22), "Tổng lượt tiếp = thường xuyên + thủ trưởng + ủy quyền"),
        Identity(2, (5, 14, 23), "Tổng người được tiếp = thường xuyên + thủ trưởng + ủy quyền"),
        Identity(3, (6, 7, 15, 16, 24, 25), "Tổng vụ việc = lần đầu + nhiều lần của ba hình thức"),
    )
    return _build(
        code="01/TCD", title="TỔNG HỢP KẾT QUẢ TIẾP CÔNG DÂN THƯỜNG XUYÊN, ĐỊNH KỲ VÀ ĐỘT XUẤT", start=start,
        end=end, columns=columns, identities=identities, rows=all_rows, units=units, compute=compute,
        notes=(
            "Một vụ việc: các lượt tiếp của cùng công dân về cùng loại nội dung và lĩnh vực trong kỳ.",
            "Vụ việc tiếp nhiều lần: đã được tiếp trước đó hoặc được tiếp từ hai lượt trở lên trong kỳ.",
        ),
    )


# ---------------------------------------------------------------------------------------------
# Settlement (complaints, denunciations) and enforcement

# Amounts (recovery, returns, sanctions) recorded on a case; the keys of `CaseRow.amounts`.
AMOUNT_COLUMNS = (
    ("recover_money", "Tiền (triệu đồng)", "Kiến nghị thu hồi cho Nhà nước"),
    ("recover_land", "Đất (m²)", "Kiến nghị thu hồi cho Nhà nước"),
    ("return_money", "Tiền (triệu đồng)", "Trả lại cho tổ chức, cá nhân"),
    ("return_land", "Đất (m²)", "Trả lại cho tổ chức, cá nhân"),
    ("return_people", "Số người được trả lại quyền lợi", "Trả lại cho tổ chức, cá nhân"),
    ("sanction_people", "Số người bị kiến nghị xử lý hành chính", "Kiến nghị xử lý"),
    ("investigation_cases", "Số vụ chuyển cơ quan điều tra", "Kiến nghị xử lý"),
    ("investigation_people", "Số người chuyển cơ quan điều tra", "Kiến nghị xử lý"),
)
NOT_RECORDED_NOTE = (
    "Các cột kết quả phân tích (đúng, sai, đúng một phần; công nhận, hủy, sửa) và số tiền, đất, người bị xử lý "
    "chưa được ghi nhận trên vụ việc trong hệ thống nên đang bằng 0; cần bổ sung khi phân hệ vụ việc ghi nhận."
)


def missing_results_note(count: int) -> str:
    """When results are recorded (`recorded=True`) but some decisions in the form carry none (e.g. decided
    before the results were recorded in the system): those are left out of the analysis and amount columns."""
    return (
        f"{count} vụ việc đã có quyết định giải quyết, kết luận nhưng chưa ghi nhận kết quả (đúng, sai, đúng một "
        "phần; công nhận, hủy, sửa) và số tiền, đất, người: các cột phân tích kết quả và số tiền, đất, người chưa "
        "tính các vụ việc này."
    )


def _result_notes(recorded: bool, decided: Iterable[CaseRow]) -> tuple[str, ...]:
    if not recorded:
        return (NOT_RECORDED_NOTE,)
    missing = sum(1 for r in decided if not r.outcome)
    return (missing_results_note(missing),) if missing else ()


@dataclass(frozen=True)
class CaseRow:
    id: int
    unit_id: int
    track: str  # tiepdan.cases.workflow.Track value
    accepted_on: date | None  # thụ lý (None: never accepted, e.g. refused)
    settled_on: date | None = None  # decision, conclusion or answer
    ended_on: date | None = None  # termination (withdrawal) without a decision
    letters: int = 1
    settlement_due: date | None = None  # the settlement time limit (KN-T1, KN-T2, TC-T ...)
    outcome: str = ""  # "correct" | "partly" | "wrong" | "upheld" | "annulled" (when recorded)
    in_effect_on: date | None = None  # the decision became final (enforcement is due)
    enforced_on: date | None = None
    concluded_on: date | None = None  # denunciation conclusion (its handling is due)
    conclusion_handled_on: date | None = None
    amounts: Mapping[str, float] = field(default_factory=dict)

    def closed_by(self, day: date) -> date | None:
        closes = [d for d in (self.settled_on, self.ended_on) if d is not None and d <= day]
        return min(closes) if closes else None


def _case_scope(rows: Iterable[CaseRow], start: date, end: date) -> list[CaseRow]:
    return [
        r for r in rows
        if r.accepted_on is not None and r.accepted_on <= end
        and not ((closed := r.closed_by(end)) is not None and closed < start)
    ]


def _settlement_form(
    code: str, title: str, tracks: frozenset[str], outcomes: Sequence[tuple[str, str, str]], rows: Iterable[CaseRow],
    start: date, end: date, units: Mapping[int, str], recorded: bool,
) -> FormTable:
    rows = [r for r in rows if r.track in tracks]
    settled_label = "Đã giải quyết"
    n_out = 9
    outcome_columns = [
        Column(n_out + i, label, ("Phân tích kết quả", group)) for i, (_, label, group) in enumerate(outcomes)
    ]
    n = n_out + len(outcomes)
    time_first = n
    time_columns = [
        Column(n, "Đúng thời hạn", ("Thời hạn giải quyết",)),
        Column(n + 1, "Quá thời hạn", ("Thời hạn giải quyết",)),
        Column(n + 2, "Chưa xác định được thời hạn", ("Thời hạn giải quyết",)),
    ]
    n += 3
    amount_first = n
    amount_columns = [Column(n + i, label, (group,)) for i, (_, label, group) in enumerate(AMOUNT_COLUMNS)]
    columns = [
        Column(1, "Tổng số vụ việc phải giải quyết", ("Vụ việc thuộc thẩm quyền",), "(2)+(3)"),
        Column(2, "Kỳ trước chuyển sang", ("Vụ việc thuộc thẩm quyền",)),
        Column(3, "Thụ lý trong kỳ", ("Vụ việc thuộc thẩm quyền",)),
        Column(4, "Số đơn", ("Vụ việc thuộc thẩm quyền",)),
        Column(5, "Tổng", (settled_label,), "(6)+(7)"),
        Column(6, "Bằng quyết định, kết luận", (settled_label,)),
        Column(7, "Rút đơn, đình chỉ", (settled_label,)),
        Column(8, "Chưa giải quyết xong, chuyển kỳ sau", ()),
        *outcome_columns, *time_columns, *amount_columns,
    ]

    def compute(rows: list[CaseRow]) -> dict[int, float]:
        scope = _case_scope(rows, start, end)
        closed = [r for r in scope if r.closed_by(end) is not None]
        by_decision = [r for r in closed if r.settled_on is not None and r.settled_on <= end]
        values: dict[int, float] = {
            1: len(scope),
            2: _count(scope, lambda r: r.accepted_on < start),
            3: _count(scope, lambda r: r.accepted_on >= start),
            4: sum(r.letters for r in scope),
            5: len(closed),
            6: len(by_decision),
            7: len(closed) - len(by_decision),
            8: len(scope) - len(closed),
        }
        for i, (key, _, _) in enumerate(outcomes):
            values[n_out + i] = _count(by_decision, lambda r, key=key: r.outcome == key)
        timed = [r for r in closed if r.settlement_due is not None]
        values[time_first] = _count(timed, lambda r: r.closed_by(end) <= r.settlement_due)
        values[time_first + 1] = _count(timed, lambda r: r.closed_by(end) > r.settlement_due)
        values[time_first + 2] = _count(closed, lambda r: r.settlement_due is None)
        for i, (key, _, _) in enumerate(AMOUNT_COLUMNS):
            values[amount_first + i] = sum(r.amounts.get(key, 0) for r in by_decision)
        return values

    identities = [
        Identity(1, (2, 3), "Phải giải quyết = kỳ trước chuyển sang + thụ lý trong kỳ"),
        Identity(1, (5, 8), "Phải giải quyết = đã giải quyết + chưa giải quyết xong"),
        Identity(5, (6, 7), "Đã giải quyết = bằng quyết định, kết luận + rút đơn, đình chỉ"),
        Identity(5, (time_first, time_first + 1, time_first + 2), "Đã giải quyết = đúng hạn + quá hạn + chưa xác định"),
    ]
    decided = [r for r in _case_scope(rows, start, end) if r.settled_on is not None and r.settled_on <= end]
    notes = _result_notes(recorded, decided)
    if recorded and not notes:
        # Every decision carries its outcome: the analysis columns add up to the decisions.
        identities.append(Identity(
            6, tuple(c.number for c in outcome_columns), "Bằng quyết định, kết luận = tổng các kết quả phân tích",
        ))
    return _build(
        code=code, title=title, start=start, end=end, columns=columns, identities=identities, rows=rows,
        units=units, compute=compute, notes=notes,
    )


COMPLAINT_TRACKS = frozenset({"complaint_first", "complaint_second", "complaint_discipline"})
DENUNCIATION_TRACKS = frozenset({"denunciation"})


def form_complaint_settlement(
    rows: Iterable[CaseRow], *, start: date, end: date, units: Mapping[int, str], recorded: bool = False,
) -> FormTable:
    """Biểu 01/KQGQ — kết quả giải quyết khiếu nại thuộc thẩm quyền."""
    outcomes = (
        ("correct", "Khiếu nại đúng", "Giải quyết lần đầu"),
        ("wrong", "Khiếu nại sai", "Giải quyết lần đầu"),
        ("partly", "Khiếu nại đúng một phần", "Giải quyết lần đầu"),
        ("upheld", "Công nhận quyết định lần đầu", "Giải quyết lần hai"),
        ("annulled", "Hủy, sửa quyết định lần đầu", "Giải quyết lần hai"),
    )
    return _settlement_form(
        "01/KQGQ", "TỔNG HỢP KẾT QUẢ GIẢI QUYẾT KHIẾU NẠI THUỘC THẨM QUYỀN", COMPLAINT_TRACKS, outcomes, rows,
        start, end, units, recorded,
    )


def form_denunciation_settlement(
    rows: Iterable[CaseRow], *, start: date, end: date, units: Mapping[int, str], recorded: bool = False,
) -> FormTable:
    """Biểu 02/KQGQTC — kết quả giải quyết tố cáo thuộc thẩm quyền."""
    outcomes = (
        ("correct", "Tố cáo đúng", "Kết luận nội dung tố cáo"),
        ("partly", "Tố cáo đúng một phần", "Kết luận nội dung tố cáo"),
        ("wrong", "Tố cáo sai", "Kết luận nội dung tố cáo"),
    )
    return _settlement_form(
        "02/KQGQTC", "TỔNG HỢP KẾT QUẢ GIẢI QUYẾT TỐ CÁO THUỘC THẨM QUYỀN", DENUNCIATION_TRACKS, outcomes, rows,
        start, end, units, recorded,
    )


def form_enforcement(
    rows: Iterable[CaseRow], *, start: date, end: date, units: Mapping[int, str], recorded: bool = False,
) -> FormTable:
    """Biểu 03/KQGQ — thi hành quyết định giải quyết khiếu nại và xử lý sau kết luận nội dung tố cáo."""
    rows = list(rows)
    decisions, conclusions = "Quyết định giải quyết khiếu nại", "Kết luận nội dung tố cáo"
    columns = [
        Column(1, "Tổng số phải thực hiện", (decisions,), "(2)+(3)"),
        Column(2, "Kỳ trước chuyển sang", (decisions,)),
        Column(3, "Có hiệu lực trong kỳ", (decisions,)),
        Column(4, "Đã thực hiện xong", (decisions,)),
        Column(5, "Chưa thực hiện xong", (decisions,)),
        Column(6, "Tổng số phải xử lý", (conclusions,), "(7)+(8)"),
        Column(7, "Kỳ trước chuyển sang", (conclusions,)),
        Column(8, "Ban hành trong kỳ", (conclusions,)),
        Column(9, "Đã xử lý xong", (conclusions,)),
        Column(10, "Chưa xử lý xong", (conclusions,)),
    ]
    amount_first = 11
    columns += [Column(amount_first + i, label, (group,)) for i, (_, label, group) in enumerate(AMOUNT_COLUMNS)]

    def block(rows: list[CaseRow], due: Callable[[CaseRow], date | None], done: Callable[[CaseRow], date | None]):
        scope = [
            r for r in rows if (d := due(r)) is not None and d <= end
            and not ((f := done(r)) is not None and f < start)
        ]
        finished = [r for r in scope if (f := done(r)) is not None and f <= end]
        return scope, finished, [
            len(scope), _count(scope, lambda r: due(r) < start), _count(scope, lambda r: due(r) >= start),
            len(finished), len(scope) - len(finished),
        ]

    def finished_of(rows: list[CaseRow]) -> tuple[list[CaseRow], list[float]]:
        complaints = [r for r in rows if r.track in COMPLAINT_TRACKS]
        denunciations = [r for r in rows if r.track in DENUNCIATION_TRACKS]
        _, enforced, first = block(complaints, lambda r: r.in_effect_on, lambda r: r.enforced_on)
        _, handled, second = block(denunciations, lambda r: r.concluded_on, lambda r: r.conclusion_handled_on)
        return [*enforced, *handled], [*first, *second]

    def compute(rows: list[CaseRow]) -> dict[int, float]:
        # The amounts of the decisions enforced and of the conclusions acted on by the cut-off.
        finished, counts = finished_of(rows)
        values = {i + 1: v for i, v in enumerate(counts)}
        for i, (key, _, _) in enumerate(AMOUNT_COLUMNS):
            values[amount_first + i] = sum(r.amounts.get(key, 0) for r in finished)
        return values

    identities = (
        Identity(1, (2, 3), "Phải thực hiện = kỳ trước chuyển sang + có hiệu lực trong kỳ"),
        Identity(1, (4, 5), "Phải thực hiện = đã thực hiện xong + chưa thực hiện xong"),
        Identity(6, (7, 8), "Phải xử lý = kỳ trước chuyển sang + ban hành trong kỳ"),
        Identity(6, (9, 10), "Phải xử lý = đã xử lý xong + chưa xử lý xong"),
    )
    return _build(
        code="03/KQGQ", title="TỔNG HỢP KẾT QUẢ THI HÀNH QUYẾT ĐỊNH GIẢI QUYẾT KHIẾU NẠI, KẾT LUẬN TỐ CÁO",
        start=start, end=end, columns=columns, identities=identities, rows=rows, units=units, compute=compute,
        notes=_result_notes(recorded, finished_of(rows)[0]),
    )


@dataclass(frozen=True)
class HeaderCell:
    text: str
    colspan: int = 1
    rowspan: int = 1


def header_rows(columns: Sequence[Column], *, numbered: bool = True) -> list[list[HeaderCell]]:
    """The form's header as rows of merged cells (groups over their columns, each leaf down to the bottom).
    `numbered=False`: the leaves without "(n) = formula", for a layout that numbers the columns in a row of
    its own (`number_row`)."""
    depth = max((len(c.group) for c in columns), default=0) + 1
    rows: list[list[HeaderCell]] = [[] for _ in range(depth)]
    for level in range(depth):
        i = 0
        while i < len(columns):
            column = columns[i]
            if level < len(column.group):
                key = column.group[: level + 1]
                j = i
                while j < len(columns) and columns[j].group[: level + 1] == key:
                    j += 1
                rows[level].append(HeaderCell(column.group[level], colspan=j - i))
                i = j
                continue
            if level == len(column.group):
                formula = f" = {column.formula}" if column.formula else ""
                text = f"{column.label} ({column.number}){formula}" if numbered else column.label
                rows[level].append(HeaderCell(text, rowspan=depth - level))
            i += 1
    return rows


def number_row(columns: Sequence[Column]) -> list[str]:
    """The row under the header that numbers the columns, as the official forms do: "(1) = (2)+(3)", "(2)"."""
    return [f"({c.number})" + (f" = {c.formula}" if c.formula else "") for c in columns]


FORM_CODES = ("01/TCD", "01/XLD", "02/XLD", "03/XLD", "04/XLD", "01/KQGQ", "02/KQGQTC", "03/KQGQ")


def slug(code: str) -> str:
    """"01/XLD" → "01-XLD" for URLs and file names."""
    return code.replace("/", "-")


def unslug(value: str) -> str:
    return value.replace("-", "/", 1)
