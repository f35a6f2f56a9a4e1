from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tiepdan.core"
    label = "core"
