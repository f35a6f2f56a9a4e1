"""Demo build-up: a festival-ground land dispute in one commune in the weeks before the election, so a
new user sees the early warning work (issue 7 §6).

Xã Tiên Du keeps the Lim festival ground (Hội Lim). In the six weeks before the 15/03/2026 election its
households write, come back, write again through the province's reception board and a deputy, and come
in ever larger groups about the ground being taken for a car park: 10 letters and 7 visits, from 1 to 25
people, rising against a commune that used to send almost nothing. The detection is then replayed day by
day as the daily job would have run, so the hot spot is raised on the day it would have been, before
the election, with its factors and its alert to the leadership and the inspection.

Call once after the generated data: `seed_hot_spot_buildup(agency=agency, today=today, seed=seed)`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction

from tiepdan.common.choices import Channel, MatterType
from tiepdan.core.demo import vocabulary as vocab
from tiepdan.deadlines.calendar import working_calendar
from tiepdan.legal.deadline import compute_deadline
from tiepdan.letters.models import Competence, Disposition, Letter, LetterSender, LetterStatus
from tiepdan.letters.services import insert_letter, refresh_search_columns
from tiepdan.monitoring import services
from tiepdan.monitoring.models import HotSpot
from tiepdan.org.models import Agency, Domain, Staff, Unit
from tiepdan.people import geo
from tiepdan.people.models import Citizen
from tiepdan.reception.models import LeaderMode, Visit, VisitOutcome, VisitParticipant
from tiepdan.text.normalize import digits, fold

ELECTION = date(2026, 3, 15)
COMMUNE = 9319  # Xã Tiên Du
BUILD_UP_DAYS = 42
MARKER = "bãi lễ hội Lim"

ROOT_SUMMARY = (
    "Khiếu nại việc thu hồi đất bãi lễ hội Lim tại Xã Tiên Du để làm bãi đỗ xe, không bồi thường cho các hộ "
    "đang kinh doanh trên bãi lễ hội"
)
# (kind, matter type, people, duplicate of the first letter, channel, repeat visit, summary)
# No denunciation: its senders would have to be encrypted identities (letters.services.identity_rows,
# as the generator does), never the Citizen links below (core/tests/test_demo_denouncers.py checks it).
PLAN: list[tuple[str, str, int, bool, str, bool, str]] = [
    ("letter", MatterType.COMPLAINT, 1, False, Channel.POST, False, ROOT_SUMMARY),
    ("letter", MatterType.COMPLAINT, 2, True, Channel.POST, False,
     "Tiếp tục khiếu nại việc thu hồi đất bãi lễ hội Lim, đề nghị dừng san lấp"),
    ("visit", MatterType.COMPLAINT, 2, False, "", False,
     "Công dân trình bày việc thu hồi đất bãi lễ hội Lim, đề nghị được gặp lãnh đạo Sở"),
    ("letter", MatterType.FEEDBACK, 1, False, Channel.PORTAL, False,
     "Phản ánh việc san lấp bãi lễ hội Lim làm ảnh hưởng không gian di tích đồi Lim"),
    ("letter", MatterType.COMPLAINT, 6, True, Channel.POST, False,
     "Đơn của 6 hộ kinh doanh khiếu nại việc thu hồi mặt bằng trên bãi lễ hội Lim"),
    ("visit", MatterType.COMPLAINT, 4, False, "", True,
     "Các hộ kinh doanh trên bãi lễ hội Lim đến lần hai, chưa nhận được trả lời"),
    ("letter", MatterType.COMPLAINT, 9, True, Channel.TRANSFERRED, False,
     "Ban Tiếp công dân tỉnh chuyển đơn của 9 hộ về việc thu hồi đất bãi lễ hội Lim"),
    ("letter", MatterType.PETITION, 1, False, Channel.POST, False,
     "Kiến nghị công khai quy hoạch khu vực bãi lễ hội Lim trước ngày bầu cử"),
    ("visit", MatterType.COMPLAINT, 12, False, "", True,
     "Đoàn 12 người đến trụ sở về việc thu hồi đất bãi lễ hội Lim"),
    ("letter", MatterType.COMPLAINT, 12, True, Channel.DEPUTY, False,
     "Đại biểu Quốc hội chuyển đơn của 12 hộ về việc thu hồi đất bãi lễ hội Lim"),
    ("letter", MatterType.COMPLAINT, 5, True, Channel.POST, False,
     "Khiếu nại lần nữa việc thu hồi đất bãi lễ hội Lim, đề nghị đối thoại"),
    ("visit", MatterType.COMPLAINT, 3, False, "", True,
     "Người đại diện các hộ trên bãi lễ hội Lim hỏi kết quả giải quyết"),
    ("visit", MatterType.COMPLAINT, 18, False, "", True,
     "Đoàn 18 người về việc thu hồi đất bãi lễ hội Lim, yêu cầu dừng thi công"),
    ("letter", MatterType.COMPLAINT, 20, True, Channel.TRANSFERRED, False,
     "Thanh tra tỉnh chuyển đơn của 20 hộ về việc thu hồi đất bãi lễ hội Lim"),
    ("letter", MatterType.PETITION, 2, False, Channel.EMAIL, False,
     "Kiến nghị giữ nguyên bãi lễ hội Lim phục vụ lễ hội truyền thống"),
    ("visit", MatterType.COMPLAINT, 25, False, "", True,
     "Đoàn 25 người tập trung tại trụ sở về việc thu hồi đất bãi lễ hội Lim"),
    ("visit", MatterType.COMPLAINT, 6, False, "", True,
     "Người đại diện 6 hộ đề nghị lãnh đạo Sở tiếp trước ngày bầu cử"),
]


@dataclass
class BuildUp:
    letters: int = 0
    visits: int = 0
    hot_spots: list[HotSpot] = field(default_factory=list)


def _working_days(first: date, last: date) -> list[date]:
    calendar = working_calendar()
    days = []
    day = first
    while day <= last:
        try:
            working = calendar.is_working_day(day)
        except Exception:  # a year outside the calendar's table: weekdays only
            working = day.weekday() < 5
        if working:
            days.append(day)
        day += timedelta(days=1)
    return days


def _positions(count: int, slots: int) -> list[int]:
    """Rising density: spread out at the start, bunched towards the end."""
    if count <= 1:
        return [slots - 1]
    return [round((slots - 1) * (1 - (1 - i / (count - 1)) ** 2)) for i in range(count)]


def _citizens(rng: random.Random, count: int) -> list[int]:
    made = []
    for _ in range(count):
        family = rng.choice([name for name, _weight in vocab.FAMILY_NAMES[:8]])
        if rng.random() < 0.5:
            name = f"{family} {rng.choice(vocab.MALE_MIDDLE)} {rng.choice(vocab.MALE_GIVEN)}"
        else:
            name = f"{family} {rng.choice(vocab.FEMALE_MIDDLE)} {rng.choice(vocab.FEMALE_GIVEN)}"
        phone = f"09{rng.randint(10_000_000, 99_999_999)}"
        made.append(
            Citizen(
                full_name=name, id_number=None, phone=phone, province_code=geo.BAC_NINH, commune_code=COMMUNE,
                address_detail=rng.choice(["Thôn Lim", "Thôn Đình Cả", "Thôn Duệ Đông", "Thôn Lũng Giang"]),
                search_name=fold(name), search_phone=digits(phone),
            )
        )
    return [c.pk for c in Citizen.objects.bulk_create(made)]


def seed_hot_spot_buildup(*, agency: Agency, today: date, seed: int) -> BuildUp:
    """Add the build-up (idempotent: nothing if it is there), refresh monitoring and replay detection over
    the build-up, so the hot spot appears with the date it would have been raised."""
    if Letter.objects.filter(commune_code=COMMUNE, summary__contains=MARKER).exists():
        return BuildUp()
    rng = random.Random(seed)
    zone = ZoneInfo(settings.TIME_ZONE)
    end = min(today, ELECTION - timedelta(days=7))
    days = _working_days(end - timedelta(days=BUILD_UP_DAYS - 1), end) or [end]
    when = [days[i] for i in _positions(len(PLAN), len(days))]
    domain = Domain.objects.filter(agency=agency, code="le-hoi").first()
    units = {u.code: u for u in Unit.objects.filter(agency=agency)}
    handling = units.get("ql-di-san") or next(iter(units.values()))
    reception = units.get("ttr-pc" if end >= date(2025, 7, 1) else "thanh-tra", handling)
    officer = Staff.objects.filter(user__groups__name="reception_officer").order_by("id").first()
    leader = Staff.objects.filter(user__groups__name="leadership").order_by("id").first()
    creator_id = (officer or Staff.objects.order_by("id").first()).user_id
    calendar = working_calendar()
    people = _citizens(rng, 25)
    threshold = int(getattr(settings, "TIEPDAN_MASS_THRESHOLD", 5))
    result = BuildUp()

    with transaction.atomic():
        root: Letter | None = None
        for (kind, matter_type, count, duplicate, channel, repeat, summary), day in zip(PLAN, when, strict=True):
            signers = people[:count] if count <= len(people) else people
            if kind == "letter":
                letter = Letter(
                    unit=handling,
                    channel=channel,
                    received_on=day,
                    signer_count=count,
                    transferring_body={Channel.TRANSFERRED: "Ban Tiếp công dân tỉnh Bắc Ninh",
                                       Channel.DEPUTY: "Đoàn đại biểu Quốc hội tỉnh Bắc Ninh"}.get(channel, ""),
                    transfer_doc_number=f"{rng.randint(10, 399)}/CV" if channel in (Channel.TRANSFERRED,
                                                                                   Channel.DEPUTY) else "",
                    summary=summary,
                    matter_type=matter_type,
                    domain=domain,
                    commune_code=COMMUNE,
                    due_on=compute_deadline("XLD-TIME", day, calendar=calendar).due,
                    created_by_id=creator_id,
                    duplicate_of=root if duplicate else None,
                    status=LetterStatus.CLASSIFIED,
                )
                if duplicate and root is not None:
                    # A repeated letter on a matter already being handled is filed (Circular 05/2021 Art 6).
                    letter.status = LetterStatus.DISPOSED
                    letter.disposition = Disposition.FILE
                    letter.disposed_on = day + timedelta(days=2)
                    letter.competence = Competence.WITHIN
                    letter.is_eligible = True
                    letter.eligibility_decided_on = letter.disposed_on
                insert_letter(letter)
                if root is None and matter_type == MatterType.COMPLAINT:
                    root = letter
                LetterSender.objects.bulk_create(
                    [LetterSender(letter=letter, citizen_id=cid, is_representative=(i == 0 and count > 1))
                     for i, cid in enumerate(signers[:5])]
                )
                refresh_search_columns(letter)  # after the code is final and the senders are linked
                letter.save(update_fields=["search_text", "content_hash"])
                result.letters += 1
            else:
                at = datetime.combine(day, time(rng.randint(8, 10), rng.choice([0, 15, 30])), tzinfo=zone)
                mass = count >= threshold
                visit = Visit.objects.create(
                    unit=reception,
                    received_at=at,
                    officer=officer,
                    leader_mode=LeaderMode.AD_HOC if mass and leader else LeaderMode.NONE,
                    leader=leader if mass else None,
                    host_role="head" if mass and leader else "",
                    head_count=count,
                    is_mass=mass,
                    matter_type=matter_type,
                    domain=domain,
                    commune_code=COMMUNE,
                    content=summary,
                    is_repeat=repeat,
                    outcome=VisitOutcome.LETTER_RECEIVED if mass else VisitOutcome.GUIDED,
                    answer_due_on=compute_deadline("TCD-ANSWER-10", day, calendar=calendar).due,
                    created_by_id=creator_id,
                )
                VisitParticipant.objects.bulk_create(
                    [VisitParticipant(visit=visit, citizen_id=cid, is_representative=(i == 0 and count > 1))
                     for i, cid in enumerate(signers[:5])]
                )
                result.visits += 1

    first = services.history_start() or days[0]
    services.refresh_rollup(first_day=first, last_day=today)
    result.hot_spots = services.replay(first_day=days[0], last_day=min(today, ELECTION))
    services.refresh_monitoring(today=today, rollup=False)
    return result
