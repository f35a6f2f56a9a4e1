"""Labels of the pure rules' values in templates (Vietnamese, or English when the language is en)."""

from django import template
from django.utils import translation

from tiepdan.common.i18n import pick
from tiepdan.coordination import rules

register = template.Library()


def _pick(pair: tuple[str, str]) -> str:
    return pick(pair)


@register.filter
def state_on(task, today):
    return task.state(today)


@register.filter
def task_state_label(state) -> str:
    try:
        return _pick(rules.TASK_STATE_LABELS[rules.TaskState(state)])
    except ValueError:
        return str(state)


@register.filter
def phase_label(phase) -> str:
    if not phase:
        return ""
    return _pick(rules.PHASE_LABELS[rules.Phase(phase)])


@register.filter
def rule_label(kind) -> str:
    return _pick(rules.RULE_LABELS[rules.RuleKind(kind)])


@register.filter
def phases_label(phases) -> str:
    return ", ".join(phase_label(p) for p in phases)


@register.filter
def reason_label(reason) -> str:
    return _pick(rules.REASON_LABELS[rules.EscalationReason(reason)])


@register.filter
def timing_label(timing) -> str:
    return {
        rules.EscalationTiming.ON_TIME: translation.gettext("Đã hoàn thiện báo cáo đúng hạn"),
        rules.EscalationTiming.LATE: translation.gettext("Hoàn thiện báo cáo muộn"),
        rules.EscalationTiming.PENDING: translation.gettext("Chờ đơn vị hoàn thiện báo cáo"),
        rules.EscalationTiming.OVERDUE: translation.gettext("Quá hạn hoàn thiện báo cáo"),
    }.get(timing, "")


@register.filter
def plan_lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
