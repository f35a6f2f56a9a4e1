"""Reads of coordination data: one `*_visible_to(user)` per entity, scoped by unit, and the pages'
aggregates (who is late on a plan, the event periods of a day, "my work")."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from tiepdan.common.i18n import pick
from tiepdan.coordination import rules
from tiepdan.coordination.models import (
    Assignment,
    DisseminationSession,
    Escalation,
    EscalationStatus,
    EventPeriod,
    LegalText,
    LessonsReview,
    MediationSession,
    OverLevelEvent,
    Plan,
    PlanTask,
    PlanTaskReport,
    ResponsePlan,
    ResponsePlanStatus,
    SituationReport,
    Task,
    TaskStatus,
)
from tiepdan.org.models import Unit, UnitKind
from tiepdan.org.roles import Role
from tiepdan.org.selectors import active_units, has_role, staff_of, visible_unit_ids

NEAR_DAYS = 3


# --- scoping -----------------------------------------------------------------------------------


def _scope_any(qs: QuerySet, user, *fields: str, extra: Q | None = None) -> QuerySet:
    """Rows where any of the unit `fields` is one the user may see (or `extra` holds)."""
    if not user.is_authenticated:
        return qs.none()
    ids = visible_unit_ids(user)
    if ids is None:
        return qs if (staff_of(user) is not None or user.is_superuser) else qs.none()
    condition = Q()
    for name in fields:
        condition |= Q(**{f"{name}__in": ids})
    if extra is not None:
        condition |= extra
    return qs.filter(pk__in=qs.filter(condition).values("pk"))


def _is_staff(user) -> bool:
    return user.is_authenticated and (staff_of(user) is not None or user.is_superuser)


# --- plans -------------------------------------------------------------------------------------


def plans_visible_to(user) -> QuerySet[Plan]:
    """A plan is addressed to every unit of the agency: every member of staff reads it."""
    qs = Plan.objects.select_related("drafting_unit")
    return qs if _is_staff(user) else qs.none()


def plan_units(agency, on: date) -> list[Unit]:
    """The units "thuộc sở" a plan addresses as a whole: not the leadership, not the unions."""
    return list(active_units(on, agency).exclude(kind__in=[UnitKind.LEADERSHIP, UnitKind.UNION]).order_by("path"))


@dataclass
class UnitShare:
    unit: Unit
    state: rules.PlanTaskState
    last_report: PlanTaskReport | None

    @property
    def is_late(self) -> bool:
        return self.state in rules.LATE_STATES

    @property
    def label(self) -> str:
        return pick(rules.PLAN_TASK_STATE_LABELS[self.state])


@dataclass
class TaskProgress:
    task: PlanTask
    shares: list[UnitShare]

    @property
    def late(self) -> list[UnitShare]:
        return [s for s in self.shares if s.is_late]


@dataclass
class PlanProgress:
    plan: Plan
    content: list[TaskProgress]
    # (PlanAssignee, its tasks, the units that now carry on the work of units since merged or abolished)
    sections: list[tuple[object, list[TaskProgress], list[Unit]]]
    late: list[tuple[Unit, list[PlanTask]]]

    @property
    def late_count(self) -> int:
        return sum(len(tasks) for _, tasks in self.late)


def current_unit(unit: Unit, on: date) -> Unit:
    """The unit that carries on `unit`'s work on `on` (its successor after a merger or abolition):
    a plan of 11/2024 names the department inspectorate, abolished on 01/07/2025."""
    seen = set()
    while not unit.is_active_on(on) and unit.successor_id and unit.pk not in seen:
        seen.add(unit.pk)
        unit = unit.successor
    return unit


def responsible_units(task: PlanTask, all_units: list[Unit], on: date | None = None) -> list[Unit]:
    if task.assignee_id is None or task.assignee.all_units:
        return all_units
    units = list(task.assignee.lead_units.all())
    if on is not None:
        units = list({u.pk: u for u in (current_unit(u, on) for u in units)}.values())
    return units


def plan_progress(plan: Plan, *, today: date) -> PlanProgress:
    """Each task's share per responsible unit, its state, and the list of late units ("who is late").
    A fixed number of queries whatever the plan's size."""
    all_units = plan_units(plan.agency, today)
    tasks = list(
        plan.tasks.select_related("assignee").prefetch_related("assignee__lead_units__successor", "coordinating_units")
    )
    latest: dict[tuple[int, int], PlanTaskReport] = {}
    done: dict[tuple[int, int], date] = {}
    for report in PlanTaskReport.objects.filter(task__plan=plan).order_by("reported_on", "id"):
        key = (report.task_id, report.unit_id)
        latest[key] = report
        if report.is_done and key not in done:
            done[key] = report.reported_on
    progress: dict[int, TaskProgress] = {}
    late_by_unit: dict[int, list[PlanTask]] = defaultdict(list)
    units_by_id: dict[int, Unit] = {}
    for task in tasks:
        shares = []
        for unit in responsible_units(task, all_units, today):
            last = latest.get((task.pk, unit.pk))
            state = rules.plan_task_state(
                today=today,
                starts_on=task.starts_on,
                due_on=task.due_on,
                done_on=done.get((task.pk, unit.pk)),
                last_report_on=last.reported_on if last else None,
                report_every_days=task.report_every_days,
            )
            share = UnitShare(unit, state, last)
            shares.append(share)
            if share.is_late:
                late_by_unit[unit.pk].append(task)
                units_by_id[unit.pk] = unit
        progress[task.pk] = TaskProgress(task, shares)
    content = [progress[t.pk] for t in tasks if t.section == "content"]
    sections = []
    for assignee in plan.assignees.prefetch_related("lead_units__successor").order_by("order"):
        leads = [] if assignee.all_units else list(assignee.lead_units.all())
        renamed = [c for u in leads if (c := current_unit(u, today)).pk != u.pk]
        sections.append((assignee, [progress[t.pk] for t in tasks if t.assignee_id == assignee.pk], renamed))
    late = sorted(((units_by_id[uid], ts) for uid, ts in late_by_unit.items()), key=lambda pair: pair[0].path)
    return PlanProgress(plan, content, sections, late)


