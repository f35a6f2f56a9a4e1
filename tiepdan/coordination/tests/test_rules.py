"""The pure rules of coordination (no database, no clock): run with `-p no:django` too."""

import itertools
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiepdan.coordination import rules
from tiepdan.coordination.rules import Phase, RuleKind, Window

TZ = timezone(timedelta(hours=7))
days = st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31))
spans = st.integers(min_value=0, max_value=120)


# --- phases ------------------------------------------------------------------------------------


def test_the_congress_period_has_its_three_phases():
    congress = Window(date(2026, 1, 19), date(2026, 1, 23), before_days=18, after_days=8)
    assert congress.first_day == date(2026, 1, 1)
    assert congress.last_day == date(2026, 1, 31)
    assert congress.phase_on(date(2025, 12, 31)) is None
    assert congress.phase_on(date(2026, 1, 1)) == Phase.BEFORE
    assert congress.phase_on(date(2026, 1, 18)) == Phase.BEFORE
    assert congress.phase_on(date(2026, 1, 19)) == Phase.DURING
    assert congress.phase_on(date(2026, 1, 23)) == Phase.DURING
    assert congress.phase_on(date(2026, 1, 24)) == Phase.AFTER
    assert congress.phase_on(date(2026, 1, 31)) == Phase.AFTER
    assert congress.phase_on(date(2026, 2, 1)) is None


def test_election_day_is_a_one_day_event():
    election = Window(date(2026, 3, 15), date(2026, 3, 15), before_days=70, after_days=16)
    assert election.first_day == date(2026, 1, 4)
    assert election.phase_bounds(Phase.DURING) == (date(2026, 3, 15), date(2026, 3, 15))
    assert election.phase_bounds(Phase.AFTER) == (date(2026, 3, 16), date(2026, 3, 31))


def test_a_window_without_before_days_has_no_before_phase():
    window = Window(date(2026, 3, 15), date(2026, 3, 16))
    assert window.phase_bounds(Phase.BEFORE) is None
    assert window.phase_on(date(2026, 3, 14)) is None


def test_an_event_ending_before_it_starts_is_refused_in_vietnamese():
    with pytest.raises(rules.RuleError) as error:
        Window(date(2026, 3, 15), date(2026, 3, 14))
    assert "không được trước ngày bắt đầu" in error.value.message_vi


@given(start=days, length=spans, before=spans, after=spans, day=days)
def test_every_day_of_the_window_has_exactly_one_phase_and_no_other_day_has_one(start, length, before, after, day):
    window = Window(start, start + timedelta(days=length), before, after)
    phase = window.phase_on(day)
    inside = window.first_day <= day <= window.last_day
    assert (phase is not None) == inside
    if phase is not None:
        first, last = window.phase_bounds(phase)
        assert first <= day <= last


@given(start=days, length=spans, before=spans, after=spans)
def test_the_phases_tile_the_window_in_order(start, length, before, after):
    window = Window(start, start + timedelta(days=length), before, after)
    bounds = [b for p in rules.ALL_PHASES if (b := window.phase_bounds(p))]
    assert bounds[0][0] == window.first_day
    assert bounds[-1][1] == window.last_day
    for (_, last), (first, _) in itertools.pairwise(bounds):
        assert first == last + timedelta(days=1)


# --- rules switched on by periods --------------------------------------------------------------


def _spec(kind, phases=("before", "during", "after"), value=None):
    return rules.PeriodRuleSpec(RuleKind(kind), frozenset(Phase(p) for p in phases), value)


def test_overlapping_periods_merge_to_the_strictest_rules():
    congress = (
        Window(date(2026, 1, 19), date(2026, 1, 23), 18, 8),
        [_spec("mass_escalation", value=4), _spec("internal_limit", value=80)],
    )
    election = (
        Window(date(2026, 3, 15), date(2026, 3, 15), 70, 16),
        [_spec("mass_escalation", value=2), _spec("daily_report", ["during"])],
    )
    merged = rules.active_rules([congress, election], date(2026, 1, 20))
    assert merged.mass_escalation_hours == 2
    assert merged.internal_limit_percent == 80
    assert merged.daily_report is False  # the election's daily report is for its "during" phase only
    assert rules.active_rules([congress, election], date(2026, 3, 15)).daily_report is True
    assert not rules.active_rules([congress, election], date(2026, 6, 1)).any


