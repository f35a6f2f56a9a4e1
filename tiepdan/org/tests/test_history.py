"""A merged unit keeps its closed cases; its open ones move to the successor; nothing is deleted."""

from datetime import date

from django.urls import reverse

from tiepdan.cases.models import Case
from tiepdan.cases.services import open_case
from tiepdan.deadlines.models import Deadline
from tiepdan.org import services
from tiepdan.org.models import Unit, UnitChange


def test_merging_moves_open_work_and_keeps_closed_work_with_its_history(make_letter, handler, unit):
    open_letter = make_letter("thu-vien", summary="Kiến nghị mở cửa thư viện cuối tuần")
    open_one = open_case(letter=open_letter, track="complaint_first", actor=handler)
    closed_one = open_case(letter=make_letter("thu-vien"), track="complaint_first", actor=handler)
    Case.objects.filter(pk=closed_one.pk).update(closed_on=date(2026, 3, 10), status="closed")

    change = services.end_unit(
        unit=unit("thu-vien"),
        kind="merged",
        on=date(2026, 4, 1),
        successor=unit("bao-tang"),
        legal_basis="Quyết định sáp nhập (mẫu)",
    )

    open_one.refresh_from_db()
    closed_one.refresh_from_db()
    assert open_one.unit.code == "bao-tang"
    assert open_one.original_unit.code == "thu-vien"
    assert closed_one.unit.code == "thu-vien"
    assert Deadline.objects.filter(object_id=open_one.pk, status="open").get().unit.code == "bao-tang"
    assert change.open_items_moved >= 2  # the case and its deadline (and the open letter)
    library = Unit.objects.get(code="thu-vien")
    assert library.valid_to == date(2026, 3, 31)
    assert library.successor.code == "bao-tang"
    assert UnitChange.objects.filter(unit=library, kind="merged").exists()


def test_administrator_merges_a_unit_from_the_web_interface(client, admin_user, make_letter, handler, unit):
    case = open_case(letter=make_letter("thu-vien"), track="complaint_first", actor=handler)
    client.force_login(admin_user)
    url = reverse("org:unit_detail", kwargs={"pk": unit("thu-vien").pk})
    response = client.post(
        url,
        {
            "kind": "merged",
            "effective_on": "01/04/2026",
            "successor": unit("bao-tang").pk,
            "legal_basis": "QĐ 12/QĐ-UBND",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "hồ sơ đang mở được chuyển" in response.content.decode()
    case.refresh_from_db()
    assert case.unit.code == "bao-tang"


def test_a_unit_handler_cannot_reorganise(client, handler, unit):
    client.force_login(handler)
    url = reverse("org:unit_detail", kwargs={"pk": unit("ql-van-hoa").pk})
    assert client.post(url, {"kind": "abolished"}).status_code == 403
