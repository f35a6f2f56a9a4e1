"""Settlement of complaints and denunciations (01/KQGQ, 02/KQGQTC) and enforcement (03/KQGQ)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from tiepdan.reports.forms.table import (
    Column,
    FormTable,
    Identity,
    build_table,
    count_where,
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
        r
        for r in rows
        if r.accepted_on is not None
        and r.accepted_on <= end
        and not ((closed := r.closed_by(end)) is not None and closed < start)
    ]


def _settlement_form(
    code: str,
    title: str,
    tracks: frozenset[str],
    outcomes: Sequence[tuple[str, str, str]],
    rows: Iterable[CaseRow],
    start: date,
    end: date,
    units: Mapping[int, str],
    recorded: bool,
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
        *outcome_columns,
        *time_columns,
        *amount_columns,
    ]

    def compute(rows: list[CaseRow]) -> dict[int, float]:
        scope = _case_scope(rows, start, end)
        closed = [r for r in scope if r.closed_by(end) is not None]
        by_decision = [r for r in closed if r.settled_on is not None and r.settled_on <= end]
        values: dict[int, float] = {
            1: len(scope),
            2: count_where(scope, lambda r: r.accepted_on < start),
            3: count_where(scope, lambda r: r.accepted_on >= start),
            4: sum(r.letters for r in scope),
            5: len(closed),
            6: len(by_decision),
            7: len(closed) - len(by_decision),
            8: len(scope) - len(closed),
        }
        for i, (key, _, _) in enumerate(outcomes):
            values[n_out + i] = count_where(by_decision, lambda r, key=key: r.outcome == key)
        timed = [r for r in closed if r.settlement_due is not None]
        values[time_first] = count_where(timed, lambda r: r.closed_by(end) <= r.settlement_due)
        values[time_first + 1] = count_where(timed, lambda r: r.closed_by(end) > r.settlement_due)
        values[time_first + 2] = count_where(closed, lambda r: r.settlement_due is None)
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
        identities.append(
            Identity(
                6,
                tuple(c.number for c in outcome_columns),
                "Bằng quyết định, kết luận = tổng các kết quả phân tích",
            )
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
        notes=notes,
    )


COMPLAINT_TRACKS = frozenset({"complaint_first", "complaint_second", "complaint_discipline"})
DENUNCIATION_TRACKS = frozenset({"denunciation"})


def form_complaint_settlement(
    rows: Iterable[CaseRow],
    *,
    start: date,
    end: date,
    units: Mapping[int, str],
    recorded: bool = False,
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
        "01/KQGQ",
        "TỔNG HỢP KẾT QUẢ GIẢI QUYẾT KHIẾU NẠI THUỘC THẨM QUYỀN",
        COMPLAINT_TRACKS,
        outcomes,
        rows,
        start,
        end,
        units,
        recorded,
    )


def form_denunciation_settlement(
    rows: Iterable[CaseRow],
    *,
    start: date,
    end: date,
    units: Mapping[int, str],
    recorded: bool = False,
) -> FormTable:
    """Biểu 02/KQGQTC — kết quả giải quyết tố cáo thuộc thẩm quyền."""
    outcomes = (
        ("correct", "Tố cáo đúng", "Kết luận nội dung tố cáo"),
        ("partly", "Tố cáo đúng một phần", "Kết luận nội dung tố cáo"),
        ("wrong", "Tố cáo sai", "Kết luận nội dung tố cáo"),
    )
    return _settlement_form(
        "02/KQGQTC",
        "TỔNG HỢP KẾT QUẢ GIẢI QUYẾT TỐ CÁO THUỘC THẨM QUYỀN",
        DENUNCIATION_TRACKS,
        outcomes,
        rows,
        start,
        end,
        units,
        recorded,
    )


def form_enforcement(
    rows: Iterable[CaseRow],
    *,
    start: date,
    end: date,
    units: Mapping[int, str],
    recorded: bool = False,
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
            r for r in rows if (d := due(r)) is not None and d <= end and not ((f := done(r)) is not None and f < start)
        ]
        finished = [r for r in scope if (f := done(r)) is not None and f <= end]
        return (
            scope,
            finished,
            [
                len(scope),
                count_where(scope, lambda r: due(r) < start),
                count_where(scope, lambda r: due(r) >= start),
                len(finished),
                len(scope) - len(finished),
            ],
        )

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
    return build_table(
        code="03/KQGQ",
        title="TỔNG HỢP KẾT QUẢ THI HÀNH QUYẾT ĐỊNH GIẢI QUYẾT KHIẾU NẠI, KẾT LUẬN TỐ CÁO",
        start=start,
        end=end,
        columns=columns,
        identities=identities,
        rows=rows,
        units=units,
        compute=compute,
        notes=_result_notes(recorded, finished_of(rows)[0]),
    )
