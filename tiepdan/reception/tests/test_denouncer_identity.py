"""TC-CONFID at the reception desk (Law 25/2018 Art 47; ADR 0004): a denunciation visit's visitors are kept
encrypted (VisitDenouncer), never as Citizen records; shown only through the logged reveal; a returning
denouncer is recognised by blind index; reclassification moves the identity; the data migration."""

import io
from datetime import date, datetime, timedelta

import pytest
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tiepdan.audit.models import AccessLog
from tiepdan.documents.selectors import documents_for
from tiepdan.org.models import Staff
from tiepdan.people.models import Citizen
from tiepdan.reception import services
from tiepdan.reception.models import Visit, VisitDenouncer, VisitParticipant, VisitProtectedContent
from tiepdan.reception.services import VisitorInput
from tiepdan.reception.services.documents import issue_receipt, issue_visit_record
from tiepdan.reception.tests.conftest import TZ

pytestmark = pytest.mark.django_db

NAME = "Đặng Thị Mận"
ID_NUMBER = "027195004321"
PHONE = "0913555777"
CONTENT = f"Tôi tên là {NAME}, CCCD {ID_NUMBER}, tố cáo ông Bùi Văn Cán, chuyên viên, nhận tiền của cơ sở karaoke"


def _post(**kw):
    at = timezone.localtime() - timedelta(minutes=5)
    data = {
        "received_at": at.strftime("%d/%m/%Y %H:%M"), "place": "Trụ sở tiếp công dân", "head_count": "1",
        "matter_types": ["denunciation"], "content": CONTENT, "leader_mode": "none", "outcome": "letter_received",
        "documents_received": "Bản sao biên lai", "visitor-TOTAL_FORMS": "3", "visitor-INITIAL_FORMS": "0",
        "visitor-0-full_name": NAME, "visitor-0-id_number": ID_NUMBER, "visitor-0-phone": PHONE,
        "visitor-0-address": "Thôn Đông, xã Tiên Du",
    }
    data.update(kw)
    return data


def _denunciation(officer, visit_input, now, **kw):
    data = visit_input(
        matter_types=("denunciation",), content=CONTENT,
        visitors=(VisitorInput(full_name=NAME, id_number=ID_NUMBER, phone=PHONE, address="Thôn Đông"),), **kw,
    )
    (visit,) = services.record_visit(data=data, actor=officer, now=now)
    return visit


def _every_stored_value() -> str:
    """Every row of every table, through SQL (SQLite and PostgreSQL alike), as one text."""
    out = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table.startswith("sqlite_") or "_fts" in table:
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            out.extend(str(value) for row in cursor.fetchall() for value in row if value is not None)
    return "\n".join(out)


def _change_log() -> str:
    return "\n".join(
        f"{e.object_repr} {e.changes} {e.changes_text} {e.serialized_data} {e.additional_data}"
        for e in LogEntry.objects.all()
    )


def _other_officer(officer):
    other = get_user_model().objects.create_user("tiepdan2", password="x-long-password-1")
    other.groups.add(Group.objects.get(name="reception_officer"))
    Staff.objects.create(user=other, unit=officer.staff.unit, full_name="Cán bộ khác")
    return other


# --- storage -----------------------------------------------------------------------------------------------


def test_a_denunciation_registered_at_the_desk_is_stored_encrypted_nowhere_in_plain_text(client, officer):
    client.force_login(officer)
    response = client.post(reverse("reception:visit_new"), _post())
    assert response.status_code == 302
    visit = Visit.objects.get()
    assert visit.is_denunciation
    assert not Citizen.objects.exists()
    assert not VisitParticipant.objects.exists()
    (denouncer,) = visit.denouncers.all()
    assert denouncer.id_number_index
    assert denouncer.phone_index
    assert "[Người tố cáo]" in visit.content
    assert "[số định danh]" in visit.content
    assert "Bùi Văn Cán" in visit.content  # the denounced person stays: verifiers need the name
    assert VisitProtectedContent.objects.filter(visit=visit).exists()
    assert visit.head_count == 1
    stored = _every_stored_value()
    for secret in (NAME, ID_NUMBER, PHONE, "Thôn Đông", "dang thi man"):
        assert secret not in stored, secret
    log = _change_log()
    assert LogEntry.objects.filter(object_pk=str(visit.pk)).exists()
    assert NAME not in log
    assert ID_NUMBER not in log


