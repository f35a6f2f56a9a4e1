"""Forms of the citizen pages: they parse input; the rules live in people.services."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tiepdan.people import geo
from tiepdan.people.models import Citizen, PersonKind
from tiepdan.people.services import CitizenInput


def _int_or_none(value) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


class CitizenForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    id_number = forms.CharField(
        label=_("Số căn cước (12 chữ số)"), max_length=20, required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False,
                            widget=forms.TextInput(attrs={"inputmode": "tel"}))
    kind = forms.ChoiceField(label=_("Loại"), choices=PersonKind.choices, initial=PersonKind.INDIVIDUAL)
    province_code = forms.TypedChoiceField(label=_("Tỉnh, thành phố"), coerce=int, required=False, empty_value=None)
    commune_code = forms.TypedChoiceField(label=_("Xã, phường, đặc khu"), coerce=int, required=False, empty_value=None)
    address_detail = forms.CharField(label=_("Số nhà, thôn, tổ dân phố"), max_length=255, required=False)
    old_address = forms.CharField(label=_("Địa chỉ cũ (trước 01/07/2025)"), max_length=255, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province_code"].choices = [("", "—"), *geo.provinces()]
        province = _int_or_none(self.data.get("province_code")) if self.is_bound else None
        if not self.is_bound:
            province = _int_or_none(self.initial.get("province_code")) or geo.BAC_NINH
            self.initial.setdefault("province_code", province)
        self.fields["commune_code"].choices = [("", "—"), *(geo.communes(province) if province else [])]
        self.fields["province_code"].widget.attrs.update({
            "hx-get": reverse("people:communes"), "hx-target": "#id_commune_code", "hx-trigger": "change",
            "hx-swap": "innerHTML",
        })

    @classmethod
    def for_citizen(cls, citizen: Citizen, data=None) -> CitizenForm:
        initial = {name: getattr(citizen, name) for name in cls.base_fields}
        initial["id_number"] = citizen.id_number or ""
        return cls(data, initial=initial)

    def to_input(self) -> CitizenInput:
        d = self.cleaned_data
        return CitizenInput(
            full_name=d["full_name"], id_number=d["id_number"], phone=d["phone"], kind=d["kind"],
            province_code=d["province_code"], commune_code=d["commune_code"],
            address_detail=d["address_detail"], old_address=d["old_address"],
        )


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Put a service's per-field errors beside the fields of `form` (others above the form)."""
    mapping = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
    for name, messages in mapping.items():
        target = name if name in form.fields else None
        for message in messages:
            form.add_error(target, message)
