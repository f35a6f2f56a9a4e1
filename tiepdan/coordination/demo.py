"""Demo data of coordination: the department's real plan of 11/2024 with its four assignees, the 2026
event periods with their rules and roster, the legal library, and — on the letters, visits and cases
the demo generator made — assignments, escalations with directions and tasks, a response plan,
over-level events, mediation, dissemination and a lessons-learned review.

Everything goes through the services (so the rules apply and the audit log is written), with a
fixed seed. Idempotent: a second call finds the plan and returns.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from tiepdan.coordination import seed_data, selectors, services
from tiepdan.coordination.models import (
    EventPeriod,
    LegalText,
    LegalTextStatus,
    PeriodMilestone,
    Plan,
    PlanAssignee,
    PlanSection,
    PlanTask,
)
from tiepdan.org.models import Agency, Staff, Unit


def _tz() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def _at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=_tz())


def _user(username: str):
    return get_user_model().objects.filter(username=username).first()


# --- reference data ----------------------------------------------------------------------------


def _status(doc, amended_by: str, today: date) -> str:
    if doc.in_force_to is not None and doc.in_force_to < today:
        return LegalTextStatus.REPLACED if doc.replaced_by else LegalTextStatus.EXPIRED
    if doc.in_force_from is not None and doc.in_force_from > today:
        return LegalTextStatus.NOT_YET
    if amended_by:
        # "… (từ 01/07/2026)": amended once the amending text is in force.
        return (
            LegalTextStatus.AMENDED if today >= date(2026, 7, 1) or "từ" not in amended_by else LegalTextStatus.IN_FORCE
        )
    return LegalTextStatus.IN_FORCE


def seed_legal_library(today: date) -> int:
    """The legal texts named in the plan and in domain.md (from `tiepdan.legal.documents` plus data)."""
    from tiepdan.legal.documents import LEGAL_DOCUMENTS

    created = 0
    by_key = {}
    for doc in LEGAL_DOCUMENTS:
        extra = seed_data.LEGAL_EXTRA.get(doc.key)
        if extra is None:
            continue
        kind, issuer, amended_by, in_plan, summary = extra
        text, new = LegalText.objects.get_or_create(
            number=doc.number,
            defaults={
                "kind": kind,
                "title": doc.title_vi,
                "issuer": issuer,
                "issued_on": doc.issued_on,
                "in_force_from": doc.in_force_from,
                "status": _status(doc, amended_by, today),
                "amended_by": amended_by,
                "summary": summary,
                "in_plan": in_plan,
                "confidence": doc.confidence,
            },
        )
        by_key[doc.key] = (doc, text)
        created += new
    for doc, text in by_key.values():
        if doc.replaced_by and doc.replaced_by in by_key and text.replaced_by_id is None:
            text.replaced_by = by_key[doc.replaced_by][1]
            text.save(update_fields=["replaced_by"])
    for row in seed_data.PLAN_ONLY_TEXTS:
        _text, new = LegalText.objects.get_or_create(
            number=row["number"],
            defaults={
                "kind": row["kind"],
                "title": row["title"],
                "issuer": row["issuer"],
                "issued_on": row["issued_on"],
                "in_force_from": row["issued_on"],
                "status": LegalTextStatus.IN_FORCE,
                "summary": row["summary"],
                "in_plan": row.get("in_plan", True),
            },
        )
        created += new
    return created


@transaction.atomic
def seed_plan(agency: Agency, *, actor) -> Plan:
    """The plan of ../shared/plan-2024.txt as data: sections I–III, the four assignees, recipients."""
    data = seed_data.PLAN_2024
    existing = Plan.objects.filter(agency=agency, title=data["title"]).first()
    if existing is not None:
        return existing
    units = {u.code: u for u in Unit.objects.filter(agency=agency)}
    director = Staff.objects.filter(unit__agency=agency, position__signing_title="GIÁM ĐỐC").first()
    plan = Plan.objects.create(
        agency=agency,
        symbol=data["symbol"],
        issued_month=data["issued_month"],
        title=data["title"],
        grounds=data["grounds"],
        introduction=data["introduction"],
        purposes=data["purposes"],
        content_intro=data["content_intro"],
        closing=data["closing"],
        recipients="\n".join(data["recipients"]),
        archive=data["archive"],
        signer_title=data["signer_title"],
        signer_name=director.full_name if director else "",
        drafting_unit=units.get(data["drafting_unit"]),
        created_by=actor,
    )
    for order, row in enumerate(data["content"], start=1):
        PlanTask.objects.create(
            plan=plan,
            section=PlanSection.CONTENT,
            order=order,
            text=row["text"],
            details=row["details"],
            starts_on=data["starts_on"],
            due_on=data["due_on"],
            expected_output=row.get("expected_output", ""),
            report_every_days=row.get("report_every_days"),
        )
    for order, row in enumerate(data["assignees"], start=1):
        assignee = PlanAssignee.objects.create(
            plan=plan,
            order=order,
            heading=row["heading"],
            all_units=row.get("all_units", False),
            is_request=row.get("is_request", False),
        )
        assignee.lead_units.set([units[c] for c in row.get("lead_units", [])])
        for task_order, task_row in enumerate(row["tasks"], start=1):
            task = PlanTask.objects.create(
                plan=plan,
                section=PlanSection.IMPLEMENTATION,
                assignee=assignee,
                order=task_order,
                text=task_row["text"],
                starts_on=data["starts_on"],
                due_on=task_row.get("due_on", data["due_on"]),
                expected_output=task_row.get("expected_output", ""),
                report_every_days=task_row.get("report_every_days"),
            )
            task.coordinating_units.set([units[c] for c in task_row.get("coordinating", [])])
    return plan


def seed_periods(agency: Agency, *, actor, plan: Plan | None) -> list[EventPeriod]:
    periods = []
    for row in seed_data.PERIODS_2026:
        period = EventPeriod.objects.filter(code=row["code"]).first()
        if period is None:
            period = services.create_period(
                agency=agency,
                actor=actor,
                code=row["code"],
                name=row["name"],
                short_name=row["short_name"],
                starts_on=row["starts_on"],
                ends_on=row["ends_on"],
                before_days=row["before_days"],
                after_days=row["after_days"],
                scope=row["scope"],
                plan=plan,
                source=row["source"],
            )
            for kind, phases, value in row["rules"]:
                services.set_period_rule(period=period, actor=actor, kind=kind, phases=phases, value=value)
            for on, title in row["milestones"]:
                PeriodMilestone.objects.create(period=period, on=on, title=title)
        periods.append(period)
    return periods


# --- activity on the generated matters -------------------------------------------------------


def _plan_reports(plan: Plan, *, inspector, today: date, rng: random.Random) -> int:
    """Progress reports on the plan's tasks; some units stay silent so "who is late" has answers."""
    count = 0
    progress = selectors.plan_progress(plan, today=min(today, date(2026, 3, 31)))
    rows = [*progress.content, *(t for _a, ts, _n in progress.sections for t in ts)]
    for tp in rows:
        for share in tp.shares:
            if rng.random() < 0.3:
                continue  # this unit has not reported: late on tasks with a reporting interval
            on = min(today, date(2026, 3, 20)) - timedelta(days=rng.randint(0, 20))
            done = on >= date(2026, 3, 1) and rng.random() < 0.4
            services.report_plan_progress(
                task=tp.task,
                unit=share.unit,
                actor=inspector,
                on=on,
                progress=100 if done else rng.choice([30, 50, 70, 80]),
                text=rng.choice(
                    [
                        "Đã quán triệt kế hoạch đến toàn thể cán bộ, viên chức của đơn vị.",
                        "Tổ chức tiếp công dân theo lịch; không phát sinh vụ việc đông người.",
                        "Đã rà soát các vụ việc thuộc thẩm quyền, báo cáo Thanh tra – Pháp chế.",
                        "Thực hiện báo cáo định kỳ đúng thời hạn.",
                    ]
                ),
                is_done=done,
            )
            count += 1
    return count


