"""Registering a letter (vào sổ): one transaction, nothing saved half, the statutory limit started."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from auditlog.context import set_actor
from django.db import transaction
from django.utils.translation import gettext as _

from tiepdan.common.choices import Channel, MatterType
from tiepdan.letters import attachments as files
from tiepdan.letters.models import TRANSFER_CHANNELS, Attachment, Letter, LetterSender
from tiepdan.letters.services.common import (
    LetterInputError,
    insert_letter,
    refresh_search_columns,
    start_letter_deadline,
)
from tiepdan.letters.services.identity import (
    Identity,
    citizen_for,
    keep_original,
    protect_content,
    store_identities,
)
from tiepdan.text.normalize import digits

MAX_REPRESENTATIVES = 5  # TCD-REP-1: more than 10 people → no more than 5 representatives


@dataclass(frozen=True)
class SenderInput:
    full_name: str = ""
    id_number: str = ""
    phone: str = ""
    commune_code: int | None = None
    address_detail: str = ""
    is_representative: bool = False
    citizen_id: int | None = None  # an existing record picked by the ID / phone lookup

    @property
    def is_blank(self) -> bool:
        return not (self.full_name.strip() or self.citizen_id)


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


def validate_letter_input(
    *, channel: str, received_on: date | None, today: date, summary: str, matter_type: str,
    senders: Sequence[SenderInput], is_anonymous: bool, signer_count: int | None,
    transferring_body: str, transfer_doc_number: str, uploads: Sequence[Upload],
) -> tuple[dict[str, list[str]], list[files.CheckedFile]]:
    """Every reason the input cannot be registered, by field; and the accepted files."""
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if channel not in Channel.values:
        add("channel", _("Chọn nguồn đơn."))
    if received_on is None:
        add("received_on", _("Nhập ngày nhận đơn (dd/mm/yyyy)."))
    elif received_on > today:
        add("received_on", _("Ngày nhận đơn không được sau ngày hôm nay (%(d)s).") % {"d": f"{today:%d/%m/%Y}"})
    if channel in TRANSFER_CHANNELS:
        if not transferring_body.strip():
            add("transferring_body", _("Đơn do cơ quan khác chuyển đến: phải ghi tên cơ quan chuyển đơn."))
        if not transfer_doc_number.strip():
            add("transfer_doc_number", _("Đơn do cơ quan khác chuyển đến: phải ghi số văn bản chuyển đơn."))
    if not summary.strip():
        add("summary", _("Nhập tóm tắt nội dung đơn."))
    if matter_type and matter_type not in MatterType.values:
        add("matter_type", _("Loại đơn không hợp lệ."))
    named = [s for s in senders if not s.is_blank]
    if not is_anonymous and not named:
        add("senders", _("Nhập ít nhất một người gửi đơn, hoặc đánh dấu đơn nặc danh."))
    for s in named:
        number = digits(s.id_number)
        if s.id_number.strip() and len(number) != 12:
            add("senders", _("Số căn cước của %(name)s phải gồm đúng 12 chữ số.") % {"name": s.full_name})
    representatives = sum(1 for s in named if s.is_representative)
    if len(named) > 1 and representatives == 0:
        add("senders", _("Đơn nhiều người ký: chọn người đại diện."))
    if representatives > MAX_REPRESENTATIVES:
        add("senders", _("Không quá %(n)s người đại diện (Luật Tiếp công dân, Điều 29).") % {"n": MAX_REPRESENTATIVES})
    if signer_count is not None and signer_count < max(1, len(named)):
        add("signer_count", _("Số người ký đơn không được ít hơn số người gửi đã nhập (%(n)s).") % {"n": len(named)})
    checked = []
    if len(uploads) > files.MAX_FILES:
        add("attachments", _("Tối đa %(n)s tệp đính kèm.") % {"n": files.MAX_FILES})
    for upload in uploads:
        try:
            checked.append(files.check(upload.name, upload.data))
        except files.AttachmentRefused as exc:
            add("attachments", str(exc))
    return errors, checked


def _identity(sender: SenderInput) -> Identity:
    if sender.citizen_id:
        from tiepdan.people.models import Citizen

        citizen = Citizen.objects.filter(pk=sender.citizen_id).first()
        if citizen is not None:
            return Identity.of_citizen(citizen, is_representative=sender.is_representative)
    return Identity(
        full_name=sender.full_name.strip(), id_number=digits(sender.id_number), phone=sender.phone.strip(),
        address_detail=sender.address_detail.strip(), commune_code=sender.commune_code,
        is_representative=sender.is_representative,
    )


def store_attachments(letter: Letter, checked: Sequence[files.CheckedFile], actor, written: list) -> None:
    for n, item in enumerate(checked, start=1):
        name = (f"Tệp đính kèm {n} (bản gốc — mật).{files.EXTENSIONS[item.kind]}" if letter.protects_identity
                else item.name[:255])
        attachment = Attachment(letter=letter, name=name, kind=item.kind, size=len(item.data), sha256=item.sha256,
                                uploaded_by=actor)
        attachment.file.save("scan.bin", files.encrypted_content(item), save=False)
        written.append(attachment.file)
        attachment.save()


def register_letter(
    *, actor, unit, channel: str, received_on: date | None, today: date, summary: str, text: str = "",
    matter_type: str = "", domain=None, commune_code: int | None = None, senders: Sequence[SenderInput] = (),
    is_anonymous: bool = False, signer_count: int | None = None, transferring_body: str = "",
    transfer_doc_number: str = "", uploads: Sequence[Upload] = (), visit=None,
) -> Letter:
    """Register a letter with its senders and scans, and start its statutory handling limit.

    A denunciation's senders go encrypted into DenouncerIdentity and the letter keeps a redacted
    copy of the text. If `matter_type` is empty the suggestion from the text is used. Raises
    LetterInputError (by field) with nothing saved.
    """
    errors, checked = validate_letter_input(
        channel=channel, received_on=received_on, today=today, summary=summary, matter_type=matter_type,
        senders=senders, is_anonymous=is_anonymous, signer_count=signer_count, transferring_body=transferring_body,
        transfer_doc_number=transfer_doc_number, uploads=uploads,
    )
    if not matter_type and "summary" not in errors:
        from tiepdan.letters.selectors import suggest_for_text

        matter_type = suggest_for_text(f"{summary}\n{text}").type.label or ""
        if not matter_type:
            errors.setdefault("matter_type", []).append(
                _("Chưa xác định được loại đơn từ nội dung: chọn loại đơn.")
            )
    if errors:
        raise LetterInputError(errors)
    named = [s for s in senders if not s.is_blank] if not is_anonymous else []
    written: list = []
    try:
        with transaction.atomic(), set_actor(actor):
            letter = _create(
                actor=actor, unit=unit, channel=channel, received_on=received_on, summary=summary, text=text,
                matter_type=matter_type, domain=domain, commune_code=commune_code, senders=named,
                is_anonymous=is_anonymous, signer_count=signer_count, transferring_body=transferring_body,
                transfer_doc_number=transfer_doc_number, visit=visit,
            )
            store_attachments(letter, checked, actor, written)
    except BaseException:
        for stored in written:  # files are not transactional: remove what this attempt wrote
            stored.storage.delete(stored.name)
        raise
    return letter


def _create(*, actor, unit, channel, received_on, summary, text, matter_type, domain, commune_code, senders,
            is_anonymous, signer_count, transferring_body, transfer_doc_number, visit) -> Letter:
    protected = matter_type == MatterType.DENUNCIATION
    letter = Letter(
        unit=unit, channel=channel, received_on=received_on, visit=visit, is_anonymous=is_anonymous,
        signer_count=signer_count or max(1, len(senders)),
        transferring_body=transferring_body.strip() if channel in TRANSFER_CHANNELS else "",
        transfer_doc_number=transfer_doc_number.strip() if channel in TRANSFER_CHANNELS else "",
        summary=summary.strip()[:500], text=text.strip(), matter_type=matter_type, domain=domain,
        commune_code=commune_code, created_by=actor,
    )
    names: list[str] = []
    if protected:
        identities = [_identity(s) for s in senders]
        original = protect_content(letter, identities)
        insert_letter(letter)
        keep_original(letter, original)
        store_identities(letter, identities)
    else:
        insert_letter(letter)
        for s in senders:
            citizen = citizen_for(_identity(s), s.citizen_id)
            LetterSender.objects.get_or_create(
                letter=letter, citizen=citizen, defaults={"is_representative": s.is_representative}
            )
            names.append(citizen.full_name)
    start_letter_deadline(letter)
    refresh_search_columns(letter, names)  # after the insert, which may have drawn another code
    letter.save(update_fields=["due_on", "search_text", "content_hash"])
    return letter
