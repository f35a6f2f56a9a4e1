import re
from datetime import date
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _

from tiepdan.cases import workflow as wf
from tiepdan.cases.workflow import results as wr

_GROUPED = {",": re.compile(r"\d{1,3}(,\d{3})+"), ".": re.compile(r"\d{1,3}(\.\d{3})+")}
_PLAIN = re.compile(r"\d+(\.\d+)?")


def parse_amount(text: str, decimal_separator: str = ",") -> Decimal | None:
    """A number as people type it: "12,5" or "12.5", "1.250.000" or "1,250,000", "1.250,5". A single
    separator followed by exactly three digits is read the way the active language groups thousands
    ("1.500" is 1500 in Vietnamese, 1.5 in English). Empty → None; anything else raises ValueError.
    The sign is kept, so that a negative amount is refused with its own message."""
    value = re.sub(r"[\s\u00a0]", "", text or "")
    if not value:
        return None
    sign = -1 if value.startswith("-") else 1
    value = value.lstrip("+-")
    thousands = "." if decimal_separator == "," else ","
    if "," in value and "." in value:
        point = max(value.rfind(","), value.rfind("."))
        value = value[:point].replace(",", "").replace(".", "") + "." + value[point + 1:]
    elif (sep := "," if "," in value else "." if "." in value else "") != "":
        grouped = bool(_GROUPED[sep].fullmatch(value))
        if grouped and (sep == thousands or value.count(sep) > 1):
            value = value.replace(sep, "")
        elif value.count(sep) == 1:
            value = value.replace(sep, ".")
    if not _PLAIN.fullmatch(value):
        raise ValueError(text)
    try:
        return sign * Decimal(value)
    except InvalidOperation:  # pragma: no cover - the pattern already excludes it
        raise ValueError(text) from None


class AmountField(forms.CharField):
    """A money or land amount (Decimal) typed in the Vietnamese or the English way."""

    default_error_messages = {"invalid": _("Phải là một số, ví dụ 12,5 hoặc 1.250.000.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "maxlength": "40"})

    def to_python(self, value):
        text = super().to_python(value)
        if len(text) > 40:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            return parse_amount(text, formats.get_format("DECIMAL_SEPARATOR"))
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


def _count_field() -> forms.IntegerField:
    # A text box, not <input type="number">: a browser sends an unreadable number as "", which would be
    # taken for "not stated"; the server reads it and says what is wrong, with the input kept.
    return forms.IntegerField(
        required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "maxlength": "12"}),
        error_messages={"invalid": _("Phải là một số nguyên, ví dụ 2.")},
    )


def _set_outcome_choices(field: forms.ChoiceField, track: str, *, english: bool) -> None:
    """The outcomes of `track` (labels by track: "Khiếu nại đúng", "Tố cáo đúng"), and the message for another."""
    field.choices = [
        (key.value, label_en if english else label_vi) for key, label_vi, label_en in wr.outcome_choices(track)
    ]
    kind = wf.Track(track)
    field.error_messages["invalid_choice"] = (
        f"Outcome %(value)s does not apply to {kind.label_en.lower()}." if english
        else f"Kết quả «%(value)s» không áp dụng cho {kind.label_vi.lower()}."
    )


def _add_result_errors(form: forms.Form, track: str, outcome: str, amounts: dict) -> None:
    """The problems of a result (workflow.results.result_errors) beside their fields, in the reader's language;
    a field the form already refused (an unreadable number) keeps its own message."""
    en = translation.get_language() == "en"
    for error in wr.result_errors(track, outcome, amounts):
        message = error.message_en if en else error.message_vi
        if error.field and error.field in form.fields and error.field not in form.errors:
            form.add_error(error.field, message)
        elif not error.field:
            form.add_error(None, message)


def amount_text(value: Decimal | int | None) -> str:
    """A stored amount as the form shows it again, read back the same by `parse_amount`: 1250.5 is "1250,5" in
    Vietnamese and "1250.5" in English (no grouping, no trailing zeros)."""
    if value is None:
        return ""
    return f"{Decimal(value).normalize():f}".replace(".", formats.get_format("DECIMAL_SEPARATOR"))


