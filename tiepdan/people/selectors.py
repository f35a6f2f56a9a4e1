from django.db.models import Q, QuerySet

from tiepdan.people.models import Citizen
from tiepdan.text.normalize import digits, fold


def citizens_visible_to(user) -> QuerySet[Citizen]:
    """Citizen records are shared across the agency's staff (one record per person);
    what they wrote is scoped by unit in letters and reception."""
    if not user.is_authenticated or not hasattr(user, "staff"):
        return Citizen.objects.none()
    return Citizen.objects.filter(merged_into__isnull=True)


def search_citizens(qs: QuerySet[Citizen], query: str) -> QuerySet[Citizen]:
    query = query.strip()
    if not query:
        return qs
    number = digits(query)
    condition = Q(search_name__contains=fold(query))
    if number and len(number) >= 4:
        condition |= Q(id_number__startswith=number) | Q(search_phone__contains=number)
    return qs.filter(condition)
