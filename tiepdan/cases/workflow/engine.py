"""Apply the transition table to the facts of one case: `next_status` and `available_actions`.

Pure: no Django, no clock, no settings. Whatever depends on dates (has the 30-day effect period passed?
is the extension asked for before TC-T expires?) is checked by the caller, who holds the dates; the facts
it gathers are passed in as a `CaseFacts`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from tiepdan.cases.workflow.table import PREVIOUS, Transition, statuses_for, transitions_for
from tiepdan.cases.workflow.vocabulary import (
    ACTION_LABELS,
    COMPLAINT_TRACKS,
    COMPLEXITY_CRITERIA,
    COMPLEXITY_LEVELS,
    REQUIREMENTS,
    ROLE_LABELS,
    TERMINAL,
    WITHDRAWAL_EXCEPTIONS,
    Action,
    Requirement,
    Role,
    Status,
    Track,
)

# Law 25/2018 Art 30(1); Decree 31/2019 Art 3(4): complex → one extension, especially complex → two,
# each of at most 30 days and each by a written decision.
EXTENSION_LIMITS: dict[str, int] = {"none": 0, "complex": 1, "especially_complex": 2}

# KN-DIALOG: the parties are notified at least 5 days before the dialogue (Decree 124/2020 Art 28 as
# replaced by Decree 155/2026 Art 11).
DIALOGUE_NOTICE_MIN_DAYS = 5

# A denunciation can be withdrawn only before the conclusion (Law 25/2018 Art 33(1)).
AFTER_CONCLUSION: frozenset[Status] = frozenset(
    {Status.CONCLUDED, Status.CONCLUSION_SENT, Status.HANDLED, Status.PUBLISHED, Status.CLOSED}
)


@dataclass(frozen=True)
class CaseFacts:
    """What the caller knows about the case. Strings from the database are accepted and converted;
    `previous_status` may be "" (the model's blank value) for "none"."""

    track: Track
    status: Status
    previous_status: Status | None = None
    documents: frozenset[str] = frozenset()  # requirement codes present in the file
    complexity: str = "none"  # "none" | "complex" | "especially_complex"
    extensions_used: int = 0
    concluded: bool = False
    withdrawal_exceptions: frozenset[str] = frozenset()  # "signs_of_violation", "coerced", "slander"
    is_second_time: bool = False
    dialogue_notice_days: int | None = None  # days between the dialogue notice and the dialogue
    remaining_complainants: int | None = None  # people still complaining/denouncing after a withdrawal
    # Criteria (keys of COMPLEXITY_CRITERIA) of the written determination being recorded; read by
    # `determine_complexity` only.
    complexity_criteria: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "track", Track(self.track))
        set_(self, "status", Status(self.status))
        set_(self, "previous_status", Status(self.previous_status) if self.previous_status else None)
        for name in ("documents", "withdrawal_exceptions", "complexity_criteria"):
            value: Iterable[str] = getattr(self, name)
            set_(self, name, frozenset(str(v) for v in value))


@dataclass(frozen=True)
class Outcome:
    """The result of an allowed action. `transition` is the row as applied: when a rule keeps the status
    (a group member or an excepted denouncer withdraws) it is the table row with `target=None` and no
    deadline stopped. `complexity` is the new level after `determine_complexity`, else None."""

    status: Status
    transition: Transition
    notes_vi: tuple[str, ...]
    notes_en: tuple[str, ...]
    complexity: str | None = None


class TransitionRefused(Exception):
    """An action that may not be taken. `code` says which rule refused it (stable, for tests and logs);
    `missing` lists the documents still needed."""

    def __init__(
        self, reason_vi: str, reason_en: str, missing: tuple[Requirement, ...] = (), *, code: str = "refused"
    ) -> None:
        super().__init__(f"{reason_vi} / {reason_en}")
        self.reason_vi = reason_vi
        self.reason_en = reason_en
        self.missing = missing
        self.code = code


@dataclass
class _Notes:
    vi: list[str] = field(default_factory=list)
    en: list[str] = field(default_factory=list)

    def add(self, vi: str, en: str) -> None:
        self.vi.append(vi)
        self.en.append(en)


def _q(text: str) -> str:
    return f"«{text}»"


def _action_label(action: Action) -> tuple[str, str]:
    return ACTION_LABELS[action]


