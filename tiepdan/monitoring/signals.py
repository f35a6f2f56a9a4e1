"""Reads of the source tables (letters, visits, cases, deadlines) for the monitoring jobs: counts per
subject over a window, as of a given day, in a few grouped queries. Never writes.

"As of `day`" matters because the jobs can replay past days (the demo does, and an agency that starts
monitoring can): a letter counts as overdue on `day` when its due date had passed and it had not been
disposed of by then, which the stored dates tell whatever its status today.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce, TruncDate

from tiepdan.cases.models import Case
from tiepdan.deadlines.models import Deadline, DeadlineStatus
from tiepdan.letters.models import Letter
from tiepdan.monitoring import config
from tiepdan.monitoring.models import DailyCount
from tiepdan.monitoring.rules import Signals
from tiepdan.reception.models import Visit

# Letter statuses before disposition; "split" letters are counted through their parts.
OPEN_LETTER_STATUSES = ("registered", "classified")
SPLIT = "split"
COMPLAINT_SECOND = "complaint_second"


def tz() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """Aware datetimes [first 00:00, the day after last 00:00) in the agency's time zone."""
    zone = tz()
    start = datetime.combine(first, time.min, tzinfo=zone)
    return start, datetime.combine(last + timedelta(days=1), time.min, tzinfo=zone)


def letters_between(first: date, last: date) -> QuerySet[Letter]:
    return Letter.objects.filter(received_on__gte=first, received_on__lte=last).exclude(status=SPLIT).order_by()


def visits_between(first: date, last: date) -> QuerySet[Visit]:
    start, end = day_bounds(first, last)
    return Visit.objects.filter(received_at__gte=start, received_at__lt=end).order_by()


def visit_day():
    return TruncDate("received_at", tzinfo=tz())


@dataclass
class Tally:
    """The raw counts of one subject (a commune, a commune and domain, a matter) over a window."""

    contacts: int = 0
    letters: int = 0
    visits: int = 0
    people: int = 0
    repeat: int = 0
    over_level: int = 0
    overdue: int = 0
    sensitive_contacts: int = 0
    mass: int = 0
    complex_cases: int = 0
    second_time: int = 0
    extensions: int = 0
    negative: int = 0

    @property
    def escalation(self) -> int:
        return self.mass + self.complex_cases + self.second_time + self.extensions

    def signals(self, days_to_event: int | None) -> Signals:
        return Signals(
            people=self.people,
            repeat=self.repeat,
            over_level=self.over_level,
            overdue=self.overdue,
            sensitive=(self.sensitive_contacts / self.contacts) if self.contacts else 0.0,
            escalation=self.escalation,
            days_to_event=days_to_event,
            negative=self.negative,
        )


def _grouped(qs: QuerySet, group: tuple[str, ...], **measures) -> Iterable[tuple[tuple, dict]]:
    if not group:
        row = qs.aggregate(**measures)
        yield (), row
        return
    for row in qs.values(*group).annotate(**measures):
        yield tuple(row[g] for g in group), row


