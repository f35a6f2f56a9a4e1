"""Settlement results and citizens' satisfaction through the case page (HTTP), and the services behind it."""

from datetime import date
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from tiepdan.cases import services
from tiepdan.cases.forms import parse_amount
from tiepdan.cases.models import Case, CaseStep, CitizenSatisfaction, SettlementResult

pytestmark = pytest.mark.django_db

ACCEPTED, VERIFYING, DECIDED = date(2026, 9, 10), date(2026, 9, 12), date(2026, 10, 1)


def _act(case, action, actor, on, *documents, **data):
    return services.act(
        case=case, action=action, actor=actor, on=on,
        data=services.ActionInput(documents=frozenset(documents), **data),
    )


def _verifying(make_letter, handler, head, *, track="complaint_first", matter_type="complaint"):
    case = services.open_case(
        letter=make_letter(received_on=date(2026, 9, 7), matter_type=matter_type), track=track, actor=handler
    )
    case = _act(case, "accept", head, ACCEPTED, "acceptance_decision")
    if track == "denunciation":
        case = _act(case, "notify_acceptance", handler, ACCEPTED, "acceptance_notice")
    return _act(case, "start_verification", handler, VERIFYING, "verification_assignment")


@pytest.fixture
def verifying(make_letter, handler, head):
    return _verifying(make_letter, handler, head)


def _decide(client, case, **fields):
    data = {
        "action": "decide", "on": "01/10/2026", "documents": ["verification_report", "decision_document"],
        "document_number": "15/QĐ-SVHTTDL", **fields,
    }
    return client.post(reverse("cases:case_act", args=[case.code]), data)


# ---------------------------------------------------------------------------------------------
# Typed amounts


@pytest.mark.parametrize(
    ("text", "separator", "value"),
    [
        ("12,5", ",", Decimal("12.5")),
        ("12.5", ",", Decimal("12.5")),
        ("1.250.000", ",", Decimal("1250000")),
        ("1.500", ",", Decimal("1500")),
        ("1.500", ".", Decimal("1.5")),
        ("1,500", ".", Decimal("1500")),
        ("1.250,75", ",", Decimal("1250.75")),
        ("1,250.75", ".", Decimal("1250.75")),
        (" 3 000 ", ",", Decimal("3000")),
        ("-4", ",", Decimal("-4")),
        ("", ",", None),
    ],
)
def test_amounts_are_read_as_people_type_them(text, separator, value):
    assert parse_amount(text, separator) == value


@pytest.mark.parametrize("text", ["abc", "1.2.3", "12,5,6", "1e5", "12đ", "--"])
def test_unreadable_amounts_are_refused(text):
    with pytest.raises(ValueError):  # noqa: PT011 - the form turns it into its message
        parse_amount(text, ",")


# ---------------------------------------------------------------------------------------------
# The deciding step through the page


