from django.db.models import QuerySet

from tiepdan.org.selectors import scope_by_unit
from tiepdan.reception.models import Visit


def visits_visible_to(user) -> QuerySet[Visit]:
    return scope_by_unit(Visit.objects.select_related("unit", "officer", "leader", "domain"), user)
