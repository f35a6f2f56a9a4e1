"""Coordination: plans and their tasks, event periods and their rules, assignments of letters and
cases to units, escalation to the leadership with directions and tasks, response plans, over-level
tracking, mediation and dialogue, legal dissemination and lessons learned.

State changes go through `services.py`; every model here is audited (apps.py).
"""

# The migrations refer to the default of Escalation.code by this path.
from tiepdan.coordination.models.assignment import (
    Assignment,
    AssignmentEvent,
    AssignmentEventKind,
)
from tiepdan.coordination.models.common import ATTACHMENT_EXTENSIONS, _escalation_code
from tiepdan.coordination.models.escalation import (
    Direction,
    Escalation,
    EscalationStatus,
    LessonsReview,
    ResponsePlan,
    ResponsePlanStatus,
    Task,
    TaskStatus,
)
from tiepdan.coordination.models.periods import (
    DutyKind,
    DutyShift,
    EventPeriod,
    PeriodMilestone,
    PeriodRule,
    SituationReport,
)
from tiepdan.coordination.models.plans import (
    Plan,
    PlanAssignee,
    PlanSection,
    PlanTask,
    PlanTaskReport,
)
from tiepdan.coordination.models.records import (
    Audience,
    DisseminationSession,
    LegalText,
    LegalTextStatus,
    MediationSession,
    OverLevel,
    OverLevelEvent,
    SessionKind,
    SessionOutcome,
)

__all__ = [
    "ATTACHMENT_EXTENSIONS",
    "Assignment",
    "AssignmentEvent",
    "AssignmentEventKind",
    "Audience",
    "Direction",
    "DisseminationSession",
    "DutyKind",
    "DutyShift",
    "Escalation",
    "EscalationStatus",
    "EventPeriod",
    "LegalText",
    "LegalTextStatus",
    "LessonsReview",
    "MediationSession",
    "OverLevel",
    "OverLevelEvent",
    "PeriodMilestone",
    "PeriodRule",
    "Plan",
    "PlanAssignee",
    "PlanSection",
    "PlanTask",
    "PlanTaskReport",
    "ResponsePlan",
    "ResponsePlanStatus",
    "SessionKind",
    "SessionOutcome",
    "SituationReport",
    "Task",
    "TaskStatus",
    "_escalation_code",
]
