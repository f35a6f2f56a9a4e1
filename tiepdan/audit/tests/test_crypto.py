"""Encryption at rest with rotating keys, blind indexes, the access log and the change-log scrub."""

import pytest
from cryptography.fernet import Fernet

from tiepdan.audit import crypto


def test_values_round_trip_and_ciphertext_hides_them(settings):
    token = crypto.encrypt("Lương Thị Bích Ngọc")
    assert "Ngọc" not in token
    assert crypto.decrypt(token) == "Lương Thị Bích Ngọc"
    assert crypto.encrypt("") == "" == crypto.decrypt("")
    assert crypto.decrypt_bytes(crypto.encrypt_bytes(b"%PDF-1.4")) == b"%PDF-1.4"


def test_a_new_first_key_encrypts_while_old_tokens_still_decrypt_and_rotate(settings):
    old = settings.TIEPDAN_ENCRYPTION_KEYS[0]
    token = crypto.encrypt("027190004321")
    new = Fernet.generate_key().decode()
    settings.TIEPDAN_ENCRYPTION_KEYS = [new, old]
    assert crypto.decrypt(token) == "027190004321"
    rotated = crypto.rotate(token)
    settings.TIEPDAN_ENCRYPTION_KEYS = [new]
    assert crypto.decrypt(rotated) == "027190004321"
    with pytest.raises(crypto.InvalidToken):
        crypto.decrypt(token)


def test_blind_indexes_are_stable_keyed_and_opaque(settings):
    a = crypto.blind_index("id", "027190004321")
    assert a == crypto.blind_index("id", "027190004321")
    assert "0271" not in a
    assert a != crypto.blind_index("phone", "027190004321")
    settings.TIEPDAN_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    assert crypto.blind_index("id", "027190004321") != a


@pytest.mark.django_db
def test_access_is_logged_and_change_log_entries_can_be_scrubbed(officer, make_letter):
    from auditlog.context import set_actor
    from auditlog.models import LogEntry

    from tiepdan.audit.models import AccessLog
    from tiepdan.audit.services import REDACTED, log_access, scrub_change_log
    from tiepdan.letters.models import Letter

    with set_actor(officer):
        letter = make_letter(summary="Tố cáo của Lương Thị Bích Ngọc")
    log = log_access(user=officer, obj=letter, purpose="Xác minh", ip="10.1.1.1")
    assert AccessLog.objects.get() == log
    assert log.object_type == "letters.letter"
    assert str(log)
    assert scrub_change_log(Letter, [letter.pk]) >= 1
    entry = LogEntry.objects.get_for_object(letter).first()
    assert entry.object_repr == REDACTED
    assert "Ngọc" not in str(entry.changes)