def complexity_level(track: Track, criteria: Iterable[str]) -> str:
    """Level implied by the criteria met. Denunciations: 1 = complex, ≥2 = especially complex (Decree
    31/2019 Art 3(2),(3)). Complaints and petitions know only "complex" (Decree 124/2020 Art 3a)."""
    count = len(frozenset(criteria))
    if count == 0:
        return "none"
    if Track(track) is Track.DENUNCIATION and count >= 2:
        return "especially_complex"
    return "complex"


def dialogue_mandatory(facts: CaseFacts) -> bool:
    """Second-time settlement must hold a dialogue (Law 02/2011 Art 39; KN-DIALOG)."""
    return facts.track is Track.COMPLAINT_SECOND or (facts.track in COMPLAINT_TRACKS and facts.is_second_time)


def _coerce_role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise TransitionRefused(
            f"Vai trò {_q(str(role))} không tồn tại.", f"Unknown role {role!r}.", code="unknown_role"
        ) from None


def _coerce_action(action: Action | str) -> Action:
    try:
        return Action(action)
    except ValueError:
        raise TransitionRefused(
            f"Thao tác {_q(str(action))} không tồn tại.", f"Unknown action {action!r}.", code="unknown_action"
        ) from None


def _check_actor(role: Role) -> None:
    # Separation of duties: the auditor only reads; the administrator runs the system, not the cases.
    if role is Role.AUDITOR:
        raise TransitionRefused(
            "Kiểm tra viên chỉ được xem hồ sơ, không được thực hiện bất kỳ thao tác nào trên vụ việc.",
            "An auditor may only read; an auditor can never act on a case.",
            code="read_only",
        )
    if role is Role.ADMINISTRATOR:
        raise TransitionRefused(
            "Quản trị hệ thống không được tham gia giải quyết vụ việc (tách bạch nhiệm vụ quản trị và "
            "nhiệm vụ giải quyết).",
            "An administrator may not settle cases (separation of duties).",
            code="separation_of_duties",
        )


def _invalid(vi: str, en: str) -> TransitionRefused:
    return TransitionRefused(
        f"Dữ liệu vụ việc không hợp lệ: {vi}", f"Invalid case facts: {en}", code="invalid_facts"
    )


def _check_facts(facts: CaseFacts) -> None:
    track_statuses = statuses_for(facts.track)
    if facts.status not in track_statuses:
        raise _invalid(
            f"trạng thái {_q(facts.status.label_vi)} không thuộc {_q(facts.track.label_vi)}.",
            f"status {facts.status.value!r} does not belong to track {facts.track.value!r}.",
        )
    previous = facts.previous_status
    if previous is not None and previous not in track_statuses:
        raise _invalid(
            f"trạng thái trước {_q(previous.label_vi)} không thuộc {_q(facts.track.label_vi)}.",
            f"previous status {previous.value!r} does not belong to track {facts.track.value!r}.",
        )
    if facts.complexity not in COMPLEXITY_LEVELS:
        raise _invalid(f"mức độ phức tạp {_q(facts.complexity)}.", f"complexity {facts.complexity!r}.")
    if facts.extensions_used < 0:
        raise _invalid("số lần gia hạn âm.", "negative extensions_used.")
    if facts.remaining_complainants is not None and facts.remaining_complainants < 0:
        raise _invalid("số người còn lại âm.", "negative remaining_complainants.")
    if facts.track is Track.COMPLAINT_FIRST and facts.is_second_time:
        raise _invalid("khiếu nại lần đầu không thể là lần hai.", "first-time complaint marked second-time.")


def _dialogue_refusal(facts: CaseFacts) -> TransitionRefused | None:
    if dialogue_mandatory(facts) and facts.status is not Status.DIALOGUE:
        return TransitionRefused(
            "Giải quyết khiếu nại lần hai bắt buộc phải tổ chức đối thoại; chưa có biên bản đối thoại nên "
            "chưa thể ban hành quyết định giải quyết (Điều 39 Luật Khiếu nại 2011; NĐ 155/2026 Điều 11).",
            "A second-time complaint must go through a dialogue; without dialogue minutes it cannot be "
            "decided (Law 02/2011 Art 39; Decree 155/2026 Art 11).",
            (REQUIREMENTS["dialogue_minutes"],),
            code="dialogue_required",
        )
    return None


