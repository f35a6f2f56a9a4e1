from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tiepdan.core"
    label = "core"

    def ready(self) -> None:
        # Every change to these records is audited (who, when, what changed), nothing is hard-deleted.
        from auditlog.registry import auditlog

        from tiepdan.cases.models import Case, CaseStep, Suspension
        from tiepdan.letters.models import Letter, LetterSender
        from tiepdan.org.models import Agency, Domain, Position, Staff, Unit, UnitChange
        from tiepdan.people.models import Citizen
        from tiepdan.reception.models import Visit, VisitParticipant

        for model in (
            Agency,
            Unit,
            UnitChange,
            Position,
            Staff,
            Domain,
            Citizen,
            Visit,
            VisitParticipant,
            Letter,
            LetterSender,
            Case,
            CaseStep,
            Suspension,
        ):
            auditlog.register(model)
