"""Classification by content with the system's help; confirmations kept and learned; mixed letters split."""

from datetime import date

import pytest

from tiepdan.deadlines.selectors import deadlines_for
from tiepdan.letters import selectors
from tiepdan.letters.models import ClassificationFeedback, LearnedTerm, Letter
from tiepdan.letters.services import Classification, LetterInputError, Part, classify_letter, split_letter
from tiepdan.letters.tests.conftest import DENOUNCER_ID, DENOUNCER_NAME, TODAY
from tiepdan.people.models import Citizen

pytestmark = pytest.mark.django_db

TITLED_COMPLAINT_TEXT = (
    "ĐƠN KHIẾU NẠI\nKính gửi: Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Ninh.\n"
    f"Tôi là {DENOUNCER_NAME}, CCCD {DENOUNCER_ID}. Tôi tố cáo ông Bùi Văn Nam, chuyên viên Bảo tàng tỉnh, đã "
    "nhận tiền của khách tham quan, nhũng nhiễu, gây khó khăn khi cấp phép chụp ảnh hiện vật."
)


def test_a_khieu_nai_letter_denouncing_an_official_is_classified_as_a_denunciation_and_counted_there(
    register, denouncer, leader, unit
):
    # Registered as the title says ("Đơn khiếu nại"), with the sender in plain citizen records.
    letter = register(matter_type="complaint", summary="Đơn khiếu nại", text=TITLED_COMPLAINT_TEXT,
                      senders=[denouncer])
    suggestions = selectors.suggest_for_letter(letter)
    assert suggestions.type.label == "denunciation"
    assert {"to cao", "nhan tien", "nhung nhieu"} <= {e.term for e in suggestions.type.evidence}
    # The domain suggested from "bảo tàng", "hiện vật" is corrected by the officer to staff discipline.
    assert suggestions.domain.label == "thu-vien-bao-tang"

    classify_letter(
        letter=letter, actor=leader, suggested_type=suggestions.type, suggested_domain=suggestions.domain,
        classification=Classification(matter_type="denunciation", domain=letter.unit.agency.domains.get(code="can-bo"),
                                      competence="within", is_eligible=True, denounced_persons="Bùi Văn Nam",
                                      denounced_unit=unit("bao-tang")),
    )
    letter.refresh_from_db()
    assert letter.matter_type == "denunciation"
    assert letter.status == "classified"
    # The register counts it as a denunciation (and no longer as a complaint).
    counts = selectors.counts_by_type(selectors.letters_visible_to(leader))
    assert counts["denunciation"]["letters"] == 1
    assert "complaint" not in counts
    # Its limit is now the denunciation's (TC-INIT, 7 working days), the complaint's is cancelled.
    rules = dict(deadlines_for(letter).values_list("rule_id", "status"))
    assert rules == {"XLD-TIME": "cancelled", "TC-INIT": "open"}
    # And the sender moved into the protected identity: no plain record, no link, redacted text.
    assert letter.protects_identity
    assert not letter.sender_links.exists()
    assert not Citizen.objects.filter(id_number=DENOUNCER_ID).exists()
    assert DENOUNCER_NAME not in letter.text
    assert "Bùi Văn Nam" in letter.text
    feedback = ClassificationFeedback.objects.get(letter=letter)
    assert feedback.suggested_type == "denunciation"
    assert feedback.type_confirmed
    assert ["to cao", 3.0, "keyword"] in feedback.type_evidence
    assert (feedback.suggested_domain, feedback.chosen_domain.code) == ("thu-vien-bao-tang", "can-bo")


def test_confirmations_are_learned_and_a_correction_replaces_the_earlier_one(register, citizen_sender, classify):
    letter = register(senders=[citizen_sender], summary="Việc trông giữ xe ở bãi đỗ trước cổng đình",
                      text="Đề nghị xem xét việc trông giữ xe đạp ở bãi đỗ trước cổng đình làng.")
    classify(letter, matter_type="feedback")
    assert LearnedTerm.objects.get(kind="type", label="feedback", term="").count == 1
    assert LearnedTerm.objects.get(kind="type", label="feedback", term="bai do").count == 1
    classify(letter, matter_type="petition")
    assert LearnedTerm.objects.get(kind="type", label="feedback", term="bai do").count == 0
    assert LearnedTerm.objects.get(kind="type", label="petition", term="bai do").count == 1
    assert ClassificationFeedback.objects.filter(letter=letter).count() == 2
    assert ClassificationFeedback.objects.filter(letter=letter, superseded=False).get().chosen_type == "petition"