def test_an_internal_limit_longer_than_the_legal_one_cannot_be_configured():
    with pytest.raises(rules.RuleError) as error:
        rules.check_rule_value(RuleKind.INTERNAL_LIMIT, 120)
    assert "không được dài hơn thời hạn luật định" in error.value.message_vi
    assert rules.check_rule_value(RuleKind.INTERNAL_LIMIT, 100) == 100
    with pytest.raises(rules.RuleError):
        rules.check_rule_value(RuleKind.MASS_ESCALATION, None)
    assert rules.check_rule_value(RuleKind.DAILY_REPORT, None) is None


# --- internal due dates ------------------------------------------------------------------------


@given(start=days, span=st.integers(min_value=-5, max_value=200), percent=st.integers(min_value=10, max_value=100))
def test_a_shortened_limit_is_never_after_the_legal_one_nor_before_the_start(start, span, percent):
    legal = start + timedelta(days=span)
    limit = rules.shortened_due(start, legal, percent)
    assert limit <= legal
    if span > 0:
        assert start <= limit
    if percent == 100:
        assert limit == legal


@given(
    start=days,
    span=st.integers(min_value=1, max_value=200),
    low=st.integers(min_value=10, max_value=100),
    high=st.integers(min_value=10, max_value=100),
)
def test_a_shorter_percentage_never_gives_a_later_date(start, span, low, high):
    low, high = sorted((low, high))
    legal = start + timedelta(days=span)
    assert rules.shortened_due(start, legal, low) <= rules.shortened_due(start, legal, high)


@given(assigned=days, legal_offset=st.integers(min_value=-30, max_value=60), internal_offset=st.integers(-30, 90))
def test_an_internal_due_date_is_allowed_exactly_when_it_lies_between_assignment_and_legal_due(
    assigned, legal_offset, internal_offset
):
    legal = assigned + timedelta(days=legal_offset)
    internal = assigned + timedelta(days=internal_offset)
    problem = rules.internal_due_problem(internal, legal_due=legal, assigned_on=assigned)
    assert (problem is None) == (assigned <= internal <= legal)


def test_the_refusal_names_both_dates():
    problem = rules.internal_due_problem(date(2026, 3, 20), legal_due=date(2026, 3, 16), assigned_on=date(2026, 3, 3))
    assert problem.message_vi == (
        "Hạn xử lý nội bộ (20/03/2026) không được muộn hơn thời hạn theo quy định của pháp luật (16/03/2026)."
    )
    assert rules.internal_due_problem(date(2026, 3, 20), legal_due=None, assigned_on=date(2026, 3, 3)) is None
    period = rules.internal_due_problem(
        date(2026, 3, 12),
        legal_due=date(2026, 3, 16),
        assigned_on=date(2026, 3, 3),
        period_limit=date(2026, 3, 10),
        period_name="Bầu cử 2026",
    )
    assert "Bầu cử 2026" in period.message_vi
    assert "10/03/2026" in period.message_vi


# --- escalation --------------------------------------------------------------------------------


@given(day=days, hour=st.integers(0, 23), hours=st.integers(min_value=1, max_value=72))
def test_the_escalation_is_due_the_set_number_of_hours_after_the_reception(day, hour, hours):
    received = datetime(day.year, day.month, day.day, hour, tzinfo=TZ)
    due = rules.escalation_due(received, hours)
    assert due - received == timedelta(hours=hours)


def test_a_naive_reception_time_is_refused():
    with pytest.raises(rules.RuleError):
        rules.escalation_due(datetime(2026, 3, 12, 9), 2)


def test_escalation_timing():
    due = datetime(2026, 3, 12, 11, tzinfo=TZ)
    assert rules.escalation_timing(due, None, due - timedelta(minutes=1)) == rules.EscalationTiming.PENDING
    assert rules.escalation_timing(due, None, due + timedelta(minutes=1)) == rules.EscalationTiming.OVERDUE
    assert rules.escalation_timing(due, due, due + timedelta(days=1)) == rules.EscalationTiming.ON_TIME
    assert rules.escalation_timing(due, due + timedelta(seconds=1), due) == rules.EscalationTiming.LATE
    assert rules.escalation_timing(None, None, due) == rules.EscalationTiming.PENDING


@given(head_count=st.integers(1, 200), threshold=st.integers(2, 20))
def test_a_group_at_or_above_the_threshold_is_a_mass_matter(head_count, threshold):
    reasons = rules.escalation_reasons(head_count=head_count, mass_threshold=threshold)
    assert (rules.EscalationReason.MASS in reasons) == (head_count >= threshold)


