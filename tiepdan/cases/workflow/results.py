"""The result of a settlement and the citizen's satisfaction with it: which step records what, and the checks.

Plain Python (no Django, no clock). The outcome keys and the amount keys are those of the statistical
forms (`tiepdan.reports.forms`: the `outcomes` of 01/KQGQ and 02/KQGQTC, and `AMOUNT_COLUMNS`), which
count them; a test keeps the two lists equal.

- A complaint decision (`decide`) and a denunciation conclusion (`conclude`) state the outcome: a
  first-time (or discipline) complaint is found correct, partly correct or wrong (Law 02/2011 Art 31(2)(b),
  Art 55); a second-time decision upholds the first-time decision or annuls/amends it (Art 40(2)); a
  denunciation is found correct, partly correct or untrue (Law 25/2018 Art 35(1)).
- They may also state amounts (TT 01/2024 forms 01/KQGQ, 02/KQGQTC): money and land recommended for
  recovery to the State or returned to organisations and people, people whose rights are restored, people
  recommended for an administrative sanction, and cases and people transferred to the investigation body.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from tiepdan.cases.workflow.vocabulary import Action, Status, Track


class SettlementOutcome(StrEnum):
    """The settlement outcome; the same keys as the forms' "Phân tích kết quả" columns."""

    CORRECT = "correct"
    PARTLY = "partly"
    WRONG = "wrong"
    UPHELD = "upheld"
    ANNULLED = "annulled"


# Per track: the outcomes it may record, in the forms' order, with their Vietnamese and English labels.
_FIRST_TIME = (
    (SettlementOutcome.CORRECT, "Khiếu nại đúng", "Complaint correct"),
    (SettlementOutcome.WRONG, "Khiếu nại sai", "Complaint wrong"),
    (SettlementOutcome.PARTLY, "Khiếu nại đúng một phần", "Complaint partly correct"),
)
OUTCOMES: dict[Track, tuple[tuple[SettlementOutcome, str, str], ...]] = {
    Track.COMPLAINT_FIRST: _FIRST_TIME,
    Track.COMPLAINT_DISCIPLINE: _FIRST_TIME,
    Track.COMPLAINT_SECOND: (
        (SettlementOutcome.UPHELD, "Công nhận quyết định lần đầu", "First-time decision upheld"),
        (SettlementOutcome.ANNULLED, "Hủy, sửa quyết định lần đầu", "First-time decision annulled or amended"),
    ),
    Track.DENUNCIATION: (
        (SettlementOutcome.CORRECT, "Tố cáo đúng", "Denunciation correct"),
        (SettlementOutcome.PARTLY, "Tố cáo đúng một phần", "Denunciation partly correct"),
        (SettlementOutcome.WRONG, "Tố cáo sai", "Denunciation untrue"),
    ),
}

# The step that decides the case, per track: its result is recorded on that step.
RESULT_ACTIONS: dict[Track, Action] = {
    Track.COMPLAINT_FIRST: Action.DECIDE,
    Track.COMPLAINT_SECOND: Action.DECIDE,
    Track.COMPLAINT_DISCIPLINE: Action.DECIDE,
    Track.DENUNCIATION: Action.CONCLUDE,
}


class AmountKind(StrEnum):
    MONEY = "money"  # million đồng, decimal
    LAND = "land"  # m², decimal
    COUNT = "count"  # people or cases, whole number


@dataclass(frozen=True)
class Amount:
    key: str
    kind: AmountKind
    label_vi: str
    label_en: str
    places: int = 0  # decimal places kept (as in the database column)

    @property
    def is_count(self) -> bool:
        return self.kind is AmountKind.COUNT


