"""Assignment of letters and cases: lead unit, coordinating units, handler, an internal due date never
later than the legal one (nor than an event period's shorter limit), transfers with a reason,
comments and internal documents, the whole history audited."""

from datetime import date, timedelta

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tiepdan.coordination import services
from tiepdan.coordination.models import Assignment, AssignmentEventKind
from tiepdan.deadlines.models import Deadline
from tiepdan.org.models import Unit


def _url(name, case):
    return reverse(f"coordination:{name}", args=["vu-viec", case.code])


def test_the_head_assigns_a_case_with_an_internal_due_date_within_the_legal_one(culture_case, head, handler):
    legal_due = culture_case.due_on
    assignment = services.assign(
        subject=culture_case,
        actor=head,
        on=date(2026, 3, 3),
        handler=handler,
        internal_due_on=legal_due - timedelta(days=2),
        coordinating_units=[Unit.objects.get(code="ql-di-san")],
    )
    assert assignment.lead_unit == culture_case.unit
    assert assignment.legal_due_on == legal_due
    assert [u.code for u in assignment.coordinating_units.all()] == ["ql-di-san"]
    culture_case.refresh_from_db()
    assert culture_case.handler == handler
    assert assignment.events.get().kind == AssignmentEventKind.ASSIGNED


def test_an_internal_due_date_after_the_legal_one_is_refused_in_vietnamese(culture_case, head, handler):
    with pytest.raises(services.Refused) as refused:
        services.assign(
            subject=culture_case,
            actor=head,
            on=date(2026, 3, 3),
            handler=handler,
            internal_due_on=culture_case.due_on + timedelta(days=1),
        )
    assert refused.value.field == "internal_due_on"
    assert "không được muộn hơn thời hạn theo quy định của pháp luật" in refused.value.message_vi
    assert f"{culture_case.due_on:%d/%m/%Y}" in refused.value.message_vi


