"""Deadlines: one hand-computed date per rule (citing its article), the counting rules, properties."""

from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tiepdan.legal.calendar import build_calendar
from tiepdan.legal.deadline import Suspension, compute_deadline
from tiepdan.legal.errors import (
    InvalidArgument,
    LegalError,
    NoTimeLimit,
    TooManyExtensions,
    UnknownRule,
    UnknownVariant,
)
from tiepdan.legal.rules import RULES, Direction, Unit

CAL = build_calendar()
D = date


def case(rule_id, start, due, citation, variant=None):
    """(rule, start, variant, hand-computed due), with the article in the test id."""
    return pytest.param(
        rule_id, D.fromisoformat(start), variant, D.fromisoformat(due), id=f"{rule_id} {citation}"
    )


# The dates were counted by hand on a paper calendar of 2025–2027 with the official days off of
# domain.md §10; each case cites its article.
HAND_COMPUTED = [
    case("TCD-REFUSE-NOTICE", "2026-07-02", "2026-07-07", "ND154 Art 4(3)"),
    case("TCD-ANSWER-10", "2026-02-09", "2026-03-02", "Law 42/2013 Art 28(1)"),
    case("TCD-FWD-RESULT", "2026-04-29", "2026-05-12", "Law 42 Art 27(2)"),
    case("TCD-INFORM-CIT", "2025-12-31", "2026-01-08", "Law 42 Art 28(2)"),
    case("TCD-ONLINE-1", "2026-09-07", "2026-08-26", "ND154 Art 23 back-Tết"),
    case("TCD-ONLINE-1", "2026-08-25", "2026-08-19", "ND154 Art 23 Sat 22/08"),
    case("TCD-ONLINE-2", "2026-09-07", "2026-09-04", "ND154 Art 24"),
    case("XLD-TIME", "2026-04-24", "2026-05-13", "TT 05/2021"),
    case("PAKN-ANSWER", "2026-01-05", "2026-01-26", "default 15 WD (no law)"),
    case("KN-LIM", "2026-01-01", "2026-04-01", "Law 02/2011 Art 9"),
    case("KN-ACCEPT-A", "2026-06-30", "2026-07-14", "Law 02/2011 Art 27"),
    case("KN-ACCEPT-B", "2026-07-01", "2026-07-10", "ND155 Art 10"),
    case("KN-T1", "2026-07-01", "2026-07-31", "Law 02/2011 Art 28"),
    case("KN-T1", "2026-07-01", "2026-08-17", "Art 28 complex 45", "complex"),
    case("KN-T1", "2026-07-01", "2026-08-17", "Art 28 remote 45", "remote"),
    case("KN-T1", "2026-07-01", "2026-09-03", "Art 28 remote complex 60", "remote-complex"),
    case("KN-SEND-1", "2026-04-24", "2026-05-04", "Law 02/2011 Art 32"),
    case("KN-2ND-WINDOW", "2026-01-20", "2026-02-23", "Law 02/2011 Art 33"),
    case("KN-2ND-WINDOW", "2026-01-20", "2026-03-06", "Art 33 remote", "remote"),
    case("KN-T2", "2026-06-01", "2026-07-16", "Law 02/2011 Art 37"),
    case("KN-T2", "2026-06-01", "2026-07-31", "Art 37 complex 60", "complex"),
    case("KN-T2", "2026-06-01", "2026-07-31", "Art 37 remote 60", "remote"),
    case("KN-T2", "2026-06-01", "2026-08-10", "Art 37 remote complex 70", "remote-complex"),
    case("KN-SEND-2", "2026-04-24", "2026-05-04", "Law 02/2011 Art 41(1)"),
    case("KN-EFFECT-1", "2026-12-01", "2026-12-31", "Law 02/2011 Art 44(1)"),
    case("KN-EFFECT-1", "2026-12-01", "2027-01-15", "Art 44(1) remote", "remote"),
    case("KN-EFFECT-2", "2026-09-02", "2026-10-02", "Law 02/2011 Art 44(2)"),
    case("KN-EFFECT-2", "2026-09-02", "2026-10-19", "Art 44(2) remote", "remote"),
    case("KN-DIALOG", "2026-09-10", "2026-09-04", "ND155 Art 11 back to Fri"),
    case("KN-DIALOG", "2026-07-08", "2026-07-03", "ND155 Art 11"),
    case("KN-SUSP-SEND", "2026-08-28", "2026-09-07", "ND155 Art 28b"),
    case("KN-NONACC-8", "2026-11-02", "2026-12-02", "Law 02/2011 Art 11(8)"),
    case("KN-DISC-LIM1", "2026-01-19", "2026-02-03", "Law 02/2011 Art 48"),
    case("KN-DISC-LIM2", "2026-02-05", "2026-02-23", "Law 02/2011 Art 48"),
    case("KN-DISC-LIM2", "2026-02-05", "2026-03-09", "Art 48 dismissal 30", "forced-dismissal"),
    case("KN-DISC-T", "2026-01-16", "2026-02-23", "Law 02/2011 Art 50"),
    case("KN-DISC-T", "2026-01-16", "2026-03-02", "Art 50 complex 45", "complex"),
    case("TC-INIT", "2026-02-11", "2026-02-27", "Law 25/2018 Art 24(1)"),
    case("TC-INIT", "2026-02-11", "2026-03-04", "Art 24(1) multi-site 10", "multi-site"),
    case("TC-INIT", "2025-01-24", "2025-02-11", "Art 24(1) Tết 2025"),
    case("TC-FWD", "2026-03-02", "2026-03-09", "Law 25/2018 Art 24(2)"),
    case("TC-FWD", "2025-04-24", "2025-05-05", "Art 24(2) Sat 26/04/2025"),
    case("TC-NOTIFY-ACC", "2026-04-22", "2026-05-04", "Law 25/2018 Art 29(3)"),
    case("TC-T", "2026-03-02", "2026-04-01", "Law 25/2018 Art 30"),
    case("TC-CONCL-SEND", "2026-08-28", "2026-09-09", "Law 25/2018 Art 35(3)"),
    case("TC-HANDLE", "2026-08-19", "2026-08-27", "Law 25/2018 Art 36(1)"),
    case("TC-PUBLIC", "2026-01-05", "2026-01-14", "Law 25/2018 Art 40(1)"),
    case("TC-OVERDUE-REQ", "2025-12-29", "2026-01-06", "Law 25/2018 Art 38"),
    case("TC-REDO", "2026-01-16", "2026-02-05", "Law 25/2018 Art 37(2)"),
]


