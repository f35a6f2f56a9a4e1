from django.apps import AppConfig


class ReceptionConfig(AppConfig):
    name = "tiepdan.reception"
    label = "reception"

    def ready(self) -> None:
        # Every change to these records is audited (who, when, old → new); Visit and VisitParticipant are
        # registered by tiepdan.core. Nothing of the reception desk is hard-deleted. VisitDenouncer and
        # VisitProtectedContent are deliberately not registered: the change log must never hold a
        # denouncer's identity, not even encrypted (ADR 0004).
        from auditlog.registry import auditlog

        from tiepdan.reception.models import (
            ConclusionNotice,
            ConclusionTask,
            Incident,
            MassVisitAcknowledgement,
            ReceptionSession,
            VisitCorrection,
        )

        for model in (VisitCorrection, MassVisitAcknowledgement, Incident, ReceptionSession, ConclusionNotice,
                      ConclusionTask):
            if not auditlog.contains(model):
                auditlog.register(model)
