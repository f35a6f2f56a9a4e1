"""Writes to the organisation. Reorganisations keep history: nothing is deleted."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string

from tiepdan.org.models import Agency, Unit, UnitChange, UnitChangeKind, UnitKind

# Each app that attaches open work to a unit registers a function (old_unit, new_unit) -> count
# in settings.TIEPDAN_UNIT_REMAPPERS; org stays free of imports from the apps above it.
Remapper = Callable[[Unit, Unit], int]


def _remappers() -> list[Remapper]:
    return [import_string(path) for path in getattr(settings, "TIEPDAN_UNIT_REMAPPERS", [])]


def path_for(unit: Unit) -> str:
    prefix = unit.parent.path if unit.parent_id else "/"
    return f"{prefix}{unit.pk}/"


@transaction.atomic
def create_unit(
    *,
    agency: Agency,
    code: str,
    name: str,
    kind: str,
    parent: Unit | None = None,
    abbreviation: str = "",
    is_advisory: bool = False,
    valid_from: date = date(2000, 1, 1),
    order: int = 0,
) -> Unit:
    unit = Unit.objects.create(
        agency=agency,
        code=code,
        name=name,
        kind=kind,
        parent=parent,
        abbreviation=abbreviation,
        is_advisory=is_advisory,
        valid_from=valid_from,
        order=order,
    )
    unit.path = path_for(unit)
    unit.save(update_fields=["path"])
    UnitChange.objects.create(unit=unit, kind=UnitChangeKind.CREATED, effective_on=valid_from)
    return unit


@transaction.atomic
def rename_unit(*, unit: Unit, new_name: str, on: date, legal_basis: str = "") -> UnitChange:
    change = UnitChange.objects.create(
        unit=unit, kind=UnitChangeKind.RENAMED, effective_on=on, old_name=unit.name, legal_basis=legal_basis
    )
    unit.name = new_name
    unit.save(update_fields=["name"])
    return change


@transaction.atomic
def end_unit(
    *,
    unit: Unit,
    kind: str,
    on: date,
    successor: Unit,
    legal_basis: str = "",
    note: str = "",
    remappers: Iterable[Remapper] | None = None,
) -> UnitChange:
    """Merge or abolish `unit` from `on` (its last day is the day before), moving its open work to `successor`.

    The unit keeps its row, closed items stay attached to it (history), and the advisory role
    moves with the functions when the ended unit held it (the 01/07/2025 inspectorate case).
    """
    if kind not in {UnitChangeKind.MERGED, UnitChangeKind.ABOLISHED}:
        raise ValueError(kind)
    if successor.pk == unit.pk:
        raise ValueError("successor")
    locked = Unit.objects.select_for_update().get(pk=unit.pk)
    locked.valid_to = on - timedelta(days=1)
    locked.successor = successor
    locked.save(update_fields=["valid_to", "successor"])
    # The flag stays on the ended unit (it was the advisory unit while it existed: history) and is
    # set on the successor, so advisory_unit(day) answers for any date.
    if locked.is_advisory:
        Unit.objects.filter(pk=successor.pk).update(is_advisory=True)
    moved = sum(remap(locked, successor) for remap in (_remappers() if remappers is None else remappers))
    return UnitChange.objects.create(
        unit=locked,
        kind=kind,
        effective_on=on,
        successor=successor,
        legal_basis=legal_basis,
        note=note,
        open_items_moved=moved,
    )


__all__ = ["UnitKind", "create_unit", "end_unit", "path_for", "rename_unit"]
