"""Compute a deadline from a rule, a start date and a working calendar, and explain every step.

Counting (domain.md §0):
- the start day is not counted (Civil Code 2015 Art 147, CAL-1);
- calendar days: due = start + n; a last day that is not a working day moves to the next working day
  (Art 148(5), CAL-2);
- working days: the n-th working day after the start; make-up Saturdays count (CAL-3);
- an extension adds exactly `extension_days` before the roll-over (TC-T: Law 25/2018 Art 30);
- suspended time is not counted (Law 25/2018 Art 34(2); Decree 155/2026 new Art 28b): the days after the
  suspension decision up to and including the continuation decision are skipped, so the clock resumes
  the day after the continuation decision;
- "at least n days before" rules (KN-DIALOG, TCD-ONLINE-1/2) count backwards from the event and give the
  latest day to act; a calendar-day result on a rest day moves back to the previous working day, so
  that the notice still comes at least n days before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from tiepdan.legal.calendar import WEEKDAY_EN, WEEKDAY_VI, WorkingCalendar, format_date
from tiepdan.legal.errors import InvalidArgument, NoTimeLimit, TooManyExtensions, UnknownVariant
from tiepdan.legal.periods import CountResult, Span, count_backward, count_forward, end_of
from tiepdan.legal.rules import (
    UNIT_LABELS,
    VARIANT_LABELS,
    CaseType,
    Confidence,
    Direction,
    Rule,
    Unit,
    citation_en,
    get_rule,
)

ONE_DAY = dt.timedelta(days=1)


class StepKind(StrEnum):
    RULE = "rule"
    START = "start"
    COUNT = "count"
    SKIP = "skip"
    EXTENSION = "extension"
    SUSPENSION = "suspension"
    ROLL_OVER = "roll_over"
    DUE = "due"


@dataclass(frozen=True)
class Suspension:
    """A suspension of the settlement: decision date, continuation decision date (None = still suspended)."""

    start: dt.date
    end: dt.date | None = None


@dataclass(frozen=True)
class Step:
    """One line of the explanation, in both languages."""

    kind: str
    date: dt.date | None
    text_vi: str
    text_en: str

    def as_json(self) -> dict[str, Any]:
        return {
            "step": str(self.kind),
            "date": self.date.isoformat() if self.date else None,
            "text": self.text_vi,
            "text_en": self.text_en,
        }


@dataclass(frozen=True)
class Deadline:
    """The computed deadline. `due` is None while an open suspension stops the clock.

    `days` is the length counted: base or variant length (or the configured override) plus
    extensions × extension_days. `period_end` is the last counted day before the CAL-2 roll-over.
    """

    rule_id: str
    start: dt.date
    due: dt.date | None
    unit: Unit
    days: int
    source: str
    explanation: tuple[Step, ...]
    period_end: dt.date | None = None
    variant: str | None = None
    extensions: int = 0
    excluded_days: int = 0  # days (of the unit) removed by suspensions
    suspended_since: dt.date | None = None  # start of the open suspension, if any
    days_remaining: int | None = None  # while suspended: days still to count after the continuation
    summary_text_vi: str = ""
    summary_text_en: str = ""

    def as_json(self) -> dict[str, Any]:
        """CLI/API form; the keys are a contract (rule, start, due, unit, days, source, explanation)."""
        return {
            "rule": self.rule_id,
            "start": self.start.isoformat(),
            "due": self.due.isoformat() if self.due else None,
            "unit": str(self.unit),
            "days": self.days,
            "source": self.source,
            "explanation": [step.as_json() for step in self.explanation],
        }

    def summary_vi(self) -> str:
        """One Vietnamese sentence: "Hạn 23/02/2026 vì ..."."""
        return self.summary_text_vi

    def summary_en(self) -> str:
        """One English sentence: "Due 23/02/2026 because ..."."""
        return self.summary_text_en


# --- argument checks ------------------------------------------------------------------------------


def _base_length(rule: Rule, variant: str | None, days_override: int | None) -> int:
    if variant is not None and variant not in rule.variants:
        names = ", ".join(rule.variants)
        raise UnknownVariant(
            f'quy tắc {rule.id} không có biến thể "{variant}"'
            + (f" (chỉ có: {names})" if names else " (quy tắc này không có biến thể)"),
            f'rule {rule.id} has no variant "{variant}"'
            + (f" (only: {names})" if names else " (it has none)"),
        )
    if days_override is not None:
        if not rule.configurable:
            raise InvalidArgument(
                f"thời hạn của quy tắc {rule.id} do văn bản pháp luật quy định, không thể thay đổi",
                f"the time limit of rule {rule.id} is set by law and cannot be overridden",
            )
        if days_override < 1:
            raise InvalidArgument(
                f"thời hạn ấn định phải từ 1 ngày trở lên (nhận {days_override})",
                f"the configured time limit must be at least 1 day (got {days_override})",
            )
        return days_override
    if variant is not None:
        return rule.variants[variant]
    if rule.days is None:  # guarded by the caller; keeps the type checker honest
        raise NoTimeLimit(f"quy tắc {rule.id} không có thời hạn", f"rule {rule.id} has no time limit")
    return rule.days


def _check_extensions(rule: Rule, variant: str | None, extensions: int) -> None:
    if extensions < 0:
        raise InvalidArgument(
            f"số lần gia hạn không được âm (nhận {extensions})",
            f"the number of extensions cannot be negative (got {extensions})",
        )
    allowed = rule.max_extensions.get(variant, 0)
    if extensions <= allowed:
        return
    with_vi = f" đối với {VARIANT_LABELS[variant][0]}" if variant else ""
    with_en = f" for a {VARIANT_LABELS[variant][1]}" if variant else ""
    if allowed == 0:
        raise TooManyExtensions(
            f"quy tắc {rule.id} không cho phép gia hạn{with_vi}",
            f"rule {rule.id} allows no extension{with_en}",
        )
    raise TooManyExtensions(
        f"quy tắc {rule.id} chỉ cho phép gia hạn tối đa {allowed} lần{with_vi} (yêu cầu {extensions} lần)",
        f"rule {rule.id} allows at most {allowed} extension(s){with_en} ({extensions} requested)",
    )


def _check_suspensions(
    rule: Rule, start: dt.date, suspensions: Sequence[Suspension], calendar: WorkingCalendar
) -> list[Span]:
    if suspensions and rule.direction == Direction.BACKWARD:
        raise InvalidArgument(
            f"quy tắc {rule.id} tính lùi từ một sự kiện nên không áp dụng tạm đình chỉ",
            f"rule {rule.id} counts back from an event, so suspensions do not apply",
        )
    spans = []
    for s in sorted(suspensions, key=lambda s: s.start):
        calendar.check_date(s.start)
        if s.end is not None:
            calendar.check_date(s.end)
        # A suspension decided on the start day itself is accepted: the clock then never starts.
        if s.start < start:
            raise InvalidArgument(
                f"quyết định tạm đình chỉ ngày {format_date(s.start)} có trước ngày bắt đầu "
                f"{format_date(start)}",
                f"the suspension decision of {format_date(s.start)} is before the start {format_date(start)}",
            )
        if s.end is not None and s.end < s.start:
            raise InvalidArgument(
                f"quyết định tiếp tục ngày {format_date(s.end)} có trước quyết định tạm đình chỉ "
                f"ngày {format_date(s.start)}",
                f"the continuation decision of {format_date(s.end)} is before the suspension decision "
                f"of {format_date(s.start)}",
            )
        if spans:
            previous = spans[-1]
            if previous.end is None or s.start < previous.end:
                raise InvalidArgument(
                    f"các khoảng tạm đình chỉ chồng lên nhau (từ {format_date(previous.start)} và từ "
                    f"{format_date(s.start)})",
                    f"suspensions overlap (from {format_date(previous.start)} and from "
                    f"{format_date(s.start)})",
                )
        spans.append(Span(s.start, s.end))
    return spans


# --- explanation helpers --------------------------------------------------------------------------


def _day_vi(d: dt.date) -> str:
    return f"{WEEKDAY_VI[d.weekday()]} {format_date(d)}"


def _day_en(d: dt.date) -> str:
    return f"{WEEKDAY_EN[d.weekday()]} {format_date(d)}"


_CONFIDENCE_VI = {
    Confidence.VERIFIED_MIRROR: "Độ tin cậy: theo bản sao văn bản, cần đối chiếu bản chính thức.",
    Confidence.UNVERIFIED: "Độ tin cậy: chưa kiểm chứng, là giá trị mặc định có thể cấu hình.",
}
_CONFIDENCE_EN = {
    Confidence.VERIFIED_MIRROR: "Confidence: from a copy of the text, to be checked against the official "
    "one.",
    Confidence.UNVERIFIED: "Confidence: unverified, a configurable default.",
}


def _rule_step(rule: Rule, unit: Unit, variant: str | None, length: int, overridden: bool) -> Step:
    unit_vi, unit_en = UNIT_LABELS[unit]
    vi = f"Quy tắc {rule.id} – {rule.title_vi}: {length} {unit_vi}"
    en = f"Rule {rule.id} – {rule.title_en}: {length} {unit_en}"
    if variant:
        vi += f", trường hợp {VARIANT_LABELS[variant][0]}"
        en += f", {VARIANT_LABELS[variant][1]}"
    if overridden:
        vi += " (thời hạn do cơ quan ấn định)"
        en += " (time limit set by the agency)"
    vi += f" ({rule.source})."
    en += f" ({rule.source_en})."
    if rule.note_vi:
        vi += f" {rule.note_vi}"
    if rule.note_en:
        en += f" {rule.note_en}"
    if rule.confidence in _CONFIDENCE_VI:
        vi += f" {_CONFIDENCE_VI[Confidence(rule.confidence)]}"
        en += f" {_CONFIDENCE_EN[Confidence(rule.confidence)]}"
    return Step(StepKind.RULE, None, vi, en)


def _skip_steps(calendar: WorkingCalendar, results: Sequence[CountResult]) -> list[Step]:
    steps = []
    for result in results:
        for d in result.days_off:
            steps.append(
                Step(
                    StepKind.SKIP,
                    d,
                    f"{format_date(d)}: {calendar.reason(d)} – không tính.",
                    f"{format_date(d)}: {calendar.reason_en(d)} – not counted.",
                )
            )
        for d in result.made_up_days:
            steps.append(
                Step(
                    StepKind.COUNT,
                    d,
                    f"{_day_vi(d)}: {calendar.reason(d)} – được tính là ngày làm việc.",
                    f"{_day_en(d)}: {calendar.reason_en(d)} – counted as a working day.",
                )
            )
    return steps


def _suspension_source(rule: Rule) -> tuple[str, str]:
    if rule.id == "KN-LIM":
        return "Luật Khiếu nại 2011, Điều 9", "Law on Complaints 2011, Art 9"
    if rule.case_type == CaseType.DENUNCIATION:
        return "Luật Tố cáo 2018, Điều 34 khoản 2", "Law on Denunciation 2018, Art 34(2)"
    if rule.case_type == CaseType.COMPLAINT:
        return (
            "Nghị định 155/2026/NĐ-CP, Điều 28b mới của Nghị định 124/2020/NĐ-CP",
            "Decree 155/2026, new Art 28b of Decree 124/2020",
        )
    return "nguyên tắc CAL-4", "principle CAL-4"


def _reasons(calendar: WorkingCalendar, days: Sequence[dt.date]) -> tuple[str, str]:
    vi = "; ".join(f"{format_date(d)}: {calendar.reason(d)}" for d in days)
    en = "; ".join(f"{format_date(d)}: {calendar.reason_en(d)}" for d in days)
    return vi, en


# --- the computation ------------------------------------------------------------------------------


def compute_deadline(
    rule_id: str,
    start: dt.date,
    *,
    calendar: WorkingCalendar,
    variant: str | None = None,
    extensions: int = 0,
    suspensions: Sequence[Suspension] = (),
    days_override: int | None = None,
) -> Deadline:
    """The deadline of `rule_id` for an event on `start`, with a bilingual step-by-step explanation.

    The rule is the one in force on `start` (a base id such as KN-ACCEPT picks the regime). `variant`
    selects a longer length (complex, remote...); `extensions` counts extension decisions (TC-T);
    `suspensions` lie on or after `start` and must not overlap; `days_override` replaces the length of
    rules marked configurable (PAKN-ANSWER, XLD-TIME) only.
    Raises UnknownRule, RuleNotInForce, NoTimeLimit, UnknownVariant, TooManyExtensions, InvalidArgument,
    CalendarRangeError.
    """
    if not isinstance(start, dt.date) or isinstance(start, dt.datetime):
        # A datetime would silently carry a time of day (and maybe no zone) into date arithmetic.
        raise InvalidArgument(
            f"ngày bắt đầu phải là một ngày (date), không phải {start!r}",
            f"the start must be a date, not {start!r}",
        )
    rule = get_rule(rule_id, start)
    if rule.days is None or rule.unit is None:
        raise NoTimeLimit(
            f"quy tắc {rule.id} ({rule.title_vi}) không quy định thời hạn tính theo ngày",
            f"rule {rule.id} ({rule.title_en}) sets no time limit in days",
        )
    calendar.check_date(start)
    base = _base_length(rule, variant, days_override)
    _check_extensions(rule, variant, extensions)
    spans = _check_suspensions(rule, start, suspensions, calendar)
    steps = [_rule_step(rule, rule.unit, variant, base, days_override is not None)]
    if rule.direction == Direction.BACKWARD:
        return _backward(rule, rule.unit, start, base, calendar, steps)
    return _forward(rule, rule.unit, start, base, variant, extensions, spans, calendar, steps)


def _forward(
    rule: Rule,
    unit: Unit,
    start: dt.date,
    base: int,
    variant: str | None,
    extensions: int,
    spans: list[Span],
    calendar: WorkingCalendar,
    steps: list[Step],
) -> Deadline:
    unit_vi, unit_en = UNIT_LABELS[unit]
    total = base + extensions * rule.extension_days
    steps.append(
        Step(
            StepKind.START,
            start,
            f"Ngày bắt đầu: {format_date(start)} ({rule.start_event_vi}); ngày này không được tính, thời hạn "
            f"tính từ ngày {format_date(start + ONE_DAY)} (Bộ luật Dân sự 2015, Điều 147).",
            f"Start: {format_date(start)} ({rule.start_event_en}); that day is not counted, counting starts "
            f"on {format_date(start + ONE_DAY)} (Civil Code 2015, Art 147).",
        )
    )
    # Walk the base period, then each extension from where the previous one ended, so that every
    # extension adds exactly its length before the roll-over and suspensions are skipped throughout.
    segments = [base] + [rule.extension_days] * extensions
    results: list[CountResult] = []
    after = start
    for length in segments:
        result = count_forward(calendar, after, length, unit, excluded=spans)
        results.append(result)
        if result.end is None:
            break
        after = result.end
    excluded: dict[Span, int] = {}
    for result in results:
        for span, count in result.excluded:
            excluded[span] = excluded.get(span, 0) + count
    excluded_total = sum(excluded.values())
    steps.extend(_suspension_steps(rule, unit, spans, excluded))

    def make_deadline(**kwargs: Any) -> Deadline:
        return Deadline(
            rule_id=rule.id,
            start=start,
            unit=unit,
            days=total,
            source=rule.source,
            variant=variant,
            extensions=extensions,
            excluded_days=excluded_total,
            **kwargs,
        )

    stopped = results[-1].stopped_by
    if stopped is not None:
        counted = sum(r.counted for r in results)
        remaining = total - counted
        steps.append(
            Step(
                StepKind.SUSPENSION,
                stopped.start,
                f"Đang tạm đình chỉ từ {format_date(stopped.start)}: thời hạn ngừng tính từ ngày "
                f"{format_date(stopped.start + ONE_DAY)}. Đã tính {counted}/{total} {unit_vi}; còn "
                f"{remaining} {unit_vi}, tính tiếp từ ngày sau quyết định tiếp tục giải quyết.",
                f"Suspended since {format_date(stopped.start)}: the clock stopped on "
                f"{format_date(stopped.start + ONE_DAY)}. {counted}/{total} {unit_en} counted; {remaining} "
                f"{unit_en} remain, counted from the day after the continuation decision.",
            )
        )
        steps.append(
            Step(
                StepKind.DUE,
                None,
                "Chưa xác định được hạn cuối khi vụ việc đang tạm đình chỉ.",
                "No due date while the case is suspended.",
            )
        )
        source_vi, source_en = _suspension_source(rule)
        return make_deadline(
            due=None,
            explanation=tuple(steps),
            suspended_since=stopped.start,
            days_remaining=remaining,
            summary_text_vi=f"Chưa có hạn vì vụ việc đang tạm đình chỉ từ {format_date(stopped.start)}; còn "
            f"{remaining} {unit_vi} sẽ tính tiếp sau quyết định tiếp tục ({source_vi}).",
            summary_text_en="No due date because the case has been suspended since "
            f"{format_date(stopped.start)}; "
            f"{remaining} {unit_en} remain after the continuation decision ({source_en}).",
        )

    steps.extend(_skip_steps(calendar, results))
    base_end = end_of(results[0])
    if unit == Unit.WORKING_DAYS:
        first = results[0]
        skipped_vi, skipped_en = [], []
        if first.weekend_days:
            skipped_vi.append(f"{first.weekend_days} ngày Thứ Bảy, Chủ nhật")
            skipped_en.append(f"{first.weekend_days} Saturday(s)/Sunday(s)")
        if first.days_off:
            skipped_vi.append(f"{len(first.days_off)} ngày nghỉ lễ, Tết, nghỉ bù")
            skipped_en.append(f"{len(first.days_off)} holiday(s) or official day(s) off")
        if excluded_total:
            skipped_vi.append(f"{excluded_total} ngày làm việc tạm đình chỉ")
            skipped_en.append(f"{excluded_total} suspended working day(s)")
        count_vi = f"Đếm {base} ngày làm việc"
        count_en = f"Count {base} working days"
        if skipped_vi:
            count_vi += f" (không tính {', '.join(skipped_vi)})"
            count_en += f" (skipping {', '.join(skipped_en)})"
        count_vi += f": ngày làm việc thứ {base} là {_day_vi(base_end)}."
        count_en += f": working day {base} is {_day_en(base_end)}."
    else:
        count_vi = (
            f"Cộng {base} ngày theo lịch"
            + (f" (và {excluded_total} ngày tạm đình chỉ không được tính)" if excluded_total else "")
            + f": ngày cuối của thời hạn là {_day_vi(base_end)}."
        )
        count_en = (
            f"Add {base} calendar days"
            + (f" (plus {excluded_total} suspended days that are not counted)" if excluded_total else "")
            + f": the period's last day is {_day_en(base_end)}."
        )
    steps.append(Step(StepKind.COUNT, base_end, count_vi, count_en))
    steps.extend(_extension_steps(rule, unit, variant, results[1:]))

    period_end = end_of(results[-1])
    due = calendar.roll_forward(period_end)
    roll_vi = roll_en = ""
    if due != period_end:
        skipped = [period_end + ONE_DAY * i for i in range((due - period_end).days)]
        reasons_vi, reasons_en = _reasons(calendar, skipped)
        steps.append(
            Step(
                StepKind.ROLL_OVER,
                due,
                f"Ngày cuối {format_date(period_end)} không phải ngày làm việc ({reasons_vi}), nên "
                f"thời hạn kết thúc vào ngày làm việc tiếp theo {_day_vi(due)} "
                "(Bộ luật Dân sự 2015, Điều 148 khoản 5).",
                f"The last day {format_date(period_end)} is not a working day ({reasons_en}), so the period "
                f"ends on the next working day, {_day_en(due)} (Civil Code 2015, Art 148(5)).",
            )
        )
        roll_vi = (
            f"; ngày cuối {format_date(period_end)} rơi vào ngày nghỉ ({calendar.reason(period_end)}) nên "
            "chuyển sang ngày làm việc tiếp theo"
        )
        roll_en = (
            f"; the last day {format_date(period_end)} is a rest day ({calendar.reason_en(period_end)}), so "
            "it moves to the next working day"
        )
    steps.append(Step(StepKind.DUE, due, f"Hạn cuối: {_day_vi(due)}.", f"Due: {_day_en(due)}."))

    ext_vi = ext_en = ""
    if extensions:
        ext_vi = f", gồm {extensions} lần gia hạn, mỗi lần {rule.extension_days} {unit_vi}"
        ext_en = f", including {extensions} extension(s) of {rule.extension_days} {unit_en}"
    susp_vi = f", không tính {excluded_total} {unit_vi} tạm đình chỉ" if excluded_total else ""
    susp_en = f", not counting {excluded_total} suspended {unit_en}" if excluded_total else ""
    return make_deadline(
        due=due,
        explanation=tuple(steps),
        period_end=period_end,
        summary_text_vi=f"Hạn {format_date(due)} vì {total} {unit_vi} kể từ sau ngày {format_date(start)}"
        f"{ext_vi}{susp_vi}{roll_vi} ({rule.source}).",
        summary_text_en=f"Due {format_date(due)} because of {total} {unit_en} after {format_date(start)}"
        f"{ext_en}{susp_en}{roll_en} ({rule.source_en}).",
    )


def _suspension_steps(rule: Rule, unit: Unit, spans: list[Span], excluded: dict[Span, int]) -> list[Step]:
    unit_vi, unit_en = UNIT_LABELS[unit]
    source_vi, source_en = _suspension_source(rule)
    steps = []
    for span in spans:
        if span.end is None:
            continue  # the open suspension gets its own step if it stopped the clock
        count = excluded.get(span, 0)
        if count:
            vi = (
                f"Tạm đình chỉ từ {format_date(span.start)} đến quyết định tiếp tục ngày "
                f"{format_date(span.end)}: "
                f"không tính {count} {unit_vi} (từ {format_date(span.start + ONE_DAY)} đến "
                f"{format_date(span.end)}); "
                f"thời hạn tính tiếp từ {format_date(span.end + ONE_DAY)} ({source_vi})."
            )
            en = (
                f"Suspended from {format_date(span.start)} to the continuation decision of "
                f"{format_date(span.end)}: "
                f"{count} {unit_en} not counted ({format_date(span.start + ONE_DAY)} to "
                f"{format_date(span.end)}); "
                f"counting resumes on {format_date(span.end + ONE_DAY)} ({source_en})."
            )
        else:
            vi = (
                f"Tạm đình chỉ từ {format_date(span.start)} đến {format_date(span.end)}: không làm thay đổi "
                f"thời hạn (không có {unit_vi} nào bị loại trừ trong thời hạn) ({source_vi})."
            )
            en = (
                f"Suspended from {format_date(span.start)} to {format_date(span.end)}: no effect on the time "
                f"limit (no {unit_en} of the period excluded) ({source_en})."
            )
        steps.append(Step(StepKind.SUSPENSION, span.start, vi, en))
    return steps


def _extension_steps(
    rule: Rule, unit: Unit, variant: str | None, results: Sequence[CountResult]
) -> list[Step]:
    if not results:
        return []
    unit_vi, unit_en = UNIT_LABELS[unit]
    steps = []
    if variant is None:
        steps.append(
            Step(
                StepKind.EXTENSION,
                None,
                "Chưa chọn mức độ phức tạp: chỉ được gia hạn khi có văn bản xác định vụ việc phức tạp (tối "
                f"đa 1 lần) hoặc đặc biệt phức tạp (tối đa 2 lần) ({rule.extension_source or rule.source}).",
                "No complexity level given: an extension needs a written determination that the case is "
                "complex (at most 1 extension) or especially complex (at most 2) "
                f"({citation_en(rule.extension_source or rule.source)}).",
            )
        )
    for number, result in enumerate(results, start=1):
        end = end_of(result)
        steps.append(
            Step(
                StepKind.EXTENSION,
                end,
                f"Gia hạn lần {number}: thêm {rule.extension_days} {unit_vi}, đến {_day_vi(end)} (quyết "
                f"định gia hạn bằng văn bản – {rule.extension_source or rule.source}).",
                f"Extension {number}: {rule.extension_days} more {unit_en}, to {_day_en(end)} (written "
                f"extension decision – {citation_en(rule.extension_source or rule.source)}).",
            )
        )
    return steps


def _backward(
    rule: Rule, unit: Unit, event: dt.date, length: int, calendar: WorkingCalendar, steps: list[Step]
) -> Deadline:
    unit_vi, unit_en = UNIT_LABELS[unit]
    steps.append(
        Step(
            StepKind.START,
            event,
            f"Ngày diễn ra: {_day_vi(event)} ({rule.start_event_vi}); tính lùi {length} {unit_vi}, không "
            "tính chính ngày này.",
            f"Event: {_day_en(event)} ({rule.start_event_en}); count back {length} {unit_en}, not counting "
            "that day.",
        )
    )
    result = count_backward(calendar, event, length, unit)
    raw = end_of(result)
    steps.extend(_skip_steps(calendar, [result]))
    steps.append(
        Step(
            StepKind.COUNT,
            raw,
            f"Lùi {length} {unit_vi}: {_day_vi(raw)}.",
            f"Back {length} {unit_en}: {_day_en(raw)}.",
        )
    )
    due = calendar.roll_back(raw)
    roll_vi = roll_en = ""
    if due != raw:
        skipped = [due + ONE_DAY * i for i in range(1, (raw - due).days + 1)]
        reasons_vi, reasons_en = _reasons(calendar, skipped)
        steps.append(
            Step(
                StepKind.ROLL_OVER,
                due,
                f"{format_date(raw)} không phải ngày làm việc ({reasons_vi}), nên hạn chót lùi về ngày làm "
                f"việc liền trước {_day_vi(due)} để vẫn bảo đảm ít nhất {length} {unit_vi}.",
                f"{format_date(raw)} is not a working day ({reasons_en}), so the deadline moves back to the "
                f"previous working day, {_day_en(due)}, to keep at least {length} {unit_en}.",
            )
        )
        roll_vi = f"; {format_date(raw)} là ngày nghỉ nên lùi về ngày làm việc liền trước"
        roll_en = f"; {format_date(raw)} is a rest day, so it moves back to the previous working day"
    steps.append(
        Step(
            StepKind.DUE,
            due,
            f"Hạn chót để thực hiện: {_day_vi(due)} (chậm nhất {length} {unit_vi} trước "
            f"{format_date(event)}).",
            f"Latest day to act: {_day_en(due)} (at least {length} {unit_en} before {format_date(event)}).",
        )
    )
    return Deadline(
        rule_id=rule.id,
        start=event,
        due=due,
        unit=unit,
        days=length,
        source=rule.source,
        explanation=tuple(steps),
        period_end=raw,
        summary_text_vi=f"Hạn {format_date(due)} vì phải thực hiện chậm nhất {length} {unit_vi} trước ngày "
        f"{format_date(event)}{roll_vi} ({rule.source}).",
        summary_text_en=f"Due {format_date(due)} because it must happen at least {length} {unit_en} before "
        f"{format_date(event)}{roll_en} ({rule.source_en}).",
    )
