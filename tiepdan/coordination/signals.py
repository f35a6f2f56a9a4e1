"""The one place coordination listens to the apps below it.

Reception and letters sit below coordination (design.md: dependencies point one way), so they
cannot call it. When they record a new visit or letter, coordination hears it here and, after the
transaction commits (the visit's people and deadlines are then stored), lets the service decide
whether an event period requires escalating it. The huey sweep (`tasks.py`) catches anything this
misses (bulk writes, a crash in between); the unique constraint keeps the two from doubling up.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_save


def _later(**subject) -> None:
    from tiepdan.coordination.services import escalate_mass_matter

    def run() -> None:
        escalate_mass_matter(**subject)

    transaction.on_commit(run, robust=True)


def _visit_saved(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if created and not raw and instance.is_mass and not instance.split_from_id:
        _later(visit=instance)


def _letter_saved(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    if created and not raw and instance.signer_count >= 2:
        _later(letter=instance)


def connect() -> None:
    from tiepdan.letters.models import Letter
    from tiepdan.reception.models import Visit

    post_save.connect(_visit_saved, sender=Visit, dispatch_uid="coordination_mass_visit")
    post_save.connect(_letter_saved, sender=Letter, dispatch_uid="coordination_mass_letter")