def _roster(periods: list[EventPeriod], *, actor, rng: random.Random) -> int:
    staff = list(Staff.objects.select_related("unit", "user").filter(user__is_active=True))
    leaders = [s for s in staff if s.user.groups.filter(name="leadership").exists()]
    reception = [s for s in staff if s.unit.is_advisory] or staff
    security = [s for s in staff if s.unit.code == "khth"] or staff
    count = 0
    for period in periods:
        bounds = period.window.phase_bounds(period.phase_on(period.starts_on))
        for day in selectors.working_days(list(_days(bounds[0], bounds[1]))) or [period.starts_on]:
            for kind, pool in (("leader", leaders), ("reception", reception), ("security", security)):
                if not pool:
                    continue
                try:
                    services.add_duty_shift(period=period, actor=actor, on=day, kind=kind, staff=rng.choice(pool))
                    count += 1
                except services.Refused:
                    continue
    return count


def _days(first: date, last: date):
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def _situation_reports(periods: list[EventPeriod], *, today: date, rng: random.Random) -> int:
    reporter = Staff.objects.filter(unit__is_advisory=True, unit__valid_to__isnull=True).select_related("user").first()
    if reporter is None:
        return 0
    count = 0
    for period in periods:
        days = selectors.working_days(
            selectors.period_days(
                period, services.rules.RuleKind.DAILY_REPORT, until=min(today, period.window.last_day)
            )
        )
        for day in days:
            if rng.random() < 0.15:
                continue  # a missed day shows on the period page
            counts = selectors.situation_counts(reporter.unit, day)
            try:
                services.submit_situation_report(
                    actor=reporter.user,
                    on=day,
                    summary="Tình hình tiếp công dân ổn định; các vụ việc phát sinh được tiếp nhận, xử lý "
                    "theo quy định.",
                    **counts,
                )
                count += 1
            except services.Refused:
                continue
    return count


