from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "tiepdan.cases"
    label = "cases"
