"""Forms of the letter pages: they parse typed input; the rules live in the services."""

from __future__ import annotations

from functools import cache

from django import forms
from django.utils.translation import gettext_lazy as _

from tiepdan.cases.workflow import Track
from tiepdan.common.choices import Channel, MatterType
from tiepdan.legal.grounds import INELIGIBILITY_REASONS
from tiepdan.letters.models import Competence, LetterStatus
from tiepdan.letters.selectors import SORTS, RegisterFilters
from tiepdan.people import geo

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATE_HELP = _("dd/mm/yyyy")


def _date_field(label, required=True) -> forms.DateField:
    return forms.DateField(
        label=label, required=required, input_formats=DATE_FORMATS,
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "autocomplete": "off"}),
        error_messages={"invalid": _("Nhập ngày theo dạng dd/mm/yyyy."), "required": _("Nhập ngày (dd/mm/yyyy).")},
    )


@cache
def commune_choices() -> list[tuple[str, str]]:
    return [("", "—"), *((str(code), name) for code, name in geo.communes(geo.BAC_NINH))]


class CommuneField(forms.TypedChoiceField):
    def __init__(self, **kwargs):
        super().__init__(choices=commune_choices, coerce=int, empty_value=None, required=False, **kwargs)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented recipe); their content is checked by the service."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return super().clean(data, initial)


class LetterForm(forms.Form):
    channel = forms.ChoiceField(label=_("Nguồn đơn"), choices=[("", "—"), *Channel.choices], required=False)
    received_on = _date_field(_("Ngày nhận đơn"), required=False)
    unit = forms.ModelChoiceField(label=_("Đơn vị xử lý"), queryset=None, required=True,
                                  error_messages={"required": _("Chọn đơn vị xử lý.")})
    transferring_body = forms.CharField(label=_("Cơ quan chuyển đơn"), max_length=255, required=False)
    transfer_doc_number = forms.CharField(label=_("Số văn bản chuyển đơn"), max_length=50, required=False)
    is_anonymous = forms.BooleanField(label=_("Đơn nặc danh (không ghi người gửi)"), required=False)
    signer_count = forms.IntegerField(label=_("Số người ký đơn"), min_value=1, required=False)
    summary = forms.CharField(label=_("Tóm tắt nội dung"), max_length=500, required=False,
                              widget=forms.TextInput(attrs={"size": 80}))
    text = forms.CharField(label=_("Nội dung đơn"), required=False, widget=forms.Textarea(attrs={"rows": 8}))
    matter_type = forms.ChoiceField(label=_("Loại đơn"), required=False,
                                    choices=[("", _("— theo gợi ý của hệ thống —")), *MatterType.choices])
    domain = forms.ModelChoiceField(label=_("Lĩnh vực"), queryset=None, required=False)
    commune_code = CommuneField(label=_("Xã, phường nơi phát sinh"))
    attachments = MultipleFileField(label=_("Bản quét, ảnh chụp đơn (PDF, JPEG, PNG)"), required=False)

    def __init__(self, *args, units, domains, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["domain"].queryset = domains


class SenderForm(forms.Form):
    citizen_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150, required=False)
    id_number = forms.CharField(label=_("Số căn cước"), max_length=20, required=False)
    phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False)
    commune_code = CommuneField(label=_("Xã, phường"))
    address_detail = forms.CharField(label=_("Số nhà, thôn, tổ dân phố"), max_length=255, required=False)
    is_representative = forms.BooleanField(label=_("Người đại diện"), required=False)


SenderFormSet = forms.formset_factory(SenderForm, extra=0, max_num=200, absolute_max=200)


class ClassifyForm(forms.Form):
    matter_type = forms.ChoiceField(label=_("Loại đơn"), choices=MatterType.choices)
    domain = forms.ModelChoiceField(label=_("Lĩnh vực"), queryset=None, required=False)
    competence = forms.ChoiceField(label=_("Thẩm quyền"), choices=[("", "—"), *Competence.choices], required=False)
    competent_body = forms.CharField(label=_("Cơ quan có thẩm quyền (nếu không thuộc thẩm quyền)"),
                                     max_length=255, required=False)
    is_eligible = forms.TypedChoiceField(
        label=_("Điều kiện xử lý"), required=False, empty_value=None,
        coerce=lambda v: {"yes": True, "no": False}.get(v),
        choices=[("", "—"), ("yes", _("Đủ điều kiện xử lý")), ("no", _("Không đủ điều kiện xử lý"))],
    )
    ineligibility_reason = forms.ChoiceField(
        label=_("Lý do không đủ điều kiện"), required=False,
        choices=[("", "—"), *((g.code, g.label_vi) for g in INELIGIBILITY_REASONS)],
    )
    denounced_persons = forms.CharField(label=_("Người bị tố cáo, bị khiếu nại (họ tên, chức vụ)"), required=False,
                                        widget=forms.Textarea(attrs={"rows": 2}))
    denounced_unit = forms.ModelChoiceField(label=_("Đơn vị bị tố cáo (nếu thuộc Sở)"), queryset=None,
                                            required=False)
    denounced_staff = forms.ModelMultipleChoiceField(label=_("Cán bộ của Sở bị tố cáo"), queryset=None,
                                                     required=False)
    multi_site = forms.BooleanField(label=_("Cần xác minh ở nhiều nơi (thời hạn 10 ngày làm việc)"), required=False)
    suggested_type = forms.CharField(required=False, widget=forms.HiddenInput)
    suggested_domain = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, domains, units, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["domain"].queryset = domains
        self.fields["denounced_unit"].queryset = units
        self.fields["denounced_staff"].queryset = staff


