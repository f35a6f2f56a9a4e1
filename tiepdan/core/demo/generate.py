"""Generated demo data: citizens, visits and letters over the last 18 months, with a fixed seed.

Streams in batches with bulk_create so that 1,000,000 letters fit in bounded memory; only the
citizens' ids are kept between batches.

A denunciation's senders are never citizens here either (TC-CONFID, docs/adr/0004-denouncer-identity.md):
each gets an identity of its own, stored only encrypted (`DenouncerIdentity`, with its blind indexes),
and the letter is marked `protects_identity`.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from tqdm import tqdm

from tiepdan.common.choices import Channel, MatterType
from tiepdan.common.codes import bulk_create_with_codes
from tiepdan.core.demo import vocabulary as vocab
from tiepdan.deadlines.calendar import working_calendar
from tiepdan.legal.deadline import compute_deadline
from tiepdan.legal.reception import is_mass
from tiepdan.letters.models import Competence, DenouncerIdentity, Disposition, Letter, LetterSender, LetterStatus
from tiepdan.letters.services import Identity, identity_rows, insert_letters
from tiepdan.org.models import Agency, Domain, Staff, Unit
from tiepdan.people import geo
from tiepdan.people.models import Citizen
from tiepdan.reception.models import (
    LeaderMode,
    Visit,
    VisitDenouncer,
    VisitOutcome,
    VisitParticipant,
    new_visit_code,
)
from tiepdan.reception.services.identity import denouncer_rows
from tiepdan.text.normalize import digits, fold

BATCH = 5000
DAYS = 548  # 18 months
TYPE_WEIGHTS = [
    (MatterType.COMPLAINT, 35),
    (MatterType.DENUNCIATION, 12),
    (MatterType.PETITION, 30),
    (MatterType.FEEDBACK, 23),
]
CHANNEL_WEIGHTS = [
    (Channel.RECEPTION, 30),
    (Channel.POST, 30),
    (Channel.TRANSFERRED, 18),
    (Channel.PORTAL, 8),
    (Channel.EMAIL, 6),
    (Channel.DEPUTY, 4),
    (Channel.PRESS, 2),
    (Channel.BOX, 2),
]
DISPOSITIONS = {
    MatterType.COMPLAINT: [
        (Disposition.ACCEPT, 30),
        (Disposition.GUIDE, 30),
        (Disposition.FILE, 20),
        (Disposition.TRANSFER, 15),
        (Disposition.URGE, 5),
    ],
    MatterType.DENUNCIATION: [(Disposition.ACCEPT, 25), (Disposition.TRANSFER, 40), (Disposition.FILE, 35)],
    MatterType.PETITION: [(Disposition.ACCEPT, 50), (Disposition.TRANSFER, 30), (Disposition.FILE, 20)],
    MatterType.FEEDBACK: [(Disposition.ACCEPT, 50), (Disposition.TRANSFER, 30), (Disposition.FILE, 20)],
}
CCCD_PROVINCE = ["027", "024", "001", "022"]  # Bắc Ninh, Bắc Giang (before the merger), Hà Nội, Quảng Ninh


def _pick(rng: random.Random, weighted):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights)[0]


@dataclass
class DemoSummary:
    citizens: int
    visits: int
    letters: int


class Generator:
    def __init__(self, *, seed: int, today: date, agency: Agency, progress: bool = True):
        self.rng = random.Random(seed)
        # What was added later (denouncers' identities, dates of replies) draws from a second stream, so
        # that a seed still gives the same citizens, visits and letters (other apps' tests rely on them).
        self.side_rng = random.Random(f"{seed}:side")
        self.summary_rng = random.Random(f"{seed}:summary")
        self.today = today
        self.start = today - timedelta(days=DAYS)
        self.agency = agency
        self.progress = progress
        self.tz = ZoneInfo(settings.TIME_ZONE)
        self.communes = [code for code, _ in geo.communes(geo.BAC_NINH)]
        self.domains = list(Domain.objects.filter(agency=agency))
        self.units = {u.code: u for u in Unit.objects.filter(agency=agency)}
        self.officers = list(Staff.objects.filter(user__groups__name="reception_officer"))
        self.leaders = list(Staff.objects.filter(user__groups__name="leadership"))
        self.creator_id = (self.officers[0] if self.officers else Staff.objects.first()).user_id
        self.citizen_ids: list[int] = []
        self.citizen_names: dict[int, str] = {}  # the letters' search columns name their senders
        self.calendar = working_calendar()
        self.used_ids: set[str] = set(
            Citizen.objects.exclude(id_number=None).values_list("id_number", flat=True)
        )

    # --- citizens -------------------------------------------------------------------------
    def _name(self) -> str:
        rng = self.rng
        family = _pick(rng, vocab.FAMILY_NAMES)
        if rng.random() < 0.5:
            return f"{family} {rng.choice(vocab.MALE_MIDDLE)} {rng.choice(vocab.MALE_GIVEN)}"
        return f"{family} {rng.choice(vocab.FEMALE_MIDDLE)} {rng.choice(vocab.FEMALE_GIVEN)}"

    def _id_number(self, rng: random.Random | None = None) -> str:
        rng = rng or self.rng
        while True:
            year = rng.randint(1945, 2006)
            century = 0 if year < 2000 else 2
            number = (
                f"{rng.choice(CCCD_PROVINCE)}{century + rng.randint(0, 1)}{year % 100:02d}"
                f"{rng.randint(0, 999999):06d}"
            )
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number

    def _citizen(self) -> Citizen:
        rng = self.rng
        citizen = Citizen(
            full_name=self._name(),
            id_number=self._id_number() if rng.random() < 0.85 else None,
            phone=f"0{rng.choice(['9', '3', '8', '7'])}{rng.randint(10_000_000, 99_999_999)}",
            province_code=geo.BAC_NINH,
            commune_code=rng.choice(self.communes),
            address_detail=rng.choice(vocab.HAMLETS),
        )
        citizen.search_name = fold(citizen.full_name)
        citizen.search_phone = digits(citizen.phone)
        return citizen

    def _denouncer(self, is_representative: bool) -> Identity:
        """A denouncer who is no citizen record. The name has four words (family, two middle names,
        given name), which no generated citizen has, so a demo denouncer's name found in plain text
        anywhere in the database can only be a leak, never a namesake; the ID number is unique."""
        rng = self.side_rng
        family = _pick(rng, vocab.FAMILY_NAMES)
        middles, givens = ((vocab.MALE_MIDDLE, vocab.MALE_GIVEN) if rng.random() < 0.5
                           else (vocab.FEMALE_MIDDLE, vocab.FEMALE_GIVEN))
        first, second = rng.sample(middles, 2)
        given = rng.choice([g for g in givens if g not in (first, second)])  # not "... Ngọc Ngọc"
        name = f"{family} {first} {second} {given}"
        return Identity(
            full_name=name,
            id_number=self._id_number(rng) if rng.random() < 0.85 else "",
            phone=f"0{rng.choice(['9', '3', '8', '7'])}{rng.randint(10_000_000, 99_999_999)}",
            address_detail=rng.choice(vocab.HAMLETS),
            commune_code=rng.choice(self.communes),
            province_code=geo.BAC_NINH,
            is_representative=is_representative,
        )

    def make_citizens(self, count: int) -> None:
        for batch in self._batches(count, "Công dân", self._citizen):
            for citizen in Citizen.objects.bulk_create(batch):
                self.citizen_ids.append(citizen.pk)
                self.citizen_names[citizen.pk] = citizen.full_name

    # --- shared -------------------------------------------------------------------------
    def _batches(self, count: int, label: str, make: Callable[[], object]) -> Iterator[list]:
        bar = tqdm(total=count, desc=label, unit="", disable=not self.progress, mininterval=1.0)
        done = 0
        while done < count:
            size = min(BATCH, count - done)
            batch = [make() for _ in range(size)]
            with transaction.atomic():
                yield batch
            done += size
            bar.update(size)
        bar.close()

    def _day(self) -> date:
        # More matters in the months before the congress and the election (the plan's sensitive period).
        rng = self.rng
        while True:
            day = self.start + timedelta(days=rng.randint(0, DAYS))
            weekday_or_rare_weekend = day.weekday() < 5 or rng.random() < 0.05
            if weekday_or_rare_weekend and (date(2025, 12, 1) <= day <= date(2026, 3, 31) or rng.random() < 0.8):
                return day

    @cache  # noqa: B019 - one generator per run; ~550 distinct days
    def _due(self, rule_id: str, start: date) -> date | None:
        return compute_deadline(rule_id, start, calendar=self.calendar).due

    def _unit_for(self, domain: Domain, on: date) -> Unit:
        code = vocab.DOMAIN_UNITS.get(domain.code)
        if code is None or self.rng.random() < 0.35:
            code = "ttr-pc" if on >= date(2025, 7, 1) else "thanh-tra"
        return self.units[code]

    def _inspection_unit(self, on: date) -> Unit:
        return self.units["ttr-pc" if on >= date(2025, 7, 1) else "thanh-tra"]

    def _denounced_unit(self, domain: Domain, handling: Unit) -> Unit:
        code = vocab.DOMAIN_UNITS.get(domain.code)
        if code is None or code not in self.units:
            code = self.side_rng.choice(sorted(c for c in set(vocab.DOMAIN_UNITS.values()) if c in self.units))
        return self.units[code]

    def _summary(self, domain: Domain, unit: Unit, matter_type: str) -> str:
        """A summary of the domain whose opening words agree with the type ("Khiếu nại ..." for a complaint)."""
        templates = vocab.SUMMARIES.get(domain.code) or vocab.SUMMARIES["khac"]
        template = self.rng.choice(templates)
        if vocab.summary_type(template) != matter_type:
            # Drawn again from a stream of its own, so that the main stream (and the seed's data) stays.
            fitting = [t for t in templates if vocab.summary_type(t) == matter_type]
            template = self.summary_rng.choice(fitting or vocab.GENERIC_SUMMARIES[matter_type])
        place = geo.commune_name(self.rng.choice(self.communes))
        return template.format(place=place, unit=unit.name, domain=domain.name.lower())

    # --- letters ------------------------------------------------------------------------
    def _letter(self) -> tuple[Letter, list[int], list[Identity]]:
        rng = self.rng
        received = self._day()
        matter_type = _pick(rng, TYPE_WEIGHTS)
        domain = rng.choice(self.domains)
        unit = self._unit_for(domain, received)
        # A denunciation names a unit's staff: the inspection unit handles it, never the unit denounced.
        denounced = self._denounced_unit(domain, unit) if matter_type == MatterType.DENUNCIATION else None
        if denounced is not None:
            unit = self._inspection_unit(received)
        group = rng.random() < 0.05
        signers = rng.randint(5, 25) if group else 1
        anonymous = matter_type == MatterType.DENUNCIATION and rng.random() < 0.15
        channel = _pick(rng, CHANNEL_WEIGHTS)
        rule = "TC-INIT" if matter_type == MatterType.DENUNCIATION else "XLD-TIME"
        letter = Letter(
            unit=unit,
            channel=channel,
            received_on=received,
            is_anonymous=anonymous,
            signer_count=signers,
            transferring_body="Ban Tiếp công dân tỉnh" if channel == Channel.TRANSFERRED else "",
            transfer_doc_number=f"{rng.randint(1, 999)}/BTCD" if channel == Channel.TRANSFERRED else "",
            summary=self._summary(domain, denounced or unit, matter_type),
            denounced_unit=denounced,
            matter_type=matter_type,
            domain=domain,
            commune_code=rng.choice(self.communes),
            due_on=self._due(rule, received),
            created_by_id=self.creator_id,
        )
        age = (self.today - received).days
        if age > 20 or (age > 5 and rng.random() < 0.6):
            disposition = _pick(rng, DISPOSITIONS[matter_type])
            handled_in = rng.randint(2, 16)
            letter.status = LetterStatus.DISPOSED
            letter.disposition = disposition
            letter.disposed_on = min(received + timedelta(days=handled_in), self.today)
            letter.competence = Competence.WITHIN if disposition == Disposition.ACCEPT else Competence.OUTSIDE
            letter.is_eligible = disposition != Disposition.FILE
            letter.eligibility_decided_on = letter.disposed_on
            letter.reply_received = disposition == Disposition.TRANSFER and rng.random() < 0.6
            if letter.reply_received:
                replied = letter.disposed_on + timedelta(days=self.side_rng.randint(7, 45))
                letter.reply_received_on = min(replied, self.today)
        elif age > 2:
            letter.status = LetterStatus.CLASSIFIED
        senders = [] if anonymous else rng.sample(self.citizen_ids, min(signers, len(self.citizen_ids)))
        if matter_type != MatterType.DENUNCIATION:
            return letter, senders, []
        letter.protects_identity = True
        denouncers = [self._denouncer(i == 0 and len(senders) > 1) for i in range(len(senders))]
        return letter, [], denouncers

    def make_letters(self, count: int) -> None:
        for batch in self._batches(count, "Đơn thư", self._letter):
            # A random code already taken is drawn again (insert_letters), not a failed batch.
            letters = insert_letters(
                [letter for letter, _, _ in batch],
                sender_names=[[self.citizen_names[cid] for cid in senders] for _, senders, _ in batch],
            )
            links = [
                LetterSender(
                    letter_id=letter.pk, citizen_id=cid, is_representative=(i == 0 and len(senders) > 1)
                )
                for letter, (_, senders, _) in zip(letters, batch, strict=True)
                for i, cid in enumerate(senders)
            ]
            LetterSender.objects.bulk_create(links, batch_size=BATCH)
            # Denouncers: only the encrypted payload and the blind indexes reach the database.
            identities = [
                row
                for letter, (_, _, denouncers) in zip(letters, batch, strict=True)
                if denouncers
                for row in identity_rows(letter.pk, denouncers)
            ]
            DenouncerIdentity.objects.bulk_create(identities, batch_size=BATCH)

    # --- visits -------------------------------------------------------------------------
    def _visit(self) -> tuple[Visit, list[int], list[Identity]]:
        rng = self.rng
        day = self._day()
        at = datetime.combine(day, time(rng.randint(7, 16), rng.choice([0, 15, 30, 45])), tzinfo=self.tz)
        matter_type = _pick(rng, TYPE_WEIGHTS)
        domain = rng.choice(self.domains)
        unit = self.units["ttr-pc" if day >= date(2025, 7, 1) else "thanh-tra"]
        head_count = rng.randint(5, 30) if rng.random() < 0.06 else rng.choice([1, 1, 1, 1, 2, 3])
        mass = is_mass(head_count, settings.TIEPDAN_MASS_THRESHOLD)
        leader_mode = LeaderMode.SCHEDULED if rng.random() < 0.08 else LeaderMode.NONE
        if mass and rng.random() < 0.7:
            leader_mode = LeaderMode.AD_HOC
        outcome = rng.choice(list(VisitOutcome))
        visit = Visit(
            unit=unit,
            received_at=at,
            officer=rng.choice(self.officers) if self.officers else None,
            leader_mode=leader_mode,
            leader=rng.choice(self.leaders) if leader_mode != LeaderMode.NONE and self.leaders else None,
            host_role="head" if leader_mode != LeaderMode.NONE else "",
            head_count=head_count,
            is_mass=mass,
            matter_type=matter_type,
            domain=domain,
            commune_code=rng.choice(self.communes),
            content=self._summary(domain, unit, matter_type),
            is_repeat=rng.random() < 0.2,
            outcome=outcome,
            answer_due_on=self._due("TCD-ANSWER-10", day),
            created_by_id=self.creator_id,
        )
        visitors = rng.sample(
            self.citizen_ids, min(head_count if head_count < 6 else 5, len(self.citizen_ids))
        )
        if matter_type != MatterType.DENUNCIATION:
            return visit, visitors, []
        # As at the desk: a denouncer is no citizen record, only an encrypted row (TC-CONFID).
        return visit, [], [self._denouncer(i == 0 and len(visitors) > 1) for i in range(len(visitors))]

    def make_visits(self, count: int) -> None:
        for batch in self._batches(count, "Lượt tiếp", self._visit):
            # A random code already taken is drawn again, not a failed batch.
            visits = bulk_create_with_codes(Visit, [visit for visit, _, _ in batch], new_visit_code)
            links = [
                VisitParticipant(visit_id=v.pk, citizen_id=cid, is_representative=(i == 0 and len(ids) > 1))
                for v, (_, ids, _) in zip(visits, batch, strict=True)
                for i, cid in enumerate(ids)
            ]
            VisitParticipant.objects.bulk_create(links, batch_size=BATCH)
            VisitDenouncer.objects.bulk_create(
                [row for v, (_, _, denouncers) in zip(visits, batch, strict=True) if denouncers
                 for row in denouncer_rows(v.pk, denouncers)],
                batch_size=BATCH,
            )


def generate(*, agency: Agency, letters: int, seed: int, today: date, progress: bool = True) -> DemoSummary:
    generator = Generator(seed=seed, today=today, agency=agency, progress=progress)
    citizens = max(50, letters // 3)
    generator.make_citizens(citizens)
    visits = max(20, letters // 2)
    generator.make_visits(visits)
    generator.make_letters(letters)
    return DemoSummary(citizens=citizens, visits=visits, letters=letters)


def seed_open_work(*, agency: Agency, today: date, seed: int, cases: int = 40) -> int:
    """Deadlines for the letters still being handled, and cases at every stage, through the services."""
    from django.contrib.auth import get_user_model

    from tiepdan.cases import services as case_services
    from tiepdan.cases.workflow import Action, Track
    from tiepdan.deadlines import services as deadline_services

    rng = random.Random(seed)
    for letter in Letter.objects.exclude(status=LetterStatus.DISPOSED).select_related("unit")[:2000]:
        rule = "TC-INIT" if letter.matter_type == MatterType.DENUNCIATION else "XLD-TIME"
        deadline_services.track(
            subject=letter,
            unit=letter.unit,
            rule_id=rule,
            start=letter.received_on,
            label=f"Xử lý đơn {letter.code}",
        )
    director = get_user_model().objects.get(username="giamdoc")
    tracks = {
        MatterType.COMPLAINT: Track.COMPLAINT_FIRST,
        MatterType.DENUNCIATION: Track.DENUNCIATION,
        MatterType.PETITION: Track.PETITION,
        MatterType.FEEDBACK: Track.PETITION,
    }
    accepted = list(
        Letter.objects.filter(
            disposition=Disposition.ACCEPT, received_on__gte=today - timedelta(days=120)
        ).order_by("received_on", "id")[: cases * 3]
    )
    opened = 0
    for letter in rng.sample(accepted, min(cases, len(accepted))):
        track = tracks[letter.matter_type]
        case = case_services.open_case(letter=letter, track=track, actor=director)
        day = letter.received_on + timedelta(days=rng.randint(3, 8))
        if day > today:
            continue
        docs = frozenset({"acceptance_decision"})
        if track == Track.PETITION:
            case_services.act(case=case, action=Action.START_STUDY, actor=director, on=day)
        else:
            case_services.act(
                case=case,
                action=Action.ACCEPT,
                actor=director,
                on=day,
                data=case_services.ActionInput(
                    documents=docs, document_number=f"{opened + 1:02d}/QĐ-SVHTTDL"
                ),
            )
            if rng.random() < 0.3 and day + timedelta(days=5) <= today:
                case_services.act(
                    case=case,
                    action=Action.DETERMINE_COMPLEXITY,
                    actor=director,
                    on=day + timedelta(days=5),
                    data=case_services.ActionInput(
                        documents=frozenset({"complexity_determination"}),
                        criteria=frozenset({"b", "c"} if rng.random() < 0.5 else {"a"}),
                    ),
                )
        opened += 1
    # Older cases settled to the end, with their results (tiepdan.cases.demo).
    from tiepdan.cases.demo import seed_settlements

    opened += seed_settlements(today=today, seed=seed)
    from tiepdan.reception.demo import seed_reception_sessions

    seed_reception_sessions(agency=agency, today=today, seed=seed)
    from tiepdan.coordination.demo import seed_coordination

    seed_coordination(agency, today, seed)
    from tiepdan.monitoring.demo import seed_hot_spot_buildup

    seed_hot_spot_buildup(agency=agency, today=today, seed=seed)
    return opened
