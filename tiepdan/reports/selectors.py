"""Reads for the reports: the plain rows the forms are computed from, the accountability facts per unit,
and the scoped lists of reports and checks.

Every gathering is a fixed number of indexed queries whatever the volume (no N+1): letters by their
received date, visits by their time, cases with their step dates aggregated in the database, deadlines
grouped per unit. Only events dated on or before the cut-off are read, so the same period gives the same
figures whenever it is computed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, FilteredRelation, Min, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone

from tiepdan.cases.models import Case, CaseStep, CitizenSatisfaction, SettlementResult
from tiepdan.cases.workflow.results import AMOUNT_KEYS, RESULT_ACTIONS, satisfied_share
from tiepdan.cases.workflow.table import SETTLEMENT_RULE
from tiepdan.deadlines.models import Deadline, DeadlineStatus
from tiepdan.letters.models import Letter
from tiepdan.org.models import Staff, Unit, UnitKind
from tiepdan.org.selectors import active_units, has_role, roles_of, sees_whole_agency, visible_unit_ids
from tiepdan.reception.models import LeaderMode, Visit
from tiepdan.reports import accountability as acc
from tiepdan.reports import forms as f
from tiepdan.reports import workflow as wf
from tiepdan.reports.models import AccountabilityCheck, Report

# The agency's domains (org.Domain codes) → the fields of forms 02–04/XLD; a deployment overrides it
# with settings.TIEPDAN_REPORT_DOMAIN_FIELDS. Domains not listed count as "hành chính khác".
DOMAIN_FIELDS = {
    "dat-dai-xay-dung": "land",
    "can-bo": "civil_service",
}
SETTLEMENT_RULES = frozenset(SETTLEMENT_RULE.values())
SETTLED_ACTIONS = ("decide", "conclude", "answer")
# Channels through which a higher level sends back a matter citizens took over the competent level.
OVER_LEVEL_CHANNELS = ("transferred", "deputy", "press")


def _domain_fields() -> dict[str, str]:
    return {**DOMAIN_FIELDS, **getattr(settings, "TIEPDAN_REPORT_DOMAIN_FIELDS", {})}


def unit_names(unit_ids: Iterable[int] | None = None) -> dict[int, str]:
    qs = Unit.objects.order_by("path")
    if unit_ids is not None:
        qs = qs.filter(id__in=list(unit_ids))
    return dict(qs.values_list("id", "name"))


def _day_bounds(start: date, end: date) -> tuple[dt.datetime, dt.datetime]:
    tz = timezone.get_current_timezone()
    return (
        dt.datetime.combine(start, dt.time.min, tzinfo=tz),
        dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=tz),
    )


# ---------------------------------------------------------------------------------------------
# Rows


def _settled_matters(end: date) -> dict[int, list[date]]:
    """Per matter (the first letter's id): the dates its cases were settled, up to the cut-off."""
    rows = (
        Case.objects.filter(letter__isnull=False)
        .annotate(
            root=Coalesce("letter__duplicate_of_id", "letter_id"),
            settled=Min("steps__on", filter=Q(steps__action__in=SETTLED_ACTIONS, steps__on__lte=end)),
        )
        .filter(settled__isnull=False)
        .values_list("root", "settled")
    )
    settled: dict[int, list[date]] = defaultdict(list)
    for root, day in rows:
        settled[root].append(day)
    return settled


def letter_rows(start: date, end: date, unit_ids: list[int] | None = None) -> list[f.LetterRow]:
    """Letters to handle in the period: received by the cut-off, not handled before the start (2 queries)."""
    # A mixed letter split into parts counts through its parts (each of its own type), never itself.
    qs = Letter.objects.filter(received_on__lte=end).exclude(disposed_on__lt=start).exclude(status="split")
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    fields = _domain_fields()
    settled = _settled_matters(end)
    rows = []
    for (pk, unit_id, received, matter_type, disposition, disposed, eligible, decided, duplicate_of, reply,
         replied, domain, due) in (
        qs.values_list(
            "id", "unit_id", "received_on", "matter_type", "disposition", "disposed_on", "is_eligible",
            "eligibility_decided_on", "duplicate_of_id", "reply_received", "reply_received_on", "domain__code",
            "due_on",
        ).iterator(chunk_size=5000)
    ):
        # As known at the cut-off: an answer or an eligibility decided later does not rewrite the period.
        reply = reply and (replied is None or replied <= end)
        if decided is not None and decided > end:
            eligible = None
        root = duplicate_of or pk
        rows.append(
            f.LetterRow(
                id=pk, unit_id=unit_id, received_on=received, matter_type=matter_type, disposition=disposition,
                disposed_on=disposed, is_eligible=eligible, root_id=root, reply_received=reply,
                field=fields.get(domain, "other_admin") if domain else "other",
                settled_before=sum(1 for day in settled.get(root, ()) if day < received),
                due_on=due,
            )
        )
    return rows


def _reception_sessions_model():
    """The heads' reception sessions (reception app), when that model exists."""
    try:
        from tiepdan.reception.models import ReceptionSession
    except ImportError:  # pragma: no cover - older reception app
        return None
    return ReceptionSession


def _mode(leader_mode: str, host_role: str) -> str:
    if leader_mode == LeaderMode.NONE or not leader_mode:
        return f.REGULAR
    return f.AUTHORIZED if host_role == "deputy_authorized" else f.HEAD


def visit_rows(
    start: date, end: date, unit_ids: list[int] | None = None
) -> tuple[list[f.VisitRow], list[f.SittingRow]]:
    """Visits of the period with their matter key, and the heads' held sittings (2 queries)."""
    low, high = _day_bounds(start, end)
    qs = Visit.objects.filter(received_at__gte=low, received_at__lt=high)
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    session_model = _reception_sessions_model()
    has_session = session_model is not None and any(fl.name == "session" for fl in Visit._meta.get_fields())
    fields = ["id", "unit_id", "received_at", "leader_mode", "host_role", "leader_id", "head_count", "is_mass",
              "is_repeat", "matter_type", "domain_id", "first_citizen"]
    if has_session:
        fields += ["session_id", "session__host_role"]
    tz = timezone.get_current_timezone()
    visits = []
    # A denouncer is no citizen record: the same person is recognised by a blind index (TC-CONFID).
    qs = qs.annotate(
        first_citizen=Min("participants__citizen_id"),
        first_denouncer=Min("denouncers__id_number_index", filter=~Q(denouncers__id_number_index="")),
    )
    fields.append("first_denouncer")
    for row in qs.values(*fields).iterator(chunk_size=5000):
        day = timezone.localtime(row["received_at"], tz).date()
        session_id = row.get("session_id")
        host_role = row.get("session__host_role") or row["host_role"]
        mode = _mode(row["leader_mode"], host_role)
        if session_id:
            sitting = ("session", session_id)
            mode = f.AUTHORIZED if host_role == "deputy_authorized" else f.HEAD
        elif mode != f.REGULAR:
            sitting = ("ad_hoc", day, row["leader_id"])
        else:
            sitting = None
        citizen = row["first_citizen"]
        person = citizen if citizen is not None else row["first_denouncer"]
        matter = ("visit", row["id"]) if person is None else (person, row["matter_type"], row["domain_id"])
        visits.append(
            f.VisitRow(
                id=row["id"], unit_id=row["unit_id"], day=day, mode=mode, head_count=row["head_count"],
                is_mass=row["is_mass"], is_repeat=row["is_repeat"], matter_key=matter, sitting_key=sitting,
            )
        )
    sittings = []
    if session_model is not None:
        sessions = session_model.objects.filter(status="held", planned_on__gte=start, planned_on__lte=end)
        if unit_ids is not None:
            sessions = sessions.filter(unit_id__in=unit_ids)
        for pk, unit_id, day, host_role in sessions.values_list("id", "unit_id", "planned_on", "host_role"):
            mode = f.AUTHORIZED if host_role == "deputy_authorized" else f.HEAD
            sittings.append(f.SittingRow(("session", pk), unit_id, day, mode))
    return visits, sittings


def _settlement_due(end: date, case_ids: Iterable[int] | None = None) -> dict[int, date]:
    """The settlement time limit of each case (KN-T1, KN-T2, KN-DISC-T, TC-T, PAKN-ANSWER), started by the cut-off."""
    ct = ContentType.objects.get_for_model(Case)
    qs = Deadline.objects.filter(content_type=ct, rule_id__in=SETTLEMENT_RULES, start__lte=end, due_on__isnull=False)
    due: dict[int, date] = {}
    for object_id, day in qs.values_list("object_id", "due_on"):
        due[object_id] = max(day, due.get(object_id, day))
    return due


def _settlement_results(end: date, unit_ids: list[int] | None = None) -> dict[int, tuple[str, dict[str, float]]]:
    """Per case: the outcome and the amounts stated by its deciding step dated on or before the cut-off, as they
    stood on the cut-off (one query). A result recorded with a step dated after the cut-off does not exist for
    the period; a correction recorded after the cut-off is not yet known: the values it replaced count, kept
    by the first revision after the cut-off (cases.SettlementResultRevision, ADR 0007)."""
    later = FilteredRelation("revisions", condition=Q(revisions__recorded_on__gt=end))
    qs = SettlementResult.objects.annotate(later=later).filter(
        step__on__lte=end, step__action__in=sorted({a.value for a in RESULT_ACTIONS.values()})
    )
    if unit_ids is not None:
        qs = qs.filter(step__case__unit_id__in=unit_ids)
    fields = ("outcome", *AMOUNT_KEYS)
    rows = qs.order_by("step__on", "step_id", "later__recorded_on", "later__id").values(
        "step__case_id", "later__id", *fields, *(f"later__{name}" for name in fields)
    )
    results: dict[int, tuple[str, dict[str, float]]] = {}
    for row in rows:
        if row["step__case_id"] in results:
            continue  # the first decision counts, as it stood before its first correction after the cut-off
        prefix = "" if row["later__id"] is None else "later__"
        amounts = {key: float(row[prefix + key]) for key in AMOUNT_KEYS if row[prefix + key] is not None}
        results[row["step__case_id"]] = (row[prefix + "outcome"], amounts)
    return results


def case_rows(end: date, unit_ids: list[int] | None = None) -> list[f.CaseRow]:
    """Every case with the dates of its steps up to the cut-off, aggregated in one query (+1 for deadlines, +1
    for the settlement results)."""

    def first(*actions: str):
        return Min("steps__on", filter=Q(steps__action__in=actions, steps__on__lte=end))

    qs = Case.objects.all()
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=unit_ids)
    qs = qs.annotate(
        opened=first("open"),
        accepted=first("accept"),
        settled=first(*SETTLED_ACTIONS),
        ended=first("terminate"),
        in_effect=first("record_legal_effect"),
        enforced=first("record_enforcement"),
        concluded=first("conclude"),
        handled=first("handle_conclusion"),
        duplicates=Count(
            "letter__duplicates", filter=Q(letter__duplicates__received_on__lte=end), distinct=True
        ),
    ).filter(opened__isnull=False)
    due = _settlement_due(end)
    results = _settlement_results(end, unit_ids)
    rows = []
    for r in qs.values(
        "id", "unit_id", "track", "opened", "accepted", "settled", "ended", "in_effect", "enforced", "concluded",
        "handled", "duplicates", "letter_id",
    ):
        # Petitions and feedback are taken up when received (no acceptance decision, Law 42 Art 28).
        accepted = r["opened"] if r["track"] == "petition" else r["accepted"]
        outcome, amounts = results.get(r["id"], ("", {}))
        rows.append(
            f.CaseRow(
                id=r["id"], unit_id=r["unit_id"], track=r["track"], accepted_on=accepted, settled_on=r["settled"],
                ended_on=r["ended"], letters=(1 if r["letter_id"] else 0) + r["duplicates"],
                settlement_due=due.get(r["id"]), in_effect_on=r["in_effect"], enforced_on=r["enforced"],
                concluded_on=r["concluded"], conclusion_handled_on=r["handled"], outcome=outcome, amounts=amounts,
            )
        )
    return rows


