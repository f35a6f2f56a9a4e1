from tiepdan.core.navigation import nav_for
from tiepdan.notifications.selectors import unread_count
from tiepdan.org.selectors import roles_of, staff_of


def shell(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    roles = roles_of(user)
    return {
        "nav_items": nav_for(roles),
        "current_staff": staff_of(user),
        "current_roles": sorted(roles, key=lambda r: r.value),
        "unread_count": unread_count(user),
        # The current event period(s) and phase, on every staff page (coordination, issue 6).
        "event_periods_now": _event_periods_now(),
    }


def _event_periods_now() -> list[dict]:
    from django.utils import timezone

    from tiepdan.coordination.selectors import banner_periods

    return banner_periods(timezone.localdate())
