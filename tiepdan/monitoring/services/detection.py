"""Hot-spot detection: build-ups per commune and domain, then per matter; alerts sent once."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from tiepdan.letters.models import Letter
from tiepdan.monitoring import config
from tiepdan.monitoring.events import next_or_current
from tiepdan.monitoring.models import ActionKind, HotSpot, HotSpotAction, HotSpotKind
from tiepdan.monitoring.rules import (
    LEVEL_LABELS,
    OPEN_STATUSES,
    HotSpotStatus,
    Signals,
    Spike,
    detect_spike,
    score_risk,
    should_raise_again,
)
from tiepdan.monitoring.services.common import record_run
from tiepdan.monitoring.services.risk import days_to_event_on, explain
from tiepdan.monitoring.signals import (
    contact_totals,
    daily_contacts,
    letters_between,
    matter_letters,
    tallies,
    visits_between,
)
from tiepdan.notifications.services import notify
from tiepdan.org.models import Domain
from tiepdan.org.roles import Role
from tiepdan.org.selectors import advisory_unit
from tiepdan.people import geo

log = logging.getLogger(__name__)


@dataclass
class Subject:
    kind: str
    key: str
    title: str
    spike: Spike
    letters: Q
    visits: Q
    cases: Q
    commune_code: int | None = None
    domain_id: int | None = None
    letter_id: int | None = None
    people: int = 0


@dataclass
class DetectionResult:
    created: list[HotSpot] = field(default_factory=list)
    updated: int = 0
    notices: int = 0


def alert_recipients() -> list:
    """The leadership and the inspection/advisory staff (plan 2024 §III.2): who gets every alert."""
    return list(
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=[Role.LEADERSHIP.value, Role.INSPECTION.value])
        .distinct()
    )


def _main_unit_id(subject: Subject, first: date, last: date, day: date) -> int | None:
    row = (
        letters_between(first, last)
        .filter(subject.letters)
        .values("unit_id")
        .annotate(n=Count("id"))
        .order_by("-n", "unit_id")
        .first()
    )
    if row is None:
        row = (
            visits_between(first, last)
            .filter(subject.visits)
            .values("unit_id")
            .annotate(n=Count("id"))
            .order_by("-n", "unit_id")
            .first()
        )
    if row is not None:
        return row["unit_id"]
    unit = advisory_unit(day)
    return unit.pk if unit else None


def alert(spot: HotSpot, risk_text: str, *, notify_users: bool) -> int:
    """Notify once: the row is claimed with a conditional UPDATE, the notices carry a unique key."""
    if not notify_users:
        return 0
    if HotSpot.objects.filter(pk=spot.pk, notified_at__isnull=True).update(notified_at=timezone.now()) != 1:
        return 0
    if spot.kind == HotSpotKind.FORECAST:
        body = _(
            "Dự báo ngày %(day)s: khoảng %(expected)s lượt đơn, tiếp công dân trong %(event)s, gấp %(ratio)s lần "
            "mức thường gặp."
        ) % {
            "day": f"{spot.detected_on:%d/%m/%Y}",
            "expected": number_format(spot.expected, decimal_pos=1),
            "event": spot.event_name,
            "ratio": number_format(spot.detail.get("ratio", 0), decimal_pos=1),
        }
    else:
        body = _(
            "Phát hiện ngày %(day)s: %(observed)s lượt đơn, tiếp công dân trong %(days)s ngày (mức thường gặp "
            "khoảng %(expected)s), %(people)s người."
        ) % {
            "day": f"{spot.detected_on:%d/%m/%Y}",
            "observed": spot.observed,
            "days": (spot.window_end - spot.window_start).days + 1,
            "expected": number_format(spot.expected, decimal_pos=1),
            "people": spot.people,
        }
    if risk_text:
        body += " " + _("Yếu tố chính: %(factors)s.") % {"factors": risk_text}
    return notify(
        recipients=alert_recipients(),
        kind="hot_spot",
        title=_("Cảnh báo điểm nóng: %(title)s") % {"title": spot.title},
        body=body,
        link=spot.get_absolute_url(),
        key=f"hot_spot:{spot.code}",
    )


def _raise(subject: Subject, *, day: date, notify_users: bool, result: DetectionResult) -> None:
    spike_config = config.spike_config()
    open_spot = HotSpot.objects.filter(key=subject.key, status__in=list(OPEN_STATUSES)).first()
    if open_spot is not None:
        # Followed, not raised again: the register shows the latest count.
        HotSpot.objects.filter(pk=open_spot.pk).update(last_observed=subject.spike.observed, last_seen_on=day)
        result.updated += 1
        return
    last = HotSpot.objects.filter(key=subject.key).order_by("-detected_on", "-id").first()
    if last is not None and not should_raise_again(
        closed_status=last.status,
        days_since_closed=(day - (last.closed_on or last.detected_on)).days,
        observed_then=max(last.observed, last.last_observed),
        observed_now=subject.spike.observed,
        window_days=spike_config.window_days,
    ):
        return
    first = day - timedelta(days=spike_config.window_days - 1)
    tally = tallies(
        day=day,
        window_days=spike_config.window_days,
        group=(),
        letters=subject.letters,
        visits=subject.visits,
        cases=subject.cases,
    ).get((), None)
    risk = score_risk(tally.signals(days_to_event_on(day)) if tally else Signals(), config.risk_config())
    unit_id = _main_unit_id(subject, first, day, day)
    if unit_id is None:
        log.warning("hot spot %s has no unit to attach to", subject.key)
        return
    event = next_or_current(day, config.event_periods())
    try:
        with transaction.atomic():
            spot = HotSpot.objects.create(
                kind=subject.kind,
                key=subject.key,
                title=subject.title[:255],
                commune_code=subject.commune_code,
                domain_id=subject.domain_id,
                letter_id=subject.letter_id,
                unit_id=unit_id,
                detected_on=day,
                window_start=first,
                window_end=day,
                observed=subject.spike.observed,
                last_observed=subject.spike.observed,
                last_seen_on=day,
                expected=round(subject.spike.expected, 3),
                people=tally.people if tally else 0,
                score=risk.score,
                level=risk.level,
                factors=risk.as_dict()["factors"],
                detail=subject.spike.as_dict(),
                event_code=event.code if event else "",
                event_name=event.name if event else "",
            )
            HotSpotAction.objects.create(
                hot_spot=spot,
                kind=ActionKind.DETECTED,
                on=day,
                to_status=HotSpotStatus.NEW,
                text=_("Tăng đột biến so với %(days)s ngày trước đó; điểm rủi ro %(score)s (%(level)s).")
                % {
                    "days": spike_config.baseline_days,
                    "score": number_format(risk.score, decimal_pos=1),
                    "level": LEVEL_LABELS[risk.level][0],
                },
            )
    except IntegrityError:  # another run raised it first
        return
    if spot.commune_code is not None:
        # A forecast warning on the same commune came first: the two entries point at each other.
        for earlier in HotSpot.objects.filter(
            kind=HotSpotKind.FORECAST, commune_code=spot.commune_code, status__in=list(OPEN_STATUSES)
        ):
            HotSpotAction.objects.create(
                hot_spot=earlier,
                kind=ActionKind.DETECTED,
                on=day,
                text=_("Số liệu thực tế xác nhận: điểm nóng %(code)s (%(title)s).")
                % {"code": spot.code, "title": spot.title},
            )
            HotSpotAction.objects.create(
                hot_spot=spot,
                kind=ActionKind.DETECTED,
                on=day,
                text=_("Đã được dự báo sớm từ ngày %(day)s (điểm nóng %(code)s).")
                % {"day": f"{earlier.detected_on:%d/%m/%Y}", "code": earlier.code},
            )
    result.created.append(spot)
    result.notices += alert(spot, explain(risk), notify_users=notify_users)


def _commune_domain_subjects(day: date) -> list[Subject]:
    spike_config = config.spike_config()
    window_first = day - timedelta(days=spike_config.window_days - 1)
    baseline_last = window_first - timedelta(days=1)
    baseline_first = baseline_last - timedelta(days=spike_config.baseline_days - 1)
    group = ("commune_code", "domain_id")
    totals = contact_totals(window_first, day, group)
    candidates = sorted(
        (k for k, n in totals.items() if n >= spike_config.min_contacts and k[0] is not None),
        key=lambda k: (k[0], k[1] or 0),
    )
    if not candidates:
        return []
    communes = {k[0] for k in candidates}
    scope = Q(commune_code__in=communes)
    daily = daily_contacts(window_first, day, group, letters=scope, visits=scope)
    baseline = contact_totals(baseline_first, baseline_last, group, letters=scope, visits=scope)
    domains = {d.pk: d for d in Domain.objects.filter(pk__in=[k[1] for k in candidates if k[1]])}
    subjects = []
    for commune, domain_id in candidates:
        by_day = daily.get((commune, domain_id), {})
        window = [by_day.get(window_first + timedelta(days=i), 0) for i in range(spike_config.window_days)]
        spike = detect_spike(window, baseline.get((commune, domain_id), 0), config=spike_config)
        if spike is None:
            continue
        domain = domains.get(domain_id)
        where = Q(commune_code=commune) & (Q(domain_id=domain_id) if domain_id else Q(domain__isnull=True))
        subjects.append(
            Subject(
                kind=HotSpotKind.COMMUNE_DOMAIN,
                key=f"cd:{commune}:{domain_id or 0}",
                title=_("%(domain)s tại %(commune)s")
                % {
                    "domain": domain.name if domain else _("Chưa phân loại lĩnh vực"),
                    "commune": geo.commune_name(commune) or commune,
                },
                spike=spike,
                letters=where,
                visits=where,
                cases=where,
                commune_code=commune,
                domain_id=domain_id,
            )
        )
    return subjects


def _matter_subjects(day: date, covered: set[tuple[int | None, int | None]]) -> list[Subject]:
    spike_config = config.spike_config()
    window_first = day - timedelta(days=spike_config.window_days - 1)
    baseline_last = window_first - timedelta(days=1)
    baseline_first = baseline_last - timedelta(days=spike_config.baseline_days - 1)
    counts = matter_letters(window_first, day, at_least=spike_config.matter_min_letters)
    if not counts:
        return []
    roots = list(counts)
    in_matter = Q(id__in=roots) | Q(duplicate_of_id__in=roots)
    baseline = {
        r["root"]: r["n"]
        for r in letters_between(baseline_first, baseline_last)
        .filter(in_matter)
        .annotate(root=Coalesce("duplicate_of_id", "id"))
        .values("root")
        .annotate(n=Count("id"))
    }
    daily: dict[int, dict[date, int]] = {}
    for r in (
        letters_between(window_first, day)
        .filter(in_matter)
        .annotate(root=Coalesce("duplicate_of_id", "id"))
        .values("root", "received_on")
        .annotate(n=Count("id"))
    ):
        daily.setdefault(r["root"], {})[r["received_on"]] = r["n"]
    first_letters = {letter.pk: letter for letter in Letter.objects.filter(pk__in=roots)}
    matter_config = replace(spike_config, min_contacts=spike_config.matter_min_letters)
    subjects = []
    for root in sorted(roots):
        letter = first_letters.get(root)
        if letter is None or (letter.commune_code, letter.domain_id) in covered:
            continue
        window = [daily.get(root, {}).get(window_first + timedelta(days=i), 0) for i in range(spike_config.window_days)]
        spike = detect_spike(window, baseline.get(root, 0), config=matter_config)
        if spike is None:
            continue
        where = Q(id=root) | Q(duplicate_of_id=root)
        subjects.append(
            Subject(
                kind=HotSpotKind.MATTER,
                key=f"m:{root}",
                title=_("Vụ việc %(code)s: %(summary)s") % {"code": letter.code, "summary": letter.summary},
                spike=spike,
                letters=where,
                visits=Q(letters__id=root) | Q(letters__duplicate_of_id=root),
                cases=Q(letter_id=root) | Q(letter__duplicate_of_id=root),
                commune_code=letter.commune_code,
                domain_id=letter.domain_id,
                letter_id=root,
            )
        )
    return subjects


def run_detection(*, day: date, notify_users: bool = True) -> DetectionResult:
    """Flag the build-ups of `day`: per commune and domain, then per matter. Idempotent: an open hot
    spot is followed (its latest count updated), never raised twice; alerts go out once."""
    result = DetectionResult()
    subjects = _commune_domain_subjects(day)
    covered = {(s.commune_code, s.domain_id) for s in subjects}
    covered |= set(
        HotSpot.objects.filter(kind=HotSpotKind.COMMUNE_DOMAIN, status__in=list(OPEN_STATUSES)).values_list(
            "commune_code", "domain_id"
        )
    )
    subjects += _matter_subjects(day, covered)
    for subject in subjects:
        _raise(subject, day=day, notify_users=notify_users, result=result)
    record_run("detection", as_of=day, rows=len(result.created))
    return result
