"""Opening a case from a letter (cases:open_from_letter) is the letters' acceptance: the same checks, the
conflict-of-interest guard (TC-CONFID), the acceptance notice — never a case opened beside them."""

import pytest
from django.urls import reverse

from tiepdan.cases.models import Case
from tiepdan.documents.selectors import documents_for

pytestmark = pytest.mark.django_db


def _open(client, letter, **data):
    return client.post(reverse("cases:open_from_letter", kwargs={"code": letter.code}), data)


def _messages(response) -> str:
    return " ".join(str(m) for m in response.context["messages"])


def test_opening_a_case_from_the_letter_accepts_it_and_issues_the_acceptance_notice(
    client, register, citizen_sender, classify, leader
):
    letter = register(senders=[citizen_sender])
    classify(letter)
    client.force_login(leader)
    response = _open(client, letter, track="complaint_first")
    case = Case.objects.get(letter=letter)
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:case_detail", kwargs={"code": case.code})
    assert (case.track, case.handler) == ("complaint_first", leader)
    letter.refresh_from_db()
    assert (letter.status, letter.disposition) == ("disposed", "accept")
    notice = documents_for(letter).get()
    assert notice.kind_code == "TB"
    assert "thụ lý" in notice.title.lower()
    # Accepted once: a second attempt is refused with the reason, and opens nothing.
    page = client.post(reverse("cases:open_from_letter", kwargs={"code": letter.code}),
                       {"track": "complaint_first"}, follow=True)
    assert "Đơn đã được xử lý" in _messages(page)
    assert Case.objects.filter(letter=letter).count() == 1


def test_a_letter_not_yet_classified_is_refused_with_the_reason(client, register, citizen_sender, leader):
    letter = register(senders=[citizen_sender])
    client.force_login(leader)
    page = client.post(reverse("cases:open_from_letter", kwargs={"code": letter.code}),
                       {"track": "complaint_first"}, follow=True)
    assert page.status_code == 200
    assert page.redirect_chain[-1][0] == letter.get_absolute_url()
    assert "Phải phân loại đơn" in _messages(page)
    assert not Case.objects.exists()
    assert not documents_for(letter).exists()


def test_the_denounced_person_is_refused_as_handler_with_a_vietnamese_message(
    client, denunciation, classify, officer, leader
):
    # The reception officer is named in the denunciation (and works in the unit handling it).
    classify(denunciation, denounced_persons=f"bà {officer.staff.full_name}, cán bộ tiếp công dân")
    client.force_login(officer)  # opening it for herself
    page = client.post(reverse("cases:open_from_letter", kwargs={"code": denunciation.code}),
                       {"track": "denunciation"}, follow=True)
    assert page.status_code == 200
    assert "có tên trong danh sách người bị tố cáo" in _messages(page)
    assert "Không được giao giải quyết vụ việc" in _messages(page)
    client.force_login(leader)  # the director choosing her
    page = client.post(reverse("cases:open_from_letter", kwargs={"code": denunciation.code}),
                       {"track": "denunciation", "handler": officer.pk}, follow=True)
    assert page.status_code == 200
    assert "có tên trong danh sách người bị tố cáo" in _messages(page)
    assert not Case.objects.exists()
    assert not documents_for(denunciation).exists()
    denunciation.refresh_from_db()
    assert denunciation.status == "classified"


def test_a_handler_outside_the_handling_unit_or_a_wrong_track_is_refused(
    client, register, citizen_sender, classify, leader, handler
):
    letter = register(senders=[citizen_sender])
    classify(letter)
    client.force_login(leader)
    for data, message in (({"track": "complaint_first", "handler": handler.pk}, "cán bộ của đơn vị xử lý đơn"),
                          ({"track": "complaint_first", "handler": "x"}, "cán bộ của đơn vị xử lý đơn"),
                          ({"track": "denunciation"}, "Loại vụ việc không phù hợp"),
                          ({"track": "nonsense"}, "Chưa chọn loại vụ việc")):
        page = client.post(reverse("cases:open_from_letter", kwargs={"code": letter.code}), data, follow=True)
        assert page.status_code == 200
        assert message in _messages(page), data
    assert not Case.objects.exists()


def test_others_cannot_open_a_case_from_the_letter(client, register, citizen_sender, classify, outsider, auditor,
                                                    leader):
    letter = register(senders=[citizen_sender])
    classify(letter)
    client.force_login(outsider)
    assert _open(client, letter, track="complaint_first").status_code == 404
    client.force_login(auditor)  # reads everything, writes nothing
    assert _open(client, letter, track="complaint_first").status_code == 403
    client.force_login(leader)
    assert client.get(reverse("cases:open_from_letter", kwargs={"code": letter.code})).status_code == 403
    unknown = "D" + "X" * 10  # the shape of a letter code
    assert client.post(reverse("cases:open_from_letter", kwargs={"code": unknown}),
                       {"track": "complaint_first"}).status_code == 404
    assert not Case.objects.exists()
