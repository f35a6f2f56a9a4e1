from django.apps import AppConfig


class DeadlinesConfig(AppConfig):
    name = "tiepdan.deadlines"
    label = "deadlines"
