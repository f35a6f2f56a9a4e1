"""The report workflow, its kept versions, the exported files and the inspection records."""

import io
import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from tiepdan.reports import forms as f
from tiepdan.reports import services, workflow
from tiepdan.reports.models import Frozen, ReportVersion
from tiepdan.reports.narrative import form_xlsx
from tiepdan.reports.tests.conftest import SIX_MONTHS

pytestmark = pytest.mark.django_db


@pytest.fixture
def six_months(demo_data, inspector):
    return services.create_report(actor=inspector, kind="6M", year=2026)


def test_a_report_takes_its_period_from_the_legal_cut_offs(six_months, unit):
    assert (six_months.period_start, six_months.period_end) == SIX_MONTHS
    assert six_months.title == (
        "Kết quả công tác tiếp công dân, xử lý đơn, giải quyết khiếu nại, tố cáo 6 tháng đầu năm 2026"
    )
    assert six_months.unit == unit("ttr-pc")  # the advisory unit on 14/06/2026
    assert six_months.status == "drafting"


def test_only_the_inspection_unit_creates_a_report(demo_org, handler, leader):
    for user in (handler, leader):
        with pytest.raises(services.ReportRefused):
            services.create_report(actor=user, kind="Q1", year=2026)


def test_units_draft_inspection_compiles_leadership_approves_and_the_report_is_sent_numbered(
    six_months, inspector, head, leader, unit, period_cases
):
    services.save_contribution(
        report=six_months, unit=unit("ql-van-hoa"), actor=head, results="Tiếp nhận, xử lý đơn đúng hạn.",
        difficulties="Một số đơn quá hạn do phải xác minh nhiều nơi.", proposals="Bổ sung biên chế tiếp dân.",
        submit=True,
    )
    first = services.compile_report(report=six_months, actor=inspector)
    six_months.refresh_from_db()
    assert six_months.status == "compiled"
    assert "Phòng Quản lý Văn hóa và Gia đình: Bổ sung biên chế tiếp dân." in six_months.narrative["proposals"]
    services.update_narrative(report=six_months, actor=inspector, sections={"tasks": "Tập trung giải quyết tồn đọng."})
    with pytest.raises(services.ReportRefused):  # the text changed: compile again before submitting
        services.submit_report(report=six_months, actor=inspector)
    second = services.compile_report(report=six_months, actor=inspector)
    services.submit_report(report=six_months, actor=inspector)
    with pytest.raises(workflow.TransitionRefused):
        services.approve_report(report=six_months, actor=inspector)  # inspection does not approve
    services.return_report(report=six_months, actor=leader, note="Bổ sung đánh giá nguyên nhân.")
    third = services.compile_report(report=six_months, actor=inspector)
    services.submit_report(report=six_months, actor=inspector)
    services.approve_report(report=six_months, actor=leader)
    with pytest.raises(services.ReportRefused):  # nothing is edited after approval
        services.update_narrative(report=six_months, actor=inspector, sections={"tasks": "Sửa sau phê duyệt"})
    final = services.send_report(report=six_months, actor=inspector, on=date(2026, 6, 16))
    six_months.refresh_from_db()
    assert six_months.status == "sent"
    assert six_months.number_text == "01/BC-SVHTTDL"
    assert six_months.approved_version == third
    # Earlier versions are kept; the final one holds the approved figures and the numbered document.
    assert [v.number for v in six_months.versions.order_by("number")] == [1, 2, 3, 4]
    assert (first.number, second.number, final.number) == (1, 2, 4)
    assert final.is_final
    assert final.figures == third.figures
    assert {fl.form_code for fl in final.files.all()} == set(f.FORM_CODES)
    assert list(six_months.events.values_list("action", flat=True)) == [
        "create", "compile", "edit", "compile", "submit", "return", "compile", "submit", "approve", "send",
    ]