def test_learning_makes_the_next_similar_letter_suggested_the_same_way(register, citizen_sender, classify):
    text = "Việc trông giữ xe đạp ở bãi đỗ trước cổng đình làng thu tiền quá giá"
    for _ in range(3):
        classify(register(senders=[citizen_sender], summary=text, text=text), matter_type="feedback")
    for _ in range(3):
        classify(register(senders=[citizen_sender], summary="Xin hỗ trợ kinh phí", text="Xin kinh phí"),
                 matter_type="petition")
    suggestion = selectors.suggest_for_text("Bãi đỗ xe trước cổng đình làng thu tiền quá giá")
    assert suggestion.type.label == "feedback"
    assert any(e.source == "learned" for e in suggestion.type.evidence)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"competence": ""}, "competence"),
        ({"competence": "outside"}, "competent_body"),
        ({"is_eligible": None}, "is_eligible"),
        ({"is_eligible": False}, "ineligibility_reason"),
    ],
)
def test_incomplete_classification_is_refused_by_field(register, citizen_sender, classify, overrides, field):
    letter = register(senders=[citizen_sender])
    with pytest.raises(LetterInputError) as exc:
        classify(letter, **overrides)
    assert field in exc.value.errors
    assert Letter.objects.get(pk=letter.pk).status == "registered"


def test_a_denunciation_cannot_stay_in_the_unit_it_denounces(register, denouncer, classify, unit, officer):
    letter = register(unit=unit("bao-tang"), matter_type="denunciation", summary="Tố cáo", text="tố cáo",
                      senders=[denouncer])
    with pytest.raises(LetterInputError) as exc:
        classify(letter, denounced_unit=unit("bao-tang"))
    assert "đơn vị bị tố cáo" in exc.value.errors["denounced_unit"][0]


def test_outside_competence_denunciation_switches_to_the_5_day_transfer_limit(denunciation, classify):
    classify(denunciation, competence="outside", competent_body="UBND tỉnh Bắc Ninh")
    open_rules = list(deadlines_for(denunciation).filter(status="open").values_list("rule_id", "due_on"))
    assert open_rules == [("TC-FWD", date(2026, 11, 30))]


def test_multi_site_verification_gives_10_working_days(denunciation, classify):
    classify(denunciation, multi_site=True)
    deadline = deadlines_for(denunciation).get(status="open")
    assert (deadline.rule_id, deadline.variant, deadline.due_on) == ("TC-INIT", "multi-site", date(2026, 12, 7))


def test_a_mixed_letter_is_split_into_parts_each_on_its_own_track(register, citizen_sender, leader):
    letter = register(senders=[citizen_sender], summary="Khiếu nại và tố cáo",
                      text="Tôi khiếu nại quyết định kỷ luật; tôi tố cáo ông X nhận tiền.")
    children = split_letter(letter=letter, actor=leader, on=TODAY, parts=[
        Part("complaint", "Khiếu nại quyết định kỷ luật"), Part("denunciation", "Tố cáo ông X nhận tiền"),
    ])
    letter.refresh_from_db()
    assert letter.status == "split"
    assert letter.protects_identity
    complaint, denunciation = children
    assert complaint.split_from == letter == denunciation.split_from
    assert dict(deadlines_for(complaint).values_list("rule_id", "status")) == {"XLD-TIME": "open"}
    assert dict(deadlines_for(denunciation).values_list("rule_id", "status")) == {"TC-INIT": "open"}
    assert denunciation.protects_identity
    assert denunciation.denouncer_identities.count() == 1
    assert not denunciation.sender_links.exists()
    assert complaint.sender_links.get().citizen.full_name == "Đinh Công Hậu"
    assert dict(deadlines_for(letter).values_list("rule_id", "status")) == {"XLD-TIME": "cancelled"}


def test_splitting_needs_two_parts(register, citizen_sender, leader):
    letter = register(senders=[citizen_sender])
    with pytest.raises(LetterInputError):
        split_letter(letter=letter, actor=leader, on=TODAY, parts=[Part("complaint", "x")])
