"""Reads of citizen records: who may see which record, search, and the citizen's whole history."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from auditlog.models import LogEntry
from django.db.models import Count, Max, Prefetch, Q, QuerySet

from tiepdan.common.choices import MatterType
from tiepdan.org.selectors import staff_of, visible_unit_ids
from tiepdan.people.identity import Identity
from tiepdan.people.models import Citizen
from tiepdan.people.policies import sees_all_citizens, sees_denouncer_identity
from tiepdan.text.normalize import digits, fold


def citizens_visible_to(user, *, include_merged: bool = False) -> QuerySet[Citizen]:
    """The records a user may open.

    The reception desk and the agency-wide roles see every record (a returning citizen must be found
    whatever unit handled them before); any other staff sees the people of the visits and letters of
    their own units only (Law 42/2013 Art 25: a citizen's personal data is kept confidential).
    """
    if not user.is_authenticated or (staff_of(user) is None and not user.is_superuser):
        return Citizen.objects.none()
    qs = Citizen.objects.all() if include_merged else Citizen.objects.filter(merged_into__isnull=True)
    if sees_all_citizens(user):
        return qs
    units = visible_unit_ids(user) or []
    via_visits = Citizen.objects.filter(visit_participations__visit__unit_id__in=units).values("pk")
    via_letters = Citizen.objects.filter(letter_links__letter__unit_id__in=units).values("pk")
    return qs.filter(Q(pk__in=via_visits) | Q(pk__in=via_letters))


def search_citizens(qs: QuerySet[Citizen], query: str) -> QuerySet[Citizen]:
    """Accent-insensitive search by name, or by the start of an ID number, or by part of a phone."""
    query = query.strip()
    if not query:
        return qs
    number = digits(query)
    condition = Q(search_name__contains=fold(query))
    if number and len(number) >= 4:
        condition |= Q(id_number__startswith=number) | Q(search_phone__contains=number)
    return qs.filter(condition)


def _phone_forms(phone: str) -> list[str]:
    """The digits of a phone as a citizen record may store them: "+84 912…" and "0912…" are one number."""
    number = digits(phone or "")
    if len(number) < 8:
        return []
    if number.startswith("84") and len(number) == 11:
        number = "0" + number[2:]
    return [number, "84" + number[1:]] if number.startswith("0") else [number]


def same_person_q(people: Iterable[Identity], prefix: str = "") -> Q | None:
    """A filter on citizen records (through `prefix`, e.g. "citizen__") sharing a key with one of these
    people: the ID number, the phone, or the folded name together with the commune (a name alone is not
    a person). The plain-record side of people.identity.blind_keys, on the indexed columns, so that a
    returning person is recognised whether the earlier record is plain or protected."""
    condition = Q()
    for person in people:
        if number := digits(person.id_number or ""):
            condition |= Q(**{f"{prefix}id_number": number})
        if phones := _phone_forms(person.phone):
            condition |= Q(**{f"{prefix}search_phone__in": phones})
        if (name := fold(person.full_name or "")) and person.commune_code:
            condition |= Q(**{f"{prefix}search_name": name, f"{prefix}commune_code": person.commune_code})
    return condition or None


def lookup_returning_citizens(user, query: str, *, limit: int = 5) -> list[Citizen]:
    """Returning citizens for the reception desk, by ID number or phone (at least 4 digits) or by name
    (at least 3 letters), each with the number and date of their earlier visits and letters.

    One query for the citizens with their counts, one for their last visits (whatever `limit`).
    """
    query = query.strip()
    number = digits(query)
    if len(number) < 4 and len(fold(query)) < 3:
        return []
    from tiepdan.reception.models import VisitParticipant  # the desk's history: read-only, upward

    qs = (
        search_citizens(citizens_visible_to(user), query)
        .annotate(
            visit_count=Count("visit_participations", distinct=True),
            letter_count=Count("letter_links", distinct=True),
            last_visit_at=Max("visit_participations__visit__received_at"),
        )
        .order_by("-last_visit_at", "search_name", "pk")
        .prefetch_related(
            Prefetch(
                "visit_participations",
                queryset=VisitParticipant.objects.select_related("visit").order_by("-visit__received_at"),
                to_attr="recent_participations",
            )
        )
    )
    citizens = list(qs[:limit])
    reveal = sees_denouncer_identity(user)
    for citizen in citizens:
        citizen.recent_visits = [
            p.visit for p in citizen.recent_participations[:3] if reveal or not p.visit.is_denunciation
        ]
    return citizens


@dataclass
class CitizenHistory:
    citizen: Citizen
    merged_records: list[Citizen]
    visits: list = field(default_factory=list)
    letters: list = field(default_factory=list)
    cases: list = field(default_factory=list)
    hidden_denunciations: int = 0
    changes: list = field(default_factory=list)  # auditlog entries: previous values are never lost


def citizen_history(user, citizen: Citizen) -> CitizenHistory:
    """All the visits, letters and cases of a citizen (and of the records merged into theirs) that the
    user may see, in a fixed number of queries whatever their number.

    Denunciations are left out, and only counted, for users who may not see a denouncer's identity
    (TC-CONFID): listing them on a person's page would disclose who denounced.
    """
    # The citizen page is the one place `people` reads the apps above it (their selectors, read-only).
    from tiepdan.cases.selectors import cases_visible_to
    from tiepdan.letters.selectors import letters_visible_to
    from tiepdan.reception.selectors import visits_visible_to

    merged = list(Citizen.objects.filter(merged_into=citizen).order_by("pk"))
    ids = [citizen.pk, *(m.pk for m in merged)]
    visits = visits_visible_to(user).filter(pk__in=_ids_of("reception.VisitParticipant", "visit_id", ids))
    letters = letters_visible_to(user).filter(pk__in=_ids_of("letters.LetterSender", "letter_id", ids))
    cases = cases_visible_to(user).filter(
        letter_id__in=_ids_of("letters.LetterSender", "letter_id", ids)
    ).order_by("-accepted_on", "-id")
    hidden = 0
    if not sees_denouncer_identity(user):
        denunciation = MatterType.DENUNCIATION
        counts = {
            "visits": visits.filter(matter_type=denunciation).count(),
            "letters": letters.filter(matter_type=denunciation).count(),
        }
        hidden = sum(counts.values())
        visits = visits.exclude(matter_type=denunciation)
        letters = letters.exclude(matter_type=denunciation)
        cases = cases.exclude(track="denunciation")
    return CitizenHistory(
        citizen=citizen,
        merged_records=merged,
        visits=list(visits[:500]),
        letters=list(letters[:500]),
        cases=list(cases[:500]),
        hidden_denunciations=hidden,
        changes=list(LogEntry.objects.get_for_object(citizen).select_related("actor").order_by("-timestamp")[:50]),
    )


def _ids_of(model_label: str, column: str, citizen_ids: list[int]) -> QuerySet:
    from django.apps import apps

    return apps.get_model(model_label).objects.filter(citizen_id__in=citizen_ids).values(column)


def merge_candidates(user, citizen: Citizen, query: str, *, limit: int = 20) -> list[Citizen]:
    """Other records that may be the same person: the search, or the same folded name by default."""
    qs = citizens_visible_to(user).exclude(pk=citizen.pk)
    qs = search_citizens(qs, query) if query.strip() else qs.filter(search_name=citizen.search_name)
    return list(qs.order_by("search_name", "pk")[:limit])
