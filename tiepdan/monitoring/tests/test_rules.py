"""Pure rules: explainable risk, build-up detection (issue 7 acceptance: a known spike is detected and a
flat history raises nothing), the register's transitions. No database."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiepdan.monitoring import rules
from tiepdan.monitoring.rules import (
    DEFAULT_RISK,
    DEFAULT_SPIKE,
    Factor,
    HotSpotStatus,
    Level,
    Signals,
    SpikeConfig,
    detect_spike,
    detect_spike_in_series,
    poisson_upper_tail,
    risk_config_from,
    score_risk,
    should_raise_again,
)

WINDOW = DEFAULT_SPIKE.window_days
BASELINE = DEFAULT_SPIKE.baseline_days

# --- the acceptance test ------------------------------------------------------------------


def test_a_synthetic_history_with_a_known_spike_is_detected():
    # 12 weeks of about one contact a week, then a build-up: 1, 2, 3 ... contacts a day in the window.
    baseline = [1 if day % 7 == 2 else 0 for day in range(BASELINE)]
    build_up = [0, 1, 0, 1, 1, 0, 0, 1, 2, 1, 2, 0, 0, 3]
    spike = detect_spike_in_series(baseline + build_up)
    assert spike is not None
    assert spike.observed == 12
    assert spike.expected == pytest.approx((12 + 1) / BASELINE * WINDOW)
    assert spike.ratio > 5
    assert spike.p_value < 1e-4
    assert spike.rising


@given(level=st.integers(min_value=0, max_value=50), days=st.integers(min_value=WINDOW + 1, max_value=200))
def test_a_flat_history_raises_nothing(level, days):
    assert detect_spike_in_series([level] * days) is None


@given(
    baseline=st.lists(st.integers(min_value=0, max_value=6), min_size=BASELINE, max_size=BASELINE),
    extra=st.lists(st.integers(min_value=0, max_value=8), min_size=WINDOW, max_size=WINDOW),
)
def test_any_history_with_a_large_enough_spike_added_is_detected(baseline, extra):
    # The window repeats the baseline's last two weeks, plus a spike of at least three times what was
    # expected and ten more contacts: the test must see it whatever the baseline looked like.
    expected = rules.expected_in_window(sum(baseline), BASELINE, WINDOW)
    window = [baseline[-WINDOW + i] + extra[i] for i in range(WINDOW)]
    needed = math.ceil(3 * expected) + 10 - sum(window)
    if needed > 0:
        window[-1] += needed
    assert detect_spike(window, sum(baseline)) is not None


@given(
    baseline=st.lists(st.integers(min_value=0, max_value=4), min_size=BASELINE, max_size=BASELINE),
    window=st.lists(st.integers(min_value=0, max_value=6), min_size=WINDOW, max_size=WINDOW),
    day=st.integers(min_value=0, max_value=WINDOW - 1),
)
def test_more_contacts_in_the_window_never_hide_a_spike(baseline, window, day):
    before = detect_spike(window, sum(baseline))
    more = list(window)
    more[day] += 1
    after = detect_spike(more, sum(baseline))
    assert before is None or after is not None


@pytest.mark.parametrize("level", [0.05, 0.2, 0.5, 1.0, 2.0, 4.0])
def test_steady_random_counts_rarely_raise_an_alarm(level):
    # Poisson counts at a constant rate, one independent check per series: at p < 0.01 and twice the
    # expected count, false alarms on steady subjects must stay rare (at most 2 in 100 checks).
    import random

    rng = random.Random(2026)

    def poisson(mean):
        threshold, k, p = math.exp(-mean), 0, 1.0
        while True:
            p *= rng.random()
            if p <= threshold:
                return k
            k += 1

    alarms = sum(
        detect_spike_in_series([poisson(level) for _ in range(BASELINE + WINDOW)]) is not None for _ in range(300)
    )
    assert alarms <= 6


def test_few_contacts_are_never_a_hot_spot_however_new_the_subject():
    assert detect_spike([0] * 10 + [1, 1, 1, 1], 0) is None  # 4 < min_contacts
    assert detect_spike([0] * 9 + [1, 1, 1, 1, 1], 0) is not None


def test_the_spike_test_refuses_negative_counts():
    with pytest.raises(ValueError, match="negative"):
        detect_spike([-1] * WINDOW, 0)


@pytest.mark.parametrize(("k", "mean", "expected"), [(0, 2.0, 1.0), (1, 2.0, 1 - math.exp(-2)), (3, 0.0, 0.0)])
def test_poisson_upper_tail_matches_the_closed_form(k, mean, expected):
    assert poisson_upper_tail(k, mean) == pytest.approx(expected)


@given(k=st.integers(min_value=0, max_value=300), mean=st.floats(min_value=0.01, max_value=200))
def test_poisson_upper_tail_is_a_probability_and_falls_with_k(k, mean):
    p = poisson_upper_tail(k, mean)
    assert 0.0 <= p <= 1.0
    assert poisson_upper_tail(k + 1, mean) <= p + 1e-12


def test_spike_settings_are_checked():
    with pytest.raises(ValueError, match="at least 1"):
        SpikeConfig(window_days=0)
    with pytest.raises(ValueError, match="unknown"):
        rules.spike_config_from({"window": 7})
    assert rules.spike_config_from({"min_contacts": 8}).min_contacts == 8


# --- risk -----------------------------------------------------------------------------------------


def test_a_score_is_the_sum_of_its_named_factors_and_each_share_is_shown():
    risk = score_risk(Signals(people=10, repeat=5, over_level=0, sensitive=1.0, days_to_event=0))
    assert [c.factor for c in risk.contributions] == list(Factor)
    points = {c.factor: c.points for c in risk.contributions}
    assert points[Factor.PEOPLE] == 10  # 10 of 20 people → half of 20 points
    assert points[Factor.REPEAT] == 15
    assert points[Factor.SENSITIVE] == 10
    assert points[Factor.EVENT] == 10  # inside an event period
    assert risk.score == 45
    assert risk.level == Level.MEDIUM
    assert sum(c.share for c in risk.contributions) == pytest.approx(1.0)
    assert risk.top[0].factor in {Factor.REPEAT}


@given(
    people=st.integers(min_value=0, max_value=500),
    repeat=st.integers(min_value=0, max_value=50),
    over=st.integers(min_value=0, max_value=50),
    overdue=st.integers(min_value=0, max_value=50),
    sensitive=st.floats(min_value=0, max_value=1),
    escalation=st.integers(min_value=0, max_value=20),
    days=st.one_of(st.none(), st.integers(min_value=0, max_value=400)),
    negative=st.integers(min_value=0, max_value=20),
)
def test_scores_stay_between_0_and_100_and_more_never_lowers_them(
    people, repeat, over, overdue, sensitive, escalation, days, negative
):
    signals = Signals(people, repeat, over, overdue, sensitive, escalation, days, negative)
    risk = score_risk(signals)
    assert 0 <= risk.score <= 100
    more = score_risk(Signals(people + 1, repeat + 1, over, overdue, sensitive, escalation, days, negative))
    assert more.score >= risk.score


def test_the_event_factor_grows_as_the_event_comes_near():
    far, near, inside, none = (
        score_risk(Signals(days_to_event=d)).score for d in (90, 30, 0, None)
    )
    assert far == 0
    assert none == 0
    assert 0 < near < inside == 10


def test_weights_and_thresholds_are_settings():
    config = risk_config_from({"weights": {"people": 40}, "full_at": {"people": 10}, "high_at": 50})
    risk = score_risk(Signals(people=10), config)
    assert risk.score == 40
    assert config.total_weight == 120
    with pytest.raises(ValueError, match="people"):
        risk_config_from({"weights": {"peopel": 1}})  # a typo must not pass silently
    with pytest.raises(ValueError, match="medium_at"):
        risk_config_from({"medium_at": 70, "high_at": 60})
    assert risk_config_from(None) is DEFAULT_RISK


# --- the register -----------------------------------------------------------------------------------


def test_a_dismissal_is_final_and_a_resolution_can_be_reopened():
    assert rules.can_move(HotSpotStatus.NEW, HotSpotStatus.DISMISSED)
    assert not rules.can_move(HotSpotStatus.DISMISSED, HotSpotStatus.HANDLING)
    assert rules.can_move(HotSpotStatus.RESOLVED, HotSpotStatus.HANDLING)
    assert not rules.can_move(HotSpotStatus.HANDLING, HotSpotStatus.NEW)


def test_a_dismissed_false_alarm_comes_back_only_when_it_doubles():
    args = {"days_since_closed": 60, "observed_then": 6, "window_days": 14}
    assert not should_raise_again(closed_status="dismissed", observed_now=11, **args)
    assert should_raise_again(closed_status="dismissed", observed_now=12, **args)
    assert should_raise_again(closed_status="resolved", observed_now=6, **args)
    assert not should_raise_again(
        closed_status="resolved", observed_now=6, days_since_closed=3, observed_then=6, window_days=14
    )