class PartForm(forms.Form):
    matter_type = forms.ChoiceField(label=_("Loại"), choices=[("", "—"), *MatterType.choices], required=False)
    summary = forms.CharField(label=_("Tóm tắt phần này"), max_length=500, required=False)
    text = forms.CharField(label=_("Nội dung"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


PartFormSet = forms.formset_factory(PartForm, extra=3, max_num=6)


class DispositionForm(forms.Form):
    on = _date_field(_("Ngày xử lý"))
    track = forms.ChoiceField(label=_("Loại vụ việc"), required=False,
                              choices=[("", "—"), *((t.value, t.label_vi) for t in Track)])
    handler = forms.ModelChoiceField(label=_("Người được giao giải quyết"), queryset=None, required=False)
    to_body = forms.CharField(label=_("Cơ quan có thẩm quyền"), max_length=255, required=False)
    subordinate = forms.CharField(label=_("Cơ quan, đơn vị cấp dưới"), max_length=255, required=False)
    reply_by = _date_field(_("Hạn báo cáo kết quả"), required=False)
    reason = forms.ChoiceField(label=_("Lý do lưu đơn"), required=False,
                               choices=[("", "—"), *((g.code, g.label_vi) for g in INELIGIBILITY_REASONS)])
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, handlers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = handlers
        self.fields["handler"].label_from_instance = lambda u: getattr(getattr(u, "staff", None), "full_name", u)


class ReplyForm(forms.Form):
    """The body the letter went to (or the subordinate urged) has answered: on which day."""

    on = _date_field(_("Ngày nhận văn bản trả lời"))


class RouteForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Giao đơn vị xử lý"), queryset=None)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class RevealForm(forms.Form):
    purpose = forms.CharField(label=_("Mục đích xem thông tin người tố cáo"), max_length=255,
                              error_messages={"required": _("Ghi mục đích xem (được lưu vào nhật ký).")})


class AssignForm(forms.Form):
    handler = forms.ModelChoiceField(label=_("Người được giao giải quyết"), queryset=None)

    def __init__(self, *args, handlers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = handlers
        self.fields["handler"].label_from_instance = lambda u: getattr(getattr(u, "staff", None), "full_name", u)


class RegisterFilterForm(forms.Form):
    """The register's filters; GET parameters in Vietnamese, as the other lists."""

    tu_ngay = _date_field(_("Từ ngày"), required=False)
    den_ngay = _date_field(_("Đến ngày"), required=False)
    nguon = forms.ChoiceField(label=_("Nguồn"), required=False, choices=[("", _("Tất cả")), *Channel.choices])
    loai = forms.ChoiceField(label=_("Loại"), required=False, choices=[("", _("Tất cả")), *MatterType.choices])
    linh_vuc = forms.ModelChoiceField(label=_("Lĩnh vực"), queryset=None, required=False, empty_label=_("Tất cả"))
    tham_quyen = forms.ChoiceField(label=_("Thẩm quyền"), required=False,
                                   choices=[("", _("Tất cả")), *Competence.choices])
    trang_thai = forms.ChoiceField(label=_("Trạng thái"), required=False,
                                   choices=[("", _("Tất cả")), *LetterStatus.choices])
    don_vi = forms.ModelChoiceField(label=_("Đơn vị"), queryset=None, required=False, empty_label=_("Tất cả"))
    xa = CommuneField(label=_("Xã, phường"))
    sap_den_han = forms.BooleanField(label=_("Sắp đến hạn"), required=False)
    qua_han = forms.BooleanField(label=_("Quá hạn"), required=False)
    dong_nguoi = forms.BooleanField(label=_("Đông người"), required=False)
    q = forms.CharField(label=_("Tìm (không cần dấu)"), required=False, max_length=200)
    sap_xep = forms.ChoiceField(
        label=_("Sắp xếp"), required=False,
        choices=[("", _("Mặc định")), ("-received_on", _("Mới nhận trước")), ("-id", _("Mới vào sổ trước")),
                 ("received_on", _("Nhận sớm trước")),
                 ("due_on", _("Hạn xử lý gần nhất")), ("-signer_count", _("Nhiều người ký nhất")),
                 ("code", _("Mã đơn"))],
    )

    def __init__(self, *args, domains, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["linh_vuc"].queryset = domains
        self.fields["don_vi"].queryset = units

    def filters(self) -> RegisterFilters:
        d = self.cleaned_data if self.is_valid() else {}
        return RegisterFilters(
            received_from=d.get("tu_ngay"), received_to=d.get("den_ngay"), channel=d.get("nguon") or "",
            matter_type=d.get("loai") or "", domain_id=d["linh_vuc"].pk if d.get("linh_vuc") else None,
            competence=d.get("tham_quyen") or "", status=d.get("trang_thai") or "",
            unit_id=d["don_vi"].pk if d.get("don_vi") else None, commune_code=d.get("xa"),
            due_soon=bool(d.get("sap_den_han")), overdue=bool(d.get("qua_han")), mass=bool(d.get("dong_nguoi")),
            query=(d.get("q") or "").strip(), sort=d.get("sap_xep") if d.get("sap_xep") in SORTS else "",
        )
