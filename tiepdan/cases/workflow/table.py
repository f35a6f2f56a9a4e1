"""The transition table: for every track, which action moves a case from which statuses to which, who may
take it, which documents it needs and which statutory time limits it starts or stops.

The table is the single place where the procedure is written down (like django-oscar's
`Order.set_status` pipeline); `engine.next_status` only reads it and applies the few rules that depend on
facts rather than on the status (extension limits, mandatory dialogue, withdrawal exceptions...).

Deadline fields hold rule ids of domain.md §12 and mean, for the deadlines app:
- `starts_deadlines`: a period of that rule begins on the date of this action;
- `stops_deadlines`: the open period of that rule is met (or no longer applies) on that date; stopping a
  rule that is not open does nothing;
- `pauses_deadlines` / `resumes_deadlines`: the suspended interval is excluded from the period (CAL-4:
  Law 25/2018 Art 34(2); Decree 124/2020 Art 28b(2) as added by Decree 155/2026);
- `recomputes_deadlines`: the open period keeps its start date but its length changes (complexity,
  extension).

Roles. Separation of duties is encoded here, once:
- `unit_head` and `leadership` sign: acceptance, refusal, decisions, conclusions, suspensions,
  terminations, complexity determinations and extensions. Leadership (Director or a deputy signing
  "KT. Giám đốc") is the only signer of second-time complaints: the Sở Director is the second-time
  settler against decisions of unit heads (Law 02/2011 Art 20(2)), so a unit head must not decide an
  appeal against his own unit.
- `unit_handler` and `inspection` do the advisory and clerical steps: verification, dialogue set-up,
  dispatch, notices, publication, enforcement records, closing. Inspection is the advisory unit (the
  former department inspectorate, Thanh tra sở) and acts on every case it advises on; which cases a
  given person may touch is `policies.py`'s job, not the table's.
- `reception_officer` only records a withdrawal letter handed in at the reception place (handlers may
  too, for letters that arrive by post).
- `administrator` manages accounts and settings and never settles a case; `auditor` only reads;
  `planning_office`, `trade_union` and `youth_union` support reception (venue, security, mediation) and
  take no case action (plan 2024 part III).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Final, Literal

from tiepdan.cases.workflow.vocabulary import (
    ACTION_LABELS,
    COMPLAINT_TRACKS,
    REQUIREMENTS,
    TERMINAL,
    Action,
    Requirement,
    Role,
    Status,
    Track,
)

PREVIOUS: Final = "previous"
"""`Transition.target` value meaning "back to the status the case was suspended from"."""


@dataclass(frozen=True)
class Transition:
    """One row of the table. `target` None = the status stays; PREVIOUS = the status before suspension."""

    track: Track
    action: Action
    source: frozenset[Status]
    target: Status | Literal["previous"] | None
    roles: frozenset[Role]
    requires: tuple[Requirement, ...]
    starts_deadlines: tuple[str, ...]
    stops_deadlines: tuple[str, ...]
    label_vi: str
    label_en: str
    pauses_deadlines: tuple[str, ...] = ()
    resumes_deadlines: tuple[str, ...] = ()
    recomputes_deadlines: tuple[str, ...] = ()
    legal_basis: str = ""

    @property
    def requirement_codes(self) -> frozenset[str]:
        return frozenset(r.code for r in self.requires)


# Rule ids of domain.md §12 that this table uses (KN-ACCEPT is the base id of KN-ACCEPT-A/B); the tests
# check every transition against it and against `tiepdan.legal.rules`.
RULE_IDS: frozenset[str] = frozenset({
    "KN-ACCEPT", "KN-T1", "KN-T2", "KN-DISC-T", "KN-SEND-1", "KN-SEND-2",
    "KN-EFFECT-1", "KN-EFFECT-2", "KN-DIALOG", "KN-SUSP-SEND",
    "TC-INIT", "TC-NOTIFY-ACC", "TC-T", "TC-SUSP", "TC-CONCL-SEND", "TC-HANDLE", "TC-PUBLIC", "TC-WITHDRAW",
    "PAKN-ANSWER",
})

# The period within which the case must be settled, per track.
SETTLEMENT_RULE: dict[Track, str] = {
    Track.COMPLAINT_FIRST: "KN-T1",
    Track.COMPLAINT_SECOND: "KN-T2",
    Track.COMPLAINT_DISCIPLINE: "KN-DISC-T",
    Track.DENUNCIATION: "TC-T",
    Track.PETITION: "PAKN-ANSWER",
}

# Base id: `tiepdan.legal.rules.get_rule` resolves it to KN-ACCEPT-A (until 30/06/2026) or KN-ACCEPT-B
# (from 01/07/2026) by date, and the deadlines app matches rule ids by prefix.
_COMPLAINT_ACCEPTANCE = ("KN-ACCEPT",)

# Sending the decision (Law 02/2011 Art 32, Art 41(1)) and its legal effect (Art 44). §12 has no sending
# or effect rule for discipline decisions, so none is started for that track.
_SEND_RULE: dict[Track, tuple[str, ...]] = {
    Track.COMPLAINT_FIRST: ("KN-SEND-1",),
    Track.COMPLAINT_SECOND: ("KN-SEND-2",),
    Track.COMPLAINT_DISCIPLINE: (),
}
_EFFECT_RULE: dict[Track, tuple[str, ...]] = {
    Track.COMPLAINT_FIRST: ("KN-EFFECT-1",),
    Track.COMPLAINT_SECOND: ("KN-EFFECT-2",),
    Track.COMPLAINT_DISCIPLINE: (),
}

_BASIS: dict[Track, str] = {
    Track.COMPLAINT_FIRST: "Luật Khiếu nại 2011",
    Track.COMPLAINT_SECOND: "Luật Khiếu nại 2011",
    Track.COMPLAINT_DISCIPLINE: "Luật Khiếu nại 2011, Chương IV",
    Track.DENUNCIATION: "Luật Tố cáo 2018",
    Track.PETITION: "Luật Tiếp công dân 2013",
}

_HANDLERS = frozenset({Role.UNIT_HANDLER, Role.INSPECTION})
_WITHDRAWAL_RECORDERS = frozenset({Role.RECEPTION_OFFICER, Role.UNIT_HANDLER, Role.INSPECTION})


def settlers(track: Track) -> frozenset[Role]:
    """Roles that sign for the settler on `track` (see the module docstring)."""
    if track is Track.COMPLAINT_SECOND:
        return frozenset({Role.LEADERSHIP})
    return frozenset({Role.UNIT_HEAD, Role.LEADERSHIP})


def _t(
    track: Track,
    action: Action,
    source: set[Status],
    target: Status | Literal["previous"] | None,
    roles: frozenset[Role],
    requires: tuple[str, ...] = (),
    *,
    starts: tuple[str, ...] = (),
    stops: tuple[str, ...] = (),
    pauses: tuple[str, ...] = (),
    resumes: tuple[str, ...] = (),
    recomputes: tuple[str, ...] = (),
    basis: str = "",
    label: tuple[str, str] | None = None,
) -> Transition:
    label_vi, label_en = label or ACTION_LABELS[action]
    return Transition(
        track=track,
        action=action,
        source=frozenset(source),
        target=target,
        roles=roles,
        requires=tuple(REQUIREMENTS[code] for code in requires),
        starts_deadlines=starts,
        stops_deadlines=stops,
        label_vi=label_vi,
        label_en=label_en,
        pauses_deadlines=pauses,
        resumes_deadlines=resumes,
        recomputes_deadlines=recomputes,
        legal_basis=f"{_BASIS[track]} {basis}".strip() if basis else _BASIS[track],
    )


def _complaint(track: Track) -> tuple[Transition, ...]:
    S = Status  # noqa: N806 - short alias keeps the table readable
    settle = SETTLEMENT_RULE[track]
    signers = settlers(track)
    steps = _HANDLERS | signers
    before_decision = {S.ACCEPTED, S.VERIFYING, S.DIALOGUE}
    decided_deadlines = {"starts": _SEND_RULE[track] + _EFFECT_RULE[track], "stops": (settle,)}
    rows = [
        # Acceptance: Art 27, 36 (10 days, regime A); Decree 124 Art 16(1) as replaced by Decree 155/2026
        # Art 10 (7 working days, regime B). The settlement period runs from acceptance (Art 28, 37, 50).
        _t(track, Action.ACCEPT, {S.PENDING_ACCEPTANCE}, S.ACCEPTED, signers, ("acceptance_decision",),
           starts=(settle,), stops=_COMPLAINT_ACCEPTANCE, basis="Điều 27, 36"),
        # Refusal with reasons (Art 11 grounds; Art 27).
        _t(track, Action.REJECT, {S.PENDING_ACCEPTANCE}, S.NOT_ACCEPTED, signers, ("non_acceptance_notice",),
           stops=_COMPLAINT_ACCEPTANCE, basis="Điều 11, 27"),
        _t(track, Action.START_VERIFICATION, {S.ACCEPTED}, S.VERIFYING, steps, ("verification_assignment",),
           basis="Điều 29, 38"),
        # Dialogue: notice ≥5 days ahead (KN-DIALOG, Decree 124 Art 28 as replaced by Decree 155/2026
        # Art 11); mandatory in second-time settlement (Art 39), where the Director attends in person.
        _t(track, Action.SCHEDULE_DIALOGUE, {S.VERIFYING}, S.DIALOGUE, steps,
           ("verification_report", "dialogue_notice_5_days"), basis="Điều 30, 39; NĐ 155/2026 Điều 11"),
        # Deciding straight after verification is allowed only where dialogue is optional: first time
        # when the complainant's requests and the verification agree (Art 30). The engine also refuses it
        # for a second-time discipline complaint.
        *(
            [_t(track, Action.DECIDE, {S.VERIFYING}, S.DECIDED, signers,
                ("verification_report", "decision_document"), **decided_deadlines, basis="Điều 31")]
            if track is not Track.COMPLAINT_SECOND else []
        ),
        _t(track, Action.DECIDE, {S.DIALOGUE}, S.DECIDED, signers,
           ("verification_report", "dialogue_minutes", "decision_document"), **decided_deadlines,
           basis="Điều 31, 40"),
        _t(track, Action.SEND_DECISION, {S.DECIDED}, S.SENT, steps, ("decision_dispatch_record",),
           stops=_SEND_RULE[track], basis="Điều 32, 41"),
        # Art 44: a decision is in effect 30 days after issue unless a further complaint or a lawsuit is
        # lodged; whether the 30 (remote: 45) days have passed is checked by the caller, who has the dates.
        _t(track, Action.RECORD_LEGAL_EFFECT, {S.SENT}, S.IN_EFFECT, steps, stops=_EFFECT_RULE[track],
           basis="Điều 44"),
        # A further complaint (Art 33) or a lawsuit ends this settlement; a new case follows elsewhere.
        _t(track, Action.RECORD_APPEAL, {S.SENT}, S.CLOSED, steps, ("appeal_record",),
           stops=_EFFECT_RULE[track], basis="Điều 33, 44"),
        _t(track, Action.RECORD_ENFORCEMENT, {S.IN_EFFECT}, S.ENFORCED, steps, ("enforcement_report",),
           basis="Điều 44"),
        # Nothing to enforce (e.g. the complaint was found wrong) → closed straight from IN_EFFECT.
        _t(track, Action.CLOSE, {S.IN_EFFECT, S.ENFORCED}, S.CLOSED, steps),
        # Suspension and continuation: new Law Art 11a; Decree 124 Art 28a–28b (Decree 155/2026 Art 12).
        # The decisions (Forms 14a, 14b) are sent within 3 working days (KN-SUSP-SEND).
        _t(track, Action.SUSPEND, before_decision, S.SUSPENDED, signers, ("suspension_decision",),
           starts=("KN-SUSP-SEND",), pauses=(settle,), basis="Điều 11a; NĐ 155/2026 Điều 12"),
        _t(track, Action.RESUME, {S.SUSPENDED}, PREVIOUS, signers, ("continuation_decision",),
           starts=("KN-SUSP-SEND",), resumes=(settle,), basis="Điều 11a; NĐ 155/2026 Điều 12"),
        _t(track, Action.TERMINATE, before_decision | {S.SUSPENDED, S.WITHDRAWN}, S.TERMINATED, signers,
           ("termination_decision",), starts=("KN-SUSP-SEND",), stops=(settle,),
           basis="Điều 10, 11a; NĐ 155/2026 Điều 12"),
        # Withdrawal at any time before the decision (Art 10); group: continues for those who remain.
        _t(track, Action.WITHDRAW, before_decision | {S.SUSPENDED}, S.WITHDRAWN, _WITHDRAWAL_RECORDERS,
           ("withdrawal_letter",), stops=(settle,), basis="Điều 10; NĐ 155/2026 Điều 7a"),
        # Complex case: 30→45 days (first time), 45→60 (second), 30→45 (discipline): Art 28, 37, 50.
        _t(track, Action.DETERMINE_COMPLEXITY, before_decision, None, signers, ("complexity_determination",),
           recomputes=(settle,), basis="Điều 28, 37, 50; NĐ 155/2026 (Điều 3a NĐ 124/2020)"),
    ]
    return tuple(rows)


def _denunciation() -> tuple[Transition, ...]:
    S = Status  # noqa: N806
    track = Track.DENUNCIATION
    signers = settlers(track)
    steps = _HANDLERS | signers
    before_conclusion = {S.ACCEPTED, S.NOTIFIED, S.VERIFYING}
    return (
        # Art 24(1): acceptance decision within 7 (≤10) working days of receipt (TC-INIT); Art 29(3): notify
        # within 5 working days (TC-NOTIFY-ACC); Art 30: settle within 30 days of acceptance (TC-T).
        _t(track, Action.ACCEPT, {S.PENDING_ACCEPTANCE}, S.ACCEPTED, signers, ("acceptance_decision",),
           starts=("TC-NOTIFY-ACC", "TC-T"), stops=("TC-INIT",), basis="Điều 24, 29"),
        _t(track, Action.REJECT, {S.PENDING_ACCEPTANCE}, S.NOT_ACCEPTED, signers, ("non_acceptance_notice",),
           stops=("TC-INIT",), basis="Điều 24, 29"),
        _t(track, Action.NOTIFY_ACCEPTANCE, {S.ACCEPTED}, S.NOTIFIED, steps, ("acceptance_notice",),
           stops=("TC-NOTIFY-ACC",), basis="Điều 29(3)"),
        _t(track, Action.START_VERIFICATION, {S.NOTIFIED}, S.VERIFYING, steps, ("verification_assignment",),
           basis="Điều 31, 47"),
        # Art 32, 35: conclusion; sent within 5 WD (TC-CONCL-SEND), acted on within 7 WD (TC-HANDLE, Art 36),
        # published within 7 WD (TC-PUBLIC, Art 40).
        _t(track, Action.CONCLUDE, {S.VERIFYING}, S.CONCLUDED, signers,
           ("verification_report", "conclusion_document"),
           starts=("TC-CONCL-SEND", "TC-HANDLE", "TC-PUBLIC"), stops=("TC-T",), basis="Điều 32, 35"),
        _t(track, Action.SEND_CONCLUSION, {S.CONCLUDED}, S.CONCLUSION_SENT, steps,
           ("conclusion_dispatch_record",), stops=("TC-CONCL-SEND",), basis="Điều 35(3)"),
        _t(track, Action.HANDLE_CONCLUSION, {S.CONCLUSION_SENT}, S.HANDLED, signers, ("handling_decision",),
           stops=("TC-HANDLE",), basis="Điều 36"),
        _t(track, Action.PUBLISH_CONCLUSION, {S.HANDLED}, S.PUBLISHED, steps, ("publication_record",),
           stops=("TC-PUBLIC",), basis="Điều 40"),
        _t(track, Action.CLOSE, {S.PUBLISHED}, S.CLOSED, steps),
        # Art 34: suspended time is not counted (TC-SUSP).
        _t(track, Action.SUSPEND, before_conclusion, S.SUSPENDED, signers, ("suspension_decision",),
           pauses=("TC-T",), basis="Điều 34(1)"),
        _t(track, Action.RESUME, {S.SUSPENDED}, PREVIOUS, signers, ("continuation_decision",),
           resumes=("TC-T",), basis="Điều 34(2)"),
        _t(track, Action.TERMINATE, before_conclusion | {S.SUSPENDED, S.WITHDRAWN}, S.TERMINATED, signers,
           ("termination_decision",), stops=("TC-NOTIFY-ACC", "TC-T"), basis="Điều 34(3)"),
        # Art 33; Decree 31/2019 Art 4 as replaced by Decree 156/2026 Art 1: only before the conclusion.
        _t(track, Action.WITHDRAW, before_conclusion | {S.SUSPENDED}, S.WITHDRAWN, _WITHDRAWAL_RECORDERS,
           ("withdrawal_letter",), stops=("TC-NOTIFY-ACC", "TC-T"), basis="Điều 33; NĐ 156/2026 Điều 1"),
        # Decree 31/2019 Art 3(2),(3): one criterion = complex, two or more = especially complex. The level
        # does not lengthen TC-T by itself; it allows extensions (Art 30; Decree 31/2019 Art 3(4)).
        _t(track, Action.DETERMINE_COMPLEXITY, before_conclusion, None, signers,
           ("complexity_determination",), basis="Điều 30; NĐ 31/2019 Điều 3"),
        _t(track, Action.EXTEND, before_conclusion, None, signers,
           ("complexity_determination", "extension_decision"), recomputes=("TC-T",),
           basis="Điều 30; NĐ 31/2019 Điều 3(4)"),
    )


def _petition() -> tuple[Transition, ...]:
    S = Status  # noqa: N806
    track = Track.PETITION
    signers = settlers(track)
    steps = _HANDLERS | signers
    # No statutory period for the final answer is known (domain.md §5): PAKN-ANSWER is a configurable
    # default, started when the unit takes the matter up (Law 42/2013 Art 26(2); Decree 154/2026 Art 25(2)).
    return (
        _t(track, Action.START_STUDY, {S.RECEIVED}, S.STUDYING, steps, starts=("PAKN-ANSWER",),
           basis="Điều 26(2)"),
        _t(track, Action.ANSWER, {S.STUDYING}, S.ANSWERED, signers, ("answer_document",),
           stops=("PAKN-ANSWER",), basis="Điều 26(2), 28"),
        _t(track, Action.CLOSE, {S.ANSWERED, S.WITHDRAWN}, S.CLOSED, steps),
        _t(track, Action.WITHDRAW, {S.RECEIVED, S.STUDYING}, S.WITHDRAWN, _WITHDRAWAL_RECORDERS,
           ("withdrawal_letter",), stops=("PAKN-ANSWER",)),
        _t(track, Action.DETERMINE_COMPLEXITY, {S.RECEIVED, S.STUDYING}, None, signers,
           ("complexity_determination",), recomputes=("PAKN-ANSWER",)),
    )


_TABLE: dict[Track, tuple[Transition, ...]] = {
    **{track: _complaint(track) for track in sorted(COMPLAINT_TRACKS)},
    Track.DENUNCIATION: _denunciation(),
    Track.PETITION: _petition(),
}

_INITIAL: dict[Track, Status] = {
    Track.COMPLAINT_FIRST: Status.PENDING_ACCEPTANCE,
    Track.COMPLAINT_SECOND: Status.PENDING_ACCEPTANCE,
    Track.COMPLAINT_DISCIPLINE: Status.PENDING_ACCEPTANCE,
    Track.DENUNCIATION: Status.PENDING_ACCEPTANCE,
    Track.PETITION: Status.RECEIVED,
}


def transitions_for(track: Track) -> tuple[Transition, ...]:
    """Every transition of `track`, in procedural order. An action may appear twice with disjoint sources
    (a complaint decided after verification, or after dialogue)."""
    return _TABLE[Track(track)]


def initial_status(track: Track) -> Status:
    """The status a new case of `track` starts in. Complaints and denunciations start before acceptance
    (the letters app proposes, the settler accepts); petitions start as received."""
    return _INITIAL[Track(track)]


@cache
def statuses_for(track: Track) -> frozenset[Status]:
    """Every status a case of `track` can be in."""
    rows = transitions_for(track)
    found = {initial_status(track)}
    for row in rows:
        found |= row.source
        if isinstance(row.target, Status):
            found.add(row.target)
    return frozenset(found)


def terminal_statuses_for(track: Track) -> frozenset[Status]:
    return statuses_for(track) & TERMINAL
