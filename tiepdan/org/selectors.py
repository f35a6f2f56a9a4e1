"""Reads of the organisation, and the one place that decides which units a user may see."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet

from tiepdan.org.models import Agency, Staff, Unit
from tiepdan.org.roles import AGENCY_WIDE_ROLES, READ_ONLY_ROLES, Role

User = AbstractBaseUser | AnonymousUser


def staff_of(user: User) -> Staff | None:
    if not user.is_authenticated:
        return None
    cached = getattr(user, "_tiepdan_staff", False)
    if cached is not False:
        return cached
    staff = Staff.objects.select_related("unit", "position", "unit__agency").filter(user=user).first()
    return remember_staff(user, staff)


def remember_staff(user: User, staff: Staff | None) -> Staff | None:
    """Keep the user's staff record on the user object for the rest of the request."""
    user._tiepdan_staff = staff  # type: ignore[union-attr]
    return staff


def roles_of(user: User) -> frozenset[Role]:
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_tiepdan_roles", None)
    if cached is not None:
        return cached
    return remember_roles(user, user.groups.values_list("name", flat=True))


def remember_roles(user: User, group_names) -> frozenset[Role]:
    """The user's roles from the names of their groups, kept on the user object for the request."""
    known = {r.value for r in Role}
    roles = frozenset(Role(name) for name in group_names if name in known)
    if user.is_superuser:
        roles |= {Role.ADMINISTRATOR}
    user._tiepdan_roles = roles  # type: ignore[union-attr]
    return roles


def has_role(user: User, *roles: Role) -> bool:
    return bool(roles_of(user) & set(roles))


def is_read_only(user: User) -> bool:
    roles = roles_of(user)
    return bool(roles) and roles <= READ_ONLY_ROLES


def sees_whole_agency(user: User) -> bool:
    return bool(roles_of(user) & AGENCY_WIDE_ROLES)


def visible_unit_ids(user: User) -> list[int] | None:
    """Ids of the units whose data the user may see; None means every unit of the agency.

    A unit's subtree includes its sub-units and every predecessor merged into them, so an
    officer of a merged unit still sees the history that came with the merger.
    """
    if sees_whole_agency(user):
        return None
    staff = staff_of(user)
    if staff is None:
        return []
    subtree = Unit.objects.filter(path__startswith=staff.unit.path).values_list("id", flat=True)
    ids = set(subtree)
    frontier = set(ids)
    while frontier:
        frontier = set(Unit.objects.filter(successor_id__in=frontier).values_list("id", flat=True)) - ids
        ids |= frontier
    return sorted(ids)


def scope_by_unit(queryset: QuerySet, user: User, field: str = "unit") -> QuerySet:
    """Restrict `queryset` to the rows whose `field` (a Unit FK) the user may see."""
    if not user.is_authenticated:
        return queryset.none()
    ids = visible_unit_ids(user)
    if ids is None:
        staff = staff_of(user)
        if staff is None and not user.is_superuser:
            return queryset.none()
        return queryset
    return queryset.filter(**{f"{field}_id__in": ids})


def units_visible_to(user: User) -> QuerySet[Unit]:
    qs = Unit.objects.select_related("parent", "successor")
    if not user.is_authenticated:
        return qs.none()
    ids = visible_unit_ids(user)
    return qs if ids is None else qs.filter(id__in=ids)


def active_units(on: date, agency: Agency | None = None) -> QuerySet[Unit]:
    qs = Unit.objects.filter(valid_from__lte=on).filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
    if agency is not None:
        qs = qs.filter(agency=agency)
    return qs


def advisory_unit(on: date) -> Unit | None:
    """The unit that leads reception and complaint work on `on` (the inspectorate before 01/07/2025)."""
    return active_units(on).filter(is_advisory=True).order_by("path").first()


def current_agency() -> Agency | None:
    return Agency.objects.order_by("id").first()