# ---------------------------------------------------------------------------------------------
# Forms


def compute_forms(start: date, end: date, unit_ids: list[int] | None = None) -> dict[str, f.FormTable]:
    """Every statistical form of the period as of its cut-off `end` (a fixed number of queries)."""
    units = unit_names()
    letters = letter_rows(start, end, unit_ids)
    visits, sittings = visit_rows(start, end, unit_ids)
    cases = case_rows(end, unit_ids)
    kw = {"start": start, "end": end, "units": units}
    # Cases record their settlement results (cases.SettlementResult): the analysis and amount columns are
    # real figures; a decision without a result (taken before results were recorded) is noted by the form.
    tables = [
        f.form_01_tcd(visits, sittings, **kw),
        f.form_01_xld(letters, **kw),
        f.form_02_xld(letters, **kw),
        f.form_03_xld(letters, **kw),
        f.form_04_xld(letters, **kw),
        f.form_complaint_settlement(cases, **kw, recorded=True),
        f.form_denunciation_settlement(cases, **kw, recorded=True),
        f.form_enforcement(cases, **kw, recorded=True),
    ]
    return {t.code: t for t in tables}


def figures_of(forms: dict[str, f.FormTable]) -> dict[str, dict]:
    return {code: table.to_dict() for code, table in forms.items()}


