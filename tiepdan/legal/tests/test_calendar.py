"""The working calendar: official table, holidays library, administrator edits, replacement files."""

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiepdan.legal.calendar import (
    CalendarEntry,
    build_calendar,
    calendar_from_holidays_file,
    shipped_entries,
    shipped_years,
)
from tiepdan.legal.errors import CalendarConflict, CalendarDataError, CalendarRangeError, LegalError

CAL = build_calendar()


def _weekdays_off(calendar, year):
    return [d for d, _ in calendar.non_working_days(year) if d.weekday() < 5]


def test_2026_weekdays_off_match_the_official_notice_9441():
    """domain.md §10: 01/01; 16–20/02; 27/04; 30/04; 01/05; 31/08; 01/09; 02/09 (Notice 9441/TB-BNV)."""
    expected = [
        date(2026, 1, 1),
        *(date(2026, 2, d) for d in range(16, 21)),
        date(2026, 4, 27),
        date(2026, 4, 30),
        date(2026, 5, 1),
        date(2026, 8, 31),
        date(2026, 9, 1),
        date(2026, 9, 2),
    ]
    assert _weekdays_off(CAL, 2026) == expected


def test_saturday_22_08_2026_is_a_make_up_working_day():
    assert CAL.is_working_day(date(2026, 8, 22))
    assert "Làm việc bù" in CAL.reason(date(2026, 8, 22))
    assert (date(2026, 8, 22), CAL.reason(date(2026, 8, 22))) in CAL.non_working_days(2026)


def test_24_11_2026_vietnam_culture_day_is_still_a_working_day():
    """Not yet law (domain.md §10) although the holidays library lists it."""
    assert CAL.is_working_day(date(2026, 11, 24))
    assert CAL.reason(date(2026, 11, 24)) is None


def test_culture_day_is_dropped_from_library_years_too():
    assert CAL.is_working_day(date(2028, 11, 24))  # a Friday, from the holidays library
    assert CAL.is_working_day(date(2029, 11, 26))  # the library's "observed" day for a Saturday 24/11


def test_reason_names_the_tet_break_for_a_weekend_inside_it():
    reason = CAL.reason(date(2026, 2, 15))
    assert reason.startswith("Chủ nhật")
    assert "Nghỉ Tết Nguyên đán" in reason
    assert "Sunday" in CAL.reason_en(date(2026, 2, 15))


def test_reason_of_plain_weekend_and_working_day():
    assert CAL.reason(date(2026, 3, 7)) == "Thứ Bảy"
    assert CAL.reason(date(2026, 3, 8)) == "Chủ nhật"
    assert CAL.reason(date(2026, 3, 9)) is None
    assert CAL.reason_en(date(2026, 3, 7)) == "Saturday"


def test_library_years_use_statutory_holidays_and_make_up_days():
    # 2024 is not in the official table: Tết 08–14/02/2024 and the Saturday 04/05/2024 swap come from the
    # holidays library.
    assert not CAL.is_working_day(date(2024, 2, 8))
    assert not CAL.is_working_day(date(2024, 2, 14))
    assert CAL.next_working_day(date(2024, 2, 7)) == date(2024, 2, 15)
    assert CAL.is_working_day(date(2024, 5, 4))
    assert not CAL.is_working_day(date(2024, 4, 29))


def test_2025_table_swaps_friday_02_05_with_saturday_26_04():
    assert CAL.is_working_day(date(2025, 4, 26))
    assert not CAL.is_working_day(date(2025, 5, 2))
    assert _weekdays_off(CAL, 2025)[1:6] == [date(2025, 1, d) for d in range(27, 32)]


def test_next_working_day_is_strictly_after_and_roll_forward_keeps_working_days():
    assert CAL.next_working_day(date(2026, 3, 9)) == date(2026, 3, 10)
    assert CAL.roll_forward(date(2026, 3, 9)) == date(2026, 3, 9)
    assert CAL.roll_forward(date(2026, 2, 14)) == date(2026, 2, 23)
    assert CAL.roll_back(date(2026, 2, 22)) == date(2026, 2, 13)


def test_dates_outside_supported_years_raise_bilingual_range_error():
    assert CAL.supported_years == range(2024, 2031)
    for outside in (date(2023, 12, 31), date(2031, 1, 1)):
        with pytest.raises(CalendarRangeError) as err:
            CAL.is_working_day(outside)
        assert "2024" in err.value.message_vi
        assert "supports" in err.value.message_en
    with pytest.raises(CalendarRangeError):
        CAL.next_working_day(date(2030, 12, 31))  # 31/12/2030 + 1 leaves the range


def test_administrator_edits_override_the_official_table():
    culture_day = CalendarEntry(
        date(2026, 11, 24), "day_off", "Ngày Văn hóa Việt Nam (Bộ luật Lao động sửa đổi)"
    )
    worked_tet = CalendarEntry(date(2026, 2, 16), "working_day", "Làm việc theo quyết định của UBND tỉnh")
    calendar = build_calendar([culture_day, worked_tet])
    assert not calendar.is_working_day(date(2026, 11, 24))
    assert calendar.is_working_day(date(2026, 2, 16))
    assert CAL.is_working_day(date(2026, 11, 24))  # the shared default calendar is untouched


