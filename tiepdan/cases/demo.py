"""Demo cases settled to the end, through the services: complaints decided (first and second time) and
denunciations concluded, each with a plausible outcome and, where it fits, amounts recovered, returned or
sanctioned, and some citizens' opinions of the result. Called by `tiepdan.core.demo.generate.seed_open_work`,
so that the demo's 6-month forms 01/KQGQ, 02/KQGQTC and 03/KQGQ and the heads' accountability have figures.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model

from tiepdan.cases import services
from tiepdan.cases.workflow import Action, Track
from tiepdan.cases.workflow.results import Satisfaction, SettlementOutcome
from tiepdan.common.choices import MatterType
from tiepdan.letters.models import Disposition, Letter

# Outcome weights (plausible, not statistics): most complaints are found wrong, few denunciations right.
_OUTCOMES = {
    Track.COMPLAINT_FIRST: [(SettlementOutcome.WRONG, 45), (SettlementOutcome.PARTLY, 30),
                            (SettlementOutcome.CORRECT, 25)],
    Track.COMPLAINT_SECOND: [(SettlementOutcome.UPHELD, 70), (SettlementOutcome.ANNULLED, 30)],
    Track.DENUNCIATION: [(SettlementOutcome.WRONG, 40), (SettlementOutcome.PARTLY, 35),
                         (SettlementOutcome.CORRECT, 25)],
}
_OPINIONS = [(Satisfaction.SATISFIED, 60), (Satisfaction.DISSATISFIED, 25), (Satisfaction.NO_OPINION, 15)]
# Letters old enough for the whole procedure to be over by `today`, and recent enough to be in the reports.
_OLDEST, _NEWEST = 400, 120


def _pick(rng: random.Random, weighted):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights=weights)[0]


def _amounts(rng: random.Random, track: Track, outcome: str, people: int) -> dict[str, Decimal | int]:
    """What a decision or conclusion of that outcome plausibly states (empty for a complaint found wrong)."""
    if outcome in (SettlementOutcome.WRONG, SettlementOutcome.UPHELD):
        return {}
    amounts: dict[str, Decimal | int] = {}
    if track is Track.DENUNCIATION:
        if rng.random() < 0.6:
            amounts["recover_money"] = Decimal(rng.randint(50, 8000)) / 10  # 5 to 800 million đồng
        if rng.random() < 0.2:
            amounts["recover_land"] = Decimal(rng.randint(40, 1500))
        amounts["sanction_people"] = rng.randint(1, 3)
        if outcome == SettlementOutcome.CORRECT and rng.random() < 0.3:
            amounts["investigation_cases"] = 1
            amounts["investigation_people"] = rng.randint(1, 2)
        return amounts
    if rng.random() < 0.7:
        amounts["return_money"] = Decimal(rng.randint(20, 3000)) / 10  # 2 to 300 million đồng
    if rng.random() < 0.3:
        amounts["return_land"] = Decimal(rng.randint(50, 600))
    amounts["return_people"] = max(1, min(people, rng.randint(1, 5)))
    if rng.random() < 0.3:
        amounts["sanction_people"] = 1
    return amounts


def seed_settlements(*, today: date, seed: int, count: int = 24) -> int:
    """Settle up to `count` accepted complaint and denunciation letters received 120 to 400 days before
    `today` that have no case yet; returns the number of cases settled."""
    rng = random.Random(seed * 7 + 1)
    director = get_user_model().objects.get(username="giamdoc")
    letters = list(
        Letter.objects.filter(
            disposition=Disposition.ACCEPT,
            matter_type__in=[MatterType.COMPLAINT, MatterType.DENUNCIATION],
            received_on__gte=today - timedelta(days=_OLDEST),
            received_on__lte=today - timedelta(days=_NEWEST),
            cases__isnull=True,
        ).order_by("received_on", "id")
    )
    settled = 0
    for letter in rng.sample(letters, min(count, len(letters))):
        if letter.matter_type == MatterType.DENUNCIATION:
            track = Track.DENUNCIATION
        else:
            track = Track.COMPLAINT_SECOND if rng.random() < 0.25 else Track.COMPLAINT_FIRST
        _settle(rng, letter, track, director, today)
        settled += 1
    return settled


def _settle(rng: random.Random, letter: Letter, track: Track, actor, today: date) -> None:
    case = services.open_case(letter=letter, track=track, actor=actor)
    day = letter.received_on + timedelta(days=rng.randint(2, 6))
    number = f"{letter.pk % 900 + 10}"

    def act(action: Action, *documents: str, gap: tuple[int, int] = (2, 6), **data) -> bool:
        """Take the step on `day` unless that is after `today` (the case then stays where it is)."""
        nonlocal case, day
        if day > today:
            return False
        case = services.act(
            case=case, action=action, actor=actor, on=day,
            data=services.ActionInput(documents=frozenset(documents), **data),
        )
        day += timedelta(days=rng.randint(*gap))
        return True

    act(Action.ACCEPT, "acceptance_decision", document_number=f"{number}/QĐ-SVHTTDL")
    if track is Track.DENUNCIATION:
        act(Action.NOTIFY_ACCEPTANCE, "acceptance_notice")
    act(Action.START_VERIFICATION, "verification_assignment", gap=(12, 28))
    if track is Track.COMPLAINT_SECOND:
        act(Action.SCHEDULE_DIALOGUE, "verification_report", "dialogue_notice_5_days", dialogue_notice_days=7,
            gap=(7, 12))
    outcome = _pick(rng, _OUTCOMES[track])
    result = {"outcome": outcome.value, "amounts": _amounts(rng, track, outcome, case.participant_count)}
    notified = None
    if track is Track.DENUNCIATION:
        if not act(Action.CONCLUDE, "verification_report", "conclusion_document",
                   document_number=f"{number}/KL-SVHTTDL", **result):
            return
        notified = day
        if act(Action.SEND_CONCLUSION, "conclusion_dispatch_record") and act(
            Action.HANDLE_CONCLUSION, "handling_decision", gap=(3, 10)
        ):
            act(Action.PUBLISH_CONCLUSION, "publication_record")
    else:
        documents = ("verification_report", "dialogue_minutes", "decision_document")
        if not act(Action.DECIDE, *(documents if track is Track.COMPLAINT_SECOND else documents[::2]),
                   document_number=f"{number}/QĐ-SVHTTDL", **result):
            return
        notified = day
        # Art 44: in effect 30 days after issue (the gap), then enforced unless there is nothing to enforce.
        if act(Action.SEND_DECISION, "decision_dispatch_record", gap=(31, 40)) and rng.random() < 0.8:
            nothing_to_enforce = outcome in (SettlementOutcome.WRONG, SettlementOutcome.UPHELD)
            if act(Action.RECORD_LEGAL_EFFECT, gap=(10, 40)) and not nothing_to_enforce:
                act(Action.RECORD_ENFORCEMENT, "enforcement_report")
    if case.status in ("decided", "concluded"):
        return  # not yet sent: the citizen does not know the result
    opinion_on = notified + timedelta(days=rng.randint(0, 15))
    if rng.random() < 0.7 and opinion_on <= today:
        services.record_satisfaction(
            case=case, actor=actor, level=_pick(rng, _OPINIONS), on=opinion_on, today=today,
            note="Ý kiến khi nhận kết quả giải quyết",
        )