AMOUNTS: tuple[Amount, ...] = (
    Amount("recover_money", AmountKind.MONEY, "Kiến nghị thu hồi cho Nhà nước: tiền (triệu đồng)",
           "Recommended recovery to the State: money (million VND)", 3),
    Amount("recover_land", AmountKind.LAND, "Kiến nghị thu hồi cho Nhà nước: đất (m²)",
           "Recommended recovery to the State: land (m²)", 2),
    Amount("return_money", AmountKind.MONEY, "Trả lại cho tổ chức, cá nhân: tiền (triệu đồng)",
           "Returned to organisations and people: money (million VND)", 3),
    Amount("return_land", AmountKind.LAND, "Trả lại cho tổ chức, cá nhân: đất (m²)",
           "Returned to organisations and people: land (m²)", 2),
    Amount("return_people", AmountKind.COUNT, "Số người được trả lại quyền lợi",
           "People whose rights were restored"),
    Amount("sanction_people", AmountKind.COUNT, "Số người bị kiến nghị xử lý hành chính",
           "People recommended for an administrative sanction"),
    Amount("investigation_cases", AmountKind.COUNT, "Số vụ chuyển cơ quan điều tra",
           "Cases transferred to the investigation body"),
    Amount("investigation_people", AmountKind.COUNT, "Số người chuyển cơ quan điều tra",
           "People transferred to the investigation body"),
)
AMOUNT_KEYS: tuple[str, ...] = tuple(a.key for a in AMOUNTS)
# The largest amount accepted (a typing slip of a few extra digits is refused, not stored).
MAX_AMOUNT = Decimal("1000000000")


@dataclass(frozen=True)
class ResultError:
    """One thing wrong with a result. `field` is "outcome" or an amount key ("" for the whole result)."""

    field: str
    message_vi: str
    message_en: str


def result_action(track: Track | str) -> Action | None:
    """The action that records the settlement result on `track` (None: petitions record none)."""
    return RESULT_ACTIONS.get(Track(track))


def records_result(track: Track | str, action: Action | str) -> bool:
    return result_action(track) == action


def outcome_choices(track: Track | str) -> tuple[tuple[SettlementOutcome, str, str], ...]:
    return OUTCOMES.get(Track(track), ())


def outcome_label(track: Track | str, outcome: str, *, english: bool = False) -> str:
    for key, vi, en in outcome_choices(track):
        if key == outcome:
            return en if english else vi
    return outcome


def result_summary(
    track: Track | str, outcome: str, amounts: Mapping[str, Decimal | int | None], *, english: bool = False
) -> str:
    """"Khiếu nại đúng một phần; Trả lại cho tổ chức, cá nhân: tiền (triệu đồng): 12,5" (amounts stated only)."""
    parts = [outcome_label(track, outcome, english=english)] if outcome else []
    for amount in AMOUNTS:
        value = amounts.get(amount.key)
        if value is None:
            continue
        parts.append(f"{amount.label_en if english else amount.label_vi}: {_number(value, english=english)}")
    return "; ".join(parts)


def _number(value: Decimal | int, *, english: bool) -> str:
    """12500.5 → "12.500,5" (Vietnamese) or "12,500.5" (English); no trailing zeros."""
    text = f"{Decimal(value).normalize():,f}"
    if english:
        return text
    return text.replace(",", "X").replace(".", ",").replace("X", ".")


def result_errors(track: Track | str, outcome: str, amounts: Mapping[str, object]) -> list[ResultError]:
    """What is wrong with the result of a deciding step (an empty list: it may be recorded).

    The outcome is required and must be one of the track's; every amount is optional, a number at least 0
    (money and land may have decimals, people and cases are whole numbers); people transferred to the
    investigation body need a case transferred.
    """
    track = Track(track)
    errors: list[ResultError] = []
    allowed = [key for key, _, _ in outcome_choices(track)]
    if not outcome:
        labels_vi = ", ".join(vi for _, vi, _ in outcome_choices(track))
        labels_en = ", ".join(en.lower() for _, _, en in outcome_choices(track))
        errors.append(ResultError(
            "outcome", f"Phải chọn kết quả giải quyết ({labels_vi}).", f"Choose the outcome ({labels_en}).",
        ))
    elif outcome not in allowed:
        errors.append(ResultError(
            "outcome", f"Kết quả «{outcome}» không áp dụng cho {track.label_vi.lower()}.",
            f"Outcome {outcome!r} does not apply to {track.label_en.lower()}.",
        ))
    unknown = sorted(set(amounts) - set(AMOUNT_KEYS))
    if unknown:
        errors.append(ResultError("", f"Chỉ tiêu không hợp lệ: {', '.join(unknown)}.",
                                  f"Unknown amount(s): {', '.join(unknown)}."))
    for amount in AMOUNTS:
        value = amounts.get(amount.key)
        if value is None:
            continue
        if error := _amount_error(amount, value):
            errors.append(error)
    cases, people = amounts.get("investigation_cases"), amounts.get("investigation_people")
    if (
        isinstance(people, int) and people > 0 and not cases
        and not any(e.field in ("investigation_cases", "investigation_people") for e in errors)
    ):
        errors.append(ResultError(
            "investigation_cases", "Có người chuyển cơ quan điều tra thì phải có ít nhất một vụ chuyển.",
            "People transferred to the investigation body need at least one case transferred.",
        ))
    return errors