def _after_conclusion_refusal(facts: CaseFacts) -> TransitionRefused | None:
    if facts.track is Track.DENUNCIATION and (facts.concluded or facts.status in AFTER_CONCLUSION):
        return TransitionRefused(
            "Không thể rút tố cáo sau khi đã ban hành kết luận nội dung tố cáo (Điều 33 Luật Tố cáo 2018).",
            "A denunciation cannot be withdrawn after the conclusion has been issued (Law 25/2018 Art 33).",
            code="withdrawal_after_conclusion",
        )
    return None


def _state_refusal(facts: CaseFacts, transition: Transition) -> TransitionRefused | None:
    """Rules on the state of the case (not on what the user is about to supply); `available_actions`
    hides transitions these refuse."""
    action = transition.action
    if action is Action.DECIDE:
        return _dialogue_refusal(facts)
    if action is Action.RESUME:
        suspendable = next(t.source for t in transitions_for(facts.track) if t.action is Action.SUSPEND)
        if facts.previous_status not in suspendable:
            return TransitionRefused(
                "Không xác định được trạng thái trước khi tạm đình chỉ nên không thể tiếp tục giải quyết.",
                "The status before the suspension is unknown, so the settlement cannot resume.",
                code="no_previous_status",
            )
    if action is Action.EXTEND:
        limit = EXTENSION_LIMITS[facts.complexity]
        if limit == 0:
            return TransitionRefused(
                "Chỉ được gia hạn khi vụ việc đã được xác định bằng văn bản là phức tạp hoặc đặc biệt phức "
                "tạp (Điều 30 Luật Tố cáo 2018).",
                "An extension needs a written determination that the case is complex or especially complex "
                "(Law 25/2018 Art 30).",
                code="not_complex",
            )
        if facts.extensions_used >= limit:
            level_vi, level_en = COMPLEXITY_LEVELS[facts.complexity]
            return TransitionRefused(
                f"Đã gia hạn {facts.extensions_used} lần; vụ việc {level_vi.lower()} chỉ được gia hạn tối đa "
                f"{limit} lần, mỗi lần không quá 30 ngày (Điều 30 Luật Tố cáo 2018; NĐ 31/2019 Điều 3).",
                f"Already extended {facts.extensions_used} time(s); an {level_en.lower()} case may be "
                f"extended at most {limit} time(s), 30 days each (Law 25/2018 Art 30; Decree 31/2019 Art 3).",
                code="extension_limit",
            )
    return None


def _criterion_label(code: str) -> str:
    return "đ" if code == "dd" else code


def _input_refusal(facts: CaseFacts, transition: Transition) -> TransitionRefused | None:
    """Rules on what the user supplies with the action: documents, notice days, criteria, exceptions."""
    missing = tuple(r for r in transition.requires if r.code not in facts.documents)
    if missing:
        action_vi, action_en = _action_label(transition.action)
        return TransitionRefused(
            f"Chưa thể {action_vi.lower()}: còn thiếu {'; '.join(r.label_vi for r in missing)}.",
            f"Cannot {action_en.lower()}: missing {'; '.join(r.label_en for r in missing)}.",
            missing,
            code="missing_documents",
        )
    # KN-DIALOG is checked when the dialogue is set up, and again at the decision if the dialogue was
    # moved since (the caller then passes the new day count).
    days = facts.dialogue_notice_days
    if transition.action is Action.SCHEDULE_DIALOGUE or (
        transition.action is Action.DECIDE and Status.DIALOGUE in transition.source and days is not None
    ):
        if days is None:
            return TransitionRefused(
                "Chưa xác định số ngày từ khi gửi thông báo đến ngày đối thoại; phải gửi trước ít nhất "
                f"{DIALOGUE_NOTICE_MIN_DAYS} ngày (KN-DIALOG).",
                "The number of days between the notice and the dialogue is unknown; the notice must go out "
                f"at least {DIALOGUE_NOTICE_MIN_DAYS} days ahead (KN-DIALOG).",
                (REQUIREMENTS["dialogue_notice_5_days"],),
                code="dialogue_notice_too_short",
            )
        if days < DIALOGUE_NOTICE_MIN_DAYS:
            return TransitionRefused(
                f"Thông báo đối thoại phải gửi trước ít nhất {DIALOGUE_NOTICE_MIN_DAYS} ngày; hiện chỉ trước "
                f"{days} ngày (KN-DIALOG; NĐ 155/2026 Điều 11).",
                f"The dialogue notice must go out at least {DIALOGUE_NOTICE_MIN_DAYS} days ahead; it went "
                f"out only {days} day(s) ahead (KN-DIALOG; Decree 155/2026 Art 11).",
                (REQUIREMENTS["dialogue_notice_5_days"],),
                code="dialogue_notice_too_short",
            )
    if transition.action is Action.DETERMINE_COMPLEXITY:
        return _criteria_refusal(facts)
    if transition.action is Action.WITHDRAW and facts.withdrawal_exceptions:
        if facts.track is not Track.DENUNCIATION:
            return TransitionRefused(
                "Các trường hợp tiếp tục giải quyết dù đã rút đơn chỉ áp dụng với tố cáo (Điều 33 Luật Tố "
                "cáo 2018).",
                "Continuing despite a withdrawal applies to denunciations only (Law 25/2018 Art 33).",
                code="invalid_exception",
            )
        unknown = sorted(facts.withdrawal_exceptions - WITHDRAWAL_EXCEPTIONS.keys())
        if unknown:
            return TransitionRefused(
                f"Trường hợp ngoại lệ không hợp lệ: {', '.join(unknown)}.",
                f"Unknown withdrawal exception(s): {', '.join(unknown)}.",
                code="invalid_exception",
            )
    return None


