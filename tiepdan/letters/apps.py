from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "tiepdan.letters"
    label = "letters"
