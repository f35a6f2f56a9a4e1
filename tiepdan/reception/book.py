"""The reception book as rows of Form 03/TCD (ND154; domain.md §1.5), for the page and the .xlsx export.

Reads only what the selector prefetched (participants with their citizen, letters): no query per row.
A denunciation's visitors are encrypted: shown as "Người tố cáo (giữ bí mật)" unless revealed (and
logged) by reception.services.identity for a user allowed to see them (TC-CONFID).
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tiepdan.legal.grounds import REFUSAL_GROUNDS
from tiepdan.reception.models import LeaderMode, Visit, VisitOutcome

FORM03_COLUMNS = (
    gettext_lazy("STT"),
    gettext_lazy("Ngày tiếp"),
    gettext_lazy("Họ tên và địa chỉ"),
    gettext_lazy("Số CCCD/ĐDCN/Hộ chiếu"),
    gettext_lazy("Tóm tắt nội dung"),
    gettext_lazy("Phân loại đơn"),
    gettext_lazy("Số người cùng nội dung"),
    gettext_lazy("Cơ quan đã giải quyết"),
    gettext_lazy("Thuộc thẩm quyền"),
    gettext_lazy("Hướng dẫn/Cơ quan có thẩm quyền"),
    gettext_lazy("Chuyển đơn"),
    gettext_lazy("Theo dõi kết quả"),
    gettext_lazy("Ghi chú"),
)
SECRET = gettext_lazy("(giữ bí mật)")
MASKED_DENOUNCER = gettext_lazy("Người tố cáo (giữ bí mật)")
_GROUNDS = {g.code: g for g in REFUSAL_GROUNDS}


def _people(visit: Visit) -> list:
    people = list(visit.participants.all())
    people.sort(key=lambda p: (not p.is_representative, p.pk))
    return people


def _others(visit: Visit, named: int) -> list[str]:
    others = visit.head_count - named
    return [_("và %(n)s người khác") % {"n": others}] if others > 0 and named else []


def _name_line(name: str, address: str, representative: bool) -> str:
    text = name
    if representative:
        text += f" ({_('đại diện')})"
    if address:
        text += f", {address}"
    return text


def visitors_text(visit: Visit, *, reveal: bool, identities: list | None = None) -> tuple[str, str]:
    """(names and addresses, ID numbers) of the visitors, representatives first.

    A denunciation's visitors are encrypted (VisitDenouncer): shown only from `identities`, decrypted by
    reception.services.identity.reveal_identities (which logs it) for a user allowed to see them; anyone
    else — or a caller that did not reveal — gets "Người tố cáo (giữ bí mật)"."""
    if visit.is_denunciation:
        if not reveal or identities is None:
            return str(MASKED_DENOUNCER), str(SECRET)
        names = [_name_line(i.full_name, i.address, i.is_representative) for i in identities]
        names += _others(visit, len(identities))
        return "; ".join(names), ", ".join(i.id_number for i in identities if i.id_number)
    people = _people(visit)
    names = [_name_line(p.citizen.full_name, p.citizen.address, p.is_representative) for p in people]
    names += _others(visit, len(people))
    ids = [p.citizen.id_number for p in people if p.citizen.id_number]
    return "; ".join(names), ", ".join(ids)


def _with_number(body: str, number: str) -> str:
    return f"{body} ({_('văn bản số')} {number})" if number else body


def tracking_text(visit: Visit) -> str:
    parts = [visit.result_note] if visit.result_note else []
    for letter in visit.letters.all():
        parts.append(f"{_('Đơn')} {letter.code}: {letter.get_status_display()}"
                     + (f" — {letter.get_disposition_display()}" if letter.disposition else ""))
    if visit.answer_due_on:
        parts.append(_("Hạn trả lời %(d)s") % {"d": visit.answer_due_on.strftime("%d/%m/%Y")})
    return "; ".join(parts)


def notes_text(visit: Visit) -> str:
    parts = [str(visit.get_outcome_display())]
    if visit.outcome == VisitOutcome.REFUSED and (ground := _GROUNDS.get(visit.refusal_ground)):
        parts.append(f"{_('Căn cứ')}: {ground.source}")
    if visit.is_mass:
        parts.append(_("Đoàn đông người"))
    parts.append(_("Tiếp nhiều lần") if visit.is_repeat else _("Tiếp lần đầu"))
    if visit.leader_mode != LeaderMode.NONE and visit.leader_id:
        parts.append(f"{visit.get_leader_mode_display()}: {visit.leader.full_name}")
    if visit.note:
        parts.append(visit.note)
    return "; ".join(parts)


def book_row(number: int, visit: Visit, *, reveal: bool, identities: list | None = None) -> list:
    """The 13 cells of Form 03/TCD for one visit (strings, except STT, the date and the head count).
    `identities`: the visit's revealed denouncers, if it is a denunciation the user may see."""
    names, ids = visitors_text(visit, reveal=reveal, identities=identities)
    kind = str(visit.get_matter_type_display())
    if visit.domain_id:
        kind += f" — {visit.domain.name}"
    guided = visit.outcome in (VisitOutcome.GUIDED, VisitOutcome.REFUSED) and visit.competent_body
    transferred = visit.outcome == VisitOutcome.TRANSFERRED
    return [
        number,
        visit.received_at,  # a date cell in the .xlsx; the page shows it dd/mm/yyyy hh:mm
        names,
        ids,
        visit.content,
        kind,
        visit.head_count,
        visit.prior_settlement_body,
        "x" if visit.within_competence else "",
        _with_number(visit.competent_body, visit.document_number) if guided else "",
        _with_number(visit.competent_body, visit.document_number) if transferred else "",
        tracking_text(visit),
        notes_text(visit),
    ]