def test_a_mixed_visit_keeps_the_citizen_of_the_complaint_and_encrypts_the_denunciation(officer, visit_input, now):
    data = visit_input(
        matter_types=("complaint", "denunciation"), content="",
        split_contents={"complaint": "Khiếu nại quyết định xử phạt", "denunciation": f"{NAME} tố cáo cán bộ"},
        visitors=(VisitorInput(full_name=NAME, id_number=ID_NUMBER),),
    )
    complaint, denunciation = services.record_visit(data=data, actor=officer, now=now)
    assert complaint.participants.get().citizen.full_name == NAME
    assert not denunciation.participants.exists()
    assert denunciation.denouncers.count() == 1
    assert NAME not in denunciation.content


# --- who sees it ---------------------------------------------------------------------------------------------


def test_the_inspection_sees_the_denouncer_and_every_view_is_logged(client, officer, inspector, visit_input, now):
    visit = _denunciation(officer, visit_input, now)
    client.force_login(inspector)
    for expected in (1, 2):
        body = client.get(visit.get_absolute_url()).content.decode()
        assert NAME in body
        assert ID_NUMBER in body
        assert f"Tôi tên là {NAME}" in body  # the original content, decrypted for the inspection
        assert AccessLog.objects.filter(user=inspector, object_type="reception.visit", object_id=visit.pk).count() \
            == expected
    book = client.get(reverse("reception:visit_list")).content.decode()
    assert NAME in book
    assert AccessLog.objects.filter(user=inspector, purpose="Sổ tiếp công dân").count() == 1


@pytest.mark.parametrize("who", ["recorder", "other_officer"])
def test_a_reception_officer_sees_the_mask_everywhere_and_nothing_is_decrypted(
    client, officer, visit_input, now, who
):
    visit = _denunciation(officer, visit_input, now, documents_received="Bản sao biên lai")
    client.force_login(officer if who == "recorder" else _other_officer(officer))
    pages = [
        client.get(visit.get_absolute_url()).content.decode(),
        client.get(reverse("reception:visit_list")).content.decode(),
        client.get(reverse("reception:visit_edit", kwargs={"code": visit.code})).content.decode(),
        client.get(reverse("reception:citizen_lookup"), {"q": ID_NUMBER}).content.decode(),
    ]
    for body in pages:
        assert NAME not in body
        assert ID_NUMBER not in body
    # The citizen search knows no such person (the form echoes the query, nothing else).
    assert "Không tìm thấy công dân" in client.get(reverse("people:citizen_list"), {"q": NAME}).content.decode()
    assert "Người tố cáo (giữ bí mật)" in pages[0]
    assert "Người tố cáo (giữ bí mật)" in pages[1]
    export = client.get(reverse("reception:visit_export"))
    cells = " ".join(str(c) for row in load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True)
                     for c in row if c)
    assert NAME not in cells
    assert ID_NUMBER not in cells
    assert "Người tố cáo (giữ bí mật)" in cells
    assert not AccessLog.objects.exists()


def test_the_documents_of_a_denunciation_visit_name_no_one(officer, visit_input, now):
    from tiepdan.reception.tests.test_documents import _text as docx_text

    visit = _denunciation(officer, visit_input, now, documents_received="Bản sao biên lai")
    issue_receipt(visit=visit, actor=officer)
    issue_visit_record(visit=visit, actor=officer)
    for document in documents_for(visit):
        text = docx_text(document)
        assert NAME not in text
        assert ID_NUMBER not in text
        assert "Người tố cáo (giữ bí mật)" in text


def test_the_outsider_gets_404_on_a_denunciation_visit_and_nothing_in_the_book(client, officer, outsider,
                                                                                visit_input, now):
    visit = _denunciation(officer, visit_input, now)
    client.force_login(outsider)
    assert client.get(visit.get_absolute_url()).status_code == 404
    assert client.get(reverse("reception:visit_edit", kwargs={"code": visit.code})).status_code == 404
    assert client.get(reverse("reception:citizen_lookup"), {"q": ID_NUMBER}).status_code == 403
    assert visit.code not in client.get(reverse("reception:visit_list")).content.decode()
    assert not AccessLog.objects.exists()


# --- a returning denouncer ---------------------------------------------------------------------------------


def test_a_returning_denouncer_is_flagged_repeat_by_blind_index(officer, visit_input, now):
    first = _denunciation(officer, visit_input, now - timedelta(days=30),
                          received_at=datetime(2026, 10, 20, 9, 0, tzinfo=TZ))
    assert not first.is_repeat
    by_id = _denunciation(officer, visit_input, now)
    assert by_id.is_repeat
    by_phone = services.record_visit(data=visit_input(
        matter_types=("denunciation",), content="Tố cáo tiếp",
        visitors=(VisitorInput(full_name="Người khác tên", phone="+84 913 555 777"),),
    ), actor=officer, now=now)[0]
    assert by_phone.is_repeat
    stranger = services.record_visit(data=visit_input(
        matter_types=("denunciation",), content="Tố cáo mới",
        visitors=(VisitorInput(full_name="Lạ Văn Mặt", id_number="027195009999"),),
    ), actor=officer, now=now)[0]
    assert not stranger.is_repeat
    assert not Citizen.objects.exists()


