"""The parts every form is made of: numbered columns, the identities they obey, the table of rows per unit
with its total, and the header laid out as merged cells. Shared constants of the forms."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
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
            data["code"],
            data["title"],
            date.fromisoformat(data["start"]),
            date.fromisoformat(data["end"]),
            columns,
            rows,
            identities,
            tuple(data.get("notes", ())),
        )


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 2)


def build_table(
    *,
    code: str,
    title: str,
    start: date,
    end: date,
    columns: Sequence[Column],
    identities: Sequence[Identity],
    rows: Iterable[Any],
    units: Mapping[int, str],
    compute: Callable[[list[Any]], dict[int, float]],
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


def count_matters(rows: Iterable[Any]) -> int:
    """Letters vs matters: several letters (duplicates) about one matter count as one vụ việc."""
    return len({r.root_id for r in rows})


def count_where(rows: Iterable[Any], test: Callable[[Any], bool]) -> int:
    return sum(1 for r in rows if test(r))


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
    """ "01/XLD" → "01-XLD" for URLs and file names."""
    return code.replace("/", "-")


def unslug(value: str) -> str:
    return value.replace("-", "/", 1)
