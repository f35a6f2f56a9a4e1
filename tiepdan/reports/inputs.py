"""Django forms of the reports pages (the statistical forms are in `forms.py`): typed input only."""

from __future__ import annotations

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from tiepdan.legal.errors import InvalidArgument
from tiepdan.reports.models import FindingKind
from tiepdan.reports.narrative import EDITABLE_SECTIONS
from tiepdan.reports.periods import Period, kind_choices, make_period

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def _date_field(label, required=False):
    return forms.DateField(label=label, required=required, input_formats=DATE_FORMATS,
                           widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}))


class PeriodForm(forms.Form):
    """A report period: the kind and what it needs (year; month; the last day; or two dates)."""

    ky = forms.ChoiceField(label=_("Kỳ báo cáo"), choices=kind_choices(), initial="6M")
    nam = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100, required=False)
    thang = forms.IntegerField(label=_("Tháng"), min_value=1, max_value=12, required=False)
    ngay = _date_field(_("Ngày chốt số liệu (báo cáo tuần, ngày)"))
    tu_ngay = _date_field(_("Từ ngày (báo cáo đột xuất)"))
    den_ngay = _date_field(_("Đến ngày (báo cáo đột xuất)"))

    def __init__(self, *args, today: date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if today is not None:
            self.fields["nam"].initial = today.year

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            data["period"] = make_period(
                data["ky"], year=data.get("nam"), month=data.get("thang"), day=data.get("ngay"),
                start=data.get("tu_ngay"), end=data.get("den_ngay"),
            )
        except InvalidArgument as exc:
            raise forms.ValidationError(exc.message_vi) from None
        return data

    @property
    def period(self) -> Period:
        return self.cleaned_data["period"]


class CreateReportForm(PeriodForm):
    tieu_de = forms.CharField(label=_("Trích yếu (để trống: theo mẫu)"), max_length=500, required=False)
    dot = forms.CharField(label=_("Đợt cao điểm, sự kiện (nếu có)"), max_length=255, required=False,
                          widget=forms.TextInput(attrs={"list": "event-periods"}))


class ContributionForm(forms.Form):
    results = forms.CharField(label=_("Kết quả thực hiện"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    notable = forms.CharField(label=_("Vụ việc nổi cộm, đông người, phức tạp"),
                              widget=forms.Textarea(attrs={"rows": 4}), required=False)
    difficulties = forms.CharField(label=_("Tồn tại, hạn chế, nguyên nhân"),
                                   widget=forms.Textarea(attrs={"rows": 4}), required=False)
    proposals = forms.CharField(label=_("Đề xuất, kiến nghị"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class NarrativeForm(forms.Form):
    addressees = forms.CharField(label=_("Kính gửi (mỗi dòng một nơi)"), widget=forms.Textarea(attrs={"rows": 2}),
                                 required=False)
    recipients = forms.CharField(label=_("Nơi nhận (mỗi dòng một nơi)"), widget=forms.Textarea(attrs={"rows": 4}),
                                 required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in EDITABLE_SECTIONS:
            self.fields[key] = forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": 5}), required=False)

    @property
    def sections(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(key, "") for key, _ in EDITABLE_SECTIONS}


class ActionForm(forms.Form):
    action = forms.ChoiceField(choices=[(a, a) for a in ("compile", "submit", "approve", "return", "send")])
    note = forms.CharField(required=False, max_length=2000)


class CheckForm(forms.Form):
    unit = forms.ChoiceField(label=_("Đơn vị được kiểm tra"))
    period_start = _date_field(_("Thời kỳ kiểm tra từ ngày"), required=True)
    period_end = _date_field(_("Đến ngày"), required=True)
    checked_on = _date_field(_("Ngày kiểm tra"), required=True)
    decision_number = forms.CharField(label=_("Số quyết định, kế hoạch kiểm tra"), max_length=60, required=False)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(u.code, u.name) for u in units]


class FindingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại"), choices=FindingKind.choices)
    text = forms.CharField(label=_("Nội dung phát hiện"), widget=forms.Textarea(attrs={"rows": 3}))


class MeasureForm(forms.Form):
    recommendation = forms.CharField(
        label=_("Kiến nghị, biện pháp khắc phục"), widget=forms.Textarea(attrs={"rows": 3})
    )
    owner = forms.ChoiceField(label=_("Đơn vị thực hiện"))
    due_on = _date_field(_("Thời hạn"), required=True)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [(u.code, u.name) for u in units]


class ConclusionForm(forms.Form):
    conclusion = forms.CharField(label=_("Kết luận kiểm tra"), widget=forms.Textarea(attrs={"rows": 4}))


class MeasureDoneForm(forms.Form):
    result = forms.CharField(label=_("Kết quả thực hiện"), widget=forms.Textarea(attrs={"rows": 2}))
