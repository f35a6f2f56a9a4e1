"""Load an agency's organisation from a data file (units, dated changes, positions, staff, domains)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from tiepdan.org import services
from tiepdan.org.models import Agency, Domain, Position, Staff, Unit
from tiepdan.org.roles import Role

DEMO_FILE = Path(__file__).parent / "data" / "bac_ninh_svhttdl.json"
DEMO_PASSWORD = "tiepdan-demo-2026"  # noqa: S105 - the documented password of the demo accounts


def ensure_role_groups() -> dict[str, Group]:
    return {role.value: Group.objects.get_or_create(name=role.value)[0] for role in Role}


@transaction.atomic
def load_organisation(data: dict, *, password: str | None = DEMO_PASSWORD) -> Agency:
    existing = Agency.objects.filter(name=data["agency"]["name"]).first()
    if existing is not None:
        return existing
    agency = Agency.objects.create(**data["agency"])
    units: dict[str, Unit] = {}
    for order, row in enumerate(data["units"]):
        units[row["code"]] = services.create_unit(
            agency=agency,
            code=row["code"],
            name=row["name"],
            kind=row["kind"],
            parent=units.get(row.get("parent", "")),
            abbreviation=row.get("abbreviation", ""),
            is_advisory=row.get("is_advisory", False),
            valid_from=date.fromisoformat(row.get("valid_from", "2000-01-01")),
            order=order,
        )
    for row in data.get("changes", []):
        services.end_unit(
            unit=units[row["unit"]],
            kind=row["kind"],
            on=date.fromisoformat(row["effective_on"]),
            successor=units[row["successor"]],
            legal_basis=row.get("legal_basis", ""),
            note=row.get("note", ""),
            remappers=[],
        )
    positions = {
        row["key"]: Position.objects.create(
            agency=agency,
            name=row["name"],
            is_head=row.get("is_head", False),
            reception_rule=row.get("reception_rule", ""),
            signing_title=row.get("signing_title", ""),
        )
        for row in data["positions"]
    }
    groups = ensure_role_groups()
    user_model = get_user_model()
    for row in data["staff"]:
        user = user_model.objects.create_user(
            username=row["username"], password=password, is_staff="administrator" in row["roles"]
        )
        if "administrator" in row["roles"]:
            user.is_superuser = True
            user.save(update_fields=["is_superuser"])
        user.groups.set([groups[r] for r in row["roles"]])
        Staff.objects.create(
            user=user,
            unit=units[row["unit"]],
            position=positions[row["position"]],
            full_name=row["full_name"],
        )
    for order, row in enumerate(data["domains"]):
        Domain.objects.create(agency=agency, order=order, **row)
    return agency


def load_demo_organisation() -> Agency:
    return load_organisation(json.loads(DEMO_FILE.read_text(encoding="utf-8")))
