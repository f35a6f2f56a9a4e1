from django.apps import AppConfig


class ReceptionConfig(AppConfig):
    name = "tiepdan.reception"
    label = "reception"
