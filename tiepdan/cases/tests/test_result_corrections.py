"""Correcting a recorded settlement result: through the case page (HTTP), the service behind it, and the
reports, which read a result as it stood on their cut-off (docs/adr/0007-settlement-results.md)."""

from datetime import date
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tiepdan.cases import services
from tiepdan.cases.models import SettlementResult, SettlementResultRevision
from tiepdan.reports import selectors as report_selectors
from tiepdan.reports import services as reports

pytestmark = pytest.mark.django_db

ACCEPTED, VERIFYING, DECIDED = date(2026, 9, 10), date(2026, 9, 12), date(2026, 10, 1)
RECORDED = {"return_money": Decimal("1250.5"), "return_land": Decimal(300), "return_people": 3}


def _act(case, action, actor, on, *documents, **data):
    return services.act(
        case=case, action=action, actor=actor, on=on,
        data=services.ActionInput(documents=frozenset(documents), **data),
    )


def _decided(make_letter, handler, signer, *, track="complaint_first", outcome="partly", amounts=RECORDED):
    case = services.open_case(letter=make_letter(received_on=date(2026, 9, 7)), track=track, actor=handler)
    case = _act(case, "accept", signer, ACCEPTED, "acceptance_decision")
    case = _act(case, "start_verification", handler, VERIFYING, "verification_assignment")
    if track == "complaint_second":
        case = _act(case, "schedule_dialogue", handler, date(2026, 9, 20), "verification_report",
                    "dialogue_notice_5_days", dialogue_notice_days=6)
        return _act(case, "decide", signer, DECIDED, "dialogue_minutes", "decision_document", outcome=outcome,
                    amounts=amounts)
    return _act(case, "decide", signer, DECIDED, "verification_report", "decision_document", outcome=outcome,
                amounts=amounts)


@pytest.fixture
def decided(make_letter, handler, head):
    """A first-time complaint decided by the head of the culture division: partly correct, 1,250.5 million
    đồng and 300 m² returned to 3 people."""
    return _decided(make_letter, handler, head)


def _correct(client, case, **fields):
    return client.post(reverse("cases:case_result_correct", args=[case.code]), fields)


def _result(case) -> SettlementResult:
    return SettlementResult.objects.get(step__case=case)


# ---------------------------------------------------------------------------------------------
# Through the case page


