"""Writes on cases. A status changes only through `act`, which asks the pure workflow first.

Each action: checks the transition (`workflow.next_status`), stores a CaseStep, and moves the
deadlines the transition names (start, stop, pause, resume, recompute). Dates come from the caller
(`on`), who reads the clock once at the edge.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from auditlog.context import set_actor
from django.db import transaction
from django.utils import timezone

from tiepdan.cases import workflow as wf
from tiepdan.cases.models import (
    Case,
    CaseStep,
    CitizenSatisfaction,
    SettlementResult,
    SettlementResultRevision,
    Suspension,
)
from tiepdan.cases.selectors import settlement_result_of
from tiepdan.cases.workflow import results as wr
from tiepdan.deadlines import services as deadlines
from tiepdan.deadlines.models import DeadlineStatus
from tiepdan.legal.errors import RuleNotInForce
from tiepdan.legal.rules import get_rule
from tiepdan.letters.models import Letter
from tiepdan.org.selectors import is_read_only, roles_of

# Deadlines a new case starts before anyone acts (counted from the letter's receipt).
_INITIAL_RULES = {
    wf.Track.COMPLAINT_FIRST: "KN-ACCEPT",
    wf.Track.COMPLAINT_SECOND: "KN-ACCEPT",
    wf.Track.COMPLAINT_DISCIPLINE: "KN-ACCEPT",
    wf.Track.DENUNCIATION: "TC-INIT",
}


class CaseActionRefused(Exception):
    """`errors` holds the problems of a settlement result, by field, when that is what was refused."""

    def __init__(
        self,
        message_vi: str,
        message_en: str = "",
        missing: tuple[wf.Requirement, ...] = (),
        errors: tuple[wr.ResultError, ...] = (),
    ):
        super().__init__(message_vi)
        self.message_vi = message_vi
        self.message_en = message_en
        self.missing = missing
        self.errors = errors


@dataclass(frozen=True)
class ActionInput:
    documents: frozenset[str] = frozenset()
    criteria: frozenset[str] = frozenset()
    withdrawal_exceptions: frozenset[str] = frozenset()
    dialogue_notice_days: int | None = None
    remaining_complainants: int | None = None
    document_number: str = ""
    document_title: str = ""
    note: str = ""
    # The result of a deciding step (workflow.results): required outcome, optional amounts by key
    # (money and land as Decimal, people and cases as int).
    outcome: str = ""
    amounts: Mapping[str, Decimal | int] = field(default_factory=dict)


def _label(rule_id: str) -> str:
    try:
        return get_rule(rule_id, date(2026, 7, 1)).title_vi
    except Exception:
        return rule_id


def _variant(case: Case, rule_id: str) -> str | None:
    """The legal variant of a settlement rule from the case's facts (complex, remote area)."""
    base = rule_id.split("-")[0:2]
    if base == ["KN", "T1"] or base == ["KN", "T2"]:
        if case.is_remote_area and case.complexity != "none":
            return "remote-complex"
        if case.is_remote_area:
            return "remote"
        return "complex" if case.complexity != "none" else None
    if rule_id == "KN-DISC-T":
        return "complex" if case.complexity != "none" else None
    if rule_id == "TC-T" and case.complexity != "none":
        return case.complexity.replace("_", "-")
    return None


def _refresh_due(case: Case) -> None:
    open_dates = (
        deadlines.open_deadlines_of(case)
        .exclude(due_on__isnull=True)
        .order_by("due_on")
        .values_list("due_on", flat=True)
    )
    case.due_on = next(iter(open_dates), None)


@transaction.atomic
def open_case(
    *,
    letter: Letter,
    track: str,
    actor,
    title: str = "",
    participant_count: int | None = None,
    is_remote_area: bool = False,
    handler=None,
) -> Case:
    """Open a case for a letter within competence; the acceptance clock runs from the letter's receipt."""
    track = wf.Track(track)
    with set_actor(actor):
        case = Case.objects.create(
            track=track,
            status=wf.initial_status(track),
            unit=letter.unit,
            original_unit=letter.unit,
            handler=handler,
            letter=letter,
            title=title or letter.summary,
            domain=letter.domain,
            commune_code=letter.commune_code,
            participant_count=participant_count or letter.signer_count,
            accepted_on=letter.received_on,
            is_remote_area=is_remote_area,
        )
        CaseStep.objects.create(
            case=case,
            action="open",
            to_status=case.status,
            on=letter.received_on,
            actor=actor,
            note=f"Mở hồ sơ từ đơn {letter.code}",
        )
        if rule := _INITIAL_RULES.get(track):
            deadlines.track(
                subject=case,
                unit=case.unit,
                rule_id=rule,
                start=letter.received_on,
                label=_label(rule),
                handler=handler,
            )
        _refresh_due(case)
        case.save(update_fields=["due_on"])
    return case


