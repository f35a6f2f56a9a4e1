"""The reception book (Sổ tiếp công dân): filters, Form 03/TCD columns, .xlsx export, confidentiality, queries."""

import io
from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from tiepdan.audit.models import AccessLog
from tiepdan.people import geo
from tiepdan.people.models import Citizen
from tiepdan.reception.book import FORM03_COLUMNS
from tiepdan.reception.models import VisitParticipant
from tiepdan.reception.services.identity import Identity, store_denouncers
from tiepdan.reception.tests.conftest import TZ

pytestmark = pytest.mark.django_db

FORM03 = [
    "STT", "Ngày tiếp", "Họ tên và địa chỉ", "Số CCCD/ĐDCN/Hộ chiếu", "Tóm tắt nội dung", "Phân loại đơn",
    "Số người cùng nội dung", "Cơ quan đã giải quyết", "Thuộc thẩm quyền", "Hướng dẫn/Cơ quan có thẩm quyền",
    "Chuyển đơn", "Theo dõi kết quả", "Ghi chú",
]


def _visit(make_visit, day: int, *, name: str, number: str, month: int = 3, **kw):
    visit = make_visit(
        received_at=datetime(2026, month, day, 9, 0, tzinfo=TZ), content=f"Nội dung hồ sơ số {number[-2:]}", **kw
    )
    commune = geo.communes(geo.BAC_NINH)[0][0]
    if visit.is_denunciation:  # a denouncer is never a Citizen record: encrypted (TC-CONFID)
        store_denouncers(visit, [Identity(full_name=name, id_number=number, commune_code=commune,
                                          province_code=geo.BAC_NINH, is_representative=True)])
        return visit
    citizen = Citizen(full_name=name, id_number=number, commune_code=commune, province_code=geo.BAC_NINH)
    citizen.refresh_search_keys()
    citizen.save()
    VisitParticipant.objects.create(visit=visit, citizen=citizen, is_representative=True)
    return visit


@pytest.fixture
def book(make_visit):
    return [
        _visit(make_visit, 2, name="Nguyễn Văn Một", number="027090000001"),
        _visit(make_visit, 10, name="Trần Thị Hai", number="027090000002", matter_type="complaint",
               outcome="transferred", competent_body="UBND xã Tiên Du", document_number="12/PC-TTr"),
        _visit(make_visit, 20, name="Lê Văn Ba", number="027090000003", matter_type="denunciation"),
        _visit(make_visit, 5, name="Phạm Văn Bốn", number="027090000004", month=4, head_count=8, is_mass=True),
    ]


def test_the_form_03_columns_are_exactly_those_of_the_decree():
    assert [str(c) for c in FORM03_COLUMNS] == FORM03


def test_the_export_opens_in_openpyxl_with_form_03_columns_and_the_rows_of_the_period(client, leader, book):
    client.force_login(leader)
    response = client.get(reverse("reception:visit_export"), {"tu": "01/03/2026", "den": "31/03/2026"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    header_at = next(i for i, row in enumerate(values) if row[:2] == ["STT", "Ngày tiếp"])
    assert values[header_at][:13] == FORM03
    assert values[header_at + 1][:13] == list(range(1, 14))  # the numbered columns of the form
    data = [row for row in values[header_at + 2:] if row[0] is not None]
    assert [row[1] for row in data] == [datetime(2026, 3, d, 9, 0) for d in (2, 10, 20)]
    assert [row[0] for row in data] == [1, 2, 3]
    assert "Trần Thị Hai" in data[1][2]
    assert data[1][3] == "027090000002"
    assert "UBND xã Tiên Du" in data[1][10]
    assert "12/PC-TTr" in data[1][10]
    assert "Lê Văn Ba" in data[2][2]  # the leadership sees a denouncer
    assert AccessLog.objects.filter(user=leader, object_id=book[2].pk).exists()


def test_a_denouncer_is_masked_in_the_list_and_the_export_for_the_reception_officer(client, officer, book):
    client.force_login(officer)
    page = client.get(reverse("reception:visit_list")).content.decode()
    assert "Trần Thị Hai" in page
    assert "Lê Văn Ba" not in page
    assert "027090000003" not in page
    assert "(giữ bí mật)" in page
    export = client.get(reverse("reception:visit_export"))
    text = " ".join(str(c) for row in load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True)
                    for c in row if c)
    assert "Lê Văn Ba" not in text
    assert "(giữ bí mật)" in text


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"tu": "05/03/2026", "den": "20/03/2026"}, {"Trần Thị Hai", "(giữ bí mật)"}),
        ({"loai": "complaint"}, {"Trần Thị Hai"}),
        ({"dong_nguoi": "on"}, {"Phạm Văn Bốn"}),
        ({"tu": "01/04/2026"}, {"Phạm Văn Bốn"}),
    ],
)
def test_the_book_filters(client, officer, book, params, expected):
    client.force_login(officer)
    page = client.get(reverse("reception:visit_list"), params).content.decode()
    names = {"Nguyễn Văn Một", "Trần Thị Hai", "(giữ bí mật)", "Phạm Văn Bốn"}
    assert {n for n in names if n in page} == expected