@pytest.mark.parametrize(("rule_id", "start", "variant", "due"), HAND_COMPUTED)
def test_hand_computed_due_date_for_each_rule(rule_id, start, variant, due):
    """Each case names its article in its id (Law 42/2013, Law 02/2011, Law 25/2018, ND154, ND155, TT05)."""
    assert compute_deadline(rule_id, start, calendar=CAL, variant=variant).due == due


def test_hand_computed_table_covers_every_rule_and_variant_with_a_length():
    covered = {(p.values[0], p.values[2]) for p in HAND_COMPUTED}
    for rule in RULES:
        if rule.days is None:
            continue
        assert (rule.id, None) in covered, rule.id
        for variant in rule.variants:
            if rule.id != "TC-T":  # TC-T variants only change the extension count, tested below
                assert (rule.id, variant) in covered, (rule.id, variant)


def test_denunciation_received_wednesday_before_tet_is_due_friday_27_02():
    """Law 25/2018 Art 24(1): 7 working days from Wed 11/02/2026 skip the whole Tết break."""
    deadline = compute_deadline("TC-INIT", D(2026, 2, 11), calendar=CAL)
    assert deadline.due == D(2026, 2, 27)
    assert deadline.unit == Unit.WORKING_DAYS
    skipped = [s.date for s in deadline.explanation if s.kind == "skip"]
    assert D(2026, 2, 16) in skipped
    assert D(2026, 2, 20) in skipped