def tallies(
    *,
    day: date,
    window_days: int,
    group: tuple[str, ...] = ("commune_code",),
    letters: Q | None = None,
    visits: Q | None = None,
    cases: Q | None = None,
    live: bool = False,
) -> dict[tuple, Tally]:
    """Counts per `group` key (fields common to letters, visits and cases) over the `window_days`
    ending on `day`. `live`: `day` is today, so "open" is read from the status (an indexed column)
    rather than from the dates. Five queries whatever the number of subjects."""
    first = day - timedelta(days=window_days - 1)
    threshold = config.mass_threshold()
    over = config.over_level_channels()
    result: dict[tuple, Tally] = defaultdict(Tally)
    letters_q = letters or Q()
    visits_q = visits or Q()
    cases_q = cases or Q()

    for key, row in _grouped(
        letters_between(first, day).filter(letters_q),
        group,
        n=Count("id"),
        people=Sum("signer_count"),
        repeat=Count("id", filter=Q(duplicate_of__isnull=False)),
        over=Count("id", filter=Q(channel__in=over)),
        sensitive=Count("id", filter=Q(domain__is_sensitive=True)),
        negative=Count("id", filter=(Q(disposition="file") | Q(is_eligible=False)) & Q(disposed_on__lte=day)),
        mass=Count("id", filter=Q(signer_count__gte=threshold)),
    ):
        if not row["n"]:
            continue
        t = result[key]
        t.letters += row["n"]
        t.contacts += row["n"]
        t.people += row["people"] or 0
        t.repeat += row["repeat"]
        t.over_level += row["over"]
        t.sensitive_contacts += row["sensitive"]
        t.negative += row["negative"]
        t.mass += row["mass"]

    for key, row in _grouped(
        visits_between(first, day).filter(visits_q),
        group,
        n=Count("id"),
        people=Sum("head_count"),
        repeat=Count("id", filter=Q(is_repeat=True)),
        sensitive=Count("id", filter=Q(domain__is_sensitive=True)),
        negative=Count("id", filter=Q(outcome="refused")),
        mass=Count("id", filter=Q(is_mass=True)),
    ):
        if not row["n"]:
            continue
        t = result[key]
        t.visits += row["n"]
        t.contacts += row["n"]
        t.people += row["people"] or 0
        t.repeat += row["repeat"]
        t.sensitive_contacts += row["sensitive"]
        t.negative += row["negative"]
        t.mass += row["mass"]

    if live:
        overdue_letters = Letter.objects.filter(status__in=OPEN_LETTER_STATUSES, due_on__lt=day)
    else:
        overdue_letters = Letter.objects.filter(
            received_on__gte=day - timedelta(days=365), received_on__lte=day, due_on__lt=day
        ).filter(Q(disposed_on__isnull=True) | Q(disposed_on__gt=day)).exclude(status=SPLIT)
    for key, row in _grouped(overdue_letters.filter(letters_q).order_by(), group, n=Count("id")):
        if row["n"]:
            result[key].overdue += row["n"]

    open_cases = Case.objects.filter(accepted_on__lte=day).filter(Q(closed_on__isnull=True) | Q(closed_on__gt=day))
    for key, row in _grouped(
        open_cases.filter(cases_q).order_by(),
        group,
        n=Count("id"),
        overdue=Count("id", filter=Q(due_on__lt=day)),
        complex=Count("id", filter=~Q(complexity="none")),
        second=Count("id", filter=Q(track=COMPLAINT_SECOND)),
        extensions=Sum("extensions_used"),
    ):
        if not row["n"]:
            continue
        t = result[key]
        t.overdue += row["overdue"]
        t.complex_cases += row["complex"]
        t.second_time += row["second"]
        t.extensions += row["extensions"] or 0
    return dict(result)


# --- open cases, one by one (the matters at risk) ------------------------------------------------


@dataclass(frozen=True)
class CaseFacts:
    case_id: int
    unit_id: int
    signals_without_event: Signals


