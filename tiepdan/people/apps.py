from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "tiepdan.people"
    label = "people"
