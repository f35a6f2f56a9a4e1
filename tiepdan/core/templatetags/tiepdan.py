from django import template
from django.utils import translation

register = template.Library()


@register.filter
def bilingual(value) -> str:
    """Label of a pure-Python object that carries label_vi/label_en (or a (vi, en) tuple)."""
    en = translation.get_language() == "en"
    if isinstance(value, tuple) and len(value) == 2:
        return value[1] if en else value[0]
    return getattr(value, "label_en" if en else "label_vi", str(value))


@register.filter
def status_label(code: str) -> str:
    from tiepdan.cases import workflow as wf

    try:
        return bilingual(wf.Status(code))
    except ValueError:
        return code


@register.filter
def track_label(code: str) -> str:
    from tiepdan.cases import workflow as wf

    try:
        return bilingual(wf.Track(code))
    except ValueError:
        return code


@register.filter
def action_label(code: str) -> str:
    from tiepdan.cases import workflow as wf

    try:
        return bilingual(wf.ACTION_LABELS[wf.Action(code)])
    except (ValueError, KeyError):
        return {"open": translation.gettext("Mở hồ sơ")}.get(code, code)