def test_30_day_period_ending_inside_tet_rolls_to_monday_23_02():
    """Civil Code 2015 Art 148(5): 16/01/2026 + 30 = Sun 15/02, inside Tết, so Mon 23/02/2026."""
    deadline = compute_deadline("KN-DISC-T", D(2026, 1, 16), calendar=CAL)
    assert deadline.period_end == D(2026, 2, 15)
    assert deadline.due == D(2026, 2, 23)
    roll = [s for s in deadline.explanation if s.kind == "roll_over"]
    assert len(roll) == 1
    assert "15/02/2026: Chủ nhật – Nghỉ Tết Nguyên đán" in roll[0].text_vi
    assert "15/02/2026: Sunday" in roll[0].text_en
    assert deadline.summary_vi().startswith("Hạn 23/02/2026 vì ")
    assert deadline.summary_en().startswith("Due 23/02/2026 because ")


def test_make_up_saturday_22_08_2026_counts_as_a_working_day():
    """Law 25/2018 Art 36(1), 7 working days from Wed 19/08/2026: Sat 22/08 is the 3rd."""
    deadline = compute_deadline("TC-HANDLE", D(2026, 8, 19), calendar=CAL)
    assert deadline.due == D(2026, 8, 27)
    assert any(s.date == D(2026, 8, 22) and "được tính" in s.text_vi for s in deadline.explanation)
    # 5 working days from Fri 21/08: Sat 22, Mon 24, Tue 25, Wed 26, Thu 27 (Fri 28 without the make-up day)
    assert compute_deadline("TC-FWD", D(2026, 8, 21), calendar=CAL).due == D(2026, 8, 27)


def test_24_11_2026_is_counted_as_a_working_day():
    """One working day after Mon 23/11/2026 is Tue 24/11 (Vietnam Culture Day is not yet a holiday)."""
    assert compute_deadline("TC-PUBLIC", D(2026, 11, 23), calendar=CAL).due == D(2026, 12, 2)
    assert compute_deadline("PAKN-ANSWER", D(2026, 11, 23), calendar=CAL, days_override=1).due == D(
        2026, 11, 24
    )


def test_tc_t_complex_with_one_extension_is_due_04_05_2026():
    """Law 25/2018 Art 30 + Decree 31/2019 Art 3: 02/03 + 30 + 30 = Fri 01/05 (holiday) -> Mon 04/05."""
    deadline = compute_deadline("TC-T", D(2026, 3, 2), calendar=CAL, variant="complex", extensions=1)
    assert (deadline.due, deadline.days, deadline.period_end) == (D(2026, 5, 4), 60, D(2026, 5, 1))
    steps = [s.kind for s in deadline.explanation]
    assert steps == ["rule", "start", "count", "extension", "roll_over", "due"]


def test_tc_t_without_variant_allows_two_extensions_and_says_a_written_determination_is_needed():
    deadline = compute_deadline("TC-T", D(2026, 3, 2), calendar=CAL, extensions=2)
    assert deadline.days == 90
    assert deadline.period_end == D(2026, 5, 31)
    assert deadline.due == D(2026, 6, 1)  # Sun 31/05 -> Mon 01/06
    assert any("văn bản xác định" in s.text_vi for s in deadline.explanation if s.kind == "extension")
    assert compute_deadline("TC-T", D(2026, 3, 2), calendar=CAL, extensions=1).due == D(2026, 5, 4)


@pytest.mark.parametrize(
    ("rule_id", "variant", "extensions"),
    [("TC-T", None, 3), ("TC-T", "complex", 2), ("TC-T", "especially-complex", 3), ("KN-T1", None, 1)],
)
def test_too_many_extensions_are_refused(rule_id, variant, extensions):
    with pytest.raises(TooManyExtensions) as err:
        compute_deadline(rule_id, D(2026, 3, 2), calendar=CAL, variant=variant, extensions=extensions)
    assert rule_id in err.value.message_vi
    assert rule_id in err.value.message_en


def test_especially_complex_allows_two_extensions():
    deadline = compute_deadline(
        "TC-T", D(2026, 3, 2), calendar=CAL, variant="especially-complex", extensions=2
    )
    assert (deadline.days, deadline.due) == (90, D(2026, 6, 1))


