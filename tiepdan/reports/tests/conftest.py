"""Demo data for the reports: the generated department (fixed seed) plus settled cases and the director's
reception days inside the 6-month period of 2026 (15/12/2025 – 14/06/2026)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

TODAY = date(2026, 11, 27)
SIX_MONTHS = (date(2025, 12, 15), date(2026, 6, 14))


@pytest.fixture
def director(leader):
    return leader


@pytest.fixture
def demo_data(demo_org):
    from tiepdan.core.demo.generate import generate, seed_open_work

    generate(agency=demo_org, letters=400, seed=2026, today=TODAY, progress=False)
    seed_open_work(agency=demo_org, today=TODAY, seed=2026, cases=8)
    return demo_org


def settle_complaint(letter, actor, *, accepted: date, decided: date | None, enforced: date | None = None,
                     outcome: str = "partly", amounts: dict | None = None):
    """A first-time complaint through the case services: accepted, verified, decided (with its outcome and
    amounts), sent, in effect, enforced."""
    from tiepdan.cases import services
    from tiepdan.cases.workflow import Action

    def act(case, action, on, *docs, **data):
        return services.act(case=case, action=action, actor=actor, on=on,
                            data=services.ActionInput(documents=frozenset(docs), **data))

    case = services.open_case(letter=letter, track="complaint_first", actor=actor)
    case = act(case, Action.ACCEPT, accepted, "acceptance_decision")
    case = act(case, Action.START_VERIFICATION, accepted + timedelta(days=2), "verification_assignment")
    if decided is None:
        return case
    case = act(case, Action.DECIDE, decided, "verification_report", "decision_document", outcome=outcome,
               amounts=amounts or {})
    case = act(case, Action.SEND_DECISION, decided + timedelta(days=2), "decision_dispatch_record")
    if enforced is not None:
        case = act(case, Action.RECORD_LEGAL_EFFECT, decided + timedelta(days=35))
        case = act(case, Action.RECORD_ENFORCEMENT, enforced, "enforcement_report")
    return case


# Results of the period cases' decisions (the fourth is decided after the cut-off).
PERIOD_RESULTS = (
    ("correct", {"return_money": Decimal("120.5"), "return_land": Decimal("250"), "return_people": 2}),
    ("partly", {"return_money": Decimal("30"), "sanction_people": 1}),
    ("wrong", {}),
    ("correct", {"return_money": Decimal("999")}),
)


def make_period_cases(make_letter, leader):
    """Four complaints accepted in the 6-month period: decided on time and enforced, decided late, still open,
    and decided after the cut-off (still "not settled" in the 6-month report)."""
    letters = [
        make_letter(received_on=day, disposition="accept", status="disposed", disposed_on=day + timedelta(days=1),
                    is_eligible=True, competence="within")
        for day in (date(2026, 1, 5), date(2026, 1, 20), date(2026, 2, 10), date(2026, 3, 31))
    ]
    days = [
        (letters[0].received_on + timedelta(days=20), letters[0].received_on + timedelta(days=70)),
        (letters[1].received_on + timedelta(days=80), None),
        (None, None),
        (date(2026, 7, 1), None),
    ]
    return [
        settle_complaint(letter, leader, accepted=letter.received_on + timedelta(days=3), decided=decided,
                         enforced=enforced, outcome=outcome, amounts=amounts)
        for letter, (decided, enforced), (outcome, amounts) in zip(letters, days, PERIOD_RESULTS, strict=True)
    ]


@pytest.fixture
def period_cases(demo_data, make_letter, leader):
    return make_period_cases(make_letter, leader)


@pytest.fixture
def head_sessions(demo_org, leader):
    """The director received citizens in person in January, February and April 2026; March was delegated."""
    from tiepdan.org.models import Staff
    from tiepdan.reception.models import ReceptionSession

    director = Staff.objects.select_related("position", "unit").get(user=leader)
    deputy = Staff.objects.get(user__username="phogiamdoc")
    # This scenario replaces the sessions the demo seeds, so the expected counts are exact.
    ReceptionSession.objects.filter(host=director).update(status="planned", actual_host=None)
    rows = []
    for day, role, host in (
        (date(2026, 1, 15), "head", director),
        (date(2026, 2, 10), "head", director),
        (date(2026, 3, 16), "deputy_authorized", deputy),
        (date(2026, 4, 15), "head", director),
    ):
        rows.append(
            ReceptionSession.objects.create(
                unit=director.unit, host=director, position=director.position, planned_on=day, status="held",
                actual_host=host, host_role=role, created_by=leader,
            )
        )
    return rows