def test_duplicate_administrator_entries_are_refused():
    entry = CalendarEntry(date(2026, 11, 24), "day_off", "Ngày Văn hóa Việt Nam")
    with pytest.raises(CalendarConflict) as err:
        build_calendar([entry, entry])
    assert "hai lần" in err.value.message_vi
    assert "twice" in err.value.message_en


def test_a_day_both_off_and_working_is_a_conflict():
    entries = [
        CalendarEntry(date(2026, 11, 24), "day_off", "Nghỉ"),
        CalendarEntry(date(2026, 11, 24), "working_day", "Làm việc"),
    ]
    with pytest.raises(CalendarConflict) as err:
        build_calendar(entries)
    assert "vừa là ngày nghỉ vừa là ngày làm việc" in err.value.message_vi


def test_administrator_entry_outside_the_years_is_refused():
    with pytest.raises(CalendarRangeError):
        build_calendar([CalendarEntry(date(2035, 1, 2), "day_off", "Nghỉ")])


def test_calendar_entry_validates_kind_day_and_reason():
    with pytest.raises(CalendarDataError):
        CalendarEntry(date(2026, 1, 2), "holiday", "Nghỉ")
    with pytest.raises(CalendarDataError):
        CalendarEntry(datetime(2026, 1, 2, 8, 0), "day_off", "Nghỉ")
    with pytest.raises(CalendarDataError):
        CalendarEntry(date(2026, 1, 2), "day_off", "  ")


def test_shipped_table_covers_2025_to_2027_and_marks_2027_unverified():
    entries = shipped_entries()
    assert [e.day for e in entries] == sorted(e.day for e in entries)
    assert {e.day.year for e in entries} == {2025, 2026, 2027}
    assert shipped_years()[2027]["confidence"] == "unverified"
    assert shipped_years()[2026]["confidence"] == "verified"
    assert all(e.reason and e.reason_en for e in entries)
    assert not any(e.day.month == 11 and e.day.day == 24 for e in entries)


def test_holidays_file_replaces_built_in_holidays_and_make_up_days():
    calendar = calendar_from_holidays_file({"days_off": ["2026-03-02"], "working_days": ["2026-03-07"]})
    assert not calendar.is_working_day(date(2026, 3, 2))
    assert calendar.is_working_day(date(2026, 3, 7))
    assert calendar.is_working_day(date(2026, 2, 16))  # Tết is gone: the file replaces everything
    assert not calendar.is_working_day(date(2026, 8, 22))  # the built-in make-up Saturday too
    assert not calendar.is_working_day(date(2026, 3, 8))  # weekends stay off
    assert calendar.reason(date(2026, 3, 2)) == "Ngày nghỉ theo tệp lịch"


def test_holidays_file_items_may_carry_reasons():
    calendar = calendar_from_holidays_file({"days_off": [{"date": "2026-03-02", "reason": "Nghỉ bù"}]})
    assert calendar.reason(date(2026, 3, 2)) == "Nghỉ bù"


@pytest.mark.parametrize(
    ("data", "fragment_en"),
    [
        (["2026-01-01"], "JSON object"),
        ({}, "neither"),
        ({"days_of": ["2026-01-01"]}, "unknown keys"),
        ({"days_off": "2026-01-01"}, "must be a list"),
        ({"days_off": ["02/03/2026"]}, "YYYY-MM-DD"),
        ({"days_off": ["2026-02-30"]}, "not a real date"),
        ({"days_off": [20260101]}, "YYYY-MM-DD"),
        ({"days_off": ["2026-03-02", "2026-03-02"]}, "twice"),
        ({"days_off": ["2026-03-07"], "working_days": ["2026-03-07"]}, "both"),
        ({"working_days": ["2026-03-04"]}, "only a Saturday or Sunday"),
    ],
)
def test_invalid_holidays_file_raises_a_bilingual_error(data, fragment_en):
    with pytest.raises(CalendarDataError) as err:
        calendar_from_holidays_file(data)
    assert fragment_en in err.value.message_en
    assert err.value.message_vi != err.value.message_en
    assert isinstance(err.value, LegalError)


def test_holidays_file_years_extend_the_supported_range():
    calendar = calendar_from_holidays_file({"days_off": ["2033-01-03"]})
    assert not calendar.is_working_day(date(2033, 1, 3))
    assert calendar.is_working_day(date(2024, 1, 1))


@given(st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 1)))
def test_roll_forward_lands_on_the_first_working_day_at_or_after(d):
    rolled = CAL.roll_forward(d)
    assert rolled >= d
    assert CAL.is_working_day(rolled)
    day = d
    while day < rolled:
        assert not CAL.is_working_day(day)
        day += timedelta(days=1)
