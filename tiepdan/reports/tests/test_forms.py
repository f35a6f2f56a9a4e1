"""The statistical forms as pure functions: carry-over, letters vs matters, and every identity."""

from datetime import date

import pytest

from tiepdan.reports import forms as f
from tiepdan.reports.periods import PeriodKind, has_narrative, make_period

START, END = date(2025, 12, 15), date(2026, 6, 14)
UNITS = {1: "Phòng A", 2: "Phòng B"}


def _letter(pk, received, *, unit=1, kind="complaint", disposition="", disposed=None, root=None, **kw):
    return f.LetterRow(
        id=pk, unit_id=unit, received_on=received, matter_type=kind, disposition=disposition, disposed_on=disposed,
        root_id=root or pk, **kw,
    )


LETTERS = [
    # Carried over: received before the period, handled inside it.
    _letter(1, date(2025, 12, 1), disposition="accept", disposed=date(2025, 12, 20), is_eligible=True),
    # Carried over and still not handled at the cut-off.
    _letter(2, date(2025, 11, 3), kind="denunciation"),
    # Handled before the period: not in this period at all.
    _letter(3, date(2025, 11, 1), disposition="guide", disposed=date(2025, 11, 5), is_eligible=True),
    # Received in the period, transferred, reply received.
    _letter(4, date(2026, 1, 5), unit=2, kind="petition", disposition="transfer", disposed=date(2026, 1, 9),
            is_eligible=True, reply_received=True),
    # A duplicate of letter 4 (same matter), filed.
    _letter(5, date(2026, 2, 1), unit=2, kind="petition", disposition="file", disposed=date(2026, 2, 3),
            is_eligible=False, root=4),
    # Received in the period, handled after the cut-off: not yet handled as of the cut-off.
    _letter(6, date(2026, 6, 10), kind="feedback", disposition="urge", disposed=date(2026, 6, 20), is_eligible=True),
    # Received after the cut-off: never counted.
    _letter(7, date(2026, 6, 15), disposition="accept", disposed=date(2026, 6, 16), is_eligible=True),
    # A complaint about a matter settled once before: second time.
    _letter(8, date(2026, 3, 2), disposition="accept", disposed=date(2026, 3, 4), is_eligible=True, settled_before=1,
            field="land"),
]


def test_01_xld_counts_carry_over_receipt_and_handling_as_of_the_cut_off():
    table = f.form_01_xld(LETTERS, start=START, end=END, units=UNITS)
    total = table.total
    assert (total[1], total[2], total[3]) == (6, 2, 4)  # letters 1,2 carried; 4,5,6,8 received
    assert (total[4], total[5]) == (4, 2)  # 1,4,5,8 handled; 2 and 6 not yet
    assert total[6] == 3  # eligible among handled: 1, 4, 8
    assert (total[14], total[15]) == (2, 2)  # accepted complaints 1 and 8
    assert (total[18], total[20], total[22], total[23]) == (1, 1, 1, 1)
    assert (total[11], total[12]) == (2, 1)  # letter 8's matter was settled once before
    assert table.check() == []


def test_letters_vs_matters_counts_duplicates_once():
    letters = [
        _letter(10, date(2026, 1, 5), disposition="guide", disposed=date(2026, 1, 6), is_eligible=True),
        _letter(11, date(2026, 1, 7), disposition="guide", disposed=date(2026, 1, 8), is_eligible=True, root=10),
        _letter(12, date(2026, 1, 9), disposition="guide", disposed=date(2026, 1, 9), is_eligible=True),
    ]
    total = f.form_01_xld(letters, start=START, end=END, units=UNITS).total
    assert total[6] == 3  # letters
    assert total[7] == 2  # matters


def test_rows_per_unit_and_the_total_row_add_up():
    table = f.form_01_xld(LETTERS, start=START, end=END, units=UNITS)
    assert [r.label for r in table.rows] == ["Phòng A", "Phòng B", f.TOTAL_LABEL]
    for column in table.columns:
        assert sum(r[column.number] for r in table.rows[:-1]) == table.total[column.number]


@pytest.mark.parametrize("form", [f.form_01_xld, f.form_02_xld, f.form_03_xld, f.form_04_xld])
def test_every_letter_form_satisfies_its_identities(form):
    table = form(LETTERS, start=START, end=END, units=UNITS)
    assert table.identities
    assert table.check() == []
    # to handle = carried over + received; handled + not yet handled = to handle
    texts = {i.text() for i in table.identities}
    assert "(1) = (2) + (3)" in texts
    assert "(1) = (4) + (5)" in texts


def test_a_broken_identity_is_reported():
    table = f.form_01_xld(LETTERS, start=START, end=END, units=UNITS)
    table.total.values[2] += 1
    failures = table.check()
    assert failures
    assert failures[0].identity == "(1) = (2) + (3)"
    assert failures[0].row == f.TOTAL_LABEL


def test_02_xld_splits_first_and_second_time_complaints_and_fields():
    table = f.form_02_xld(LETTERS, start=START, end=END, units=UNITS)
    total = table.total
    land = next(c.number for c in table.columns if c.label == "Đất đai, nhà cửa")
    assert total[land] == 1
    first = next(c.number for c in table.columns if c.label == "Khiếu nại lần đầu")
    assert (total[first], total[first + 1]) == (1, 1)
    assert table.check() == []


def test_04_xld_only_counts_petitions_and_feedback():
    table = f.form_04_xld(LETTERS, start=START, end=END, units=UNITS)
    assert table.total[3] == 3  # letters 4, 5, 6
    assert table.check() == []


