from django import forms
from django.utils.translation import gettext_lazy as _

from tiepdan.common.i18n import twin
from tiepdan.monitoring.rules import STATUS_LABELS, HotSpotStatus

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
MAX_MAP_BYTES = 20 * 1024 * 1024


class OwnerForm(forms.Form):
    owner = forms.ModelChoiceField(label=_("Người theo dõi"), queryset=None, empty_label=None)

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners
        self.fields["owner"].label_from_instance = lambda u: getattr(getattr(u, "staff", None), "full_name", u.username)


class ActionForm(forms.Form):
    on = forms.DateField(label=_("Ngày (dd/mm/yyyy)"), input_formats=DATE_FORMATS)
    text = forms.CharField(label=_("Biện pháp đã làm, diễn biến"), widget=forms.Textarea(attrs={"rows": 3}),
                           max_length=4000)


class StatusForm(forms.Form):
    to = forms.ChoiceField(label=_("Chuyển sang"), choices=[(s.value, twin(*STATUS_LABELS[s])) for s in HotSpotStatus])
    on = forms.DateField(label=_("Ngày (dd/mm/yyyy)"), input_formats=DATE_FORMATS)
    reason = forms.CharField(
        label=_("Lý do (bắt buộc khi đóng hoặc loại bỏ)"), required=False, max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MapUploadForm(forms.Form):
    file = forms.FileField(label=_("Tệp ranh giới xã, phường (GeoJSON, WGS 84)"))
    code_property = forms.CharField(
        label=_("Thuộc tính chứa mã xã (để trống: tự nhận ma_xa, code... hoặc tên xã)"), required=False,
        max_length=60,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_MAP_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn (tối đa 20 MB); hãy đơn giản hóa ranh giới."))
        return upload