def test_the_head_corrects_the_result_and_the_page_shows_it_with_its_history(client, decided, head):
    client.force_login(head)
    page = client.get(decided.get_absolute_url()).content.decode()
    assert 'id="result-correction"' in page
    assert 'value="1250,5"' in page  # the form starts from the recorded result, as typed in Vietnamese
    response = _correct(client, decided, outcome="correct", return_money="1.300", return_people="4",
                        reason="Nhập nhầm số tiền và số người theo Quyết định 15/QĐ-SVHTTDL")
    assert response.status_code == 302
    result = _result(decided)
    assert (result.outcome, result.return_money, result.return_land, result.return_people) == (
        "correct", Decimal(1300), None, 4  # a blank amount is cleared
    )
    revision = SettlementResultRevision.objects.get(result=result)  # the values replaced, kept
    assert (revision.outcome, revision.return_money, revision.return_land, revision.return_people) == (
        "partly", Decimal("1250.5"), Decimal(300), 3
    )
    assert (revision.recorded_by, revision.recorded_on) == (head, timezone.localdate())
    assert LogEntry.objects.get_for_object(result).filter(actor=head, action=LogEntry.Action.UPDATE).exists()
    assert LogEntry.objects.get_for_object(revision).filter(actor=head, action=LogEntry.Action.CREATE).exists()
    shown = client.get(decided.get_absolute_url()).content.decode()
    assert "Khiếu nại đúng; Trả lại cho tổ chức, cá nhân: tiền (triệu đồng): 1.300" in shown  # the current result
    assert 'id="result-revisions"' in shown
    assert "Nhập nhầm số tiền và số người theo Quyết định 15/QĐ-SVHTTDL" in shown
    assert "Khiếu nại đúng một phần; Trả lại cho tổ chức, cá nhân: tiền (triệu đồng): 1.250,5" in shown  # before
    assert head.staff.full_name in shown
    assert timezone.localtime(revision.recorded_at).strftime("%d/%m/%Y %H:%M") in shown


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"outcome": ""}, "outcome",
         "Phải chọn kết quả giải quyết (Khiếu nại đúng, Khiếu nại sai, Khiếu nại đúng một phần)."),
        ({"outcome": "upheld"}, "outcome", "không áp dụng cho giải quyết khiếu nại lần đầu"),
        ({"return_money": "-5"}, "return_money", "không được là số âm"),
        ({"return_people": "-1"}, "return_people", "không được là số âm"),
        ({"return_money": "mười"}, "return_money", "Phải là một số, ví dụ 12,5"),
        ({"reason": "   "}, "reason", "Phải ghi lý do điều chỉnh kết quả giải quyết."),
    ],
)
def test_a_bad_correction_is_refused_beside_its_field_with_the_input_kept(
    client, decided, head, fields, field, message
):
    client.force_login(head)
    data = {"outcome": "correct", "recover_money": "12,5", "reason": "Sai sót khi nhập", **fields}
    response = _correct(client, decided, **data)
    assert response.status_code == 422
    form = response.context["correction_form"]
    assert any(message in error for error in form.errors[field])
    html = response.content.decode()
    assert message.split(" (")[0] in html
    assert 'id="result-correction" open' in html
    assert 'value="12,5"' in html  # what was typed, not the recorded result
    if data["reason"].strip():
        assert data["reason"] in html
    for value in fields.values():
        assert value.strip() in html
    assert _result(decided).outcome == "partly"
    assert not SettlementResultRevision.objects.exists()


def test_a_correction_that_changes_nothing_is_refused(client, decided, head):
    client.force_login(head)
    response = _correct(client, decided, outcome="partly", return_money="1.250,500", return_land="300",
                        return_people="3", reason="Kiểm tra lại")
    assert response.status_code == 422
    assert "giống kết quả đang ghi nhận" in response.content.decode()
    assert not SettlementResultRevision.objects.exists()


def test_an_auditor_or_a_handler_is_refused_and_an_officer_of_another_unit_sees_nothing(
    client, decided, auditor, handler, outsider
):
    fields = {"outcome": "correct", "reason": "Thử"}
    client.force_login(auditor)  # sees every case, writes nothing
    assert 'id="result"' in client.get(decided.get_absolute_url()).content.decode()
    assert 'id="result-correction"' not in client.get(decided.get_absolute_url()).content.decode()
    assert _correct(client, decided, **fields).status_code == 403
    client.force_login(handler)  # prepares the decision, does not sign it
    assert 'id="result-correction"' not in client.get(decided.get_absolute_url()).content.decode()
    assert _correct(client, decided, **fields).status_code == 403
    client.force_login(outsider)
    assert client.get(decided.get_absolute_url()).status_code == 404
    assert _correct(client, decided, **fields).status_code == 404
    assert client.get(reverse("cases:case_result_correct", args=[decided.code])).status_code == 404
    assert _result(decided).outcome == "partly"
    assert not SettlementResultRevision.objects.exists()


def test_a_case_not_yet_decided_offers_no_correction(client, make_letter, handler, head):
    case = services.open_case(letter=make_letter(received_on=date(2026, 9, 7)), track="complaint_first",
                              actor=handler)
    client.force_login(head)
    assert 'id="result-correction"' not in client.get(case.get_absolute_url()).content.decode()
    response = _correct(client, case, outcome="correct", reason="Thử")
    assert response.status_code == 422
    assert "Vụ việc chưa có kết quả giải quyết để điều chỉnh." in response.content.decode()


