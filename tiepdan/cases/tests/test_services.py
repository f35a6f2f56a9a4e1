"""Case services against the database: status through the workflow, deadlines stored and moved."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tiepdan.cases import services
from tiepdan.cases.models import Case
from tiepdan.deadlines.models import Deadline


def _deadline(case, rule_prefix):
    return Deadline.objects.filter(object_id=case.pk, rule_id__startswith=rule_prefix).order_by("-id").first()


@pytest.fixture
def complaint(make_letter, handler):
    return services.open_case(
        letter=make_letter(received_on=date(2026, 9, 7)), track="complaint_first", actor=handler
    )


def _accept(case, head, on=date(2026, 9, 10)):
    return services.act(
        case=case,
        action="accept",
        actor=head,
        on=on,
        data=services.ActionInput(documents=frozenset({"acceptance_decision"})),
    )


def test_opening_a_complaint_starts_the_acceptance_limit_of_the_regime_in_force(complaint):
    deadline = _deadline(complaint, "KN-ACCEPT")
    # Regime B from 01/07/2026: 7 working days from receipt (Decree 155/2026 Art 10).
    assert deadline.rule_id == "KN-ACCEPT-B"
    assert deadline.due_on == date(2026, 9, 16)
    complaint.refresh_from_db()
    assert complaint.due_on == date(2026, 9, 16)


def test_accepting_stops_the_acceptance_limit_and_starts_settlement(complaint, head):
    case = _accept(complaint, head)
    assert case.status == "accepted"
    assert _deadline(case, "KN-ACCEPT").status == "met"
    settlement = _deadline(case, "KN-T1")
    assert (settlement.status, settlement.due_on) == ("open", date(2026, 10, 12))
    assert settlement.source.startswith("Luật Khiếu nại")
    assert any("10/10/2026" in step["text"] for step in settlement.explanation)
    assert case.steps.filter(action="accept", actor=head).exists()


def test_a_handler_cannot_accept_and_the_reason_is_given(complaint, handler):
    with pytest.raises(services.CaseActionRefused) as info:
        _accept(complaint, handler)
    assert info.value.message_vi
    assert Case.objects.get(pk=complaint.pk).status == "pending_acceptance"


def test_an_action_dated_before_the_previous_step_is_refused(complaint, head):
    with pytest.raises(services.CaseActionRefused, match="không được trước"):
        _accept(complaint, head, on=date(2026, 9, 1))


def test_complexity_lengthens_and_suspension_pauses_the_settlement(complaint, head):
    case = _accept(complaint, head)
    services.act(
        case=case,
        action="determine_complexity",
        actor=head,
        on=date(2026, 9, 11),
        data=services.ActionInput(documents=frozenset({"complexity_determination"}), criteria=frozenset("b")),
    )
    assert _deadline(case, "KN-T1").due_on == date(2026, 10, 26)
    services.act(
        case=case,
        action="suspend",
        actor=head,
        on=date(2026, 9, 15),
        data=services.ActionInput(documents=frozenset({"suspension_decision"})),
    )
    assert _deadline(case, "KN-T1").due_on is None
    services.act(
        case=case,
        action="resume",
        actor=head,
        on=date(2026, 9, 25),
        data=services.ActionInput(documents=frozenset({"continuation_decision"})),
    )
    case.refresh_from_db()
    assert case.status == "accepted"
    assert _deadline(case, "KN-T1").due_on == date(2026, 11, 4)
    assert case.suspensions.get().end == date(2026, 9, 25)


def test_a_complaint_cannot_be_suspended_before_the_2026_amendments(make_letter, handler, head):
    case = services.open_case(
        letter=make_letter(received_on=date(2026, 3, 2)), track="complaint_first", actor=handler
    )
    _accept(case, head, on=date(2026, 3, 5))
    with pytest.raises(services.CaseActionRefused, match="01/07/2026"):
        services.act(
            case=case,
            action="suspend",
            actor=head,
            on=date(2026, 3, 15),
            data=services.ActionInput(documents=frozenset({"suspension_decision"})),
        )


def test_denunciation_extension_adds_thirty_days(make_letter, handler, head):
    case = services.open_case(
        letter=make_letter(matter_type="denunciation", received_on=date(2026, 3, 2)),
        track="denunciation",
        actor=handler,
    )
    assert _deadline(case, "TC-INIT").due_on == date(2026, 3, 11)
    services.act(
        case=case,
        action="accept",
        actor=head,
        on=date(2026, 3, 2),
        data=services.ActionInput(documents=frozenset({"acceptance_decision"})),
    )
    assert _deadline(case, "TC-T").due_on == date(2026, 4, 1)
    services.act(
        case=case,
        action="determine_complexity",
        actor=head,
        on=date(2026, 3, 10),
        data=services.ActionInput(documents=frozenset({"complexity_determination"}), criteria=frozenset("a")),
    )
    services.act(
        case=case,
        action="extend",
        actor=head,
        on=date(2026, 3, 20),
        data=services.ActionInput(documents=frozenset({"extension_decision"})),
    )
    # domain.md example: TC-T from 02/03/2026, complex, one extension → Mon 04/05/2026 (60 days).
    deadline = _deadline(case, "TC-T")
    assert (deadline.due_on, deadline.days) == (date(2026, 5, 4), 60)


def test_case_list_makes_a_constant_number_of_queries(client, leader, make_letter, handler):
    for _ in range(3):
        services.open_case(letter=make_letter(), track="complaint_first", actor=handler)
    client.force_login(leader)
    client.get(reverse("cases:case_list"))  # warm per-process caches (content types, current period)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("cases:case_list"))
    for _ in range(5):
        services.open_case(letter=make_letter(), track="complaint_first", actor=handler)
    with CaptureQueriesContext(connection) as more:
        assert client.get(reverse("cases:case_list")).status_code == 200
    assert len(more) == len(few)
