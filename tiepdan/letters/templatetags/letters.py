"""Small display helpers of the letter pages (labels of suggestions and duplicate reasons)."""

from django import template
from django.utils import translation

from tiepdan.common.choices import MatterType
from tiepdan.text.duplicates import REASON_LABELS

register = template.Library()

EVIDENCE_SOURCES = {
    "keyword": ("từ khóa", "keyword"),
    "title": ("tên gọi của đơn (tính ít)", "title of the letter (counts little)"),
    "learned": ("học từ các lần xác nhận", "learned from confirmations"),
}


def _en() -> bool:
    return translation.get_language() == "en"


@register.simple_tag
def type_labels() -> dict:
    return {value: str(label) for value, label in MatterType.choices}


@register.filter
def label_of(value, labels) -> str:
    return labels.get(value, value) if labels else value


@register.filter
def percent(value) -> str:
    try:
        return f"{float(value) * 100:.0f}%"
    except (TypeError, ValueError):
        return ""


@register.filter
def evidence_source(value) -> str:
    pair = EVIDENCE_SOURCES.get(value, (value, value))
    return pair[1] if _en() else pair[0]


@register.filter
def reason_label(value) -> str:
    pair = REASON_LABELS.get(value, (value, value))
    return pair[1] if _en() else pair[0]


@register.simple_tag
def fast_field(bound_field, prefix: str = "") -> str:
    """A filter field rendered in Python: Django's widget templates render each <option> through the
    template engine, which costs more than the whole register query on a 99-commune list."""
    from django.forms import BooleanField, ChoiceField, DateField, Textarea
    from django.forms.models import ModelChoiceIterator
    from django.utils.html import conditional_escape, escape, format_html
    from django.utils.safestring import mark_safe

    field, name, html_id = bound_field.field, bound_field.html_name, bound_field.auto_id
    if prefix:  # the same form shown in several blocks of one page: ids stay unique
        html_id = f"{prefix}-{name}"
    raw = bound_field.data if bound_field.form.is_bound else bound_field.initial
    if isinstance(field, BooleanField):
        checked = "checked" if raw in (True, "on", "true", "1") else ""
        return format_html('<input type="checkbox" name="{}" id="{}" {}>', name, html_id, checked)
    if isinstance(field, ChoiceField) or hasattr(field, "queryset"):
        current = "" if raw is None else str(getattr(raw, "pk", raw))
        # Plain string building: format_html per <option> was most of the register page's rendering.
        options = []
        choices = field.choices
        if isinstance(choices, ModelChoiceIterator):  # a model's rows: one plain query (the iterator would
            # open a server-side cursor on PostgreSQL: three round trips); choices set by the view stay
            choices = [("", field.empty_label)] if field.empty_label is not None else []
            choices += [(obj.pk, field.label_from_instance(obj)) for obj in field.queryset]
        for value, label in choices:
            v = str(getattr(value, "value", value))
            options.append(f'<option value="{escape(v)}" {"selected" if v == current else ""}>'
                           f'{conditional_escape(label)}</option>')
        safe_options = mark_safe("".join(options))  # noqa: S308 - every value and label escaped above
        return format_html('<select name="{}" id="{}">{}</select>', name, html_id, safe_options)
    value = raw or ""
    if isinstance(field, DateField):
        value = value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else value
        return format_html('<input type="text" name="{}" id="{}" value="{}" placeholder="dd/mm/yyyy">', name,
                           html_id, value)
    if isinstance(field.widget, Textarea):
        return format_html('<textarea name="{}" id="{}" rows="2">{}</textarea>', name, html_id, value)
    return format_html('<input type="text" name="{}" id="{}" value="{}">', name, html_id, value)