def plan_tasks_of_unit(unit: Unit, *, today: date) -> list[tuple[Plan, PlanTask, UnitShare]]:
    """Plan tasks the unit must report on, with its share's state (for "my work")."""
    rows = []
    for plan in Plan.objects.filter(agency=unit.agency).select_related("agency"):
        progress = plan_progress(plan, today=today)
        for tp in [*progress.content, *(t for _, ts, _now in progress.sections for t in ts)]:
            for share in tp.shares:
                if share.unit.pk == unit.pk and share.state != rules.PlanTaskState.NOT_STARTED:
                    rows.append((plan, tp.task, share))
    return rows


# --- event periods -----------------------------------------------------------------------------


def periods_visible_to(user) -> QuerySet[EventPeriod]:
    qs = EventPeriod.objects.select_related("plan")
    return qs if _is_staff(user) else qs.none()


@dataclass
class PeriodNow:
    period: EventPeriod
    phase: rules.Phase

    @property
    def phase_label(self) -> str:
        return pick(rules.PHASE_LABELS[self.phase])


@dataclass
class PeriodsOn:
    day: date
    current: list[PeriodNow]
    rules: rules.ActiveRules

    def limiting_period(self, kind: rules.RuleKind) -> EventPeriod | None:
        for item in self.current:
            for rule in item.period.rules.all():
                if rule.kind == kind and item.phase.value in rule.phases:
                    return item.period
        return None


def periods_on(day: date) -> PeriodsOn:
    """The event periods active on `day`, their phase, and the merged rules (two queries)."""
    current = []
    specs = []
    for period in EventPeriod.objects.filter(active=True).prefetch_related("rules"):
        phase = period.phase_on(day)
        if phase is None:
            continue
        current.append(PeriodNow(period, phase))
        specs.append((period.window, [r.spec for r in period.rules.all()]))
    return PeriodsOn(day, current, rules.active_rules(specs, day))


def event_periods_for_monitoring() -> list[dict]:
    """The active event periods in the shape `tiepdan.monitoring.events.EventPeriod` takes: `start`–`end`
    the watched span (before → after), `key_start`–`key_end` the event itself."""
    return [
        {
            "code": p.code,
            "name": p.name,
            "start": p.window.first_day,
            "end": p.window.last_day,
            "key_start": p.starts_on,
            "key_end": p.ends_on,
        }
        for p in EventPeriod.objects.filter(active=True).order_by("starts_on", "id")
    ]


