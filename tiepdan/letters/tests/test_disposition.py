"""Disposition within the limit: accept (a case opens), transfer (once for a denunciation), guide (once for
a complaint), urge, file — each with its document, the letter's deadline closed."""

from datetime import date

import pytest

from tiepdan.cases.models import Case
from tiepdan.deadlines.selectors import deadlines_for
from tiepdan.documents.selectors import documents_for
from tiepdan.letters.services import (
    LetterActionRefused,
    accept_letter,
    assign_case_handler,
    file_letter,
    guide_letter,
    transfer_letter,
    urge_letter,
)
from tiepdan.letters.tests.conftest import TODAY

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("matter_type", "track"),
    [("complaint", "complaint_first"), ("denunciation", "denunciation"), ("petition", "petition"),
     ("feedback", "petition")],
)
def test_accepting_opens_a_case_of_the_right_track_and_issues_the_acceptance_notice(
    register, citizen_sender, denouncer, classify, leader, matter_type, track
):
    sender = denouncer if matter_type == "denunciation" else citizen_sender
    letter = register(matter_type=matter_type, senders=[sender])
    classify(letter)
    outcome = accept_letter(letter=letter, actor=leader, on=TODAY, today=TODAY)
    case = Case.objects.get(letter=letter)
    assert case.track == track
    assert outcome.case == case
    letter.refresh_from_db()
    assert (letter.status, letter.disposition, letter.disposed_on) == ("disposed", "accept", TODAY)
    assert not deadlines_for(letter).filter(status="open").exists()
    document = documents_for(letter).get()
    assert document.kind_code == "TB"
    assert document.number_text.startswith("01/TB-")
    assert "thụ lý" in document.title.lower()


def test_a_letter_must_be_classified_within_competence_and_eligible_to_be_accepted(register, citizen_sender, leader,
                                                                                   classify):
    letter = register(senders=[citizen_sender])
    with pytest.raises(LetterActionRefused, match="phân loại"):
        accept_letter(letter=letter, actor=leader, on=TODAY, today=TODAY)
    classify(letter, competence="outside", competent_body="UBND xã Tiên Du")
    with pytest.raises(LetterActionRefused, match="thuộc thẩm quyền"):
        accept_letter(letter=letter, actor=leader, on=TODAY, today=TODAY)
    assert not Case.objects.exists()


def test_disposition_dates_must_lie_between_receipt_and_today(register, citizen_sender, leader, classify):
    letter = register(senders=[citizen_sender])
    classify(letter)
    with pytest.raises(LetterActionRefused, match="sau ngày hôm nay"):
        accept_letter(letter=letter, actor=leader, on=date(2026, 11, 28), today=TODAY)
    with pytest.raises(LetterActionRefused, match="trước ngày nhận"):
        accept_letter(letter=letter, actor=leader, on=date(2026, 11, 1), today=TODAY)


def test_a_denunciation_with_the_same_content_is_transferred_only_once(register, denouncer, leader, classify):
    from tiepdan.letters.tests.conftest import DENUNCIATION_TEXT

    first = register(matter_type="denunciation", summary="Tố cáo cán bộ", text=DENUNCIATION_TEXT, senders=[denouncer])
    classify(first, competence="outside", competent_body="Sở Nội vụ tỉnh Bắc Ninh")
    outcome = transfer_letter(letter=first, actor=leader, on=TODAY, today=TODAY)
    assert outcome.document.kind_code == "PC"
    assert outcome.document.number_text.startswith("01/PC-")
    again = register(matter_type="denunciation", summary="Tố cáo cán bộ", text=DENUNCIATION_TEXT,
                     senders=[denouncer])
    classify(again, competence="outside", competent_body="Sở Nội vụ tỉnh Bắc Ninh")
    with pytest.raises(LetterActionRefused) as exc:
        transfer_letter(letter=again, actor=leader, on=TODAY, today=TODAY)
    assert exc.value.rule_id == "XLD-TC-ONCE"
    assert first.code in exc.value.message
    again.refresh_from_db()
    assert again.status == "classified"
    assert not documents_for(again).exists()
    # It is filed instead, with the reason.
    filed = file_letter(letter=again, actor=leader, on=TODAY, today=TODAY, reason="denunciation_forwarded_once")
    assert filed.letter.disposition == "file"
    assert filed.letter.disposition_reason == "denunciation_forwarded_once"


