"""Demo data for the reports: the generated department (fixed seed) plus settled cases and the director's
reception days inside the 6-month period of 2026 (15/12/2025 – 14/06/2026)."""

from datetime import date, timedelta

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


def settle_complaint(letter, actor, *, accepted: date, decided: date | None, enforced: date | None = None):
    """A first-time complaint through the case services: accepted, verified, decided, sent, in effect, enforced."""
    from tiepdan.cases import services
    from tiepdan.cases.workflow import Action

    def act(case, action, on, *docs):
        return services.act(case=case, action=action, actor=actor, on=on,
                            data=services.ActionInput(documents=frozenset(docs)))

    case = services.open_case(letter=letter, track="complaint_first", actor=actor)
    case = act(case, Action.ACCEPT, accepted, "acceptance_decision")
    case = act(case, Action.START_VERIFICATION, accepted + timedelta(days=2), "verification_assignment")
    if decided is None:
        return case
    case = act(case, Action.DECIDE, decided, "verification_report", "decision_document")
    case = act(case, Action.SEND_DECISION, decided + timedelta(days=2), "decision_dispatch_record")
    if enforced is not None:
        case = act(case, Action.RECORD_LEGAL_EFFECT, decided + timedelta(days=35))
        case = act(case, Action.RECORD_ENFORCEMENT, enforced, "enforcement_report")
    return case


@pytest.fixture
def period_cases(demo_data, leader):
    """Complaint cases accepted in the 6-month period: settled on time, late, enforced, and still open."""
    from tiepdan.letters.models import Letter

    letters = list(
        Letter.objects.filter(
            matter_type="complaint", disposition="accept", received_on__gte=date(2026, 1, 5),
            received_on__lte=date(2026, 3, 31), cases__isnull=True,
        ).order_by("received_on", "id")[:4]
    )
    assert len(letters) == 4
    cases = [
        settle_complaint(letters[0], leader, accepted=letters[0].received_on + timedelta(days=3),
                         decided=letters[0].received_on + timedelta(days=20),
                         enforced=letters[0].received_on + timedelta(days=70)),
        settle_complaint(letters[1], leader, accepted=letters[1].received_on + timedelta(days=3),
                         decided=letters[1].received_on + timedelta(days=80)),
        settle_complaint(letters[2], leader, accepted=letters[2].received_on + timedelta(days=3), decided=None),
        # Decided after the cut-off: still "not settled" in the 6-month report.
        settle_complaint(letters[3], leader, accepted=letters[3].received_on + timedelta(days=3),
                         decided=date(2026, 7, 1)),
    ]
    return cases


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