def banner_periods(day: date) -> list[dict]:
    """The event periods active on `day` and their phase, for the banner of every staff page: one small
    indexed query (a period's watch never reaches more than 366 days past its event, rules.check_window)."""
    rows = []
    near = EventPeriod.objects.filter(
        active=True, starts_on__lte=day + timedelta(days=366), ends_on__gte=day - timedelta(days=366)
    ).only("pk", "name", "short_name", "starts_on", "ends_on", "before_days", "after_days")
    for period in near:
        phase = period.phase_on(day)
        if phase is not None:
            rows.append(
                {
                    "name": period.name,
                    "short_name": period.short_name,
                    "phase": phase.value,
                    "url": period.get_absolute_url(),
                }
            )
    return rows


def period_days(period: EventPeriod, kind: rules.RuleKind, *, until: date) -> list[date]:
    """The days (up to `until`) on which `kind` applies in `period`."""
    rule = next((r for r in period.rules.all() if r.kind == kind), None)
    if rule is None:
        return []
    window = period.window
    last = min(window.last_day, until)
    return [
        d for d in rules.days_between(window.first_day, last) if (p := window.phase_on(d)) and p.value in rule.phases
    ]


def working_days(days: list[date]) -> list[date]:
    from tiepdan.deadlines.calendar import working_calendar

    calendar = working_calendar()
    return [d for d in days if calendar.is_working_day(d)]


def missing_situation_reports(period: EventPeriod, unit: Unit | None, *, until: date) -> list[date]:
    if unit is None:
        return []
    required = working_days(period_days(period, rules.RuleKind.DAILY_REPORT, until=until))
    reported = SituationReport.objects.filter(unit=unit, on__in=required).values_list("on", flat=True)
    return rules.missing_days(required, reported)


def roster_gaps(period: EventPeriod, *, until: date) -> list[date]:
    days = period_days(period, rules.RuleKind.DUTY_ROSTER, until=until)
    covered = period.duty_shifts.values_list("on", flat=True)
    return rules.missing_days(days, covered)


def situation_counts(unit: Unit | None, on: date) -> dict[str, int]:
    """Today's figures for the daily report, agency-wide (the advisory unit compiles them)."""
    from zoneinfo import ZoneInfo

    from django.conf import settings

    from tiepdan.letters.models import Letter
    from tiepdan.reception.models import Visit

    tz = ZoneInfo(settings.TIME_ZONE)
    start = datetime.combine(on, datetime.min.time(), tzinfo=tz)
    end = start + timedelta(days=1)
    visits = Visit.objects.filter(received_at__gte=start, received_at__lt=end).aggregate(
        n=Count("id"), mass=Count("id", filter=Q(is_mass=True))
    )
    return {
        "visits": visits["n"],
        "mass_visits": visits["mass"],
        "letters": Letter.objects.filter(received_on=on).count(),
        "escalations": Escalation.objects.filter(reported_at__gte=start, reported_at__lt=end).count(),
    }


# --- assignments -------------------------------------------------------------------------------


def assignments_visible_to(user) -> QuerySet[Assignment]:
    qs = Assignment.objects.select_related(
        "lead_unit", "handler", "handler__staff", "letter", "case", "assigned_by"
    ).prefetch_related("coordinating_units")
    return _scope_any(qs, user, "lead_unit_id", "coordinating_units__id")


def legal_due_of(subject) -> date | None:
    """The earliest open statutory deadline of a letter or case (its legal due date)."""
    from tiepdan.deadlines.models import Deadline, DeadlineStatus

    ct = ContentType.objects.get_for_model(subject)
    due = (
        Deadline.objects.filter(content_type=ct, object_id=subject.pk, status=DeadlineStatus.OPEN, due_on__isnull=False)
        .order_by("due_on")
        .values_list("due_on", flat=True)
        .first()
    )
    return due or getattr(subject, "due_on", None)