def _criteria_refusal(facts: CaseFacts) -> TransitionRefused | None:
    criteria = facts.complexity_criteria
    if not criteria:
        return TransitionRefused(
            "Phải chọn ít nhất một tiêu chí xác định vụ việc phức tạp (điểm a, b, c, d, đ, e, g).",
            "Select at least one complexity criterion (points a, b, c, d, đ, e, g).",
            code="invalid_criteria",
        )
    unknown = sorted(criteria - COMPLEXITY_CRITERIA.keys())
    if unknown:
        return TransitionRefused(
            f"Tiêu chí không hợp lệ: {', '.join(unknown)}; chỉ dùng a, b, c, d, đ (dd), e, g.",
            f"Unknown criteria: {', '.join(unknown)}; use a, b, c, d, dd (đ), e, g.",
            code="invalid_criteria",
        )
    level = complexity_level(facts.track, criteria)
    if EXTENSION_LIMITS[level] < facts.extensions_used:
        level_vi, level_en = COMPLEXITY_LEVELS[level]
        return TransitionRefused(
            f"Vụ việc đã được gia hạn {facts.extensions_used} lần, nhiều hơn mức {level_vi.lower()} cho "
            "phép; không thể xác định lại ở mức này.",
            f"The case was already extended {facts.extensions_used} time(s), more than an "
            f"{level_en.lower()} case allows; it cannot be re-determined at that level.",
            code="complexity_below_extensions",
        )
    return None


def _find(facts: CaseFacts, action: Action, role: Role) -> Transition:
    """Checks that do not depend on the transition found, then the lookup by status and role."""
    rows = [t for t in transitions_for(facts.track) if t.action is action]
    action_vi, action_en = _action_label(action)
    if not rows:
        if action is Action.EXTEND:
            raise TransitionRefused(
                "Chỉ giải quyết tố cáo mới có gia hạn; với khiếu nại, thời hạn dài hơn được áp dụng khi xác "
                "định vụ việc phức tạp.",
                "Only denunciations are extended; a complaint gets its longer time limit by a complexity "
                "determination.",
                code="action_not_in_track",
            )
        raise TransitionRefused(
            f"Thao tác {_q(action_vi)} không áp dụng cho {_q(facts.track.label_vi.lower())}.",
            f"{action_en!r} does not apply to {facts.track.label_en.lower()}.",
            code="action_not_in_track",
        )
    if facts.status in TERMINAL:
        raise TransitionRefused(
            f"Vụ việc đã kết thúc ({_q(facts.status.label_vi)}); không thể thực hiện thêm thao tác.",
            f"The case is over ({facts.status.label_en.lower()}); no further action is possible.",
            code="terminal",
        )
    if action is Action.WITHDRAW and (refusal := _after_conclusion_refusal(facts)):
        raise refusal
    if action is Action.DECIDE and facts.status is Status.VERIFYING and (refusal := _dialogue_refusal(facts)):
        raise refusal
    transition = next((t for t in rows if facts.status in t.source), None)
    if transition is None:
        allowed = sorted(set().union(*(t.source for t in rows)))
        raise TransitionRefused(
            f"Không thể {action_vi.lower()} khi vụ việc đang ở trạng thái {_q(facts.status.label_vi)}; chỉ "
            f"thực hiện được ở trạng thái: {', '.join(s.label_vi for s in allowed)}.",
            f"Cannot {action_en.lower()} while the case is {facts.status.label_en.lower()!r}; allowed "
            f"from: {', '.join(s.label_en.lower() for s in allowed)}.",
            code="wrong_status",
        )
    if role not in transition.roles:
        roles = sorted(transition.roles)
        raise TransitionRefused(
            f"Vai trò {_q(ROLE_LABELS[role][0])} không được {action_vi.lower()}; vai trò được phép: "
            f"{', '.join(ROLE_LABELS[r][0] for r in roles)}.",
            f"The role {ROLE_LABELS[role][1].lower()!r} may not {action_en.lower()}; allowed roles: "
            f"{', '.join(ROLE_LABELS[r][1].lower() for r in roles)}.",
            code="wrong_role",
        )
    return transition


