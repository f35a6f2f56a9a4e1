from datetime import date

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from tiepdan.cases import workflow as wf


class ActionForm(forms.Form):
    action = forms.ChoiceField(choices=[(a.value, a.value) for a in wf.Action], widget=forms.HiddenInput)
    on = forms.DateField(label=_("Ngày thực hiện (dd/mm/yyyy)"), input_formats=["%d/%m/%Y", "%Y-%m-%d"])
    documents = forms.MultipleChoiceField(
        label=_("Văn bản, tài liệu đã có"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[],
    )
    criteria = forms.MultipleChoiceField(
        label=_("Tiêu chí phức tạp"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[],
    )
    withdrawal_exceptions = forms.MultipleChoiceField(
        label=_("Trường hợp vẫn tiếp tục giải quyết"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[],
    )
    dialogue_notice_days = forms.IntegerField(
        label=_("Số ngày từ khi thông báo đến ngày đối thoại"), required=False, min_value=0, max_value=365
    )
    document_number = forms.CharField(label=_("Số, ký hiệu văn bản"), max_length=60, required=False)
    document_title = forms.CharField(label=_("Trích yếu văn bản"), max_length=255, required=False)
    note = forms.CharField(
        label=_("Ghi chú, lý do"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        en = translation.get_language() == "en"
        self.fields["documents"].choices = [
            (code, req.label_en if en else req.label_vi) for code, req in wf.REQUIREMENTS.items()
        ]
        for name, table in (
            ("criteria", wf.COMPLEXITY_CRITERIA),
            ("withdrawal_exceptions", wf.WITHDRAWAL_EXCEPTIONS),
        ):
            self.fields[name].choices = [
                (code, label[1] if en else label[0]) for code, label in table.items()
            ]

    def clean_on(self):
        on = self.cleaned_data["on"]
        if on > self.today:
            raise forms.ValidationError(_("Ngày thực hiện không được sau ngày hôm nay."))
        return on
