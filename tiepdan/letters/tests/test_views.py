"""Every letter page: anonymous → login, an officer of another unit → 404 (objects) or 403 (writes),
read-only roles → 403 on writes; the forms keep typed input and say what is wrong beside the field."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tiepdan.letters.models import Letter
from tiepdan.letters.tests.conftest import COMMUNE, EXE, PDF

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter(register, citizen_sender):
    return register(senders=[citizen_sender], uploads=[])


@pytest.fixture
def scanned(register, citizen_sender):
    from tiepdan.letters.services import Upload

    return register(senders=[citizen_sender], uploads=[Upload("scan.pdf", PDF)])


def _object_urls(letter, scanned):
    code = letter.code
    return [
        ("get", reverse("letters:letter_detail", kwargs={"code": code})),
        ("get", reverse("letters:classify", kwargs={"code": code})),
        ("post", reverse("letters:classify", kwargs={"code": code})),
        ("get", reverse("letters:split", kwargs={"code": code})),
        ("get", reverse("letters:duplicates", kwargs={"code": code})),
        ("post", reverse("letters:duplicates", kwargs={"code": code})),
        ("post", reverse("letters:dispose", kwargs={"code": code, "action": "luu"})),
        ("post", reverse("letters:reveal", kwargs={"code": code})),
        ("get", reverse("letters:redacted_copy", kwargs={"code": code})),
        ("get", reverse("letters:attachment", kwargs={"code": scanned.code, "pk": scanned.attachments.get().pk})),
        ("post", reverse("letters:assign", kwargs={"code": code, "case_code": "VVXXXX"})),
        ("post", reverse("letters:route", kwargs={"code": code})),
    ]


GLOBAL_URLS = [
    ("get", reverse("letters:letter_list")),
    ("get", reverse("letters:letter_export")),
    ("get", reverse("letters:letter_register")),
    ("post", reverse("letters:letter_register")),
    ("get", reverse("letters:citizen_lookup") + "?q=0911"),
    ("post", reverse("letters:suggest")),
    ("get", reverse("letters:access_log")),
]


def test_anonymous_users_are_sent_to_login(client, letter, scanned):
    for method, url in [*_object_urls(letter, scanned), *GLOBAL_URLS]:
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert "/dang-nhap/" in response["Location"], url


def test_an_officer_of_another_unit_gets_404_on_every_letter_page(client, outsider, letter, scanned):
    client.force_login(outsider)
    for method, url in _object_urls(letter, scanned):
        assert getattr(client, method)(url).status_code == 404, url


def test_an_officer_of_another_unit_sees_empty_lists_and_cannot_register_for_them(client, outsider, letter):
    client.force_login(outsider)
    assert letter.code not in client.get(reverse("letters:letter_list")).content.decode()
    assert client.get(reverse("letters:access_log")).status_code == 403
    response = client.post(reverse("letters:suggest"), {"summary": letter.summary, "text": letter.text})
    assert letter.code not in response.content.decode()


def test_read_only_and_non_handling_roles_cannot_write(client, auditor, letter, demo_org):
    from django.contrib.auth import get_user_model

    client.force_login(auditor)
    assert client.get(reverse("letters:letter_detail", kwargs={"code": letter.code})).status_code == 200
    for url in (reverse("letters:letter_register"), reverse("letters:classify", kwargs={"code": letter.code})):
        assert client.get(url).status_code == 403
    assert client.post(reverse("letters:dispose", kwargs={"code": letter.code, "action": "luu"}),
                       {"on": "27/11/2026", "reason": "anonymous"}).status_code == 403
    client.force_login(get_user_model().objects.get(username="congdoan"))  # trade union: no letter work
    assert client.get(reverse("letters:letter_register")).status_code == 403


def _form(officer, **overrides):
    data = {
        "channel": "post", "received_on": "23/11/2026", "unit": officer.staff.unit.pk, "matter_type": "complaint",
        "summary": "Khiếu nại quyết định xử phạt biểu diễn nghệ thuật", "text": "Đề nghị hủy quyết định.",
        "commune_code": str(COMMUNE), "nguoi-TOTAL_FORMS": "2", "nguoi-INITIAL_FORMS": "0",
        "nguoi-0-full_name": "Đinh Công Hậu", "nguoi-0-id_number": "027085001111", "nguoi-0-phone": "0911222333",
        "nguoi-0-commune_code": str(COMMUNE), "nguoi-1-full_name": "",
    }
    data.update(overrides)
    return data


def _field_errors(response) -> str:
    return " ".join(re.findall(r'class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.content.decode(), re.S))


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"attachments": SimpleUploadedFile("don.pdf", EXE, "application/pdf")}, "không phải tệp PDF"),
        ({"received_on": "28/11/2099"}, "không được sau ngày hôm nay"),
        ({"channel": "transferred"}, "phải ghi tên cơ quan chuyển đơn"),
        ({"received_on": "31/02/2026"}, "dd/mm/yyyy"),
    ],
)
def test_bad_input_is_explained_beside_the_field_and_what_was_typed_is_kept(client, officer, overrides, expected):
    client.force_login(officer)
    response = client.post(reverse("letters:letter_register"), _form(officer, **overrides))
    assert response.status_code == 422
    assert expected in _field_errors(response)
    page = response.content.decode()
    assert 'value="Khiếu nại quyết định xử phạt biểu diễn nghệ thuật"' in page
    assert 'value="Đinh Công Hậu"' in page
    assert not Letter.objects.exists()


def test_registering_through_the_form_shows_the_limit_with_its_explanation(client, officer):
    client.force_login(officer)
    response = client.post(reverse("letters:letter_register"),
                           _form(officer, attachments=SimpleUploadedFile("don.pdf", PDF, "application/pdf")))
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert 'id="deadline-XLD-TIME"' in page
    assert "07/12/2026" in page
    assert "Vì sao là ngày này?" in page
    assert Letter.objects.get().attachments.count() == 1


def test_the_suggestion_panel_shows_the_words_and_the_duplicates(client, officer, letter):
    client.force_login(officer)
    response = client.post(reverse("letters:suggest"), {
        "summary": "Đơn khiếu nại", "text": "Tôi tố cáo ông Trần Văn Bình nhận tiền, nhũng nhiễu.",
        "nguoi-0-full_name": "Đinh Công Hậu", "nguoi-0-id_number": "027085001111",
    })
    page = response.content.decode()
    assert 'data-label="denunciation"' in page
    assert ">nhung nhieu</mark>" in page
    assert letter.code in page  # same sender: a candidate duplicate


def test_classifying_through_the_page_records_the_suggestion(client, leader, letter):
    client.force_login(leader)
    url = reverse("letters:classify", kwargs={"code": letter.code})
    assert "Loại đơn gợi ý" in client.get(url).content.decode()
    response = client.post(url, {"matter_type": "complaint", "competence": "", "is_eligible": "yes"})
    assert response.status_code == 422
    assert "Chọn thẩm quyền" in response.content.decode()
    response = client.post(url, {"matter_type": "complaint", "competence": "within", "is_eligible": "yes"})
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.status == "classified"
    assert letter.classifications.get().suggested_type == "complaint"


def test_a_refused_disposition_says_why_on_the_letter_page(client, leader, letter):
    client.force_login(leader)
    response = client.post(reverse("letters:dispose", kwargs={"code": letter.code, "action": "thu-ly"}),
                           {"on": "27/11/2026"})
    assert response.status_code == 422
    assert "Phải phân loại đơn" in response.content.decode()


def test_linking_a_duplicate_through_the_page(client, officer, register, citizen_sender, letter):
    again = register(senders=[citizen_sender])
    client.force_login(officer)
    page = client.get(reverse("letters:duplicates", kwargs={"code": again.code})).content.decode()
    assert letter.code in page
    client.post(reverse("letters:duplicates", kwargs={"code": again.code}), {"goc": letter.code})
    again.refresh_from_db()
    assert again.duplicate_of == letter


def test_the_citizen_lookup_finds_by_id_or_phone(client, officer, letter):
    client.force_login(officer)
    page = client.get(reverse("letters:citizen_lookup"), {"q": "027085"}).content.decode()
    assert "Đinh Công Hậu" in page
    assert "data-citizen=" in page


def test_scan_download_is_the_decrypted_original_for_the_letters_unit(client, officer, scanned):
    client.force_login(officer)
    response = client.get(reverse("letters:attachment", kwargs={"code": scanned.code,
                                                                 "pk": scanned.attachments.get().pk}))
    assert response.status_code == 200
    assert response.content == PDF
    assert response["Content-Disposition"].startswith("attachment;")


def test_a_letter_is_routed_to_the_handling_unit_with_its_deadline(client, officer, letter, unit):
    from tiepdan.deadlines.selectors import deadlines_for

    client.force_login(officer)
    response = client.post(reverse("letters:route", kwargs={"code": letter.code}), {"unit": unit("ql-van-hoa").pk})
    assert response.status_code == 302
    letter.refresh_from_db()
    assert letter.unit == unit("ql-van-hoa")
    assert deadlines_for(letter).get().unit == unit("ql-van-hoa")


def test_a_denunciation_is_never_routed_to_the_unit_it_denounces(denunciation, classify, leader, unit):
    from tiepdan.letters.services import LetterActionRefused, route_letter

    classify(denunciation, denounced_unit=unit("bao-tang"))
    for target in ("bao-tang", "bql-di-tich"):  # the unit, and a unit below it
        with pytest.raises(LetterActionRefused):
            route_letter(letter=denunciation, unit=unit(target), actor=leader)
