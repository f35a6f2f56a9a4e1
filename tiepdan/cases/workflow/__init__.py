"""Pure case workflows: complaints (first time, second time, discipline), denunciations, petitions and
feedback. No Django, no clock, no settings: the `cases` services gather a `CaseFacts`, call
`next_status`, and store the result.

- `vocabulary`: Track, Status, Action, Role, Requirement and their bilingual labels.
- `table`: the transition table (who, from where, to where, which documents, which deadlines).
- `engine`: `next_status`, `available_actions` and the fact-dependent rules.
- `results`: the outcome and amounts a deciding step records, and the citizen's satisfaction with them.

The legal sources and rule ids are those of docs domain.md §12.
"""

from tiepdan.cases.workflow.engine import (
    AFTER_CONCLUSION,
    DIALOGUE_NOTICE_MIN_DAYS,
    EXTENSION_LIMITS,
    CaseFacts,
    Outcome,
    TransitionRefused,
    available_actions,
    complexity_level,
    dialogue_mandatory,
    next_status,
)
from tiepdan.cases.workflow.table import (
    PREVIOUS,
    RULE_IDS,
    SETTLEMENT_RULE,
    Transition,
    initial_status,
    settlers,
    statuses_for,
    terminal_statuses_for,
    transitions_for,
)
from tiepdan.cases.workflow.vocabulary import (
    ACTION_LABELS,
    COMPLAINT_TRACKS,
    COMPLEXITY_CRITERIA,
    COMPLEXITY_LEVELS,
    REQUIREMENTS,
    ROLE_LABELS,
    STATUS_LABELS,
    TERMINAL,
    TRACK_LABELS,
    WITHDRAWAL_EXCEPTIONS,
    Action,
    Requirement,
    Role,
    Status,
    Track,
)

__all__ = [
    "ACTION_LABELS",
    "AFTER_CONCLUSION",
    "COMPLAINT_TRACKS",
    "COMPLEXITY_CRITERIA",
    "COMPLEXITY_LEVELS",
    "DIALOGUE_NOTICE_MIN_DAYS",
    "EXTENSION_LIMITS",
    "PREVIOUS",
    "REQUIREMENTS",
    "ROLE_LABELS",
    "RULE_IDS",
    "SETTLEMENT_RULE",
    "STATUS_LABELS",
    "TERMINAL",
    "TRACK_LABELS",
    "WITHDRAWAL_EXCEPTIONS",
    "Action",
    "CaseFacts",
    "Outcome",
    "Requirement",
    "Role",
    "Status",
    "Track",
    "Transition",
    "TransitionRefused",
    "available_actions",
    "complexity_level",
    "dialogue_mandatory",
    "initial_status",
    "next_status",
    "settlers",
    "statuses_for",
    "terminal_statuses_for",
    "transitions_for",
]
