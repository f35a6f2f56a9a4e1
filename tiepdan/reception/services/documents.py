"""The documents of the reception desk, in the Decree 30/2020 format, issued through `tiepdan.documents`:

- the receipt of documents handed over (Giấy biên nhận, Form 02/TCD; TCD-RECEIPT);
- the written record of what a citizen without a letter said, for them to sign (Biên bản; TCD-NOLETTER);
- the written refusal notice (Form 01/TCD; Law 42/2013 Art 9(3), ND154 Art 4(3));
- the reception conclusion notice (Thông báo kết luận tiếp công dân; ND154 Art 25).

Each is numbered in the agency's register of its kind (BN, BB, TB) by `tiepdan.documents` and kept,
never edited: a correction is a new document.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

# Documents issued to citizens are legal Vietnamese documents whatever the officer's interface language.
from django.utils.translation import gettext_noop as _

from tiepdan.deadlines import services as deadlines
from tiepdan.documents.render import AdminDocument, Signature, agency_header
from tiepdan.documents.services import issue_document
from tiepdan.legal.grounds import REFUSAL_GROUNDS
from tiepdan.org.models import Staff, UnitKind
from tiepdan.org.selectors import advisory_unit
from tiepdan.reception import policies
from tiepdan.reception.models import ConclusionNotice, Visit, VisitOutcome


def _vn_datetime(visit: Visit) -> str:
    at = timezone.localtime(visit.received_at)
    return _("%(h)s giờ %(m)s phút, ngày %(d)s") % {"h": f"{at:%H}", "m": f"{at:%M}", "d": f"{at:%d/%m/%Y}"}


# TC-CONFID (ADR 0004): a document about a denunciation visit names no one; the denouncer is not a
# Citizen record and the document is kept and downloaded like any other.
MASKED_DENOUNCER = _("Người tố cáo (giữ bí mật)")


def _speaker(visit: Visit):
    if visit.is_denunciation:
        return MASKED_DENOUNCER
    people = list(visit.participants.select_related("citizen").order_by("-is_representative", "id"))
    return people[0].citizen if people else None


def _name_of(citizen) -> str:
    if citizen is None:
        return _("công dân")
    return citizen if isinstance(citizen, str) else citizen.full_name


def _citizen_line(citizen) -> str:
    if citizen is None:
        return _("công dân")
    if isinstance(citizen, str):
        return citizen
    parts = [_("Ông/bà %(name)s") % {"name": citizen.full_name}]
    if citizen.id_number:
        parts.append(_("số định danh cá nhân %(n)s") % {"n": citizen.id_number})
    if citizen.address:
        parts.append(_("địa chỉ: %(a)s") % {"a": citizen.address})
    return ", ".join(parts)


def agency_head(agency_id: int) -> Staff | None:
    """The head of the agency who signs notices (the head position in the leadership unit)."""
    return (
        Staff.objects.filter(unit__agency_id=agency_id, unit__kind=UnitKind.LEADERSHIP, position__is_head=True)
        .select_related("position").order_by("id").first()
    )


def _signature(staff: Staff | None, *, on_behalf: bool = False) -> Signature | None:
    if staff is None:
        return None
    title = (staff.position.signing_title if staff.position else "") or (staff.position.name if staff.position else "")
    head = agency_head(staff.unit.agency_id)
    authority = ""
    if on_behalf and head is not None and head.pk != staff.pk and head.position:
        authority = f"KT. {head.position.signing_title or head.position.name.upper()}"
    return Signature(title=title.upper(), name=staff.full_name, authority=authority)


def _issue(*, subject, unit, actor, kind_code: str, kind_name: str, summary: str, body: list, signer: Staff | None,
           on_behalf: bool = False, recipients=(), kinh_gui=(), grounds=(), issued_on=None):
    doc = AdminDocument(
        **agency_header(unit.agency), kind_code=kind_code, kind_name=kind_name, number=None,
        issued_on=issued_on or timezone.localdate(), summary=summary, body=body, grounds=list(grounds),
        recipients=list(recipients) or [_("Như trên"), _("Lưu: VT")], kinh_gui=list(kinh_gui),
        signature=_signature(signer, on_behalf=on_behalf),
    )
    return issue_document(subject=subject, unit=unit, doc=doc, actor=actor)


def issue_receipt(*, visit: Visit, actor):
    """Giấy biên nhận thông tin, tài liệu, bằng chứng (Form 02/TCD) for what the citizen handed over."""
    if not policies.may_record_visits(actor):
        raise PermissionDenied
    if not visit.documents_received.strip():
        raise ValidationError(_("Lượt tiếp này không ghi tài liệu, giấy tờ nào được giao nhận."))
    officer = visit.officer
    lines = [line.strip(" -") for line in visit.documents_received.splitlines() if line.strip()]
    body = [
        _("Vào hồi %(at)s, tại %(place)s,") % {"at": _vn_datetime(visit), "place": visit.place},
        _("Tôi là %(name)s, cán bộ tiếp công dân, đã nhận của %(citizen)s các thông tin, tài liệu, bằng chứng sau:")
        % {"name": officer.full_name if officer else "", "citizen": _citizen_line(_speaker(visit))},
        *[f"{i}. {line}" for i, line in enumerate(lines, start=1)],
        _("Giấy biên nhận được lập thành 02 bản, người nộp giữ 01 bản, cơ quan tiếp nhận giữ 01 bản."),
        _("Người nộp thông tin, tài liệu, bằng chứng (ký, ghi rõ họ tên)."),
    ]
    with transaction.atomic():
        return _issue(
            subject=visit, unit=visit.unit, actor=actor, kind_code="BN", kind_name=_("GIẤY BIÊN NHẬN"),
            summary=_("Thông tin, tài liệu, bằng chứng"), body=body, signer=officer,
        )


def issue_visit_record(*, visit: Visit, actor):
    """Biên bản ghi lại nội dung công dân trình bày trực tiếp, khi công dân không có đơn (TCD-NOLETTER)."""
    if not policies.may_record_visits(actor):
        raise PermissionDenied
    if visit.brought_letter:
        raise ValidationError(_("Công dân đã có đơn: không cần lập biên bản ghi nội dung trình bày."))
    officer = visit.officer
    body = [
        _("Vào hồi %(at)s, tại %(place)s,") % {"at": _vn_datetime(visit), "place": visit.place},
        _("Người tiếp công dân: %(name)s.") % {"name": officer.full_name if officer else ""},
        _("Người trình bày: %(citizen)s.") % {"citizen": _citizen_line(_speaker(visit))},
        _("Số người cùng nội dung: %(n)s.") % {"n": visit.head_count},
        _("Loại nội dung: %(t)s.") % {"t": visit.get_matter_type_display()},
        _("Nội dung trình bày:"),
        *[line for line in visit.content.splitlines() if line.strip()],
        _("Biên bản đã được đọc lại cho người trình bày nghe, người trình bày xác nhận đúng và ký (hoặc điểm "
          "chỉ) dưới đây (Luật Tiếp công dân, Điều 25 khoản 2)."),
        _("Người trình bày (ký, ghi rõ họ tên hoặc điểm chỉ)."),
    ]
    with transaction.atomic():
        return _issue(
            subject=visit, unit=visit.unit, actor=actor, kind_code="BB", kind_name=_("BIÊN BẢN"),
            summary=_("Ghi nội dung công dân trình bày trực tiếp"), body=body, signer=officer,
        )


def issue_refusal_notice(*, visit: Visit, actor):
    """Thông báo từ chối tiếp công dân (Form 01/TCD), for the grounds that require it in writing."""
    if not policies.may_record_visits(actor):
        raise PermissionDenied
    if visit.outcome != VisitOutcome.REFUSED or not visit.refusal_notice_required:
        raise ValidationError(_("Lượt tiếp này không thuộc trường hợp phải thông báo từ chối bằng văn bản."))
    ground = next((g for g in REFUSAL_GROUNDS if g.code == visit.refusal_ground), None)
    citizen = _speaker(visit)
    head = agency_head(visit.unit.agency_id)
    body = [
        _("Ngày %(d)s, %(citizen)s đến %(place)s để %(type)s về việc: %(content)s") % {
            "d": timezone.localtime(visit.received_at).strftime("%d/%m/%Y"), "citizen": _citizen_line(citizen),
            "place": visit.place, "type": visit.get_matter_type_display().lower(), "content": visit.content,
        },
        _("Căn cứ %(source)s, %(agency)s thông báo từ chối tiếp công dân đối với %(citizen)s.") % {
            "source": ground.source if ground else "", "agency": visit.unit.agency.name,
            "citizen": _name_of(citizen),
        },
        _("Lý do: %(reason)s.") % {"reason": ground.label_vi if ground else visit.refusal_ground},
    ]
    with transaction.atomic():
        document = _issue(
            subject=visit, unit=visit.unit, actor=actor, kind_code="TB", kind_name=_("THÔNG BÁO"),
            summary=_("Về việc từ chối tiếp công dân"), body=body, signer=head,
            kinh_gui=[_name_of(citizen)] if citizen else (),
            grounds=[_("Căn cứ Luật Tiếp công dân ngày 25 tháng 11 năm 2013"),
                     _("Căn cứ Nghị định số 154/2026/NĐ-CP quy định chi tiết một số điều của Luật Tiếp công dân")],
            recipients=[_("Như trên"), _("Lưu: VT, hồ sơ tiếp công dân")],
        )
        # The written notice is what TCD-REFUSE-NOTICE waits for.
        deadlines.close_deadlines(visit, ("TCD-REFUSE-NOTICE",), on=document.issued_on or timezone.localdate())
    return document


def issue_conclusion_document(*, notice: ConclusionNotice, actor):
    """The reception conclusion notice as a document; its number is kept on the notice."""
    session = notice.session
    signer = notice.signer
    host = session.actual_host or session.host
    day = session.planned_on.strftime("%d/%m/%Y")
    body = [
        _("Ngày %(d)s, tại %(place)s, %(title)s %(name)s đã chủ trì tiếp công dân định kỳ.") % {
            "d": day, "place": session.place, "title": host.position.name if host.position else "",
            "name": host.full_name,
        },
    ]
    for visit in session.visits.order_by("received_at", "id"):
        # The notice goes to the units that act on it: a denouncer is never named (TC-CONFID).
        who = _name_of(_speaker(visit))
        body.append(_("- %(who)s (%(n)s người) trình bày: %(content)s") % {
            "who": who, "n": visit.head_count, "content": visit.content,
        })
    body.append(_("Ý kiến kết luận của người chủ trì:"))
    body.extend(line for line in notice.conclusion.splitlines() if line.strip())
    body.append(_("Giao nhiệm vụ:"))
    for index, task in enumerate(notice.tasks.select_related("unit").order_by("id"), start=1):
        body.append(_("%(i)s. %(unit)s: %(text)s Thời hạn: %(due)s.") % {
            "i": index, "unit": task.unit.name, "text": task.text, "due": task.due_on.strftime("%d/%m/%Y"),
        })
    units = sorted({t.unit.name for t in notice.tasks.select_related("unit")})
    # Kept by the advisory unit, which prepares the notice and follows up its tasks (TCD-BOOK-HEAD).
    unit = advisory_unit(session.planned_on) or session.unit
    issued = _issue(
        subject=notice, unit=unit, actor=actor, kind_code="TB", kind_name=_("THÔNG BÁO"),
        summary=_("Kết luận của người chủ trì tại buổi tiếp công dân định kỳ ngày %(d)s") % {"d": day},
        body=body, signer=signer, on_behalf=session.host_role == "deputy_authorized", issued_on=notice.issued_on,
        recipients=[*units, _("Lưu: VT")],
    )
    notice.document_number = issued.number_text
    notice.save(update_fields=["document_number"])
    return issued