def tables_of(figures: dict[str, dict]) -> dict[str, f.FormTable]:
    return {code: f.FormTable.from_dict(data) for code, data in figures.items()}


@dataclass(frozen=True)
class Difference:
    form: str
    row: str
    column: str
    stored: float
    computed: float


def compare_figures(stored: dict[str, dict], computed: dict[str, dict]) -> list[Difference]:
    """Cell-by-cell differences between two sets of figures (empty: the same numbers)."""
    differences = []
    for code, old in stored.items():
        new = computed.get(code)
        if new is None:
            differences.append(Difference(code, "", "", 0, 0))
            continue
        old_rows = {r["label"]: r["values"] for r in old["rows"]}
        new_rows = {r["label"]: r["values"] for r in new["rows"]}
        headings = [f.Column(c["number"], c["label"], tuple(c["group"])).heading for c in old["columns"]]
        for label in sorted(set(old_rows) | set(new_rows)):
            a = old_rows.get(label, [0] * len(headings))
            b = new_rows.get(label, [0] * len(headings))
            for heading, x, y in zip(headings, a, b, strict=False):
                if x != y:
                    differences.append(Difference(code, label, heading, x, y))
    return differences


# ---------------------------------------------------------------------------------------------
# Notable matters and hot spots (the narrative's facts, kept with each version)


