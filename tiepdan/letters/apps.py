from django.apps import AppConfig
from django.db.models.signals import post_migrate


class LettersConfig(AppConfig):
    name = "tiepdan.letters"
    label = "letters"

    def ready(self) -> None:
        from tiepdan.letters.search_index import on_post_migrate

        # A table rebuild by a later migration drops the full-text triggers (search_index.py).
        post_migrate.connect(on_post_migrate, sender=self, dispatch_uid="letters_search_index")
