from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "tiepdan.monitoring"
    label = "monitoring"
