from django.db.models import QuerySet

from tiepdan.letters.models import Letter
from tiepdan.org.selectors import scope_by_unit


def letters_visible_to(user) -> QuerySet[Letter]:
    return scope_by_unit(Letter.objects.select_related("unit", "domain"), user)
