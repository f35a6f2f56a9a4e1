from django.apps import AppConfig


class CoordinationConfig(AppConfig):
    name = "tiepdan.coordination"
    label = "coordination"