def notable_facts(start: date, end: date, *, limit: int = 10) -> dict:
    """Mass visits, mass letters and complex cases of the period (as of the cut-off), and hot spots."""
    threshold = settings.TIEPDAN_MASS_THRESHOLD
    low, high = _day_bounds(start, end)
    mass_visits = [
        {
            "code": v["code"], "day": timezone.localtime(v["received_at"]).date().isoformat(),
            "people": v["head_count"], "content": v["content"][:300], "unit": v["unit__name"],
        }
        for v in Visit.objects.filter(received_at__gte=low, received_at__lt=high, is_mass=True)
        .order_by("-head_count", "received_at", "id")
        .values("code", "received_at", "head_count", "content", "unit__name")[:limit]
    ]
    mass_letters = [
        {"code": c, "day": d.isoformat(), "people": n, "content": s[:300], "unit": u}
        for c, d, n, s, u in Letter.objects.filter(
            received_on__gte=start, received_on__lte=end, signer_count__gte=threshold
        )
        .order_by("-signer_count", "received_on", "id")
        .values_list("code", "received_on", "signer_count", "summary", "unit__name")[:limit]
    ]
    complex_ids = CaseStep.objects.filter(action="determine_complexity", on__lte=end).values("case_id")
    complex_cases = [
        {"code": c, "title": t[:300], "unit": u, "people": n}
        for c, t, u, n in Case.objects.filter(id__in=complex_ids)
        .exclude(closed_on__lt=start)
        .order_by("-participant_count", "accepted_on", "id")
        .values_list("code", "title", "unit__name", "participant_count")[:limit]
    ]
    counts = {
        "mass_visits": Visit.objects.filter(received_at__gte=low, received_at__lt=high, is_mass=True).count(),
        "mass_letters": Letter.objects.filter(
            received_on__gte=start, received_on__lte=end, signer_count__gte=threshold
        ).count(),
        "complex_cases": Case.objects.filter(id__in=complex_ids).exclude(closed_on__lt=start).count(),
    }
    return {
        "mass_visits": mass_visits, "mass_letters": mass_letters, "complex_cases": complex_cases,
        "counts": counts, "hot_spots": hot_spots(start, end),
    }