def test_kept_versions_and_final_files_cannot_be_changed(six_months, inspector):
    version = services.compile_report(report=six_months, actor=inspector)
    version.narrative = {"tasks": "sửa"}
    with pytest.raises(Frozen):
        version.save()
    with pytest.raises(Frozen):
        ReportVersion.objects.filter(pk=version.pk).update(narrative={})
    with pytest.raises(Exception, match="không được xóa"):
        version.delete()


def test_the_narrative_docx_passes_the_decree_30_format_check(six_months, inspector, period_cases):
    from docx import Document

    from tiepdan.documents.render import check_format

    version = services.compile_report(report=six_months, actor=inspector)
    data = bytes(version.docx)
    assert check_format(data) == []
    document = Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "BÁO CÁO" in text
    assert "I. KẾT QUẢ CÔNG TÁC TIẾP CÔNG DÂN" in text
    assert "Tổng số đơn phải xử lý" in text
    header = document.tables[0]
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in header._cells[1].text
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.left_margin.mm) == 30  # noqa: PT018
    assert "Nơi nhận:" in "\n".join(c.text for t in document.tables for c in t._cells)


def _xlsx_columns(sheet):
    """{column number: index} from the row "(1) (2) ..." that numbers the columns under the merged header."""
    for row in sheet.iter_rows(values_only=True):
        if len(row) > 1 and all(re.match(r"\(\d+\)", str(h or "")) for h in row[1:]):
            return {int(re.match(r"\((\d+)\)", str(h)).group(1)): i for i, h in enumerate(row) if i}
    raise AssertionError("no row of column numbers")


def test_the_six_month_01_xld_xlsx_opens_and_its_identities_hold(six_months, inspector):
    version = services.compile_report(report=six_months, actor=inspector)
    table = f.FormTable.from_dict(version.figures["01/XLD"])
    book = load_workbook(io.BytesIO(form_xlsx(table)))
    sheet = book.active
    columns = _xlsx_columns(sheet)
    rows = [r for r in sheet.iter_rows(values_only=True) if r and r[0] in {row.label for row in table.rows}]
    assert rows[-1][0] == "Tổng cộng"
    assert len(rows) == len(table.rows)
    for row in rows:
        v = {n: row[i] for n, i in columns.items()}
        assert v[1] == v[2] + v[3]  # to handle = carried over + received
        assert v[1] == v[4] + v[5]  # handled + not yet handled = to handle
        assert v[6] == v[8] + v[9] + v[10]
        assert v[6] == v[11] + v[12] + v[13]
        assert v[14] == v[15] + v[16] + v[17]
        assert v[18] == v[19] + v[20] + v[21]
        assert v[4] == v[14] + v[18] + v[22]
    assert rows[-1][columns[1]] > 0


def test_regenerating_a_past_period_gives_the_same_figures(six_months, inspector, make_letter, period_cases, leader):
    version = services.compile_report(report=six_months, actor=inspector)
    end = six_months.period_end
    # After the report: letters arrive after the cut-off, and an open case is decided.
    for offset in range(3):
        make_letter(received_on=end + timedelta(days=offset + 1), disposition="guide", status="disposed",
                    disposed_on=end + timedelta(days=offset + 2), is_eligible=True)
    from tiepdan.cases.services import ActionInput, act

    act(case=period_cases[2], action="decide", actor=leader, on=end + timedelta(days=5),
        data=ActionInput(documents=frozenset({"verification_report", "decision_document"}), outcome="correct",
                         amounts={"return_money": Decimal("75"), "return_people": 4}))
    result = services.regenerate(report=six_months)
    assert result.version == version
    assert result.same, result.differences[:5]
    # A correction back-dated inside the period is reported cell by cell.
    make_letter(received_on=end - timedelta(days=1))
    changed = services.regenerate(report=six_months)
    assert not changed.same
    assert any(d.form == "01/XLD" and d.row == "Tổng cộng" for d in changed.differences)


