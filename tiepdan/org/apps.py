from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "tiepdan.org"
    label = "org"
