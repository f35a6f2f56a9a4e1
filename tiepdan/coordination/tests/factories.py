"""Coordination records made through the services (so every rule applies), for the view tests."""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model

from tiepdan.coordination import services
from tiepdan.coordination.demo import seed_legal_library
from tiepdan.coordination.models import LegalText
from tiepdan.coordination.tests.conftest import at
from tiepdan.org.models import Unit


def _u(username):
    return get_user_model().objects.get(username=username)


def unit(code: str) -> Unit:
    return Unit.objects.get(code=code)


def escalation(n: int = 0, *, code="ttr-pc", actor="thanhtra"):
    return services.escalate(
        actor=_u(actor),
        unit=unit(code),
        title=f"Đoàn {10 + n} hộ dân khiếu nại về bồi thường đất xây dựng sân vận động",
        summary="Công dân tập trung tại trụ sở, đề nghị gặp Lãnh đạo Sở.",
        reasons=["mass", "hot_spot"],
        head_count=10 + n,
        received_at=at(date(2026, 3, 2), 8),
        now=at(date(2026, 3, 2), 9),
    )


def direction_task(esc, *, owner_unit="ql-van-hoa", owner=None, due=date(2026, 3, 10), text="Rà soát hồ sơ"):
    direction = services.record_direction(
        escalation=esc,
        actor=_u("giamdoc"),
        on=date(2026, 3, 2),
        text="Giao đơn vị rà soát, báo cáo.",
        tasks=[services.TaskInput(text=text, owner_unit=unit(owner_unit), owner=owner and _u(owner), due_on=due)],
    )
    return direction.tasks.get()


def response_plan(n: int = 0, *, code="ttr-pc"):
    plan = services.create_response_plan(
        actor=_u("thanhtra"),
        unit=unit(code),
        on=date(2026, 3, 2),
        title=f"Phương án xử lý đoàn đông người số {n}",
        situation="Nguy cơ đoàn quay lại.",
        objective="Không để phát sinh điểm nóng.",
    )
    services.add_task(
        actor=_u("thanhtra"),
        on=date(2026, 3, 2),
        spec=services.TaskInput(text="Bố trí lực lượng", owner_unit=unit("khth"), due_on=date(2026, 3, 3)),
        response_plan=plan,
    )
    return plan


def over_level(n: int = 0, *, code="ttr-pc"):
    return services.record_over_level(
        actor=_u("thanhtra"),
        unit=unit(code),
        level="central" if n % 2 else "province",
        body="Ban Tiếp công dân Trung ương",
        occurred_on=date(2026, 2, 20),
        matter=f"Khiếu nại về đền bù di tích số {n}",
        head_count=3,
    )


def mediation(n: int = 0, *, code="ttr-pc", actor="thanhtra"):
    return services.record_mediation(
        actor=_u(actor),
        kind="mediation",
        organiser_unit=unit(code),
        held_on=date(2026, 2, 20),
        place="Trụ sở Sở",
        matter=f"Hòa giải mâu thuẫn số {n}",
        participants="Các bên liên quan",
    )


def dissemination(n: int = 0, *, code="ttr-pc", actor="thanhtra"):
    if not LegalText.objects.exists():
        seed_legal_library(date(2026, 3, 1))
    return services.record_dissemination(
        actor=_u(actor),
        organiser_unit=unit(code),
        held_on=date(2026, 2, 20),
        place="Hội trường Sở",
        audience="staff",
        attendees=30 + n,
        legal_texts=list(LegalText.objects.filter(in_plan=True)[:2]),
    )


def review(n: int = 0, *, code="ttr-pc", period=None, case=None):
    rev = services.create_review(
        actor=_u("thanhtra"),
        unit=unit(code),
        title=f"Rút kinh nghiệm số {n}",
        held_on=date(2026, 3, 20),
        what_happened="Diễn biến",
        period=period,
        case=case,
    )
    services.add_task(
        actor=_u("thanhtra"),
        on=date(2026, 3, 20),
        spec=services.TaskInput(text="Khắc phục", owner_unit=unit("ttr-pc"), due_on=date(2026, 4, 10)),
        review=rev,
    )
    return rev
