from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "tiepdan.notifications"
    label = "notifications"