def test_a_citizen_who_denounced_by_letter_is_recognised_at_the_desk(officer, visit_input, now):
    from tiepdan.letters.models import DenouncerIdentity, Letter
    from tiepdan.letters.services.identity import Identity, identity_rows
    from tiepdan.org.models import Unit

    letter = Letter.objects.create(
        unit=Unit.objects.get(code="ttr-pc"), channel="post", received_on=date(2026, 10, 1), summary="Tố cáo",
        matter_type="denunciation", protects_identity=True, created_by=officer,
    )
    DenouncerIdentity.objects.bulk_create(identity_rows(letter.pk, [Identity(full_name=NAME, id_number=ID_NUMBER)]))
    assert _denunciation(officer, visit_input, now).is_repeat
    complaint = services.record_visit(data=visit_input(
        visitors=(VisitorInput(full_name=NAME, id_number=ID_NUMBER),)), actor=officer, now=now)[0]
    assert complaint.is_repeat


def test_the_lookup_shows_a_returning_denouncer_only_to_those_allowed(client, officer, inspector, visit_input, now):
    visit = _denunciation(officer, visit_input, now)
    client.force_login(officer)
    body = client.get(reverse("reception:citizen_lookup"), {"q": ID_NUMBER}).content.decode()
    assert visit.code not in body
    assert NAME not in body
    client.force_login(inspector)
    for query in (ID_NUMBER, "0913 555 777"):
        body = client.get(reverse("reception:citizen_lookup"), {"q": query}).content.decode()
        assert NAME in body
        assert visit.code in body
        assert "tiếp nhiều lần" in body
    assert AccessLog.objects.filter(user=inspector, object_id=visit.pk,
                                    purpose="Tra cứu người tố cáo đến lại").count() == 2


# --- reclassification --------------------------------------------------------------------------------------


def test_a_complaint_reclassified_as_a_denunciation_moves_its_visitors_into_the_secret_record(
    client, officer, visit_input, now
):
    known = Citizen.objects.create(full_name="Lê Văn Quen", id_number="027090009998")
    earlier = services.record_visit(data=visit_input(
        visitors=(VisitorInput(citizen_id=known.pk),), content="Khiếu nại lần trước"), actor=officer, now=now)[0]
    (visit,) = services.record_visit(data=visit_input(
        content=CONTENT, head_count=2,
        visitors=(VisitorInput(full_name=NAME, id_number=ID_NUMBER, phone=PHONE), VisitorInput(citizen_id=known.pk)),
    ), actor=officer, now=now)
    services.correct_visit(visit=visit, actor=officer, reason="Ghi nhầm", changes={"note": f"Gặp {NAME}"})
    citizen = Citizen.objects.get(id_number=ID_NUMBER)
    assert NAME in _change_log()
    client.force_login(officer)
    url = reverse("reception:visit_edit", kwargs={"code": visit.code})
    response = client.post(url, {"matter_type": "denunciation", "place": visit.place, "content": visit.content,
                                 "reason": "Công dân tố cáo, không phải khiếu nại"})
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.is_denunciation
    assert not visit.participants.exists()
    assert visit.denouncers.count() == 2
    assert not Citizen.objects.filter(pk=citizen.pk).exists()  # created for this visit alone
    assert Citizen.objects.filter(pk=known.pk).exists()  # known from another visit: kept, without the link
    assert earlier.participants.filter(citizen=known).exists()
    assert NAME not in visit.content
    assert ID_NUMBER not in visit.content
    log = _change_log()
    assert NAME not in log
    assert ID_NUMBER not in log
    assert PHONE not in log
    corrections = " ".join(str(c.changes) for c in visit.corrections.all())
    assert NAME not in corrections
    assert "matter_type" in corrections
    assert AccessLog.objects.filter(object_id=visit.pk, user=officer).exists()
    stored = _every_stored_value()
    assert NAME not in stored
    assert ID_NUMBER not in stored


