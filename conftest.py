"""Shared fixtures: the demo organisation and one persona per role, plus an outsider.

Personas (style.md, after healthchecks' alice/bob/charlie): `officer` receives citizens in the
advisory unit; `handler` and `head` work in the culture division; `outsider` works in the museum
and must be refused everything of the others' units.
"""

import pytest
from django.contrib.auth import get_user_model

from tiepdan.org.loader import DEMO_PASSWORD, load_demo_organisation


@pytest.fixture
def demo_org(db):
    return load_demo_organisation()


def _user(username):
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
    return DEMO_PASSWORD


@pytest.fixture
def unit(demo_org):
    from tiepdan.org.models import Unit

    return lambda code: Unit.objects.get(code=code)