def test_complex_and_over_level_matters_are_escalated_too():
    reasons = rules.escalation_reasons(head_count=1, mass_threshold=5, complexity="complex", over_level=True)
    assert reasons == [rules.EscalationReason.COMPLEX, rules.EscalationReason.OVER_LEVEL]


# --- tasks and plan tasks ----------------------------------------------------------------------


def test_task_states():
    due = date(2026, 3, 16)
    assert rules.task_state(due, None, date(2026, 3, 1)) == rules.TaskState.OPEN
    assert rules.task_state(due, None, date(2026, 3, 13)) == rules.TaskState.DUE_SOON
    assert rules.task_state(due, None, date(2026, 3, 17)) == rules.TaskState.OVERDUE
    assert rules.task_state(due, date(2026, 3, 16), date(2026, 4, 1)) == rules.TaskState.DONE
    assert rules.task_state(due, date(2026, 3, 17), date(2026, 4, 1)) == rules.TaskState.DONE_LATE
    assert rules.task_state(due, None, date(2026, 4, 1), cancelled=True) == rules.TaskState.CANCELLED


@given(due=days, today=days, done=st.none() | days)
def test_a_task_is_overdue_only_when_open_and_past_its_due_date(due, today, done):
    state = rules.task_state(due, done, today)
    assert (state == rules.TaskState.OVERDUE) == (done is None and today > due)


def test_plan_task_states_say_who_is_late():
    kwargs = {"starts_on": date(2024, 12, 1), "due_on": date(2026, 3, 31), "report_every_days": 30}
    assert rules.plan_task_state(today=date(2024, 11, 20), **kwargs) == rules.PlanTaskState.NOT_STARTED
    assert rules.plan_task_state(today=date(2024, 12, 20), **kwargs) == rules.PlanTaskState.ON_TRACK
    # No report 30 days after the start: late with the report.
    assert rules.plan_task_state(today=date(2025, 1, 5), **kwargs) == rules.PlanTaskState.REPORT_MISSING
    assert (
        rules.plan_task_state(today=date(2026, 3, 1), last_report_on=date(2026, 2, 15), **kwargs)
        == rules.PlanTaskState.ON_TRACK
    )
    assert rules.plan_task_state(today=date(2026, 4, 1), last_report_on=date(2026, 3, 30), **kwargs) == (
        rules.PlanTaskState.LATE
    )
    assert (
        rules.plan_task_state(today=date(2026, 4, 1), done_on=date(2026, 3, 30), **kwargs) == rules.PlanTaskState.DONE
    )
    assert rules.plan_task_state(today=date(2026, 5, 1), done_on=date(2026, 4, 2), **kwargs) == (
        rules.PlanTaskState.DONE_LATE
    )


def test_a_task_due_before_it_is_given_or_after_the_legal_limit_is_refused():
    assert rules.task_due_problem(date(2026, 3, 1), given_on=date(2026, 3, 2)) is not None
    assert rules.task_due_problem(date(2026, 3, 20), given_on=date(2026, 3, 2), limit=date(2026, 3, 16)) is not None
    assert rules.task_due_problem(date(2026, 3, 16), given_on=date(2026, 3, 2), limit=date(2026, 3, 16)) is None


# --- dialogue (KN-DIALOG) and daily duties -----------------------------------------------------


def test_a_second_time_complaint_dialogue_needs_the_five_day_notice():
    latest = date(2026, 9, 9)  # the legal engine's answer for a dialogue on Mon 14/09/2026
    kwargs = {"dialogue_on": date(2026, 9, 14), "latest_notice_on": latest}
    assert rules.dialogue_notice_problem(notice_on=date(2026, 9, 9), mandatory=True, **kwargs) is None
    late = rules.dialogue_notice_problem(notice_on=date(2026, 9, 10), mandatory=True, **kwargs)
    assert "chậm nhất 5 ngày trước ngày đối thoại" in late.message_vi
    assert rules.dialogue_notice_problem(notice_on=None, mandatory=True, **kwargs) is not None
    assert rules.dialogue_notice_problem(notice_on=None, mandatory=False, **kwargs) is None
    after = rules.dialogue_notice_problem(notice_on=date(2026, 9, 15), mandatory=False, **kwargs)
    assert "không được sau ngày đối thoại" in after.message_vi


@given(required=st.lists(days, max_size=30), covered=st.lists(days, max_size=30))
def test_missing_days_are_the_required_days_not_covered(required, covered):
    missing = rules.missing_days(required, covered)
    assert set(missing) == set(required) - set(covered)
    assert missing == sorted(missing)