def _assignments(agency: Agency, *, actor, rng: random.Random, today: date, limit: int = 60) -> int:
    """Assign open cases and letters to a handler of their unit, internal due date within the limits."""
    from tiepdan.cases.models import Case
    from tiepdan.letters.models import Letter, LetterStatus

    handlers: dict[int, list] = {}
    for staff in Staff.objects.select_related("user", "unit").filter(unit__agency=agency):
        handlers.setdefault(staff.unit_id, []).append(staff.user)
    count = 0
    subjects = list(Case.objects.filter(closed_on__isnull=True, assignment__isnull=True).select_related("unit")[:limit])
    subjects += list(
        Letter.objects.exclude(status=LetterStatus.DISPOSED)
        .filter(assignment__isnull=True, received_on__lte=today)
        .select_related("unit")
        .order_by("-received_on")[:limit]
    )
    for subject in subjects:
        pool = handlers.get(subject.unit_id)
        if not pool:
            continue  # no staff in that unit in the demo organisation: stays in "chưa phân công"
        on = getattr(subject, "accepted_on", None) or subject.received_on
        limit_dates = services.internal_limit_for(subject, on=on)
        due = limit_dates.suggested or on + timedelta(days=10)
        due = max(on, due - timedelta(days=rng.randint(0, 2)))
        others = [u for u in Unit.objects.filter(agency=agency, kind="division").exclude(pk=subject.unit_id)]
        try:
            services.assign(
                subject=subject,
                actor=actor,
                on=on,
                handler=rng.choice(pool),
                internal_due_on=due,
                coordinating_units=rng.sample(others, 1) if others and rng.random() < 0.3 else [],
                now=_at(on, 10),
            )
            count += 1
        except services.Refused:
            continue
    return count