def hot_spots(start: date, end: date, *, limit: int = 10) -> list[dict] | None:
    """Hot spots of the monitoring app open during the period, as they stood at the cut-off; None when the
    monitoring app keeps no register, so the report says the source is missing."""
    try:
        from tiepdan.monitoring.models import HotSpot
    except ImportError:  # pragma: no cover - deployments without the monitoring app
        return None
    rows = (
        HotSpot.objects.filter(detected_on__lte=end)
        .exclude(status="dismissed")
        .exclude(closed_on__lt=start)
        .order_by("-score", "detected_on", "id")
        .values("code", "title", "detected_on", "closed_on", "people", "observed", "event_name")[:limit]
    )
    spots = []
    for row in rows:
        state = "đã ổn định" if row["closed_on"] and row["closed_on"] <= end else "đang theo dõi, xử lý"
        people = f", {row['people']} người" if row["people"] else ""
        spots.append({
            "code": row["code"], "title": row["title"], "detected_on": row["detected_on"].isoformat(),
            "summary": f"phát hiện ngày {row['detected_on']:%d/%m/%Y}, {row['observed']} lượt{people}; {state}",
        })
    return spots


def event_period_names() -> list[str]:
    """Names of the coordination app's event periods, offered when a daily or weekly report is opened."""
    try:
        from tiepdan.coordination.models import EventPeriod
    except ImportError:  # pragma: no cover - deployments without the coordination app
        return []
    return list(EventPeriod.objects.filter(active=True).order_by("-starts_on").values_list("name", flat=True)[:20])


def _over_level_counts(ids: list[int], start: date, end: date) -> dict[int, int] | None:
    """Over-level matters recorded in the coordination app's register, per unit; None without that register."""
    try:
        from tiepdan.coordination.models import OverLevelEvent
    except ImportError:  # pragma: no cover
        return None
    return dict(
        OverLevelEvent.objects.filter(unit_id__in=ids, occurred_on__gte=start, occurred_on__lte=end)
        .values("unit_id").annotate(n=Count("id")).order_by().values_list("unit_id", "n")
    )


# ---------------------------------------------------------------------------------------------
# Accountability of unit heads

ACCOUNTABLE_KINDS = (UnitKind.LEADERSHIP, UnitKind.OFFICE, UnitKind.INSPECTORATE, UnitKind.DIVISION,
                     UnitKind.PUBLIC_SERVICE)


def _heads(unit_ids: list[int]) -> dict[int, Staff]:
    heads: dict[int, Staff] = {}
    staff_rows = Staff.objects.filter(unit_id__in=unit_ids, position__is_head=True).select_related("position")
    for staff in staff_rows.order_by("id"):
        heads.setdefault(staff.unit_id, staff)
    return heads


