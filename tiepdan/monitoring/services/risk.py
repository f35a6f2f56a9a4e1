"""Risk scores of the communes and the open cases (`CommuneRisk`, `MatterRisk`), replaced each morning."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from django.db import transaction
from django.utils.formats import number_format

from tiepdan.monitoring import config
from tiepdan.monitoring.events import days_to_event
from tiepdan.monitoring.models import CommuneRisk, MatterRisk
from tiepdan.monitoring.rules import FACTOR_LABELS, RiskScore, score_risk
from tiepdan.monitoring.signals import open_case_facts, tallies


def days_to_event_on(day: date) -> int | None:
    return days_to_event(day, config.event_periods())


def refresh_risks(*, day: date, live: bool = True) -> tuple[int, int]:
    """Replace the communes' and the open matters' risk scores with those as of `day`."""
    risk_config = config.risk_config()
    to_event = days_to_event_on(day)
    commune_rows = []
    for (commune,), tally in tallies(day=day, window_days=risk_config.window_days, live=live).items():
        if commune is None:
            continue
        risk = score_risk(tally.signals(to_event), risk_config)
        commune_rows.append(
            CommuneRisk(
                commune_code=commune,
                score=risk.score,
                level=risk.level,
                factors=risk.as_dict()["factors"],
                contacts=tally.contacts,
                people=tally.people,
                computed_on=day,
            )
        )
    matter_rows = []
    for facts in open_case_facts(day=day):
        risk = score_risk(replace(facts.signals_without_event, days_to_event=to_event), risk_config)
        matter_rows.append(
            MatterRisk(
                case_id=facts.case_id,
                unit_id=facts.unit_id,
                score=risk.score,
                level=risk.level,
                factors=risk.as_dict()["factors"],
                computed_on=day,
            )
        )
    with transaction.atomic():
        CommuneRisk.objects.all().delete()
        CommuneRisk.objects.bulk_create(commune_rows, batch_size=1000)
        MatterRisk.objects.all().delete()
        MatterRisk.objects.bulk_create(matter_rows, batch_size=1000)
    return len(commune_rows), len(matter_rows)


def explain(risk: RiskScore) -> str:
    """ "people 20 (32 %), ..." — the factors that gave points, largest first (for notices)."""
    return "; ".join(
        f"{FACTOR_LABELS[c.factor][0].lower()} {number_format(c.points, decimal_pos=1)}/{c.weight:g} điểm"
        for c in risk.top[:4]
    )
