"""Letter codes that never fail a registration or a bulk load on a collision, and the dated facts a
report of a past period needs (eligibility decided, reply received)."""

import importlib
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.db import IntegrityError
from django.utils import timezone

from tiepdan.common.codes import _ALPHABET
from tiepdan.letters import models as letter_models
from tiepdan.letters.models import Letter
from tiepdan.letters.services import (
    LetterActionRefused,
    file_letter,
    insert_letter,
    insert_letters,
    record_reply,
    transfer_letter,
)
from tiepdan.letters.tests.conftest import RECEIVED, TODAY
from tiepdan.text.classify import tokens

pytestmark = pytest.mark.django_db


def _unsaved(officer, unit, **kw):
    fields = {"unit": unit("ttr-pc"), "channel": "post", "received_on": RECEIVED, "summary": "Kiến nghị về lễ hội",
              "matter_type": "petition", "created_by": officer}
    return Letter(**{**fields, **kw})


def test_a_letter_code_is_d_and_ten_characters_of_the_phone_alphabet(register):
    code = register(is_anonymous=True).code
    assert len(code) == 11
    assert code[0] == "D"
    assert set(code[1:]) <= set(_ALPHABET)


def test_a_taken_code_is_drawn_again_and_the_callers_transaction_goes_on(register, officer, unit):
    first = register(is_anonymous=True)
    second = insert_letter(_unsaved(officer, unit, code=first.code))
    assert second.pk is not None
    assert second.code != first.code
    # The unique violation was rolled back to a savepoint: the surrounding transaction still works
    # (on PostgreSQL it would otherwise refuse every further statement).
    assert Letter.objects.filter(code__in=[first.code, second.code]).count() == 2


def test_registration_survives_a_collision_and_searches_by_the_final_code(register, monkeypatch):
    first = register(is_anonymous=True)
    drawn = iter([first.code])
    real = letter_models.new_letter_code
    monkeypatch.setattr(letter_models, "new_letter_code", lambda: next(drawn, None) or real())
    second = register(summary="Kiến nghị tu bổ đình làng", is_anonymous=True)
    assert second.code != first.code
    second.refresh_from_db()
    assert tokens(second.code)[0] in second.search_text.split()


def test_another_integrity_error_is_not_taken_for_a_collision(officer, unit):
    with pytest.raises(IntegrityError):
        insert_letter(_unsaved(officer, unit, code="D" + "A" * 10, summary=None))


def test_a_bulk_load_redraws_codes_taken_before_or_twice_in_the_batch(register, officer, unit):
    taken = register(is_anonymous=True).code
    batch = [_unsaved(officer, unit, code=code) for code in (taken, "D" + "B" * 10, "D" + "B" * 10, None)]
    batch[-1].code = letter_models.new_letter_code()
    saved = insert_letters(batch)
    codes = [letter.code for letter in saved]
    assert all(letter.pk for letter in saved)
    assert len(set(codes)) == 4
    assert taken not in codes
    assert Letter.objects.count() == 5


# --- dates ------------------------------------------------------------------------------------------


def test_classification_dates_the_eligibility_decision_and_a_confirmation_keeps_the_date(
    register, citizen_sender, classify
):
    letter = register(senders=[citizen_sender])
    assert letter.eligibility_decided_on is None
    classify(letter)
    letter.refresh_from_db()
    assert letter.eligibility_decided_on == timezone.localdate()
    earlier = timezone.localdate() - timedelta(days=3)
    Letter.objects.filter(pk=letter.pk).update(eligibility_decided_on=earlier)
    classify(letter)  # the same decision confirmed
    letter.refresh_from_db()
    assert letter.eligibility_decided_on == earlier
    classify(letter, is_eligible=False, ineligibility_reason="anonymous")  # a new decision
    letter.refresh_from_db()
    assert letter.eligibility_decided_on == timezone.localdate()


def test_filing_an_unclassified_letter_decides_its_eligibility_on_the_filing_day(register, citizen_sender, leader):
    letter = register(senders=[citizen_sender])
    on = TODAY - timedelta(days=1)
    file_letter(letter=letter, actor=leader, on=on, today=TODAY, reason="anonymous")
    letter.refresh_from_db()
    assert (letter.is_eligible, letter.eligibility_decided_on) == (False, on)


def test_a_reply_to_a_transferred_letter_is_recorded_with_its_date_once(register, citizen_sender, classify, leader):
    letter = register(senders=[citizen_sender])
    classify(letter, competence="outside", competent_body="UBND xã Tiên Du")
    with pytest.raises(LetterActionRefused, match="đã chuyển"):
        record_reply(letter=letter, actor=leader, on=TODAY, today=TODAY)
    transfer_letter(letter=letter, actor=leader, on=RECEIVED + timedelta(days=1), today=TODAY)
    with pytest.raises(LetterActionRefused, match="trước ngày xử lý"):
        record_reply(letter=letter, actor=leader, on=RECEIVED, today=TODAY)
    with pytest.raises(LetterActionRefused, match="sau ngày hôm nay"):
        record_reply(letter=letter, actor=leader, on=TODAY + timedelta(days=1), today=TODAY)
    record_reply(letter=letter, actor=leader, on=TODAY - timedelta(days=1), today=TODAY)
    record_reply(letter=letter, actor=leader, on=TODAY, today=TODAY)  # again: the first date stays
    letter.refresh_from_db()
    assert (letter.reply_received, letter.reply_received_on) == (True, TODAY - timedelta(days=1))


def test_the_migration_dates_existing_letters_from_the_best_date_they_have(officer, unit):
    fill_dates = importlib.import_module("tiepdan.letters.migrations.0005_longer_codes_and_dates").fill_dates
    zone = ZoneInfo("Asia/Ho_Chi_Minh")
    classified = insert_letter(_unsaved(officer, unit, is_eligible=True, disposed_on=date(2026, 3, 20),
                                        classified_at=datetime(2026, 3, 10, 6, 30, tzinfo=zone)))
    filed = insert_letter(_unsaved(officer, unit, is_eligible=False, disposed_on=date(2026, 3, 12)))
    imported = insert_letter(_unsaved(officer, unit, is_eligible=True))
    undecided = insert_letter(_unsaved(officer, unit))
    replied = insert_letter(_unsaved(officer, unit, disposition="transfer", disposed_on=date(2026, 3, 5),
                                     reply_received=True))
    fill_dates(apps, None)
    got = dict(Letter.objects.values_list("pk", "eligibility_decided_on"))
    # 06:30 on the 10th in Hà Nội is still the 9th in UTC: the local day counts.
    assert got[classified.pk] == date(2026, 3, 10)
    assert got[filed.pk] == date(2026, 3, 12)
    assert got[imported.pk] == RECEIVED
    assert got[undecided.pk] is None
    replied.refresh_from_db()
    assert replied.reply_received_on == date(2026, 3, 5)