def test_a_complaint_outside_competence_is_guided_once(register, citizen_sender, leader, classify):
    first = register(senders=[citizen_sender])
    classify(first, competence="outside", competent_body="UBND xã Tiên Du")
    outcome = guide_letter(letter=first, actor=leader, on=TODAY, today=TODAY)
    assert outcome.document.kind_code == "HD"
    second = register(senders=[citizen_sender])
    from tiepdan.letters.services import link_duplicate

    link_duplicate(letter=second, original=first, actor=leader)
    classify(second, competence="outside", competent_body="UBND xã Tiên Du")
    with pytest.raises(LetterActionRefused, match="một lần"):
        guide_letter(letter=second, actor=leader, on=TODAY, today=TODAY)


def test_urging_a_subordinate_issues_an_official_letter(register, citizen_sender, leader, classify):
    letter = register(senders=[citizen_sender])
    classify(letter, competence="outside", competent_body="Trung tâm Văn hóa – Điện ảnh tỉnh")
    outcome = urge_letter(letter=letter, actor=leader, on=TODAY, today=TODAY, subordinate="",
                          reply_by=date(2026, 12, 15))
    assert outcome.letter.disposition == "urge"
    assert outcome.document.number_text.startswith("01/SVHTTDL-")


def test_filing_an_anonymous_letter_keeps_an_unnumbered_note_and_an_identified_one_gets_a_notice(
    register, citizen_sender, leader
):
    anonymous = register(is_anonymous=True, senders=[])
    note = file_letter(letter=anonymous, actor=leader, on=TODAY, today=TODAY, reason="anonymous")
    assert note.document.number is None
    assert note.letter.is_eligible is False
    signed = register(senders=[citizen_sender])
    notice = file_letter(letter=signed, actor=leader, on=TODAY, today=TODAY, reason="already_settled")
    assert notice.document.kind_code == "TB"
    assert "không thụ lý" in notice.document.title
    with pytest.raises(LetterActionRefused):
        file_letter(letter=signed, actor=leader, on=TODAY, today=TODAY, reason="already_settled")


def test_filing_needs_a_legal_reason(register, citizen_sender, leader):
    letter = register(senders=[citizen_sender])
    with pytest.raises(LetterActionRefused, match="lý do"):
        file_letter(letter=letter, actor=leader, on=TODAY, today=TODAY, reason="")


def test_documents_are_numbered_per_year(register, citizen_sender, classify, leader):
    numbers = []
    for _ in range(3):
        letter = register(senders=[citizen_sender])
        classify(letter)
        numbers.append(accept_letter(letter=letter, actor=leader, on=TODAY, today=TODAY).document.number)
    assert numbers == [1, 2, 3]


def test_the_denounced_person_or_their_unit_head_can_never_be_assigned(denunciation, classify, leader, outsider,
                                                                        inspector, unit, demo_org):
    from django.contrib.auth import get_user_model

    from tiepdan.org.models import Position, Staff

    classify(denunciation, denounced_persons="Bùi Văn Nam, chuyên viên Bảo tàng tỉnh", denounced_unit=unit("bao-tang"))
    # The museum's head: a new director of the museum.
    user = get_user_model().objects.create_user("giamdocbaotang", password="x-long-password-1")
    Staff.objects.create(user=user, unit=unit("bao-tang"), full_name="Cao Văn Khải",
                         position=Position.objects.get(name="Giám đốc đơn vị sự nghiệp"))
    with pytest.raises(LetterActionRefused, match="bị tố cáo"):
        accept_letter(letter=denunciation, actor=leader, on=TODAY, today=TODAY, handler=outsider)
    with pytest.raises(LetterActionRefused, match="đứng đầu đơn vị bị tố cáo"):
        accept_letter(letter=denunciation, actor=leader, on=TODAY, today=TODAY, handler=user)
    assert not Case.objects.exists()
    outcome = accept_letter(letter=denunciation, actor=leader, on=TODAY, today=TODAY, handler=inspector)
    for conflicted in (outsider, user):
        with pytest.raises(LetterActionRefused):
            assign_case_handler(case=outcome.case, handler=conflicted, actor=leader)
    outcome.case.refresh_from_db()
    assert outcome.case.handler == inspector
