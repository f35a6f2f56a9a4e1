"""The commune of a visitor row at the desk: kept on the new citizen record, or inside the encrypted identity
of a denouncer (never in clear), so that a visitor who gives neither an ID number nor a phone is recognised
by name + commune when they come again — through HTTP, as the desk uses it."""

from datetime import datetime, timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from tiepdan.audit.crypto import blind_index
from tiepdan.people import geo
from tiepdan.people.identity import decrypt_identity
from tiepdan.people.models import Citizen
from tiepdan.reception import services
from tiepdan.reception.models import Visit, VisitDenouncer
from tiepdan.reception.services import VisitorInput
from tiepdan.reception.tests.conftest import TZ

pytestmark = pytest.mark.django_db

NAME = "Hoàng Thị Lụa"
COMMUNES = dict((name, code) for code, name in geo.communes(geo.BAC_NINH))
TIEN_DU = COMMUNES["Xã Tiên Du"]
PHAT_TICH = COMMUNES["Xã Phật Tích"]
UNKNOWN = "Xã, phường không có trong danh mục sau 01/07/2025."


def _post(minutes_ago: int, *, matter_type: str = "petition", commune=TIEN_DU, name: str = NAME, **kw) -> dict:
    at = timezone.localtime() - timedelta(minutes=minutes_ago)
    data = {
        "received_at": at.strftime("%d/%m/%Y %H:%M"), "place": "Trụ sở tiếp công dân", "head_count": "1",
        "matter_types": [matter_type], "content": "Kiến nghị làm lại đường bê tông liên thôn", "leader_mode": "none",
        "outcome": "guided", "visitor-TOTAL_FORMS": "3", "visitor-INITIAL_FORMS": "0",
        "visitor-0-full_name": name, "visitor-0-address": "Thôn Lim", "visitor-0-commune_code": str(commune),
    }
    data.update(kw)
    return data


