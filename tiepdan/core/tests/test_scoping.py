"""Every protected page is tried by an outsider (an officer of another unit) who must get 404."""

import pytest
from django.urls import reverse

from tiepdan.cases.services import open_case


@pytest.fixture
def culture_letter(make_letter):
    return make_letter("ql-van-hoa")


@pytest.fixture
def culture_case(culture_letter, handler):
    return open_case(letter=culture_letter, track="complaint_first", actor=handler)


@pytest.fixture
def reception_visit(make_visit):
    return make_visit("ttr-pc")


def _urls(letter, case, visit):
    return [
        reverse("letters:letter_detail", kwargs={"code": letter.code}),
        reverse("cases:case_detail", kwargs={"code": case.code}),
        reverse("reception:visit_detail", kwargs={"code": visit.code}),
    ]


def test_outsider_gets_404_for_another_units_letter_case_and_visit(
    client, outsider, culture_letter, culture_case, reception_visit
):
    client.force_login(outsider)
    for url in _urls(culture_letter, culture_case, reception_visit):
        assert client.get(url).status_code == 404, url


def test_outsider_cannot_act_on_another_units_case(client, outsider, culture_case):
    client.force_login(outsider)
    url = reverse("cases:case_act", kwargs={"code": culture_case.code})
    assert client.post(url, {"action": "accept", "on": "02/03/2026"}).status_code == 404


def test_outsider_lists_do_not_show_other_units_items(client, outsider, culture_letter, culture_case):
    client.force_login(outsider)
    assert culture_letter.code not in client.get(reverse("letters:letter_list")).content.decode()
    assert culture_case.code not in client.get(reverse("cases:case_list")).content.decode()


def test_own_unit_and_leadership_see_the_items(client, handler, leader, culture_letter, culture_case):
    for user in (handler, leader):
        client.force_login(user)
        assert (
            client.get(reverse("letters:letter_detail", kwargs={"code": culture_letter.code})).status_code
            == 200
        )
        assert client.get(reverse("cases:case_detail", kwargs={"code": culture_case.code})).status_code == 200


def test_auditor_sees_but_cannot_act(client, auditor, culture_case):
    client.force_login(auditor)
    page = client.get(reverse("cases:case_detail", kwargs={"code": culture_case.code}))
    assert page.status_code == 200
    assert 'name="action"' not in page.content.decode()
    url = reverse("cases:case_act", kwargs={"code": culture_case.code})
    assert client.post(url, {"action": "accept", "on": "02/03/2026"}).status_code == 403


def test_user_without_staff_record_sees_nothing(client, db, culture_letter):
    from django.contrib.auth import get_user_model

    stranger = get_user_model().objects.create_user("stranger", password="x-very-long-pass")
    client.force_login(stranger)
    assert (
        client.get(reverse("letters:letter_detail", kwargs={"code": culture_letter.code})).status_code == 404
    )
    assert culture_letter.code not in client.get(reverse("letters:letter_list")).content.decode()


def test_calendar_page_is_refused_to_a_unit_handler(client, handler):
    client.force_login(handler)
    assert client.get(reverse("deadlines:calendar")).status_code == 403