def _escalations(periods, *, director, inspector, today: date, rng: random.Random) -> list:
    """Mass visits and letters received during the periods go to the leadership; the leader directs."""
    from tiepdan.reception.models import Visit

    escalations = []
    for period in periods:
        window = period.window
        visits = Visit.objects.filter(
            is_mass=True,
            split_from__isnull=True,
            received_at__date__gte=window.first_day,
            received_at__date__lte=min(window.last_day, today),
        ).select_related("unit")
        for visit in visits[:12]:
            escalation = services.escalate_mass_matter(visit=visit, now=visit.received_at + timedelta(minutes=5))
            if escalation is None:
                continue
            escalations.append(escalation)
            if rng.random() < 0.7:
                services.complete_summary(
                    escalation=escalation,
                    actor=inspector,
                    now=visit.received_at + timedelta(minutes=rng.randint(40, 180)),
                    title=escalation.title,
                    summary=escalation.summary,
                    history=escalation.history,
                    place=escalation.place,
                    proposal="Đề nghị Lãnh đạo Sở chủ trì tiếp đại diện đoàn; giao Phòng Thanh tra – Pháp chế rà "
                    "soát hồ sơ, báo cáo trong 05 ngày làm việc.",
                )
    units = {u.code: u for u in Unit.objects.all()}
    for index, escalation in enumerate(escalations[: max(1, len(escalations) * 2 // 3)]):
        given_on = escalation.received_at.astimezone(_tz()).date()
        owner_unit = units.get("ttr-pc") or escalation.unit
        due = given_on + timedelta(days=rng.choice([3, 5, 7]))
        direction = services.record_direction(
            escalation=escalation,
            actor=director,
            on=given_on,
            text="Giao Phòng Thanh tra – Pháp chế chủ trì, phối hợp Phòng Kế hoạch – Tổng hợp tiếp, giải thích cho "
            "công dân; rà soát toàn bộ hồ sơ, báo cáo Giám đốc Sở.",
            tasks=[
                services.TaskInput(
                    text="Rà soát hồ sơ, quá trình giải quyết; báo cáo đề xuất hướng xử lý.",
                    owner_unit=owner_unit,
                    due_on=due,
                    owner=inspector if owner_unit.pk == getattr(inspector.staff, "unit_id", None) else None,
                ),
                services.TaskInput(
                    text="Bảo đảm an ninh trật tự tại nơi tiếp công dân; vận động công dân trở về địa phương.",
                    owner_unit=units.get("khth") or owner_unit,
                    due_on=given_on + timedelta(days=1),
                ),
            ],
        )
        for task in direction.tasks.all():
            # The first direction is carried out in full; the others partly (the leader has work to follow).
            if task.due_on <= today and (index == 0 or rng.random() < 0.6):
                services.complete_task(
                    task=task, actor=director, on=min(task.due_on, today), result="Đã thực hiện, báo cáo Lãnh đạo Sở."
                )
    return escalations


def _response_plan(escalations, *, inspector, director, today: date) -> int:
    if not escalations:
        return 0
    escalation = escalations[0]
    on = escalation.received_at.astimezone(_tz()).date()
    units = {u.code: u for u in Unit.objects.filter(code__in=["ttr-pc", "khth"])}
    plan = services.create_response_plan(
        actor=inspector,
        unit=units.get("ttr-pc") or escalation.unit,
        on=on,
        title=f"Phương án xử lý đoàn đông người {escalation.code}",
        situation="Đoàn công dân đông người có khả năng quay lại trong thời gian diễn ra sự kiện; nguy cơ vượt cấp "
        "lên tỉnh.",
        objective="Tiếp, giải thích, vận động công dân trở về địa phương; không để phát sinh điểm nóng.",
        forces="Lãnh đạo Sở, Phòng Thanh tra – Pháp chế, Phòng Kế hoạch – Tổng hợp; phối hợp Công an phường.",
        escalation=escalation,
    )
    for text, code, days in (
        ("Bố trí Lãnh đạo Sở trực tiếp tiếp đại diện đoàn.", "ttr-pc", 1),
        ("Bố trí lực lượng bảo vệ, phối hợp Công an phường bảo đảm trật tự.", "khth", 1),
        ("Rà soát hồ sơ, chuẩn bị nội dung trả lời bằng văn bản.", "ttr-pc", 5),
    ):
        services.add_task(
            actor=inspector,
            on=on,
            spec=services.TaskInput(
                text=text, owner_unit=units.get(code) or escalation.unit, due_on=on + timedelta(days=days)
            ),
            response_plan=plan,
        )
    services.approve_response_plan(plan=plan, actor=director, on=on)
    return 1


def _over_level(agency: Agency, *, actor, rng: random.Random, today: date) -> int:
    from tiepdan.letters.models import Letter

    count = 0
    transferred = Letter.objects.exclude(transferring_body="").order_by("-received_on")[:6]
    unit = Unit.objects.filter(agency=agency, is_advisory=True, valid_to__isnull=True).first()
    for letter in transferred:
        services.record_over_level(
            actor=actor,
            unit=unit or letter.unit,
            level=rng.choice(["province", "central"]),
            body=rng.choice(["Ban Tiếp công dân tỉnh", "Ban Tiếp công dân Trung ương", "Thanh tra tỉnh"]),
            occurred_on=max(letter.received_on - timedelta(days=rng.randint(3, 30)), date(2025, 1, 1)),
            matter=letter.summary[:400] if letter.matter_type != "denunciation" else f"Đơn tố cáo {letter.code}",
            head_count=letter.signer_count,
            returned_letter=letter,
        )
        count += 1
    return count


def _sessions(agency: Agency, periods, *, today: date, rng: random.Random) -> int:
    units = {u.code: u for u in Unit.objects.filter(agency=agency)}
    union = _user("congdoan")
    youth = _user("doanthanhnien")
    inspector = _user("thanhtra")
    count = 0
    for actor, code, kind, matter in (
        (union, "cong-doan", "mediation", "Hòa giải mâu thuẫn về chế độ, chính sách của viên chức Nhà hát"),
        (youth, "doan-thanh-nien", "mediation", "Hòa giải kiến nghị của đoàn viên về tổ chức lễ hội"),
        (inspector, "ttr-pc", "dialogue", "Đối thoại với công dân khiếu nại quyết định xử phạt hoạt động văn hóa"),
    ):
        if actor is None or code not in units:
            continue
        held = min(today, date(2026, 3, 10)) - timedelta(days=rng.randint(5, 60))
        services.record_mediation(
            actor=actor,
            kind=kind,
            organiser_unit=units[code],
            held_on=held,
            place="Trụ sở Sở Văn hóa, Thể thao và Du lịch",
            matter=matter,
            participants="Đại diện đơn vị tổ chức; các bên liên quan; đại diện Phòng Thanh tra – Pháp chế",
            notice_sent_on=held - timedelta(days=7) if kind == "dialogue" else None,
            minutes="Các bên trình bày ý kiến; đơn vị tổ chức giải thích quy định pháp luật.",
            outcome=rng.choice(["agreed", "partly"]),
        )
        count += 1
    texts = list(LegalText.objects.filter(in_plan=True))
    for actor, code, audience, attendees in (
        (inspector, "ttr-pc", "staff", 85),
        (union, "cong-doan", "members", 120),
        (youth, "doan-thanh-nien", "members", 60),
        (inspector, "ttr-pc", "citizens", 40),
    ):
        if actor is None or code not in units or not texts:
            continue
        services.record_dissemination(
            actor=actor,
            organiser_unit=units[code],
            held_on=min(today, date(2026, 1, 10)) - timedelta(days=rng.randint(0, 60)),
            place="Hội trường Sở",
            audience=audience,
            attendees=attendees,
            legal_texts=rng.sample(texts, min(3, len(texts))),
            materials="Tài liệu hỏi – đáp Luật Tiếp công dân, Luật Khiếu nại, Luật Tố cáo; trình chiếu.",
        )
        count += 1
    return count


def _review(periods, *, actor, today: date) -> int:
    congress = next((p for p in periods if p.code == "dai-hoi-xiv"), None)
    if congress is None or today <= congress.window.last_day:
        return 0
    held = congress.window.last_day + timedelta(days=5)
    review = services.create_review(
        actor=actor,
        unit=Unit.objects.filter(code="ttr-pc").first() or actor.staff.unit,
        title="Rút kinh nghiệm công tác tiếp công dân phục vụ Đại hội XIV",
        held_on=held,
        what_happened="Trong đợt, Sở tiếp công dân theo lịch; phát sinh một số đoàn đông người, đã báo cáo Lãnh đạo "
        "Sở và xử lý tại chỗ, không có vụ việc vượt cấp lên Trung ương.",
        went_well="Báo cáo tình hình hằng ngày đầy đủ; phối hợp giữa Phòng Thanh tra – Pháp chế và Phòng Kế hoạch – "
        "Tổng hợp chặt chẽ.",
        went_badly="Một số ngày báo cáo chậm; lịch trực chưa công khai số điện thoại liên hệ.",
        period=congress,
    )
    units = {u.code: u for u in Unit.objects.filter(code__in=["ttr-pc", "khth"])}
    for text, code, days in (
        ("Hoàn thiện mẫu báo cáo tình hình hằng ngày trên hệ thống.", "ttr-pc", 20),
        ("Công khai lịch trực, số điện thoại tại nơi tiếp công dân.", "khth", 10),
    ):
        services.add_task(
            actor=actor,
            on=held,
            spec=services.TaskInput(
                text=text, owner_unit=units.get(code) or review.unit, due_on=held + timedelta(days=days)
            ),
            review=review,
        )
    return 1


def seed_coordination(agency: Agency, today: date, seed: int) -> Plan:
    """Seed the coordination demo for `agency` as of `today` (idempotent)."""
    from tiepdan.notifications.models import Notification

    director = _user("giamdoc")
    inspector = _user("thanhtra") or director
    existing = Plan.objects.filter(agency=agency, title=seed_data.PLAN_TITLE).first()
    if existing is not None or director is None:
        return existing
    rng = random.Random(seed)
    seed_legal_library(today)
    plan = seed_plan(agency, actor=director)
    periods = seed_periods(agency, actor=director, plan=plan)
    _plan_reports(plan, inspector=inspector, today=today, rng=rng)
    _roster(periods, actor=director, rng=rng)
    _situation_reports(periods, today=today, rng=rng)
    _assignments(agency, actor=director, rng=rng, today=today)
    escalations = _escalations(periods, director=director, inspector=inspector, today=today, rng=rng)
    _response_plan(escalations, inspector=inspector, director=director, today=today)
    _over_level(agency, actor=inspector, rng=rng, today=today)
    _sessions(agency, periods, today=today, rng=rng)
    _review(periods, actor=inspector, today=today)
    # The demo's history is history: its notices would bury the ones a visitor triggers.
    Notification.objects.filter(
        kind__in=[
            "assignment",
            "coordination",
            "task",
            "task_done",
            "escalation",
            "escalation_summary_due",
            "situation_report",
            "over_level",
            "response_plan",
        ]
    ).update(read_at=datetime.now(tz=_tz()))
    return plan
