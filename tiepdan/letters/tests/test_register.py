"""The register: filters, accent-insensitive search, sorting, paging, .xlsx of exactly what is filtered, and a
constant number of queries per page."""

import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tiepdan.letters import selectors
from tiepdan.letters.services import SenderInput
from tiepdan.letters.tests.conftest import COMMUNE, TODAY

pytestmark = pytest.mark.django_db

URL = reverse("letters:letter_list")


@pytest.fixture
def letters(register, unit, citizen_sender, classify):
    made = {
        "karaoke": register(matter_type="feedback", summary="Phản ánh quán karaoke gây tiếng ồn sau 22 giờ",
                            text="Quán hát karaoke ở thôn Thượng", senders=[citizen_sender],
                            received_on=date(2026, 11, 2)),
        "le_hoi": register(matter_type="petition", summary="Kiến nghị bảo đảm an ninh trật tự tại lễ hội đền Bà Chúa",
                           senders=[SenderInput(full_name="Nghiêm Thị Yến", phone="0933444555")],
                           channel="transferred", transferring_body="Ban Tiếp công dân tỉnh",
                           transfer_doc_number="88/BTCD", received_on=date(2026, 10, 5), commune_code=None),
        "mass": register(matter_type="complaint", summary="Khiếu nại thu hồi mặt bằng kinh doanh ở bãi lễ hội",
                         senders=[citizen_sender], signer_count=25, received_on=date(2026, 11, 20)),
        "overdue": register(matter_type="complaint", summary="Khiếu nại kết quả tuyển chọn vận động viên",
                            senders=[citizen_sender], received_on=date(2026, 10, 1), unit=unit("ql-the-thao")),
    }
    classify(made["le_hoi"], competence="outside", competent_body="UBND xã")
    return made


def _codes(client, **params):
    page = client.get(URL, params)
    assert page.status_code == 200
    return {r["code"] for r in page.context["rows"]}


def test_each_filter_narrows_the_register(client, leader, letters, unit):
    client.force_login(leader)
    everything = {letter.code for letter in letters.values()}
    assert _codes(client) == everything
    assert _codes(client, loai="feedback") == {letters["karaoke"].code}
    assert _codes(client, nguon="transferred") == {letters["le_hoi"].code}
    assert _codes(client, tham_quyen="outside") == {letters["le_hoi"].code}
    assert _codes(client, trang_thai="classified") == {letters["le_hoi"].code}
    assert _codes(client, tu_ngay="01/11/2026", den_ngay="21/11/2026") == {letters["karaoke"].code,
                                                                          letters["mass"].code}
    assert _codes(client, don_vi=unit("ql-the-thao").pk) == {letters["overdue"].code}
    assert _codes(client, xa=COMMUNE) == everything - {letters["le_hoi"].code}
    assert _codes(client, dong_nguoi="on") == {letters["mass"].code}


def test_overdue_and_due_soon_use_the_stored_limit(client, leader, letters, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a: TODAY)
    client.force_login(leader)
    overdue = _codes(client, qua_han="on")
    assert letters["overdue"].code in overdue
    assert letters["mass"].code not in overdue
    # "mass" was received Fri 20/11/2026: 10 working days → Fri 04/12/2026, not within 3 days of 27/11.
    due_soon = _codes(client, sap_den_han="on")
    assert letters["mass"].code not in due_soon


@pytest.mark.parametrize("query", ["karaoke", "KARAOKE tieng on", "tiếng ồn", "dinh cong hau", "88/btcd", "karao"])
def test_search_is_accent_insensitive_over_text_and_names(client, leader, letters, query):
    client.force_login(leader)
    found = _codes(client, q=query)
    if query == "88/btcd":
        assert found == {letters["le_hoi"].code}
    else:
        assert letters["karaoke"].code in found
        assert letters["le_hoi"].code not in found


def test_sorting_and_paging(client, leader, letters, monkeypatch):
    monkeypatch.setattr(selectors, "PAGE_SIZE", 2)
    client.force_login(leader)
    first = client.get(URL, {"sap_xep": "received_on"})
    assert [r["code"] for r in first.context["rows"]] == [letters["overdue"].code, letters["le_hoi"].code]
    assert first.context["has_next"]
    second = client.get(URL, {"sap_xep": "received_on", "trang": 2})
    assert [r["code"] for r in second.context["rows"]] == [letters["karaoke"].code, letters["mass"].code]
    assert 'sap_xep=received_on' in first.content.decode()  # paging keeps the filters


def test_the_count_is_capped_for_huge_registers(letters, leader):
    qs = selectors.letters_visible_to(leader)
    assert selectors.capped_count(qs) == (4, True)
    assert selectors.capped_count(qs, cap=3) == (3, False)


def test_export_is_exactly_what_is_filtered(client, leader, letters):
    from openpyxl import load_workbook

    client.force_login(leader)
    response = client.get(reverse("letters:letter_export"), {"loai": "complaint", "sap_xep": "received_on"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    header, data = rows[2], rows[3:]
    assert header[0] == "Mã đơn"
    assert [r[0] for r in data] == [letters["overdue"].code, letters["mass"].code]
    assert data[1][4] == 25
    assert data[1][1].date() == date(2026, 11, 20)


def test_the_register_makes_a_constant_number_of_queries(client, leader, register, citizen_sender):
    client.force_login(leader)
    client.get(URL)  # warm caches (content types, session)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(URL, {"q": "khieu nai"}).status_code == 200
        return len(ctx.captured_queries)

    register(senders=[citizen_sender])
    few = count()
    for n in range(12):
        register(senders=[citizen_sender, SenderInput(full_name=f"Người ký {n}", is_representative=True)],
                 matter_type="complaint" if n % 2 else "denunciation",
                 summary=f"Khiếu nại số {n} về biểu diễn nghệ thuật")
    assert count() == few
    # Session and user, the count, the page, the senders' names, the filter choices, the shell; on
    # PostgreSQL a search adds its transaction and planner settings (selectors.search_session).
    assert few <= 20


def test_an_outsider_sees_none_of_another_units_letters(client, outsider, letters):
    client.force_login(outsider)
    assert _codes(client) == set()
    assert _codes(client, q="karaoke") == set()


def test_the_full_text_triggers_are_restored_after_a_table_rebuild(register, citizen_sender, leader):
    from tiepdan.letters.search_index import ensure_sqlite_search_index

    if connection.vendor != "sqlite":
        pytest.skip("SQLite only: PostgreSQL's index survives ALTER TABLE")
    with connection.cursor() as cursor:  # what Django's table rebuild does to them
        for name in ("ai", "ad", "au"):
            cursor.execute(f"DROP TRIGGER letters_letter_fts_{name}")
    letter = register(senders=[citizen_sender], summary="Phản ánh xe ôm tranh khách ở khu di tích")
    assert ensure_sqlite_search_index() is True
    found = selectors.search_letters(selectors.letters_visible_to(leader), "xe om tranh khach")
    assert list(found) == [letter]
    assert ensure_sqlite_search_index() is False