def test_the_total_carried_to_the_next_period_is_what_the_next_period_carries_over():
    # Carry-over between periods: "not yet handled" at the end of Q1 = "carried over" at the start of Q2.
    q1, q2 = make_period("Q1", year=2026), make_period("Q2", year=2026)
    first = f.form_01_xld(LETTERS, start=q1.start, end=q1.end, units=UNITS)
    second = f.form_01_xld(LETTERS, start=q2.start, end=q2.end, units=UNITS)
    assert first.total[5] == second.total[2]


def _visit(pk, day, mode, **kw):
    return f.VisitRow(id=pk, unit_id=1, day=day, mode=mode, **kw)


def test_01_tcd_counts_visits_people_matters_and_sittings():
    visits = [
        _visit(1, date(2026, 1, 5), f.REGULAR, head_count=1, matter_key="a"),
        _visit(2, date(2026, 1, 6), f.REGULAR, head_count=1, matter_key="a", is_repeat=True),
        _visit(3, date(2026, 1, 7), f.REGULAR, head_count=12, is_mass=True, matter_key="b"),
        _visit(4, date(2026, 1, 15), f.HEAD, head_count=2, matter_key="c", sitting_key="s1"),
        _visit(5, date(2026, 1, 15), f.HEAD, head_count=1, matter_key="d", sitting_key="s1", is_repeat=True),
        _visit(6, date(2026, 2, 15), f.AUTHORIZED, head_count=1, matter_key="e", sitting_key="s2"),
        _visit(7, date(2026, 7, 1), f.REGULAR),  # after the cut-off
    ]
    sittings = [
        f.SittingRow("s1", 1, date(2026, 1, 15), f.HEAD),
        f.SittingRow("s3", 1, date(2026, 3, 15), f.HEAD),  # held, nobody came
    ]
    table = f.form_01_tcd(visits, sittings, start=START, end=END, units=UNITS)
    t = table.total
    assert (t[1], t[2], t[3]) == (6, 18, 5)
    assert (t[4], t[5], t[6], t[7]) == (3, 14, 1, 1)  # matter a is repeat, b first time
    assert (t[8], t[9], t[10]) == (1, 12, 1)
    assert (t[12], t[13], t[14], t[15], t[16]) == (2, 2, 3, 1, 1)
    assert (t[21], t[22]) == (1, 1)
    assert table.check() == []


def _case(pk, track, accepted, **kw):
    return f.CaseRow(id=pk, unit_id=kw.pop("unit", 1), track=track, accepted_on=accepted, **kw)


CASES = [
    _case(1, "complaint_first", date(2025, 11, 1), settled_on=date(2026, 1, 10), settlement_due=date(2026, 1, 5)),
    _case(2, "complaint_first", date(2026, 2, 1), settled_on=date(2026, 2, 20), settlement_due=date(2026, 3, 3),
          in_effect_on=date(2026, 3, 25), enforced_on=date(2026, 4, 2)),
    _case(3, "complaint_second", date(2026, 3, 1), ended_on=date(2026, 3, 10)),
    _case(4, "complaint_first", date(2026, 5, 1)),  # open at the cut-off
    _case(5, "complaint_first", date(2025, 10, 1), settled_on=date(2025, 11, 1)),  # closed before the period
    _case(6, "complaint_first", None),  # never accepted
    _case(7, "denunciation", date(2026, 1, 2), settled_on=date(2026, 2, 1), settlement_due=date(2026, 2, 2),
          concluded_on=date(2026, 2, 1)),
    _case(8, "complaint_first", date(2026, 6, 1), settled_on=date(2026, 6, 30)),  # decided after the cut-off
]


def test_complaint_settlement_form():
    table = f.form_complaint_settlement(CASES, start=START, end=END, units=UNITS)
    t = table.total
    assert (t[1], t[2], t[3]) == (5, 1, 4)
    assert (t[5], t[6], t[7], t[8]) == (3, 2, 1, 2)
    on_time = next(c.number for c in table.columns if c.label == "Đúng thời hạn")
    assert (t[on_time], t[on_time + 1], t[on_time + 2]) == (1, 1, 1)
    assert table.check() == []
    assert table.notes == (f.NOT_RECORDED_NOTE,)


def test_denunciation_settlement_and_enforcement_forms():
    den = f.form_denunciation_settlement(CASES, start=START, end=END, units=UNITS)
    assert (den.total[1], den.total[5]) == (1, 1)
    assert den.check() == []
    enf = f.form_enforcement(CASES, start=START, end=END, units=UNITS)
    assert (enf.total[1], enf.total[3], enf.total[4], enf.total[5]) == (1, 1, 1, 0)
    assert (enf.total[6], enf.total[8], enf.total[10]) == (1, 1, 1)
    assert enf.check() == []


def test_a_table_survives_its_json_snapshot():
    table = f.form_01_xld(LETTERS, start=START, end=END, units=UNITS)
    again = f.FormTable.from_dict(table.to_dict())
    assert again.to_dict() == table.to_dict()
    assert again.check() == []


def test_periods_come_from_the_legal_cut_offs():
    six = make_period("6M", year=2026)
    assert (six.start, six.end) == (date(2025, 12, 15), date(2026, 6, 14))
    week = make_period(PeriodKind.WEEK, day=date(2026, 1, 21))
    assert (week.start, week.end) == (date(2026, 1, 15), date(2026, 1, 21))
    day = make_period("day", day=date(2026, 3, 15))
    assert day.start == day.end == date(2026, 3, 15)
    ad_hoc = make_period("ad_hoc", start=date(2026, 1, 1), end=date(2026, 1, 31))
    assert ad_hoc.days == 31
    assert not has_narrative("Q2")
    assert has_narrative("6M")
