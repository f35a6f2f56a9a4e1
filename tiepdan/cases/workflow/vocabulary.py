"""The words of the case workflows: tracks, statuses, actions, roles and required documents.

Plain Python (no Django): every name here is stored in the database and shown in the UI, so the
values never change once released. Labels are Vietnamese (full diacritics) first, English second.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Track(StrEnum):
    """Which procedure a case follows. Petitions (kiến nghị) and feedback (phản ánh) share one."""

    COMPLAINT_FIRST = "complaint_first"
    COMPLAINT_SECOND = "complaint_second"
    COMPLAINT_DISCIPLINE = "complaint_discipline"
    DENUNCIATION = "denunciation"
    PETITION = "petition"

    @property
    def label_vi(self) -> str:
        return TRACK_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return TRACK_LABELS[self][1]


TRACK_LABELS: dict[Track, tuple[str, str]] = {
    Track.COMPLAINT_FIRST: ("Giải quyết khiếu nại lần đầu", "First-time complaint settlement"),
    Track.COMPLAINT_SECOND: ("Giải quyết khiếu nại lần hai", "Second-time complaint settlement"),
    Track.COMPLAINT_DISCIPLINE: (
        "Giải quyết khiếu nại quyết định kỷ luật cán bộ, công chức",
        "Settlement of a complaint against a disciplinary decision",
    ),
    Track.DENUNCIATION: ("Giải quyết tố cáo", "Denunciation settlement"),
    Track.PETITION: ("Xử lý kiến nghị, phản ánh", "Petition and feedback handling"),
}

COMPLAINT_TRACKS = frozenset({Track.COMPLAINT_FIRST, Track.COMPLAINT_SECOND, Track.COMPLAINT_DISCIPLINE})


class Status(StrEnum):
    """Every status of every track; `statuses_for(track)` says which ones a track uses."""

    PENDING_ACCEPTANCE = "pending_acceptance"
    NOT_ACCEPTED = "not_accepted"
    ACCEPTED = "accepted"
    NOTIFIED = "notified"
    VERIFYING = "verifying"
    DIALOGUE = "dialogue"
    DECIDED = "decided"
    SENT = "sent"
    IN_EFFECT = "in_effect"
    ENFORCED = "enforced"
    CONCLUDED = "concluded"
    CONCLUSION_SENT = "conclusion_sent"
    HANDLED = "handled"
    PUBLISHED = "published"
    RECEIVED = "received"
    STUDYING = "studying"
    ANSWERED = "answered"
    SUSPENDED = "suspended"
    WITHDRAWN = "withdrawn"
    TERMINATED = "terminated"
    CLOSED = "closed"

    @property
    def label_vi(self) -> str:
        return STATUS_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return STATUS_LABELS[self][1]


STATUS_LABELS: dict[Status, tuple[str, str]] = {
    Status.PENDING_ACCEPTANCE: ("Chờ quyết định thụ lý", "Awaiting acceptance"),
    Status.NOT_ACCEPTED: ("Không thụ lý", "Not accepted"),
    Status.ACCEPTED: ("Đã thụ lý", "Accepted"),
    Status.NOTIFIED: ("Đã thông báo thụ lý", "Acceptance notified"),
    Status.VERIFYING: ("Đang xác minh", "Verifying"),
    Status.DIALOGUE: ("Đối thoại", "Dialogue"),
    Status.DECIDED: ("Đã ban hành quyết định giải quyết", "Decision issued"),
    Status.SENT: ("Đã gửi quyết định giải quyết", "Decision sent"),
    Status.IN_EFFECT: ("Quyết định có hiệu lực pháp luật", "Decision in legal effect"),
    Status.ENFORCED: ("Đã tổ chức thi hành quyết định", "Decision enforced"),
    Status.CONCLUDED: ("Đã kết luận nội dung tố cáo", "Conclusion issued"),
    Status.CONCLUSION_SENT: ("Đã gửi kết luận, thông báo người tố cáo", "Conclusion sent"),
    Status.HANDLED: ("Đã xử lý theo kết luận", "Conclusion acted on"),
    Status.PUBLISHED: ("Đã công khai kết luận", "Conclusion published"),
    Status.RECEIVED: ("Đã tiếp nhận", "Received"),
    Status.STUDYING: ("Đang nghiên cứu, xem xét", "Under study"),
    Status.ANSWERED: ("Đã trả lời", "Answered"),
    Status.SUSPENDED: ("Tạm đình chỉ", "Suspended"),
    Status.WITHDRAWN: ("Đã rút đơn, chờ đình chỉ", "Withdrawn, awaiting termination"),
    Status.TERMINATED: ("Đình chỉ giải quyết", "Terminated"),
    Status.CLOSED: ("Kết thúc, lưu hồ sơ", "Closed"),
}

# No action leaves these. WITHDRAWN is deliberately not terminal: a withdrawal letter, which a reception
# officer may record, does not end a complaint or denunciation by itself; the settler must still sign a
# termination decision (Law 02/2011 Art 10(2); Law 25/2018 Art 33, 34(3)).
TERMINAL: frozenset[Status] = frozenset({Status.NOT_ACCEPTED, Status.TERMINATED, Status.CLOSED})


class Action(StrEnum):
    """What a user does to a case. A verb first (glossary habit); one service per action."""

    ACCEPT = "accept"
    REJECT = "reject"
    NOTIFY_ACCEPTANCE = "notify_acceptance"
    START_VERIFICATION = "start_verification"
    SCHEDULE_DIALOGUE = "schedule_dialogue"
    DECIDE = "decide"
    SEND_DECISION = "send_decision"
    RECORD_LEGAL_EFFECT = "record_legal_effect"
    RECORD_APPEAL = "record_appeal"
    RECORD_ENFORCEMENT = "record_enforcement"
    CONCLUDE = "conclude"
    SEND_CONCLUSION = "send_conclusion"
    HANDLE_CONCLUSION = "handle_conclusion"
    PUBLISH_CONCLUSION = "publish_conclusion"
    START_STUDY = "start_study"
    ANSWER = "answer"
    CLOSE = "close"
    SUSPEND = "suspend"
    RESUME = "resume"
    TERMINATE = "terminate"
    WITHDRAW = "withdraw"
    DETERMINE_COMPLEXITY = "determine_complexity"
    EXTEND = "extend"


ACTION_LABELS: dict[Action, tuple[str, str]] = {
    Action.ACCEPT: ("Thụ lý giải quyết", "Accept for settlement"),
    Action.REJECT: ("Không thụ lý", "Refuse acceptance"),
    Action.NOTIFY_ACCEPTANCE: (
        "Thông báo thụ lý cho người tố cáo và người bị tố cáo",
        "Notify the denouncer and the denounced of the acceptance",
    ),
    Action.START_VERIFICATION: ("Tiến hành xác minh", "Start verification"),
    Action.SCHEDULE_DIALOGUE: ("Tổ chức đối thoại", "Hold a dialogue"),
    Action.DECIDE: ("Ban hành quyết định giải quyết khiếu nại", "Issue the complaint decision"),
    Action.SEND_DECISION: ("Gửi quyết định giải quyết khiếu nại", "Send the complaint decision"),
    Action.RECORD_LEGAL_EFFECT: (
        "Ghi nhận quyết định có hiệu lực pháp luật",
        "Record that the decision is in legal effect",
    ),
    Action.RECORD_APPEAL: (
        "Ghi nhận người khiếu nại khiếu nại tiếp hoặc khởi kiện",
        "Record a further complaint or an administrative lawsuit",
    ),
    Action.RECORD_ENFORCEMENT: ("Ghi nhận kết quả thi hành quyết định", "Record the enforcement"),
    Action.CONCLUDE: ("Ban hành kết luận nội dung tố cáo", "Issue the denunciation conclusion"),
    Action.SEND_CONCLUSION: (
        "Gửi kết luận và thông báo cho người tố cáo",
        "Send the conclusion and notify the denouncer",
    ),
    Action.HANDLE_CONCLUSION: ("Xử lý kết luận nội dung tố cáo", "Act on the conclusion"),
    Action.PUBLISH_CONCLUSION: ("Công khai kết luận nội dung tố cáo", "Publish the conclusion"),
    Action.START_STUDY: ("Nghiên cứu, xem xét kiến nghị, phản ánh", "Study the petition or feedback"),
    Action.ANSWER: ("Trả lời kiến nghị, phản ánh", "Answer the petition or feedback"),
    Action.CLOSE: ("Kết thúc, lưu hồ sơ", "Close the case"),
    Action.SUSPEND: ("Tạm đình chỉ việc giải quyết", "Suspend the settlement"),
    Action.RESUME: ("Tiếp tục giải quyết", "Resume the settlement"),
    Action.TERMINATE: ("Đình chỉ việc giải quyết", "Terminate the settlement"),
    Action.WITHDRAW: ("Ghi nhận việc rút đơn", "Record a withdrawal"),
    Action.DETERMINE_COMPLEXITY: ("Xác định vụ việc phức tạp", "Determine the case complex"),
    Action.EXTEND: ("Gia hạn thời hạn giải quyết tố cáo", "Extend the denunciation time limit"),
}


class Role(StrEnum):
    """Staff roles. Same values as `tiepdan.org.roles.Role` (which needs Django for its labels); the two
    compare equal, and the engine accepts either, or a plain string."""

    RECEPTION_OFFICER = "reception_officer"
    UNIT_HANDLER = "unit_handler"
    UNIT_HEAD = "unit_head"
    INSPECTION = "inspection"
    LEADERSHIP = "leadership"
    PLANNING_OFFICE = "planning_office"
    TRADE_UNION = "trade_union"
    YOUTH_UNION = "youth_union"
    AUDITOR = "auditor"
    ADMINISTRATOR = "administrator"


ROLE_LABELS: dict[Role, tuple[str, str]] = {
    Role.RECEPTION_OFFICER: ("Cán bộ tiếp công dân", "Reception officer"),
    Role.UNIT_HANDLER: ("Chuyên viên xử lý", "Unit handler"),
    Role.UNIT_HEAD: ("Thủ trưởng đơn vị", "Unit head"),
    Role.INSPECTION: ("Đơn vị thanh tra, tham mưu", "Inspection (advisory unit)"),
    Role.LEADERSHIP: ("Lãnh đạo sở", "Leadership"),
    Role.PLANNING_OFFICE: ("Phòng Kế hoạch – Tổng hợp", "Planning office"),
    Role.TRADE_UNION: ("Công đoàn", "Trade union"),
    Role.YOUTH_UNION: ("Đoàn thanh niên", "Youth union"),
    Role.AUDITOR: ("Kiểm tra viên (chỉ xem)", "Auditor (read-only)"),
    Role.ADMINISTRATOR: ("Quản trị hệ thống", "Administrator"),
}


@dataclass(frozen=True)
class Requirement:
    """A document that must be in the case file before an action; `code` is what `CaseFacts.documents`
    holds."""

    code: str
    label_vi: str
    label_en: str


def _requirements(*rows: tuple[str, str, str]) -> dict[str, Requirement]:
    return {code: Requirement(code, vi, en) for code, vi, en in rows}


REQUIREMENTS: dict[str, Requirement] = _requirements(
    ("acceptance_decision", "Quyết định (thông báo) thụ lý", "Acceptance decision (notice)"),
    ("non_acceptance_notice", "Thông báo không thụ lý, nêu rõ lý do", "Non-acceptance notice with reasons"),
    (
        "acceptance_notice",
        "Thông báo việc thụ lý cho người tố cáo và nội dung cho người bị tố cáo",
        "Acceptance notice to the denouncer and the denounced",
    ),
    ("verification_assignment", "Quyết định xác minh (giao nhiệm vụ xác minh)", "Verification decision"),
    ("verification_report", "Báo cáo kết quả xác minh", "Verification report"),
    (
        "dialogue_notice_5_days",
        "Thông báo đối thoại gửi các bên trước ít nhất 5 ngày",
        "Dialogue notice sent to the parties at least 5 days ahead",
    ),
    ("dialogue_minutes", "Biên bản đối thoại (Mẫu số 14)", "Dialogue minutes (Form 14)"),
    ("decision_document", "Quyết định giải quyết khiếu nại", "Complaint decision"),
    (
        "decision_dispatch_record",
        "Hồ sơ gửi quyết định giải quyết khiếu nại",
        "Record of dispatch of the complaint decision",
    ),
    (
        "appeal_record",
        "Văn bản cho thấy người khiếu nại đã khiếu nại tiếp hoặc khởi kiện",
        "Evidence of a further complaint or an administrative lawsuit",
    ),
    ("enforcement_report", "Báo cáo kết quả thi hành quyết định giải quyết", "Enforcement report"),
    ("conclusion_document", "Kết luận nội dung tố cáo", "Denunciation conclusion"),
    (
        "conclusion_dispatch_record",
        "Hồ sơ gửi kết luận và thông báo kết quả cho người tố cáo",
        "Record of dispatch of the conclusion and of the notice to the denouncer",
    ),
    (
        "handling_decision",
        "Văn bản xử lý, kiến nghị xử lý theo kết luận",
        "Decision or recommendation acting on the conclusion",
    ),
    ("publication_record", "Hồ sơ công khai kết luận nội dung tố cáo", "Publication record"),
    ("answer_document", "Văn bản trả lời kiến nghị, phản ánh", "Written answer to the petition or feedback"),
    ("suspension_decision", "Quyết định tạm đình chỉ việc giải quyết", "Suspension decision"),
    ("continuation_decision", "Quyết định tiếp tục giải quyết", "Decision to continue the settlement"),
    ("termination_decision", "Quyết định đình chỉ việc giải quyết", "Termination decision"),
    (
        "withdrawal_letter",
        "Đơn rút hoặc biên bản ghi nhận việc rút, có chữ ký hoặc điểm chỉ",
        "Withdrawal letter, or minutes of the withdrawal, signed or fingerprinted",
    ),
    ("complexity_determination", "Văn bản xác định vụ việc phức tạp", "Written determination of complexity"),
    ("extension_decision", "Quyết định gia hạn giải quyết tố cáo", "Extension decision"),
)

# Criteria for a complex case: Decree 124/2020 Art 3a (added by Decree 155/2026) for complaints,
# Decree 31/2019 Art 3(2) for denunciations; the same list, keyed by the point letter ("đ" → "dd").
COMPLEXITY_CRITERIA: dict[str, tuple[str, str]] = {
    "a": ("Một nội dung nhưng phải xác minh ở nhiều địa điểm", "One content verified at ≥2 places"),
    "b": ("Nhiều nội dung phải xác minh", "Two or more contents to verify"),
    "c": ("Nhiều người cùng khiếu nại, tố cáo hoặc ảnh hưởng quyền lợi nhiều người", "Many people concerned"),
    "d": ("Có yếu tố nước ngoài", "A foreign element"),
    "dd": ("Liên quan trách nhiệm quản lý của nhiều cơ quan", "Several bodies' management responsibility"),
    "e": ("Các cơ quan liên quan còn ý kiến khác nhau", "Related bodies still disagree"),
    "g": ("Chứng cứ mâu thuẫn, cần thời gian hoặc giám định", "Contradictory evidence needing experts"),
}

COMPLEXITY_LEVELS: dict[str, tuple[str, str]] = {
    "none": ("Thông thường", "Ordinary"),
    "complex": ("Phức tạp", "Complex"),
    "especially_complex": ("Đặc biệt phức tạp", "Especially complex"),
}

# Law 25/2018 Art 33 and Decree 31/2019 Art 4 (as replaced by Decree 156/2026): settlement continues
# despite a withdrawal in these cases.
WITHDRAWAL_EXCEPTIONS: dict[str, tuple[str, str]] = {
    "signs_of_violation": ("có dấu hiệu vi phạm pháp luật", "there are signs of a violation of law"),
    "coerced": (
        "việc rút tố cáo do bị đe dọa, mua chuộc, ép buộc",
        "the withdrawal was threatened, bought or forced",
    ),
    "slander": ("người tố cáo lợi dụng tố cáo để vu khống", "the denouncer used the denunciation to slander"),
}
