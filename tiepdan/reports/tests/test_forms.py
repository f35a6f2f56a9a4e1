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


# ---------------------------------------------------------------------------------------------
# Settlement results: the analysis and amount columns


RESULT_CASES = [
    _case(11, "complaint_first", date(2026, 1, 5), settled_on=date(2026, 2, 1), outcome="correct",
          amounts={"return_money": 120.5, "return_land": 250, "return_people": 2}),
    _case(12, "complaint_first", date(2026, 1, 6), settled_on=date(2026, 2, 2), outcome="partly", unit=2,
          amounts={"return_money": 30, "sanction_people": 1}, in_effect_on=date(2026, 3, 5),
          enforced_on=date(2026, 3, 20)),
    _case(13, "complaint_discipline", date(2026, 1, 7), settled_on=date(2026, 2, 3), outcome="wrong"),
    _case(14, "complaint_second", date(2026, 1, 8), settled_on=date(2026, 2, 4), outcome="annulled",
          amounts={"return_money": 10}),
    _case(15, "complaint_second", date(2026, 1, 9), settled_on=date(2026, 2, 5), outcome="upheld"),
    _case(16, "complaint_first", date(2026, 1, 10), ended_on=date(2026, 2, 6)),  # withdrawn: no result
    _case(17, "complaint_first", date(2026, 5, 1), settled_on=date(2026, 6, 20), outcome="correct",
          amounts={"return_money": 999}),  # decided after the cut-off: its result is not counted
    _case(18, "denunciation", date(2026, 1, 2), settled_on=date(2026, 2, 1), concluded_on=date(2026, 2, 1),
          conclusion_handled_on=date(2026, 2, 10), outcome="correct",
          amounts={"recover_money": 85, "sanction_people": 2, "investigation_cases": 1, "investigation_people": 2}),
    _case(19, "denunciation", date(2026, 1, 3), settled_on=date(2026, 2, 2), concluded_on=date(2026, 2, 2),
          outcome="wrong"),
]


def _by_label(table, group=None):
    return {
        c.label: table.total[c.number] for c in table.columns if group is None or c.group[: len(group)] == group
    }


def test_the_complaint_form_counts_the_recorded_outcomes_and_amounts():
    table = f.form_complaint_settlement(RESULT_CASES, start=START, end=END, units=UNITS, recorded=True)
    assert _by_label(table, ("Phân tích kết quả",)) == {
        "Khiếu nại đúng": 1, "Khiếu nại sai": 1, "Khiếu nại đúng một phần": 1,
        "Công nhận quyết định lần đầu": 1, "Hủy, sửa quyết định lần đầu": 1,
    }
    returned = _by_label(table, ("Trả lại cho tổ chức, cá nhân",))
    assert returned == {"Tiền (triệu đồng)": 160.5, "Đất (m²)": 250, "Số người được trả lại quyền lợi": 2}
    assert _by_label(table, ("Kiến nghị xử lý",))["Số người bị kiến nghị xử lý hành chính"] == 1
    assert table.total[6] == 5
    assert table.notes == ()
    assert "(6) = (9) + (10) + (11) + (12) + (13)" in {i.text() for i in table.identities}
    assert table.check() == []
    unit_b = next(r for r in table.rows if r.label == "Phòng B")
    assert unit_b[11] == 1  # partly, in its unit's row


def test_the_denunciation_form_counts_conclusions_recoveries_and_transfers():
    table = f.form_denunciation_settlement(RESULT_CASES, start=START, end=END, units=UNITS, recorded=True)
    assert _by_label(table, ("Phân tích kết quả",)) == {"Tố cáo đúng": 1, "Tố cáo đúng một phần": 0, "Tố cáo sai": 1}
    assert _by_label(table, ("Kiến nghị thu hồi cho Nhà nước",))["Tiền (triệu đồng)"] == 85
    assert _by_label(table, ("Kiến nghị xử lý",)) == {
        "Số người bị kiến nghị xử lý hành chính": 2, "Số vụ chuyển cơ quan điều tra": 1,
        "Số người chuyển cơ quan điều tra": 2,
    }
    assert table.check() == []
    assert table.notes == ()


def test_a_decision_without_a_result_is_noted_and_the_analysis_identity_is_not_claimed():
    rows = [*RESULT_CASES, _case(20, "complaint_first", date(2026, 1, 11), settled_on=date(2026, 2, 7))]
    table = f.form_complaint_settlement(rows, start=START, end=END, units=UNITS, recorded=True)
    assert table.notes == (f.missing_results_note(1),)
    assert table.notes[0].startswith("1 vụ việc đã có quyết định giải quyết")
    assert all(i.left != 6 for i in table.identities)
    assert table.check() == []


def test_the_enforcement_form_sums_the_amounts_of_enforced_decisions_and_handled_conclusions():
    table = f.form_enforcement(RESULT_CASES, start=START, end=END, units=UNITS, recorded=True)
    recovered = _by_label(table, ("Kiến nghị thu hồi cho Nhà nước",))
    returned = _by_label(table, ("Trả lại cho tổ chức, cá nhân",))
    assert (recovered["Tiền (triệu đồng)"], returned["Tiền (triệu đồng)"]) == (85, 30)
    assert table.check() == []
    assert table.notes == ()