def subject_for(user, kind: str, code: str):
    """The letter or case `code` if the user may see it (through the owning app's selector), else None.
    Staff of a coordinating unit may also reach it through the assignment."""
    if kind == "vu-viec":
        from tiepdan.cases.selectors import cases_visible_to

        found = cases_visible_to(user).filter(code=code).first()
        if found is None:
            found = assignments_visible_to(user).filter(case__code=code).select_related("case__unit").first()
            return found.case if found else None
        return found
    if kind == "don":
        from tiepdan.letters.selectors import letters_visible_to

        found = letters_visible_to(user).filter(code=code).first()
        if found is None:
            found = assignments_visible_to(user).filter(letter__code=code).first()
            return found.letter if found else None
        return found
    return None


def unassigned(user, *, limit: int = 50) -> dict[str, list]:
    """Open cases and letters still waiting for an assignment, in the units the user may see."""
    from tiepdan.cases.selectors import cases_visible_to
    from tiepdan.letters.selectors import letters_visible_to, only_open

    # NOT EXISTS rather than an outer join to the assignments: PostgreSQL then plans an anti-join it can
    # estimate, and walks the partial index of open cases (letters) in due order up to the limit instead of
    # joining and sorting all of them.
    cases = (
        cases_visible_to(user)
        .filter(closed_on__isnull=True)
        .filter(~Exists(Assignment.objects.filter(case_id=OuterRef("pk"))))
        .order_by("due_on", "id")
    )
    # Open letters, not "not disposed": a split letter waits for nothing (its parts do), and `<>` reads the
    # whole register where the partial index of open letters reads them in due order.
    letters = (
        only_open(letters_visible_to(user))
        .filter(~Exists(Assignment.objects.filter(letter_id=OuterRef("pk"))))
        .order_by("due_on", "id")
    )
    return {"cases": list(cases[:limit]), "letters": list(letters[:limit])}


# --- escalations and tasks ---------------------------------------------------------------------


def escalations_visible_to(user) -> QuerySet[Escalation]:
    qs = Escalation.objects.select_related(
        "unit", "period", "reported_by", "reported_by__staff", "visit", "letter", "case"
    )
    return _scope_any(qs, user, "unit_id", "directions__tasks__owner_unit_id")


def tasks_visible_to(user) -> QuerySet[Task]:
    qs = Task.objects.select_related(
        "owner_unit",
        "owner",
        "owner__staff",
        "direction__escalation",
        "direction__given_by__staff",
        "response_plan",
        "review",
    )
    extra = Q(owner_id=user.pk) if user.is_authenticated else None
    return _scope_any(
        qs,
        user,
        "owner_unit_id",
        "direction__escalation__unit_id",
        "response_plan__unit_id",
        "review__unit_id",
        extra=extra,
    )


def response_plans_visible_to(user) -> QuerySet[ResponsePlan]:
    qs = ResponsePlan.objects.select_related("unit", "escalation", "approved_by__staff", "created_by__staff")
    return _scope_any(qs, user, "unit_id", "tasks__owner_unit_id")


def reviews_visible_to(user) -> QuerySet[LessonsReview]:
    qs = LessonsReview.objects.select_related("unit", "period", "case")
    return _scope_any(qs, user, "unit_id", "tasks__owner_unit_id")


def mediations_visible_to(user) -> QuerySet[MediationSession]:
    qs = MediationSession.objects.select_related("organiser_unit", "case", "recorded_by__staff")
    return _scope_any(qs, user, "organiser_unit_id", "case__unit_id")


def over_level_visible_to(user) -> QuerySet[OverLevelEvent]:
    qs = OverLevelEvent.objects.select_related("unit", "letter", "case", "returned_letter")
    return _scope_any(qs, user, "unit_id")


def dissemination_visible_to(user) -> QuerySet[DisseminationSession]:
    qs = DisseminationSession.objects.select_related("organiser_unit").prefetch_related("legal_texts")
    return qs if _is_staff(user) else qs.none()


def legal_texts_visible_to(user) -> QuerySet[LegalText]:
    qs = LegalText.objects.select_related("replaced_by").annotate(session_count=Count("sessions"))
    return qs if _is_staff(user) else qs.none()


@dataclass
class OverLevelCounts:
    events: int
    matters: int
    by_level: dict[str, int]
    returned_letters: int