def test_the_decision_records_its_outcome_and_amounts_audited(client, verifying, head):
    client.force_login(head)
    page = client.get(verifying.get_absolute_url())
    assert 'id="result-decide"' in page.content.decode()
    assert "Khiếu nại đúng một phần" in page.content.decode()
    response = _decide(client, verifying, outcome="partly", return_money="1.250,5", return_land="300",
                       return_people="3", sanction_people="")
    assert response.status_code == 302
    result = SettlementResult.objects.select_related("step").get(step__case=verifying)
    assert (result.step.action, result.step.on, result.outcome) == ("decide", DECIDED, "partly")
    assert (result.return_money, result.return_land, result.return_people) == (Decimal("1250.5"), Decimal(300), 3)
    assert result.sanction_people is None and result.recover_money is None  # noqa: PT018
    assert LogEntry.objects.get_for_object(result).filter(actor=head, action=LogEntry.Action.CREATE).exists()
    shown = client.get(verifying.get_absolute_url()).content.decode()
    assert "Kết quả: Khiếu nại đúng một phần; Trả lại cho tổ chức, cá nhân: tiền (triệu đồng): 1.250,5" in shown


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({}, "outcome", "Phải chọn kết quả giải quyết (Khiếu nại đúng, Khiếu nại sai, Khiếu nại đúng một phần)."),
        ({"outcome": "upheld"}, "outcome", "không áp dụng cho giải quyết khiếu nại lần đầu"),
        ({"outcome": "correct", "return_money": "-5"}, "return_money", "không được là số âm"),
        ({"outcome": "correct", "return_money": "mười"}, "return_money", "Phải là một số, ví dụ 12,5"),
        ({"outcome": "correct", "return_people": "2,5"}, "return_people", "Phải là một số nguyên"),
        ({"outcome": "correct", "return_people": "-1"}, "return_people", "không được là số âm"),
        ({"outcome": "correct", "recover_land": "1,125"}, "recover_land", "tối đa 2 chữ số thập phân"),
    ],
)
def test_a_bad_result_is_refused_on_its_field_the_input_kept_and_nothing_saved(
    client, verifying, head, fields, field, message
):
    client.force_login(head)
    steps = CaseStep.objects.filter(case=verifying).count()
    response = _decide(client, verifying, recover_money="12,5", note="Đã xác minh tại xã", **fields)
    assert response.status_code == 422
    form = response.context["form"]
    assert any(message in error for error in form.errors[field])
    html = response.content.decode()
    assert message.split(" (")[0] in html
    assert 'value="12,5"' in html  # the typed amount is shown again, and the documents ticked
    assert html.count('name="documents" value="verification_report" checked') == 1
    assert html.count('name="documents" value="decision_document" checked') == 1
    assert "Đã xác minh tại xã" in html
    for value in fields.values():
        assert value in html
    assert Case.objects.get(pk=verifying.pk).status == "verifying"
    assert CaseStep.objects.filter(case=verifying).count() == steps
    assert not SettlementResult.objects.exists()


def test_a_second_time_decision_upholds_the_first_one(client, make_letter, handler, head, leader):
    case = _verifying(make_letter, handler, leader, track="complaint_second")
    case = _act(case, "schedule_dialogue", handler, date(2026, 9, 20), "verification_report",
                "dialogue_notice_5_days", dialogue_notice_days=6)
    client.force_login(leader)
    response = _decide(client, case, outcome="upheld", documents=["dialogue_minutes", "decision_document"])
    assert response.status_code == 302
    assert SettlementResult.objects.get(step__case=case).outcome == "upheld"


def test_a_denunciation_conclusion_records_recoveries_and_transfers(client, make_letter, handler, head):
    case = _verifying(make_letter, handler, head, track="denunciation", matter_type="denunciation")
    client.force_login(head)
    url = reverse("cases:case_act", args=[case.code])
    data = {"action": "conclude", "on": "01/10/2026", "documents": ["verification_report", "conclusion_document"],
            "outcome": "correct", "recover_money": "85", "investigation_people": "2"}
    refused = client.post(url, data)
    assert refused.status_code == 422
    assert "phải có ít nhất một vụ chuyển" in refused.content.decode()
    assert client.post(url, {**data, "investigation_cases": "1"}).status_code == 302
    result = SettlementResult.objects.get(step__case=case)
    assert (result.outcome, result.recover_money, result.investigation_cases, result.investigation_people) == (
        "correct", Decimal(85), 1, 2
    )


def test_other_steps_show_no_result_fields_and_ignore_them(client, verifying, handler):
    client.force_login(handler)  # a handler cannot decide: the result fields are not offered
    assert 'id="result-decide"' not in client.get(verifying.get_absolute_url()).content.decode()
    response = client.post(reverse("cases:case_act", args=[verifying.code]), {
        "action": "schedule_dialogue", "on": "20/09/2026", "dialogue_notice_days": "6", "outcome": "correct",
        "documents": ["verification_report", "dialogue_notice_5_days"],
    })
    assert response.status_code == 302
    assert not SettlementResult.objects.exists()


def test_an_officer_of_another_unit_cannot_decide_or_see_the_case(client, verifying, outsider, auditor):
    client.force_login(outsider)
    assert client.get(verifying.get_absolute_url()).status_code == 404
    assert _decide(client, verifying, outcome="correct").status_code == 404
    client.force_login(auditor)  # sees every case, writes nothing
    assert _decide(client, verifying, outcome="correct").status_code == 403
    assert not SettlementResult.objects.exists()