def test_a_result_recorded_after_the_cut_off_does_not_change_a_kept_version(six_months, inspector, period_cases,
                                                                           leader):
    from tiepdan.cases.services import ActionInput, act

    version = services.compile_report(report=six_months, actor=inspector)
    end = six_months.period_end
    documents = frozenset({"verification_report", "decision_document"})
    act(case=period_cases[2], action="decide", actor=leader, on=end + timedelta(days=1),
        data=ActionInput(documents=documents, outcome="wrong", amounts={"sanction_people": 3}))
    result = services.regenerate(report=six_months)
    assert result.version == version
    assert result.same, result.differences[:5]
    later = services.compile_report(report=six_months, actor=inspector)
    for code in ("01/KQGQ", "02/KQGQTC", "03/KQGQ"):
        assert later.figures[code] == version.figures[code], code  # notes included


def test_a_reply_or_an_eligibility_recorded_after_the_cut_off_does_not_change_a_kept_version(
    six_months, inspector, make_letter, officer
):
    from tiepdan.letters.services import record_reply

    end = six_months.period_end
    inside = end - timedelta(days=20)
    transferred = make_letter(received_on=inside, disposition="transfer", status="disposed",
                              disposed_on=inside + timedelta(days=3), is_eligible=True,
                              eligibility_decided_on=inside + timedelta(days=3))
    undecided = make_letter(received_on=end - timedelta(days=2), status="classified")
    version = services.compile_report(report=six_months, actor=inspector)
    # After the cut-off: the body the letter went to answers, and the other letter's eligibility is decided.
    record_reply(letter=transferred, actor=officer, on=end + timedelta(days=10), today=end + timedelta(days=30))
    undecided.is_eligible = False
    undecided.eligibility_decided_on = end + timedelta(days=4)
    undecided.save(update_fields=["is_eligible", "eligibility_decided_on"])
    result = services.regenerate(report=six_months)
    assert result.version == version
    assert result.same, result.differences[:5]
    # The same reply dated inside the period is a difference the report shows.
    transferred.refresh_from_db()
    transferred.reply_received_on = end - timedelta(days=1)
    transferred.save(update_fields=["reply_received_on"])
    assert not services.regenerate(report=six_months).same


def test_a_unit_part_is_closed_once_the_report_goes_to_the_leadership(six_months, inspector, head, unit):
    services.compile_report(report=six_months, actor=inspector)
    services.submit_report(report=six_months, actor=inspector)
    with pytest.raises(services.ReportRefused):
        services.save_contribution(report=six_months, unit=unit("ql-van-hoa"), actor=head, results="muộn")


def test_an_accountability_check_is_tracked_until_every_measure_is_done(demo_org, inspector, head, unit, outsider):
    check = services.open_check(actor=inspector, unit=unit("ql-van-hoa"), period_start=SIX_MONTHS[0],
                                period_end=SIX_MONTHS[1], checked_on=date(2026, 6, 20), decision_number="05/QĐ-TTr")
    assert check.head.full_name == "Hoàng Đức Long"
    finding = services.add_finding(check=check, actor=inspector, kind="shortcoming",
                                   text="Ba đơn kiến nghị xử lý quá 10 ngày làm việc.")
    measure = services.add_measure(check=check, actor=inspector, finding=finding, owner=unit("ql-van-hoa"),
                                   recommendation="Rà soát, xử lý dứt điểm đơn tồn.", due_on=date(2026, 7, 15))
    services.conclude_check(check=check, actor=inspector, conclusion="Đơn vị cơ bản thực hiện đúng quy định.",
                            on=date(2026, 6, 25))
    check.refresh_from_db()
    assert check.status == "concluded"
    with pytest.raises(services.ReportRefused):
        services.complete_measure(measure=measure, actor=outsider, on=date(2026, 7, 1), result="x")
    services.complete_measure(measure=measure, actor=head, on=date(2026, 7, 10), result="Đã xử lý 3 đơn.")
    check.refresh_from_db()
    assert (check.status, check.closed_on) == ("closed", date(2026, 7, 10))
    with pytest.raises(services.ReportRefused):
        services.add_finding(check=check, actor=inspector, kind="good", text="sau khi đóng")