def over_level_counts(user) -> OverLevelCounts:
    """Over-level events counted, and the distinct matters flagged (one query)."""
    rows = list(over_level_visible_to(user).values("level", "letter_id", "case_id", "matter", "returned_letter_id"))
    matters = {(r["case_id"], r["letter_id"]) if (r["case_id"] or r["letter_id"]) else r["matter"] for r in rows}
    by_level: dict[str, int] = defaultdict(int)
    for r in rows:
        by_level[r["level"]] += 1
    return OverLevelCounts(len(rows), len(matters), dict(by_level), sum(1 for r in rows if r["returned_letter_id"]))


def over_level_flags(*, letters=(), cases=()) -> set[tuple[str, int]]:
    """Which of the given letters and cases have gone over-level (for flags on lists)."""
    flags = set()
    letter_ids = [x.pk for x in letters]
    case_ids = [x.pk for x in cases]
    for row in OverLevelEvent.objects.filter(Q(letter_id__in=letter_ids) | Q(case_id__in=case_ids)).values(
        "letter_id", "case_id"
    ):
        if row["letter_id"]:
            flags.add(("letter", row["letter_id"]))
        if row["case_id"]:
            flags.add(("case", row["case_id"]))
    return flags


# --- my work -----------------------------------------------------------------------------------


@dataclass
class MyCoordinationWork:
    today: date
    overdue: list[Task] = field(default_factory=list)
    due_soon: list[Task] = field(default_factory=list)
    open_tasks: list[Task] = field(default_factory=list)
    awaiting_direction: list[Escalation] = field(default_factory=list)
    awaiting_approval: list[ResponsePlan] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    plan_shares: list = field(default_factory=list)
    missing_report_today: bool = False
    unassigned_count: int = 0
    notices: list = field(default_factory=list)
    deadlines: object = None

    @property
    def tasks(self) -> list[Task]:
        return [*self.overdue, *self.due_soon, *self.open_tasks]


def my_tasks(user) -> QuerySet[Task]:
    """Open tasks owned by the user, or by the user's unit without a named owner."""
    staff = staff_of(user)
    condition = Q(owner_id=user.pk)
    if staff is not None:
        condition |= Q(owner__isnull=True, owner_unit_id=staff.unit_id)
    return (
        Task.objects.filter(condition, status=TaskStatus.OPEN)
        .select_related("owner_unit", "owner__staff", "direction__escalation", "response_plan", "review")
        .order_by("due_on", "id")
    )


def my_work(user, *, today: date, periods: PeriodsOn | None = None) -> MyCoordinationWork:
    from tiepdan.deadlines import selectors as deadline_selectors
    from tiepdan.notifications.models import Notification

    work = MyCoordinationWork(today=today)
    for task in my_tasks(user)[:200]:
        state = task.state(today)
        if state == rules.TaskState.OVERDUE:
            work.overdue.append(task)
        elif state == rules.TaskState.DUE_SOON:
            work.due_soon.append(task)
        else:
            work.open_tasks.append(task)
    if has_role(user, Role.LEADERSHIP):
        work.awaiting_direction = list(
            escalations_visible_to(user).filter(status=EscalationStatus.REPORTED).order_by("reported_at")[:50]
        )
        work.awaiting_approval = list(
            response_plans_visible_to(user).filter(status=ResponsePlanStatus.DRAFT).order_by("created_on")[:50]
        )
    work.assignments = list(
        Assignment.objects.filter(handler=user)
        .filter(
            Q(case__closed_on__isnull=True, case__isnull=False)
            | Q(letter__isnull=False, letter__disposed_on__isnull=True)
        )
        .select_related("lead_unit", "case", "letter")
        .order_by("internal_due_on", "id")[:50]
    )
    staff = staff_of(user)
    periods = periods or periods_on(today)
    if staff is not None and periods.rules.daily_report and staff.unit.is_advisory:
        work.missing_report_today = not SituationReport.objects.filter(unit=staff.unit, on=today).exists()
    if has_role(user, Role.UNIT_HEAD, Role.INSPECTION):
        # Awaiting the head's decision: open letters and cases of the unit nobody has been assigned yet.
        pending = unassigned(user, limit=50)
        work.unassigned_count = len(pending["cases"]) + len(pending["letters"])
    work.notices = list(Notification.objects.filter(recipient=user, read_at__isnull=True)[:20])
    work.deadlines = deadline_selectors.my_work(user, today=today)
    return work
