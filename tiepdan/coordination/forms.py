"""Forms: parse and check the shape of the input; the rules themselves live in services and rules."""

from __future__ import annotations

from datetime import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tiepdan.common.i18n import twin
from tiepdan.coordination import rules
from tiepdan.coordination.models import (
    Audience,
    DutyKind,
    EventPeriod,
    LegalText,
    OverLevel,
    SessionKind,
    SessionOutcome,
)
from tiepdan.org.models import Staff, Unit

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATETIME_FORMATS = ["%d/%m/%Y %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
MAX_UPLOAD = 10 * 1024 * 1024


class VNDateField(forms.DateField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("input_formats", DATE_FORMATS)
        kwargs.setdefault(
            "widget", forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "autocomplete": "off"})
        )
        kwargs.setdefault("error_messages", {"invalid": _("Nhập ngày theo dạng dd/mm/yyyy, ví dụ 05/03/2026.")})
        super().__init__(*args, **kwargs)


class VNDateTimeField(forms.DateTimeField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("input_formats", DATETIME_FORMATS)
        kwargs.setdefault(
            "widget", forms.DateTimeInput(format="%d/%m/%Y %H:%M", attrs={"placeholder": "dd/mm/yyyy hh:mm"})
        )
        kwargs.setdefault(
            "error_messages", {"invalid": _("Nhập thời điểm theo dạng dd/mm/yyyy hh:mm, ví dụ 05/03/2026 08:30.")}
        )
        super().__init__(*args, **kwargs)


class UnitChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return obj.name


class UnitsChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return obj.name


class UserChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        staff = getattr(obj, "staff", None)
        return f"{staff.full_name} — {staff.unit.name}" if staff else obj.get_username()


def staff_users(unit_path: str | None = None):
    qs = get_user_model().objects.filter(is_active=True, staff__isnull=False).select_related("staff", "staff__unit")
    if unit_path:
        qs = qs.filter(staff__unit__path__startswith=unit_path)
    return qs.order_by("staff__unit__path", "staff__full_name")


def _check_upload(upload):
    if upload and upload.size > MAX_UPLOAD:
        raise forms.ValidationError(_("Tệp đính kèm không được lớn hơn 10 MB."))
    return upload


class Form(forms.Form):
    """Bad input keeps its value when shown again; each error is shown beside its field."""

    error_css_class = "has-error"
    required_css_class = "required"


# --- plans and periods -------------------------------------------------------------------------


class PlanProgressForm(Form):
    unit = UnitChoice(label=_("Đơn vị báo cáo"), queryset=Unit.objects.none(), empty_label=None)
    progress = forms.IntegerField(label=_("Tiến độ (%)"), min_value=0, max_value=100)
    text = forms.CharField(label=_("Kết quả thực hiện"), widget=forms.Textarea(attrs={"rows": 3}))
    is_done = forms.BooleanField(label=_("Đã hoàn thành nhiệm vụ"), required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class PeriodForm(Form):
    name = forms.CharField(label=_("Tên đợt"), max_length=255)
    short_name = forms.CharField(label=_("Tên ngắn"), max_length=80)
    starts_on = VNDateField(label=_("Sự kiện bắt đầu"))
    ends_on = VNDateField(label=_("Sự kiện kết thúc"))
    before_days = forms.IntegerField(label=_("Số ngày theo dõi trước sự kiện"), min_value=0, max_value=366, initial=0)
    after_days = forms.IntegerField(label=_("Số ngày theo dõi sau sự kiện"), min_value=0, max_value=366, initial=0)
    scope = forms.CharField(label=_("Phạm vi"), max_length=255, required=False)
    source = forms.CharField(label=_("Căn cứ"), max_length=255, required=False)

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("Ngày kết thúc không được trước ngày bắt đầu."))
        return data


PHASE_CHOICES = [(p.value, twin(*rules.PHASE_LABELS[p])) for p in rules.ALL_PHASES]


class PeriodRuleForm(Form):
    kind = forms.ChoiceField(label=_("Quy tắc"), choices=[(k.value, twin(*v)) for k, v in rules.RULE_LABELS.items()])
    phases = forms.MultipleChoiceField(
        label=_("Áp dụng trong giai đoạn"), choices=PHASE_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    value = forms.IntegerField(
        label=_("Giá trị (% thời hạn luật định, hoặc số giờ)"), required=False, min_value=0, max_value=1000
    )
    note = forms.CharField(label=_("Ghi chú"), max_length=255, required=False)


class DutyShiftForm(Form):
    on = VNDateField(label=_("Ngày trực"))
    kind = forms.ChoiceField(label=_("Nhiệm vụ trực"), choices=DutyKind.choices)
    staff = forms.ModelChoiceField(label=_("Cán bộ trực"), queryset=Staff.objects.none())
    phone = forms.CharField(label=_("Điện thoại liên hệ"), max_length=20, required=False)

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = (
            Staff.objects.filter(unit__agency=agency).select_related("unit").order_by("unit__path", "full_name")
        )
        self.fields["staff"].label_from_instance = lambda s: f"{s.full_name} — {s.unit.name}"


class SituationReportForm(Form):
    visits = forms.IntegerField(label=_("Số lượt tiếp"), min_value=0)
    mass_visits = forms.IntegerField(label=_("Số đoàn đông người"), min_value=0)
    letters = forms.IntegerField(label=_("Số đơn tiếp nhận"), min_value=0)
    escalations = forms.IntegerField(label=_("Số vụ việc báo cáo lãnh đạo"), min_value=0)
    hot_spots = forms.CharField(
        label=_("Điểm nóng, vụ việc cần lưu ý"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    summary = forms.CharField(label=_("Tình hình chung"), widget=forms.Textarea(attrs={"rows": 4}))


# --- assignment --------------------------------------------------------------------------------


class AssignmentForm(Form):
    handler = UserChoice(label=_("Người xử lý"), queryset=get_user_model().objects.none())
    coordinating_units = UnitsChoice(
        label=_("Đơn vị phối hợp"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    internal_due_on = VNDateField(label=_("Hạn xử lý nội bộ (dd/mm/yyyy)"))

    def __init__(self, *args, lead_unit: Unit, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = staff_users(lead_unit.path)
        self.fields["coordinating_units"].queryset = units.exclude(pk=lead_unit.pk)


class TransferForm(Form):
    to_unit = UnitChoice(label=_("Chuyển cho đơn vị"), queryset=Unit.objects.none())
    reason = forms.CharField(label=_("Lý do chuyển"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_unit"].queryset = units


class CommentForm(Form):
    text = forms.CharField(label=_("Ý kiến"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    document_number = forms.CharField(label=_("Số, ký hiệu văn bản nội bộ"), max_length=60, required=False)
    attachment = forms.FileField(label=_("Tệp văn bản"), required=False)

    def clean_attachment(self):
        return _check_upload(self.cleaned_data.get("attachment"))


# --- escalation --------------------------------------------------------------------------------

REASON_CHOICES = [(r.value, twin(*label)) for r, label in rules.REASON_LABELS.items()]


class EscalationForm(Form):
    reasons = forms.MultipleChoiceField(
        label=_("Lý do báo cáo lãnh đạo"), choices=REASON_CHOICES, widget=forms.CheckboxSelectMultiple
    )
    title = forms.CharField(label=_("Nội dung vụ việc"), max_length=500)
    head_count = forms.IntegerField(label=_("Số người"), min_value=1, initial=1)
    place = forms.CharField(label=_("Địa bàn"), max_length=255, required=False)
    received_at = VNDateTimeField(label=_("Thời điểm tiếp nhận (dd/mm/yyyy hh:mm)"))
    summary = forms.CharField(label=_("Tóm tắt diễn biến"), widget=forms.Textarea(attrs={"rows": 5}))
    history = forms.CharField(label=_("Quá trình giải quyết"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    proposal = forms.CharField(label=_("Đề xuất của đơn vị"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class SummaryForm(Form):
    title = forms.CharField(label=_("Nội dung vụ việc"), max_length=500)
    head_count = forms.IntegerField(label=_("Số người"), min_value=1)
    place = forms.CharField(label=_("Địa bàn"), max_length=255, required=False)
    summary = forms.CharField(label=_("Tóm tắt diễn biến"), widget=forms.Textarea(attrs={"rows": 5}))
    history = forms.CharField(label=_("Quá trình giải quyết"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    proposal = forms.CharField(label=_("Đề xuất của đơn vị"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


TASK_ROWS = 3


class TaskRowsMixin:
    """Task rows task_0_*, task_1_* ...: text, owner unit, owner, due date."""

    rows = TASK_ROWS

    def add_task_fields(self, units, users, rows: int) -> None:
        self.rows = rows
        wide = {"style": "width:100%;box-sizing:border-box"}
        for i in range(rows):
            self.fields[f"task_{i}_text"] = forms.CharField(
                label=_("Nhiệm vụ"), required=False, widget=forms.Textarea(attrs={"rows": 2, **wide})
            )
            self.fields[f"task_{i}_owner_unit"] = UnitChoice(
                label=_("Đơn vị thực hiện"), queryset=units, required=False, widget=forms.Select(attrs=wide)
            )
            self.fields[f"task_{i}_owner"] = UserChoice(
                label=_("Người thực hiện"), queryset=users, required=False, widget=forms.Select(attrs=wide)
            )
            self.fields[f"task_{i}_due_on"] = VNDateField(
                label=_("Thời hạn (dd/mm/yyyy)"),
                required=False,
                widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", **wide}),
            )

    def task_rows(self):
        return [
            [self[f"task_{i}_{name}"] for name in ("text", "owner_unit", "owner", "due_on")] for i in range(self.rows)
        ]

    def task_inputs(self):
        from tiepdan.coordination.services import TaskInput

        data = self.cleaned_data
        return [
            TaskInput(
                text=data.get(f"task_{i}_text", ""),
                owner_unit=data.get(f"task_{i}_owner_unit"),
                due_on=data.get(f"task_{i}_due_on"),
                owner=data.get(f"task_{i}_owner"),
            )
            for i in range(self.rows)
        ]


class DirectionForm(TaskRowsMixin, Form):
    text = forms.CharField(label=_("Ý kiến chỉ đạo"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, units, users, rows: int = TASK_ROWS, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_task_fields(units, users, rows)


class TaskForm(TaskRowsMixin, Form):
    def __init__(self, *args, units, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_task_fields(units, users, 1)

    def clean(self):
        data = super().clean()
        if not (data.get("task_0_text") or "").strip():
            self.add_error("task_0_text", _("Cần ghi nội dung nhiệm vụ."))
        return data


class CompleteTaskForm(Form):
    on = VNDateField(label=_("Ngày hoàn thành"))
    result = forms.CharField(label=_("Kết quả thực hiện"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_on(self):
        on = self.cleaned_data["on"]
        if on > self.today:
            raise forms.ValidationError(_("Ngày hoàn thành không được sau ngày hôm nay."))
        return on


class NoteForm(Form):
    note = forms.CharField(label=_("Kết quả, lý do kết thúc"), widget=forms.Textarea(attrs={"rows": 2}))


class ResultForm(Form):
    result = forms.CharField(label=_("Kết quả thực hiện phương án"), widget=forms.Textarea(attrs={"rows": 3}))


# --- response plans, over-level, sessions, reviews ---------------------------------------------


class ResponsePlanForm(Form):
    unit = UnitChoice(label=_("Đơn vị chủ trì"), queryset=Unit.objects.none())
    title = forms.CharField(label=_("Tên phương án"), max_length=500)
    situation = forms.CharField(label=_("Tình hình, dự báo"), widget=forms.Textarea(attrs={"rows": 4}))
    objective = forms.CharField(label=_("Mục tiêu, yêu cầu"), widget=forms.Textarea(attrs={"rows": 3}))
    forces = forms.CharField(
        label=_("Lực lượng, phương tiện"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class CodeField(forms.CharField):
    """The public code of a letter or case the user can see (checked by the view's selector)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 12)
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, value):
        return (super().clean(value) or "").strip().upper()


class OverLevelForm(Form):
    unit = UnitChoice(label=_("Đơn vị theo dõi"), queryset=Unit.objects.none())
    level = forms.ChoiceField(label=_("Cấp"), choices=OverLevel.choices)
    body = forms.CharField(label=_("Cơ quan công dân đến / gửi đơn"), max_length=255)
    occurred_on = VNDateField(label=_("Ngày"))
    matter = forms.CharField(label=_("Nội dung vụ việc"), max_length=500)
    head_count = forms.IntegerField(label=_("Số người"), min_value=1, initial=1)
    case_code = CodeField(label=_("Mã vụ việc (nếu có)"))
    letter_code = CodeField(label=_("Mã đơn (nếu có)"))
    returned_letter_code = CodeField(label=_("Mã đơn do cơ quan cấp trên chuyển về (nếu có)"))
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class MediationForm(Form):
    kind = forms.ChoiceField(label=_("Hình thức"), choices=SessionKind.choices)
    organiser_unit = UnitChoice(label=_("Đơn vị tổ chức"), queryset=Unit.objects.none())
    held_on = VNDateField(label=_("Ngày tổ chức"))
    place = forms.CharField(label=_("Địa điểm"), max_length=255)
    case_code = CodeField(label=_("Mã vụ việc (nếu có)"))
    matter = forms.CharField(label=_("Nội dung"), max_length=500)
    participants = forms.CharField(label=_("Thành phần tham dự"), widget=forms.Textarea(attrs={"rows": 2}))
    director_attends = forms.BooleanField(label=_("Giám đốc Sở trực tiếp chủ trì"), required=False)
    notice_sent_on = VNDateField(label=_("Ngày thông báo cho các bên"), required=False)
    minutes = forms.CharField(label=_("Biên bản, diễn biến"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    outcome = forms.ChoiceField(label=_("Kết quả"), choices=[("", "—"), *SessionOutcome.choices], required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organiser_unit"].queryset = units


class DisseminationForm(Form):
    organiser_unit = UnitChoice(label=_("Đơn vị tổ chức"), queryset=Unit.objects.none())
    held_on = VNDateField(label=_("Ngày tổ chức"))
    place = forms.CharField(label=_("Địa điểm"), max_length=255)
    audience = forms.ChoiceField(label=_("Đối tượng"), choices=Audience.choices)
    audience_detail = forms.CharField(label=_("Mô tả đối tượng"), max_length=255, required=False)
    attendees = forms.IntegerField(label=_("Số người tham dự"), min_value=1)
    legal_texts = forms.ModelMultipleChoiceField(
        label=_("Văn bản được phổ biến"), queryset=LegalText.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    materials = forms.CharField(
        label=_("Tài liệu, hình thức"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    attachment = forms.FileField(label=_("Tệp tài liệu"), required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organiser_unit"].queryset = units
        self.fields["legal_texts"].label_from_instance = lambda t: f"{t.kind} {t.number} — {t.title}"

    def clean_attachment(self):
        return _check_upload(self.cleaned_data.get("attachment"))


class ReviewForm(Form):
    unit = UnitChoice(label=_("Đơn vị chủ trì"), queryset=Unit.objects.none())
    period = forms.ModelChoiceField(label=_("Đợt cao điểm"), queryset=EventPeriod.objects.all(), required=False)
    case_code = CodeField(label=_("Mã vụ việc (nếu rút kinh nghiệm một vụ việc)"))
    title = forms.CharField(label=_("Tiêu đề"), max_length=255)
    held_on = VNDateField(label=_("Ngày họp"))
    what_happened = forms.CharField(label=_("Diễn biến"), widget=forms.Textarea(attrs={"rows": 3}))
    went_well = forms.CharField(
        label=_("Làm được, kết quả tốt"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    went_badly = forms.CharField(
        label=_("Hạn chế, thiếu sót"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


def local_now() -> datetime:
    return timezone.localtime(timezone.now())