def test_the_book_filters_by_officer_unit_repeat_and_commune(client, leader, officer, book, make_visit):
    other = _visit(make_visit, 3, name="Hoàng Văn Năm", number="027090000005", unit_code="ql-van-hoa",
                   is_repeat=True, commune_code=geo.communes(geo.BAC_NINH)[5][0], officer=officer.staff)
    client.force_login(leader)
    url = reverse("reception:visit_list")
    assert "Hoàng Văn Năm" in client.get(url, {"don_vi": other.unit_id}).content.decode()
    assert "Nguyễn Văn Một" not in client.get(url, {"don_vi": other.unit_id}).content.decode()
    assert "Nguyễn Văn Một" not in client.get(url, {"nhieu_lan": "on"}).content.decode()
    assert "Hoàng Văn Năm" in client.get(url, {"xa": other.commune_code}).content.decode()
    by_officer = client.get(url, {"can_bo": officer.staff.pk}).content.decode()
    assert "Hoàng Văn Năm" in by_officer
    assert "Nguyễn Văn Một" not in by_officer


@pytest.mark.parametrize("params", [
    {"tu": "31/02/2026"}, {"tu": "abc", "den": "01/01/2026"}, {"tu": "05/03/2026", "den": "01/03/2026"},
    {"don_vi": "x"}, {"trang": "999"},
])
def test_bad_filters_give_a_message_never_a_500(client, officer, book, params):
    client.force_login(officer)
    response = client.get(reverse("reception:visit_list"), params)
    assert response.status_code == 200
    if "tu" in params:
        body = response.content.decode()
        assert "dd/mm/yyyy" in body or "không được trước ngày bắt đầu" in body
    assert client.get(reverse("reception:visit_export"), params).status_code == 200


def test_the_book_page_and_the_export_make_a_constant_number_of_queries(client, leader, make_visit):
    client.force_login(leader)
    url = reverse("reception:visit_list")
    for i in range(2):
        _visit(make_visit, 1 + i, name=f"Người {i}", number=f"02709100{i:04d}")
    with CaptureQueriesContext(connection) as few:
        client.get(url)
        client.get(reverse("reception:visit_export"))
    for i in range(2, 30):
        _visit(make_visit, 1 + i % 28, name=f"Người {i}", number=f"02709100{i:04d}")
    with CaptureQueriesContext(connection) as many:
        body = client.get(url).content.decode()
        client.get(reverse("reception:visit_export"))
    assert len(many) == len(few)
    assert "Người 29" in body


def test_the_book_is_printable(client, officer, book):
    client.force_login(officer)
    body = client.get(reverse("reception:visit_list")).content.decode()
    assert "data-print" in body
    assert "Mẫu số 03/TCD" in body