def _facts(case: Case, data: ActionInput) -> wf.CaseFacts:
    return wf.CaseFacts(
        track=case.track,
        status=case.status,
        previous_status=case.previous_status or None,
        documents=frozenset(case.documents) | data.documents,
        complexity=case.complexity,
        extensions_used=case.extensions_used,
        concluded=case.status in wf.AFTER_CONCLUSION,
        withdrawal_exceptions=data.withdrawal_exceptions,
        is_second_time=case.track == wf.Track.COMPLAINT_SECOND,
        dialogue_notice_days=data.dialogue_notice_days,
        remaining_complainants=data.remaining_complainants,
        complexity_criteria=data.criteria,
    )


def _role_for(user, case: Case, action: wf.Action) -> wf.Role:
    roles = [wf.Role(r.value) for r in roles_of(user)]
    if not roles:
        raise CaseActionRefused("Bạn không có vai trò xử lý vụ việc.", "You have no role on cases.")
    allowed = {
        role for t in wf.transitions_for(wf.Track(case.track)) if t.action == action for role in t.roles
    }
    for role in roles:
        if role in allowed:
            return role
    return roles[0]  # the engine refuses it with the reason (wrong role)


def actions_for(user, case: Case) -> list[wf.Transition]:
    facts = _facts(case, ActionInput())
    seen: dict[str, wf.Transition] = {}
    for role in roles_of(user):
        for t in wf.available_actions(facts, wf.Role(role.value)):
            seen.setdefault(t.action, t)
    return list(seen.values())


