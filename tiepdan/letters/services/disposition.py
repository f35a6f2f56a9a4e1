"""Disposing of a letter within its legal limit: accept (a case opens), transfer, guide, urge a
subordinate, or file without action — each issuing its document and closing the letter's deadline
(Circular 05/2021/TT-TTCP; domain.md §2 outcome enum)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from auditlog.context import set_actor
from django.db import transaction
from django.utils.translation import gettext as _

from tiepdan.cases.workflow import Track
from tiepdan.common.choices import MatterType
from tiepdan.legal.grounds import INELIGIBILITY_REASONS, find_ground
from tiepdan.letters import documents as letter_documents
from tiepdan.letters.models import OPEN_STATUSES, Competence, Disposition, Letter, LetterStatus
from tiepdan.letters.policies import MASKED_DENOUNCER, conflict_of_interest, unit_conflict
from tiepdan.letters.services.common import LetterActionRefused, close_letter_deadlines
from tiepdan.org.models import Staff

TRACKS_FOR_TYPE = {
    MatterType.COMPLAINT: (Track.COMPLAINT_FIRST, Track.COMPLAINT_SECOND, Track.COMPLAINT_DISCIPLINE),
    MatterType.DENUNCIATION: (Track.DENUNCIATION,),
    MatterType.PETITION: (Track.PETITION,),
    MatterType.FEEDBACK: (Track.PETITION,),
}
# "No action" filing needs a reason; these are the letter-handling ones beyond the ineligibility list.
FILING_REASONS = {g.code: g for g in INELIGIBILITY_REASONS}


@dataclass(frozen=True)
class Outcome:
    letter: Letter
    document: object | None
    case: object | None = None


def _locked_open(letter: Letter, on: date, today: date) -> Letter:
    letter = Letter.objects.select_for_update().select_related("unit", "unit__agency").get(pk=letter.pk)
    if letter.status not in OPEN_STATUSES:
        raise LetterActionRefused(_("Đơn đã được xử lý (%(s)s).") % {"s": letter.get_status_display()})
    if on > today:
        raise LetterActionRefused(_("Ngày xử lý không được sau ngày hôm nay."))
    if on < letter.received_on:
        raise LetterActionRefused(_("Ngày xử lý không được trước ngày nhận đơn (%(d)s).") % {
            "d": f"{letter.received_on:%d/%m/%Y}"})
    return letter


def _require_classified(letter: Letter) -> None:
    if letter.status != LetterStatus.CLASSIFIED or not letter.competence:
        raise LetterActionRefused(_("Phải phân loại đơn (loại đơn, thẩm quyền, điều kiện xử lý) trước khi xử lý."))


def _finish(letter: Letter, disposition: str, on: date, *, reason: str = "", note: str = "") -> None:
    letter.status = LetterStatus.DISPOSED
    letter.disposition = disposition
    letter.disposed_on = on
    letter.disposition_reason = reason
    letter.disposition_note = note
    letter.save()
    close_letter_deadlines(letter, on=on)


def _sender_names(letter: Letter) -> list[str]:
    if letter.protects_identity:
        return []
    return [link.citizen.full_name for link in
            letter.sender_links.select_related("citizen").order_by("-is_representative", "id")]


def _signature():
    from tiepdan.documents.render import Signature

    signer = (Staff.objects.select_related("position").filter(position__is_head=True, unit__kind="leadership")
              .order_by("id").first())
    if signer is None:
        return Signature(title="GIÁM ĐỐC", name="")
    return Signature(title=signer.position.signing_title or signer.position.name.upper(), name=signer.full_name)


def _issue(letter: Letter, builder, actor, on: date, *, numbered: bool = True, **kwargs):
    """Build and issue the document; the documents app is imported here so letters work without it
    being migrated (it arrived later)."""
    from tiepdan.documents.render import AdminDocument, agency_header
    from tiepdan.documents.services import issue_document

    agency = letter.unit.agency
    fields = builder(
        letter=letter, senders=_sender_names(letter), header=agency_header(agency), agency_name=_agency_name(agency),
        on=on, signature=_signature(), unit_abbr=letter.unit.abbreviation, **kwargs,
    )
    return issue_document(subject=letter, unit=letter.unit, doc=AdminDocument(**fields), actor=actor,
                          numbered=numbered)


def _agency_name(agency) -> str:
    name = agency.name
    for marker in (" tỉnh ", " thành phố "):
        at = name.lower().find(marker)
        if at > 0:
            return name[:at]
    return name


def assign_case_handler(*, case, handler, actor):
    """Assign `handler` to `case`, refusing anyone with a conflict of interest: a person named as
    denounced, or the head of the denounced unit (or of a unit above it). The one door for assigning."""
    if handler is not None and case.letter_id is not None and (reason := conflict_of_interest(handler, case.letter)):
        raise LetterActionRefused(reason + " " + _("Không được giao giải quyết vụ việc."), "TC-CONFID")
    with set_actor(actor):
        case.handler = handler
        case.save(update_fields=["handler"])
    return case


@transaction.atomic
def accept_letter(*, letter: Letter, actor, on: date, today: date, track: str = "", handler=None) -> Outcome:
    """Accept (thụ lý) a letter within competence: open a case of the right track and issue the
    acceptance notice. The handler is checked for conflicts of interest before anything is written."""
    from tiepdan.cases.services import open_case
    from tiepdan.deadlines.selectors import deadlines_for

    letter = _locked_open(letter, on, today)
    _require_classified(letter)
    if letter.competence != Competence.WITHIN:
        raise LetterActionRefused(_("Chỉ thụ lý đơn thuộc thẩm quyền; đơn này cần chuyển hoặc hướng dẫn."))
    if letter.is_eligible is not True:
        raise LetterActionRefused(_("Đơn không đủ điều kiện xử lý: lưu đơn và thông báo lý do."))
    allowed = TRACKS_FOR_TYPE[MatterType(letter.matter_type)]
    track = track or allowed[0]
    if track not in allowed:
        raise LetterActionRefused(_("Loại vụ việc không phù hợp với loại đơn."))
    if reason := unit_conflict(letter.unit, letter.denounced_unit):
        raise LetterActionRefused(reason, "TC-CONFID")
    if handler is not None and (reason := conflict_of_interest(handler, letter)):
        raise LetterActionRefused(reason + " " + _("Không được giao giải quyết vụ việc."), "TC-CONFID")
    with set_actor(actor):
        case = open_case(letter=letter, track=track, actor=actor, handler=handler)
        _finish(letter, Disposition.ACCEPT, on)
        due = deadlines_for(case).filter(status="open").exclude(due_on=None).order_by("due_on").first()
        due_text = (f"Thời hạn theo quy định: {due.label.lower()} chậm nhất ngày {due.due_on:%d/%m/%Y} "
                    f"({due.source}).") if due else ""
        document = _issue(letter, letter_documents.acceptance_notice, actor, on, case_code=case.code,
                          due_text=due_text)
    return Outcome(letter, document, case)


def _same_content_with(letter: Letter, disposition: str) -> Letter | None:
    from tiepdan.letters.selectors import same_content_letters

    return same_content_letters(letter).filter(disposition=disposition).order_by("disposed_on", "id").first()


@transaction.atomic
def transfer_letter(*, letter: Letter, actor, on: date, today: date, to_body: str = "", note: str = "") -> Outcome:
    """Transfer a letter outside competence to the competent body, with a transfer slip (PC).

    A denunciation with the same content is transferred only once (XLD-TC-ONCE, TT 05/2021 Art 14)."""
    letter = _locked_open(letter, on, today)
    _require_classified(letter)
    to_body = (to_body or letter.competent_body).strip()
    if not to_body:
        raise LetterActionRefused(_("Ghi cơ quan có thẩm quyền nhận đơn chuyển."))
    if letter.matter_type == MatterType.DENUNCIATION:
        earlier = _same_content_with(letter, Disposition.TRANSFER)
        if earlier is not None:
            raise LetterActionRefused(
                _("Đơn tố cáo cùng nội dung đã được chuyển ngày %(d)s (đơn %(code)s); theo Thông tư 05/2021/TT-TTCP "
                  "Điều 14, chỉ chuyển một lần. Lưu đơn với lý do “đã chuyển đơn” (XLD-TC-ONCE).")
                % {"d": f"{earlier.disposed_on:%d/%m/%Y}" if earlier.disposed_on else "", "code": earlier.code},
                "XLD-TC-ONCE",
            )
    with set_actor(actor):
        letter.competent_body = to_body
        _finish(letter, Disposition.TRANSFER, on, note=note)
        document = _issue(letter, letter_documents.transfer_slip, actor, on, to_body=to_body, note=note)
    return Outcome(letter, document)


@transaction.atomic
def guide_letter(*, letter: Letter, actor, on: date, today: date, to_body: str = "", note: str = "") -> Outcome:
    """Guide the sender to the competent body with a guidance slip (HD). A complaint outside competence
    is guided once: a second letter of the same matter is filed instead (XLD-KN-OUT, XLD-NOTELIG)."""
    letter = _locked_open(letter, on, today)
    _require_classified(letter)
    if letter.matter_type == MatterType.DENUNCIATION:
        raise LetterActionRefused(_("Đơn tố cáo không thuộc thẩm quyền được chuyển, không hướng dẫn (Luật Tố cáo, "
                                    "Điều 24)."), "TC-FWD")
    if letter.protects_identity or letter.is_anonymous or not letter.sender_links.exists():
        raise LetterActionRefused(_("Đơn không có người gửi để hướng dẫn: lưu đơn."))
    to_body = (to_body or letter.competent_body).strip()
    if not to_body:
        raise LetterActionRefused(_("Ghi cơ quan có thẩm quyền để hướng dẫn công dân."))
    if letter.matter_type == MatterType.COMPLAINT:
        earlier = _same_content_with(letter, Disposition.GUIDE)
        if earlier is not None:
            raise LetterActionRefused(
                _("Khiếu nại này đã được hướng dẫn ngày %(d)s (đơn %(code)s); chỉ hướng dẫn một lần. Lưu đơn với "
                  "lý do “đơn trùng”.") % {"d": f"{earlier.disposed_on:%d/%m/%Y}" if earlier.disposed_on else "",
                                           "code": earlier.code},
                "XLD-KN-OUT",
            )
    with set_actor(actor):
        letter.competent_body = to_body
        _finish(letter, Disposition.GUIDE, on, note=note)
        document = _issue(letter, letter_documents.guidance_slip, actor, on, to_body=to_body, note=note)
    return Outcome(letter, document)


@transaction.atomic
def urge_letter(*, letter: Letter, actor, on: date, today: date, subordinate: str, reply_by: date | None = None,
                note: str = "") -> Outcome:
    """Urge the subordinate body competent for the letter to settle it and report (đôn đốc)."""
    letter = _locked_open(letter, on, today)
    _require_classified(letter)
    subordinate = (subordinate or letter.competent_body).strip()
    if not subordinate:
        raise LetterActionRefused(_("Ghi cơ quan, đơn vị cấp dưới được đôn đốc."))
    if reply_by is not None and reply_by < on:
        raise LetterActionRefused(_("Hạn báo cáo không được trước ngày xử lý."))
    with set_actor(actor):
        letter.competent_body = subordinate
        _finish(letter, Disposition.URGE, on, note=note)
        document = _issue(letter, letter_documents.urging_letter, actor, on, subordinate=subordinate,
                          reply_by=reply_by, note=note)
    return Outcome(letter, document)


@transaction.atomic
def file_letter(*, letter: Letter, actor, on: date, today: date, reason: str, note: str = "") -> Outcome:
    """File a letter without action, with its legal reason. The sender (if identifiable) gets a
    non-acceptance notice stating the reason; otherwise a filing note is kept."""
    letter = _locked_open(letter, on, today)
    if reason not in FILING_REASONS:
        raise LetterActionRefused(_("Chọn lý do lưu đơn theo quy định."))
    ground = find_ground(INELIGIBILITY_REASONS, reason)
    with set_actor(actor):
        if letter.is_eligible is None:
            letter.is_eligible = False
            letter.ineligibility_reason = reason
            letter.eligibility_decided_on = on
        _finish(letter, Disposition.FILE, on, reason=reason, note=note)
        if letter.protects_identity:
            has_sender = not letter.is_anonymous and letter.denouncer_identities.exists()
        else:
            has_sender = not letter.is_anonymous and letter.sender_links.exists()
        builder = letter_documents.non_acceptance_notice if has_sender else letter_documents.filing_note
        document = _issue(letter, builder, actor, on, numbered=has_sender, reason_label=ground.label_vi,
                          reason_source=ground.source, note=note)
    return Outcome(letter, document)


@transaction.atomic
def record_reply(*, letter: Letter, actor, on: date, today: date) -> Letter:
    """Record that the body a letter was transferred to (or the subordinate urged) has answered, on `on`.

    Dated, so that a report of a period ending before `on` does not count the reply. Recording it again
    keeps the first date."""
    letter = Letter.objects.select_for_update().get(pk=letter.pk)
    if letter.disposition not in (Disposition.TRANSFER, Disposition.URGE):
        raise LetterActionRefused(_("Chỉ ghi nhận văn bản trả lời cho đơn đã chuyển hoặc đã đôn đốc."))
    if on > today:
        raise LetterActionRefused(_("Ngày nhận văn bản trả lời không được sau ngày hôm nay."))
    if letter.disposed_on is not None and on < letter.disposed_on:
        raise LetterActionRefused(_("Ngày nhận văn bản trả lời không được trước ngày xử lý đơn (%(d)s).") % {
            "d": f"{letter.disposed_on:%d/%m/%Y}"})
    if letter.reply_received and letter.reply_received_on is not None:
        return letter
    with set_actor(actor):
        letter.reply_received = True
        letter.reply_received_on = on
        letter.save(update_fields=["reply_received", "reply_received_on", "updated_at"])
    return letter


__all__ = [
    "MASKED_DENOUNCER",
    "Outcome",
    "accept_letter",
    "assign_case_handler",
    "file_letter",
    "guide_letter",
    "record_reply",
    "transfer_letter",
    "urge_letter",
]
