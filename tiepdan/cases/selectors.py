from django.db.models import QuerySet

from tiepdan.cases.models import Case, SettlementResult, SettlementResultRevision
from tiepdan.org.selectors import scope_by_unit


def cases_visible_to(user) -> QuerySet[Case]:
    return scope_by_unit(Case.objects.select_related("unit", "handler", "domain", "letter"), user)


def settlement_result_of(case: Case) -> SettlementResult | None:
    """The result of the case's deciding step (the first one if there were several, as the reports count it)."""
    return (
        SettlementResult.objects.filter(step__case=case).select_related("step").order_by("step__on", "step_id").first()
    )


def result_revisions(result: SettlementResult) -> QuerySet[SettlementResultRevision]:
    """The corrections of a result, oldest first, with who recorded them."""
    return result.revisions.select_related("recorded_by", "recorded_by__staff").order_by("recorded_on", "id")