def test_the_correction_and_its_history_read_in_english(client, decided, head):
    services.correct_result(case=decided, actor=head, outcome="correct", amounts={"return_money": Decimal("1250.5")},
                            reason="Đính chính")
    client.force_login(head)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(decided.get_absolute_url()).content.decode()
    for text in ("Correct the settlement result", "Corrections of the result", "Corrected by", "Before", "After",
                 "Reason for the correction", "Save the correction", "Complaint partly correct", "value=\"1250.5\""):
        assert text in page, text
    response = _correct(client, decided, outcome="wrong", reason="")
    assert "Give the reason for correcting the settlement result." in response.content.decode()


def test_the_case_page_makes_a_constant_number_of_queries_whatever_the_corrections(client, decided, head):
    client.force_login(head)
    url = decided.get_absolute_url()
    services.correct_result(case=decided, actor=head, outcome="correct", amounts={}, reason="Lần 1")
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n, outcome in enumerate(("wrong", "partly", "correct"), start=2):
        services.correct_result(case=decided, actor=head, outcome=outcome, amounts={}, reason=f"Lần {n}")
    with CaptureQueriesContext(connection) as more:
        assert client.get(url).status_code == 200
    assert len(more) == len(few)


# ---------------------------------------------------------------------------------------------
# The service


def test_the_service_keeps_each_replaced_result_in_order(decided, head):
    services.correct_result(case=decided, actor=head, outcome="wrong", amounts={}, reason="Theo kết luận thanh tra",
                            today=date(2026, 11, 2))
    services.correct_result(case=decided, actor=head, outcome="correct", amounts={"return_people": 5},
                            reason="Theo quyết định sửa đổi", today=date(2026, 11, 9))
    result = _result(decided)
    assert result.values() == {"outcome": "correct", **dict.fromkeys(RECORDED), "recover_money": None,
                               "recover_land": None, "sanction_people": None, "investigation_cases": None,
                               "investigation_people": None, "return_people": 5}
    revisions = list(result.revisions.order_by("recorded_on", "id"))
    assert [(r.recorded_on, r.outcome, r.return_money, r.reason) for r in revisions] == [
        (date(2026, 11, 2), "partly", Decimal("1250.5"), "Theo kết luận thanh tra"),
        (date(2026, 11, 9), "wrong", None, "Theo quyết định sửa đổi"),
    ]


def test_the_service_refuses_whoever_does_not_sign_the_decision(decided, handler, auditor):
    for user in (handler, auditor):
        assert not services.may_correct_result(user, decided)
        with pytest.raises(services.CaseActionRefused, match="không ghi nhận, điều chỉnh kết quả"):
            services.correct_result(case=decided, actor=user, outcome="correct", amounts={}, reason="Thử")
    assert not SettlementResultRevision.objects.exists()


def test_a_second_time_decision_is_corrected_by_the_leadership_only(make_letter, handler, head, leader):
    case = _decided(make_letter, handler, leader, track="complaint_second", outcome="upheld", amounts={})
    assert not services.may_correct_result(head, case)  # a unit head never signs an appeal against his unit
    assert services.may_correct_result(leader, case)
    services.correct_result(case=case, actor=leader, outcome="annulled", amounts={}, reason="Đính chính")
    assert _result(case).outcome == "annulled"


@pytest.mark.parametrize(
    ("outcome", "amounts", "reason", "fields"),
    [
        ("", {}, "Lý do", ["outcome"]),
        ("upheld", {}, "Lý do", ["outcome"]),
        ("correct", {"return_money": Decimal("-1")}, "Lý do", ["return_money"]),
        ("correct", {"recover_land": Decimal("1.125")}, "Lý do", ["recover_land"]),
        ("correct", {}, "  ", ["reason"]),
        ("", {"sanction_people": -2}, "", ["outcome", "sanction_people", "reason"]),
    ],
)
def test_the_service_refuses_a_bad_correction_field_by_field(decided, head, outcome, amounts, reason, fields):
    with pytest.raises(services.CaseActionRefused) as refused:
        services.correct_result(case=decided, actor=head, outcome=outcome, amounts=amounts, reason=reason)
    assert [e.field for e in refused.value.errors] == fields
    assert _result(decided).outcome == "partly"
    assert not SettlementResultRevision.objects.exists()


