"""Forms of the reception desk. They parse input into the services' inputs; the rules live in services."""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tiepdan.common.choices import MatterType
from tiepdan.legal.grounds import refusal_grounds_in_force
from tiepdan.org.models import Staff
from tiepdan.people import geo
from tiepdan.reception.models import HostRole, IncidentKind, LeaderMode, SessionStatus, VisitOutcome
from tiepdan.reception.selectors import BookFilters
from tiepdan.reception.services import DEFAULT_PLACE, TaskInput, VisitInput, VisitorInput

DATETIME_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H giờ %M", "%Y-%m-%dT%H:%M", "%d/%m/%Y"]
DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATETIME_ERROR = _("Nhập ngày giờ theo dạng dd/mm/yyyy hh:mm, ví dụ 27/11/2026 09:30.")
DATE_ERROR = _("Nhập ngày theo dạng dd/mm/yyyy, ví dụ 27/11/2026.")
COMMUNE_ERROR = _("Xã, phường không có trong danh mục sau 01/07/2025.")
YES_NO = [("", _("Chưa xác định")), ("yes", _("Thuộc thẩm quyền")), ("no", _("Không thuộc thẩm quyền"))]


def _dt_field(label, **kw) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label, input_formats=DATETIME_FORMATS, error_messages={"invalid": DATETIME_ERROR},
        widget=forms.DateTimeInput(format="%d/%m/%Y %H:%M", attrs={"placeholder": "dd/mm/yyyy hh:mm"}), **kw,
    )


def _date_field(label, **kw) -> forms.DateField:
    return forms.DateField(
        label=label, input_formats=DATE_FORMATS, error_messages={"invalid": DATE_ERROR},
        widget=forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"}), **kw,
    )


def _commune_choices(province: int) -> list:
    return [("", "—"), *geo.communes(province)]


def _commune_field(label, **kw) -> forms.TypedChoiceField:
    """A commune of the agency's province on the 2025 map (choices set by the form), as on the letter
    registration form; a code not in the list is refused with a Vietnamese message."""
    return forms.TypedChoiceField(label=label, coerce=int, required=False, empty_value=None,
                                  error_messages={"invalid_choice": COMMUNE_ERROR}, **kw)