def open_case_facts(*, day: date) -> list[CaseFacts]:
    """Every open case with its signals (two queries: the cases with their letters' duplicates, and
    their overdue deadlines)."""
    over = config.over_level_channels()
    threshold = config.mass_threshold()
    case_type = ContentType.objects.get_for_model(Case)
    overdue = dict(
        Deadline.objects.filter(content_type=case_type, status=DeadlineStatus.OPEN, due_on__lt=day)
        .order_by()
        .values("object_id")
        .annotate(n=Count("id"))
        .values_list("object_id", "n")
    )
    rows = (
        Case.objects.filter(closed_on__isnull=True)
        .order_by()
        .values(
            "id", "unit_id", "participant_count", "complexity", "extensions_used", "track", "due_on",
            "domain__is_sensitive", "letter__channel", "letter__signer_count", "letter__disposition",
        )
        .annotate(
            dups=Count("letter__duplicates", distinct=True),
            dup_over=Count("letter__duplicates", filter=Q(letter__duplicates__channel__in=over), distinct=True),
            dup_negative=Count("letter__duplicates", filter=Q(letter__duplicates__disposition="file"), distinct=True),
        )
    )
    facts = []
    for r in rows:
        people = max(r["participant_count"] or 0, r["letter__signer_count"] or 0)
        escalation = (
            {"complex": 1, "especially_complex": 2}.get(r["complexity"], 0)
            + (r["extensions_used"] or 0)
            + (r["track"] == COMPLAINT_SECOND)
            + (people >= threshold)
        )
        overdue_items = overdue.get(r["id"], 0) or int(r["due_on"] is not None and r["due_on"] < day)
        facts.append(
            CaseFacts(
                case_id=r["id"],
                unit_id=r["unit_id"],
                signals_without_event=Signals(
                    people=people,
                    repeat=r["dups"],
                    over_level=int(r["letter__channel"] in over) + r["dup_over"],
                    overdue=overdue_items,
                    sensitive=1.0 if r["domain__is_sensitive"] else 0.0,
                    escalation=escalation,
                    negative=int(r["track"] == COMPLAINT_SECOND) + r["dup_negative"],
                ),
            )
        )
    return facts


# --- daily series ---------------------------------------------------------------------------------


def contact_totals(first: date, last: date, group: tuple[str, ...], *, letters: Q | None = None,
                   visits: Q | None = None) -> dict[tuple, int]:
    """Letters + visits per group key over [first, last] (two queries)."""
    totals: dict[tuple, int] = defaultdict(int)
    for qs in (letters_between(first, last).filter(letters or Q()), visits_between(first, last).filter(visits or Q())):
        for row in qs.values(*group).annotate(n=Count("id")):
            totals[tuple(row[g] for g in group)] += row["n"]
    return dict(totals)


def daily_contacts(first: date, last: date, group: tuple[str, ...], *, letters: Q | None = None,
                   visits: Q | None = None) -> dict[tuple, dict[date, int]]:
    """Letters + visits per group key and day over [first, last] (two queries)."""
    series: dict[tuple, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    letter_rows = letters_between(first, last).filter(letters or Q()).values(*group, "received_on")
    for row in letter_rows.annotate(n=Count("id")):
        series[tuple(row[g] for g in group)][row["received_on"]] += row["n"]
    visit_rows = (
        visits_between(first, last).filter(visits or Q()).annotate(day=visit_day()).values(*group, "day")
        .annotate(n=Count("id"))
    )
    for row in visit_rows:
        series[tuple(row[g] for g in group)][row["day"]] += row["n"]
    return {k: dict(v) for k, v in series.items()}


def matter_letters(first: date, last: date, *, at_least: int = 1) -> dict[int, int]:
    """Letters per matter (the first letter's id: a duplicate counts for the letter it repeats)
    received in [first, last], for the matters with at least `at_least` letters (one query)."""
    rows = (
        letters_between(first, last).annotate(root=Coalesce("duplicate_of_id", "id")).values("root")
        .annotate(n=Count("id")).filter(n__gte=at_least)
    )
    return {row["root"]: row["n"] for row in rows}


def rollup_series(first: date, last: date, dimension: str) -> dict[str, dict[date, int]]:
    """Letters + visits per dimension value and day for the whole agency, from the roll-up (one query)."""
    rows = (
        DailyCount.objects.filter(unit__isnull=True, dimension=dimension, day__gte=first, day__lte=last)
        .values("value", "day")
        .annotate(n=Sum("count"))
        .order_by()
    )
    series: dict[str, dict[date, int]] = defaultdict(dict)
    for row in rows:
        series[row["value"]][row["day"]] = row["n"]
    return dict(series)


def rollup_unit_of(first: date, last: date, dimension: str, value: str) -> int | None:
    """The unit that received most of one series' contacts (the owner of a forecast warning)."""
    row = (
        DailyCount.objects.filter(unit__isnull=False, dimension=dimension, value=value, day__gte=first,
                                  day__lte=last)
        .values("unit_id").annotate(n=Sum("count")).order_by("-n").first()
    )
    return row["unit_id"] if row else None
