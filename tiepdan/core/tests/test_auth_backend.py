"""The authentication backend reads the user's staff record, roles and unread count with the user."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tiepdan.core.auth import StaffBackend
from tiepdan.notifications.services import notify
from tiepdan.org.roles import Role
from tiepdan.org.selectors import roles_of, staff_of


def _badge(body: str) -> str | None:
    found = re.search(r'id="notices-link">[^<]*<span class="badge"[^>]*>(\d+)</span>', body)
    return found.group(1) if found else None


def test_one_query_gives_the_user_with_roles_staff_and_unread_count(head):
    notify(recipients=[head], kind="test", title="Một", key="k1")
    notify(recipients=[head], kind="test", title="Hai", key="k2")
    with CaptureQueriesContext(connection) as queries:
        user = StaffBackend().get_user(head.pk)
        roles, staff = roles_of(user), staff_of(user)
        agency = staff.unit.agency.short_name
    assert len(queries) == 1
    assert Role.UNIT_HEAD in roles
    assert staff.full_name
    assert agency
    assert user.tiepdan_unread == 2


def test_the_roles_read_with_the_user_are_those_of_its_groups(head):
    Group.objects.get_or_create(name=Role.AUDITOR.value)[0].user_set.add(head)
    user = StaffBackend().get_user(head.pk)
    assert roles_of(user) == frozenset(Role(name) for name in head.groups.values_list("name", flat=True))
    assert Role.AUDITOR in roles_of(user)


def test_a_user_without_a_staff_record_or_groups(db):
    plain = get_user_model().objects.create_user("khach", password="x" * 12, is_superuser=True)
    user = StaffBackend().get_user(plain.pk)
    assert staff_of(user) is None
    assert roles_of(user) == frozenset({Role.ADMINISTRATOR})
    assert user.tiepdan_unread == 0


def test_an_inactive_or_unknown_user_is_not_returned(head):
    get_user_model().objects.filter(pk=head.pk).update(is_active=False)
    assert StaffBackend().get_user(head.pk) is None
    assert StaffBackend().get_user(10**9) is None


def test_the_shell_shows_the_unread_count_and_forgets_it_once_read(client, head):
    client.force_login(head)
    assert _badge(client.get(reverse("home")).content.decode()) is None
    notify(recipients=[head], kind="test", title="Thông báo thử", key="k3")
    assert _badge(client.get(reverse("home")).content.decode()) == "1"
    # Marking them read and showing the page happen in one request: the count read with the user is stale.
    body = client.post(reverse("notifications")).content.decode()
    assert _badge(body) is None
    assert "Thông báo thử" in body


@pytest.mark.parametrize("url_name", ["home", "letters:letter_list", "cases:case_list"])
def test_a_staff_page_reads_the_user_once(client, head, url_name):
    client.force_login(head)
    client.get(reverse(url_name))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse(url_name)).status_code == 200
    sql = [q["sql"] for q in queries]
    assert sum('FROM "auth_user"' in s for s in sql) == 1
    assert not any('FROM "auth_group"' in s for s in sql)
    assert not any(s.startswith('SELECT "org_staff"') for s in sql)
