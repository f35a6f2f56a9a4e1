from django.db.models import QuerySet

from tiepdan.cases.models import Case
from tiepdan.org.selectors import scope_by_unit


def cases_visible_to(user) -> QuerySet[Case]:
    return scope_by_unit(Case.objects.select_related("unit", "handler", "domain", "letter"), user)