def _record(client, data) -> Visit:
    response = client.post(reverse("reception:visit_new"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Visit.objects.get(code=response.url.rstrip("/").rsplit("/", 1)[-1])


def _repeat_label(client, visit: Visit) -> str:
    body = client.get(visit.get_absolute_url()).content.decode()
    return body.split('id="visit-repeat">', 1)[1].split("<", 1)[0]


@pytest.fixture
def desk(client, officer):
    client.force_login(officer)
    return client


def test_the_visitor_row_offers_the_communes_of_the_province(desk):
    body = desk.get(reverse("reception:visit_new")).content.decode()
    assert 'name="visitor-0-commune_code"' in body
    assert f'<option value="{TIEN_DU}">Xã Tiên Du</option>' in body
    assert 'name="visitor-__prefix__-commune_code"' in body  # the row added by "Thêm người"


def test_a_new_visitor_keeps_the_commune_on_the_citizen_record(desk):
    _record(desk, _post(30))
    citizen = Citizen.objects.get()
    assert (citizen.commune_code, citizen.province_code) == (TIEN_DU, geo.BAC_NINH)
    assert citizen.address == "Thôn Lim, Xã Tiên Du, Bắc Ninh"


def test_a_visitor_typed_again_by_name_and_commune_is_a_repeat_and_another_commune_is_not(desk):
    first = _record(desk, _post(30))
    assert _repeat_label(desk, first) == "Tiếp lần đầu"
    # Typed without diacritics, with no ID number and no phone: the same name + commune.
    again = _record(desk, _post(20, name="Hoang Thi Lua"))
    assert _repeat_label(desk, again) == "Tiếp nhiều lần"
    elsewhere = _record(desk, _post(10, commune=PHAT_TICH))
    assert _repeat_label(desk, elsewhere) == "Tiếp lần đầu"
    no_commune = _record(desk, _post(5, commune=""))
    assert not no_commune.is_repeat  # a name alone is not a person


def test_a_denouncer_keeps_the_commune_only_encrypted_and_is_recognised_by_name_and_commune(desk):
    first = _record(desk, _post(30, matter_type="denunciation"))
    row = VisitDenouncer.objects.get(visit=first)
    assert row.name_commune_index == blind_index("nc", f"hoang thi lua|{TIEN_DU}")
    assert (row.id_number_index, row.phone_index) == ("", "")
    assert decrypt_identity(row.payload).commune_code == TIEN_DU
    assert not Citizen.objects.exists()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {VisitDenouncer._meta.db_table}")  # noqa: S608 - a fixed table name
        values = [str(v) for r in cursor.fetchall() for v in r]
    assert str(TIEN_DU) not in values
    assert not any("Tiên Du" in v or "Lụa" in v or "Lua" in v for v in values)

    again = _record(desk, _post(20, matter_type="denunciation"))
    assert _repeat_label(desk, again) == "Tiếp nhiều lần"
    elsewhere = _record(desk, _post(10, matter_type="denunciation", commune=PHAT_TICH))
    assert _repeat_label(desk, elsewhere) == "Tiếp lần đầu"


def test_a_denouncer_who_came_before_as_a_citizen_is_recognised_by_name_and_commune_and_back(desk):
    _record(desk, _post(30))
    assert _record(desk, _post(20, matter_type="denunciation")).is_repeat
    other = "Vương Văn Khang"
    _record(desk, _post(15, matter_type="denunciation", name=other))
    assert _record(desk, _post(5, name=other)).is_repeat


def test_an_unknown_commune_is_refused_with_a_vietnamese_message_and_the_input_kept(desk):
    for bad in ("999999", "abc", str(geo.communes(1)[0][0])):  # the last: a ward of Hà Nội, not this province
        response = desk.post(reverse("reception:visit_new"), _post(5, commune=bad))
        body = response.content.decode()
        assert response.status_code == 422
        assert UNKNOWN in body
        assert f'value="{NAME}"' in body
        assert 'value="Thôn Lim"' in body
        assert "Kiến nghị làm lại đường bê tông liên thôn" in body
    assert not Visit.objects.exists()
    assert not Citizen.objects.exists()


def test_the_service_refuses_a_commune_code_that_is_not_on_the_map(officer, visit_input, now):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as excinfo:
        services.record_visit(data=visit_input(visitors=(VisitorInput(full_name=NAME, commune_code=999999),)),
                              actor=officer, now=now)
    assert excinfo.value.message_dict["visitor-0-commune_code"] == [UNKNOWN]


def test_a_chosen_citizen_without_a_commune_gains_the_one_typed_on_the_row(officer, visit_input, now):
    citizen = Citizen.objects.create(full_name=NAME, search_name="hoang thi lua")
    services.record_visit(
        data=visit_input(visitors=(VisitorInput(citizen_id=citizen.pk, commune_code=TIEN_DU),)), actor=officer,
        now=now,
    )
    citizen.refresh_from_db()
    assert (citizen.commune_code, citizen.province_code) == (TIEN_DU, geo.BAC_NINH)
    later = visit_input(received_at=datetime(2026, 11, 27, 8, 0, tzinfo=TZ),
                        visitors=(VisitorInput(full_name=NAME, commune_code=TIEN_DU),))
    assert services.record_visit(data=later, actor=officer, now=now)[0].is_repeat


def test_a_returning_citizen_typed_again_with_the_same_phone_is_a_repeat(officer, visit_input, now):
    services.record_visit(data=visit_input(visitors=(VisitorInput(full_name=NAME, phone="0913 222 333"),)),
                          actor=officer, now=now)
    later = visit_input(received_at=datetime(2026, 11, 27, 8, 0, tzinfo=TZ),
                        visitors=(VisitorInput(full_name="Người nhà", phone="+84913222333"),))
    assert services.record_visit(data=later, actor=officer, now=now)[0].is_repeat


def test_the_lookup_gives_the_commune_to_the_row_it_fills(desk):
    _record(desk, _post(30))
    body = desk.get(reverse("reception:citizen_lookup"), {"q": "hoang thi lua"}).content.decode()
    assert f'data-commune-code="{TIEN_DU}"' in body
    assert "Xã Tiên Du" in body
