"""register_letter: one transaction, the statutory limit started, bad input refused with nothing saved."""

from datetime import date

import pytest

from tiepdan.deadlines.selectors import deadlines_for
from tiepdan.letters.models import Attachment, DenouncerIdentity, Letter, LetterSender
from tiepdan.letters.services import LetterInputError, SenderInput, Upload
from tiepdan.letters.tests.conftest import EXE, PDF, PNG, RECEIVED, TODAY
from tiepdan.people.models import Citizen

pytestmark = pytest.mark.django_db


def test_a_complaint_is_registered_with_its_sender_and_its_10_working_day_limit(register, citizen_sender):
    letter = register(senders=[citizen_sender])
    assert letter.status == "registered"
    assert letter.sender_links.get().citizen.id_number == "027085001111"
    deadline = deadlines_for(letter).get()
    assert deadline.rule_id == "XLD-TIME"
    # 10 working days from Mon 23/11/2026 (the day itself not counted): Mon 07/12/2026.
    assert deadline.due_on == letter.due_on == date(2026, 12, 7)
    assert deadline.explanation


def test_a_denunciation_gets_its_7_working_day_limit_and_an_encrypted_sender(denunciation):
    deadline = deadlines_for(denunciation).get()
    assert deadline.rule_id == "TC-INIT"
    assert deadline.due_on == date(2026, 12, 2)  # 7 working days from Mon 23/11/2026
    assert denunciation.protects_identity
    assert not LetterSender.objects.filter(letter=denunciation).exists()
    assert DenouncerIdentity.objects.filter(letter=denunciation).count() == 1
    assert not Citizen.objects.filter(id_number="027190004321").exists()


def test_an_existing_citizen_is_reused_by_id_number(register, citizen_sender):
    first = register(senders=[citizen_sender])
    second = register(senders=[SenderInput(full_name="Đinh Công Hậu", id_number="027 085 001 111")])
    assert first.sender_links.get().citizen_id == second.sender_links.get().citizen_id
    assert Citizen.objects.filter(id_number="027085001111").count() == 1


def test_a_citizen_picked_by_lookup_is_linked(register):
    citizen = Citizen(full_name="Tạ Minh Quý", phone="0900000001")
    citizen.refresh_search_keys()
    citizen.save()
    letter = register(senders=[SenderInput(citizen_id=citizen.pk)])
    assert letter.sender_links.get().citizen == citizen


def test_a_group_letter_keeps_its_signers_and_representative(register, citizen_sender):
    other = SenderInput(full_name="Chu Văn Toàn", phone="0911000222", is_representative=True)
    letter = register(senders=[citizen_sender, other], signer_count=12)
    assert letter.signer_count == 12
    assert letter.sender_links.get(is_representative=True).citizen.full_name == "Chu Văn Toàn"


def test_a_group_letter_needs_a_representative(register, citizen_sender):
    with pytest.raises(LetterInputError) as exc:
        register(senders=[citizen_sender, SenderInput(full_name="Chu Văn Toàn")])
    assert "người đại diện" in exc.value.errors["senders"][0]


def test_an_anonymous_letter_needs_no_sender(register):
    letter = register(is_anonymous=True, senders=[])
    assert letter.is_anonymous
    assert not letter.sender_links.exists()


def test_scans_are_kept_encrypted_and_checked_by_content(register, citizen_sender, settings):
    letter = register(senders=[citizen_sender], uploads=[Upload("scan.pdf", PDF), Upload("anh.jpg.png", PNG)])
    kinds = sorted(a.kind for a in letter.attachments.all())
    assert kinds == ["pdf", "png"]
    stored = letter.attachments.get(kind="pdf")
    with stored.file.open("rb") as handle:
        assert b"%PDF" not in handle.read()  # encrypted at rest
    assert str(settings.MEDIA_ROOT) in stored.file.path
    assert "static" not in stored.file.path


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"uploads": [Upload("don.pdf", EXE)]}, "attachments", "không phải tệp PDF"),
        ({"uploads": [Upload("don.pdf", PDF[:-8])]}, "attachments", "bị hỏng"),
        ({"received_on": date(2026, 11, 28)}, "received_on", "không được sau ngày hôm nay"),
        ({"channel": "transferred"}, "transferring_body", "cơ quan chuyển đơn"),
        ({"channel": "transferred", "transferring_body": "Ban Tiếp công dân tỉnh"}, "transfer_doc_number",
         "số văn bản"),
        ({"senders": []}, "senders", "ít nhất một người gửi"),
        ({"summary": " "}, "summary", "tóm tắt"),
    ],
)
def test_bad_input_is_refused_beside_its_field_and_nothing_is_saved(register, citizen_sender, overrides, field,
                                                                   words):
    before = (Letter.objects.count(), Citizen.objects.count(), Attachment.objects.count())
    args = {"senders": [citizen_sender], **overrides}
    with pytest.raises(LetterInputError) as exc:
        register(**args)
    assert words in " ".join(exc.value.errors[field])
    assert (Letter.objects.count(), Citizen.objects.count(), Attachment.objects.count()) == before


def test_a_file_over_the_size_limit_is_refused(register, citizen_sender, settings):
    settings.TIEPDAN_ATTACHMENT_MAX_BYTES = 100
    with pytest.raises(LetterInputError) as exc:
        register(senders=[citizen_sender], uploads=[Upload("to.pdf", PDF + b" " * 200)])
    assert "vượt quá giới hạn" in exc.value.errors["attachments"][0]


def test_a_failure_after_files_were_written_leaves_no_file_and_no_row(register, citizen_sender, monkeypatch):
    from django.core.files.storage import default_storage

    from tiepdan.letters.services import registration

    real, names = registration.store_attachments, []

    def store_then_fail(letter, checked, actor, written):
        real(letter, checked, actor, written)
        names.extend(f.name for f in written)
        raise RuntimeError("disk full")

    monkeypatch.setattr(registration, "store_attachments", store_then_fail)
    with pytest.raises(RuntimeError):
        register(senders=[citizen_sender], uploads=[Upload("scan.pdf", PDF)])
    assert names
    assert not any(default_storage.exists(n) for n in names)
    assert not Letter.objects.exists()
    assert not Attachment.objects.exists()


def test_the_type_left_blank_is_taken_from_the_suggestion(register, denouncer):
    from tiepdan.letters.tests.conftest import DENUNCIATION_TEXT

    letter = register(matter_type="", summary="Đơn khiếu nại", text=DENUNCIATION_TEXT, senders=[denouncer])
    assert letter.matter_type == "denunciation"
    assert letter.protects_identity


def test_search_columns_are_folded(register, citizen_sender):
    letter = register(senders=[citizen_sender])
    assert "dinh cong hau" in letter.search_text
    assert "bieu dien nghe thuat" in letter.search_text
    assert letter.content_hash


def test_received_date_today_is_fine(register, citizen_sender):
    assert register(senders=[citizen_sender], received_on=TODAY).received_on == TODAY
    assert RECEIVED < TODAY
