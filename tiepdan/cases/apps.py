from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "tiepdan.cases"
    label = "cases"

    def ready(self) -> None:
        # Case, CaseStep and Suspension are registered by tiepdan.core; the results, their corrections and the
        # citizens' satisfaction are audited the same way (who, when, old → new).
        from auditlog.registry import auditlog

        from tiepdan.cases.models import CitizenSatisfaction, SettlementResult, SettlementResultRevision

        for model in (SettlementResult, SettlementResultRevision, CitizenSatisfaction):
            if not auditlog.contains(model):
                auditlog.register(model)