def accountability_facts(start: date, end: date, unit_ids: list[int] | None = None) -> list[acc.UnitFacts]:
    """The facts of every unit (or of `unit_ids`) for the period, as of the cut-off; about ten queries."""
    from tiepdan.legal.reception import required_head_reception_days

    units = active_units(end).filter(kind__in=ACCOUNTABLE_KINDS).order_by("path")
    if unit_ids is not None:
        units = units.filter(id__in=unit_ids)
    units = list(units.values_list("id", "name", "code"))
    ids = [u for u, _, _ in units]
    heads = _heads(ids)
    threshold = settings.TIEPDAN_MASS_THRESHOLD
    in_period = Q(received_on__gte=start, received_on__lte=end)
    not_handled = Q(received_on__lte=end) & (Q(disposed_on__isnull=True) | Q(disposed_on__gt=end))
    handled = Q(disposed_on__gte=start, disposed_on__lte=end) & ~Q(disposition="")
    letters = {
        row["unit_id"]: row
        for row in Letter.objects.filter(unit_id__in=ids).exclude(status="split")
        .values("unit_id")
        .annotate(
            handled=Count("id", filter=handled),
            on_time=Count("id", filter=handled & (Q(due_on__isnull=True) | Q(disposed_on__lte=F("due_on")))),
            overdue=Count("id", filter=not_handled & Q(due_on__lt=end)),
            backlog=Count("id", filter=not_handled),
            repeat=Count("id", filter=in_period & Q(duplicate_of__isnull=False)),
            over_level=Count("id", filter=in_period & Q(channel__in=OVER_LEVEL_CHANNELS)),
            mass=Count("id", filter=in_period & Q(signer_count__gte=threshold)),
        )
        .order_by()
    }
    ct = ContentType.objects.get_for_model(Case)
    overdue_cases = dict(
        Deadline.objects.filter(content_type=ct, unit_id__in=ids, start__lte=end, due_on__lt=end)
        .filter(Q(met_on__isnull=True, status=DeadlineStatus.OPEN) | Q(met_on__gt=end))
        .values("unit_id")
        .annotate(n=Count("object_id", distinct=True))
        .order_by()
        .values_list("unit_id", "n")
    )
    cases: dict[int, list[f.CaseRow]] = defaultdict(list)
    for row in case_rows(end, ids):
        cases[row.unit_id].append(row)
    reception = _reception_days(heads, start, end)
    over_level = _over_level_counts(ids, start, end)
    satisfaction = _satisfaction(ids, start, end)
    facts = []
    for unit_id, name, code in units:
        head = heads.get(unit_id)
        letter = letters.get(unit_id, {})
        unit_cases = [c for c in cases.get(unit_id, []) if c.accepted_on is not None and c.accepted_on <= end]
        settled = [c for c in unit_cases if (d := c.closed_by(end)) is not None and d >= start]
        on_time = [c for c in settled if c.settlement_due is None or c.closed_by(end) <= c.settlement_due]
        compliance = None
        rule = head.position.reception_rule if head and head.position else ""
        if rule:
            quota = required_head_reception_days(rule)
            compliance = acc.reception_compliance(
                quota.rule_id, quota.days, quota.per.value, reception.get(head.position_id, []), start, end
            )
        facts.append(
            acc.UnitFacts(
                unit_id=unit_id, unit_name=name, unit_code=code, head_name=head.full_name if head else "",
                letters_handled=letter.get("handled", 0), letters_on_time=letter.get("on_time", 0),
                cases_settled=len(settled), cases_on_time=len(on_time),
                letters_overdue=letter.get("overdue", 0), cases_overdue=overdue_cases.get(unit_id, 0),
                letters_backlog=letter.get("backlog", 0),
                cases_backlog=sum(1 for c in unit_cases if c.closed_by(end) is None),
                repeat_letters=letter.get("repeat", 0),
                over_level=letter.get("over_level", 0) if over_level is None else over_level.get(unit_id, 0),
                mass_matters=letter.get("mass", 0), reception=compliance,
                satisfaction=satisfied_share(satisfaction.get(unit_id, [])),
                satisfaction_answers=len(satisfaction.get(unit_id, [])),
            )
        )
    return facts


def _satisfaction(unit_ids: list[int], start: date, end: date) -> dict[int, list[str]]:
    """Per unit: what the citizens said of the results, one answer per case (its last one dated within the
    period); records dated outside the period do not count (one query)."""
    latest: dict[int, tuple[int, str]] = {}
    for unit_id, case_id, level in (
        CitizenSatisfaction.objects.filter(case__unit_id__in=unit_ids, on__gte=start, on__lte=end)
        .order_by("case_id", "on", "id")
        .values_list("case__unit_id", "case_id", "level")
    ):
        latest[case_id] = (unit_id, level)
    levels: dict[int, list[str]] = defaultdict(list)
    for unit_id, level in latest.values():
        levels[unit_id].append(level)
    return levels


def _reception_days(heads: dict[int, Staff], start: date, end: date) -> dict[int, list[date]]:
    """Days each head's position received citizens in person (held, host role head: TCD-NODELEG)."""
    model = _reception_sessions_model()
    positions = {h.position_id for h in heads.values() if h.position and h.position.reception_rule}
    days: dict[int, list[date]] = defaultdict(list)
    if model is None or not positions:
        return days
    for position_id, day in model.objects.filter(
        position_id__in=positions, status="held", host_role="head", planned_on__gte=start, planned_on__lte=end
    ).values_list("position_id", "planned_on"):
        days[position_id].append(day)
    return days