def _amount_error(amount: Amount, value: object) -> ResultError | None:
    if amount.is_count:
        if isinstance(value, bool) or not isinstance(value, int):
            return ResultError(amount.key, f"{amount.label_vi}: phải là số nguyên.",
                               f"{amount.label_en}: must be a whole number.")
        number = Decimal(value)
    else:
        number = Decimal(value) if isinstance(value, (int, Decimal)) and not isinstance(value, bool) else None
        if number is None or not number.is_finite():
            return ResultError(amount.key, f"{amount.label_vi}: phải là một số.",
                               f"{amount.label_en}: must be a number.")
    if number < 0:
        return ResultError(amount.key, f"{amount.label_vi}: không được là số âm.",
                           f"{amount.label_en}: cannot be negative.")
    exponent = number.normalize().as_tuple().exponent
    if not amount.is_count and isinstance(exponent, int) and -exponent > amount.places:
        return ResultError(amount.key, f"{amount.label_vi}: tối đa {amount.places} chữ số thập phân.",
                           f"{amount.label_en}: at most {amount.places} decimal places.")
    if number > MAX_AMOUNT:
        return ResultError(amount.key, f"{amount.label_vi}: số quá lớn, kiểm tra lại.",
                           f"{amount.label_en}: too large, please check.")
    return None


# ---------------------------------------------------------------------------------------------
# Citizen satisfaction with the result


class Satisfaction(StrEnum):
    SATISFIED = "satisfied"
    DISSATISFIED = "dissatisfied"
    NO_OPINION = "no_opinion"


SATISFACTION_LABELS: dict[Satisfaction, tuple[str, str]] = {
    Satisfaction.SATISFIED: ("Hài lòng", "Satisfied"),
    Satisfaction.DISSATISFIED: ("Chưa hài lòng", "Not satisfied"),
    Satisfaction.NO_OPINION: ("Không ý kiến", "No opinion"),
}

# The citizen has been told the result (decision or conclusion sent, petition answered) or the case is
# over: from then on the officer may record what the citizen thinks of it.
RESULT_NOTIFIED: frozenset[Status] = frozenset({
    Status.SENT, Status.IN_EFFECT, Status.ENFORCED,
    Status.CONCLUSION_SENT, Status.HANDLED, Status.PUBLISHED,
    Status.ANSWERED, Status.TERMINATED, Status.CLOSED,
})


def satisfaction_refusal(
    *, status: Status | str, notified_on: date | None, on: date, today: date
) -> tuple[str, str] | None:
    """Why the satisfaction cannot be recorded on `on` (Vietnamese, English), or None.

    `notified_on` is the date the case reached a status of RESULT_NOTIFIED (None: never).
    """
    if Status(status) not in RESULT_NOTIFIED or notified_on is None:
        return (
            "Chỉ ghi nhận mức độ hài lòng sau khi đã thông báo kết quả giải quyết cho công dân hoặc vụ việc "
            "đã kết thúc.",
            "Satisfaction is recorded only once the result has been notified to the citizen or the case is over.",
        )
    if on > today:
        return ("Ngày ghi nhận không được sau ngày hôm nay.", "The date cannot be after today.")
    if on < notified_on:
        return (
            f"Ngày ghi nhận không được trước ngày thông báo kết quả ({notified_on:%d/%m/%Y}).",
            f"The date cannot be before the result was notified ({notified_on:%d/%m/%Y}).",
        )
    return None


def satisfied_share(levels: list[str]) -> float | None:
    """Share of satisfied answers among the answers recorded (None: nothing recorded). "Không ý kiến" counts
    in the total: a citizen who gives no opinion is not counted as satisfied."""
    if not levels:
        return None
    return sum(1 for level in levels if level == Satisfaction.SATISFIED) / len(levels)
