"""`tiepdan rotate_keys`: every denouncer identity, of letters and of the reception desk, is re-encrypted
with the first key and its blind indexes recomputed, so the old key can be retired."""

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command

from tiepdan.audit import crypto

pytestmark = pytest.mark.django_db

OLD, NEW = Fernet.generate_key().decode(), Fernet.generate_key().decode()
NAME, ID_NUMBER = "Đỗ Thị Minh Khuê", "027190004321"


@pytest.fixture
def protected(settings, officer, unit):
    from tiepdan.letters.services import SenderInput, register_letter
    from tiepdan.letters.services.identity import Identity
    from tiepdan.reception.models import Visit, VisitDenouncer
    from tiepdan.reception.services.identity import denouncer_rows

    settings.TIEPDAN_ENCRYPTION_KEYS = [OLD]
    letter = register_letter(
        actor=officer, unit=unit("ttr-pc"), channel="post", received_on=date(2026, 11, 23), today=date(2026, 11, 27),
        summary="Tố cáo cán bộ nhận tiền khi cấp phép biểu diễn", matter_type="denunciation",
        senders=[SenderInput(full_name=NAME, id_number=ID_NUMBER)],
    )
    visit = Visit.objects.create(
        unit=unit("ttr-pc"), received_at=datetime(2026, 11, 24, 9, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")),
        matter_type="denunciation", content="Tố cáo sai phạm", outcome="letter_received", created_by=officer,
    )
    VisitDenouncer.objects.bulk_create(denouncer_rows(visit.pk, [Identity(full_name=NAME, id_number=ID_NUMBER)]))
    return letter, visit


def _stored(letter, visit):
    row = letter.denouncer_identities.get()
    desk = visit.denouncers.get()
    return (row.payload, row.id_number_index), (desk.payload, desk.id_number_index)


def test_after_rotation_the_new_key_alone_opens_every_identity(settings, protected, leader):
    from tiepdan.letters.services import reveal_identity
    from tiepdan.reception.services.identity import reveal_visit

    letter, visit = protected
    before = _stored(letter, visit)
    settings.TIEPDAN_ENCRYPTION_KEYS = [NEW, OLD]
    call_command("rotate_keys", stdout=io.StringIO())
    after = _stored(letter, visit)
    assert all(b[0] != a[0] and b[1] != a[1] for b, a in zip(before, after, strict=True))
    settings.TIEPDAN_ENCRYPTION_KEYS = [NEW]
    # The blind indexes are those of the new key: a later letter from the same person still matches.
    from tiepdan.people.identity import Identity, blind_keys

    assert f"id:{after[0][1]}" in blind_keys(Identity(full_name=NAME, id_number=ID_NUMBER))
    assert after[0][1] == after[1][1]
    assert [p.full_name for p in reveal_identity(letter=letter, user=leader, purpose="kiểm tra")] == [NAME]
    assert [p.id_number for p in reveal_visit(visit=visit, user=leader, purpose="kiểm tra").identities] == [ID_NUMBER]


def test_new_key_goes_first_in_the_key_file_and_the_old_one_stays(settings, protected, tmp_path, monkeypatch):
    monkeypatch.delenv("TIEPDAN_ENCRYPTION_KEYS", raising=False)
    settings.DATA_DIR = tmp_path
    (tmp_path / "encryption_keys").write_text(OLD + "\n")
    letter, _visit = protected
    call_command("rotate_keys", "--new-key", stdout=io.StringIO())
    keys = (tmp_path / "encryption_keys").read_text().split()
    assert len(keys) == 2
    assert keys[1] == OLD
    assert keys[0] != OLD
    assert oct((tmp_path / "encryption_keys").stat().st_mode & 0o777) == "0o600"
    settings.TIEPDAN_ENCRYPTION_KEYS = [keys[0]]
    payload = letter.denouncer_identities.get().payload
    assert NAME in crypto.decrypt(payload)


def test_keys_from_the_environment_are_not_rewritten(settings, protected, monkeypatch):
    from django.core.management.base import CommandError

    monkeypatch.setenv("TIEPDAN_ENCRYPTION_KEYS", OLD)
    with pytest.raises(CommandError, match="TIEPDAN_ENCRYPTION_KEYS"):
        call_command("rotate_keys", "--new-key")