def test_a_correction_is_never_dated_before_the_previous_one(decided, head):
    services.correct_result(case=decided, actor=head, outcome="wrong", amounts={}, reason="Một",
                            today=date(2026, 11, 9))
    with pytest.raises(services.CaseActionRefused, match="không được trước lần điều chỉnh trước"):
        services.correct_result(case=decided, actor=head, outcome="correct", amounts={}, reason="Hai",
                                today=date(2026, 11, 8))
    assert _result(decided).outcome == "wrong"


# ---------------------------------------------------------------------------------------------
# The reports: a result as it stood on the cut-off


def test_the_reports_count_each_result_as_it_stood_on_their_cut_off(decided, head):
    services.correct_result(case=decided, actor=head, outcome="wrong", amounts={}, reason="Một",
                            today=date(2026, 11, 2))
    services.correct_result(case=decided, actor=head, outcome="correct", amounts={"return_people": 5},
                            reason="Hai", today=date(2026, 11, 9))

    def row(end):
        return next(r for r in report_selectors.case_rows(end) if r.id == decided.id)

    assert (row(date(2026, 9, 30)).outcome, row(date(2026, 9, 30)).amounts) == ("", {})  # not yet decided
    assert (row(date(2026, 11, 1)).outcome, row(date(2026, 11, 1)).amounts) == (
        "partly", {"return_money": 1250.5, "return_land": 300.0, "return_people": 3.0}
    )
    assert (row(date(2026, 11, 2)).outcome, row(date(2026, 11, 2)).amounts) == ("wrong", {})
    assert (row(date(2026, 11, 8)).outcome, row(date(2026, 11, 8)).amounts) == ("wrong", {})
    assert (row(date(2026, 11, 30)).outcome, row(date(2026, 11, 30)).amounts) == ("correct", {"return_people": 5.0})


def _complaint_figures(figures: dict) -> dict[str, float]:
    """01/KQGQ totals by "group: column"."""
    table = report_selectors.tables_of(figures)["01/KQGQ"]
    return {f"{c.group[0]}: {c.label}": table.total[c.number] for c in table.columns if c.group}


def test_a_correction_after_the_cut_off_leaves_a_compiled_report_as_it_was(decided, head, inspector):
    report = reports.create_report(actor=inspector, kind="ad_hoc", start=date(2026, 9, 1), end=date(2026, 10, 31))
    version = reports.compile_report(report=report, actor=inspector)
    compiled = _complaint_figures(version.figures)
    assert compiled["Phân tích kết quả: Khiếu nại đúng một phần"] == 1
    assert compiled["Trả lại cho tổ chức, cá nhân: Tiền (triệu đồng)"] == pytest.approx(1250.5)
    # Corrected after the cut-off (31/10/2026).
    services.correct_result(case=decided, actor=head, outcome="correct", amounts={"return_money": Decimal(1300)},
                            reason="Đính chính số tiền", today=date(2026, 11, 5))

    regenerated = reports.regenerate(report=report)  # the same cut-off: the same figures, cell by cell
    assert regenerated.version == version
    assert regenerated.same, regenerated.differences[:5]
    again = reports.compile_report(report=report, actor=inspector)
    for code in ("01/KQGQ", "02/KQGQTC", "03/KQGQ"):
        assert again.figures[code] == version.figures[code], code

    later = reports.create_report(actor=inspector, kind="ad_hoc", start=date(2026, 9, 1), end=date(2026, 11, 30))
    corrected = _complaint_figures(reports.compile_report(report=later, actor=inspector).figures)
    assert corrected["Phân tích kết quả: Khiếu nại đúng"] == 1
    assert corrected["Phân tích kết quả: Khiếu nại đúng một phần"] == 0
    assert corrected["Trả lại cho tổ chức, cá nhân: Tiền (triệu đồng)"] == pytest.approx(1300)
    assert corrected["Trả lại cho tổ chức, cá nhân: Đất (m²)"] == 0