@transaction.atomic
def act(*, case: Case, action: str, actor, on: date, data: ActionInput = ActionInput()) -> Case:
    """Take a workflow action on the case on date `on`; refused actions raise CaseActionRefused."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    last = case.steps.order_by("-on").values_list("on", flat=True).first()
    if last and on < last:
        raise CaseActionRefused(
            f"Ngày thực hiện {on:%d/%m/%Y} không được trước bước trước đó ({last:%d/%m/%Y}).",
            f"The date {on:%d/%m/%Y} is before the previous step ({last:%d/%m/%Y}).",
        )
    action = wf.Action(action)
    _check_in_force(case, action, on)
    try:
        outcome = wf.next_status(_facts(case, data), action, _role_for(actor, case, action))
    except wf.TransitionRefused as exc:
        raise CaseActionRefused(exc.reason_vi, exc.reason_en, exc.missing) from None
    result = _result(case, action, data)
    transition = outcome.transition
    before = case.status
    with set_actor(actor):
        if outcome.status != case.status:
            if outcome.status == wf.Status.SUSPENDED:
                case.previous_status = case.status
            elif before == wf.Status.SUSPENDED:
                case.previous_status = ""
            case.status = outcome.status
        case.documents = sorted(set(case.documents) | set(data.documents))
        if outcome.complexity is not None:
            case.complexity = outcome.complexity
            case.complexity_criteria = sorted(data.criteria)
        if action == wf.Action.EXTEND:
            case.extensions_used += 1
        if outcome.status in wf.TERMINAL:
            case.closed_on = on
        case.save()
        step = CaseStep.objects.create(
            case=case,
            action=action,
            from_status=before,
            to_status=case.status,
            on=on,
            actor=actor,
            document_number=data.document_number,
            document_title=data.document_title,
            note="\n".join(filter(None, [data.note, *outcome.notes_vi])),
        )
        if result is not None:
            SettlementResult.objects.create(step=step, **result)
        _move_deadlines(case, transition, on, data)
        _refresh_due(case)
        case.save(update_fields=["due_on"])
    return case


def _result(case: Case, action: wf.Action, data: ActionInput) -> dict | None:
    """The fields of the SettlementResult the step records (None: this step records none)."""
    if not wr.records_result(case.track, action):
        if data.outcome or any(v is not None for v in data.amounts.values()):
            raise CaseActionRefused(
                "Kết quả giải quyết chỉ được ghi nhận khi ban hành quyết định giải quyết khiếu nại hoặc kết "
                "luận nội dung tố cáo.",
                "The settlement result is recorded only with the complaint decision or the denunciation "
                "conclusion.",
            )
        return None
    amounts = {key: value for key, value in data.amounts.items() if value is not None}
    errors = wr.result_errors(case.track, data.outcome, amounts)
    if errors:
        raise CaseActionRefused(
            " ".join(e.message_vi for e in errors), " ".join(e.message_en for e in errors), errors=tuple(errors)
        )
    return {"outcome": data.outcome, **amounts}


def _check_in_force(case: Case, action: wf.Action, on: date) -> None:
    """Suspending a complaint exists only from 01/07/2026 (Law 136/2025; Decree 155/2026 Art 12)."""
    if action == wf.Action.SUSPEND and wf.Track(case.track) in wf.COMPLAINT_TRACKS:
        try:
            get_rule("KN-SUSP-SEND", on)
        except RuleNotInForce as exc:
            raise CaseActionRefused(
                "Trước ngày 01/07/2026 pháp luật khiếu nại chưa quy định tạm đình chỉ giải quyết khiếu nại. "
                + exc.message_vi,
                "Complaint settlement cannot be suspended before 01/07/2026. " + exc.message_en,
            ) from None


def _move_deadlines(case: Case, transition: wf.Transition, on: date, data: ActionInput) -> None:
    if transition.stops_deadlines:
        deadlines.close_deadlines(case, tuple(transition.stops_deadlines), on=on)
    if transition.pauses_deadlines:
        Suspension.objects.create(case=case, start=on, reason=data.note or data.document_title)
        _set_suspensions(case, transition.pauses_deadlines)
    if transition.resumes_deadlines:
        Suspension.objects.filter(case=case, end__isnull=True).update(end=on)
        _set_suspensions(case, transition.resumes_deadlines)
    if transition.recomputes_deadlines:
        for rule in transition.recomputes_deadlines:
            for deadline in deadlines.open_deadlines_of(case, rule):
                deadlines.update_deadlines(
                    case,
                    (deadline.rule_id,),
                    variant=_variant(case, deadline.rule_id) or "",
                    extensions=case.extensions_used if deadline.rule_id == "TC-T" else deadline.extensions,
                )
    for rule in transition.starts_deadlines:
        try:
            deadlines.track(
                subject=case,
                unit=case.unit,
                rule_id=rule,
                start=on,
                label=_label(rule),
                handler=case.handler,
                variant=_variant(case, rule),
            )
        except RuleNotInForce:
            # E.g. KN-SUSP-SEND exists only from 01/07/2026 (Decree 155/2026): before that date the law
            # sets no time limit for sending the decision, so none is tracked.
            continue


def _set_suspensions(case: Case, rules: Iterable[str]) -> None:
    spans = [
        [s.start.isoformat(), s.end.isoformat() if s.end else None]
        for s in case.suspensions.order_by("start")
    ]
    deadlines.update_deadlines(case, tuple(rules), suspensions=spans)


# Roles that may record what a citizen said of the result: those who deal with the citizen or the case.
SATISFACTION_RECORDERS = frozenset({
    wf.Role.RECEPTION_OFFICER, wf.Role.UNIT_HANDLER, wf.Role.INSPECTION, wf.Role.UNIT_HEAD, wf.Role.LEADERSHIP,
})


def may_record_satisfaction(user) -> bool:
    return bool({wf.Role(r.value) for r in roles_of(user)} & SATISFACTION_RECORDERS)


def result_notified_on(case: Case) -> date | None:
    """The day the case first reached a status where the citizen knows the result (or the case is over)."""
    return (
        case.steps.filter(to_status__in=[s.value for s in wr.RESULT_NOTIFIED])
        .order_by("on", "id")
        .values_list("on", flat=True)
        .first()
    )


@transaction.atomic
def record_satisfaction(
    *, case: Case, actor, level: str, on: date, note: str = "", today: date | None = None
) -> CitizenSatisfaction:
    """Record the citizen's satisfaction with the result, as told to `actor` on `on` (not after `today`,
    by default the local date)."""
    if not may_record_satisfaction(actor):
        raise CaseActionRefused(
            "Vai trò của bạn không ghi nhận ý kiến của công dân về kết quả giải quyết.",
            "Your role does not record the citizen's opinion of the result.",
        )
    level = wr.Satisfaction(level)
    case = Case.objects.select_for_update().get(pk=case.pk)
    refusal = wr.satisfaction_refusal(
        status=case.status, notified_on=result_notified_on(case), on=on, today=today or timezone.localdate()
    )
    if refusal:
        raise CaseActionRefused(*refusal)
    with set_actor(actor):
        return CitizenSatisfaction.objects.create(case=case, level=level, on=on, recorded_by=actor, note=note)


# ---------------------------------------------------------------------------------------------
# Correcting a recorded settlement result


def result_recorders(track: str) -> frozenset[wf.Role]:
    """The roles that record the result on `track`: the signers of its deciding step in the transition table."""
    action = wr.result_action(track)
    return frozenset(role for t in wf.transitions_for(wf.Track(track)) if t.action == action for role in t.roles)


def may_correct_result(user, case: Case) -> bool:
    """Who may record the result of the case may correct it; read-only roles never write. Which cases the user
    sees is `selectors.cases_visible_to`'s business."""
    roles = {wf.Role(r.value) for r in roles_of(user)}
    return not is_read_only(user) and bool(roles & result_recorders(case.track))


