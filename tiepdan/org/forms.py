from django import forms
from django.utils.translation import gettext_lazy as _

from tiepdan.org.models import Unit, UnitChangeKind


class EndUnitForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Hình thức"),
        choices=[
            (UnitChangeKind.MERGED, UnitChangeKind.MERGED.label),
            (UnitChangeKind.ABOLISHED, UnitChangeKind.ABOLISHED.label),
        ],
    )
    effective_on = forms.DateField(
        label=_("Ngày hiệu lực (dd/mm/yyyy)"), input_formats=["%d/%m/%Y", "%Y-%m-%d"]
    )
    successor = forms.ModelChoiceField(
        label=_("Đơn vị tiếp nhận hồ sơ đang mở"), queryset=Unit.objects.none()
    )
    legal_basis = forms.CharField(label=_("Căn cứ"), max_length=255, required=False)
    note = forms.CharField(label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, unit: Unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["successor"].queryset = Unit.objects.filter(
            agency=unit.agency, valid_to__isnull=True
        ).exclude(pk=unit.pk)