def test_the_form_keeps_the_input_and_shows_the_reason_beside_the_field(clock, client, culture_case, head, handler):
    client.force_login(head)
    too_late = f"{culture_case.due_on + timedelta(days=5):%d/%m/%Y}"
    response = client.post(
        _url("assignment_assign", culture_case), {"handler": handler.pk, "internal_due_on": too_late}
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert 'id="field-internal_due_on"' in body
    field = body.split('id="field-internal_due_on"', 1)[1].split("</div>", 1)[0]
    assert "không được muộn hơn thời hạn theo quy định" in field
    assert f'value="{too_late}"' in field
    assert not Assignment.objects.exists()


@pytest.mark.parametrize("bad", ["31/02/2026", "hôm nay", "2026-13-01", ""])
def test_a_malformed_date_is_a_message_not_a_500(clock, client, culture_case, head, handler, bad):
    client.force_login(head)
    response = client.post(_url("assignment_assign", culture_case), {"handler": handler.pk, "internal_due_on": bad})
    assert response.status_code == 422
    body = response.content.decode()
    assert "dd/mm/yyyy" in body or "bắt buộc" in body


def test_during_an_event_period_the_internal_limit_is_shorter(make_period, culture_case, head, handler):
    # The election period (from 04/01/2026, 70 days before 15/03) covers 03/03/2026; here 50 % of the
    # legal span counted from the case's start (02/03/2026).
    make_period(percent=50, before_days=70)
    limit = services.internal_limit_for(culture_case, on=date(2026, 3, 3))
    assert limit.period_limit is not None
    assert limit.period_limit < limit.legal_due
    with pytest.raises(services.Refused) as refused:
        services.assign(
            subject=culture_case, actor=head, on=date(2026, 3, 3), handler=handler, internal_due_on=limit.legal_due
        )
    assert "Trong đợt cao điểm" in refused.value.message_vi
    services.assign(
        subject=culture_case, actor=head, on=date(2026, 3, 3), handler=handler, internal_due_on=limit.period_limit
    )


def test_the_handler_must_belong_to_the_lead_unit(culture_case, head, outsider):
    with pytest.raises(services.Refused) as refused:
        services.assign(
            subject=culture_case, actor=head, on=date(2026, 3, 3), handler=outsider, internal_due_on=date(2026, 3, 5)
        )
    assert refused.value.field == "handler"


def test_a_transfer_needs_a_reason_and_moves_the_case_and_its_deadlines(culture_case, head, handler, inspector):
    assignment = services.assign(
        subject=culture_case, actor=head, on=date(2026, 3, 3), handler=handler, internal_due_on=date(2026, 3, 6)
    )
    heritage = Unit.objects.get(code="ql-di-san")
    with pytest.raises(services.Refused) as refused:
        services.transfer(assignment=assignment, to_unit=heritage, reason="  ", actor=head)
    assert refused.value.field == "reason"
    services.transfer(assignment=assignment, to_unit=heritage, reason="Nội dung thuộc lĩnh vực di sản", actor=head)
    culture_case.refresh_from_db()
    assignment.refresh_from_db()
    assert culture_case.unit == heritage
    assert assignment.lead_unit == heritage
    assert assignment.handler is None
    assert set(
        Deadline.objects.filter(object_id=culture_case.pk, status="open").values_list("unit__code", flat=True)
    ) == {"ql-di-san"}
    event = assignment.events.get(kind=AssignmentEventKind.TRANSFERRED)
    assert (event.from_unit.code, event.to_unit.code, event.text) == (
        "ql-van-hoa",
        "ql-di-san",
        "Nội dung thuộc lĩnh vực di sản",
    )


def test_a_denunciation_is_never_transferred_to_the_unit_it_denounces(make_letter, head, handler, inspector):
    from tiepdan.cases.services import open_case

    museum = Unit.objects.get(code="bao-tang")
    letter = make_letter("ttr-pc", matter_type="denunciation", received_on=date(2026, 3, 2), denounced_unit=museum)
    case = open_case(letter=letter, track="denunciation", actor=inspector)
    assignment = services.assign(subject=case, actor=inspector, on=date(2026, 3, 3), handler=inspector,
                                 internal_due_on=date(2026, 3, 10))
    with pytest.raises(services.Refused) as refused:
        services.transfer(assignment=assignment, to_unit=museum, reason="Chuyển về đơn vị", actor=inspector)
    assert refused.value.field == "to_unit"
    assert "Bảo tàng" in refused.value.message_vi
    case.refresh_from_db()
    assignment.refresh_from_db()
    assert case.unit.code == "ttr-pc"
    assert assignment.lead_unit.code == "ttr-pc"
    assert case.handler == inspector


def test_comments_and_internal_documents_join_the_history_which_is_audited(clock, client, culture_case, head, handler):
    assignment = services.assign(
        subject=culture_case, actor=head, on=date(2026, 3, 3), handler=handler, internal_due_on=date(2026, 3, 6)
    )
    client.force_login(handler)
    upload = SimpleUploadedFile("to-trinh.pdf", b"%PDF-1.4 demo", content_type="application/pdf")
    response = client.post(
        _url("assignment_comment", culture_case),
        {"text": "Đề nghị phòng Di sản cho ý kiến", "document_number": "12/TTr-QLVH", "attachment": upload},
    )
    assert response.status_code == 302
    event = assignment.events.get(kind=AssignmentEventKind.DOCUMENT)
    assert event.document_number == "12/TTr-QLVH"
    body = client.get(_url("assignment_detail", culture_case)).content.decode()
    assert "Đề nghị phòng Di sản cho ý kiến" in body
    download = client.get(reverse("coordination:assignment_file", args=[event.pk]))
    assert download.status_code == 200
    # django-auditlog keeps who changed what on the assignment itself.
    services.assign(
        subject=culture_case, actor=head, on=date(2026, 3, 3), handler=handler, internal_due_on=date(2026, 3, 5)
    )
    entries = LogEntry.objects.get_for_object(assignment)
    assert entries.filter(actor=head).count() >= 2
    assert "internal_due_on" in entries.order_by("-timestamp").first().changes


def test_a_coordinating_unit_sees_the_assignment_but_an_outsider_does_not(
    clock, client, culture_case, head, handler, user, outsider
):
    services.assign(
        subject=culture_case,
        actor=head,
        on=date(2026, 3, 3),
        handler=handler,
        internal_due_on=date(2026, 3, 6),
        coordinating_units=[Unit.objects.get(code="ql-di-san")],
    )
    client.force_login(user("disan"))
    assert client.get(_url("assignment_detail", culture_case)).status_code == 200
    client.force_login(outsider)
    assert client.get(_url("assignment_detail", culture_case)).status_code == 404
    assert client.post(_url("assignment_comment", culture_case), {"text": "x"}).status_code == 404
    assert client.post(_url("assignment_transfer", culture_case), {"to_unit": 1, "reason": "x"}).status_code == 404


def test_a_handler_may_comment_but_not_reassign(clock, client, culture_case, head, handler):
    services.assign(
        subject=culture_case, actor=head, on=date(2026, 3, 3), handler=handler, internal_due_on=date(2026, 3, 6)
    )
    client.force_login(handler)
    response = client.post(
        _url("assignment_assign", culture_case), {"handler": handler.pk, "internal_due_on": "05/03/2026"}
    )
    assert response.status_code == 403


def test_unassigned_cases_are_listed_for_the_unit(clock, client, culture_case, head):
    client.force_login(head)
    body = client.get(reverse("coordination:assignment_list")).content.decode()
    assert culture_case.code in body.split('id="unassigned"', 1)[1]


def test_the_head_sees_matters_awaiting_assignment_in_my_work(clock, client, culture_case, head):
    client.force_login(head)
    body = client.get(reverse("coordination:my_work")).content.decode()
    assert "đơn, vụ việc chờ phân công" in body.split('id="awaiting-assignment"', 1)[1]


def test_an_over_level_matter_is_flagged_on_the_assignment_list(clock, client, culture_case, head, handler, inspector):
    services.assign(
        subject=culture_case, actor=head, on=date(2026, 3, 3), handler=handler, internal_due_on=date(2026, 3, 6)
    )
    services.record_over_level(
        actor=inspector,
        unit=Unit.objects.get(code="ttr-pc"),
        level="province",
        body="Ban Tiếp công dân tỉnh",
        occurred_on=date(2026, 3, 4),
        matter=culture_case.title,
        case=culture_case,
    )
    client.force_login(head)
    body = client.get(reverse("coordination:assignment_list")).content.decode()
    row = body.split(culture_case.code, 1)[1].split("</td>", 1)[0]
    assert "Vượt cấp" in row


def test_letters_awaiting_assignment_are_the_open_ones_most_urgent_first(make_letter, head):
    from tiepdan.coordination.selectors import unassigned
    from tiepdan.letters.models import LetterStatus

    later = make_letter(due_on=date(2026, 3, 20))
    sooner = make_letter(due_on=date(2026, 3, 10), status=LetterStatus.CLASSIFIED)
    make_letter(due_on=date(2026, 3, 5), status=LetterStatus.DISPOSED)
    make_letter(due_on=date(2026, 3, 6), status=LetterStatus.SPLIT)  # its parts wait, not the letter
    make_letter("bao-tang", due_on=date(2026, 3, 1))  # another unit's
    assert [letter.code for letter in unassigned(head)["letters"]] == [sooner.code, later.code]
