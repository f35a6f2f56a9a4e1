"""Citizen records: create and correct, accent-insensitive search, the citizen page, merging duplicates."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tiepdan.people import geo, services
from tiepdan.people.models import Citizen
from tiepdan.people.selectors import citizens_visible_to, search_citizens
from tiepdan.people.services import CitizenInput
from tiepdan.reception.models import VisitParticipant

pytestmark = pytest.mark.django_db
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def _citizen(**kw) -> Citizen:
    citizen = Citizen(**{"full_name": "Nguyễn Văn Đức", **kw})
    citizen.refresh_search_keys()
    citizen.save()
    return citizen


def _commune() -> int:
    return geo.communes(geo.BAC_NINH)[0][0]


def test_a_citizen_is_created_on_the_2025_map_with_a_valid_id_number(officer):
    citizen = services.create_citizen(
        data=CitizenInput(full_name="  Trần   Thị Mai ", id_number="027 190 000 123", phone="0912 345 678",
                          commune_code=_commune(), old_address="Thôn Đông, xã Cũ, huyện Yên Phong"),
        actor=officer,
    )
    assert citizen.full_name == "Trần Thị Mai"
    assert citizen.id_number == "027190000123"
    assert citizen.province_code == geo.BAC_NINH
    assert "Bắc Ninh" in citizen.address
    assert citizen.search_name == "tran thi mai"


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"id_number": "12345678901"}, "id_number", "đúng 12 chữ số"),
        ({"id_number": "02719000012a"}, "id_number", "đúng 12 chữ số"),
        ({"full_name": " "}, "full_name", "Chưa nhập họ và tên"),
        ({"phone": "12"}, "phone", "Số điện thoại không hợp lệ"),
        ({"commune_code": 999999}, "commune_code", "không có trong danh mục"),
    ],
)
def test_bad_citizen_input_gives_a_message_on_its_field(officer, data, field, message):
    with pytest.raises(ValidationError) as excinfo:
        services.create_citizen(data=CitizenInput(**{"full_name": "Lê Văn Tám", **data}), actor=officer)
    assert message in excinfo.value.message_dict[field][0]


def test_the_same_id_number_is_never_stored_twice(officer):
    _citizen(id_number="027090009999")
    with pytest.raises(ValidationError) as excinfo:
        services.create_citizen(data=CitizenInput(full_name="Người Khác", id_number="027090009999"), actor=officer)
    assert "đã có trong hồ sơ" in excinfo.value.message_dict["id_number"][0]


def test_a_commune_of_another_province_is_refused(officer):
    hanoi_commune = geo.communes(1)[0][0]
    with pytest.raises(ValidationError) as excinfo:
        services.create_citizen(data=CitizenInput(full_name="A B", commune_code=hanoi_commune), actor=officer)
    assert "không thuộc tỉnh" in excinfo.value.message_dict["commune_code"][0]


def test_a_correction_is_audited_with_the_previous_value(officer):
    citizen = _citizen(phone="0900000001")
    services.update_citizen(citizen=citizen, data=CitizenInput(full_name="Nguyễn Văn Đức", phone="0900000002"),
                            actor=officer)
    entry = LogEntry.objects.get_for_object(citizen).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.changes_dict["phone"] == ["0900000001", "0900000002"]
    assert entry.actor == officer


@pytest.mark.parametrize("query", ["nguyen van duc", "NGUYỄN VĂN ĐỨC", "van duc", "0271", "912 345", "Đức"])
def test_search_is_accent_insensitive_by_name_id_number_or_phone(query):
    duc = _citizen(id_number="027190000123", phone="0912345678")
    _citizen(full_name="Trần Thị Lan", phone="0988000000")
    assert list(search_citizens(Citizen.objects.all(), query)) == [duc]


def test_merging_moves_visits_and_letters_and_keeps_the_duplicate_marked(inspector, make_visit, make_letter):
    keep = _citizen(id_number=None, phone="")
    dup = _citizen(id_number="027190000123", phone="0912345678", full_name="Nguyen Van Duc")
    visit = make_visit()
    VisitParticipant.objects.create(visit=visit, citizen=dup)
    shared = make_visit()
    VisitParticipant.objects.create(visit=shared, citizen=dup)
    VisitParticipant.objects.create(visit=shared, citizen=keep)
    letter = make_letter(sender=dup)

    services.merge_citizens(keep=keep, merge=dup, actor=inspector)

    keep.refresh_from_db()
    dup.refresh_from_db()
    assert dup.merged_into == keep
    assert dup.merged_at is not None
    assert keep.id_number == "027190000123"
    assert keep.phone == "0912345678"
    assert visit.participants.get().citizen == keep
    assert letter.sender_links.get().citizen == keep
    assert shared.participants.count() == 2  # the duplicate link stays, as history
    assert Citizen.objects.filter(pk=dup.pk).exists()
    assert LogEntry.objects.get_for_object(dup).filter(actor=inspector).exists()


def test_only_the_administrators_and_the_inspection_may_merge(officer, admin_user):
    keep, dup = _citizen(), _citizen()
    with pytest.raises(PermissionDenied):
        services.merge_citizens(keep=keep, merge=dup, actor=officer)
    services.merge_citizens(keep=keep, merge=dup, actor=admin_user)


def test_two_different_id_numbers_are_not_merged(inspector):
    keep, dup = _citizen(id_number="027190000123"), _citizen(id_number="027190000124")
    with pytest.raises(ValidationError):
        services.merge_citizens(keep=keep, merge=dup, actor=inspector)


def test_the_citizen_page_shows_all_visits_letters_and_cases_in_constant_queries(
    client, officer, leader, make_visit, make_letter
):
    from tiepdan.cases.services import open_case

    citizen = _citizen(id_number="027190000123")

    def add(n: int) -> None:
        start = citizen.visit_participations.count()
        for i in range(start, start + n):
            visit = make_visit(received_at=datetime(2026, 3, 2 + i, 9, 0, tzinfo=TZ), content=f"Lượt {i}")
            VisitParticipant.objects.create(visit=visit, citizen=citizen)
            letter = make_letter("ttr-pc", sender=citizen, received_on=date(2026, 3, 2 + i))
            open_case(letter=letter, track="petition", actor=leader)

    client.force_login(officer)
    url = reverse("people:citizen_detail", kwargs={"pk": citizen.pk})
    add(2)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add(8)
    with CaptureQueriesContext(connection) as many:
        body = client.get(url).content.decode()
    assert len(many) == len(few)
    for i in range(10):
        assert f"Lượt {i}" in body
    assert body.count("/vu-viec/VV") == 10


def test_denunciations_are_hidden_on_the_citizen_page_except_for_leadership_and_inspection(
    client, officer, leader, make_visit
):
    citizen = _citizen()
    visit = make_visit(matter_type="denunciation", content="Tố cáo cán bộ X")
    VisitParticipant.objects.create(visit=visit, citizen=citizen)
    url = reverse("people:citizen_detail", kwargs={"pk": citizen.pk})
    client.force_login(officer)
    body = client.get(url).content.decode()
    assert "Tố cáo cán bộ X" not in body
    assert "giữ bí mật người tố cáo" in body
    client.force_login(leader)
    assert "Tố cáo cán bộ X" in client.get(url).content.decode()


def test_an_outsider_cannot_open_a_citizen_of_another_unit(client, outsider, make_visit):
    citizen = _citizen()
    VisitParticipant.objects.create(visit=make_visit("ttr-pc"), citizen=citizen)
    client.force_login(outsider)
    for name in ("citizen_detail", "citizen_edit", "citizen_merge"):
        assert client.get(reverse(f"people:{name}", kwargs={"pk": citizen.pk})).status_code == 404, name
    assert citizen not in citizens_visible_to(outsider)
    assert citizen.full_name not in client.get(reverse("people:citizen_list")).content.decode()


def test_role_restricted_citizen_pages_are_refused(client, officer, auditor):
    citizen = _citizen()
    client.force_login(officer)
    assert client.get(reverse("people:citizen_merge", kwargs={"pk": citizen.pk})).status_code == 403
    client.force_login(auditor)
    assert client.get(reverse("people:citizen_create")).status_code == 403


@pytest.mark.parametrize("name", ["citizen_list", "citizen_create", "communes"])
def test_anonymous_users_are_sent_to_login(client, db, name):
    response = client.get(reverse(f"people:{name}"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_citizen_form_keeps_the_input_and_says_what_is_wrong(client, officer):
    client.force_login(officer)
    response = client.post(reverse("people:citizen_create"), {
        "full_name": "Phạm Văn Quý", "id_number": "0271900", "phone": "0912345678", "kind": "individual",
        "province_code": geo.BAC_NINH, "commune_code": "", "address_detail": "Thôn Bắc",
    })
    body = response.content.decode()
    assert response.status_code == 422
    assert "Số căn cước phải gồm đúng 12 chữ số" in body
    assert 'value="Phạm Văn Quý"' in body
    assert 'value="Thôn Bắc"' in body


def test_the_citizen_form_saves_and_the_commune_select_follows_the_province(client, officer):
    client.force_login(officer)
    commune = _commune()
    response = client.post(reverse("people:citizen_create"), {
        "full_name": "Phạm Văn Quý", "id_number": "027190000777", "phone": "", "kind": "individual",
        "province_code": geo.BAC_NINH, "commune_code": commune,
    })
    citizen = Citizen.objects.get(id_number="027190000777")
    assert response.status_code == 302
    assert response.url == citizen.get_absolute_url()
    options = client.get(reverse("people:communes"), {"province_code": geo.BAC_NINH}).content.decode()
    assert options.count("<option") == 100  # 99 communes and wards of Bắc Ninh, and the blank


def test_merge_page_merges_for_the_inspection(client, inspector):
    keep, dup = _citizen(), _citizen(phone="0911111111")
    client.force_login(inspector)
    url = reverse("people:citizen_merge", kwargs={"pk": keep.pk})
    assert dup.full_name in client.get(url).content.decode()
    assert client.post(url, {"other": "abc"}).status_code == 404
    assert client.post(url, {"other": dup.pk}).status_code == 302
    dup.refresh_from_db()
    assert dup.merged_into == keep
    # The merged record's page leads to the record kept.
    assert client.get(reverse("people:citizen_detail", kwargs={"pk": dup.pk})).url == keep.get_absolute_url()
