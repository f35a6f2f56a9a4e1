from django import forms
from django.utils.translation import gettext_lazy as _

from tiepdan.deadlines.models import OfficialDayKind


class OfficialDayForm(forms.Form):
    day = forms.DateField(label=_("Ngày (dd/mm/yyyy)"), input_formats=["%d/%m/%Y", "%Y-%m-%d"])
    kind = forms.ChoiceField(label=_("Loại"), choices=OfficialDayKind.choices)
    reason = forms.CharField(label=_("Lý do, số thông báo"), max_length=255)
