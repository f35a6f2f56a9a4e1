"""Choices shared by reception, letters and cases (one name per concept, glossary.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MatterType(models.TextChoices):
    COMPLAINT = "complaint", _("Khiếu nại")
    DENUNCIATION = "denunciation", _("Tố cáo")
    PETITION = "petition", _("Kiến nghị")
    FEEDBACK = "feedback", _("Phản ánh")


class Channel(models.TextChoices):
    RECEPTION = "reception", _("Trực tiếp tại nơi tiếp công dân")
    POST = "post", _("Bưu chính")
    PORTAL = "portal", _("Cổng thông tin điện tử")
    EMAIL = "email", _("Thư điện tử")
    TRANSFERRED = "transferred", _("Cơ quan khác chuyển đến")
    DEPUTY = "deputy", _("Đại biểu Quốc hội, HĐND chuyển đến")
    PRESS = "press", _("Báo chí chuyển đến")
    BOX = "box", _("Hòm thư góp ý")
