"""Candidate duplicates (same sender and/or similar content), linking into one matter, letters vs matters."""

import pytest

from tiepdan.letters import selectors
from tiepdan.letters.services import LetterActionRefused, SenderInput, link_duplicate
from tiepdan.letters.tests.conftest import COMMUNE

pytestmark = pytest.mark.django_db

FIRST = ("Khiếu nại quyết định xử phạt biểu diễn nghệ thuật tại nhà văn hóa thôn Thượng",
         "Tôi khiếu nại Quyết định xử phạt số 12/QĐ-XPHC về tổ chức biểu diễn nghệ thuật tại nhà văn hóa thôn "
         "Thượng, đề nghị hủy quyết định vì tôi không tổ chức biểu diễn.")
AGAIN = ("Lại khiếu nại quyết định xử phạt về biểu diễn nghệ thuật ở nhà văn hóa thôn Thượng",
         "Tôi tiếp tục khiếu nại Quyết định xử phạt số 12/QĐ-XPHC về việc tổ chức biểu diễn nghệ thuật ở nhà văn "
         "hóa thôn Thượng, đề nghị hủy bỏ quyết định.")


def _senders(s):
    return [(s.id_number, s.phone, s.full_name, s.commune_code)]


def test_the_same_matter_again_from_the_same_citizen_shows_the_earlier_letter(register, citizen_sender, officer):
    earlier = register(senders=[citizen_sender], summary=FIRST[0], text=FIRST[1])
    candidates = selectors.duplicate_candidates(officer, summary=AGAIN[0], text=AGAIN[1],
                                                senders=_senders(citizen_sender), commune_code=COMMUNE)
    assert [c.letter for c in candidates] == [earlier]
    assert {"id", "phone", "nc", "content"} == set(candidates[0].match.reasons)


def test_settled_letters_and_letters_sent_to_several_bodies_are_candidates(register, citizen_sender, officer,
                                                                          classify):
    settled = register(senders=[citizen_sender], summary=FIRST[0], text=FIRST[1])
    classify(settled, competence="outside", competent_body="UBND xã")
    from tiepdan.letters.services import transfer_letter
    from tiepdan.letters.tests.conftest import TODAY

    transfer_letter(letter=settled, actor=officer, on=TODAY, today=TODAY)
    via_board = register(senders=[], is_anonymous=True, channel="transferred", summary=AGAIN[0], text=AGAIN[1],
                         transferring_body="Ban Tiếp công dân tỉnh", transfer_doc_number="15/BTCD")
    new = register(senders=[citizen_sender], summary=AGAIN[0], text=AGAIN[1])
    found = {c.letter.code: c for c in selectors.duplicate_candidates(
        officer, summary=new.summary, text=new.text, senders=selectors.plain_senders_of(new), exclude_id=new.pk)}
    assert settled.code in found
    assert via_board.code in found
    assert found[via_board.code].match.reasons == ("content",)


def test_same_phone_or_name_and_commune_is_enough(register, citizen_sender, officer):
    earlier = register(senders=[citizen_sender], summary="Kiến nghị sửa nhà văn hóa", text="")
    by_phone = selectors.duplicate_candidates(officer, summary="Một việc khác hẳn", senders=[
        ("", "+84 911 222 333", "Người khác", None)])
    by_name = selectors.duplicate_candidates(officer, summary="Một việc khác hẳn", senders=[
        ("", "", "DINH CONG HAU", COMMUNE)])
    assert [c.letter for c in by_phone] == [earlier] == [c.letter for c in by_name]
    assert by_phone[0].match.reasons == ("phone",)
    assert by_name[0].match.reasons == ("nc",)


def test_a_sender_match_on_a_protected_letter_is_hidden_from_who_may_not_see_the_denouncer(
    denunciation, denouncer, officer, inspector
):
    different = "Kiến nghị mở rộng giờ phục vụ của thư viện"
    assert selectors.duplicate_candidates(officer, summary=different, senders=_senders(denouncer)) == []
    shown = selectors.duplicate_candidates(inspector, summary=different, senders=_senders(denouncer))
    assert [c.letter for c in shown] == [denunciation]
    assert "id" in shown[0].match.reasons


def test_candidates_are_scoped_to_what_the_user_may_see(register, citizen_sender, outsider):
    register(senders=[citizen_sender], summary=FIRST[0], text=FIRST[1])
    assert selectors.duplicate_candidates(outsider, summary=AGAIN[0], text=AGAIN[1],
                                          senders=_senders(citizen_sender)) == []


def test_linking_makes_one_matter_and_the_register_counts_letters_and_matters(register, citizen_sender, officer):
    first = register(senders=[citizen_sender], summary=FIRST[0], text=FIRST[1])
    second = register(senders=[citizen_sender], summary=AGAIN[0], text=AGAIN[1])
    third = register(senders=[citizen_sender], summary=AGAIN[0], text=AGAIN[1] + " Lần ba.")
    other = register(senders=[SenderInput(full_name="Tạ Minh Quý")], summary="Kiến nghị khác", text="")
    link_duplicate(letter=third, original=second, actor=officer)  # second is not yet linked
    link_duplicate(letter=second, original=first, actor=officer)  # third follows second to the first letter
    third.refresh_from_db()
    assert third.duplicate_of == first
    assert second.duplicate_of == first
    qs = selectors.letters_visible_to(officer)
    assert qs.count() == 4
    assert selectors.matter_count(qs) == 2
    counts = selectors.counts_by_type(qs)
    assert counts["complaint"] == {"letters": 4, "matters": 2}
    with pytest.raises(LetterActionRefused):
        link_duplicate(letter=first, original=third, actor=officer)
    assert other.duplicate_of is None
