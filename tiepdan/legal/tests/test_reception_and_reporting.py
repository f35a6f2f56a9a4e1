"""Representatives and quotas (Law 42/2013 Art 29, Art 12, 15, 18; QĐ 11 / KL 215) and report periods
(Circular 01/2024/TT-TTCP Art 7)."""

from datetime import date

import pytest

from tiepdan.legal.errors import InvalidArgument, UnknownRule
from tiepdan.legal.reception import (
    check_representatives,
    head_reception_shortfall,
    is_mass,
    required_head_reception_days,
)
from tiepdan.legal.reporting import (
    REPORT_KINDS,
    month_containing,
    quarter_containing,
    report_period,
    report_year,
)


@pytest.mark.parametrize(
    ("head_count", "representatives", "codes"),
    [
        (3, 0, []),
        (5, 0, ["missing"]),
        (5, 1, []),
        (10, 2, []),
        (10, 3, ["too_many"]),
        (11, 5, []),
        (11, 6, ["too_many"]),
        (40, 0, ["missing"]),
        (3, 4, ["more_than_group"]),
    ],
)
def test_representatives_follow_article_29(head_count, representatives, codes):
    """Law 42/2013 Art 29: 5–10 people -> 1 or 2 representatives; more than 10 -> at most 5."""
    problems = check_representatives(head_count, representatives)
    assert [p.code for p in problems] == codes
    assert all(p.message_vi and p.message_en for p in problems)


def test_representative_counts_must_be_sensible():
    with pytest.raises(InvalidArgument):
        check_representatives(0, 0)
    with pytest.raises(InvalidArgument):
        check_representatives(5, -1)


def test_mass_case_threshold_defaults_to_five_and_is_configurable():
    assert not is_mass(4)
    assert is_mass(5)
    assert not is_mass(7, threshold=10)
    with pytest.raises(InvalidArgument):
        is_mass(5, threshold=1)


@pytest.mark.parametrize(
    ("rule_id", "days", "per"),
    [
        ("TCD-HEAD-1", 1, "month"),  # Law 42/2013 Art 18(2)
        ("TCD-HEAD-2", 1, "month"),  # Law 42/2013 Art 12(5)
        ("TCD-HEAD-3", 1, "week"),  # Law 42/2013 Art 15
        ("PARTY-1", 1, "month"),  # QĐ 11-QĐi/TW as amended by KL 215-KL/TW
        ("PARTY-2", 2, "month"),  # QĐ 11-QĐi/TW as amended by KL 215-KL/TW
    ],
)
def test_head_reception_quotas(rule_id, days, per):
    quota = required_head_reception_days(rule_id)
    assert (quota.days, quota.per) == (days, per)
    assert quota.source
    assert quota.holder_vi


def test_quota_shortfall_and_errors():
    assert head_reception_shortfall("PARTY-2", 1) == 1
    assert head_reception_shortfall("PARTY-2", 3) == 0
    with pytest.raises(InvalidArgument):
        required_head_reception_days("TC-T")
    with pytest.raises(UnknownRule):
        required_head_reception_days("XX-1")


@pytest.mark.parametrize(
    ("kind", "start", "end"),
    [
        ("Q1", date(2025, 12, 15), date(2026, 3, 14)),
        ("Q2", date(2026, 3, 15), date(2026, 6, 14)),
        ("Q3", date(2026, 6, 15), date(2026, 9, 14)),
        ("Q4", date(2026, 9, 15), date(2026, 12, 14)),
        ("6M", date(2025, 12, 15), date(2026, 6, 14)),
        ("9M", date(2025, 12, 15), date(2026, 9, 14)),
        ("Y", date(2025, 12, 15), date(2026, 12, 14)),
    ],
)
def test_report_periods_follow_circular_01_2024_article_7(kind, start, end):
    assert report_period(kind, 2026) == (start, end)


def test_monthly_period_is_15th_to_14th_by_default_and_configurable():
    assert report_period("month", 2026, 1) == (date(2025, 12, 15), date(2026, 1, 14))
    assert report_period("month", 2026, 3) == (date(2026, 2, 15), date(2026, 3, 14))
    assert report_period("month", 2026, 3, month_cutoff_day=20) == (date(2026, 2, 21), date(2026, 3, 20))


@pytest.mark.parametrize(
    ("kind", "year", "month"),
    [("H1", 2026, None), ("month", 2026, None), ("month", 2026, 13), ("Q1", 2026, 3)],
)
def test_invalid_report_requests_are_refused(kind, year, month):
    with pytest.raises(InvalidArgument):
        report_period(kind, year, month)


def test_quarters_tile_the_report_year_without_gaps():
    starts = [report_period(q, 2026)[0] for q in ("Q1", "Q2", "Q3", "Q4")]
    ends = [report_period(q, 2026)[1] for q in ("Q1", "Q2", "Q3", "Q4")]
    assert all((b - a).days == 1 for a, b in zip(ends, starts[1:], strict=False))
    assert (starts[0], ends[-1]) == report_period("Y", 2026)


def test_the_period_containing_a_day():
    assert report_year(date(2025, 12, 20)) == 2026
    assert report_year(date(2025, 12, 14)) == 2025
    assert quarter_containing(date(2025, 12, 20)) == (2026, "Q1")
    assert quarter_containing(date(2026, 6, 15)) == (2026, "Q3")
    assert month_containing(date(2026, 1, 16)) == (2026, 2)
    assert month_containing(date(2026, 12, 31)) == (2027, 1)


def test_narrative_reports_are_q1_6m_9m_and_year():
    assert sorted(k for k, v in REPORT_KINDS.items() if v.narrative) == ["6M", "9M", "Q1", "Y"]
