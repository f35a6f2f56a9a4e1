"""Writes of the reception desk (style.md: services are the only writers).

- `visits`: record, correct, mass-visit notice and acknowledgement, incidents;
- `sessions`: the heads' reception schedule and the conclusion notices;
- `identity`: a denunciation visit's visitors encrypted (VisitDenouncer), the logged reveal, a returning
  denouncer's blind-index match, moving the identity on reclassification, key rotation (ADR 0004);
- `documents`: the receipt, the written record, the refusal notice and the conclusion notice as documents.
"""

from tiepdan.reception.services.sessions import (
    TaskInput,
    complete_task,
    issue_conclusion_notice,
    legal_task_due,
    plan_session,
    publish_session,
    record_session_result,
)
from tiepdan.reception.services.visits import (
    DEFAULT_PLACE,
    VisitInput,
    VisitorInput,
    acknowledge_mass_visit,
    correct_visit,
    has_earlier_record,
    mass_notice_key,
    mass_notice_recipients,
    notify_mass_visit,
    record_answer,
    record_incident,
    record_visit,
    validate_visit,
    visitor_key,
)

__all__ = [
    "DEFAULT_PLACE",
    "TaskInput",
    "VisitInput",
    "VisitorInput",
    "acknowledge_mass_visit",
    "complete_task",
    "correct_visit",
    "has_earlier_record",
    "issue_conclusion_notice",
    "legal_task_due",
    "mass_notice_key",
    "mass_notice_recipients",
    "notify_mass_visit",
    "plan_session",
    "publish_session",
    "record_answer",
    "record_incident",
    "record_session_result",
    "record_visit",
    "validate_visit",
    "visitor_key",
]