def _yes_no(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


def add_errors(form: forms.Form, error: ValidationError, *, formsets: dict | None = None) -> None:
    """Place a service's errors: a field of `form`, a row of a formset ("visitor-2-id_number" →
    row 2's id_number), or a group error (`form.group_errors`, e.g. the representatives)."""
    formsets = formsets or {}
    mapping = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
    for key, messages in mapping.items():
        prefix, _sep, rest = key.partition("-")
        if prefix in formsets and rest:
            index, _sep, name = rest.partition("-")
            rows = formsets[prefix].forms
            if index.isdigit() and int(index) < len(rows) and name in rows[int(index)].fields:
                for message in messages:
                    rows[int(index)].add_error(name, message)
                continue
        if key in form.fields:
            for message in messages:
                form.add_error(key, message)
        elif key == "__all__":
            for message in messages:
                form.add_error(None, message)
        else:
            form.group_errors.setdefault(key, []).extend(messages)


# --- a visit -------------------------------------------------------------------------------------------


class VisitorForm(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150, required=False,
                                widget=forms.TextInput(attrs={"data-field": "full_name"}))
    id_number = forms.CharField(
        label=_("Số căn cước"), max_length=20, required=False,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 14,
                                      "data-field": "id_number"}),
    )
    phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False,
                            widget=forms.TextInput(attrs={"inputmode": "tel", "size": 12, "data-field": "phone"}))
    address = forms.CharField(label=_("Số nhà, thôn, tổ dân phố"), max_length=255, required=False,
                              widget=forms.TextInput(attrs={"data-field": "address"}))
    commune_code = _commune_field(_("Xã, phường"), widget=forms.Select(attrs={"data-field": "commune_code"}))
    is_representative = forms.BooleanField(label=_("Đại diện"), required=False)
    citizen_id = forms.IntegerField(required=False, widget=forms.HiddenInput(attrs={"data-field": "citizen_id"}),
                                    min_value=1)

    def __init__(self, *args, province: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["commune_code"].choices = _commune_choices(province or geo.BAC_NINH)
        for field in self.fields.values():
            if not field.widget.is_hidden:
                field.widget.attrs.setdefault("aria-label", str(field.label))

    def to_input(self) -> VisitorInput:
        d = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return VisitorInput(
            full_name=d.get("full_name") or "", id_number=d.get("id_number") or "", phone=d.get("phone") or "",
            address=d.get("address") or "", commune_code=d.get("commune_code"),
            is_representative=bool(d.get("is_representative")), citizen_id=d.get("citizen_id"),
        )


VisitorFormSet = forms.formset_factory(VisitorForm, extra=3, max_num=200, absolute_max=200)


class VisitForm(forms.Form):
    received_at = _dt_field(_("Thời gian tiếp"))
    place = forms.CharField(label=_("Địa điểm"), max_length=255, initial=DEFAULT_PLACE)
    head_count = forms.IntegerField(label=_("Số người"), min_value=1, max_value=10000, initial=1,
                                    error_messages={"min_value": _("Số người phải từ 1 trở lên.")})
    matter_types = forms.MultipleChoiceField(
        label=_("Loại nội dung"), choices=MatterType.choices, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Chọn loại nội dung: khiếu nại, tố cáo, kiến nghị hoặc phản ánh.")},
    )
    content = forms.CharField(label=_("Nội dung công dân trình bày"), required=False,
                              widget=forms.Textarea(attrs={"rows": 4}))
    documents_received = forms.CharField(
        label=_("Tài liệu, giấy tờ công dân giao (mỗi dòng một loại)"), required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    brought_letter = forms.BooleanField(label=_("Công dân có đơn viết sẵn"), required=False)
    domain = forms.TypedChoiceField(label=_("Lĩnh vực"), coerce=int, required=False, empty_value=None)
    commune_code = _commune_field(_("Xã, phường nơi phát sinh"))
    leader_mode = forms.ChoiceField(label=_("Hình thức tiếp"), choices=LeaderMode.choices, initial=LeaderMode.NONE,
                                    widget=forms.RadioSelect)
    leader = forms.TypedChoiceField(label=_("Lãnh đạo trực tiếp tiếp"), coerce=int, required=False,
                                    empty_value=None)
    host_role = forms.ChoiceField(label=_("Vai trò"), choices=[("", "—"), *HostRole.choices], required=False)
    outcome = forms.ChoiceField(label=_("Kết quả tiếp"), choices=VisitOutcome.choices, widget=forms.RadioSelect,
                                error_messages={"required": _("Chọn kết quả tiếp.")})
    refusal_ground = forms.ChoiceField(label=_("Căn cứ từ chối"), required=False)
    competent_body = forms.CharField(label=_("Cơ quan có thẩm quyền (hướng dẫn, chuyển đến)"), max_length=255,
                                     required=False)
    document_number = forms.CharField(label=_("Số văn bản hướng dẫn, chuyển đơn"), max_length=60, required=False)
    prior_settlement_body = forms.CharField(label=_("Cơ quan đã giải quyết trước đây"), max_length=255,
                                            required=False)
    within_competence = forms.ChoiceField(label=_("Thẩm quyền"), choices=YES_NO, required=False)
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, agency_id: int, province: int | None, today: date, leaders, domains, **kwargs):
        super().__init__(*args, **kwargs)
        self.group_errors: dict[str, list[str]] = {}
        for matter_type, label in MatterType.choices:
            self.fields[f"content_{matter_type}"] = forms.CharField(
                label=_("Phần nội dung: %(type)s") % {"type": label}, required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.fields["domain"].choices = [("", "—"), *((d.pk, d.name) for d in domains)]
        self.fields["commune_code"].choices = _commune_choices(province or geo.BAC_NINH)
        self.fields["leader"].choices = [("", "—"), *((s.pk, s.full_name) for s in leaders)]
        self.fields["refusal_ground"].choices = [("", "—"), *(
            (g.code, f"{g.label_vi} ({g.source})" + (" — " + str(_("phải thông báo bằng văn bản"))
                                                       if g.requires_written_notice else ""))
            for g in refusal_grounds_in_force(today)
        )]
        self.fields["received_at"].widget.attrs["autofocus"] = True
        if not self.is_bound:
            self.initial.setdefault("received_at", timezone.localtime().replace(second=0, microsecond=0))

    @property
    def split_types(self) -> list[str]:
        return [f"content_{t}" for t in MatterType.values]

    def to_input(self, visitors: list[VisitorInput]) -> VisitInput:
        d = self.cleaned_data
        return VisitInput(
            received_at=d.get("received_at"),
            matter_types=tuple(d.get("matter_types") or ()),
            content=d.get("content") or "",
            outcome=d.get("outcome") or "",
            visitors=tuple(visitors),
            head_count=d.get("head_count") or 0,
            place=d.get("place") or "",
            split_contents={t: d.get(f"content_{t}") or "" for t in MatterType.values},
            documents_received=d.get("documents_received") or "",
            brought_letter=bool(d.get("brought_letter")),
            domain_id=d.get("domain"),
            commune_code=d.get("commune_code"),
            leader_mode=d.get("leader_mode") or LeaderMode.NONE,
            leader_id=d.get("leader"),
            host_role=d.get("host_role") or "",
            refusal_ground=d.get("refusal_ground") or "",
            competent_body=d.get("competent_body") or "",
            prior_settlement_body=d.get("prior_settlement_body") or "",
            within_competence=_yes_no(d.get("within_competence") or ""),
            document_number=d.get("document_number") or "",
            note=d.get("note") or "",
        )


class CorrectionForm(forms.Form):
    matter_type = forms.ChoiceField(
        label=_("Loại nội dung"), choices=MatterType.choices, required=False,
        help_text=_("Chuyển sang hoặc từ tố cáo: thông tin công dân được chuyển vào hoặc ra khỏi hồ sơ mật."),
    )
    place = forms.CharField(label=_("Địa điểm"), max_length=255)
    content = forms.CharField(label=_("Nội dung công dân trình bày"), widget=forms.Textarea(attrs={"rows": 4}))
    documents_received = forms.CharField(label=_("Tài liệu, giấy tờ công dân giao"), required=False,
                                         widget=forms.Textarea(attrs={"rows": 2}))
    brought_letter = forms.BooleanField(label=_("Công dân có đơn viết sẵn"), required=False)
    domain_id = forms.TypedChoiceField(label=_("Lĩnh vực"), coerce=int, required=False, empty_value=None)
    commune_code = _commune_field(_("Xã, phường nơi phát sinh"))
    prior_settlement_body = forms.CharField(label=_("Cơ quan đã giải quyết trước đây"), max_length=255,
                                            required=False)
    within_competence = forms.ChoiceField(label=_("Thẩm quyền"), choices=YES_NO, required=False)
    competent_body = forms.CharField(label=_("Cơ quan có thẩm quyền"), max_length=255, required=False)
    document_number = forms.CharField(label=_("Số văn bản hướng dẫn, chuyển đơn"), max_length=60, required=False)
    result_note = forms.CharField(label=_("Theo dõi kết quả"), max_length=255, required=False)
    note = forms.CharField(label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    reason = forms.CharField(label=_("Lý do sửa"), max_length=255)

    def __init__(self, *args, domains, province: int | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.group_errors: dict[str, list[str]] = {}
        self.fields["domain_id"].choices = [("", "—"), *((d.pk, d.name) for d in domains)]
        self.fields["commune_code"].choices = _commune_choices(province or geo.BAC_NINH)

    @classmethod
    def initial_for(cls, visit) -> dict:
        initial = {name: getattr(visit, name) for name in cls.base_fields if name != "reason"}
        initial["within_competence"] = {True: "yes", False: "no"}.get(visit.within_competence, "")
        return initial

    def changes(self) -> dict:
        d = dict(self.cleaned_data)
        d.pop("reason", None)
        if not d.get("matter_type"):
            d.pop("matter_type", None)  # not posted: the type stays
        d["within_competence"] = _yes_no(d.get("within_competence") or "")
        return d


class IncidentForm(forms.Form):
    occurred_at = _dt_field(_("Thời gian xảy ra"))
    kind = forms.ChoiceField(label=_("Loại sự việc"), choices=IncidentKind.choices)
    description = forms.CharField(label=_("Diễn biến"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.group_errors: dict[str, list[str]] = {}
        if not self.is_bound:
            self.initial.setdefault("occurred_at", timezone.localtime().replace(second=0, microsecond=0))


class AnswerForm(forms.Form):
    on = _date_field(_("Ngày trả lời"))
    note = forms.CharField(label=_("Nội dung trả lời (thụ lý, gia hạn, không thụ lý, chuyển đơn)"), max_length=200,
                           required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.group_errors: dict[str, list[str]] = {}
        if not self.is_bound:
            self.initial.setdefault("on", timezone.localdate())


class AcknowledgeForm(forms.Form):
    note = forms.CharField(label=_("Ý kiến chỉ đạo (nếu có)"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))


# --- the reception book --------------------------------------------------------------------------------


class BookFilterForm(forms.Form):
    tu = _date_field(_("Từ ngày"), required=False)
    den = _date_field(_("Đến ngày"), required=False)
    don_vi = forms.TypedChoiceField(label=_("Đơn vị"), coerce=int, required=False, empty_value=None)
    can_bo = forms.TypedChoiceField(label=_("Cán bộ tiếp"), coerce=int, required=False, empty_value=None)
    loai = forms.ChoiceField(label=_("Loại"), required=False, choices=[("", _("Tất cả")), *MatterType.choices])
    dong_nguoi = forms.BooleanField(label=_("Đoàn đông người"), required=False)
    nhieu_lan = forms.BooleanField(label=_("Tiếp nhiều lần"), required=False)
    xa = forms.TypedChoiceField(label=_("Xã, phường"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, units, officers, province: int | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["don_vi"].choices = [("", _("Tất cả")), *((u.pk, u.name) for u in units)]
        self.fields["can_bo"].choices = [("", _("Tất cả")), *((s.pk, s.full_name) for s in officers)]
        self.fields["xa"].choices = [("", _("Tất cả")), *geo.communes(province or geo.BAC_NINH)]

    def clean(self):
        data = super().clean()
        if data.get("tu") and data.get("den") and data["tu"] > data["den"]:
            self.add_error("den", _("Ngày kết thúc không được trước ngày bắt đầu."))
        return data

    def to_filters(self) -> BookFilters:
        """The valid filters (a field with an error is left out, never a 500)."""
        d = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        errors = self.errors
        return BookFilters(
            start=None if "tu" in errors else d.get("tu"),
            end=None if "den" in errors else d.get("den"),
            unit_id=d.get("don_vi"), officer_id=d.get("can_bo"), matter_type=d.get("loai") or "",
            mass=bool(d.get("dong_nguoi")), repeat=bool(d.get("nhieu_lan")), commune_code=d.get("xa"),
        )


# --- the heads' schedule -------------------------------------------------------------------------------


class SessionPlanForm(forms.Form):
    host = forms.TypedChoiceField(label=_("Người chủ trì"), coerce=int)
    planned_on = _date_field(_("Ngày tiếp"))
    place = forms.CharField(label=_("Địa điểm"), max_length=255, initial=DEFAULT_PLACE)
    published = forms.BooleanField(label=_("Công khai lịch"), required=False, initial=True)
    note = forms.CharField(label=_("Ghi chú"), required=False)

    def __init__(self, *args, hosts, **kwargs):
        super().__init__(*args, **kwargs)
        self.group_errors: dict[str, list[str]] = {}
        self.hosts = {s.pk: s for s in hosts}
        self.fields["host"].choices = [(s.pk, f"{s.full_name} — {s.position.name}") for s in hosts]

    def host_staff(self) -> Staff:
        return self.hosts[self.cleaned_data["host"]]


class SessionResultForm(forms.Form):
    status = forms.ChoiceField(label=_("Kết quả"), widget=forms.RadioSelect, choices=[
        (SessionStatus.HELD, SessionStatus.HELD.label), (SessionStatus.NOT_HELD, SessionStatus.NOT_HELD.label),
    ])
    actual_host = forms.TypedChoiceField(label=_("Người trực tiếp tiếp"), coerce=int, required=False,
                                         empty_value=None)
    host_role = forms.ChoiceField(label=_("Hình thức"), choices=[("", "—"), *HostRole.choices], required=False)
    note = forms.CharField(label=_("Ghi chú, lý do không tiếp"), required=False)

    def __init__(self, *args, leaders, **kwargs):
        super().__init__(*args, **kwargs)
        self.group_errors: dict[str, list[str]] = {}
        self.leaders = {s.pk: s for s in leaders}
        self.fields["actual_host"].choices = [("", "—"), *((s.pk, s.full_name) for s in leaders)]

    def actual_host_staff(self) -> Staff | None:
        return self.leaders.get(self.cleaned_data.get("actual_host"))


class ConclusionForm(forms.Form):
    issued_on = _date_field(_("Ngày ban hành"))
    signer = forms.TypedChoiceField(label=_("Người ký"), coerce=int)
    conclusion = forms.CharField(label=_("Ý kiến kết luận của người chủ trì"),
                                 widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, leaders, **kwargs):
        super().__init__(*args, **kwargs)
        self.group_errors: dict[str, list[str]] = {}
        self.leaders = {s.pk: s for s in leaders}
        self.fields["signer"].choices = [(s.pk, s.full_name) for s in leaders]

    def signer_staff(self) -> Staff:
        return self.leaders[self.cleaned_data["signer"]]


class TaskForm(forms.Form):
    unit = forms.TypedChoiceField(label=_("Đơn vị thực hiện"), coerce=int, required=False, empty_value=None)
    text = forms.CharField(label=_("Nhiệm vụ"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    due_on = _date_field(_("Thời hạn"), required=False)
    visit = forms.TypedChoiceField(label=_("Lượt tiếp liên quan"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, units=(), visits=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", "—"), *((u.pk, u.name) for u in units)]
        self.fields["visit"].choices = [("", "—"), *(
            (v.pk, f"{timezone.localtime(v.received_at):%H:%M} — {v.get_matter_type_display()}") for v in visits
        )]

    def is_blank(self) -> bool:
        d = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return not (d.get("unit") or (d.get("text") or "").strip() or d.get("due_on"))

    def to_input(self) -> TaskInput:
        d = self.cleaned_data
        return TaskInput(unit_id=d.get("unit"), text=d.get("text") or "", due_on=d.get("due_on"),
                         visit_id=d.get("visit"))


TaskFormSet = forms.formset_factory(TaskForm, extra=3, max_num=50, absolute_max=50)

