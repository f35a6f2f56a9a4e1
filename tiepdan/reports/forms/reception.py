"""Reception: form 01/TCD."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from tiepdan.reports.forms.table import (
    Column,
    FormTable,
    Identity,
    build_table,
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
    visits: Iterable[VisitRow],
    sittings: Iterable[SittingRow],
    *,
    start: date,
    end: date,
    units: Mapping[int, str],
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
    return build_table(
        code="01/TCD",
        title="TỔNG HỢP KẾT QUẢ TIẾP CÔNG DÂN THƯỜNG XUYÊN, ĐỊNH KỲ VÀ ĐỘT XUẤT",
        start=start,
        end=end,
        columns=columns,
        identities=identities,
        rows=all_rows,
        units=units,
        compute=compute,
        notes=(
            "Một vụ việc: các lượt tiếp của cùng công dân về cùng loại nội dung và lĩnh vực trong kỳ.",
            "Vụ việc tiếp nhiều lần: đã được tiếp trước đó hoặc được tiếp từ hai lượt trở lên trong kỳ.",
        ),
    )