def test_a_denunciation_reclassified_as_something_else_is_decrypted_only_by_the_inspection(
    officer, inspector, visit_input, now
):
    visit = _denunciation(officer, visit_input, now)
    with pytest.raises(ValidationError) as excinfo:
        services.correct_visit(visit=visit, actor=officer, reason="Nhầm", changes={"matter_type": "complaint"})
    assert "giải mã" in excinfo.value.message_dict["matter_type"][0]
    services.correct_visit(visit=visit, actor=inspector, reason="Không phải tố cáo",
                           changes={"matter_type": "complaint"})
    visit.refresh_from_db()
    assert visit.matter_type == "complaint"
    assert visit.content == CONTENT
    assert visit.participants.get().citizen.id_number == ID_NUMBER
    assert not VisitDenouncer.objects.exists()
    assert not VisitProtectedContent.objects.exists()
    assert AccessLog.objects.filter(user=inspector, object_id=visit.pk).exists()


def test_a_corrected_denunciation_content_is_stored_redacted(officer, inspector, visit_input, now):
    visit = _denunciation(officer, visit_input, now)
    services.correct_visit(visit=visit, actor=officer, reason="Bổ sung",
                           changes={"content": f"{NAME} bổ sung: ông Cán nhận 20 triệu"})
    visit.refresh_from_db()
    assert NAME not in visit.content
    assert NAME not in str(visit.corrections.get().changes)
    revealed = services.identity.reveal_visit(visit=visit, user=inspector, purpose="Kiểm tra")
    assert revealed.content == f"{NAME} bổ sung: ông Cán nhận 20 triệu"
    assert [i.full_name for i in revealed.identities] == [NAME]


# --- the demo and the data migration ------------------------------------------------------------------


def test_the_demo_encrypts_denunciation_visitors(demo_org, make_visit):
    from tiepdan.reception.demo import protect_denunciation_visits

    visit = make_visit(matter_type="denunciation", content=f"{NAME} tố cáo")
    citizen = Citizen.objects.create(full_name=NAME, id_number=ID_NUMBER)
    VisitParticipant.objects.create(visit=visit, citizen=citizen)
    assert protect_denunciation_visits(agency=demo_org) == 1
    assert protect_denunciation_visits(agency=demo_org) == 0
    assert visit.denouncers.count() == 1
    assert not Citizen.objects.filter(pk=citizen.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_the_data_migration_moves_existing_denunciation_visitors(demo_org, officer):
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    before = [("reception", "0003_visit_denouncer")]
    after = [("reception", "0004_protect_denunciation_visitors")]
    executor.migrate(before)
    apps = executor.loader.project_state(before).apps
    hvisit = apps.get_model("reception", "Visit")
    hcitizen = apps.get_model("people", "Citizen")
    hparticipant = apps.get_model("reception", "VisitParticipant")
    unit_id = officer.staff.unit_id
    at = datetime(2026, 3, 2, 9, 0, tzinfo=TZ)

    def visit(matter_type, content):
        return hvisit.objects.create(unit_id=unit_id, received_at=at, matter_type=matter_type, content=content,
                                     outcome="guided", created_by_id=officer.pk)

    secret = hcitizen.objects.create(full_name=NAME, id_number=ID_NUMBER, phone=PHONE)
    known = hcitizen.objects.create(full_name="Lê Văn Quen", id_number="027090009998")
    denunciation = visit("denunciation", f"Tôi là {NAME}, tố cáo ông Cán")
    complaint = visit("complaint", "Khiếu nại")
    hparticipant.objects.create(visit=denunciation, citizen=secret, is_representative=True)
    hparticipant.objects.create(visit=denunciation, citizen=known)
    hparticipant.objects.create(visit=complaint, citizen=known)
    from django.contrib.contenttypes.models import ContentType

    LogEntry.objects.create(content_type=ContentType.objects.get(app_label="people", model="citizen"),
                            object_pk=str(secret.pk), object_repr=NAME, action=0,
                            changes={"full_name": [None, NAME]})
    executor = MigrationExecutor(connection)
    executor.migrate(after)

    assert not Citizen.objects.filter(pk=secret.pk).exists()
    assert Citizen.objects.filter(pk=known.pk).exists()
    moved = Visit.objects.get(pk=denunciation.pk)
    assert not moved.participants.exists()
    assert moved.denouncers.count() == 2
    assert NAME not in moved.content
    assert Visit.objects.get(pk=complaint.pk).participants.count() == 1
    assert NAME not in _change_log()
    assert NAME not in _every_stored_value()
    assert ID_NUMBER not in _every_stored_value()
    from tiepdan.reception.services.identity import reveal_visit

    leader = get_user_model().objects.get(username="giamdoc")
    revealed = reveal_visit(visit=moved, user=leader, purpose="Kiểm tra chuyển dữ liệu")
    assert [i.full_name for i in revealed.identities] == [NAME, "Lê Văn Quen"]
    assert revealed.content == f"Tôi là {NAME}, tố cáo ông Cán"
