from django.apps import AppConfig


class DeadlinesConfig(AppConfig):
    name = "tiepdan.deadlines"
    label = "deadlines"

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from tiepdan.deadlines.models import OfficialDay

        auditlog.register(OfficialDay)