def test_negative_extensions_are_invalid():
    with pytest.raises(InvalidArgument):
        compute_deadline("TC-T", D(2026, 3, 2), calendar=CAL, extensions=-1)


def test_a_variant_the_rule_does_not_have_is_refused():
    with pytest.raises(UnknownVariant) as err:
        compute_deadline("TC-T", D(2026, 3, 2), calendar=CAL, variant="remote")
    assert "complex, especially-complex" in err.value.message_en
    with pytest.raises(UnknownVariant):
        compute_deadline("TC-FWD", D(2026, 3, 2), calendar=CAL, variant="complex")


@pytest.mark.parametrize(
    "rule_id", ["TC-WITHDRAW", "TC-CONFID", "XLD-TC-ONCE", "TCD-REP", "MASS-FLAG", "RPT-Q1"]
)
def test_rules_without_a_time_limit_raise_no_time_limit(rule_id):
    with pytest.raises(NoTimeLimit) as err:
        compute_deadline(rule_id, D(2026, 3, 2), calendar=CAL)
    assert rule_id in err.value.message_vi


def test_unknown_rule_and_rule_not_in_force():
    with pytest.raises(UnknownRule):
        compute_deadline("XX-1", D(2026, 3, 2), calendar=CAL)
    with pytest.raises(UnknownRule):
        compute_deadline("TCD-REFUSE-NOTICE", D(2026, 6, 30), calendar=CAL)  # regime B only


def test_kn_accept_on_30_06_is_regime_a_and_on_01_07_is_regime_b():
    """Law 02/2011 Art 27 (10, counted as working days) vs Decree 155/2026 Art 10 (7 working days)."""
    a = compute_deadline("KN-ACCEPT", D(2026, 6, 30), calendar=CAL)
    b = compute_deadline("KN-ACCEPT", D(2026, 7, 1), calendar=CAL)
    assert (a.rule_id, a.days, a.unit, a.due) == ("KN-ACCEPT-A", 10, Unit.WORKING_DAYS, D(2026, 7, 14))
    assert (b.rule_id, b.days, b.unit, b.due) == ("KN-ACCEPT-B", 7, Unit.WORKING_DAYS, D(2026, 7, 10))
    assert "10 ngày" in a.explanation[0].text_vi  # the law's wording is in the explanation


def test_configured_length_only_for_configurable_rules():
    """PAKN-ANSWER has no statutory limit (domain.md §5): 20 working days from Mon 05/01/2026."""
    deadline = compute_deadline("PAKN-ANSWER", D(2026, 1, 5), calendar=CAL, days_override=20)
    assert (deadline.due, deadline.days) == (D(2026, 2, 2), 20)
    with pytest.raises(InvalidArgument):
        compute_deadline("TC-T", D(2026, 3, 2), calendar=CAL, days_override=45)
    with pytest.raises(InvalidArgument):
        compute_deadline("PAKN-ANSWER", D(2026, 1, 5), calendar=CAL, days_override=0)


def test_closed_suspension_excludes_days_up_to_the_continuation_decision():
    """Law 25/2018 Art 34(2): suspended 10/03, continued 20/03: 11/03–20/03 not counted."""
    deadline = compute_deadline(
        "TC-T", D(2026, 3, 2), calendar=CAL, suspensions=[Suspension(D(2026, 3, 10), D(2026, 3, 20))]
    )
    assert deadline.excluded_days == 10
    assert deadline.period_end == D(2026, 4, 11)  # 01/04 + 10
    assert deadline.due == D(2026, 4, 13)  # Sat 11/04 -> Mon 13/04
    step = next(s for s in deadline.explanation if s.kind == "suspension")
    assert "Điều 34 khoản 2" in step.text_vi
    assert "21/03/2026" in step.text_vi


def test_open_suspension_leaves_the_due_date_undecided():
    deadline = compute_deadline("TC-T", D(2026, 3, 2), calendar=CAL, suspensions=[Suspension(D(2026, 3, 10))])
    assert deadline.due is None
    assert deadline.days_remaining == 22  # 03/03–10/03 counted: 8 of 30
    assert deadline.as_json()["due"] is None
    assert deadline.explanation[-1].kind == "due"
    assert "tạm đình chỉ" in deadline.summary_vi()


