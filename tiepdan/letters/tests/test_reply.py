"""The answer of the body a letter was transferred to, recorded from the letter page and dated (the reports
of a period ending before that day do not count it)."""

from datetime import timedelta

import pytest
from django.urls import reverse

from tiepdan.letters.tests.conftest import RECEIVED, TODAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def transferred(register, leader, classify, citizen_sender):
    from tiepdan.letters.services import transfer_letter

    letter = register(senders=[citizen_sender])
    classify(letter, competence="outside", competent_body="UBND huyện Tiên Du")
    transfer_letter(letter=letter, actor=leader, on=RECEIVED + timedelta(days=1), today=TODAY,
                    to_body="UBND huyện Tiên Du")
    letter.refresh_from_db()
    return letter


def _url(letter) -> str:
    return reverse("letters:record_reply", kwargs={"code": letter.code})


def test_the_officer_records_the_reply_with_its_date_from_the_letter_page(client, leader, transferred):
    client.force_login(leader)
    page = client.get(transferred.get_absolute_url()).content.decode()
    assert "Chưa nhận văn bản trả lời." in page
    assert _url(transferred) in page
    day = RECEIVED + timedelta(days=2)
    response = client.post(_url(transferred), {"on": f"{day:%d/%m/%Y}"}, follow=True)
    assert response.status_code == 200
    transferred.refresh_from_db()
    assert transferred.reply_received
    assert transferred.reply_received_on == day
    page = response.content.decode()
    assert "Đã ghi nhận văn bản trả lời." in page
    assert f"Đã nhận văn bản trả lời ngày {day:%d/%m/%Y}" in page


def test_a_reply_dated_before_the_transfer_is_refused_in_vietnamese_and_the_date_kept(client, leader, transferred):
    client.force_login(leader)
    response = client.post(_url(transferred), {"on": f"{RECEIVED:%d/%m/%Y}"})
    assert response.status_code == 422
    page = response.content.decode()
    assert "không được trước ngày xử lý đơn" in page
    assert f'value="{RECEIVED:%d/%m/%Y}"' in page
    response = client.post(_url(transferred), {"on": "31/02/2026"})
    assert response.status_code == 422
    assert "dd/mm/yyyy" in response.content.decode()
    transferred.refresh_from_db()
    assert not transferred.reply_received
    assert transferred.reply_received_on is None


def test_only_a_transferred_or_urged_letter_takes_a_reply(client, leader, register, citizen_sender):
    client.force_login(leader)
    letter = register(senders=[citizen_sender])
    response = client.post(_url(letter), {"on": f"{TODAY:%d/%m/%Y}"})
    assert response.status_code == 422
    assert "Chỉ ghi nhận văn bản trả lời cho đơn đã chuyển hoặc đã đôn đốc." in response.content.decode()


def test_the_auditor_may_not_and_an_outsider_does_not_see_the_letter(client, auditor, outsider, transferred):
    data = {"on": f"{RECEIVED + timedelta(days=2):%d/%m/%Y}"}
    client.force_login(auditor)
    assert client.post(_url(transferred), data).status_code == 403
    client.force_login(outsider)
    assert client.post(_url(transferred), data).status_code == 404
    client.logout()
    assert client.post(_url(transferred), data).status_code == 302
    transferred.refresh_from_db()
    assert not transferred.reply_received
