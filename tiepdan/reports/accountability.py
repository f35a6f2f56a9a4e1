"""Accountability of unit heads (kiểm tra trách nhiệm thủ trưởng): the facts per unit, a transparent
score and a ranking. Plain Python: no Django, no clock.

The plan of 11/2024 asks the inspection unit to "tăng cường kiểm tra trách nhiệm thủ trưởng các đơn vị
thuộc sở trong công tác tiếp công dân, xử lý đơn thư và giải quyết khiếu nại, tố cáo". The score is
not a legal measure: it only orders the units for the inspection's attention, and the page shows every
component so a head can see why a unit ranks where it does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

# Weights of the score (out of 100) and the penalty per overdue item; data, not law.
WEIGHT_LETTERS = 35
WEIGHT_CASES = 35
WEIGHT_RECEPTION = 30
OVERDUE_PENALTY = 2
OVERDUE_PENALTY_CAP = 30


def quota_months(start: date, end: date) -> list[tuple[int, int]]:
    """Calendar months the period answers for: those with at least 15 of their days inside it.

    TCD-HEAD-1 asks for a reception day in every calendar month, while report periods run from the 15th to
    the 14th; a month belongs to the period that holds most of it (15/12–14/06 answers for December to May).
    """
    months = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        first = date(year, month, 1)
        last = (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)
        inside = (min(last, end) - max(first, start)).days + 1
        if inside >= 15:
            months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def quota_weeks(start: date, end: date) -> list[tuple[int, int]]:
    """ISO weeks with at least four of their days inside the period (for a weekly quota, TCD-HEAD-3)."""
    weeks: dict[tuple[int, int], int] = {}
    day = start
    while day <= end:
        iso = day.isocalendar()
        weeks[(iso.year, iso.week)] = weeks.get((iso.year, iso.week), 0) + 1
        day += timedelta(days=1)
    return [week for week, days in weeks.items() if days >= 4]


@dataclass(frozen=True)
class ReceptionCompliance:
    """The head's periodic reception days (TCD-HEAD-1): spans required, spans met, sessions held."""

    rule_id: str
    required: int
    met: int
    held: int
    missed: tuple[str, ...] = ()  # "01/2026" for each month (or "W05/2026") without enough days

    @property
    def rate(self) -> float:
        return 1.0 if self.required == 0 else self.met / self.required


def reception_compliance(
    rule_id: str, days_per_span: int, per: str, held_days: list[date], start: date, end: date,
) -> ReceptionCompliance:
    """Which months (or weeks) had at least `days_per_span` reception days held by the head in person."""
    if per == "week":
        spans = quota_weeks(start, end)

        def key(d: date) -> tuple[int, int]:
            iso = d.isocalendar()
            return (iso.year, iso.week)

        def label(s: tuple[int, int]) -> str:
            return f"tuần {s[1]:02d}/{s[0]}"
    else:
        spans = quota_months(start, end)

        def key(d: date) -> tuple[int, int]:
            return (d.year, d.month)

        def label(s: tuple[int, int]) -> str:
            return f"{s[1]:02d}/{s[0]}"

    counts: dict[tuple[int, int], int] = {}
    for d in held_days:
        counts[key(d)] = counts.get(key(d), 0) + 1
    missed = tuple(label(s) for s in spans if counts.get(s, 0) < days_per_span)
    return ReceptionCompliance(rule_id, len(spans), len(spans) - len(missed), len(held_days), missed)


@dataclass(frozen=True)
class UnitFacts:
    unit_id: int
    unit_name: str
    unit_code: str = ""
    head_name: str = ""
    letters_handled: int = 0
    letters_on_time: int = 0
    cases_settled: int = 0
    cases_on_time: int = 0
    letters_overdue: int = 0  # at the cut-off: not handled and past the handling time limit
    cases_overdue: int = 0  # at the cut-off: an open statutory time limit already past
    letters_backlog: int = 0  # at the cut-off: received and not handled
    cases_backlog: int = 0  # at the cut-off: accepted and not settled
    repeat_letters: int = 0  # received in the period about a matter already written about
    over_level: int = 0  # received in the period from a higher level (transferred back)
    mass_matters: int = 0
    reception: ReceptionCompliance | None = None  # None: the unit's head has no reception quota
    # Share of the citizens satisfied with the result, among the answers recorded on the unit's cases within
    # the period (cases.CitizenSatisfaction); None when none was recorded. Shown, not scored.
    satisfaction: float | None = None
    satisfaction_answers: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def letters_rate(self) -> float | None:
        return None if self.letters_handled == 0 else self.letters_on_time / self.letters_handled

    @property
    def cases_rate(self) -> float | None:
        return None if self.cases_settled == 0 else self.cases_on_time / self.cases_settled

    @property
    def satisfied_answers(self) -> int:
        return 0 if self.satisfaction is None else round(self.satisfaction * self.satisfaction_answers)

    @property
    def overdue(self) -> int:
        return self.letters_overdue + self.cases_overdue


@dataclass(frozen=True)
class Score:
    facts: UnitFacts
    total: float
    components: tuple[tuple[str, float], ...]  # (Vietnamese explanation, points)
    rank: int = 0


def score(facts: UnitFacts) -> Score:
    """Points out of 100: on-time letters, on-time cases and reception days, minus overdue items.

    A rate with nothing to measure (no letter handled, no quota) earns its full weight: the unit is not
    at fault for work it did not have.
    """
    letters = 1.0 if facts.letters_rate is None else facts.letters_rate
    cases = 1.0 if facts.cases_rate is None else facts.cases_rate
    reception = 1.0 if facts.reception is None else facts.reception.rate
    penalty = min(OVERDUE_PENALTY_CAP, OVERDUE_PENALTY * facts.overdue)
    components = (
        (f"Xử lý đơn đúng hạn ({facts.letters_on_time}/{facts.letters_handled})", round(WEIGHT_LETTERS * letters, 1)),
        (f"Giải quyết vụ việc đúng hạn ({facts.cases_on_time}/{facts.cases_settled})", round(WEIGHT_CASES * cases, 1)),
        (
            "Tiếp công dân định kỳ"
            + (
                f" ({facts.reception.met}/{facts.reception.required} tháng đạt)"
                if facts.reception
                else " (không áp dụng)"
            ),
            round(WEIGHT_RECEPTION * reception, 1),
        ),
        (f"Trừ quá hạn ({facts.overdue} việc × {OVERDUE_PENALTY}, tối đa {OVERDUE_PENALTY_CAP})", -float(penalty)),
    )
    total = max(0.0, round(sum(points for _, points in components), 1))
    return Score(facts, total, components)


def rank(all_facts: list[UnitFacts]) -> list[Score]:
    """Highest score first; ties broken by fewer overdue items, then smaller backlog, then the unit's name."""
    scores = sorted(
        (score(f) for f in all_facts),
        key=lambda s: (-s.total, s.facts.overdue, s.facts.letters_backlog + s.facts.cases_backlog, s.facts.unit_name),
    )
    return [Score(s.facts, s.total, s.components, i + 1) for i, s in enumerate(scores)]
