"""Shared fixtures: the demo organisation and one persona per role, plus an outsider.

Personas (style.md, after healthchecks' alice/bob/charlie): `officer` receives citizens in the
advisory unit; `handler` and `head` work in the culture division; `outsider` works in the museum
and must be refused everything of the others' units.
"""

import os

import pytest

DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback"}


def pytest_collection_modifyitems(config, items):
    """TIEPDAN_DATABASE_TESTS_ONLY=1 keeps only the tests that use the database: CI's second pass, on
    PostgreSQL, needs not run again the tests of pure code (the legal engine, the workflows' Hypothesis
    properties ...), which the first pass ran and which no database can change."""
    if os.environ.get("TIEPDAN_DATABASE_TESTS_ONLY") != "1":
        return
    keep, drop = [], []
    for item in items:
        uses_db = item.get_closest_marker("django_db") or DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
        (keep if uses_db else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep

# Imports of Django and the apps stay inside the fixtures, so that the pure packages (legal, text,
# workflow) can be tested with `-p no:django`.


@pytest.fixture
def demo_org(db):
    from tiepdan.org.loader import load_demo_organisation

    return load_demo_organisation()


def _user(username):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


@pytest.fixture
def officer(demo_org):
    return _user("tiepdan")


@pytest.fixture
def handler(demo_org):
    return _user("chuyenvien")


@pytest.fixture
def head(demo_org):
    return _user("truongphong")


@pytest.fixture
def inspector(demo_org):
    return _user("thanhtra")


@pytest.fixture
def leader(demo_org):
    return _user("giamdoc")


@pytest.fixture
def auditor(demo_org):
    return _user("kiemtra")


@pytest.fixture
def admin_user(demo_org):
    return _user("quantri")


@pytest.fixture
def outsider(demo_org):
    return _user("baotang")


@pytest.fixture
def demo_password():
    from tiepdan.org.loader import DEMO_PASSWORD

    return DEMO_PASSWORD


@pytest.fixture
def unit(demo_org):
    from tiepdan.org.models import Unit

    return lambda code: Unit.objects.get(code=code)


@pytest.fixture
def make_letter(demo_org, officer):
    from datetime import date

    from tiepdan.letters.models import Letter, LetterSender
    from tiepdan.org.models import Unit
    from tiepdan.people.models import Citizen

    def make(
        unit_code="ql-van-hoa", *, matter_type="complaint", received_on=date(2026, 3, 2), sender=None, **kw
    ):
        letter = Letter.objects.create(
            unit=Unit.objects.get(code=unit_code),
            channel="post",
            received_on=received_on,
            summary=kw.pop("summary", "Khiếu nại quyết định xử phạt biểu diễn nghệ thuật"),
            matter_type=matter_type,
            created_by=officer,
            **kw,
        )
        if sender is None:
            sender = Citizen(full_name="Nguyễn Văn An", id_number=None, phone="0912345678")
            sender.refresh_search_keys()
            sender.save()
        LetterSender.objects.create(letter=letter, citizen=sender)
        return letter

    return make


@pytest.fixture
def make_visit(demo_org, officer):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from tiepdan.org.models import Unit
    from tiepdan.reception.models import Visit

    def make(unit_code="ttr-pc", **kw):
        return Visit.objects.create(
            unit=Unit.objects.get(code=unit_code),
            received_at=kw.pop(
                "received_at", datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
            ),
            matter_type=kw.pop("matter_type", "petition"),
            content=kw.pop("content", "Kiến nghị về lễ hội"),
            outcome=kw.pop("outcome", "guided"),
            created_by=officer,
            **kw,
        )

    return make