def next_status(facts: CaseFacts, action: Action | str, role: Role | str) -> Outcome:
    """Decide whether `role` may take `action` on a case described by `facts`, and with what result.

    Preconditions (checked by the caller, who holds the dates and the people): the user holds `role` for
    this case's unit; for `record_legal_effect`, the KN-EFFECT period has passed with no further complaint;
    for `extend`, TC-T has not yet expired; after `suspend`, the caller stores `facts.status` as the case's
    previous status. Raises TransitionRefused, with Vietnamese and English reasons, for anything not allowed.
    """
    role = _coerce_role(role)
    _check_actor(role)
    action = _coerce_action(action)
    _check_facts(facts)
    transition = _find(facts, action, role)
    refusal = _state_refusal(facts, transition) or _input_refusal(facts, transition)
    if refusal:
        raise refusal
    return _apply(facts, transition)


def available_actions(facts: CaseFacts, role: Role | str) -> list[Transition]:
    """The transitions the UI should offer `role` now: right status, right role and no rule on the case's
    state against it. Missing documents do not hide an action: the UI shows it with its checklist, and
    `next_status` refuses it until the file is complete. Auditors and administrators are offered nothing;
    facts that contradict the track raise TransitionRefused ("invalid_facts"), as in `next_status`."""
    try:
        role = _coerce_role(role)
        _check_actor(role)
    except TransitionRefused:
        return []
    _check_facts(facts)
    if facts.status in TERMINAL:
        return []
    offered = []
    for transition in transitions_for(facts.track):
        if facts.status not in transition.source or role not in transition.roles:
            continue
        if transition.action is Action.WITHDRAW and _after_conclusion_refusal(facts):
            continue
        if _state_refusal(facts, transition) is None:
            offered.append(transition)
    return offered


