"""Writes of coordination. Keyword-only arguments; dates (`on`) and times (`now`) come from the caller,
who reads the clock once at the edge. A refused input raises `Refused` with the field it concerns and
a translatable message (gettext_lazy; a pure rule's Vietnamese text with its English twin), which the
view shows beside the field in the reader's language; a user without the right gets
PermissionDenied. Every write runs under `set_actor` so the audit log names who did it.

One module per area: `plans` (plans, event periods), `assignment`, `escalation` (summary, directions,
tasks, response plans), `records` (over-level, mediation, dissemination, reviews), `watch`.
"""

from tiepdan.coordination import rules
from tiepdan.coordination.services.assignment import (
    InternalLimit,
    add_comment,
    assign,
    internal_limit_for,
    transfer,
)
from tiepdan.coordination.services.common import Refused, leadership_users
from tiepdan.coordination.services.escalation import (
    TaskInput,
    add_task,
    approve_response_plan,
    close_escalation,
    complete_summary,
    complete_task,
    create_response_plan,
    draft_from,
    escalate,
    escalate_mass_matter,
    finish_response_plan,
    mark_seen,
    record_direction,
    sweep_mass_matters,
)
from tiepdan.coordination.services.plans import (
    add_duty_shift,
    create_period,
    report_plan_progress,
    set_period_rule,
    submit_situation_report,
)
from tiepdan.coordination.services.records import (
    create_review,
    latest_dialogue_notice,
    record_dissemination,
    record_mediation,
    record_over_level,
)
from tiepdan.coordination.services.watch import remap_unit, remind_overdue

__all__ = [
    "InternalLimit",
    "Refused",
    "TaskInput",
    "add_comment",
    "add_duty_shift",
    "add_task",
    "approve_response_plan",
    "assign",
    "close_escalation",
    "complete_summary",
    "complete_task",
    "create_period",
    "create_response_plan",
    "create_review",
    "draft_from",
    "escalate",
    "escalate_mass_matter",
    "finish_response_plan",
    "internal_limit_for",
    "latest_dialogue_notice",
    "leadership_users",
    "mark_seen",
    "record_direction",
    "record_dissemination",
    "record_mediation",
    "record_over_level",
    "remap_unit",
    "remind_overdue",
    "report_plan_progress",
    "rules",
    "set_period_rule",
    "submit_situation_report",
    "sweep_mass_matters",
    "transfer",
]