class ResultAmounts:
    """The amount fields of a form that states a settlement result (recorded or corrected)."""

    @property
    def amount_fields(self):
        return [self[amount.key] for amount in wr.AMOUNTS]

    def result_amounts(self) -> dict[str, Decimal | int]:
        """The amounts typed (those left blank or unreadable are not in it)."""
        return {
            amount.key: self.cleaned_data[amount.key]
            for amount in wr.AMOUNTS
            if self.cleaned_data.get(amount.key) is not None
        }


class ActionForm(ResultAmounts, forms.Form):
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
    # The result of the deciding step (workflow.results); read only for that step.
    outcome = forms.ChoiceField(label=_("Kết quả giải quyết"), required=False, widget=forms.RadioSelect, choices=[])
    recover_money = AmountField()
    recover_land = AmountField()
    return_money = AmountField()
    return_land = AmountField()
    return_people = _count_field()
    sanction_people = _count_field()
    investigation_cases = _count_field()
    investigation_people = _count_field()

    def __init__(self, *args, today: date, track: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.track = track
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
        if track:
            _set_outcome_choices(self.fields["outcome"], track, english=en)
        for amount in wr.AMOUNTS:
            self.fields[amount.key].label = amount.label_en if en else amount.label_vi

    def clean_on(self):
        on = self.cleaned_data["on"]
        if on > self.today:
            raise forms.ValidationError(_("Ngày thực hiện không được sau ngày hôm nay."))
        return on

    def records_result(self) -> bool:
        action = self.cleaned_data.get("action")
        return bool(self.track and action and wr.records_result(self.track, action))

    def clean(self):
        data = super().clean()
        if not self.records_result():
            return data
        _add_result_errors(self, self.track, data.get("outcome", ""), self.result_amounts())
        return data


class ResultCorrectionForm(ResultAmounts, forms.Form):
    """A recorded result corrected: the outcome and the amounts as they should read, and why (required)."""

    outcome = forms.ChoiceField(label=_("Kết quả giải quyết"), required=False, widget=forms.RadioSelect, choices=[])
    reason = forms.CharField(
        label=_("Lý do điều chỉnh"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Phải ghi lý do điều chỉnh kết quả giải quyết.")},
    )

    def __init__(self, *args, track: str, **kwargs):
        kwargs.setdefault("auto_id", "correction_%s")  # ids apart from the deciding step's form on the same page
        super().__init__(*args, **kwargs)
        self.track = track
        en = translation.get_language() == "en"
        _set_outcome_choices(self.fields["outcome"], track, english=en)
        for amount in wr.AMOUNTS:
            field = _count_field() if amount.is_count else AmountField()
            field.label = amount.label_en if en else amount.label_vi
            self.fields[amount.key] = field

    @classmethod
    def initial_for(cls, result) -> dict[str, str]:
        """The form filled with the recorded result, to be edited."""
        return {"outcome": result.outcome, **{key: amount_text(getattr(result, key)) for key in wr.AMOUNT_KEYS}}

    def clean(self):
        data = super().clean()
        _add_result_errors(self, self.track, data.get("outcome", ""), self.result_amounts())
        return data


class SatisfactionForm(forms.Form):
    level = forms.ChoiceField(
        label=_("Ý kiến của công dân về kết quả giải quyết"),
        widget=forms.RadioSelect,
        choices=[],
        error_messages={"required": _("Phải chọn ý kiến của công dân.")},
    )
    on = forms.DateField(label=_("Ngày ghi nhận (dd/mm/yyyy)"), input_formats=["%d/%m/%Y", "%Y-%m-%d"])
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)

    def __init__(self, *args, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        en = translation.get_language() == "en"
        self.fields["level"].choices = [
            (level.value, labels[1] if en else labels[0]) for level, labels in wr.SATISFACTION_LABELS.items()
        ]

    def clean_on(self):
        on = self.cleaned_data["on"]
        if on > self.today:
            raise forms.ValidationError(_("Ngày ghi nhận không được sau ngày hôm nay."))
        return on
