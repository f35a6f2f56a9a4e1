"""Tests of the pure case workflows (no Django: run with `-p no:django`).

Table-driven: the sweeps below walk every row of the transition table, so a row added later is tested
for roles, documents and source statuses without writing a new test.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tiepdan.cases.workflow import (
    ACTION_LABELS,
    AFTER_CONCLUSION,
    COMPLAINT_TRACKS,
    COMPLEXITY_CRITERIA,
    EXTENSION_LIMITS,
    PREVIOUS,
    REQUIREMENTS,
    ROLE_LABELS,
    RULE_IDS,
    SETTLEMENT_RULE,
    STATUS_LABELS,
    TERMINAL,
    TRACK_LABELS,
    WITHDRAWAL_EXCEPTIONS,
    Action,
    CaseFacts,
    Outcome,
    Requirement,
    Role,
    Status,
    Track,
    Transition,
    TransitionRefused,
    available_actions,
    initial_status,
    next_status,
    statuses_for,
    transitions_for,
)

ALL_DOCUMENTS = frozenset(REQUIREMENTS)
NON_ACTING_ROLES = (Role.PLANNING_OFFICE, Role.TRADE_UNION, Role.YOUTH_UNION)
VIETNAMESE_LETTERS = set("ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


def ready_facts(track: Track, status: Status, **changes: object) -> CaseFacts:
    """Facts under which every rule passes: complete file, complex case, 5-day notice, one criterion."""
    base = CaseFacts(
        track=track,
        status=status,
        previous_status=Status.VERIFYING if status is Status.SUSPENDED else None,
        documents=ALL_DOCUMENTS,
        complexity="complex",
        is_second_time=track is Track.COMPLAINT_SECOND,
        dialogue_notice_days=5,
        complexity_criteria=frozenset({"a"}),
    )
    return replace(base, **changes)


def expected_status(facts: CaseFacts, transition: Transition) -> Status:
    if transition.target is None:
        return facts.status
    if transition.target == PREVIOUS:
        assert facts.previous_status is not None
        return facts.previous_status
    return Status(transition.target)


def refusal(facts: CaseFacts, action: Action | str, role: Role | str) -> TransitionRefused:
    with pytest.raises(TransitionRefused) as caught:
        next_status(facts, action, role)
    return caught.value


def has_vietnamese(text: str) -> bool:
    return bool(VIETNAMESE_LETTERS & set(text.lower()))


ROWS = [
    pytest.param(transition, source, id=f"{track}-{transition.action}-from-{source}")
    for track in Track
    for transition in transitions_for(track)
    for source in sorted(transition.source)
]

ROWS_WITH_DOCUMENTS = [
    pytest.param(transition, source, req, id=f"{track}-{transition.action}-{source}-{req.code}")
    for track in Track
    for transition in transitions_for(track)
    for source in sorted(transition.source)
    for req in transition.requires
]


def _wrong_sources() -> list[object]:
    params = []
    for track in Track:
        for action in sorted({t.action for t in transitions_for(track)}):
            rows = [t for t in transitions_for(track) if t.action is action]
            sources = frozenset().union(*(t.source for t in rows))
            role = sorted(rows[0].roles)[0]
            for status in sorted(statuses_for(track) - sources):
                params.append(pytest.param(track, action, role, status, id=f"{track}-{action}-from-{status}"))
    return params


# ---------------------------------------------------------------------------------------------------------
# Happy paths: every track reaches a terminal status, one status at a time.

HAPPY_PATHS = {
    "complaint_first_with_dialogue": (Track.COMPLAINT_FIRST, False, [
        (Action.ACCEPT, Role.UNIT_HEAD, {"acceptance_decision"}, Status.ACCEPTED),
        (Action.START_VERIFICATION, Role.UNIT_HANDLER, {"verification_assignment"}, Status.VERIFYING),
        (Action.SCHEDULE_DIALOGUE, Role.INSPECTION, {"verification_report", "dialogue_notice_5_days"},
         Status.DIALOGUE),
        (Action.DECIDE, Role.UNIT_HEAD, {"dialogue_minutes", "decision_document"}, Status.DECIDED),
        (Action.SEND_DECISION, Role.UNIT_HANDLER, {"decision_dispatch_record"}, Status.SENT),
        (Action.RECORD_LEGAL_EFFECT, Role.UNIT_HANDLER, set(), Status.IN_EFFECT),
        (Action.RECORD_ENFORCEMENT, Role.INSPECTION, {"enforcement_report"}, Status.ENFORCED),
        (Action.CLOSE, Role.UNIT_HANDLER, set(), Status.CLOSED),
    ]),
    "complaint_first_without_dialogue_then_appealed": (Track.COMPLAINT_FIRST, False, [
        (Action.ACCEPT, Role.LEADERSHIP, {"acceptance_decision"}, Status.ACCEPTED),
        (Action.START_VERIFICATION, Role.INSPECTION, {"verification_assignment"}, Status.VERIFYING),
        (Action.DECIDE, Role.LEADERSHIP, {"verification_report", "decision_document"}, Status.DECIDED),
        (Action.SEND_DECISION, Role.INSPECTION, {"decision_dispatch_record"}, Status.SENT),
        (Action.RECORD_APPEAL, Role.UNIT_HANDLER, {"appeal_record"}, Status.CLOSED),
    ]),
    "complaint_second": (Track.COMPLAINT_SECOND, True, [
        (Action.ACCEPT, Role.LEADERSHIP, {"acceptance_decision"}, Status.ACCEPTED),
        (Action.START_VERIFICATION, Role.INSPECTION, {"verification_assignment"}, Status.VERIFYING),
        (Action.SCHEDULE_DIALOGUE, Role.INSPECTION, {"verification_report", "dialogue_notice_5_days"},
         Status.DIALOGUE),
        (Action.DECIDE, Role.LEADERSHIP, {"dialogue_minutes", "decision_document"}, Status.DECIDED),
        (Action.SEND_DECISION, Role.INSPECTION, {"decision_dispatch_record"}, Status.SENT),
        (Action.RECORD_LEGAL_EFFECT, Role.INSPECTION, set(), Status.IN_EFFECT),
        (Action.CLOSE, Role.LEADERSHIP, set(), Status.CLOSED),
    ]),
    "complaint_discipline": (Track.COMPLAINT_DISCIPLINE, False, [
        (Action.ACCEPT, Role.UNIT_HEAD, {"acceptance_decision"}, Status.ACCEPTED),
        (Action.START_VERIFICATION, Role.UNIT_HANDLER, {"verification_assignment"}, Status.VERIFYING),
        (Action.DECIDE, Role.UNIT_HEAD, {"verification_report", "decision_document"}, Status.DECIDED),
        (Action.SEND_DECISION, Role.UNIT_HANDLER, {"decision_dispatch_record"}, Status.SENT),
        (Action.RECORD_LEGAL_EFFECT, Role.UNIT_HANDLER, set(), Status.IN_EFFECT),
        (Action.RECORD_ENFORCEMENT, Role.UNIT_HANDLER, {"enforcement_report"}, Status.ENFORCED),
        (Action.CLOSE, Role.UNIT_HEAD, set(), Status.CLOSED),
    ]),
    "denunciation": (Track.DENUNCIATION, False, [
        (Action.ACCEPT, Role.LEADERSHIP, {"acceptance_decision"}, Status.ACCEPTED),
        (Action.NOTIFY_ACCEPTANCE, Role.INSPECTION, {"acceptance_notice"}, Status.NOTIFIED),
        (Action.START_VERIFICATION, Role.INSPECTION, {"verification_assignment"}, Status.VERIFYING),
        (Action.CONCLUDE, Role.LEADERSHIP, {"verification_report", "conclusion_document"}, Status.CONCLUDED),
        (Action.SEND_CONCLUSION, Role.UNIT_HANDLER, {"conclusion_dispatch_record"}, Status.CONCLUSION_SENT),
        (Action.HANDLE_CONCLUSION, Role.UNIT_HEAD, {"handling_decision"}, Status.HANDLED),
        (Action.PUBLISH_CONCLUSION, Role.INSPECTION, {"publication_record"}, Status.PUBLISHED),
        (Action.CLOSE, Role.INSPECTION, set(), Status.CLOSED),
    ]),
    "petition": (Track.PETITION, False, [
        (Action.START_STUDY, Role.UNIT_HANDLER, set(), Status.STUDYING),
        (Action.ANSWER, Role.UNIT_HEAD, {"answer_document"}, Status.ANSWERED),
        (Action.CLOSE, Role.UNIT_HANDLER, set(), Status.CLOSED),
    ]),
}


@pytest.mark.parametrize("name", sorted(HAPPY_PATHS))
def test_happy_path_walks_every_step_to_a_terminal_status(name: str) -> None:
    track, second_time, steps = HAPPY_PATHS[name]
    facts = CaseFacts(track=track, status=initial_status(track), is_second_time=second_time,
                      dialogue_notice_days=7)
    for action, role, documents, expected in steps:
        facts = replace(facts, documents=facts.documents | documents)
        outcome = next_status(facts, action, role)
        assert outcome.status is expected, (action, outcome.status)
        facts = replace(facts, status=outcome.status)
    assert facts.status in TERMINAL
    assert available_actions(facts, Role.LEADERSHIP) == []


def test_initial_status_is_before_acceptance_except_for_petitions() -> None:
    assert {initial_status(t) for t in COMPLAINT_TRACKS | {Track.DENUNCIATION}} == {Status.PENDING_ACCEPTANCE}
    assert initial_status(Track.PETITION) is Status.RECEIVED


# ---------------------------------------------------------------------------------------------------------
# Sweeps over every row of the table.

@pytest.mark.parametrize(("transition", "source"), ROWS)
def test_every_transition_succeeds_from_each_source_with_a_complete_file(
    transition: Transition, source: Status
) -> None:
    facts = ready_facts(transition.track, source)
    outcome = next_status(facts, transition.action, sorted(transition.roles)[0])
    assert outcome.status is expected_status(facts, transition)
    assert outcome.status in statuses_for(transition.track)
    assert outcome.transition.action is transition.action
    assert len(outcome.notes_vi) == len(outcome.notes_en)


@pytest.mark.parametrize(("transition", "source"), ROWS)
def test_every_transition_refuses_each_role_it_does_not_list(transition: Transition, source: Status) -> None:
    facts = ready_facts(transition.track, source)
    outsiders = [role for role in Role if role not in transition.roles]
    assert Role.AUDITOR in outsiders
    assert Role.ADMINISTRATOR in outsiders
    codes = {Role.AUDITOR: "read_only", Role.ADMINISTRATOR: "separation_of_duties"}
    for role in outsiders:
        refused = refusal(facts, transition.action, role)
        assert refused.code == codes.get(role, "wrong_role"), role
        assert has_vietnamese(refused.reason_vi)
        assert refused.reason_en
        assert refused.reason_vi != refused.reason_en


@pytest.mark.parametrize(("transition", "source", "requirement"), ROWS_WITH_DOCUMENTS)
def test_each_missing_document_is_refused_and_listed(
    transition: Transition, source: Status, requirement: Requirement
) -> None:
    facts = ready_facts(transition.track, source, documents=ALL_DOCUMENTS - {requirement.code})
    refused = refusal(facts, transition.action, sorted(transition.roles)[0])
    assert refused.code == "missing_documents"
    assert refused.missing == (requirement,)
    assert requirement.label_vi in refused.reason_vi
    assert requirement.label_en in refused.reason_en


@pytest.mark.parametrize(("track", "action", "role", "status"), _wrong_sources())
def test_every_action_is_refused_from_a_status_outside_its_sources(
    track: Track, action: Action, role: Role, status: Status
) -> None:
    refused = refusal(ready_facts(track, status), action, role)
    if status in TERMINAL:
        assert refused.code == "terminal"
    elif action is Action.WITHDRAW and status in AFTER_CONCLUSION:
        assert refused.code == "withdrawal_after_conclusion"
    elif action is Action.DECIDE and status is Status.VERIFYING:
        assert refused.code == "dialogue_required"
    else:
        assert refused.code == "wrong_status"
    assert has_vietnamese(refused.reason_vi)


@pytest.mark.parametrize("track", list(Track))
def test_no_action_has_two_rows_for_the_same_status(track: Track) -> None:
    rows = transitions_for(track)
    for action in Action:
        sources = [t.source for t in rows if t.action is action]
        assert sum(len(s) for s in sources) == len(frozenset().union(*sources)), action


@pytest.mark.parametrize("track", list(Track))
def test_every_status_is_reachable_and_every_non_terminal_status_has_a_way_out(track: Track) -> None:
    rows = transitions_for(track)
    reached, frontier = {initial_status(track)}, [initial_status(track)]
    while frontier:
        status = frontier.pop()
        for row in rows:
            if status in row.source and isinstance(row.target, Status) and row.target not in reached:
                reached.add(row.target)
                frontier.append(row.target)
    assert reached == set(statuses_for(track))
    for status in statuses_for(track) - TERMINAL:
        assert any(status in row.source and row.target is not None for row in rows), status


def test_every_deadline_named_by_the_table_is_a_rule_of_the_rules_table() -> None:
    used = {
        rule
        for track in Track
        for t in transitions_for(track)
        for rule in (*t.starts_deadlines, *t.stops_deadlines, *t.pauses_deadlines, *t.resumes_deadlines,
                     *t.recomputes_deadlines)
    }
    assert used <= RULE_IDS
    assert set(SETTLEMENT_RULE.values()) <= used


def test_every_enum_member_has_a_vietnamese_and_an_english_label() -> None:
    for labels, enum in ((TRACK_LABELS, Track), (STATUS_LABELS, Status), (ACTION_LABELS, Action),
                         (ROLE_LABELS, Role)):
        assert set(labels) == set(enum)
        for vi, en in labels.values():
            assert vi
            assert en
            assert vi != en
    assert all(has_vietnamese(r.label_vi) for r in REQUIREMENTS.values())
    assert all(code == r.code for code, r in REQUIREMENTS.items())


def test_every_deadline_named_by_the_table_is_known_to_the_legal_rules() -> None:
    legal_rules = pytest.importorskip("tiepdan.legal.rules")
    known = {rule.id for rule in legal_rules.RULES} | {rule.base_id for rule in legal_rules.RULES}
    assert RULE_IDS.issubset(known)


def test_workflow_roles_have_the_values_of_the_org_roles() -> None:
    org_roles = pytest.importorskip("tiepdan.org.roles")
    assert {r.value for r in org_roles.Role} == {r.value for r in Role}


# ---------------------------------------------------------------------------------------------------------
# Who may act.

def test_auditor_can_never_act() -> None:
    for track in Track:
        for status in statuses_for(track):
            facts = ready_facts(track, status)
            assert available_actions(facts, Role.AUDITOR) == []
            for action in Action:
                assert refusal(facts, action, Role.AUDITOR).code == "read_only"


def test_administrator_may_not_settle_cases() -> None:
    for track in Track:
        for status in statuses_for(track):
            facts = ready_facts(track, status)
            assert available_actions(facts, Role.ADMINISTRATOR) == []
            for action in Action:
                assert refusal(facts, action, "administrator").code == "separation_of_duties"


@pytest.mark.parametrize("role", NON_ACTING_ROLES)
def test_support_roles_are_offered_no_case_action(role: Role) -> None:
    for track in Track:
        for status in statuses_for(track):
            assert available_actions(ready_facts(track, status), role) == []


def test_unit_head_cannot_decide_a_second_time_complaint_which_the_director_settles() -> None:
    facts = ready_facts(Track.COMPLAINT_SECOND, Status.DIALOGUE)
    assert refusal(facts, Action.DECIDE, Role.UNIT_HEAD).code == "wrong_role"
    assert next_status(facts, Action.DECIDE, Role.LEADERSHIP).status is Status.DECIDED


def test_unit_handler_prepares_but_cannot_sign_a_decision() -> None:
    facts = ready_facts(Track.COMPLAINT_FIRST, Status.VERIFYING)
    assert next_status(facts, Action.SCHEDULE_DIALOGUE, Role.UNIT_HANDLER).status is Status.DIALOGUE
    refused = refusal(facts, Action.DECIDE, Role.UNIT_HANDLER)
    assert refused.code == "wrong_role"
    assert "Thủ trưởng đơn vị" in refused.reason_vi
    assert "Lãnh đạo sở" in refused.reason_vi


def test_reception_officer_records_a_withdrawal_but_cannot_terminate() -> None:
    facts = ready_facts(Track.COMPLAINT_FIRST, Status.VERIFYING)
    withdrawn = next_status(facts, Action.WITHDRAW, Role.RECEPTION_OFFICER)
    assert withdrawn.status is Status.WITHDRAWN
    after = replace(facts, status=withdrawn.status)
    assert refusal(after, Action.TERMINATE, Role.RECEPTION_OFFICER).code == "wrong_role"
    assert next_status(after, Action.TERMINATE, Role.UNIT_HEAD).status is Status.TERMINATED


def test_roles_may_be_given_as_the_strings_stored_in_auth_groups() -> None:
    facts = CaseFacts(track="petition", status="received", previous_status="")
    assert next_status(facts, "start_study", "unit_handler").status is Status.STUDYING
    assert refusal(facts, "start_study", "janitor").code == "unknown_role"
    assert refusal(facts, "sing", "unit_handler").code == "unknown_action"


# ---------------------------------------------------------------------------------------------------------
# Suspension, termination, withdrawal.

SUSPENDABLE = [
    pytest.param(track, source, id=f"{track}-{source}")
    for track in Track
    for t in transitions_for(track)
    if t.action is Action.SUSPEND
    for source in sorted(t.source)
]


@pytest.mark.parametrize(("track", "source"), SUSPENDABLE)
def test_suspend_then_resume_returns_to_the_status_it_was_suspended_from(
    track: Track, source: Status
) -> None:
    facts = ready_facts(track, source)
    suspended = next_status(facts, Action.SUSPEND, Role.LEADERSHIP)
    assert suspended.status is Status.SUSPENDED
    assert suspended.transition.pauses_deadlines == (SETTLEMENT_RULE[track],)
    facts = replace(facts, status=suspended.status, previous_status=source)
    resumed = next_status(facts, Action.RESUME, Role.LEADERSHIP)
    assert resumed.status is source
    assert resumed.transition.resumes_deadlines == (SETTLEMENT_RULE[track],)


def test_petitions_cannot_be_suspended() -> None:
    facts = ready_facts(Track.PETITION, Status.STUDYING)
    assert refusal(facts, Action.SUSPEND, Role.UNIT_HEAD).code == "action_not_in_track"


@pytest.mark.parametrize("previous", [None, Status.CONCLUDED, Status.SUSPENDED])
def test_resume_is_refused_when_the_status_before_suspension_is_unknown_or_not_suspendable(
    previous: Status | None,
) -> None:
    facts = ready_facts(Track.DENUNCIATION, Status.SUSPENDED, previous_status=previous)
    assert refusal(facts, Action.RESUME, Role.LEADERSHIP).code == "no_previous_status"
    assert Action.RESUME not in {t.action for t in available_actions(facts, Role.LEADERSHIP)}


def test_resume_needs_a_continuation_decision() -> None:
    facts = ready_facts(Track.COMPLAINT_FIRST, Status.SUSPENDED,
                        documents=ALL_DOCUMENTS - {"continuation_decision"})
    assert refusal(facts, Action.RESUME, Role.UNIT_HEAD).missing == (REQUIREMENTS["continuation_decision"],)


@pytest.mark.parametrize("status", sorted(AFTER_CONCLUSION - TERMINAL))
def test_denunciation_withdrawal_after_conclusion_is_refused(status: Status) -> None:
    facts = ready_facts(Track.DENUNCIATION, status, concluded=True)
    refused = refusal(facts, Action.WITHDRAW, Role.RECEPTION_OFFICER)
    assert refused.code == "withdrawal_after_conclusion"
    assert "kết luận" in refused.reason_vi
    assert Action.WITHDRAW not in {t.action for t in available_actions(facts, Role.RECEPTION_OFFICER)}


def test_denunciation_marked_concluded_cannot_be_withdrawn_whatever_its_status() -> None:
    facts = ready_facts(Track.DENUNCIATION, Status.VERIFYING, concluded=True)
    assert refusal(facts, Action.WITHDRAW, Role.UNIT_HANDLER).code == "withdrawal_after_conclusion"


def test_denunciation_withdrawn_before_conclusion_awaits_a_termination_decision() -> None:
    facts = ready_facts(Track.DENUNCIATION, Status.VERIFYING)
    withdrawn = next_status(facts, Action.WITHDRAW, Role.RECEPTION_OFFICER)
    assert withdrawn.status is Status.WITHDRAWN
    assert withdrawn.transition.stops_deadlines == ("TC-NOTIFY-ACC", "TC-T")
    after = replace(facts, status=Status.WITHDRAWN)
    assert [t.action for t in available_actions(after, Role.LEADERSHIP)] == [Action.TERMINATE]
    assert next_status(after, Action.TERMINATE, Role.LEADERSHIP).status is Status.TERMINATED


@pytest.mark.parametrize("exception", sorted(WITHDRAWAL_EXCEPTIONS))
def test_withdrawal_with_an_exception_continues_the_settlement(exception: str) -> None:
    facts = ready_facts(Track.DENUNCIATION, Status.VERIFYING, withdrawal_exceptions=frozenset({exception}))
    outcome = next_status(facts, Action.WITHDRAW, Role.UNIT_HANDLER)
    assert outcome.status is Status.VERIFYING
    assert outcome.transition.target is None
    assert outcome.transition.stops_deadlines == ()
    label_vi, label_en = WITHDRAWAL_EXCEPTIONS[exception]
    assert any(label_vi in note and "TC-WITHDRAW" in note for note in outcome.notes_vi)
    assert any(label_en in note for note in outcome.notes_en)


def test_slanderous_denouncer_is_reminded_of_liability() -> None:
    facts = ready_facts(Track.DENUNCIATION, Status.NOTIFIED, withdrawal_exceptions=frozenset({"slander"}))
    assert any("chịu trách nhiệm" in note for note in next_status(facts, "withdraw", "inspection").notes_vi)


def test_unknown_withdrawal_exception_is_refused() -> None:
    facts = ready_facts(Track.DENUNCIATION, Status.VERIFYING, withdrawal_exceptions=frozenset({"bored"}))
    assert refusal(facts, Action.WITHDRAW, Role.UNIT_HANDLER).code == "invalid_exception"


def test_withdrawal_exceptions_apply_only_to_denunciations() -> None:
    facts = ready_facts(Track.COMPLAINT_FIRST, Status.VERIFYING, withdrawal_exceptions=frozenset({"coerced"}))
    assert refusal(facts, Action.WITHDRAW, Role.UNIT_HANDLER).code == "invalid_exception"


@pytest.mark.parametrize("track", [Track.COMPLAINT_FIRST, Track.DENUNCIATION, Track.PETITION])
def test_group_withdrawal_continues_for_the_remaining_people(track: Track) -> None:
    status = Status.STUDYING if track is Track.PETITION else Status.VERIFYING
    facts = ready_facts(track, status, remaining_complainants=3)
    outcome = next_status(facts, Action.WITHDRAW, Role.RECEPTION_OFFICER)
    assert outcome.status is status
    assert outcome.transition.stops_deadlines == ()
    assert any("3 người còn lại" in note for note in outcome.notes_vi)
    last = next_status(replace(facts, remaining_complainants=0), Action.WITHDRAW, Role.RECEPTION_OFFICER)
    assert last.status is Status.WITHDRAWN
    assert SETTLEMENT_RULE[track] in last.transition.stops_deadlines


def test_complaint_cannot_be_withdrawn_once_decided() -> None:
    facts = ready_facts(Track.COMPLAINT_FIRST, Status.DECIDED)
    assert refusal(facts, Action.WITHDRAW, Role.RECEPTION_OFFICER).code == "wrong_status"


# ---------------------------------------------------------------------------------------------------------
# Complexity and extension.

@pytest.mark.parametrize(
    ("complexity", "used", "allowed"),
    [
        ("none", 0, False),
        ("complex", 0, True),
        ("complex", 1, False),
        ("especially_complex", 0, True),
        ("especially_complex", 1, True),
        ("especially_complex", 2, False),
    ],
)
def test_extension_limits_follow_the_complexity(complexity: str, used: int, allowed: bool) -> None:
    facts = ready_facts(Track.DENUNCIATION, Status.VERIFYING, complexity=complexity, extensions_used=used)
    offered = Action.EXTEND in {t.action for t in available_actions(facts, Role.LEADERSHIP)}
    assert offered is allowed
    if allowed:
        outcome = next_status(facts, Action.EXTEND, Role.LEADERSHIP)
        assert outcome.status is Status.VERIFYING
        assert outcome.transition.recomputes_deadlines == ("TC-T",)
        assert any(f"lần {used + 1}/{EXTENSION_LIMITS[complexity]}" in n for n in outcome.notes_vi)
    else:
        expected = "not_complex" if complexity == "none" else "extension_limit"
        assert refusal(facts, Action.EXTEND, Role.LEADERSHIP).code == expected


def test_extension_needs_a_written_extension_decision() -> None:
    facts = ready_facts(Track.DENUNCIATION, Status.NOTIFIED, documents=ALL_DOCUMENTS - {"extension_decision"})
    assert refusal(facts, Action.EXTEND, Role.UNIT_HEAD).missing == (REQUIREMENTS["extension_decision"],)


@pytest.mark.parametrize("track", sorted(COMPLAINT_TRACKS | {Track.PETITION}))
def test_only_denunciations_are_extended(track: Track) -> None:
    status = Status.STUDYING if track is Track.PETITION else Status.VERIFYING
    assert refusal(ready_facts(track, status), Action.EXTEND, Role.LEADERSHIP).code == "action_not_in_track"


@pytest.mark.parametrize(
    ("track", "criteria", "level"),
    [
        (Track.DENUNCIATION, {"a"}, "complex"),
        (Track.DENUNCIATION, {"b", "dd"}, "especially_complex"),
        (Track.COMPLAINT_FIRST, {"a", "b", "g"}, "complex"),
        (Track.COMPLAINT_SECOND, {"c"}, "complex"),
        (Track.PETITION, {"e", "d"}, "complex"),
    ],
)
def test_complexity_determination_sets_the_level_without_changing_the_status(
    track: Track, criteria: set[str], level: str
) -> None:
    status = Status.STUDYING if track is Track.PETITION else Status.VERIFYING
    facts = ready_facts(track, status, complexity="none", complexity_criteria=frozenset(criteria))
    outcome = next_status(facts, Action.DETERMINE_COMPLEXITY, Role.LEADERSHIP)
    assert outcome.status is status
    assert outcome.complexity == level
    expected_recompute = () if track is Track.DENUNCIATION else (SETTLEMENT_RULE[track],)
    assert outcome.transition.recomputes_deadlines == expected_recompute


@pytest.mark.parametrize("criteria", [frozenset(), frozenset({"h"}), frozenset({"a", "đ"})])
def test_complexity_determination_needs_known_criteria(criteria: frozenset[str]) -> None:
    facts = ready_facts(Track.COMPLAINT_FIRST, Status.ACCEPTED, complexity_criteria=criteria)
    assert refusal(facts, Action.DETERMINE_COMPLEXITY, Role.UNIT_HEAD).code == "invalid_criteria"


def test_complexity_determination_needs_the_written_document() -> None:
    facts = ready_facts(Track.DENUNCIATION, Status.ACCEPTED, documents=frozenset())
    refused = refusal(facts, Action.DETERMINE_COMPLEXITY, Role.UNIT_HEAD)
    assert refused.missing == (REQUIREMENTS["complexity_determination"],)


def test_complexity_cannot_be_lowered_below_the_extensions_already_granted() -> None:
    facts = ready_facts(Track.DENUNCIATION, Status.VERIFYING, complexity="especially_complex",
                        extensions_used=2, complexity_criteria=frozenset({"a"}))
    assert refusal(facts, Action.DETERMINE_COMPLEXITY, Role.UNIT_HEAD).code == "complexity_below_extensions"


def test_every_complexity_criterion_letter_of_the_decree_is_known() -> None:
    assert set(COMPLEXITY_CRITERIA) == {"a", "b", "c", "d", "dd", "e", "g"}


# ---------------------------------------------------------------------------------------------------------
# Dialogue.

def test_second_time_complaint_cannot_be_decided_without_dialogue_minutes() -> None:
    at_verification = ready_facts(Track.COMPLAINT_SECOND, Status.VERIFYING)
    refused = refusal(at_verification, Action.DECIDE, Role.LEADERSHIP)
    assert refused.code == "dialogue_required"
    assert refused.missing == (REQUIREMENTS["dialogue_minutes"],)
    assert Action.DECIDE not in {t.action for t in available_actions(at_verification, Role.LEADERSHIP)}
    in_dialogue = ready_facts(Track.COMPLAINT_SECOND, Status.DIALOGUE,
                              documents=ALL_DOCUMENTS - {"dialogue_minutes"})
    refused = refusal(in_dialogue, Action.DECIDE, Role.LEADERSHIP)
    assert refused.code == "missing_documents"
    assert refused.missing == (REQUIREMENTS["dialogue_minutes"],)


def test_second_time_discipline_complaint_must_also_hold_a_dialogue() -> None:
    first = ready_facts(Track.COMPLAINT_DISCIPLINE, Status.VERIFYING, is_second_time=False)
    assert next_status(first, Action.DECIDE, Role.UNIT_HEAD).status is Status.DECIDED
    second = replace(first, is_second_time=True)
    assert refusal(second, Action.DECIDE, Role.UNIT_HEAD).code == "dialogue_required"
    assert Action.DECIDE not in {t.action for t in available_actions(second, Role.UNIT_HEAD)}


def test_first_time_complaint_may_be_decided_without_a_dialogue() -> None:
    facts = ready_facts(Track.COMPLAINT_FIRST, Status.VERIFYING,
                        documents=ALL_DOCUMENTS - {"dialogue_minutes"})
    outcome = next_status(facts, Action.DECIDE, Role.UNIT_HEAD)
    assert outcome.status is Status.DECIDED
    assert outcome.transition.starts_deadlines == ("KN-SEND-1", "KN-EFFECT-1")
    assert outcome.transition.stops_deadlines == ("KN-T1",)


@pytest.mark.parametrize(("days", "allowed"), [(None, False), (0, False), (4, False), (5, True), (10, True)])
def test_dialogue_notice_must_go_out_at_least_five_days_ahead(days: int | None, allowed: bool) -> None:
    facts = ready_facts(Track.COMPLAINT_SECOND, Status.VERIFYING, dialogue_notice_days=days)
    if allowed:
        assert next_status(facts, Action.SCHEDULE_DIALOGUE, Role.INSPECTION).status is Status.DIALOGUE
    else:
        refused = refusal(facts, Action.SCHEDULE_DIALOGUE, Role.INSPECTION)
        assert refused.code == "dialogue_notice_too_short"
        assert refused.missing == (REQUIREMENTS["dialogue_notice_5_days"],)
        assert "5 ngày" in refused.reason_vi


def test_decision_after_a_dialogue_moved_to_short_notice_is_refused() -> None:
    facts = ready_facts(Track.COMPLAINT_FIRST, Status.DIALOGUE, dialogue_notice_days=3)
    assert refusal(facts, Action.DECIDE, Role.UNIT_HEAD).code == "dialogue_notice_too_short"


def test_second_time_dialogue_reminds_that_the_director_attends_in_person() -> None:
    second = ready_facts(Track.COMPLAINT_SECOND, Status.VERIFYING)
    outcome = next_status(second, "schedule_dialogue", "inspection")
    assert any("Giám đốc Sở phải trực tiếp đối thoại" in note for note in outcome.notes_vi)
    first = next_status(replace(second, track=Track.COMPLAINT_FIRST, is_second_time=False),
                        "schedule_dialogue", "inspection")
    assert not any("Giám đốc" in note for note in first.notes_vi)


# ---------------------------------------------------------------------------------------------------------
# Deadlines started and stopped.

@pytest.mark.parametrize(
    ("track", "starts"),
    [
        (Track.COMPLAINT_FIRST, ("KN-T1",)),
        (Track.COMPLAINT_SECOND, ("KN-T2",)),
        (Track.COMPLAINT_DISCIPLINE, ("KN-DISC-T",)),
        (Track.DENUNCIATION, ("TC-NOTIFY-ACC", "TC-T")),
    ],
)
def test_acceptance_starts_the_settlement_time_limit(track: Track, starts: tuple[str, ...]) -> None:
    outcome = next_status(ready_facts(track, Status.PENDING_ACCEPTANCE), Action.ACCEPT, Role.LEADERSHIP)
    assert outcome.status is Status.ACCEPTED
    assert outcome.transition.starts_deadlines == starts
    assert any(", ".join(starts) in note for note in outcome.notes_vi)


def test_conclusion_starts_sending_handling_and_publication_limits() -> None:
    outcome = next_status(ready_facts(Track.DENUNCIATION, Status.VERIFYING), Action.CONCLUDE, Role.UNIT_HEAD)
    assert outcome.transition.starts_deadlines == ("TC-CONCL-SEND", "TC-HANDLE", "TC-PUBLIC")
    assert outcome.transition.stops_deadlines == ("TC-T",)


def test_second_time_decision_starts_the_seven_day_sending_limit() -> None:
    facts = ready_facts(Track.COMPLAINT_SECOND, Status.DIALOGUE)
    outcome = next_status(facts, Action.DECIDE, Role.LEADERSHIP)
    assert outcome.transition.starts_deadlines == ("KN-SEND-2", "KN-EFFECT-2")


def test_denunciation_verification_reminds_to_hide_the_denouncer() -> None:
    facts = ready_facts(Track.DENUNCIATION, Status.NOTIFIED)
    outcome = next_status(facts, "start_verification", "inspection")
    assert outcome.status is Status.VERIFYING
    assert any("TC-CONFID" in note for note in outcome.notes_vi)


# ---------------------------------------------------------------------------------------------------------
# Facts and the UI's list of actions.

def test_a_status_outside_the_track_is_refused_as_invalid_facts() -> None:
    facts = CaseFacts(track=Track.PETITION, status=Status.DECIDED)
    assert refusal(facts, Action.CLOSE, Role.UNIT_HEAD).code == "invalid_facts"
    with pytest.raises(TransitionRefused):
        available_actions(facts, Role.UNIT_HEAD)


def test_a_first_time_complaint_marked_second_time_is_refused_as_invalid_facts() -> None:
    facts = ready_facts(Track.COMPLAINT_FIRST, Status.VERIFYING, is_second_time=True)
    assert refusal(facts, Action.DECIDE, Role.UNIT_HEAD).code == "invalid_facts"


def test_available_actions_offer_an_action_whose_documents_are_still_missing() -> None:
    facts = CaseFacts(track=Track.DENUNCIATION, status=Status.PENDING_ACCEPTANCE)
    offered = {t.action for t in available_actions(facts, Role.UNIT_HEAD)}
    assert offered == {Action.ACCEPT, Action.REJECT}
    assert refusal(facts, Action.ACCEPT, Role.UNIT_HEAD).code == "missing_documents"


def test_available_actions_agree_with_next_status_on_a_complete_file() -> None:
    for track in Track:
        for status in statuses_for(track):
            facts = ready_facts(track, status)
            for role in Role:
                offered = {t.action for t in available_actions(facts, role)}
                for action in Action:
                    try:
                        next_status(facts, action, role)
                    except TransitionRefused:
                        assert action not in offered, (track, status, role, action)
                    else:
                        assert action in offered, (track, status, role, action)


def test_every_terminal_status_refuses_every_action_of_every_role() -> None:
    for track in Track:
        for status in statuses_for(track) & TERMINAL:
            facts = ready_facts(track, status)
            for action in Action:
                for role in Role:
                    with pytest.raises(TransitionRefused):
                        next_status(facts, action, role)


# ---------------------------------------------------------------------------------------------------------
# Random sequences.

def _advance(facts: CaseFacts, action: Action, outcome: Outcome) -> CaseFacts:
    """What the cases service stores after an allowed action."""
    return replace(
        facts,
        status=outcome.status,
        previous_status=facts.status if outcome.status is Status.SUSPENDED else facts.previous_status,
        complexity=outcome.complexity or facts.complexity,
        extensions_used=facts.extensions_used + (action is Action.EXTEND),
        concluded=facts.concluded or action is Action.CONCLUDE,
    )


DOCUMENT_CODES = sorted(ALL_DOCUMENTS)
CRITERIA_CODES = [*COMPLEXITY_CRITERIA, "z"]  # "z" is not a criterion: determinations with it are refused
EXCEPTION_CODES = [*WITHDRAWAL_EXCEPTIONS, "bored"]


def _subset(codes: list[str], mask: int) -> frozenset[str]:
    return frozenset(code for bit, code in enumerate(codes) if mask >> bit & 1)


# One step = (role, action, pick, complete, documents, notice days, criteria, exceptions, remaining); sets
# are bit masks because one integer draw is much cheaper for Hypothesis than a drawn set.
STEPS = st.lists(
    st.tuples(
        st.sampled_from(list(Role)),
        st.sampled_from(list(Action)),
        # ≥0: take the n-th offered action (0 is the main line in table order); -1: the random one.
        st.sampled_from([0, 0, 0, 0, 0, 1, 2, 3, 4, -1]),
        st.booleans(),  # complete the file for the offered action first
        st.integers(min_value=0, max_value=2 ** len(DOCUMENT_CODES) - 1),
        st.sampled_from([None, 2, 4, 5, 9]),
        st.integers(min_value=0, max_value=2 ** len(CRITERIA_CODES) - 1),
        st.sampled_from([0, 0, 0, 1, 2, 4, 8, 5]),  # mostly no exception, sometimes one or two
        st.sampled_from([None, 0, 2]),
    ),
    min_size=10,
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(track=st.sampled_from(list(Track)), second_time=st.booleans(), steps=STEPS)
def test_random_action_sequences_stay_in_the_track_and_never_leave_a_terminal_status(
    track: Track, second_time: bool, steps: list[tuple]
) -> None:
    second_time = track is Track.COMPLAINT_SECOND or (track is Track.COMPLAINT_DISCIPLINE and second_time)
    facts = CaseFacts(track=track, status=initial_status(track), is_second_time=second_time)
    reasons: list[TransitionRefused] = []
    for role, action, pick, complete, document_mask, notice_days, criteria, exceptions, remaining in steps:
        documents = _subset(DOCUMENT_CODES, document_mask)
        # Half-random walk: mostly an action some role is offered (so that walks go deep), sometimes any.
        offered_to_anyone = {t for r in Role for t in available_actions(facts, r)}
        offered = [t for t in transitions_for(track) if t in offered_to_anyone]
        if offered and pick >= 0:
            chosen = offered[pick % len(offered)]
            action, role = chosen.action, sorted(chosen.roles)[pick % len(chosen.roles)]
            if complete:
                documents |= chosen.requirement_codes
        facts = replace(
            facts,
            documents=facts.documents | documents,
            dialogue_notice_days=notice_days,
            complexity_criteria=_subset(CRITERIA_CODES, criteria),
            withdrawal_exceptions=_subset(EXCEPTION_CODES, exceptions),
            remaining_complainants=remaining,
        )
        before = facts.status
        try:
            outcome = next_status(facts, action, role)
        except TransitionRefused as refused:
            reasons.append(refused)
            continue
        assert before not in TERMINAL
        assert role not in (Role.AUDITOR, Role.ADMINISTRATOR)
        assert outcome.status in statuses_for(track)
        if track is Track.DENUNCIATION and outcome.status is Status.WITHDRAWN:
            assert not facts.concluded
        facts = _advance(facts, action, outcome)
        assert facts.extensions_used <= EXTENSION_LIMITS[facts.complexity]
    assert all(has_vietnamese(r.reason_vi) for r in reasons)
    assert all(r.reason_en for r in reasons)