@dataclass
class DrillDown:
    overdue_letters: list
    backlog_cases: list
    overdue_deadlines: list
    repeat_letters: list


def unit_drilldown(unit: Unit, start: date, end: date, *, limit: int = 100) -> DrillDown:
    """The items behind a unit's figures, each list one query (the page links to each letter and case)."""
    not_handled = Q(received_on__lte=end) & (Q(disposed_on__isnull=True) | Q(disposed_on__gt=end))
    letters = Letter.objects.filter(unit=unit).select_related("domain")
    ct = ContentType.objects.get_for_model(Case)
    open_at_cutoff = Q(met_on__isnull=True, status=DeadlineStatus.OPEN) | Q(met_on__gt=end)
    overdue_deadlines = list(
        Deadline.objects.filter(content_type=ct, unit=unit, start__lte=end, due_on__lt=end)
        .filter(open_at_cutoff).order_by("due_on", "id")[:limit]
    )
    case_codes = dict(Case.objects.filter(id__in=[d.object_id for d in overdue_deadlines]).values_list("id", "code"))
    for d in overdue_deadlines:
        d.case_code = case_codes.get(d.object_id, "")
    backlog = (
        Case.objects.filter(unit=unit, accepted_on__lte=end)
        .exclude(closed_on__lte=end)
        .order_by("due_on", "id")[:limit]
    )
    return DrillDown(
        overdue_letters=list(letters.filter(not_handled, due_on__lt=end).order_by("due_on", "id")[:limit]),
        backlog_cases=list(backlog),
        overdue_deadlines=overdue_deadlines,
        repeat_letters=list(
            letters.filter(received_on__gte=start, received_on__lte=end, duplicate_of__isnull=False)
            .order_by("-received_on", "id")[:limit]
        ),
    )


# ---------------------------------------------------------------------------------------------
# Scoped lists


def can_read_reports(user) -> bool:
    return bool({r.value for r in roles_of(user)} & (wf.READER_ROLES | wf.UNIT_ROLES))


def sees_all_reports(user) -> bool:
    """The whole report (every unit's figures, the narrative, the files): agency-wide roles only."""
    return bool({r.value for r in roles_of(user)} & wf.READER_ROLES) and sees_whole_agency(user)


def reports_visible_to(user) -> QuerySet[Report]:
    if not user.is_authenticated or not can_read_reports(user):
        return Report.objects.none()
    return Report.objects.select_related("unit")


def contribution_units_for(user) -> QuerySet[Unit]:
    """Units whose part of a report the user may write: their own unit (and sub-units)."""
    if not {r.value for r in roles_of(user)} & wf.UNIT_ROLES:
        return Unit.objects.none()
    ids = visible_unit_ids(user)
    if ids is None:  # agency-wide (inspection): every unit
        return Unit.objects.all()
    return Unit.objects.filter(id__in=ids)


def checks_visible_to(user) -> QuerySet[AccountabilityCheck]:
    """Inspection records: agency-wide roles see all; a unit head sees the checks of their own unit."""
    qs = AccountabilityCheck.objects.select_related("unit", "head")
    if not user.is_authenticated:
        return qs.none()
    if sees_all_reports(user):
        return qs
    if not has_role(user, "unit_head"):
        return qs.none()
    ids = visible_unit_ids(user) or []
    return qs.filter(unit_id__in=ids)


def checks_with_progress(user) -> QuerySet[AccountabilityCheck]:
    """The visible checks with their number of measures and of measures done (one query)."""
    return checks_visible_to(user).annotate(
        measures_total=Count("measures"), measures_done=Count("measures", filter=Q(measures__status="done"))
    )


def accountability_units_for(user) -> list[int] | None:
    """None: every unit; otherwise the units whose accountability figures the user may see."""
    if sees_all_reports(user):
        return None
    if has_role(user, "unit_head"):
        return visible_unit_ids(user) or []
    return []