def _apply(facts: CaseFacts, transition: Transition) -> Outcome:
    notes = _Notes()
    complexity: str | None = None
    if transition.target is None:
        status = facts.status
    elif transition.target == PREVIOUS and facts.previous_status is not None:  # checked by _state_refusal
        status = facts.previous_status
    else:
        status = Status(transition.target)

    action = transition.action
    if action is Action.WITHDRAW:
        transition, status = _apply_withdrawal(facts, transition, status, notes)
    elif action is Action.DETERMINE_COMPLEXITY:
        complexity = complexity_level(facts.track, facts.complexity_criteria)
        level_vi, level_en = COMPLEXITY_LEVELS[complexity]
        codes = ", ".join(_criterion_label(c) for c in sorted(facts.complexity_criteria))
        notes.add(f"Vụ việc được xác định là {level_vi.lower()} (tiêu chí {codes}).",
                  f"The case is determined {level_en.lower()} (criteria {codes}).")
    elif action is Action.EXTEND:
        limit, nth = EXTENSION_LIMITS[facts.complexity], facts.extensions_used + 1
        notes.add(f"Gia hạn lần {nth}/{limit}, không quá 30 ngày; gửi quyết định gia hạn cho người tố cáo, "
                  "người bị tố cáo và các bên liên quan.",
                  f"Extension {nth} of {limit}, at most 30 days; send the decision to the denouncer, the "
                  "denounced and related parties.")
    elif action is Action.SUSPEND:
        notes.add(f"Lưu trạng thái trước khi tạm đình chỉ: {facts.status.label_vi}.",
                  f"Store the status before suspension: {facts.status.label_en.lower()}.")
    elif action is Action.RESUME:
        notes.add(f"Tiếp tục giải quyết từ trạng thái {status.label_vi}; thời gian tạm đình chỉ không "
                  "tính vào thời hạn.",
                  f"Resumes at {status.label_en.lower()}; the suspended time is not counted.")
    elif action is Action.START_VERIFICATION and facts.track is Track.DENUNCIATION:
        notes.add("Chỉ chuyển cho người xác minh bản đơn đã loại bỏ thông tin nhận diện người tố cáo; "
                  "bản gốc quản lý theo chế độ mật (TC-CONFID; Điều 47 Luật Tố cáo 2018).",
                  "Give verifiers only the letter stripped of the denouncer's identity; keep the original "
                  "as a secret record (TC-CONFID; Law 25/2018 Art 47).")
    if facts.track is Track.COMPLAINT_SECOND and action in (Action.SCHEDULE_DIALOGUE, Action.DECIDE):
        notes.add("Giám đốc Sở phải trực tiếp đối thoại khi giải quyết khiếu nại lần hai (KN-DIALOG).",
                  "The Director must hold the second-time dialogue in person (KN-DIALOG).")
    _deadline_notes(transition, notes)
    return Outcome(status, transition, tuple(notes.vi), tuple(notes.en), complexity)


def _apply_withdrawal(
    facts: CaseFacts, transition: Transition, status: Status, notes: _Notes
) -> tuple[Transition, Status]:
    stays = replace(transition, target=None, stops_deadlines=())
    if facts.withdrawal_exceptions:  # denunciations only (checked by _input_refusal)
        reasons = sorted(facts.withdrawal_exceptions)
        why_vi = "; ".join(WITHDRAWAL_EXCEPTIONS[r][0] for r in reasons)
        why_en = "; ".join(WITHDRAWAL_EXCEPTIONS[r][1] for r in reasons)
        notes.add(
            f"Vẫn tiếp tục giải quyết tố cáo dù người tố cáo rút tố cáo, vì {why_vi} (TC-WITHDRAW; Điều 33 "
            "Luật Tố cáo 2018).",
            f"The settlement continues despite the withdrawal because {why_en} (TC-WITHDRAW; Law 25/2018 "
            "Art 33).",
        )
        if "slander" in facts.withdrawal_exceptions:
            notes.add("Người tố cáo vu khống vẫn phải chịu trách nhiệm theo quy định.",
                      "A slandering denouncer remains liable.")
        return stays, facts.status
    if facts.remaining_complainants:
        count = facts.remaining_complainants
        notes.add(f"Tiếp tục giải quyết đối với {count} người còn lại không rút đơn (Điều 10 Luật Khiếu "
                  "nại 2011; Điều 33 Luật Tố cáo 2018).",
                  f"The settlement continues for the {count} people who did not withdraw (Law 02/2011 "
                  "Art 10; Law 25/2018 Art 33).")
        return stays, facts.status
    notes.add("Người có thẩm quyền ra quyết định đình chỉ việc giải quyết và thông báo bằng văn bản.",
              "The settler issues a termination decision and notifies it in writing.")
    return transition, status


def _deadline_notes(transition: Transition, notes: _Notes) -> None:
    for rules, vi, en in (
        (transition.starts_deadlines, "Bắt đầu tính thời hạn", "Deadlines started"),
        (transition.stops_deadlines, "Kết thúc thời hạn", "Deadlines met"),
        (transition.pauses_deadlines, "Tạm dừng tính thời hạn", "Deadlines paused"),
        (transition.resumes_deadlines, "Tiếp tục tính thời hạn", "Deadlines resumed"),
        (transition.recomputes_deadlines, "Tính lại thời hạn", "Deadlines recomputed"),
    ):
        if rules:
            notes.add(f"{vi}: {', '.join(rules)}.", f"{en}: {', '.join(rules)}.")