def test_the_header_numbers_its_columns_in_a_row_of_their_own():
    table = f.form_complaint_settlement(RESULT_CASES, start=START, end=END, units=UNITS, recorded=True)
    rows = f.header_rows(table.columns, numbered=False)
    assert [c.text for c in rows[0][:2]] == ["Vụ việc thuộc thẩm quyền", "Đã giải quyết"]
    assert rows[-1][0].text == "Khiếu nại đúng"
    assert f.number_row(table.columns)[:2] == ["(1) = (2)+(3)", "(2)"]
    assert f.header_rows(table.columns)[1][0].text == "Tổng số vụ việc phải giải quyết (1) = (2)+(3)"


def _merged(sheet) -> dict[str, str]:
    """{"J3:N3": "Phân tích kết quả", ...}: each merged range with the text of its top-left cell."""
    return {str(r): sheet.cell(row=r.min_row, column=r.min_col).value for r in sheet.merged_cells.ranges}


def test_the_xlsx_header_is_merged_like_the_official_form_and_the_figures_sit_under_their_numbers():
    import io

    from openpyxl import load_workbook

    from tiepdan.reports.narrative import form_xlsx

    table = f.form_complaint_settlement(RESULT_CASES, start=START, end=END, units=UNITS, recorded=True)
    sheet = load_workbook(io.BytesIO(form_xlsx(table, agency_name="Sở VHTTDL"))).active
    merged = _merged(sheet)
    # Rows 3–5 hold the header (three levels), row 6 the column numbers, then the units and the total.
    # Column n of the form is sheet column n + 1 (A holds the unit).
    assert merged["A3:A5"] == "Đơn vị"
    assert merged["B3:E3"] == "Vụ việc thuộc thẩm quyền"
    assert merged["B4:B5"] == "Tổng số vụ việc phải giải quyết"
    assert merged["F3:H3"] == "Đã giải quyết"
    assert merged["I3:I5"] == "Chưa giải quyết xong, chuyển kỳ sau"
    assert merged["J3:N3"] == "Phân tích kết quả"
    assert merged["J4:L4"] == "Giải quyết lần đầu"
    assert merged["M4:N4"] == "Giải quyết lần hai"
    assert merged["O3:Q3"] == "Thời hạn giải quyết"
    assert merged["R3:S3"] == "Kiến nghị thu hồi cho Nhà nước"
    assert merged["T3:V3"] == "Trả lại cho tổ chức, cá nhân"
    assert merged["R4:R5"] == "Tiền (triệu đồng)"
    assert (sheet["J5"].value, sheet["L5"].value, sheet["N5"].value) == (
        "Khiếu nại đúng", "Khiếu nại đúng một phần", "Hủy, sửa quyết định lần đầu"
    )
    numbers = [c.value for c in sheet[6]]
    assert numbers[1:3] == ["(1) = (2)+(3)", "(2)"]
    assert numbers[1:] == f.number_row(table.columns)
    assert sheet["A1"].value.startswith("Biểu số 01/KQGQ: TỔNG HỢP KẾT QUẢ GIẢI QUYẾT KHIẾU NẠI")
    column_of = {int(str(v).split(")")[0][1:]): i for i, v in enumerate(numbers) if i}
    units = {row[0].value: row for row in sheet.iter_rows(min_row=7) if row[0].value in {r.label for r in table.rows}}
    assert list(units) == ["Phòng A", "Phòng B", "Tổng cộng"]
    for form_row in table.rows:
        cells = units[form_row.label]
        for column in table.columns:
            assert cells[column_of[column.number]].value == form_row[column.number], (form_row.label, column.number)
    total = units["Tổng cộng"]
    assert total[column_of[9]].value == 1  # Khiếu nại đúng
    assert total[column_of[19]].value == 160.5  # returned money (column 19: T)
    assert sheet.freeze_panes == "B7"


@pytest.mark.parametrize("form", [f.form_01_tcd, f.form_01_xld, f.form_complaint_settlement, f.form_enforcement])
def test_every_form_exports_its_header_as_merged_cells_over_all_its_columns(form):
    import io

    from openpyxl import load_workbook

    from tiepdan.reports.narrative import form_xlsx

    table = form([], [], start=START, end=END, units=UNITS) if form is f.form_01_tcd else form(
        LETTERS if form is f.form_01_xld else CASES, start=START, end=END, units=UNITS
    )
    sheet = load_workbook(io.BytesIO(form_xlsx(table))).active
    depth = len(f.header_rows(table.columns))
    numbers = [c.value for c in sheet[3 + depth]]
    assert numbers[1:] == f.number_row(table.columns)
    for r in range(3, 3 + depth):  # every header cell is covered: no hole in the grid
        for c in range(1, len(table.columns) + 2):
            cell = sheet.cell(row=r, column=c)
            covered = any(cell.coordinate in rng for rng in sheet.merged_cells.ranges)
            assert cell.value is not None or covered, (r, c)