def test_the_service_refuses_a_decision_without_outcome_and_a_result_on_another_step(verifying, head, handler):
    with pytest.raises(services.CaseActionRefused) as refused:
        _act(verifying, "decide", head, DECIDED, "verification_report", "decision_document")
    assert [e.field for e in refused.value.errors] == ["outcome"]
    with pytest.raises(services.CaseActionRefused, match="chỉ được ghi nhận khi ban hành"):
        _act(verifying, "schedule_dialogue", handler, DECIDED, "verification_report", "dialogue_notice_5_days",
             dialogue_notice_days=6, outcome="correct")
    with pytest.raises(services.CaseActionRefused, match="không được là số âm"):
        _act(verifying, "decide", head, DECIDED, "verification_report", "decision_document", outcome="correct",
             amounts={"return_money": Decimal("-1")})
    assert Case.objects.get(pk=verifying.pk).status == "verifying"
    assert not SettlementResult.objects.exists()


# ---------------------------------------------------------------------------------------------
# Citizens' satisfaction


@pytest.fixture
def sent(verifying, head, handler):
    case = _act(verifying, "decide", head, DECIDED, "verification_report", "decision_document", outcome="wrong")
    return _act(case, "send_decision", handler, date(2026, 10, 3), "decision_dispatch_record")


def _satisfaction(client, case, **fields):
    return client.post(reverse("cases:case_satisfaction", args=[case.code]), {"on": "05/10/2026", **fields})


def test_the_officer_records_the_citizens_satisfaction_once_the_decision_is_sent(client, sent, handler):
    client.force_login(handler)
    page = client.get(sent.get_absolute_url()).content.decode()
    assert "Ghi nhận ý kiến của công dân" in page
    response = _satisfaction(client, sent, level="dissatisfied", note="Đề nghị xem xét lại")
    assert response.status_code == 302
    record = CitizenSatisfaction.objects.get(case=sent)
    assert (record.level, record.on, record.recorded_by) == ("dissatisfied", date(2026, 10, 5), handler)
    assert LogEntry.objects.get_for_object(record).filter(actor=handler).exists()
    shown = client.get(sent.get_absolute_url()).content.decode()
    assert "Chưa hài lòng" in shown
    assert "Đề nghị xem xét lại" in shown


def test_satisfaction_is_not_offered_before_the_result_is_sent(client, verifying, handler):
    client.force_login(handler)
    assert "Ghi nhận ý kiến của công dân" not in client.get(verifying.get_absolute_url()).content.decode()
    response = _satisfaction(client, verifying, level="satisfied")
    assert response.status_code == 422
    assert "Chỉ ghi nhận mức độ hài lòng sau khi đã thông báo kết quả" in response.content.decode()
    assert not CitizenSatisfaction.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"level": ""}, "Phải chọn ý kiến của công dân."),
        ({"level": "satisfied", "on": "02/10/2026"}, "không được trước ngày thông báo kết quả (03/10/2026)"),
        ({"level": "satisfied", "on": "31/12/2099"}, "Ngày ghi nhận không được sau ngày hôm nay."),
        ({"level": "satisfied", "on": "32/10/2026"}, "32/10/2026"),  # shown again to be corrected
    ],
)
def test_a_bad_satisfaction_record_is_refused_with_the_input_kept(client, sent, handler, fields, message):
    client.force_login(handler)
    response = _satisfaction(client, sent, note="Gặp tại trụ sở", **fields)
    assert response.status_code == 422
    html = response.content.decode()
    assert message in html
    assert "Gặp tại trụ sở" in html
    assert not CitizenSatisfaction.objects.exists()


def test_an_outsider_cannot_record_satisfaction_and_an_auditor_is_refused(client, sent, outsider, auditor):
    client.force_login(outsider)
    assert _satisfaction(client, sent, level="satisfied").status_code == 404
    client.force_login(auditor)
    assert "Ghi nhận ý kiến của công dân" not in client.get(sent.get_absolute_url()).content.decode()
    assert _satisfaction(client, sent, level="satisfied").status_code == 403
    assert client.get(reverse("cases:case_satisfaction", args=[sent.code])).status_code == 403
    assert not CitizenSatisfaction.objects.exists()


def test_the_case_page_makes_a_constant_number_of_queries_with_results(client, sent, handler, head):
    client.force_login(head)
    url = sent.get_absolute_url()
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for day in (5, 6, 7):
        services.record_satisfaction(case=sent, actor=handler, level="satisfied", on=date(2026, 10, day))
    with CaptureQueriesContext(connection) as more:
        assert client.get(url).status_code == 200
    assert len(more) == len(few)
