"""Writes of plans (progress reports) and event periods (rules, roster, daily reports)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from auditlog.context import set_actor
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tiepdan.coordination import policies, rules, selectors
from tiepdan.coordination.models import (
    DutyShift,
    EventPeriod,
    PeriodRule,
    PlanTask,
    PlanTaskReport,
    SituationReport,
)
from tiepdan.coordination.services.common import (
    Refused,
    _require,
    _text,
    leadership_users,
)
from tiepdan.notifications.services import notify
from tiepdan.org.models import Unit
from tiepdan.org.selectors import staff_of

# =============================================================================================
# Plans


@transaction.atomic
def report_plan_progress(
    *, task: PlanTask, unit: Unit, actor, on: date, progress: int, text: str, is_done: bool = False
) -> PlanTaskReport:
    """A unit reports on its share of a plan task (the inspection unit may report for any unit)."""
    _require(policies.may_report_plan_progress(actor, unit.pk))
    units = selectors.responsible_units(task, selectors.plan_units(task.plan.agency, on), on)
    if unit.pk not in {u.pk for u in units}:
        raise Refused(_("Nhiệm vụ này không giao cho đơn vị được chọn."), field="unit")
    if not 0 <= progress <= 100:
        raise Refused(_("Tiến độ phải từ 0 đến 100%."), field="progress")
    if is_done and progress < 100:
        progress = 100
    text = _text(text, "text", _("Cần ghi kết quả thực hiện."))
    with set_actor(actor):
        return PlanTaskReport.objects.create(
            task=task, unit=unit, reported_on=on, progress=progress, text=text, is_done=is_done, reported_by=actor
        )


# =============================================================================================
# Event periods


def _period_code(short_name: str) -> str:
    from django.utils.text import slugify

    from tiepdan.text.normalize import fold

    base = slugify(fold(short_name))[:30] or "dot"
    code, n = base, 1
    while EventPeriod.objects.filter(code=code).exists():
        n += 1
        code = f"{base}-{n}"
    return code


@transaction.atomic
def create_period(
    *,
    agency,
    actor,
    name: str,
    short_name: str,
    starts_on: date,
    ends_on: date,
    before_days: int = 0,
    after_days: int = 0,
    scope: str = "",
    plan=None,
    source: str = "",
    code: str = "",
) -> EventPeriod:
    _require(policies.may_manage_periods(actor))
    try:
        rules.check_window(starts_on, ends_on, before_days, after_days)
    except rules.RuleError as exc:
        raise Refused.from_rule(exc, "ends_on") from None
    with set_actor(actor):
        return EventPeriod.objects.create(
            agency=agency,
            code=code or _period_code(short_name),
            name=_text(name, "name", _("Cần nhập tên đợt.")),
            short_name=_text(short_name, "short_name", _("Cần nhập tên ngắn.")),
            starts_on=starts_on,
            ends_on=ends_on,
            before_days=before_days,
            after_days=after_days,
            scope=scope,
            plan=plan,
            source=source,
        )


@transaction.atomic
def set_period_rule(
    *, period: EventPeriod, actor, kind: str, phases: Iterable[str], value: int | None = None, note: str = ""
) -> PeriodRule:
    """Switch a rule on for some phases of the period (a second call replaces the first)."""
    _require(policies.may_manage_periods(actor))
    kind = rules.RuleKind(kind)
    phases = sorted({rules.Phase(p).value for p in phases}, key=[p.value for p in rules.ALL_PHASES].index)
    if not phases:
        raise Refused(_("Chọn ít nhất một giai đoạn áp dụng."), field="phases")
    try:
        value = rules.check_rule_value(kind, value)
    except rules.RuleError as exc:
        raise Refused.from_rule(exc, "value") from None
    with set_actor(actor):
        rule, _created = PeriodRule.objects.update_or_create(
            period=period, kind=kind, defaults={"phases": phases, "value": value, "note": note}
        )
    return rule


@transaction.atomic
def add_duty_shift(*, period: EventPeriod, actor, on: date, kind: str, staff, phone: str = "") -> DutyShift:
    _require(policies.may_manage_roster(actor))
    window = period.window
    if window.phase_on(on) is None:
        raise Refused(
            _("Ngày trực phải trong thời gian của đợt (%(first)s – %(last)s).")
            % {"first": f"{window.first_day:%d/%m/%Y}", "last": f"{window.last_day:%d/%m/%Y}"},
            field="on",
        )
    if staff.unit.agency_id != period.agency_id:
        raise Refused(_("Cán bộ trực phải thuộc Sở."), field="staff")
    with set_actor(actor):
        try:
            with transaction.atomic():
                return DutyShift.objects.create(
                    period=period, on=on, kind=kind, staff=staff, phone=phone.strip() or staff.phone, created_by=actor
                )
        except IntegrityError:
            raise Refused(_("Cán bộ này đã có trong lịch trực ngày đó."), field="staff") from None


@transaction.atomic
def submit_situation_report(
    *,
    actor,
    on: date,
    summary: str,
    hot_spots: str = "",
    visits: int = 0,
    mass_visits: int = 0,
    letters: int = 0,
    escalations: int = 0,
) -> SituationReport:
    """The daily situation report of the actor's unit (one a day; the inspection compiles it)."""
    _require(policies.may_submit_situation_report(actor))
    staff = staff_of(actor)
    summary = _text(summary, "summary", _("Cần ghi tình hình chung trong ngày."))
    if min(visits, mass_visits, letters, escalations) < 0:
        raise Refused(_("Số liệu không được âm."), field="visits")
    if mass_visits > visits:
        raise Refused(_("Số đoàn đông người không được lớn hơn số lượt tiếp."), field="mass_visits")
    with set_actor(actor):
        try:
            with transaction.atomic():
                report = SituationReport.objects.create(
                    unit=staff.unit,
                    on=on,
                    summary=summary,
                    hot_spots=hot_spots.strip(),
                    visits=visits,
                    mass_visits=mass_visits,
                    letters=letters,
                    escalations=escalations,
                    submitted_by=actor,
                )
        except IntegrityError:
            raise Refused(
                _("Đơn vị đã gửi báo cáo ngày %(day)s.") % {"day": f"{on:%d/%m/%Y}"}, field="on"
            ) from None
    notify(
        recipients=leadership_users(),
        kind="situation_report",
        title=f"Báo cáo tình hình ngày {on:%d/%m/%Y} — {staff.unit.name}",
        body=summary[:500],
        key=f"situation:{report.pk}",
        link=reverse("coordination:situation_reports"),
    )
    return report