def test_suspension_after_the_period_ended_changes_nothing():
    plain = compute_deadline("TC-T", D(2026, 3, 2), calendar=CAL)
    late = compute_deadline(
        "TC-T", D(2026, 3, 2), calendar=CAL, suspensions=[Suspension(D(2026, 4, 10), D(2026, 4, 20))]
    )
    assert late.due == plain.due
    assert late.excluded_days == 0


@pytest.mark.parametrize(
    "suspensions",
    [
        [Suspension(D(2026, 3, 1), D(2026, 3, 5))],  # before the start
        [Suspension(D(2026, 3, 10), D(2026, 3, 9))],  # continuation before suspension
        [Suspension(D(2026, 3, 10), D(2026, 3, 20)), Suspension(D(2026, 3, 15), D(2026, 3, 25))],  # overlap
        [Suspension(D(2026, 3, 10)), Suspension(D(2026, 3, 15), D(2026, 3, 25))],  # after an open one
    ],
)
def test_invalid_suspensions_are_refused(suspensions):
    with pytest.raises(InvalidArgument) as err:
        compute_deadline("TC-T", D(2026, 3, 2), calendar=CAL, suspensions=suspensions)
    assert err.value.message_vi
    assert err.value.message_en


def test_backward_rules_take_no_suspension_nor_extension():
    with pytest.raises(InvalidArgument):
        compute_deadline("KN-DIALOG", D(2026, 9, 10), calendar=CAL, suspensions=[Suspension(D(2026, 9, 11))])
    with pytest.raises(TooManyExtensions):
        compute_deadline("KN-DIALOG", D(2026, 9, 10), calendar=CAL, extensions=1)


def test_as_json_has_exactly_the_contract_keys():
    data = compute_deadline("TC-INIT", D(2026, 2, 11), calendar=CAL).as_json()
    assert list(data) == ["rule", "start", "due", "unit", "days", "source", "explanation"]
    assert data["start"] == "2026-02-11"
    assert data["due"] == "2026-02-27"
    assert data["unit"] == "working_days"
    assert set(data["explanation"][0]) == {"step", "date", "text", "text_en"}


def test_explanations_are_bilingual_with_vietnamese_dates():
    deadline = compute_deadline("TC-T", D(2026, 3, 2), calendar=CAL, variant="complex", extensions=1)
    for step in deadline.explanation:
        assert step.text_vi
        assert step.text_en
        assert step.text_vi != step.text_en
    assert "04/05/2026" in deadline.summary_vi()
    assert "Luật Tố cáo 2018, Điều 30" in deadline.summary_vi()
    assert "Law on Denunciation 2018, Art 30" in deadline.summary_en()


def test_a_datetime_start_is_refused():
    from datetime import datetime

    with pytest.raises(InvalidArgument):
        compute_deadline("TC-T", datetime(2026, 3, 2, 9, 0), calendar=CAL)


def test_a_deadline_running_past_the_calendar_is_a_legal_error():
    with pytest.raises(LegalError):
        compute_deadline("KN-LIM", D(2030, 12, 1), calendar=CAL)


# --- properties ---------------------------------------------------------------------------------------

FORWARD = [r for r in RULES if r.days is not None and r.direction == Direction.FORWARD]
FIRST, LAST = D(2024, 1, 1), D(2030, 6, 30)


def _window(rule):
    return max(FIRST, rule.valid_from or FIRST), min(LAST, rule.valid_to or LAST)


@st.composite
def forward_case(draw, unit=None):
    rules = [r for r in FORWARD if unit is None or r.unit == unit]
    rule = draw(st.sampled_from(rules))
    first, last = _window(rule)
    start = draw(st.dates(min_value=first, max_value=last))
    variant = draw(st.sampled_from([None, *rule.variants]))
    return rule, start, variant


