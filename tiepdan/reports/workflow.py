"""The report workflow as a transition table (plain Python, no Django).

Plan of 11/2024 part III: the inspection/advisory unit is "đầu mối chủ trì ... tham mưu Lãnh đạo sở báo
cáo"; every unit "thực hiện chế độ thông tin báo cáo". So: units draft their part, the inspection unit
compiles the report from the data as of the cut-off (each compilation is a kept version), submits it, the
leadership approves it or returns it with a note, and the inspection unit sends it with the number the
agency's register gives. After approval nothing is edited; after sending the final version is frozen.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Status(StrEnum):
    DRAFTING = "drafting"
    COMPILED = "compiled"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    SENT = "sent"

    @property
    def label_vi(self) -> str:
        return STATUS_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return STATUS_LABELS[self][1]


STATUS_LABELS = {
    Status.DRAFTING: ("Các đơn vị đang xây dựng", "Units drafting"),
    Status.COMPILED: ("Đã tổng hợp, đang hoàn thiện", "Compiled"),
    Status.SUBMITTED: ("Đã trình Lãnh đạo sở", "Submitted to the leadership"),
    Status.APPROVED: ("Lãnh đạo sở đã phê duyệt", "Approved"),
    Status.SENT: ("Đã ban hành, gửi đi", "Sent"),
}


class Action(StrEnum):
    COMPILE = "compile"
    SUBMIT = "submit"
    APPROVE = "approve"
    RETURN = "return"
    SEND = "send"


# Roles are the values of tiepdan.org.roles.Role (strings here, to stay free of Django).
INSPECTION, LEADERSHIP = "inspection", "leadership"
UNIT_ROLES = frozenset({"unit_head", "unit_handler", "inspection"})
READER_ROLES = frozenset({"inspection", "leadership", "auditor", "administrator"})


@dataclass(frozen=True)
class Transition:
    action: Action
    source: frozenset[Status]
    target: Status
    roles: frozenset[str]
    label_vi: str
    label_en: str


TRANSITIONS: tuple[Transition, ...] = (
    Transition(Action.COMPILE, frozenset({Status.DRAFTING, Status.COMPILED}), Status.COMPILED, frozenset({INSPECTION}),
               "Tổng hợp số liệu và dự thảo báo cáo", "Compile the figures and the draft"),
    Transition(Action.SUBMIT, frozenset({Status.COMPILED}), Status.SUBMITTED, frozenset({INSPECTION}),
               "Trình Lãnh đạo sở", "Submit to the leadership"),
    Transition(Action.APPROVE, frozenset({Status.SUBMITTED}), Status.APPROVED, frozenset({LEADERSHIP}),
               "Phê duyệt", "Approve"),
    Transition(Action.RETURN, frozenset({Status.SUBMITTED}), Status.COMPILED, frozenset({LEADERSHIP}),
               "Trả lại để hoàn thiện", "Return for changes"),
    Transition(Action.SEND, frozenset({Status.APPROVED}), Status.SENT, frozenset({INSPECTION}),
               "Cấp số, ban hành và gửi", "Number, issue and send"),
)

# Labels of the history rows (the transitions' labels, plus the two actions outside the table).
EVENT_LABELS: dict[str, tuple[str, str]] = {
    "create": ("Lập báo cáo", "Report opened"),
    "edit": ("Sửa nội dung dự thảo", "Draft edited"),
    **{t.action.value: (t.label_vi, t.label_en) for t in TRANSITIONS},
}

EDITABLE = frozenset({Status.DRAFTING, Status.COMPILED})  # narrative and unit parts may change
CONTRIBUTABLE = frozenset({Status.DRAFTING, Status.COMPILED})


class TransitionRefused(Exception):
    def __init__(self, message_vi: str, message_en: str = ""):
        super().__init__(message_vi)
        self.message_vi = message_vi
        self.message_en = message_en


def transition_for(status: str, action: str, roles: frozenset[str] | set[str]) -> Transition:
    """The transition `action` from `status` for a user with `roles`; refused with the reason otherwise."""
    try:
        action = Action(action)
        status = Status(status)
    except ValueError:
        raise TransitionRefused("Thao tác không hợp lệ.", "Unknown action.") from None
    for t in TRANSITIONS:
        if t.action == action:
            if status not in t.source:
                raise TransitionRefused(
                    f"Không thể “{t.label_vi}” khi báo cáo đang ở trạng thái “{status.label_vi}”.",
                    f"Cannot “{t.label_en}” while the report is “{status.label_en}”.",
                )
            if not (t.roles & set(roles)):
                raise TransitionRefused(
                    f"Bạn không có thẩm quyền “{t.label_vi}”.", f"You may not “{t.label_en}”."
                )
            return t
    raise TransitionRefused("Thao tác không hợp lệ.", "Unknown action.")  # pragma: no cover


def available(status: str, roles: frozenset[str] | set[str]) -> list[Transition]:
    return [t for t in TRANSITIONS if Status(status) in t.source and t.roles & set(roles)]
