"""The pure rules of settlement results and citizen satisfaction (no Django: run with `-p no:django`)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from tiepdan.cases.workflow import Action, Status, Track
from tiepdan.cases.workflow import results as wr
from tiepdan.reports import forms as report_forms


def _form_outcomes(form) -> list[str]:
    table = form([], start=date(2026, 1, 1), end=date(2026, 1, 31), units={}, recorded=True)
    labels = [c.label for c in table.columns if c.group[:1] == ("Phân tích kết quả",)]
    return labels


def test_the_outcomes_are_those_of_the_forms_in_their_order():
    complaint = [vi for track in (Track.COMPLAINT_FIRST, Track.COMPLAINT_SECOND) for _, vi, _ in wr.OUTCOMES[track]]
    assert _form_outcomes(report_forms.form_complaint_settlement) == complaint
    assert _form_outcomes(report_forms.form_denunciation_settlement) == [
        vi for _, vi, _ in wr.OUTCOMES[Track.DENUNCIATION]
    ]
    assert {key.value for outcomes in wr.OUTCOMES.values() for key, _, _ in outcomes} == set(wr.SettlementOutcome)


def test_the_amounts_are_those_of_the_forms():
    assert tuple(key for key, _, _ in report_forms.AMOUNT_COLUMNS) == wr.AMOUNT_KEYS


@pytest.mark.parametrize(
    ("track", "action"),
    [
        (Track.COMPLAINT_FIRST, Action.DECIDE),
        (Track.COMPLAINT_SECOND, Action.DECIDE),
        (Track.COMPLAINT_DISCIPLINE, Action.DECIDE),
        (Track.DENUNCIATION, Action.CONCLUDE),
    ],
)
def test_the_deciding_step_of_each_track_records_the_result(track, action):
    assert wr.records_result(track, action)
    assert not wr.records_result(track, Action.ACCEPT)
    assert wr.result_errors(track, wr.outcome_choices(track)[0][0], {}) == []


def test_petitions_record_no_result():
    assert wr.result_action(Track.PETITION) is None
    assert not wr.records_result(Track.PETITION, Action.ANSWER)


def test_the_outcome_is_required_and_named_in_vietnamese():
    (error,) = wr.result_errors(Track.COMPLAINT_FIRST, "", {})
    assert error.field == "outcome"
    assert error.message_vi == (
        "Phải chọn kết quả giải quyết (Khiếu nại đúng, Khiếu nại sai, Khiếu nại đúng một phần)."
    )


def test_a_second_time_decision_upholds_or_annuls_and_is_never_correct_or_wrong():
    assert wr.result_errors(Track.COMPLAINT_SECOND, "upheld", {}) == []
    (error,) = wr.result_errors(Track.COMPLAINT_SECOND, "correct", {})
    assert error.field == "outcome"
    assert "không áp dụng" in error.message_vi
    (error,) = wr.result_errors(Track.DENUNCIATION, "annulled", {})
    assert error.field == "outcome"


def test_amounts_are_optional_numbers_at_least_zero():
    good = {
        "recover_money": Decimal("12.5"), "recover_land": Decimal("100"), "return_money": 0,
        "return_land": Decimal("0.25"), "return_people": 3, "sanction_people": 0, "investigation_cases": 1,
        "investigation_people": 2,
    }
    assert wr.result_errors(Track.DENUNCIATION, "correct", good) == []
    errors = wr.result_errors(Track.DENUNCIATION, "correct", {
        "recover_money": Decimal("-1"), "recover_land": "abc", "return_people": Decimal("1.5"),
        "sanction_people": -2, "return_land": Decimal("1.005"),
    })
    by_field = {e.field: e.message_vi for e in errors}
    assert by_field["recover_money"].endswith("không được là số âm.")
    assert by_field["recover_land"].endswith("phải là một số.")
    assert by_field["return_people"].endswith("phải là số nguyên.")
    assert by_field["sanction_people"].endswith("không được là số âm.")
    assert by_field["return_land"].endswith("tối đa 2 chữ số thập phân.")
    assert wr.result_errors(Track.DENUNCIATION, "correct", {"recover_money": Decimal("1E+12")})[0].field == (
        "recover_money"
    )
    assert wr.result_errors(Track.DENUNCIATION, "correct", {"recover_money": Decimal("NaN")})
    assert wr.result_errors(Track.DENUNCIATION, "correct", {"return_people": True})


def test_people_sent_to_the_investigation_body_need_a_case_sent():
    (error,) = wr.result_errors(Track.DENUNCIATION, "correct", {"investigation_people": 2})
    assert error.field == "investigation_cases"
    assert wr.result_errors(Track.DENUNCIATION, "correct", {"investigation_people": 2, "investigation_cases": 1}) == []


def test_an_unknown_amount_is_refused():
    (error,) = wr.result_errors(Track.COMPLAINT_FIRST, "wrong", {"bribes": 1})
    assert (error.field, error.message_vi) == ("", "Chỉ tiêu không hợp lệ: bribes.")


def test_the_summary_states_the_outcome_and_the_amounts_given_in_the_language_format():
    amounts = {"return_money": Decimal("1250.500"), "return_people": 3, "recover_land": None}
    assert wr.result_summary(Track.COMPLAINT_FIRST, "partly", amounts) == (
        "Khiếu nại đúng một phần; Trả lại cho tổ chức, cá nhân: tiền (triệu đồng): 1.250,5; "
        "Số người được trả lại quyền lợi: 3"
    )
    assert wr.result_summary(Track.DENUNCIATION, "wrong", {}, english=True) == "Denunciation untrue"
    assert wr.result_summary(Track.COMPLAINT_FIRST, "partly", {"return_money": 1250}, english=True).endswith("1,250")


@pytest.mark.parametrize("status", sorted(wr.RESULT_NOTIFIED))
def test_satisfaction_is_recorded_once_the_result_is_known(status):
    on = date(2026, 5, 10)
    assert wr.satisfaction_refusal(status=status, notified_on=date(2026, 5, 1), on=on, today=on) is None


@pytest.mark.parametrize("status", [Status.ACCEPTED, Status.VERIFYING, Status.DECIDED, Status.CONCLUDED])
def test_satisfaction_is_refused_before_the_citizen_knows_the_result(status):
    refusal = wr.satisfaction_refusal(status=status, notified_on=None, on=date(2026, 5, 10), today=date(2026, 5, 10))
    assert refusal is not None
    assert refusal[0].startswith("Chỉ ghi nhận mức độ hài lòng sau khi đã thông báo kết quả")


def test_satisfaction_is_dated_between_the_notice_and_today():
    common = {"status": Status.SENT, "notified_on": date(2026, 5, 1), "today": date(2026, 5, 10)}
    assert wr.satisfaction_refusal(on=date(2026, 4, 30), **common)[0] == (
        "Ngày ghi nhận không được trước ngày thông báo kết quả (01/05/2026)."
    )
    assert wr.satisfaction_refusal(on=date(2026, 5, 11), **common)[0] == "Ngày ghi nhận không được sau ngày hôm nay."


def test_the_share_satisfied_counts_no_opinion_as_not_satisfied():
    assert wr.satisfied_share([]) is None
    assert wr.satisfied_share(["satisfied", "dissatisfied", "no_opinion", "satisfied"]) == 0.5
    assert wr.satisfied_share(["no_opinion"]) == 0.0