@given(forward_case())
def test_due_is_never_before_start(case):
    rule, start, variant = case
    assert compute_deadline(rule.id, start, calendar=CAL, variant=variant).due > start


@given(forward_case(unit=Unit.WORKING_DAYS))
def test_working_day_results_are_working_days(case):
    rule, start, variant = case
    assert CAL.is_working_day(compute_deadline(rule.id, start, calendar=CAL, variant=variant).due)


@given(forward_case(unit=Unit.CALENDAR_DAYS))
def test_calendar_day_results_are_working_days(case):
    rule, start, variant = case
    deadline = compute_deadline(rule.id, start, calendar=CAL, variant=variant)
    assert CAL.is_working_day(deadline.due)
    assert deadline.period_end == start + timedelta(days=deadline.days)


@given(forward_case(), st.integers(min_value=1, max_value=40))
def test_a_later_start_never_gives_an_earlier_due_date(case, shift):
    rule, start, variant = case
    later = start + timedelta(days=shift)
    assume(later <= _window(rule)[1])
    first = compute_deadline(rule.id, start, calendar=CAL, variant=variant).due
    second = compute_deadline(rule.id, later, calendar=CAL, variant=variant).due
    assert second >= first


@given(st.dates(min_value=FIRST, max_value=LAST), st.integers(min_value=1, max_value=2))
def test_each_extension_adds_exactly_its_length_before_roll_over(start, extensions):
    base = compute_deadline("TC-T", start, calendar=CAL)
    extended = compute_deadline("TC-T", start, calendar=CAL, extensions=extensions)
    assert extended.period_end - base.period_end == timedelta(days=30 * extensions)
    assert extended.days == 30 + 30 * extensions
    assert extended.due == CAL.roll_forward(extended.period_end)


@settings(max_examples=60)
@given(st.dates(min_value=FIRST, max_value=LAST), st.data())
def test_suspended_calendar_days_shift_the_period_end_exactly(start, data):
    plain = compute_deadline("TC-T", start, calendar=CAL)
    suspended_on = start + timedelta(days=data.draw(st.integers(min_value=0, max_value=29)))
    continued_on = suspended_on + timedelta(days=data.draw(st.integers(min_value=0, max_value=60)))
    deadline = compute_deadline(
        "TC-T", start, calendar=CAL, suspensions=[Suspension(suspended_on, continued_on)]
    )
    suspended = (continued_on - suspended_on).days
    assert deadline.period_end == plain.period_end + timedelta(days=suspended)
    assert deadline.excluded_days == suspended


@settings(max_examples=60)
@given(st.dates(min_value=FIRST, max_value=LAST), st.data())
def test_suspended_working_days_are_never_counted(start, data):
    suspended_on = start + timedelta(days=data.draw(st.integers(min_value=0, max_value=9)))
    continued_on = suspended_on + timedelta(days=data.draw(st.integers(min_value=0, max_value=30)))
    deadline = compute_deadline(
        "TCD-ANSWER-10", start, calendar=CAL, suspensions=[Suspension(suspended_on, continued_on)]
    )
    counted, day = 0, start
    while day < deadline.due:
        day += timedelta(days=1)
        if CAL.is_working_day(day) and not suspended_on < day <= continued_on:
            counted += 1
    assert counted == 10
    assert CAL.is_working_day(deadline.due)
    assert not suspended_on < deadline.due <= continued_on


@given(st.dates(min_value=D(2026, 7, 1), max_value=LAST), st.sampled_from(["KN-DIALOG", "TCD-ONLINE-1"]))
def test_backward_rules_leave_at_least_n_days_before_the_event(event, rule_id):
    deadline = compute_deadline(rule_id, event, calendar=CAL)
    assert CAL.is_working_day(deadline.due)
    if deadline.unit == Unit.CALENDAR_DAYS:
        assert deadline.due <= event - timedelta(days=5)
    else:
        between = [
            event - timedelta(days=i)
            for i in range(1, (event - deadline.due).days)
            if CAL.is_working_day(event - timedelta(days=i))
        ]
        assert len(between) == 4  # the notice day itself is the 5th working day before the event