@transaction.atomic
def correct_result(
    *,
    case: Case,
    actor,
    outcome: str,
    amounts: Mapping[str, Decimal | int | None],
    reason: str,
    today: date | None = None,
) -> SettlementResult:
    """Correct the outcome and the amounts of the case's recorded result (an amount left out is cleared), for
    `reason`. Nothing is overwritten without trace: the values replaced are kept in a SettlementResultRevision
    dated `today` (by default the local date), so a report whose cut-off is before that day is regenerated
    with the figures it was sent with (docs/adr/0007-settlement-results.md, "Corrections")."""
    if not may_correct_result(actor, case):
        raise CaseActionRefused(
            "Vai trò của bạn không ghi nhận, điều chỉnh kết quả giải quyết của vụ việc này.",
            "Your role does not record or correct the result of this case.",
        )
    # Locked like `act`: a correction and a step on the same case never interleave.
    case = Case.objects.select_for_update().get(pk=case.pk)
    result = settlement_result_of(case)
    if result is None:
        raise CaseActionRefused(
            "Vụ việc chưa có kết quả giải quyết để điều chỉnh.", "The case has no recorded result to correct."
        )
    stated = {key: value for key, value in amounts.items() if value is not None}
    errors = wr.result_errors(case.track, outcome, stated)
    reason = reason.strip()
    if not reason:
        errors.append(wr.ResultError(
            "reason", "Phải ghi lý do điều chỉnh kết quả giải quyết.", "Give the reason for the correction.",
        ))
    if errors:
        raise CaseActionRefused(
            " ".join(e.message_vi for e in errors), " ".join(e.message_en for e in errors), errors=tuple(errors)
        )
    new = {"outcome": outcome, **{key: stated.get(key) for key in wr.AMOUNT_KEYS}}
    old = result.values()
    if new == old:  # Decimal("12.500") == Decimal("12.5"): the same figures typed differently
        raise CaseActionRefused(
            "Kết quả nhập vào giống kết quả đang ghi nhận, không có gì để điều chỉnh.",
            "The result entered is the one recorded: there is nothing to correct.",
        )
    on = today or timezone.localdate()
    # The revisions are read in date order by the reports: a correction is never dated before the last one.
    last = result.revisions.order_by("-recorded_on").values_list("recorded_on", flat=True).first()
    if last is not None and on < last:
        raise CaseActionRefused(
            f"Ngày điều chỉnh {on:%d/%m/%Y} không được trước lần điều chỉnh trước ({last:%d/%m/%Y}).",
            f"The correction date {on:%d/%m/%Y} is before the previous correction ({last:%d/%m/%Y}).",
        )
    with set_actor(actor):
        SettlementResultRevision.objects.create(result=result, recorded_on=on, recorded_by=actor, reason=reason, **old)
        for name, value in new.items():
            setattr(result, name, value)
        result.save(update_fields=list(new))
    return result


@transaction.atomic
def transfer_case(*, case: Case, unit, actor) -> Case:
    """Give an open case to another unit to lead: its open deadlines follow, the new unit picks the handler.
    A denunciation never goes to the unit it denounces (TC-CONFID, conflict of interest)."""
    from tiepdan.letters.policies import unit_conflict

    # No select_related: PostgreSQL refuses FOR UPDATE on the nullable side of an outer join.
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.closed_on is not None:
        raise CaseActionRefused("Vụ việc đã kết thúc, không chuyển đơn vị chủ trì được.",
                                "The case is closed; its lead unit cannot change.")
    denounced = case.letter.denounced_unit if case.letter_id else None
    if reason := unit_conflict(unit, denounced):
        raise CaseActionRefused(str(reason), str(reason))  # already in the reader's language
    with set_actor(actor):
        case.unit = unit
        case.handler = None
        case.save(update_fields=["unit", "handler"])
        deadlines.open_deadlines_of(case).update(unit=unit, handler=None)
    return case


def remap_unit(old_unit, new_unit) -> int:
    """Open cases move to the successor unit; closed ones stay attached to the unit that handled them."""
    return Case.objects.filter(unit=old_unit, closed_on__isnull=True).update(unit=new_unit)


__all__ = [
    "ActionInput",
    "CaseActionRefused",
    "DeadlineStatus",
    "act",
    "actions_for",
    "correct_result",
    "may_correct_result",
    "may_record_satisfaction",
    "open_case",
    "record_satisfaction",
    "remap_unit",
    "result_notified_on",
    "result_recorders",
    "transfer_case",
]
